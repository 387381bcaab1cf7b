"""Jinja filters: instants in the configured zone (WIB by default) and working minutes as text."""

from __future__ import annotations

import datetime as dt
from typing import Any

from flask import Flask, request

from engine import working_time_text

from .access import runtime
from .i18n import current_language
from .params import bounded_date


def request_date(name: str) -> dt.date | None:
    """The ISO date in request field ``name`` (query or form); ``None`` when empty.

    :raises DataError: naming the field when the text is not a date.
    """
    return bounded_date(name, request.values.get(name, ""))


def local_time(moment: dt.datetime | None) -> str:
    """``2026-03-02 08:15 WIB``; empty for ``None``."""
    if moment is None:
        return ""
    return moment.astimezone(runtime().calendar.tz).strftime("%Y-%m-%d %H:%M %Z")


def minutes(value: float | None) -> str:
    """Working minutes as ``45 mnt``, ``2 j 10 mnt`` or ``3 hr 2 j`` (working days of the calendar)."""
    if value is None:
        return "—"
    return working_time_text(value, runtime().calendar.working_minutes_per_day, current_language(), "short")


def iso_local(text: str) -> str:
    """An ISO instant (as the lifecycle history stores it) in the configured zone."""
    try:
        return local_time(dt.datetime.fromisoformat(text))
    except ValueError:
        return text


def detail(value: Any) -> str:
    """An event value for people: ticked items as ✓/✗, lists joined, instants in local time."""
    if isinstance(value, dict):
        if value and all(isinstance(done, bool) for done in value.values()):
            return ", ".join(("✓ " if done else "✗ ") + str(item) for item, done in value.items())
        return ", ".join(f"{key}={detail(item)}" for key, item in value.items())
    if isinstance(value, list):
        return ", ".join(detail(item) for item in value)
    if isinstance(value, bool):
        return "ya" if value else "tidak"
    if isinstance(value, str) and len(value) >= 19 and value[4] == "-" and value[10] == "T":
        return iso_local(value)
    return str(value)


def init_app(app: Flask) -> None:
    app.jinja_env.filters.update(local_time=local_time, minutes=minutes, iso_local=iso_local, detail=detail)
