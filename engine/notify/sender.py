"""The sender: ``alur worker`` hands due outbox rows to their channels, retrying with backoff.

A pass takes a batch of due ``pending`` rows of the channels this process has, in one short write
transaction (``FOR UPDATE SKIP LOCKED`` on PostgreSQL, the write lock on SQLite), counts the attempt
and moves each row's next attempt a lease ahead, so another worker leaves them alone while they are
sent outside any transaction. Then each row is sent and written back: ``sent``; or, on a failure,
its next attempt after :meth:`~engine.notify.settings.NotifySettings.backoff`; or ``failed`` once
``max_attempts`` are used up. Rows are never deleted. When a channel fails, the rest of its batch
is put back untried (the server is down: trying each one would only count attempts).
"""

from __future__ import annotations

import json
from collections.abc import Callable
from dataclasses import dataclass
from datetime import datetime, timedelta
from typing import Any

from sqlalchemy import select, update

from engine.errors import DeliveryError
from engine.notify.channels import OutboxMessage
from engine.notify.settings import NotifySettings
from engine.store.db import Database
from engine.store.models import outbox

#: How long a taken row stays away from other workers; longer than a batch of channel timeouts.
LEASE = timedelta(minutes=15)


@dataclass(frozen=True)
class SendReport:
    """What one pass of the sender did."""

    sent: int = 0
    #: Failed this time, to be tried again later.
    retried: int = 0
    #: Out of attempts: kept as ``failed``.
    failed: int = 0


def send_due(db: Database, settings: NotifySettings, now: Callable[[], datetime], limit: int = 50) -> SendReport:
    """Send the due messages of the channels in ``settings``, at most ``limit``.

    :param now: the clock (read before taking the batch and after each send).
    """
    if not settings.enabled:
        return SendReport()
    taken = _take(db, settings, now(), limit)
    sent = retried = failed = 0
    broken: dict[str, datetime] = {}
    for row in taken:
        if row.channel in broken:
            _put_back(db, row, broken[row.channel])
            continue
        channel = settings.channel(row.channel)
        assert channel is not None  # only rows of our channels were taken
        try:
            channel.send(OutboxMessage(row.id, row.dedupe_key, row.kind, row.address, row.subject, row.body,
                                       json.loads(row.facts)))
        except DeliveryError as exc:
            moment = now()
            attempts = row.attempts + 1
            if attempts >= settings.max_attempts:
                _write(db, row.id, status="failed", last_error=exc.detail or exc.message)
                failed += 1
            else:
                retry_at = moment + settings.backoff(attempts)
                broken[row.channel] = retry_at
                _write(db, row.id, next_attempt_at=retry_at, last_error=exc.detail or exc.message)
                retried += 1
        else:
            _write(db, row.id, status="sent", sent_at=now(), last_error="")
            sent += 1
    return SendReport(sent, retried, failed)


def _take(db: Database, settings: NotifySettings, moment: datetime, limit: int) -> list[Any]:
    """Claim up to ``limit`` due rows for this process (their attempt counted, leased ahead)."""
    names = [channel.name for channel in settings.channels]
    with db.write() as connection:
        query = (select(outbox.c.id, outbox.c.dedupe_key, outbox.c.kind, outbox.c.channel, outbox.c.address,
                        outbox.c.subject, outbox.c.body, outbox.c.facts, outbox.c.attempts)
                 .where(outbox.c.status == "pending", outbox.c.next_attempt_at <= moment,
                        outbox.c.channel.in_(names))
                 .order_by(outbox.c.next_attempt_at, outbox.c.id).limit(limit))
        if connection.dialect.name == "postgresql":
            query = query.with_for_update(skip_locked=True)
        rows = list(connection.execute(query).all())
        if rows:
            connection.execute(update(outbox).where(outbox.c.id.in_([row.id for row in rows]))
                               .values(attempts=outbox.c.attempts + 1, next_attempt_at=moment + LEASE))
    return rows


def _put_back(db: Database, row: Any, retry_at: datetime) -> None:
    """Return a taken row untried: its attempt is not counted; it waits as long as its channel's failure."""
    _write(db, row.id, attempts=row.attempts, next_attempt_at=retry_at)


def _write(db: Database, row_id: int, **values: Any) -> None:
    with db.write() as connection:
        connection.execute(update(outbox).where(outbox.c.id == row_id).values(**values))
