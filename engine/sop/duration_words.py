"""Read the words of a WAKTU text before its grammar: numbers in words, legal restatements, bounds.

:func:`normalise` turns the forms real SOPs write into the small language
:mod:`engine.sop.durations` parses: lower case, single spaces, numbers in digits::

    "Paling lama 14 (empat belas) hari kerja"   -> "14 hari kerja"
    "tiga hari", "sehari", "setengah jam"        -> "3 hari", "1 hari", "1/2 jam"
    "1½ jam", "½ jam"                            -> "1 1/2 jam", "1/2 jam"
    "30'", "2 X 24 Jam", "maks. 2 jam/berkas"    -> "30 '", "2 x24jam", "2 jam"

An upper-bound prefix ("paling lama", "paling lambat", "maksimal", "maks.", "selambat-lambatnya",
"≤", "tidak lebih dari", "dalam waktu", "at most", "within") changes nothing: the standard is
already an upper bound. A trailing "per berkas" / "/berkas" or "sejak ..." / "terhitung ..."
qualifier is dropped too; the time still counts from when the step becomes ready. An
approximation ("± 2 hari kerja", "+/- 2 jam", "kurang lebih 3 hari", "lebih kurang 2 hari",
"kira-kira 1 jam", "sekitar 30 menit", "about 2 hours") counts as the figure it states: the standard
a step is measured against is that figure, and the text as written keeps the approximation.
"""

from __future__ import annotations

import re
from fractions import Fraction

from engine.errors import DurationError

#: Number words: value, in Indonesian and English.
_DIGITS: dict[str, int] = {
    "nol": 0, "satu": 1, "dua": 2, "tiga": 3, "empat": 4, "lima": 5, "enam": 6, "tujuh": 7,
    "delapan": 8, "sembilan": 9, "sepuluh": 10, "sebelas": 11,
    "zero": 0, "one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7,
    "eight": 8, "nine": 9, "ten": 10, "eleven": 11, "twelve": 12, "thirteen": 13, "fourteen": 14,
    "fifteen": 15, "sixteen": 16, "seventeen": 17, "eighteen": 18, "nineteen": 19,
    "twenty": 20, "thirty": 30, "forty": 40, "fifty": 50, "sixty": 60, "seventy": 70, "eighty": 80,
    "ninety": 90,
}
#: Multipliers: "empat belas" = 4 + 10, "dua puluh" = 2 x 10, "dua ratus", "one hundred".
_MULTIPLIERS: dict[str, int] = {"puluh": 10, "ratus": 100, "hundred": 100}
_HUNDREDS: dict[str, int] = {"seratus": 100, "seribu": 1000}
_HALVES: dict[str, Fraction] = {"setengah": Fraction(1, 2), "seperempat": Fraction(1, 4), "half": Fraction(1, 2)}
_NUMBER_WORDS = frozenset(_DIGITS) | frozenset(_MULTIPLIERS) | frozenset(_HUNDREDS) | frozenset(_HALVES) | {
    "belas", "ribu"}

_UNICODE_FRACTIONS = {"\u00bd": "1/2", "\u00bc": "1/4", "\u00be": "3/4", "\u2153": "1/3", "\u2154": "2/3"}

#: A number in digits: "1 1/2", "1/2", "1,5", "14".
NUMBER = r"\d+\s+\d+/\d+|\d+/\d+|\d+(?:[.,]\d+)?"

_PREFIX = re.compile(
    r"^(?:(?:paling\s+(?:lama|lambat)|selambat-lambatnya|maksimal|maksimum|maks|max|kurang\s+dari|"
    r"tidak\s+lebih\s+dari|tidak\s+melebihi|dalam(?:\s+jangka)?(?:\s+waktu)?|jangka\s+waktu|at\s+most|"
    r"up\s+to|no\s+more\s+than|not\s+more\s+than|within|maximum|in)(?:\s*:\s*|\s+)"
    r"|(?:\u2264|<=|<|maks\.|max\.)\s*)+")
#: Approximation words before the figure (counted as the stated figure).
_APPROXIMATE = re.compile(
    r"^(?:(?:kurang\s+lebih|lebih\s+kurang|kira-kira|kira\s+kira|kurleb|sekitar|approximately|approx|about|"
    r"around|roughly|circa|ca)\.?(?:\s*:\s*|\s+)|(?:\u00b1|\+\s*/\s*-|\+-|~)\s*)+")
_SUFFIX = re.compile(
    r"(?:\s*/\s*[a-z]+|\s+per\s+[a-z]+(?:\s+[a-z]+)?|\s+(?:sejak|setelah|sesudah|terhitung|since|after|from)\s.*)$")
_SE = re.compile(r"\bse(detik|menit|jam|hari|minggu|pekan|bulan|tahun)\b")
_A_UNIT = re.compile(r"\b(?:an?)\s+(?=(?:second|minute|hour|day|week|month|year)s?\b)")
_HALF_AN = re.compile(r"\bhalf\s+an?\s+")
_AND_A_HALF = re.compile(r"\s+and\s+a\s+half\b")
_WORD_RUN = re.compile(r"[a-z]+(?:[\s-]+[a-z]+)*")
_RESTATED = re.compile(rf"(?P<num>{NUMBER})\s*\(\s*(?P<again>{NUMBER})\s*\)")
_TIMES_24 = re.compile(rf"(?P<num>{NUMBER})\s*x\s*24\s*(?:jam|hours?|hrs?|h)\b")


def fraction(text: str) -> Fraction:
    """The value of a :data:`NUMBER` text: ``"1 1/2"`` -> 3/2, ``"1,5"`` -> 3/2."""
    text = text.strip()
    if "/" in text:
        whole, _, rest = text.rpartition(" ")
        numerator, denominator = rest.split("/")
        if int(denominator) == 0:
            raise ZeroDivisionError(text)
        return Fraction(int(whole or 0)) + Fraction(int(numerator), int(denominator))
    return Fraction(text.replace(",", "."))


def _digits(value: Fraction) -> str:
    """``value`` as a :data:`NUMBER` text: 3/2 -> ``"1 1/2"``."""
    whole, rest = divmod(value, 1)
    if not rest:
        return str(int(whole))
    part = f"{rest.numerator}/{rest.denominator}"
    return f"{int(whole)} {part}" if whole else part


def _words_value(tokens: list[str]) -> Fraction | None:
    """The value of a run of number words, or ``None`` when it is not one number."""
    total, current, seen = 0, 0, False
    half = Fraction(0)
    for token in tokens:
        if token in _DIGITS:
            digit = _DIGITS[token]
            if current and not (current % 10 == 0 and current % 100 >= 20 and digit < 10):
                return None
            current += digit
        elif token == "belas":
            if not current or current > 9:
                return None
            current += 10
        elif token in _MULTIPLIERS:
            if not current:
                return None
            if _MULTIPLIERS[token] == 100:
                total, current = total + current * 100, 0
            else:
                current *= _MULTIPLIERS[token]
        elif token in _HUNDREDS:
            total += _HUNDREDS[token]
        elif token == "ribu":
            total, current = (total + current) * 1000, 0
        elif token in _HALVES:
            if half:
                return None
            half = _HALVES[token]
        else:
            return None
        seen = True
    return Fraction(total + current) + half if seen else None


def _convert(chunk: str) -> tuple[str, bool]:
    """``chunk`` with each group of number words in digits, and whether every group was a number."""
    out: list[str] = []
    run: list[str] = []
    whole = True
    for token in [*chunk.split(), ""]:
        if token in _NUMBER_WORDS:
            run.append(token)
            continue
        if run:
            value = _words_value(run)
            whole = whole and value is not None
            out.append(_digits(value) if value is not None else " ".join(run))
            run = []
        if token:
            out.append(token)
    return " ".join(out), whole


def _replace_words(text: str) -> str:
    """Write each run of number words in digits: "empat belas hari" -> "14 hari", "dua-tiga" -> "2-3"."""
    def replace(match: re.Match[str]) -> str:
        chunk = match.group(0)
        joined, whole = _convert(chunk.replace("-", " "))
        if whole or "-" not in chunk:
            return joined
        return "-".join(_convert(part)[0] for part in chunk.split("-"))
    return _WORD_RUN.sub(replace, text)


def _one_number(text: str, raw: str) -> str:
    """Fold "14 (14)" (a number restated in words, then converted) into "14"."""
    def fold(match: re.Match[str]) -> str:
        if fraction(match.group("num")) != fraction(match.group("again")):
            raise DurationError.from_code("duration_words_disagree", raw, raw=raw, num=match.group('num'),
                                          again=match.group('again'))
        return match.group("num")
    return _RESTATED.sub(fold, text)


def normalise(raw: str) -> str:
    """The WAKTU text ``raw`` in the parser's language (see the module docstring).

    :raises DurationError: when a number and its restatement in parentheses differ.
    """
    text = " ".join(raw.lower().replace("\u00a0", " ").split())
    for mark, digits in _UNICODE_FRACTIONS.items():
        text = re.sub(rf"(\d)\s*{mark}", rf"\1 {digits}", text).replace(mark, digits)
    text = (text.replace("\u2019", "'").replace("\u2032", "'").replace("\u00d7", "x")
            .replace("\u2013", "-").replace("\u2014", "-"))
    text = text.rstrip(" .;,")
    text = _APPROXIMATE.sub("", _PREFIX.sub("", _APPROXIMATE.sub("", text)))  # "sekitar maks. 2 jam" too
    text = _SUFFIX.sub("", text)
    text = _SE.sub(r"1 \1", text)
    text = _HALF_AN.sub("half ", text)
    text = _AND_A_HALF.sub(" half", text)
    text = _A_UNIT.sub("1 ", text)
    text = _replace_words(text)
    text = _one_number(text, raw.strip())
    text = _TIMES_24.sub(lambda match: f"{match.group('num')} x24jam", text)
    return " ".join(text.split())
