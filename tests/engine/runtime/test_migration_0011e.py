"""Migration 0011e (events: message_waits, message_deliveries) goes down and up on both databases."""

from __future__ import annotations

from pathlib import Path

import pytest
import sqlalchemy

from engine.store.db import Database
from engine.store.migrate import current_revision, downgrade, upgrade
from tests.engine.runtime.conftest import fresh_url


@pytest.mark.parametrize("kind", ["sqlite", pytest.param("postgresql", marks=pytest.mark.postgresql)])
def test_migration_0011e_down_and_up(kind: str, tmp_path: Path, request: pytest.FixtureRequest) -> None:
    database = Database(fresh_url(kind, tmp_path, request))

    def tables() -> set[str]:
        with database.engine.connect() as connection:
            return set(sqlalchemy.inspect(connection).get_table_names())

    try:
        assert {"message_waits", "message_deliveries"} <= tables()
        downgrade(database, "0010r")
        assert current_revision(database) == "0010r"
        assert not {"message_waits", "message_deliveries"} & tables()
        upgrade(database, "0011e")
        assert current_revision(database) == "0011e" and {"message_waits", "message_deliveries"} <= tables()
    finally:
        database.dispose()
