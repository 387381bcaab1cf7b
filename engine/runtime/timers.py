"""Clocks and BPMN timer expressions, read without Python ``eval``.

SpiffWorkflow would evaluate a timer expression (``"'PT1H'"``) as Python and compare it with
``datetime.now()``. Alur reads the expression here: an optionally quoted ISO 8601 duration
(``PT15M``, ``P1DT2H``, ``P2W``) or date-time with zone (``2026-03-01T09:00:00+07:00``). Durations
count calendar time, as BPMN says; years and months are refused (their length is ambiguous).
The runtime takes "now" from a :class:`Clock`, so tests move time by hand.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from datetime import datetime, timedelta, timezone
from typing import Protocol

from engine.errors import ProcessDefinitionError

UTC = timezone.utc

_ISO_DURATION = re.compile(
    r"^P(?!$)(?:(?P<weeks>\d+(?:[.,]\d+)?)W)?(?:(?P<days>\d+(?:[.,]\d+)?)D)?"
    r"(?:T(?=\d)(?:(?P<hours>\d+(?:[.,]\d+)?)H)?(?:(?P<minutes>\d+(?:[.,]\d+)?)M)?"
    r"(?:(?P<seconds>\d+(?:[.,]\d+)?)S)?)?$"
)
_YEAR_MONTH = re.compile(r"^P(?:\d+Y)|^P[^T]*\d+M")
#: Longest accepted timer: ten years.
_MAX = timedelta(days=3660)


class Clock(Protocol):
    """Where the runtime reads the current instant."""

    def now(self) -> datetime:
        """The current instant, aware, in UTC."""


class SystemClock:
    """The machine's clock."""

    def now(self) -> datetime:
        return datetime.now(UTC)


@dataclass
class ManualClock:
    """A clock for tests and simulations that only moves when told."""

    current: datetime = field(default_factory=lambda: datetime(2026, 3, 2, 1, 0, tzinfo=UTC))

    def now(self) -> datetime:
        return self.current

    def advance(self, delta: timedelta) -> datetime:
        """Move the clock forward by ``delta`` and return the new instant."""
        self.current = self.current + delta
        return self.current


def _unquote(expression: str) -> str:
    text = expression.strip()
    if len(text) >= 2 and text[0] == text[-1] and text[0] in "'\"":
        text = text[1:-1].strip()
    return text


def parse_iso_duration(text: str) -> timedelta:
    """Read an ISO 8601 duration in weeks, days, hours, minutes and seconds.

    :raises ProcessDefinitionError: for anything else, including years and months.
    """
    value = _unquote(text).upper()
    match = _ISO_DURATION.match(value)
    if match is None:
        code = "runtime_timer_year_month" if _YEAR_MONTH.match(value) else "runtime_timer_bad_duration"
        raise ProcessDefinitionError.from_code(code, text=text)
    parts = {name: float(amount.replace(",", ".")) for name, amount in match.groupdict().items() if amount}
    delta = timedelta(**parts)
    if delta > _MAX:
        raise ProcessDefinitionError.from_code("runtime_timer_too_long", text=text)
    return delta


def parse_iso_datetime(text: str) -> datetime:
    """Read an ISO 8601 date-time that names its zone, as UTC.

    :raises ProcessDefinitionError: unreadable, or without a zone.
    """
    value = _unquote(text)
    try:
        moment = datetime.fromisoformat(value)
    except ValueError as exc:
        raise ProcessDefinitionError.from_code("runtime_timer_bad_datetime", text=text) from exc
    if moment.tzinfo is None:
        raise ProcessDefinitionError.from_code("runtime_timer_no_zone", text=text)
    return moment.astimezone(UTC)


def timer_fire_time(kind: str, expression: str, start: datetime) -> datetime:
    """When a timer started at ``start`` fires.

    :param kind: ``"duration"`` (``timeDuration``) or ``"date"`` (``timeDate``).
    :raises ProcessDefinitionError: an expression Alur does not read.
    """
    if kind == "date":
        return parse_iso_datetime(expression)
    return start + parse_iso_duration(expression)
