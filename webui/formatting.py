"""Jinja filters: instants in the configured zone (WIB by default) and working minutes as text."""

from __future__ import annotations

import datetime as dt

from flask import Flask

from .access import runtime
from .i18n import current_language


def local_time(moment: dt.datetime | None) -> str:
    """``2026-03-02 08:15 WIB``; empty for ``None``."""
    if moment is None:
        return ""
    return moment.astimezone(runtime().calendar.tz).strftime("%Y-%m-%d %H:%M %Z")


def minutes(value: float | None) -> str:
    """Working minutes as ``45 mnt``, ``2 j 10 mnt`` or ``3 hr 2 j`` (working days of the calendar)."""
    if value is None:
        return "—"
    english = current_language() == "en"
    total = int(round(value))
    per_day = int(runtime().calendar.working_minutes_per_day) or 480
    days, rest = divmod(total, per_day)
    hours, mins = divmod(rest, 60)
    parts = []
    if days:
        parts.append(f"{days} {'wd' if english else 'hk'}")
    if hours:
        parts.append(f"{hours} {'h' if english else 'j'}")
    if mins or not parts:
        parts.append(f"{mins} {'min' if english else 'mnt'}")
    return " ".join(parts)


def init_app(app: Flask) -> None:
    app.jinja_env.filters.update(local_time=local_time, minutes=minutes)
