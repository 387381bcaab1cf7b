"""The behaviour of an SOP as a Petri net, and the net's reachability graph.

The net follows the BPMN that :mod:`engine.bpmn.writer` exports, one visible transition per thing
a clerk does:

- every step is a visible transition labelled with its step id; the start step too (starting the
  instance is doing it);
- a decision is one visible step with two transitions, one per answer: "Ya" puts the token before
  the ``ya`` step, "Tidak" before the ``tidak`` step (loops back to earlier rows included);
- a step with several ``lanjut`` successors puts a token on each branch (AND-split), so the
  branches interleave freely;
- a multi-instance step (``setiap``: done by every unit, or for every item of a list) is done one or
  more times before its successors: a visible transition into a place of its own, a visible
  transition that repeats it there, and a silent one on to its successors;
- a decision with a ``syarat`` (a condition the engine evaluates, no clerk) has, beside its two
  visible transitions, a silent one per answer: Alur's own log has no event for it (nobody works
  it), a log from elsewhere may record it, and both fit;
- a step marked ``tunggu_semua`` (join) consumes one token per incoming arrow, so it waits for all;
  any other step with several incoming arrows has one place they share (XOR-merge);
- an end step puts its token in the sink; a run is complete when only the sink is marked. An end
  row without WAKTU is only the end event, which a log may or may not record: it also has a silent
  transition, so a trace fits with or without it.

The reachability graph is built once per SOP with, per marking, the fewest visible steps still
needed to finish and the steps that can still happen: the alignment search uses both as its
heuristic.
"""

from __future__ import annotations

from collections import deque
from collections.abc import Callable
from dataclasses import dataclass

from engine.errors import ProcessDefinitionError, problem
from engine.sop.model import Sop, Step, StepKind

#: A marking: the marked places as a sorted tuple of place indices (a multiset).
Marking = tuple[int, ...]

#: The most markings the reachability graph may have; more means unbounded or far too parallel.
MAX_MARKINGS = 50_000
#: Label of a silent transition.
SILENT = -1


@dataclass(frozen=True)
class Transition:
    """One transition of the SOP net."""

    index: int
    #: The step the transition performs.
    step: str
    #: Visible label: the step's row index (NO - 1); :data:`SILENT` for a silent transition.
    label: int
    #: ``"ya"`` / ``"tidak"`` for a decision's answer (silent too for a ``syarat`` decision),
    #: ``"lewati"`` for skipping an end event.
    answer: str
    consumes: tuple[int, ...]
    produces: tuple[int, ...]


@dataclass(frozen=True)
class SopNet:
    """A Petri net of an SOP: places, transitions, the initial marking and the sink."""

    places: tuple[str, ...]
    transitions: tuple[Transition, ...]
    initial: Marking
    #: The place end steps put their token in; a marking of only the sink is final.
    sink: int
    #: Step id of each visible label.
    labels: tuple[str, ...]


def build_net(sop: Sop) -> SopNet:
    """The Petri net of a valid ``sop`` (see the module docstring for the mapping)."""
    places: list[str] = []

    def place(name: str) -> int:
        places.append(name)
        return len(places) - 1

    predecessors = sop.predecessors()
    inputs: dict[str, tuple[int, ...]] = {}
    arcs: dict[tuple[str, str], int] = {}
    for step in sop.steps:
        if step.join:
            for source in predecessors[step.id]:
                arcs[source, step.id] = place(f"{source}->{step.id}")
            inputs[step.id] = tuple(arcs[source, step.id] for source in predecessors[step.id])
        else:
            inputs[step.id] = (place(f"sebelum:{step.id}"),)
    sink = place("selesai")
    joins = {step.id for step in sop.steps if step.join}

    def entry(source: str, target: str) -> int:
        return arcs[source, target] if target in joins else inputs[target][0]

    transitions: list[Transition] = []

    def add(step_id: str, label: int, answer: str, produces: tuple[int, ...]) -> None:
        consumes = tuple(sorted(inputs[step_id]))
        transitions.append(Transition(len(transitions), step_id, label, answer, consumes, tuple(sorted(produces))))

    for label, step in enumerate(sop.steps):
        if step.kind is StepKind.DECISION:
            add(step.id, label, "ya", (entry(step.id, step.yes),))
            add(step.id, label, "tidak", (entry(step.id, step.no),))
            if step.condition.strip():  # decided by the engine: no event need record it
                add(step.id, SILENT, "ya", (entry(step.id, step.yes),))
                add(step.id, SILENT, "tidak", (entry(step.id, step.no),))
        elif step.kind is StepKind.END:
            add(step.id, label, "", (sink,))
            if not step.is_working_end:
                add(step.id, SILENT, "lewati", (sink,))
        elif step.structure.multi is not None:
            # done once per unit or list item: one or more visible events, then on (silent)
            again = place(f"setiap:{step.id}")
            add(step.id, label, "", (again,))
            transitions.append(Transition(len(transitions), step.id, label, "setiap", (again,), (again,)))
            transitions.append(Transition(len(transitions), step.id, SILENT, "setiap", (again,),
                                          tuple(sorted(entry(step.id, target) for target in step.next))))
        else:
            add(step.id, label, "", tuple(entry(step.id, target) for target in step.next))
        _add_event_transitions(step, add, entry)
    start = sop.start
    if start is None:  # ensure_valid rules this out; a clear error all the same
        raise ProcessDefinitionError.from_code("conformance_no_single_start", [problem("no_start")])
    return SopNet(tuple(places), tuple(transitions), inputs[start.id], sink, tuple(step.id for step in sop.steps))


def _add_event_transitions(step: Step, add: Callable[[str, int, str, tuple[int, ...]], None],
                           entry: Callable[[str, str], int]) -> None:
    """Events (engine.sop.events): a wait or an event-based choice is nobody's work, so a log may lack
    it (a silent way through, as for a bare end); an interrupting boundary leaves its step undone and
    goes on at its target (silent). A non-interrupting boundary's side path is not modelled."""
    if step.wait and step.kind is StepKind.DECISION:
        add(step.id, SILENT, "ya", (entry(step.id, step.yes),))
        add(step.id, SILENT, "tidak", (entry(step.id, step.no),))
    elif step.wait:
        add(step.id, SILENT, "lewati", tuple(entry(step.id, target) for target in step.next))
    for boundary in step.boundaries:
        if boundary.interrupting and boundary.target:
            add(step.id, SILENT, "batas", (entry(step.id, boundary.target),))


class StateSpace:
    """The reachability graph of an :class:`SopNet`, pruned to markings that can still finish.

    :raises ProcessDefinitionError: when the net has more than :data:`MAX_MARKINGS` markings
        (unbounded loops around parallel branches) or no run that finishes (a join that waits for
        a branch that never comes).
    """

    def __init__(self, net: SopNet, max_markings: int = MAX_MARKINGS) -> None:
        self.net = net
        #: Markings by node number; node 0 is the initial marking.
        self.markings: list[Marking] = [net.initial]
        #: Per node: ``(label, target node, transition index)`` of each enabled transition.
        self.edges: list[list[tuple[int, int, int]]] = []
        self._explore(max_markings)
        sink = (net.sink,)
        #: Per node: True when only the sink is marked.
        self.final = [bool(marking) and set(marking) == set(sink) for marking in self.markings]
        #: Per node: the fewest visible transitions to a final marking (-1: cannot finish).
        self.distance = self._distances()
        if self.distance[0] < 0:
            raise ProcessDefinitionError.from_code("conformance_cannot_finish", [problem("conformance_no_run")])
        self.edges = [[edge for edge in edges if self.distance[edge[1]] >= 0] for edges in self.edges]
        #: Per node: bitmask of the labels that can still happen (bit ``label`` set).
        self.future = self._futures()

    @property
    def shortest(self) -> int:
        """The fewest visible steps of a complete run: the cost of aligning an empty trace."""
        return self.distance[0]

    def _explore(self, max_markings: int) -> None:
        by_place: dict[int, list[Transition]] = {}
        for transition in self.net.transitions:
            by_place.setdefault(transition.consumes[0], []).append(transition)
        index: dict[Marking, int] = {self.net.initial: 0}
        queue = deque([0])
        while queue:
            node = queue.popleft()
            marking = self.markings[node]
            edges: list[tuple[int, int, int]] = []
            for place in sorted(set(marking)):
                for transition in by_place.get(place, ()):
                    successor = _fire(marking, transition)
                    if successor is None:
                        continue
                    target = index.get(successor)
                    if target is None:
                        if len(self.markings) >= max_markings:
                            raise ProcessDefinitionError.from_code("conformance_too_large",
                                                                   [problem("conformance_unbounded", count=max_markings)],
                                                                   limit=f"{max_markings:,}")
                        target = index[successor] = len(self.markings)
                        self.markings.append(successor)
                        queue.append(target)
                    edges.append((transition.label, target, transition.index))
            self.edges.append(edges)

    def _distances(self) -> list[int]:
        """0-1 breadth-first search backwards from the final markings."""
        reverse: list[list[tuple[int, int]]] = [[] for _ in self.markings]
        for node, edges in enumerate(self.edges):
            for label, target, _ in edges:
                reverse[target].append((node, 0 if label == SILENT else 1))
        distance = [-1] * len(self.markings)
        queue: deque[tuple[int, int]] = deque((node, 0) for node, final in enumerate(self.final) if final)
        while queue:
            node, cost = queue.popleft()
            if distance[node] >= 0 and distance[node] <= cost:
                continue
            distance[node] = cost
            for source, weight in reverse[node]:
                if distance[source] < 0 or distance[source] > cost + weight:
                    (queue.appendleft if weight == 0 else queue.append)((source, cost + weight))
        return distance

    def _futures(self) -> list[int]:
        future = [0] * len(self.markings)
        reverse: list[list[int]] = [[] for _ in self.markings]
        for node, edges in enumerate(self.edges):
            for label, target, _ in edges:
                if label != SILENT:
                    future[node] |= 1 << label
                reverse[target].append(node)
        pending = deque(range(len(self.markings)))
        while pending:
            node = pending.popleft()
            for source in reverse[node]:
                merged = future[source] | future[node]
                if merged != future[source]:
                    future[source] = merged
                    pending.append(source)
        return future


def _fire(marking: Marking, transition: Transition) -> Marking | None:
    """The marking after firing ``transition``, or None when it is not enabled."""
    remaining = list(marking)
    for place in transition.consumes:
        try:
            remaining.remove(place)
        except ValueError:
            return None
    remaining.extend(transition.produces)
    return tuple(sorted(remaining))
