"""One locked instance inside a write transaction: load, advance, write items, timers and events, save.

:class:`InstanceRun` is what every runtime operation that changes an instance goes through. The
caller has locked the instance row (:func:`engine.store.db.lock_instance`); the run loads the
workflow (from the runtime's cache when the row's revision matches, else from the stored state),
lets the caller advance it, then :meth:`InstanceRun.sync` brings the work items and timers in line
with the READY and WAITING tasks, and :meth:`InstanceRun.save` writes the state and the new chain
head with ``revision = revision + 1``. When anything fails the transaction rolls back and the cached
workflow is dropped, so a failed attempt leaves no trace anywhere.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from functools import lru_cache
from datetime import datetime
from typing import TYPE_CHECKING, Any
from uuid import UUID

from sqlalchemy import Connection, insert, select, update
from SpiffWorkflow.bpmn.specs.bpmn_process_spec import BpmnProcessSpec
from SpiffWorkflow.bpmn.workflow import BpmnWorkflow
from SpiffWorkflow.util.task import TaskState

from engine.runtime.audit import chain_hash, event_body
from engine.bpmn.escalation import escalation_step
from engine.bpmn.spiff.state import STATE_FORMAT, ClockDateTimer, ClockTimer, state_from_json, state_to_json
from engine.sop.durations import Duration, parse_duration
from engine.errors import StoreError
from engine.store.migrate import upgrade_state
from engine.store import hot
from engine.store.models import NO_DEADLINE, timers
from engine.runtime.timers import UTC, timer_fire_time
from engine.runtime.work import SYSTEM_ACTOR, StepInfo

if TYPE_CHECKING:
    from engine.runtime.facade import Runtime


@lru_cache(maxsize=256)
def _duration(waktu: str) -> Duration:
    return parse_duration(waktu)


@dataclass
class LoadedVersion:
    """An SOP version as the runtime keeps it in memory."""

    id: int
    key: str
    nama: str
    number: int
    draft: bool
    escalation: bool
    has_timers: bool
    spec: BpmnProcessSpec
    steps: dict[str, StepInfo]
    start: StepInfo


@dataclass
class InstanceRun:
    """A locked instance being changed in the current transaction."""

    runtime: Runtime
    connection: Connection
    row: Any
    version: LoadedVersion
    now: datetime
    last_seq: int = 0
    last_hash: str = ""
    status: str = ""
    reason: str = ""
    ended_at: datetime | None = None
    new_items: list[dict[str, Any]] = field(default_factory=list)
    pending: list[dict[str, Any]] = field(default_factory=list)
    #: The revision written by :meth:`save` (0 until then).
    saved_revision: int = 0
    #: Ids of the READY user tasks when the workflow was loaded: exactly the open work items.
    ready_before: set[str] = field(default_factory=set)
    _workflow: BpmnWorkflow | None = None

    def __post_init__(self) -> None:
        if self.row is not None:
            self.last_seq, self.last_hash = self.row.last_seq, self.row.last_hash
            self.status, self.reason, self.ended_at = self.row.status, self.row.reason, self.row.ended_at

    @property
    def instance_id(self) -> int:
        return int(self.row.id)

    @property
    def workflow(self) -> BpmnWorkflow:
        """The instance's workflow; loaded once, from the cache when it is current."""
        if self._workflow is None:
            cached = self.runtime._workflows.take(self.instance_id, self.row.revision)
            if cached is None:
                try:
                    text = upgrade_state(self.row.state, self.row.state_format)
                    cached = state_from_json(text, self.version.spec)
                except (ValueError, KeyError, TypeError, AttributeError) as exc:
                    raise StoreError(f"Keadaan instans {self.instance_id} tidak dapat dibaca.") from exc
            self._workflow = cached
            self.ready_before = set(self._ready_tasks())
        return self._workflow

    def use(self, workflow: BpmnWorkflow) -> None:
        """Adopt a workflow created in this transaction (a new instance, no work items yet)."""
        self._workflow = workflow
        self.ready_before = set()

    def _ready_tasks(self) -> dict[str, Any]:
        assert self._workflow is not None
        return {str(task.id): task for task in self._workflow.get_tasks(state=TaskState.READY)
                if task.task_spec.manual}

    def append(self, kind: str, actor: str, step: str = "", item_id: int | None = None,
               data: dict[str, Any] | None = None) -> None:
        """Add one event to the instance's hash chain."""
        seq = self.last_seq + 1
        body = event_body(self.instance_id, seq, kind, self.now, actor, step, item_id, data or {})
        digest = chain_hash(self.last_hash, body)
        self.pending.append({
            "instance_id": self.instance_id, "seq": seq, "kind": kind, "at": self.now, "actor": actor,
            "step": step, "item_id": item_id, "body": body, "prev_hash": self.last_hash, "hash": digest,
        })
        self.last_seq, self.last_hash = seq, digest

    def sync(self, actor: str, completed_task: str = "") -> None:
        """Open work items for new READY user tasks and close those whose task went away; same for timers.

        Work items always mirror the READY user tasks saved with the state, so the tasks READY when
        the workflow was loaded are exactly the open items; only the difference is written.

        :param completed_task: the task just completed (its item is already closed as done).
        """
        workflow = self.workflow
        ready = self._ready_tasks()
        for task_id in sorted(self.ready_before - set(ready) - {completed_task}):
            closed = hot.run(self.connection, hot.CANCEL_ITEM, {
                "task_id": task_id, "now": hot.bind_time(self.connection, self.now)}).all()
            for row in closed:
                self.append("cancelled", actor, row.step_id, row.id, {"sebab": "tugas tidak lagi menunggu"})
        for task_id, task in ready.items():
            if task_id not in self.ready_before:
                self._open_item(task_id, task.task_spec.name, task.task_spec.lane or "")
        self.ready_before = set(ready)
        if self.version.has_timers:
            self._sync_timers(actor)
        if workflow.is_completed() and self.status == "running":
            self.status, self.ended_at = "completed", self.now
            hot.run(self.connection, hot.FINISH_INSTANCE, {
                "id": self.instance_id,
                "minutes": self.runtime.calendar.working_minutes_between(self.row.started_at, self.now)})
            self.append("finished", actor, "", None, {})

    def _open_item(self, task_id: str, step_id: str, lane: str) -> None:
        step = self.version.steps.get(step_id)
        kegiatan = step.kegiatan if step else step_id
        due = (self.runtime.calendar.due(self.now, _duration(step.waktu)).astimezone(UTC) if step and step.waktu
               else NO_DEADLINE)
        values: dict[str, Any] = {
            "instance_id": self.instance_id, "task_id": task_id, "sop_key": self.version.key,
            "step_id": step_id, "name": kegiatan[:500], "jabatan": lane, "unit": self.row.unit,
            "trial": self.row.trial, "ready_at": hot.bind_time(self.connection, self.now),
            "due_at": hot.bind_time(self.connection, due),
        }
        item_id = hot.run(self.connection, hot.INSERT_ITEM, values).scalar_one()
        values.update(id=item_id, status="open", ready_at=self.now, due_at=due)
        self.new_items.append(values)
        self.append("ready", SYSTEM_ACTOR, step_id, item_id, {
            "jabatan": lane, "unit": self.row.unit,
            "batas_waktu": None if due == NO_DEADLINE else due.isoformat()})

    def _sync_timers(self, actor: str) -> None:
        waiting = {str(task.id): task for task in self.workflow.get_tasks(state=TaskState.WAITING)
                   if isinstance(getattr(task.task_spec, "event_definition", None), ClockTimer)}
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
            definition = task.task_spec.event_definition
            event_id = task.task_spec.bpmn_id or task.task_spec.name
            step_id = escalation_step(event_id)
            step = self.version.steps.get(step_id)
            if step is not None and step.waktu:
                fire_at = self.runtime.calendar.due(self.now, _duration(step.waktu)).astimezone(UTC)
            else:
                kind = "date" if isinstance(definition, ClockDateTimer) else "duration"
                fire_at = timer_fire_time(kind, definition.expression, self.now)
            self.connection.execute(insert(timers), {
                "instance_id": self.instance_id, "task_id": task_id, "event_id": event_id, "step_id": step_id,
                "escalation": bool(step_id), "status": "waiting", "fire_at": fire_at})

    def save(self) -> None:
        """Write the state, the chain head and the events; bump the revision.

        :raises StoreError: the row's revision moved (cannot happen under the lock; checked anyway).
        """
        result = hot.run(self.connection, hot.SAVE_STATE, {
            "state": state_to_json(self.workflow), "state_format": STATE_FORMAT, "revision": self.row.revision,
            "status": self.status, "reason": self.reason, "ended_at": hot.bind_time(self.connection, self.ended_at),
            "last_seq": self.last_seq, "last_hash": self.last_hash, "id": self.instance_id})
        if result.rowcount != 1:
            raise StoreError(f"Instans {self.instance_id} diubah proses lain bersamaan; coba lagi.")
        self.flush_events()
        self.saved_revision = self.row.revision + 1

    def save_without_state(self) -> None:
        """Write only status, chain head and events (claims, overdue marks, cancellation)."""
        hot.run(self.connection, hot.SAVE_HEAD, {
            "status": self.status, "reason": self.reason, "ended_at": hot.bind_time(self.connection, self.ended_at),
            "last_seq": self.last_seq, "last_hash": self.last_hash, "id": self.instance_id})
        self.flush_events()

    def flush_events(self) -> None:
        if self.pending:
            for event in self.pending:
                event["at"] = hot.bind_time(self.connection, event["at"])
            hot.run(self.connection, hot.INSERT_EVENT, self.pending)
            self.pending.clear()

    def task(self, task_id: str) -> Any:
        """The SpiffWorkflow task with this id, or ``None``."""
        try:
            key = UUID(task_id)
        except ValueError:
            return None
        return self.workflow.tasks.get(key)
