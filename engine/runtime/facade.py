"""The durable runtime: publish SOP versions, start instances, work the worklist, audit the trail.

:class:`Runtime` is the facade the CLI, the web UI and ``bench/`` use. Every change is one database
transaction that locks the instance first (see :mod:`engine.store.db`), so two clerks completing
the same work item at once, from different processes, end with exactly one completion; the other
gets :class:`~engine.errors.AlreadyCompletedError` ("sudah diselesaikan oleh X pada T") and nothing
changes. Only READY user tasks are ever run, and only by a holder of the task's lane (the jabatan)
in the instance's unit, or by the clerk who claimed it.
"""

from __future__ import annotations

import os
import re
import threading
from collections import OrderedDict
from dataclasses import dataclass
from datetime import datetime
from typing import Any, Callable, Iterable

from sqlalchemy import Connection, func, insert, select, update
from SpiffWorkflow.bpmn.workflow import BpmnWorkflow
from SpiffWorkflow.exceptions import SpiffWorkflowException
from SpiffWorkflow.util.task import TaskState

from engine.runtime.audit import GENESIS, ChainBreak
from engine.bpmn.names import DECISION_FIELD, NO, YES
from engine.bpmn.reader import read_bpmn
from engine.bpmn.spiff.state import new_workflow
from engine.sop.conditions.language import evaluate_condition, find_condition_error
from engine.runtime.definitions import definition_id, load_version, pick_version, prepare_version, store_version
from engine.errors import (
    AccessDeniedError,
    AlreadyCompletedError,
    ConditionError,
    DataError,
    NotFoundError,
    TaskError,
)
from engine.runtime.execution import InstanceRun, LoadedVersion
from engine.sop.model import Sop
from engine.store import hot, repo
from engine.store.db import Database
from engine.store.hot import lock_instance
from engine.store.migrate import ensure_current
from engine.store.models import NO_DEADLINE, definitions, holdings, instances, timers, users, versions, work_items
from engine.runtime.timers import Clock, SystemClock
from engine.runtime.trace import TraceEntry, trace_from_events
from engine.runtime.work import SYSTEM_ACTOR, Completed, Event, Instance, User, VersionInfo, WorkItem, parse_completion
from engine.sop.worktime import WorkCalendar



class _WorkflowCache:
    """Live workflows of recently used instances, each valid for one stored revision.

    A workflow is *taken* out while a transaction works on it, so no two threads share one, and a
    failed attempt (which may have changed it) never puts it back.
    """

    def __init__(self, size: int = 512) -> None:
        self._entries: OrderedDict[int, tuple[int, BpmnWorkflow]] = OrderedDict()
        self._size = size
        self._lock = threading.Lock()

    def take(self, instance_id: int, revision: int) -> BpmnWorkflow | None:
        """Remove and return the cached workflow when it is at ``revision``."""
        with self._lock:
            entry = self._entries.pop(instance_id, None)
        return entry[1] if entry is not None and entry[0] == revision else None

    def put(self, instance_id: int, revision: int, workflow: BpmnWorkflow) -> None:
        """Keep ``workflow`` as the state of ``revision`` (call after the commit)."""
        with self._lock:
            self._entries[instance_id] = (revision, workflow)
            self._entries.move_to_end(instance_id)
            while len(self._entries) > self._size:
                self._entries.popitem(last=False)


@dataclass(frozen=True)
class TickReport:
    """What one pass of the worker did."""

    timers_fired: int = 0
    overdue_marked: int = 0
    errors: int = 0


class Runtime:
    """Alur's durable SOP runtime on one database.

    :param url: SQLAlchemy URL; default ``$ALUR_DATABASE_URL`` or SQLite ``alur.db`` here.
    :param clock: where "now" comes from (a :class:`~engine.runtime.timers.ManualClock` in tests).
    :param calendar: working time for due times; default :class:`~engine.sop.worktime.WorkCalendar`.
    :raises StoreError: the database is unreachable or its schema is not current.

    One runtime may serve several threads (the web UI): its caches are checked against the stored
    revision under the instance lock, so a stale entry is never used.
    """

    def __init__(self, url: str | None = None, *, clock: Clock | None = None,
                 calendar: WorkCalendar | None = None) -> None:
        self.db = Database(url)
        ensure_current(self.db)
        self.clock: Clock = clock or SystemClock()
        self.calendar = calendar or WorkCalendar()
        self._versions: dict[int, LoadedVersion] = {}
        self._workflows = _WorkflowCache()

    def close(self) -> None:
        """Release the database connections."""
        self.db.dispose()

    def clear_caches(self) -> None:
        """Forget the parsed versions and live workflows, so the next step reads everything from the store."""
        self._versions.clear()
        self._workflows = _WorkflowCache()

    # -- users ---------------------------------------------------------------------------------

    def add_user(self, username: str, nama: str = "", nip: str = "",
                 jabatan: Iterable[tuple[str, str]] = ()) -> User:
        """Create a user (or add jabatan to an existing one) holding ``(jabatan, unit)`` pairs."""
        if not re.match(r"^[A-Za-z0-9][A-Za-z0-9_.\-]{0,63}$", username or "") or username == SYSTEM_ACTOR:
            raise DataError(f"Nama pengguna '{username}' tidak sah; gunakan huruf, angka, titik, "
                            f"garis bawah atau tanda hubung (dan bukan '{SYSTEM_ACTOR}').")
        with self.db.write() as connection:
            row = connection.execute(select(users.c.id).where(users.c.username == username)).first()
            if row is None:
                user_id = connection.execute(insert(users).returning(users.c.id), {
                    "username": username, "nama": nama, "nip": nip, "created_at": self.clock.now()}).scalar_one()
            else:
                user_id = row.id
                if nama or nip:
                    connection.execute(update(users).where(users.c.id == user_id).values(
                        **{key: value for key, value in (("nama", nama), ("nip", nip)) if value}))
            for held_jabatan, unit in jabatan:
                if not held_jabatan.strip() or not unit.strip():
                    raise DataError("Jabatan dan unit tidak boleh kosong.")
                exists = connection.execute(select(holdings.c.id).where(
                    holdings.c.user_id == user_id, holdings.c.jabatan == held_jabatan.strip(),
                    holdings.c.unit == unit.strip())).first()
                if exists is None:
                    connection.execute(insert(holdings), {"user_id": user_id, "jabatan": held_jabatan.strip(),
                                                          "unit": unit.strip()})
            return repo.user_by_name(connection, username)

    def user(self, username: str) -> User:
        """:raises NotFoundError: no such user."""
        with self.db.read() as connection:
            return repo.user_by_name(connection, username)

    # -- definitions ---------------------------------------------------------------------------

    def publish(self, source: str | os.PathLike[str] | Sop, key: str | None = None, *, draft: bool = False,
                escalation: bool = False, by: str = "") -> VersionInfo:
        """Store an SOP as a new version: its BPMN and its parsed spec, once.

        Publishing what the newest version already holds (same BPMN, same draft flag) returns that
        version with ``created=False``.

        :param source: a ``.bpmn`` or ``.yaml`` file, or an :class:`~engine.sop.model.Sop`.
        :param key: the SOP's name in the runtime; default the file name without extension.
        :param draft: a draft version: its instances are trial (ujicoba) instances.
        :param escalation: add an escalation boundary timer to every timed step.
        :raises ProcessDefinitionError: the SOP is not valid or does not run.
        """
        prepared = prepare_version(source, key, escalation)
        with self.db.write() as connection:
            return store_version(connection, prepared, draft, by, self.clock.now())

    def versions(self, key: str) -> list[VersionInfo]:
        """Every version of an SOP, oldest first.

        :raises NotFoundError: no SOP with this key (naming the closest one).
        """
        with self.db.read() as connection:
            self._definition_id(connection, key)
            rows = connection.execute(repo.version_query().where(definitions.c.key == key)
                                      .order_by(versions.c.number)).all()
            return [repo.version_info(row) for row in rows]

    def bpmn(self, key: str, number: int | None = None) -> bytes:
        """The stored BPMN document of a version (the newest when ``number`` is None)."""
        with self.db.read() as connection:
            found_id = self._definition_id(connection, key)
            query = select(versions.c.bpmn).where(versions.c.definition_id == found_id)
            query = query.where(versions.c.number == number) if number else query.order_by(versions.c.number.desc())
            found = connection.execute(query.limit(1)).scalar()
            if found is None:
                raise NotFoundError(f"SOP '{key}' tidak memiliki versi {number}.")
            return bytes(found)

    def _definition_id(self, connection: Connection, key: str) -> int:
        return definition_id(connection, key)

    def _pick_version(self, connection: Connection, key: str, trial: bool, number: int | None) -> int:
        return pick_version(connection, key, trial, number)

    def _version_spec(self, version_id: int) -> Any:
        """The parsed spec of a stored version (for checks and tools)."""
        with self.db.read() as connection:
            return self._version(connection, version_id).spec

    def _version(self, connection: Connection, version_id: int) -> LoadedVersion:
        cached = self._versions.get(version_id)
        if cached is None:
            cached = self._versions[version_id] = load_version(connection, version_id)
        return cached

    # -- instances -----------------------------------------------------------------------------

    def start(self, key: str, username: str, form: Any = None, *, unit: str | None = None,
              trial: bool = False, version: int | None = None) -> tuple[Instance, list[WorkItem]]:
        """Start an instance; doing so performs the SOP's start step.

        :param form: the start step's completion form (kelengkapan, catatan, data...).
        :param unit: the unit the instance runs in; default the one unit where ``username`` holds
            the start step's jabatan.
        :param trial: run the newest draft version as a trial (ujicoba) instance.
        :param version: a version number instead of the newest.
        :raises AccessDeniedError: ``username`` does not hold the start step's jabatan there.
        """
        now = self.clock.now()
        with self.db.write() as connection:
            loaded = self._version(connection, self._pick_version(connection, key, trial, version))
            user = repo.user_by_name(connection, username)
            start = loaded.start
            units = [held_unit for held_jabatan, held_unit in user.jabatan if held_jabatan == start.pelaksana]
            if unit is None and len(units) == 1:
                unit = units[0]
            if unit is None or unit not in units:
                where = f" di unit '{unit}'" if unit else ""
                more = " Sebutkan unitnya (--unit)." if unit is None and len(units) > 1 else ""
                raise AccessDeniedError(f"'{username}' tidak memegang jabatan '{start.pelaksana}'{where}, "
                                        f"pelaksana langkah pertama SOP '{key}'.{more}")
            completion = parse_completion(form, start)
            workflow = new_workflow(loaded.spec)
            workflow.get_tasks(state=TaskState.READY)[0].data.update(completion.data)
            instance_id = connection.execute(insert(instances).returning(instances.c.id), {
                "version_id": loaded.id, "unit": unit, "status": "running", "trial": loaded.draft, "state": "{}",
                "state_format": 0, "revision": 0, "started_by": username, "started_at": now, "reason": "",
                "last_seq": 0, "last_hash": GENESIS,
            }).scalar_one()
            run = InstanceRun(self, connection, lock_instance(connection, instance_id), loaded, now)
            run.use(workflow)
            run.append("started", username, start.id, None, {
                "sop": loaded.key, "versi": loaded.number, "ujicoba": loaded.draft, "unit": unit,
                **completion.event_data()})
            self._advance(run, username, lambda: None)
            run.sync(username)
            run.save()
            instance = repo.get_instance(connection, instance_id)
            ready = [repo.work_item(_Row(values), now) for values in run.new_items]
        self._workflows.put(instance_id, run.saved_revision, run.workflow)
        return instance, ready

    def instance(self, instance_id: int) -> Instance:
        """:raises NotFoundError: no such instance."""
        with self.db.read() as connection:
            return repo.get_instance(connection, instance_id)

    def cancel(self, instance_id: int, username: str, reason: str) -> Instance:
        """Cancel a running or suspended instance with a reason; its open work items close."""
        return self._set_status(instance_id, username, reason, "cancelled", ("running", "suspended", "error"))

    def suspend(self, instance_id: int, username: str, reason: str) -> Instance:
        """Suspend a running instance: its work items leave the worklists until resumed."""
        return self._set_status(instance_id, username, reason, "suspended", ("running",))

    def resume(self, instance_id: int, username: str, reason: str = "") -> Instance:
        """Resume a suspended instance, or one in error once the cause is fixed."""
        return self._set_status(instance_id, username, reason or "dilanjutkan", "running", ("suspended", "error"))

    def _set_status(self, instance_id: int, username: str, reason: str, status: str,
                    allowed_from: tuple[str, ...]) -> Instance:
        if not reason.strip():
            raise TaskError("Tuliskan alasannya.")
        now = self.clock.now()
        with self.db.write() as connection:
            row = lock_instance(connection, instance_id)
            if row is None:
                raise NotFoundError(f"Instans {instance_id} tidak ada.")
            loaded = self._version(connection, row.version_id)
            if username != row.started_by and not any(
                    repo.holds(connection, username, step.pelaksana, row.unit) for step in loaded.steps.values()):
                raise AccessDeniedError(f"'{username}' bukan pemrakarsa instans {instance_id} dan tidak memegang "
                                        f"jabatan SOP ini di unit '{row.unit}'.")
            if row.status not in allowed_from:
                raise TaskError(f"Instans {instance_id} berstatus '{row.status}'; tidak dapat diubah menjadi "
                                f"'{status}'.")
            run = InstanceRun(self, connection, row, loaded, now)
            kind = {"cancelled": "cancelled", "suspended": "suspended", "running": "resumed"}[status]
            item_from, item_to = {"cancelled": ("open|suspended", "cancelled"), "suspended": ("open", "suspended"),
                                  "running": ("suspended", "open")}[status]
            connection.execute(update(work_items).where(work_items.c.instance_id == instance_id,
                                                        work_items.c.status.in_(item_from.split("|")))
                               .values(status=item_to))
            if status == "cancelled":
                connection.execute(update(timers).where(timers.c.instance_id == instance_id,
                                                        timers.c.status == "waiting").values(status="cancelled"))
                run.ended_at = now
            run.status, run.reason = status, reason.strip()
            run.append(kind, username, "", None, {"alasan": reason.strip()})
            run.save_without_state()
            return repo.get_instance(connection, instance_id)

    # -- work items ----------------------------------------------------------------------------

    def worklist(self, username: str, limit: int = 50) -> list[WorkItem]:
        """Open work items for every jabatan and unit ``username`` holds, most urgent first."""
        with self.db.read() as connection:
            return repo.worklist(connection, username, self.clock.now(), limit)

    def item(self, item_id: int) -> WorkItem:
        """:raises NotFoundError: no such work item."""
        with self.db.read() as connection:
            return repo.get_item(connection, item_id, self.clock.now())

    def claim(self, item_id: int, username: str) -> WorkItem:
        """Take an open work item for oneself, so other holders of the jabatan leave it."""
        return self._claim(item_id, username, True)

    def unclaim(self, item_id: int, username: str) -> WorkItem:
        """Give a claimed work item back to every holder of its jabatan."""
        return self._claim(item_id, username, False)

    def _claim(self, item_id: int, username: str, claiming: bool) -> WorkItem:
        now = self.clock.now()
        with self.db.write() as connection:
            run, item = self._lock_item(connection, item_id, now, username)
            self._check_open(item)
            if claiming:
                if not item.held:
                    raise AccessDeniedError(f"'{username}' tidak memegang jabatan '{item.jabatan}' di unit "
                                            f"'{item.unit}'.")
                if item.claimed_by and item.claimed_by != username:
                    raise AccessDeniedError(f"Tugas {item_id} sudah diklaim oleh {item.claimed_by}.")
                values: dict[str, Any] = {"claimed_by": username, "claimed_at": now}
            else:
                if item.claimed_by != username:
                    raise AccessDeniedError(f"Tugas {item_id} tidak diklaim oleh '{username}'.")
                values = {"claimed_by": None, "claimed_at": None}
            connection.execute(update(work_items).where(work_items.c.id == item_id).values(**values))
            run.append("claimed" if claiming else "unclaimed", username, item.step_id, item_id, {})
            run.save_without_state()
            return repo.get_item(connection, item_id, now)

    def complete(self, item_id: int, username: str, form: Any = None) -> Completed:
        """Complete a READY step with its form (see :mod:`engine.runtime.work`).

        :raises AlreadyCompletedError: someone completed it first ("sudah diselesaikan oleh X pada T").
        :raises AccessDeniedError: ``username`` neither holds the jabatan there nor claimed the item.
        :raises DataError: the form is incomplete or malformed.
        :raises TaskError: the step is not ready, or the process cannot go on with this data.
        """
        now = self.clock.now()
        with self.db.write() as connection:
            run, item = self._lock_item(connection, item_id, now, username)
            self._check_open(item)
            if item.claimed_by and item.claimed_by != username:
                raise AccessDeniedError(f"Tugas {item_id} sedang diklaim oleh {item.claimed_by}.")
            if item.claimed_by != username and not item.held:
                raise AccessDeniedError(f"'{username}' tidak memegang jabatan '{item.jabatan}' di unit '{item.unit}'.")
            if run.status != "running":
                raise TaskError(f"Instans {run.instance_id} berstatus '{run.status}'.", item.step_id)
            step = run.version.steps[item.step_id]
            completion = parse_completion(form, step)
            task = run.task(item.task_id)
            if task is None or task.state != TaskState.READY or not task.task_spec.manual:
                raise TaskError(f"Langkah '{step.kegiatan}' tidak sedang menunggu dikerjakan.", item.step_id)
            if (task.task_spec.lane or "") != item.jabatan:
                raise AccessDeniedError(f"Langkah '{step.kegiatan}' milik jabatan '{task.task_spec.lane}'.")
            done = hot.run(connection, hot.COMPLETE_ITEM, {
                "username": username, "id": item_id, "now": hot.bind_time(connection, now),
                "minutes": self.calendar.working_minutes_between(item.ready_at, now),
                "missing": not all(completion.kelengkapan.values()), "keputusan": completion.keputusan or None})
            if done.rowcount != 1:
                raise TaskError(f"Tugas {item_id} berubah bersamaan; muat ulang.", item.step_id)
            run.append("completed", username, item.step_id, item_id, completion.event_data())
            if step.clerk_decides:
                run.append("decision", username, item.step_id, item_id, {"keputusan": completion.keputusan})

            def perform() -> None:
                task.data.update(completion.data)
                if step.clerk_decides:
                    task.data[DECISION_FIELD] = completion.keputusan
                task.run()

            self._advance(run, username, perform)
            run.sync(username, item.task_id)
            run.save()
        self._workflows.put(run.instance_id, run.saved_revision, run.workflow)
        finished = WorkItem(item.id, item.instance_id, item.sop_key, item.step_id, item.name, item.jabatan, item.unit,
                            item.trial, "done", item.ready_at, None if item.due_at == NO_DEADLINE else item.due_at,
                            item.claimed_by, username, now, False)
        return Completed(finished, self._instance_of(run), tuple(repo.work_item(_Row(values), now)
                                                                 for values in run.new_items))

    @staticmethod
    def _instance_of(run: InstanceRun) -> Instance:
        row = run.row
        return Instance(row.id, run.version.key, run.version.number, row.unit, run.status, row.trial, row.started_by,
                        row.started_at, run.ended_at, run.reason)

    def _lock_item(self, connection: Connection, item_id: int, now: datetime,
                   username: str) -> tuple[InstanceRun, Any]:
        """Lock the item's instance, then read the item (so what is read cannot change before commit)."""
        found = hot.run(connection, hot.ITEM_INSTANCE, {"id": item_id}).first()
        row = lock_instance(connection, found.instance_id) if found is not None else None
        item = hot.item_for_user(connection, item_id, username) if row is not None else None
        if row is None or item is None:
            raise NotFoundError(f"Tugas {item_id} tidak ada.")
        return InstanceRun(self, connection, row, self._version(connection, row.version_id), now), item

    def _check_open(self, item: Any) -> None:
        if item.status == "done":
            when = (item.completed_at.astimezone(self.calendar.tz).strftime("%Y-%m-%d %H:%M:%S %Z")
                    if item.completed_at else "?")
            raise AlreadyCompletedError(f"Tugas {item.id} sudah diselesaikan oleh {item.completed_by} pada {when}.",
                                        item.step_id, by=item.completed_by or "", at=item.completed_at)
        if item.status != "open":
            meaning = {"cancelled": "dibatalkan", "suspended": "ditangguhkan"}.get(item.status, item.status)
            raise TaskError(f"Tugas {item.id} {meaning}; tidak dapat dikerjakan.", item.step_id)

    def _advance(self, run: InstanceRun, actor: str, perform: Callable[[], None]) -> None:
        """Run ``perform`` and the engine steps after it; turn failures into a :class:`TaskError`."""
        steps = run.version.steps

        def record_condition(task: Any) -> None:
            step = steps.get(task.task_spec.name)
            if step is not None and step.condition:
                try:
                    answer = YES if evaluate_condition(step.condition, task.data) else NO
                except ConditionError:
                    return
                run.append("decision", SYSTEM_ACTOR, step.id, None, {"syarat": step.condition, "keputusan": answer})

        try:
            perform()
            run.workflow.do_engine_steps(did_complete_task=record_condition)
        except (SpiffWorkflowException, ConditionError) as exc:
            condition = find_condition_error(exc)
            detail = condition.message if condition is not None else str(exc).splitlines()[0]
            raise TaskError(f"Proses tidak dapat dilanjutkan: {detail}") from exc

    # -- audit ---------------------------------------------------------------------------------

    def trace(self, instance_id: int) -> tuple[Instance, list[Event]]:
        """An instance and its audit trail in order."""
        with self.db.read() as connection:
            return repo.get_instance(connection, instance_id), repo.trace(connection, instance_id)

    def document(self, instance_id: int) -> tuple[Sop, list[TraceEntry]]:
        """The SOP version an instance runs on and the steps it ran, for drawing its trace."""
        instance, events = self.trace(instance_id)
        sop = read_bpmn(self.bpmn(instance.key, instance.version)).sop
        return sop, trace_from_events(events)

    def verify_audit(self) -> tuple[int, int, ChainBreak | None]:
        """Recompute every hash chain: (instances, events, first break or ``None``)."""
        with self.db.read() as connection:
            return repo.verify_all(connection)

    # -- the worker ----------------------------------------------------------------------------

    def tick(self, limit: int = 200) -> TickReport:
        """Fire due BPMN timers and mark overdue work items; safe to run in several processes."""
        from engine.runtime.worker import fire_due_timers, mark_overdue

        fired, errors = fire_due_timers(self, limit)
        return TickReport(fired, mark_overdue(self, limit), errors)

    def open_item_count(self) -> int:
        with self.db.read() as connection:
            return repo.count_open_items(connection)

    def instance_count(self) -> int:
        with self.db.read() as connection:
            return int(connection.execute(select(func.count()).select_from(instances)).scalar_one())


class _Row:
    """Attribute access over a dict of inserted values (to build a WorkItem without re-reading)."""

    def __init__(self, values: dict[str, Any]) -> None:
        self.__dict__.update({"claimed_by": None, "completed_by": None, "completed_at": None, **values})
