"""Textual SQL for the reports, run with its list parameters expanded.

The monitoring report, the event-log export and the process map build their statements as text
(aggregates over ``instances``, ``work_items`` and ``events`` that Core would only obscure); they
run them here, so no module reaches into another's private helper. Values are always bound
parameters; only column and alias names chosen by the engine are ever spliced into the text.
"""

from __future__ import annotations

from typing import Any

from sqlalchemy import Connection, bindparam, text

#: Parameters that hold a list (``IN :version_ids``).
LIST_PARAMETERS = ("version_ids", "scope_units")


def run_text(connection: Connection, sql: str, params: dict[str, Any]) -> Any:
    """Execute ``sql`` (``:name`` parameters), expanding list parameters for ``IN``; the cursor result."""
    statement = text(sql)
    for name in LIST_PARAMETERS:
        if name in params:
            statement = statement.bindparams(bindparam(name, expanding=True))
    return connection.execute(statement, params)
