"""Write the events of SOP rows (:mod:`engine.sop.events`) as BPMN.

- a wait row: an ``intermediateCatchEvent`` with the step's id;
- an event-based choice: an ``eventBasedGateway`` with the step's id, then one catch event per
  trigger (``<step>__tunggu_1`` leads to Ya, ``<step>__tunggu_2`` to Tidak);
- a boundary: a ``boundaryEvent`` ``<step>__batas_<n>`` attached to the step's userTask;
- a terminate end: ``terminateEventDefinition``; an error end: ``errorEventDefinition``.

Messages, signals and errors get their root elements (``bpmn:message`` ...). A timer's
``timeDuration`` holds the WAKTU text quoted, as SpiffWorkflow wants an expression; a date from a
case field is a ``timeDate`` naming the field. What the runtime uses is the ``sop:tunggu`` /
``sop:batas`` / ``sop:akhir`` extension of the step, written here too, so a round trip keeps
every field.
"""

from __future__ import annotations

from lxml import etree

from engine.bpmn.names import XSI_NS, bpmn, end_event_id, sop
from engine.sop.events import EndKind, Trigger, TriggerKind, boundary_event_id, choice_event_id
from engine.sop.model import Sop, Step, StepKind, slugify

#: Generated roles of the elements added for events (``sop:generated role=...``).
CHOICE_ROLE = "choice"
BOUNDARY_ROLE = "boundary"

#: The root element tag of each named trigger kind (its id: the kind's BPMN id prefix and the name).
_ROOT_TAG = {TriggerKind.MESSAGE: "message", TriggerKind.SIGNAL: "signal", TriggerKind.ERROR: "error"}
_ROOT_PREFIX = {TriggerKind.MESSAGE: "Pesan_", TriggerKind.SIGNAL: "Sinyal_", TriggerKind.ERROR: "Galat_"}


def main_tag(step: Step) -> str:
    """The BPMN element of a row with a wait, or "" for a row without one."""
    if not step.wait:
        return ""
    return "eventBasedGateway" if step.kind is StepKind.DECISION else "intermediateCatchEvent"


def helper_nodes(step: Step) -> list[tuple[str, str, str]]:
    """``(id, tag, role)`` of the elements added after a step's own element for its events."""
    nodes: list[tuple[str, str, str]] = []
    if step.kind is StepKind.DECISION and step.wait:
        nodes += [(choice_event_id(step.id, index), "intermediateCatchEvent", CHOICE_ROLE)
                  for index in range(len(step.wait))]
    nodes += [(boundary_event_id(step.id, index), "boundaryEvent", BOUNDARY_ROLE)
              for index in range(len(step.boundaries))]
    return nodes


def event_flows(step: Step) -> list[tuple[str, str]]:
    """``(source element, target step)`` of the arrows an event adds (the choice's and the boundaries')."""
    flows: list[tuple[str, str]] = []
    if step.kind is StepKind.DECISION and step.wait:
        for index, target in enumerate((step.yes, step.no)[: len(step.wait)]):
            if target:
                flows.append((choice_event_id(step.id, index), target))
    for index, boundary in enumerate(step.boundaries):
        if boundary.target:
            flows.append((boundary_event_id(step.id, index), boundary.target))
    return flows


def trigger_of(step: Step, node_id: str) -> Trigger | None:
    """The trigger an event element of ``step`` waits for (``None`` for elements without one)."""
    if step.wait and step.kind is StepKind.ACTIVITY and node_id == step.id:
        return step.wait[0]
    for index, trigger in enumerate(step.wait):
        if node_id == choice_event_id(step.id, index):
            return trigger
    for index, boundary in enumerate(step.boundaries):
        if node_id == boundary_event_id(step.id, index):
            return boundary.trigger
    return None


def finish_event_element(element: etree._Element, step: Step, node_id: str, tag: str) -> None:
    """Add what a BPMN event element needs after its incoming/outgoing: attachment and definition."""
    if tag == "boundaryEvent":
        index = int(node_id.rsplit("_", 1)[1]) - 1
        boundary = step.boundaries[index]
        element.set("attachedToRef", step.id)
        element.set("cancelActivity", "true" if boundary.interrupting else "false")
    trigger = trigger_of(step, node_id)
    if trigger is not None:
        _definition(element, trigger, node_id)
    elif tag == "endEvent" and node_id in (step.id, end_event_id(step.id)):
        if step.end.kind is EndKind.TERMINATE:
            etree.SubElement(element, bpmn("terminateEventDefinition"), id=f"{node_id}_def")
        elif step.end.kind is EndKind.ERROR:
            etree.SubElement(element, bpmn("errorEventDefinition"), id=f"{node_id}_def",
                             errorRef=_root_id(TriggerKind.ERROR, step.end.code))


def _definition(element: etree._Element, trigger: Trigger, node_id: str) -> None:
    if trigger.kind is TriggerKind.TIMER:
        definition = etree.SubElement(element, bpmn("timerEventDefinition"), id=f"{node_id}_def")
        if trigger.date_field:
            expression = etree.SubElement(definition, bpmn("timeDate"))
            expression.text = trigger.date_field
        else:
            expression = etree.SubElement(definition, bpmn("timeDuration"))
            expression.text = '"' + trigger.duration.replace('"', "'") + '"'
        expression.set(f"{{{XSI_NS}}}type", "bpmn:tFormalExpression")
        return
    tag = _ROOT_TAG[trigger.kind]
    definition = etree.SubElement(element, bpmn(f"{tag}EventDefinition"), id=f"{node_id}_def")
    definition.set(f"{tag}Ref", _root_id(trigger.kind, trigger.name))


def _root_id(kind: TriggerKind, name: str) -> str:
    return _ROOT_PREFIX[kind] + slugify(name, "x")


def write_root_elements(root: etree._Element, sop_model: Sop) -> None:
    """Insert the ``bpmn:message`` / ``signal`` / ``error`` elements the events refer to."""
    named: dict[tuple[TriggerKind, str], None] = {}
    for step in sop_model.steps:
        for trigger in step.wait + [boundary.trigger for boundary in step.boundaries]:
            if trigger.kind in _ROOT_TAG and trigger.name:
                named[(trigger.kind, trigger.name)] = None
        if step.end.kind is EndKind.ERROR and step.end.code:
            named[(TriggerKind.ERROR, step.end.code)] = None
    for position, (kind, name) in enumerate(named):
        element = etree.Element(bpmn(_ROOT_TAG[kind]), id=_root_id(kind, name), name=name)
        if kind is TriggerKind.ERROR:
            element.set("errorCode", name)
        root.insert(position, element)


def write_step_events(element: etree._Element, step: Step) -> None:
    """The ``sop:`` extension of a step's events (inside its ``sop:step``)."""
    if step.wait:
        waits = etree.SubElement(element, sop("tunggu"))
        for trigger in step.wait:
            _trigger_element(waits, trigger)
    if step.boundaries:
        boundaries = etree.SubElement(element, sop("batas"))
        for boundary in step.boundaries:
            item = _trigger_element(boundaries, boundary.trigger)
            item.set("ke", boundary.target)
            if not boundary.interrupting:
                item.set("menyela", "false")
    if step.end.kind is not EndKind.PLAIN:
        end = etree.SubElement(element, sop("akhir"), jenis=step.end.kind.value)
        if step.end.code:
            end.set("kode", step.end.code)


def _trigger_element(parent: etree._Element, trigger: Trigger) -> etree._Element:
    item = etree.SubElement(parent, sop("pemicu"), jenis=trigger.kind.value)
    for attribute, value in (("waktu", trigger.duration), ("tanggal", trigger.date_field), ("nama", trigger.name),
                             ("korelasi", trigger.correlation)):
        if value:
            item.set(attribute, value)
    return item


__all__ = ["BOUNDARY_ROLE", "CHOICE_ROLE", "event_flows", "finish_event_element", "helper_nodes", "main_tag",
           "write_root_elements", "write_step_events"]
