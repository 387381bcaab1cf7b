"""Revision requests: an evaluation's "revisi" asks the owner unit's penyusun to revise an SOP.

A request is a record, not a version: the SOP's draft (and a running ujicoba) stay as they are until
a penyusun opens the revisi (:func:`engine.lifecycle.transitions.revise`), which marks the open
requests of the SOP as acted on.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from typing import TYPE_CHECKING

from sqlalchemy import Connection, insert, select

from engine.store.models import lifecycle_events, revision_requests, sop_lifecycle

if TYPE_CHECKING:
    from engine.runtime.facade import Runtime

OPEN = "terbuka"
DONE = "ditindaklanjuti"


@dataclass(frozen=True)
class RevisionRequest:
    """A request to revise an SOP."""

    id: int
    key: str
    evaluation_id: int | None
    #: The SOP's owner unit, whose penyusun should revise it.
    unit: str
    reason: str
    requested_by: str
    requested_at: dt.datetime
    status: str
    closed_by: str | None
    closed_at: dt.datetime | None


def open_request(connection: Connection, key: str, unit: str, reason: str, by: str, now: dt.datetime,
                 evaluation_id: int | None = None) -> int:
    """Store a request (in the caller's transaction) and its history event; its id."""
    request_id = connection.execute(insert(revision_requests).returning(revision_requests.c.id), {
        "key": key, "evaluation_id": evaluation_id, "unit": unit, "reason": reason, "requested_by": by,
        "requested_at": now, "status": OPEN}).scalar_one()
    current = connection.execute(select(sop_lifecycle.c.status).where(sop_lifecycle.c.key == key)).scalar()
    connection.execute(insert(lifecycle_events), {
        "key": key, "round_id": None, "action": "request", "status": current or "disahkan", "username": by, "at": now,
        "reason": reason, "version": None})
    return int(request_id)


def requests_of(connection: Connection, key: str | None = None, *, only_open: bool = False) -> list[RevisionRequest]:
    """Revision requests (of ``key``, or of every SOP), newest first."""
    query = select(revision_requests).order_by(revision_requests.c.id.desc())
    if key is not None:
        query = query.where(revision_requests.c.key == key)
    if only_open:
        query = query.where(revision_requests.c.status == OPEN)
    return [RevisionRequest(row.id, row.key, row.evaluation_id, row.unit, row.reason, row.requested_by,
                            row.requested_at, row.status, row.closed_by, row.closed_at)
            for row in connection.execute(query)]


def revision_requests_of(runtime: Runtime, key: str | None = None, *, only_open: bool = False) -> list[RevisionRequest]:
    """:func:`requests_of` in a read transaction of ``runtime``."""
    with runtime.db.read() as connection:
        return requests_of(connection, key, only_open=only_open)
