from __future__ import annotations

import atexit
import os
import shutil
import sqlite3
import subprocess
import tempfile
from contextlib import closing
from pathlib import Path

import pytest
from hypothesis import settings as hypothesis_settings

from engine.store import migrate as _migrate
from engine.store.db import Database

# CI must say the same thing on the same commit: there the random property tests draw the same
# examples each run (ALUR_CI is set by .ci/run); a developer's run keeps exploring new ones.
hypothesis_settings.register_profile("ci", derandomize=True)
if os.environ.get("ALUR_CI"):
    hypothesis_settings.load_profile("ci")

# Migrating an empty store runs every Alembic revision (~0.4 s on SQLite, ~0.8 s on PostgreSQL) and
# the suite makes over a thousand stores. An empty SQLite store brought to "head" is instead a copy
# of one migrated once per run: the same file the migrations make, so nothing differs but the time.
# An empty PostgreSQL schema brought to "head" likewise replays a pg_dump of one schema migrated once per
# test database (~1 s of setup saved on each of ~250 PostgreSQL cases).
# Migrations themselves are still run by every test that names a revision or upgrades a used store,
# and the templates are made by the real upgrade.
_real_upgrade = _migrate.upgrade
_templates: dict[str, Path] = {}


def _empty_sqlite_file(database: Database) -> Path | None:
    """The file of ``database`` when it is SQLite on disk and holds no table yet, else ``None``."""
    url = database.engine.url
    if url.get_backend_name() != "sqlite" or not url.database or url.database == ":memory:":
        return None
    path = Path(url.database)
    if not path.exists():
        return path
    with closing(sqlite3.connect(path)) as connection:
        tables = connection.execute("SELECT count(*) FROM sqlite_master").fetchone()[0]
    return path if tables == 0 else None


def _sqlite_template() -> Path:
    if "sqlite" not in _templates:
        folder = Path(tempfile.mkdtemp(prefix="alur-schema-"))
        atexit.register(shutil.rmtree, folder, True)
        template = folder / "head.db"
        database = Database(f"sqlite:///{template}")
        try:
            _real_upgrade(database)
        finally:
            database.dispose()
        with closing(sqlite3.connect(template)) as connection:
            connection.execute("PRAGMA wal_checkpoint(TRUNCATE)")
        _templates["sqlite"] = template
    return _templates["sqlite"]


#: The schema name of the PostgreSQL template: unusual enough that it names nothing else in its dump.
_PG_TEMPLATE_SCHEMA = "alur_schema_template_head"
_pg_templates: dict[str, str] = {}


def _empty_postgresql_schema(database: Database) -> str | None:
    """The current schema of ``database`` when it is PostgreSQL and that schema holds no table, else ``None``."""
    if database.engine.url.get_backend_name() != "postgresql":
        return None
    with database.engine.connect() as connection:
        schema = connection.exec_driver_sql("SELECT current_schema()").scalar()
        if schema is None or schema == _PG_TEMPLATE_SCHEMA:
            return None
        count = connection.exec_driver_sql(
            "SELECT count(*) FROM pg_catalog.pg_class c JOIN pg_catalog.pg_namespace n ON n.oid = c.relnamespace "
            "WHERE n.nspname = current_schema()").scalar()
    return schema if count == 0 else None


def _postgresql_template(database: Database) -> str | None:
    """The SQL (pg_dump of a schema migrated once per database by the real upgrade) that rebuilds "head" in
    another schema, or ``None`` when pg_dump is missing (then every store runs the migrations)."""
    url = database.engine.url
    key = url.set(query={}).render_as_string(hide_password=False)
    if key not in _pg_templates:
        dump = shutil.which("pg_dump")
        if dump is None:
            return None
        from sqlalchemy import create_engine

        admin = create_engine(key)
        try:
            with admin.begin() as connection:
                connection.exec_driver_sql(f'DROP SCHEMA IF EXISTS "{_PG_TEMPLATE_SCHEMA}" CASCADE')
                connection.exec_driver_sql(f'CREATE SCHEMA "{_PG_TEMPLATE_SCHEMA}"')
        finally:
            admin.dispose()
        template = Database(url.set(query={"options": f"-csearch_path={_PG_TEMPLATE_SCHEMA}"})
                            .render_as_string(hide_password=False))
        try:
            _real_upgrade(template)
        finally:
            template.dispose()
        libpq = url.set(drivername="postgresql", query={}).render_as_string(hide_password=False)
        text = subprocess.run([dump, "--schema", _PG_TEMPLATE_SCHEMA, "--inserts", "--no-owner", "--no-privileges",
                               "--dbname", libpq], check=True, capture_output=True, text=True).stdout
        # psql meta-commands (\restrict ...) and the schema itself (made by the test) are not for a plain session
        lines = [line for line in text.splitlines() if not line.startswith("\\")
                 and not line.startswith(f"CREATE SCHEMA {_PG_TEMPLATE_SCHEMA}")]
        _pg_templates[key] = "\n".join(lines)
    return _pg_templates[key]


def _upgrade_from_template(database: Database, revision: str = "head") -> None:
    schema = _empty_postgresql_schema(database) if revision == "head" else None
    if schema is not None:
        sql = _postgresql_template(database)
        if sql is None:
            _real_upgrade(database, revision)
            return
        connection = database.engine.raw_connection()
        try:
            cursor = connection.cursor()
            cursor.execute(sql.replace(_PG_TEMPLATE_SCHEMA, schema))
            connection.commit()
            cursor.execute("RESET ALL")  # the dump's SETs (search_path '' ...) must not stay on a pooled connection
            connection.commit()
        finally:
            connection.close()
        return
    path = _empty_sqlite_file(database) if revision == "head" else None
    if path is None:
        _real_upgrade(database, revision)
        return
    template = _sqlite_template()
    database.engine.dispose()  # no pooled connection may keep the empty file open
    for leftover in (path, path.with_name(path.name + "-wal"), path.with_name(path.name + "-shm")):
        leftover.unlink(missing_ok=True)
    shutil.copyfile(template, path)


_migrate.upgrade = _upgrade_from_template

ROOT = Path(__file__).resolve().parent.parent
PROCESSES = ROOT / "processes"
DATA = Path(__file__).resolve().parent / "data"
#: The OMG BPMN MIWG test suite exported by real modelers (read in place, never copied).
#: ``ALUR_MIWG`` names another place (a worktree has no ``../shared`` beside it).
MIWG = Path(os.environ.get("ALUR_MIWG") or ROOT.parent / "shared" / "interop" / "miwg")


#: The start fields of processes/pengelolaan-surat-masuk.bpmn as a clerk types them from the letter.
SURAT_MASUK_DATA = {"nomor_surat": "005/123/DINSOS/2026", "tanggal_surat": "2 Maret 2026", "pengirim": "Dinas Sosial",
                    "perihal": "Undangan rapat koordinasi"}


def shipped_processes() -> list[Path]:
    return sorted(PROCESSES.glob("*.bpmn"))


@pytest.fixture
def data_dir() -> Path:
    return DATA
