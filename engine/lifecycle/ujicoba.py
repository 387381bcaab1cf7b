"""Ujicoba (the regulation's stage 5): clerks' feedback on trial instances, the trial report, the gate.

A draft version runs only as trial (ujicoba) instances. The clerk who completed a step of a trial
instance rates it (:func:`give_feedback`): kemudahan (how easy), kesesuaian (how suitable) and
ketepatan (how accurate), each 1-5, with a comment. :func:`ujicoba_report` puts the averages next
to the measured working time of each step, and :func:`ujicoba_complete` is the gate the approval
page asks before a draft may be approved: by default at least three completed trial instances and
feedback on every step that has a work item (:class:`UjicobaGate` configures it). A decision
with a ``syarat`` is decided by the engine: it has no work item, so it is neither rated nor waited for.
"""

from __future__ import annotations

import datetime as dt
import json
from dataclasses import dataclass, field
from typing import TYPE_CHECKING

from sqlalchemy import Connection, func, insert, select

from engine.runtime.versions import definition_id
from engine.runtime.work import UJICOBA
from engine.errors import AccessDeniedError, DataError, NotFoundError
from engine.monitoring.report import MonitoringReport, monitoring_report
from engine.messages import message
from engine.sop.model import StepKind
from engine.sop.worktime import WorkCalendar
from engine.store.models import feedback, instances, org_units, versions, work_items

if TYPE_CHECKING:
    from engine.runtime.facade import Runtime

#: The three aspects of Lampiran I stage 5, as stored.
ASPECTS: tuple[str, ...] = ("kemudahan", "kesesuaian", "ketepatan")


@dataclass(frozen=True)
class Feedback:
    """A clerk's rating of one step they completed in a trial instance."""

    item_id: int
    instance_id: int
    step_id: str
    username: str
    kemudahan: int
    kesesuaian: int
    ketepatan: int
    komentar: str
    given_at: dt.datetime


@dataclass(frozen=True)
class FeedbackRequest:
    """A completed trial step still waiting for its clerk's feedback."""

    item_id: int
    instance_id: int
    key: str
    step_id: str
    kegiatan: str
    completed_at: dt.datetime


def _score(name: str, value: object) -> int:
    if isinstance(value, bool) or not isinstance(value, int) or not 1 <= value <= 5:
        raise DataError.from_code("ujicoba_bad_score", name, name=name)
    return value


def give_feedback(runtime: Runtime, item_id: int, username: str, kemudahan: int, kesesuaian: int, ketepatan: int,
                  komentar: str = "") -> Feedback:
    """Store ``username``'s feedback on the trial work item they completed.

    :raises NotFoundError: no such work item.
    :raises AccessDeniedError: the item is not of a trial instance, or another clerk completed it.
    :raises DataError: a score outside 1-5, a comment over 4000 characters, the step is not
        completed yet, or feedback on it was already given.
    """
    scores = {name: _score(name, value) for name, value in zip(ASPECTS, (kemudahan, kesesuaian, ketepatan))}
    komentar = (komentar or "").strip()
    if len(komentar) > 4000:
        raise DataError.from_code("ujicoba_comment_too_long", "komentar")
    now = runtime.clock.now()
    with runtime.db.write() as connection:
        item = connection.execute(
            select(work_items.c.id, work_items.c.instance_id, work_items.c.step_id, work_items.c.trial,
                   work_items.c.status, work_items.c.completed_by, work_items.c.name, instances.c.version_id,
                   instances.c.mode)
            .join(instances, instances.c.id == work_items.c.instance_id).where(work_items.c.id == item_id)).first()
        if item is None:
            raise NotFoundError.from_code("ujicoba_item_not_found", item_id=item_id)
        if not item.trial or item.mode != UJICOBA:  # a simulation's steps are practice, not trial feedback
            raise AccessDeniedError.from_code("ujicoba_not_a_trial", item_id=item_id)
        if item.status != "done":
            raise DataError.from_code("ujicoba_step_not_done", name=item.name)
        if item.completed_by != username:
            raise AccessDeniedError.from_code("ujicoba_not_the_completer", completed_by=item.completed_by,
                                              name=item.name)
        if connection.execute(select(feedback.c.id).where(feedback.c.item_id == item_id)).first() is not None:
            raise DataError.from_code("ujicoba_feedback_given", item_id=item_id)
        connection.execute(insert(feedback), {
            "item_id": item_id, "instance_id": item.instance_id, "version_id": item.version_id,
            "step_id": item.step_id, "username": username, **scores, "komentar": komentar, "given_at": now})
    return Feedback(item_id, item.instance_id, item.step_id, username, scores["kemudahan"], scores["kesesuaian"],
                    scores["ketepatan"], komentar, now)


def pending_feedback(runtime: Runtime, username: str, limit: int = 50) -> list[FeedbackRequest]:
    """Trial steps ``username`` completed and has not rated yet, newest first."""
    with runtime.db.read() as connection:
        rows = connection.execute(
            select(work_items.c.id, work_items.c.instance_id, work_items.c.sop_key, work_items.c.step_id,
                   work_items.c.name, work_items.c.completed_at)
            .outerjoin(feedback, feedback.c.item_id == work_items.c.id)
            .join(instances, instances.c.id == work_items.c.instance_id)
            .where(work_items.c.trial.is_(True), instances.c.mode == UJICOBA, work_items.c.status == "done",
                   work_items.c.completed_by == username, feedback.c.id.is_(None))
            .order_by(work_items.c.completed_at.desc(), work_items.c.id.desc()).limit(limit)).all()
    return [FeedbackRequest(*row) for row in rows]


def feedback_of(runtime: Runtime, key: str, version: int | None = None) -> list[Feedback]:
    """Every feedback given on a draft version (the newest by default), oldest first."""
    with runtime.db.read() as connection:
        version_id, _ = _draft_version(connection, key, version)
        rows = connection.execute(select(feedback).where(feedback.c.version_id == version_id)
                                  .order_by(feedback.c.given_at, feedback.c.id)).all()
    return [Feedback(row.item_id, row.instance_id, row.step_id, row.username, row.kemudahan, row.kesesuaian,
                     row.ketepatan, row.komentar, row.given_at) for row in rows]


def _draft_version(connection: Connection, key: str, number: int | None) -> tuple[int, int]:
    found = definition_id(connection, key)
    query = select(versions.c.id, versions.c.number, versions.c.draft).where(versions.c.definition_id == found)
    query = (query.where(versions.c.number == number) if number is not None
             else query.where(versions.c.draft.is_(True)).order_by(versions.c.number.desc()))
    row = connection.execute(query.limit(1)).first()
    if row is None:
        raise (NotFoundError.from_code("runtime_no_such_version", sop=key, number=number) if number is not None
               else NotFoundError.from_code("ujicoba_no_draft", sop=key))
    return int(row.id), int(row.number)


@dataclass(frozen=True)
class UjicobaStep:
    """One step of a trial: measured working time and the clerks' average ratings."""

    step_id: str
    number: int
    kegiatan: str
    waktu: str
    count: int
    median_minutes: float | None
    within_share: float | None
    feedback_count: int
    #: Averages 1-5, ``None`` without feedback.
    kemudahan: float | None
    kesesuaian: float | None
    ketepatan: float | None
    komentar: tuple[str, ...] = ()
    #: Completed trial runs of the step finished outside office hours (evening, weekend, holiday):
    #: their working time counts as 0 minutes, so the measured time of the step says little.
    outside_hours: int = 0


@dataclass(frozen=True)
class UjicobaReport:
    key: str
    version: int
    timing: MonitoringReport
    steps: tuple[UjicobaStep, ...]
    #: Steps that get a work item (so can be rated): ``(number, step_id, kegiatan)``.
    rated_steps: tuple[tuple[int, str, str], ...] = field(default=())

    @property
    def outside_hours(self) -> tuple[UjicobaStep, ...]:
        """The steps with a trial run finished outside office hours (flagged in the report and the gate)."""
        return tuple(step for step in self.steps if step.outside_hours)


def _step_kinds(connection: Connection, version_id: int) -> list[dict[str, str]]:
    text = connection.execute(select(versions.c.steps).where(versions.c.id == version_id)).scalar_one()
    items: list[dict[str, str]] = json.loads(text)
    return items


def _rated(item: dict[str, str]) -> bool:
    """Steps with a work item: everything but the start, an end without WAKTU and a decision with a
    ``syarat`` (the engine decides it; no clerk works it, so nobody can rate it)."""
    if item["kind"] == StepKind.DECISION.value and (item.get("condition") or "").strip():
        return False
    return item["kind"] != StepKind.START.value and not (item["kind"] == StepKind.END.value and not item["waktu"])


def ujicoba_report(runtime: Runtime, key: str, version: int | None = None, *,
                   units: frozenset[int] | None = None) -> UjicobaReport:
    """Feedback averages and timing per step of the trial of a draft version (the newest by default).

    :param units: ids of the units whose trial runs and feedback are read (``None``: every unit).
    """
    with runtime.db.read() as connection:
        version_id, number = _draft_version(connection, key, version)
        mine = [feedback.c.version_id == version_id]
        if units is not None:  # feedback on work done in the units read
            mine.append(feedback.c.item_id.in_(
                select(work_items.c.id).where(work_items.c.unit.in_(
                    select(org_units.c.code).where(org_units.c.id.in_(sorted(units)))))))
        averages = {row.step_id: row for row in connection.execute(
            select(feedback.c.step_id, func.count().label("n"), func.avg(feedback.c.kemudahan).label("kemudahan"),
                   func.avg(feedback.c.kesesuaian).label("kesesuaian"),
                   func.avg(feedback.c.ketepatan).label("ketepatan"))
            .where(*mine).group_by(feedback.c.step_id))}
        comments: dict[str, list[str]] = {}
        for step_id, komentar in connection.execute(
                select(feedback.c.step_id, feedback.c.komentar)
                .where(*mine, feedback.c.komentar != "").order_by(feedback.c.id)):
            comments.setdefault(step_id, []).append(komentar)
        kinds = _step_kinds(connection, version_id)
        done = [work_items.c.trial.is_(True), work_items.c.status == "done",
                work_items.c.instance_id.in_(select(instances.c.id).where(instances.c.version_id == version_id))]
        if units is not None:
            done.append(work_items.c.unit.in_(select(org_units.c.code).where(org_units.c.id.in_(sorted(units)))))
        outside: dict[str, int] = {}
        for step_id, completed_at in connection.execute(
                select(work_items.c.step_id, work_items.c.completed_at).where(*done)):
            if completed_at is not None and not in_office_hours(runtime.calendar, completed_at):
                outside[step_id] = outside.get(step_id, 0) + 1
    timing = monitoring_report(runtime, key, versions=[number], trial=True, units=units)
    measured = {step.step_id: step for step in timing.steps}
    rated = tuple((index + 1, item["id"], item["kegiatan"]) for index, item in enumerate(kinds) if _rated(item))
    steps = []
    for step_number, step_id, kegiatan in rated:
        stats, average = measured.get(step_id), averages.get(step_id)
        kemudahan, kesesuaian, ketepatan = (float(getattr(average, aspect)) if average else None
                                            for aspect in ASPECTS)
        steps.append(UjicobaStep(
            step_id, step_number, kegiatan, stats.waktu if stats else "", stats.count if stats else 0,
            stats.median_minutes if stats else None, stats.within_share if stats else None,
            int(average.n) if average else 0, kemudahan, kesesuaian, ketepatan, tuple(comments.get(step_id, ())),
            outside.get(step_id, 0)))
    return UjicobaReport(key, number, timing, tuple(steps), rated)


@dataclass(frozen=True)
class UjicobaGate:
    """What a completed ujicoba needs before its draft may be approved."""

    #: Completed trial instances of the draft version.
    min_instances: int = 3
    #: Feedback on every step that has a work item.
    feedback_every_step: bool = True
    #: Lowest acceptable average of each aspect on each step (``None``: no floor).
    min_average: float | None = None
    #: Refuse while a trial step was finished outside office hours: its working time reads 0
    #: minutes, so the trial has not measured it (run it again in office hours).
    office_hours: bool = True


def in_office_hours(calendar: WorkCalendar, moment: dt.datetime) -> bool:
    """Whether ``moment`` falls in the calendar's office hours (its ends included)."""
    local = moment.astimezone(calendar.tz)
    return any(start <= local <= end for start, end in calendar.working_intervals(local.date()))


def ujicoba_complete(runtime: Runtime, key: str, version: int | None = None,
                     gate: UjicobaGate | None = None) -> tuple[bool, list[str]]:
    """Whether the ujicoba of a draft version is complete, and if not, why (in Indonesian).

    The approval page calls this and refuses to approve while it answers ``False``.
    """
    gate = gate or UjicobaGate()
    try:
        report = ujicoba_report(runtime, key, version)
    except NotFoundError as exc:
        return False, [exc.message]
    reasons = []
    if report.timing.completed < gate.min_instances:
        reasons.append(f"Baru {report.timing.completed} instans ujicoba selesai; dibutuhkan paling sedikit "
                       f"{gate.min_instances}.")
    if gate.feedback_every_step:
        missing = [f"{step.number}. {step.kegiatan}" for step in report.steps if not step.feedback_count]
        if missing:
            reasons.append("Belum ada umpan balik pelaksana untuk langkah: " + "; ".join(missing) + ".")
    if gate.office_hours and report.outside_hours:
        reasons.append(message("stage9_gate_outside_hours", steps="; ".join(
            message("stage9_outside_hours_step", number=step.number, kegiatan=step.kegiatan, count=step.outside_hours)
            for step in report.outside_hours)))
    if gate.min_average is not None:
        for step in report.steps:
            low = [aspect for aspect in ASPECTS
                   if getattr(step, aspect) is not None and getattr(step, aspect) < gate.min_average]
            if low:
                reasons.append(f"Langkah {step.number} ({step.kegiatan}) dinilai rendah pada {', '.join(low)} "
                               f"(rata-rata di bawah {gate.min_average:g}).")
    return not reasons, reasons
