"""BPMN for structured rows (:mod:`engine.sop.structure`), used by :mod:`engine.bpmn.writer`.

- a sub-process row is a ``subProcess`` holding its nested rows, with a generated start event
  before its first row and a generated end event after every row without a successor; it has a
  lane set of its own (SpiffWorkflow reads the lanes of a sub-process's tasks there) and a diagram
  of its own (the drill-down plane bpmn.io shows for a collapsed sub-process);
- a call row is a ``callActivity`` whose ``calledElement`` is the called SOP's key;
- a multi-instance row is a ``userTask`` with ``multiInstanceLoopCharacteristics`` over a task-data
  list (the table field, or the units the runtime puts in ``alur_unit_<row>``), each instance's item in
  ``inputDataItem`` and collected into ``alur_hasil_<row>``; "any" and "n of m" are completion
  conditions on ``nrOfCompletedInstances``;
- a loop row has ``standardLoopCharacteristics`` (``loopCondition``, ``loopMaximum``).

Every row also carries ``sop:structure`` so that reading the file back gives the same model.
"""

from __future__ import annotations

from lxml import etree

from engine.bpmn.names import XSI_NS, bpmn, sop
from engine.sop.model import Step
from engine.sop.structure import OVER_FIELD

SUB_START = "sub_start"
SUB_END = "sub_end"


def units_variable(step_id: str) -> str:
    """The task-data name of the units a multi-instance row over units runs for."""
    return f"alur_unit_{step_id}"


def results_variable(step_id: str) -> str:
    """The task-data name the items of a multi-instance row are collected in."""
    return f"alur_hasil_{step_id}"


def sub_start_id(step_id: str) -> str:
    return f"Alur_{step_id}_awal"


def sub_end_id(step_id: str) -> str:
    return f"Alur_{step_id}_akhir"


def structured_tag(step: Step) -> str:
    """The BPMN element of a structured activity row ("" for a plain row)."""
    if step.structure.subprocess:
        return "subProcess"
    if step.structure.call is not None:
        return "callActivity"
    return ""


def write_structure(element: etree._Element, extensions: etree._Element, step: Step) -> None:
    """Add the ``sop:structure`` extension and the loop characteristics of ``step`` to its element."""
    structure = step.structure
    if structure.plain:
        return
    ext = etree.SubElement(extensions, sop("structure"))
    if structure.subprocess:
        ext.set("subprocess", "true")
        ext.set("pelaksana", step.actor)  # the sub-process is in no lane (engine.bpmn.writer._write_lanes)
    if structure.within:
        ext.set("within", structure.within)
    call = structure.call
    if call is not None:
        etree.SubElement(ext, sop("call"), key=call.key, version=str(call.version), element=call.called_element,
                         name=call.name)
        element.set("calledElement", call.key or call.called_element or "alur_sop_dipilih")
    multi = structure.multi
    if multi is not None:
        etree.SubElement(ext, sop("multi"), over=multi.over, source=multi.source,
                         sequential="true" if multi.sequential else "false", completion=multi.completion,
                         count=str(multi.count), item=multi.item)
    loop = structure.loop
    if loop is not None:
        loop_ext = etree.SubElement(ext, sop("loop"), maximum=str(loop.maximum))
        loop_ext.text = loop.condition
    for target, condition in structure.branches.items():
        etree.SubElement(ext, sop("branch"), target=target).text = condition
    if structure.inclusive_join:
        ext.set("inclusiveJoin", "true")


def write_properties(process: etree._Element, steps: list[Step]) -> None:
    """A process property per list a multi-instance row runs over: ``loopDataInputRef`` refers to an
    item-aware element by id (bpmn.io resolves it), and SpiffWorkflow reads the task data of that name."""
    names: list[str] = []
    for step in steps:
        multi = step.structure.multi
        if multi is not None:
            source = multi.source if multi.over == OVER_FIELD else units_variable(step.id)
            if source and source not in names:
                names.append(source)
    for name in names:
        etree.SubElement(process, bpmn("property"), id=name, name=name)


def write_loop_characteristics(element: etree._Element, step: Step) -> None:
    """The BPMN loop characteristics (after incoming/outgoing, as the schema orders them)."""
    multi, loop = step.structure.multi, step.structure.loop
    if multi is not None:
        characteristics = etree.SubElement(element, bpmn("multiInstanceLoopCharacteristics"),
                                           isSequential="true" if multi.sequential else "false")
        source = multi.source if multi.over == OVER_FIELD else units_variable(step.id)
        etree.SubElement(characteristics, bpmn("loopDataInputRef")).text = source
        item = multi.item_name(step.id)
        etree.SubElement(characteristics, bpmn("inputDataItem"), id=item, name=item)
        condition = multi.completion_condition()
        if condition:
            expression = etree.SubElement(characteristics, bpmn("completionCondition"))
            expression.set(f"{{{XSI_NS}}}type", "bpmn:tFormalExpression")
            expression.text = condition
    elif loop is not None:
        characteristics = etree.SubElement(element, bpmn("standardLoopCharacteristics"), testBefore="false")
        if loop.maximum:
            characteristics.set("loopMaximum", str(loop.maximum))
        if loop.condition:
            expression = etree.SubElement(characteristics, bpmn("loopCondition"))
            expression.set(f"{{{XSI_NS}}}type", "bpmn:tFormalExpression")
            expression.text = loop.condition
