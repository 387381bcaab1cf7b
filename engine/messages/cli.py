"""Catalogue entries of the `alur` command line."""

from __future__ import annotations

ENTRIES: dict[str, tuple[str, str]] = {
}
