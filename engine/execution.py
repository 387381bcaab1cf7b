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
from datetime import datetime
from typing import TYPE_CHECKING, Any
from uuid import UUID

from sqlalchemy import Connection, insert, select, update
from SpiffWorkflow.bpmn.specs.bpmn_process_spec import BpmnProcessSpec
from SpiffWorkflow.bpmn.workflow import BpmnWorkflow
from SpiffWorkflow.util.task import TaskState

from .audit import chain_hash, event_body
from .bpmn.escalation import escalation_step
from .bpmn.state import STATE_FORMAT, ClockDateTimer, ClockTimer, state_from_json, state_to_json
from .errors import StoreError
from .store.migrate import upgrade_state
from .store.models import NO_DEADLINE, events, instances, timers, work_items
from .timers import UTC, timer_fire_time
from .work import StepInfo

if TYPE_CHECKING:
    from .runtime import Runtime


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
        return self._workflow

    def use(self, workflow: BpmnWorkflow) -> None:
        """Adopt a workflow created in this transaction (a new instance)."""
        self._workflow = workflow

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

    def sync(self, actor: str) -> None:
        """Open work items for new READY user tasks, close those whose task went away; same for timers."""
        workflow = self.workflow
        ready = {str(task.id): task for task in workflow.get_tasks(state=TaskState.READY) if task.task_spec.manual}
        open_rows = self.connection.execute(
            select(work_items.c.id, work_items.c.task_id, work_items.c.step_id)
            .where(work_items.c.instance_id == self.instance_id, work_items.c.status == "open")).all()
        known = set()
        for item_id, task_id, step_id in open_rows:
            known.add(task_id)
            if task_id not in ready:
                self.connection.execute(update(work_items).where(work_items.c.id == item_id)
                                        .values(status="cancelled", completed_at=self.now))
                self.append("cancelled", actor, step_id, item_id, {"sebab": "tugas tidak lagi menunggu"})
        for task_id, task in ready.items():
            if task_id not in known:
                self._open_item(task_id, task.task_spec.name, task.task_spec.lane or "")
        if self.version.has_timers:
            self._sync_timers(actor)
        if workflow.is_completed() and self.status == "running":
            self.status, self.ended_at = "completed", self.now
            self.append("finished", actor, "", None, {})

    def _open_item(self, task_id: str, step_id: str, lane: str) -> None:
        step = self.version.steps.get(step_id)
        kegiatan = step.kegiatan if step else step_id
        due = (self.runtime.calendar.due(self.now, step.waktu).astimezone(UTC) if step and step.waktu
               else NO_DEADLINE)
        values = {
            "instance_id": self.instance_id, "task_id": task_id, "sop_key": self.version.key,
            "step_id": step_id, "name": kegiatan[:500], "jabatan": lane, "unit": self.row.unit,
            "trial": self.row.trial, "status": "open", "ready_at": self.now, "due_at": due,
        }
        item_id = self.connection.execute(insert(work_items).returning(work_items.c.id), values).scalar_one()
        values["id"] = item_id
        self.new_items.append(values)
        self.append("ready", "", step_id, item_id, {
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
                fire_at = self.runtime.calendar.due(self.now, step.waktu).astimezone(UTC)
            else:
                kind = "date" if isinstance(definition, ClockDateTimer) else "duration"
                fire_at = timer_fire_time(kind, definition.expression, self.now)
            self.connection.execute(insert(timers), {
                "instance_id": self.instance_id, "task_id": task_id, "event_id": event_id, "step_id": step_id,
                "escalation": bool(step_id), "status": "waiting", "fire_at": fire_at})

    def save(self) -> None:
        """Write the state, the chain head and the events; bump the revision."""
        state = state_to_json(self.workflow)
        result = self.connection.execute(
            update(instances).where(instances.c.id == self.instance_id, instances.c.revision == self.row.revision)
            .values(state=state, state_format=STATE_FORMAT, revision=self.row.revision + 1, status=self.status,
                    reason=self.reason, ended_at=self.ended_at, last_seq=self.last_seq, last_hash=self.last_hash))
        if result.rowcount != 1:
            raise StoreError(f"Instans {self.instance_id} diubah proses lain bersamaan; coba lagi.")
        self.flush_events()
        self.saved_revision = self.row.revision + 1

    def save_without_state(self) -> None:
        """Write only status, chain head and events (claims, overdue marks)."""
        self.connection.execute(
            update(instances).where(instances.c.id == self.instance_id)
            .values(status=self.status, reason=self.reason, ended_at=self.ended_at, last_seq=self.last_seq,
                    last_hash=self.last_hash))
        self.flush_events()

    def flush_events(self) -> None:
        if self.pending:
            self.connection.execute(insert(events), self.pending)
            self.pending.clear()

    def task(self, task_id: str) -> Any:
        """The SpiffWorkflow task with this id, or ``None``."""
        try:
            key = UUID(task_id)
        except ValueError:
            return None
        return self.workflow.tasks.get(key)
