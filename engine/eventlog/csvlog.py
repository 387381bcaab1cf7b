"""Event logs as CSV: one event per row, the columns PM4Py's ``format_dataframe`` expects.

Written: ``case:concept:name, concept:name, time:timestamp, org:resource, org:role,
lifecycle:transition, alur:step``, and from Alur's own export ``case:alur:registration``,
``case:alur:status``, ``case:alur:parent`` and ``case:alur:children`` (the cases linked by a call
row; children separated by spaces) (comma separated, UTF-8, ISO 8601 timestamps with zone).

Read: the same, also with ``;`` or tab as separator (spreadsheets in Indonesia save with ``;``),
a byte-order mark, Indonesian column names (``kasus``, ``kegiatan``, ``waktu``, ``pengguna``,
``jabatan``, ``siklus``, ``id langkah``) and timestamps as :mod:`engine.eventlog.timestamps` lists.
Only the first three columns are required.
"""

from __future__ import annotations

import csv
import io
import itertools
from collections.abc import Iterable
from datetime import tzinfo
from typing import TextIO

from engine.formats.spreadsheet import neutralise_row, restore
from engine.errors import InputError
from engine.eventlog.model import (
    ACTIVITY_KEY,
    CASE_KEY,
    COLUMNS,
    COMPLETE,
    LIFECYCLE_KEY,
    RESOURCE_KEY,
    ROLE_KEY,
    REGISTRATION_KEY,
    STATUS_KEY,
    STEP_KEY,
    TIMESTAMP_KEY,
    CASE_STATUSES,
    CHILDREN_KEY,
    PARENT_KEY,
    LogEvent,
    EventLog,
    case_list,
    case_status,
    grouped_by_case,
)
from engine.eventlog.timestamps import DEFAULT_ZONE, EXAMPLE, format_timestamp, parse_timestamp, zone

#: Largest CSV log accepted, in bytes (about two million events).
MAX_CSV_BYTES = 256 * 1024 * 1024
#: Longest field accepted, in characters.
MAX_FIELD_CHARS = 64 * 1024

#: Other names accepted for each column (compared in lower case, spaces squeezed).
ALIASES: dict[str, tuple[str, ...]] = {
    CASE_KEY: ("kasus", "id kasus", "case", "case id", "case_id", "caseid"),
    ACTIVITY_KEY: ("kegiatan", "aktivitas", "langkah", "activity"),
    TIMESTAMP_KEY: ("waktu", "tanggal", "timestamp", "time"),
    RESOURCE_KEY: ("pengguna", "petugas", "resource", "user"),
    ROLE_KEY: ("jabatan", "pelaksana", "role"),
    LIFECYCLE_KEY: ("siklus", "lifecycle", "transition"),
    STEP_KEY: ("id langkah", "step", "step id"),
    REGISTRATION_KEY: ("nomor registrasi", "registrasi", "registration"),
    STATUS_KEY: ("status kasus", "status", "case status"),
    PARENT_KEY: ("kasus induk", "parent case", "parent"),
    CHILDREN_KEY: ("kasus anak", "child cases", "children"),
}
_REQUIRED = (CASE_KEY, ACTIVITY_KEY, TIMESTAMP_KEY)


def write_csv(events: Iterable[LogEvent], stream: TextIO) -> int:
    """Write ``events`` (grouped by case, see :func:`~engine.eventlog.model.grouped_by_case`) as CSV.

    :param stream: a text stream opened with ``newline=""``.
    :return: how many events were written.
    """
    writer = csv.writer(stream, lineterminator="\n")
    stream_of = iter(events)
    first = next(stream_of, None)
    # the registration column only when the events carry numbers (exports from the store)
    numbered = first is not None and bool(first.registration)
    # the status column only when the events carry the case's state (exports from the store)
    stated = first is not None and bool(first.case_status)
    # parent and child cases beside the state (exports from the store, where calls link cases)
    linked = (PARENT_KEY, CHILDREN_KEY) if stated else ()
    writer.writerow((*COLUMNS, STEP_KEY, *((REGISTRATION_KEY,) if numbered else ()), *((STATUS_KEY,) if stated else ()),
                     *linked))
    count = 0
    for _, case_events in grouped_by_case(itertools.chain(() if first is None else (first,), stream_of)):
        for event in case_events:
            writer.writerow(neutralise_row((event.case_id, event.activity, format_timestamp(event.timestamp),
                                            event.resource, event.role, event.lifecycle, event.step,
                                            *((event.registration,) if numbered else ()),
                                            *((event.case_status,) if stated else ()),
                                            *((event.parent_case, " ".join(event.child_cases)) if linked else ()))))
        count += len(case_events)
    return count


def dump_csv(events: Iterable[LogEvent]) -> bytes:
    """``events`` as CSV bytes (UTF-8)."""
    buffer = io.StringIO(newline="")
    write_csv(events, buffer)
    return buffer.getvalue().encode("utf-8")


def _normal(name: str) -> str:
    return " ".join(name.strip().lower().replace("\ufeff", "").split())


def _columns(header: list[str], label: str) -> dict[str, int]:
    """Map each known key to its column index.

    :raises InputError: for a missing required column or a column named twice.
    """
    known = {key: key for key in (*COLUMNS, STEP_KEY, REGISTRATION_KEY, STATUS_KEY, PARENT_KEY, CHILDREN_KEY)}
    for key, names in ALIASES.items():
        known.update({alias: key for alias in names})
    found: dict[str, int] = {}
    for index, raw in enumerate(header):
        column = known.get(_normal(raw))
        if column is None:
            continue
        if column in found:
            raise InputError.from_code("csv_column_twice", label=label, column=column, first=header[found[column]],
                                       second=raw)
        found[column] = index
    missing = [key for key in _REQUIRED if key not in found]
    if missing:
        raise InputError.from_code("csv_columns_missing", label=label, missing=", ".join(missing),
                                   required=", ".join(_REQUIRED), present=", ".join(header) or "-")
    return found


def _delimiter(first_line: str) -> str:
    counts = {delimiter: first_line.count(delimiter) for delimiter in (",", ";", "\t")}
    return max(counts, key=lambda delimiter: counts[delimiter]) if any(counts.values()) else ","


def read_csv(data: bytes, name: str = "", tz: str = DEFAULT_ZONE) -> EventLog:
    """Read a CSV event log.

    :param name: the file name, for messages.
    :param tz: the zone of timestamps written without one.
    :raises InputError: for data that is too large, binary, not UTF-8, lacks a required column,
        or has a row with a missing value or a bad timestamp (the message names line and column).
    """
    label = name or "CSV"
    if len(data) > MAX_CSV_BYTES:
        raise InputError.from_code("file_too_large", label=label, size=f"{len(data):,}", limit=f"{MAX_CSV_BYTES:,}")
    if b"\x00" in data:
        raise InputError.from_code("csv_binary", label=label)
    try:
        text = data.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        raise InputError.from_code("csv_not_utf8", label=label, byte=exc.start + 1) from exc
    local = zone(tz)
    reader = csv.reader(io.StringIO(text, newline=""), delimiter=_delimiter(text.split("\n", 1)[0]))
    events: list[LogEvent] = []
    previous_limit = csv.field_size_limit(MAX_FIELD_CHARS)
    try:
        try:
            header = next(reader, None)
        except csv.Error as exc:
            raise InputError.from_code("csv_bad_row", label=label, line=1, detail=exc) from exc
        if header is None:
            raise InputError.from_code("csv_empty", label=label, columns=", ".join(COLUMNS))
        columns = _columns(header, label)
        width = len(header)
        while True:
            try:
                row = next(reader, None)
            except csv.Error as exc:
                raise InputError.from_code("csv_bad_row", label=label, line=reader.line_num, detail=exc) from exc
            if row is None:
                break
            if not any(cell.strip() for cell in row):
                continue
            events.append(_event(row, width, columns, reader.line_num, label, local))
    finally:
        csv.field_size_limit(previous_limit)
    return EventLog.from_events(events)


def _event(row: list[str], width: int, columns: dict[str, int], line: int, label: str, local: tzinfo) -> LogEvent:
    """One event from a CSV row.

    :raises InputError: naming the line and column of what is wrong.
    """
    if len(row) != width:
        raise InputError.from_code("csv_row_width", label=label, line=line, count=len(row), width=width)

    def value(key: str) -> str:
        index = columns.get(key)
        return restore(row[index].strip()) if index is not None else ""

    for key in _REQUIRED:
        if not value(key):
            raise InputError.from_code("csv_empty_cell", label=label, line=line, column=key)
    stamp = value(TIMESTAMP_KEY)
    try:
        moment = parse_timestamp(stamp, local)
    except ValueError as exc:
        raise InputError.from_code("csv_bad_time", label=label, line=line, column=TIMESTAMP_KEY, value=stamp,
                                   example=EXAMPLE) from exc
    status = case_status(value(STATUS_KEY))
    if status is None:
        raise InputError.from_code("stage9_bad_case_status", label=label, line=line, value=value(STATUS_KEY),
                                   known=", ".join(CASE_STATUSES))
    return LogEvent(value(CASE_KEY), value(ACTIVITY_KEY), moment, value(RESOURCE_KEY), value(ROLE_KEY),
                 value(LIFECYCLE_KEY).lower() or COMPLETE, value(STEP_KEY), line, value(REGISTRATION_KEY), status,
                 value(PARENT_KEY), case_list(value(CHILDREN_KEY)))
