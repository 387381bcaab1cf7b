"""Stage 1 (Persiapan) of Permendagri 52/2011 Lampiran I: the Tim penyusun SOP as data.

A Tim serves a Pemda or an OPD (one Tim per unit) and is set up by an SK (number and date). Its
members each have a role (:data:`TIM_ROLES`: ketua, koordinator of an SKPD, sekretaris, anggota)
and the SKPD they work for: the Tim's own unit or a unit below it. An active member holds the
penyusun role for its SKPD (:attr:`engine.access.accounts.Account.drafting_unit_ids`, narrowed by
:func:`engine.access.policy.drafting_units`). A member who leaves keeps its row, ended. Pembekalan
records (date, topic, attendees among the members) show the Tim was prepared, as the seed asks.

The SK is also what lets a member work the Tim's lanes of an SOP (the shipped Tahapan Penyusunan SOP):
an active member holds :data:`TIM_JABATAN` in the Tim's unit, a koordinator also
:data:`KOORDINATOR_JABATAN` in its SKPD. They are ordinary ``holdings`` rows, made in the transaction
that adds the member and ended in the one that ends it, so the worklist, the policy and the admin pages
read them as any other holding; ``holdings.tim_member_id`` names the membership that made one, so
ending it never ends a holding an admin made (a person who held the jabatan already gets no second one).
The Tahapan's Tim lane is routed ``tim_penyusun`` (:func:`engine.runtime.units.serving_tim_unit`): its
items land in the unit of the Tim serving the case, the one whose members hold :data:`TIM_JABATAN` there.

Who may: :func:`engine.access.policy.check_manage_stages` sets a Tim up;
:func:`engine.access.policy.check_manage_tim` keeps its members and pembekalan.
"""

from __future__ import annotations

import datetime as dt
import json
from dataclasses import dataclass

from sqlalchemy import Connection, case, insert, select, update
from sqlalchemy.exc import IntegrityError

from engine.access.accounts import Account
from engine.access.administration import release_claims
from engine.access.organisation import active as counts_at, counts_now, jabatan_id, unit_id
from engine.access.policy import check_manage_stages, check_manage_tim, check_read_stages, may_manage_tim
from engine.errors import DataError, NotFoundError
from engine.lifecycle.records import checked_text
from engine.messages import message
from engine.runtime.facade import Runtime
from engine.store import repo
from engine.store.models import holdings, org_units, sop_team_briefings, sop_team_members, sop_teams, users

#: The roles of a Tim member (the seed's "sekurang-kurangnya" list).
TIM_ROLES = ("ketua", "koordinator", "sekretaris", "anggota")
#: Roles a Tim has at most one active holder of.
SINGLE_ROLES = ("ketua", "sekretaris")
#: The kinds of unit a Tim serves.
TIM_UNIT_KINDS = ("pemda", "opd")
#: The jabatan a membership grants: the seed regulation's names, the lanes of the shipped Tahapan
#: Penyusunan SOP. Every active member holds the first in the Tim's unit; a koordinator also holds the
#: second in its own SKPD (the member's unit).
TIM_JABATAN = "Tim Penyusun SOP"
KOORDINATOR_JABATAN = "Koordinator Tim Penyusun SOP"
#: Members listed ketua first, then koordinator, sekretaris, anggota.
_ROLE_ORDER = case({role: index for index, role in enumerate(TIM_ROLES)}, value=sop_team_members.c.role, else_=9)


@dataclass(frozen=True)
class TimMember:
    """A member of a Tim: its role and the SKPD it drafts for."""

    id: int
    username: str
    nama: str
    role: str
    unit: str
    added_at: dt.datetime
    #: When the member left the Tim (``None``: still a member).
    ended_at: dt.datetime | None = None


@dataclass(frozen=True)
class Briefing:
    """A pembekalan of the Tim."""

    id: int
    held_on: dt.date
    topic: str
    attendees: tuple[str, ...]
    recorded_by: str


@dataclass(frozen=True)
class Tim:
    """A Tim penyusun SOP with its SK, members (active first) and pembekalan (oldest first)."""

    id: int
    unit: str
    name: str
    sk_number: str
    sk_date: dt.date
    members: tuple[TimMember, ...] = ()
    briefings: tuple[Briefing, ...] = ()

    @property
    def active_members(self) -> tuple[TimMember, ...]:
        """The members who have not left."""
        return tuple(member for member in self.members if member.ended_at is None)


def _required(value: str, field: str, limit: int = 300) -> str:
    text = checked_text(value, field)
    if not text:
        raise DataError.from_code("tahap_field_required", field, field=field)
    if len(text) > limit:
        raise DataError.from_code("tahap_field_too_long", field, field=field, limit=limit)
    return text


def _unit(connection: Connection, code: str, field: str = "unit") -> tuple[int, str]:
    text = _required(code, field, 200)
    found = unit_id(connection, text)
    if found is None:
        raise DataError.from_code("tahap_unknown_unit", field, unit=text)
    return found, str(connection.execute(select(org_units.c.kind).where(org_units.c.id == found)).scalar_one())


def _parents(connection: Connection) -> dict[int, int | None]:
    return {int(row.id): (None if row.parent_id is None else int(row.parent_id))
            for row in connection.execute(select(org_units.c.id, org_units.c.parent_id))}


def unit_parents(connection: Connection) -> dict[int, int | None]:
    """``unit id -> parent id`` of the whole ``org_units`` tree (read once for many :func:`within` questions)."""
    return _parents(connection)


def is_within(connection: Connection, unit: int, top: int) -> bool:
    """True when unit ``unit`` is ``top`` or below it in the ``org_units`` tree."""
    return within(_parents(connection), unit, top)


def within(parents: dict[int, int | None], unit: int, top: int) -> bool:
    """True when ``unit`` is ``top`` or below it in the tree ``parents`` (:func:`unit_parents`)."""
    current: int | None = unit
    seen: set[int] = set()
    while current is not None and current not in seen:  # a cycle in bad data stops
        if current == top:
            return True
        seen.add(current)
        current = parents.get(current)
    return False


def parse_stage_day(text: str, field: str) -> dt.date:
    """A ``YYYY-MM-DD`` day of a form, CLI option or API body.

    :raises DataError: empty or not a date (naming ``field``).
    """
    value = (text or "").strip()
    try:
        return dt.date.fromisoformat(value)
    except ValueError as exc:
        raise DataError.from_code("tahap_bad_date", field, field=field, value=value[:40]) from exc


def create_tim(runtime: Runtime, account: Account, unit: str, name: str, sk_number: str, sk_date: dt.date) -> Tim:
    """Set up the Tim of a Pemda or an OPD from its SK.

    :raises AccessDeniedError: ``account`` does not set Tims up.
    :raises DataError: a missing name or SK number, an unknown unit or one that is not a Pemda or
        an OPD, or the unit has a Tim already (each naming its field).
    """
    check_manage_stages(account)
    with runtime.db.write() as connection:
        team_id = insert_tim(connection, unit, name, sk_number, sk_date, account.username, runtime.clock.now())
    return tim(runtime, account, team_id)


def insert_tim(connection: Connection, unit: str, name: str, sk_number: str, sk_date: dt.date, by: str,
               now: dt.datetime) -> int:
    """Store a new Tim in the caller's transaction (who may is the caller's question); its id.

    :raises DataError: as :func:`create_tim`.
    """
    name = _required(name, "nama")
    sk_number = _required(sk_number, "sk_nomor", 200)
    if not isinstance(sk_date, dt.date):
        raise DataError.from_code("tahap_field_required", "sk_tanggal", field="sk_tanggal")
    found, kind = _unit(connection, unit)
    if kind not in TIM_UNIT_KINDS:
        raise DataError.from_code("tahap_tim_unit_kind", "unit", unit=unit.strip())
    try:
        with connection.begin_nested():
            return int(connection.execute(insert(sop_teams).returning(sop_teams.c.id), {
                "unit_id": found, "name": name, "sk_number": sk_number, "sk_date": sk_date,
                "created_by": by, "created_at": now}).scalar_one())
    except IntegrityError as exc:
        raise DataError.from_code("tahap_tim_exists", "unit", unit=unit.strip()) from exc


def _team_row(connection: Connection, team_id: int) -> object:
    row = connection.execute(select(sop_teams).where(sop_teams.c.id == team_id)).first()
    if row is None:
        raise NotFoundError.from_code("tahap_tim_not_found", team=team_id)
    return row


def _members(connection: Connection, team_id: int) -> tuple[TimMember, ...]:
    rows = connection.execute(
        select(sop_team_members, org_units.c.code.label("unit_code"), users.c.nama)
        .join(org_units, org_units.c.id == sop_team_members.c.unit_id)
        .outerjoin(users, users.c.username == sop_team_members.c.username)
        .where(sop_team_members.c.team_id == team_id)
        .order_by(sop_team_members.c.ended_at.is_not(None), _ROLE_ORDER, sop_team_members.c.id)).all()
    return tuple(TimMember(int(row.id), row.username, row.nama or row.username, row.role, row.unit_code,
                           row.added_at, row.ended_at) for row in rows)


def _briefings(connection: Connection, team_id: int) -> tuple[Briefing, ...]:
    rows = connection.execute(select(sop_team_briefings).where(sop_team_briefings.c.team_id == team_id)
                              .order_by(sop_team_briefings.c.held_on, sop_team_briefings.c.id)).all()
    return tuple(Briefing(int(row.id), row.held_on, row.topic, tuple(json.loads(row.attendees)), row.recorded_by)
                 for row in rows)


def _tim(connection: Connection, team_id: int) -> Tim:
    row = _team_row(connection, team_id)
    unit = connection.execute(select(org_units.c.code).where(org_units.c.id == row.unit_id)).scalar_one()  # type: ignore[attr-defined]
    return Tim(int(row.id), str(unit), row.name, row.sk_number, row.sk_date,  # type: ignore[attr-defined]
               _members(connection, team_id), _briefings(connection, team_id))


def tim(runtime: Runtime, account: Account, team_id: int) -> Tim:
    """One Tim with its members and pembekalan.

    :raises AccessDeniedError: ``account`` does not read the Tims.
    :raises NotFoundError: no such Tim.
    """
    check_read_stages(account)
    with runtime.db.read() as connection:
        return _tim(connection, team_id)


def tims(runtime: Runtime, account: Account) -> list[Tim]:
    """Every Tim, by unit.

    :raises AccessDeniedError: ``account`` does not read the Tims.
    """
    check_read_stages(account)
    with runtime.db.read() as connection:
        ids = connection.execute(select(sop_teams.c.id).join(org_units, org_units.c.id == sop_teams.c.unit_id)
                                 .order_by(org_units.c.code)).scalars().all()
        return [_tim(connection, int(found)) for found in ids]


def add_member(runtime: Runtime, account: Account, team_id: int, username: str, role: str, unit: str) -> TimMember:
    """Add a member to the Tim with its role and SKPD (the Tim's unit or one below it).

    :raises AccessDeniedError: ``account`` may not keep this Tim.
    :raises NotFoundError: no such Tim.
    :raises DataError: an unknown person, role or unit, a unit outside the Tim's, a second active
        ketua or sekretaris, or the person is an active member already.
    """
    username = _required(username, "username", 64)
    role = (role or "").strip().lower()
    if role not in TIM_ROLES:
        raise DataError.from_code("tahap_bad_role", "peran", role=role[:40], roles=", ".join(TIM_ROLES))
    now = runtime.clock.now()
    with runtime.db.write() as connection:
        team = _team_row(connection, team_id)
        check_manage_tim(connection, account, team_id)
        try:
            repo.user_by_name(connection, username)
        except NotFoundError as exc:
            raise DataError.from_code("tahap_unknown_person", "username", user=username) from exc
        member_unit, _kind = _unit(connection, unit)
        if not is_within(connection, member_unit, int(team.unit_id)):  # type: ignore[attr-defined]
            raise DataError.from_code("tahap_member_outside", "unit", unit=unit.strip())
        active = connection.execute(select(sop_team_members.c.username, sop_team_members.c.role).where(
            sop_team_members.c.team_id == team_id, sop_team_members.c.ended_at.is_(None))).all()
        if any(found.username == username for found in active):
            raise DataError.from_code("tahap_already_member", "username", user=username)
        if role in SINGLE_ROLES and any(found.role == role for found in active):
            raise DataError.from_code("tahap_role_taken", "peran", role=role)
        member_id = int(connection.execute(insert(sop_team_members).returning(sop_team_members.c.id), {
            "team_id": team_id, "username": username, "role": role, "unit_id": member_unit,
            "added_by": account.username, "added_at": now}).scalar_one())
        grant_jabatan(connection, member_id, now)
        return next(found for found in _members(connection, team_id) if found.id == member_id)


def end_member(runtime: Runtime, account: Account, member_id: int) -> list[int]:
    """The member leaves the Tim (its row stays, ended): it no longer drafts for its SKPD, and the
    holdings its membership made end (:func:`end_jabatan`); the ids of the work items it had claimed
    there, given back to the jabatan.

    :raises NotFoundError: no such active member.
    :raises AccessDeniedError: ``account`` may not keep its Tim.
    """
    with runtime.context.session() as session:
        connection = session.connection
        row = connection.execute(select(sop_team_members).where(sop_team_members.c.id == member_id,
                                                                sop_team_members.c.ended_at.is_(None))).first()
        if row is None:
            raise NotFoundError.from_code("tahap_member_not_found", member=member_id)
        check_manage_tim(connection, account, int(row.team_id))
        now = runtime.clock.now()
        connection.execute(update(sop_team_members).where(sop_team_members.c.id == member_id)
                           .values(ended_at=now))
        released: list[int] = []
        for username, jabatan, unit in end_jabatan(connection, member_id, now):
            released += release_claims(runtime, session, account.username, username, jabatan, unit,
                                       message("tahap_member_left_reason"), released_by="tim")
        return released


def _grants(connection: Connection, member_id: int) -> tuple[str, list[tuple[str, int]]]:
    """The user name of member ``member_id`` and the ``(jabatan, unit id)`` places its membership grants."""
    row = connection.execute(select(sop_team_members.c.username, sop_team_members.c.role, sop_team_members.c.unit_id,
                                    sop_teams.c.unit_id.label("team_unit_id"))
                             .join(sop_teams, sop_teams.c.id == sop_team_members.c.team_id)
                             .where(sop_team_members.c.id == member_id)).one()
    places = [(TIM_JABATAN, int(row.team_unit_id))]
    if row.role == "koordinator":
        places.append((KOORDINATOR_JABATAN, int(row.unit_id)))
    return str(row.username), places


def grant_jabatan(connection: Connection, member_id: int, now: dt.datetime) -> list[int]:
    """Give member ``member_id`` (active) the jabatan its membership grants, from ``now``, in the caller's
    transaction; the ids of the holdings it made (or took up again).

    A place the person holds at ``now`` already (a holding an admin made, or one another membership of
    theirs made) gets no second holding. A holding of that jabatan and unit that no longer counts (one
    row per person, jabatan and unit) is taken up again: its dates become the membership's, and it is
    the membership's from then on.
    """
    username, places = _grants(connection, member_id)
    user = int(connection.execute(select(users.c.id).where(users.c.username == username)).scalar_one())
    made: list[int] = []
    for jabatan, unit in places:
        code = str(connection.execute(select(org_units.c.code).where(org_units.c.id == unit)).scalar_one())
        jabatan_ref = jabatan_id(connection, unit, jabatan, create=True)
        rows = connection.execute(select(holdings).where(
            holdings.c.user_id == user,
            ((holdings.c.unit == code) & (holdings.c.jabatan == jabatan))
            | ((holdings.c.unit_id == unit) & (holdings.c.jabatan_id == jabatan_ref)))).all()
        if any(counts_now(row, now) for row in rows):
            continue
        values = {"unit_id": unit, "jabatan_id": jabatan_ref, "starts_at": now, "ends_at": None,
                  "tim_member_id": member_id}
        same = next((row for row in rows if (row.unit, row.jabatan) == (code, jabatan)), None)
        if same is not None:
            connection.execute(update(holdings).where(holdings.c.id == same.id).values(**values))
            made.append(int(same.id))
        else:
            made.append(int(connection.execute(insert(holdings).returning(holdings.c.id), {
                "user_id": user, "jabatan": jabatan, "unit": code, **values}).scalar_one()))
    return made


def end_jabatan(connection: Connection, member_id: int, now: dt.datetime) -> list[tuple[str, str, str]]:
    """End, at ``now``, the holdings membership ``member_id`` (ended by the caller) made that still count,
    in the caller's transaction; ``(username, jabatan, unit)`` of each one ended.

    A holding another active membership of the same person also grants (a koordinator of the same SKPD
    in the Pemda's Tim and in its OPD's) passes to that membership instead. Holdings an admin made, and
    the ones an admin ended already, are left as they are.
    """
    username, _places = _grants(connection, member_id)
    others = connection.execute(select(sop_team_members.c.id).where(
        sop_team_members.c.username == username, sop_team_members.c.ended_at.is_(None),
        sop_team_members.c.id != member_id).order_by(sop_team_members.c.id)).scalars().all()
    granted_by = {place: int(other) for other in reversed(others) for place in _grants(connection, int(other))[1]}
    ended: list[tuple[str, str, str]] = []
    for row in connection.execute(select(holdings).where(holdings.c.tim_member_id == member_id,
                                                         counts_at(holdings, now))).all():  # type: ignore[arg-type]
        heir = granted_by.get((row.jabatan, row.unit_id))
        if heir is not None:
            connection.execute(update(holdings).where(holdings.c.id == row.id).values(tim_member_id=heir))
            continue
        connection.execute(update(holdings).where(holdings.c.id == row.id).values(ends_at=now))
        ended.append((username, str(row.jabatan), str(row.unit)))
    return ended


def record_briefing(runtime: Runtime, account: Account, team_id: int, held_on: dt.date, topic: str,
                    attendees: list[str]) -> Briefing:
    """Record a pembekalan of the Tim: its day, topic and the members who attended.

    :raises AccessDeniedError: ``account`` may not keep this Tim.
    :raises NotFoundError: no such Tim.
    :raises DataError: no topic, nobody attended, or an attendee who is not an active member.
    """
    with runtime.db.write() as connection:
        _team_row(connection, team_id)
        check_manage_tim(connection, account, team_id)
        return insert_briefing(connection, team_id, held_on, topic, attendees, account.username, runtime.clock.now())


def insert_briefing(connection: Connection, team_id: int, held_on: dt.date, topic: str, attendees: list[str],
                    by: str, now: dt.datetime) -> Briefing:
    """Store a pembekalan of Tim ``team_id`` in the caller's transaction (who may is the caller's question).

    :raises DataError: as :func:`record_briefing`.
    """
    topic = _required(topic, "topik", 2000)
    names = list(dict.fromkeys(name.strip() for name in attendees if name.strip()))
    if not names:
        raise DataError.from_code("tahap_no_attendees", "peserta")
    if not isinstance(held_on, dt.date):
        raise DataError.from_code("tahap_field_required", "tanggal", field="tanggal")
    members = {found.username for found in _members(connection, team_id) if found.ended_at is None}
    strangers = [name for name in names if name not in members]
    if strangers:
        raise DataError.from_code("tahap_attendee_not_member", "peserta", users=", ".join(strangers))
    briefing_id = int(connection.execute(insert(sop_team_briefings).returning(sop_team_briefings.c.id), {
        "team_id": team_id, "held_on": held_on, "topic": topic, "attendees": json.dumps(names),
        "recorded_by": by, "recorded_at": now}).scalar_one())
    return Briefing(briefing_id, held_on, topic, tuple(names), by)


def set_sk(connection: Connection, unit: str, name: str, sk_number: str, sk_date: dt.date, by: str,
           now: dt.datetime) -> int:
    """The unit's Tim under a new SK (a Keputusan of a new round replaces the old one's number and date), or
    a new Tim when the unit has none, in the caller's transaction; the Tim's id. Members stay.

    :raises DataError: as :func:`create_tim`.
    """
    team = team_of_unit(connection, unit)
    if team is None:
        return insert_tim(connection, unit, name, sk_number, sk_date, by, now)
    if not isinstance(sk_date, dt.date):
        raise DataError.from_code("tahap_field_required", "sk_tanggal", field="sk_tanggal")
    connection.execute(update(sop_teams).where(sop_teams.c.id == team).values(
        name=_required(name, "nama"), sk_number=_required(sk_number, "sk_nomor", 200), sk_date=sk_date))
    return team


def team_of_unit(connection: Connection, unit: str) -> int | None:
    """The id of the Tim serving unit ``unit`` itself, or ``None``."""
    found = unit_id(connection, (unit or "").strip())
    if found is None:
        return None
    team = connection.execute(select(sop_teams.c.id).where(sop_teams.c.unit_id == found)).scalar()
    return None if team is None else int(team)


def team_serving(connection: Connection, unit: str) -> int | None:
    """The id of the Tim serving unit ``unit``: its own, else the nearest one above it (a Tim serves the
    units below its own), or ``None``."""
    found = unit_id(connection, (unit or "").strip())
    if found is None:
        return None
    teams = {int(row.unit_id): int(row.id) for row in connection.execute(select(sop_teams.c.id, sop_teams.c.unit_id))}
    parents = _parents(connection)
    current: int | None = found
    seen: set[int] = set()
    while current is not None and current not in seen:
        if current in teams:
            return teams[current]
        seen.add(current)
        current = parents.get(current)
    return None


def insert_members(connection: Connection, team_id: int, lines: str, by: str, now: dt.datetime) -> list[int]:
    """Add the susunan an SK names to Tim ``team_id`` in the caller's transaction: one member a line,
    ``login, peran[, unit]`` (no unit: the Tim's own). A person already an active member in that role is
    kept as is (a new SK of the same Tim names them again); the ids of the members added.

    :raises DataError: a line that cannot be read, an unknown person, role or unit, a unit outside the
        Tim's, a second ketua or sekretaris, or an active member named with another role.
    """
    team = _team_row(connection, team_id)
    team_unit = str(connection.execute(select(org_units.c.code).where(
        org_units.c.id == team.unit_id)).scalar_one())  # type: ignore[attr-defined]
    added: list[int] = []
    for line in (lines or "").splitlines():
        if not line.strip():
            continue
        parts = [part.strip() for part in line.split(",")]
        if len(parts) < 2 or not parts[0] or parts[1].lower() not in TIM_ROLES:
            raise DataError.from_code("rec_bad_member", "anggota", line=line.strip()[:80],
                                      roles=", ".join(TIM_ROLES))
        username, role = parts[0], parts[1].lower()
        unit = ", ".join(parts[2:]).strip() or team_unit
        active = {found.username: found.role for found in _members(connection, team_id) if found.ended_at is None}
        if active.get(username) == role:
            continue
        if username in active:
            raise DataError.from_code("tahap_already_member", "anggota", user=username)
        try:
            repo.user_by_name(connection, username)
        except NotFoundError as exc:
            raise DataError.from_code("tahap_unknown_person", "anggota", user=username) from exc
        member_unit, _kind = _unit(connection, unit, "anggota")
        if not within(_parents(connection), member_unit, int(team.unit_id)):  # type: ignore[attr-defined]
            raise DataError.from_code("tahap_member_outside", "anggota", unit=unit)
        if role in SINGLE_ROLES and role in active.values():
            raise DataError.from_code("tahap_role_taken", "anggota", role=role)
        member_id = int(connection.execute(insert(sop_team_members).returning(sop_team_members.c.id), {
            "team_id": team_id, "username": username, "role": role, "unit_id": member_unit,
            "added_by": by, "added_at": now}).scalar_one())
        grant_jabatan(connection, member_id, now)
        added.append(member_id)
    return added


def may_keep_tim(runtime: Runtime, account: Account, team_id: int) -> bool:
    """True when ``account`` keeps the members and pembekalan of Tim ``team_id`` (for the page's forms)."""
    with runtime.db.read() as connection:
        return may_manage_tim(connection, account, team_id)
