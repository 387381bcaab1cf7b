"""Web accounts: hashed passwords, roles and hashed API tokens, beside the runtime's users.

Roles::

    admin      everything, including accounts
    penyusun   writes SOPs (modeler): register, editor, ajukan verifikasi, ujicoba, revisi
    verifikator  Bagian Organisasi: decides the verifikasi of SOPs (accept, or return with notes)
    pengesah   approves SOPs (sahkan) and sees what the penyusun sees
    pelaksana  clerk: worklist of the jabatan held in a unit (holdings), tasks, start instances
    pemantau   auditor: read-only instances, traces and the audit chain of the units held
    admin_opd  administers the organisation (units, jabatan, people, holdings, Plh/Plt, logins) of the
               OPD(s) above the units where the account holds a jabatan

A password is stored as a salted scrypt hash; an API token is shown once and stored as its SHA-256.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import hmac
import secrets
import threading
from dataclasses import dataclass
from typing import Iterable

from sqlalchemy import Connection, bindparam, delete, insert, select, update

from engine.access.organisation import Holding, holdings_of, link_holdings, unlinked

from engine.access.throttle import LoginThrottle
from engine.errors import AccessDeniedError, DataError, NotFoundError
from engine.runtime.facade import Runtime
from engine.store import repo
from engine.store.models import account_sessions, accounts, api_tokens, sop_team_members

ROLES = ("admin", "penyusun", "verifikator", "pengesah", "pelaksana", "pemantau", "admin_opd", "supervisor")
#: scrypt cost (n, r, p): ~50 ms per check on a laptop.
_SCRYPT = (2**14, 8, 1)


def generate_password_hash(password: str) -> str:
    """``scrypt$n$r$p$salt$hash`` of ``password`` with a fresh random salt."""
    n, r, p = _SCRYPT
    salt = secrets.token_hex(16)
    digest = hashlib.scrypt(password.encode(), salt=salt.encode(), n=n, r=r, p=p, dklen=32).hex()
    return f"scrypt${n}${r}${p}${salt}${digest}"


def check_password_hash(stored: str, password: str) -> bool:
    """True when ``password`` matches the stored hash (compared in constant time)."""
    try:
        scheme, n, r, p, salt, digest = stored.split("$")
        computed = hashlib.scrypt(password.encode(), salt=salt.encode(), n=int(n), r=int(r), p=int(p),
                                  dklen=32).hex()
    except ValueError:
        return False
    return scheme == "scrypt" and hmac.compare_digest(computed, digest)


@dataclass(frozen=True)
class Account:
    """A person who logs in: the runtime user plus roles."""

    username: str
    nama: str
    nip: str
    roles: frozenset[str]
    #: ``(jabatan, unit)`` pairs held today (from the runtime's holdings, inside their dates), as text.
    jabatan: tuple[tuple[str, str], ...]
    #: The same holdings by organisation id (:mod:`engine.access.organisation`), then the running acting
    #: assignments (Plh/Plt): what the policy compares.
    holdings: tuple[Holding, ...] = ()
    #: Where notifications go (:mod:`engine.notify`): e-mail, phone (webhook), language of the messages.
    email: str = ""
    phone: str = ""
    language: str = ""
    #: True when the account has any holding at all, current or not (an ended one still binds it to units).
    held_ever: bool = False
    #: Ids of the SKPD units the account drafts SOPs for as a member of a Tim penyusun
    #: (:mod:`engine.lifecycle.tim`): the penyusun role for those units only (the policy's
    #: :func:`~engine.access.policy.drafting_units` narrows it to them).
    drafting_unit_ids: frozenset[int] = frozenset()

    def has(self, *roles: str) -> bool:
        """True when the account has one of ``roles`` (admin has them all; a Tim member has ``penyusun``)."""
        return "admin" in self.roles or any(role in self.roles for role in roles) or (
            "penyusun" in roles and bool(self.drafting_unit_ids))

    @property
    def unit_ids(self) -> frozenset[int]:
        """Ids of the units where the account holds a jabatan."""
        return frozenset(held.unit_id for held in self.holdings)

    @property
    def sees_every_unit(self) -> bool:
        """Admins, and a pemantau who holds no jabatan (an inspectorate auditor), see every unit."""
        return "admin" in self.roles or (not self.held_ever and not self.holdings and "pemantau" in self.roles)


def _check_roles(roles: Iterable[str]) -> list[str]:
    chosen = sorted(set(roles))
    unknown = [role for role in chosen if role not in ROLES]
    if unknown or not chosen:
        raise DataError.from_code("account_unknown_roles", unknown=', '.join(unknown) or '(kosong)',
                                  roles=', '.join(ROLES))
    return chosen


#: Passwords refused whatever their length (the most common ones in breach lists, and Alur's own words).
COMMON_PASSWORDS = frozenset({
    "12345678", "123456789", "1234567890", "87654321", "11111111", "00000000", "password", "password1",
    "password123", "passw0rd", "qwertyui", "qwertyuiop", "qwerty123", "1q2w3e4r", "1qaz2wsx", "abcd1234",
    "abc12345", "iloveyou", "sunshine", "princess", "football", "baseball", "welcome1", "admin123",
    "administrator", "letmein1", "superman", "katasandi", "katasandi123", "rahasia1", "rahasia123",
    "bismillah", "indonesia", "indonesia1", "jakarta1", "alur1234", "alur12345", "sayangku", "12341234",
})
MIN_PASSWORD = 8
MAX_PASSWORD = 256


def check_password(username: str, password: str) -> None:
    """The password policy: 8 to 256 characters, not one character repeated, not the user name, not common.

    :raises DataError: naming the field ``password`` and the rule broken.
    """
    lowered = password.strip().lower()
    if len(password) < MIN_PASSWORD:
        raise DataError.from_code("account_password_too_short", "password", minimum=MIN_PASSWORD)
    if len(password) > MAX_PASSWORD:
        raise DataError.from_code("account_password_too_long", "password", maximum=MAX_PASSWORD)
    if len(set(password)) == 1:
        raise DataError.from_code("account_password_one_character", "password")
    if username and lowered in {username.lower(), username.lower()[::-1]}:
        raise DataError.from_code("account_password_is_username", "password")
    if lowered in COMMON_PASSWORDS:
        raise DataError.from_code("account_password_common", "password")


def add_account(runtime: Runtime, username: str, password: str, roles: Iterable[str], nama: str = "",
                nip: str = "", jabatan: Iterable[tuple[str, str]] = (), *, email: str = "", phone: str = "",
                language: str = "") -> Account:
    """Create (or update) a login with a hashed password and roles; the runtime user is created too.

    Updating an account (a new password) ends every session and API token it had, and enables it again.

    :param email: optional contacts for notifications (see :meth:`Runtime.add_user`).
    :raises DataError: a password the policy (:func:`check_password`) refuses, an unknown role, or a
        contact that is not valid.
    """
    check_password(username, password)
    chosen = _check_roles(roles)
    runtime.add_user(username, nama, nip, jabatan, email=email, phone=phone, language=language)
    with runtime.db.write() as connection:
        link_holdings(connection, username)
    hashed = generate_password_hash(password)
    now = runtime.clock.now()
    with runtime.db.write() as connection:
        found = connection.execute(select(accounts.c.id).where(accounts.c.username == username)).first()
        if found is None:
            connection.execute(insert(accounts), {"username": username, "password_hash": hashed,
                                                  "roles": " ".join(chosen), "created_at": now})
        else:
            connection.execute(update(accounts).where(accounts.c.id == found.id)
                               .values(password_hash=hashed, roles=" ".join(chosen)))
        _end_sessions(connection, username, now, disabled=False)
    return account(runtime, username)


def _end_sessions(connection: Connection, username: str, now: dt.datetime, *, disabled: bool) -> int:
    """Raise the session version of ``username`` and remove its API tokens; the new version."""
    row = connection.execute(select(account_sessions.c.version)
                             .where(account_sessions.c.username == username)).first()
    if row is None:
        connection.execute(insert(account_sessions), {"username": username, "version": 1, "disabled": disabled,
                                                      "changed_at": now})
        version = 1
    else:
        version = int(row.version) + 1
        connection.execute(update(account_sessions).where(account_sessions.c.username == username)
                           .values(version=version, disabled=disabled, changed_at=now))
    connection.execute(delete(api_tokens).where(api_tokens.c.username == username))
    return version


def end_sessions(runtime: Runtime, username: str) -> int:
    """Log ``username`` out everywhere: every session cookie and API token dies; the new session version."""
    with runtime.db.write() as connection:
        row = connection.execute(select(account_sessions.c.disabled)
                                 .where(account_sessions.c.username == username)).first()
        return _end_sessions(connection, username, runtime.clock.now(), disabled=bool(row and row.disabled))


def disable_account(runtime: Runtime, username: str) -> None:
    """Refuse every login, session and token of ``username`` until :func:`add_account` sets a password again.

    :raises NotFoundError: no login with this name.
    """
    account(runtime, username)
    with runtime.db.write() as connection:
        _end_sessions(connection, username, runtime.clock.now(), disabled=True)


def session_version(runtime: Runtime, username: str) -> int:
    """The current session version of ``username`` (0 for an account made before versions existed).

    :raises AccessDeniedError: the account is disabled.
    """
    with runtime.db.read() as connection:
        return _session_version(connection, username)


def _session_version(connection: Connection, username: str) -> int:
    row = connection.execute(_SESSION_VERSION, {"username": username}).first()
    if row is not None and row.disabled:
        raise AccessDeniedError.from_code("account_disabled")
    return 0 if row is None else int(row.version)


def session_account(runtime: Runtime, username: str, version: object) -> Account:
    """The account of a session cookie that carries ``version``.

    :raises AccessDeniedError: the session ended (logout, new password, disabled).
    :raises NotFoundError: no login with this name.
    """
    # Every request asks this: the version check and the account are read in one transaction.
    with runtime.db.read() as connection:
        if not isinstance(version, int) or version != _session_version(connection, username):
            raise AccessDeniedError.from_code("account_session_expired")
        found = _read_account(connection, username, runtime.clock.now())
    return found if found is not None else account(runtime, username)


# Built once: the statements every request runs (building a select and its cache key per call cost
# more than running it on SQLite).
_SESSION_VERSION = (select(account_sessions.c.version, account_sessions.c.disabled)
                    .where(account_sessions.c.username == bindparam("username")))
_ACCOUNT = select(accounts).where(accounts.c.username == bindparam("username"))
_DRAFTING = (select(sop_team_members.c.unit_id)
             .where(sop_team_members.c.username == bindparam("username"), sop_team_members.c.ended_at.is_(None)))
_TOKEN = select(api_tokens.c.username).where(api_tokens.c.token_hash == bindparam("token_hash"))


def _read_account(connection: Connection, username: str, now: dt.datetime) -> Account | None:
    """The account read in ``connection``; ``None`` when a holding must be linked first (a write).

    :raises NotFoundError: no login with this name.
    """
    row = connection.execute(_ACCOUNT, {"username": username}).first()
    if row is None:
        raise NotFoundError.from_code("account_not_found", username=username)
    if unlinked(connection, username):
        return None
    user = repo.user_by_name(connection, username)
    held = holdings_of(connection, username, now)
    drafting = frozenset(int(unit) for unit in connection.execute(_DRAFTING, {"username": username}).scalars())
    # Only what counts today: a holding outside its dates is left out, an acting one is not the jabatan itself.
    jabatan = tuple((found.jabatan, found.unit) for found in held if not found.acting)
    return Account(username, user.nama, user.nip, frozenset(row.roles.split()), jabatan, held,
                   user.email, user.phone, user.language, bool(user.jabatan), drafting)


def account(runtime: Runtime, username: str) -> Account:
    """The login ``username`` with its roles and holdings (a holding without ids is linked first).

    :raises NotFoundError: no login with this name.
    """
    with runtime.db.read() as connection:
        found = _read_account(connection, username, runtime.clock.now())
    if found is not None:
        return found
    # a jabatan added by 'alur user add' or Runtime.add_user: its unit and jabatan get ids now
    with runtime.db.write() as connection:
        link_holdings(connection, username)
    with runtime.db.read() as connection:
        found = _read_account(connection, username, runtime.clock.now())
    assert found is not None, "linked in the write just before"
    return found


_DUMMY: list[str] = []
_DUMMY_LOCK = threading.Lock()


def _dummy_hash() -> str:
    """A hash of a random password, made once: unknown names cost one scrypt like known ones."""
    with _DUMMY_LOCK:
        if not _DUMMY:
            _DUMMY.append(generate_password_hash(secrets.token_hex(16)))
        return _DUMMY[0]


def authenticate(runtime: Runtime, username: str, password: str) -> Account:
    """The account when the password matches (an unknown name takes as long as a wrong password).

    :raises AccessDeniedError: wrong name or password (the same message for both), or a disabled account.
    """
    with runtime.db.read() as connection:
        row = connection.execute(select(accounts.c.password_hash).where(accounts.c.username == username)).first()
    matches = check_password_hash(row.password_hash if row is not None else _dummy_hash(), password[:MAX_PASSWORD])
    if row is None or not matches:
        raise AccessDeniedError.from_code("account_bad_login")
    session_version(runtime, username)
    return account(runtime, username)


def login(runtime: Runtime, throttle: LoginThrottle, username: str, password: str, address: str = "") -> Account:
    """:func:`authenticate` behind ``throttle`` (kept in the database, shared by every server process).

    A name or address that is being slowed down is refused before its password is checked.

    :raises AccessDeniedError: wait first, or wrong name or password.
    """
    now = runtime.clock.now()
    throttle.check(runtime, username, address, now)
    try:
        found = authenticate(runtime, username, password)
    except AccessDeniedError:
        throttle.failed(runtime, username, address, now)
        raise
    throttle.succeeded(runtime, username, address)
    return found


def _digest(token: str) -> str:
    return hashlib.sha256(token.encode()).hexdigest()


def issue_token(runtime: Runtime, username: str) -> str:
    """A new API token for ``username``; only its hash is stored, so show it once."""
    account(runtime, username)
    token = "alur_" + secrets.token_urlsafe(32)
    with runtime.db.write() as connection:
        connection.execute(insert(api_tokens), {"username": username, "token_hash": _digest(token),
                                                "created_at": runtime.clock.now()})
    return token


def revoke_tokens(runtime: Runtime, username: str) -> int:
    """Remove every API token of ``username``; the number removed."""
    with runtime.db.write() as connection:
        return int(connection.execute(delete(api_tokens).where(api_tokens.c.username == username)).rowcount)


def token_account(runtime: Runtime, token: str) -> Account:
    """The account an API token belongs to.

    :raises AccessDeniedError: unknown token.
    """
    with runtime.db.read() as connection:  # token, session version and account in one transaction
        row = connection.execute(_TOKEN, {"token_hash": _digest(token)}).first()
        if row is None:
            raise AccessDeniedError.from_code("account_bad_token")
        _session_version(connection, row.username)
        found = _read_account(connection, row.username, runtime.clock.now())
    return found if found is not None else account(runtime, row.username)
