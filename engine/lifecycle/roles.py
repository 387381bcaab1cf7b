"""Who may take an SOP through its lifecycle: roles, the declared approver, separation of duties.

- the **penyusun** drafts, submits, answers overlap findings, starts the ujicoba and opens a revisi;
- the **verifikator** (Bagian Organisasi) accepts the verifikasi or returns the SOP with notes;
- the **pengesah** approves, or returns the SOP with notes, and must hold the jabatan the SOP names in
  DISAHKAN OLEH, an organisation jabatan of the SOP's unit or a unit above it (:func:`approver_check`);
- with separation of duties (on unless ``ALUR_SEPARATION_OF_DUTIES=0``) the author(s), the
  verifikator and the pengesah of one version are different people.
"""

from __future__ import annotations

import datetime as dt
import os
from dataclasses import dataclass
from typing import TYPE_CHECKING, TypeVar

from sqlalchemy import Connection

from engine.access.organisation import jabatan_up_from, normalised_name
from engine.errors import AccessDeniedError, AlurError, DataError
from engine.messages import message
from engine.sop.model import Sop

if TYPE_CHECKING:  # accounts import the runtime facade; only their type is needed here
    from engine.access.accounts import Account
    from engine.runtime.facade import Runtime

#: The environment variable that turns separation of duties off with ``0``.
SEPARATION_VARIABLE = "ALUR_SEPARATION_OF_DUTIES"
#: The environment variable that lets a Plh/Plt approve SOPs with ``1`` (off by default: UU 30/2014
#: art. 14(7) bars acting officials from strategic decisions; the Pemda decides).
ACTING_APPROVES_VARIABLE = "ALUR_ACTING_MAY_APPROVE"
_NO = ("0", "false", "no", "tidak", "off")

E = TypeVar("E", bound=AlurError)


@dataclass(frozen=True)
class LifecycleSettings:
    """Per-deployment lifecycle settings."""

    #: Author, verifikator and pengesah of one version must be three different people.
    separation_of_duties: bool = True
    #: A Plh/Plt acting for the jabatan DISAHKAN OLEH names may approve (off by default).
    acting_may_approve: bool = False

    @classmethod
    def from_env(cls) -> LifecycleSettings:
        """``$ALUR_SEPARATION_OF_DUTIES`` (``0``, ``false``, ``tidak`` or ``off`` turn it off) and
        ``$ALUR_ACTING_MAY_APPROVE`` (on only with ``1``, ``true``, ``ya`` or ``on``)."""
        value = os.environ.get(SEPARATION_VARIABLE, "1").strip().lower()
        acting = os.environ.get(ACTING_APPROVES_VARIABLE, "0").strip().lower()
        return cls(separation_of_duties=value not in _NO, acting_may_approve=acting in ("1", "true", "yes", "ya", "on"))


@dataclass(frozen=True)
class ApproverCheck:
    """Whether an account may sign for the jabatan an SOP names in DISAHKAN OLEH, and how."""

    holds: bool
    #: ``plh`` or ``plt`` when the account signs as an acting official; ``""`` as the holder itself.
    acting: str = ""
    #: The unit whose jabatan DISAHKAN OLEH names (where it was found, else the SOP's unit); ``""``
    #: when the SOP's unit is not in the organisation (the name fallback).
    unit: str = ""


def approver_check(connection: Connection, account: Account, sop: Sop,
                   settings: LifecycleSettings | None = None) -> ApproverCheck:
    """Whether ``account`` holds, today, the organisation jabatan ``sop`` names in DISAHKAN OLEH.

    The jabatan is the one of that name in the SOP's unit (``identity.unit``) or, failing that, in the
    nearest unit above it (:func:`engine.access.organisation.jabatan_up_from`: "Kepala Dinas" of the
    OPD above a Subbagian). The account must hold that jabatan id (its holdings as the policy loads
    them: inside their dates today) or, when ``settings`` (default: the environment,
    :meth:`LifecycleSettings.from_env`) allow it, act for it as Plh/Plt in a running assignment. A
    jabatan of the same name in another unit or OPD does not count.

    Name fallback: only when the SOP's unit is not a unit of the organisation at all (a register not
    linked yet), the holding's jabatan text is compared with the declared name (case, spaces,
    punctuation and accents ignored), in any unit: there are no ids to compare.
    """
    declared = sop.identity.disahkan_oleh.jabatan
    if not declared.strip():
        return ApproverCheck(False)
    acting_allowed = (settings or LifecycleSettings.from_env()).acting_may_approve
    placed = jabatan_up_from(connection, sop.identity.unit, declared)
    if placed is None:  # the SOP's unit is unknown to the organisation: compare names
        wanted = normalised_name(declared)
        if any(normalised_name(jabatan) == wanted for jabatan, _ in account.jabatan):
            return ApproverCheck(True)
        for held in account.holdings:
            if held.acting and acting_allowed and normalised_name(held.jabatan) == wanted:
                return ApproverCheck(True, held.acting)
        return ApproverCheck(False)
    mine = [held for held in account.holdings
            if held.unit_id == placed.unit_id and held.jabatan_id in placed.jabatan_ids]
    if any(not held.acting for held in mine):
        return ApproverCheck(True, unit=placed.unit)
    acting = [held.acting for held in mine if held.acting]
    if acting and acting_allowed:
        return ApproverCheck(True, acting[0], placed.unit)
    return ApproverCheck(False, unit=placed.unit)


def approver_holds(runtime: Runtime, account: Account, sop: Sop, settings: LifecycleSettings | None = None) -> bool:
    """Whether ``account`` may approve ``sop`` as the jabatan its DISAHKAN OLEH names (:func:`approver_check`)."""
    with runtime.db.read() as connection:
        return approver_check(connection, account, sop, settings).holds


def approver_unit(runtime: Runtime, sop: Sop) -> str:
    """The unit whose jabatan ``sop`` names in DISAHKAN OLEH, as :func:`approver_check` places it: the
    SOP's unit or the nearest unit above it that has that jabatan (the SOP's unit when none has it or
    the organisation does not know it), for the approve page to say "Camat — Kecamatan Sukamaju Kota"."""
    declared = sop.identity.disahkan_oleh.jabatan
    if not declared.strip():
        return sop.identity.unit
    with runtime.db.read() as connection:
        placed = jabatan_up_from(connection, sop.identity.unit, declared)
    return sop.identity.unit if placed is None else placed.unit


def refusal(kind: type[E], code: str, field: str = "", **params: object) -> E:
    """An error of ``kind`` from catalogue entry ``code`` (Indonesian message, renderable in English)."""
    texts = {name: str(value) for name, value in params.items()}
    error = kind(message(code, "id", **texts))
    error.code, error.params = code, texts
    if field and isinstance(error, DataError):
        error.field = field
    return error


def require_role(account: Account, role: str) -> None:
    """:raises AccessDeniedError: ``account`` does not have ``role`` (admin has every role)."""
    if not account.has(role):
        raise refusal(AccessDeniedError, "lifecycle_not_role", user=account.username, role=role)


def require_confirmation(confirmed: bool) -> None:
    """:raises DataError: the user did not tick "Saya yakin" (field ``yakin``)."""
    if not confirmed:
        raise refusal(DataError, "lifecycle_confirm", "yakin")


def require_reason(reason: str) -> None:
    """:raises DataError: an empty reason (field ``alasan``)."""
    if not reason.strip():
        raise refusal(DataError, "lifecycle_reason_required", "alasan")


def today_in(zone: dt.tzinfo, now: dt.datetime) -> dt.date:
    """The calendar day of ``now`` in ``zone`` (WIB by default in a deployment)."""
    return now.astimezone(zone).date()


def effective_date(text: str) -> dt.date | None:
    """A posted TANGGAL EFEKTIF (``YYYY-MM-DD``); ``None`` when empty (today is the default).

    :raises DataError: not a date (field ``tanggal_efektif``).
    """
    text = text.strip()
    if not text:
        return None
    try:
        return dt.date.fromisoformat(text)
    except ValueError as exc:
        raise refusal(DataError, "lifecycle_bad_date", "tanggal_efektif", value=text) from exc


def check_effective(effective: dt.date, now: dt.datetime, zone: dt.tzinfo) -> None:
    """:raises DataError: ``effective`` is before the approval day in ``zone`` (field ``tanggal_efektif``)."""
    today = today_in(zone, now)
    if effective < today:
        raise refusal(DataError, "lifecycle_effective_past", "tanggal_efektif", date=effective.isoformat(),
                      today=today.isoformat(), zone=getattr(zone, "key", str(zone)))


def check_separation(settings: LifecycleSettings, key: str, user: str, authors: frozenset[str],
                     verifier: str | None = None, *, approving: bool) -> None:
    """:raises AccessDeniedError: ``user`` wrote (or, approving, verified) this version."""
    if not settings.separation_of_duties:
        return
    if user in authors:
        raise refusal(AccessDeniedError, "lifecycle_author_approves" if approving else "lifecycle_author_verifies",
                      user=user, key=key)
    if approving and verifier is not None and user == verifier:
        raise refusal(AccessDeniedError, "lifecycle_verifier_approves", user=user, key=key)
