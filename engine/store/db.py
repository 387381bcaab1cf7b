"""Connecting to the database: SQLite (default, WAL) or PostgreSQL, and one transaction shape for writes.

Every change to an instance (its state, work items, timers, events) happens in a write transaction
that first locks the instance row (:func:`engine.store.hot.lock_instance`). On PostgreSQL that is ``SELECT ... FOR
UPDATE``; on SQLite a write transaction starts with ``BEGIN IMMEDIATE``, which takes the database's
single write lock, so two processes never interleave their changes. That makes "of two completions
exactly one wins" hold across processes on both databases.
"""

from __future__ import annotations

import os
import sqlite3
from contextlib import contextmanager
from pathlib import Path
from typing import Any, Iterator

from sqlalchemy import Connection, Engine, create_engine, event, exc

from engine.errors import StoreError

#: Environment variable naming the database.
DATABASE_URL_VARIABLE = "ALUR_DATABASE_URL"
#: File name of the default SQLite database, in the working folder.
DEFAULT_SQLITE_FILE = "alur.db"


def database_url(url: str | None = None) -> str:
    """``url``, else ``$ALUR_DATABASE_URL``, else SQLite ``alur.db`` in the working folder."""
    chosen = url or os.environ.get(DATABASE_URL_VARIABLE, "")
    if not chosen:
        chosen = f"sqlite:///{Path.cwd() / DEFAULT_SQLITE_FILE}"
    return chosen


@contextmanager
def map_db_errors() -> Iterator[None]:
    """Turn SQLAlchemy and driver failures into :class:`StoreError` with an Indonesian message."""
    try:
        yield
    except exc.OperationalError as error:
        raise StoreError.from_code("store_unusable", detail=_first_line(error)) from error
    except exc.IntegrityError as error:
        raise StoreError.from_code("store_refused", detail=_first_line(error)) from error
    except exc.SQLAlchemyError as error:
        raise StoreError.from_code("store_failed", detail=_first_line(error)) from error


def _first_line(error: BaseException) -> str:
    original = getattr(error, "orig", None) or error
    return str(original).strip().splitlines()[0] if str(original).strip() else type(original).__name__


def _sqlite_connect(dbapi_connection: Any, connection_record: Any) -> None:
    dbapi_connection.isolation_level = None  # SQLAlchemy's begin event issues BEGIN itself
    cursor = dbapi_connection.cursor()
    cursor.execute("PRAGMA journal_mode=WAL")
    cursor.execute(f"PRAGMA synchronous={os.environ.get('ALUR_SQLITE_SYNCHRONOUS', 'NORMAL')}")
    cursor.execute("PRAGMA foreign_keys=ON")
    cursor.execute("PRAGMA busy_timeout=60000")
    cursor.close()


def _sqlite_begin(connection: Connection) -> None:
    # on the driver's connection: every transaction begins here, and going through exec_driver_sql
    # (a result object per statement) cost more than SQLite's BEGIN itself
    statement = "BEGIN IMMEDIATE" if connection.get_execution_options().get("alur_write") else "BEGIN"
    dbapi_connection = connection.connection.dbapi_connection
    assert dbapi_connection is not None
    cursor = dbapi_connection.cursor()
    try:
        cursor.execute(statement)
    except sqlite3.Error as error:  # as exec_driver_sql raises it (map_db_errors names it)
        raise exc.DBAPIError.instance(statement, None, error, sqlite3.Error) from error
    finally:
        cursor.close()


class Database:
    """An SQLAlchemy engine with Alur's transaction shapes.

    :param url: an SQLAlchemy URL; see :func:`database_url`.
    """

    def __init__(self, url: str | None = None) -> None:
        self.url = database_url(url)
        with map_db_errors():
            if self.url.startswith("sqlite"):
                self.engine: Engine = create_engine(self.url, connect_args={"timeout": 60})
                event.listen(self.engine, "connect", _sqlite_connect)
                event.listen(self.engine, "begin", _sqlite_begin)
            else:
                self.engine = create_engine(self.url, pool_pre_ping=True)

    @property
    def is_sqlite(self) -> bool:
        return self.engine.dialect.name == "sqlite"

    @contextmanager
    def write(self) -> Iterator[Connection]:
        """A transaction that may change instances; commits when the block ends without error."""
        with map_db_errors(), self.engine.connect() as connection:
            connection.execution_options(alur_write=True)
            with connection.begin():
                yield connection

    @contextmanager
    def read(self) -> Iterator[Connection]:
        """A read-only transaction (never takes SQLite's write lock)."""
        with map_db_errors(), self.engine.connect() as connection:
            with connection.begin():
                yield connection

    def dispose(self) -> None:
        """Close every pooled connection (after a fork, or when done)."""
        self.engine.dispose()
