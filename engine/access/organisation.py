"""The organisation the access policy is written over: units and the jabatan of each unit, by id.

::

    org_units (Pemda > OPD > unit; kind pemda/opd/unit) ──< org_jabatan
    holdings (user, jabatan, unit) ──> org_units.id, org_jabatan.id

Today's data names units and jabatan by their text (SOP lanes, ``alur user add --unit U --jabatan J``,
instances and work items); a unit or jabatan gets its row the first time it is held, and the policy
compares the ids. Governance (the tree, renames, Plh/Plt) comes with its own issue.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Iterable

from sqlalchemy import Connection, insert, select, update

from engine.store.models import holdings, org_jabatan, org_units, users

#: The kinds of unit: the Pemda, an OPD (perangkat daerah), a unit inside an OPD.
UNIT_KINDS = ("pemda", "opd", "unit")


@dataclass(frozen=True)
class Holding:
    """A jabatan held in a unit, by id (and by the text today's data names them with)."""

    unit_id: int
    jabatan_id: int
    unit: str
    jabatan: str


def unit_id(connection: Connection, code: str, *, create: bool = False) -> int | None:
    """The id of the unit named ``code``; created (kind ``unit``) when ``create`` and missing."""
    found = connection.execute(select(org_units.c.id).where(org_units.c.code == code)).first()
    if found is not None:
        return int(found.id)
    if not create:
        return None
    return int(connection.execute(insert(org_units).returning(org_units.c.id),
                                  {"code": code, "name": code, "parent_id": None, "kind": "unit"}).scalar_one())


def jabatan_id(connection: Connection, unit: int, code: str, *, create: bool = False) -> int | None:
    """The id of jabatan ``code`` in unit ``unit``; created when ``create`` and missing."""
    found = connection.execute(select(org_jabatan.c.id).where(org_jabatan.c.unit_id == unit,
                                                              org_jabatan.c.code == code)).first()
    if found is not None:
        return int(found.id)
    if not create:
        return None
    return int(connection.execute(insert(org_jabatan).returning(org_jabatan.c.id),
                                  {"unit_id": unit, "code": code, "name": code}).scalar_one())


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
    return connection.execute(
        select(holdings.c.id).join(users, users.c.id == holdings.c.user_id)
        .where(users.c.username == username, (holdings.c.unit_id.is_(None)) | (holdings.c.jabatan_id.is_(None)))
    ).first() is not None


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


def holdings_of(connection: Connection, username: str) -> tuple[Holding, ...]:
    """The linked holdings of ``username``, by unit then jabatan text."""
    rows = connection.execute(
        select(holdings.c.unit_id, holdings.c.jabatan_id, holdings.c.unit, holdings.c.jabatan)
        .join(users, users.c.id == holdings.c.user_id)
        .where(users.c.username == username, holdings.c.unit_id.is_not(None), holdings.c.jabatan_id.is_not(None))
        .order_by(holdings.c.unit, holdings.c.jabatan)).all()
    return tuple(Holding(int(row.unit_id), int(row.jabatan_id), row.unit, row.jabatan) for row in rows)
