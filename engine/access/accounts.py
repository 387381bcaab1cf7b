"""Web accounts: hashed passwords, roles and hashed API tokens, beside the runtime's users.

Roles::

    admin      everything, including accounts
    penyusun   writes SOPs (modeler): register, editor, ajukan verifikasi, ujicoba, revisi
    verifikator  Bagian Organisasi: decides the verifikasi of SOPs (accept, or return with notes)
    pengesah   approves SOPs (sahkan) and sees what the penyusun sees
    pelaksana  clerk: worklist of the jabatan held in a unit (holdings), tasks, start instances
    pemantau   auditor: read-only instances, traces and the audit chain of the units held

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

from sqlalchemy import delete, insert, select, update

from engine.errors import AccessDeniedError, DataError, NotFoundError
from engine.runtime.facade import Runtime
from engine.store import repo
from engine.store.models import accounts, api_tokens

ROLES = ("admin", "penyusun", "verifikator", "pengesah", "pelaksana", "pemantau")
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
    #: ``(jabatan, unit)`` pairs held (from the runtime's holdings).
    jabatan: tuple[tuple[str, str], ...]

    def has(self, *roles: str) -> bool:
        """True when the account has one of ``roles`` (admin has them all)."""
        return "admin" in self.roles or any(role in self.roles for role in roles)

    @property
    def units(self) -> frozenset[str]:
        """Units where the account holds a jabatan."""
        return frozenset(unit for _, unit in self.jabatan)

    @property
    def sees_every_unit(self) -> bool:
        """Admins, and a pemantau who holds no jabatan (an inspectorate auditor), see every unit."""
        return "admin" in self.roles or (not self.jabatan and "pemantau" in self.roles)

    def sees_unit(self, unit: str) -> bool:
        """True when the account may see the data of ``unit``: every unit, or one it holds a jabatan in."""
        return self.sees_every_unit or unit in self.units


def _check_roles(roles: Iterable[str]) -> list[str]:
    chosen = sorted(set(roles))
    unknown = [role for role in chosen if role not in ROLES]
    if unknown or not chosen:
        raise DataError(f"Peran tidak dikenal: {', '.join(unknown) or '(kosong)'}; pilih dari {', '.join(ROLES)}.")
    return chosen


def add_account(runtime: Runtime, username: str, password: str, roles: Iterable[str], nama: str = "",
                nip: str = "", jabatan: Iterable[tuple[str, str]] = ()) -> Account:
    """Create (or update) a login with a hashed password and roles; the runtime user is created too.

    :raises DataError: a password shorter than 8 characters, or an unknown role.
    """
    if len(password) < 8:
        raise DataError("Kata sandi minimal 8 karakter.")
    chosen = _check_roles(roles)
    runtime.add_user(username, nama, nip, jabatan)
    hashed = generate_password_hash(password)
    with runtime.db.write() as connection:
        found = connection.execute(select(accounts.c.id).where(accounts.c.username == username)).first()
        if found is None:
            connection.execute(insert(accounts), {"username": username, "password_hash": hashed,
                                                  "roles": " ".join(chosen), "created_at": runtime.clock.now()})
        else:
            connection.execute(update(accounts).where(accounts.c.id == found.id)
                               .values(password_hash=hashed, roles=" ".join(chosen)))
    return account(runtime, username)


def account(runtime: Runtime, username: str) -> Account:
    """:raises NotFoundError: no login with this name."""
    with runtime.db.read() as connection:
        row = connection.execute(select(accounts).where(accounts.c.username == username)).first()
        if row is None:
            raise NotFoundError(f"Akun '{username}' tidak ada.")
        user = repo.user_by_name(connection, username)
    return Account(username, user.nama, user.nip, frozenset(row.roles.split()), user.jabatan)


def authenticate(runtime: Runtime, username: str, password: str) -> Account:
    """The account when the password matches.

    :raises AccessDeniedError: wrong name or password (the same message for both).
    """
    with runtime.db.read() as connection:
        row = connection.execute(select(accounts.c.password_hash).where(accounts.c.username == username)).first()
    if row is None or not check_password_hash(row.password_hash, password):
        raise AccessDeniedError("Nama pengguna atau kata sandi salah.")
    return account(runtime, username)


class LoginThrottle:
    """Refuses logins for a name after too many failed attempts in a short time (password guessing).

    Kept in the memory of one process: enough to slow down guessing against a single server; the
    failures are forgotten when the window has passed or the right password is given.

    :param limit: failed attempts allowed within ``window``.
    :param window: how long a failure counts.
    """

    def __init__(self, limit: int = 5, window: dt.timedelta = dt.timedelta(minutes=15)) -> None:
        self.limit = limit
        self.window = window
        self._failures: dict[str, list[dt.datetime]] = {}
        self._lock = threading.Lock()

    def check(self, username: str, now: dt.datetime) -> None:
        """:raises AccessDeniedError: while ``username`` is locked out, saying for how long."""
        with self._lock:
            recent = [moment for moment in self._failures.get(username, []) if now - moment < self.window]
            self._failures[username] = recent
            if len(recent) >= self.limit:
                wait = max(1, int((recent[0] + self.window - now).total_seconds() // 60) + 1)
                raise AccessDeniedError(f"Terlalu banyak percobaan masuk yang gagal untuk '{username}'; "
                                        f"coba lagi dalam {wait} menit.")

    def failed(self, username: str, now: dt.datetime) -> None:
        with self._lock:
            self._failures.setdefault(username, []).append(now)

    def succeeded(self, username: str) -> None:
        with self._lock:
            self._failures.pop(username, None)


def login(runtime: Runtime, throttle: LoginThrottle, username: str, password: str) -> Account:
    """:func:`authenticate` behind ``throttle``: a locked-out name is refused before its password is checked.

    :raises AccessDeniedError: locked out, or wrong name or password.
    """
    now = runtime.clock.now()
    throttle.check(username, now)
    try:
        found = authenticate(runtime, username, password)
    except AccessDeniedError:
        throttle.failed(username, now)
        raise
    throttle.succeeded(username)
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
    with runtime.db.read() as connection:
        row = connection.execute(select(api_tokens.c.username)
                                 .where(api_tokens.c.token_hash == _digest(token))).first()
    if row is None:
        raise AccessDeniedError("Token API tidak sah.")
    return account(runtime, row.username)
