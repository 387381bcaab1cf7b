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

from engine.errors import AlurError, DataError
from engine.lifecycle import inventory, pelatihan, sosialisasi, tim
from engine.runtime.facade import Runtime
from engine.runtime.step_hooks import register_record_writer
from engine.sop.step_records import RECORD_KINDS, StepRecord
from engine.store.models import step_records


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

    def __init__(self, record: StepRecord, values: Mapping[str, Any], step: str) -> None:
        self.record, self.values, self.step = record, values, step

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
        return [str(tim.set_sk(connection, unit, get.text("nama"), get.text("nomor_sk"), get.date("tanggal_sk"),
                               by, now))]
    if record.kind == "pembekalan":
        team = tim.team_of_unit(connection, unit)
        if team is None:
            from engine.messages import message
            raise DataError.from_code("rec_refused", "unit", step=get.step, kind=record.kind,
                                      reason=message("rec_no_tim", unit=unit),
                                      reason_en=message("rec_no_tim", "en", unit=unit))
        found = tim.insert_briefing(connection, team, get.date("tanggal"), get.text("topik"),
                                    _people(get.text("peserta")), by, now)
        return [str(found.id)]
    if record.kind == "inventarisasi":
        # a long text gives one entry per line: a SKPD names all the SOPs it needs in one step
        titles = [line.strip() for line in get.text("judul").splitlines() if line.strip()]
        analysis = get.text("analisis", False)
        listed = inventory.titles_of_unit(connection, unit)  # a title the unit listed already is not listed twice
        return [str(listed.get(title.lower()) or inventory.insert_entry(connection, unit, title, (), analysis, by,
                                                                       now).id)
                for title in dict.fromkeys(titles)]
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


def write_step_record(connection: Connection, record: StepRecord, values: Mapping[str, Any], *, step_id: str,
                      step_name: str, unit: str, by: str, now: dt.datetime, instance_id: int,
                      registration: str) -> list[str]:
    """Store the record ``record`` declares from the case ``values`` and link it to the case.

    :param unit: the unit the record is for unless the declaration maps ``unit`` (the work item's unit,
        so a multi-instance row over units records each unit's own).
    :return: the refs of the stored records.
    :raises DataError: the record was refused (``rec_refused``, naming the case field where the record
        module named one); the caller's transaction must then roll back.
    """
    get = _Values(record, values, step_name)
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
