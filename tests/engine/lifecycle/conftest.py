"""A small Pemda for the seed's stages 1-3: a Pemda with two OPDs, each with a Subbagian, and people."""

from __future__ import annotations

import datetime as dt
from pathlib import Path
from typing import Iterator

import pytest
from sqlalchemy import update

from engine.access.accounts import add_account
from engine.access.organisation import unit_id
from engine.runtime.facade import Runtime
from engine.runtime.timers import ManualClock
from engine.store.models import org_units
from tests.engine.runtime.conftest import fresh_url, postgres_database  # noqa: F401 - the PostgreSQL fixture

PEMDA = "Pemerintah Kota Contoh"
BAGIAN_ORGANISASI = "Sekretariat Daerah - Bagian Organisasi"
DINKES, DINKES_UMUM = "Dinas Kesehatan", "Dinas Kesehatan - Subbagian Umum"
DISDIK, DISDIK_UMUM = "Dinas Pendidikan", "Dinas Pendidikan - Subbagian Umum"
#: ``unit -> (kind, parent)``.
TREE = {PEMDA: ("pemda", None), BAGIAN_ORGANISASI: ("unit", PEMDA), DINKES: ("opd", PEMDA),
        DINKES_UMUM: ("unit", DINKES), DISDIK: ("opd", PEMDA), DISDIK_UMUM: ("unit", DISDIK)}
#: ``username -> (roles, jabatan)``.
PEOPLE = {
    "vera": (["verifikator"], [("Analis Kelembagaan", BAGIAN_ORGANISASI)]),
    "sekda": (["pelaksana"], [("Sekretaris Daerah", PEMDA)]),
    "sari": (["pelaksana"], [("Kepala Subbagian Umum", DINKES_UMUM)]),
    "guru": (["pelaksana"], [("Kepala Subbagian Umum", DISDIK_UMUM)]),
    "rina": (["penyusun"], [("Analis Organisasi", BAGIAN_ORGANISASI)]),
    "kadis": (["pengesah"], [("Kepala Dinas", DINKES)]),
}
NOON = dt.datetime(2026, 3, 2, 5, 0, tzinfo=dt.timezone.utc)


def build_pemda(runtime: Runtime) -> None:
    """The units of :data:`TREE` with their kinds and parents, and the accounts of :data:`PEOPLE`."""
    for username, (roles, jabatan) in PEOPLE.items():
        add_account(runtime, username, f"{username}-rahasia", roles, nama=f"Nama {username.title()}",
                    nip="1980", jabatan=jabatan)
    with runtime.db.write() as connection:
        for code in TREE:
            unit_id(connection, code, create=True)
        for code, (kind, parent) in TREE.items():
            connection.execute(update(org_units).where(org_units.c.code == code).values(
                kind=kind, parent_id=unit_id(connection, parent) if parent else None))


@pytest.fixture(params=["sqlite", pytest.param("postgresql", marks=pytest.mark.postgresql)])
def runtime(request: pytest.FixtureRequest, tmp_path: Path) -> Iterator[Runtime]:
    """The Pemda on a fresh store, once on SQLite and once on PostgreSQL."""
    found = Runtime(fresh_url(request.param, tmp_path, request), clock=ManualClock(NOON))
    build_pemda(found)
    yield found
    found.close()
