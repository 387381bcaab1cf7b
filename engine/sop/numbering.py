"""Nomor SOP from a configurable pattern of the local tata naskah dinas.

A pattern such as ``{urut:03d}/SOP/{unit}/{tahun}`` gives ``004/SOP/ORG/2026`` when ``003`` is
the highest number of that unit and year already used. Only the fields ``urut`` (sequence),
``unit`` (unit code), ``tahun`` (year) and ``bulan`` (month, also as Roman numeral ``bulan_romawi``)
are allowed, with plain format specs: a pattern is configuration, never code.
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Iterable
from string import Formatter

from engine.errors import InputError

DEFAULT_PATTERN = "{urut:03d}/SOP/{unit}/{tahun}"
FIELDS = ("urut", "unit", "tahun", "bulan", "bulan_romawi")
_ROMAN = ("I", "II", "III", "IV", "V", "VI", "VII", "VIII", "IX", "X", "XI", "XII")
_SPEC = re.compile(r"^0?\d{0,2}d?$")


def check_pattern(pattern: str) -> None:
    """Refuse a pattern with unknown fields, attribute or index access, or odd format specs.

    :raises InputError: naming what is wrong.
    """
    try:
        parts = list(Formatter().parse(pattern))
    except ValueError as exc:
        raise InputError.from_code("bad_number_pattern", pattern=pattern, reason=str(exc)) from exc
    names = [name for _, name, _, _ in parts if name is not None]
    if "urut" not in names:
        raise InputError.from_code("bad_number_pattern", pattern=pattern, reason="{urut} wajib ada")
    for _, name, spec, conversion in parts:
        if name is None:
            continue
        if name not in FIELDS:
            raise InputError.from_code("bad_number_pattern", pattern=pattern, reason=f"bidang '{name}' tidak dikenal")
        if conversion or (spec and not _SPEC.match(spec)):
            raise InputError.from_code("bad_number_pattern", pattern=pattern, reason=f"format '{spec}' tidak didukung")


def _regex(pattern: str, unit: str, when: dt.date) -> re.Pattern[str]:
    expression = ""
    for literal, name, _, _ in Formatter().parse(pattern):
        expression += re.escape(literal)
        if name == "urut":
            expression += r"(?P<urut>\d+)"
        elif name is not None:
            expression += re.escape(_values(unit, when, 0)[name])
    return re.compile(f"^{expression}$", re.IGNORECASE)


def _values(unit: str, when: dt.date, sequence: int) -> dict[str, str]:
    return {"unit": unit, "tahun": str(when.year), "bulan": f"{when.month:02d}",
            "bulan_romawi": _ROMAN[when.month - 1], "urut": str(sequence)}


def next_number(pattern: str, existing: Iterable[str], unit: str, when: dt.date) -> str:
    """The next free nomor for ``unit`` at ``when`` under ``pattern``.

    :raises InputError: when the pattern is not valid.
    """
    check_pattern(pattern)
    matcher = _regex(pattern, unit, when)
    used = [int(match.group("urut")) for text in existing if (match := matcher.match(text.strip()))]
    sequence = max(used, default=0) + 1
    values: dict[str, object] = dict(_values(unit, when, sequence))
    values["urut"] = sequence
    return pattern.format(**values)
