"""The monitoring report: how an SOP actually ran against its mutu baku, from SQL aggregates.

:func:`monitoring_report` answers, for one SOP (its key), some or all of its versions and a period
(instances *started* in it): how many instances started, completed, are running, were cancelled or
went over a step's due time; the cycle time (working minutes from start to finish) median and p90
against the standard of the SOP's path (the longest path's WAKTU, rework loops left out); per step the
WAKTU, the median and p90 and the share within the
standard, each in the step's own kind of time (working minutes, or calendar minutes for a WAKTU in
calendar days, months or 24-hour clock time), the total excess, rework (repeat visits) and missing kelengkapan; the load per
jabatan and how often each decision went Ya or Tidak. Instance figures count instances started in
the period; step figures count the runs of steps that became ready in it. Trial (ujicoba) instances are reported only
when asked (``trial=True``), never mixed with the others.

A call row (a row that runs another SOP, :class:`engine.sop.structure.CallTarget`) has no work item:
its runs are the child instances it started (``instances.parent_id``; the row is named in the child's
first event). A run is done when the child completed and open while it runs; its minutes are the
child's cycle time (working minutes), or its minutes on the clock when the row's WAKTU counts calendar
time; it is late against the call row's own WAKTU, and a late call makes its parent overdue. Children
are narrowed like the parent's work: the SOP versions and mode reported, the child begun in the period,
and in the units read (a child runs in its parent's unit). The call row adds nothing to its column's
jabatan load: the called SOP's clerks do the work, and that SOP's report counts it, with its cases
started by a call (:attr:`MonitoringReport.started_by_call`) as real cases of its own. Waits (timers,
messages) have no work item either: their time is in the case's cycle time and in no step or jabatan.

Every figure is a database aggregate (one ``GROUP BY`` pass over the work items): working minutes,
missing kelengkapan, the decision and the visit number are stored with each work item when it
completes (:meth:`engine.runtime.facade.Runtime.complete`), the cycle time with each instance when it
finishes, so nothing is loaded per instance. Percentiles are ``percentile_cont`` (linear
interpolation): PostgreSQL computes it itself; on SQLite the two values around each rank are read
in the order of the ``ix_work_items_monitor`` index (``LIMIT 2 OFFSET k``) and interpolated the same way.
"""

from __future__ import annotations

import datetime as dt
import json
import math
from dataclasses import asdict, dataclass, field, replace
from typing import TYPE_CHECKING, Any, Iterable, Sequence

from sqlalchemy import Connection

from engine.sop.durations import parse_duration
from engine.errors import DurationError, NotFoundError
from engine.monitoring.plots import StepFigure, TrendPoint
from engine.monitoring.standard_path import longest_path
from engine.sop.model import StepKind
from engine.store import hot
from engine.store.queries import run_text
from engine.sop.worktime import WorkCalendar

if TYPE_CHECKING:
    from engine.runtime.facade import Runtime

#: Tolerance when comparing measured minutes with a standard.
_EPSILON = 1e-6


@dataclass(frozen=True)
class StepStats:
    """Actual execution of one SOP step against its WAKTU."""

    step_id: str
    #: The row number of the step in the SOP (NO).
    number: int
    kegiatan: str
    jabatan: str
    #: The WAKTU text ("1 hari"); empty when the step has none.
    waktu: str
    #: WAKTU in minutes of its own kind (working minutes, or minutes on the calendar for "hari
    #: kalender", "bulan" and "x 24 jam"); ``None`` without a WAKTU.
    standard_minutes: float | None
    #: Completed runs of the step.
    count: int
    #: Runs still open.
    open: int
    median_minutes: float | None
    p90_minutes: float | None
    #: Completed runs within the WAKTU (``None`` without a WAKTU).
    within: int | None
    #: Sum of the minutes over the WAKTU across runs.
    excess_minutes: float
    #: Repeat visits: runs beyond the first in the same instance (a revision loop).
    rework: int
    #: Completed runs where a kelengkapan item was not ticked (with an ``alasan``).
    missing_kelengkapan: int
    #: The key of the SOP a call row runs (its figures are its child instances', see
    #: :func:`_call_steps`); empty for every other step.
    call: str = ""

    @property
    def time_kind(self) -> str:
        """The kind of time the step's WAKTU counts (``working``, ``calendar`` or ``clock``)."""
        if not self.waktu:
            return "working"
        try:
            return parse_duration(self.waktu).kind
        except DurationError:
            return "working"

    @property
    def within_share(self) -> float | None:
        """Share of completed runs within the WAKTU (0..1)."""
        if self.within is None or not self.count:
            return None
        return self.within / self.count

    @property
    def over_share(self) -> float | None:
        share = self.within_share
        return None if share is None else 1.0 - share

    @property
    def missing_share(self) -> float:
        return self.missing_kelengkapan / self.count if self.count else 0.0


@dataclass(frozen=True)
class JabatanLoad:
    """Work done and waiting per jabatan."""

    jabatan: str
    completed: int
    open: int
    #: Open items past their due time now.
    overdue_open: int
    working_minutes: float


@dataclass(frozen=True)
class DecisionStats:
    """How often a decision went each way."""

    step_id: str
    number: int
    kegiatan: str
    ya: int
    tidak: int


@dataclass(frozen=True)
class MonitoringReport:
    """The monitoring figures of one SOP, versions and period (see the module docstring)."""

    key: str
    nama: str
    nomor: str
    unit: str
    #: The version numbers reported.
    versions: tuple[int, ...]
    trial: bool
    #: The first and last day of the period (inclusive; in the calendar's zone); ``None`` = open.
    period_start: dt.date | None
    period_end: dt.date | None
    started: int
    completed: int
    running: int
    cancelled: int
    #: Instances with at least one step completed after, or still open past, its due time.
    overdue: int
    cycle_median_minutes: float | None
    cycle_p90_minutes: float | None
    #: The standard of the SOP's path ("Jumlah waktu baku"), in working minutes: the WAKTU of the
    #: steps after the start along the longest path to an end, rework loops left out and of
    #: alternative (or parallel) branches the longest once (:mod:`engine.monitoring.standard_path`).
    standard_cycle_minutes: float | None
    steps: tuple[StepStats, ...]
    jabatan: tuple[JabatanLoad, ...]
    decisions: tuple[DecisionStats, ...]
    #: Instances that ran some step more than once.
    rework_instances: int
    #: Working minutes in one working day of the calendar (to show days).
    minutes_per_day: float
    #: Every step of the SOP in order: ``(number, step_id, kegiatan)`` (measured or not).
    outline: tuple[tuple[int, str, str], ...] = ()
    #: The step ids of the path :attr:`standard_cycle_minutes` sums, start first (empty: no standard).
    standard_path: tuple[str, ...] = ()
    #: The day the first instance reported started and the day the report was made, both in the
    #: calendar's zone (WIB by default): what an open period is labelled with, never a UTC date.
    first_day: dt.date | None = None
    generated_on: dt.date | None = None
    generated_at: dt.datetime = field(compare=False, default_factory=lambda: dt.datetime.now(dt.timezone.utc))
    #: Of the instances started, how many a call row of another SOP started (child instances; they
    #: are real cases of this SOP and counted in every figure above).
    started_by_call: int = 0

    @property
    def bottlenecks(self) -> list[StepStats]:
        """Steps with time over their WAKTU, the largest total excess first."""
        return sorted((step for step in self.steps if step.excess_minutes > _EPSILON),
                      key=lambda step: (-step.excess_minutes, step.number))

    @property
    def missing_kelengkapan_share(self) -> float:
        """Share of completed steps done with a kelengkapan item missing."""
        done = sum(step.count for step in self.steps)
        return sum(step.missing_kelengkapan for step in self.steps) / done if done else 0.0

    def step_figures(self) -> list[StepFigure]:
        """The measured steps for :func:`engine.monitoring.plots.step_chart`."""
        return [StepFigure(step.number, step.kegiatan, step.standard_minutes, step.median_minutes or 0.0,
                           step.p90_minutes or 0.0, step.count) for step in self.steps if step.count]

    def to_dict(self) -> dict[str, Any]:
        """Plain JSON-ready figures (dates as ISO text, derived shares included)."""
        data = asdict(self)
        data["period_start"] = self.period_start.isoformat() if self.period_start else None
        data["period_end"] = self.period_end.isoformat() if self.period_end else None
        data["generated_at"] = self.generated_at.isoformat()
        for name in ("first_day", "generated_on"):
            value = getattr(self, name)
            data[name] = value.isoformat() if value else None
        for item, step in zip(data["steps"], self.steps):
            item.update(within_share=step.within_share, missing_share=step.missing_share)
        data["bottlenecks"] = [step.step_id for step in self.bottlenecks]
        data["missing_kelengkapan_share"] = self.missing_kelengkapan_share
        return data


@dataclass(frozen=True)
class _StepMeta:
    number: int
    kegiatan: str
    jabatan: str
    kind: str
    waktu: str
    condition: str
    #: The steps it leads to (a decision: Ya then Tidak).
    successors: tuple[str, ...] = ()
    #: The key of the SOP a call row runs ("" for every other row).
    call: str = ""


@dataclass
class Scope:
    """Which instances a report covers: resolved SOP versions and the period's instants."""

    key: str
    nama: str
    version_ids: list[int]
    numbers: tuple[int, ...]
    trial: bool
    start: dt.datetime | None
    end: dt.datetime | None
    steps: dict[str, _StepMeta]
    nomor: str = ""
    unit: str = ""
    #: Ids of the units read (``None``: every unit); see :func:`engine.access.policy.monitor_scope`.
    units: frozenset[int] | None = None
    #: The start step of the newest version reported (where its path begins).
    start_step: str = ""

    def _unit_clause(self, column: str, clauses: list[str], params: dict[str, Any]) -> None:
        if self.units is not None:
            clauses.append(f"{column} IN (SELECT code FROM org_units WHERE id IN :scope_units)")
            params["scope_units"] = sorted(self.units)

    def _period_clause(self, connection: Connection, column: str, clauses: list[str], params: dict[str, Any]) -> None:
        """``column`` (an instant) within the period: from its first day's midnight, before the day after its last."""
        if self.start is not None:
            clauses.append(f"{column} >= :period_start")
            params["period_start"] = hot.bind_time(connection, self.start)
        if self.end is not None:
            clauses.append(f"{column} < :period_end")
            params["period_end"] = hot.bind_time(connection, self.end)

    def where(self, connection: Connection, alias: str = "i") -> tuple[str, dict[str, Any]]:
        """An SQL condition on the instances table (alias ``alias``) and its parameters."""
        # a trial report reads the ujicoba runs only: simulations (stage 8's practice) never count
        clauses = [f"{alias}.version_id IN :version_ids", f"{alias}.mode = '{'ujicoba' if self.trial else 'real'}'"]
        params: dict[str, Any] = {"version_ids": self.version_ids}
        self._unit_clause(f"{alias}.unit", clauses, params)
        self._period_clause(connection, f"{alias}.started_at", clauses, params)
        return " AND ".join(clauses), params

    def item_where(self, connection: Connection, by_version: bool, scan: bool = False) -> tuple[str, dict[str, Any]]:
        """An SQL condition on work_items (alias ``w``): this SOP's (trial) items ready in the period
        (in the units read: the work done there).

        Every version of one kind (approved or draft) is exactly ``sop_key`` and ``trial``, which the
        monitoring index covers; only chosen versions need the instances.

        :param scan: for a pass over every column: tell SQLite not to walk the index (a row lookup
            per index entry is several times slower than reading the table in order).
        """
        sop_key = "+w.sop_key" if scan and connection.dialect.name == "sqlite" else "w.sop_key"
        clauses = [f"{sop_key} = :key", "w.trial = :trial"]
        params: dict[str, Any] = {"key": self.key, "trial": self.trial}
        self._unit_clause("w.unit", clauses, params)
        if self.trial:  # simulation items are trial items too (not real); only the ujicoba runs count
            clauses.append("w.instance_id IN (SELECT id FROM instances WHERE mode = 'ujicoba')")
        if by_version:
            clauses.append("w.instance_id IN (SELECT id FROM instances WHERE version_id IN :version_ids)")
            params["version_ids"] = self.version_ids
        self._period_clause(connection, "w.ready_at", clauses, params)
        return " AND ".join(clauses), params


def _local_midnight(day: dt.date, calendar: WorkCalendar) -> dt.datetime:
    return dt.datetime.combine(day, dt.time(), calendar.tz).astimezone(dt.timezone.utc)


def resolve_scope(connection: Connection, key: str, calendar: WorkCalendar, start: dt.date | None = None,
                  end: dt.date | None = None, versions: Sequence[int] | None = None, trial: bool = False,
                  units: frozenset[int] | None = None) -> Scope:
    """The versions, instants and units a report on ``key`` covers.

    :param versions: version numbers; default every version of the kind asked (drafts for a trial).
    :param units: ids of the units read (instances started there, work done there); ``None``: every unit.
    :raises NotFoundError: no such SOP, or none of the versions exists.
    """
    rows = run_text(connection, "SELECT v.id, v.number, v.draft, v.steps, v.bpmn, d.nama FROM versions v "
                  "JOIN definitions d ON d.id = v.definition_id WHERE d.key = :key ORDER BY v.number",
                  {"key": key}).all()
    if not rows:
        from engine.runtime.versions import definition_id

        definition_id(connection, key)  # raises with a "did you mean"
    chosen = [row for row in rows if (row.number in versions if versions else bool(row.draft) == trial)]
    if versions and not chosen:
        raise NotFoundError.from_code("runtime_no_such_version", sop=key, number=", ".join(map(str, versions)))
    steps: dict[str, _StepMeta] = {}
    for row in reversed(chosen):  # the newest version names the steps
        for index, item in enumerate(json.loads(row.steps)):
            steps.setdefault(item["id"], _StepMeta(index + 1, item["kegiatan"], item["pelaksana"], item["kind"],
                                                   item.get("waktu", ""), item.get("condition", "")))
    nomor = unit = start_step = ""
    if chosen:
        from engine.bpmn.reader import read_bpmn

        newest = read_bpmn(bytes(chosen[-1].bpmn)).sop
        nomor, unit = newest.identity.nomor, newest.identity.unit
        start_step = newest.start.id if newest.start else ""
        for step in newest.steps:  # the newest version's arrows: where its path runs
            if step.id in steps:
                call = step.structure.call
                steps[step.id] = replace(steps[step.id], successors=tuple(step.successors()),
                                         call=call.key if call is not None else "")
    return Scope(key, rows[-1].nama if rows else key, [row.id for row in chosen] or [-1],
                 tuple(row.number for row in chosen), trial,
                 _local_midnight(start, calendar) if start else None,
                 _local_midnight(end + dt.timedelta(days=1), calendar) if end else None, steps, nomor, unit,
                 None if units is None else frozenset(units), start_step)


def _standard(waktu: str, calendar: WorkCalendar, start: dt.datetime) -> tuple[float, str] | None:
    """The WAKTU in minutes of its own kind and the stored column that measures a run of that kind:
    working minutes for working time, calendar minutes for calendar days and 24-hour clock time
    (a month or a year counted from ``start``)."""
    if not waktu.strip():
        return None
    try:
        duration = parse_duration(waktu)
    except DurationError:
        return None
    column = "w.working_minutes" if duration.kind == "working" else "w.calendar_minutes"
    return float(calendar.standard_minutes(duration, start)), column


def _interpolate(lower: float, upper: float, count: int, fraction: float) -> float:
    """``percentile_cont``: linear interpolation between the ranks around ``(count - 1) * fraction``."""
    position = (count - 1) * fraction
    return lower + (upper - lower) * (position - math.floor(position))


def _percentiles(connection: Connection, source: str, group: str, value: str, params: dict[str, Any],
                 counts: dict[str, int], fractions: Sequence[float] = (0.5, 0.9)) -> dict[str, list[float | None]]:
    """``group value -> [percentile per fraction]`` of ``value`` over the rows of ``source`` (a ``FROM ... WHERE``).

    PostgreSQL: ``percentile_cont`` per group. SQLite: for each group of ``counts`` (non-null values
    per group), the two values around each rank, read in index order with ``LIMIT 2 OFFSET k``.
    """
    if connection.dialect.name == "postgresql":
        columns = ", ".join(f"percentile_cont({fraction}) WITHIN GROUP (ORDER BY {value})" for fraction in fractions)
        rows = run_text(connection, f"SELECT {group}, {columns} FROM {source} AND {value} IS NOT NULL "
                      f"GROUP BY {group}", params).all()
        return {str(row[0]): [None if item is None else float(item) for item in row[1:]] for row in rows}
    result: dict[str, list[float | None]] = {}
    for name, count in counts.items():
        if not count:
            continue
        values: list[float | None] = []
        for fraction in fractions:
            offset = math.floor((count - 1) * fraction)
            found = [float(row[0]) for row in run_text(
                connection, f"SELECT {value} FROM {source} AND {group} = :group_value AND {value} IS NOT NULL "
                f"ORDER BY {value} LIMIT 2 OFFSET :offset", {**params, "group_value": name, "offset": offset})]
            values.append(_interpolate(found[0], found[-1], count, fraction) if found else None)
        result[name] = values
    return result


@dataclass(frozen=True)
class _CallFigures:
    """The runs of one call row, measured on its child instances (see :func:`_call_steps`)."""

    count: int
    open: int
    median: float | None
    p90: float | None
    over: int
    excess: float
    rework: int


def parent_step_sql(connection: Connection) -> str:
    """SQL: the parent's call row a child instance was started for, from the child's first event
    (``started``, whose data names ``langkah_induk``; :meth:`engine.runtime.session.InstanceRun._start_child`)."""
    if connection.dialect.name == "postgresql":
        return "(CAST(e.body AS json) -> 'data' ->> 'langkah_induk')"
    return "json_extract(e.body, '$.data.langkah_induk')"


def _clock_minutes(connection: Connection, alias: str) -> str:
    """SQL: the minutes on the clock from an instance's start to its end."""
    if connection.dialect.name == "postgresql":
        return f"(EXTRACT(EPOCH FROM ({alias}.ended_at - {alias}.started_at)) / 60.0)"
    return f"((julianday({alias}.ended_at) - julianday({alias}.started_at)) * 1440.0)"


#: Child instance states in which its call row is still being worked.
_OPEN_CHILD = "('running', 'suspended', 'error')"


def _children_where(connection: Connection, scope: Scope) -> tuple[str, dict[str, Any]]:
    """``FROM ... WHERE`` of the child instances of this report's instances (alias ``c``, their
    first event ``e``, the parent ``i``): started by one of the SOP versions reported, in its mode,
    the child begun in the period (when the call row became ready) and in the units read."""
    clauses = ["i.version_id IN :version_ids", f"i.mode = '{'ujicoba' if scope.trial else 'real'}'", "e.seq = 1",
               f"{parent_step_sql(connection)} = :call_step"]
    params: dict[str, Any] = {"version_ids": scope.version_ids}
    # a child runs in its parent's unit: the reader's units narrow both alike
    scope._unit_clause("c.unit", clauses, params)
    scope._period_clause(connection, "c.started_at", clauses, params)
    source = ("instances c JOIN instances i ON i.id = c.parent_id JOIN events e ON e.instance_id = c.id "
              f"WHERE {' AND '.join(clauses)}")
    return source, params


def _call_steps(connection: Connection, scope: Scope, calendar: WorkCalendar, now: dt.datetime,
                kinds: dict[str, tuple[float, str] | None]
                ) -> tuple[dict[str, _CallFigures], list[str], list[str], dict[str, Any]]:
    """The figures of each call row, from the child instances it started (a call row has no work item).

    A run of the call row is one child instance: done when the child completed, open while it runs;
    its minutes are the child's cycle time (working minutes from its start to its end), or the minutes
    on the clock when the row's WAKTU counts calendar time, against the call row's own WAKTU; a second
    child of the same parent for the row is rework. Also returns SQL selecting the parent ids late in a
    call row (done over its WAKTU, or still open past its due time), SQL selecting the parent ids that
    ran a call row more than once, and their parameters: for the report's overdue and rework counts.
    """
    figures: dict[str, _CallFigures] = {}
    late_parts: list[str] = []
    rework_parts: list[str] = []
    late_params: dict[str, Any] = {}
    for number, (step_id, meta) in enumerate(sorted(scope.steps.items())):
        if not meta.call:
            continue
        source, params = _children_where(connection, scope)
        params["call_step"] = step_id
        kind = kinds.get(step_id)
        value = "c.working_minutes" if kind is None or kind[1] == "w.working_minutes" else _clock_minutes(connection, "c")
        standard = None if kind is None else kind[0]
        params["standard"] = (standard or 0.0) + _EPSILON
        row = run_text(connection, f"""
            SELECT SUM(CASE WHEN c.status = 'completed' THEN 1 ELSE 0 END),
                   SUM(CASE WHEN c.status IN {_OPEN_CHILD} THEN 1 ELSE 0 END),
                   COUNT(*) - COUNT(DISTINCT c.parent_id),
                   SUM(CASE WHEN c.status = 'completed' AND {value} > :standard THEN 1 ELSE 0 END),
                   SUM(CASE WHEN c.status = 'completed' AND {value} > :standard THEN {value} ELSE 0 END),
                   COUNT(CASE WHEN c.status = 'completed' THEN {value} END)
            FROM {source}""", params).one()
        done, measured = int(row[0] or 0), int(row[5] or 0)
        median, p90 = _percentiles(connection, f"{source} AND c.status = 'completed'", "c.status", value, params,
                                   {"completed": measured}).get("completed", [None, None])
        over = int(row[3] or 0) if standard is not None else 0
        excess = float(row[4] or 0.0) - over * standard if standard is not None else 0.0
        figures[step_id] = _CallFigures(done, int(row[1] or 0), median, p90, over, excess, int(row[2] or 0))
        names = {f"call_{number}_{name}": item for name, item in params.items()}
        part = source
        for name in sorted(params, key=len, reverse=True):  # longest first: ":period_start" before ":period"
            part = part.replace(f":{name}", f":call_{number}_{name}")
        if figures[step_id].rework:
            rework_parts.append(f"SELECT c.parent_id AS id FROM {part} GROUP BY c.parent_id HAVING COUNT(*) > 1")
            late_params.update(names)
        if standard is None:
            continue
        # open children past the call row's due time: few (running cases only), judged on the calendar
        duration = parse_duration(meta.waktu)
        late_open = [int(parent) for parent, started in run_text(
            connection, f"SELECT c.parent_id, c.started_at FROM {source} AND c.status IN {_OPEN_CHILD}", params)
            if calendar.due(hot.read_time(started) or now, duration) < now]
        late_parts.append(f"SELECT c.parent_id AS id FROM {part} AND c.status = 'completed' AND "
                          f"{value} > :call_{number}_standard")
        late_params.update(names)
        if late_open:
            late_parts.append(f"SELECT id FROM instances WHERE id IN :call_{number}_late_open")
            late_params[f"call_{number}_late_open"] = late_open
    return figures, late_parts, rework_parts, late_params


def monitoring_report(runtime: Runtime, key: str, start: dt.date | None = None, end: dt.date | None = None, *,
                      versions: Sequence[int] | None = None, trial: bool = False,
                      units: frozenset[int] | None = None) -> MonitoringReport:
    """The monitoring report of SOP ``key`` for the days ``start`` to ``end`` (inclusive; open when ``None``).

    Instance figures (started, completed, running, cancelled, cycle time) count the instances
    *started* in the period; step figures count the runs of steps that *became ready* in it (the
    work done in the period), and "overdue" / "rework" instances are those with such a run late or
    repeated.

    :param versions: version numbers; default every approved version (every draft with ``trial``).
    :param trial: report the trial (ujicoba) instances instead of the regular ones.
    :param units: ids of the units reported on (``None``: every unit; the policy's
        :func:`~engine.access.policy.monitor_scope` gives them for an account).
    :raises NotFoundError: no such SOP or version.
    """
    calendar = runtime.calendar
    now = runtime.clock.now()
    with runtime.db.read() as connection:
        scope = resolve_scope(connection, key, calendar, start, end, versions, trial, units)
        where, params = scope.where(connection)
        params["now"] = hot.bind_time(connection, now)
        counts = dict(run_text(connection, f"SELECT i.status, COUNT(*) FROM instances i WHERE {where} GROUP BY i.status",
                             params).all())
        first_started = hot.read_time(run_text(connection, f"SELECT MIN(i.started_at) FROM instances i WHERE {where}",
                                               params).scalar_one())
        completed_cycles = run_text(connection, f"SELECT COUNT(i.working_minutes) FROM instances i WHERE {where} "
                                  "AND i.status = 'completed'", params).scalar_one()
        cycle = _percentiles(connection, f"instances i WHERE {where} AND i.status = 'completed'", "i.status",
                             "i.working_minutes", params, {"completed": int(completed_cycles)}
                             ).get("completed", [None, None])
        items, item_params = scope.item_where(connection, bool(versions))
        scanned, _ = scope.item_where(connection, bool(versions), scan=True)
        item_params["now"] = params["now"]
        kinds = {step_id: _standard(meta.waktu, calendar, scope.start or now) for step_id, meta in scope.steps.items()}
        standards = {step_id: None if kind is None else kind[0] for step_id, kind in kinds.items()}
        #: the stored minutes that measure each step: of its own kind (working, or on the calendar)
        measure = {step_id: "w.working_minutes" if kind is None else kind[1] for step_id, kind in kinds.items()}
        done = "w.status = 'done'"
        late = f"(({done} AND w.completed_at > w.due_at) OR (w.status = 'open' AND w.due_at < :now))"
        per_step = {str(row[0]): row for row in run_text(connection, f"""
            SELECT w.step_id, COUNT(*), COUNT(w.working_minutes), SUM(w.working_minutes),
                   SUM(CASE WHEN w.visit > 1 THEN 1 ELSE 0 END),
                   SUM(CASE WHEN w.kelengkapan_missing THEN 1 ELSE 0 END),
                   SUM(CASE WHEN w.keputusan = 'Ya' THEN 1 ELSE 0 END),
                   SUM(CASE WHEN w.keputusan = 'Tidak' THEN 1 ELSE 0 END), COUNT(w.calendar_minutes)
            FROM work_items w WHERE {items} AND {done} GROUP BY w.step_id""", item_params)}
        open_items = {str(row[0]): row for row in run_text(connection, f"""
            SELECT w.step_id, COUNT(*), SUM(CASE WHEN w.due_at < :now THEN 1 ELSE 0 END),
                   SUM(CASE WHEN w.visit > 1 THEN 1 ELSE 0 END)
            FROM work_items w WHERE {items} AND w.status = 'open' GROUP BY w.step_id""", item_params)}
        over: dict[str, tuple[int, float]] = {}
        for step_id in per_step:
            standard = standards.get(step_id)
            if standard is not None:
                value = measure.get(step_id, "w.working_minutes")
                row = run_text(connection, f"SELECT COUNT(*), SUM({value}) FROM work_items w WHERE {items} "
                             f"AND {done} AND w.step_id = :step AND {value} > :standard",
                             {**item_params, "step": step_id, "standard": standard + _EPSILON}).one()
                over[step_id] = (int(row[0] or 0), float(row[1] or 0.0) - int(row[0] or 0) * standard)
        flagged = run_text(connection, f"SELECT COUNT(DISTINCT CASE WHEN {late} THEN w.instance_id END), "
                         f"COUNT(DISTINCT CASE WHEN w.visit > 1 THEN w.instance_id END) FROM work_items w "
                         f"WHERE {scanned} AND w.status IN ('done', 'open') AND ({late} OR w.visit > 1)",
                         item_params).one()
        spread: dict[str, list[float | None]] = {}
        for value, position in (("w.working_minutes", 2), ("w.calendar_minutes", 8)):
            mine = [step_id for step_id in per_step if measure.get(step_id, "w.working_minutes") == value]
            if not mine:
                continue
            names = {f"kind_step_{number}": step_id for number, step_id in enumerate(mine)}
            chosen = f"w.step_id IN ({', '.join(':' + name for name in names)})"
            spread.update(_percentiles(connection, f"work_items w WHERE {items} AND {done} AND {chosen}", "w.step_id",
                                       value, {**item_params, **names},
                                       {step_id: int(per_step[step_id][position] or 0) for step_id in mine}))
        answers: dict[tuple[str, str], int] = {}
        for step_id, row in per_step.items():
            answers[(step_id, "Ya")], answers[(step_id, "Tidak")] = int(row[6] or 0), int(row[7] or 0)
        if any(meta.condition for meta in scope.steps.values()):
            for pair, count in _condition_answers(connection, where, params):
                answers[pair] = answers.get(pair, 0) + count
        by_call = int(run_text(connection, f"SELECT COUNT(*) FROM instances i WHERE {where} AND i.parent_id IS NOT NULL",
                               params).scalar_one() or 0)
        calls, late_calls, repeated_calls, late_params = _call_steps(connection, scope, calendar, now, kinds)
        overdue = int(flagged[0] or 0)
        if late_calls:  # an instance late in a call row is overdue too (counted once with its late items)
            overdue = int(run_text(connection, f"SELECT COUNT(DISTINCT x.id) FROM (SELECT w.instance_id AS id "
                                   f"FROM work_items w WHERE {scanned} AND w.status IN ('done', 'open') AND {late} "
                                   f"UNION {' UNION '.join(late_calls)}) x", {**item_params, **late_params}
                                   ).scalar_one() or 0)
        rework_instances = int(flagged[1] or 0)
        if repeated_calls:  # an instance that ran a call row twice (a revision loop around it) has rework too
            rework_instances = int(run_text(connection, f"SELECT COUNT(DISTINCT x.id) FROM (SELECT w.instance_id AS id "
                                            f"FROM work_items w WHERE {scanned} AND w.status IN ('done', 'open') "
                                            f"AND w.visit > 1 UNION {' UNION '.join(repeated_calls)}) x",
                                            {**item_params, **late_params}).scalar_one() or 0)
    steps = []
    load: dict[str, list[float]] = {}
    for step_id in sorted(set(per_step) | set(open_items)):
        meta = scope.steps.get(step_id, _StepMeta(999, step_id, "", "activity", "", ""))
        standard = standards.get(step_id)
        median, p90 = spread.get(step_id, [None, None])
        finished, waiting = per_step.get(step_id), open_items.get(step_id)
        count = int(finished[1]) if finished else 0
        over_count, excess = over.get(step_id, (0, 0.0))
        steps.append(StepStats(step_id, meta.number, meta.kegiatan, meta.jabatan, meta.waktu, standard, count,
                               int(waiting[1]) if waiting else 0, median, p90,
                               None if standard is None else count - over_count, excess,
                               (int(finished[4] or 0) if finished else 0) + (int(waiting[3] or 0) if waiting else 0),
                               int(finished[5] or 0) if finished else 0))
        totals = load.setdefault(meta.jabatan, [0.0] * 4)
        totals[0] += count
        totals[1] += int(waiting[1]) if waiting else 0
        totals[2] += int(waiting[2] or 0) if waiting else 0
        totals[3] += float(finished[3] or 0.0) if finished else 0.0
    for step_id, call in calls.items():
        # a call row is not its column's work (the called SOP's clerks do it): no jabatan load here
        if not (call.count or call.open):
            continue
        meta = scope.steps[step_id]
        standard = standards.get(step_id)
        steps.append(StepStats(step_id, meta.number, meta.kegiatan, meta.jabatan, meta.waktu, standard, call.count,
                               call.open, call.median, call.p90, None if standard is None else call.count - call.over,
                               call.excess, call.rework, 0, call=meta.call))
    steps.sort(key=lambda item: (item.number, item.step_id))
    decisions = tuple(DecisionStats(step_id, meta.number, meta.kegiatan, answers.get((step_id, "Ya"), 0),
                                    answers.get((step_id, "Tidak"), 0))
                      for step_id, meta in sorted(scope.steps.items(), key=lambda pair: pair[1].number)
                      if meta.kind == StepKind.DECISION.value)
    # the path's standard in working minutes: steps counted on the calendar are not converted into office time
    path_minutes, path = longest_path(
        scope.start_step, {step_id: meta.successors for step_id, meta in scope.steps.items()},
        {step_id for step_id, meta in scope.steps.items() if meta.kind == StepKind.END.value},
        {step_id: standards.get(step_id) for step_id in scope.steps if measure.get(step_id) == "w.working_minutes"})
    return MonitoringReport(
        key=key, nama=scope.nama, nomor=scope.nomor, unit=scope.unit, versions=scope.numbers, trial=trial,
        period_start=start, period_end=end, started=sum(int(count) for count in counts.values()),
        completed=int(counts.get("completed", 0)), running=int(counts.get("running", 0)),
        cancelled=int(counts.get("cancelled", 0)), overdue=overdue, cycle_median_minutes=cycle[0],
        cycle_p90_minutes=cycle[1],
        standard_cycle_minutes=path_minutes, standard_path=path if path_minutes is not None else (),
        steps=tuple(steps),
        jabatan=tuple(JabatanLoad(name, int(values[0]), int(values[1]), int(values[2]), values[3])
                      for name, values in sorted(load.items())),
        decisions=decisions, rework_instances=rework_instances,
        minutes_per_day=calendar.working_minutes_per_day,
        outline=tuple(sorted((meta.number, step_id, meta.kegiatan) for step_id, meta in scope.steps.items())),
        generated_at=now, first_day=first_started.astimezone(calendar.tz).date() if first_started else None,
        generated_on=now.astimezone(calendar.tz).date(), started_by_call=by_call)


def _condition_answers(connection: Connection, where: str, params: dict[str, Any]) -> Iterable[tuple[tuple[str, str], int]]:
    """Answers of decisions a ``syarat`` took (recorded only as events by the system)."""
    counted: dict[tuple[str, str], int] = {}
    for step_id, body in run_text(connection, f"SELECT e.step, e.body FROM events e JOIN instances i ON "
                                f"i.id = e.instance_id WHERE {where} AND e.kind = 'decision' AND e.actor = 'sistem'",
                                params):
        answer = str(json.loads(body).get("data", {}).get("keputusan", ""))
        counted[(str(step_id), answer)] = counted.get((str(step_id), answer), 0) + 1
    return counted.items()


def cycle_trend(runtime: Runtime, key: str, start: dt.date, end: dt.date, *, trial: bool = False,
                versions: Sequence[int] | None = None, units: frozenset[int] | None = None) -> list[TrendPoint]:
    """The median cycle time of the instances started in each calendar month from ``start`` to ``end``.

    For :func:`engine.monitoring.plots.trend_chart`; months without a completed instance are left out.
    """
    points = []
    month = start.replace(day=1)
    with runtime.db.read() as connection:
        while month <= end:
            following = (month + dt.timedelta(days=32)).replace(day=1)
            scope = resolve_scope(connection, key, runtime.calendar, max(month, start),
                                  min(following - dt.timedelta(days=1), end), versions, trial, units)
            where, params = scope.where(connection)
            count = run_text(connection, f"SELECT COUNT(i.working_minutes) FROM instances i WHERE {where} "
                           "AND i.status = 'completed'", params).scalar_one()
            median = _percentiles(connection, f"instances i WHERE {where} AND i.status = 'completed'", "i.status",
                                  "i.working_minutes", params, {"completed": int(count)}, (0.5,)).get("completed")
            if median and median[0] is not None:
                points.append(TrendPoint(month.strftime("%m/%Y"), median[0]))
            month = following
    return points
