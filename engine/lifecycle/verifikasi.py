"""Stage 5 (Verifikasi) of Permendagri 52/2011 Lampiran I: the catatan hasil verifikasi of an SOP draft.

The Tim checks a draft of the register against the SOPs in force (no duplication, no overlap) and notes
the result. A step that declares ``catat: {jenis: verifikasi}`` (:mod:`engine.sop.step_records`) writes
one record per pass: which SOP, its lifecycle status then, the result (:data:`RESULTS`), the notes, who
verified and when. The register's SOP page lists them beside the verifikator's acceptance, which stays
the lifecycle's own gate (:func:`engine.lifecycle.review.accept`): a record notes, it does not move the
SOP. Who reads them is who reads the register page.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from typing import Any

from sqlalchemy import Connection, insert, select

from engine.errors import DataError
from engine.lifecycle.records import checked_text
from engine.runtime.facade import Runtime
from engine.store.models import definitions, sop_lifecycle, sop_verifications

#: The results of a verification: free of duplication and overlap, or not (back to penulisan).
PASSED = "lolos"
FAILED = "tidak_lolos"
RESULTS = (PASSED, FAILED)
_WORDS = {"lolos": PASSED, "ya": PASSED, "y": PASSED, "tidak_lolos": FAILED, "tidak lolos": FAILED,
          "tidak": FAILED, "t": FAILED}


@dataclass(frozen=True)
class Verification:
    """One catatan hasil verifikasi."""

    id: int
    key: str
    #: The lifecycle status the draft had when it was verified ("" for an SOP published outside the register).
    sop_status: str
    result: str
    notes: str
    verified_by: str
    verified_at: dt.datetime

    @property
    def passed(self) -> bool:
        return self.result == PASSED


def result_of(value: Any, field: str = "hasil") -> str:
    """:data:`PASSED` or :data:`FAILED` from a result word, a Ya/Tidak value or a decision's keputusan.

    :raises DataError: a value that is neither (naming ``field``).
    """
    if isinstance(value, bool):
        return PASSED if value else FAILED
    word = str(value or "").strip().lower().replace("-", "_")
    if word in _WORDS:
        return _WORDS[word]
    raise DataError.from_code("rec_bad_result", field, value=str(value)[:40])


def insert_verification(connection: Connection, key: str, result: str, notes: str, by: str,
                        now: dt.datetime) -> Verification:
    """Store a verification of register SOP ``key`` in the caller's transaction (who may is the caller's).

    :raises DataError: ``key`` is not in the register, or the result is unknown.
    """
    key = (key or "").strip()
    status = connection.execute(select(sop_lifecycle.c.status).where(sop_lifecycle.c.key == key)).scalar()
    if status is None:  # published outside the register's lifecycle (an import): no draft status to note
        if connection.execute(select(definitions.c.id).where(definitions.c.key == key)).first() is None:
            raise DataError.from_code("rec_unknown_sop", "sop", key=key[:100] or "-")
        status = ""
    result = result_of(result)
    notes = checked_text(notes, "catatan")
    found = int(connection.execute(insert(sop_verifications).returning(sop_verifications.c.id), {
        "key": key, "sop_status": str(status), "result": result, "notes": notes, "verified_by": by,
        "verified_at": now}).scalar_one())
    return Verification(found, key, str(status), result, notes, by, now)


def verifications_of(runtime: Runtime, key: str) -> list[Verification]:
    """The verifications of SOP ``key``, newest first (the register page's readers see them)."""
    with runtime.db.read() as connection:
        rows = connection.execute(select(sop_verifications).where(sop_verifications.c.key == key)
                                  .order_by(sop_verifications.c.id.desc())).all()
    return [Verification(int(row.id), row.key, row.sop_status, row.result, row.notes, row.verified_by,
                         row.verified_at) for row in rows]
