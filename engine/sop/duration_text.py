"""Working time as text: the one formatter for every page, print, report and CLI line that shows it.

Working minutes (office hours only, :mod:`engine.sop.worktime`) are said in the unit a reader
expects: menit, jam, or hari kerja once a standard working day is reached. A working day is the
calendar's :attr:`WorkCalendar.working_minutes_per_day <engine.sop.worktime.WorkCalendar.working_minutes_per_day>`
(450 minutes with the default office hours); callers pass that figure, so no other day length exists.

Three styles of the same rule:

``"decimal"`` one unit with one decimal: ``45 menit``, ``2,5 jam``, ``1,5 hari kerja`` (reports, forms,
    deviations);
``"long"`` whole units: ``2 jam 10 menit``, ``1 hari kerja 3 jam``, ``< 1 menit`` (the printed trace);
``"short"`` whole units, abbreviated for table cells: ``45 mnt``, ``2 j 10 mnt``, ``3 hk 2 j``.

Time on the clock (a WAKTU in calendar days or "x 24 jam") is no working time: :func:`clock_time_text`
says it in calendar days of 24 hours, hours and minutes (``2 hari 3 jam``), in the words of the long style.

Every word comes from the message catalogue (:mod:`engine.messages.sop`), in Bahasa Indonesia or English.
"""

from __future__ import annotations

from typing import Literal

from engine.messages import message

#: How a working time is written (see the module docstring).
Style = Literal["decimal", "long", "short"]
#: Axis and column units: one minute, one hour, one working day.
Unit = Literal["minute", "hour", "day"]


def number_text(value: float, lang: str = "id", digits: int = 1) -> str:
    """``2.5`` as ``2,5`` (Indonesian decimal comma) or ``2.5``; whole numbers without decimals."""
    text = f"{value:.{digits}f}".rstrip("0").rstrip(".") if digits else f"{value:.0f}"
    return text.replace(".", ",") if lang != "en" else text


def unit_of(minutes: float, minutes_per_day: float) -> Unit:
    """The unit a reader expects for ``minutes``: a day from one working day on, an hour from 60 minutes."""
    if minutes >= max(1.0, minutes_per_day):
        return "day"
    if minutes >= 60:
        return "hour"
    return "minute"


def unit_minutes(unit: Unit, minutes_per_day: float) -> float:
    """Working minutes in one ``unit``."""
    return {"minute": 1.0, "hour": 60.0, "day": max(1.0, minutes_per_day)}[unit]


def unit_name(unit: Unit, lang: str = "id") -> str:
    """The unit's plural name for an axis or column head: ``menit``, ``jam``, ``hari kerja``."""
    code = {"minute": "duration_unit_minute", "hour": "duration_unit_hour", "day": "duration_unit_day"}[unit]
    return message(code, lang)


def working_time_text(minutes: float, minutes_per_day: float, lang: str = "id", style: Style = "decimal") -> str:
    """Working ``minutes`` as text in ``lang``.

    :param minutes_per_day: the calendar's ``working_minutes_per_day``: the length of a working day.
    :param style: ``"decimal"``, ``"long"`` or ``"short"`` (see the module docstring).
    """
    if style == "decimal":
        return _decimal(minutes, minutes_per_day, lang)
    return _whole(minutes, minutes_per_day, lang, short=style == "short")


def _decimal(minutes: float, minutes_per_day: float, lang: str) -> str:
    unit = unit_of(minutes, minutes_per_day)
    value = number_text(minutes / unit_minutes(unit, minutes_per_day), lang)
    if unit == "day":
        code = "duration_day_one" if value == "1" else "duration_days"
    elif unit == "hour":
        code = "duration_hour_one" if value == "1" else "duration_hours"
    else:
        code = "duration_minute_one" if value == "1" else "duration_minutes"
    return message(code, lang, value=value)


def _whole(minutes: float, minutes_per_day: float, lang: str, *, short: bool) -> str:
    if minutes < 1 and not short:
        return message("duration_less_minute", lang)
    per_day = max(1, int(round(minutes_per_day)))
    days, rest = divmod(int(round(minutes)), per_day)
    hours, mins = divmod(rest, 60)
    parts: list[str] = []
    if short:
        if days:
            parts.append(message("duration_short_days", lang, value=days))
        if hours:
            parts.append(message("duration_short_hours", lang, value=hours))
        if mins or not parts:
            parts.append(message("duration_short_minutes", lang, value=mins))
        return " ".join(parts)
    if days:
        parts.append(message("duration_day_one" if days == 1 else "duration_days", lang, value=days))
    if hours:
        parts.append(message("duration_long_hours", lang, value=hours))
    if mins and not days:
        parts.append(message("duration_long_minutes", lang, value=mins))
    return " ".join(parts) or message("duration_less_minute", lang)


def clock_time_text(minutes: float, lang: str = "id") -> str:
    """Time on the clock as ``2 hari 3 jam``, ``5 jam 10 menit``, ``< 1 menit`` (days of 24 hours)."""
    if minutes < 1:
        return message("duration_less_minute", lang)
    days, rest = divmod(int(round(minutes)), 24 * 60)
    hours, mins = divmod(rest, 60)
    parts: list[str] = []
    if days:
        parts.append(message("duration_calendar_day_one" if days == 1 else "duration_calendar_days", lang,
                             value=days))
    if hours:
        parts.append(message("duration_long_hours", lang, value=hours))
    if mins and not days:
        parts.append(message("duration_long_minutes", lang, value=mins))
    return " ".join(parts) or message("duration_less_minute", lang)


def kind_time_text(minutes: float, kind: str, minutes_per_day: float, lang: str = "id",
                   style: Style = "decimal") -> str:
    """``minutes`` of a step whose WAKTU counts ``kind`` time: working time for ``"working"``,
    time on the clock (days of 24 hours) for ``"calendar"`` and ``"clock"``."""
    if kind == "working":
        return working_time_text(minutes, minutes_per_day, lang, style)
    return clock_time_text(minutes, lang)
