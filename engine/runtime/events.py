"""Events at run time: when the timers of waits and boundaries fire, which messages an instance
waits for, delivering a message (once), an error a clerk reports, and error ends.

Timers. A wait row, a choice branch or a boundary (:mod:`engine.sop.events`) with a WAKTU text fires
at that WAKTU after the timer started, counted as the text says ("3 hari kerja" in working time,
"14 hari kalender" on the calendar) on the working calendar of the unit that works the step (a
boundary: the unit of its work item; a wait: the instance's unit). An ISO 8601 duration from a
foreign file counts on the clock, as BPMN says. A date from a case field fires at 00:00 of that
date in the deployment zone (at the instant, for a date-time). The worker
(:mod:`engine.runtime.worker`) fires them like the escalation timers.

Messages. Each WAITING message catch task has a ``message_waits`` row with the message name and the
sha256 of the name and the correlation field's value (the value itself may be personal data and is
not stored again). :func:`deliver_message` finds the waiting instance by that digest, locks it,
checks the dedupe key (the sender's ``kunci``, which counts across all SOPs; else the name, the
waiting instance's SOP key and the correlation value, so two SOPs whose cases share a value such as a
letter number do not take each other's replies for duplicates) against ``message_deliveries`` and
only then hands the message to SpiffWorkflow, all in one transaction: a second delivery with the
same key changes nothing and answers with the first one's instance.
"""

from __future__ import annotations

import hashlib
from dataclasses import dataclass

from sqlalchemy import Connection, insert, select, update

from engine.bpmn.spiff import events as spiff_events
from engine.errors import DataError, NotFoundError, TaskError
from engine.runtime.context import RuntimeContext
from engine.runtime.event_sync import correlation_digest
from engine.store.models import definitions, instances, message_deliveries, message_waits, versions, work_items

#: Longest accepted correlation value and dedupe key, in characters.
MAX_VALUE = 200


@dataclass(frozen=True)
class MessageDelivery:
    """What one delivery did: the instance that received the message, or the one that had it already."""

    message: str
    instance_id: int
    #: The step that was waiting ("" for a duplicate).
    step_id: str
    #: True when the dedupe key had been delivered before: nothing changed.
    duplicate: bool


def _check_text(value: str, field: str) -> str:
    text = str(value or "").strip()
    if not text:
        raise DataError.from_code("ev_message_missing", field, field=field)
    if len(text) > MAX_VALUE:
        raise DataError.from_code("ev_message_too_long", field, field=field, limit=MAX_VALUE)
    return text


def waiting_instances(context: RuntimeContext, message: str, correlation: str) -> list[int]:
    """The instances waiting for ``message`` with this correlation value (oldest first)."""
    digest = correlation_digest(message, _check_text(correlation, "korelasi"))
    with context.db.read() as connection:
        return sorted(set(connection.execute(select(message_waits.c.instance_id).where(
            message_waits.c.message == message, message_waits.c.correlation == digest,
            message_waits.c.status == "waiting")).scalars()))


def deliver_message(context: RuntimeContext, message: str, correlation: str, actor: str, key: str = "",
                    allowed: frozenset[int] | None = None) -> MessageDelivery:
    """Deliver ``message`` to the instance waiting for it with this correlation value.

    :param key: the sender's dedupe key; default the name and the correlation value, so the same
        message for the same case counts once (a message expected twice needs a key per sending).
    :param allowed: the instances the caller may deliver to (the access policy); ``None``: any.
    :raises NotFoundError: no instance waits for it (nothing is kept: send it again later).
    :raises DataError: a missing or too long value, or several instances wait with that value.
    """
    name = _check_text(message, "pesan")
    value = _check_text(correlation, "korelasi")
    sender_key = _check_text(key, "kunci") if key else ""
    waiting = [found for found in waiting_instances(context, name, value) if allowed is None or found in allowed]
    with context.db.read() as connection:
        if sender_key:
            candidates = [_dedupe_key(name, value, sender_key, "")]
        elif waiting:
            candidates = [_dedupe_key(name, value, "", _sop_key(connection, waiting[0]))]
        else:  # nobody waits: a repeat of a delivery to a case of any SOP that has had this message
            candidates = [_dedupe_key(name, value, "", sop) for sop in _sops_delivered(connection, name)]
        earlier = connection.execute(select(message_deliveries.c.instance_id).where(
            message_deliveries.c.message == name, message_deliveries.c.dedupe_key.in_(candidates))).scalar() \
            if candidates else None
    if earlier is not None:
        return MessageDelivery(name, int(earlier), "", True)
    if not waiting:
        raise NotFoundError.from_code("ev_message_no_waiter", message=name)
    if len(waiting) > 1:
        raise DataError.from_code("ev_message_ambiguous", "korelasi", message=name, count=len(waiting))
    dedupe = candidates[0]
    digest = correlation_digest(name, value)
    with context.session() as session:
        run = session.lock(waiting[0])
        if run is None:
            raise NotFoundError.from_code("ev_message_no_waiter", message=name)
        earlier = session.connection.execute(select(message_deliveries.c.instance_id).where(
            message_deliveries.c.message == name, message_deliveries.c.dedupe_key == dedupe)).scalar()
        if earlier is not None:  # delivered by another process while we waited for the lock
            return MessageDelivery(name, int(earlier), "", True)
        if run.status != "running":
            raise TaskError.from_code("ev_message_not_running", instance=run.instance_id, status=run.status)
        rows = session.connection.execute(select(message_waits).where(
            message_waits.c.instance_id == run.instance_id, message_waits.c.message == name,
            message_waits.c.correlation == digest, message_waits.c.status == "waiting")
            .order_by(message_waits.c.id)).all()
        tasks = [(row, run.task(row.task_id)) for row in rows]
        tasks = [(row, task) for row, task in tasks if task is not None]
        if not tasks:
            raise NotFoundError.from_code("ev_message_no_waiter", message=name)
        row, task = tasks[0]
        session.connection.execute(update(message_waits).where(message_waits.c.id == row.id)
                                   .values(status="delivered", delivered_at=run.now))
        session.connection.execute(insert(message_deliveries), {
            "message": name, "dedupe_key": dedupe, "instance_id": run.instance_id, "delivered_at": run.now,
            "delivered_by": actor})
        run.append("message_received", actor, row.step_id, None, {"pesan": name, "kejadian": row.event_id})
        run.advance(actor, lambda: spiff_events.deliver(run.workflow, task))
        return MessageDelivery(name, run.instance_id, row.step_id, False)


def _dedupe_key(name: str, value: str, sender_key: str, sop_key: str) -> str:
    """The stored dedupe digest: the sender's key (global), else the SOP key and the correlation value."""
    if sender_key:
        return hashlib.sha256(f"{name}\x00{sender_key}\x00True".encode()).hexdigest()
    return hashlib.sha256(f"{name}\x00{sop_key}\x00{value}\x00False".encode()).hexdigest()


def _sop_key(connection: Connection, instance_id: int) -> str:
    return str(connection.execute(select(definitions.c.key).select_from(
        instances.join(versions, versions.c.id == instances.c.version_id)
        .join(definitions, definitions.c.id == versions.c.definition_id))
        .where(instances.c.id == instance_id)).scalar_one())


def _sops_delivered(connection: Connection, name: str) -> list[str]:
    """The keys of the SOPs whose cases have received message ``name``."""
    return sorted(str(key) for key in connection.execute(select(definitions.c.key).distinct().select_from(
        message_deliveries.join(instances, instances.c.id == message_deliveries.c.instance_id)
        .join(versions, versions.c.id == instances.c.version_id)
        .join(definitions, definitions.c.id == versions.c.definition_id))
        .where(message_deliveries.c.message == name)).scalars())


def report_error(context: RuntimeContext, item_id: int, actor: str, code: str) -> list[str]:
    """The clerk of an open work item reports error ``code``: the step's error boundary takes over.

    The caller (the access policy) has checked that ``actor`` may complete the item.

    :return: the step ids of the work items open afterwards.
    :raises TaskError: the item is not open, or its step has no boundary for ``code``.
    """
    with context.db.read() as connection:
        item = connection.execute(select(work_items).where(work_items.c.id == item_id)).first()
    if item is None:
        raise NotFoundError.from_code("runtime_item_not_found", item=item_id)
    with context.session() as session:
        run = session.lock(item.instance_id)
        assert run is not None
        current = session.connection.execute(select(work_items.c.status).where(work_items.c.id == item_id)).scalar()
        task = run.task(item.task_id)
        if current != "open" or task is None or run.status != "running":
            raise TaskError.from_code("ev_error_item_not_open", item=item_id)
        boundaries = spiff_events.error_boundaries(run.workflow, task)
        if code not in boundaries:
            raise TaskError.from_code("ev_error_no_boundary", kode=code, step=item.step_id,
                                      codes=", ".join(sorted(boundaries)) or "-")
        run.append("error_reported", actor, item.step_id, item_id, {"kode": code})
        run.advance(actor, lambda: spiff_events.deliver(run.workflow, boundaries[code]))
        return [str(new["step_id"]) for new in run.new_items]
