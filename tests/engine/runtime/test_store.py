"""The schema comes from the Alembic migrations shipped in the package; database failures become StoreError."""

from __future__ import annotations

import inspect
from pathlib import Path

import pytest
import sqlalchemy.exc
from alembic.autogenerate import compare_metadata
from alembic.runtime.migration import MigrationContext

from engine.errors import StoreError
from engine.runtime.facade import Runtime
from engine.store.db import Database, map_db_errors
from engine.store.migrate import ALEMBIC_DIR, current_revision, head_revision, upgrade_state
from engine.store.models import metadata


def test_migrations_build_exactly_the_models(store_url: str) -> None:
    database = Database(store_url)
    try:
        assert current_revision(database) == head_revision()
        with database.engine.connect() as connection:
            assert compare_metadata(MigrationContext.configure(connection), metadata) == []
    finally:
        database.dispose()


def test_the_migrations_ship_inside_the_package() -> None:
    assert (ALEMBIC_DIR / "env.py").is_file() and (ALEMBIC_DIR / "script.py.mako").is_file()
    assert list((ALEMBIC_DIR / "versions").glob("v0001_*.py"))
    assert "engine" in ALEMBIC_DIR.parts


def test_a_runtime_refuses_a_database_that_is_not_upgraded(tmp_path: Path) -> None:
    with pytest.raises(StoreError) as refused:
        Runtime(f"sqlite:///{tmp_path / 'kosong.db'}")
    assert "alur db upgrade" in str(refused.value)


def test_sqlite_runs_in_wal_mode(sqlite_url: str) -> None:
    database = Database(sqlite_url)
    try:
        with database.read() as connection:
            assert connection.exec_driver_sql("PRAGMA journal_mode").scalar() == "wal"
    finally:
        database.dispose()


def _sqlalchemy_errors() -> list[type[BaseException]]:
    return [value for value in vars(sqlalchemy.exc).values()
            if inspect.isclass(value) and issubclass(value, sqlalchemy.exc.SQLAlchemyError)]


@pytest.mark.parametrize("error", _sqlalchemy_errors(), ids=lambda error: error.__name__)
def test_every_sqlalchemy_error_is_mapped(error: type[BaseException]) -> None:
    instance: BaseException | None = None
    for arguments in (("gagal",), ("gagal", "SELECT 1", {}, Exception("asal")), ("gagal", "t", "c"),
                      ("gagal", "t"), ("gagal", set(), set())):
        try:
            instance = error(*arguments)
            str(instance)
            break
        except (TypeError, AttributeError):
            instance = None
    assert instance is not None, f"cannot build {error.__name__}"
    with pytest.raises(StoreError) as mapped:
        with map_db_errors():
            raise instance
    assert mapped.value.__cause__ is instance
    assert str(mapped.value).startswith("Basis data")


def test_a_state_from_a_newer_alur_is_refused() -> None:
    with pytest.raises(StoreError):
        upgrade_state("{}", 99)
