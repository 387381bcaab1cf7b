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


_GROUP = re.compile(r"\d+")


def _spaced(text: str) -> str:
    """``text`` with the spaces around separators gone (``007 / SOP / ORG`` reads as ``007/SOP/ORG``)."""
    return re.sub(r"\s*([/.\-_])\s*", r"\1", text.strip())


def _bounded(needle: str, text: str) -> re.Match[str] | None:
    """Where ``needle`` stands in ``text`` as a whole part (not inside a longer word or number)."""
    return re.search(rf"(?<![0-9A-Za-z]){re.escape(needle)}(?![0-9A-Za-z])", text, re.IGNORECASE)


def other_format_sequence(text: str, pattern: str, unit: str, when: dt.date) -> int | None:
    """The sequence of a number of ``unit`` written in another format than ``pattern``, or ``None``.

    A number belongs to the unit when it names the unit code as a whole part and, when the pattern
    has ``{tahun}``, the year (and, with ``{bulan}``, a month other than ``when``'s does not count
    against it). What is left must be exactly one group of digits, the sequence: ``SOP-ORG/XI/2026/12``
    gives 12 for ``{urut:03d}/SOP/{unit}/{tahun}``; ``800/012/ORG/2026`` (two groups) is ambiguous
    and gives ``None``, so it never moves the next number by a guess.
    """
    fields = {name for _, name, _, _ in Formatter().parse(pattern) if name is not None}
    text = _spaced(text)
    found = _bounded(_spaced(unit), text) if unit.strip() else None
    if found is None:
        return None
    rest = text[:found.start()] + "/" + text[found.end():]
    if "tahun" in fields:
        year = _bounded(str(when.year), rest)
        if year is None:
            return None
        rest = rest[:year.start()] + "/" + rest[year.end():]
    for literal, _, _, _ in Formatter().parse(pattern):  # digits written into the pattern itself (800/...)
        for digits in _GROUP.findall(literal):
            if (fixed := _bounded(digits, rest)) is not None:
                rest = rest[:fixed.start()] + "/" + rest[fixed.end():]
    groups = _GROUP.findall(rest)
    if "bulan" in fields and len(groups) == 2:
        groups = [group for group in groups if int(group) != when.month] or groups
    return int(groups[0]) if len(groups) == 1 else None


def next_number(pattern: str, existing: Iterable[str], unit: str, when: dt.date) -> str:
    """The next free nomor for ``unit`` at ``when`` under ``pattern``.

    Numbers written in another format (an older pattern, another padding, spaces) count too when
    their unit, year and sequence can be read (:func:`other_format_sequence`).

    :raises InputError: when the pattern is not valid.
    """
    check_pattern(pattern)
    matcher = _regex(pattern, unit, when)
    used: list[int] = []
    for text in existing:
        match = matcher.match(text.strip()) or matcher.match(_spaced(text))
        sequence_found = int(match.group("urut")) if match else other_format_sequence(text, pattern, unit, when)
        if sequence_found is not None:
            used.append(sequence_found)
    sequence = max(used, default=0) + 1
    values: dict[str, object] = dict(_values(unit, when, sequence))
    values["urut"] = sequence
    return pattern.format(**values)
