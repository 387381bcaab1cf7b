"""Choices drawn without a gateway: a task whose arrows carry a condition.

BPMN lets an activity choose its way itself: a conditional arrow is taken when its condition holds,
the activity's default arrow when none does. With exactly one conditional arrow next to the default
arrow this is an exclusive choice, so it is read as the task followed by a decision (Ya: the
conditional arrow, Tidak: the default). With more conditional arrows several may hold at once (an
inclusive choice); those stay refused by the reader.
"""

from __future__ import annotations

from typing import Any


def decisions_after_tasks(reader: Any, task_tags: set[str], node_type: Any, flow_type: Any) -> None:
    """Put a decision between each task and its one conditional and one default arrow.

    :param node_type: the reader's flow node class; ``flow_type``: its arrow class.
    """

    for node in list(reader.nodes.values()):
        if node.tag not in task_tags or len(node.outgoing) != 2 or not node.default_flow:
            continue
        flows = [reader.flows[flow_id] for flow_id in node.outgoing]
        conditional = [flow for flow in flows if flow.condition and flow.id != node.default_flow and not flow.message]
        if len(conditional) != 1 or node.default_flow not in node.outgoing:
            continue
        gateway_id = f"{node.id}_keputusan"
        gateway = node_type(gateway_id, "exclusiveGateway", f"{node.name or node.id}: {conditional[0].name or '?'}",
                        node.element, node.lane, default_flow=node.default_flow)
        arrow = flow_type(f"{gateway_id}_masuk", node.id, gateway_id, "", "")
        for flow in flows:
            flow.source = gateway_id
        gateway.outgoing = list(node.outgoing)
        gateway.incoming = [arrow.id]
        node.outgoing = [arrow.id]
        node.default_flow = ""
        reader.nodes[gateway_id] = gateway
        reader.flows[arrow.id] = arrow
        reader.notice("imp_task_condition_decision", node.id, node.name, condition=conditional[0].condition)




def join_links(reader: Any, flow_type: Any, process_of: dict[str, str]) -> None:
    """A link throw event and the link catch event of the same name (in the same process) are one arrow.

    :param process_of: flow node id -> id of the process holding it (links never cross pools).
    """
    from engine.bpmn.names import bpmn

    def link_name(node: Any) -> str:
        definition = node.element.find(bpmn("linkEventDefinition"))
        name = " ".join((definition.get("name") or "").split()) if definition is not None else ""
        return name or node.name

    catches: dict[tuple[str, str], list[Any]] = {}
    for node in reader.nodes.values():
        if node.tag == "intermediateCatchEvent" and "link" in node.event_kinds:
            catches.setdefault((process_of.get(node.id, ""), link_name(node)), []).append(node)
    for node in list(reader.nodes.values()):
        if node.tag != "intermediateThrowEvent" or "link" not in node.event_kinds:
            continue
        targets = catches.get((process_of.get(node.id, ""), link_name(node)), [])
        if len(targets) != 1:
            continue  # no catch, or several of that name: refused by the reader with the element named
        target = targets[0]
        arrow = flow_type(f"{node.id}__{target.id}", node.id, target.id, "", "")
        reader.flows[arrow.id] = arrow
        node.outgoing.append(arrow.id)
        target.incoming.append(arrow.id)
        node.handover = target.handover = "pass"
        reader.notice("imp_link_joined", node.id, node.name, target=target.name or target.id)



#: Throw events that do nothing when nothing in the file catches them, with the definition to look for.
_SILENT_KINDS = {"signal": "signalEventDefinition", "escalation": "escalationEventDefinition",
                 "compensate": "compensateEventDefinition"}
_CATCHING_TAGS = {"intermediateCatchEvent", "boundaryEvent", "startEvent"}


def silent_throws(reader: Any) -> None:
    """A signal, escalation or compensation thrown where nothing in the file catches it does nothing
    (no listener, no handler, nothing to undo): the event is passed through with a notice."""
    from engine.bpmn.names import bpmn

    caught: set[str] = set()
    for element in reader.root.iter():
        if not isinstance(element.tag, str) or element.tag.rsplit("}", 1)[-1] not in _CATCHING_TAGS:
            continue
        for kind, definition in _SILENT_KINDS.items():
            for found in element.findall(bpmn(definition)):
                caught.add(kind)
                caught.add(f"{kind}:{found.get('signalRef') or found.get('escalationRef') or ''}")
    if any(element.get("isForCompensation") == "true" for element in reader.root.iter()
           if isinstance(element.tag, str)):
        caught |= {"compensate"}
    for node in reader.nodes.values():
        if node.tag != "intermediateThrowEvent" or len(node.event_kinds) != 1 or node.handover:
            continue
        kind = node.event_kinds[0]
        if kind in _SILENT_KINDS and kind not in caught:
            node.handover = "pass"
            reader.notice("imp_throw_uncaught", node.id, node.name, kind=kind)


__all__ = ["decisions_after_tasks", "join_links", "silent_throws"]
