"""``alur worker``: wake BPMN timers and watch the SLA, safely in several processes at once.

Each pass reads due timers and overdue work items from their indexes, then handles each in its own
transaction that locks the instance first and checks the row again (it may have been handled
already). On PostgreSQL the lock is taken with ``SKIP LOCKED``, so workers spread over instances
instead of queueing behind each other; on SQLite the write lock serialises workers and the second
one finds the row already handled. Either way every timer fires once and every item is marked
overdue once.
"""

from __future__ import annotations

import time
from typing import TYPE_CHECKING, Callable

from sqlalchemy import select, update
from SpiffWorkflow.util.task import TaskState

from engine.errors import AlurError
from engine.runtime.execution import InstanceRun
from engine.store.hot import lock_instance
from engine.store.models import NO_DEADLINE, timers, work_items
from engine.runtime.work import SYSTEM_ACTOR

if TYPE_CHECKING:
    from engine.runtime.facade import Runtime, TickReport


def fire_due_timers(runtime: Runtime, limit: int) -> tuple[int, int]:
    """Fire every waiting timer whose time has come.

    :return: timers fired, and instances put in error because their timer could not run.
    """
    now = runtime.clock.now()
    with runtime.db.read() as connection:
        due = connection.execute(
            select(timers.c.id, timers.c.instance_id).where(timers.c.status == "waiting", timers.c.fire_at <= now)
            .order_by(timers.c.fire_at).limit(limit)).all()
    fired = errors = 0
    for timer_id, instance_id in due:
        try:
            with runtime.db.write() as connection:
                row = lock_instance(connection, instance_id, skip_locked=True)
                if row is None or row.status != "running":
                    continue
                timer = connection.execute(select(timers).where(timers.c.id == timer_id)).one()
                if timer.status != "waiting":
                    continue
                run = InstanceRun(runtime, connection, row, runtime._version(connection, row.version_id), now)
                task = run.task(timer.task_id)
                connection.execute(update(timers).where(timers.c.id == timer_id)
                                   .values(status="fired", fired_at=now))
                if task is None or task.state != TaskState.WAITING:
                    run.save_without_state()
                    continue
                kind = "escalated" if timer.escalation else "timer_fired"
                data = {"pewaktu": timer.event_id, "jatuh_tempo": timer.fire_at.isoformat()}
                run.append(kind, SYSTEM_ACTOR, timer.step_id, None, data)

                def perform(task: object = task) -> None:
                    task._set_internal_data(event_fired=True)  # type: ignore[attr-defined]
                    run.workflow.refresh_timers()

                runtime._advance(run, SYSTEM_ACTOR, perform)
                run.sync(SYSTEM_ACTOR)
                run.save()
            runtime._workflows.put(run.instance_id, run.saved_revision, run.workflow)
            fired += 1
        except AlurError as exc:
            errors += 1
            _mark_error(runtime, instance_id, exc.message)
    return fired, errors


def _mark_error(runtime: Runtime, instance_id: int, message: str) -> None:
    """Put the instance in ``error``: its work items leave the worklists until it is resumed."""
    with runtime.db.write() as connection:
        row = lock_instance(connection, instance_id)
        if row is None or row.status != "running":
            return
        run = InstanceRun(runtime, connection, row, runtime._version(connection, row.version_id),
                          runtime.clock.now())
        run.status, run.reason = "error", message
        connection.execute(update(work_items).where(work_items.c.instance_id == instance_id,
                                                    work_items.c.status == "open").values(status="suspended"))
        run.append("error", SYSTEM_ACTOR, "", None, {"pesan": message})
        run.save_without_state()


def mark_overdue(runtime: Runtime, limit: int) -> int:
    """Record an ``overdue`` event once for every open work item past its due time.

    :return: how many items were marked.
    """
    now = runtime.clock.now()
    with runtime.db.read() as connection:
        late = connection.execute(
            select(work_items.c.id, work_items.c.instance_id)
            .where(work_items.c.status == "open", work_items.c.overdue_at.is_(None), work_items.c.due_at <= now)
            .order_by(work_items.c.due_at).limit(limit)).all()
    marked = 0
    for item_id, instance_id in late:
        with runtime.db.write() as connection:
            row = lock_instance(connection, instance_id, skip_locked=True)
            if row is None or row.status != "running":
                continue
            item = connection.execute(select(work_items).where(work_items.c.id == item_id)).one()
            if item.status != "open" or item.overdue_at is not None or item.due_at == NO_DEADLINE:
                continue
            connection.execute(update(work_items).where(work_items.c.id == item_id).values(overdue_at=now))
            run = InstanceRun(runtime, connection, row, runtime._version(connection, row.version_id), now)
            late_minutes = runtime.calendar.working_minutes_between(item.due_at, now)
            run.append("overdue", SYSTEM_ACTOR, item.step_id, item_id, {
                "jatuh_tempo": item.due_at.isoformat(), "terlambat_menit_kerja": round(late_minutes, 1),
                "jabatan": item.jabatan, "unit": item.unit})
            run.save_without_state()
            marked += 1
    return marked


def run_worker(runtime: Runtime, interval: float = 5.0, once: bool = False,
               report: Callable[[TickReport], None] | None = None,
               should_stop: Callable[[], bool] = lambda: False) -> None:
    """Call :meth:`Runtime.tick` every ``interval`` seconds (once with ``once``) until told to stop."""
    while True:
        result = runtime.tick()
        if report is not None:
            report(result)
        if once or should_stop():
            return
        waited = 0.0
        while waited < interval and not should_stop():
            time.sleep(min(0.2, interval - waited))
            waited += 0.2
