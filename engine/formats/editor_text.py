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

#: Prefix that marks a kelengkapan line or an output as a document in one-line text forms (the web editor).
DOCUMENT_PREFIX = "dokumen:"


def fields_text(data: Any) -> str:
    """The ``isian`` list of sheet data as YAML text, for editing as one text; empty when there is none."""
    if not data:
        return ""
    return yaml.dump(data, Dumper=_SheetDumper, allow_unicode=True, sort_keys=False, width=100,
                     default_flow_style=False)


def fields_from_text(text: str) -> Any:
    """The ``isian`` list from YAML text (as :func:`fields_text` writes it); ``[]`` when empty.

    :raises InputError: when the text is too large, not YAML, or uses aliases.
    """
    if not text.strip():
        return []
    if len(text) > MAX_SHEET_BYTES:
        raise InputError.from_code("file_too_large", label="isian", size=f"{len(text):,}",
                                   limit=f"{MAX_SHEET_BYTES:,}")
    try:
        return yaml.load(text, Loader=_NoAliasLoader)  # noqa: S506 - SafeLoader subclass
    except _AliasFound as exc:
        raise InputError.from_code("sheet_alias", label="isian", anchor=exc.anchor, line=exc.line) from None
    except yaml.YAMLError as exc:
        mark = getattr(exc, "problem_mark", None)
        raise InputError.from_code("sheet_not_yaml", label="isian", where=f" ({mark.line + 1})" if mark else "",
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


__all__ = ["DOCUMENT_PREFIX", "fields_from_text", "fields_text", "item_line", "line_item"]
