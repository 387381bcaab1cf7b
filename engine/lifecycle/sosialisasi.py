"""Sosialisasi (Permendagri 52/2011 Lampiran I, stages 6-7): the plan, the distribution, tanda terima.

An approved SOP version gets a **plan** (schedule, the officials who give it, its targets, what is
told and how its use will be monitored). It is **distributed** to the pelaksana: the people who hold,
today, a jabatan its steps name in a unit (by default the SOP's own unit), or every person placed in
the unit (``whole_unit``). Each recipient **acknowledges** it once (the tanda terima, with its time);
the register shows the **coverage** (acknowledged of distributed) of the newest distributed version.
Each SOP also names its **penanggung jawab** and **pemantau** (stage 7c); the access policy reads
those assignments (:mod:`engine.access.policy`).

Who may do which of these is the policy's question; this module keeps the records.
"""

from __future__ import annotations

import datetime as dt
import json
from dataclasses import dataclass

from sqlalchemy import ColumnElement, Connection, and_, func, insert, select, update

from engine.access.organisation import holders_of
from engine.bpmn.reader import read_bpmn
from engine.errors import AccessDeniedError, DataError, NotFoundError
from engine.runtime.facade import Runtime
from engine.runtime.versions import definition_id
from engine.store.models import definitions, sop_assignments, sop_distributions, sosialisasi_plans, users, versions

#: The per-SOP roles of stage 7c.
ASSIGNMENT_ROLES = ("penanggung_jawab", "pemantau")
#: Longest text kept in a plan field.
TEXT_LIMIT = 4000


@dataclass(frozen=True)
class SosialisasiPlan:
    """The sosialisasi plan of one approved SOP version."""

    key: str
    version: int
    jadwal_mulai: dt.date
    jadwal_selesai: dt.date | None
    tempat: str
    pejabat: str
    sasaran: str
    materi: str
    pemantauan: str
    saved_by: str
    saved_at: dt.datetime


@dataclass(frozen=True)
class Distribution:
    """One copy of an SOP version given to one person, and their tanda terima."""

    key: str
    version: int
    username: str
    nama: str
    unit: str
    #: "" when given as staff of the unit rather than as a holder of one of its jabatan.
    jabatan: str
    distributed_by: str
    distributed_at: dt.datetime
    acknowledged_at: dt.datetime | None


@dataclass(frozen=True)
class ToAcknowledge:
    """An SOP handed to a person (the "SOP untuk diketahui" list)."""

    key: str
    nama: str
    version: int
    distributed_at: dt.datetime
    acknowledged_at: dt.datetime | None


@dataclass(frozen=True)
class Coverage:
    """How many of the people an SOP version was given to acknowledged it."""

    version: int
    acknowledged: int
    distributed: int


@dataclass(frozen=True)
class Assignment:
    """A person named penanggung jawab or pemantau of an SOP."""

    key: str
    username: str
    nama: str
    role: str
    assigned_by: str
    assigned_at: dt.datetime


@dataclass(frozen=True)
class ApprovedVersion:
    """An approved version of an SOP: its number, the owner unit and the jabatan its steps name."""

    key: str
    number: int
    unit: str
    jabatan: tuple[str, ...]
    nama: str = ""


def approved_version(connection: Connection, key: str, number: int | None = None) -> ApprovedVersion:
    """The approved version ``number`` of ``key`` (the newest approved one by default).

    :raises NotFoundError: no such SOP, or no such approved version.
    """
    found = definition_id(connection, key)
    query = select(versions.c.number, versions.c.bpmn, versions.c.steps).where(
        versions.c.definition_id == found, versions.c.draft.is_(False))
    query = query.where(versions.c.number == number) if number is not None else query.order_by(versions.c.number.desc())
    row = connection.execute(query.limit(1)).first()
    if row is None:
        raise NotFoundError.from_code("sos_no_approved_version", sop=key)
    jabatan = tuple(dict.fromkeys(str(step["pelaksana"]) for step in json.loads(row.steps) if step.get("pelaksana")))
    identity = read_bpmn(bytes(row.bpmn)).sop.identity
    return ApprovedVersion(key, int(row.number), identity.unit, jabatan, identity.nama)


def _text(name: str, value: object, *, required: bool) -> str:
    if not isinstance(value, str):
        raise DataError.from_code("sos_field_text", name, field=name)
    text = value.strip()
    if required and not text:
        raise DataError.from_code("sos_field_required", name, field=name)
    if len(text) > TEXT_LIMIT:
        raise DataError.from_code("sos_field_too_long", name, field=name, limit=TEXT_LIMIT)
    return text


def save_plan(runtime: Runtime, key: str, by: str, *, jadwal_mulai: dt.date, jadwal_selesai: dt.date | None = None,
              pejabat: str, sasaran: str, pemantauan: str, tempat: str = "", materi: str = "",
              version: int | None = None) -> SosialisasiPlan:
    """Save (or replace) the sosialisasi plan of an approved version (the newest by default).

    :raises NotFoundError: no such SOP or approved version.
    :raises DataError: a required field is empty or too long, or the schedule ends before it starts
        (the error names the field; nothing is saved).
    """
    with runtime.db.write() as connection:
        return store_plan(connection, key, by, runtime.clock.now(), jadwal_mulai=jadwal_mulai,
                          jadwal_selesai=jadwal_selesai, pejabat=pejabat, sasaran=sasaran, pemantauan=pemantauan,
                          tempat=tempat, materi=materi, version=version)


def store_plan(connection: Connection, key: str, by: str, now: dt.datetime, *, jadwal_mulai: dt.date,
               jadwal_selesai: dt.date | None, pejabat: str, sasaran: str, pemantauan: str, tempat: str = "",
               materi: str = "", version: int | None = None) -> SosialisasiPlan:
    """:func:`save_plan` in the caller's transaction (a step's record, :mod:`engine.lifecycle.step_records`)."""
    if not isinstance(jadwal_mulai, dt.date):
        raise DataError.from_code("sos_field_required", "jadwal_mulai", field="jadwal_mulai")
    if jadwal_selesai is not None and jadwal_selesai < jadwal_mulai:
        raise DataError.from_code("sos_schedule_order", "jadwal_selesai")
    texts = {"pejabat": _text("pejabat", pejabat, required=True), "sasaran": _text("sasaran", sasaran, required=True),
             "pemantauan": _text("pemantauan", pemantauan, required=True),
             "tempat": _text("tempat", tempat, required=False), "materi": _text("materi", materi, required=False)}
    found = approved_version(connection, key, version)
    values: dict[str, object] = {**texts, "jadwal_mulai": jadwal_mulai, "jadwal_selesai": jadwal_selesai,
                                 "saved_by": by, "saved_at": now}
    done = connection.execute(update(sosialisasi_plans).where(
        sosialisasi_plans.c.key == key, sosialisasi_plans.c.version == found.number).values(**values))
    if not done.rowcount:
        connection.execute(insert(sosialisasi_plans), {"key": key, "version": found.number, **values})
    return SosialisasiPlan(key, found.number, jadwal_mulai, jadwal_selesai, texts["tempat"], texts["pejabat"],
                           texts["sasaran"], texts["materi"], texts["pemantauan"], by, now)


def plan_of(runtime: Runtime, key: str, version: int | None = None) -> SosialisasiPlan | None:
    """The plan of an approved version (the newest by default), or ``None`` when none was saved.

    :raises NotFoundError: no such SOP or approved version.
    """
    with runtime.db.read() as connection:
        found = approved_version(connection, key, version)
        row = connection.execute(select(sosialisasi_plans).where(
            sosialisasi_plans.c.key == key, sosialisasi_plans.c.version == found.number)).first()
    if row is None:
        return None
    return SosialisasiPlan(key, found.number, row.jadwal_mulai, row.jadwal_selesai, row.tempat, row.pejabat,
                           row.sasaran, row.materi, row.pemantauan, row.saved_by, row.saved_at)


def recipients(connection: Connection, found: ApprovedVersion, unit: str, whole_unit: bool,
               now: dt.datetime) -> list[tuple[str, str, str]]:
    """``(username, unit, jabatan)`` of who gets ``found`` in ``unit``: today's holders of its jabatan
    there, or (``whole_unit``) everyone placed in the unit ("" jabatan for those holding none of its own;
    several of its jabatan joined by commas)."""
    held = holders_of(connection, unit, None if whole_unit else found.jabatan, now)
    named: dict[str, list[str]] = {}
    units: dict[str, str] = {}
    for username, held_unit, jabatan in held:
        units.setdefault(username, held_unit)
        names = named.setdefault(username, [])
        if jabatan in found.jabatan and jabatan not in names:
            names.append(jabatan)
    # every jabatan of the SOP the person holds there, as the column keeps it
    return [(username, units[username], ", ".join(named[username])[:200]) for username in sorted(named)]


def distribute(runtime: Runtime, key: str, by: str, *, unit: str | None = None, whole_unit: bool = False,
               version: int | None = None) -> list[Distribution]:
    """Hand an approved version (the newest by default) to the pelaksana of ``unit`` (the SOP's own unit by
    default): the holders of its jabatan there, or everyone placed there (``whole_unit``). People who
    already have it are left as they are.

    :return: the new distributions (empty when everyone already had it).
    :raises NotFoundError: no such SOP or approved version.
    :raises DataError: nobody in the unit holds one of its jabatan (nothing is distributed).
    """
    with runtime.db.write() as connection:
        return store_distribution(connection, key, by, runtime.clock.now(), unit=unit, whole_unit=whole_unit,
                                  version=version)


def store_distribution(connection: Connection, key: str, by: str, now: dt.datetime, *, unit: str | None = None,
                       whole_unit: bool = False, version: int | None = None) -> list[Distribution]:
    """:func:`distribute` in the caller's transaction (a step's record, :mod:`engine.lifecycle.step_records`)."""
    found = approved_version(connection, key, version)
    target = (unit or "").strip() or found.unit
    people = recipients(connection, found, target, whole_unit, now)
    if not people:
        raise DataError.from_code("sos_no_recipients", "unit", unit=target, jabatan=", ".join(found.jabatan))
    have = set(connection.execute(select(sop_distributions.c.username).where(
        sop_distributions.c.key == key, sop_distributions.c.version == found.number)).scalars())
    fresh = [person for person in people if person[0] not in have]
    if fresh:
        connection.execute(insert(sop_distributions), [
            {"key": key, "version": found.number, "username": username, "unit": held_unit, "jabatan": jabatan,
             "distributed_by": by, "distributed_at": now, "acknowledged_at": None}
            for username, held_unit, jabatan in fresh])
    names = _names(connection, [person[0] for person in fresh])
    return [Distribution(key, found.number, username, names.get(username, ""), held_unit, jabatan, by, now, None)
            for username, held_unit, jabatan in fresh]


def _names(connection: Connection, usernames: list[str]) -> dict[str, str]:
    if not usernames:
        return {}
    return {row.username: row.nama for row in connection.execute(
        select(users.c.username, users.c.nama).where(users.c.username.in_(sorted(set(usernames)))))}


def distributions_of(runtime: Runtime, key: str, version: int | None = None,
                     units: frozenset[str] | None = None) -> list[Distribution]:
    """Who an approved version (the newest by default) was given to and who acknowledged it, by unit and name.

    :param units: only the distributions in these units (``None``: every unit).
    :raises NotFoundError: no such SOP or approved version.
    """
    with runtime.db.read() as connection:
        found = approved_version(connection, key, version)
        query = (select(sop_distributions, users.c.nama).outerjoin(users, users.c.username == sop_distributions.c.username)
                 .where(sop_distributions.c.key == key, sop_distributions.c.version == found.number)
                 .order_by(sop_distributions.c.unit, sop_distributions.c.username))
        if units is not None:
            query = query.where(sop_distributions.c.unit.in_(sorted(units)))
        rows = connection.execute(query).all()
    return [Distribution(key, row.version, row.username, row.nama or "", row.unit, row.jabatan, row.distributed_by,
                         row.distributed_at, row.acknowledged_at) for row in rows]


def acknowledge(runtime: Runtime, key: str, username: str, version: int | None = None) -> Distribution:
    """Record ``username``'s tanda terima of an SOP version given to them (the newest given by default).
    A second acknowledgement keeps the first time.

    :raises AccessDeniedError: the SOP (version) was not given to ``username``.
    """
    now = runtime.clock.now()
    with runtime.db.write() as connection:
        query = select(sop_distributions).where(sop_distributions.c.key == key,
                                                sop_distributions.c.username == username)
        if version is not None:
            query = query.where(sop_distributions.c.version == version)
        row = connection.execute(query.order_by(sop_distributions.c.version.desc()).limit(1)).first()
        if row is None:
            raise NotFoundError.from_code("sos_not_a_recipient", sop=key, user=username)
        acknowledged = row.acknowledged_at
        if acknowledged is None:
            acknowledged = now
            connection.execute(update(sop_distributions).where(sop_distributions.c.id == row.id,
                                                               sop_distributions.c.acknowledged_at.is_(None))
                               .values(acknowledged_at=now))
        nama = _names(connection, [username]).get(username, "")
    return Distribution(key, row.version, username, nama, row.unit, row.jabatan, row.distributed_by,
                        row.distributed_at, acknowledged)


def to_acknowledge(runtime: Runtime, username: str, *, include_done: bool = False) -> list[ToAcknowledge]:
    """The SOPs given to ``username``: waiting for their tanda terima first (and, with ``include_done``,
    those acknowledged), newest first."""
    with runtime.db.read() as connection:
        query = (select(sop_distributions.c.key, definitions.c.nama, sop_distributions.c.version,
                        sop_distributions.c.distributed_at, sop_distributions.c.acknowledged_at)
                 .outerjoin(definitions, definitions.c.key == sop_distributions.c.key)
                 .where(sop_distributions.c.username == username)
                 .order_by(sop_distributions.c.acknowledged_at.is_not(None), sop_distributions.c.distributed_at.desc(),
                           sop_distributions.c.id.desc()))
        if not include_done:
            query = query.where(sop_distributions.c.acknowledged_at.is_(None))
        rows = connection.execute(query.limit(200)).all()
    return [ToAcknowledge(row.key, row.nama or row.key, row.version, row.distributed_at, row.acknowledged_at)
            for row in rows]


def coverage(runtime: Runtime, keys: list[str] | None = None) -> dict[str, Coverage]:
    """``key -> coverage`` of the newest distributed version of each SOP (only SOPs given to someone)."""
    with runtime.db.read() as connection:
        newest = (select(sop_distributions.c.key, func.max(sop_distributions.c.version).label("version"))
                  .group_by(sop_distributions.c.key))
        if keys is not None:
            newest = newest.where(sop_distributions.c.key.in_(sorted(set(keys))))
        latest = newest.subquery()
        rows = connection.execute(
            select(sop_distributions.c.key, sop_distributions.c.version, func.count().label("distributed"),
                   func.count(sop_distributions.c.acknowledged_at).label("acknowledged"))
            .join(latest, and_(latest.c.key == sop_distributions.c.key, latest.c.version == sop_distributions.c.version))
            .group_by(sop_distributions.c.key, sop_distributions.c.version)).all()
    return {row.key: Coverage(int(row.version), int(row.acknowledged), int(row.distributed)) for row in rows}


# -- penanggung jawab and pemantau per SOP (stage 7c) -----------------------------------------------

def _role(role: str) -> str:
    if role not in ASSIGNMENT_ROLES:
        raise DataError.from_code("sos_bad_role", "peran", role=role, roles=", ".join(ASSIGNMENT_ROLES))
    return role


def assign(runtime: Runtime, key: str, username: str, role: str, by: str) -> Assignment:
    """Name ``username`` penanggung jawab or pemantau (``role``) of SOP ``key``; naming them again keeps
    the first assignment.

    :raises NotFoundError: no such SOP or person. :raises DataError: an unknown role.
    """
    _role(role)
    now = runtime.clock.now()
    with runtime.db.write() as connection:
        definition_id(connection, key)
        nama = _names(connection, [username])
        if username not in nama:
            raise DataError.from_code("sos_no_such_person", "orang", user=username)
        row = connection.execute(select(sop_assignments).where(*_active(key, username, role))).first()
        if row is not None:
            return Assignment(key, username, nama[username], role, row.assigned_by, row.assigned_at)
        connection.execute(insert(sop_assignments), {"key": key, "username": username, "role": role,
                                                     "assigned_by": by, "assigned_at": now})
    return Assignment(key, username, nama[username], role, by, now)


def _active(key: str, username: str, role: str) -> tuple[ColumnElement[bool], ...]:
    return (sop_assignments.c.key == key, sop_assignments.c.username == username, sop_assignments.c.role == role,
            sop_assignments.c.ended_at.is_(None))


def unassign(runtime: Runtime, key: str, username: str, role: str, by: str) -> bool:
    """Lift an assignment (the row stays, with who lifted it and when). :return: False when there was none."""
    _role(role)
    with runtime.db.write() as connection:
        done = connection.execute(update(sop_assignments).where(*_active(key, username, role))
                                  .values(ended_by=by, ended_at=runtime.clock.now()))
    return bool(done.rowcount)


def assignments_of(runtime: Runtime, key: str) -> list[Assignment]:
    """The standing assignments of SOP ``key``, by role then name."""
    with runtime.db.read() as connection:
        rows = connection.execute(
            select(sop_assignments, users.c.nama).outerjoin(users, users.c.username == sop_assignments.c.username)
            .where(sop_assignments.c.key == key, sop_assignments.c.ended_at.is_(None))
            .order_by(sop_assignments.c.role, sop_assignments.c.username)).all()
    return [Assignment(key, row.username, row.nama or "", row.role, row.assigned_by, row.assigned_at) for row in rows]


def assigned_keys(connection: Connection, username: str, role: str) -> frozenset[str]:
    """The SOPs ``username`` stands assigned to as ``role`` (what the access policy reads)."""
    return frozenset(str(key) for key in connection.execute(
        select(sop_assignments.c.key).where(sop_assignments.c.username == username, sop_assignments.c.role == role,
                                            sop_assignments.c.ended_at.is_(None))).scalars())
