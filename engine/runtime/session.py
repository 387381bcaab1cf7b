"""The instance session: every change to an instance goes through it, in one write transaction.

::

    with context.instance(instance_id) as run:
        run.advance(actor, perform)        # or run.append(...), run.change_status(...)

:func:`open_session` opens the write transaction; :meth:`InstanceSession.lock` locks an instance
row (``SELECT ... FOR UPDATE`` on PostgreSQL, the ``BEGIN IMMEDIATE`` write lock on SQLite) and
returns an :class:`InstanceRun`, which loads the workflow (from the cache when the row's revision
matches, else from the stored state) when first asked. When the block ends without error the
session brings the work items and timers in line with the READY and WAITING tasks (only when the
workflow was advanced), saves the state (or only the chain head when the workflow did not move),
writes the events, commits, and only then puts the workflow back in the cache. When anything fails
the transaction rolls back and the taken workflow is dropped, so a failed attempt leaves no trace.

No other module constructs an :class:`InstanceRun`, locks an instance or saves one (a test says so).
"""

from __future__ import annotations

from collections.abc import Callable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from datetime import datetime
from functools import lru_cache
from typing import Any, Protocol
from uuid import UUID

from sqlalchemy import Connection, delete, insert, select, update
from SpiffWorkflow.bpmn.workflow import BpmnWorkflow
from SpiffWorkflow.exceptions import SpiffWorkflowException
from SpiffWorkflow.util.task import TaskState

from engine.bpmn.escalation import escalation_step
from engine.bpmn.names import NO, YES
from engine.bpmn.spiff.state import (STATE_FORMAT, ClockDateTimer, ClockTimer, clock_timer_of, new_workflow,
                                     state_from_json, state_to_json)
from engine.errors import AccessDeniedError, ConditionError, DataError, NotFoundError, StoreError, TaskError
from engine.messages import message
from engine.notify.outbox import queue as queue_notices
from engine.notify.settings import NotifySettings
from engine.runtime.audit import GENESIS, Envelope, chain_hash, event_body
from engine.runtime import event_sync, structure
from engine.runtime.case import record_case_values
from engine.runtime.privacy import new_salt
from engine.runtime.timers import UTC, timer_fire_time
from engine.runtime.units import UnitRequest, UnitResolver, column_jabatan
from engine.runtime.versions import LoadedVersion, pick_version
from engine.runtime.work import MODES, REAL, SYSTEM_ACTOR, UJICOBA, Instance
from engine.sop.conditions.language import evaluate_condition, find_condition_error
from engine.sop.durations import Duration, parse_duration
from engine.runtime.calendars import UnitCalendars
from engine.sop.worktime import WorkCalendar
from engine.store import hot
from engine.store.db import Database
from engine.store.migrate import upgrade_state
from engine.store.models import NO_DEADLINE, case_salts, case_values, instances, timers, work_items

#: How an instance status change moves its work items: (from statuses, to status).
_ITEM_MOVES = {"cancelled": (("open", "suspended"), "cancelled"), "suspended": (("open",), "suspended"),
               "running": (("suspended",), "open"), "error": (("open",), "suspended")}


@lru_cache(maxsize=256)
def _duration(waktu: str) -> Duration:
    return parse_duration(waktu)


def _finished(workflow: BpmnWorkflow) -> bool:
    """``workflow.is_completed()``; an unfinished task in the (pruned, small) task dict, newest first,
    answers without SpiffWorkflow's walk from the root."""
    if not workflow.completed and any(not task.has_state(TaskState.FINISHED_MASK)
                                      for task in reversed(workflow.tasks.values())):
        return False
    return bool(workflow.is_completed())


class SessionHost(Protocol):
    """What a session needs from the runtime context (:class:`engine.runtime.context.RuntimeContext`)."""

    db: Database
    calendar: WorkCalendar
    units: UnitResolver
    #: The working calendar of each unit (engine.runtime.calendars).
    unit_calendars: UnitCalendars
    #: Notification channels; when any is on, the session writes outbox rows for opened and overdue items.
    notify: NotifySettings

    def version(self, connection: Connection, version_id: int) -> LoadedVersion:
        """The parsed version (cached)."""

    def take_workflow(self, instance_id: int, revision: int) -> tuple[BpmnWorkflow, frozenset[str]] | None:
        """Remove and return the cached workflow of ``instance_id`` (with the ids of its READY user
        tasks) when it is at ``revision``."""

    def put_workflow(self, instance_id: int, revision: int, workflow: BpmnWorkflow, ready: frozenset[str]) -> None:
        """Keep ``workflow`` as the state of ``revision`` (after the commit), with its READY user tasks' ids."""


@dataclass
class InstanceRun:
    """A locked instance being changed in the current transaction (made only by :class:`InstanceSession`)."""

    host: SessionHost
    connection: Connection
    row: Any
    version: LoadedVersion
    now: datetime
    last_seq: int = 0
    last_hash: str = ""
    status: str = ""
    reason: str = ""
    ended_at: datetime | None = None
    #: Values of the work items opened in this session (to build :class:`WorkItem` without re-reading).
    new_items: list[dict[str, Any]] = field(default_factory=list)
    pending: list[dict[str, Any]] = field(default_factory=list)
    #: Ids of the work items marked overdue in this session (their notifications are written at the end).
    overdue_items: list[int] = field(default_factory=list)
    #: The revision written when the state was saved (0 until then, and when only the head was saved).
    saved_revision: int = 0
    #: Ids of the READY user tasks when the workflow was loaded: exactly the open work items.
    ready_before: set[str] = field(default_factory=set)
    _workflow: BpmnWorkflow | None = None
    _advanced_by: str | None = None
    _completed_task: str = ""
    #: Registration number and subject (as lists show it) as they stand in this session.
    registration: str = ""
    subject: str = ""
    _salt: str | None = None
    #: The session that locked this run (a call row starts its child instance in it).
    session: Any = None
    #: The instance whose call row started this one, and that row's task (engine.runtime.structure).
    parent_id: int | None = None
    parent_task: str = ""
    #: (status, reason, ended_at) as the row holds them now (read under the lock, then as last saved).
    _stored_status: tuple[Any, ...] = ()
    #: Gives the registration number a start left to the end of its session (:meth:`registration_now`).
    _numbering: Callable[[], None] | None = None
    #: The run whose case this one works on (a call row's child): its number is copied when it is known.
    _identity_of: InstanceRun | None = None
    #: The workflow moved in this session: the state is saved when the session writes.
    _state_moved: bool = False

    def __post_init__(self) -> None:
        self.last_seq, self.last_hash = self.row.last_seq, self.row.last_hash
        self.status, self.reason, self.ended_at = self.row.status, self.row.reason, self.row.ended_at
        self._stored_status = (self.status, self.reason, self.ended_at)
        self.registration = getattr(self.row, "registration", "") or ""
        self.subject = getattr(self.row, "subject_masked", "") or ""
        self.parent_id, self.parent_task = self.row.parent_id, self.row.parent_task

    @property
    def instance_id(self) -> int:
        return int(self.row.id)

    @property
    def workflow(self) -> BpmnWorkflow:
        """The instance's workflow; loaded once, from the cache when it is current."""
        if self._workflow is None:
            cached = self.host.take_workflow(self.instance_id, self.row.revision)
            if cached is not None:  # the READY set came along: no walk of the task tree
                self._workflow, self.ready_before = cached[0], set(cached[1])
                return cached[0]
            try:
                text = upgrade_state(self.row.state, self.row.state_format)
                loaded = state_from_json(text, self.version.spec)
            except (ValueError, KeyError, TypeError, AttributeError) as exc:
                raise StoreError.from_code("runtime_state_unreadable", instance=self.instance_id) from exc
            self._workflow = loaded
            self.ready_before = set(self._ready_tasks())
        return self._workflow

    def task(self, task_id: str) -> Any:
        """The SpiffWorkflow task with this id, or ``None``."""
        try:
            key = UUID(task_id)
        except ValueError:
            return None
        return structure.find_task(self.workflow, key)  # also the tasks of its sub-processes

    def instance(self) -> Instance:
        """The instance as it stands in this session."""
        row = self.row
        return Instance(row.id, self.version.key, self.version.number, row.unit, self.status, row.mode,
                        row.started_by, row.started_at, self.ended_at, self.reason, self.registration, self.subject)

    # -- what callers change -------------------------------------------------------------------

    def append(self, kind: str, actor: str, step: str = "", item_id: int | None = None,
               data: dict[str, Any] | None = None, envelope: Envelope | None = None) -> dict[str, Any]:
        """Add one event to the instance's hash chain. Its body and hash are made when the session
        writes (in order, so the chain is the same), which lets a value known only then still go into
        its ``data``: the registration number a start takes last.

        :param envelope: on whose behalf, about which documents, linked to which instances.
        :return: the event as it waits to be written.
        """
        self.last_seq += 1
        event = {"seq": self.last_seq, "kind": kind, "actor": actor, "step": step, "item_id": item_id,
                 "data": dict(data or {}), "envelope": envelope}
        self.pending.append(event)
        return event

    @property
    def moved(self) -> bool:
        """Advanced since its work items, timers and waits were last brought in line."""
        return self._advanced_by is not None

    def number_late(self, numbering: Callable[[], None]) -> None:
        """Leave the registration number to ``numbering``, called once: when the session writes, or
        before if something asks for the number (:meth:`registration_now`). On PostgreSQL the counter
        row it updates stays locked until the commit, so the later it is taken the less starts of the
        same SOP wait for each other."""
        self._numbering = numbering

    def registration_now(self) -> str:
        """The case's registration number, taken now when the start left it for later."""
        if self._numbering is not None:
            numbering, self._numbering = self._numbering, None
            numbering()
        elif self._identity_of is not None and not self.registration:
            self.registration = self._identity_of.registration_now()
        return self.registration

    def advance(self, actor: str, perform: Callable[[], None], completed_task: str = "") -> None:
        """Run ``perform`` and the engine steps after it; the session then syncs items and saves the state.

        :param completed_task: the task ``perform`` completes (its item is already closed as done).
        :raises TaskError: SpiffWorkflow or a condition refused to go on.
        """
        steps = self.version.steps

        def record_condition(task: Any) -> None:
            step = steps.get(task.task_spec.name)
            if step is not None and step.condition:
                try:
                    answer = YES if evaluate_condition(step.condition, task.data) else NO
                except ConditionError:
                    return
                self.append("decision", SYSTEM_ACTOR, step.id, None, {"syarat": step.condition, "keputusan": answer})

        workflow = self.workflow
        try:
            perform()
            workflow.do_engine_steps(did_complete_task=record_condition)
        except (SpiffWorkflowException, ConditionError) as exc:
            condition = find_condition_error(exc)
            detail = condition.message if condition is not None else str(exc).splitlines()[0]
            raise TaskError.from_code("runtime_cannot_continue", detail=detail) from exc
        self._advanced_by, self._completed_task = actor, completed_task

    def change_status(self, status: str, reason: str) -> None:
        """Set the instance status; its work items (and timers, on cancel) follow."""
        moved_from, moved_to = _ITEM_MOVES[status]
        self.connection.execute(update(work_items).where(work_items.c.instance_id == self.instance_id,
                                                         work_items.c.status.in_(moved_from))
                                .values(status=moved_to))
        if status == "cancelled":
            self.connection.execute(update(timers).where(timers.c.instance_id == self.instance_id,
                                                         timers.c.status == "waiting").values(status="cancelled"))
            event_sync.cancel_message_waits(self)
            self.ended_at = self.now
            self._cancel_children(reason)
        self.status, self.reason = status, reason

    def _cancel_children(self, reason: str) -> None:
        """Cancelling a parent cancels its running children (and theirs), each with an event."""
        children = self.connection.execute(select(instances.c.id).where(
            instances.c.parent_id == self.instance_id,
            instances.c.status.in_(("running", "suspended", "error")))).scalars().all()
        for child_id in children:
            child = self.session.run_of(int(child_id)) or self.session.lock(int(child_id))
            if child is None:
                continue
            text = message("st_child_cancelled", reason=reason)
            child.change_status("cancelled", text)
            child.append("cancelled", SYSTEM_ACTOR, "", None, {"alasan": text, "induk": self.instance_id},
                         Envelope(parent=self.instance_id))

    def complete_item(self, values: dict[str, Any]) -> bool:
        """Close an open work item as done (``values`` of :data:`engine.store.hot.COMPLETE_ITEM`).

        :return: whether the item was still open.
        """
        return hot.execute(self.connection, hot.COMPLETE_ITEM,
                           {**values, "now": hot.bind_time(self.connection, self.now)}) == 1

    def record_case_values(self, step_id: str, values: dict[str, Any], *, first: bool = False) -> None:
        """Keep the form data a step accepted as the instance's case data (see :mod:`engine.runtime.case`).

        :param first: the start's values of an instance created in this session (it has none to replace).
        """
        record_case_values(self.connection, self.instance_id, step_id, values, self.now, replace=not first)

    def new_case_salt(self) -> str:
        """Give a new instance the random salt of its personal-value digests (:mod:`engine.runtime.privacy`)."""
        self._salt = new_salt()
        self.connection.execute(insert(case_salts), {"instance_id": self.instance_id, "salt": self._salt})
        return self._salt

    def case_salt(self) -> str:
        """The instance's salt; a new one when it has none (an instance started before salts existed).

        :raises DataError: the case was erased under its retention rule (no value may be added).
        """
        if self._salt is None:
            found = self.connection.execute(select(case_salts.c.salt)
                                            .where(case_salts.c.instance_id == self.instance_id)).scalar()
            if found is None and getattr(self.row, "erased_at", None) is not None:
                raise DataError.from_code("case_erased", "data", instance=self.instance_id)
            return str(found) if found is not None else self.new_case_salt()
        return self._salt

    def set_identity(self, registration: str, subject: str, subject_masked: str) -> None:
        """Keep the registration number and subject of the instance (given at start)."""
        self.registration, self.subject = registration, subject_masked
        self.connection.execute(update(instances).where(instances.c.id == self.instance_id).values(
            registration=registration, subject=subject, subject_masked=subject_masked))

    def erase_case_data(self) -> int:
        """Erase the instance's case values, its salt and its subject (the retention rule); the events
        stay as they are, so the chain still verifies and its digests can no longer be checked.

        :return: how many values were erased.
        """
        erased = self.connection.execute(delete(case_values).where(case_values.c.instance_id == self.instance_id))
        self.connection.execute(delete(case_salts).where(case_salts.c.instance_id == self.instance_id))
        self.connection.execute(update(instances).where(instances.c.id == self.instance_id).values(
            subject="", subject_masked="", erased_at=self.now))
        self.subject, self._salt = "", None
        return int(erased.rowcount or 0)

    def set_claim(self, item_id: int, claimed_by: str | None) -> None:
        """Claim a work item for ``claimed_by`` (``None``: give it back)."""
        self.connection.execute(update(work_items).where(work_items.c.id == item_id).values(
            claimed_by=claimed_by, claimed_at=self.now if claimed_by else None))

    def mark_overdue(self, item_id: int) -> None:
        self.connection.execute(update(work_items).where(work_items.c.id == item_id).values(overdue_at=self.now))
        self.overdue_items.append(item_id)

    def mark_timer_fired(self, timer_id: int) -> None:
        self.connection.execute(update(timers).where(timers.c.id == timer_id).values(status="fired", fired_at=self.now))

    # -- what the session does at the end -----------------------------------------------------

    def _ready_tasks(self) -> dict[str, Any]:
        """The READY user tasks, in the depth-first order SpiffWorkflow lists them (items open in it)."""
        workflow = self._workflow
        assert workflow is not None
        # The (pruned) trees are small dicts: scanning them is much cheaper than SpiffWorkflow's
        # depth-first iterator, and one READY task (the usual case) has no order to keep.
        found = [task for tree in (workflow, *workflow.subprocesses.values()) for task in tree.tasks.values()
                 if task.state == TaskState.READY and task.task_spec.manual]
        if len(found) > 1:
            found = [task for task in workflow.get_tasks(state=TaskState.READY) if task.task_spec.manual]
        return {str(task.id): task for task in found}

    def _adopt(self, workflow: BpmnWorkflow) -> None:
        self._workflow = workflow
        self.ready_before = set()

    def _sync(self, actor: str, completed_task: str) -> None:
        """Open work items for new READY user tasks and close those whose task went away; same for timers."""
        workflow = self.workflow
        ready = self._ready_tasks()
        for task_id in sorted(self.ready_before - set(ready) - {completed_task}):
            closed = hot.run(self.connection, hot.CANCEL_ITEM, {
                "task_id": task_id, "now": hot.bind_time(self.connection, self.now)}).all()
            for row in closed:
                self.append("cancelled", actor, row.step_id, row.id, {"sebab": "tugas tidak lagi menunggu"})
        for task_id, task in ready.items():
            if task_id in self.ready_before:
                continue
            call = structure.call_of(self.version.sop, structure.item_step(task))
            if call is not None:  # a call row: a child instance of the called SOP instead of a work item
                self._start_child(task_id, task, call)
            else:
                self._open_item(task_id, structure.item_step(task), task.task_spec.lane or "",
                                structure.item_unit(self.version.sop, task))
        self.ready_before = set(ready)
        if self.version.has_timers:
            self._sync_timers()
        if self.version.has_messages:  # waits, choices and boundaries on a message (engine.runtime.events)
            event_sync.sync_message_waits(self)
        if workflow.bpmn_events:
            event_sync.record_error_ends(self, actor)
        if self.status == "running" and _finished(workflow):
            self.status, self.ended_at = "completed", self.now
            hot.execute(self.connection, hot.FINISH_INSTANCE, {
                "id": self.instance_id,
                "minutes": self.host.calendar.working_minutes_between(self.row.started_at, self.now)})
            self.append("finished", actor, "", None, {})
            if self.parent_id is not None:
                self._return_to_parent()

    def _start_child(self, task_id: str, task: Any, call: Any) -> None:
        """Start the called SOP's version as a child instance of this one, linked both ways.

        :raises TaskError: the called SOP has no such version, or its instance would end at once.
        """
        step_id = structure.item_step(task)
        try:
            version_id = pick_version(self.connection, call.key, False, call.version or None)
        except (NotFoundError, AccessDeniedError) as exc:
            rule = (message("st_rule_pinned", version=call.version) if call.version else message("st_rule_latest"))
            raise TaskError.from_code("st_call_no_version", step_id, key=call.key, step=step_id, rule=rule) from exc
        loaded = self.host.version(self.connection, version_id)
        child_workflow = new_workflow(loaded.spec)
        child_workflow.get_tasks(state=TaskState.READY)[0].data.update(
            {**structure.start_data(self.connection, loaded.sop, self.row.unit), **structure.child_values(task.data)})
        child = self.session.create(loaded, self.row.unit, self.row.started_by, child_workflow, mode=self.row.mode)
        self.connection.execute(update(instances).where(instances.c.id == child.instance_id).values(
            parent_id=self.instance_id, parent_task=task_id))
        child.parent_id, child.parent_task = self.instance_id, task_id
        child.new_case_salt()
        child._identity_of = self  # the case the parent works on: its number, when it is taken
        child.append("started", SYSTEM_ACTOR, loaded.start.id, None,
                     {"sop": loaded.key, "versi": loaded.number, "induk": self.instance_id, "langkah_induk": step_id},
                     Envelope(parent=self.instance_id))
        child.advance(SYSTEM_ACTOR, lambda: None)
        self.append("ready", SYSTEM_ACTOR, step_id, None, {"anak": child.instance_id, "sop": loaded.key,
                                                          "versi": loaded.number}, Envelope(children=(child.instance_id,)))

    def _return_to_parent(self) -> None:
        """This child finished: complete the call row of its parent (locked in this session)."""
        parent = self.session.run_of(self.parent_id) or self.session.lock(self.parent_id)
        if parent is None or parent.status != "running":
            return
        task = parent.task(self.parent_task)
        if task is None or task.state != TaskState.READY:
            return
        step_id = structure.item_step(task)
        parent.append("completed", SYSTEM_ACTOR, step_id, None, {"anak": self.instance_id},
                      Envelope(children=(self.instance_id,)))
        parent.advance(SYSTEM_ACTOR, task.run, completed_task=self.parent_task)

    def _open_item(self, task_id: str, step_id: str, lane: str, unit: str = "") -> None:
        """:param unit: the unit of an instance of a multi-instance row over units (else the column's rule decides)."""
        step = self.version.steps.get(step_id)
        kegiatan = step.kegiatan if step else step_id
        rule = self.version.sop.routing.get(lane, "") if self.version.sop is not None else ""
        code = self.version.sop.actor_jabatan.get(lane, "") if self.version.sop is not None else ""
        unit = unit or self.host.units.unit_for(UnitRequest(self.instance_id, self.row.unit, self.version.key,
                                                            self.version.number, step_id, lane, rule,
                                                            self.row.started_by, self.connection, code))
        # the due time on the calendar of the unit that works the step (engine.runtime.calendars)
        calendar = self.host.unit_calendars.for_unit(self.connection, unit, self.host.calendar)
        due = (calendar.due(self.now, _duration(step.waktu)).astimezone(UTC) if step and step.waktu
               else NO_DEADLINE)
        values: dict[str, Any] = {
            "instance_id": self.instance_id, "task_id": task_id, "sop_key": self.version.key,
            "step_id": step_id, "name": kegiatan[:500], "jabatan": lane, "unit": unit,
            "trial": self.row.mode != REAL, "ready_at": hot.bind_time(self.connection, self.now),
            "due_at": hot.bind_time(self.connection, due),
            # holders are matched by this id when the column names an organisation jabatan (else by text)
            "jabatan_id": column_jabatan(self.connection, unit, code),
        }
        inserted = hot.fetch_one(self.connection, hot.INSERT_ITEM, values)
        assert inserted is not None  # RETURNING id
        item_id = int(inserted[0])
        values.update(id=item_id, status="open", ready_at=self.now, due_at=due)
        self.new_items.append(values)
        self.append("ready", SYSTEM_ACTOR, step_id, item_id, {
            "jabatan": lane, "unit": unit, "batas_waktu": None if due == NO_DEADLINE else due.isoformat()})

    def _sync_timers(self) -> None:
        waiting = {str(task.id): task for task in self.workflow.get_tasks(state=TaskState.WAITING)
                   if clock_timer_of(task.task_spec) is not None}
        rows = self.connection.execute(
            select(timers.c.id, timers.c.task_id)
            .where(timers.c.instance_id == self.instance_id, timers.c.status == "waiting")).all()
        known = set()
        for timer_id, task_id in rows:
            known.add(task_id)
            if task_id not in waiting:
                self.connection.execute(update(timers).where(timers.c.id == timer_id).values(status="cancelled"))
        for task_id, task in waiting.items():
            if task_id in known:
                continue
            definition = clock_timer_of(task.task_spec)
            assert definition is not None
            event_id = task.task_spec.bpmn_id or task.task_spec.name
            step_id = escalation_step(event_id)
            step = self.version.steps.get(step_id)
            event_timer = None if step_id else event_sync.timer_fire_at(self, task)
            if event_timer is not None:  # a wait, a choice's timeout or a boundary timer
                step_id, event_id, fire_at = event_timer
                self.connection.execute(insert(timers), {
                    "instance_id": self.instance_id, "task_id": task_id, "event_id": event_id, "step_id": step_id,
                    "escalation": False, "status": "waiting", "fire_at": fire_at})
                continue
            if step is not None and step.waktu:
                fire_at = self.host.calendar.due(self.now, _duration(step.waktu)).astimezone(UTC)
            else:
                kind = "date" if isinstance(definition, ClockDateTimer) else "duration"
                fire_at = timer_fire_time(kind, definition.expression, self.now)
            self.connection.execute(insert(timers), {
                "instance_id": self.instance_id, "task_id": task_id, "event_id": event_id, "step_id": step_id,
                "escalation": bool(step_id), "status": "waiting", "fire_at": fire_at})

    def _finish_sync(self) -> None:
        """Bring work items, timers and waits in line with the workflow it moved (once more when a child
        moved it again)."""
        if self._advanced_by is not None:
            self._sync(self._advanced_by, self._completed_task)
            self._advanced_by, self._completed_task = None, ""
            self._state_moved = True

    def _finish_write(self) -> None:
        """Seal the events into the chain, save the state when the workflow moved (else only the head
        when there are events or the status changed), then write the events."""
        connection = self.connection
        if self._identity_of is not None:
            parent = self._identity_of
            self.set_identity(parent.registration_now(), parent.subject, parent.subject)
            self._identity_of = None
        rows = []
        for event in self.pending:
            body = event_body(self.instance_id, event["seq"], event["kind"], self.now, event["actor"], event["step"],
                              event["item_id"], event["data"], event["envelope"])
            digest = chain_hash(self.last_hash, body)
            rows.append({"instance_id": self.instance_id, "seq": event["seq"], "kind": event["kind"], "at": self.now,
                         "actor": event["actor"], "step": event["step"], "item_id": event["item_id"], "body": body,
                         "prev_hash": self.last_hash, "hash": digest})
            self.last_hash = digest
        self.pending.clear()
        if self._state_moved:
            revision = self.row.revision
            values: dict[str, Any] = {
                "state": state_to_json(self.workflow), "state_format": STATE_FORMAT, "revision": revision,
                "last_seq": self.last_seq, "last_hash": self.last_hash, "id": self.instance_id}
            status = (self.status, self.reason, self.ended_at)
            if status == self._stored_status:  # the usual step: not naming status keeps its index page unwritten
                saved = hot.execute(connection, hot.SAVE_STATE_ONLY, values)
            else:
                saved = hot.execute(connection, hot.SAVE_STATE, {
                    **values, "status": self.status, "reason": self.reason,
                    "ended_at": hot.bind_time(connection, self.ended_at)})
            if saved != 1:
                raise StoreError.from_code("runtime_concurrent_change", instance=self.instance_id)
            self._stored_status = status
            self.saved_revision = revision + 1
        elif rows or (self.status, self.reason, self.ended_at) != (
                self.row.status, self.row.reason, self.row.ended_at):
            hot.execute(connection, hot.SAVE_HEAD, {
                "status": self.status, "reason": self.reason,
                "ended_at": hot.bind_time(connection, self.ended_at),
                "last_seq": self.last_seq, "last_hash": self.last_hash, "id": self.instance_id})
        if rows:
            at = hot.bind_time(connection, self.now)
            for row in rows:
                row["at"] = at
            hot.execute_many(connection, hot.INSERT_EVENT, rows)


class InstanceSession:
    """One write transaction over one or more locked instances."""

    def __init__(self, host: SessionHost, connection: Connection, now: datetime) -> None:
        self.host = host
        #: The transaction's connection, for reads and for rows that are not an instance's.
        self.connection = connection
        self.now = now
        self._runs: list[InstanceRun] = []

    def lock(self, instance_id: int, *, skip_locked: bool = False) -> InstanceRun | None:
        """Lock the instance for the rest of the transaction.

        :param skip_locked: on PostgreSQL, return ``None`` instead of waiting for another worker.
        :return: the run, or ``None`` when there is no such instance (or it was skipped).
        """
        already = self.run_of(instance_id)
        if already is not None:
            return already
        # a child instance (a call row's) is locked after its parent, as cancelling the parent does, so a
        # child finishing and its parent being cancelled at once wait for each other instead of deadlocking.
        # SQLite's write transaction already holds the whole store: the row says its parent itself.
        if self.connection.dialect.name == "sqlite":
            row = hot.lock_instance(self.connection, instance_id, skip_locked)
            if row is None:
                return None
            if row.parent_id is not None and self.run_of(int(row.parent_id)) is None:
                self.lock(int(row.parent_id), skip_locked=skip_locked)
                already = self.run_of(instance_id)  # the parent's lock may have locked this child on its way
                if already is not None:
                    return already
            return self._add_run(row)
        parent = hot.fetch_one(self.connection, hot.INSTANCE_PARENT, {"id": instance_id})
        parent_id = parent[0] if parent is not None else None
        if parent_id is not None and self.run_of(int(parent_id)) is None:
            if self.lock(int(parent_id), skip_locked=skip_locked) is None and skip_locked:
                return None
        row = hot.lock_instance(self.connection, instance_id, skip_locked)
        return None if row is None else self._add_run(row)

    def lock_item(self, item_id: int, username: str) -> tuple[InstanceRun, hot.ItemRow] | None:
        """Lock the instance of a work item, then read the item with what ``username`` may do there
        (:func:`engine.store.hot.item_for_user`), so what is read cannot change before the commit.

        The common case takes one statement on SQLite and two on PostgreSQL; an item of a child
        instance (whose parent is locked first) or of an instance already locked here goes the long way.

        :return: the run and the item, or ``None`` when there is no such work item.
        """
        connection = self.connection
        if not self._runs:
            if connection.dialect.name == "sqlite":
                both = hot.lock_item_sqlite(connection, item_id, username, self.now)
                if both is None:
                    return None
                if both[0].parent_id is None:
                    return self._add_run(both[0]), both[1]
            else:
                row = hot.lock_item_instance_pg(connection, item_id)
                if row is not None:
                    locked = self._add_run(row)
                    item = hot.item_for_user(connection, item_id, username, self.now)
                    return None if item is None else (locked, item)
        found = hot.fetch_one(connection, hot.ITEM_INSTANCE, {"id": item_id})
        run = self.lock(int(found[0])) if found is not None else None
        item = hot.item_for_user(connection, item_id, username, self.now) if run is not None else None
        return None if run is None or item is None else (run, item)

    def _add_run(self, row: hot.InstanceRow) -> InstanceRun:
        run = InstanceRun(self.host, self.connection, row, self.host.version(self.connection, row.version_id), self.now)
        run.session = self
        self._runs.append(run)
        return run

    def runs(self) -> list[InstanceRun]:
        """The runs locked in this session, in the order they were locked."""
        return list(self._runs)

    def run_of(self, instance_id: int) -> InstanceRun | None:
        """The run of an instance already locked in this session, or ``None``."""
        return next((run for run in self._runs if run.instance_id == instance_id), None)

    def create(self, version: LoadedVersion, unit: str, started_by: str, workflow: BpmnWorkflow,
               mode: str | None = None) -> InstanceRun:
        """Insert a new running instance of ``version``, lock it and adopt ``workflow`` (no work items yet).

        :param mode: one of :data:`~engine.runtime.work.MODES`; default ``ujicoba`` for a draft
            version, else ``real``.
        """
        mode = mode or (UJICOBA if version.draft else REAL)
        if mode not in MODES:
            raise DataError.from_code("runtime_bad_mode", "mode", mode=mode, modes=", ".join(MODES))
        instance_id = self.connection.execute(insert(instances).returning(instances.c.id), {
            "version_id": version.id, "unit": unit, "status": "running", "mode": mode, "state": "{}",
            "state_format": 0, "revision": 0, "started_by": started_by, "started_at": self.now, "reason": "",
            "last_seq": 0, "last_hash": GENESIS,
        }).scalar_one()
        # The row as just inserted (no other transaction sees it before the commit, so it needs no lock and
        # has no parent yet; a call row links its child after this), instants in UTC as they read back.
        row = hot.InstanceRow(int(instance_id), version.id, unit, "running", mode, "{}", 0, 0, started_by,
                              self.now.astimezone(UTC), None, "", 0, GENESIS)
        run = InstanceRun(self.host, self.connection, row, version, self.now)
        run.session = self
        self._runs.append(run)
        run._adopt(workflow)
        return run

    def _finish(self) -> None:
        while True:  # a run may advance another (a child its parent, a call its new child): until still
            moved = [run for run in self._runs if run.moved]
            if not moved:
                break
            for run in moved:
                run._finish_sync()
        for run in self._runs:  # what was left to the end (a start's number), then the writes
            run.registration_now()
        for run in self._runs:
            run._finish_write()
        for run in self._runs:
            if self.host.notify.enabled:  # in this transaction: the messages commit or roll back with the change
                zone = self.host.calendar.tz
                queue_notices(self.connection, self.host.notify, zone, "ready",
                              [int(item["id"]) for item in run.new_items], self.now)
                queue_notices(self.connection, self.host.notify, zone, "overdue", run.overdue_items, self.now)

    def _publish(self) -> None:
        for run in self._runs:
            if run.saved_revision:
                # the state was saved after a sync, which left ready_before as the READY user tasks now
                self.host.put_workflow(run.instance_id, run.saved_revision, run.workflow, frozenset(run.ready_before))


@contextmanager
def open_session(host: SessionHost, now: datetime) -> Iterator[InstanceSession]:
    """A write transaction for instance changes: finish, commit, then refresh the cache."""
    with host.db.write() as connection:
        session = InstanceSession(host, connection, now)
        yield session
        session._finish()
    session._publish()


@contextmanager
def open_instance(host: SessionHost, instance_id: int, now: datetime) -> Iterator[InstanceRun]:
    """:func:`open_session` over one instance.

    :raises NotFoundError: no such instance.
    """
    with open_session(host, now) as session:
        run = session.lock(instance_id)
        if run is None:
            raise NotFoundError.from_code("runtime_instance_not_found", instance=instance_id)
        yield run
