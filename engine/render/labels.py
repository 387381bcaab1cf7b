"""The "Ya" / "Tidak" labels of decision arrows, placed where they touch nothing.

A label sits beside the first piece of its arrow (or over the decision's shoulder above or below
that piece), as close to the decision as it can, nearer to that piece than to any other line,
and inside one table cell: never on a line, a symbol, a border or another label.
"""

from __future__ import annotations

from collections.abc import Iterator

from engine.render import fonts
from engine.render.canvas import Page, Point, Text
from engine.render.graph import Edge, Node
from engine.render.route import Router

Box = tuple[float, float, float, float]  # x0, y0, x1, y1

#: Distance from a label to its own line; every other line must be at least ``_CLEAR_LINE``
#: away, so a label is always nearest to the arrow it names.
_GAP_LINE = 0.5
_CLEAR_LINE = 0.8
_CLEAR_NODE = 0.35
_CLEAR_LABEL = 0.3
_CLEAR_BORDER = 0.4
_STEP = 0.5
#: How much nearer its own run than any other line a label must be, to read unambiguously as its label.
_NEARER = 0.1


def _overlaps(a: Box, b: Box, margin: float) -> bool:
    return a[0] < b[2] + margin and a[2] > b[0] - margin and a[1] < b[3] + margin and a[3] > b[1] - margin


def _gap(a: Box, b: Box) -> float:
    """The distance between two boxes (0 when they overlap)."""
    dx = max(0.0, b[0] - a[2], a[0] - b[2])
    dy = max(0.0, b[1] - a[3], a[1] - b[3])
    return float((dx * dx + dy * dy) ** 0.5)


def _beyond(line: Box, run: list[Box]) -> list[Box]:
    """The parts of the axis-parallel ``line`` not lying on a piece of ``run`` (a shared trunk is
    the run's own line; what goes on past it is another arrow's)."""
    parts = [line]
    for piece in run:
        kept: list[Box] = []
        for part in parts:
            vertical = part[2] - part[0] < 1e-6 and piece[2] - piece[0] < 1e-6 and abs(part[0] - piece[0]) < 1e-6
            horizontal = part[3] - part[1] < 1e-6 and piece[3] - piece[1] < 1e-6 and abs(part[1] - piece[1]) < 1e-6
            if not (vertical or horizontal):
                kept.append(part)
                continue
            axis = 1 if vertical else 0
            lo, hi = part[axis], part[axis + 2]
            if piece[axis + 2] <= lo or piece[axis] >= hi:
                kept.append(part)
                continue
            if piece[axis] > lo:
                kept.append(_span(part, axis, lo, min(hi, piece[axis])))
            if piece[axis + 2] < hi:
                kept.append(_span(part, axis, max(lo, piece[axis + 2]), hi))
        parts = [part for part in kept if part[2] - part[0] > 1e-6 or part[3] - part[1] > 1e-6]
    return parts


def _span(line: Box, axis: int, lo: float, hi: float) -> Box:
    return (lo, line[1], hi, line[3]) if axis == 0 else (line[0], lo, line[2], hi)


def _hits_node(box: Box, node: Node) -> bool:
    """Whether ``box`` comes within the clearance of ``node``'s outline (a diamond for decisions)."""
    if not node.decision:
        return _overlaps(box, (node.x - node.hw, node.y - node.hh, node.x + node.hw, node.y + node.hh), _CLEAR_NODE)
    dx = 0.0 if box[0] <= node.x <= box[2] else min(abs(box[0] - node.x), abs(box[2] - node.x))
    dy = 0.0 if box[1] <= node.y <= box[3] else min(abs(box[1] - node.y), abs(box[3] - node.y))
    return dx / (node.hw + _CLEAR_NODE) + dy / (node.hh + _CLEAR_NODE) < 1.0


def _candidates(a: Point, b: Point, w: float, h: float) -> list[Box]:
    boxes: list[Box] = []
    if abs(a[0] - b[0]) < 1e-9:
        length, down = abs(b[1] - a[1]), b[1] > a[1]
        offset = 0.4
        while offset <= max(length - 0.4, 0.4) + 1e-9:
            y0 = a[1] + offset if down else a[1] - offset - h
            boxes.append((a[0] + _GAP_LINE, y0, a[0] + _GAP_LINE + w, y0 + h))
            boxes.append((a[0] - _GAP_LINE - w, y0, a[0] - _GAP_LINE, y0 + h))
            offset += _STEP
    else:
        length, right = abs(b[0] - a[0]), b[0] > a[0]
        offset = 0.4
        while offset <= max(length - 0.4, 0.4) + 1e-9:
            x0 = a[0] + offset if right else a[0] - offset - w
            boxes.append((x0, a[1] - _GAP_LINE - h, x0 + w, a[1] - _GAP_LINE))
            boxes.append((x0, a[1] + _GAP_LINE, x0 + w, a[1] + _GAP_LINE + h))
            offset += _STEP
    return boxes


def _shoulder_candidates(piece: tuple[Point, Point], w: float, h: float) -> list[Box]:
    """Last resort for a crowded side exit: above or below the exit, shifted back over the
    decision's shoulder and lifted away from the line."""
    a, b = piece
    if abs(a[1] - b[1]) > 1e-9:
        return []
    step = 1.0 if b[0] > a[0] else -1.0
    boxes: list[Box] = []
    for lift in (0.0, 0.5, 1.0, 1.5, 2.0, 2.5, 3.0):
        for shift in range(0, int(w / _STEP) + 1):
            x0 = a[0] - step * shift * _STEP if step > 0 else a[0] + shift * _STEP - w
            boxes.append((x0, a[1] - _GAP_LINE - h - lift, x0 + w, a[1] - _GAP_LINE - lift))
            boxes.append((x0, a[1] + _GAP_LINE + lift, x0 + w, a[1] + _GAP_LINE + h + lift))
    return boxes


def place_labels(page: Page, edges: list[Edge], router: Router, size: float,
                 cells: list[tuple[float, float, float, float]]) -> list[Edge]:
    """Draw the label of every labelled arrow; return the arrows whose label found no free place.

    :param cells: the actor cells of the page as (x, y, w, h).
    """
    lines: list[tuple[Box, Edge]] = [((min(s.x1, s.x2), min(s.y1, s.y2), max(s.x1, s.x2), max(s.y1, s.y2)), s.edge)
                                     for s in router.segments]
    placed: list[Box] = []
    crowded: list[Edge] = []
    height = fonts.ascent(size) + fonts.descent(size)
    for edge in sorted(edges, key=lambda e: (e.src.slot, e.label)):
        if not edge.label or len(edge.points) < 2:
            continue
        width = fonts.text_width(edge.label, size)
        pieces = list(zip(edge.points, edge.points[1:]))
        # beside the first piece of the arrow, near the decision, or over the decision's shoulder;
        # only as a last resort further along
        def options() -> Iterator[Box]:
            yield from _candidates(*pieces[0], width, height)
            yield from _shoulder_candidates(pieces[0], width, height)
            for a, b in pieces[1:]:
                yield from _candidates(a, b, width, height)
        # the arrow's pieces after its first bend count as other lines: the label names the first run
        first = (min(pieces[0][0][0], pieces[0][1][0]), min(pieces[0][0][1], pieces[0][1][1]),
                 max(pieces[0][0][0], pieces[0][1][0]), max(pieces[0][0][1], pieces[0][1][1]))
        later = [(min(a[0], b[0]), min(a[1], b[1]), max(a[0], b[0]), max(a[1], b[1])) for a, b in pieces[1:]]
        own_run = [first] + later[:1]
        # every other line counts, even an arrow into the same target: where it runs on beyond the
        # shared trunk (a second loop back joining this one), a label beside it reads as its label
        rivals = [part for line, owner in lines if owner is not edge for part in _beyond(line, own_run)]
        rivals += later[1:]

        def fits(box: Box, nearest: bool) -> bool:
            inside = any(box[0] >= x + _CLEAR_BORDER and box[2] <= x + w - _CLEAR_BORDER
                         and box[1] >= y + _CLEAR_BORDER and box[3] <= y + h - _CLEAR_BORDER
                         for x, y, w, h in cells)
            if not inside or any(_hits_node(box, node) for node in router.nodes):
                return False
            if any(_overlaps(box, line, _GAP_LINE - 0.05 if owner.group == edge.group else _CLEAR_LINE)
                   for line, owner in lines):
                return False
            if any(_overlaps(box, piece, _GAP_LINE - 0.05 if number == 0 else _CLEAR_LINE)
                   for number, piece in enumerate(later)):
                return False
            if nearest:  # no other line as near as its own first run: it would read as that one's label
                own = min(_gap(box, piece) for piece in own_run)
                if any(_gap(box, part) <= own + _NEARER for part in rivals):
                    return False
            return not any(_overlaps(box, other, _CLEAR_LABEL) for other in placed)

        chosen = next((box for box in options() if fits(box, True)), None)
        if chosen is None:
            crowded.append(edge)
            chosen = next((box for box in options() if fits(box, False)), next(options()))
        placed.append(chosen)
        page.add(Text(chosen[0], chosen[3] - fonts.descent(size), edge.label, size, "branch-label",
                      data={"from": edge.src.key, "to": edge.dst.key}))
    return crowded
