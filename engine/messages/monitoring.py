"""Catalogue entries of monitoring, ujicoba, evaluation, forms and plots."""

from __future__ import annotations

ENTRIES: dict[str, tuple[str, str]] = {
}
