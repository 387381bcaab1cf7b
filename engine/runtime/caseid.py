"""A case's identity: its registration number (unique per SOP and year) and its subject.

The number is given inside the start transaction: the counter row of (SOP, year, trial) is
incremented with one upsert (``INSERT ... ON CONFLICT DO UPDATE ... RETURNING``), which takes the
row lock on PostgreSQL and runs under the write lock (``BEGIN IMMEDIATE``) on SQLite, so
concurrent starts get consecutive, distinct numbers; ``case_registrations`` keeps every number
under unique constraints as a second guard. Trials (ujicoba, simulasi) count apart and their
numbers say so, so they never use up or imitate real numbers.
"""

from __future__ import annotations

from datetime import datetime
from typing import Any
from zoneinfo import ZoneInfo

from sqlalchemy import Connection, insert, select, update
from sqlalchemy.dialects import postgresql, sqlite

from engine.runtime.privacy import mask_value
from engine.sop.fields import FieldType, field_named
from engine.sop.model import Sop
from engine.sop.registration import registration_number
from engine.store.models import case_registrations, registration_counters, versions

#: Prefix of a trial instance's number.
TRIAL_PREFIX = "UJI-"
#: Prefix of a simulation instance's number (stage 8: practice on an approved version).
SIMULATION_PREFIX = "SIM-"
#: Field names taken as the subject of a case, in order of preference (else the first text field asked at start).
SUBJECT_NAMES = ("nama_pemohon", "pemohon", "nama_pegawai", "nama", "perihal", "judul", "nama_paket")
_SUBJECT_LENGTH = 200


def next_sequence(connection: Connection, definition_id: int, year: int, trial: bool) -> int:
    """Increment and return the counter of (SOP, year, trial) in the current transaction."""
    dialect = connection.dialect.name
    values = {"definition_id": definition_id, "year": year, "trial": trial, "last": 1}
    if dialect in ("postgresql", "sqlite"):
        build = postgresql.insert if dialect == "postgresql" else sqlite.insert
        upsert = build(registration_counters).values(**values).on_conflict_do_update(
            index_elements=["definition_id", "year", "trial"], set_={"last": registration_counters.c.last + 1})
        return int(connection.execute(upsert.returning(registration_counters.c.last)).scalar_one())
    key = ((registration_counters.c.definition_id == definition_id) & (registration_counters.c.year == year)
           & (registration_counters.c.trial == trial))
    current = connection.execute(select(registration_counters.c.last).where(key).with_for_update()).scalar()
    if current is None:
        connection.execute(insert(registration_counters), values)
        return 1
    connection.execute(update(registration_counters).where(key).values(last=current + 1))
    return int(current) + 1


def assign_registration(connection: Connection, instance_id: int, version_id: int, sop: Sop, trial: bool,
                        now: datetime, zone: ZoneInfo, *, simulation: bool = False, definition_id: int = 0) -> str:
    """Give the new instance its registration number and keep it in ``case_registrations`` (the instance
    row takes it through :meth:`engine.runtime.session.InstanceRun.set_identity`).

    :param definition_id: the version's definition when the caller knows it (else it is read).
    """
    day = now.astimezone(zone).date()
    if not definition_id:
        definition_id = int(connection.execute(select(versions.c.definition_id).where(versions.c.id == version_id))
                            .scalar_one())
    seq = next_sequence(connection, definition_id, day.year, trial)
    number = (SIMULATION_PREFIX if simulation else TRIAL_PREFIX if trial else "") + registration_number(sop, seq, day)
    connection.execute(insert(case_registrations), {"instance_id": instance_id, "definition_id": definition_id,
                                                    "year": day.year, "trial": trial, "seq": seq, "number": number})
    return number


def subject_field(sop: Sop) -> str:
    """The name of the field that says what a case is about (the applicant's name, the perihal), or ""."""
    start_id = sop.start.id if sop.start else ""
    at_start = [item for item in sop.fields if item.asked_at_start or item.step == start_id]
    for wanted in SUBJECT_NAMES:
        for item in at_start:
            if item.name == wanted:
                return item.name
    for item in at_start:
        if item.type is FieldType.TEXT:
            return item.name
    return ""


def subject_of(sop: Sop, values: dict[str, Any]) -> tuple[str, str]:
    """The subject of a case from its start values (one line, at most 200 characters), and as lists
    show it (masked when its field is personal)."""
    name = subject_field(sop)
    value = values.get(name) if name else None
    if value is None:
        return "", ""
    text = " ".join(str(value).split())[:_SUBJECT_LENGTH]
    declared = field_named(sop.fields, name)
    return text, mask_value(declared, text) if declared is not None and declared.personal else text


__all__ = ["SUBJECT_NAMES", "TRIAL_PREFIX", "assign_registration", "next_sequence", "subject_field", "subject_of"]
