"""Reading API request bodies strictly: what cannot be read is refused with 400 naming the field.

Before this, a malformed JSON body, a ``text/plain`` or form body was read as ``{}`` and a step was
completed with an empty form. Now every POST of the API goes through :func:`json_body`:

* a body that must be there and is not, a body that is not ``application/json`` (``text/plain``,
  a form, no Content-Type at all), a body that does not parse (NaN, huge numbers, deep nesting; see
  :func:`webui.params.strict_loads`) or that is not a JSON object -> 400 with ``field: "body"``;
* a key the operation does not know -> 400 naming the key; a value of the wrong JSON type -> 400
  naming ``field`` (:func:`typed_member`).

The view calls the engine only after this, so a refused request changes nothing. What the values
mean (a kelengkapan state, a case field) is the engine's to check.
"""

from __future__ import annotations

import contextlib
from collections.abc import Iterator
from typing import Any

from flask import request

from engine import message
from engine.errors import DataError

from .params import ParameterError, strict_loads

#: The JSON type names of :func:`typed_member` and their catalogue words.
_KINDS = {dict: "object", list: "array", str: "string", bool: "boolean", int: "number", float: "number",
          type(None): "null"}


def api_language() -> str:
    """The language of an API answer: ``?lang=en`` or Indonesian (the API keeps no session)."""
    return "en" if request.args.get("lang") == "en" else "id"


def kind_of(value: Any) -> str:
    """The JSON kind of ``value`` in words of the answer's language (``objek JSON``, ``teks`` ...)."""
    return message(f"web.kind_{_KINDS.get(type(value), 'object')}", api_language())


def _has_body() -> bool:
    if request.form or request.files:
        return True
    if (request.content_length or 0) > 0:
        return True
    return bool(request.get_data(cache=True).strip())


def _content_type() -> str:
    return (request.headers.get("Content-Type") or "-")[:80]


def json_body(*, required: bool, known: tuple[str, ...] | None) -> dict[str, Any]:
    """The request's JSON object, checked before anything else reads it.

    :param required: a request without a body is refused (otherwise it reads as ``{}``).
    :param known: the keys the object may have; ``None`` leaves the keys to the engine (the
        completion form, whose keys :func:`engine.parse_completion` knows); ``()`` takes none.
    :raises ParameterError: 400, naming ``body`` or the wrong key.
    """
    if not _has_body():
        if required:
            raise ParameterError("web.body_required", "body")
        return {}
    if not request.is_json:
        raise ParameterError("web.bad_content_type", "body", expected="application/json",
                             content_type=_content_type())
    return _object(request.get_data(cache=True), "body", known)


def _object(text: str | bytes, where: str, known: tuple[str, ...] | None) -> dict[str, Any]:
    try:
        value = strict_loads(text)
    except (ValueError, UnicodeDecodeError, RecursionError) as exc:
        raise ParameterError("web.bad_json", where, reason=str(exc)[:120]) from exc
    if not isinstance(value, dict):
        raise ParameterError("web.body_not_object", where, kind=kind_of(value))
    if known is not None:
        unknown = sorted(key for key in value if key not in known)
        if unknown and not known:
            raise ParameterError("web.no_body_expected", where, names=", ".join(unknown))
        if unknown:
            raise ParameterError("web.unknown_fields", unknown[0], names=", ".join(unknown), known=", ".join(known))
    return value


def json_part(name: str, known: tuple[str, ...] | None) -> dict[str, Any]:
    """The JSON object in part ``name`` of a ``multipart/form-data`` body (files travel beside it).

    :raises ParameterError: 400 naming ``name`` when the part is missing or not a JSON object.
    """
    text = request.form.get(name)
    if text is None:
        raise ParameterError("web.body_required", name)
    return _object(text, name, known)


def typed_member(body: dict[str, Any], name: str, types: tuple[type, ...], expected: str, default: Any) -> Any:
    """``body[name]`` when it is one of ``types`` (``default`` when absent).

    :param expected: catalogue code of what the value must be (``web.kind_boolean``).
    :raises ParameterError: 400 naming ``name`` when the value has another JSON type (``true`` is not
        a number and ``1`` is not a boolean here).
    """
    if name not in body:
        return default
    value = body[name]
    wrong_bool = isinstance(value, bool) and bool not in types
    if wrong_bool or not isinstance(value, types):
        raise ParameterError("web.wrong_type", name, expected=message(expected, api_language()),
                             kind=kind_of(value))
    return value


@contextlib.contextmanager
def fields_within(prefix: str) -> Iterator[None]:
    """Name the fields of a :class:`~engine.errors.DataError` raised inside as parts of ``prefix``.

    The start body carries the form under ``form``: the engine's ``catatan`` is ``form.catatan``
    for the API caller, and so are the per-field problems of a case-data error.
    """
    try:
        yield
    except DataError as exc:
        exc.field = f"{prefix}.{exc.field}" if exc.field else prefix
        exc.field_prefix = prefix  # type: ignore[attr-defined]
        raise


def problems_of(error: Exception, lang: str) -> list[dict[str, str]]:
    """The per-field problems of a case-data error as ``[{"field", "error"}]`` (empty for other errors)."""
    prefix = getattr(error, "field_prefix", "")
    found = []
    for item in getattr(error, "problems", None) or ():
        name = getattr(item, "element_id", "") or ""
        field = f"{prefix}.{name}" if prefix and name else (name or prefix or "body")
        code = getattr(item, "code", "")
        text = message(code, lang, **dict(getattr(item, "params", ()))) if code else str(item)
        found.append({"field": field, "error": text})
    return found


def multipart_file(name: str) -> Any:
    """The file posted as ``name`` in a ``multipart/form-data`` body.

    :raises ParameterError: 400: another content type (naming ``body``), or no file ``name``.
    """
    if request.mimetype != "multipart/form-data":
        raise ParameterError("web.bad_content_type", "body", expected="multipart/form-data",
                             content_type=_content_type())
    upload = request.files.get(name)
    if upload is None or not upload.filename:
        raise ParameterError("web.file_required", name)
    return upload


def typed_flag(name: str) -> bool:
    """A yes/no form value of a multipart body: ``1``/``0`` (or ``true``/``false``); absent is no.

    :raises ParameterError: 400 naming ``name`` for anything else.
    """
    text = request.form.get(name, "").strip().lower()
    if text in ("", "0", "false"):
        return False
    if text in ("1", "true"):
        return True
    raise ParameterError("web.bad_choice", name, value=text[:40], choices="0, 1")
