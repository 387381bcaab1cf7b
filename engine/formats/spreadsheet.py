"""Helpers for writing spreadsheet cells safely (office exports, CSV downloads)."""

from __future__ import annotations

#: First characters that make a spreadsheet program read a cell as a formula (or DDE command).
FORMULA_PREFIXES = ("=", "+", "-", "@", "\t", "\r")


def neutralise(text: str) -> str:
    """Return ``text`` so that no spreadsheet program runs it as a formula.

    A cell whose text starts with ``= + - @``, a tab or a carriage return gets a leading apostrophe
    (the quote Excel and LibreOffice themselves use to mark "text, not formula"); so does a text that
    already starts with apostrophes before such a character, so :func:`unneutralise` gives it back
    unchanged. A lone ``-`` (the "empty" mark of official tables) is kept: it cannot be a formula.
    """
    if text != "-" and text.lstrip("'").startswith(FORMULA_PREFIXES):
        return "'" + text
    return text


def unneutralise(text: str) -> str:
    """Undo :func:`neutralise` when reading a cell back."""
    if text.startswith("'") and text.lstrip("'").startswith(FORMULA_PREFIXES) and text != "'-":
        return text[1:]
    return text
