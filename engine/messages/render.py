"""Catalogue entries of the printed SOP document and trace."""

from __future__ import annotations

ENTRIES: dict[str, tuple[str, str]] = {
}
