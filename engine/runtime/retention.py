"""Erasing the case data of finished cases older than their SOP's retention rule (``retensi_tahun``).

A case is due when it finished (completed or cancelled) at least ``retensi_tahun`` years ago, by the
calendar of the deployment zone. Each case is erased in its own instance session: its values, its
salt and its subject go; its events stay, so :meth:`~engine.runtime.facade.Runtime.verify_audit`
still passes and the digests in them no longer prove anything about anyone. Each erasure is
written to the access log (action ``hapus``).

The case's documents go too: their ``case_documents`` rows are deleted in the same session and each
hash is logged (action ``hapus_berkas``); the files are removed only after that commit, and only when
no other case still holds the same content (files are shared by hash). A crash between the commit and
the removal leaves a file behind, which the next run removes, because it reads the hashes from the log.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from sqlalchemy import delete, select

from engine.errors import NotFoundError
from engine.runtime.casefile import log_access
from engine.runtime.context import RuntimeContext
from engine.runtime.work import SYSTEM_ACTOR
from engine.sop.retention import retention_years
from engine.store.models import access_log, case_documents, instances

#: The access log action of a document erased with its case (detail: its SHA-256).
ERASED_DOCUMENT = "hapus_berkas"


@dataclass(frozen=True)
class ErasedCase:
    """One case whose data was erased."""

    instance_id: int
    registration: str
    values: int
    #: Documents of the case whose rows were erased.
    documents: int = 0


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
            hashes = sorted(set(run.connection.execute(
                select(case_documents.c.sha256).where(case_documents.c.instance_id == row.id)).scalars()))
            run.connection.execute(delete(case_documents).where(case_documents.c.instance_id == row.id))
            log_access(run.connection, now, SYSTEM_ACTOR, "hapus", row.id, f"retensi {row.registration}".strip())
            for sha256 in hashes:
                log_access(run.connection, now, SYSTEM_ACTOR, ERASED_DOCUMENT, row.id, sha256)
        erased.append(ErasedCase(row.id, row.registration, count, len(hashes)))
    if not dry_run:
        remove_erased_files(context)
    return erased


def remove_erased_files(context: RuntimeContext) -> int:
    """Remove the files of erased documents that no case holds any more; how many were removed."""
    with context.db.read() as connection:
        logged = set(connection.execute(select(access_log.c.detail).where(access_log.c.action == ERASED_DOCUMENT))
                     .scalars())
        held = set(connection.execute(select(case_documents.c.sha256).where(case_documents.c.sha256.in_(logged)))
                   .scalars()) if logged else set()
    removed = 0
    for sha256 in sorted(logged - held):
        try:
            path = context.files.path_of(sha256)
        except NotFoundError:  # not a hash: nothing of ours to remove
            continue
        if path.exists():
            path.unlink()
            removed += 1
    return removed


__all__ = ["ERASED_DOCUMENT", "ErasedCase", "erase_expired", "remove_erased_files"]
