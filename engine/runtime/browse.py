"""Read-only queries the web UI and the API list: instances with filters, a clerk's history, timelines.

Every function takes the :class:`~engine.access.accounts.Account` that asks and returns only what
:mod:`engine.access.policy` lets it see (a call without an account is a TypeError). Each timeline
row compares the elapsed working time of a step with its mutu baku WAKTU.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from typing import Any, Iterable

from sqlalchemy import and_, exists, func, or_, select

from engine.access import policy
from engine.access.accounts import Account
from engine.runtime.versions import definition_id, pick_version
from engine.errors import AccessDeniedError, NotFoundError
from engine.runtime.facade import Runtime
from engine.store.models import NO_DEADLINE, definitions, instances, org_units, versions, work_items
from engine.store.repo import instance_info
from engine.runtime.work import REAL, Instance, StepInfo, WorkItem


@dataclass(frozen=True)
class InstanceRow:
    instance: Instance
    #: An open step is past its due time, or a step was marked overdue.
    overdue: bool
    open_steps: int


@dataclass(frozen=True)
class StepRun:
    """One worked (or waiting) step of an instance, for the timeline."""

    item_id: int
    instance_id: int
    sop_key: str
    step_id: str
    kegiatan: str
    jabatan: str
    status: str
    ready_at: dt.datetime
    completed_at: dt.datetime | None
    completed_by: str | None
    due_at: dt.datetime | None
    #: Working minutes from ready to completed (or to now while open).
    worked_minutes: float
    #: Working minutes the standard allows (None without WAKTU).
    standard_minutes: float | None
    overdue: bool
    #: The case's registration number ("" for an instance started before numbers were given).
    registration: str = ""


def _instance_query() -> Any:
    return (select(instances.c.id, instances.c.unit, instances.c.status, instances.c.mode, instances.c.started_by,
                   instances.c.started_at, instances.c.ended_at, instances.c.reason, instances.c.registration,
                   instances.c.subject_masked, versions.c.number, definitions.c.key)
            .join(versions, versions.c.id == instances.c.version_id)
            .join(definitions, definitions.c.id == versions.c.definition_id))


def list_instances(runtime: Runtime, account: Account, *, key: str = "", status: str = "",
                   overdue: bool | None = None, trial: bool | None = None, since: dt.date | None = None,
                   until: dt.date | None = None, limit: int = 500) -> list[InstanceRow]:
    """Instances ``account`` sees (its units, or all), newest first, filtered by SOP key, status,
    overdue, trial and start period."""
    with runtime.db.read() as connection:
        visible = policy.monitor_units(connection, account)
        responsible = policy.responsible_keys(connection, account)
    now = runtime.clock.now()
    late = exists().where(work_items.c.instance_id == instances.c.id, and_(
        (work_items.c.overdue_at.is_not(None)) |
        ((work_items.c.status == "open") & (work_items.c.due_at <= now) & (work_items.c.due_at != NO_DEADLINE))))
    query = _instance_query().add_columns(late.label("late"))
    if key:
        query = query.where(definitions.c.key == key)
    if status:
        query = query.where(instances.c.status == status)
    if trial is not None:
        query = query.where((instances.c.mode != REAL) if trial else (instances.c.mode == REAL))
    if overdue is not None:
        query = query.where(late if overdue else ~late)
    if since is not None:
        query = query.where(instances.c.started_at >= dt.datetime.combine(since, dt.time(), dt.timezone.utc))
    if until is not None:
        query = query.where(instances.c.started_at < dt.datetime.combine(
            until + dt.timedelta(days=1), dt.time(), dt.timezone.utc))
    if visible is not None:  # the owner unit, or a unit holding one of the case's items (policy.instance_units)
        codes = select(org_units.c.code).where(org_units.c.id.in_(sorted(visible)))
        seen = instances.c.unit.in_(codes) | exists().where(
            work_items.c.instance_id == instances.c.id, work_items.c.unit.in_(codes))
        if responsible:  # the cases of the SOPs the account is penanggung jawab of, wherever they run
            seen = seen | definitions.c.key.in_(sorted(responsible))
        query = query.where(seen)
    with runtime.db.read() as connection:
        rows = connection.execute(query.order_by(instances.c.id.desc()).limit(limit)).all()
        counts: dict[int, int] = {}
        ids = [row.id for row in rows]
        if ids:
            for item in connection.execute(select(work_items.c.instance_id).where(
                    work_items.c.instance_id.in_(ids), work_items.c.status == "open")):
                counts[item.instance_id] = counts.get(item.instance_id, 0) + 1
    return [InstanceRow(instance_info(row), bool(row.late), counts.get(row.id, 0)) for row in rows]


def timeline(runtime: Runtime, account: Account, instance_id: int) -> list[StepRun]:
    """The instance's work items in order, with working time against the standard.

    :raises AccessDeniedError: the instance is outside the account's units.
    """
    policy.instance_for(runtime, account, instance_id)
    now = runtime.clock.now()
    calendar = runtime.calendar
    with runtime.db.read() as connection:
        rows = connection.execute(select(work_items).where(work_items.c.instance_id == instance_id)
                                  .order_by(work_items.c.ready_at, work_items.c.id)).all()
    found = []
    for row in rows:
        due = None if row.due_at == NO_DEADLINE else row.due_at
        end = row.completed_at or now
        worked = calendar.working_minutes_between(row.ready_at, end)
        standard = calendar.working_minutes_between(row.ready_at, due) if due is not None else None
        late = row.overdue_at is not None or (due is not None and end > due)
        found.append(StepRun(row.id, row.instance_id, row.sop_key, row.step_id, row.name, row.jabatan, row.status, row.ready_at, row.completed_at,
                             row.completed_by, due, worked, standard, late))
    return found


def done_by(runtime: Runtime, account: Account, limit: int = 100, search: str = "") -> list[StepRun]:
    """Pekerjaan saya: the steps ``account`` completed, newest first.

    :param search: only steps whose case registration number or kegiatan contains it (any case).
    """
    username = policy.require(account).username
    query = (select(work_items, instances.c.registration).join(instances, instances.c.id == work_items.c.instance_id)
             .where(work_items.c.completed_by == username))
    text = search.strip()[:200].lower()
    if text:
        query = query.where(or_(func.lower(instances.c.registration).contains(text, autoescape=True),
                                func.lower(work_items.c.name).contains(text, autoescape=True)))
    with runtime.db.read() as connection:
        rows = connection.execute(query.order_by(work_items.c.completed_at.desc()).limit(limit)).all()
    calendar = runtime.calendar
    result = []
    for row in rows:
        due = None if row.due_at == NO_DEADLINE else row.due_at
        worked = calendar.working_minutes_between(row.ready_at, row.completed_at)
        standard = calendar.working_minutes_between(row.ready_at, due) if due is not None else None
        result.append(StepRun(row.id, row.instance_id, row.sop_key, row.step_id, row.name, row.jabatan, row.status, row.ready_at, row.completed_at,
                              row.completed_by, due, worked, standard,
                              row.overdue_at is not None or (due is not None and row.completed_at > due),
                              row.registration or ""))
    return result


def item_instance_ids(runtime: Runtime, account: Account, item_ids: Iterable[int]) -> dict[int, int]:
    """``item id -> instance id`` for the given work items ``account`` may open."""
    items = []
    for item_id in item_ids:
        try:
            items.append(runtime.item(item_id))
        except NotFoundError:
            continue
    with runtime.db.read() as connection:
        return {item.id: item.instance_id for item in items if policy.may_item(connection, account, item, "open")}


def startable(runtime: Runtime, account: Account) -> list[tuple[str, str, bool, str]]:
    """SOPs ``account`` may start (the first step belongs to a jabatan it holds): ``(key, nama, trial, unit)``.

    An SOP with an approved version is offered normally; one with only a draft (ujicoba) as a trial.
    """
    policy.require(account)
    with runtime.db.read() as connection:
        rows = connection.execute(select(definitions.c.key, definitions.c.nama, versions.c.id, versions.c.draft,
                                         versions.c.number)
                                  .join(versions, versions.c.definition_id == definitions.c.id)
                                  .order_by(definitions.c.key, versions.c.number)).all()
        newest: dict[tuple[str, bool], Any] = {}
        for row in rows:
            newest[(row.key, row.draft)] = row
        offers = []
        for (key, draft), row in sorted(newest.items()):
            loaded = runtime.loaded_version(connection, row.id)
            start = loaded.start
            for held in policy.start_holdings(connection, account, start.pelaksana, _column_code(loaded, start)):
                offers.append((key, row.nama, draft, held.unit))
    return offers


def _column_code(loaded: Any, start: StepInfo) -> str:
    """The organisation jabatan code the start step's column names (``Sop.actor_jabatan``), or ``""``."""
    return loaded.sop.actor_jabatan.get(start.pelaksana, "") if loaded.sop is not None else ""


def step_of_item(runtime: Runtime, account: Account, item_id: int) -> StepInfo:
    """The SOP step a work item ``account`` may open stands for (kegiatan, kelengkapan, output, decision).

    :raises NotFoundError: no such work item.
    :raises AccessDeniedError: not an item of this account.
    """
    return item_with_step(runtime, account, item_id)[1]


def item_with_step(runtime: Runtime, account: Account, item_id: int) -> tuple[WorkItem, StepInfo]:
    """The work item ``account`` may open and the SOP step it stands for, checked once (a task page
    needs both; asking :func:`policy.item_for` and :func:`step_of_item` checked the item twice).

    :raises NotFoundError: no such work item.
    :raises AccessDeniedError: not an item of this account.
    """
    item = policy.item_for(runtime, account, item_id, "open")
    with runtime.db.read() as connection:
        row = connection.execute(select(instances.c.version_id).where(instances.c.id == item.instance_id)).first()
        if row is None:
            raise NotFoundError.from_code("runtime_item_not_found", item=item_id)
        return item, runtime.loaded_version(connection, row.version_id).steps[item.step_id]


def start_step(runtime: Runtime, account: Account, key: str, trial: bool) -> StepInfo:
    """The first step of the version a new (trial) instance of ``key`` would run (SOPs are read by every account)."""
    policy.require(account)
    with runtime.db.read() as connection:
        return runtime.loaded_version(connection, pick_version(connection, key, trial, None)).start


def check_startable(runtime: Runtime, account: Account, key: str) -> None:
    """Refuse at once an account that may start ``key`` neither for real nor as a trial (it holds the
    first step's jabatan in no unit), before anything it sent is read.

    :raises NotFoundError: no such SOP. :raises AccessDeniedError: the account may not start it.
    """
    first = None
    with runtime.db.read() as connection:
        definition_id(connection, key)  # an unknown key is a 404 naming the closest one
        for trial in (False, True):  # the newest approved version, then the newest draft (as startable offers)
            try:
                loaded = runtime.loaded_version(connection, pick_version(connection, key, trial, None))
                start = loaded.start
            except NotFoundError:
                continue
            if policy.start_holdings(connection, account, start.pelaksana, _column_code(loaded, start)):
                return
            first = first or start
    raise AccessDeniedError.from_code("runtime_start_denied", user=account.username,
                                      jabatan=first.pelaksana if first else "", unit="", sop=key)
