"""Personal data (UU 27/2022) in case values: digests for the event log, masks for lists and exports.

The append-only, exportable event bodies never hold a personal value (a field declared
``personal``: NIK, alamat, telepon ...). They hold a digest instead::

    {"nik_pemohon": {"sidik": "hmac-sha256:5f0c..."}}

The digest is an HMAC of the canonical JSON of the value keyed by a random salt kept per instance
in ``case_salts`` (never in an event), so a 16-digit NIK cannot be found from an exported log by
trying every number, while whoever holds the case table can still prove that the value in it is
the one the chain recorded. Erasing a case (the retention rule) removes its values and its salt:
the chain still verifies, and the digests prove nothing about anyone any more.

Masks keep enough to recognise a case at the counter ("3201********0001", "Siti A****") and no
more; who may see a value unmasked is decided by :mod:`engine.access.policy`.
"""

from __future__ import annotations

import hashlib
import hmac
import secrets
from collections.abc import Mapping
from typing import Any

from engine.runtime.audit import canonical_json
from engine.sop.fields import Field, FieldType, field_named
from engine.sop.values import condition_value

#: The key of a digest in an event's ``data``.
DIGEST_KEY = "sidik"
DIGEST_PREFIX = "hmac-sha256:"
#: What replaces a hidden character.
MASK = "*"


def new_salt() -> str:
    """A fresh random salt for one instance (128 bits, hex)."""
    return secrets.token_hex(16)


def value_digest(salt: str, name: str, value: Any) -> str:
    """The digest an event records for the personal value ``value`` of field ``name``."""
    message = canonical_json({"name": name, "value": condition_value(value)}).encode("utf-8")
    return DIGEST_PREFIX + hmac.new(salt.encode("ascii"), message, hashlib.sha256).hexdigest()


def event_case_data(fields: tuple[Field, ...], values: Mapping[str, Any], salt: str) -> dict[str, Any]:
    """What an event records of typed case values: personal ones as digests, the others as JSON."""
    recorded: dict[str, Any] = {}
    for name, value in values.items():
        declared = field_named(fields, name)
        if declared is not None and declared.personal:
            recorded[name] = {DIGEST_KEY: value_digest(salt, name, value)}
        else:
            recorded[name] = condition_value(value)
    return recorded


def _mask_text(text: str, keep_start: int, keep_end: int) -> str:
    if len(text) <= keep_start + keep_end:
        return MASK * len(text)
    return text[:keep_start] + MASK * (len(text) - keep_start - keep_end) + (text[-keep_end:] if keep_end else "")


def _mask_words(text: str) -> str:
    """The first word whole, each other word by its first letter: "Siti Aminah" -> "Siti A*****"."""
    words = text.split()
    if len(words) <= 1:
        return _mask_text(text, 1, 0)
    return " ".join([words[0], *(word[0] + MASK * (len(word) - 1) for word in words[1:])])


def mask_value(item: Field | None, value: Any) -> str:
    """``value`` as a list, a trace or an export shows a personal value: masked text."""
    if value is None:
        return ""
    kind = item.type if item is not None else FieldType.TEXT
    if kind in (FieldType.NIK, FieldType.NIP):
        return _mask_text(str(value), 4, 4)
    if kind is FieldType.PHONE:
        return _mask_text(str(value), 5, 2)
    if kind is FieldType.EMAIL:
        local, _, domain = str(value).partition("@")
        return f"{_mask_text(local, 1, 0)}@{domain}" if domain else _mask_text(local, 1, 0)
    if kind is FieldType.TEXT:
        return _mask_words(str(value))
    if kind is FieldType.TABLE and isinstance(value, list):
        return MASK * 3 + f" ({len(value)})"
    if kind is FieldType.LONG_TEXT:
        first_line = str(value).strip().splitlines()[0] if str(value).strip() else ""
        return _mask_words(first_line[:40]) if first_line else ""
    return MASK * 4


def shown_value(item: Field | None, value: Any, unmasked: bool) -> Any:
    """``value`` as shown: itself (as JSON) when not personal or ``unmasked``, else :func:`mask_value`."""
    if item is None or not item.personal or unmasked:
        return condition_value(value)
    return mask_value(item, value)


def is_digest(value: Any) -> bool:
    """Whether an event's data value is a personal-value digest."""
    return isinstance(value, Mapping) and set(value) == {DIGEST_KEY} and str(value[DIGEST_KEY]).startswith(
        DIGEST_PREFIX)


__all__ = ["DIGEST_KEY", "event_case_data", "is_digest", "mask_value", "new_salt", "shown_value", "value_digest"]
