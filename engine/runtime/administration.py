"""Administering running work by an admin or a supervisor: the instance's status (suspend, resume,
cancel, retry) and other clerks' claims (release, reassign), each with a reason recorded as an event.

Who may is the access policy's (:func:`engine.access.policy.administer_instance`,
:func:`~engine.access.policy.release_item`, :func:`~engine.access.policy.reassign_item`); these
functions only check state: an open item, a claim to release, a new holder of the item's jabatan in
its unit. Each is one instance session (one transaction).
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime

from sqlalchemy import Connection, and_, or_, select

from engine.errors import AccessDeniedError, DataError, TaskError
from engine.runtime.completion import check_open, lock_item
from engine.runtime.context import RuntimeContext
from engine.runtime.status import ALLOWED_FROM, STATUS_EVENTS, retry_run
from engine.runtime.work import Instance, WorkItem
from engine.store import repo
from engine.store.models import NO_DEADLINE, definitions, holdings, instances, users, versions, work_items

#: The instance actions, and the status each one moves to.
ADMIN_ACTIONS = {"suspend": "suspended", "resume": "running", "cancel": "cancelled", "retry": "running"}


def _reason(reason: str) -> str:
    if not isinstance(reason, str) or not reason.strip():
        raise DataError.from_code("runtime_reason_required", "alasan")
    return reason.strip()[:1000]


def administer(context: RuntimeContext, instance_id: int, username: str, action: str, reason: str) -> Instance:
    """Move an instance by ``action`` (:data:`ADMIN_ACTIONS`) for ``username``, who the policy allowed.

    :raises DataError: an unknown action or no reason (naming the field).
    :raises TaskError: the instance's status does not allow it; a retry that fails again.
    """
    if action not in ADMIN_ACTIONS:
        raise DataError.from_code("routing_unknown_admin_action", "tindakan", action=action,
                                  actions=", ".join(ADMIN_ACTIONS))
    why = _reason(reason)
    target = ADMIN_ACTIONS[action]
    with context.instance(instance_id) as run:
        if action == "retry":
            retry_run(run, username, why)
        else:
            if run.status not in ALLOWED_FROM[target] or (action == "resume" and run.status != "suspended"):
                raise TaskError.from_code("runtime_status_change", instance=run.instance_id, status=run.status,
                                          target=target)
            run.change_status(target, why)
            run.append(STATUS_EVENTS[target], username, "", None, {"alasan": why, "pengelola": True})
    return run.instance()


def release(context: RuntimeContext, item_id: int, username: str, reason: str) -> WorkItem:
    """Give another clerk's claim back to every holder of the item's jabatan.

    :raises TaskError: the item is not open or not claimed.
    """
    why = _reason(reason)
    with context.session() as session:
        run, item = lock_item(session, item_id, username)
        check_open(item, context.calendar)
        if not item.claimed_by:
            raise TaskError.from_code("routing_release_not_claimed", item.step_id, item=item_id)
        run.set_claim(item_id, None)
        run.append("released", username, item.step_id, item_id, {"alasan": why, "dari": item.claimed_by})
        return repo.get_item(session.connection, item_id, session.now)


def reassign(context: RuntimeContext, item_id: int, username: str, to: str, reason: str) -> WorkItem:
    """Hand an open item to ``to``, a holder of its jabatan in its unit, as if ``to`` had claimed it.

    :raises AccessDeniedError: ``to`` does not hold the jabatan there.
    :raises TaskError: the item is not open.
    :raises NotFoundError: no such item or user.
    """
    why = _reason(reason)
    with context.session() as session:
        run, item = lock_item(session, item_id, username)
        check_open(item, context.calendar)
        repo.user_by_name(session.connection, to)
        if not repo.holds(session.connection, to, item.jabatan, item.unit, item.jabatan_id):
            raise AccessDeniedError.from_code("routing_reassign_target_not_holder", user=to, jabatan=item.jabatan,
                                              unit=item.unit)
        run.set_claim(item_id, to)
        run.append("reassigned", username, item.step_id, item_id,
                   {"alasan": why, "dari": item.claimed_by or "", "kepada": to})
        return repo.get_item(session.connection, item_id, session.now)


@dataclass(frozen=True)
class OverdueGroup:
    """The overdue open items of one jabatan in one unit, most overdue first."""

    unit: str
    jabatan: str
    items: tuple[WorkItem, ...]


def administered_instances(connection: Connection, units: list[str] | None, limit: int = 300) -> list[Instance]:
    """Instances not finished (running, suspended, in error) of ``units`` (``None``: every unit), newest first."""
    query = (select(instances.c.id, instances.c.unit, instances.c.status, instances.c.mode, instances.c.started_by,
                    instances.c.started_at, instances.c.ended_at, instances.c.reason, instances.c.registration,
                    instances.c.subject_masked, versions.c.number, definitions.c.key)
             .join(versions, versions.c.id == instances.c.version_id)
             .join(definitions, definitions.c.id == versions.c.definition_id)
             .where(instances.c.status.in_(("running", "suspended", "error"))))
    if units is not None:
        query = query.where(instances.c.unit.in_(units))
    return [repo.instance_info(row) for row in connection.execute(query.order_by(instances.c.id.desc()).limit(limit))]


def overdue_groups(connection: Connection, now: datetime, units: list[str] | None) -> list[OverdueGroup]:
    """Open items past their due time in ``units`` (``None``: every unit), grouped by unit and jabatan."""
    query = (select(work_items, instances.c.registration, instances.c.subject_masked)
             .join(instances, instances.c.id == work_items.c.instance_id)
             .where(work_items.c.status == "open", work_items.c.due_at != NO_DEADLINE, work_items.c.due_at <= now))
    if units is not None:
        query = query.where(work_items.c.unit.in_(units))
    groups: dict[tuple[str, str], list[WorkItem]] = {}
    for row in connection.execute(query.order_by(work_items.c.unit, work_items.c.jabatan, work_items.c.due_at)):
        groups.setdefault((row.unit, row.jabatan), []).append(repo.work_item(row, now))
    return [OverdueGroup(unit, jabatan, tuple(items)) for (unit, jabatan), items in groups.items()]


def item_holders(connection: Connection, jabatan: str, unit: str, jabatan_id: int | None = None) -> list[str]:
    """Usernames holding ``jabatan`` in ``unit`` (the organisation jabatan ``jabatan_id`` when the item
    has one), whom an item may be reassigned to, sorted."""
    by_text = and_(holdings.c.jabatan == jabatan, holdings.c.unit == unit)
    where = [by_text if jabatan_id is None else  # a holding not linked yet is still read by its text
             or_(holdings.c.jabatan_id == jabatan_id, and_(holdings.c.jabatan_id.is_(None), by_text))]
    return [str(name) for name in connection.execute(
        select(users.c.username).join(holdings, holdings.c.user_id == users.c.id)
        .where(*where).distinct().order_by(users.c.username)).scalars()]


def open_items(connection: Connection, instance_id: int, now: datetime) -> list[WorkItem]:
    """The open (and suspended) work items of an instance, in the order they were opened."""
    query = (select(work_items, instances.c.registration, instances.c.subject_masked)
             .join(instances, instances.c.id == work_items.c.instance_id)
             .where(work_items.c.instance_id == instance_id, work_items.c.status.in_(("open", "suspended"))))
    return [repo.work_item(row, now) for row in connection.execute(query.order_by(work_items.c.id))]
