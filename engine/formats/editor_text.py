"""One-text forms of sheet parts for the web editor: the ``isian`` list as YAML, document-marked lines.

The editor shows the case fields as one YAML text (the same keys as the sheet) and marks a
kelengkapan line or an output that is a document with ``dokumen:``; these helpers turn them into
sheet data and back. Every rule stays in :mod:`engine.formats.sheet` and :mod:`engine.sop.validate`.
"""

from __future__ import annotations

from typing import Any

import yaml

from engine.errors import InputError
from engine.formats.sheet import MAX_SHEET_BYTES, _AliasFound, _NoAliasLoader, _SheetDumper
from engine.formats.sheet_events import EVENT_STEP_KEYS

#: Prefix that marks a kelengkapan line or an output as a document in one-line text forms (the web editor).
DOCUMENT_PREFIX = "dokumen:"


def fields_text(data: Any) -> str:
    """The ``isian`` list of sheet data as YAML text, for editing as one text; empty when there is none."""
    if not data:
        return ""
    return yaml.dump(data, Dumper=_SheetDumper, allow_unicode=True, sort_keys=False, width=100,
                     default_flow_style=False)


def fields_from_text(text: str, label: str = "isian") -> Any:
    """The ``isian`` list from YAML text (as :func:`fields_text` writes it); ``[]`` when empty.

    :param label: what the text is, for the messages.
    :raises InputError: when the text is too large, not YAML, or uses aliases.
    """
    if not text.strip():
        return []
    if len(text) > MAX_SHEET_BYTES:
        raise InputError.from_code("file_too_large", label=label, size=f"{len(text):,}",
                                   limit=f"{MAX_SHEET_BYTES:,}")
    try:
        return yaml.load(text, Loader=_NoAliasLoader)  # noqa: S506 - SafeLoader subclass
    except _AliasFound as exc:
        raise InputError.from_code("sheet_alias", label=label, anchor=exc.anchor, line=exc.line) from None
    except yaml.YAMLError as exc:
        mark = getattr(exc, "problem_mark", None)
        raise InputError.from_code("sheet_not_yaml", label=label, where=f" ({mark.line + 1})" if mark else "",
                                   detail=getattr(exc, "problem", None) or exc) from exc


def item_line(item: Any) -> str:
    """A kelengkapan item of sheet data as one line: ``dokumen: KTP-el`` for a document."""
    if isinstance(item, dict) and "dokumen" in item:
        return f"{DOCUMENT_PREFIX} {item['dokumen']}"
    return str(item)


def line_item(line: str) -> Any:
    """The sheet item of one line written by :func:`item_line`."""
    if line.lower().startswith(DOCUMENT_PREFIX):
        return {"dokumen": line[len(DOCUMENT_PREFIX):].strip()}
    return line


#: Row keys the editor's events cell carries: the events, the structure keys of one row (a step
#: done by every unit, a call to another SOP, a loop, an inclusive branch) and the step record (``catat``); a sub-process's nested
#: ``langkah`` is not a cell's.
CELL_KEYS = ("tunggu", "batas", "akhir", "kode_galat", "setiap", "panggil", "ulang", "bila", "tunggu_cabang", "catat")


def events_text(row: dict[str, Any]) -> str:
    """The event and one-row structure keys of a sheet row (:data:`CELL_KEYS`) as YAML text, for the
    editor's events cell; empty for a row without them."""
    found = {key: row[key] for key in CELL_KEYS if key in row}
    return fields_text(found) if found else ""


def events_from_text(text: str, step_id: str) -> dict[str, Any]:
    """The event keys of a row from the editor's events cell (as :func:`events_text` writes them).

    Unknown keys come back as they are, for the sheet reader to name.

    :raises InputError: the text is not YAML, or not keys with values.
    """
    data = fields_from_text(text, f"peristiwa {step_id}")
    if data in ([], None):
        return {}
    if not isinstance(data, dict):
        raise InputError.from_code("ev_editor_not_mapping", step=step_id, keys=", ".join(sorted(EVENT_STEP_KEYS)))
    return data


__all__ = ["CELL_KEYS", "DOCUMENT_PREFIX", "events_from_text", "events_text", "fields_from_text", "fields_text", "item_line",
           "line_item"]
