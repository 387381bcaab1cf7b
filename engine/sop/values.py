"""Typed values of case fields from what people type: parsing, validation and the condition data.

:func:`parse_field_value` turns one raw value (form text, or a JSON value from the API) into the
field's typed value or raises :class:`~engine.errors.DataError` naming the field, with a catalogue
message (NIK must be 16 digits, a date like ``2025-03-03`` or ``3 Maret 2025``, money like
``Rp 1.500.000`` ...). :func:`validate_case_data` checks everything a step sends at once and names
every field that is wrong. Nothing is evaluated; every type has a length limit, so a huge value
is refused before it is looked at.
"""

from __future__ import annotations

import datetime as dt
import math
import re
from collections.abc import Mapping
from typing import Any

from engine.errors import DataError, Problem, problem
from engine.messages import message
from engine.sop.fields import START, Field, FieldType, fields_at
from engine.sop.model import Sop

#: Longest raw text accepted per type, in characters (after trimming).
MAX_LENGTH: dict[FieldType, int] = {
    FieldType.TEXT: 200,
    FieldType.LONG_TEXT: 4_000,
    FieldType.INTEGER: 24,
    FieldType.DECIMAL: 32,
    FieldType.DATE: 40,
    FieldType.CHOICE: 200,
    FieldType.YES_NO: 10,
    FieldType.NIK: 40,
    FieldType.NIP: 40,
    FieldType.PHONE: 30,
    FieldType.EMAIL: 254,
    FieldType.MONEY: 40,
}
#: Most rows of a table field.
MAX_ROWS = 200
#: Largest absolute integer, decimal or money value (a thousand trillion).
MAX_NUMBER = 10**15

#: Indonesian (and English) month names and abbreviations.
MONTHS: dict[str, int] = {
    "januari": 1, "jan": 1, "january": 1,
    "februari": 2, "feb": 2, "pebruari": 2, "february": 2,
    "maret": 3, "mar": 3, "march": 3,
    "april": 4, "apr": 4,
    "mei": 5, "may": 5,
    "juni": 6, "jun": 6, "june": 6,
    "juli": 7, "jul": 7, "july": 7,
    "agustus": 8, "agu": 8, "agt": 8, "ags": 8, "aug": 8, "august": 8,
    "september": 9, "sep": 9, "sept": 9,
    "oktober": 10, "okt": 10, "oct": 10, "october": 10,
    "november": 11, "nov": 11, "nopember": 11,
    "desember": 12, "des": 12, "dec": 12, "december": 12,
}
_YES = frozenset({"ya", "y", "yes", "true", "1", "on", "benar", "iya"})
_NO = frozenset({"tidak", "t", "no", "n", "false", "0", "off", "salah", "bukan"})
_CONTROL = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\x7f\ufffe\uffff]")
_SPACES = re.compile(r"[\s.\-]+")
_EMAIL = re.compile(r"^[A-Za-z0-9.!#$%&'*+/=?^_`{|}~-]{1,64}@[A-Za-z0-9](?:[A-Za-z0-9-]{0,61}[A-Za-z0-9])?"
                    r"(?:\.[A-Za-z0-9](?:[A-Za-z0-9-]{0,61}[A-Za-z0-9])?)+$")


def _error(item: Field, code: str, **params: object) -> DataError:
    texts = {"label": item.label("id"), **{key: str(value) for key, value in params.items()}}
    error = DataError(message(code, "id", **texts), item.name)
    error.code = code
    error.params = texts
    return error


def is_empty(raw: object) -> bool:
    """Whether ``raw`` means "nothing typed": ``None``, blank text or an empty list."""
    return raw is None or (isinstance(raw, str) and not raw.strip()) or (isinstance(raw, (list, tuple)) and not raw)


def parse_field_value(item: Field, raw: object) -> Any:
    """The typed value of ``raw`` for ``item`` (see the table in :mod:`engine.sop.fields`).

    :param raw: text as typed in a form, or a JSON value (number, boolean, list of row objects).
    :return: the typed value, or ``None`` when nothing was typed.
    :raises DataError: when ``raw`` does not fit the field; ``field`` names it, ``code`` is the
        catalogue entry.
    """
    if is_empty(raw):
        return None
    if item.type is FieldType.TABLE:
        return _table(item, raw)
    if isinstance(raw, bool):
        if item.type is FieldType.YES_NO:
            return raw
        raise _error(item, "value_wrong_type", expected=_expected(item))
    if isinstance(raw, int) and item.type in (FieldType.INTEGER, FieldType.MONEY, FieldType.DECIMAL):
        return _number_in_range(item, raw if item.type is not FieldType.DECIMAL else float(raw))
    if isinstance(raw, float) and item.type is FieldType.DECIMAL:
        return _number_in_range(item, raw)
    if isinstance(raw, dt.date) and not isinstance(raw, dt.datetime) and item.type is FieldType.DATE:
        return raw
    if not isinstance(raw, str):
        raise _error(item, "value_wrong_type", expected=_expected(item))
    text = raw.strip()
    limit = MAX_LENGTH[item.type]
    if len(text) > limit:
        raise _error(item, "value_too_long", length=len(text), limit=limit)
    if _CONTROL.search(text.replace("\n", "").replace("\r", "").replace("\t", "")):
        raise _error(item, "value_control_characters")
    return _PARSERS[item.type](item, text)


def _expected(item: Field) -> str:
    return message(f"field_type_{item.type.value}", "id")


def _number_in_range(item: Field, value: int | float) -> int | float:
    if isinstance(value, float) and not math.isfinite(value):
        raise _error(item, "value_not_number")
    if abs(value) > MAX_NUMBER:
        raise _error(item, "value_too_large", limit=f"{MAX_NUMBER:,}".replace(",", "."))
    if item.type is FieldType.MONEY and value < 0:
        raise _error(item, "value_money_negative")
    return value


def _text(item: Field, text: str) -> str:
    return " ".join(text.split())


def _long_text(item: Field, text: str) -> str:
    return "\n".join(line.rstrip() for line in text.replace("\r\n", "\n").replace("\r", "\n").split("\n"))


def _integer(item: Field, text: str) -> int:
    compact = text.replace(" ", "")
    if re.fullmatch(r"[-+]?\d+", compact) or re.fullmatch(r"[-+]?\d{1,3}(\.\d{3})+", compact):
        return int(_number_in_range(item, int(compact.replace(".", ""))))
    raise _error(item, "value_not_integer", value=_shown(text))


def _decimal(item: Field, text: str) -> float:
    compact = text.replace(" ", "")
    if re.fullmatch(r"[-+]?\d{1,3}(\.\d{3})+(,\d+)?", compact):  # 1.234,5: Indonesian grouping
        compact = compact.replace(".", "").replace(",", ".")
    elif re.fullmatch(r"[-+]?\d+(,\d+)?", compact):
        compact = compact.replace(",", ".")
    elif not re.fullmatch(r"[-+]?\d+(\.\d+)?", compact):
        raise _error(item, "value_not_decimal", value=_shown(text))
    return float(_number_in_range(item, float(compact)))


def _money(item: Field, text: str) -> int:
    compact = re.sub(r"^(rp\.?|idr)", "", text.strip().lower()).strip().replace(" ", "")
    compact = re.sub(r",-$|,0{1,2}$|\.-$", "", compact)
    if re.fullmatch(r"\d{1,3}(\.\d{3})+", compact) or re.fullmatch(r"\d+", compact):
        return int(_number_in_range(item, int(compact.replace(".", ""))))
    if compact.startswith("-"):
        raise _error(item, "value_money_negative")
    raise _error(item, "value_not_money", value=_shown(text))


def _date(item: Field, text: str) -> dt.date:
    text = " ".join(text.split())
    day = month = year = 0
    if re.fullmatch(r"\d{4}-\d{1,2}-\d{1,2}", text):
        year, month, day = (int(part) for part in text.split("-"))
    elif match := re.fullmatch(r"(\d{1,2})[-/.](\d{1,2})[-/.](\d{4})", text):
        day, month, year = (int(part) for part in match.groups())
    elif match := re.fullmatch(r"(?:[A-Za-z]+,?\s)?(\d{1,2})\s([A-Za-z]+)\.?\s(\d{4})", text):
        month = MONTHS.get(match.group(2).lower(), 0)
        day, year = int(match.group(1)), int(match.group(3))
    try:
        if not 1900 <= year <= 2200:
            raise ValueError(year)
        return dt.date(year, month, day)
    except ValueError:
        raise _error(item, "value_not_date", value=_shown(text)) from None


def _choice(item: Field, text: str) -> str:
    wanted = " ".join(text.split()).casefold()
    for option in item.options:
        if option.casefold() == wanted:
            return option
    raise _error(item, "value_not_option", value=_shown(text), options=", ".join(item.options))


def _yes_no(item: Field, text: str) -> bool:
    word = text.lower()
    if word in _YES:
        return True
    if word in _NO:
        return False
    raise _error(item, "value_not_yes_no", value=_shown(text))


def _nik(item: Field, text: str) -> str:
    digits = _SPACES.sub("", text)
    if not re.fullmatch(r"\d{16}", digits):
        raise _error(item, "value_not_nik", count=len(re.sub(r"\D", "", digits)))
    day, month = int(digits[6:8]), int(digits[8:10])
    if not (1 <= day <= 31 or 41 <= day <= 71) or not 1 <= month <= 12 or digits[:2] == "00":
        raise _error(item, "value_nik_birth")
    return digits


def _nip(item: Field, text: str) -> str:
    digits = _SPACES.sub("", text)
    if not re.fullmatch(r"\d{18}", digits):
        raise _error(item, "value_not_nip", count=len(re.sub(r"\D", "", digits)))
    try:
        dt.date(int(digits[0:4]), int(digits[4:6]), int(digits[6:8]))
        if not 1 <= int(digits[12:14]) <= 12 or digits[14] not in "12":
            raise ValueError(digits)
    except ValueError:
        raise _error(item, "value_nip_parts") from None
    return digits


def _phone(item: Field, text: str) -> str:
    compact = re.sub(r"[\s().\-]", "", text)
    if compact.startswith("+62"):
        national = compact[3:]
    elif compact.startswith("62"):
        national = compact[2:]
    elif compact.startswith("0"):
        national = compact[1:]
    else:
        raise _error(item, "value_not_phone", value=_shown(text))
    if not re.fullmatch(r"[1-9]\d{6,12}", national):
        raise _error(item, "value_not_phone", value=_shown(text))
    return "+62" + national


def _email(item: Field, text: str) -> str:
    if not _EMAIL.fullmatch(text):
        raise _error(item, "value_not_email", value=_shown(text))
    local, domain = text.rsplit("@", 1)
    return f"{local}@{domain.lower()}"


def _table(item: Field, raw: object) -> list[dict[str, Any]]:
    if not isinstance(raw, (list, tuple)) or not all(isinstance(row, Mapping) for row in raw):
        raise _error(item, "value_not_table")
    if len(raw) > MAX_ROWS:
        raise _error(item, "value_too_many_rows", count=len(raw), limit=MAX_ROWS)
    columns = {column.name: column for column in item.columns}
    rows: list[dict[str, Any]] = []
    for number, row in enumerate(raw, start=1):
        unknown = sorted(str(key) for key in row if key not in columns)
        if unknown:
            raise _error(item, "value_table_unknown_column", row=number, column=unknown[0],
                         columns=", ".join(columns))
        parsed: dict[str, Any] = {}
        for column in item.columns:
            try:
                value = parse_field_value(column, row.get(column.name))
            except DataError as exc:
                raise _error(item, "value_table_cell", row=number, column=column.label("id"),
                             reason=exc.message) from exc
            if value is None and column.required:
                raise _error(item, "value_table_cell", row=number, column=column.label("id"),
                             reason=message("field_required", "id", label=column.label("id")))
            if value is not None:
                parsed[column.name] = value
        rows.append(parsed)
    return rows


def _shown(text: str) -> str:
    return text if len(text) <= 40 else text[:39] + "…"


_PARSERS = {
    FieldType.TEXT: _text,
    FieldType.LONG_TEXT: _long_text,
    FieldType.INTEGER: _integer,
    FieldType.DECIMAL: _decimal,
    FieldType.DATE: _date,
    FieldType.CHOICE: _choice,
    FieldType.YES_NO: _yes_no,
    FieldType.NIK: _nik,
    FieldType.NIP: _nip,
    FieldType.PHONE: _phone,
    FieldType.EMAIL: _email,
    FieldType.MONEY: _money,
}


def validate_case_data(sop: Sop, step_id: str, raw: object) -> tuple[dict[str, Any], list[Problem]]:
    """Check what step ``step_id`` sends for the SOP's case fields.

    :param step_id: :data:`~engine.sop.fields.START` (or the start step's id) for "Mulai layanan",
        else the id of the step being completed.
    :param raw: field name -> raw value (form text or JSON value).
    :return: the typed values of the fields given (fields left empty are absent), and one
        :class:`~engine.errors.Problem` per field that is wrong, missing or not asked here; the
        problem's ``element_id`` is the field name. Values are only usable when there is no problem.
    """
    start_id = sop.start.id if sop.start else ""
    asked = fields_at(sop.fields, step_id, start_id)
    problems: list[Problem] = []
    if not isinstance(raw, Mapping):
        return {}, [problem("case_data_not_mapping")]
    names = {item.name for item in asked}
    where = START if step_id in (START, start_id) else step_id
    for key in raw:
        if key not in names:
            problems.append(problem("field_not_asked", str(key)[:60], step=where,
                                    fields=", ".join(sorted(names)) or "-"))
    values: dict[str, Any] = {}
    for item in asked:
        try:
            value = parse_field_value(item, raw.get(item.name))
        except DataError as exc:
            problems.append(problem(exc.code, item.name, **exc.params))
            continue
        if value is None:
            first_asked_here = item.step == where or (where == START and item.step in (START, start_id))
            if item.required and first_asked_here:
                problems.append(problem("field_required", item.name, label=item.label("id")))
            continue
        values[item.name] = value
    return values, problems


def condition_value(value: object) -> object:
    """``value`` as task data holds it (JSON): dates become ISO text, rows stay lists of objects."""
    if isinstance(value, dt.date):
        return value.isoformat()
    if isinstance(value, list):
        return [condition_value(item) for item in value]
    if isinstance(value, dict):
        return {key: condition_value(item) for key, item in value.items()}
    return value


def condition_data(values: Mapping[str, object]) -> dict[str, object]:
    """Typed case values as the data a condition reads (see :func:`condition_value`)."""
    return {name: condition_value(value) for name, value in values.items()}


__all__ = [
    "MAX_LENGTH",
    "MAX_NUMBER",
    "MAX_ROWS",
    "condition_data",
    "condition_value",
    "is_empty",
    "parse_field_value",
    "validate_case_data",
]
