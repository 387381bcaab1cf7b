"""Erasing the case data of finished cases older than their SOP's retention rule (``retensi_tahun``).

A case is due when it finished (completed or cancelled) at least ``retensi_tahun`` years ago, by the
calendar of the deployment zone. Each case is erased in its own instance session: its values, its
salt and its subject go; its events stay, so :meth:`~engine.runtime.facade.Runtime.verify_audit`
still passes and the digests in them no longer prove anything about anyone. Each erasure is
written to the access log (action ``hapus``).
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from sqlalchemy import select

from engine.runtime.casefile import log_access
from engine.runtime.context import RuntimeContext
from engine.runtime.work import SYSTEM_ACTOR
from engine.sop.retention import retention_years
from engine.store.models import instances


@dataclass(frozen=True)
class ErasedCase:
    """One case whose data was erased."""

    instance_id: int
    registration: str
    values: int


def _years_before(moment: dt.datetime, years: int) -> dt.datetime:
    try:
        return moment.replace(year=moment.year - years)
    except ValueError:  # 29 February in a year that has none
        return moment.replace(year=moment.year - years, day=28)


def erase_expired(context: RuntimeContext, *, dry_run: bool = False) -> list[ErasedCase]:
    """Erase (or with ``dry_run`` only list) the case data of every finished case past its retention."""
    now = context.clock.now()
    local_now = now.astimezone(context.calendar.tz)
    with context.db.read() as connection:
        rows = connection.execute(
            select(instances.c.id, instances.c.version_id, instances.c.ended_at, instances.c.registration)
            .where(instances.c.status.in_(("completed", "cancelled")), instances.c.ended_at.is_not(None),
                   instances.c.erased_at.is_(None))
            .order_by(instances.c.id)).all()
        due = []
        for row in rows:
            sop = context.version(connection, row.version_id).sop
            years = retention_years(sop) if sop is not None else None
            if years is not None and row.ended_at <= _years_before(local_now, years):
                due.append(row)
    erased: list[ErasedCase] = []
    for row in due:
        if dry_run:
            erased.append(ErasedCase(row.id, row.registration, 0))
            continue
        with context.instance(row.id) as run:
            if run.row.erased_at is not None:  # erased meanwhile by another process
                continue
            count = run.erase_case_data()
            log_access(run.connection, now, SYSTEM_ACTOR, "hapus", row.id, f"retensi {row.registration}".strip())
        erased.append(ErasedCase(row.id, row.registration, count))
    return erased


__all__ = ["ErasedCase", "erase_expired"]
