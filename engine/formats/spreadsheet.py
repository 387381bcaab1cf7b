"""Spreadsheet safety for every XLSX and CSV Alur writes: text that a spreadsheet would run as a formula.

A cell whose text starts with ``=``, ``+``, ``-``, ``@``, a tab or a carriage return is read by
Excel, LibreOffice and Google Sheets as a formula (``=HYPERLINK(...)``, ``=2+5``, DDE tricks), so
user text such as a catatan becomes live code in the reader's spreadsheet. :func:`neutralise`
prefixes such text with an apostrophe (the spreadsheet convention for "this is text"), leaving
real numbers such as ``-5`` or ``+3.25`` and every non-text value as they are.
"""

from __future__ import annotations

import re
from typing import Iterable, TypeVar, overload

_T = TypeVar("_T")

#: Characters that make a spreadsheet treat a cell's text as a formula.
FORMULA_PREFIXES = ("=", "+", "-", "@", "\t", "\r")
_NUMBER = re.compile(r"[+-]?(\d+([.,]\d*)?|[.,]\d+)([eE][+-]?\d+)?")


@overload
def neutralise(value: str) -> str: ...
@overload
def neutralise(value: _T) -> _T: ...


def neutralise(value: object) -> object:
    """``value`` safe for a spreadsheet cell: text that would run as a formula gets a leading ``'``.

    >>> neutralise("=HYPERLINK(\\"http://x\\")")
    '\\'=HYPERLINK("http://x")'
    >>> neutralise("-5"), neutralise(7), neutralise("Surat masuk")
    ('-5', 7, 'Surat masuk')
    """
    if isinstance(value, str) and _needs_mark(value):
        return "'" + value
    return value


def _needs_mark(text: str) -> bool:
    # Text that already starts with the mark before a formula gets one more, so restore() is exact.
    if text.startswith("'"):
        return _needs_mark(text[1:])
    return text.startswith(FORMULA_PREFIXES) and not _NUMBER.fullmatch(text)


def restore(text: str) -> str:
    """The text :func:`neutralise` was given (for readers of Alur's own CSV): one mark removed where it added one."""
    return text[1:] if text.startswith("'") and _needs_mark(text[1:]) else text


def neutralise_row(values: Iterable[object]) -> list[object]:
    """:func:`neutralise` applied to every value of a row."""
    return [neutralise(value) for value in values]
