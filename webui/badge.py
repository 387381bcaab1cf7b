"""The header badge: how many work items are new (nobody claimed them) and overdue on the clerk's worklist.

Templates call ``work_counts()`` only where the badge is shown, so other pages pay nothing; the
counts come from :meth:`engine.Runtime.work_counts` (two indexed counts).
"""

from __future__ import annotations

from typing import Any

from flask import Flask, g

from .access import runtime


def work_counts() -> tuple[int, int]:
    """``(new, overdue)`` of the logged-in account; ``(0, 0)`` without one."""
    found = g.get("account")
    if found is None:
        return 0, 0
    return runtime().work_counts(found.username)


def init_app(app: Flask) -> None:
    @app.context_processor
    def _badge() -> dict[str, Any]:
        return {"work_counts": work_counts}
