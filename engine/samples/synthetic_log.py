"""Generated event logs of an SOP, with known injected deviations, for tests and benchmarks.

Each case is a run of the SOP's net: decisions answer "Ya" with ``yes_probability`` (so a few
variants are common and many rare, as in real logs), parallel branches interleave at random and
loops are bounded. Every step takes a random share (20-90 %) of its WAKTU in working time, so a
conforming case has no deviation at all. A ``deviating`` share of the cases gets exactly one
injected deviation: a skipped step, two adjacent steps swapped, an extra step (a repeated step or
an activity outside the SOP), a wrong pelaksana or a step over its WAKTU.
"""

from __future__ import annotations

import random
from dataclasses import dataclass, field
from datetime import datetime, timedelta, timezone

from engine.conformance.deviations import DeviationKind
from engine.conformance.net import SILENT, StateSpace, build_net
from engine.sop.durations import parse_duration
from engine.errors import DurationError
from engine.eventlog.model import EventLog, LogEvent, LogTrace
from engine.sop.model import Sop
from engine.sop.worktime import WorkCalendar

#: The activity written for an injected step that is not in the SOP.
OUTSIDE_ACTIVITY = "Meminta paraf tambahan di luar SOP"
#: Monday 2 March 2026, 08:00 WIB.
DEFAULT_START = datetime(2026, 3, 2, 1, 0, tzinfo=timezone.utc)
#: Working minutes assumed for a step without a WAKTU.
_DEFAULT_MINUTES = 30.0


@dataclass(frozen=True)
class Injected:
    """A deviation put into a generated case on purpose."""

    case_id: str
    kind: DeviationKind
    #: The step concerned; for a swap the first of the two; empty for an activity outside the SOP.
    step: str
    #: For a swap: the other step.
    other: str = ""


@dataclass
class SyntheticLog:
    """A generated log and the deviations injected into it."""

    log: EventLog
    injected: list[Injected] = field(default_factory=list)


def _run(space: StateSpace, rng: random.Random, yes_probability: float, limit: int) -> list[str]:
    """The steps of one random complete run of the net."""
    net = space.net
    node, steps = 0, list[str]()
    while not space.final[node]:
        edges = space.edges[node]
        if len(steps) >= limit:  # bound loops: head for the end
            edges = [min(edges, key=lambda edge: (space.distance[edge[1]], edge[2]))]
        step = rng.choice(sorted({net.transitions[edge[2]].step for edge in edges}))
        options = [edge for edge in edges if net.transitions[edge[2]].step == step]
        if len(options) > 1:
            wanted = {"ya": yes_probability, "tidak": 1 - yes_probability, "": 0.5, "lewati": 0.5}
            weights = [wanted.get(net.transitions[edge[2]].answer, 0.5) for edge in options]  # setiap, batas: even
            chosen = rng.choices(options, weights)[0]
        else:
            chosen = options[0]
        if chosen[0] != SILENT:
            steps.append(step)
        node = chosen[1]
    return steps


def _loggable(sequence: list[str], index: int, unlogged: set[str], pair: bool) -> int:
    """``index``, or the nearest index at or after 1 whose step (and, for a swap, the one before it) is
    not in ``unlogged``; unchanged when there is none (an SOP without such steps: always ``index``)."""
    def fits(at: int) -> bool:
        return sequence[at] not in unlogged and not (pair and sequence[at - 1] in unlogged)

    if fits(index):
        return index
    for distance in range(1, len(sequence)):
        for at in (index - distance, index + distance):
            if 1 <= at < len(sequence) and fits(at):
                return at
    return index


def synthetic_log(sop: Sop, cases: int = 100, *, deviating: float = 0.15, seed: int = 0,
                  yes_probability: float = 0.8, activity: str = "kegiatan", start: datetime = DEFAULT_START,
                  calendar: WorkCalendar | None = None) -> SyntheticLog:
    """Generate ``cases`` cases of ``sop``, a ``deviating`` share with one injected deviation each.

    :param activity: ``"kegiatan"`` writes the kegiatan text as ``concept:name``, ``"id"`` the step id.
    :param calendar: working time for the steps' durations (default: WIB, national holidays).
    """
    rng = random.Random(seed)
    calendar = calendar or WorkCalendar()
    space = StateSpace(build_net(sop))
    steps = {step.id: step for step in sop.steps}
    standard: dict[str, float] = {}
    on_calendar: set[str] = set()  # WAKTU counted on the calendar ("14 hari kalender"), not in working time
    for row in sop.steps:
        try:
            duration = parse_duration(row.duration)
            standard[row.id] = calendar.standard_minutes(duration)
        except DurationError:
            standard[row.id] = _DEFAULT_MINUTES
            continue
        if duration.kind != "working":
            on_calendar.add(row.id)
    # a wait or an event-based choice (nobody's work, a log may lack it) and a step done once per unit
    # (it repeats): leaving one out or moving it is no deviation, so none is injected there
    unlogged = {step.id for step in sop.steps if step.wait or step.structure.multi is not None}
    kinds = list(DeviationKind)
    if len(sop.actors) < 2:
        kinds.remove(DeviationKind.WRONG_ROLE)

    def name(step: str) -> str:
        if not step:
            return OUTSIDE_ACTIVITY
        return steps[step].activity if activity == "kegiatan" else step

    result = SyntheticLog(EventLog(name=sop.identity.nama))
    opening = start
    for number in range(cases):
        case_id = f"kasus-{number + 1:05d}"
        sequence = _run(space, rng, yes_probability, 3 * len(sop.steps))
        roles = [steps[step].actor for step in sequence]
        late = -1
        if rng.random() < deviating and len(sequence) > 2:
            kind = rng.choice(kinds)
            index = _loggable(sequence, rng.randrange(1, len(sequence)), unlogged, kind is DeviationKind.WRONG_ORDER)
            if kind is DeviationKind.SKIPPED:
                result.injected.append(Injected(case_id, kind, sequence[index]))
                del sequence[index], roles[index]
            elif kind is DeviationKind.WRONG_ORDER:
                index -= 1
                result.injected.append(Injected(case_id, kind, sequence[index], sequence[index + 1]))
                sequence[index], sequence[index + 1] = sequence[index + 1], sequence[index]
                roles[index], roles[index + 1] = roles[index + 1], roles[index]
            elif kind is DeviationKind.WRONG_ROLE:
                result.injected.append(Injected(case_id, kind, sequence[index]))
                roles[index] = rng.choice([actor for actor in sop.actors if actor != roles[index]])
            elif kind is DeviationKind.OVER_TIME:
                result.injected.append(Injected(case_id, kind, sequence[index]))
                late = index
            else:
                step = rng.choice(sequence) if rng.random() < 0.5 else ""
                result.injected.append(Injected(case_id, kind, step))
                sequence.insert(index, step)
                roles.insert(index, steps[step].actor if step else sop.actors[0])
        trace = LogTrace(case_id)
        moment = opening
        for index, (step, role) in enumerate(zip(sequence, roles)):
            if index:
                share = rng.uniform(2.5, 4.0) if index == late else rng.uniform(0.2, 0.9)
                if step in on_calendar:
                    moment = moment + timedelta(minutes=share * standard[step])
                else:
                    moment = calendar.add_working_minutes(moment, share * standard.get(step, _DEFAULT_MINUTES))
            user = f"pegawai-{sop.actors.index(role) + 1}" if role in sop.actors else "pegawai"
            trace.events.append(LogEvent(case_id, name(step), moment, user, role))
        result.log.traces.append(trace)
        opening = calendar.add_working_minutes(opening, rng.uniform(0, 30))
    return result
