"""The SOP lifecycle per definition: draft -> verifikasi -> ujicoba -> disahkan -> revisi (-> verifikasi ...).

The working draft is kept as an SOP sheet beside the published versions. The penyusun submits it
for verifikasi; the verifikator (:mod:`engine.lifecycle.review`) accepts it, once every overlap
finding is answered, or returns it with notes. ``ujicoba`` publishes the accepted draft as a draft
version (its instances are trial instances); ``sahkan`` is for a pengesah who holds the jabatan the
SOP names in DISAHKAN OLEH: that jabatan stays, nama and NIP come from the approver's account, the
TANGGAL EFEKTIF is the chosen day (today in the deployment's zone by default, never earlier), and
the version is published as approved. ``revisi`` (with a reason) opens a new draft from the newest
approved version. Every action is an event of the round (:mod:`engine.lifecycle.records`): who,
when and why; :mod:`engine.lifecycle.roles` says who may act.
"""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass, replace
from typing import Any

from sqlalchemy import Connection, func, insert, select, update

from engine.access.accounts import Account, account
from engine.access.policy import check_draft_unit
from engine.bpmn.reader import read_bpmn
from engine.errors import AccessDeniedError, DataError, NotFoundError, TaskError
from engine.formats.files import dump, load_bytes
from engine.lifecycle import records
from engine.lifecycle.records import LifecycleEvent
from engine.lifecycle.roles import (
    ApproverCheck,
    LifecycleSettings,
    approver_check,
    check_effective,
    check_separation,
    refusal,
    require_role,
    today_in,
)
from engine.lifecycle.ujicoba import UjicobaGate, ujicoba_complete
from engine.runtime.facade import Runtime
from engine.runtime.work import VersionInfo
from engine.sop.diff import Change, diff_sops
from engine.sop.model import Approval, Identity, Sop
from engine.sop.numbering import DEFAULT_PATTERN, next_number
from engine.sop.overlap import Overlap, overlap_report
from engine.sop.validate import ensure_valid
from engine.store.models import definitions, lifecycle_events, sop_inventory, sop_lifecycle, versions

STATUSES = ("draft", "verifikasi", "ujicoba", "disahkan", "revisi")
#: Statuses in which the penyusun may still edit the working draft.
EDITABLE = ("draft", "verifikasi", "ujicoba", "revisi")


@dataclass(frozen=True)
class RegisterEntry:
    """One row of the daftar inventarisasi SOP."""

    key: str
    nama: str
    nomor: str
    unit: str
    status: str
    #: Newest published version number (0: never published).
    version: int
    updated_by: str
    updated_at: dt.datetime | None


def _sheet(sop: Sop) -> str:
    return dump(sop, "sop.yaml").decode("utf-8")


def _from_sheet(text: str) -> Sop:
    return load_bytes(text.encode("utf-8"), "sop.yaml").sop


#: Identity of published versions, which never change: ``(database url, key, number) -> Identity``.
_IDENTITIES: dict[tuple[str, str, int], Identity] = {}


def _published_sop(runtime: Runtime, key: str, number: int | None = None) -> Sop:
    return read_bpmn(runtime.bpmn(key, number)).sop


def _published_identity(runtime: Runtime, key: str, number: int) -> Identity:
    cache_key = (runtime.db.url, key, number)
    found = _IDENTITIES.get(cache_key)
    if found is None:
        found = _IDENTITIES[cache_key] = _published_sop(runtime, key, number).identity
    return found


def _row(runtime: Runtime, key: str) -> Any:
    with runtime.db.read() as connection:
        return connection.execute(select(sop_lifecycle).where(sop_lifecycle.c.key == key)).first()


def _write_status(connection: Connection, key: str, status: str, by: str, now: dt.datetime,
                  sop: Sop | None = None, layout: str | None = None) -> None:
    """Set the register row's status (and the draft and its drawing layout, when given); a new row needs ``sop``."""
    row = connection.execute(select(sop_lifecycle.c.id).where(sop_lifecycle.c.key == key)).first()
    values: dict[str, Any] = {"status": status, "updated_by": by, "updated_at": now}
    if sop is not None:
        values.update(sheet=_sheet(sop), nama=sop.identity.nama, nomor=sop.identity.nomor, unit=sop.identity.unit)
    if layout is not None:
        values["layout"] = layout
    if row is None:
        if sop is None:
            raise refusal(NotFoundError, "lifecycle_not_in_register", key=key)
        # the status history is in lifecycle_events since 0004l; the column keeps older entries only
        connection.execute(insert(sop_lifecycle), {"key": key, "history": "[]", **values})
    else:
        connection.execute(update(sop_lifecycle).where(sop_lifecycle.c.id == row.id).values(**values))


def _act(runtime: Runtime, key: str, action: str, status: str, by: str, *, sop: Sop | None = None,
         reason: str = "", version: int | None = None, notes: tuple[tuple[str, str], ...] = (),
         verified: bool | None = None, layout: str | None = None) -> int:
    """One transition in one transaction: the status, the round and the event; the event's id.

    :param verified: ``True`` records ``by`` as the round's verifikator, ``False`` clears it.
    :param layout: the drawing view's layout to keep with the draft (``None`` keeps the stored one).
    """
    now = runtime.clock.now()
    with runtime.db.write() as connection:
        _write_status(connection, key, status, by, now, sop, layout)
        round_ = records.ensure_round(connection, key, by, now)
        if verified is not None:
            records.set_verified(connection, round_.id, by if verified else None, now if verified else None)
        return records.record(connection, key, action, status, by, now, round_id=round_.id, reason=reason,
                              version=version, notes=notes)


def status(runtime: Runtime, key: str) -> str:
    """The lifecycle status; an SOP published outside the register counts as ``disahkan``."""
    row = _row(runtime, key)
    if row is not None:
        return str(row.status)
    runtime.versions(key)
    return "disahkan"


def history(runtime: Runtime, key: str) -> list[LifecycleEvent]:
    """Every action on the SOP (who, when, why, the status after it, notes of a return), oldest first."""
    with runtime.db.read() as connection:
        return records.events(connection, key)


def current_round(runtime: Runtime, key: str) -> records.Round | None:
    """The open drafting round (who opened it, who accepted its verifikasi), if any."""
    with runtime.db.read() as connection:
        return records.open_round(connection, key)


def returned(runtime: Runtime, key: str) -> LifecycleEvent | None:
    """The return (with its notes) the penyusun has to work on: the newest one not followed by a submission."""
    with runtime.db.read() as connection:
        return records.latest_return(connection, key)


def working_sop(runtime: Runtime, key: str) -> Sop:
    """The working draft, or the newest published version when there is no draft.

    :raises NotFoundError: no such SOP.
    """
    row = _row(runtime, key)
    if row is not None:
        return _from_sheet(row.sheet)
    return _published_sop(runtime, key)


# Built once (the worklist page asks for the register's names on every request); the columns an entry shows,
# not the drafts' sheets and histories.
_REGISTER_ROWS = select(sop_lifecycle.c.key, sop_lifecycle.c.nama, sop_lifecycle.c.nomor, sop_lifecycle.c.unit,
                        sop_lifecycle.c.status, sop_lifecycle.c.updated_by, sop_lifecycle.c.updated_at)
_PUBLISHED_NUMBERS = (select(definitions.c.key, func.max(versions.c.number))
                      .join(versions, versions.c.definition_id == definitions.c.id).group_by(definitions.c.key))


def register(runtime: Runtime, search: str = "") -> list[RegisterEntry]:
    """The daftar inventarisasi: every SOP in the register or published, by name."""
    with runtime.db.read() as connection:
        drafts = {row.key: row for row in connection.execute(_REGISTER_ROWS).all()}
        published = {str(key): int(number) for key, number in connection.execute(_PUBLISHED_NUMBERS)}
    entries: list[RegisterEntry] = []
    for key in sorted(set(drafts) | set(published)):
        row = drafts.get(key)
        if row is not None:
            entries.append(RegisterEntry(key, row.nama, row.nomor, row.unit, row.status, published.get(key, 0),
                                         row.updated_by, row.updated_at))
        else:
            identity = _published_identity(runtime, key, published[key])
            entries.append(RegisterEntry(key, identity.nama, identity.nomor, identity.unit, "disahkan",
                                         published[key], "", None))
    if search.strip():
        needle = search.strip().lower()
        entries = [e for e in entries if needle in f"{e.nama} {e.nomor} {e.unit} {e.key}".lower()]
    return sorted(entries, key=lambda e: (e.unit, e.nomor, e.nama))


def _person(runtime: Runtime, by: str, role: str) -> Account:
    found = account(runtime, by)
    require_role(found, role)
    return found


def _drafter(runtime: Runtime, by: str, *units: str) -> Account:
    """The penyusun ``by``, when it drafts SOPs of every one of ``units`` (a Tim member: its SKPD's).

    :raises AccessDeniedError: not a penyusun, or a Tim member of another SKPD.
    """
    found = _person(runtime, by, "penyusun")
    with runtime.db.read() as connection:
        for unit in units:
            check_draft_unit(connection, found, unit)
    return found


def save_draft(runtime: Runtime, key: str, sop: Sop, by: str, layout: str | None = None) -> str:
    """Keep ``sop`` as the working draft of ``key`` (a new register entry when the key is new).

    ``layout`` (see :mod:`engine.bpmn.drawing`) replaces the drawing view's kept positions; ``None``
    (a save from the table) keeps them. Editing an SOP under verification or trial sends it back to ``draft`` (its verifikasi must be
    decided again).

    :raises AccessDeniedError: ``by`` is not a penyusun, or (a Tim member) the SOP, before or after
        the change, belongs to a unit it does not draft for.
    :raises TaskError: the SOP is approved; start a revisi first.
    :return: the status after saving.
    """
    row = _row(runtime, key)
    _drafter(runtime, by, sop.identity.unit, *([row.unit] if row is not None else []))
    if row is None:
        try:
            runtime.versions(key)
        except NotFoundError:
            _act(runtime, key, "save", "draft", by, sop=sop, verified=False, layout=layout)
            return "draft"
        raise refusal(TaskError, "lifecycle_approved_locked", key=key)
    if row.status == "disahkan":
        raise refusal(TaskError, "lifecycle_approved_locked", key=key)
    new_status = "revisi" if row.status == "revisi" or _in_revision(runtime, key) else "draft"
    _act(runtime, key, "save", new_status, by, sop=sop, verified=False, layout=layout)
    return new_status


def _in_revision(runtime: Runtime, key: str) -> bool:
    """Whether the open round was opened by a revisi (so going back means ``revisi``, not ``draft``)."""
    with runtime.db.read() as connection:
        round_ = records.open_round(connection, key)
        if round_ is None:
            return False
        found = connection.execute(select(lifecycle_events.c.id).where(
            lifecycle_events.c.round_id == round_.id, lifecycle_events.c.action == "revise").limit(1)).first()
        return found is not None


def back_status(runtime: Runtime, key: str) -> str:
    """Where a return sends the SOP: ``revisi`` when the round is a revision, else ``draft``."""
    return "revisi" if _in_revision(runtime, key) else "draft"


def require_status(runtime: Runtime, key: str, allowed: tuple[str, ...]) -> Any:
    """The register row of ``key``.

    :raises NotFoundError: not in the register.
    :raises TaskError: its status is not one of ``allowed``.
    """
    row = _row(runtime, key)
    if row is None:
        raise refusal(NotFoundError, "lifecycle_not_in_register", key=key)
    if row.status not in allowed:
        raise refusal(TaskError, "lifecycle_wrong_status", key=key, status=row.status, allowed=" / ".join(allowed))
    return row


def submit(runtime: Runtime, key: str, by: str) -> list[Overlap]:
    """Ajukan verifikasi: the draft must be valid; the overlap report against every other SOP.

    :raises AccessDeniedError: ``by`` is not a penyusun.
    :raises ProcessDefinitionError: the draft is not valid.
    """
    row = require_status(runtime, key, ("draft", "revisi", "verifikasi"))
    _drafter(runtime, by, row.unit)
    sop = _from_sheet(row.sheet)
    ensure_valid(sop)
    _act(runtime, key, "submit", "verifikasi", by, verified=False)
    return overlaps(runtime, key, sop)


def overlaps(runtime: Runtime, key: str, sop: Sop) -> list[Overlap]:
    """The overlap report of ``sop`` against the other SOPs of the register."""
    others = {entry.key: working_sop(runtime, entry.key) for entry in register(runtime) if entry.key != key}
    return overlap_report(sop, others)


def require_verified(runtime: Runtime, key: str) -> records.Round:
    """The open round, accepted by a verifikator.

    :raises TaskError: the verifikasi is not accepted (yet, or any more).
    """
    round_ = current_round(runtime, key)
    if round_ is None or round_.verified_by is None:
        raise refusal(TaskError, "lifecycle_not_verified", key=key)
    return round_


def start_trial(runtime: Runtime, key: str, by: str) -> VersionInfo:
    """Mulai ujicoba: publish the verified draft as a draft version, so trial instances can start.

    :raises AccessDeniedError: ``by`` is not a penyusun.
    :raises TaskError: the verifikator has not accepted the draft.
    """
    row = require_status(runtime, key, ("verifikasi", "ujicoba"))
    _drafter(runtime, by, row.unit)
    require_verified(runtime, key)
    info = runtime.publish(_from_sheet(row.sheet), key, draft=True, by=by)
    _act(runtime, key, "trial", "ujicoba", by, version=info.number)
    return info


def _authors(runtime: Runtime, round_id: int) -> frozenset[str]:
    with runtime.db.read() as connection:
        return records.authors(connection, round_id)


def check_approver(runtime: Runtime, key: str, approver: Account, sop: Sop,
                   settings: LifecycleSettings | None = None) -> records.Round:
    """The checks of the pengesah's decisions (approve or return): role, jabatan, verifikasi, separation.

    The jabatan is the organisation's (:func:`engine.lifecycle.roles.approver_check`): held today in
    the SOP's unit or the unit above it that has it, or acted for (Plh/Plt) when the setting allows.

    :raises AccessDeniedError: not a pengesah, not the holder of the declared jabatan, or an author
        or the verifikator of this version (with separation of duties).
    :raises TaskError: the verifikasi is not accepted.
    """
    require_role(approver, "pengesah")
    declared = sop.identity.disahkan_oleh.jabatan.strip()
    if not declared:
        raise refusal(DataError, "lifecycle_no_declared_jabatan", "disahkan_jabatan", key=key)
    check_signer(runtime, key, approver, sop, settings)
    round_ = require_verified(runtime, key)
    check_separation(settings or LifecycleSettings.from_env(), key, approver.username, _authors(runtime, round_.id),
                     round_.verified_by, approving=True)
    return round_


def check_signer(runtime: Runtime, key: str, approver: Account, sop: Sop,
                 settings: LifecycleSettings | None = None) -> ApproverCheck:
    """How ``approver`` signs DISAHKAN OLEH of ``sop`` (as the holder, or as Plh/Plt).

    :raises AccessDeniedError: ``approver`` neither holds nor may act for the declared jabatan; the
        message names the jabatan and its unit when the SOP's unit is in the organisation.
    """
    declared = sop.identity.disahkan_oleh.jabatan.strip()
    with runtime.db.read() as connection:
        found = approver_check(connection, approver, sop, settings)
    if found.holds:
        return found
    if found.unit:
        raise refusal(AccessDeniedError, "lifecycle_not_holder_in_unit", user=approver.username, jabatan=declared,
                      unit=found.unit, key=key)
    raise refusal(AccessDeniedError, "lifecycle_not_holder", user=approver.username, jabatan=declared, key=key)


def approve(runtime: Runtime, key: str, by: str, effective: dt.date | None = None,
            gate: UjicobaGate | None = None, *, settings: LifecycleSettings | None = None) -> VersionInfo:
    """Sahkan: the approver signs and the version is published as approved.

    DISAHKAN OLEH keeps the jabatan the SOP names; nama and NIP come from the approver's account; a
    Plh/Plt signing (when the setting allows) is recorded on it and printed "Plh. <jabatan>";
    TANGGAL EFEKTIF is ``effective`` (default: today in the runtime calendar's zone, WIB).

    :param gate: when given, approval needs a completed ujicoba (Permendagri 52/2011 stage 5) as
        :func:`engine.lifecycle.ujicoba.ujicoba_complete` judges it with this gate.
    :raises AccessDeniedError: see :func:`check_approver`.
    :raises DataError: ``effective`` is before today in the deployment's zone.
    :raises TaskError: not verified, or the gate is set and the ujicoba is missing or not complete.
    """
    approver = account(runtime, by)
    require_role(approver, "pengesah")
    row = require_status(runtime, key, ("verifikasi", "ujicoba"))
    sop = _from_sheet(row.sheet)
    round_ = check_approver(runtime, key, approver, sop, settings)
    signer = check_signer(runtime, key, approver, sop, settings)
    now = runtime.clock.now()
    zone = runtime.calendar.tz
    effective = effective or today_in(zone, now)
    check_effective(effective, now, zone)
    if gate is not None:
        if row.status != "ujicoba":
            raise refusal(TaskError, "lifecycle_not_trialled", key=key)
        complete, reasons = ujicoba_complete(runtime, key, gate=gate)
        if not complete:
            raise refusal(TaskError, "lifecycle_trial_incomplete", key=key, reasons="; ".join(reasons))
    declared = sop.identity.disahkan_oleh.jabatan
    identity = replace(sop.identity, tanggal_efektif=effective,
                       disahkan_oleh=Approval(jabatan=declared, nama=approver.nama or by, nip=approver.nip,
                                              acting=signer.acting))
    signed = replace(sop, identity=identity)
    info = runtime.publish(signed, key, draft=False, by=by)
    with runtime.db.write() as connection:
        _write_status(connection, key, "disahkan", by, now, signed)
        records.close_round(connection, round_.id, by, now, info.number)
        records.record(connection, key, "approve", "disahkan", by, now, round_id=round_.id, version=info.number)
    return info


def version_diff(runtime: Runtime, key: str, before: int, after: int) -> list[Change]:
    """The step-by-step difference between two published versions."""
    return diff_sops(_published_sop(runtime, key, before), _published_sop(runtime, key, after))


def suggest_number(runtime: Runtime, unit: str, pattern: str = DEFAULT_PATTERN, when: dt.date | None = None) -> str:
    """The next Nomor SOP of ``unit`` from ``pattern`` and the numbers already in the register and the
    daftar inventarisasi (in any format whose unit, year and sequence can be read)."""
    existing = [entry.nomor for entry in register(runtime)]
    with runtime.db.read() as connection:  # the numbers the daftar inventarisasi assigned count too
        existing += [str(text) for text in connection.execute(select(sop_inventory.c.number)).scalars() if text]
    return next_number(pattern, existing, unit, when or runtime.clock.now().date())
