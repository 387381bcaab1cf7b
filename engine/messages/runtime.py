"""Catalogue entries of the runtime: instances, work items, timers, the worker, audit."""

from __future__ import annotations

ENTRIES: dict[str, tuple[str, str]] = {
}
