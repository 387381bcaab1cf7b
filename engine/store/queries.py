"""Textual SQL for the reports, run with its list parameters expanded.

The monitoring report, the event-log export and the process map build their statements as text
(aggregates over ``instances``, ``work_items`` and ``events`` that Core would only obscure); they
run them here, so no module reaches into another's private helper. Values are always bound
parameters; only column and alias names chosen by the engine are ever spliced into the text.
"""

from __future__ import annotations

from typing import Any

from sqlalchemy import Connection, bindparam, text

#: Parameters that hold a list (``IN :version_ids``); a name ending in one of them too (the
#: monitoring report's late call rows give each call row's copy a prefix: ``call_0_version_ids``).
LIST_PARAMETERS = ("version_ids", "scope_units", "late_open")


def run_text(connection: Connection, sql: str, params: dict[str, Any]) -> Any:
    """Execute ``sql`` (``:name`` parameters), expanding list parameters for ``IN``; the cursor result."""
    statement = text(sql)
    for name in params:
        if name.endswith(LIST_PARAMETERS) and f":{name}" in sql:  # a statement may use only some of them
            statement = statement.bindparams(bindparam(name, expanding=True))
    return connection.execute(statement, params)
