"""The instance session's side of events (:mod:`engine.runtime.events`): when event timers fire,
which message tasks wait (``message_waits``), and the errors error end events threw.

Called by :mod:`engine.runtime.session` while it syncs an advanced instance.
"""

from __future__ import annotations

import hashlib
from datetime import date, datetime, time
from typing import Any

from sqlalchemy import insert, select, update

from engine.bpmn.spiff import events as spiff_events
from engine.errors import TaskError
from engine.runtime.timers import UTC, parse_iso_duration
from engine.sop.durations import parse_duration
from engine.sop.events import Trigger, TriggerKind, boundary_event_id, choice_event_id
from engine.sop.model import Step, StepKind
from engine.store.models import message_waits, work_items
#: The :class:`~engine.runtime.session.InstanceRun` being saved (typed loosely: the session imports
#: this module, and the import-cycle test counts type-only imports too).
SessionRun = Any

def correlation_digest(message: str, value: object) -> str:
    """sha256 of a message name and a correlation value (the value as text, spaces trimmed)."""
    return hashlib.sha256(f"{message}\x00{str(value).strip()}".encode()).hexdigest()


def event_trigger(steps: list[Step], bpmn_id: str, kind: TriggerKind, name: str = "") -> tuple[Step, str, Trigger] | None:
    """The step, event id and trigger of the BPMN element ``bpmn_id`` waiting for ``kind``.

    An event-based choice waits in its gateway (the step id): its trigger is the one of ``kind``
    (and ``name``, for a message).
    """
    for step in steps:
        if step.wait and bpmn_id == step.id:
            for index, trigger in enumerate(step.wait):
                if trigger.kind is kind and (not name or trigger.name == name):
                    event_id = choice_event_id(step.id, index) if step.kind is StepKind.DECISION else step.id
                    return step, event_id, trigger
        for index, boundary in enumerate(step.boundaries):
            if bpmn_id == boundary_event_id(step.id, index):
                return step, bpmn_id, boundary.trigger
    return None


def timer_fire_at(run: SessionRun, task: Any) -> tuple[str, str, datetime] | None:
    """``(step id, event id, fire time)`` of an event timer task, or ``None`` for other timers.

    :raises TaskError: a date field that is empty or unreadable.
    """
    sop = run.version.sop
    found = event_trigger(sop.steps, task.task_spec.bpmn_id or "", TriggerKind.TIMER) if sop is not None else None
    if found is None:
        return None
    step, event_id, trigger = found
    calendar = run.host.unit_calendars.for_unit(run.connection, _unit_of(run, step), run.host.calendar)
    if trigger.date_field:
        return step.id, event_id, _date_instant(task.data.get(trigger.date_field), trigger, calendar.tz)
    text = trigger.duration.strip()
    if text[:1] in "Pp" and text[1:2].isdigit() or text[:2].upper() == "PT":
        return step.id, event_id, run.now + parse_iso_duration(text)
    return step.id, event_id, calendar.due(run.now, parse_duration(text)).astimezone(UTC)


def _unit_of(run: SessionRun, step: Step) -> str:
    """The unit working ``step`` (a boundary's host): its open work item's unit, else the instance's."""
    for item in reversed(run.new_items):
        if item["step_id"] == step.id:
            return str(item["unit"])
    found = run.connection.execute(select(work_items.c.unit).where(
        work_items.c.instance_id == run.instance_id, work_items.c.step_id == step.id,
        work_items.c.status == "open").order_by(work_items.c.id.desc()).limit(1)).scalar()
    return str(found) if found else str(run.row.unit)


def _date_instant(value: Any, trigger: Trigger, zone: Any) -> datetime:
    if isinstance(value, datetime):
        return (value if value.tzinfo else value.replace(tzinfo=zone)).astimezone(UTC)
    try:
        day = value if isinstance(value, date) else date.fromisoformat(str(value or "").strip()[:10])
    except ValueError:
        raise TaskError.from_code("ev_timer_no_date", field=trigger.date_field) from None
    return datetime.combine(day, time(0, 0), tzinfo=zone).astimezone(UTC)


def sync_message_waits(run: SessionRun) -> None:
    """Bring the ``message_waits`` rows of the instance in line with its WAITING message tasks."""
    waiting = spiff_events.message_waits(run.workflow)
    rows = run.connection.execute(select(message_waits.c.id, message_waits.c.task_id).where(
        message_waits.c.instance_id == run.instance_id, message_waits.c.status == "waiting")).all()
    known = set()
    for row_id, task_id in rows:
        known.add(task_id)
        if task_id not in waiting:
            run.connection.execute(update(message_waits).where(message_waits.c.id == row_id)
                                   .values(status="cancelled"))
    sop = run.version.sop
    for task_id, (task, name) in waiting.items():
        if task_id in known:
            continue
        found = event_trigger(sop.steps, task.task_spec.bpmn_id or "", TriggerKind.MESSAGE, name) if sop else None
        step_id, event_id, correlation = (found[0].id, found[1], found[2].correlation) if found else ("", name, "")
        # without a correlation field the case's registration number correlates
        value = task.data.get(correlation, "") if correlation else run.registration_now()
        run.connection.execute(insert(message_waits), {
            "instance_id": run.instance_id, "task_id": task_id, "event_id": event_id, "step_id": step_id,
            "message": name, "correlation": correlation_digest(name, value if value is not None else ""),
            "status": "waiting", "created_at": run.now})


def record_error_ends(run: SessionRun, actor: str) -> None:
    """Record the error an error end event threw (the case ends with its code as the reason)."""
    for code in spiff_events.thrown_errors(run.workflow):
        run.append("error_end", actor, "", None, {"kode": code})
        run.reason = code


def cancel_message_waits(run: SessionRun) -> None:
    """A cancelled instance waits for nothing any more."""
    run.connection.execute(update(message_waits).where(message_waits.c.instance_id == run.instance_id,
                                                       message_waits.c.status == "waiting")
                           .values(status="cancelled"))
