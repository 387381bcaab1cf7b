"""The retention rule of an SOP (``retensi_tahun``): how many years the case values of a finished case
are kept before ``alur kasus hapus-kedaluwarsa`` erases them (UU 27/2022: personal data is kept no
longer than its purpose needs). Empty means kept; the pure part is here, the erasing in
:mod:`engine.runtime.retention`.
"""

from __future__ import annotations

from engine.errors import Problem, problem
from engine.sop.model import Sop

#: The longest retention an SOP may declare, in years.
MAX_RETENTION_YEARS = 100


def retention_years(sop: Sop) -> int | None:
    """The SOP's retention in whole years, or ``None`` when it keeps its cases (or the rule is not valid)."""
    text = sop.identity.retensi_tahun.strip()
    if not text.isdigit() or not 1 <= int(text) <= MAX_RETENTION_YEARS:
        return None
    return int(text)


def check_retention(sop: Sop) -> list[Problem]:
    """The problem of the SOP's retention rule, if any (empty is no rule)."""
    text = sop.identity.retensi_tahun.strip()
    if not text or retention_years(sop) is not None:
        return []
    return [problem("retention_not_years", "retensi_tahun", value=text[:40], limit=MAX_RETENTION_YEARS)]


__all__ = ["MAX_RETENTION_YEARS", "check_retention", "retention_years"]
