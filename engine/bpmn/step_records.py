"""A step's record declaration (:mod:`engine.sop.step_records`) as the ``sop:record`` extension of its task::

    <bpmn:extensionElements>
      <sop:record kind="tim" action="buat">
        <sop:field name="nomor_sk" from="nomor_keputusan_tim"/>
      </sop:record>
    </bpmn:extensionElements>
"""

from __future__ import annotations

from lxml import etree

from engine.bpmn.names import bpmn, sop
from engine.sop.model import Step
from engine.sop.step_records import StepRecord


def write_record(extensions: etree._Element, step: Step) -> None:
    """Add ``sop:record`` to a task's extension elements when the step declares a record."""
    record = step.record
    if record is None:
        return
    element = etree.SubElement(extensions, sop("record"), kind=record.kind, action=record.action)
    for name, source in record.fields.items():
        etree.SubElement(element, sop("field"), {"name": name, "from": source})  # "from" is a Python keyword


def read_record(task: etree._Element) -> StepRecord | None:
    """The ``sop:record`` of a task; ``None`` when it has none (a file from another modeler)."""
    element = task.find(f"{bpmn('extensionElements')}/{sop('record')}")
    if element is None:
        return None
    fields = {(item.get("name") or "").strip(): (item.get("from") or "").strip()
              for item in element.findall(sop("field")) if (item.get("name") or "").strip()}
    return StepRecord((element.get("kind") or "").strip().lower(), (element.get("action") or "").strip().lower(),
                      fields)
