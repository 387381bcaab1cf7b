"""The SOP "mutu baku WAKTU": parse the time standard of a step into a :class:`Duration`.

The grammar (case-insensitive, spaces flexible), after :func:`engine.sop.duration_words.normalise`
has read number words, restatements in parentheses, upper-bound prefixes and qualifiers::

    waktu   := iso | range | part+          (parts from the largest unit to the smallest)
    part    := number unit | number "x 24 jam"
    range   := number [unit] ("-" | "s/d" | "s.d." | "sampai (dengan)" | "hingga" | "to") number unit
    number  := 14 | 1,5 | 1.5 | 1/2 | 1 1/2 | ½ | empat belas | tiga | setengah | sehari
    unit    := detik | menit | mnt | ' | jam | jam kerja | hari | hr | hari kerja | HK | hari kalender
               | minggu | pekan | bulan | bln | tahun | thn   (and the English words)

e.g. "15 menit", "30'", "½ jam", "1,5 jam", "3 hari kerja", "14 (empat belas) hari kerja",
"paling lama 14 hari kalender", "1 x 24 jam", "2X24 Jam", "1 bulan", "1-2 hari", ``PT2H``.

Each duration has a :attr:`Duration.kind`, how it is counted for due times:

* ``"working"`` (seconds, minutes, hours, "hari", "hari kerja", "minggu"): working time of the
  calendar; minutes and hours count 1:1, a "hari" / "hari kerja" is one standard working day of the
  calendar (:attr:`WorkCalendar.working_minutes_per_day
  <engine.sop.worktime.WorkCalendar.working_minutes_per_day>`) and a "minggu" five working days;
* ``"calendar"`` ("hari kalender", "bulan", "tahun"): days, months and years on the calendar,
  weekends and holidays included;
* ``"clock"`` ("N x 24 jam"): N times 24 hours on the clock, nights and days off included.
"""

from __future__ import annotations

import calendar as _calendar
import math
import re
from dataclasses import dataclass
from datetime import datetime, timedelta, timezone
from decimal import Decimal
from fractions import Fraction
from numbers import Real
from typing import Literal, Protocol, Union, cast

from engine.errors import DurationError
from engine.sop.duration_words import NUMBER, fraction, normalise

#: A duration unit. ``"mixed"`` is a duration written with several units ("1 jam 30 menit",
#: ``P1DT2H``); its components are in :attr:`Duration.parts`.
Unit = Literal["second", "minute", "hour", "day", "working_day", "calendar_day", "clock_day", "week", "month",
               "year", "mixed"]

#: How a duration is counted for due times (see the module docstring).
Kind = Literal["working", "calendar", "clock"]

#: An amount: the parser gives an ``int`` when whole, else a ``float``; a ``Fraction`` is accepted too.
Amount = Union[int, float, Fraction]

#: Working days in a "minggu" / "pekan" / week.
WORKING_DAYS_PER_WEEK = 5

#: The examples every rejection message lists.
EXAMPLES = '"15 menit", "2 jam", "1 hari", "3 hari kerja", "1 minggu" atau ISO 8601 "PT2H"'

_SIMPLE_UNITS: frozenset[str] = frozenset({"second", "minute", "hour", "day", "working_day", "calendar_day",
                                           "clock_day", "week", "month", "year"})
#: Units counted on the calendar and on the clock; every other unit is working time.
_CALENDAR_UNITS = frozenset({"calendar_day", "month", "year"})
_CLOCK_UNITS = frozenset({"clock_day"})

#: Size rank of a unit; the parts of a mixed duration go from the largest unit to the smallest.
_RANK: dict[str, int] = {"year": 7, "month": 6, "week": 5, "day": 4, "working_day": 4, "calendar_day": 4,
                         "clock_day": 4, "hour": 3, "minute": 2, "second": 1}

#: Minutes in one unit on the clock (a day of 24 hours, a week of 7 days, a month of 30 days, a year of 365).
_NOMINAL_MINUTES: dict[str, float] = {
    "second": 1 / 60, "minute": 1, "hour": 60, "day": 24 * 60, "working_day": 24 * 60, "calendar_day": 24 * 60,
    "clock_day": 24 * 60, "week": 7 * 24 * 60, "month": 30 * 24 * 60, "year": 365 * 24 * 60,
}

#: The canonical Indonesian word of each unit.
_WORD: dict[str, str] = {
    "second": "detik",
    "minute": "menit",
    "hour": "jam",
    "day": "hari",
    "working_day": "hari kerja",
    "calendar_day": "hari kalender",
    "clock_day": "x 24 jam",
    "week": "minggu",
    "month": "bulan",
    "year": "tahun",
}

#: Every accepted unit word (lower case, single spaces) and its unit.
_UNIT_WORDS: dict[str, str] = {
    "detik": "second", "dtk": "second", "second": "second", "seconds": "second",
    "sec": "second", "secs": "second",
    "menit": "minute", "mnt": "minute", "minute": "minute", "minutes": "minute",
    "min": "minute", "mins": "minute",
    "'": "minute",
    "jam": "hour", "hour": "hour", "hours": "hour", "hrs": "hour", "jam kerja": "hour",
    "working hour": "hour", "working hours": "hour", "menit kerja": "minute",
    "hari": "day", "day": "day", "days": "day", "hr": "day",
    "hari kerja": "working_day", "hk": "working_day", "hr kerja": "working_day", "hari kerja efektif": "working_day",
    "hari efektif": "working_day",
    "hari kalender": "calendar_day", "calendar day": "calendar_day", "calendar days": "calendar_day",
    "x24jam": "clock_day",
    "bulan": "month", "bln": "month", "month": "month", "months": "month",
    "tahun": "year", "thn": "year", "th": "year", "year": "year", "years": "year", "yr": "year", "yrs": "year",
    "working day": "working_day", "working days": "working_day",
    "work day": "working_day", "work days": "working_day",
    "workday": "working_day", "workdays": "working_day",
    "business day": "working_day", "business days": "working_day",
    "minggu": "week", "pekan": "week", "week": "week", "weeks": "week", "mgg": "week",
}

_NUMBER = NUMBER
# Longest words first so "hari kerja" wins over "hari"; spaces inside a word may be several.
_UNIT_ALTERNATION = "|".join(
    re.escape(word).replace(r"\ ", r"\s+") for word in sorted(_UNIT_WORDS, key=len, reverse=True)
)
_UNIT = rf"(?P<unit>{_UNIT_ALTERNATION})\.?(?![a-z])"
_PART = re.compile(rf"(?P<num>{_NUMBER})\s*{_UNIT}")
_PART_SEPARATOR = re.compile(r"\s*(?:(?:dan|and)\s+)?")
_RANGE = re.compile(
    rf"(?P<between>antara\s+|between\s+)?(?P<low>{_NUMBER})\s*(?:(?P<lowunit>{_UNIT_ALTERNATION})\.?\s*)?"
    rf"(?P<link>-|s\s*/\s*d\.?|s\.d\.?|sd|sampai(?:\s+dengan)?|hingga|to|dan|and)\s*"
    rf"(?P<high>{_NUMBER})\s*{_UNIT}"
)
_NEGATIVE = re.compile(r"[-\u2212]\s*\d")
_ISO = re.compile(
    rf"p(?:(?P<week>{_NUMBER})w"
    rf"|(?:(?P<year>{_NUMBER})y)?(?:(?P<month>{_NUMBER})m)?(?:(?P<day>{_NUMBER})d)?"
    rf"(?:t(?:(?P<hour>{_NUMBER})h)?(?:(?P<minute>{_NUMBER})m)?(?:(?P<second>{_NUMBER})s)?)?)"
)


class WorkingDayLength(Protocol):
    """What :meth:`Duration.as_working_minutes` needs of a calendar."""

    @property
    def working_minutes_per_day(self) -> float:
        """Working minutes in one standard working day."""
        ...


def _unit_minutes(unit: str, minutes_per_day: float) -> float:
    """Working minutes in one ``unit``."""
    if unit == "second":
        return 1 / 60
    if unit == "minute":
        return 1.0
    if unit == "hour":
        return 60.0
    if unit in ("day", "working_day"):
        return float(minutes_per_day)
    return WORKING_DAYS_PER_WEEK * float(minutes_per_day)


def _format_amount(amount: Amount) -> str:
    """``amount`` with an Indonesian decimal comma: ``1.5`` -> ``"1,5"``."""
    if isinstance(amount, int):
        return str(amount)
    text = format(Decimal(repr(float(amount))), "f")
    if "." in text:
        text = text.rstrip("0").rstrip(".")
    return text.replace(".", ",")


def _number(text: str) -> Amount:
    """Read ``"1,5"``, ``"1.5"``, ``"1/2"`` or ``"1 1/2"``; whole values become ``int``."""
    if "/" in text:
        value = fraction(text)  # ZeroDivisionError for "1/0": parse_duration refuses the text
        return int(value) if value.denominator == 1 else float(value)
    decimal = Decimal(text.replace(",", "."))
    if decimal == decimal.to_integral_value():
        return int(decimal)
    return float(decimal)


def _unit_word(match: re.Match[str], group: str = "unit") -> str:
    """The unit of a matched unit word."""
    return _UNIT_WORDS[" ".join(match.group(group).rstrip(".").split())]


@dataclass(frozen=True)
class Duration:
    """A parsed mutu baku WAKTU.

    ``Duration(2, "hour")`` is two hours; ``str()`` gives the canonical Indonesian text.
    A text written with several units ("1 jam 30 menit", ``P1DT2H``) has unit ``"mixed"``,
    its components in :attr:`parts` and, as :attr:`amount`, its nominal length in minutes
    (days of 24 hours); use :meth:`as_working_minutes` for the standard in working time.
    """

    #: How many units; an ``int`` when whole (see :data:`Amount`).
    amount: Amount
    #: The unit, see :data:`Unit`.
    unit: Unit
    #: True when the text says working days ("hari kerja", "working days").
    working: bool = False
    #: The text as written, stripped ("1-2 hari" keeps its range here).
    text: str = ""
    #: The components, largest unit first; filled in for a single-unit duration.
    parts: tuple[tuple[Amount, str], ...] = ()
    #: The fixed span of an ISO 8601 text (``PT2H`` -> 2 hours, ``P1W`` -> 7 days); ``None`` for
    #: other texts. Working time does not use it: ``P1W`` counts as five working days like "1 minggu".
    delta: timedelta | None = None

    def __post_init__(self) -> None:
        """Check the unit and amounts and fill in :attr:`parts` and :attr:`working`.

        :raises DurationError: for an unknown unit or an amount that is not a positive number.
        """
        if self.unit == "mixed":
            if len(self.parts) < 2:
                raise DurationError.from_code("duration_mixed_too_few_units", self.text)
            for amount, unit in self.parts:
                if unit not in _SIMPLE_UNITS:
                    raise DurationError.from_code("duration_unknown_unit", self.text, unit=unit)
                self._check_amount(amount)
        elif self.unit in _SIMPLE_UNITS:
            if self.parts and self.parts != ((self.amount, self.unit),):
                raise DurationError.from_code("duration_parts_mismatch", self.text)
            object.__setattr__(self, "parts", ((self.amount, self.unit),))
        else:
            raise DurationError.from_code("duration_unknown_unit", self.text, unit=self.unit)
        self._check_amount(self.amount)
        units = {unit for _, unit in self.parts}
        if "working_day" in units:
            object.__setattr__(self, "working", True)
        if units & _CALENDAR_UNITS and units & _CLOCK_UNITS or (units & (_CALENDAR_UNITS | _CLOCK_UNITS)
                                                                 and self.working):
            raise DurationError.from_code("duration_mixed_calendars", self.text, text=self.text or self)

    @property
    def kind(self) -> Kind:
        """How the duration is counted for due times: ``"working"``, ``"calendar"`` or ``"clock"``."""
        units = {unit for _, unit in self.parts}
        if units & _CALENDAR_UNITS:
            return "calendar"
        if units & _CLOCK_UNITS:
            return "clock"
        return "working"

    def _check_amount(self, amount: object) -> None:
        """:raises DurationError: unless ``amount`` is a finite number above zero."""
        if isinstance(amount, bool) or not isinstance(amount, Real):
            raise DurationError.from_code("duration_amount_not_a_number", self.text, amount=amount)
        if not math.isfinite(float(amount)) or amount <= 0:
            shown = self.text or f"{amount}"
            raise DurationError.from_code("duration_not_positive", self.text, text=shown)

    def as_working_minutes(self, calendar: WorkingDayLength) -> float:
        """How many working minutes the standard allows.

        Seconds, minutes and hours count 1:1; a "hari" or "hari kerja" counts as
        ``calendar.working_minutes_per_day``; a "minggu" as five such days.

        :param calendar: gives the length of a standard working day, e.g. a
            :class:`~engine.sop.worktime.WorkCalendar`.
        :return: the working minutes, as a float.
        :raises DurationError: for a duration counted on the calendar or the clock ("14 hari
            kalender", "1 x 24 jam"): those are never office minutes; use
            :meth:`WorkCalendar.standard_minutes <engine.sop.worktime.WorkCalendar.standard_minutes>`.
        """
        if self.kind != "working":
            raise DurationError.from_code("duration_counts_calendar_time", self.text, text=self.text or self)
        per_day = calendar.working_minutes_per_day
        return float(sum(amount * _unit_minutes(unit, per_day) for amount, unit in self.parts))

    def end_after(self, start: datetime) -> datetime:
        """When a duration counted on the calendar or the clock that starts at ``start`` ends.

        Years and months move the date (the 31st becomes the last day of a shorter month), days and
        weeks move it by whole days at the same wall-clock time, "x 24 jam", hours and minutes add
        time on the clock.

        :param start: an aware datetime; the result is in its zone.
        :raises DurationError: for a duration counted in working time.
        """
        if self.kind == "working":
            raise DurationError.from_code("duration_counts_working_hours", self.text, text=self.text or self)
        months, days, minutes = Fraction(0), Fraction(0), Fraction(0)
        for amount, unit in self.parts:
            value = Fraction(amount)
            if unit in ("year", "month"):
                months += value * (12 if unit == "year" else 1)
            elif unit in ("calendar_day", "day", "week"):
                days += value * (7 if unit == "week" else 1)
            else:
                minutes += value * Fraction(_NOMINAL_MINUTES[unit]).limit_denominator(60)
        whole_months = int(months)
        days += (months - whole_months) * 30
        year, month = divmod(start.month - 1 + whole_months, 12)
        year += start.year
        moved = start.replace(year=year, month=month + 1,
                              day=min(start.day, _calendar.monthrange(year, month + 1)[1]))
        moved = moved + timedelta(days=float(days))
        return (moved.astimezone(timezone.utc) + timedelta(minutes=float(minutes))).astimezone(start.tzinfo)

    def __str__(self) -> str:
        """The canonical Indonesian text: "15 menit", "1,5 jam", "3 hari kerja", "1 x 24 jam"."""
        return " ".join(f"{_format_amount(amount)} {_WORD[unit]}" for amount, unit in self.parts)


def _error(text: str) -> DurationError:
    """The "not recognised" error for ``text``."""
    return DurationError(f"Waktu '{text}' tidak dikenali. Contoh yang benar: {EXAMPLES}.", text)


def _build(parts: list[tuple[Amount, str]], text: str, delta: timedelta | None = None) -> Duration:
    """One :class:`Duration` from its components (largest first), checking their order.

    :raises DurationError: when a unit repeats, the units are out of order or a part
        other than the last has decimals.
    """
    ranks = [_RANK[unit] for _, unit in parts]
    if any(a <= b for a, b in zip(ranks, ranks[1:])):
        raise DurationError.from_code("duration_units_out_of_order", text, text=text)
    if any(isinstance(amount, float) for amount, _ in parts[:-1]):
        raise DurationError.from_code("duration_decimal_not_last", text, text=text)
    for amount, _ in parts:
        if amount <= 0:
            raise DurationError.from_code("duration_not_positive", text, text=text)
    if len(parts) == 1:
        amount, unit = parts[0]
        return Duration(amount, cast(Unit, unit), text=text, delta=delta)
    nominal = sum(amount * _NOMINAL_MINUTES[unit] for amount, unit in parts)
    whole = round(nominal)
    amount_total: Amount = whole if math.isclose(nominal, whole, abs_tol=1e-9) else nominal
    return Duration(amount_total, "mixed", text=text, parts=tuple(parts), delta=delta)


def _parse_iso(text: str, normalized: str) -> Duration | None:
    """Parse an ISO 8601 duration (``PT15M``, ``P1DT2H``, ``P1W``); ``None`` if it is not one."""
    match = _ISO.fullmatch(normalized.replace(" ", ""))
    if match is None:
        return None
    if normalized.endswith("t"):
        return None
    parts = [(_number(value), unit) for unit, value in match.groupdict().items() if value is not None]
    if not parts:
        return None
    if all(amount <= 0 for amount, _ in parts):
        raise DurationError.from_code("duration_not_positive", text, text=text)
    parts = [(amount, unit) for amount, unit in parts if amount > 0]
    calendar_parts = any(unit in ("year", "month") for _, unit in parts)
    delta = None if calendar_parts else timedelta(**{f"{unit}s": float(amount) for amount, unit in parts})
    return _build(parts, text, delta)


def _parse_parts(text: str, normalized: str) -> Duration | None:
    """Parse "15 menit" or a sequence like "1 jam 30 menit"; ``None`` if the text is neither."""
    parts: list[tuple[Amount, str]] = []
    position = 0
    while True:
        match = _PART.match(normalized, position)
        if match is None:
            return None
        parts.append((_number(match.group("num")), _unit_word(match)))
        position = match.end()
        if position == len(normalized):
            return _build(parts, text)
        separator = _PART_SEPARATOR.match(normalized, position)
        position = separator.end() if separator else position


def _parse_range(text: str, normalized: str) -> Duration | None:
    """Parse a range like "1-2 hari" to its upper bound; ``None`` if the text is not a range."""
    match = _RANGE.fullmatch(normalized)
    if match is None:
        return None
    if match.group("link") in ("dan", "and") and not match.group("between"):
        return None  # "1 jam dan 30 menit" is one duration of two parts
    low, high = _number(match.group("low")), _number(match.group("high"))
    low_unit, unit = (_unit_word(match, "lowunit") if match.group("lowunit") else _unit_word(match)), _unit_word(match)
    if low_unit != unit:  # "30 menit - 1 jam": compare on the clock
        low, high = low * _NOMINAL_MINUTES[low_unit], high * _NOMINAL_MINUTES[unit]
    if low > high:
        raise DurationError.from_code("duration_range_reversed", text, text=text)
    return _build([(_number(match.group("high")), unit)], text)


def parse_duration(text: str) -> Duration:
    """Parse a mutu baku WAKTU text.

    :param text: e.g. "15 menit", "1,5 jam", "3 hari kerja", "1-2 hari", "1 x 24 jam",
        "paling lama 14 (empat belas) hari kalender", "1 bulan", "PT2H".
    :return: the duration; a range gives its upper bound, :attr:`Duration.text` keeps the original.
    :raises DurationError: when the text is empty, not understood, zero or negative.
    """
    if not isinstance(text, str):
        raise DurationError.from_code("duration_not_text", str(text), kind=type(text).__name__, examples=EXAMPLES)
    stripped = text.strip()
    if not stripped:
        raise DurationError.from_code("duration_empty", stripped, examples=EXAMPLES)
    normalized = normalise(stripped)
    if _NEGATIVE.match(normalized):
        raise DurationError.from_code("duration_not_positive", stripped, text=stripped)
    for parser in (_parse_iso, _parse_range, _parse_parts):
        try:
            duration = parser(stripped, normalized)
        except ZeroDivisionError:
            raise _error(stripped) from None
        if duration is not None:
            return duration
    raise _error(stripped)


def is_valid_duration(text: str) -> bool:
    """Whether :func:`parse_duration` accepts ``text``.

    :param text: a WAKTU text.
    :return: True when it parses.
    """
    try:
        parse_duration(text)
    except DurationError:
        return False
    return True
