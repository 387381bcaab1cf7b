"""Request parameters refused before they reach a view: 400 naming the field, never a 500.

* ``<int:...>`` path parts accept only ids that fit a 64-bit column (larger ones are "not found").
* Every query and form value is at most ``MAX_FIELD_CHARS`` characters (``MAX_CONTENT_LENGTH``
  bounds the whole body; a file upload is bounded by the view that reads it).
* A JSON body is read strictly: no NaN/Infinity, integers of at most 30 digits, nesting at most
  ``MAX_JSON_DEPTH`` deep, every text within ``MAX_FIELD_CHARS``.
* :func:`request_int` and :func:`bounded_date` read numbers and dates within what the store and the
  calendar can hold.
"""

from __future__ import annotations

import datetime as dt
import json
import re
from typing import Any

from flask import Flask, current_app, request
from flask.json.provider import DefaultJSONProvider
from werkzeug.routing import IntegerConverter

from engine import message
from engine.errors import DataError

#: The largest id a path may carry (a signed 64-bit column).
MAX_ID = 2**63 - 1
MAX_FIELD_CHARS = 20_000
MAX_JSON_DEPTH = 32
#: Dates outside these years are refused (the working calendar and the store cannot hold them).
YEARS = (1900, 2999)


class ParameterError(DataError):
    """A request parameter that cannot be used; answered with 400 and the field's name."""

    http_status = 400

    def __init__(self, code: str, field: str, **params: object) -> None:
        texts = {"field": field, **{key: str(value) for key, value in params.items()}}
        super().__init__(message(code, "id", **texts), field)
        self.code = code
        self.params = texts


class BoundedIntConverter(IntegerConverter):
    """``<int:...>`` that matches only ids from 0 to :data:`MAX_ID` (a larger one is a 404, not an overflow)."""

    def __init__(self, map: Any, *args: Any, **kwargs: Any) -> None:  # noqa: A002 - werkzeug's name
        kwargs.setdefault("max", MAX_ID)
        super().__init__(map, *args, **kwargs)


def request_int(name: str, default: int | None = None) -> int | None:
    """The whole number in request field ``name`` (0 to :data:`MAX_ID`); ``default`` when empty.

    :raises ParameterError: not a whole number in range.
    """
    text = request.values.get(name, "").strip()
    if not text:
        return default
    if not text.isdigit() or len(text) > 19 or int(text) > MAX_ID:
        raise ParameterError("web.bad_number", name, value=text[:40])
    return int(text)


def bounded_date(name: str, text: str) -> dt.date | None:
    """The ISO date ``text`` of field ``name`` within :data:`YEARS`; ``None`` when empty.

    :raises ParameterError: not a date, or a year outside :data:`YEARS`.
    """
    text = text.strip()
    if not text:
        return None
    try:
        day = dt.date.fromisoformat(text)
    except ValueError as exc:
        raise ParameterError("web.bad_date", name, value=text[:40]) from exc
    if not YEARS[0] <= day.year <= YEARS[1]:
        raise ParameterError("web.date_out_of_range", name, value=text, low=YEARS[0], high=YEARS[1])
    return day


def download_name(stem: str, suffix: str) -> str:
    """A file name for ``Content-Disposition`` from user text: letters, digits, ``._-`` only, at most 80."""
    cleaned = re.sub(r"[^A-Za-z0-9._-]+", "_", stem).strip("._")[:80]
    return f"{cleaned or 'sop'}.{suffix}"


def _refuse_constant(name: str) -> Any:
    raise ValueError(f"{name} is not a number JSON allows")


def _bounded_int(text: str) -> int:
    if len(text.lstrip("-")) > 30:
        raise ValueError("integer of more than 30 digits")
    return int(text)


def _depth(value: Any) -> int:
    deepest, stack = 0, [(value, 1)]
    while stack:
        item, depth = stack.pop()
        deepest = max(deepest, depth)
        if isinstance(item, dict):
            stack.extend((child, depth + 1) for child in item.values())
        elif isinstance(item, list):
            stack.extend((child, depth + 1) for child in item)
    return deepest


def strict_loads(text: str | bytes) -> Any:
    """JSON without NaN/Infinity, huge integers or deep nesting.

    :raises ValueError: saying what is wrong.
    """
    if isinstance(text, bytes):
        text = text.decode("utf-8")
    # A cheap bound before parsing: nesting needs brackets, and the parser recurses per level.
    if text.count("[") + text.count("{") > MAX_JSON_DEPTH and _max_bracket_depth(text) > MAX_JSON_DEPTH:
        raise ValueError(f"nested more than {MAX_JSON_DEPTH} levels")
    value = json.loads(text, parse_constant=_refuse_constant, parse_int=_bounded_int)
    if _depth(value) > MAX_JSON_DEPTH:
        raise ValueError(f"nested more than {MAX_JSON_DEPTH} levels")
    return value


def _max_bracket_depth(text: str) -> int:
    depth = deepest = 0
    in_string = escaped = False
    for char in text:
        if in_string:
            if escaped:
                escaped = False
            elif char == "\\":
                escaped = True
            elif char == '"':
                in_string = False
        elif char == '"':
            in_string = True
        elif char in "[{":
            depth += 1
            deepest = max(deepest, depth)
        elif char in "]}":
            depth -= 1
    return deepest


class StrictJSONProvider(DefaultJSONProvider):
    """Flask's JSON with :func:`strict_loads` for reading."""

    def loads(self, s: str | bytes, **kwargs: Any) -> Any:
        return strict_loads(s)


def _long_text(value: Any, path: str, limit: int) -> tuple[str, int] | None:
    stack = [(value, path)]
    while stack:
        item, where = stack.pop()
        if isinstance(item, str) and len(item) > limit:
            return where, len(item)
        if isinstance(item, dict):
            stack.extend((child, f"{where}.{key}" if where else str(key)) for key, child in item.items())
        elif isinstance(item, list):
            stack.extend((child, f"{where}[{index}]") for index, child in enumerate(item))
    return None


def _check_request() -> None:
    limit = int(current_app.config.get("MAX_FIELD_CHARS", MAX_FIELD_CHARS))
    for source in (request.args, request.form):
        for name, value in source.items(multi=True):
            if len(name) > 200:
                raise ParameterError("web.field_too_long", name[:40] + "…", size=len(name), limit=200)
            if len(value) > limit:
                raise ParameterError("web.field_too_long", name, size=len(value), limit=limit)
    if request.method in {"POST", "PUT", "PATCH"} and request.is_json and request.content_length != 0:
        try:
            body = strict_loads(request.get_data(cache=True))
        except (ValueError, UnicodeDecodeError, RecursionError) as exc:
            raise ParameterError("web.bad_json", "body", reason=str(exc)[:120]) from exc
        found = _long_text(body, "", limit)
        if found:
            raise ParameterError("web.field_too_long", found[0] or "body", size=found[1], limit=limit)


def init_app(app: Flask) -> None:
    """Install the bounded id converter, the strict JSON reader and the per-field checks (before blueprints)."""
    app.url_map.converters["int"] = BoundedIntConverter
    app.json = StrictJSONProvider(app)
    app.before_request(_check_request)
