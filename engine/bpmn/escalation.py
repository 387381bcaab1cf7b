"""Escalation timers: a non-interrupting boundary timer on every timed step, added for execution.

``alur publish --eskalasi`` runs the SOP with a timer on each user task that has a WAKTU. The
timer's id is ``<step>__eskalasi`` and its expression is the WAKTU text; the runtime recognises
the id and fires the timer at the step's due time in working time (the same instant the work item
shows), then records an ``escalated`` event. Being non-interrupting, the step stays with its clerk.
The stored BPMN document is left as written; only the executed spec carries the timers.
"""

from __future__ import annotations

from lxml import etree

from engine.bpmn.names import BPMN_NS, SOP_NS, bpmn, sop

#: Suffix of the id of an escalation timer (after the step id).
ESCALATION_SUFFIX = "__eskalasi"


def escalation_step(event_id: str) -> str:
    """The step an escalation timer watches, or "" when ``event_id`` is not an escalation timer."""
    return event_id[: -len(ESCALATION_SUFFIX)] if event_id.endswith(ESCALATION_SUFFIX) else ""


def add_escalation_timers(bpmn_bytes: bytes) -> bytes:
    """Return ``bpmn_bytes`` with an escalation boundary timer on every user task with a WAKTU."""
    root = etree.fromstring(bpmn_bytes, etree.XMLParser(resolve_entities=False, no_network=True))
    namespaces = {"bpmn": BPMN_NS, "sop": SOP_NS}
    # the rows of a sub-process (engine.sop.structure) are user tasks inside it: their timer goes there too
    containers = [container for process in root.iterfind("bpmn:process", namespaces)
                  for container in (process, *process.iter(bpmn("subProcess")))]
    for process in containers:
        for task in list(process.iterfind("bpmn:userTask", namespaces)):
            waktu = task.findtext("bpmn:extensionElements/sop:step/sop:waktu", default="", namespaces=namespaces)
            if not waktu.strip():
                continue
            step_id = task.get("id", "")
            event_id = step_id + ESCALATION_SUFFIX
            end_id = event_id + "_akhir"
            flow_id = event_id + "_alur"
            boundary = etree.SubElement(process, bpmn("boundaryEvent"), id=event_id, attachedToRef=step_id,
                                        cancelActivity="false", name=f"Eskalasi: {waktu.strip()}")
            extensions = etree.SubElement(boundary, bpmn("extensionElements"))
            etree.SubElement(extensions, sop("generated"), step=step_id, role="escalation")
            etree.SubElement(boundary, bpmn("outgoing")).text = flow_id
            definition = etree.SubElement(boundary, bpmn("timerEventDefinition"), id=event_id + "_pewaktu")
            quoted = waktu.strip().replace('"', "'")
            etree.SubElement(definition, bpmn("timeDuration")).text = f'"{quoted}"'
            end = etree.SubElement(process, bpmn("endEvent"), id=end_id)
            etree.SubElement(end, bpmn("incoming")).text = flow_id
            etree.SubElement(process, bpmn("sequenceFlow"), id=flow_id, sourceRef=event_id, targetRef=end_id)
    return etree.tostring(root, xml_declaration=True, encoding="UTF-8")
