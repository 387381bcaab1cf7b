"""Collaborations: several pools of one BPMN file read as ONE SOP.

Each pool becomes pelaksana: its lanes, or the pool itself when it has none. A message flow between
two pools is a hand-over: the sending step leads to the receiving step, so the receiver works after
the sender (and, when the receiver also waits in its own pool, after both: a join). A message start
event of a pool is not a second start of the SOP: the pool begins where the message arrives. Pools
that start on their own begin together with the SOP's start (parallel branches). Message flows to
pools without a process (black-box pools) are kept as a notice only: nothing in the file runs there.
A signal thrown in one pool and caught by another pool's signal start event is such a hand-over too.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from lxml import etree

from engine.bpmn.structure_read import flow_elements

from engine.bpmn.names import bpmn

_TASKS = {"task", "userTask", "manualTask", "serviceTask", "sendTask", "receiveTask", "businessRuleTask"}
#: Where a message from another pool can arrive and from where it can leave, as a hand-over.
RECEIVING_TAGS = _TASKS | {"startEvent", "intermediateCatchEvent"}
SENDING_TAGS = _TASKS | {"endEvent", "intermediateThrowEvent"}


@dataclass(frozen=True)
class Pool:
    """One process of the file with the name its pelaksana take."""

    process: etree._Element
    name: str


@dataclass(frozen=True)
class MessageFlow:
    id: str
    name: str
    source: str
    target: str


def _clean(text: str | None) -> str:
    return " ".join((text or "").split())


def pools(root: etree._Element, processes: list[etree._Element]) -> list[Pool]:
    """The processes in the order their pools are drawn (participants), each with a unique name.

    A process without a participant, and a participant without a name, are named after the
    process; as a last resort "Pelaksana N".
    """
    participant_of = {element.get("processRef", ""): element for element in root.iter(bpmn("participant"))}
    order = {element.get("processRef", ""): index for index, element in enumerate(root.iter(bpmn("participant")))}
    ranked = sorted(processes, key=lambda process: order.get(process.get("id", ""), len(order)))
    result: list[Pool] = []
    used: set[str] = set()
    for index, process in enumerate(ranked, start=1):
        participant = participant_of.get(process.get("id", ""))
        name = (_clean(participant.get("name")) if participant is not None else "") or _clean(process.get("name"))
        name = name or f"Pelaksana {index}"
        base, counter = name, 2
        while name in used:
            name, counter = f"{base} ({counter})", counter + 1
        used.add(name)
        result.append(Pool(process, name))
    return result


def pool_processes(root: etree._Element, candidates: list[etree._Element]) -> tuple[list[etree._Element],
                                                                                  list[etree._Element]]:
    """Which processes of a file with several are its pools, and which are left out.

    A process that a call activity calls is the called SOP, not a pool (a process without a
    participant may still be a pool: some modelers leave the participant out). When nothing would
    remain, every process is a pool.
    """
    called = {element.get("calledElement", "") for element in root.iter(bpmn("callActivity"))}
    kept = [process for process in candidates if process.get("id", "") not in called]
    if not kept:
        return candidates, []
    return kept, [process for process in candidates if process not in kept]


def message_flows(root: etree._Element) -> list[MessageFlow]:
    """Every message flow of every collaboration, in document order."""
    return [MessageFlow(element.get("id", ""), _clean(element.get("name")), element.get("sourceRef", ""),
                        element.get("targetRef", ""))
            for element in root.iter(bpmn("messageFlow"))]


def signal_handovers(root: etree._Element, pool_of: dict[str, str]) -> list[MessageFlow]:
    """A signal thrown in one pool and caught by a signal start event of another pool of the file: a
    hand-over like a message flow (the receiving pool begins when the signal is thrown). A signal
    caught anywhere else keeps its refusal."""
    def signal_of(element: etree._Element) -> str:
        definitions = element.findall(bpmn("signalEventDefinition"))
        return definitions[0].get("signalRef", "") if len(definitions) == 1 and len(element) else ""

    names = {element.get("id", ""): _clean(element.get("name")) for element in root.iter(bpmn("signal"))}
    throws = [element for tag in ("intermediateThrowEvent", "endEvent") for element in root.iter(bpmn(tag))
              if signal_of(element)]
    starts = [element for element in root.iter(bpmn("startEvent")) if signal_of(element)]
    found = []
    for throw in throws:
        for start in starts:
            source, target = throw.get("id", ""), start.get("id", "")
            if signal_of(throw) == signal_of(start) and pool_of.get(source) and pool_of.get(target) and \
                    pool_of[source] != pool_of[target]:
                found.append(MessageFlow(f"{source}__{target}", names.get(signal_of(throw), ""), source, target))
    return found


def collaboration_name(root: etree._Element) -> str:
    """The name of the (first named) collaboration, for the SOP's nama."""
    for element in root.iter(bpmn("collaboration")):
        if _clean(element.get("name")):
            return _clean(element.get("name"))
    return ""


def lane_names(pool_lanes: list[tuple[Pool, list[str]]]) -> dict[tuple[str, str], str]:
    """``(pool name, lane name) -> pelaksana``: the lane name, or "pool - lane" when two pools share it."""
    count: dict[str, int] = {}
    for _, lanes in pool_lanes:
        for lane in set(lanes):
            count[lane] = count.get(lane, 0) + 1
    return {(pool.name, lane): (lane if count[lane] == 1 else f"{pool.name} - {lane}")
            for pool, lanes in pool_lanes for lane in lanes}


def read_pools(reader: Any, processes: list[etree._Element],
               flow_type: Any) -> tuple[dict[str, str], etree._Element]:
    """Collect every pool of the file into ``reader`` (an :class:`engine.bpmn.reader._Reader`) as one
    graph and wire the message flows.

    :return: ``flow node id -> pelaksana`` for every node, and the process (pool) whose start event
        starts the SOP.

    :param flow_type: the reader's arrow class, for the hand-over arrows.
    """
    ordered = pools(reader.root, processes)
    read_lanes: list[tuple[Pool, dict[str, str], list[str]]] = []
    for pool in ordered:
        before = len(reader.lane_order)
        lanes = reader._lanes(pool.process, pool.name)
        drawn = reader.lane_order[before:]  # this pool's lanes in the order they are drawn
        del reader.lane_order[before:]
        read_lanes.append((pool, lanes, drawn))
    renamed = lane_names([(pool, drawn) for pool, _, drawn in read_lanes])
    lane_of: dict[str, str] = {}
    for pool, lanes, drawn in read_lanes:
        reader.lane_order.extend(renamed[(pool.name, lane)] for lane in drawn)
        first_lane = renamed[(pool.name, drawn[0])] if drawn else pool.name
        for node_id in (child.get("id", "") for child in pool.process if child.get("id")):
            # a node outside every lane of its pool belongs to the pool's first lane (or to the pool)
            lane = renamed[(pool.name, lanes[node_id])] if node_id in lanes else first_lane
            lane_of[node_id] = lane
            if lane not in reader.lane_order:
                reader.lane_order.append(lane)
        reader._collect(pool.process, lane_of)
    # every node of a pool, those inside its sub-processes too (engine.bpmn.structure_read)
    pool_of = {node_id: pool.name for pool in ordered for node_id in
               (child.get("id", "") for child, _ in flow_elements(pool.process)) if node_id}
    _wire(reader, message_flows(reader.root) + signal_handovers(reader.root, pool_of), pool_of, flow_type)
    return lane_of, _start_pools(reader, ordered, pool_of, flow_type)


def _wire(reader: Any, flows: list[MessageFlow], pool_of: dict[str, str], flow_type: Any) -> None:
    """Each message flow between two pools' nodes becomes an arrow (a hand-over)."""
    for message in flows:
        source, target = reader.nodes.get(message.source), reader.nodes.get(message.target)
        if source is None or target is None or pool_of.get(message.source) == pool_of.get(message.target):
            reader.notice("imp_message_flow_outside", message.id, message.name,
                          source=message.source or "-", target=message.target or "-")
            continue
        if target.tag not in RECEIVING_TAGS or source.tag not in SENDING_TAGS:
            reader.notice("imp_message_flow_not_handover", message.id, message.name,
                          source=source.name or source.id, target=target.name or target.id)
            continue
        sequence_incoming = [flow_id for flow_id in target.incoming if not reader.flows[flow_id].message]
        if any(reader.nodes[reader.flows[flow_id].source].tag == "eventBasedGateway" for flow_id in sequence_incoming):
            # one of several awaited events (reply or timeout): a wait, read with the event-based gateway
            reader.notice("imp_message_flow_awaited", message.id, message.name, target=target.name or target.id)
            continue
        if _answers_own_request(reader, target, source, flows, pool_of):
            landing = _reply_landing(reader, target)
            if landing is None:
                reader.error("mw_reply_no_single_successor", message.target, target.name,
                             source=source.name or source.id, target=target.name or target.id)
                continue
            reader.notice("mw_reply_to_sender", message.id, message.name, source=source.name or source.id,
                          target=target.name or target.id, following=landing.name or landing.id)
        else:
            landing = _landing(reader, target, sequence_incoming)
        if landing is None:
            reader.error("imp_handover_after_branches", target.id, target.name, source=source.name or source.id)
            continue
        if landing.handover == "join" and any(reader.flows[flow_id].message for flow_id in landing.incoming):
            # a receiver takes one message: several message flows into it are alternatives, and a join
            # would wait for all of them
            reader.error("imp_handover_several_messages", target.id, target.name)
            continue
        reader.flows[message.id] = flow_type(message.id, message.source, landing.id, message.name, "", message=True)
        source.outgoing.append(message.id)
        landing.incoming.append(message.id)
        if source.tag in ("endEvent", "intermediateThrowEvent"):
            # a sending event reached from several branches sends as a step of its own, so the receiver's
            # join waits for one arrow from this pool, not for every branch
            source.handover = "pass" if _single_token(reader, source) else "step"
        reader.notice("imp_handover", message.id, message.name, source=source.name or source.id,
                      target=target.name or target.id, pool=pool_of[message.target])


def _answers_own_request(reader: Any, target: Any, source: Any, flows: list[MessageFlow],
                         pool_of: dict[str, str]) -> bool:
    """Whether the message from ``source`` replies to a request ``target`` sent itself: ``target`` is a
    task with a message flow into ``source``'s pool whose receiver leads (in that pool) to ``source``.

    Modelers draw request and reply between the same two tasks ("Pay Order" sends the card details,
    the payment result comes back to it). The reply cannot come before the request, so it cannot be
    awaited before ``target`` (that join would wait for itself); :func:`_reply_landing` has the step
    after ``target`` wait for it.
    """
    if target.tag not in _TASKS:
        return False
    return any(request.source == target.id and pool_of.get(request.target) == pool_of.get(source.id)
               and _reaches(reader, request.target, source.id) for request in flows)


def _reaches(reader: Any, start: str, goal: str) -> bool:
    """Whether the sequence flows of ``start``'s pool lead from ``start`` to ``goal``, into and out of
    sub-processes (a sub-process leads to its own start events, its end events to what follows it)."""
    inner_starts: dict[str, list[str]] = {}
    for node in reader.nodes.values():
        if node.scope and node.tag == "startEvent":
            inner_starts.setdefault(node.scope, []).append(node.id)
    seen = {start}
    queue = [start]
    while queue:
        current = reader.nodes.get(queue.pop())
        if current is None:
            continue
        if current.id == goal:
            return True
        following = [reader.flows[flow_id].target for flow_id in current.outgoing if not reader.flows[flow_id].message]
        following += inner_starts.get(current.id, [])
        if current.tag == "endEvent" and current.scope:
            following.append(current.scope)
            following += [reader.flows[flow_id].target for flow_id in reader.nodes[current.scope].outgoing
                          if not reader.flows[flow_id].message] if current.scope in reader.nodes else []
        for other in following:
            if other not in seen:
                seen.add(other)
                queue.append(other)
    return False


def _reply_landing(reader: Any, target: Any) -> Any:
    """Where a reply to ``target``'s own request lands: the one step after ``target``, which waits for
    ``target`` and the reply (a join); None when no such single step follows ``target`` only."""
    after = _steps_after(reader, target)
    if len(after) != 1:
        return None
    following = reader.nodes[after[0]]
    is_step = following.tag in _TASKS or (following.tag == "exclusiveGateway" and len(following.outgoing) >= 2)
    if not is_step or following.handover or _steps_before(reader, following) != {target.id} \
            or not _single_token(reader, following):
        return None
    following.handover = "join"
    return following


def _landing(reader: Any, target: Any, sequence_incoming: list[str]) -> Any:
    """Where the message arrow ends, marking how the receiver waits; None when it cannot wait safely.

    A receiver that its own pool reaches from one step waits for that step and the message (a join).
    A join after several branches of a choice would wait for a branch that never comes, so a catch
    event reached from several branches becomes a step of its own ("Balasan diterima") and the step
    after it waits for it and the message; a task reached so is refused by name.
    """
    if target.tag == "startEvent" or not sequence_incoming:
        if target.tag in ("startEvent", "intermediateCatchEvent"):
            target.handover = "pass"
        return target
    if target.tag != "intermediateCatchEvent":
        if not _single_token(reader, target):
            return None
        target.handover = "join"
        return target
    after = _steps_after(reader, target)
    if len(after) != 1:
        return None
    following = reader.nodes[after[0]]
    if _single_token(reader, target) and _steps_before(reader, following) == _steps_before(reader, target):
        target.handover = "join"
        return target
    if following.tag not in _TASKS or len(following.incoming) != 1:
        return None
    target.handover = "step"
    following.handover = "join"
    reader.notice("imp_handover_wait_step", target.id, target.name, following=following.name or following.id)
    return following


def _single_token(reader: Any, node: Any) -> bool:
    """Whether the node's own pool reaches it with exactly one arrival: no choice merges on the way
    back to the previous steps (a parallel join merges arrivals that all come)."""
    seen: set[str] = set()
    queue = [node]
    while queue:
        current = queue.pop()
        own = [reader.flows[flow_id] for flow_id in current.incoming if not reader.flows[flow_id].message]
        if len(own) > 1 and current.tag != "parallelGateway":
            return False
        for flow in own:
            other = reader.nodes[flow.source]
            if flow.source not in seen and not _is_step(other):
                seen.add(flow.source)
                queue.append(other)
    return True


def _is_step(node: Any) -> bool:
    if node.handover == "step":
        return True
    if node.handover == "pass" or node.generated_role:
        return False
    return node.tag in _TASKS | {"startEvent", "endEvent"} or (
        node.tag == "exclusiveGateway" and len(node.outgoing) >= 2)


def _steps_before(reader: Any, node: Any) -> set[str]:
    """The steps the node's own pool reaches it from (sequence flows only, through gateways and events)."""
    return set(_steps_along(reader, node, forward=False))


def _steps_after(reader: Any, node: Any) -> list[str]:
    """The steps the node leads to in its own pool, nearest first (sequence flows only)."""
    return _steps_along(reader, node, forward=True)


def _steps_along(reader: Any, node: Any, forward: bool) -> list[str]:
    found: list[str] = []
    seen = {node.id}
    queue = [node]
    while queue:
        current = queue.pop()
        for flow_id in (current.outgoing if forward else current.incoming):
            flow = reader.flows[flow_id]
            other_id = flow.target if forward else flow.source
            if flow.message or other_id in seen:
                continue
            seen.add(other_id)
            other = reader.nodes[other_id]
            if _is_step(other):
                found.append(other.id)
            else:
                queue.append(other)
    return found


def _start_pools(reader: Any, ordered: list[Pool], pool_of: dict[str, str], flow_type: Any) -> etree._Element:
    """One start for the SOP: the first pool's own start. Other pools that start on their own
    begin with it (parallel branches); pools started by a message begin where it arrives."""
    # a start event inside a sub-process is where that sub-process begins, not a start of its pool
    own_starts = [node for node in reader.nodes.values() if node.tag == "startEvent" and not node.scope
                  and node.handover != "pass" and not node.generated_role]
    if not own_starts:
        received = [node for node in reader.nodes.values() if node.tag == "startEvent" and not node.scope]
        if not received:
            return ordered[0].process
        first = received[0]
        first.handover = ""
        for flow_id in [flow_id for flow_id in first.incoming if reader.flows[flow_id].message]:
            first.incoming.remove(flow_id)
            reader.nodes[reader.flows[flow_id].source].outgoing.remove(flow_id)
            del reader.flows[flow_id]
        own_starts = [first]
    rank = {pool.name: index for index, pool in enumerate(ordered)}
    own_starts.sort(key=lambda node: (rank[pool_of[node.id]], bool(node.event_kinds)))
    primary = own_starts[0]
    for other in own_starts[1:]:
        other.handover = "pass"
        flow_id = f"{primary.id}__{other.id}"
        reader.flows[flow_id] = flow_type(flow_id, primary.id, other.id, "", "", message=True)
        primary.outgoing.append(flow_id)
        other.incoming.append(flow_id)
        reader.notice("imp_pool_starts_together", other.id, other.name, pool=pool_of[other.id],
                      start=primary.name or primary.id)
    return next(pool.process for pool in ordered if pool.name == pool_of[primary.id])


__all__ = ["MessageFlow", "Pool", "collaboration_name", "lane_names", "message_flows", "pool_processes", "pools",
           "read_pools", "signal_handovers"]
