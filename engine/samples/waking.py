"""Waking a case that waits with no work open: the reply arrives, or its timer runs out.

The demo's history and the tests that drive cases through the runtime use it when an instance waits
at a wait row or an event-based choice (:mod:`engine.sop.events`). It goes through the runtime's
public doors only: :meth:`Runtime.deliver_message` (as ``POST /api/v1/pesan/<name>`` and
``alur message`` do) with the case's correlation value, and :meth:`Runtime.tick` (the ``alur worker``
pass) after moving a :class:`~engine.runtime.timers.ManualClock` to the timer's due time.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from sqlalchemy import select

from engine.runtime.facade import Runtime
from engine.runtime.timers import ManualClock
from engine.sop.events import TriggerKind
from engine.sop.model import Sop
from engine.store.models import message_waits, timers


@dataclass(frozen=True)
class Waiting:
    """What a running instance waits for while no work item is open."""

    #: ``(step id, message name)`` of each message it waits for.
    messages: tuple[tuple[str, str], ...]
    #: ``(step id, due time)`` of each event timer (not an escalation of a work item), earliest first.
    timers: tuple[tuple[str, dt.datetime], ...]

    def __bool__(self) -> bool:
        return bool(self.messages or self.timers)


def waiting(runtime: Runtime, instance_id: int) -> Waiting:
    """The messages and event timers ``instance_id`` waits for."""
    with runtime.db.read() as connection:
        messages = connection.execute(select(message_waits.c.step_id, message_waits.c.message).where(
            message_waits.c.instance_id == instance_id, message_waits.c.status == "waiting")
            .order_by(message_waits.c.id)).all()
        due = connection.execute(select(timers.c.step_id, timers.c.fire_at).where(
            timers.c.instance_id == instance_id, timers.c.status == "waiting", timers.c.escalation.is_(False))
            .order_by(timers.c.fire_at)).all()
    return Waiting(tuple((str(step), str(name)) for step, name in messages),
                   tuple((str(step), fire_at) for step, fire_at in due))


def correlation_fields(sop: Sop) -> frozenset[str]:
    """The case fields a message to this SOP's cases is correlated on (a value unique per case)."""
    return frozenset(trigger.correlation for step in sop.steps
                     for trigger in [*step.wait, *(boundary.trigger for boundary in step.boundaries)]
                     if trigger.kind is TriggerKind.MESSAGE and trigger.correlation)


def correlation_value(runtime: Runtime, instance_id: int, sop: Sop, step_id: str, message: str) -> str:
    """The value a sender gives with ``message`` for this case: its correlation field's value, or the
    registration number when the wait names no field (as the runtime correlates it)."""
    case = runtime.case_file(instance_id, unmask=True)
    field = next((trigger.correlation for trigger in sop.step(step_id).wait
                  if trigger.kind is TriggerKind.MESSAGE and trigger.name == message), "")
    if not field:
        return case.registration
    return next((str(value.value) for value in case.values if value.field.name == field), "")


def wake(runtime: Runtime, instance_id: int, sop: Sop, sender: str, *, timeout: bool = False,
         not_after: dt.datetime | None = None) -> str:
    """Wake the waiting ``instance_id``: deliver the message it waits for, or with ``timeout`` (or
    when it waits for a timer only) move the clock to the earliest timer and run the worker.

    :param sender: the account the message is delivered as.
    :param not_after: a timer due later than this is left waiting (the demo's "now").
    :return: the step woken, "" when nothing was (nothing waits, the timer is not due by
        ``not_after``, or the clock is not a :class:`ManualClock`).
    """
    waits = waiting(runtime, instance_id)
    if waits.messages and not timeout:
        step_id, message = waits.messages[0]
        delivery = runtime.deliver_message(message, correlation_value(runtime, instance_id, sop, step_id, message),
                                           sender)
        return "" if delivery.duplicate else step_id
    if not waits.timers or not isinstance(runtime.clock, ManualClock):
        return ""
    step_id, fire_at = waits.timers[0]
    if not_after is not None and fire_at > not_after:
        return ""
    runtime.clock.current = max(runtime.clock.current, fire_at + dt.timedelta(seconds=1))
    runtime.tick()
    return step_id
