"""The statements on the completion path, sent to the driver as plain SQL.

Completing a step is the runtime's hottest path. Building and caching SQLAlchemy Core statements
costs ~0.1-0.2 ms per statement, more than the database itself on SQLite, so the handful of
statements a completion needs are written here once, as driver SQL with named parameters
(``:name`` for sqlite3, ``%(name)s`` for psycopg). Instants are bound as SQLAlchemy's
:class:`~engine.store.models.UtcDateTime` stores them (naive UTC; on SQLite the same text format),
so Core queries elsewhere read these rows unchanged.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import datetime, timezone
from functools import lru_cache
from typing import Any, Sequence

from sqlalchemy import Connection, CursorResult, exc

UTC = timezone.utc
_PARAM = re.compile(r":([a-z_]+)")


@lru_cache(maxsize=None)
def _for_dialect(sql: str, dialect: str) -> str:
    return sql if dialect == "sqlite" else _PARAM.sub(r"%(\1)s", sql)


def run(connection: Connection, sql: str, params: dict[str, Any] | Sequence[dict[str, Any]]) -> CursorResult[Any]:
    """Execute ``sql`` (``:name`` parameters) on the driver."""
    return connection.exec_driver_sql(_for_dialect(sql, connection.dialect.name), params)


# -- the DBAPI cursor itself --------------------------------------------------------------------
#
# ``exec_driver_sql`` still builds a result object with its cursor metadata (~30-40 us a statement
# here, more than SQLite needs to run it). The statements every completion runs go to the DBAPI
# cursor of the transaction's connection instead: same transaction, same parameters (the driver
# gets exactly what ``exec_driver_sql`` would hand it), and a driver error is raised as the
# SQLAlchemy error ``exec_driver_sql`` would raise, so ``map_db_errors`` still names it.


def _cursor(connection: Connection, sql: str, params: Any, many: bool = False) -> Any:
    dialect = connection.dialect
    statement = _for_dialect(sql, dialect.name)
    dbapi_connection = connection.connection.dbapi_connection
    assert dbapi_connection is not None
    cursor = dbapi_connection.cursor()
    try:
        if many:
            cursor.executemany(statement, params)
        else:
            cursor.execute(statement, params)
    except dialect.loaded_dbapi.Error as error:
        cursor.close()
        raise exc.DBAPIError.instance(statement, params, error, dialect.loaded_dbapi.Error,
                                      dialect=dialect) from error
    return cursor


def fetch_one(connection: Connection, sql: str, params: dict[str, Any]) -> tuple[Any, ...] | None:
    """The first row of a query (a plain tuple), or ``None``."""
    cursor = _cursor(connection, sql, params)
    try:
        row = cursor.fetchone()
    finally:
        cursor.close()
    return None if row is None else tuple(row)


def fetch_all(connection: Connection, sql: str, params: dict[str, Any]) -> list[tuple[Any, ...]]:
    """Every row of a query, as plain tuples."""
    cursor = _cursor(connection, sql, params)
    try:
        return [tuple(row) for row in cursor.fetchall()]
    finally:
        cursor.close()


def execute(connection: Connection, sql: str, params: dict[str, Any]) -> int:
    """Run one statement; the number of rows it changed."""
    cursor = _cursor(connection, sql, params)
    count = int(cursor.rowcount)
    cursor.close()
    return count


def execute_many(connection: Connection, sql: str, rows: Sequence[dict[str, Any]]) -> None:
    """Run one statement once per parameter set (one driver call)."""
    if rows:
        _cursor(connection, sql, rows, many=True).close()


def bind_time(connection: Connection, moment: datetime | None) -> Any:
    """An aware instant as the store keeps it."""
    if moment is None:
        return None
    naive = moment.astimezone(UTC).replace(tzinfo=None)
    if connection.dialect.name == "sqlite":
        return naive.isoformat(" ", "microseconds")  # "%Y-%m-%d %H:%M:%S.%f", several times faster
    return naive


def read_time(value: Any) -> datetime | None:
    """An instant read back with driver SQL, as an aware UTC datetime."""
    if value is None:
        return None
    moment = datetime.fromisoformat(value) if isinstance(value, str) else value
    assert isinstance(moment, datetime)
    return moment.replace(tzinfo=UTC)


@dataclass
class InstanceRow:
    """An instance row read under its lock."""

    id: int
    version_id: int
    unit: str
    status: str
    mode: str
    state: str
    state_format: int
    revision: int
    started_by: str
    started_at: datetime
    ended_at: datetime | None
    reason: str
    last_seq: int
    last_hash: str
    registration: str = ""
    subject_masked: str = ""
    erased_at: datetime | None = None
    #: The instance whose call row started this one, and that row's task (0011c).
    parent_id: int | None = None
    parent_task: str = ""


_INSTANCE_COLUMNS = ("id, version_id, unit, status, mode, state, state_format, revision, started_by, started_at, "
                     "ended_at, reason, last_seq, last_hash, registration, subject_masked, erased_at, parent_id, parent_task")
LOCK_INSTANCE = f"SELECT {_INSTANCE_COLUMNS} FROM instances WHERE id = :id"
LOCK_INSTANCE_PG = LOCK_INSTANCE + " FOR UPDATE"
LOCK_INSTANCE_PG_SKIP = LOCK_INSTANCE + " FOR UPDATE SKIP LOCKED"


_INSTANCE_NAMES = tuple(name.strip() for name in _INSTANCE_COLUMNS.split(","))
_INSTANCE_TIMES = tuple(_INSTANCE_NAMES.index(name) for name in ("started_at", "ended_at", "erased_at"))


def _instance_row(values: Sequence[Any]) -> InstanceRow:
    row = list(values)
    for index in _INSTANCE_TIMES:
        row[index] = read_time(row[index])
    return InstanceRow(*row)


def lock_instance(connection: Connection, instance_id: int, skip_locked: bool = False) -> InstanceRow | None:
    """Read and lock an instance row for the rest of the write transaction.

    On PostgreSQL this is ``SELECT ... FOR UPDATE`` (``SKIP LOCKED`` with ``skip_locked``: ``None``
    instead of waiting); on SQLite the write transaction's ``BEGIN IMMEDIATE`` already holds the lock.

    :return: the row, or ``None`` when there is no such instance (or it is locked and skipped).
    """
    sql = LOCK_INSTANCE
    if connection.dialect.name != "sqlite":
        sql = LOCK_INSTANCE_PG_SKIP if skip_locked else LOCK_INSTANCE_PG
    row = fetch_one(connection, sql, {"id": instance_id})
    return None if row is None else _instance_row(row)


#: The calendar row of a unit and the deployment's row (unit ""), engine.runtime.calendars.
UNIT_CALENDARS = "SELECT unit, spec FROM work_calendars WHERE unit IN (:unit, '')"
#: The organisation jabatan of a column's code in a unit (engine.runtime.units.column_jabatan).
COLUMN_JABATAN = ("SELECT j.id FROM org_jabatan j JOIN org_units u ON u.id = j.unit_id "
                  "WHERE u.code = :unit AND j.code = :code")
ITEM_INSTANCE = "SELECT instance_id FROM work_items WHERE id = :id"
#: The instance a call row started this one from (locked first); ``parent_id`` never changes once written.
INSTANCE_PARENT = "SELECT parent_id FROM instances WHERE id = :id"

_OWN_HOLDING = (
    "SELECT 1 FROM holdings h JOIN users u ON u.id = h.user_id WHERE u.username = :username "
    "AND ((w.jabatan_id IS NOT NULL AND h.jabatan_id = w.jabatan_id) "
    "OR ((w.jabatan_id IS NULL OR h.jabatan_id IS NULL) AND h.jabatan = w.jabatan AND h.unit = w.unit)) "
    "AND (h.starts_at IS NULL OR h.starts_at <= :now) AND (h.ends_at IS NULL OR h.ends_at > :now)")
_ACTING = (
    "SELECT MIN(a.kind) FROM acting_assignments a JOIN users u ON u.id = a.user_id "
    "JOIN org_units ou ON ou.id = a.unit_id JOIN org_jabatan oj ON oj.id = a.jabatan_id "
    "WHERE u.username = :username AND ((w.jabatan_id IS NOT NULL AND a.jabatan_id = w.jabatan_id) "
    "OR (w.jabatan_id IS NULL AND oj.code = w.jabatan AND ou.code = w.unit)) "
    "AND a.starts_at <= :now AND (a.ends_at IS NULL OR a.ends_at > :now)")
_ITEM_COLUMNS = (
    "w.id, w.instance_id, w.task_id, w.sop_key, w.step_id, w.name, w.jabatan, w.unit, w.trial, w.status, "
    "w.ready_at, w.due_at, w.claimed_by, w.completed_by, w.completed_at, "
    f"(EXISTS ({_OWN_HOLDING}) OR ({_ACTING}) IS NOT NULL) AS held, "
    f"CASE WHEN EXISTS ({_OWN_HOLDING}) THEN '' ELSE COALESCE(({_ACTING}), '') END AS acting, w.jabatan_id, "
    "EXISTS (SELECT 1 FROM case_documents d WHERE d.item_id = w.id) AS has_documents")
#: A work item with whether ``username`` holds its jabatan in its unit at ``now`` (by the item's
#: organisation jabatan id when the SOP's column names one, else by the jabatan and unit texts) (inside the holding's
#: dates, or acting for it), ``acting``: ``plh``/``plt`` when only an acting assignment makes it so, and
#: whether any document is attached to it (a completion reads them only then).
ITEM_FOR_USER = f"SELECT {_ITEM_COLUMNS} FROM work_items w WHERE w.id = :id"
#: SQLite: the work item (as :data:`ITEM_FOR_USER`) and its instance row in one read. ``BEGIN IMMEDIATE``
#: already holds the database's write lock, so nothing read here can change before the commit.
LOCK_ITEM_SQLITE = (f"SELECT {', '.join('i.' + name for name in _INSTANCE_NAMES)}, {_ITEM_COLUMNS} "
                    "FROM work_items w JOIN instances i ON i.id = w.instance_id WHERE w.id = :id")
#: PostgreSQL: lock the instance of a work item in one statement, when it has no parent instance (a child
#: is locked after its parent, so that case goes the long way: :data:`ITEM_INSTANCE`, then the parent).
LOCK_ITEM_INSTANCE_PG = (f"SELECT {_INSTANCE_COLUMNS} FROM instances WHERE id = "
                         "(SELECT instance_id FROM work_items WHERE id = :id) AND parent_id IS NULL FOR UPDATE")


@dataclass
class ItemRow:
    """A work item row read under its instance's lock, with whether the user holds its jabatan there."""

    id: int
    instance_id: int
    task_id: str
    sop_key: str
    step_id: str
    name: str
    jabatan: str
    unit: str
    trial: bool
    status: str
    ready_at: datetime
    due_at: datetime
    claimed_by: str | None
    completed_by: str | None
    completed_at: datetime | None
    held: bool
    #: ``plh``/``plt`` when the user holds the jabatan only as an acting official; ``""`` otherwise.
    acting: str = ""
    #: The organisation jabatan whose holders work the item (its SOP column names it by code), or ``None``.
    jabatan_id: int | None = None
    #: Whether any ``case_documents`` row belongs to the item.
    has_documents: bool = False


def _item_row(values: Sequence[Any]) -> ItemRow:
    row = list(values)
    for index in (10, 11, 14):  # ready_at, due_at, completed_at
        row[index] = read_time(row[index])
    for index in (8, 15, 18):  # trial, held, has_documents (0/1 on SQLite)
        row[index] = bool(row[index])
    return ItemRow(*row)


def _item_params(connection: Connection, item_id: int, username: str, now: datetime) -> dict[str, Any]:
    return {"id": item_id, "username": username, "now": bind_time(connection, now)}


def item_for_user(connection: Connection, item_id: int, username: str, now: datetime) -> ItemRow | None:
    """The work item row (instants as aware datetimes, ``held`` as bool), or ``None``."""
    row = fetch_one(connection, ITEM_FOR_USER, _item_params(connection, item_id, username, now))
    return None if row is None else _item_row(row)


def lock_item_sqlite(connection: Connection, item_id: int, username: str,
                     now: datetime) -> tuple[InstanceRow, ItemRow] | None:
    """SQLite: the instance row and the work item (see :data:`LOCK_ITEM_SQLITE`), or ``None``."""
    row = fetch_one(connection, LOCK_ITEM_SQLITE, _item_params(connection, item_id, username, now))
    if row is None:
        return None
    width = len(_INSTANCE_NAMES)
    return _instance_row(row[:width]), _item_row(row[width:])


def lock_item_instance_pg(connection: Connection, item_id: int) -> InstanceRow | None:
    """PostgreSQL: the locked instance row of a work item without a parent instance, else ``None``."""
    row = fetch_one(connection, LOCK_ITEM_INSTANCE_PG, {"id": item_id})
    return None if row is None else _instance_row(row)


COMPLETE_ITEM = ("UPDATE work_items SET status = 'done', completed_by = :username, completed_at = :now, "
                 "working_minutes = :minutes, calendar_minutes = :calendar_minutes, "
                 "kelengkapan_missing = :missing, keputusan = :keputusan, "
                 "visit = 1 + (SELECT COUNT(*) FROM work_items x WHERE x.instance_id = work_items.instance_id "
                 "AND x.status = 'done' AND x.step_id = work_items.step_id) "
                 "WHERE id = :id AND status = 'open'")
CANCEL_ITEM = ("UPDATE work_items SET status = 'cancelled', completed_at = :now "
               "WHERE task_id = :task_id AND status = 'open' RETURNING id, step_id")
INSERT_ITEM = (
    "INSERT INTO work_items (instance_id, task_id, sop_key, step_id, name, jabatan, unit, trial, status, ready_at, "
    "due_at, jabatan_id) VALUES (:instance_id, :task_id, :sop_key, :step_id, :name, :jabatan, :unit, :trial, 'open', "
    ":ready_at, :due_at, :jabatan_id) RETURNING id")
INSERT_EVENT = (
    "INSERT INTO events (instance_id, seq, kind, at, actor, step, item_id, body, prev_hash, hash) VALUES "
    "(:instance_id, :seq, :kind, :at, :actor, :step, :item_id, :body, :prev_hash, :hash)")
SAVE_STATE = (
    "UPDATE instances SET state = :state, state_format = :state_format, revision = :revision + 1, status = :status, "
    "reason = :reason, ended_at = :ended_at, last_seq = :last_seq, last_hash = :last_hash "
    "WHERE id = :id AND revision = :revision")
#: :data:`SAVE_STATE` when status, reason and end are as stored: SQLite rewrites an index entry of every
#: column a SET names, even to the same value (``ix_instances_status``: one page more per step).
SAVE_STATE_ONLY = ("UPDATE instances SET state = :state, state_format = :state_format, revision = :revision + 1, "
                   "last_seq = :last_seq, last_hash = :last_hash WHERE id = :id AND revision = :revision")
FINISH_INSTANCE = "UPDATE instances SET working_minutes = :minutes WHERE id = :id"
#: ``alur org tautkan`` (engine.access.linking): the unit id beside the text, on rows not linked yet.
LINK_INSTANCE_UNIT = "UPDATE instances SET unit_id = :unit_id WHERE unit = :unit AND unit_id IS NULL"
SAVE_HEAD = ("UPDATE instances SET status = :status, reason = :reason, ended_at = :ended_at, last_seq = :last_seq, "
             "last_hash = :last_hash WHERE id = :id")
