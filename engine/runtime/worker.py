"""``alur worker``: wake BPMN timers and watch the SLA, safely in several processes at once.

Each pass reads due timers and overdue work items from their indexes, then handles each in its own
instance session, which locks the instance first and checks the row again (it may have been handled
already). On PostgreSQL the lock is taken with ``SKIP LOCKED``, so workers spread over instances
instead of queueing behind each other; on SQLite the write lock serialises workers and the second
one finds the row already handled. Either way every timer fires once and every item is marked
overdue once. A timer that cannot run puts its instance in ``error``
(:func:`engine.runtime.status.retry` recovers it). Last, each pass sends the due notifications of
the outbox (:mod:`engine.notify.sender`), after the commits that wrote them.
"""

from __future__ import annotations

import time
from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

from sqlalchemy import select
from SpiffWorkflow.util.task import TaskState

from engine.errors import AlurError
from engine.notify.sender import send_due
from engine.runtime.context import RuntimeContext
from engine.runtime.session import InstanceRun
from engine.runtime.work import SYSTEM_ACTOR
from engine.store.models import NO_DEADLINE, timers, work_items


@dataclass(frozen=True)
class TickReport:
    """What one pass of the worker did."""

    timers_fired: int = 0
    overdue_marked: int = 0
    errors: int = 0
    #: Notifications sent, failed and to be tried again, failed for good (out of attempts).
    messages_sent: int = 0
    messages_retried: int = 0
    messages_failed: int = 0


def fire_timer(run: InstanceRun, timer: Any) -> bool:
    """Fire one waiting timer of a locked instance and advance it.

    :return: whether the timer's task was still waiting (else the timer is only marked fired).
    :raises TaskError: the process cannot go on after the timer.
    """
    task = run.task(timer.task_id)
    run.mark_timer_fired(timer.id)
    if task is None or task.state != TaskState.WAITING:
        return False
    kind = "escalated" if timer.escalation else "timer_fired"
    run.append(kind, SYSTEM_ACTOR, timer.step_id, None,
               {"pewaktu": timer.event_id, "jatuh_tempo": timer.fire_at.isoformat()})

    def perform() -> None:
        task._set_internal_data(event_fired=True)
        run.workflow.refresh_timers()

    run.advance(SYSTEM_ACTOR, perform)
    return True


def fire_due_timers(context: RuntimeContext, limit: int) -> tuple[int, int]:
    """Fire every waiting timer whose time has come.

    :return: timers fired, and instances put in error because their timer could not run.
    """
    now = context.clock.now()
    with context.db.read() as connection:
        due = connection.execute(
            select(timers.c.id, timers.c.instance_id).where(timers.c.status == "waiting", timers.c.fire_at <= now)
            .order_by(timers.c.fire_at).limit(limit)).all()
    fired = errors = 0
    for timer_id, instance_id in due:
        try:
            with context.session() as session:
                run = session.lock(instance_id, skip_locked=True)
                if run is None or run.status != "running":
                    continue
                timer = session.connection.execute(select(timers).where(timers.c.id == timer_id)).one()
                if timer.status != "waiting":
                    continue
                if not fire_timer(run, timer):
                    continue
            fired += 1
        except AlurError as exc:
            errors += 1
            _mark_error(context, instance_id, exc.message)
    return fired, errors


def _mark_error(context: RuntimeContext, instance_id: int, message: str) -> None:
    """Put the instance in ``error``: its work items leave the worklists until it is resumed or retried."""
    with context.session() as session:
        run = session.lock(instance_id)
        if run is None or run.status != "running":
            return
        run.change_status("error", message)
        run.append("error", SYSTEM_ACTOR, "", None, {"pesan": message})


def mark_overdue(context: RuntimeContext, limit: int) -> int:
    """Record an ``overdue`` event once for every open work item past its due time.

    :return: how many items were marked.
    """
    now = context.clock.now()
    with context.db.read() as connection:
        late = connection.execute(
            select(work_items.c.id, work_items.c.instance_id)
            .where(work_items.c.status == "open", work_items.c.overdue_at.is_(None), work_items.c.due_at <= now)
            .order_by(work_items.c.due_at).limit(limit)).all()
    marked = 0
    for item_id, instance_id in late:
        with context.session() as session:
            run = session.lock(instance_id, skip_locked=True)
            if run is None or run.status != "running":
                continue
            item = session.connection.execute(select(work_items).where(work_items.c.id == item_id)).one()
            if item.status != "open" or item.overdue_at is not None or item.due_at == NO_DEADLINE:
                continue
            run.mark_overdue(item_id)
            late_minutes = context.calendar.working_minutes_between(item.due_at, now)
            run.append("overdue", SYSTEM_ACTOR, item.step_id, item_id, {
                "jatuh_tempo": item.due_at.isoformat(), "terlambat_menit_kerja": round(late_minutes, 1),
                "jabatan": item.jabatan, "unit": item.unit})
            marked += 1
    return marked


def tick(context: RuntimeContext, limit: int = 200) -> TickReport:
    """Fire due BPMN timers, mark overdue work items, then send due notifications."""
    fired, errors = fire_due_timers(context, limit)
    marked = mark_overdue(context, limit)
    sent = send_due(context.db, context.notify, context.clock.now, min(limit, 50))
    return TickReport(fired, marked, errors, sent.sent, sent.retried, sent.failed)


def run_worker(runtime: Any, interval: float = 5.0, once: bool = False,
               report: Callable[[TickReport], None] | None = None,
               should_stop: Callable[[], bool] = lambda: False) -> None:
    """Call ``runtime.tick()`` every ``interval`` seconds (once with ``once``) until told to stop.

    :param runtime: a :class:`~engine.runtime.facade.Runtime` (anything with ``tick() -> TickReport``).
    """
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
