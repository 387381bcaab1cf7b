"""Read and write the timestamps of event logs.

Accepted when reading (the first three are what XES, PM4Py and spreadsheets write)::

    2026-03-02T08:15:00+07:00      ISO 8601 with zone (also ...Z, .123, +0700)
    2026-03-02 08:15[:00]          ISO 8601 without zone: local time of the reading zone
    2026-03-02                     a date alone: midnight local time
    02/03/2026 08:15[:00]          day/month/year, as Indonesian spreadsheets show dates
    02-03-2026 08:15[:00]
"""

from __future__ import annotations

import re
from datetime import datetime, timezone, tzinfo
from zoneinfo import ZoneInfo, ZoneInfoNotFoundError

from engine.errors import InputError

#: The zone of timestamps written without one (paper logs, spreadsheets): WIB.
DEFAULT_ZONE = "Asia/Jakarta"

#: What a valid timestamp looks like, for the messages.
EXAMPLE = "2026-03-02T08:15:00+07:00, 2026-03-02 08:15 atau 02/03/2026 08:15"

_DAY_FIRST = re.compile(r"^(\d{1,2})[/-](\d{1,2})[/-](\d{4})(?:[ T](\d{1,2})[:.](\d{2})(?:[:.](\d{2}))?)?$")


def zone(name: str) -> tzinfo:
    """The zone called ``name`` ("Asia/Jakarta", "UTC").

    :raises InputError: for an unknown zone.
    """
    if name.upper() == "UTC":
        return timezone.utc
    try:
        return ZoneInfo(name)
    except (ZoneInfoNotFoundError, ValueError) as exc:
        raise InputError.from_code("log_unknown_zone", zone=name) from exc


def parse_timestamp(text: str, local: tzinfo) -> datetime:
    """An aware datetime from ``text``; a time without zone is taken in ``local``.

    :raises ValueError: when ``text`` is not a timestamp Alur reads (the readers add the line).
    """
    value = text.strip()
    if not value:
        raise ValueError("kosong")
    try:
        moment = datetime.fromisoformat(value)
    except ValueError:
        match = _DAY_FIRST.match(value)
        if not match:
            raise
        day, month, year, hour, minute, second = match.groups()
        moment = datetime(int(year), int(month), int(day), int(hour or 0), int(minute or 0), int(second or 0))
    if moment.tzinfo is None:
        moment = moment.replace(tzinfo=local)
    return moment


def format_timestamp(moment: datetime) -> str:
    """ISO 8601 with the zone offset, milliseconds when there are any (``2026-03-02T08:15:00.250+07:00``)."""
    if moment.microsecond == 0:
        return moment.isoformat(timespec="seconds")
    if moment.microsecond % 1000 == 0:
        return moment.isoformat(timespec="milliseconds")
    return moment.isoformat(timespec="microseconds")


def format_xes_timestamp(moment: datetime) -> str:
    """An ``xs:dateTime`` with milliseconds, as OpenXES writes: ``2026-03-02T08:15:00.000+07:00``."""
    if moment.microsecond % 1000 == 0:
        return moment.isoformat(timespec="milliseconds")
    return moment.isoformat(timespec="microseconds")
