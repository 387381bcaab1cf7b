"""The message catalogue: every user-facing text of engine and CLI in Bahasa Indonesia (default) and English.

Entries are ``code: (indonesian, english)`` with ``str.format`` fields. They are kept per stage in the
modules of this package (``sop``, ``runtime``, ``monitoring``, ``render``, ``cli``, ``web``, ``lifecycle``) so that
each stage owns its words, and merged here into one catalogue: a code is defined once (a test says so).
Keys of errors are the :attr:`engine.errors.AlurError.code` values.
"""

from __future__ import annotations

from engine.messages import cli, lifecycle, monitoring, render, runtime, sop, web

LANGUAGES = ("id", "en")

_CATALOGUE: dict[str, tuple[str, str]] = {}
for _module in (sop, runtime, monitoring, render, cli, web, lifecycle):
    _CATALOGUE.update(_module.ENTRIES)


def message(code: str, lang: str = "id", **params: str) -> str:
    """Render catalogue entry ``code`` in ``lang`` with ``params``.

    An unknown code renders as the code itself with its parameters, so a missing entry is visible
    rather than hidden.
    """
    entry = _CATALOGUE.get(code)
    if entry is None:
        details = ", ".join(f"{key}={value}" for key, value in sorted(params.items()))
        return f"{code} ({details})" if details else code
    template = entry[1] if lang == "en" else entry[0]
    try:
        return template.format(**params)
    except (KeyError, IndexError):
        return template


def register(entries: dict[str, tuple[str, str]]) -> None:
    """Add catalogue entries (used by the modules that own them)."""
    _CATALOGUE.update(entries)


def known_codes() -> frozenset[str]:
    """Every catalogue key (for tests that check each problem code has both languages)."""
    return frozenset(_CATALOGUE)
