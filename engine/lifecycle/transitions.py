"""The SOP lifecycle per definition: draft -> verifikasi -> ujicoba -> disahkan -> revisi (-> verifikasi ...).

The working draft is kept as an SOP sheet beside the published versions. ``ujicoba`` publishes it as a
draft version (its instances are trial instances); ``sahkan`` (pengesah only) fills DISAHKAN OLEH and
the TANGGAL EFEKTIF and publishes it as an approved version; ``revisi`` opens a new draft from the
newest approved version. Every change records who and when.
"""

from __future__ import annotations

import datetime as dt
import json
import re
from dataclasses import dataclass, replace
from typing import Any

from sqlalchemy import insert, select, update

from engine.access.accounts import account
from engine.bpmn.reader import read_bpmn
from engine.sop.diff import Change, diff_sops
from engine.errors import AccessDeniedError, NotFoundError, TaskError
from engine.formats.files import dump, load_bytes
from engine.sop.numbering import DEFAULT_PATTERN, next_number
from engine.sop.overlap import Overlap, overlap_report
from engine.runtime.facade import Runtime
from engine.sop.model import Approval, Identity, Sop
from engine.store.models import definitions, sop_lifecycle, versions
from engine.lifecycle.ujicoba import UjicobaGate, ujicoba_complete
from engine.sop.validate import ensure_valid
from engine.runtime.work import VersionInfo

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


def _set(runtime: Runtime, key: str, status: str, by: str, sop: Sop | None = None) -> None:
    now = runtime.clock.now()
    with runtime.db.write() as connection:
        row = connection.execute(select(sop_lifecycle).where(sop_lifecycle.c.key == key)).first()
        history = json.loads(row.history) if row is not None else []
        history.append({"status": status, "by": by, "at": now.isoformat()})
        values: dict[str, Any] = {"status": status, "updated_by": by, "updated_at": now,
                                  "history": json.dumps(history, ensure_ascii=False)}
        if sop is not None:
            values.update(sheet=_sheet(sop), nama=sop.identity.nama, nomor=sop.identity.nomor,
                          unit=sop.identity.unit)
        if row is None:
            if sop is None:
                raise NotFoundError(f"SOP '{key}' tidak ada di daftar.")
            connection.execute(insert(sop_lifecycle), {"key": key, **values})
        else:
            connection.execute(update(sop_lifecycle).where(sop_lifecycle.c.key == key).values(**values))


def status(runtime: Runtime, key: str) -> str:
    """The lifecycle status; an SOP published outside the register counts as ``disahkan``."""
    row = _row(runtime, key)
    if row is not None:
        return str(row.status)
    runtime.versions(key)
    return "disahkan"


def history(runtime: Runtime, key: str) -> list[dict[str, str]]:
    """Every status change of the SOP: ``{"status", "by", "at"}``, oldest first."""
    row = _row(runtime, key)
    return list(json.loads(row.history)) if row is not None else []


def working_sop(runtime: Runtime, key: str) -> Sop:
    """The working draft, or the newest published version when there is no draft.

    :raises NotFoundError: no such SOP.
    """
    row = _row(runtime, key)
    if row is not None:
        return _from_sheet(row.sheet)
    return _published_sop(runtime, key)


def register(runtime: Runtime, search: str = "") -> list[RegisterEntry]:
    """The daftar inventarisasi: every SOP in the register or published, by name."""
    with runtime.db.read() as connection:
        drafts = {row.key: row for row in connection.execute(select(sop_lifecycle)).all()}
        published: dict[str, int] = {}
        for key, number in connection.execute(
                select(definitions.c.key, versions.c.number).join(versions, versions.c.definition_id == definitions.c.id)):
            published[key] = max(published.get(key, 0), int(number))
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


def save_draft(runtime: Runtime, key: str, sop: Sop, by: str) -> str:
    """Keep ``sop`` as the working draft of ``key`` (a new register entry when the key is new).

    Editing an SOP under verification or trial sends it back to ``draft``.

    :raises TaskError: the SOP is approved; start a revisi first.
    :return: the status after saving.
    """
    row = _row(runtime, key)
    if row is None:
        try:
            runtime.versions(key)
        except NotFoundError:
            _set(runtime, key, "draft", by, sop)
            return "draft"
        raise TaskError(f"SOP '{key}' sudah disahkan; mulai revisi terlebih dahulu.")
    if row.status == "disahkan":
        raise TaskError(f"SOP '{key}' sudah disahkan; mulai revisi terlebih dahulu.")
    new_status = "revisi" if row.status == "revisi" else "draft"
    _set(runtime, key, new_status, by, sop)
    return new_status


def _require(runtime: Runtime, key: str, allowed: tuple[str, ...], action: str) -> Any:
    row = _row(runtime, key)
    if row is None:
        raise NotFoundError(f"SOP '{key}' tidak ada di daftar penyusunan.")
    if row.status not in allowed:
        raise TaskError(f"SOP '{key}' berstatus '{row.status}'; {action} hanya dari status {' atau '.join(allowed)}.")
    return row


def submit(runtime: Runtime, key: str, by: str) -> list[Overlap]:
    """Ajukan verifikasi: the draft must be valid; the overlap report against every other SOP.

    :raises ProcessDefinitionError: the draft is not valid.
    """
    row = _require(runtime, key, ("draft", "revisi", "verifikasi"), "ajukan verifikasi")
    sop = _from_sheet(row.sheet)
    ensure_valid(sop)
    _set(runtime, key, "verifikasi", by)
    return overlaps(runtime, key, sop)


def overlaps(runtime: Runtime, key: str, sop: Sop) -> list[Overlap]:
    """The overlap report of ``sop`` against the other SOPs of the register."""
    others = {entry.key: working_sop(runtime, entry.key) for entry in register(runtime) if entry.key != key}
    return overlap_report(sop, others)


def start_trial(runtime: Runtime, key: str, by: str) -> VersionInfo:
    """Mulai ujicoba: publish the verified draft as a draft version, so trial instances can start."""
    row = _require(runtime, key, ("verifikasi", "ujicoba"), "ujicoba")
    info = runtime.publish(_from_sheet(row.sheet), key, draft=True, by=by)
    _set(runtime, key, "ujicoba", by)
    return info


def approve(runtime: Runtime, key: str, by: str, effective: dt.date,
            gate: UjicobaGate | None = None) -> VersionInfo:
    """Sahkan: the approver signs (DISAHKAN OLEH, TANGGAL EFEKTIF) and the version is published.

    :param gate: when given, approval needs a completed ujicoba (Permendagri 52/2011 stage 5) as
        :func:`engine.lifecycle.ujicoba.ujicoba_complete` judges it with this gate.
    :raises AccessDeniedError: ``by`` is not a pengesah.
    :raises TaskError: the gate is set and the ujicoba is missing or not complete.
    """
    approver = account(runtime, by)
    if not approver.has("pengesah"):
        raise AccessDeniedError(f"'{by}' bukan pengesah; hanya pengesah yang dapat mengesahkan SOP.")
    row = _require(runtime, key, ("verifikasi", "ujicoba"), "pengesahan")
    if gate is not None:
        if row.status != "ujicoba":
            raise TaskError(f"SOP '{key}' belum diujicobakan; mulai ujicoba dan selesaikan sebelum pengesahan.")
        complete, reasons = ujicoba_complete(runtime, key, gate=gate)
        if not complete:
            raise TaskError(f"Ujicoba SOP '{key}' belum lengkap: " + "; ".join(reasons))
    sop = _from_sheet(row.sheet)
    jabatan = approver.jabatan[0][0] if approver.jabatan else sop.identity.disahkan_oleh.jabatan
    identity = replace(sop.identity, tanggal_efektif=effective,
                       disahkan_oleh=Approval(jabatan=jabatan, nama=approver.nama or by, nip=approver.nip))
    signed = replace(sop, identity=identity)
    info = runtime.publish(signed, key, draft=False, by=by)
    _set(runtime, key, "disahkan", by, signed)
    return info


def revise(runtime: Runtime, key: str, by: str) -> Sop:
    """Revisi: a new working draft from the newest approved version (with today's tanggal revisi)."""
    current = status(runtime, key)
    if current != "disahkan":
        raise TaskError(f"SOP '{key}' berstatus '{current}'; revisi hanya dari SOP yang sudah disahkan.")
    approved = [info.number for info in runtime.versions(key) if not info.draft]
    sop = _published_sop(runtime, key, approved[-1] if approved else None)
    sop = replace(sop, identity=replace(sop.identity, tanggal_revisi=runtime.clock.now().date()))
    _set(runtime, key, "revisi", by, sop)
    return sop


def version_diff(runtime: Runtime, key: str, before: int, after: int) -> list[Change]:
    """The step-by-step difference between two published versions."""
    return diff_sops(_published_sop(runtime, key, before), _published_sop(runtime, key, after))


def suggest_number(runtime: Runtime, unit: str, pattern: str = DEFAULT_PATTERN, when: dt.date | None = None) -> str:
    """The next Nomor SOP of ``unit`` from ``pattern`` and the numbers already in the register."""
    existing = [entry.nomor for entry in register(runtime)]
    return next_number(pattern, existing, unit, when or runtime.clock.now().date())
