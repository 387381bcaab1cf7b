"""Database.shared_reads (one read transaction per web request) and the PostgreSQL pool's disconnect
handling (engine.store.db)."""

from __future__ import annotations

from pathlib import Path

import pytest
from sqlalchemy import text

from engine.errors import StoreError
from engine.store import db as store_db
from engine.store.db import Database


def _make_table(database: Database) -> None:
    with database.write() as connection:
        connection.execute(text("CREATE TABLE IF NOT EXISTS uji (n INTEGER)"))


def _count(database: Database) -> int:
    with database.read() as connection:
        return int(connection.execute(text("SELECT count(*) FROM uji")).scalar_one())


def test_reads_of_a_block_share_one_connection(store_url: str) -> None:
    database = Database(store_url)
    try:
        with database.shared_reads():
            with database.read() as first:
                pass
            with database.read() as second:
                with database.read() as nested:
                    assert nested is second
            assert first is second
        with database.read() as outside, database.read() as other:
            assert outside is not other  # no sharing outside the block
    finally:
        database.dispose()


def test_a_read_after_a_write_sees_the_write(store_url: str) -> None:
    database = Database(store_url)
    _make_table(database)
    try:
        with database.shared_reads():
            assert _count(database) == 0
            with database.write() as connection:
                connection.execute(text("INSERT INTO uji VALUES (1)"))
            assert _count(database) == 1
            # a write by another program is seen too once this block writes (the snapshot is ended)
            other = Database(store_url)
            with other.write() as connection:
                connection.execute(text("INSERT INTO uji VALUES (2)"))
            other.dispose()
            with database.write():
                pass
            assert _count(database) == 2
    finally:
        database.dispose()


def test_a_write_inside_a_read_block_is_seen_once_the_block_ends(store_url: str) -> None:
    database = Database(store_url)
    _make_table(database)
    try:
        with database.shared_reads():
            with database.read() as connection:
                connection.execute(text("SELECT count(*) FROM uji")).scalar_one()
                with database.write() as writing:
                    writing.execute(text("INSERT INTO uji VALUES (1)"))
            assert _count(database) == 1
    finally:
        database.dispose()


def test_a_failed_read_does_not_poison_the_next(store_url: str) -> None:
    database = Database(store_url)
    _make_table(database)
    try:
        with database.shared_reads():
            with pytest.raises(StoreError):
                with database.read() as connection:
                    connection.execute(text("SELECT * FROM tabel_yang_tidak_ada"))
            assert _count(database) == 0  # on PostgreSQL the aborted transaction was rolled back
    finally:
        database.dispose()


@pytest.mark.postgresql
def test_a_dropped_idle_postgresql_connection_is_replaced(request: pytest.FixtureRequest, tmp_path: Path,
                                                          monkeypatch: pytest.MonkeyPatch) -> None:
    from tests.engine.runtime.conftest import fresh_url

    database = Database(fresh_url("postgresql", tmp_path, request))
    try:
        with database.read() as connection:
            pid = connection.exec_driver_sql("SELECT pg_backend_pid()").scalar_one()
        killer = Database(database.url)
        with killer.read() as connection:
            connection.execute(text("SELECT pg_terminate_backend(:pid)"), {"pid": pid})
        killer.dispose()
        monkeypatch.setattr(store_db, "POOL_PING_IDLE_S", 0.0)  # the pooled connection has idled long enough
        with database.read() as connection:
            assert connection.exec_driver_sql("SELECT pg_backend_pid()").scalar_one() != pid
    finally:
        database.dispose()
