"""Search, filter, sort and page parameters of the lists (worklist, instances, history), read alike
by the pages and the API: ``cari``, ``sop``, ``terlambat=ya``, ``urut``, ``hal`` (page, from 1) and
``per`` (rows per page). Every list says how many rows there are in all; none stops silently."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

from flask import request

from engine import WORKLIST_SORTS

from .params import ParameterError, request_int

#: Rows per page unless ``per`` says otherwise, and the most a page may hold.
PER_PAGE = 25
MAX_PER_PAGE = 200


@dataclass(frozen=True)
class ListQuery:
    """What a list was asked for."""

    search: str = ""
    key: str = ""
    overdue_only: bool = False
    sort: str = "tenggat"
    page: int = 1
    per: int = PER_PAGE

    @property
    def offset(self) -> int:
        return (self.page - 1) * self.per

    def args(self, **changes: object) -> dict[str, object]:
        """The query parameters of this list (for links to other pages and sorts), with ``changes``."""
        found: dict[str, object] = {"cari": self.search, "sop": self.key, "terlambat": "ya" if self.overdue_only else "",
                                    "urut": self.sort, "hal": self.page, "per": self.per}
        found.update(changes)
        return {name: value for name, value in found.items() if value not in ("", None)}


def list_query(sorts: tuple[str, ...] = WORKLIST_SORTS) -> ListQuery:
    """The list parameters of this request.

    :raises ParameterError: an unknown sort, a page below 1 or a page size outside 1 to :data:`MAX_PER_PAGE`.
    """
    sort = request.args.get("urut", "").strip() or sorts[0]
    if sort not in sorts:
        raise ParameterError("web.bad_choice", "urut", value=sort[:40], choices=", ".join(sorts))
    page = request_int("hal", 1) or 1
    per = request_int("per", PER_PAGE) or PER_PAGE
    if page < 1 or page > 10**9:
        raise ParameterError("web.bad_number", "hal", value=str(page))
    if not 1 <= per <= MAX_PER_PAGE:
        raise ParameterError("web.bad_page_size", "per", value=str(per), limit=MAX_PER_PAGE)
    return ListQuery(search=request.args.get("cari", "").strip()[:200], key=request.args.get("sop", "").strip()[:200],
                     overdue_only=request.args.get("terlambat", "") == "ya", sort=sort, page=page, per=per)


def pages(total: int, per: int) -> int:
    """How many pages ``total`` rows fill (at least one)."""
    return max(1, -(-total // per))


#: The most rows a list reads before paging it here (the engine's listings take a limit; this one is
#: far above any Pemda's caseload, and the page says how many there are).
ALL_ROWS = 1_000_000


def search_rows(rows: list[Any], text: str, *fields: Callable[[Any], str]) -> list[Any]:
    """The rows whose registration number or applicant (as the account is shown them) contain ``text``."""
    wanted = text.strip().casefold()
    if not wanted:
        return rows
    return [row for row in rows if any(wanted in (field(row) or "").casefold() for field in fields)]


def page_of(rows: list[Any], query: ListQuery) -> list[Any]:
    """The rows of the asked page."""
    return rows[query.offset:query.offset + query.per]
