"""Jinja filters: instants in the configured zone (WIB by default) and working minutes as text."""

from __future__ import annotations

import datetime as dt
from typing import Any

from flask import Flask, g, request

from engine import account, working_time_text
from engine.errors import NotFoundError

from .access import runtime
from .i18n import current_language, translate
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


def _words(prefix: str, value: str) -> str:
    """Catalogue words for an internal value (``event_completed``), else the value with spaces."""
    text = translate(f"{prefix}{value}")
    return value.replace("_", " ") if text == f"{prefix}{value}" else text


def event_kind(kind: str) -> str:
    """An event kind in words of the page's language (``completed`` -> ``diselesaikan``)."""
    return _words("event_", kind)


def event_field(name: str) -> str:
    """An event detail's name in words (``batas_waktu`` -> ``batas waktu``)."""
    return _words("event_field_", name)


def item_status(status: str) -> str:
    """A work item's status in words (``open`` -> ``terbuka``, ``done`` -> ``selesai``)."""
    return _words("item_status_", status)


def person(username: str | None) -> str:
    """A person by name, never the login (the login when the account is gone); the engine's own acts as "sistem".

    Names are looked up once per request.
    """
    if not username:
        return ""
    if username == "sistem":  # the engine's actor for what it does itself (timers, the worker)
        return translate("system_actor")
    known: dict[str, str] = g.setdefault("alur_people", {})
    signed_in = g.get("account")
    if username not in known and signed_in is not None and signed_in.username == username:
        known[username] = signed_in.nama or username  # read already by this request's login check
    if username not in known:
        try:
            known[username] = account(runtime(), username).nama or username
        except NotFoundError:
            known[username] = username
    return known[username]


def _state(value: dict[str, Any]) -> str:
    """A kelengkapan state (``{"cara": "tidak_ada", "alasan": ...}``) in words."""
    words = _words("state_", str(value.get("cara", "")))
    reason = value.get("alasan")
    return f"{words}: {reason}" if reason else words


def detail(value: Any) -> str:
    """An event value for people: kelengkapan states in words, ticked items as ✓/✗, lists joined,
    instants in local time, yes/no in the page's language."""
    if isinstance(value, dict):
        if "cara" in value:
            return _state(value)
        if value and all(isinstance(done, bool) for done in value.values()):
            return ", ".join(("✓ " if done else "✗ ") + str(item) for item, done in value.items())
        if value and all(isinstance(state, dict) and "cara" in state for state in value.values()):
            return "; ".join(f"{item}: {_state(state)}" for item, state in value.items())
        return ", ".join(f"{event_field(str(key))} = {detail(item)}" for key, item in value.items())
    if isinstance(value, list):
        return ", ".join(detail(item) for item in value)
    if isinstance(value, bool):
        return translate("yes") if value else translate("no_answer")
    if isinstance(value, str) and len(value) >= 19 and value[4] == "-" and value[10] == "T":
        return iso_local(value)
    return str(value)


def init_app(app: Flask) -> None:
    app.jinja_env.filters.update(local_time=local_time, minutes=minutes, iso_local=iso_local, detail=detail,
                                 event_kind=event_kind, event_field=event_field, item_status=item_status,
                                 person=person)
