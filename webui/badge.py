"""The header badge: how many work items are new (nobody claimed them) and overdue on the clerk's worklist.

Templates call ``work_counts()`` only where the badge is shown, so other pages pay nothing; the
counts come from :meth:`engine.Runtime.work_counts` (two indexed counts).
"""

from __future__ import annotations

from typing import Any

from flask import Flask, g

from engine.errors import StoreError

from .access import runtime


def work_counts() -> tuple[int, int]:
    """``(new, overdue)`` of the logged-in account; ``(0, 0)`` without one.

    A database failure gives ``(0, 0)`` too: the page being shown may be the one that reports that
    failure, and the badge must not turn it into a second error.
    """
    found = g.get("account")
    if found is None:
        return 0, 0
    try:
        return runtime().work_counts(found.username)
    except StoreError:
        return 0, 0


def init_app(app: Flask) -> None:
    @app.context_processor
    def _badge() -> dict[str, Any]:
        return {"work_counts": work_counts}
