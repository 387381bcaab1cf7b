"""Which unit a new work item belongs to: a resolver the instance session asks once per item.

The default, :class:`OrganisationUnits`, applies the routing rule of the step's pelaksana column
(:mod:`engine.sop.routing`) over the organisation (``org_units`` and ``org_jabatan``): the instance's
unit, its parent OPD, a named unit, the starter's atasan, a unit chosen at an earlier step, or the unit
of the Tim penyusun serving the case (``sop_teams``, whose members hold the Tim's jabatan there). A rule
that cannot be resolved (no OPD above the unit, an unknown unit, an empty choice) refuses the step that
would open the item, naming the column, so nothing changes until the organisation or the case is fixed.
:func:`column_jabatan` then finds, in that unit, the organisation jabatan the column names by code
(``Sop.actor_jabatan``), so holders are matched by its id, whatever the jabatan is called today.
:class:`InstanceUnit` keeps every item in its instance's unit (rules ignored).
"""

from __future__ import annotations

import json
from dataclasses import dataclass
from typing import Protocol

from sqlalchemy import Connection, select

from engine.errors import TaskError
from engine.sop import routing
from engine.store import hot
from engine.store.models import case_values, holdings, org_jabatan, org_units, sop_teams, step_records, users


@dataclass(frozen=True)
class UnitRequest:
    """What a resolver is told about the work item being opened."""

    instance_id: int
    #: The unit the instance runs in.
    instance_unit: str
    sop_key: str
    version: int
    step_id: str
    #: The lane (jabatan) of the step.
    jabatan: str
    #: The routing rule of the lane's column (empty: the instance's unit).
    rule: str = ""
    #: Who started the instance (for ``atasan_pemohon``).
    started_by: str = ""
    #: The session's connection, to read the organisation and the case values.
    connection: Connection | None = None
    #: The organisation jabatan code the column names (``Sop.actor_jabatan``; empty: matched by name).
    jabatan_code: str = ""


class UnitResolver(Protocol):
    """Decides the unit of each new work item."""

    def unit_for(self, request: UnitRequest) -> str:
        """The unit whose holders of ``request.jabatan`` see the item."""


class InstanceUnit:
    """Every item belongs to its instance's unit, whatever the SOP's rules say."""

    def unit_for(self, request: UnitRequest) -> str:
        return request.instance_unit


def _unit_row(connection: Connection, code: str) -> tuple[int, int | None, str] | None:
    found = connection.execute(select(org_units.c.id, org_units.c.parent_id, org_units.c.kind)
                               .where(org_units.c.code == code)).first()
    return None if found is None else (int(found.id), found.parent_id, str(found.kind))


def _code(connection: Connection, unit_id: int) -> str:
    return str(connection.execute(select(org_units.c.code).where(org_units.c.id == unit_id)).scalar_one())


def parent_opd(connection: Connection, code: str) -> str | None:
    """The code of the OPD ``code`` is in (itself when it is one), or ``None``."""
    row = _unit_row(connection, code)
    seen: set[int] = set()
    while row is not None and row[0] not in seen:
        seen.add(row[0])
        if row[2] == "opd":
            return _code(connection, row[0])
        if row[1] is None:
            return None
        parent = connection.execute(select(org_units.c.code).where(org_units.c.id == row[1])).scalar_one()
        row = _unit_row(connection, str(parent))
    return None


def column_jabatan(connection: Connection, unit: str, code: str) -> int | None:
    """The id of the organisation jabatan ``code`` (a column's ``Sop.actor_jabatan``) in unit ``unit``.

    :return: ``None`` when the column names no code, or the unit has no such jabatan: the item is then
        matched to holders by the column's name and the unit's text, as before ids existed.
    """
    if not code.strip():
        return None
    found = hot.fetch_one(connection, hot.COLUMN_JABATAN, {"unit": unit, "code": code.strip()})  # every new item
    return None if found is None else int(found[0])


def _known(connection: Connection, code: str) -> bool:
    """True when ``code`` is an organisation unit, or a unit someone holds a jabatan in (not linked yet)."""
    return bool(code) and (_unit_row(connection, code) is not None or connection.execute(
        select(holdings.c.id).where(holdings.c.unit == code).limit(1)).first() is not None)


def _has_parent(connection: Connection, code: str) -> bool:
    row = _unit_row(connection, code)
    return row is not None and row[1] is not None


def superior_unit(connection: Connection, username: str, unit: str) -> str | None:
    """The unit of ``username``'s atasan, seen from its holding in ``unit``: ``unit`` itself (its head is
    the atasan) unless ``username`` holds the head jabatan of ``unit``, then the parent unit (``None``
    when there is none)."""
    row = _unit_row(connection, unit)
    if row is None:  # not linked yet: no head is marked there, so the unit's head is the atasan
        return unit if _known(connection, unit) else None
    heads = connection.execute(
        select(holdings.c.id).join(users, users.c.id == holdings.c.user_id)
        .join(org_jabatan, org_jabatan.c.id == holdings.c.jabatan_id)
        .where(users.c.username == username, holdings.c.unit_id == row[0], org_jabatan.c.kepala.is_(True))).first()
    if heads is None:
        return unit
    return None if row[1] is None else _code(connection, int(row[1]))


def serving_tim_unit(connection: Connection, instance_id: int, unit: str) -> str | None:
    """The unit code of the Tim penyusun serving instance ``instance_id`` (run in ``unit``): the Tim its own
    SK step set up (the newest ``tim`` step record, as its pembekalan record finds it), else the Tim of
    ``unit`` or of the nearest unit above it (a Tim serves the units below its own); ``None`` when none."""
    made = connection.execute(select(step_records.c.ref).where(
        step_records.c.instance_id == instance_id, step_records.c.kind == "tim")
        .order_by(step_records.c.id.desc()).limit(1)).scalar()
    if made is not None and str(made).isdigit():
        own = connection.execute(select(org_units.c.code).join(sop_teams, sop_teams.c.unit_id == org_units.c.id)
                                 .where(sop_teams.c.id == int(made))).scalar()
        if own is not None:
            return str(own)
    row = _unit_row(connection, unit)
    teams = {int(found.unit_id) for found in connection.execute(select(sop_teams.c.unit_id))}
    seen: set[int] = set()
    while row is not None and row[0] not in seen:  # a cycle in bad data stops
        if row[0] in teams:
            return _code(connection, row[0])
        seen.add(row[0])
        row = None if row[1] is None else _unit_row(connection, _code(connection, int(row[1])))
    return None


class OrganisationUnits:
    """Applies each column's routing rule over the organisation (see the module's docstring)."""

    def unit_for(self, request: UnitRequest) -> str:
        rule = routing.parse_rule(request.rule) or routing.DEFAULT_RULE
        connection = request.connection
        if rule.kind == routing.INSTANCE_UNIT or connection is None:
            return request.instance_unit
        found: str | None
        if rule.kind == routing.PARENT_OPD:  # a unit outside any OPD (no tree entered yet) is its own
            found = parent_opd(connection, request.instance_unit)
            if found is None and not _has_parent(connection, request.instance_unit):
                found = request.instance_unit
        elif rule.kind == routing.NAMED_UNIT:
            found = rule.argument if _known(connection, rule.argument) else None
        elif rule.kind == routing.STARTER_SUPERIOR:
            found = superior_unit(connection, request.started_by, request.instance_unit)
        elif rule.kind == routing.SERVING_TIM:
            found = serving_tim_unit(connection, request.instance_id, request.instance_unit)
            if found is None:
                raise TaskError.from_code("runtime_routing_no_tim", request.step_id, jabatan=request.jabatan,
                                          unit=request.instance_unit)
        else:
            stored = connection.execute(select(case_values.c.value).where(
                case_values.c.instance_id == request.instance_id, case_values.c.name == rule.argument)).scalar()
            chosen = json.loads(stored) if stored is not None else None
            found = chosen.strip() if isinstance(chosen, str) and _known(connection, chosen.strip()) else None
        if found is None:
            raise TaskError.from_code("runtime_routing_unresolved", request.step_id, jabatan=request.jabatan,
                                      rule=rule.text, unit=request.instance_unit)
        return found
