"""Pelatihan pemahaman (Permendagri 52/2011 Lampiran I, stage 8): sessions and simulations.

A **session** records training on an approved SOP version: its date, its kind (rapat, bimbingan
teknis, pendampingan, simulasi), who attended and notes. A **simulation** is an instance of an
approved version run for practice (``instances.mode = 'simulasi'``): its number starts with ``SIM-``,
pages show it SIMULASI, nobody is notified, and neither the monitoring report, its forms and exports
nor the ujicoba report and gate count it (they read ``real`` or ``ujicoba`` runs only).
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from typing import Any

from sqlalchemy import Connection, insert, select

from engine.errors import DataError
from engine.lifecycle.sosialisasi import TEXT_LIMIT, approved_version
from engine.runtime.facade import Runtime
from engine.runtime.work import Instance, WorkItem
from engine.store.models import pelatihan_attendees, pelatihan_sessions, users

#: The forms of pelatihan the regulation names.
PELATIHAN_KINDS = ("rapat", "bimtek", "pendampingan", "simulasi")
#: Most attendees kept on one session.
ATTENDEE_LIMIT = 500


@dataclass(frozen=True)
class PelatihanSession:
    """One pelatihan session on an SOP version."""

    id: int
    key: str
    version: int
    held_on: dt.date
    kind: str
    notes: str
    #: Usernames of the attendees, sorted.
    attendees: tuple[str, ...]
    recorded_by: str
    recorded_at: dt.datetime


def _attendees(given: Any) -> list[str]:
    if isinstance(given, str):
        given = given.replace(",", " ").split()
    if not isinstance(given, (list, tuple)) or not all(isinstance(name, str) for name in given):
        raise DataError.from_code("sos_attendees_list", "peserta")
    names = sorted({name.strip() for name in given if name.strip()})
    if not names:
        raise DataError.from_code("sos_field_required", "peserta", field="peserta")
    if len(names) > ATTENDEE_LIMIT:
        raise DataError.from_code("sos_attendees_too_many", "peserta", limit=ATTENDEE_LIMIT)
    return names


def record_session(runtime: Runtime, key: str, by: str, *, held_on: dt.date | None, kind: str, attendees: Any,
                   notes: str = "", version: int | None = None) -> PelatihanSession:
    """Record a pelatihan session on an approved version (the newest by default).

    :param attendees: usernames (a list, or one text separated by spaces or commas).
    :raises NotFoundError: no such SOP or approved version.
    :raises DataError: no date, an unknown kind, no attendee or one nobody has as login, notes too
        long (the error names the field; nothing is stored).
    """
    with runtime.db.write() as connection:
        return store_session(connection, key, by, runtime.clock.now(), held_on=held_on, kind=kind,
                             attendees=attendees, notes=notes, version=version)


def store_session(connection: Connection, key: str, by: str, now: dt.datetime, *, held_on: dt.date | None, kind: str,
                  attendees: Any, notes: str = "", version: int | None = None) -> PelatihanSession:
    """:func:`record_session` in the caller's transaction (a step's record, :mod:`engine.lifecycle.step_records`)."""
    if not isinstance(held_on, dt.date):
        raise DataError.from_code("sos_field_required", "tanggal", field="tanggal")
    if kind not in PELATIHAN_KINDS:
        raise DataError.from_code("sos_bad_kind", "jenis", kind=kind, kinds=", ".join(PELATIHAN_KINDS))
    if not isinstance(notes, str) or len(notes.strip()) > TEXT_LIMIT:
        raise DataError.from_code("sos_field_too_long", "catatan", field="catatan", limit=TEXT_LIMIT)
    names = _attendees(attendees)
    found = approved_version(connection, key, version)
    known = set(connection.execute(select(users.c.username).where(users.c.username.in_(names))).scalars())
    unknown = [name for name in names if name not in known]
    if unknown:
        raise DataError.from_code("sos_no_such_person", "peserta", user=", ".join(unknown))
    session_id = int(connection.execute(insert(pelatihan_sessions).returning(pelatihan_sessions.c.id), {
        "key": key, "version": found.number, "held_on": held_on, "kind": kind, "notes": notes.strip(),
        "recorded_by": by, "recorded_at": now}).scalar_one())
    connection.execute(insert(pelatihan_attendees), [{"session_id": session_id, "username": name} for name in names])
    return PelatihanSession(session_id, key, found.number, held_on, kind, notes.strip(), tuple(names), by, now)


def sessions_of(runtime: Runtime, key: str) -> list[PelatihanSession]:
    """The pelatihan sessions on every version of SOP ``key``, newest first."""
    with runtime.db.read() as connection:
        rows = connection.execute(select(pelatihan_sessions).where(pelatihan_sessions.c.key == key)
                                  .order_by(pelatihan_sessions.c.held_on.desc(), pelatihan_sessions.c.id.desc())).all()
        present: dict[int, list[str]] = {}
        if rows:
            for session_id, username in connection.execute(
                    select(pelatihan_attendees.c.session_id, pelatihan_attendees.c.username)
                    .where(pelatihan_attendees.c.session_id.in_([row.id for row in rows]))
                    .order_by(pelatihan_attendees.c.username)):
                present.setdefault(int(session_id), []).append(str(username))
    return [PelatihanSession(row.id, key, row.version, row.held_on, row.kind, row.notes, tuple(present.get(row.id, ())),
                             row.recorded_by, row.recorded_at) for row in rows]


def start_simulation(runtime: Runtime, key: str, username: str, form: Any = None, *,
                     unit: str | None = None) -> tuple[Instance, list[WorkItem]]:
    """Start a simulation instance of the newest approved version of ``key`` (practice, stage 8).

    ``username`` must hold the start step's jabatan, as for a real start (they practise their own work).

    :raises NotFoundError: no such SOP or no approved version.
    :raises AccessDeniedError: ``username`` does not hold the start step's jabatan there.
    :raises DataError: the start form is refused (nothing is stored).
    """
    return runtime.start(key, username, form, unit=unit, simulation=True)
