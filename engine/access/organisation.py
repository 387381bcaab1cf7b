"""The organisation the access policy is written over: units and the jabatan of each unit, by id.

::

    org_units (Pemda > OPD > unit; kind pemda/opd/unit) ──< org_jabatan
    holdings (user, jabatan, unit) ──> org_units.id, org_jabatan.id

Today's data names units and jabatan by their text (SOP lanes, ``alur user add --unit U --jabatan J``,
instances and work items); a unit or jabatan gets its row the first time it is held, and the policy
compares the ids. The tree, the head jabatan of each unit and dated holdings are loaded by
:mod:`engine.access.orgimport` and changed by :mod:`engine.access.administration`; an acting official
(Plh/Plt, ``acting_assignments``) counts as a holder while the assignment runs.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any, Iterable

import datetime as dt
import re
import unicodedata

from sqlalchemy import Connection, Table, and_, bindparam, insert, or_, select, update
from sqlalchemy.exc import IntegrityError

from engine.store.models import acting_assignments, holdings, org_jabatan, org_units, users

#: The kinds of unit: the Pemda, an OPD (perangkat daerah), a unit inside an OPD.
UNIT_KINDS = ("pemda", "opd", "unit")


@dataclass(frozen=True)
class Holding:
    """A jabatan held in a unit, by id (and by the text today's data names them with)."""

    unit_id: int
    jabatan_id: int
    unit: str
    jabatan: str
    #: ``""`` for the jabatan itself; ``plh`` or ``plt`` while acting for it (an acting assignment).
    acting: str = ""


def _create(connection: Connection, table: Table, values: dict[str, object], *where: object) -> int:
    """Insert a row and return its id; when another process inserted the same one first, its id."""
    try:
        with connection.begin_nested():
            return int(connection.execute(insert(table).returning(table.c.id), values).scalar_one())
    except IntegrityError:
        return int(connection.execute(select(table.c.id).where(*where)).scalar_one())  # type: ignore[arg-type]


def unit_id(connection: Connection, code: str, *, create: bool = False) -> int | None:
    """The id of the unit named ``code``; created (kind ``unit``) when ``create`` and missing."""
    found = connection.execute(_UNIT_ID, {"code": code}).first()
    if found is not None:
        return int(found.id)
    if not create:
        return None
    return _create(connection, org_units, {"code": code, "name": code, "parent_id": None, "kind": "unit"},
                   org_units.c.code == code)


def jabatan_id(connection: Connection, unit: int, code: str, *, create: bool = False) -> int | None:
    """The id of jabatan ``code`` in unit ``unit``; created when ``create`` and missing."""
    found = connection.execute(_JABATAN_ID, {"unit": unit, "code": code}).first()
    if found is not None:
        return int(found.id)
    if not create:
        return None
    return _create(connection, org_jabatan, {"unit_id": unit, "code": code, "name": code},
                   org_jabatan.c.unit_id == unit, org_jabatan.c.code == code)


# Built once: the policy looks work items' places up on every list and task page.
_UNIT_ID = select(org_units.c.id).where(org_units.c.code == bindparam("code"))
_JABATAN_ID = select(org_jabatan.c.id).where(org_jabatan.c.unit_id == bindparam("unit"),
                                              org_jabatan.c.code == bindparam("code"))


def unit_ids(connection: Connection, codes: Iterable[str]) -> dict[str, int]:
    """``code -> id`` of the known units among ``codes`` (unknown ones are left out: nobody holds them)."""
    wanted = sorted(set(codes))
    if not wanted:
        return {}
    return {row.code: int(row.id) for row in connection.execute(
        select(org_units.c.code, org_units.c.id).where(org_units.c.code.in_(wanted)))}


def place_of(connection: Connection, unit: str, jabatan: str) -> tuple[int | None, int | None]:
    """``(unit id, jabatan id)`` of a work item's unit and jabatan text (``None`` where unknown)."""
    found_unit = unit_id(connection, unit)
    if found_unit is None:
        return None, None
    return found_unit, jabatan_id(connection, found_unit, jabatan)


def unlinked(connection: Connection, username: str) -> bool:
    """True when a holding of ``username`` has no unit or jabatan id yet."""
    return connection.execute(_UNLINKED, {"username": username}).first() is not None


# Built once (every request reads its account's holdings): building a select costs more than running it.
_UNLINKED = (select(holdings.c.id).join(users, users.c.id == holdings.c.user_id)
             .where(users.c.username == bindparam("username"),
                    (holdings.c.unit_id.is_(None)) | (holdings.c.jabatan_id.is_(None))))


def link_holdings(connection: Connection, username: str | None = None) -> int:
    """Give every holding (of ``username``, or of everyone) its unit and jabatan ids, creating them.

    :return: the number of holdings linked.
    """
    query = (select(holdings.c.id, holdings.c.jabatan, holdings.c.unit)
             .where((holdings.c.unit_id.is_(None)) | (holdings.c.jabatan_id.is_(None))).order_by(holdings.c.id))
    if username is not None:
        query = query.join(users, users.c.id == holdings.c.user_id).where(users.c.username == username)
    rows = connection.execute(query).all()
    for row in rows:
        unit = unit_id(connection, row.unit, create=True)
        assert unit is not None
        connection.execute(update(holdings).where(holdings.c.id == row.id).values(
            unit_id=unit, jabatan_id=jabatan_id(connection, unit, row.jabatan, create=True)))
    return len(rows)


def active(table: Table, now: dt.datetime) -> object:
    """The condition "the row of ``table`` (a holding or an acting assignment) counts at ``now``"."""
    return and_(or_(table.c.starts_at.is_(None), table.c.starts_at <= now),
                or_(table.c.ends_at.is_(None), table.c.ends_at > now))


def counts_now(row: Any, now: dt.datetime) -> bool:
    """:func:`active` for a fetched row (its ``starts_at`` and ``ends_at``): it counts at ``now``."""
    return (row.starts_at is None or row.starts_at <= now) and (row.ends_at is None or row.ends_at > now)


def holdings_of(connection: Connection, username: str, now: dt.datetime | None = None) -> tuple[Holding, ...]:
    """The linked holdings of ``username``, by unit then jabatan text.

    With ``now``: only the holdings that count at ``now`` (inside their dates), then the acting
    assignments running at ``now`` (their :attr:`Holding.acting` says ``plh`` or ``plt``).
    """
    if now is None:
        found = [Holding(int(row.unit_id), int(row.jabatan_id), row.unit, row.jabatan)
                 for row in connection.execute(_HOLDINGS, {"username": username})]
        return tuple(found)
    bound = {"username": username, "now": now}
    found = [Holding(int(row.unit_id), int(row.jabatan_id), row.unit, row.jabatan)
             for row in connection.execute(_HOLDINGS_AT, bound)]
    found += [Holding(int(row.unit_id), int(row.jabatan_id), row.unit, row.jabatan, row.kind)
              for row in connection.execute(_ACTING_AT, bound)]
    return tuple(found)


_HOLDINGS = (select(holdings.c.unit_id, holdings.c.jabatan_id, holdings.c.unit, holdings.c.jabatan)
             .join(users, users.c.id == holdings.c.user_id)
             .where(users.c.username == bindparam("username"), holdings.c.unit_id.is_not(None),
                    holdings.c.jabatan_id.is_not(None))
             .order_by(holdings.c.unit, holdings.c.jabatan))
_HOLDINGS_AT = _HOLDINGS.where(active(holdings, bindparam("now", type_=holdings.c.starts_at.type)))  # type: ignore[arg-type]
_ACTING_AT = (select(acting_assignments.c.unit_id, acting_assignments.c.jabatan_id, acting_assignments.c.kind,
                     org_units.c.code.label("unit"), org_jabatan.c.code.label("jabatan"))
              .join(users, users.c.id == acting_assignments.c.user_id)
              .join(org_units, org_units.c.id == acting_assignments.c.unit_id)
              .join(org_jabatan, org_jabatan.c.id == acting_assignments.c.jabatan_id)
              .where(users.c.username == bindparam("username"),
                     active(acting_assignments, bindparam("now", type_=acting_assignments.c.starts_at.type)))  # type: ignore[arg-type]
              .order_by(org_units.c.code, org_jabatan.c.code, acting_assignments.c.id))


def normalised_name(name: str) -> str:
    """``name`` compared as people write it: case, spaces, punctuation and accents ignored."""
    text = unicodedata.normalize("NFKD", name).encode("ascii", "ignore").decode().lower()
    return " ".join(re.findall(r"[a-z0-9]+", text))


@dataclass(frozen=True)
class PlacedJabatan:
    """A jabatan named by text, found in the organisation from a unit up its parent chain."""

    #: The unit the search started from (an SOP's unit), by id.
    start_unit_id: int
    #: The unit whose jabatan it is (the start unit or one above it); ``None`` when none has it.
    unit_id: int | None
    #: The unit's code (where the jabatan was found; the start unit's when it was not found).
    unit: str
    #: The ids of that unit's jabatan of that name (more than one where holdings wrote it with other
    #: spacing or case and each got its row); empty when no unit on the chain has one.
    jabatan_ids: frozenset[int]


def jabatan_up_from(connection: Connection, unit: str, jabatan: str) -> PlacedJabatan | None:
    """The jabatan named ``jabatan`` (by code or name, :func:`normalised_name`) of the unit ``unit``
    names, or else of the nearest unit above it (``org_units`` parent chain: a Subbagian, its Dinas,
    the Pemda): "Kepala Dinas" of the OPD above a Subbagian.

    :return: ``None`` when ``unit`` is not a unit of the organisation at all.
    """
    start = unit_id(connection, unit.strip())
    if start is None:
        return None
    wanted = normalised_name(jabatan)
    units = {int(row.id): row for row in connection.execute(
        select(org_units.c.id, org_units.c.code, org_units.c.parent_id))}
    current: int | None = start
    seen: set[int] = set()
    while current is not None and current not in seen and current in units:  # a cycle in bad data stops
        seen.add(current)
        found = frozenset(int(row.id) for row in connection.execute(
            select(org_jabatan.c.id, org_jabatan.c.code, org_jabatan.c.name).where(org_jabatan.c.unit_id == current))
            if wanted and wanted in (normalised_name(row.code), normalised_name(row.name or "")))
        if found:
            return PlacedJabatan(start, current, units[current].code, found)
        parent = units[current].parent_id
        current = None if parent is None else int(parent)
    return PlacedJabatan(start, None, units[start].code, frozenset())


def units_of_person(connection: Connection, username: str) -> set[int]:
    """Ids of the units where ``username`` holds (or held, or acts or acted for) a jabatan, at any date."""
    places = {row.unit_id for row in connection.execute(
        select(holdings.c.unit_id).join(users, users.c.id == holdings.c.user_id).where(users.c.username == username))}
    places |= {row.unit_id for row in connection.execute(
        select(acting_assignments.c.unit_id).join(users, users.c.id == acting_assignments.c.user_id)
        .where(users.c.username == username))}
    places.discard(None)
    return places



def holders_of(connection: Connection, unit: str, jabatan: Iterable[str] | None,
               now: dt.datetime) -> list[tuple[str, str, str]]:
    """``(username, unit, jabatan)`` of who holds, at ``now``, one of ``jabatan`` (``None``: any jabatan)
    in the unit ``unit`` names: the holdings inside their dates and the acting officials (Plh/Plt)
    whose assignment runs; sorted. The sosialisasi hands an SOP to them."""
    query = (select(users.c.username, holdings.c.unit, holdings.c.jabatan)
             .join(users, users.c.id == holdings.c.user_id)
             .where(holdings.c.unit == unit, active(holdings, now)))  # type: ignore[arg-type]
    acting = (select(users.c.username, org_units.c.code.label("unit"), org_jabatan.c.code.label("jabatan"))
              .join(users, users.c.id == acting_assignments.c.user_id)
              .join(org_units, org_units.c.id == acting_assignments.c.unit_id)
              .join(org_jabatan, org_jabatan.c.id == acting_assignments.c.jabatan_id)
              .where(org_units.c.code == unit, active(acting_assignments, now)))  # type: ignore[arg-type]
    if jabatan is not None:
        wanted = sorted(set(jabatan))
        query = query.where(holdings.c.jabatan.in_(wanted))
        acting = acting.where(org_jabatan.c.code.in_(wanted))
    found = {(str(row.username), str(row.unit), str(row.jabatan))
             for statement in (query, acting) for row in connection.execute(statement)}
    return sorted(found)
