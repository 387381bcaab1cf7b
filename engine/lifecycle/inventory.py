"""Stages 2-3 of Permendagri 52/2011 Lampiran I: identifikasi and analisis kebutuhan SOP.

The daftar inventarisasi judul SOP holds the SOPs a unit *needs*, before anyone writes them: an
entry is a title and a unit (nothing else is required, unlike an SOP of the register, which needs
its steps). Each entry carries the seed's criteria as a checklist (:data:`INVENTORY_CRITERIA`: routine work,
clear stages, a clear output, two or more parties) and the Tim's analysis notes. The analysis
yields the nama and kode nomor SOP: :func:`assign_numbers` numbers a unit's entries from the
numbering pattern (:mod:`engine.sop.numbering`, over every number already in the register and the
inventory), and :func:`record_decision` records the Kepala Daerah's decision (number and date) that
fixes the titles and numbers of the entries it covers. When writing starts (:func:`start_writing`)
an entry becomes a draft SOP of the register with the entry's title, number and unit, and the entry
keeps its SOP key; :func:`link_sop` links an SOP written before the inventory existed.

Who may: the unit's drafters (:func:`engine.access.policy.check_draft_unit`: a penyusun, a Tim
member of that SKPD) keep entries; a stage manager records decisions.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable
from dataclasses import dataclass
from typing import Any

from sqlalchemy import Connection, delete, insert, select, update

from engine.access.accounts import Account
from engine.access.organisation import unit_id
from engine.access.policy import (check_draft_unit, check_manage_stages, check_read_stages, drafting_units,
                                  may_draft_unit)
from engine.errors import DataError, NotFoundError, TaskError
from engine.lifecycle import records
from engine.lifecycle.records import checked_text
from engine.lifecycle.tim import unit_parents, within
from engine.lifecycle.transitions import _drafter, _write_status
from engine.runtime.facade import Runtime
from engine.sop.keys import sop_key
from engine.sop.model import Identity, Sop, Step, StepKind
from engine.sop.numbering import DEFAULT_PATTERN, next_number
from engine.store.models import definitions, org_units, sop_inventory, sop_inventory_decisions, sop_lifecycle

#: The seed's criteria of a procedure worth an SOP, by the name forms and the API use: routine (or
#: repeated) work, clear stages, a clear output, and two or more parties involved.
INVENTORY_CRITERIA = ("rutin", "tahapan_jelas", "output_jelas", "banyak_pihak")
_COLUMNS = {"rutin": "routine", "tahapan_jelas": "clear_stages", "output_jelas": "clear_output",
            "banyak_pihak": "several_parties"}
TITLE_LIMIT = 300


@dataclass(frozen=True)
class InventoryDecision:
    """The Kepala Daerah's decision fixing names and numbers of inventarisasi entries."""

    id: int
    number: str
    decided_on: dt.date
    recorded_by: str


@dataclass(frozen=True)
class InventoryEntry:
    """One row of the daftar inventarisasi judul SOP."""

    id: int
    unit: str
    title: str
    #: The criteria of :data:`INVENTORY_CRITERIA` ticked for this procedure.
    criteria: frozenset[str]
    analysis: str
    #: The Nomor SOP (``""`` until numbers are assigned).
    number: str
    #: The decision that fixed title and number (``None``: not fixed yet).
    decision: InventoryDecision | None
    #: The register key of the SOP written from this entry (``None``: writing has not started).
    sop_key: str | None
    created_by: str
    updated_at: dt.datetime

    @property
    def meets_criteria(self) -> bool:
        """True when every criterion of the seed is ticked."""
        return self.criteria == frozenset(INVENTORY_CRITERIA)

    @property
    def fixed(self) -> bool:
        """True when a decision fixed the entry's title and number."""
        return self.decision is not None


def _criteria(chosen: Iterable[str]) -> dict[str, bool]:
    picked = {name.strip() for name in chosen if name.strip()}
    unknown = sorted(picked - set(INVENTORY_CRITERIA))
    if unknown:
        raise DataError.from_code("tahap_bad_criterion", "kriteria", names=", ".join(unknown),
                                  known=", ".join(INVENTORY_CRITERIA))
    return {_COLUMNS[name]: name in picked for name in INVENTORY_CRITERIA}


def _title(text: str) -> str:
    title = checked_text(text, "judul")
    if not title:
        raise DataError.from_code("tahap_field_required", "judul", field="judul")
    if len(title) > TITLE_LIMIT:
        raise DataError.from_code("tahap_field_too_long", "judul", field="judul", limit=TITLE_LIMIT)
    return title


def _query() -> Any:
    return (select(sop_inventory, org_units.c.code.label("unit_code"),
                   sop_inventory_decisions.c.number.label("decision_number"),
                   sop_inventory_decisions.c.decided_on, sop_inventory_decisions.c.recorded_by.label("decided_by"))
            .join(org_units, org_units.c.id == sop_inventory.c.unit_id)
            .outerjoin(sop_inventory_decisions, sop_inventory_decisions.c.id == sop_inventory.c.decision_id))


def _entry(row: Any) -> InventoryEntry:
    decision = (InventoryDecision(int(row.decision_id), row.decision_number, row.decided_on, row.decided_by)
                if row.decision_id is not None else None)
    return InventoryEntry(int(row.id), row.unit_code, row.title,
                          frozenset(name for name in INVENTORY_CRITERIA if getattr(row, _COLUMNS[name])), row.analysis,
                          row.number, decision, row.sop_key, row.created_by, row.updated_at)


def _load(connection: Connection, entry_id: int) -> InventoryEntry:
    row = connection.execute(_query().where(sop_inventory.c.id == entry_id)).first()
    if row is None:
        raise NotFoundError.from_code("tahap_entry_not_found", entry=entry_id)
    return _entry(row)


def inventory_entry(runtime: Runtime, account: Account, entry_id: int) -> InventoryEntry:
    """One entry.

    :raises AccessDeniedError: ``account`` does not read the inventarisasi.
    :raises NotFoundError: no such entry.
    """
    check_read_stages(account)
    with runtime.db.read() as connection:
        return _load(connection, entry_id)


def inventory_entries(runtime: Runtime, account: Account, unit: str = "", search: str = "") -> list[InventoryEntry]:
    """The daftar inventarisasi (of ``unit`` and the units below it, when given), by unit, number, title.

    :raises AccessDeniedError: ``account`` does not read the inventarisasi.
    """
    check_read_stages(account)
    with runtime.db.read() as connection:
        found = [_entry(row) for row in connection.execute(_query().order_by(sop_inventory.c.id))]
        if unit.strip():
            top = unit_id(connection, unit.strip())
            if top is None:
                return []
            ids = {row.code: int(row.id) for row in connection.execute(select(org_units.c.code, org_units.c.id))}
            parents = unit_parents(connection)
            found = [item for item in found if within(parents, ids[item.unit], top)]
    if search.strip():
        needle = search.strip().lower()
        found = [item for item in found if needle in f"{item.title} {item.number} {item.unit}".lower()]
    return sorted(found, key=lambda item: (item.unit, item.number == "", item.number, item.title.lower()))


def add_entry(runtime: Runtime, account: Account, unit: str, title: str, criteria: Iterable[str] = (),
              analysis: str = "") -> InventoryEntry:
    """A new entry: a title and a unit are enough; criteria and analysis are optional.

    :raises AccessDeniedError: ``account`` does not draft for ``unit``.
    :raises DataError: no title, an unknown unit or criterion, a text too long.
    """
    title = _title(title)
    with runtime.db.write() as connection:
        found = unit_id(connection, (unit or "").strip()) if (unit or "").strip() else None
        if found is None:
            raise DataError.from_code("tahap_unknown_unit", "unit", unit=(unit or "").strip() or "-")
        check_draft_unit(connection, account, unit)
        return insert_entry(connection, unit, title, criteria, analysis, account.username, runtime.clock.now())


def insert_entry(connection: Connection, unit: str, title: str, criteria: Iterable[str], analysis: str, by: str,
                 now: dt.datetime) -> InventoryEntry:
    """Store a new entry in the caller's transaction (who may is the caller's question).

    :raises DataError: as :func:`add_entry`.
    """
    title = _title(title)
    flags = _criteria(criteria)
    analysis = checked_text(analysis, "analisis")
    found = unit_id(connection, (unit or "").strip()) if (unit or "").strip() else None
    if found is None:
        raise DataError.from_code("tahap_unknown_unit", "unit", unit=(unit or "").strip() or "-")
    entry_id = int(connection.execute(insert(sop_inventory).returning(sop_inventory.c.id), {
        "unit_id": found, "title": title, "analysis": analysis, "number": "", **flags,
        "created_by": by, "created_at": now, "updated_by": by, "updated_at": now}).scalar_one())
    return _load(connection, entry_id)


def titles_of_unit(connection: Connection, unit: str) -> dict[str, int]:
    """``lower-case title -> entry id`` of the entries unit ``unit`` listed (empty for an unknown unit)."""
    found = unit_id(connection, (unit or "").strip())
    if found is None:
        return {}
    return {str(row.title).lower(): int(row.id) for row in connection.execute(
        select(sop_inventory.c.id, sop_inventory.c.title).where(sop_inventory.c.unit_id == found))}


def insert_analysis(connection: Connection, entry_ids: Iterable[int], analysis: str, criteria: dict[str, bool],
                    by: str, now: dt.datetime) -> list[InventoryEntry]:
    """Write the Tim's analysis notes and the criteria answered (``criterion -> ticked``; one left out keeps
    its tick) onto entries ``entry_ids`` in the caller's transaction (who may is the caller's question).

    :raises DataError: an unknown criterion, notes too long.
    """
    unknown = sorted(set(criteria) - set(INVENTORY_CRITERIA))
    if unknown:
        raise DataError.from_code("tahap_bad_criterion", "kriteria", names=", ".join(unknown),
                                  known=", ".join(INVENTORY_CRITERIA))
    values: dict[str, Any] = {_COLUMNS[name]: bool(ticked) for name, ticked in criteria.items()}
    values.update(analysis=checked_text(analysis, "analisis"), updated_by=by, updated_at=now)
    ids = list(dict.fromkeys(int(found) for found in entry_ids))
    if ids:
        connection.execute(update(sop_inventory).where(sop_inventory.c.id.in_(ids)).values(**values))
    return [_load(connection, found) for found in ids]


def _editable(connection: Connection, account: Account, entry_id: int) -> InventoryEntry:
    found = _load(connection, entry_id)
    check_draft_unit(connection, account, found.unit)
    return found


def update_entry(runtime: Runtime, account: Account, entry_id: int, *, title: str | None = None,
                 criteria: Iterable[str] | None = None, analysis: str | None = None) -> InventoryEntry:
    """Change an entry's title, checklist or analysis notes (what is ``None`` stays).

    :raises AccessDeniedError: ``account`` does not draft for the entry's unit.
    :raises NotFoundError: no such entry.
    :raises TaskError: a new title for an entry the Kepala Daerah's decision fixed.
    :raises DataError: an empty title, an unknown criterion.
    """
    values: dict[str, Any] = {}
    if title is not None:
        values["title"] = _title(title)
    if criteria is not None:
        values.update(_criteria(criteria))
    if analysis is not None:
        values["analysis"] = checked_text(analysis, "analisis")
    with runtime.db.write() as connection:
        found = _editable(connection, account, entry_id)
        if found.fixed and values.get("title", found.title) != found.title:
            raise TaskError.from_code("tahap_entry_fixed", entry=entry_id, decision=found.decision.number)  # type: ignore[union-attr]
        values.update(updated_by=account.username, updated_at=runtime.clock.now())
        connection.execute(update(sop_inventory).where(sop_inventory.c.id == entry_id).values(**values))
        return _load(connection, entry_id)


def remove_entry(runtime: Runtime, account: Account, entry_id: int) -> None:
    """Take an entry off the list (an SOP no longer needed).

    :raises TaskError: the entry is fixed by a decision, or writing has started.
    """
    with runtime.db.write() as connection:
        found = _editable(connection, account, entry_id)
        if found.fixed or found.sop_key:
            raise TaskError.from_code("tahap_entry_locked", entry=entry_id)
        connection.execute(delete(sop_inventory).where(sop_inventory.c.id == entry_id))


def existing_numbers(connection: Connection) -> list[str]:
    """Every Nomor SOP in use: the register's working drafts and the inventory's entries.

    (The register of :func:`engine.lifecycle.transitions.register` also reads published identities;
    :func:`assign_numbers` adds those through it.)
    """
    numbers = [str(text) for text in connection.execute(select(sop_lifecycle.c.nomor)).scalars()]
    numbers += [str(text) for text in connection.execute(select(sop_inventory.c.number)).scalars()]
    return [text for text in numbers if text.strip()]


def assign_numbers(runtime: Runtime, account: Account, unit: str, pattern: str = DEFAULT_PATTERN, code: str = "",
                   when: dt.date | None = None) -> list[InventoryEntry]:
    """Number the entries of ``unit`` that have no number yet, in list order, from ``pattern``.

    :param code: the unit code the pattern's ``{unit}`` takes (default: the unit's own code).
    :param when: the day whose year and month the pattern takes (default: today in the deployment's zone).
    :return: the entries numbered now.
    :raises AccessDeniedError: ``account`` does not draft for ``unit``.
    :raises InputError: the pattern is not valid.
    """
    from engine.lifecycle.transitions import register

    day = when or runtime.clock.now().astimezone(runtime.calendar.tz).date()
    label = (code or "").strip() or unit.strip()
    published = [found.nomor for found in register(runtime) if found.nomor.strip()]
    numbered: list[int] = []
    with runtime.db.write() as connection:
        top = unit_id(connection, unit.strip())
        if top is None:
            raise DataError.from_code("tahap_unknown_unit", "unit", unit=unit.strip() or "-")
        check_draft_unit(connection, account, unit)
        used = existing_numbers(connection) + published
        waiting = connection.execute(select(sop_inventory.c.id).where(
            sop_inventory.c.unit_id == top, sop_inventory.c.number == "", sop_inventory.c.decision_id.is_(None))
            .order_by(sop_inventory.c.id)).scalars().all()
        for found in waiting:
            number = next_number(pattern, used, label, day)
            used.append(number)
            connection.execute(update(sop_inventory).where(sop_inventory.c.id == found).values(
                number=number, updated_by=account.username, updated_at=runtime.clock.now()))
            numbered.append(int(found))
        return [_load(connection, found) for found in numbered]


def record_decision(runtime: Runtime, account: Account, number: str, decided_on: dt.date,
                    unit: str) -> tuple[InventoryDecision, list[InventoryEntry]]:
    """Record the Kepala Daerah's decision on the names and numbers of ``unit``'s entries (and those
    of the units below it): every entry there not fixed yet is fixed by it.

    :raises AccessDeniedError: ``account`` does not record decisions.
    :raises DataError: no decision number, an unknown unit, an entry without a number (named), or
        nothing left to fix.
    """
    check_manage_stages(account)
    number = checked_text(number, "nomor")
    if not number:
        raise DataError.from_code("tahap_field_required", "nomor", field="nomor")
    now = runtime.clock.now()
    with runtime.db.write() as connection:
        top = unit_id(connection, (unit or "").strip()) if (unit or "").strip() else None
        if top is None:
            raise DataError.from_code("tahap_unknown_unit", "unit", unit=(unit or "").strip() or "-")
        ids = {row.code: int(row.id) for row in connection.execute(select(org_units.c.code, org_units.c.id))}
        parents = unit_parents(connection)
        covered = [item for item in (_entry(row) for row in connection.execute(
            _query().where(sop_inventory.c.decision_id.is_(None)).order_by(sop_inventory.c.id)))
            if within(parents, ids[item.unit], top)]
        if not covered:
            raise DataError.from_code("tahap_nothing_to_fix", "unit", unit=unit.strip())
        unnumbered = [item.title for item in covered if not item.number.strip()]
        if unnumbered:
            raise DataError.from_code("tahap_entries_without_number", "nomor", titles="; ".join(unnumbered[:5]),
                                      count=len(unnumbered))
        decision_id = int(connection.execute(insert(sop_inventory_decisions).returning(sop_inventory_decisions.c.id),
                                             {"number": number, "decided_on": decided_on,
                                              "recorded_by": account.username, "recorded_at": now}).scalar_one())
        connection.execute(update(sop_inventory).where(sop_inventory.c.id.in_([item.id for item in covered]))
                           .values(decision_id=decision_id, updated_by=account.username, updated_at=now))
        return (InventoryDecision(decision_id, number, decided_on, account.username),
                [_load(connection, item.id) for item in covered])


def _key_free(connection: Connection, key: str) -> bool:
    return (connection.execute(select(sop_lifecycle.c.id).where(sop_lifecycle.c.key == key)).first() is None
            and connection.execute(select(definitions.c.id).where(definitions.c.key == key)).first() is None)


def start_writing(runtime: Runtime, account: Account, entry_id: int) -> str:
    """Writing starts: the entry becomes a draft SOP of the register (its title, number and unit, a
    start and an end row) in the same transaction that links the entry to it.

    :return: the new SOP's register key.
    :raises AccessDeniedError: ``account`` does not draft for the entry's unit.
    :raises TaskError: writing has started already.
    :raises DataError: the key the title gives is taken by another SOP.
    """
    with runtime.db.read() as connection:
        found = _load(connection, entry_id)
    _drafter(runtime, account.username, found.unit)
    key = sop_key(found.title)
    sop = Sop(identity=Identity(nama=found.title, nomor=found.number, unit=found.unit),
              steps=[Step("mulai", StepKind.START), Step("selesai", StepKind.END)])
    now = runtime.clock.now()
    with runtime.db.write() as connection:
        current = _load(connection, entry_id)
        if current.sop_key:
            raise TaskError.from_code("tahap_writing_started", entry=entry_id, key=current.sop_key)
        if not _key_free(connection, key):
            raise DataError.from_code("tahap_key_taken", "judul", key=key)
        _write_status(connection, key, "draft", account.username, now, sop)
        round_ = records.ensure_round(connection, key, account.username, now)
        records.set_verified(connection, round_.id, None, None)
        records.record(connection, key, "save", "draft", account.username, now, round_id=round_.id)
        connection.execute(update(sop_inventory).where(sop_inventory.c.id == entry_id).values(
            sop_key=key, updated_by=account.username, updated_at=now))
    return key


def link_sop(runtime: Runtime, account: Account, entry_id: int, key: str) -> InventoryEntry:
    """Link an entry to an SOP already in the register or published (written before the inventory); an
    entry without a number takes the SOP's Nomor SOP.

    :raises AccessDeniedError: ``account`` does not draft for the entry's unit.
    :raises NotFoundError: no such entry or SOP.
    :raises TaskError: the entry has its SOP already.
    :raises DataError: another entry is linked to that SOP.
    """
    from engine.lifecycle.transitions import working_sop

    key = (key or "").strip()
    try:
        nomor = working_sop(runtime, key).identity.nomor.strip() if key else ""
    except NotFoundError as exc:
        raise NotFoundError.from_code("tahap_sop_not_found", key=key) from exc
    with runtime.db.write() as connection:
        current = _editable(connection, account, entry_id)
        if current.sop_key:
            raise TaskError.from_code("tahap_writing_started", entry=entry_id, key=current.sop_key)
        if _key_free(connection, key):
            raise NotFoundError.from_code("tahap_sop_not_found", key=key or "-")
        taken = connection.execute(select(sop_inventory.c.id).where(sop_inventory.c.sop_key == key)).first()
        if taken is not None:
            raise DataError.from_code("tahap_sop_linked", "sop", key=key, entry=taken.id)
        values: dict[str, Any] = {"sop_key": key, "updated_by": account.username, "updated_at": runtime.clock.now()}
        if not current.number and nomor:  # an SOP written before the inventory brings its number along
            values["number"] = nomor
        connection.execute(update(sop_inventory).where(sop_inventory.c.id == entry_id).values(**values))
        return _load(connection, entry_id)


def entry_of_sop(runtime: Runtime, key: str) -> InventoryEntry | None:
    """The inventarisasi entry an SOP was written from, if any (for the register's SOP page)."""
    with runtime.db.read() as connection:
        row = connection.execute(_query().where(sop_inventory.c.sop_key == key)).first()
    return _entry(row) if row is not None else None


def drafts_unit(runtime: Runtime, account: Account, unit: str) -> bool:
    """True when ``account`` keeps the entries (and drafts the SOPs) of ``unit`` (for a page's forms)."""
    with runtime.db.read() as connection:
        return may_draft_unit(connection, account, unit)


def draftable_units(runtime: Runtime, account: Account) -> list[str]:
    """The codes of the units ``account`` keeps entries of (every unit for a penyusun), by code."""
    with runtime.db.read() as connection:
        scope = drafting_units(connection, account)
        rows = connection.execute(select(org_units.c.id, org_units.c.code).order_by(org_units.c.code)).all()
    return [str(row.code) for row in rows if scope is None or int(row.id) in scope]
