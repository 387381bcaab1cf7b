"""The process map of actual execution: the directly-follows graph of an SOP's steps, drawn with Graphviz.

Which step followed which, and how often, over the instances of a period: counted in SQL (a window
``LAG`` over each instance's completed work items), then laid out by Graphviz ``dot`` (through the
``graphviz`` package) as SVG. Edge width grows with frequency; steps over their WAKTU in most runs
are outlined red.
"""

from __future__ import annotations

import datetime as dt
from typing import TYPE_CHECKING

import graphviz  # type: ignore[import-untyped]

from engine.errors import RenderError
from engine.messages import message
from engine.monitoring.report import monitoring_report, parent_step_sql, resolve_scope
from engine.store.queries import run_text

if TYPE_CHECKING:
    from engine.runtime.facade import Runtime

#: Names of the artificial start and end nodes.
START_NODE, END_NODE = "__mulai__", "__selesai__"
#: Space on each side of an edge count (no-break spaces: dot keeps them).
LABEL_PAD = "\u00a0" * 3


def follows_counts(runtime: Runtime, key: str, start: dt.date | None = None, end: dt.date | None = None, *,
                   trial: bool = False, units: frozenset[int] | None = None) -> dict[tuple[str, str], int]:
    """``(step, next step) -> count`` over completed work items (and call rows, done when their child
    instance finished), with :data:`START_NODE` / :data:`END_NODE`."""
    with runtime.db.read() as connection:
        scope = resolve_scope(connection, key, runtime.calendar, start, end, None, trial, units)
        where, params = scope.where(connection)
        done = (f"SELECT w.instance_id AS instance_id, w.step_id AS step_id, w.completed_at AS completed_at, "
                f"w.id AS id, i.status AS status FROM work_items w "
                f"JOIN instances i ON i.id = w.instance_id WHERE {where} AND w.status = 'done'")
        if any(meta.call for meta in scope.steps.values()):
            # a call row is done when its child instance finished (it has no work item; engine.monitoring.report)
            done += (f" UNION ALL SELECT c.parent_id, {parent_step_sql(connection)}, c.ended_at, -c.id, i.status "
                     "FROM instances c JOIN instances i ON i.id = c.parent_id JOIN events e ON e.instance_id = c.id "
                     f"WHERE {where} AND e.seq = 1 AND c.status = 'completed'")
        rows = run_text(connection, f"""
            SELECT previous, step_id, COUNT(*) FROM (
                SELECT d.step_id, LAG(d.step_id) OVER (PARTITION BY d.instance_id
                                                      ORDER BY d.completed_at, d.id) AS previous
                FROM ({done}) d) pairs
            GROUP BY previous, step_id""", params).all()
        last = run_text(connection, f"""
            SELECT step_id, COUNT(*) FROM (
                SELECT d.step_id, ROW_NUMBER() OVER (PARTITION BY d.instance_id
                                                     ORDER BY d.completed_at DESC, d.id DESC) AS rn
                FROM ({done}) d WHERE d.status = 'completed') ends
            WHERE rn = 1 GROUP BY step_id""", params).all()
    counts = {(previous or START_NODE, step): int(count) for previous, step, count in rows}
    counts.update({(step, END_NODE): int(count) for step, count in last})
    return counts


def process_map_svg(runtime: Runtime, key: str, start: dt.date | None = None, end: dt.date | None = None, *,
                    trial: bool = False, lang: str = "id", units: frozenset[int] | None = None) -> bytes:
    """The directly-follows graph of ``key``'s real execution as SVG bytes.

    :raises RenderError: Graphviz ``dot`` is missing or fails.
    """
    counts = follows_counts(runtime, key, start, end, trial=trial, units=units)
    report = monitoring_report(runtime, key, start, end, trial=trial, units=units)
    stats = {step.step_id: step for step in report.steps}
    names = {step_id: f"{number}. {kegiatan}" for number, step_id, kegiatan in report.outline}
    graph = graphviz.Digraph(key, format="svg", graph_attr={"rankdir": "TB", "fontname": "Liberation Sans"},
                             node_attr={"shape": "box", "style": "rounded", "fontname": "Liberation Sans",
                                        "fontsize": "11"},
                             edge_attr={"fontname": "Liberation Sans", "fontsize": "10"})
    graph.node(START_NODE, message("map_start", lang), shape="circle")
    graph.node(END_NODE, message("map_end", lang), shape="doublecircle")
    nodes = {step for pair in counts for step in pair} - {START_NODE, END_NODE}
    for step_id in sorted(nodes, key=lambda item: (names.get(item, item))):
        found = stats.get(step_id)
        over = found is not None and found.over_share is not None and found.over_share > 0.5
        label = names.get(step_id, step_id) + (f"\n{found.count}x" if found else "")
        graph.node(step_id, label, color="#b3261e" if over else "#0b5394", penwidth="2" if over else "1")
    largest = max(counts.values(), default=1)
    for (source, target), count in sorted(counts.items()):
        # the count in a padded label: dot puts a label box against its edge, and a bare number
        # sits on the (thick) arrow; the padding keeps it beside it
        graph.edge(source, target, label=f"{LABEL_PAD}{count}{LABEL_PAD}", penwidth=f"{1 + 3 * count / largest:.2f}")
    try:
        svg: bytes = graph.pipe(format="svg")
    except (graphviz.ExecutableNotFound, graphviz.CalledProcessError) as exc:
        raise RenderError.from_code("map_graphviz_failed") from exc
    return svg
