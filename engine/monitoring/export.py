"""The event log of an SOP's real execution, read from the store (for XES/CSV export).

One case per instance (``case:concept:name`` = the instance id, ``case:alur:registration`` = its
registration number, ``case:alur:status`` = its state: finished, running, suspended or cancelled,
so conformance scores an unfinished case as the prefix it is; ``case:alur:parent`` = the case whose
call row started it, ``case:alur:children`` = the cases its call rows started), one activity per step
(``concept:name`` = its kegiatan, ``alur:step`` = its id). A step's work item becoming ready is a
``start`` event (resource empty: the system opened it; role = the jabatan), its completion a
``complete`` event (resource = the clerk, role = the jabatan); a call row (another SOP run as a
child case) starts when its child starts and completes when the child finishes (resource: the
system); the start step, done when the
instance starts, is one ``complete`` event by whoever started it. Events stream from one ordered
query; instances are never loaded. No case value is exported: personal data (UU 27/2022) never
leaves the case table this way, and the event bodies hold only digests of it.
"""

from __future__ import annotations

import datetime as dt
import os
from collections.abc import Iterator
from typing import TYPE_CHECKING

from engine.eventlog import LogEvent, write_log
from engine.eventlog.model import COMPLETE, START, case_status
from engine.monitoring.report import resolve_scope
from engine.store.queries import run_text
from engine.store import hot

if TYPE_CHECKING:
    from engine.runtime.facade import Runtime

_LIFECYCLE = {"started": COMPLETE, "ready": START, "completed": COMPLETE}


def store_log_events(runtime: Runtime, key: str, start: dt.date | None = None, end: dt.date | None = None, *,
                     trial: bool = False, units: frozenset[int] | None = None) -> Iterator[LogEvent]:
    """The log events of ``key``'s instances started from ``start`` to ``end`` (inclusive days).

    :param trial: export the trial (ujicoba) instances instead of the regular ones.
    :param units: ids of the units whose instances are exported (``None``: every unit).
    :raises NotFoundError: no such SOP.
    """
    with runtime.db.read() as connection:
        scope = resolve_scope(connection, key, runtime.calendar, start, end, None, trial, units)
        where, params = scope.where(connection)
        children: dict[int, list[str]] = {}
        for parent, child in run_text(connection, "SELECT c.parent_id, c.id FROM instances c WHERE c.parent_id IN "
                                      f"(SELECT i.id FROM instances i WHERE {where}) ORDER BY c.id", params):
            children.setdefault(int(parent), []).append(str(child))
        rows = run_text(connection, "SELECT e.instance_id, e.kind, e.at, e.actor, e.step, w.jabatan, i.registration, "
                        "i.status, i.parent_id FROM events e "
                      "JOIN instances i ON i.id = e.instance_id LEFT JOIN work_items w ON w.id = e.item_id "
                      f"WHERE {where} AND e.kind IN ('started', 'ready', 'completed') "
                      "ORDER BY e.instance_id, e.seq", params)
        for instance_id, kind, at, actor, step, jabatan, registration, status, parent in rows:
            meta = scope.steps.get(step)
            moment = hot.read_time(at)
            assert moment is not None
            yield LogEvent(str(instance_id), meta.kegiatan if meta else step, moment,
                           "" if kind == "ready" else actor, jabatan or (meta.jabatan if meta else ""),
                           _LIFECYCLE[kind], step, registration=registration or "",
                           case_status=case_status(status or "") or "running",
                           parent_case="" if parent is None else str(parent),
                           child_cases=tuple(children.get(int(instance_id), ())))


def export_log(runtime: Runtime, key: str, path: str | os.PathLike[str], start: dt.date | None = None,
               end: dt.date | None = None, *, trial: bool = False, units: frozenset[int] | None = None) -> int:
    """Write ``key``'s event log to ``path`` (``.xes`` or ``.csv``); the number of events written.

    :raises InputError: an unknown file suffix.
    """
    return write_log(store_log_events(runtime, key, start, end, trial=trial, units=units), path, f"{key}")
