"""Connecting to the database: SQLite (default, WAL) or PostgreSQL, and one transaction shape for writes.

Every change to an instance (its state, work items, timers, events) happens in a write transaction
that first locks the instance row (:func:`engine.store.hot.lock_instance`). On PostgreSQL that is ``SELECT ... FOR
UPDATE``; on SQLite a write transaction starts with ``BEGIN IMMEDIATE``, which takes the database's
single write lock, so two processes never interleave their changes. That makes "of two completions
exactly one wins" hold across processes on both databases.

(A queue of this process's SQLite writers on a thread lock and ``flock`` before ``BEGIN IMMEDIATE``
was tried for #13 and dropped: the strict hand-off made a convoy, 34 -> 23 completions/s at saturation.)
"""

from __future__ import annotations

import os
import sqlite3
import time
from contextlib import contextmanager
from contextvars import ContextVar
from pathlib import Path
from typing import Any, Iterator

from sqlalchemy import Connection, Engine, RootTransaction, create_engine, event, exc

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


#: A pooled PostgreSQL connection idle longer than this is pinged before use (seconds).
POOL_PING_IDLE_S = 10.0
#: No pooled PostgreSQL connection is used when older than this (seconds).
POOL_RECYCLE_S = 1800


def _checked_in(dbapi_connection: Any, connection_record: Any) -> None:
    connection_record.info["alur_idle_since"] = time.monotonic()


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


class _SharedReads:
    """The one read transaction the reads of a request share (:meth:`Database.shared_reads`).

    It is opened by the first read and ended (so the next read opens a fresh one) when a write
    transaction begins or ends, when a read block fails, and when the request ends: reads never see
    older data than this request's own writes, and an aborted PostgreSQL transaction is never reused.
    """

    def __init__(self, database: Database) -> None:
        self.database = database
        self.connection: Connection | None = None
        self.transaction: RootTransaction | None = None
        self.depth = 0
        self.writing = 0
        self.stale = False

    def open(self) -> Connection:
        if self.connection is None:
            connection = self.database.engine.connect()
            try:
                self.transaction = connection.begin()
            except BaseException:
                connection.close()
                raise
            self.connection = connection
        return self.connection

    def end(self, commit: bool = True) -> None:
        """End the shared transaction (when no read block is using it; else once the last one ends)."""
        if self.depth:
            self.stale = True
            return
        connection, transaction = self.connection, self.transaction
        self.connection = self.transaction = None
        self.stale = False
        if connection is None:
            return
        try:
            if transaction is not None and transaction.is_active:
                transaction.commit() if commit else transaction.rollback()
        finally:
            connection.close()


class Database:
    """An SQLAlchemy engine with Alur's transaction shapes.

    :param url: an SQLAlchemy URL; see :func:`database_url`.
    """

    def __init__(self, url: str | None = None) -> None:
        self.url = database_url(url)
        self._shared: ContextVar[_SharedReads | None] = ContextVar(f"alur_shared_reads_{id(self)}", default=None)
        with map_db_errors():
            if self.url.startswith("sqlite"):
                self.engine: Engine = create_engine(self.url, connect_args={"timeout": 60})
                event.listen(self.engine, "connect", _sqlite_connect)
                event.listen(self.engine, "begin", _sqlite_begin)
            else:
                # No ping on every checkout (a round trip per transaction): only a connection idle long
                # enough for the server or a proxy to have dropped it is pinged (a dropped one is
                # replaced), and none is kept past POOL_RECYCLE_S.
                self.engine = create_engine(self.url, pool_recycle=POOL_RECYCLE_S)
                event.listen(self.engine, "checkin", _checked_in)
                event.listen(self.engine, "checkout", self._checked_out)

    def _checked_out(self, dbapi_connection: Any, connection_record: Any, connection_proxy: Any) -> None:
        """Ping a connection that sat idle past :data:`POOL_PING_IDLE_S`; a dead one is replaced by the pool."""
        idle_since = connection_record.info.get("alur_idle_since")
        if idle_since is None or time.monotonic() - idle_since < POOL_PING_IDLE_S:
            return
        try:
            alive = self.engine.dialect.do_ping(dbapi_connection)
        except Exception as error:  # the driver's own error: the connection is gone
            raise exc.DisconnectionError(str(error)) from error
        if not alive:
            raise exc.DisconnectionError("ping failed")

    @property
    def is_sqlite(self) -> bool:
        return self.engine.dialect.name == "sqlite"

    @contextmanager
    def write(self) -> Iterator[Connection]:
        """A transaction that may change instances; commits when the block ends without error."""
        shared = self._shared.get()
        if shared is not None:
            with map_db_errors():
                shared.end()  # what is read after this write sees it
            shared.writing += 1
        try:
            with self._write() as connection:
                yield connection
        finally:
            if shared is not None:
                shared.writing -= 1
                with map_db_errors():
                    shared.end()

    @contextmanager
    def _write(self) -> Iterator[Connection]:
        with map_db_errors(), self.engine.connect() as connection:
            connection.execution_options(alur_write=True)
            with connection.begin():
                yield connection

    @contextmanager
    def read(self) -> Iterator[Connection]:
        """A read-only transaction (never takes SQLite's write lock); inside :meth:`shared_reads`, the
        request's shared one (reads inside a write block still get a transaction of their own)."""
        shared = self._shared.get()
        if shared is None or shared.writing:
            with map_db_errors(), self.engine.connect() as connection:
                with connection.begin():
                    yield connection
            return
        with map_db_errors():
            connection = shared.open()
        shared.depth += 1
        failed = False
        try:
            with map_db_errors():
                yield connection
        except BaseException:
            failed = True
            raise
        finally:
            shared.depth -= 1
            if shared.depth == 0 and (failed or shared.stale):
                with map_db_errors():
                    shared.end(commit=not failed)

    @contextmanager
    def shared_reads(self) -> Iterator[None]:
        """Let the reads of this block (one web request) share one read transaction.

        Each read used to check a connection out, begin and commit (a task page made ten of them). The
        shared transaction ends whenever a write begins or ends, so nothing read later misses a change
        this block made; on SQLite the reads in between see one snapshot, as the reads of one
        transaction always did. Writes are unchanged.
        """
        shared = _SharedReads(self)
        token = self._shared.set(shared)
        try:
            yield
        finally:
            self._shared.reset(token)
            shared.depth = 0
            with map_db_errors():
                shared.end()

    def dispose(self) -> None:
        """Close every pooled connection (after a fork, or when done)."""
        self.engine.dispose()
