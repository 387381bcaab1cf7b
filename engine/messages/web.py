"""Catalogue entries of the web UI (pages, navigation, forms)."""

from __future__ import annotations

ENTRIES: dict[str, tuple[str, str]] = {
}
