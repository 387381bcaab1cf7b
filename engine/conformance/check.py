"""Check an event log against its SOP: fitness per case and overall, and the deviations.

Fitness is alignment-based and agrees with PM4Py's (``pm4py.fitness_alignments`` with the standard
cost function): per case ``1 - cost / (events + shortest run)``, where ``cost`` counts the log and
model moves of an optimal alignment and ``shortest run`` is the fewest visible steps of a complete
run of the SOP; for the log ``1 - sum(cost) / sum(events + shortest run)``.

Events with lifecycle ``complete`` (or none) are aligned; ``start`` events only time their step;
other lifecycle transitions are ignored. Alignments are computed once per distinct variant.
A wait row (a timer or a message, :mod:`engine.sop.events`) and a call row (another SOP's run) are
no clerk's work: whoever a log names for them is never a wrong pelaksana.

A case the log marks as not finished (``case:alur:status`` running, suspended or cancelled, as
Alur's own export writes) is scored as the prefix it is: it is aligned with a prefix of a run, the
steps it has not reached are not "langkah terlewat", and its worst cost is its events alone. The
report counts the cases of each state apart (:meth:`ConformanceReport.status_counts`).
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass, field
from datetime import datetime

from engine.sop.durations import Duration, parse_duration
from engine.errors import DurationError
from engine.eventlog.model import CASE_STATUSES, COMPLETE, FINISHED, START, EventLog, LogTrace
from engine.sop.model import Sop
from engine.sop.validate import ensure_valid
from engine.sop.worktime import WorkCalendar
from engine.conformance.align import LOG, MODEL, SYNC, RawMove, align
from engine.conformance.clock import WorkingClock
from engine.conformance.deviations import Deviation, DeviationKind
from engine.conformance.net import StateSpace, build_net

_ALIGNED = frozenset({COMPLETE, ""})
#: Order of deviations at the same place in a case.
_KIND_ORDER = {kind: index for index, kind in enumerate(DeviationKind)}


def _normal(text: str) -> str:
    return " ".join(text.casefold().split()).rstrip(" .?!:;,")


class StepMatcher:
    """Find the SOP step an event names: its ``alur:step``, else its activity as a step id or as
    the kegiatan text (case, spaces and closing punctuation ignored)."""

    def __init__(self, sop: Sop) -> None:
        self._ids = {step.id for step in sop.steps}
        self._index: dict[str, str] = {}
        for step in sop.steps:
            self._index.setdefault(_normal(step.activity), step.id)
        self._index.update({_normal(step.id): step.id for step in sop.steps})
        self._index.pop("", None)
        self._cache: dict[tuple[str, str], str] = {}

    def match(self, activity: str, step: str = "") -> str:
        """The step id, or "" when the event names no step of the SOP."""
        key = (activity, step)
        found = self._cache.get(key)
        if found is None:
            found = step if step in self._ids else self._index.get(_normal(activity), "")
            self._cache[key] = found
        return found


@dataclass(frozen=True)
class Move:
    """One move of an alignment."""

    #: ``"sync"`` (the event is the step the SOP expects), ``"log"`` (an event the SOP does not
    #: allow there) or ``"model"`` (a step the SOP needs that the case lacks).
    kind: str
    #: The step id (for a log move: the step the event names); empty for an activity that is not in
    #: the SOP.
    step: str
    #: 1-based position of the event in its case; 0 for a model move.
    event: int
    #: The answer the SOP's run takes at a decision ("ya" / "tidak"), else "".
    answer: str = ""


@dataclass
class TraceResult:
    """The check of one case."""

    case_id: str
    fitness: float
    #: Log moves plus visible model moves of an optimal alignment.
    cost: int
    #: The cost of the worst alignment: the aligned events plus the shortest run of the SOP.
    worst_cost: int
    #: Number of aligned events (lifecycle complete).
    events: int
    deviations: list[Deviation] = field(default_factory=list)
    #: The alignment (shared by the cases of one variant).
    moves: tuple[Move, ...] = ()
    #: The case's state as the log marks it (:data:`~engine.eventlog.model.CASE_STATUSES`);
    #: ``finished`` for a log that does not say.
    status: str = FINISHED

    @property
    def prefix(self) -> bool:
        """The case was scored as a prefix of a run (it has not finished)."""
        return self.status != FINISHED

    @property
    def fits(self) -> bool:
        """True when the case follows the SOP's flow exactly (fitness 1)."""
        return self.cost == 0


@dataclass
class ConformanceReport:
    """The check of a whole log."""

    sop_name: str
    traces: list[TraceResult]
    #: Number of distinct variants (sequences of aligned activities) that were aligned.
    variants: int

    @property
    def fitness(self) -> float:
        """Log fitness: ``1 - sum(cost) / sum(worst cost)`` (PM4Py's ``log_fitness``); 0 for no case."""
        worst = sum(trace.worst_cost for trace in self.traces)
        return 1 - sum(trace.cost for trace in self.traces) / worst if worst else 0.0

    @property
    def average_fitness(self) -> float:
        """Mean of the cases' fitness (PM4Py's ``average_trace_fitness``)."""
        return sum(trace.fitness for trace in self.traces) / len(self.traces) if self.traces else 0.0

    @property
    def fitting_cases(self) -> int:
        """How many cases follow the SOP's flow exactly."""
        return sum(1 for trace in self.traces if trace.fits)

    def status_counts(self) -> dict[str, int]:
        """How many cases of each state (finished, running, cancelled, suspended)."""
        counts = dict.fromkeys(CASE_STATUSES, 0)
        for trace in self.traces:
            counts[trace.status] = counts.get(trace.status, 0) + 1
        return counts

    def deviation_counts(self) -> dict[DeviationKind, int]:
        """How many deviations of each kind, over all cases."""
        counts = dict.fromkeys(DeviationKind, 0)
        for trace in self.traces:
            for deviation in trace.deviations:
                counts[deviation.kind] += 1
        return counts


class ConformanceChecker:
    """Checks logs against one SOP; builds the SOP's net and state space once.

    :param calendar: office hours and holidays for "melebihi waktu baku"; default
        :class:`~engine.sop.worktime.WorkCalendar` (WIB, national holidays).
    :raises ProcessDefinitionError: when ``sop`` is not valid or its behaviour cannot be explored.
    """

    def __init__(self, sop: Sop, calendar: WorkCalendar | None = None) -> None:
        ensure_valid(sop)
        self.sop = sop
        self.calendar = calendar or WorkCalendar()
        self._clock = WorkingClock(self.calendar)
        self.net = build_net(sop)
        self.space = StateSpace(self.net)
        self.matcher = StepMatcher(sop)
        self._label = {step.id: index for index, step in enumerate(sop.steps)}
        self._number = {step.id: index + 1 for index, step in enumerate(sop.steps)}
        self._steps = {step.id: step for step in sop.steps}
        # a wait (engine.sop.events) is nobody's work and a call row is done by the called SOP's clerks:
        # whoever a log names for them (the system, often) is no wrong pelaksana
        self._actor = {step.id: "" if step.wait or step.structure.call is not None else _normal(step.actor)
                       for step in sop.steps}
        self._standard: dict[str, float] = {}
        self._on_calendar: dict[str, Duration] = {}
        for step in sop.steps:
            try:
                if step.duration.strip():
                    duration = parse_duration(step.duration)
                    self._standard[step.id] = self.calendar.standard_minutes(duration)
                    if duration.kind != "working":  # "14 hari kalender", "1 x 24 jam": time on the clock
                        self._on_calendar[step.id] = duration
            except DurationError:
                continue
        self._standard_seconds = {step_id: minutes * 60 for step_id, minutes in self._standard.items()}
        self._unknown: dict[str, int] = {}
        #: Per variant (prefix or not, labels of the aligned events): cost, raw moves, moves numbered 1..n.
        self._variants: dict[tuple[bool, tuple[int, ...]], tuple[int, list[RawMove], tuple[Move, ...]]] = {}
        self._roles: dict[str, str] = {}
        self._last_variant: tuple[int, ...] = ()

    def check(self, log: EventLog | Iterable[LogTrace], deviations: bool = True) -> ConformanceReport:
        """Check every case of ``log``.

        :param deviations: False computes the alignments and fitness only (what PM4Py's
            ``fitness_alignments`` does), without naming deviations or timing steps.
        """
        traces = log.traces if isinstance(log, EventLog) else log
        results: list[TraceResult] = []
        variants: set[tuple[int, ...]] = set()
        for trace in traces:
            results.append(self.check_trace(trace, deviations))
            variants.add(self._last_variant)
        return ConformanceReport(self.sop.identity.nama, results, len(variants))

    def check_trace(self, trace: LogTrace, deviations: bool = True) -> TraceResult:
        """Check one case: its alignment (memoised per variant), fitness and (unless ``deviations``
        is False) its deviations."""
        events = trace.events
        match = self.matcher.match
        steps = [match(event.activity, event.step) for event in events]
        positions = [index for index, event in enumerate(events) if event.lifecycle in _ALIGNED]
        label, unknown = self._label, self._unknown_label
        labels = tuple(label[steps[index]] if steps[index] else unknown(events[index].activity) for index in positions)
        self._last_variant = labels
        prefix = trace.unfinished
        status = trace.status or FINISHED
        variant = self._variants.get((prefix, labels))
        if variant is None:
            cost, raw = align(self.space, labels, prefix)
            identity = list(range(len(labels)))
            variant = self._variants[prefix, labels] = (cost, raw, tuple(self._move(move, identity, labels)
                                                                         for move in raw))
        cost, raw, moves = variant
        if len(positions) != len(events):  # start or other lifecycle events: number the events anew
            moves = tuple(self._move(move, positions, labels) for move in raw)
        # a prefix's worst alignment is its events as log moves: the run it has not reached costs nothing
        worst = len(labels) + (0 if prefix else self.space.shortest)
        fitness = 1 - cost / worst if worst else (1.0 if prefix else 0.0)
        if not deviations:
            return TraceResult(trace.case_id, fitness, cost, worst, len(labels), [], moves, status)
        keyed = self._flow_deviations(trace, steps, moves) if cost else []
        keyed += self._event_deviations(trace, steps)
        keyed.sort(key=lambda item: (item[0], _KIND_ORDER[item[1].kind]))
        return TraceResult(trace.case_id, fitness, cost, worst, len(labels), [item[1] for item in keyed], moves,
                           status)

    def _unknown_label(self, activity: str) -> int:
        """A label past the SOP's steps, the same for the same text, so variants stay distinct."""
        return self._unknown.setdefault(_normal(activity), len(self.sop.steps) + len(self._unknown))

    def _move(self, move: RawMove, positions: list[int], labels: tuple[int, ...]) -> Move:
        kind, transition_index, event_index = move
        if kind == LOG:
            label = labels[event_index]
            return Move("log", self.net.labels[label] if label < len(self.net.labels) else "", positions[event_index] + 1)
        transition = self.net.transitions[transition_index]
        answer = transition.answer if transition.answer in ("ya", "tidak") else ""
        if kind == SYNC:
            return Move("sync", transition.step, positions[event_index] + 1, answer)
        return Move("model", transition.step, 0, answer)

    def _deviation(self, kind: DeviationKind, step_id: str, *, event: int = 0, line: int = 0, after: str = "",
                   role: str = "", actor: str = "", minutes: float = 0.0, standard: str = "",
                   standard_minutes: float = 0.0) -> Deviation:
        step = self._steps.get(step_id)
        return Deviation(kind, step_id, self._number.get(step_id, 0), step.activity if step else "", event, line,
                         after, self._number.get(after, 0), role, actor, minutes, standard, standard_minutes,
                         self.calendar.working_minutes_per_day)

    def _flow_deviations(self, trace: LogTrace, steps: list[str], moves: tuple[Move, ...]) -> list[tuple[float, Deviation]]:
        """Skipped, extra and wrong-order steps from the alignment, each with its place in the case.

        A log move and a model move of the same step make one "urutan salah"; the model moves left
        are skipped steps and the log moves left extra steps.
        """
        events = trace.events
        expected_after: list[str] = []  # per move: the step the SOP's run did last before it
        places: list[float] = []  # per move: where it sits among the events, for sorting
        last, upcoming = "", float(len(events) + 1)
        for move in reversed(moves):
            places.append(move.event if move.event else upcoming - 0.5)
            upcoming = move.event or upcoming
        places.reverse()
        model: dict[str, list[int]] = {}
        logged: dict[str, list[int]] = {}
        for index, move in enumerate(moves):
            expected_after.append(last)
            if move.kind == "model":
                model.setdefault(move.step, []).append(index)
            elif move.kind == "log":
                logged.setdefault(steps[move.event - 1], []).append(index)
            if move.kind != "log":
                last = move.step
        found: list[tuple[float, Deviation]] = []
        for step_id, indices in model.items():
            done_elsewhere = logged.pop(step_id, [])
            for pair, index in enumerate(indices):
                if pair < len(done_elsewhere):
                    event = moves[done_elsewhere[pair]].event
                    found.append((event, self._deviation(DeviationKind.WRONG_ORDER, step_id, event=event,
                                                         line=events[event - 1].line, after=expected_after[index])))
                else:
                    found.append((places[index], self._deviation(DeviationKind.SKIPPED, step_id,
                                                                 after=expected_after[index])))
            if len(done_elsewhere) > len(indices):
                logged[step_id] = done_elsewhere[len(indices):]
        for step_id, indices in logged.items():
            for index in indices:
                event = moves[index].event
                if step_id:
                    deviation = self._deviation(DeviationKind.EXTRA, step_id, event=event, line=events[event - 1].line)
                else:
                    deviation = Deviation(DeviationKind.EXTRA, "", 0, events[event - 1].activity, event,
                                          events[event - 1].line)
                found.append((event, deviation))
        return found

    def _event_deviations(self, trace: LogTrace, steps: list[str]) -> list[tuple[float, Deviation]]:
        """Wrong pelaksana and over-time steps, event by event.

        A step's time runs from its own ``start`` event when the log has one, else from the
        previous event of the case, to its ``complete`` event, in working minutes of the calendar.
        """
        found: list[tuple[float, Deviation]] = []
        previous: datetime | None = None
        started: dict[str, list[datetime]] = {}
        roles, actors, standards = self._roles, self._actor, self._standard_seconds
        for index, event in enumerate(trace.events):
            step_id = steps[index]
            lifecycle = event.lifecycle
            if lifecycle != COMPLETE:
                if lifecycle == START and step_id:
                    started.setdefault(step_id, []).append(event.timestamp)
                if lifecycle not in _ALIGNED:
                    continue
            moment = event.timestamp
            if step_id:
                role = roles.get(event.role)
                if role is None:
                    role = roles[event.role] = _normal(event.role)
                if role and actors[step_id] and role != actors[step_id]:
                    found.append((index + 1, self._deviation(
                        DeviationKind.WRONG_ROLE, step_id, event=index + 1, line=event.line, role=event.role,
                        actor=self._steps[step_id].actor)))
                begin = started[step_id].pop(0) if started and started.get(step_id) else previous
                standard = standards.get(step_id)
                # working time never exceeds the time on the clock: only a long step needs the calendar
                if standard is not None and begin is not None and (moment - begin).total_seconds() > standard:
                    calendar_time = self._on_calendar.get(step_id)
                    worked = (self._clock.between(begin, moment) if calendar_time is None
                              else self.calendar.elapsed_minutes(begin, moment, calendar_time.kind))
                    if (worked > standard / 60 + 1e-6 if calendar_time is None
                            else not self.calendar.within_standard(calendar_time, begin, moment)):
                        found.append((index + 1, self._deviation(
                            DeviationKind.OVER_TIME, step_id, event=index + 1, line=event.line, minutes=worked,
                            standard=self._steps[step_id].duration, standard_minutes=standard / 60)))
            previous = moment
        return found


def check_conformance(log: EventLog | Iterable[LogTrace], sop: Sop,
                      calendar: WorkCalendar | None = None) -> ConformanceReport:
    """Check every case of ``log`` against ``sop``: fitness per case and overall, and deviations.

    :param calendar: office hours and holidays for "melebihi waktu baku" (default: WIB,
        national holidays).
    :raises ProcessDefinitionError: when ``sop`` is not valid or its behaviour cannot be explored.
    """
    return ConformanceChecker(sop, calendar).check(log)
