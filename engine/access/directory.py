"""The employee directory a NIP field looks up: who holds this NIP, and in which jabatan today.

A clerk typing a pegawai's NIP on the cuti form sees the name and jabatan it belongs to, so a
mistyped digit shows before the case goes on. The directory is the accounts' own ``nama`` and
``nip`` with the holdings that count today (:func:`engine.access.organisation.holdings_of`); who may
look it up is the policy's (:func:`engine.access.policy.check_employee_lookup`).
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from sqlalchemy import func, select

from engine.access.accounts import Account
from engine.access.organisation import holdings_of
from engine.access.policy import check_employee_lookup
from engine.errors import DataError
from engine.runtime.facade import Runtime
from engine.store.models import users

_NIP_DIGITS = 18
_SEPARATORS = re.compile(r"[\s.\-]+")


@dataclass(frozen=True)
class Employee:
    """A pegawai found by NIP."""

    nama: str
    nip: str
    #: ``(jabatan, unit)`` held today, by unit then jabatan.
    jabatan: tuple[tuple[str, str], ...]


def nip_digits(text: str) -> str:
    """The 18 digits of a NIP typed with or without its spaces and dots.

    :raises DataError: anything else (field ``nip``).
    """
    digits = _SEPARATORS.sub("", str(text)[:40])
    if len(digits) != _NIP_DIGITS or not digits.isdigit():
        raise DataError.from_code("employee_bad_nip", "nip", digits=_NIP_DIGITS)
    return digits


def find_employee(runtime: Runtime, account: Account, nip: str) -> Employee | None:
    """The pegawai whose NIP is ``nip`` (spaces and dots ignored on both sides), or ``None``.

    :raises AccessDeniedError: the account may not look up employees.
    :raises DataError: ``nip`` is not 18 digits.
    """
    check_employee_lookup(account)
    digits = nip_digits(nip)
    stored = func.replace(func.replace(func.replace(users.c.nip, " ", ""), ".", ""), "-", "")
    with runtime.db.read() as connection:
        row = connection.execute(select(users.c.username, users.c.nama, users.c.nip).where(stored == digits)
                                 .order_by(users.c.id).limit(1)).first()
        if row is None:
            return None
        held = holdings_of(connection, row.username, runtime.clock.now())
    return Employee(nama=row.nama, nip=row.nip, jabatan=tuple((item.jabatan, item.unit) for item in held))


__all__ = ["Employee", "find_employee", "nip_digits"]
