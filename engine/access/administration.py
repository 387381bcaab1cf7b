"""Administration of the organisation: units, jabatan, people, dated holdings, mutasi, Plh/Plt and logins.

Every change is one transaction that also appends a row to ``admin_log`` (who, when, what, reason).
Who may change what is asked of :mod:`engine.access.policy` (an ``admin`` everywhere, an ``admin_opd``
inside its OPD). Dates are days in the deployment's zone (the runtime calendar's, WIB by default):
a holding counts from the first moment of its first day and stops at the first moment of the day
after its last day. Ending a holding (and a mutasi, which ends one holding and starts another on the
same day) releases the open work items the person had claimed in the old place back to the jabatan,
with an ``unclaimed`` event in each instance's chain.
"""

from __future__ import annotations

import datetime as dt
import json
import secrets
from dataclasses import dataclass
from typing import Any

from sqlalchemy import Connection, func, insert, or_, select, update

from engine.access import policy
from engine.access.accounts import ROLES, Account, _end_sessions, generate_password_hash
from engine.access.organisation import UNIT_KINDS, active, counts_now, jabatan_id, unit_id, units_of_person
from engine.errors import AccessDeniedError, DataError, NotFoundError
from engine.runtime.calendars import (
    DAY_KEYS,
    DAY_OFF_KEYS,
    calendar_file_text,
    calendar_from_spec,
    read_calendar_file,
    store_calendars,
    stored_calendars,
)
from engine.runtime.facade import Runtime
from engine.sop.worktime import DEFAULT_OFFICE_HOURS
from engine.store.models import (
    account_sessions,
    accounts,
    acting_assignments,
    admin_log,
    api_tokens,
    holdings,
    org_jabatan,
    org_units,
    sop_team_members,
    sop_teams,
    users,
    work_items,
)

#: The kinds of acting official: pelaksana harian, pelaksana tugas.
ACTING_KINDS = ("plh", "plt")
#: The role a login made by a password reset gets.
DEFAULT_ROLE = "pelaksana"
PAGE_SIZE = 25


@dataclass(frozen=True)
class UnitRow:
    id: int
    code: str
    name: str
    kind: str
    parent_id: int | None
    #: Depth in the tree (0 for a top unit), for an indented list.
    depth: int = 0


@dataclass(frozen=True)
class JabatanRow:
    id: int
    code: str
    name: str
    kepala: bool
    #: User names holding it today.
    holders: tuple[str, ...] = ()


@dataclass(frozen=True)
class HoldingRow:
    id: int
    unit: str
    jabatan: str
    #: First and last day it counts (``None``: open).
    first_day: dt.date | None
    last_day: dt.date | None
    active: bool
    #: The name of the Tim penyusun whose membership made it (engine.lifecycle.tim); ``""``: an admin's,
    #: an import's or ``alur user add``'s. An admin may still end it by hand.
    tim: str = ""


@dataclass(frozen=True)
class ActingRow:
    id: int
    username: str
    nama: str
    unit: str
    jabatan: str
    kind: str
    sk_number: str
    first_day: dt.date
    last_day: dt.date | None
    active: bool

    @property
    def capacity(self) -> str:
        """``Plh. Kepala Dinas``: how events and prints name the acting official."""
        return f"{self.kind.capitalize()}. {self.jabatan}"


@dataclass(frozen=True)
class PersonRow:
    username: str
    nama: str
    nip: str
    email: str
    #: Roles of the login (empty without a login) and whether the login is disabled.
    roles: tuple[str, ...]
    disabled: bool


@dataclass(frozen=True)
class Person:
    row: PersonRow
    holdings: tuple[HoldingRow, ...]
    acting: tuple[ActingRow, ...]
    tokens: int


@dataclass(frozen=True)
class LogRow:
    id: int
    at: dt.datetime
    actor: str
    action: str
    target: str
    detail: dict[str, Any]
    reason: str


# -- days and instants ---------------------------------------------------------------------------

def day_start(runtime: Runtime, day: dt.date) -> dt.datetime:
    """The first moment of ``day`` in the deployment's zone."""
    return dt.datetime.combine(day, dt.time(), tzinfo=runtime.calendar.tz)


def day_of(runtime: Runtime, moment: dt.datetime | None, *, last: bool = False) -> dt.date | None:
    """The day ``moment`` starts (``last``: the day before, as an exclusive end's last day)."""
    if moment is None:
        return None
    day = moment.astimezone(runtime.calendar.tz).date()
    return day - dt.timedelta(days=1) if last else day


def today(runtime: Runtime) -> dt.date:
    return runtime.clock.now().astimezone(runtime.calendar.tz).date()


def parse_org_day(text: str, field: str, *, required: bool = True) -> dt.date | None:
    """A ``YYYY-MM-DD`` day from a form or a CSV cell.

    :raises DataError: not a date, or empty when ``required`` (naming ``field``).
    """
    text = (text or "").strip()
    if not text:
        if required:
            raise DataError.from_code("org_field_required", field, field=field)
        return None
    try:
        return dt.date.fromisoformat(text)
    except ValueError as exc:
        raise DataError.from_code("org_bad_date", field, field=field, value=text) from exc


def require_reason(reason: str) -> str:
    """:raises DataError: an empty reason (field ``alasan``)."""
    if not reason.strip():
        raise DataError.from_code("org_reason_required", "alasan")
    return reason.strip()


def log(connection: Connection, runtime: Runtime, actor: str, action: str, target: str, reason: str,
        **detail: object) -> None:
    """Append one row to the admin log, in the caller's transaction."""
    connection.execute(insert(admin_log), {"at": runtime.clock.now(), "actor": actor, "action": action,
                                           "target": target[:200], "reason": reason,
                                           "detail": json.dumps(detail, ensure_ascii=False, sort_keys=True,
                                                                default=str)})


# -- reading -------------------------------------------------------------------------------------

def _unit_rows(connection: Connection) -> list[UnitRow]:
    rows = connection.execute(select(org_units).order_by(org_units.c.code)).all()
    children: dict[int | None, list[Any]] = {}
    for row in rows:
        children.setdefault(row.parent_id, []).append(row)
    known = {row.id for row in rows}
    ordered: list[UnitRow] = []

    def walk(parent: int | None, depth: int) -> None:
        for row in children.get(parent, []):
            ordered.append(UnitRow(row.id, row.code, row.name, row.kind, row.parent_id, depth))
            walk(row.id, depth + 1)

    walk(None, 0)
    for row in rows:  # a parent that no longer exists: shown at the top rather than lost
        if row.parent_id is not None and row.parent_id not in known:
            ordered.append(UnitRow(row.id, row.code, row.name, row.kind, row.parent_id, 0))
            walk(row.id, 1)
    return ordered


def admin_units(runtime: Runtime, account: Account) -> list[UnitRow]:
    """The units ``account`` administers, as a tree in code order (parents before children)."""
    policy.check_administer(account)
    with runtime.db.read() as connection:
        scope = policy.admin_unit_ids(connection, account)
        return [row for row in _unit_rows(connection) if scope is None or row.id in scope]


def _unit(connection: Connection, code: str) -> Any:
    row = connection.execute(select(org_units).where(org_units.c.code == code)).first()
    if row is None:
        raise NotFoundError.from_code("org_unit_not_found", unit=code)
    return row


def admin_unit(runtime: Runtime, account: Account, code: str) -> tuple[UnitRow, list[JabatanRow]]:
    """A unit with its jabatan and who holds each today.

    :raises NotFoundError: no such unit. :raises AccessDeniedError: outside the account's OPD.
    """
    now = runtime.clock.now()
    with runtime.db.read() as connection:
        row = _unit(connection, code)
        policy.check_admin_unit(connection, account, row.id)
        found = [JabatanRow(jab.id, jab.code, jab.name, bool(jab.kepala), tuple(
            name for (name,) in connection.execute(
                select(users.c.username).join(holdings, holdings.c.user_id == users.c.id)
                .where(holdings.c.jabatan_id == jab.id, active(holdings, now))  # type: ignore[arg-type]
                .order_by(users.c.username))))
            for jab in connection.execute(select(org_jabatan).where(org_jabatan.c.unit_id == row.id)
                                          .order_by(org_jabatan.c.code))]
    return UnitRow(row.id, row.code, row.name, row.kind, row.parent_id), found


def _person_row(connection: Connection, row: Any) -> PersonRow:
    login = connection.execute(select(accounts.c.roles).where(accounts.c.username == row.username)).first()
    state = connection.execute(select(account_sessions.c.disabled)
                               .where(account_sessions.c.username == row.username)).first()
    return PersonRow(row.username, row.nama, row.nip, row.email,
                     tuple(sorted(login.roles.split())) if login else (), bool(state and state.disabled))


def admin_people(runtime: Runtime, account: Account, query: str = "", page: int = 1,
           size: int = PAGE_SIZE) -> tuple[list[PersonRow], int]:
    """People ``account`` administers whose user name, nama or NIP contains ``query``; one page and the total."""
    policy.check_administer(account)
    page = max(1, page)
    with runtime.db.read() as connection:
        scope = policy.admin_unit_ids(connection, account)
        chosen = select(users.c.id, users.c.username, users.c.nama, users.c.nip, users.c.email)
        text = query.strip().lower()
        if text:
            pattern = f"%{text}%"
            chosen = chosen.where(or_(func.lower(users.c.username).like(pattern),
                                      func.lower(users.c.nama).like(pattern), users.c.nip.like(pattern)))
        if scope is not None:
            held = select(holdings.c.user_id).where(holdings.c.unit_id.in_(sorted(scope)))
            acted = select(acting_assignments.c.user_id).where(acting_assignments.c.unit_id.in_(sorted(scope)))
            chosen = chosen.where(or_(users.c.id.in_(held), users.c.id.in_(acted)))
        total = int(connection.execute(select(func.count()).select_from(chosen.subquery())).scalar_one())
        rows = connection.execute(chosen.order_by(users.c.username).limit(size).offset((page - 1) * size)).all()
        return [_person_row(connection, row) for row in rows], total


def _user(connection: Connection, username: str) -> Any:
    row = connection.execute(select(users).where(users.c.username == username)).first()
    if row is None:
        raise NotFoundError.from_code("org_person_not_found", user=username)
    return row


def _acting_rows(runtime: Runtime, connection: Connection, *where: Any) -> tuple[ActingRow, ...]:
    now = runtime.clock.now()
    rows = connection.execute(
        select(acting_assignments, users.c.username, users.c.nama, org_units.c.code.label("unit"),
               org_jabatan.c.code.label("jabatan"))
        .join(users, users.c.id == acting_assignments.c.user_id)
        .join(org_units, org_units.c.id == acting_assignments.c.unit_id)
        .join(org_jabatan, org_jabatan.c.id == acting_assignments.c.jabatan_id)
        .where(*where).order_by(acting_assignments.c.starts_at.desc(), acting_assignments.c.id.desc())).all()
    return tuple(ActingRow(row.id, row.username, row.nama, row.unit, row.jabatan, row.kind, row.sk_number,
                           day_of(runtime, row.starts_at) or today(runtime), day_of(runtime, row.ends_at, last=True),
                           row.starts_at <= now and (row.ends_at is None or row.ends_at > now)) for row in rows)


def admin_person(runtime: Runtime, account: Account, username: str) -> Person:
    """A person with their holdings (current and past), acting assignments and number of API tokens.

    :raises NotFoundError: no such person. :raises AccessDeniedError: not in the account's OPD.
    """
    now = runtime.clock.now()
    with runtime.db.read() as connection:
        row = _user(connection, username)
        policy.check_admin_person(connection, account, username)
        held = tuple(HoldingRow(
            found.id, found.unit, found.jabatan, day_of(runtime, found.starts_at),
            day_of(runtime, found.ends_at, last=True),
            counts_now(found, now), found.team_name or "")
            for found in connection.execute(
                select(holdings, sop_teams.c.name.label("team_name")).where(holdings.c.user_id == row.id)
                .outerjoin(sop_team_members, sop_team_members.c.id == holdings.c.tim_member_id)
                .outerjoin(sop_teams, sop_teams.c.id == sop_team_members.c.team_id)
                .order_by(holdings.c.unit, holdings.c.jabatan)))
        acting = _acting_rows(runtime, connection, acting_assignments.c.user_id == row.id)
        tokens = int(connection.execute(select(func.count()).select_from(api_tokens)
                                        .where(api_tokens.c.username == username)).scalar_one())
        return Person(_person_row(connection, row), held, acting, tokens)


def acting_list(runtime: Runtime, account: Account, *, running_only: bool = False) -> tuple[ActingRow, ...]:
    """The acting assignments in the units ``account`` administers, newest first."""
    policy.check_administer(account)
    with runtime.db.read() as connection:
        scope = policy.admin_unit_ids(connection, account)
        where = [] if scope is None else [acting_assignments.c.unit_id.in_(sorted(scope))]
        found = _acting_rows(runtime, connection, *where)
    return tuple(row for row in found if row.active or not running_only)


def admin_log_rows(runtime: Runtime, account: Account, target: str = "", limit: int = 100) -> list[LogRow]:
    """The newest rows of the admin log (of ``target`` when given): for admins only."""
    policy.check_full_admin(account)
    with runtime.db.read() as connection:
        query = select(admin_log).order_by(admin_log.c.id.desc()).limit(limit)
        if target:
            query = query.where(admin_log.c.target == target)
        return [LogRow(row.id, row.at, row.actor, row.action, row.target, json.loads(row.detail), row.reason)
                for row in connection.execute(query)]


# -- changes -------------------------------------------------------------------------------------

def _place(connection: Connection, unit_code: str, jabatan_code: str) -> tuple[int, int]:
    found_unit = unit_id(connection, unit_code.strip())
    if found_unit is None:
        raise DataError.from_code("org_unknown_unit", "unit", unit=unit_code)
    found_jabatan = jabatan_id(connection, found_unit, jabatan_code.strip())
    if found_jabatan is None:
        raise DataError.from_code("org_unknown_jabatan", "jabatan", jabatan=jabatan_code, unit=unit_code)
    return found_unit, found_jabatan


def release_claims(runtime: Runtime, session: Any, actor: str, username: str, jabatan: str, unit_code: str,
                   reason: str, *, released_by: str = "mutasi") -> list[int]:
    """Give the open items ``username`` claimed in ``jabatan``/``unit_code`` back to the jabatan (an event
    each, whose ``released`` says why: ``mutasi`` for an admin's change, ``tim`` for a Tim member leaving)."""
    rows = session.connection.execute(
        select(work_items.c.id, work_items.c.instance_id, work_items.c.step_id)
        .where(work_items.c.status == "open", work_items.c.claimed_by == username,
               work_items.c.jabatan == jabatan, work_items.c.unit == unit_code)
        .order_by(work_items.c.instance_id, work_items.c.id)).all()
    runs: dict[int, Any] = {}
    for row in rows:
        run = runs.get(row.instance_id) or session.lock(row.instance_id)
        runs[row.instance_id] = run
        run.set_claim(row.id, None)
        run.append("unclaimed", actor, row.step_id, row.id, {"claimed_by": username, "reason": reason,
                                                              "released": released_by})
    return [row.id for row in rows]


def _holding(connection: Connection, holding_id: int) -> Any:
    row = connection.execute(select(holdings, users.c.username).join(users, users.c.id == holdings.c.user_id)
                             .where(holdings.c.id == holding_id)).first()
    if row is None:
        raise NotFoundError.from_code("org_holding_not_found", holding=holding_id)
    return row


def _start_holding(connection: Connection, runtime: Runtime, user_row: Any, unit_code: str, jabatan_code: str,
                   first: dt.date, last: dt.date | None) -> int:
    unit_code, jabatan_code = unit_code.strip(), jabatan_code.strip()
    found_unit, found_jabatan = _place(connection, unit_code, jabatan_code)
    ends = day_start(runtime, last + dt.timedelta(days=1)) if last else None
    # the admin's from now on: ending a Tim membership that made the row no longer ends it
    values = {"unit_id": found_unit, "jabatan_id": found_jabatan, "starts_at": day_start(runtime, first),
              "ends_at": ends, "tim_member_id": None}
    existing = connection.execute(select(holdings.c.id).where(
        holdings.c.user_id == user_row.id, holdings.c.jabatan == jabatan_code, holdings.c.unit == unit_code)).first()
    if existing is not None:  # one row per person, jabatan and unit: held again, it gets the new dates
        connection.execute(update(holdings).where(holdings.c.id == existing.id).values(**values))
        return int(existing.id)
    return int(connection.execute(insert(holdings).returning(holdings.c.id), {
        "user_id": user_row.id, "jabatan": jabatan_code, "unit": unit_code, **values}).scalar_one())


def add_holding(runtime: Runtime, account: Account, username: str, unit_code: str, jabatan_code: str,
                first: dt.date, last: dt.date | None, reason: str) -> int:
    """Give ``username`` the jabatan in a unit from ``first`` (to ``last``, inclusive); the holding's id.

    :raises DataError: unknown unit or jabatan, ``last`` before ``first``, or no reason.
    :raises AccessDeniedError: the unit or the person is outside the account's OPD.
    """
    reason = require_reason(reason)
    if last is not None and last < first:
        raise DataError.from_code("org_ends_before_start", "sampai", first=first, last=last)
    with runtime.db.write() as connection:
        row = _user(connection, username)
        found_unit, _ = _place(connection, unit_code, jabatan_code)
        policy.check_admin_unit(connection, account, found_unit)
        policy.check_admin_person(connection, account, username, new_unit=found_unit)
        holding = _start_holding(connection, runtime, row, unit_code, jabatan_code, first, last)
        log(connection, runtime, account.username, "holding_add", username, reason, unit=unit_code.strip(),
            jabatan=jabatan_code.strip(), first=first, last=last)
    return holding


def _check_end(runtime: Runtime, row: Any, on: dt.date) -> None:
    if on > today(runtime):
        raise DataError.from_code("org_end_in_future", "tanggal", day=on, today=today(runtime))
    # by day: a holding a Tim membership made starts at the instant of the membership, and may end the same day
    if row.starts_at is not None and on < (day_of(runtime, row.starts_at) or on):
        raise DataError.from_code("org_end_before_start", "tanggal", day=on,
                                  first=day_of(runtime, row.starts_at))


def end_holding(runtime: Runtime, account: Account, holding_id: int, on: dt.date, reason: str) -> list[int]:
    """End a holding: from ``on`` (today or earlier) it no longer counts; the ids of the items released.

    :raises DataError: ``on`` in the future or before the holding began, or no reason.
    """
    reason = require_reason(reason)
    with runtime.context.session() as session:
        connection = session.connection
        row = _holding(connection, holding_id)
        policy.check_admin_unit(connection, account, row.unit_id)
        _check_end(runtime, row, on)
        connection.execute(update(holdings).where(holdings.c.id == holding_id)
                           .values(ends_at=day_start(runtime, on)))
        released = release_claims(runtime, session, account.username, row.username, row.jabatan, row.unit, reason)
        log(connection, runtime, account.username, "holding_end", row.username, reason, unit=row.unit,
            jabatan=row.jabatan, on=on, released=released)
    return released


def mutasi(runtime: Runtime, account: Account, holding_id: int, unit_code: str, jabatan_code: str, on: dt.date,
           reason: str) -> tuple[int, list[int]]:
    """Move a person: the holding ends on ``on`` and the new jabatan in ``unit_code`` starts that day.

    Open items the person claimed in the old place go back to that jabatan (an ``unclaimed`` event each).

    :return: the new holding's id and the ids of the released items.
    """
    reason = require_reason(reason)
    with runtime.context.session() as session:
        connection = session.connection
        row = _holding(connection, holding_id)
        policy.check_admin_unit(connection, account, row.unit_id)
        new_unit, _ = _place(connection, unit_code, jabatan_code)
        policy.check_admin_unit(connection, account, new_unit)
        _check_end(runtime, row, on)
        connection.execute(update(holdings).where(holdings.c.id == holding_id)
                           .values(ends_at=day_start(runtime, on)))
        user_row = _user(connection, row.username)
        if (unit_code.strip(), jabatan_code.strip()) == (row.unit, row.jabatan):
            raise DataError.from_code("org_mutasi_same_place", "jabatan")
        new = _start_holding(connection, runtime, user_row, unit_code, jabatan_code, on, None)
        released = release_claims(runtime, session, account.username, row.username, row.jabatan, row.unit, reason)
        log(connection, runtime, account.username, "mutasi", row.username, reason, from_unit=row.unit,
            from_jabatan=row.jabatan, unit=unit_code.strip(), jabatan=jabatan_code.strip(), on=on,
            released=released)
    return new, released


def add_acting(runtime: Runtime, account: Account, username: str, unit_code: str, jabatan_code: str, kind: str,
               sk_number: str, first: dt.date, last: dt.date | None, reason: str = "") -> int:
    """Appoint ``username`` Plh/Plt of a jabatan from ``first`` to ``last`` (inclusive) by SK ``sk_number``.

    :raises DataError: an unknown kind, unit or jabatan; no SK number; ``last`` before ``first``.
    """
    kind = kind.strip().lower()
    if kind not in ACTING_KINDS:
        raise DataError.from_code("org_bad_acting_kind", "jenis", value=kind, kinds=", ".join(ACTING_KINDS))
    if not sk_number.strip():
        raise DataError.from_code("org_field_required", "sk", field="sk")
    if last is not None and last < first:
        raise DataError.from_code("org_ends_before_start", "sampai", first=first, last=last)
    with runtime.db.write() as connection:
        row = _user(connection, username)
        found_unit, found_jabatan = _place(connection, unit_code, jabatan_code)
        policy.check_admin_unit(connection, account, found_unit)
        assignment = int(connection.execute(insert(acting_assignments).returning(acting_assignments.c.id), {
            "user_id": row.id, "unit_id": found_unit, "jabatan_id": found_jabatan, "kind": kind,
            "sk_number": sk_number.strip()[:200], "starts_at": day_start(runtime, first),
            "ends_at": day_start(runtime, last + dt.timedelta(days=1)) if last else None,
            "created_by": account.username, "created_at": runtime.clock.now()}).scalar_one())
        log(connection, runtime, account.username, "acting_add", username, reason.strip() or sk_number.strip(),
            id=assignment, kind=kind, unit=unit_code.strip(), jabatan=jabatan_code.strip(), sk=sk_number.strip(),
            first=first, last=last)
    return assignment


def end_acting(runtime: Runtime, account: Account, assignment: int, on: dt.date, reason: str) -> list[int]:
    """End an acting assignment from ``on`` (today or earlier); claims made as acting official are released."""
    reason = require_reason(reason)
    with runtime.context.session() as session:
        connection = session.connection
        row = connection.execute(
            select(acting_assignments, users.c.username, org_units.c.code.label("unit"),
                   org_jabatan.c.code.label("jabatan"))
            .join(users, users.c.id == acting_assignments.c.user_id)
            .join(org_units, org_units.c.id == acting_assignments.c.unit_id)
            .join(org_jabatan, org_jabatan.c.id == acting_assignments.c.jabatan_id)
            .where(acting_assignments.c.id == assignment)).first()
        if row is None:
            raise NotFoundError.from_code("org_acting_not_found", id=assignment)
        policy.check_admin_unit(connection, account, row.unit_id)
        _check_end(runtime, row, on)
        connection.execute(update(acting_assignments).where(acting_assignments.c.id == assignment)
                           .values(ends_at=day_start(runtime, on)))
        released = release_claims(runtime, session, account.username, row.username, row.jabatan, row.unit, reason)
        log(connection, runtime, account.username, "acting_end", row.username, reason, id=assignment, on=on,
            released=released)
    return released


# -- logins --------------------------------------------------------------------------------------

def set_account_disabled(runtime: Runtime, account: Account, username: str, disabled: bool, reason: str) -> None:
    """Disable (every session and token ends) or enable the login of ``username``.

    :raises NotFoundError: no login. :raises AccessDeniedError: outside the account's OPD, or oneself.
    """
    reason = require_reason(reason)
    with runtime.db.write() as connection:
        _check_login(connection, account, username)
        _end_sessions(connection, username, runtime.clock.now(), disabled=disabled)
        log(connection, runtime, account.username, "disable" if disabled else "enable", username, reason)


def _check_login(connection: Connection, account: Account, username: str, *, create: bool = False) -> None:
    _user(connection, username)
    policy.check_admin_person(connection, account, username, login=True)
    found = connection.execute(select(accounts.c.id).where(accounts.c.username == username)).first()
    if found is None and not create:
        raise NotFoundError.from_code("account_not_found", username=username)


def admin_reset_password(runtime: Runtime, account: Account, username: str, reason: str) -> str:
    """A new temporary password for ``username`` (shown once; only its hash is kept); sessions and tokens end.

    A person without a login gets one, with the role ``pelaksana``.
    """
    reason = require_reason(reason)
    password = secrets.token_urlsafe(12)
    now = runtime.clock.now()
    with runtime.db.write() as connection:
        _check_login(connection, account, username, create=True)
        hashed = generate_password_hash(password)
        found = connection.execute(select(accounts.c.id).where(accounts.c.username == username)).first()
        if found is None:
            assert DEFAULT_ROLE in ROLES
            connection.execute(insert(accounts), {"username": username, "password_hash": hashed,
                                                  "roles": DEFAULT_ROLE, "created_at": now})
        else:
            connection.execute(update(accounts).where(accounts.c.id == found.id).values(password_hash=hashed))
        state = connection.execute(select(account_sessions.c.disabled)
                                   .where(account_sessions.c.username == username)).first()
        _end_sessions(connection, username, now, disabled=bool(state and state.disabled))
        log(connection, runtime, account.username, "password_reset", username, reason, created=found is None)
    return password


def admin_revoke_tokens(runtime: Runtime, account: Account, username: str, reason: str) -> int:
    """Remove every API token of ``username``; how many."""
    reason = require_reason(reason)
    with runtime.db.write() as connection:
        _check_login(connection, account, username)
        count = int(connection.execute(api_tokens.delete().where(api_tokens.c.username == username)).rowcount)
        log(connection, runtime, account.username, "tokens_revoke", username, reason, count=count)
    return count


def check_unit_kind(kind: str) -> str:
    """:raises DataError: not one of :data:`~engine.access.organisation.UNIT_KINDS` (field ``kind``)."""
    if kind not in UNIT_KINDS:
        raise DataError.from_code("org_bad_kind", "kind", value=kind, kinds=", ".join(UNIT_KINDS))
    return kind


def check_admin_target(runtime: Runtime, account: Account, *, username: str = "", holding_id: int | None = None,
                       assignment_id: int | None = None) -> None:
    """Refuse at once an administrator outside the person, holding or Plh/Plt assignment a request is
    about, before its body is read (so an outsider learns nothing from the body's checks).

    A person who holds nothing yet passes here: whether a first holding may be given depends on its unit,
    which the change itself checks.

    :raises NotFoundError: no such holding or assignment. :raises AccessDeniedError: not this account's.
    """
    policy.check_administer(account)
    with runtime.db.read() as connection:
        units: set[int | None] = set()
        if holding_id is not None:
            units.add(_holding(connection, holding_id).unit_id)
        if assignment_id is not None:
            row = connection.execute(select(acting_assignments.c.unit_id)
                                     .where(acting_assignments.c.id == assignment_id)).first()
            if row is None:
                raise NotFoundError.from_code("org_acting_not_found", id=assignment_id)
            units.add(row.unit_id)
        for unit in units:
            if unit is None:
                raise AccessDeniedError.from_code("access_not_your_opd")
            policy.check_admin_unit(connection, account, unit)
        if username and units_of_person(connection, username):
            policy.check_admin_person(connection, account, username)



# -- working calendars ---------------------------------------------------------------------------

@dataclass(frozen=True)
class CalendarDay:
    """A weekday's office hours (``07:30–12:00``) and the breaks between them (the Friday prayer)."""

    day: str
    hours: tuple[str, ...]
    breaks: tuple[str, ...]


@dataclass(frozen=True)
class CalendarView:
    """One working calendar as the admin page shows it."""

    #: ``""``: the deployment's.
    unit: str
    #: False where no calendar is stored: the deployment's is then the built-in one.
    stored: bool
    zone: str
    around_clock: bool
    days: tuple[CalendarDay, ...]
    national_holidays: bool
    national_cuti_bersama: bool
    #: Year -> ``(day, kind)`` with kind ``libur`` or ``cuti_bersama`` (the days the deployment adds).
    days_off: tuple[tuple[int, tuple[tuple[str, str], ...]], ...]
    working_weekends: tuple[str, ...]
    imported_at: dt.datetime | None = None
    imported_by: str = ""


@dataclass(frozen=True)
class CalendarsPage:
    deployment: CalendarView
    #: The units (administered by the account) with a calendar of their own.
    units: tuple[CalendarView, ...]
    #: The units administered by the account that follow the deployment's calendar.
    following: tuple[str, ...]


def _default_spec(unit: str) -> dict[str, Any]:
    """The spec of the built-in calendar (office hours of :data:`~engine.sop.worktime.DEFAULT_OFFICE_HOURS`)."""
    return {"unit": unit, "zona": "Asia/Jakarta", "jam_kerja": {}, "cuti_bersama": False, "libur_nasional": True,
            "libur": [], "libur_cuti_bersama": [], "masuk": [], "layanan_24_jam": False}


def _calendar_view(spec: dict[str, Any], stored: bool) -> CalendarView:
    days: list[CalendarDay] = []
    given = spec.get("jam_kerja") or {}
    for index, key in enumerate(DAY_KEYS):
        if spec.get("layanan_24_jam"):
            pairs = [("00:00", "24:00")]
        elif given:
            pairs = [(start.strip(), end.strip()) for start, _, end in
                     (str(text).partition("-") for text in given.get(key, []))]
        else:
            pairs = [(start.strftime("%H:%M"), end.strftime("%H:%M")) for start, end in DEFAULT_OFFICE_HOURS.get(index, ())]
        days.append(CalendarDay(key, tuple(f"{start}–{end}" for start, end in pairs),
                                tuple(f"{pairs[n][1]}–{pairs[n + 1][0]}" for n in range(len(pairs) - 1))))
    years: dict[int, list[tuple[str, str]]] = {}
    for kind, key in DAY_OFF_KEYS.items():
        for day in spec.get(key, ()):
            years.setdefault(int(day[:4]), []).append((day, kind))
    return CalendarView(str(spec.get("unit", "")), stored, str(spec.get("zona") or "Asia/Jakarta"),
                        bool(spec.get("layanan_24_jam")), tuple(days), bool(spec.get("libur_nasional")),
                        bool(spec.get("cuti_bersama")),
                        tuple((year, tuple(sorted(found))) for year, found in sorted(years.items())),
                        tuple(spec.get("masuk", ())), spec.get("imported_at"), str(spec.get("imported_by", "")))


def _visible_calendars(connection: Connection, account: Account) -> list[dict[str, Any]]:
    return [spec for spec in stored_calendars(connection) if policy.may_see_calendar(connection, account, spec["unit"])]


def admin_calendars(runtime: Runtime, account: Account) -> CalendarsPage:
    """The deployment's calendar, the calendars of the units ``account`` administers, and those units that
    follow the deployment's."""
    policy.check_administer(account)
    with runtime.db.read() as connection:
        specs = _visible_calendars(connection, account)
        scope = policy.admin_unit_ids(connection, account)
        own = {spec["unit"] for spec in specs}
        following = tuple(row.code for row in _unit_rows(connection)
                          if (scope is None or row.id in scope) and row.code not in own)
    deployment = next((spec for spec in specs if spec["unit"] == ""), None)
    return CalendarsPage(_calendar_view(deployment or _default_spec(""), deployment is not None),
                         tuple(_calendar_view(spec, True) for spec in specs if spec["unit"]), following)


def export_calendars(runtime: Runtime, account: Account, csv_format: bool = False) -> str:
    """The stored calendars ``account`` sees, as the file ``alur kalender import`` and the upload read."""
    policy.check_administer(account)
    with runtime.db.read() as connection:
        specs = _visible_calendars(connection, account)
    return calendar_file_text(specs, csv_format)


def import_calendars(runtime: Runtime, account: Account, content: str, csv_format: bool, reason: str) -> list[str]:
    """Store (replace) the calendars of a YAML or CSV file, all or nothing; the units stored (``""``: the
    deployment's). A file sets calendars across the deployment: an ``admin``'s task.

    :raises InputError: a bad entry (naming the unit and the key); nothing is stored.
    """
    policy.check_full_admin(account)
    reason = require_reason(reason)
    specs = read_calendar_file(content, csv_format=csv_format)
    with runtime.db.write() as connection:
        for spec in specs:
            policy.check_admin_calendar(connection, account, spec["unit"])
        store_calendars(connection, specs, account.username, runtime.clock.now())
        units = [spec["unit"] for spec in specs]
        log(connection, runtime, account.username, "calendar_import", "kalender", reason, units=units)
    return units


def check_admin_calendar_target(runtime: Runtime, account: Account, unit: str) -> None:
    """Refuse at once an administrator who may not change the calendar of ``unit``, before a body is read."""
    with runtime.db.read() as connection:
        policy.check_admin_calendar(connection, account, unit)


def change_calendar_day(runtime: Runtime, account: Account, unit: str, day: dt.date, kind: str, reason: str, *,
                        remove: bool = False) -> CalendarView:
    """Add (or ``remove``) one day off of ``kind`` (``libur`` or ``cuti_bersama``) in the calendar of ``unit``
    (``""``: the deployment's); the calendar after the change. A unit without a calendar of its own gets one,
    a copy of the deployment's, from this change on.

    :raises AccessDeniedError: the account may not change this calendar. :raises NotFoundError: no such unit.
    :raises DataError: an unknown kind, no reason, the day already there (or, to remove, not there).
    """
    unit = unit.strip()
    with runtime.db.write() as connection:
        policy.check_admin_calendar(connection, account, unit)
        if kind not in DAY_OFF_KEYS:
            raise DataError.from_code("calendar_bad_day_kind", "jenis", value=kind[:40],
                                      kinds=", ".join(DAY_OFF_KEYS))
        reason = require_reason(reason)
        stored = {spec["unit"]: spec for spec in stored_calendars(connection)}
        if unit and unit not in stored and unit_id(connection, unit) is None:
            raise NotFoundError.from_code("org_unit_not_found", unit=unit)
        spec = dict(stored.get(unit) or stored.get("") or _default_spec(unit), unit=unit)
        spec.pop("imported_at", None)
        spec.pop("imported_by", None)
        key, text = DAY_OFF_KEYS[kind], day.isoformat()
        days = list(spec.get(key, ()))
        if remove:
            if text not in days:
                raise DataError.from_code("calendar_day_missing", "tanggal", day=text)
            days.remove(text)
        else:
            if text in days or text in spec.get("masuk", ()):
                raise DataError.from_code("calendar_day_taken", "tanggal", day=text)
            days.append(text)
        spec[key] = sorted(days)
        calendar_from_spec(spec)
        store_calendars(connection, [spec], account.username, runtime.clock.now())
        log(connection, runtime, account.username, "calendar_day_remove" if remove else "calendar_day_add",
            unit or "kalender", reason, unit=unit, day=text, kind=kind)
    return _calendar_view(spec, True)
