"""The outbox: messages written in the transaction of the change that causes them, one per item and recipient.

When a work item becomes ready, every holder of its jabatan in its unit who has a contact on an
enabled channel gets one row; when it becomes overdue, the clerk who claimed it (else every holder)
gets one. The row's ``dedupe_key`` (``<kind>:<item>:<channel>:<username>``) is unique, so nothing
can write the same message twice, and a burst of 100 items to one jabatan is 100 rows per
recipient, never more. The text is rendered now, in the recipient's language (Bahasa Indonesia
when none is set), with the due time in the runtime's zone (WIB by default), so what was sent is
what the row says. Rows roll back with the change: a refused completion leaves no message.
Items of ``simulasi`` instances are never notified.
"""

from __future__ import annotations

import json
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from datetime import datetime, tzinfo
from typing import Any

from sqlalchemy import Connection, and_, or_, select
from sqlalchemy.dialects import postgresql, sqlite

from engine.access.organisation import place_of
from engine.messages import message
from engine.notify.contacts import Contacts
from engine.notify.settings import NotifySettings
from engine.store.models import (NO_DEADLINE, account_sessions, definitions, holdings, instances, org_jabatan, outbox,
                                 users, versions, work_items)

#: Why a message is written: the item waits for the recipient's jabatan, or it is past its due time.
KINDS = ("ready", "overdue")
_SUBJECT = {"ready": "notify_ready_subject", "overdue": "notify_overdue_subject"}
_BODY = {"ready": "notify_ready_body", "overdue": "notify_overdue_body"}


@dataclass(frozen=True)
class Recipient:
    """A user who holds the item's jabatan in its unit (or claimed it), with their contacts."""

    username: str
    nama: str
    contacts: Contacts


def recipients(connection: Connection, unit: str, jabatan: str, only: str | None = None,
               item_jabatan: int | None = None) -> list[Recipient]:
    """Holders of ``jabatan`` in ``unit`` (by organisation id; a holding not linked yet, by its text).

    Disabled accounts are left out.

    :param only: just this username (the clerk who claimed the item), when they still hold the jabatan.
    :param item_jabatan: the item's organisation jabatan id (its SOP column names one): its holders.
    """
    unit_id, jabatan_id = place_of(connection, unit, jabatan)
    if item_jabatan is not None:
        unit_id, jabatan_id = connection.execute(select(org_jabatan.c.unit_id).where(
            org_jabatan.c.id == item_jabatan)).scalar(), item_jabatan
    by_text = and_(holdings.c.unit_id.is_(None), holdings.c.unit == unit, holdings.c.jabatan == jabatan)
    held = by_text if jabatan_id is None else or_(
        and_(holdings.c.unit_id == unit_id, holdings.c.jabatan_id == jabatan_id), by_text)
    query = (select(users.c.username, users.c.nama, users.c.email, users.c.phone, users.c.language)
             .join(holdings, holdings.c.user_id == users.c.id)
             .outerjoin(account_sessions, account_sessions.c.username == users.c.username)
             .where(held, or_(account_sessions.c.disabled.is_(None), account_sessions.c.disabled.is_(False)))
             .distinct().order_by(users.c.username))
    if only is not None:
        query = query.where(users.c.username == only)
    return [Recipient(row.username, row.nama, Contacts(row.email, row.phone, row.language))
            for row in connection.execute(query)]


def queue(connection: Connection, settings: NotifySettings, zone: tzinfo, kind: str, item_ids: Iterable[int],
          now: datetime) -> int:
    """Write the messages about ``item_ids`` becoming ``kind`` (in the caller's transaction).

    :return: the rows written (a key already in the outbox writes nothing).
    """
    ids = sorted(set(item_ids))
    if not settings.enabled or not ids:
        return 0
    rows = connection.execute(
        select(work_items.c.id, work_items.c.instance_id, work_items.c.step_id, work_items.c.name,
               work_items.c.jabatan, work_items.c.unit, work_items.c.due_at, work_items.c.claimed_by,
               work_items.c.sop_key, work_items.c.jabatan_id, instances.c.mode, definitions.c.nama.label("sop_nama"))
        .join(instances, instances.c.id == work_items.c.instance_id)
        .join(versions, versions.c.id == instances.c.version_id)
        .join(definitions, definitions.c.id == versions.c.definition_id)
        .where(work_items.c.id.in_(ids)).order_by(work_items.c.id)).all()
    values: list[dict[str, Any]] = []
    for row in rows:
        if row.mode == "simulasi":
            continue
        only = row.claimed_by if kind == "overdue" and row.claimed_by else None
        for person in recipients(connection, row.unit, row.jabatan, only, row.jabatan_id):
            values.extend(_messages(settings, zone, kind, row, person, now))
    return _insert_new(connection, values)


def _messages(settings: NotifySettings, zone: tzinfo, kind: str, item: Any, person: Recipient,
              now: datetime) -> Sequence[dict[str, Any]]:
    language = person.contacts.language or "id"
    due = None if item.due_at == NO_DEADLINE else item.due_at
    link = f"{settings.public_url}/tugas/{item.id}" if settings.public_url else ""
    facts = {"item": item.id, "instance": item.instance_id, "sop": item.sop_nama or item.sop_key,
             "sop_key": item.sop_key, "step": item.name, "step_id": item.step_id, "jabatan": item.jabatan,
             "unit": item.unit, "username": person.username, "due": due.isoformat() if due else None,
             "url": link or None}
    words = {"nama": person.nama or person.username, "jabatan": item.jabatan, "unit": item.unit,
             "sop": facts["sop"], "step": item.name, "case": message("notify_case", language, instance=item.instance_id),
             "due": (due.astimezone(zone).strftime("%Y-%m-%d %H:%M %Z") if due
                     else message("notify_no_deadline", language)),
             "link": message("notify_link", language, url=link) if link else ""}
    found = []
    for channel in settings.channels:
        address = channel.address_of(person.contacts)
        if not address:
            continue
        found.append({
            "dedupe_key": f"{kind}:{item.id}:{channel.name}:{person.username}", "kind": kind, "item_id": item.id,
            "instance_id": item.instance_id, "username": person.username, "channel": channel.name,
            "address": address, "subject": message(_SUBJECT[kind], language, **words)[:300],
            "body": message(_BODY[kind], language, **words), "facts": json.dumps(facts, ensure_ascii=False),
            "status": "pending", "attempts": 0, "next_attempt_at": now, "created_at": now, "last_error": ""})
    return found


def _insert_new(connection: Connection, values: list[dict[str, Any]]) -> int:
    """Insert the rows whose key is new; a repeat is skipped by the database, not by a read before."""
    if not values:
        return 0
    # Alur runs on these two; both take ON CONFLICT DO NOTHING and RETURNING (what was really written).
    dialect = postgresql if connection.dialect.name == "postgresql" else sqlite
    statement = (dialect.insert(outbox).on_conflict_do_nothing(index_elements=["dedupe_key"])
                 .returning(outbox.c.id))
    return sum(len(connection.execute(statement, row).all()) for row in values)
