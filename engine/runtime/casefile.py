"""The case file: everything a clerk needs to see of one case on one page, and the worklist query.

:func:`case_file` reads an instance's header (registration number, subject, SOP), its case values
(personal ones masked unless asked otherwise), the history of its completed steps with the
officer's name, NIP and jabatan (never the login) and its open items. Who may ask for it unmasked
is decided by :func:`engine.access.policy.case_file_for`, which also writes the access log.

:func:`worklist_page` is the worklist with search (registration number or subject), SOP filter,
overdue filter, sorting and paging; it counts every match (no silent cap).
"""

from __future__ import annotations

import functools
import json
from dataclasses import dataclass
from datetime import datetime
from typing import Any

from sqlalchemy import Connection, String, and_, bindparam, func, insert, or_, select

from engine.errors import DataError, NotFoundError
from engine.runtime.privacy import shown_value
from engine.runtime.versions import LoadedVersion
from engine.runtime.work import Instance, WorkItem
from engine.sop.fields import Field, field_named
from engine.store import repo
from engine.store.models import (NO_DEADLINE, access_log, case_values, events, holdings, instances, users,
                                 versions, work_items)

#: Sort orders of :func:`worklist_page`.
WORKLIST_SORTS = ("tenggat", "menunggu", "sop", "nomor")
#: Largest page of :func:`worklist_page`.
MAX_PAGE = 500
_SEARCH_LENGTH = 100


@dataclass(frozen=True)
class CaseFieldValue:
    """One case value as the case file shows it."""

    field: Field
    #: The value as JSON (dates as ISO text), or its mask when :attr:`masked`.
    value: Any
    #: The step whose form set it.
    step: str
    set_at: datetime
    masked: bool


@dataclass(frozen=True)
class CaseStep:
    """One completed step of the case's history."""

    step_id: str
    kegiatan: str
    #: The step's pelaksana (the lane of the work item).
    jabatan: str
    officer_nama: str
    officer_nip: str
    completed_at: datetime
    catatan: str
    keputusan: str
    #: What the completion recorded of the kelengkapan (text -> ticked, or the richer state objects).
    kelengkapan: dict[str, Any]
    output: Any


@dataclass(frozen=True)
class CaseOpenItem:
    """An open work item of the case."""

    item_id: int
    step_id: str
    kegiatan: str
    jabatan: str
    ready_at: datetime
    due_at: datetime | None


@dataclass(frozen=True)
class CaseFile:
    """The whole case as the task page shows it."""

    instance: Instance
    registration: str
    subject: str
    sop_key: str
    sop_nama: str
    sop_nomor: str
    version: int
    started_at: datetime
    values: tuple[CaseFieldValue, ...]
    history: tuple[CaseStep, ...]
    open_items: tuple[CaseOpenItem, ...]
    #: The case values were erased under the SOP's retention rule.
    erased: bool = False
    #: The account that asked may see the personal values unmasked (set by the access policy).
    may_unmask: bool = False

    @property
    def has_masked(self) -> bool:
        """Some value (or the subject) is shown masked."""
        return any(value.masked for value in self.values)


@dataclass(frozen=True)
class WorkPage:
    """One page of a worklist query."""

    items: tuple[WorkItem, ...]
    #: Every item that matches (not only this page).
    total: int
    offset: int
    limit: int


def case_file(connection: Connection, loaded: LoadedVersion, instance_id: int, *, unmask: bool,
              row: Any = None) -> CaseFile:
    """The case file of ``instance_id`` (running on ``loaded``); personal values masked unless ``unmask``.

    :param row: the instance as :data:`engine.store.repo.CASE_INSTANCE` read it in ``connection`` (else read here).
    :raises NotFoundError: no such instance.
    """
    if row is None:
        row = connection.execute(repo.CASE_INSTANCE, {"instance_id": instance_id}).first()
        if row is None:
            raise NotFoundError.from_code("runtime_instance_not_found", instance=instance_id)
    instance = repo.instance_info(row)
    sop = loaded.sop
    fields = sop.fields if sop is not None else ()
    values = []
    for found in connection.execute(select(case_values).where(case_values.c.instance_id == instance_id)
                                    .order_by(case_values.c.id)).all():
        declared = field_named(fields, found.name) or Field(found.name)
        raw = json.loads(found.value)
        masked = declared.personal and not unmask
        values.append(CaseFieldValue(declared, shown_value(declared, raw, unmask), found.step, found.set_at, masked))
    order = {item.name: index for index, item in enumerate(fields)}
    values.sort(key=lambda value: order.get(value.field.name, len(order)))
    history = _history(connection, loaded, instance_id)
    open_items = tuple(
        CaseOpenItem(item.id, item.step_id, item.name, item.jabatan, item.ready_at,
                     None if item.due_at == NO_DEADLINE else item.due_at)
        for item in connection.execute(select(work_items).where(work_items.c.instance_id == instance_id,
                                                                work_items.c.status == "open")
                                       .order_by(work_items.c.id)).all())
    identity = sop.identity if sop is not None else None
    return CaseFile(instance, instance.registration, row.subject if unmask else row.subject_masked, loaded.key,
                    loaded.nama, identity.nomor if identity else "", loaded.number, instance.started_at,
                    tuple(values), history, open_items, row.erased_at is not None)


def _history(connection: Connection, loaded: LoadedVersion, instance_id: int) -> tuple[CaseStep, ...]:
    rows = connection.execute(
        select(events.c.step, events.c.actor, events.c.at, events.c.body, work_items.c.jabatan, users.c.nama,
               users.c.nip)
        .select_from(events)
        .join(work_items, work_items.c.id == events.c.item_id, isouter=True)
        .join(users, users.c.username == events.c.actor, isouter=True)
        .where(events.c.instance_id == instance_id, events.c.kind.in_(("started", "completed")))
        .order_by(events.c.seq)).all()
    steps = []
    for row in rows:
        data = json.loads(row.body).get("data", {})
        step = loaded.steps.get(row.step)
        at = row.at if isinstance(row.at, datetime) else datetime.fromisoformat(str(row.at))
        steps.append(CaseStep(row.step, step.kegiatan if step else row.step,
                              row.jabatan or (step.pelaksana if step else ""), row.nama or "", row.nip or "", at,
                              str(data.get("catatan", "")), str(data.get("keputusan", "")),
                              dict(data.get("kelengkapan", {})) if isinstance(data.get("kelengkapan"), dict) else {},
                              data.get("output")))
    return tuple(steps)


def instance_jabatan(connection: Connection, instance_id: int) -> tuple[str, ...]:
    """The jabatan (pelaksana) of the SOP version ``instance_id`` runs, each once (none for no such instance)."""
    text = connection.execute(select(versions.c.steps).join(instances, instances.c.version_id == versions.c.id)
                              .where(instances.c.id == instance_id)).scalar()
    steps = json.loads(text) if text else []
    return tuple(dict.fromkeys(str(step["pelaksana"]) for step in steps if step.get("pelaksana")))


def log_access(connection: Connection, at: datetime, account: str, action: str, instance_id: int | None,
               detail: str = "") -> None:
    """Write one ``access_log`` row (an unmasked view, a document download)."""
    connection.execute(insert(access_log), {"at": at, "account": account, "action": action,
                                            "instance_id": instance_id, "detail": detail[:2000]})


def worklist_page(connection: Connection, username: str, now: datetime, *, search: str = "", key: str = "",
                  overdue_only: bool = False, sort: str = "tenggat", offset: int = 0, limit: int = 50) -> WorkPage:
    """Open work items for the jabatan and units ``username`` holds, searched, filtered, sorted and paged.

    :param search: part of the registration number or of the subject (case-insensitive).
    :param key: only this SOP.
    :param sort: one of :data:`WORKLIST_SORTS`: due time, waiting longest, SOP, registration number.
    :raises DataError: an unknown sort, a negative offset, a limit outside 1..500, a search too long.
    """
    if sort not in WORKLIST_SORTS:
        raise DataError.from_code("worklist_bad_sort", "sort", sort=sort, sorts=", ".join(WORKLIST_SORTS))
    if offset < 0 or not 1 <= limit <= MAX_PAGE:
        raise DataError.from_code("worklist_bad_page", "limit", limit=MAX_PAGE)
    if len(search) > _SEARCH_LENGTH:
        raise DataError.from_code("worklist_search_too_long", "search", limit=_SEARCH_LENGTH)
    held = tuple(_Place(row.jabatan, row.unit, row.jabatan_id)
                 for row in connection.execute(_HELD, {"username": username}))
    if not held:
        return WorkPage((), 0, offset, limit)
    words = search.strip()
    count, page = _worklist_statements(held, bool(key), overdue_only, bool(words), sort)
    escaped = words.lower().replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_")
    values = {"key": key, "now": now, "pattern": f"%{escaped}%", "offset": offset, "limit": limit}
    total = int(connection.execute(count, values).scalar_one())
    rows = connection.execute(page, values).all()
    return WorkPage(tuple(repo.work_item(row, now) for row in rows), total, offset, limit)


@dataclass(frozen=True)
class _Place:
    """A holding as :func:`repo.held_item` reads it."""

    jabatan: str
    unit: str
    jabatan_id: int | None


_HELD = (select(holdings.c.jabatan, holdings.c.unit, holdings.c.jabatan_id)
         .join(users, users.c.id == holdings.c.user_id).where(users.c.username == bindparam("username")))


@functools.lru_cache(maxsize=512)
def _worklist_statements(held: tuple[_Place, ...], by_key: bool, overdue_only: bool, searched: bool,
                         sort: str) -> tuple[Any, Any]:
    """The count and page statements of a worklist, built once per set of holdings and filters (a clerk's
    holdings rarely change; building the statement and its cache key cost more than running it). The
    values (SOP key, now, search pattern, offset, limit) are bind parameters."""
    where = [work_items.c.status == "open", or_(*(repo.held_item(place) for place in held))]
    if by_key:
        where.append(work_items.c.sop_key == bindparam("key"))
    if overdue_only:
        now = bindparam("now", type_=work_items.c.due_at.type)
        where.append(and_(work_items.c.due_at != NO_DEADLINE,
                          or_(work_items.c.due_at <= now, work_items.c.overdue_at.is_not(None))))
    if searched:
        pattern = bindparam("pattern", type_=String())
        where.append(or_(func.lower(instances.c.registration).like(pattern, escape="\\"),
                         func.lower(instances.c.subject).like(pattern, escape="\\")))
    base = (select(work_items, instances.c.registration, instances.c.subject_masked, instances.c.mode)
            .join(instances, instances.c.id == work_items.c.instance_id).where(*where))
    order = {"tenggat": (work_items.c.due_at, work_items.c.id),
             "menunggu": (work_items.c.ready_at, work_items.c.id),
             "sop": (work_items.c.sop_key, work_items.c.due_at, work_items.c.id),
             "nomor": (instances.c.registration, work_items.c.id)}[sort]
    return (select(func.count()).select_from(base.subquery()),
            base.order_by(*order).offset(bindparam("offset")).limit(bindparam("limit")))


__all__ = ["WORKLIST_SORTS", "CaseFieldValue", "CaseFile", "CaseOpenItem", "CaseStep", "WorkPage", "case_file",
           "instance_jabatan", "log_access", "worklist_page"]
