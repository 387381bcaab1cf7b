"""Migration 0004a gives today's holdings their unit and jabatan ids, on SQLite and PostgreSQL."""

from __future__ import annotations

import datetime as dt
import secrets
from pathlib import Path

import pytest
import sqlalchemy
from sqlalchemy import insert, select

from engine.store.db import Database
from engine.store.migrate import upgrade
from engine.store.models import holdings, org_jabatan, org_units, users


def _url(kind: str, tmp_path: Path, request: pytest.FixtureRequest) -> str:
    if kind == "sqlite":
        return f"sqlite:///{tmp_path / 'org.db'}"
    base = request.getfixturevalue("postgres_database")
    schema = f"org_{secrets.token_hex(4)}"
    engine = sqlalchemy.create_engine(base)
    with engine.begin() as connection:
        connection.exec_driver_sql(f'CREATE SCHEMA "{schema}"')
    engine.dispose()
    return f"{base}?options=-csearch_path%3D{schema}"


@pytest.mark.parametrize("kind", ["sqlite", pytest.param("postgresql", marks=pytest.mark.postgresql)])
def test_0004a_fills_unit_and_jabatan_ids_from_the_held_strings(kind: str, tmp_path: Path,
                                                                request: pytest.FixtureRequest) -> None:
    database = Database(_url(kind, tmp_path, request))
    try:
        upgrade(database, "0003")
        now = dt.datetime(2026, 3, 2, tzinfo=dt.timezone.utc)
        old_holdings = sqlalchemy.table("holdings", sqlalchemy.column("user_id"), sqlalchemy.column("jabatan"),
                                        sqlalchemy.column("unit"))
        with database.write() as connection:
            ani = connection.execute(insert(users).returning(users.c.id),
                                     {"username": "ani", "nama": "", "nip": "", "created_at": now}).scalar_one()
            budi = connection.execute(insert(users).returning(users.c.id),
                                      {"username": "budi", "nama": "", "nip": "", "created_at": now}).scalar_one()
            connection.execute(insert(old_holdings), [
                {"user_id": ani, "jabatan": "Sekretaris", "unit": "Dinas A"},
                {"user_id": ani, "jabatan": "Kepala Dinas", "unit": "Dinas A"},
                {"user_id": budi, "jabatan": "Sekretaris", "unit": "Dinas A"},
                {"user_id": budi, "jabatan": "Sekretaris", "unit": "Dinas B"}])
        upgrade(database)
        with database.read() as connection:
            units = {row.code: row for row in connection.execute(select(org_units))}
            jabatan = {(row.unit_id, row.code): row.id for row in connection.execute(select(org_jabatan))}
            held = connection.execute(select(holdings).order_by(holdings.c.id)).all()
        assert sorted(units) == ["Dinas A", "Dinas B"]
        assert {row.kind for row in units.values()} == {"unit"} and all(row.parent_id is None for row in units.values())
        assert len(jabatan) == 3  # Sekretaris of A is one jabatan, held by two people
        for row in held:
            assert row.unit_id == units[row.unit].id
            assert row.jabatan_id == jabatan[(row.unit_id, row.jabatan)]
        assert held[0].jabatan_id == held[2].jabatan_id != held[3].jabatan_id
    finally:
        database.dispose()
