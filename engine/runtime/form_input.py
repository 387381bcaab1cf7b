"""Completion forms as the web page and the API post them, turned into the runtime's form with typed values.

Both entry points go through :func:`typed_values`, so a process value reaches the SOP's conditions
(``syarat``) with the same type whichever way it was entered: ``"5"`` typed in the page's ``data``
box and ``"5"`` sent as a JSON string are both the integer 5.
"""

from __future__ import annotations

import re
from collections.abc import Mapping
from typing import Any, Protocol

_INTEGER = re.compile(r"-?[0-9]+\Z")


class Fields(Protocol):
    """A posted form: a field's text and a multi-valued field's texts (a multi-valued mapping such as the web framework's form)."""

    def get(self, key: str, default: str = "") -> str: ...

    def getlist(self, key: str) -> list[str]: ...


def typed_value(value: Any) -> Any:
    """A posted process value: an integer when the text is one (``-3``, ``12``), else the text stripped.

    Values that are not text (numbers, booleans, lists from JSON) are kept as they are.
    """
    if not isinstance(value, str):
        return value
    text = value.strip()
    return int(text) if _INTEGER.match(text) else text


def typed_values(values: Mapping[str, Any]) -> dict[str, Any]:
    """Every value of ``values`` through :func:`typed_value`."""
    return {name: typed_value(value) for name, value in values.items()}


def data_lines(text: str) -> dict[str, Any]:
    """``name=value`` lines (the page's ``data`` box) as typed process values; other lines are ignored."""
    values: dict[str, Any] = {}
    for line in text.splitlines():
        if "=" in line:
            name, _, value = line.partition("=")
            values[name.strip()] = typed_value(value)
    return values


def completion_from_fields(fields: Fields, clerk_decides: bool) -> dict[str, Any]:
    """The runtime's completion form from the posted task page.

    :param clerk_decides: the step is a decision the clerk answers (``keputusan`` is read).
    """
    data: dict[str, Any] = {"kelengkapan": fields.getlist("kelengkapan"), "alasan": fields.get("alasan", ""),
                            "catatan": fields.get("catatan", "")}
    if clerk_decides:
        data["keputusan"] = fields.get("keputusan", "")
    if fields.get("output", "").strip():
        data["output"] = fields.get("output", "").strip()
    values = data_lines(fields.get("data", ""))
    if values:
        data["data"] = values
    return data


def completion_from_json(form: Any) -> Any:
    """The runtime's completion form from a JSON body: its ``data`` values typed as the page types them.

    Anything malformed is passed on unchanged, for the runtime to refuse with its own message.
    """
    if isinstance(form, Mapping) and isinstance(form.get("data"), Mapping):
        return {**form, "data": typed_values(form["data"])}
    return form
