"""Read BPMN events into the SOP model (:mod:`engine.sop.events`); refuse by name what cannot run.

Called from :mod:`engine.bpmn.reader`:

- an ``intermediateCatchEvent`` (timer, message or signal) is a wait row (a kegiatan);
- an ``eventBasedGateway`` followed by two catch events is an event-based choice (a keputusan:
  the first branch Ya, the second Tidak); its catch events disappear into the row;
- a ``boundaryEvent`` (timer, message, signal, error) becomes a :class:`Boundary` of the step of
  its task; ``cancelActivity="false"`` keeps the task open;
- an ``endEvent`` with ``terminateEventDefinition`` or ``errorEventDefinition`` keeps its kind.

Alur's own files carry the exact fields in ``sop:tunggu`` / ``sop:batas`` / ``sop:akhir``; other
files are read from the event definitions: an ISO 8601 ``timeDuration`` stays as written (counted on
the clock, as BPMN says), a ``timeDate`` naming a case field waits for that field's date; a timer without any time waits
:data:`DEFAULT_TIMER_DURATION` (with a notice).

An interrupting escalation boundary is read as an error boundary (the clerk reports it, with a notice).

Refused, with the reason: compensation (Alur keeps no record of how to undo a finished step, so
there is nothing to run backwards), transactions and cancel events (they need compensation and a
transaction protocol), conditional and escalation catch events, cycles (``timeCycle``) other than
``R[n]/<duration>`` on a boundary (that one fires once after its first period, with a notice), several
definitions on one event, and boundary events on anything but a task, a sub-process or a call.
"""

from __future__ import annotations

import re
from typing import Any, Protocol

from lxml import etree

from engine.bpmn.names import bpmn, sop
from engine.sop.events import Boundary, EndEvent, EndKind, Trigger, TriggerKind
from engine.sop.model import Step, StepKind

#: Event elements that are rows of their own.
EVENT_STEP_TAGS = ("intermediateCatchEvent", "eventBasedGateway")
_CATCHABLE = {"timer": TriggerKind.TIMER, "message": TriggerKind.MESSAGE, "signal": TriggerKind.SIGNAL,
              "error": TriggerKind.ERROR}
_REFUSED_KIND = {"compensate": "ev_refused_compensation", "cancel": "ev_refused_cancel",
                 "conditional": "ev_refused_conditional", "escalation": "ev_refused_escalation",
                 "link": "unsupported_link"}
#: The wait of an imported timer whose file gives no time (ISO 8601, counted on the clock).
DEFAULT_TIMER_DURATION = "P1D"
_FIELD_NAME = re.compile(r"^[A-Za-z_][A-Za-z0-9_]*$")
_TASKS = {"task", "userTask", "manualTask", "serviceTask", "sendTask", "receiveTask", "businessRuleTask"}
#: What a boundary event may be attached to: a task, a sub-process (its boundary interrupts or joins the
#: whole nested part) or a call activity (its child instance).
_BOUNDARY_HOSTS = _TASKS | {"subProcess", "callActivity"}


class _Node(Protocol):
    id: str
    tag: str
    name: str
    element: etree._Element
    event_kinds: tuple[str, ...]
    generated_role: str
    outgoing: list[str]
    incoming: list[str]


class _Host(Protocol):
    nodes: dict[str, Any]
    flows: dict[str, Any]
    root: etree._Element

    def error(self, code: str, element_id: str = "", name: str = "", **params: object) -> None: ...

    def notice(self, code: str, element_id: str = "", name: str = "", **params: object) -> None: ...

    def _resolve(self, node_id: str, seen: frozenset[str] = frozenset()) -> list[tuple[str, bool]]: ...


def handles(node: _Node) -> bool:
    """Whether this module checks ``node`` (instead of the reader's general refusals)."""
    return node.tag in EVENT_STEP_TAGS or node.tag in ("boundaryEvent", "transaction") or (
        node.tag == "endEvent" and bool(node.event_kinds))


def check(host: _Host, node: _Node) -> None:
    """Refuse by name an event Alur cannot run (only for nodes :func:`handles`)."""
    if node.tag == "transaction":
        host.error("ev_refused_transaction", node.id, node.name)
        return
    if node.tag == "endEvent":
        for kind in node.event_kinds:
            if kind in ("compensate", "cancel"):
                host.error(_REFUSED_KIND[kind], node.id, node.name)
        others = [kind for kind in node.event_kinds if kind not in ("terminate", "error", "compensate", "cancel")]
        if others:  # a message or signal end: nothing in Alur receives what it throws
            host.notice("ev_end_kept_plain", node.id, node.name, kinds=", ".join(others))
        return
    if node.tag == "eventBasedGateway":
        branches = [host.nodes[host.flows[flow_id].target] for flow_id in node.outgoing]
        if len(branches) != 2 or any(branch.tag != "intermediateCatchEvent" for branch in branches):
            host.error("ev_choice_shape", node.id, node.name, count=len(branches))
        return
    if _escalation_as_error(node):
        host.notice("ev_escalation_as_error", node.id, node.name)
    for kind in node.event_kinds:
        if kind in _REFUSED_KIND and not _escalation_as_error(node):
            host.error(_REFUSED_KIND[kind], node.id, node.name)
            return
    if len(node.event_kinds) != 1:
        host.error("ev_refused_event_kinds", node.id, node.name, kinds=", ".join(node.event_kinds) or "-")
        return
    kind = "error" if _escalation_as_error(node) else node.event_kinds[0]
    if kind == "error" and node.tag != "boundaryEvent" or kind not in _CATCHABLE:
        host.error("ev_refused_event_kinds", node.id, node.name, kinds=kind)
        return
    definition = node.element.find(bpmn(f"{kind}EventDefinition"))
    if kind == "timer" and definition is not None and definition.find(bpmn("timeCycle")) is not None:
        period = _cycle_period(definition)
        if period and node.tag == "boundaryEvent":
            host.notice("ev_cycle_first_period", node.id, node.name, cycle=_cycle_text(definition), duration=period)
        else:
            host.error("ev_refused_cycle", node.id, node.name)
    if node.tag == "boundaryEvent":
        host_node = host.nodes.get(node.element.get("attachedToRef", ""))
        if host_node is None or host_node.tag not in _BOUNDARY_HOSTS:
            host.error("ev_boundary_host", node.id, node.name, host=node.element.get("attachedToRef", "") or "-")
        elif len(node.outgoing) != 1:
            host.error("ev_boundary_one_flow", node.id, node.name)


def is_step(node: _Node, nodes: dict[str, Any], flows: dict[str, Any]) -> bool:
    """An event row: an event-based gateway, or a catch event that is not a branch of one."""
    if node.generated_role:
        return False
    if node.tag == "eventBasedGateway":
        return True
    if node.tag != "intermediateCatchEvent":
        return False
    return not any(nodes[flows[flow_id].source].tag == "eventBasedGateway" for flow_id in node.incoming)


def step_kind(node: _Node) -> StepKind | None:
    """The row kind of an event node (``None`` for other nodes)."""
    if node.tag == "eventBasedGateway":
        return StepKind.DECISION
    if node.tag == "intermediateCatchEvent":
        return StepKind.ACTIVITY
    return None


def read_step(host: _Host, node: _Node, step: Step) -> bool:
    """Fill the events of ``step`` from its own element (Alur's extension first, else the definitions).

    :return: whether Alur's extension gave them (its boundaries are then read too).
    """
    ext = node.element.find(f"{bpmn('extensionElements')}/{sop('step')}")
    if ext is not None and (ext.find(sop("tunggu")) is not None or ext.find(sop("batas")) is not None
                            or ext.find(sop("akhir")) is not None):
        step.wait = [_trigger_from_ext(item) for item in ext.findall(f"{sop('tunggu')}/{sop('pemicu')}")]
        step.boundaries = [Boundary(_trigger_from_ext(item), item.get("ke", ""), item.get("menyela") != "false")
                           for item in ext.findall(f"{sop('batas')}/{sop('pemicu')}")]
        end = ext.find(sop("akhir"))
        if end is not None and end.get("jenis", "") in {kind.value for kind in EndKind}:
            step.end = EndEvent(EndKind(end.get("jenis", "")), end.get("kode", ""))
        return True
    if node.tag == "intermediateCatchEvent":
        trigger = _trigger_from_definition(host, node)
        if trigger is not None:
            step.wait = [trigger]
    elif node.tag == "eventBasedGateway":
        for flow_id in node.outgoing:
            branch = host.nodes[host.flows[flow_id].target]
            trigger = _trigger_from_definition(host, branch)
            if trigger is not None:
                step.wait.append(trigger)
    elif node.tag == "endEvent":
        if "terminate" in node.event_kinds:
            step.end = EndEvent(EndKind.TERMINATE)
        elif "error" in node.event_kinds:
            step.end = EndEvent(EndKind.ERROR, _error_code(host, node.element.find(bpmn("errorEventDefinition"))))
    return False


def link(host: _Host, steps: dict[str, Step], from_extension: set[str]) -> set[str]:
    """Fill the Ya/Tidak of event-based choices and attach the boundaries to their steps.

    :param from_extension: node ids whose events Alur's extension gave (boundaries included).

    :return: the node ids of the choices (whose arrows the reader must not read as ``lanjut``).
    """
    choices: set[str] = set()
    for node_id, step in steps.items():
        node = host.nodes[node_id]
        if node.tag != "eventBasedGateway":
            continue
        choices.add(node_id)
        targets = []
        for flow_id in node.outgoing:
            branch = host.nodes[host.flows[flow_id].target]
            found = [target for flow in branch.outgoing for target, _ in host._resolve(host.flows[flow].target)]
            targets.append(steps[found[0]].id if found else "")
        if len(targets) == 2:
            step.yes, step.no = targets
    for node in host.nodes.values():
        if node.tag != "boundaryEvent" or len(node.event_kinds) != 1:
            continue
        owner = steps.get(node.element.get("attachedToRef", ""))
        if owner is None or node.element.get("attachedToRef", "") in from_extension:
            continue
        trigger = _trigger_from_definition(host, node)
        found = [target for flow in node.outgoing for target, _ in host._resolve(host.flows[flow].target)]
        if trigger is not None:
            owner.boundaries.append(Boundary(trigger, steps[found[0]].id if found else "",
                                             node.element.get("cancelActivity", "true") != "false"))
    return choices


def _trigger_from_ext(item: etree._Element) -> Trigger:
    word = item.get("jenis", "timer")
    kind = TriggerKind(word) if word in {kind.value for kind in TriggerKind} else TriggerKind.TIMER
    return Trigger(kind, duration=item.get("waktu", ""), date_field=item.get("tanggal", ""),
                   name=item.get("nama", ""), correlation=item.get("korelasi", ""))


_REPEATING = re.compile(r"^R\d*/(P[0-9YMWDTHS.]+)$")


def _cycle_text(definition: etree._Element) -> str:
    return (definition.findtext(bpmn("timeCycle")) or "").strip().strip("'\"")


def _cycle_period(definition: etree._Element) -> str:
    """The period of an ISO 8601 repeating interval ``R[n]/<duration>`` ("" for any other cycle, e.g. cron):
    a boundary fires once after it (a non-interrupting one does not repeat in Alur; an interrupting one
    fires once anyway)."""
    found = _REPEATING.match(_cycle_text(definition))
    return found.group(1) if found else ""


def _escalation_as_error(node: _Node) -> bool:
    """An interrupting escalation boundary: like an error boundary, the clerk of the step reports it
    (its code) and the step is left for the boundary's path."""
    return node.tag == "boundaryEvent" and node.event_kinds == ("escalation",) and \
        node.element.get("cancelActivity", "true") != "false"


def _trigger_from_definition(host: _Host, node: _Node) -> Trigger | None:
    if _escalation_as_error(node):
        definition = node.element.find(bpmn("escalationEventDefinition"))
        reference = definition.get("escalationRef", "") if definition is not None else ""
        target = _root_element(host, "escalation", reference)
        code = (target.get("escalationCode") or target.get("name") or reference) if target is not None else reference
        return Trigger(TriggerKind.ERROR, name=_name_word(code).replace("-", "_") or "ESKALASI")
    if len(node.event_kinds) != 1 or node.event_kinds[0] not in _CATCHABLE:
        return None
    kind = _CATCHABLE[node.event_kinds[0]]
    definition = node.element.find(bpmn(f"{node.event_kinds[0]}EventDefinition"))
    if definition is None:
        return None
    if kind is TriggerKind.TIMER:
        duration = (definition.findtext(bpmn("timeDuration")) or "").strip().strip("'\"")
        date = (definition.findtext(bpmn("timeDate")) or "").strip().strip("'\"")
        duration = duration or _cycle_period(definition)
        if date and _FIELD_NAME.match(date):
            return Trigger(kind, date_field=date)
        if date:
            host.error("ev_timer_fixed_date", node.id, node.name, text=date)
        if not duration and not date:
            # a drawn timer without its time (common in modelling tools): it waits a stated default,
            # said in a notice so the time can be filled in before the SOP is used
            host.notice("ev_timer_default", node.id, node.name, duration=DEFAULT_TIMER_DURATION)
            duration = DEFAULT_TIMER_DURATION
        return Trigger(kind, duration=duration)
    if kind is TriggerKind.ERROR:
        return Trigger(kind, name=_error_code(host, definition))
    reference = definition.get(f"{node.event_kinds[0]}Ref", "")
    target = _root_element(host, node.event_kinds[0], reference)
    # without a message/signal element the event's own name names what it waits for
    name = (target.get("name") or reference) if target is not None else (reference or node.name)
    name = _name_word(name) or _name_word(node.id) or node.id
    return Trigger(kind, name=name)


def _name_word(text: str) -> str:
    """``text`` as a message/signal name: letters, digits, '-', '_', '.', beginning with a letter or digit."""
    return re.sub(r"[^A-Za-z0-9_.\-]+", "-", text.strip()).strip("-_.")


def _error_code(host: _Host, definition: etree._Element | None) -> str:
    reference = definition.get("errorRef", "") if definition is not None else ""
    target = _root_element(host, "error", reference)
    code = (target.get("errorCode") or target.get("name") or reference) if target is not None else reference
    return re.sub(r"[^A-Za-z0-9_.\-]+", "_", code.strip()).strip("_") or "GALAT"


def _root_element(host: _Host, tag: str, element_id: str) -> etree._Element | None:
    """The ``bpmn:message`` / ``signal`` / ``error`` with this id (no XPath built from file text)."""
    if not element_id:
        return None
    return next((element for element in host.root.iter(bpmn(tag)) if element.get("id") == element_id), None)
