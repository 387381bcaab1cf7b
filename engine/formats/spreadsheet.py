"""Helpers for writing spreadsheet cells safely (office exports, CSV downloads)."""

from __future__ import annotations

#: First characters that make a spreadsheet program read a cell as a formula (or DDE command).
FORMULA_PREFIXES = ("=", "+", "-", "@", "\t", "\r")


def neutralise(text: str) -> str:
    """Return ``text`` so that no spreadsheet program runs it as a formula.

    A cell whose text starts with ``= + - @``, a tab or a carriage return gets a leading apostrophe
    (the quote Excel and LibreOffice themselves use to mark "text, not formula"). A lone ``-`` (the
    "empty" mark of official tables) is kept, since it cannot be a formula.
    """
    if text and text != "-" and text.startswith(FORMULA_PREFIXES):
        return "'" + text
    return text


def unneutralise(text: str) -> str:
    """Undo :func:`neutralise` when reading back a cell Alur wrote."""
    if len(text) > 1 and text[0] == "'" and text[1:].startswith(FORMULA_PREFIXES):
        return text[1:]
    return text
