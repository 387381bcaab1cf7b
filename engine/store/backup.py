"""Backups, restores and copies of the store.

* SQLite: :func:`backup` uses SQLite's online backup API (a consistent copy while Alur runs, unlike
  ``cp``); :func:`restore` checks the file is an Alur store at the newest schema, then copies it
  page by page into the store (stop the web and worker processes first).
* PostgreSQL: use ``pg_dump``/``pg_restore`` (catalogue code ``backup_postgres_guidance``); they are made for it.
* :func:`copy_store` copies every table, in dependency order, from one store into an empty one
  (a trial on SQLite becoming production on PostgreSQL), then checks the row counts of every
  table and the audit chain of every instance in the target.
"""

from __future__ import annotations

import sqlite3
from dataclasses import dataclass
from pathlib import Path

from sqlalchemy import Integer, func, insert, select, text
from sqlalchemy.engine import make_url

from engine.errors import InputError, StoreError
from engine.store import repo
from engine.store.db import Database, database_url
from engine.store.migrate import current_revision, ensure_current, head_revision, upgrade
from engine.store.models import metadata

_BATCH = 1000


def _sqlite_path(url: str) -> Path:
    parsed = make_url(url)
    if parsed.get_backend_name() != "sqlite":
        raise InputError.from_code("backup_postgres_guidance")
    if not parsed.database or parsed.database == ":memory:":
        raise InputError.from_code("backup_memory_database")
    return Path(parsed.database)


def backup(target: str | Path, url: str | None = None) -> Path:
    """Copy the SQLite store at ``url`` to the new file ``target`` with the online backup API.

    :raises InputError: a PostgreSQL store (with the pg_dump guidance), or ``target`` exists.
    """
    source_path = _sqlite_path(database_url(url))
    destination = Path(target)
    if destination.exists():
        raise InputError.from_code("backup_target_exists", name=destination.name)
    if not source_path.exists():
        raise InputError.from_code("backup_no_database", name=source_path.name)
    _copy_sqlite(source_path, destination)
    return destination


def restore(source_file: str | Path, url: str | None = None) -> str:
    """Replace the SQLite store at ``url`` with the backup ``source_file``; the schema revision restored.

    :raises InputError: not an SQLite file, not an Alur store, or a schema other than the newest.
    """
    target_path = _sqlite_path(database_url(url))
    source_path = Path(source_file)
    if not source_path.is_file():
        raise InputError.from_code("backup_no_backup", name=source_path.name)
    checked = Database(f"sqlite:///{source_path}")
    try:
        revision = current_revision(checked)
    except StoreError as exc:
        raise InputError.from_code("backup_not_alur", name=source_path.name) from exc
    finally:
        checked.dispose()
    if revision != head_revision():
        raise InputError.from_code("backup_schema", name=source_path.name, revision=revision or "-",
                                   needed=head_revision())
    _copy_sqlite(source_path, target_path)
    return revision


@dataclass(frozen=True)
class CopyReport:
    """What :func:`copy_store` copied: rows per table, and the audit chain checked in the target."""

    rows: dict[str, int]
    instances_verified: int
    events_verified: int


def copy_store(target_url: str, source_url: str | None = None) -> CopyReport:
    """Copy every table of the store at ``source_url`` into the empty store at ``target_url``.

    The target is brought to the newest schema first and must hold no rows. Tables are copied in
    dependency order in one transaction; then the counts of every table are compared and every
    audit chain is recomputed in the target.

    :raises InputError: the target already holds data, or the two URLs name the same store.
    :raises StoreError: a count or the audit chain differs after the copy (the copy is kept for study).
    """
    source_url = database_url(source_url)
    if make_url(source_url) == make_url(target_url):
        raise InputError.from_code("copy_same_database")
    source, target = Database(source_url), Database(target_url)
    try:
        ensure_current(source)
        upgrade(target)
        tables = list(metadata.sorted_tables)
        with target.engine.connect() as connection:
            filled = [table.name for table in tables
                      if connection.execute(select(func.count()).select_from(table)).scalar_one()]
        if filled:
            raise InputError.from_code("copy_target_not_empty", tables=", ".join(filled))
        rows: dict[str, int] = {}
        with source.engine.connect() as reading, target.engine.begin() as writing:
            for table in tables:
                count = 0
                result = reading.execution_options(stream_results=True).execute(select(table))
                for batch in result.mappings().partitions(_BATCH):
                    writing.execute(insert(table), [dict(row) for row in batch])
                    count += len(batch)
                rows[table.name] = count
            if writing.dialect.name == "postgresql":
                for table in tables:
                    key = table.c.get("id")
                    if key is not None and isinstance(key.type, Integer) and rows[table.name]:
                        writing.execute(text(f"SELECT setval(pg_get_serial_sequence('{table.name}', 'id'), "
                                             f"(SELECT max(id) FROM {table.name}))"))
        with target.engine.connect() as connection:
            for table in tables:
                copied = connection.execute(select(func.count()).select_from(table)).scalar_one()
                if copied != rows[table.name]:
                    raise StoreError.from_code("copy_count_differs", table=table.name, read=rows[table.name], written=copied)
            instances_checked, events_checked, broken = repo.verify_all(connection)
        if broken is not None:
            raise StoreError.from_code("copy_chain_broken", detail=broken.render("id"))
        return CopyReport(rows, instances_checked, events_checked)
    finally:
        source.dispose()
        target.dispose()


def _copy_sqlite(source_path: Path, target_path: Path) -> None:
    """Copy the SQLite database ``source_path`` (opened read-only) onto ``target_path`` with SQLite's
    online backup, so a store in use is copied consistently."""
    source = sqlite3.connect(f"file:{source_path}?mode=ro", uri=True)
    try:
        copy = sqlite3.connect(target_path)
        try:
            source.backup(copy)
        finally:
            copy.close()
    finally:
        source.close()
