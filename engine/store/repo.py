"""Queries the runtime and reports need, returning the plain objects of :mod:`engine.runtime.work`.

The worklist reads indexed columns of ``work_items`` only (never an instance's state): one range scan
of ``ix_work_items_worklist`` per (jabatan, unit) the user holds, already in due-time order.
"""

from __future__ import annotations

import itertools
import json
from datetime import datetime
from typing import Any, Iterator

from sqlalchemy import ColumnElement, Connection, and_, bindparam, case, func, or_, select, union

from engine.runtime.audit import ChainBreak, StoredEvent, chain_break, verify_chain
from engine.errors import NotFoundError
from engine.runtime.work import Event, Instance, User, VersionInfo, WorkItem
from engine.store.models import (
    NO_DEADLINE,
    acting_assignments,
    definitions,
    events,
    holdings,
    instances,
    org_jabatan,
    org_units,
    users,
    versions,
    work_items,
)


def user_by_name(connection: Connection, username: str) -> User:
    """The user with this username and the jabatan they hold.

    :raises NotFoundError: no such user.
    """
    row = connection.execute(_USER, {"username": username}).first()
    if row is None:
        raise NotFoundError.from_code("runtime_user_not_found", user=username)
    held = connection.execute(_USER_HOLDINGS, {"user_id": row.id}).all()
    return User(row.username, row.nama, row.nip, tuple((jabatan, unit) for jabatan, unit in held),
                row.email, row.phone, row.language)


# Built once (every request reads its account): building a select costs more than running it on SQLite.
_USER = select(users).where(users.c.username == bindparam("username"))
_USER_HOLDINGS = (select(holdings.c.jabatan, holdings.c.unit).where(holdings.c.user_id == bindparam("user_id"))
                  .order_by(holdings.c.unit, holdings.c.jabatan))


def holds(connection: Connection, username: str, jabatan: str, unit: str, jabatan_id: int | None = None) -> bool:
    """Whether ``username`` holds ``jabatan`` in ``unit`` (the organisation jabatan ``jabatan_id`` when given)."""
    by_text = and_(holdings.c.jabatan == jabatan, holdings.c.unit == unit)
    where = [by_text if jabatan_id is None else  # a holding not linked yet is still read by its text
             or_(holdings.c.jabatan_id == jabatan_id, and_(holdings.c.jabatan_id.is_(None), by_text))]
    found = connection.execute(
        select(holdings.c.id).join(users, users.c.id == holdings.c.user_id)
        .where(users.c.username == username, *where)).first()
    return found is not None


def version_info(row: Any, created: bool = True) -> VersionInfo:
    return VersionInfo(row.id, row.key, row.number, row.draft, row.nama, row.process_id, row.escalation,
                       row.published_at, created)


def version_query() -> Any:
    return (select(versions.c.id, versions.c.number, versions.c.draft, versions.c.escalation,
                   versions.c.published_at, versions.c.sha256, definitions.c.key, definitions.c.nama,
                   definitions.c.process_id)
            .join(definitions, definitions.c.id == versions.c.definition_id))


def instance_info(row: Any) -> Instance:
    mapping = row._mapping
    return Instance(row.id, row.key, row.number, row.unit, row.status, row.mode, row.started_by, row.started_at,
                    row.ended_at, row.reason, mapping.get("registration") or "", mapping.get("subject_masked") or "")


def get_instance(connection: Connection, instance_id: int) -> Instance:
    """:raises NotFoundError: no such instance."""
    row = connection.execute(_GET_INSTANCE, {"instance_id": instance_id}).first()
    if row is None:
        raise NotFoundError.from_code("runtime_instance_not_found", instance=instance_id)
    return instance_info(row)


# Built once: read several times by every task page.
_GET_INSTANCE = (select(instances.c.id, instances.c.unit, instances.c.status, instances.c.mode, instances.c.started_by,
                        instances.c.started_at, instances.c.ended_at, instances.c.reason, instances.c.registration,
                        instances.c.subject_masked, versions.c.number, definitions.c.key)
                 .join(versions, versions.c.id == instances.c.version_id)
                 .join(definitions, definitions.c.id == versions.c.definition_id)
                 .where(instances.c.id == bindparam("instance_id")))


#: The instance as :func:`get_instance` reads it, with its version id, subject and erasure (the case file's one read).
CASE_INSTANCE = (select(instances.c.id, instances.c.unit, instances.c.status, instances.c.mode, instances.c.started_by,
                        instances.c.started_at, instances.c.ended_at, instances.c.reason, instances.c.registration,
                        instances.c.subject_masked, versions.c.number, definitions.c.key, instances.c.version_id,
                        instances.c.subject, instances.c.erased_at)
                 .join(versions, versions.c.id == instances.c.version_id)
                 .join(definitions, definitions.c.id == versions.c.definition_id)
                 .where(instances.c.id == bindparam("instance_id")))


def work_item(row: Any, now: datetime) -> WorkItem:
    due = None if row.due_at == NO_DEADLINE else row.due_at
    mapping = row._mapping
    return WorkItem(row.id, row.instance_id, row.sop_key, row.step_id, row.name, row.jabatan, row.unit, row.trial,
                    row.status, row.ready_at, due, row.claimed_by, row.completed_by, row.completed_at,
                    row.status == "open" and due is not None and due <= now, mapping.get("registration") or "",
                    mapping.get("subject_masked") or "", mapping.get("mode") or "", mapping.get("jabatan_id"))


def _items_with_case() -> Any:
    """Work items with their instance's registration number and subject (as lists show it)."""
    return (select(work_items, instances.c.registration, instances.c.subject_masked, instances.c.mode)
            .join(instances, instances.c.id == work_items.c.instance_id))


def get_item(connection: Connection, item_id: int, now: datetime) -> WorkItem:
    """:raises NotFoundError: no such work item."""
    row = connection.execute(_GET_ITEM, {"item_id": item_id}).first()
    if row is None:
        raise NotFoundError.from_code("runtime_item_not_found", item=item_id)
    return work_item(row, now)


_GET_ITEM = _items_with_case().where(work_items.c.id == bindparam("item_id"))  # built once: every item request reads it


def _counts(table: Any, now: datetime) -> Any:
    """The row of ``table`` (holdings, acting assignments) counts at ``now``: inside its dates."""
    return and_(or_(table.c.starts_at.is_(None), table.c.starts_at <= now),
                or_(table.c.ends_at.is_(None), table.c.ends_at > now))


def held_places(username: str, now: datetime) -> Any:
    """``(jabatan, unit)`` text pairs ``username`` holds at ``now``: its holdings inside their dates and
    the jabatan it acts for (Plh/Plt) while the assignment runs."""
    own = (select(holdings.c.jabatan, holdings.c.unit, holdings.c.jabatan_id)
           .join(users, users.c.id == holdings.c.user_id)
           .where(users.c.username == username, _counts(holdings, now)))
    acting = (select(org_jabatan.c.code.label("jabatan"), org_units.c.code.label("unit"),
                     acting_assignments.c.jabatan_id)
              .select_from(acting_assignments)
              .join(users, users.c.id == acting_assignments.c.user_id)
              .join(org_units, org_units.c.id == acting_assignments.c.unit_id)
              .join(org_jabatan, org_jabatan.c.id == acting_assignments.c.jabatan_id)
              .where(users.c.username == username, _counts(acting_assignments, now)))
    return union(own, acting)


def places_held(connection: Connection, username: str, now: datetime) -> list[tuple[str, str]]:
    """``(jabatan, unit)`` text pairs ``username`` holds at ``now`` (see :func:`held_places`)."""
    return [(row.jabatan, row.unit) for row in connection.execute(held_places(username, now))]


def start_units(connection: Connection, username: str, now: datetime, jabatan: str, code: str = "") -> list[str]:
    """The units where ``username`` holds (or acts for), at ``now``, the jabatan of a start column: the
    organisation jabatan ``code`` names (``Sop.actor_jabatan``) where the unit has one, else the jabatan
    named ``jabatan``; sorted."""
    units: set[str] = set()
    for row in connection.execute(held_places(username, now)):
        wanted = connection.execute(select(org_jabatan.c.id).join(org_units, org_units.c.id == org_jabatan.c.unit_id)
                                    .where(org_units.c.code == row.unit, org_jabatan.c.code == code.strip())
                                    ).scalar() if code.strip() else None
        if (row.jabatan_id == wanted) if wanted is not None else (row.jabatan == jabatan):
            units.add(row.unit)
    return sorted(units)


def held_item(held: Any) -> Any:
    """The condition "a work item is held through ``held``" (a row or subquery of :func:`held_places`):
    by the organisation jabatan id when the item has one (its SOP column names a jabatan by code, or
    ``alur org tautkan`` linked it), else, and for a holding not linked yet, by the jabatan and unit texts."""
    by_text = and_(work_items.c.jabatan == held.jabatan, work_items.c.unit == held.unit)
    if not isinstance(held.jabatan_id, ColumnElement):  # a fetched row: its id is known here
        if held.jabatan_id is None:
            return by_text
        return or_(work_items.c.jabatan_id == held.jabatan_id, and_(work_items.c.jabatan_id.is_(None), by_text))
    return or_(and_(work_items.c.jabatan_id.is_not(None), work_items.c.jabatan_id == held.jabatan_id),
               and_(or_(work_items.c.jabatan_id.is_(None), held.jabatan_id.is_(None)), by_text))


def worklist(connection: Connection, username: str, now: datetime, limit: int = 50) -> list[WorkItem]:
    """Open work items for the jabatan and units ``username`` holds (or acts for), most urgent first."""
    held = connection.execute(held_places(username, now)).all()
    found: dict[int, Any] = {}
    for place in held:
        for row in connection.execute(
                _items_with_case().where(work_items.c.status == "open", held_item(place))
                .order_by(work_items.c.due_at, work_items.c.id).limit(limit)).all():
            found[row.id] = row
    ordered = sorted(found.values(), key=lambda row: (row.due_at, row.id))
    return [work_item(row, now) for row in ordered[:limit]]


def work_counts(connection: Connection, username: str, now: datetime) -> tuple[int, int]:
    """``(new, overdue)`` open items on the worklist of ``username`` (see :meth:`Runtime.work_counts`)."""
    row = connection.execute(_WORK_COUNTS, {"username": username, "now": now}).one()
    return int(row.new or 0), int(row.overdue or 0)


def _work_counts_statement() -> Any:
    """Both badge counts in one statement, built once with bind parameters: every page with the header
    badge runs it, and building the nested select (and its cache key) cost more than running it."""
    username, now = bindparam("username", type_=users.c.username.type), bindparam("now", type_=work_items.c.due_at.type)
    held = held_places(username, now).subquery()  # type: ignore[arg-type]
    counted = select(work_items.c.id, work_items.c.claimed_by, work_items.c.due_at).where(
        work_items.c.status == "open", select(held.c.jabatan).where(held_item(held.c)).exists()).subquery()
    overdue = and_(counted.c.due_at <= now, or_(counted.c.claimed_by.is_(None), counted.c.claimed_by == username))
    return select(func.count(case((counted.c.claimed_by.is_(None), 1))).label("new"),
                  func.count(case((overdue, 1))).label("overdue")).select_from(counted)


_WORK_COUNTS = _work_counts_statement()


def trace(connection: Connection, instance_id: int) -> list[Event]:
    """The instance's events in order."""
    rows = connection.execute(select(events).where(events.c.instance_id == instance_id)
                              .order_by(events.c.seq)).all()
    return [Event(row.instance_id, row.seq, row.kind, row.at, row.actor, row.step, row.item_id,
                  json.loads(row.body).get("data", {}), row.hash) for row in rows]


def verify_all(connection: Connection, unit_ids: frozenset[int] | None = None) -> tuple[int, int, ChainBreak | None]:
    """Recompute every instance's chain (of the units ``unit_ids``, or of every unit).

    :return: instances checked, events checked, and the first break (``None`` when all verify).
    """
    heads_query = select(instances.c.id, instances.c.last_seq, instances.c.last_hash)
    events_query = select(events.c.instance_id, events.c.seq, events.c.kind, events.c.actor, events.c.step,
                          events.c.body, events.c.prev_hash, events.c.hash)
    if unit_ids is not None:  # a unit's auditor checks its units' chains (an orphan event has no unit)
        mine = instances.c.unit.in_(select(org_units.c.code).where(org_units.c.id.in_(sorted(unit_ids))))
        heads_query = heads_query.where(mine)
        events_query = events_query.where(events.c.instance_id.in_(select(instances.c.id).where(mine)))
    heads = {row.id: (row.last_seq, row.last_hash) for row in connection.execute(heads_query)}
    stream = connection.execution_options(yield_per=2000).execute(
        events_query.order_by(events.c.instance_id, events.c.seq))
    counted = 0
    seen: set[int] = set()

    def rows_of(group: Iterator[Any]) -> Iterator[StoredEvent]:
        nonlocal counted
        for row in group:
            counted += 1
            yield StoredEvent(*row)

    with stream:
        for instance_id, group in itertools.groupby(stream, key=lambda row: row.instance_id):
            seen.add(instance_id)
            if instance_id not in heads:
                return len(seen), counted, chain_break(instance_id, 1, "audit_orphan")
            last_seq, last_hash = heads[instance_id]
            broken = verify_chain(instance_id, rows_of(group), last_seq, last_hash)
            if broken is not None:
                return len(seen), counted, broken
    for instance_id in sorted(set(heads) - seen):
        last_seq, last_hash = heads[instance_id]
        broken = verify_chain(instance_id, iter(()), last_seq, last_hash)
        if broken is not None:
            return len(seen), counted, broken
    return len(heads), counted, None


def count_open_items(connection: Connection) -> int:
    return int(connection.execute(select(func.count()).select_from(work_items)
                                  .where(work_items.c.status == "open")).scalar_one())
