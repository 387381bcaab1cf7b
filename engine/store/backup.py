"""Backups, restores and copies of the store.

* SQLite: :func:`backup` uses SQLite's online backup API (a consistent copy while Alur runs, unlike
  ``cp``); :func:`restore` checks the file is an Alur store at the newest schema, then copies it
  page by page into the store (stop the web and worker processes first).
* PostgreSQL: use ``pg_dump``/``pg_restore`` (:data:`PG_GUIDANCE`); they are made for it.
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

PG_GUIDANCE = ("Untuk PostgreSQL gunakan pg_dump/pg_restore: 'pg_dump --format=custom --file=alur.dump DB' "
               "dan 'pg_restore --clean --if-exists --dbname=DB alur.dump'.")
_BATCH = 1000


def _sqlite_path(url: str) -> Path:
    parsed = make_url(url)
    if parsed.get_backend_name() != "sqlite":
        raise InputError(PG_GUIDANCE)
    if not parsed.database or parsed.database == ":memory:":
        raise InputError("Basis data SQLite di memori tidak dapat dicadangkan.")
    return Path(parsed.database)


def backup(target: str | Path, url: str | None = None) -> Path:
    """Copy the SQLite store at ``url`` to the new file ``target`` with the online backup API.

    :raises InputError: a PostgreSQL store (with the pg_dump guidance), or ``target`` exists.
    """
    source_path = _sqlite_path(database_url(url))
    destination = Path(target)
    if destination.exists():
        raise InputError(f"{destination.name} sudah ada; pilih nama berkas baru.")
    if not source_path.exists():
        raise InputError(f"Basis data {source_path.name} tidak ada.")
    source = sqlite3.connect(f"file:{source_path}?mode=ro", uri=True)
    try:
        copy = sqlite3.connect(destination)
        try:
            source.backup(copy)
        finally:
            copy.close()
    finally:
        source.close()
    return destination


def restore(source_file: str | Path, url: str | None = None) -> str:
    """Replace the SQLite store at ``url`` with the backup ``source_file``; the schema revision restored.

    :raises InputError: not an SQLite file, not an Alur store, or a schema other than the newest.
    """
    target_path = _sqlite_path(database_url(url))
    source_path = Path(source_file)
    if not source_path.is_file():
        raise InputError(f"Cadangan {source_path.name} tidak ada.")
    checked = Database(f"sqlite:///{source_path}")
    try:
        revision = current_revision(checked)
    except StoreError as exc:
        raise InputError(f"{source_path.name} bukan basis data Alur.") from exc
    finally:
        checked.dispose()
    if revision != head_revision():
        raise InputError(f"{source_path.name} berada pada versi skema {revision or '(tidak ada)'}; "
                         f"yang diperlukan {head_revision()}.")
    source = sqlite3.connect(f"file:{source_path}?mode=ro", uri=True)
    try:
        destination = sqlite3.connect(target_path)
        try:
            source.backup(destination)
        finally:
            destination.close()
    finally:
        source.close()
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
        raise InputError("Sumber dan tujuan adalah basis data yang sama.")
    source, target = Database(source_url), Database(target_url)
    try:
        ensure_current(source)
        upgrade(target)
        tables = list(metadata.sorted_tables)
        with target.engine.connect() as connection:
            filled = [table.name for table in tables
                      if connection.execute(select(func.count()).select_from(table)).scalar_one()]
        if filled:
            raise InputError(f"Basis data tujuan tidak kosong ({', '.join(filled)}); pakai basis data baru.")
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
                    raise StoreError(f"Tabel {table.name}: {rows[table.name]} baris dibaca, {copied} tertulis.")
            instances_checked, events_checked, broken = repo.verify_all(connection)
        if broken is not None:
            raise StoreError(f"Rantai audit di tujuan rusak: {broken}")
        return CopyReport(rows, instances_checked, events_checked)
    finally:
        source.dispose()
        target.dispose()
