"""The organisation as routing reads it, and linking today's free-string data to it.

:func:`place_unit` and :func:`mark_head` set what :mod:`engine.runtime.units` follows (a unit's
parent and kind; the jabatan that heads a unit). :func:`link_organisation` (``alur org tautkan``)
gives holdings, instances and work items the ids of the units and jabatan their texts name, and
reports what it could not match: texts stay as they are, so nothing is lost and the report says
what to add to the organisation (then run it again). :func:`jabatan_codes_named` finds the
organisation jabatan a pelaksana column's name means (for ``Sop.actor_jabatan``), and
:func:`column_jabatan_problems` warns of a column code no unit has (``alur check --organisasi``).
"""

from __future__ import annotations

from dataclasses import dataclass, field

from sqlalchemy import Connection, func, select, update

from engine.access.organisation import UNIT_KINDS, jabatan_id, link_holdings, normalised_name, unit_id
from engine.errors import DataError, Problem, problem
from engine.sop.model import Sop
from engine.store import hot
from engine.store.models import instances, org_jabatan, org_units, work_items


def place_unit(connection: Connection, code: str, *, kind: str = "unit", parent: str | None = None,
               name: str = "") -> int:
    """Create or update unit ``code`` with its kind and parent (by code); its id.

    :raises DataError: an unknown kind, an empty code, or a parent that is not a unit (naming the field).
    """
    if not code.strip():
        raise DataError.from_code("routing_org_unit_empty", "unit")
    if kind not in UNIT_KINDS:
        raise DataError.from_code("routing_org_bad_kind", "kind", kind=kind, kinds=", ".join(UNIT_KINDS))
    parent_id = None
    if parent is not None:
        parent_id = unit_id(connection, parent)
        if parent_id is None:
            raise DataError.from_code("routing_org_unknown_parent", "parent", parent=parent)
    found = unit_id(connection, code.strip(), create=True)
    assert found is not None
    values: dict[str, object] = {"kind": kind, "parent_id": parent_id}
    if name:
        values["name"] = name
    connection.execute(update(org_units).where(org_units.c.id == found).values(**values))
    return found


def mark_head(connection: Connection, unit: str, jabatan: str, head: bool = True) -> int:
    """Mark jabatan ``jabatan`` of unit ``unit`` as the unit's head (created when missing); its id."""
    found_unit = unit_id(connection, unit, create=True)
    assert found_unit is not None
    found = jabatan_id(connection, found_unit, jabatan, create=True)
    assert found is not None
    connection.execute(update(org_jabatan).where(org_jabatan.c.id == found).values(kepala=head))
    return found


@dataclass(frozen=True)
class Unmatched:
    """Rows whose texts name no organisation unit (``jabatan`` empty) or no jabatan of their unit."""

    table: str
    unit: str
    jabatan: str
    rows: int


@dataclass
class LinkReport:
    """What :func:`link_organisation` linked, per table, and what it could not."""

    holdings: int = 0
    instances: int = 0
    work_items: int = 0
    unmatched: list[Unmatched] = field(default_factory=list)


def link_organisation(connection: Connection) -> LinkReport:
    """Link holdings (creating their units and jabatan: a holding is the organisation's first record of
    them), then instances and work items to the units and jabatan that exist; report the rest."""
    report = LinkReport(holdings=link_holdings(connection))
    units = {row.code: int(row.id) for row in connection.execute(select(org_units.c.code, org_units.c.id))}
    jabatan = {(int(row.unit_id), row.code): int(row.id)
               for row in connection.execute(select(org_jabatan.c.unit_id, org_jabatan.c.code, org_jabatan.c.id))}
    for row in connection.execute(select(instances.c.unit, func.count()).where(instances.c.unit_id.is_(None))
                                  .group_by(instances.c.unit).order_by(instances.c.unit)).all():
        found = units.get(row[0])
        if found is None:
            report.unmatched.append(Unmatched("instances", row[0], "", int(row[1])))
            continue
        report.instances += hot.run(connection, hot.LINK_INSTANCE_UNIT, {"unit": row[0], "unit_id": found}).rowcount
    for row in connection.execute(select(work_items.c.unit, work_items.c.jabatan, func.count())
                                  .where(work_items.c.jabatan_id.is_(None))
                                  .group_by(work_items.c.unit, work_items.c.jabatan)
                                  .order_by(work_items.c.unit, work_items.c.jabatan)).all():
        found_unit = units.get(row[0])
        found_jabatan = jabatan.get((found_unit, row[1])) if found_unit is not None else None
        if found_jabatan is None:
            report.unmatched.append(Unmatched("work_items", row[0], "" if found_unit is None else row[1], int(row[2])))
            continue
        report.work_items += connection.execute(update(work_items).where(
            work_items.c.unit == row[0], work_items.c.jabatan == row[1], work_items.c.jabatan_id.is_(None))
            .values(unit_id=found_unit, jabatan_id=found_jabatan)).rowcount
    return report


def jabatan_codes_named(connection: Connection, name: str) -> list[str]:
    """The distinct organisation jabatan codes whose code or name is ``name`` (as people write it:
    case, spaces, punctuation and accents ignored), sorted: one is an unambiguous match."""
    wanted = normalised_name(name)
    if not wanted:
        return []
    return sorted({str(row.code) for row in connection.execute(select(org_jabatan.c.code, org_jabatan.c.name))
                   if wanted in (normalised_name(row.code), normalised_name(row.name or ""))})


def column_jabatan_problems(connection: Connection, sop: Sop) -> list[Problem]:
    """A warning for each pelaksana column whose organisation jabatan code (``Sop.actor_jabatan``)
    names no jabatan of any unit (holders of such a column are matched by its name until fixed)."""
    codes = {str(code) for code in connection.execute(select(org_jabatan.c.code).distinct()).scalars()}
    return [problem("gov_column_jabatan_not_in_org", element_name=actor, severity="warning", actor=actor,
                    jabatan_code=code.strip())
            for actor, code in sop.actor_jabatan.items()
            if actor in sop.actors and code.strip() and code.strip() not in codes]

