"""Upgrading the store: the database schema (Alembic) and the stored instance format.

The schema migrations live in ``alembic/versions`` inside the package, so ``alur db upgrade`` works
from an installed package. Each instance row also records the format of its serialised state
(:data:`engine.bpmn.spiff.state.STATE_FORMAT`); :data:`STATE_UPGRADES` holds one function per format
step, like SpiffWorkflow's own serializer migrations, and :func:`upgrade_state` applies them when an
old row is loaded.
"""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any, Callable

from alembic import command
from alembic.config import Config
from alembic.runtime.migration import MigrationContext
from alembic.script import ScriptDirectory

from engine.bpmn.spiff.state import STATE_FORMAT
from engine.errors import StoreError
from engine.store.db import Database, map_db_errors

ALEMBIC_DIR = Path(__file__).resolve().parent / "alembic"

#: ``format -> function`` turning a state dict of that format into the next format.
STATE_UPGRADES: dict[int, Callable[[dict[str, Any]], dict[str, Any]]] = {}


def _config(database: Database) -> Config:
    config = Config()
    config.set_main_option("script_location", str(ALEMBIC_DIR))
    config.set_main_option("sqlalchemy.url", database.url.replace("%", "%%"))
    return config


def upgrade(database: Database, revision: str = "head") -> None:
    """Bring the schema up to ``revision`` (the newest by default)."""
    config = _config(database)
    with map_db_errors(), database.engine.begin() as connection:
        config.attributes["connection"] = connection
        command.upgrade(config, revision)


def downgrade(database: Database, revision: str) -> None:
    """Take the schema back to ``revision`` (each migration's ``downgrade``; for tests and rollbacks)."""
    config = _config(database)
    with map_db_errors(), database.engine.begin() as connection:
        config.attributes["connection"] = connection
        command.downgrade(config, revision)


def current_revision(database: Database) -> str | None:
    """The schema revision the database is at, or ``None`` when it has no Alur tables."""
    with map_db_errors(), database.engine.connect() as connection:
        revision: str | None = MigrationContext.configure(connection).get_current_revision()
        return revision


def head_revision() -> str:
    """The newest schema revision this package ships."""
    head = ScriptDirectory(str(ALEMBIC_DIR)).get_current_head()
    assert head is not None
    return head


def ensure_current(database: Database) -> None:
    """Refuse to work on a database whose schema is not the newest.

    :raises StoreError: with what to run.
    """
    current = current_revision(database)
    if current != head_revision():
        if current is None:
            raise StoreError.from_code("store_not_prepared")
        raise StoreError.from_code("store_old_schema", revision=current)


def upgrade_state(text: str, state_format: int) -> str:
    """An instance state in the current format.

    :raises StoreError: a format newer than this package, or one without an upgrade path.
    """
    if state_format == STATE_FORMAT:
        return text
    if state_format > STATE_FORMAT:
        raise StoreError.from_code("store_state_too_new", format=state_format)
    dct = json.loads(text)
    for step in range(state_format, STATE_FORMAT):
        upgrade_step = STATE_UPGRADES.get(step)
        if upgrade_step is None:
            raise StoreError.from_code("store_no_state_upgrade", format=step)
        dct = upgrade_step(dct)
    return json.dumps(dct, separators=(",", ":"))


def upgrade_database(url: str | None = None, revision: str = "head") -> str:
    """Create or upgrade the store at ``url`` (default ``$ALUR_DATABASE_URL`` or SQLite here).

    :return: the schema revision reached.
    """
    database = Database(url)
    try:
        upgrade(database, revision)
        return current_revision(database) or ""
    finally:
        database.dispose()
