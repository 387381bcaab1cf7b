"""Writing the stage record a completed step declares (``catat``, :mod:`engine.sop.step_records`).

:func:`write_step_record` runs inside the transaction that completes the step
(:func:`engine.runtime.completion.complete`): the record's fields are read from the case values (those
the step's own form gives win), the record is stored through its module's connection-level function
(:func:`engine.lifecycle.tim.insert_tim`, :func:`engine.lifecycle.inventory.insert_entry`, ...) and
linked to the case in ``step_records``. A refused record refuses the completion, so nothing of it is
kept. Who may write it is the step's: the SOP's pengesah approved that its holders do this step.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Mapping
from dataclasses import dataclass
from typing import Any

from sqlalchemy import Connection, insert, select

from engine.access.organisation import unit_id
from engine.errors import AlurError, DataError
from engine.lifecycle import inventory, pelatihan, sosialisasi, tim, verifikasi
from engine.runtime.facade import Runtime
from engine.runtime.step_hooks import register_record_writer
from engine.sop.step_records import RECORD_KINDS, StepRecord
from engine.store.models import sop_inventory, step_records


@dataclass(frozen=True)
class StepRecordLink:
    """Which case and step made a record."""

    kind: str
    ref: str
    instance_id: int
    registration: str
    step_id: str
    step_name: str
    created_by: str
    created_at: dt.datetime


def _date(value: Any) -> dt.date | None:
    if isinstance(value, dt.date):
        return value
    try:
        return dt.date.fromisoformat(str(value).strip()[:10])
    except ValueError:
        return None


class _Values:
    """The record's fields from the case values, refusing a required one without a value."""

    def __init__(self, record: StepRecord, values: Mapping[str, Any], step: str, instance_id: int = 0,
                 decision: str = "") -> None:
        self.record, self.values, self.step = record, values, step
        #: The case (for a record about what its earlier steps recorded) and the step's keputusan, if any.
        self.instance_id, self.decision = instance_id, decision

    def refused(self, reason: str, **params: str) -> DataError:
        """A ``rec_refused`` naming the record with catalogue entry ``reason`` as its cause."""
        from engine.messages import message

        return DataError.from_code("rec_refused", "catat", step=self.step, kind=self.record.kind,
                                   reason=message(reason, **params), reason_en=message(reason, "en", **params))

    def raw(self, name: str, required: bool = True) -> Any:
        source = self.record.fields.get(name, "")
        value = self.values.get(source) if source else None
        if required and (value is None or value == ""):
            raise DataError.from_code("rec_value_missing", source or name, step=self.step, kind=self.record.kind,
                                      source=source or "-", field=name)
        return value

    def text(self, name: str, required: bool = True) -> str:
        value = self.raw(name, required)
        return "" if value is None else str(value).strip()

    def date(self, name: str) -> dt.date:
        found = self.optional_date(name, True)
        if found is None:  # raw() refused an empty required value already
            raise DataError.from_code("rec_value_missing", name, step=self.step, kind=self.record.kind,
                                      source=self.record.fields.get(name, "-"), field=name)
        return found

    def optional_date(self, name: str, required: bool = False) -> dt.date | None:
        value = self.raw(name, required)
        if value is None or value == "":
            return None
        found = _date(value)
        if found is None:
            raise DataError.from_code("tahap_bad_date", self.record.fields.get(name, name),
                                      field=self.record.fields.get(name, name), value=str(value)[:40])
        return found


#: Field names the record modules' errors use where the record's own name differs (``nomor_sk`` is
#: :func:`engine.lifecycle.tim.insert_tim`'s ``sk_nomor``), so a refusal names the case field.
_MODULE_FIELDS = {"sk_nomor": "nomor_sk", "sk_tanggal": "tanggal_sk", "catatan": "catatan"}


def _people(text: str) -> list[str]:
    return [name for name in text.replace(",", " ").split() if name]


def _write(connection: Connection, record: StepRecord, get: _Values, unit: str, by: str,
           now: dt.datetime) -> list[str]:
    """Store the record; the refs of what was stored."""
    # a mapped unit left empty is the work item's unit, as an unmapped one
    unit = (get.text("unit", False) if "unit" in record.fields else "") or unit
    if record.kind == "tim":
        team = tim.set_sk(connection, unit, get.text("nama"), get.text("nomor_sk"), get.date("tanggal_sk"), by, now)
        tim.insert_members(connection, team, get.text("anggota", False), by, now)  # the susunan the SK names
        return [str(team)]
    if record.kind == "pembekalan":
        # the Tim this case set up (its SK step), else the one serving the unit (its own or the one above)
        made = connection.execute(select(step_records.c.ref).where(
            step_records.c.instance_id == get.instance_id, step_records.c.kind == "tim")
            .order_by(step_records.c.id.desc()).limit(1)).scalar()
        serving = int(made) if made is not None and str(made).isdigit() else tim.team_serving(connection, unit)
        if serving is None:
            raise get.refused("rec_no_tim", unit=unit)
        briefing = tim.insert_briefing(connection, serving, get.date("tanggal"), get.text("topik"),
                                       _people(get.text("peserta")), by, now)
        return [str(briefing.id)]
    if record.kind == "inventarisasi":
        # a long text gives one entry per line: a SKPD names all the SOPs it needs in one step
        titles = [line.strip() for line in get.text("judul").splitlines() if line.strip()]
        analysis = get.text("analisis", False)
        listed = inventory.titles_of_unit(connection, unit)  # a title the unit listed already is not listed twice
        return [str(listed.get(title.lower()) or inventory.insert_entry(connection, unit, title, (), analysis, by,
                                                                       now).id)
                for title in dict.fromkeys(titles)]
    if record.kind == "analisis":
        return _analysis(connection, get, by, now)
    if record.kind == "verifikasi":
        source = record.fields.get("hasil", "")
        result = get.raw("hasil", True) if source or not get.decision else get.decision
        checked = verifikasi.insert_verification(connection, get.text("sop"),
                                                 verifikasi.result_of(result, source or "hasil"),
                                                 get.text("catatan", False), by, now)
        return [str(checked.id)]
    if record.kind == "sosialisasi":
        plan = sosialisasi.store_plan(
            connection, get.text("sop"), by, now, jadwal_mulai=get.date("jadwal_mulai"),
            jadwal_selesai=get.optional_date("jadwal_selesai"), pejabat=get.text("pejabat"),
            sasaran=get.text("sasaran"), pemantauan=get.text("pemantauan"), tempat=get.text("tempat", False),
            materi=get.text("materi", False))
        return [f"{plan.key}:{plan.version}"]
    if record.kind == "distribusi":
        key = get.text("sop")
        given = sosialisasi.store_distribution(connection, key, by, now, unit=get.text("unit", False) or None)
        version = given[0].version if given else sosialisasi.approved_version(connection, key).number
        return [f"{key}:{version}"]
    if record.kind == "pelatihan":
        session = pelatihan.store_session(connection, get.text("sop"), by, now, held_on=get.date("tanggal"),
                                          kind=get.text("jenis").lower(), attendees=get.text("peserta"),
                                          notes=get.text("catatan", False))
        return [str(session.id)]
    raise DataError.from_code("rec_unknown_kind", "catat", kind=record.kind, known=", ".join(RECORD_KINDS))


def _analysis(connection: Connection, get: _Values, by: str, now: dt.datetime) -> list[str]:
    """The analysis notes and criteria onto the inventarisasi entries the case's steps listed (of ``unit``
    only when the declaration maps it)."""
    refs = connection.execute(select(step_records.c.ref).where(step_records.c.instance_id == get.instance_id,
                                                               step_records.c.kind == "inventarisasi")).scalars()
    ids = [int(ref) for ref in refs if str(ref).isdigit()]
    only = get.text("unit", False)
    if only and ids:
        codes = {int(row.id): row.unit_id for row in connection.execute(
            select(sop_inventory.c.id, sop_inventory.c.unit_id).where(sop_inventory.c.id.in_(ids)))}
        wanted = unit_id(connection, only)
        ids = [found for found in ids if codes.get(found) == wanted]
    if not ids:
        raise get.refused("rec_no_entries", unit_note=f" ({only})" if only else "",
                          unit_note_en=f" ({only})" if only else "")
    criteria = {name: _yes(get.raw(name, False)) for name in inventory.INVENTORY_CRITERIA
                if name in get.record.fields and get.raw(name, False) not in (None, "")}
    entries = inventory.insert_analysis(connection, ids, get.text("catatan"), criteria, by, now)
    return [str(entry.id) for entry in entries]


def _yes(value: Any) -> bool:
    if isinstance(value, bool):
        return value
    return str(value).strip().lower() in ("ya", "y", "true", "1")


def write_step_record(connection: Connection, record: StepRecord, values: Mapping[str, Any], *, step_id: str,
                      step_name: str, unit: str, by: str, now: dt.datetime, instance_id: int,
                      registration: str, decision: str = "") -> list[str]:
    """Store the record ``record`` declares from the case ``values`` and link it to the case.

    :param unit: the unit the record is for unless the declaration maps ``unit`` (the work item's unit,
        so a multi-instance row over units records each unit's own).
    :param decision: the step's keputusan (a decision row), the result of a verifikasi that maps no ``hasil``.
    :return: the refs of the stored records.
    :raises DataError: the record was refused (``rec_refused``, naming the case field where the record
        module named one); the caller's transaction must then roll back.
    """
    get = _Values(record, values, step_name, instance_id, decision)
    try:
        refs = _write(connection, record, get, unit, by, now)
    except AlurError as exc:
        if exc.code in ("rec_refused", "rec_value_missing", "tahap_bad_date"):
            raise
        field = _MODULE_FIELDS.get(getattr(exc, "field", ""), getattr(exc, "field", ""))
        raise DataError.from_code("rec_refused", record.fields.get(field, field) if field else "", step=step_name,
                                  kind=record.kind, reason=exc.render("id"), reason_en=exc.render("en")) from exc
    if refs:
        connection.execute(insert(step_records), [
            {"instance_id": instance_id, "registration": registration, "step_id": step_id, "step_name": step_name,
             "kind": record.kind,
             "ref": ref, "created_by": by, "created_at": now} for ref in refs])
    return refs


def made_by(connection: Connection, kind: str, ref: str | int) -> StepRecordLink | None:
    """The case and step that made record ``ref`` of ``kind`` (``None``: made by hand)."""
    row = connection.execute(select(step_records).where(step_records.c.kind == kind, step_records.c.ref == str(ref))
                             .order_by(step_records.c.id).limit(1)).first()
    if row is None:
        return None
    return StepRecordLink(row.kind, row.ref, row.instance_id, row.registration, row.step_id, row.step_name,
                          row.created_by, row.created_at)


def made_by_case(runtime: Runtime, kind: str, ref: str | int) -> StepRecordLink | None:
    """:func:`made_by` in its own read (for a record's page: "made by case ... (step ...)")."""
    with runtime.db.read() as connection:
        return made_by(connection, kind, ref)


def records_of_instance(connection: Connection, instance_id: int) -> list[StepRecordLink]:
    """Every record the steps of an instance made, oldest first."""
    rows = connection.execute(select(step_records).where(step_records.c.instance_id == instance_id)
                              .order_by(step_records.c.id)).all()
    return [StepRecordLink(row.kind, row.ref, row.instance_id, row.registration, row.step_id, row.step_name,
                           row.created_by, row.created_at) for row in rows]


register_record_writer(write_step_record)
