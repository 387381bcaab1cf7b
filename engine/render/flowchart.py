"""The flowchart sheets (Bagian Flowchart, SOP-FORMAT §3): table, symbols, arrows, connectors.

The table is measured and paginated by :mod:`engine.render.table`; arrows that stay on a page are
routed by :mod:`engine.render.route`; an arrow that leaves its page ends in an "out" off-page
connector in a strip at the bottom of the row it leaves (in that row's actor column) and continues
from the "in" connector with the same letter in a strip at the top of the row it enters (in the
target's column); both point down, the way the flow goes. Arrows from one page into one step share
a pair (its "out" connector below the last of their rows; where their lines join, a join dot marks
the junction); letters run A..Z, AA, AB, ... in the order the pages are read and are never reused.
"""

from __future__ import annotations

import math
import threading
from collections import OrderedDict
from collections.abc import Hashable, Iterator

from engine.errors import RenderError
from engine.sop.model import Sop, Step, StepKind
from engine.render import cells, fonts, style
from engine.render.canvas import (BLACK, GREY_FILL, HIGHLIGHT, HIGHLIGHT_FILL, OVER, RUNNING_FILL, STOPPED_FILL, Item, Page,
                                  Path, Rect, Text)
from engine.render.labels import place_labels
from engine.render.overlay import Overlay
from engine.render.pageflow import Arrow, PageFlow, route_variants
from engine.render.graph import Edge, Node
from engine.render.structure import printed_successors
from engine.render.table import Column, Grid, PagePlan, build_grid, paginate
from engine.render.words import LABELS

_MUTU_KEYS = ("kelengkapan", "waktu", "output")
#: Extra height for the row of a decision whose label found no place, and how often to retry: a
#: taller row moves the page breaks, which may crowd another decision (one at the foot of a page with
#: both branches leaving by connectors), so a long SOP can take several rounds to settle.
_LABEL_ROOM = 4.0
_LABEL_ROUNDS = 8
#: The first run out of a decision's side, when its label found no room beside a shorter one: the
#: width of "Tidak" at 7 pt with its gaps to the lines either side.
_LABEL_SIDE_RUN = 8.0
_ALIGN = {"no": "middle", "waktu": "middle"}

#: The drawn arrows, symbols, connectors and labels of recent pages, by everything their routing
#: reads (:func:`_flow_key`): routing is most of a drawing's time, and a text edit that leaves the
#: rows' heights, the columns and the arrows as they were (the editor's live preview, one keystroke
#: at a time) or a later page that an edit above did not move draws the very same items again.
_FLOWS_KEPT = 512
_flows: OrderedDict[Hashable, tuple[tuple[Item, ...], frozenset[str]]] = OrderedDict()
_flows_lock = threading.Lock()
_flows_on = [True]


def keep_routed_pages(enabled: bool) -> None:
    """Keep (the default) or forget and stop keeping routed flowchart pages between drawings.

    Only a benchmark turns it off, to measure a drawing without them; the output is the same."""
    with _flows_lock:
        _flows_on[0] = enabled
        _flows.clear()


def letter(number: int) -> str:
    """The connector letter for ``number`` (0 -> A, 25 -> Z, 26 -> AA, ...)."""
    text = ""
    number += 1
    while number:
        number, rest = divmod(number - 1, 26)
        text = chr(65 + rest) + text
    return text


def _arrows(sop: Sop, overlay: Overlay | None) -> list[Arrow]:
    index = {step.id: number for number, step in enumerate(sop.steps)}
    taken = overlay.taken if overlay else set()
    result: list[Arrow] = []
    for number, step in enumerate(sop.steps):
        if step.kind is StepKind.DECISION:
            pairs = [(step.yes, LABELS["yes"]), (step.no, LABELS["no_answer"])]
        else:  # a sub-process row leads into its rows, its last rows on (engine.render.structure)
            pairs = [(target, "") for target in printed_successors(sop, step)]
        pairs += [(boundary.target, "") for boundary in step.boundaries]  # its KETERANGAN says which is which
        for target, label in pairs:
            if target in index:
                result.append(Arrow(number, index[target], label, (step.id, target) in taken))
    return result


def _actor_columns(sop: Sop, grid: Grid) -> dict[str, Column]:
    columns = {name: grid.actors[number] for number, name in enumerate(sop.actors)}
    return columns


def flowchart_pages(sop: Sop, paper: style.Paper, lang: str, overlay: Overlay | None) -> list[Page]:
    """Lay out and draw every flowchart sheet of ``sop``.

    When a Ya/Tidak label finds no free place next to its arrow, the decision's row is made
    taller and the sheets are laid out again (at most ``_LABEL_ROUNDS`` times).
    """
    grid = build_grid(sop, paper, overlay, lang)
    arrows = _arrows(sop, overlay)
    for attempt in range(_LABEL_ROUNDS + 1):
        pages, crowded = _lay_out(sop, paper, grid, arrows, overlay, attempt == _LABEL_ROUNDS)
        if not crowded or attempt == _LABEL_ROUNDS:
            return pages
        index = {step.id: number for number, step in enumerate(sop.steps)}
        for key in crowded:
            if key in index:
                grid.row_heights[index[key]] += _LABEL_ROOM
    return pages


def _lay_out(sop: Sop, paper: style.Paper, grid: Grid, arrows: list[Arrow],
             overlay: Overlay | None, last: bool) -> tuple[list[Page], set[str]]:
    """Paginate, route and draw; also return the decisions whose labels found no free place.

    The table under the arrows is drawn only for a layout that is kept (no crowded label, or the
    ``last`` round): a crowded one is laid out again with taller rows, and its pages are dropped."""
    body_top = style.MARGIN_TOP + style.CAPTION + grid.header_top + grid.header_bottom
    available = paper.height - style.MARGIN_BOTTOM - style.FOOTER - body_top
    columns = _actor_columns(sop, grid)
    fallback = grid.actors[0] if grid.actors else grid.columns[1]
    row_columns = [grid.actors.index(columns.get(step.actor, fallback)) if grid.actors else 0 for step in sop.steps]
    plans = paginate(grid, [(a.src, a.dst) for a in arrows], available, row_columns)
    page_of = {row.index: number for number, plan in enumerate(plans) for row in plan.rows}
    for plan in plans:
        y = body_top
        for row in plan.rows:
            row.y = y
            y += row.h
    #: (source page, target row) -> the last source row on that page
    leaving: dict[tuple[int, int], int] = {}
    for a in arrows:
        if page_of[a.src] != page_of[a.dst]:
            key = (page_of[a.src], a.dst)
            leaving[key] = max(leaving.get(key, a.src), a.src)
    pairs: dict[tuple[int, int], str] = {}
    for key in sorted(leaving, key=lambda pair: _first_seen(pair, leaving[pair], page_of)):
        pairs[key] = letter(len(pairs))
    pages: list[Page] = []
    crowded: set[str] = set()
    flows: list[Page] = []
    for number, plan in enumerate(plans):
        flow = Page(paper.width, paper.height, "flowchart")
        crowded |= _draw_flow(flow, sop, grid, plan, number, page_of, pairs, leaving, arrows, columns, fallback, overlay)
        flows.append(flow)
    if crowded and not last:
        return [], crowded
    for plan, flow in zip(plans, flows):
        page = Page(paper.width, paper.height, "flowchart")
        _draw_table(page, sop, grid, plan)
        page.items.extend(flow.items)  # the arrows and symbols over the table, as drawn in that order
        pages.append(page)
    return pages, crowded


def _first_seen(pair: tuple[int, int], source: int, page_of: dict[int, int]) -> tuple[int, int, int]:
    """Where a pair of connectors is first met reading the pages in order: the page, the row its
    connector there sits in (``source`` is the last row the arrows leave) and the strip (top first)."""
    page, target = pair
    if page_of[target] < page:  # a loop: its "in" connector, above the row it enters, comes first
        return page_of[target], target, 0
    return page, source, 1


def _draw_table(page: Page, sop: Sop, grid: Grid, plan: PagePlan) -> None:
    top = style.MARGIN_TOP + style.CAPTION
    pad_x, pad_y = style.PAD_X, style.PAD_Y
    by_key = {c.key: c for c in grid.columns}
    actors = grid.actors
    mutu = [by_key[key] for key in _MUTU_KEYS]
    full = grid.header_top + grid.header_bottom

    def head(x: float, y: float, w: float, h: float, key: str) -> None:
        page.add(Rect(x, y, w, h, "head", fill=GREY_FILL, data={"col": key}))
        cells.place(page, grid.header_blocks[key], x, y, w, h, "head-text", align="middle",
                    pad_x=pad_x, pad_y=pad_y)

    for key in ("no", "kegiatan", "keterangan"):
        column = by_key[key]
        head(column.x, top, column.w, full, key)
    if actors:
        head(actors[0].x, top, sum(c.w for c in actors), grid.header_top, "pelaksana")
    head(mutu[0].x, top, sum(c.w for c in mutu), grid.header_top, "mutu_baku")
    for column in actors + mutu:
        head(column.x, top + grid.header_top, column.w, grid.header_bottom, column.key)
    for row in plan.rows:
        blocks = grid.cells[row.index]
        for column in grid.columns:
            page.add(Rect(column.x, row.y, column.w, row.h, "cell", data={"col": column.key, "row": str(row.index + 1)}))
            block = blocks.get(column.key)
            if block is not None and block.fragments:
                cells.place(page, block, column.x, row.y, column.w, row.h, "cell-text",
                            align=_ALIGN.get(column.key, "start"), pad_x=pad_x, pad_y=pad_y)
    del sop


def _draw_flow(page: Page, sop: Sop, grid: Grid, plan: PagePlan, number: int, page_of: dict[int, int],
               pairs: dict[tuple[int, int], str], leaving: dict[tuple[int, int], int], arrows: list[Arrow], columns: dict[str, Column],
               fallback: Column, overlay: Overlay | None) -> set[str]:
    if overlay is not None or not _flows_on[0]:  # a trace's highlights: drawn each time
        return _route_and_draw(page, sop, grid, plan, number, page_of, pairs, leaving, arrows, columns, fallback,
                               overlay)
    key = _flow_key(page, sop, grid, plan, number, page_of, pairs, leaving, arrows, columns, fallback)
    with _flows_lock:
        kept = _flows.get(key)
        if kept is not None:
            _flows.move_to_end(key)
    if kept is not None:
        page.items.extend(kept[0])  # items are never changed once added, so pages may share them
        return set(kept[1])
    before = len(page.items)
    crowded = _route_and_draw(page, sop, grid, plan, number, page_of, pairs, leaving, arrows, columns, fallback,
                              None)
    with _flows_lock:
        _flows[key] = (tuple(page.items[before:]), frozenset(crowded))
        while len(_flows) > _FLOWS_KEPT:
            _flows.popitem(last=False)
    return crowded


def _flow_key(page: Page, sop: Sop, grid: Grid, plan: PagePlan, number: int, page_of: dict[int, int],
              pairs: dict[tuple[int, int], str], leaving: dict[tuple[int, int], int], arrows: list[Arrow],
              columns: dict[str, Column], fallback: Column) -> Hashable:
    """Everything :func:`_route_and_draw` reads for one page without an overlay: the paper, the
    geometry of its rows (not their text) and of the pelaksana columns, its steps' ids, kinds and
    columns, the arrows and connector pairs that touch it. Two pages with equal keys draw equal items."""
    steps = sop.steps

    def column_of(index: int) -> str:
        return columns.get(steps[index].actor, fallback).key

    rows = tuple((row.index, row.y, row.h, row.top_strip, row.bottom_strip, steps[row.index].id,
                  steps[row.index].kind.value, column_of(row.index)) for row in plan.rows)
    touching = tuple((a.src, a.dst, steps[a.src].id, steps[a.dst].id, a.label, a.taken, page_of[a.src],
                      page_of[a.dst], pairs.get((page_of[a.src], a.dst))) for a in arrows
                     if number in (page_of[a.src], page_of[a.dst]))
    connectors = tuple((source_page, dst, name, leaving[(source_page, dst)], steps[dst].id,
                        steps[leaving[(source_page, dst)]].id, page_of[dst])
                       for (source_page, dst), name in sorted(pairs.items()) if number in (source_page, page_of[dst]))
    actors = tuple((c.key, c.x, c.w) for c in grid.actors)
    return (page.width, page.height, number, grid.symbol_w, grid.label_size, (fallback.key, fallback.x, fallback.w),
            actors, rows, touching,
            connectors)


def _route_and_draw(page: Page, sop: Sop, grid: Grid, plan: PagePlan, number: int, page_of: dict[int, int],
                    pairs: dict[tuple[int, int], str], leaving: dict[tuple[int, int], int], arrows: list[Arrow],
                    columns: dict[str, Column], fallback: Column, overlay: Overlay | None) -> set[str]:
    flows = route_variants(sop, grid, plan, number, page_of, pairs, leaving, arrows, columns, fallback)

    cells_of_page = _actor_cells(grid, plan)
    #: the labels of a routing tried, drawn on a page of their own, and the arrows whose label found no place
    tried: dict[int, tuple[Page, list[Edge]]] = {}

    def labels_fit(flow: PageFlow) -> bool:
        scratch = Page(page.width, page.height, "flowchart")
        crowded = place_labels(scratch, flow.edges, flow.router, grid.label_size, cells_of_page)
        tried[id(flow)] = (scratch, crowded)
        return not crowded

    # the cheapest routing whose Ya/Tidak labels all find a free place beside their own branch; failing
    # that, one whose decisions' side exits run far enough out to hold their label (a taller row gives
    # a label no room beside a loop turning up in the gutter right beside the decision)
    # (never one that crosses more arrows than the cheapest: a crossing is no price for a label, whose
    # decision's row grows taller instead, see flowchart_pages)
    crossings = _crossings(flows[0].edges)

    def usable(flow: PageFlow) -> bool:
        return labels_fit(flow) and _crossings(flow.edges) <= crossings

    flow = next((flow for flow in flows if usable(flow)), None)
    if flow is None:
        try:
            roomy = route_variants(sop, grid, plan, number, page_of, pairs, leaving, arrows, columns, fallback,
                                   label_room=_LABEL_SIDE_RUN)
        except RenderError:
            roomy = []
        flow = next((flow for flow in roomy if usable(flow)), flows[0])
    _draw_symbols(page, plan, sop.steps, flow.nodes, overlay)
    _draw_edges(page, flow.edges)
    _draw_hops(page, flow.edges)
    _draw_joins(page, flow.edges)
    for node, name, target, source in flow.connectors:
        direction = node.key.rsplit(":", 1)[1]
        _draw_connector(page, node, name, direction, (source, target), grid.label_size,
                        node.key in flow.highlighted)
    if id(flow) not in tried:
        labels_fit(flow)
    # the labels go on last, as placed when the routing was tried (placing them reads no drawn item)
    labels, crowded = tried[id(flow)]
    page.items.extend(labels.items)
    return {edge.src.key for edge in crowded}


def _crossing_points(edges: list[Edge], end_room: float) -> Iterator[tuple[Edge, Edge, float, float]]:
    """Each (horizontal arrow, vertical arrow, x, y) where a horizontal piece of one arrow crosses a
    vertical piece of another at least ``end_room`` from the horizontal piece's ends."""
    pieces = [(edge, a, b) for edge in edges for a, b in zip(edge.points, edge.points[1:])]
    flat = [(edge, a, b) for edge, a, b in pieces if abs(a[1] - b[1]) < 1e-9 and abs(a[0] - b[0]) > 1e-9]
    upright = [(edge, a, b) for edge, a, b in pieces if abs(a[0] - b[0]) < 1e-9 and abs(a[1] - b[1]) > 1e-9]
    for edge, a, b in flat:
        y, low, high = a[1], min(a[0], b[0]), max(a[0], b[0])
        for other, c, d in upright:
            x, top, bottom = c[0], min(c[1], d[1]), max(c[1], d[1])
            if other is not edge and low + end_room < x < high - end_room and top + 1e-6 < y < bottom - 1e-6:
                yield edge, other, x, y


def _crossings(edges: list[Edge]) -> int:
    """How many times a horizontal piece of one arrow crosses a vertical piece of another."""
    return sum(1 for _ in _crossing_points(edges, 1e-6))


def _actor_cells(grid: Grid, plan: PagePlan) -> list[tuple[float, float, float, float]]:
    return [(c.x, row.y, c.w, row.h) for row in plan.rows for c in grid.actors]


def _draw_symbols(page: Page, plan: PagePlan, steps: list[Step], nodes: dict[str, Node],
                  overlay: Overlay | None) -> None:
    for row in plan.rows:
        step = steps[row.index]
        node = nodes[step.id]
        fill = "#ffffff"
        stroke, width = BLACK, style.LINE_WIDTH + 0.05
        if overlay is not None and step.id in overlay.stopped:
            fill, stroke, width = STOPPED_FILL, OVER, style.HIGHLIGHT_WIDTH
        elif overlay is not None and step.id in overlay.running:
            fill, stroke, width = RUNNING_FILL, HIGHLIGHT, style.HIGHLIGHT_WIDTH
        elif overlay is not None and step.id in overlay.executed:
            fill, stroke, width = HIGHLIGHT_FILL, HIGHLIGHT, style.HIGHLIGHT_WIDTH
        data = {"node": step.id, "step": step.id, "kind": step.kind.value}
        x0, y0 = node.x - node.hw, node.y - node.hh
        if step.kind is StepKind.DECISION:
            page.add(Path([(node.x, y0), (node.x + node.hw, node.y), (node.x, node.y + node.hh),
                           (node.x - node.hw, node.y)], "symbol", stroke=stroke, fill=fill, width=width,
                          closed=True, data=data))
        else:
            radius = node.hh if step.kind in (StepKind.START, StepKind.END) else 0.0
            page.add(Rect(x0, y0, 2 * node.hw, 2 * node.hh, "symbol", stroke=stroke, fill=fill, width=width,
                          rx=radius, data=data))


def _draw_edges(page: Page, edges: list[Edge]) -> None:
    heads: set[tuple[float, float, str]] = set()
    for edge in sorted(edges, key=lambda e: e.highlight):
        colour = HIGHLIGHT if edge.highlight else BLACK
        width = style.HIGHLIGHT_WIDTH if edge.highlight else style.ARROW_WIDTH
        page.add(Path(list(edge.points), "arrow", stroke=colour, width=width,
                      data={"from": edge.src.key, "to": edge.dst.key, "edge": str(edge.id)}))
        (ax, ay), (bx, by) = edge.points[-2], edge.points[-1]
        direction = "down" if by > ay else "up" if by < ay else "right" if bx > ax else "left"
        key = (round(bx, 3), round(by, 3), direction)
        if key in heads and not edge.highlight:
            continue
        heads.add(key)
        length, half = style.ARROW_LENGTH, style.ARROW_HALF
        dx, dy = {"down": (0, 1), "up": (0, -1), "right": (1, 0), "left": (-1, 0)}[direction]
        base = (bx - dx * length, by - dy * length)
        page.add(Path([(bx, by), (base[0] - dy * half, base[1] + dx * half), (base[0] + dy * half, base[1] - dx * half)],
                      "arrowhead", stroke=None, fill=colour, closed=True, data={"to": edge.dst.key}))


def _draw_hops(page: Page, edges: list[Edge]) -> None:
    """Where two arrows cross, the horizontal one jumps over the vertical one with a small arc."""
    radius = style.HOP_RADIUS
    for edge, other, x, y in _crossing_points(edges, radius):
        width = style.HIGHLIGHT_WIDTH if edge.highlight else style.ARROW_WIDTH
        under = style.HIGHLIGHT_WIDTH if other.highlight else style.ARROW_WIDTH
        page.add(Rect(x - radius, y - width / 2 - 0.05, 2 * radius, width + 0.1, "hop-mask", stroke=None,
                      fill="#ffffff"))
        page.add(Path([(x, y - radius - 0.2), (x, y + radius + 0.2)], "hop-line",
                      stroke=HIGHLIGHT if other.highlight else BLACK, width=under))
        arc = [(x - radius * math.cos(math.pi * i / 8), y - radius * math.sin(math.pi * i / 8)) for i in range(9)]
        page.add(Path(arc, "hop", stroke=HIGHLIGHT if edge.highlight else BLACK, width=width,
                      data={"x": f"{x:.2f}", "y": f"{y:.2f}"}))


def _on_path(point: tuple[float, float], points: list[tuple[float, float]]) -> bool:
    return any(min(a[0], b[0]) - 1e-6 <= point[0] <= max(a[0], b[0]) + 1e-6
               and min(a[1], b[1]) - 1e-6 <= point[1] <= max(a[1], b[1]) + 1e-6 for a, b in zip(points, points[1:]))


def _toward(point: tuple[float, float], other: tuple[float, float], step: float = 0.5) -> tuple[float, float]:
    """The point ``step`` mm from ``point`` toward ``other`` (on an orthogonal segment)."""
    dx, dy = other[0] - point[0], other[1] - point[1]
    length = max(abs(dx) + abs(dy), 1e-9)
    return point[0] + dx / length * min(step, length), point[1] + dy / length * min(step, length)


def _draw_joins(page: Page, edges: list[Edge]) -> None:
    """Where an arrow runs into the line of another arrow to the same target and goes on along it,
    a join dot marks the junction (the shared line then carries one arrowhead, at the target)."""
    done: set[tuple[float, float]] = set()
    for edge in edges:
        for other in edges:
            if other is edge or other.dst is not edge.dst or len(edge.points) < 2 or len(other.points) < 2:
                continue
            # the first bend of ``edge`` on the other's line that ``edge`` reaches from off that line
            # (and then goes on along it: a line that only touches the other's at a point is no join)
            point = next((p for p, before, after in zip(edge.points[1:-1], edge.points, edge.points[2:])
                          if _on_path(p, other.points) and not _on_path(_toward(p, before), other.points)
                          and _on_path(_toward(p, after), other.points)), None)
            if point is None:
                continue
            key = (round(point[0], 2), round(point[1], 2))
            if key in done:
                continue
            done.add(key)
            colour = HIGHLIGHT if edge.highlight and other.highlight else BLACK
            radius = style.JOIN_RADIUS
            page.add(Rect(point[0] - radius, point[1] - radius, 2 * radius, 2 * radius, "join", stroke=None,
                          fill=colour, rx=radius, data={"x": f"{point[0]:.2f}", "y": f"{point[1]:.2f}"}))


def _draw_connector(page: Page, node: Node, name: str, direction: str, ends: tuple[str, str], size: float,
                    highlight: bool) -> None:
    """An off-page connector pointing down (the way the flow goes) between ``ends`` (source, target)."""
    x0, x1 = node.x - node.hw, node.x + node.hw
    y0, y1 = node.y - node.hh, node.y + node.hh
    shoulder = y0 + (y1 - y0) * 0.62
    points = [(x0, y0), (x1, y0), (x1, shoulder), (node.x, y1), (x0, shoulder)]
    colour = HIGHLIGHT if highlight else BLACK
    page.add(Path(points, "connector", stroke=colour, fill=HIGHLIGHT_FILL if highlight else "#ffffff",
                  width=style.HIGHLIGHT_WIDTH if highlight else style.LINE_WIDTH + 0.05, closed=True,
                  data={"node": node.key, "letter": name, "dir": direction, "target": ends[1], "source": ends[0],
                        "points": "down"}))
    baseline = (y0 + shoulder) / 2 + (fonts.ascent(size) - fonts.descent(size)) / 2
    page.add(Text(node.x, baseline, name, size, "connector-letter", bold=True, anchor="middle",
                  data={"letter": name, "dir": direction}))
