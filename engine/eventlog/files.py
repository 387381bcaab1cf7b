"""Read and write event-log files by their extension: ``.csv`` or ``.xes``."""

from __future__ import annotations

import io
import os
from collections.abc import Iterable
from pathlib import Path

from engine.errors import InputError
from engine.formats.files import atomic_output
from engine.eventlog.csvlog import MAX_CSV_BYTES, read_csv, write_csv
from engine.eventlog.model import EventLog, LogEvent
from engine.eventlog.timestamps import DEFAULT_ZONE
from engine.eventlog.xes import MAX_XES_BYTES, read_xes, write_xes

#: Extensions of the formats Alur reads and writes.
LOG_SUFFIXES = (".csv", ".xes")


def log_format(name: str) -> str:
    """``"csv"`` or ``"xes"`` from a file name.

    :raises InputError: for any other extension.
    """
    suffix = Path(name).suffix.lower()
    if suffix not in LOG_SUFFIXES:
        raise InputError.from_code("log_unknown_type", label=name)
    return suffix[1:]


def read_log(path: str | os.PathLike[str], tz: str = DEFAULT_ZONE) -> EventLog:
    """Read a CSV or XES event log; the size is checked before the file is loaded.

    :param tz: the zone of timestamps written without one.
    :raises InputError: when the file is missing, too large, hostile or malformed.
    """
    path = Path(path)
    kind = log_format(str(path))
    limit = MAX_CSV_BYTES if kind == "csv" else MAX_XES_BYTES
    try:
        size = path.stat().st_size
        if size > limit:
            raise InputError.from_code("file_too_large", label=path, size=f"{size:,}", limit=f"{limit:,}")
        data = path.read_bytes()
    except OSError as exc:
        raise InputError.from_code("log_unreadable", label=path, reason=exc.strerror or exc) from exc
    return read_csv(data, str(path), tz) if kind == "csv" else read_xes(data, str(path), tz)


def write_log(events: Iterable[LogEvent], path: str | os.PathLike[str], name: str = "") -> int:
    """Write ``events`` (grouped by case) to a ``.csv`` or ``.xes`` file, atomically.

    The file appears complete or not at all: it is written beside the target and renamed.

    :param name: the log's name (XES ``concept:name``).
    :return: how many events were written.
    """
    kind = log_format(str(path))
    with atomic_output(path) as stream:
        if kind == "xes":
            return write_xes(events, stream, name)
        text = io.TextIOWrapper(stream, encoding="utf-8", newline="")
        count = write_csv(events, text)
        text.flush()
        text.detach()  # leave the file open for atomic_output to close and rename
        return count
