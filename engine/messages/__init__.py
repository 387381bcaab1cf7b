"""The message catalogue: every user-facing text of engine and CLI in Bahasa Indonesia (default) and English.

Entries are ``code: (indonesian, english)`` with ``str.format`` fields. They are kept per stage in the
modules of this package (``sop``, ``durations``, ``bpmn``, ``runtime``, ``monitoring``, ``render``, ``cli``,
``web``, ``lifecycle``, ``office``, ``access``, ``notify``, ``organisation``)
so that
each stage owns its words, and merged here into one catalogue: a code is defined once, and a code
defined in two stage modules stops the import (:func:`merge`), so no entry silently replaces another.
Keys of errors are the :attr:`engine.errors.AlurError.code` values.
"""

from __future__ import annotations

from collections.abc import Iterable
from types import ModuleType

from engine.messages import (access, bpmn, bpmnimport, casedata, cli, durations, lifecycle, monitoring, notify,
                             office, organisation, render, routing, runtime, sop, stage9, structure, web)
from engine.messages import editor, editor_steps, events, gov, miwg_constructs, sosialisasi, stages, step_records

LANGUAGES = ("id", "en")

#: The stage modules, in the order they are merged.
STAGES: tuple[ModuleType, ...] = (sop, durations, bpmn, runtime, monitoring, render, cli, web, lifecycle, office,
                                  access, notify, casedata, organisation, routing, stages, sosialisasi, gov, stage9,
                                  bpmnimport, events, editor, structure, miwg_constructs, editor_steps, step_records)


def merge(stages: Iterable[ModuleType]) -> dict[str, tuple[str, str]]:
    """One catalogue from the ``ENTRIES`` of ``stages``.

    :raises ValueError: a code is defined in more than one stage module (a programming error: each
        text has one owner).
    """
    catalogue: dict[str, tuple[str, str]] = {}
    owner: dict[str, str] = {}
    for module in stages:
        entries: dict[str, tuple[str, str]] = module.ENTRIES
        for code, texts in entries.items():
            if code in owner:
                raise ValueError(f"message code {code!r} is defined in {owner[code]} and in {module.__name__}")
            owner[code] = module.__name__
            catalogue[code] = texts
    return catalogue


_CATALOGUE: dict[str, tuple[str, str]] = merge(STAGES)


def message(code: str, lang: str = "id", **params: object) -> str:
    """Render catalogue entry ``code`` in ``lang`` with ``params``.

    An unknown code renders as the code itself with its parameters, so a missing entry is visible
    rather than hidden. A template whose fields are not all given is returned unformatted.
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


def known_codes() -> frozenset[str]:
    """Every catalogue key (for tests that check each problem code has both languages)."""
    return frozenset(_CATALOGUE)
