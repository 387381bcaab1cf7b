"""Fixtures for the durable runtime: a fresh store on SQLite (under tmp_path) and on PostgreSQL.

PostgreSQL: one database ``alur_test_<random>`` per test session on the server of
``$ALUR_TEST_POSTGRES_URL`` (default ``postgresql://postgres@127.0.0.1:5432/test``), dropped at the
end, and one schema per test inside it, so runs never collide. When the server is unreachable the
PostgreSQL cases are skipped and say why.
"""

from __future__ import annotations

import itertools
import os
import secrets
from pathlib import Path
from typing import Iterator

import pytest

from engine.runtime.facade import Runtime
from engine.sop.model import Sop
from engine.store.db import Database
from engine.store.migrate import upgrade
from engine.runtime.timers import ManualClock

POSTGRES_ADMIN_URL = os.environ.get("ALUR_TEST_POSTGRES_URL", "postgresql://postgres@127.0.0.1:5432/test")
UNIT = "Bagian Uji"
_schemas = itertools.count(1)


def _admin_connect():  # type: ignore[no-untyped-def]
    import psycopg

    return psycopg.connect(POSTGRES_ADMIN_URL, autocommit=True, connect_timeout=3)


@pytest.fixture(scope="session")
def postgres_database() -> Iterator[str]:
    """The URL (psycopg dialect) of a database made for this test session."""
    try:
        admin = _admin_connect()
    except Exception as exc:  # noqa: BLE001 - any failure means "not reachable" here
        pytest.skip(f"PostgreSQL NOT TESTED: {POSTGRES_ADMIN_URL} unreachable ({exc}); start it "
                    f"(pg_ctlcluster ... main start) or set ALUR_TEST_POSTGRES_URL")
    name = f"alur_test_{secrets.token_hex(6)}"
    with admin:
        admin.execute(f'CREATE DATABASE "{name}"')
    base = POSTGRES_ADMIN_URL.rsplit("/", 1)[0].replace("postgresql://", "postgresql+psycopg://", 1)
    try:
        yield f"{base}/{name}"
    finally:
        with _admin_connect() as admin:
            admin.execute(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')


def fresh_url(kind: str, tmp_path: Path, request: pytest.FixtureRequest) -> str:
    """A migrated, empty store of ``kind`` ("sqlite" or "postgresql")."""
    if kind == "sqlite":
        url = f"sqlite:///{tmp_path / 'alur.db'}"
    else:
        base = request.getfixturevalue("postgres_database")
        schema = f"t{next(_schemas)}_{secrets.token_hex(3)}"
        import sqlalchemy

        engine = sqlalchemy.create_engine(base)
        with engine.begin() as connection:
            connection.exec_driver_sql(f'CREATE SCHEMA "{schema}"')
        engine.dispose()
        url = f"{base}?options=-csearch_path%3D{schema}"
    database = Database(url)
    try:
        upgrade(database)
    finally:
        database.dispose()
    return url


@pytest.fixture(params=["sqlite", pytest.param("postgresql", marks=pytest.mark.postgresql)])
def store_url(request: pytest.FixtureRequest, tmp_path: Path) -> str:
    """A migrated, empty store: once on SQLite, once on PostgreSQL."""
    return fresh_url(request.param, tmp_path, request)


@pytest.fixture
def sqlite_url(tmp_path: Path, request: pytest.FixtureRequest) -> str:
    return fresh_url("sqlite", tmp_path, request)


@pytest.fixture
def clock() -> ManualClock:
    return ManualClock()


@pytest.fixture
def runtime(store_url: str, clock: ManualClock) -> Iterator[Runtime]:
    """A runtime on a fresh store with a hand-moved clock (Monday 2 March 2026, 08:00 WIB)."""
    instance = Runtime(store_url, clock=clock)
    yield instance
    instance.close()


def staff(runtime: Runtime, sop: Sop, unit: str = UNIT) -> dict[str, str]:
    """One user per pelaksana of ``sop``, holding that jabatan in ``unit`` (or in the unit its ``unit:``
    routing rule names): jabatan -> username."""
    from engine.sop.routing import NAMED_UNIT, rule_of

    from engine.access.linking import place_unit
    from engine.sop.structure import OVER_OPD, OVER_SUB_UNITS

    # a row done by every unit below the case's unit (every OPD) needs such units, each with a holder
    spread: dict[str, list[str]] = {}
    for step in sop.steps:
        multi = step.structure.multi
        if multi is not None and multi.over in (OVER_SUB_UNITS, OVER_OPD):
            spread.setdefault(step.actor, [])
            below = [f"{unit} - Bidang {number}" for number in (1, 2)]
            with runtime.db.write() as connection:
                place_unit(connection, unit, kind="opd")
                for code in below:
                    place_unit(connection, code, kind="opd" if multi.over == OVER_OPD else "unit", parent=unit)
            spread[step.actor] += [code for code in below if code not in spread[step.actor]]
    people: dict[str, str] = {}
    for index, jabatan in enumerate(sop.actors):
        username = f"p{index + 1}"
        rule = rule_of(sop.routing, jabatan)
        held_unit = rule.argument if rule.kind == NAMED_UNIT else unit
        held = [(jabatan, held_unit)] + [(jabatan, code) for code in spread.get(jabatan, [])]
        runtime.add_user(username, nama=f"Pegawai {index + 1}", jabatan=held)
        people[jabatan] = username
    return people
