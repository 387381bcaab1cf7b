"""Case registration numbers from a pattern per SOP (``pola_nomor_registrasi``).

A pattern is text with placeholders in braces, e.g. ``{kode}/{urut:05d}/{tahun}`` (the default)
or ``SKTM/{urut:04d}/{bulan:romawi}/{tahun}``. It is parsed here, character by character, never
handed to :meth:`str.format`: a user's pattern cannot reach attributes or indexes
(``{kode.__class__}``, ``{urut[0]}``), and every placeholder and format is from a short list:

=============  ===============================================  =====================
placeholder    value                                            formats
=============  ===============================================  =====================
``kode``       the SOP's nomor (``003/SOP/UMUM/2026``)          none
``urut``       the running number, per SOP and year (from 1)    ``d``, ``0Nd`` (N 1-9)
``tahun``      the year, four digits                            none
``bulan``      the month                                        ``d``, ``02d``, ``romawi``
``unit``       the SOP's unit                                   none
=============  ===============================================  =====================

``{{`` and ``}}`` write a brace. A pattern must contain ``{urut}`` and ``{tahun}``, so that no two
cases of an SOP get the same number. The counter itself (unique under concurrency) lives in the
store; this module is the pure part.
"""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass

from engine.errors import Problem, ProcessDefinitionError, problem
from engine.sop.model import Sop

DEFAULT_PATTERN = "{kode}/{urut:05d}/{tahun}"
PLACEHOLDERS = ("kode", "urut", "tahun", "bulan", "unit")
#: Longest pattern, and longest number it may make, in characters.
MAX_PATTERN = 100
MAX_NUMBER_LENGTH = 200
ROMAN_MONTHS = ("I", "II", "III", "IV", "V", "VI", "VII", "VIII", "IX", "X", "XI", "XII")
_FORMATS = {"kode": {""}, "tahun": {""}, "unit": {""}, "bulan": {"", "d", "02d", "romawi"}}
_ZERO_PADDED = re.compile(r"^0([1-9])d$")
_CONTROL = re.compile("[\x00-\x1f\x7f]")


@dataclass(frozen=True)
class Part:
    """A piece of a parsed pattern: literal text, or a placeholder with its format."""

    literal: str = ""
    name: str = ""
    spec: str = ""


class PatternError(ValueError):
    """A pattern that cannot be used; internal, turned into a :class:`Problem` or an error."""

    def __init__(self, code: str, **params: object) -> None:
        super().__init__(code)
        self.code = code
        self.params = {key: str(value) for key, value in params.items()}


def parse_pattern(pattern: str) -> tuple[Part, ...]:
    """Split ``pattern`` into literal text and placeholders.

    :raises PatternError: unbalanced braces, an unknown placeholder or format, a missing
        ``{urut}`` or ``{tahun}``, too long, control characters.
    """
    if len(pattern) > MAX_PATTERN:
        raise PatternError("pattern_too_long", length=len(pattern), limit=MAX_PATTERN)
    if _CONTROL.search(pattern):
        raise PatternError("pattern_control_characters")
    parts: list[Part] = []
    literal: list[str] = []
    index = 0
    while index < len(pattern):
        char = pattern[index]
        if char in "{}" and pattern[index:index + 2] in ("{{", "}}"):
            literal.append(char)
            index += 2
            continue
        if char == "}":
            raise PatternError("pattern_unbalanced", position=index + 1)
        if char != "{":
            literal.append(char)
            index += 1
            continue
        end = pattern.find("}", index)
        if end < 0 or "{" in pattern[index + 1:end]:
            raise PatternError("pattern_unbalanced", position=index + 1)
        name, _, spec = pattern[index + 1:end].partition(":")
        if name not in PLACEHOLDERS:
            raise PatternError("pattern_unknown_placeholder", placeholder=pattern[index:end + 1],
                               known=", ".join(f"{{{known}}}" for known in PLACEHOLDERS))
        allowed = _FORMATS.get(name)
        if (allowed is not None and spec not in allowed) or (name == "urut" and spec not in ("", "d")
                                                              and not _ZERO_PADDED.match(spec)):
            raise PatternError("pattern_bad_format", placeholder=pattern[index:end + 1])
        if literal:
            parts.append(Part(literal="".join(literal)))
            literal = []
        parts.append(Part(name=name, spec=spec))
        index = end + 1
    if literal:
        parts.append(Part(literal="".join(literal)))
    names = {part.name for part in parts}
    for needed in ("urut", "tahun"):
        if needed not in names:
            raise PatternError("pattern_missing_placeholder", placeholder=f"{{{needed}}}")
    return tuple(parts)


def format_registration(pattern: str, *, urut: int, tahun: int, bulan: int, kode: str = "", unit: str = "") -> str:
    """The registration number ``pattern`` makes from these values.

    :raises ProcessDefinitionError: the pattern cannot be used (``alur check`` refuses it first).
    :raises ValueError: ``urut`` below 1, a year or month out of range, a number too long.
    """
    try:
        parts = parse_pattern(pattern)
    except PatternError as exc:
        found = problem(exc.code, **exc.params)
        raise ProcessDefinitionError(found.render(), [found]) from None
    if urut < 1 or not 1 <= bulan <= 12 or not 1900 <= tahun <= 9999:
        raise ValueError(f"urut={urut}, tahun={tahun}, bulan={bulan}")
    values = {"kode": " ".join(kode.split()), "unit": " ".join(unit.split())}
    pieces: list[str] = []
    for part in parts:
        if not part.name:
            pieces.append(part.literal)
        elif part.name == "urut":
            padded = _ZERO_PADDED.match(part.spec)
            pieces.append(str(urut).zfill(int(padded.group(1))) if padded else str(urut))
        elif part.name == "tahun":
            pieces.append(f"{tahun:04d}")
        elif part.name == "bulan":
            pieces.append(ROMAN_MONTHS[bulan - 1] if part.spec == "romawi"
                          else f"{bulan:02d}" if part.spec == "02d" else str(bulan))
        else:
            pieces.append(values[part.name])
    number = "".join(pieces)
    if len(number) > MAX_NUMBER_LENGTH:
        raise ValueError(f"registration number longer than {MAX_NUMBER_LENGTH} characters")
    return number


def registration_number(sop: Sop, urut: int, day: dt.date) -> str:
    """The registration number of the ``urut``-th case of ``sop`` in ``day``'s year.

    Uses the SOP's ``pola_nomor_registrasi`` (or :data:`DEFAULT_PATTERN`), its nomor as ``{kode}``
    and its unit as ``{unit}``.
    """
    pattern = sop.identity.pola_nomor_registrasi or DEFAULT_PATTERN
    return format_registration(pattern, urut=urut, tahun=day.year, bulan=day.month, kode=sop.identity.nomor,
                               unit=sop.identity.unit)


def check_pattern(sop: Sop) -> list[Problem]:
    """The problem of the SOP's registration pattern, if any (an empty pattern is the default)."""
    pattern = sop.identity.pola_nomor_registrasi
    if not pattern:
        return []
    try:
        parse_pattern(pattern)
    except PatternError as exc:
        return [problem(exc.code, "pola_nomor_registrasi", pattern=pattern, **exc.params)]
    return []


__all__ = ["DEFAULT_PATTERN", "PLACEHOLDERS", "Part", "PatternError", "check_pattern", "format_registration",
           "parse_pattern", "registration_number"]
