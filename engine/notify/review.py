"""Looking at the outbox and sending failed messages again (``alur outbox``): rows are never deleted."""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from datetime import datetime

from sqlalchemy import Connection, func, select, update

from engine.store.models import outbox

#: The states of an outbox row.
STATUSES = ("pending", "sent", "failed")


@dataclass(frozen=True)
class OutboxEntry:
    """One outbox row, for people."""

    id: int
    kind: str
    #: Empty for a message about no work item (a monitoring reminder).
    item_id: int | None
    username: str
    channel: str
    address: str
    subject: str
    status: str
    attempts: int
    created_at: datetime
    next_attempt_at: datetime
    sent_at: datetime | None
    last_error: str


def outbox_counts(connection: Connection) -> dict[str, int]:
    """Rows per status (every status named, 0 when none)."""
    found: dict[str, int] = {row[0]: int(row[1]) for row in connection.execute(
        select(outbox.c.status, func.count()).group_by(outbox.c.status))}
    return {status: int(found.get(status, 0)) for status in STATUSES}


def outbox_entries(connection: Connection, status: str | None = None, limit: int = 50) -> list[OutboxEntry]:
    """The newest rows (of ``status``), newest first."""
    query = select(outbox).order_by(outbox.c.id.desc()).limit(limit)
    if status is not None:
        query = query.where(outbox.c.status == status)
    return [OutboxEntry(row.id, row.kind, row.item_id, row.username, row.channel, row.address, row.subject,
                        row.status, row.attempts, row.created_at, row.next_attempt_at, row.sent_at, row.last_error)
            for row in connection.execute(query)]


def requeue_failed(connection: Connection, now: datetime, ids: Iterable[int] = ()) -> int:
    """Make failed rows (those of ``ids``, or all) pending again with fresh attempts, due now.

    :return: the rows requeued (a row that is not ``failed`` is left alone: it is sent or on its way).
    """
    chosen = sorted(set(ids))
    query = update(outbox).where(outbox.c.status == "failed")
    if chosen:
        query = query.where(outbox.c.id.in_(chosen))
    return int(connection.execute(query.values(status="pending", attempts=0, next_attempt_at=now)).rowcount)
