"""The print reviewer's stricter checks, in millimetres, on the pages :mod:`svg_geometry` parsed.

- every arrow ends on its target's outline (within 0.5 mm) with an arrowhead whose tip is there,
  and its last segment is at least twice the arrowhead's length;
- a line keeps 2 mm from every symbol it does not start or end at, 1 mm from every table border
  along it, 1.5 mm from every parallel line of another arrow (arrows that join one target may
  share their last line, as a join), and never crosses a text;
- two arrows that cross do so with a line hop drawn at the crossing;
- a Ya/Tidak label names the branch the model gives that answer, and the line nearest to it is its
  own branch's first run (the exit stub or the piece after its first bend; a line two arrows share
  as a join counts for both);
- labels, connector letters, footers and header labels are at least 7 pt, body texts at least 8 pt;
- every flowchart page repeats the header row; every page's footer says "Halaman X dari Y" (or
  "Page X of Y") with its own number and the real page count;
- the off-page connectors pass :mod:`svg_connectors` (beside their rows, with the flow, in page order).
"""

from __future__ import annotations

import math
import re
from collections.abc import Sequence

from engine.sop.model import Sop, StepKind
from tests.engine.render.svg_connectors import connector_defects
from tests.engine.render.svg_geometry import MM_PER_PT, TOL, Arrow, Box, PageView

Point = tuple[float, float]

#: The reviewer's limits (mm, pt).
END_GAP = 0.5
SYMBOL_CLEAR = 2.0
PARALLEL_CLEAR = 1.5
BORDER_CLEAR = 1.0
LABEL_PT = 7.0
BODY_PT = 8.0
HOP_REACH = 0.8
_HEADERS = ("NO", "KEGIATAN", "PELAKSANA", "MUTU BAKU", "KETERANGAN")
#: At least 7 pt: labels, connector letters, footers and the header labels (which step down from 8 to
#: 7 pt only when many pelaksana columns must fit); at least 8 pt: the body of the table and the title.
_SMALL_ROLES = ("branch-label", "connector-letter", "footer", "head-text", "legend")
_BODY_ROLES = ("cell-text", "caption")


def _point_segment(p: Point, a: Point, b: Point) -> float:
    dx, dy = b[0] - a[0], b[1] - a[1]
    length = dx * dx + dy * dy
    t = 0.0 if length == 0 else max(0.0, min(1.0, ((p[0] - a[0]) * dx + (p[1] - a[1]) * dy) / length))
    return math.hypot(p[0] - a[0] - t * dx, p[1] - a[1] - t * dy)


def _cross(o: Point, a: Point, b: Point) -> float:
    return (a[0] - o[0]) * (b[1] - o[1]) - (a[1] - o[1]) * (b[0] - o[0])


def _intersect(a: Point, b: Point, c: Point, d: Point) -> bool:
    d1, d2, d3, d4 = _cross(c, d, a), _cross(c, d, b), _cross(a, b, c), _cross(a, b, d)
    return ((d1 > 0) != (d2 > 0)) and ((d3 > 0) != (d4 > 0)) and 0 not in (d1, d2, d3, d4)


def _segment_distance(a: Point, b: Point, c: Point, d: Point) -> float:
    if _intersect(a, b, c, d):
        return 0.0
    return min(_point_segment(a, c, d), _point_segment(b, c, d), _point_segment(c, a, b), _point_segment(d, a, b))


def _outline_edges(outline: Sequence[Point]) -> list[tuple[Point, Point]]:
    return list(zip(outline, [*outline[1:], outline[0]]))


def outline_distance(p: Point, outline: Sequence[Point]) -> float:
    """Distance from ``p`` to a closed outline."""
    return min(_point_segment(p, a, b) for a, b in _outline_edges(outline))


def _inside(p: Point, outline: Sequence[Point]) -> bool:
    signs = {_cross(a, b, p) > 0 for a, b in _outline_edges(outline) if abs(_cross(a, b, p)) > 1e-9}
    return len(signs) == 1


def segment_outline_distance(a: Point, b: Point, outline: Sequence[Point]) -> float:
    """Distance from the segment ``a``-``b`` to a closed outline (0 when it enters it)."""
    if _inside(a, outline) or _inside(b, outline):
        return 0.0
    return min(_segment_distance(a, b, c, d) for c, d in _outline_edges(outline))


def _box_outline(box: Box) -> list[Point]:
    return [(box[0], box[1]), (box[2], box[1]), (box[2], box[3]), (box[0], box[3])]


def _vertical(a: Point, b: Point) -> bool:
    return abs(a[0] - b[0]) < TOL


def _horizontal(a: Point, b: Point) -> bool:
    return abs(a[1] - b[1]) < TOL


def _overlap_length(lo: float, hi: float, other_lo: float, other_hi: float) -> float:
    return min(hi, other_hi) - max(lo, other_lo)


def _arrows(page: PageView) -> list[str]:
    """Arrow ends, arrowheads and the last segment."""
    found: list[str] = []
    where = f"page {page.number}"
    for arrow in page.arrows:
        name = f"{arrow.source}->{arrow.target}"
        end = arrow.points[-1]
        outline = page.outlines.get(arrow.target)
        if outline is not None and not _inside(end, outline):
            gap = outline_distance(end, outline)
            if gap > END_GAP:
                found.append(f"{where}: arrow {name} ends {gap:.1f} mm short of its target")
        heads = [head for head in page.heads if math.dist(head[0], end) <= 0.3]
        if not heads:
            found.append(f"{where}: arrow {name} has no arrowhead at its end")
            continue
        head = heads[0]
        if outline is not None and not _inside(head[0], outline) and outline_distance(head[0], outline) > END_GAP:
            found.append(f"{where}: arrowhead of {name} does not touch its target")
        base = ((head[1][0] + head[2][0]) / 2, (head[1][1] + head[2][1]) / 2)
        length = math.dist(head[0], base)
        last = math.dist(arrow.points[-2], arrow.points[-1])
        if last < 2 * length - TOL:
            found.append(f"{where}: arrow {name} ends in a {last:.1f} mm segment, shorter than twice its "
                         f"{length:.1f} mm arrowhead")
    return found


def _clearances(page: PageView) -> list[str]:
    """Lines against symbols, borders, texts and other lines."""
    found: list[str] = []
    where = f"page {page.number}"
    texts = [(element.text, box) for role, box, element in page.texts
             if role in ("cell-text", "head-text", "caption", "footer", "legend")]
    for arrow in page.arrows:
        name = f"{arrow.source}->{arrow.target}"
        for a, b in arrow.segments():
            for key, outline in page.outlines.items():
                if key in (arrow.source, arrow.target):
                    continue
                gap = segment_outline_distance(a, b, outline)
                if gap < SYMBOL_CLEAR - TOL:
                    found.append(f"{where}: arrow {name} runs {gap:.2f} mm beside {key}")
            for cell in page.cells:
                if _vertical(a, b):
                    near = min(abs(a[0] - cell[0]), abs(a[0] - cell[2]))
                    along = _overlap_length(min(a[1], b[1]), max(a[1], b[1]), cell[1], cell[3])
                else:
                    near = min(abs(a[1] - cell[1]), abs(a[1] - cell[3]))
                    along = _overlap_length(min(a[0], b[0]), max(a[0], b[0]), cell[0], cell[2])
                if near < BORDER_CLEAR - TOL and along > TOL:
                    found.append(f"{where}: arrow {name} runs {near:.2f} mm from a table border")
                    break
            for text, box in texts:
                if _box_touches(box, a, b):
                    found.append(f"{where}: arrow {name} crosses the text {text!r}")
    for index, one in enumerate(page.arrows):
        for other in page.arrows[index + 1:]:
            found.extend(_parallel(where, one, other))
    return found


def _box_touches(box: Box, a: Point, b: Point) -> bool:
    return (min(a[0], b[0]) < box[2] and max(a[0], b[0]) > box[0]
            and min(a[1], b[1]) < box[3] and max(a[1], b[1]) > box[1])


def _parallel(where: str, one: Arrow, other: Arrow) -> list[str]:
    found: list[str] = []
    joined = one.target == other.target
    for a, b in one.segments():
        for c, d in other.segments():
            if _vertical(a, b) and _vertical(c, d):
                gap = abs(a[0] - c[0])
                along = _overlap_length(min(a[1], b[1]), max(a[1], b[1]), min(c[1], d[1]), max(c[1], d[1]))
            elif _horizontal(a, b) and _horizontal(c, d):
                gap = abs(a[1] - c[1])
                along = _overlap_length(min(a[0], b[0]), max(a[0], b[0]), min(c[0], d[0]), max(c[0], d[0]))
            else:
                continue
            if along > TOL and TOL < gap < PARALLEL_CLEAR - TOL:
                found.append(f"{where}: arrows {one.source}->{one.target} and {other.source}->{other.target} run "
                             f"parallel {gap:.2f} mm apart")
            elif along > TOL and gap <= TOL and not joined and one.source != other.source:
                found.append(f"{where}: arrows {one.source}->{one.target} and {other.source}->{other.target} "
                             f"share a line")
    return found


def _crossings(page: PageView) -> list[str]:
    found: list[str] = []
    where = f"page {page.number}"
    for index, one in enumerate(page.arrows):
        for other in page.arrows[index + 1:]:
            for a, b in one.segments():
                for c, d in other.segments():
                    if _vertical(a, b) == _vertical(c, d) or not _intersect(a, b, c, d):
                        continue
                    at = (a[0], c[1]) if _vertical(a, b) else (c[0], a[1])
                    if not any(math.dist(at, hop) <= HOP_REACH for hop in page.hops):
                        found.append(f"{where}: arrows {one.source}->{one.target} and {other.source}->{other.target} "
                                     f"cross at ({at[0]:.1f}, {at[1]:.1f}) without a line hop")
    return found


def _labels(page: PageView, sop: Sop) -> list[str]:
    found: list[str] = []
    where = f"page {page.number}"
    steps = {step.id: step for step in sop.steps}
    for role, box, element in page.texts:
        if role != "branch-label":
            continue
        source, answer = element.get("data-from"), element.text
        target = page.step_of(element.get("data-to") or "")
        step = steps.get(source or "")
        if step is not None and step.kind is StepKind.DECISION:
            expected = step.yes if answer == "Ya" else step.no
            if target != expected:
                found.append(f"{where}: label {answer!r} of {source} names the branch to {target}, but the model's "
                             f"{answer!r} goes to {expected}")
        centre = ((box[0] + box[2]) / 2, (box[1] + box[3]) / 2)
        best: tuple[float, Arrow, int] | None = None
        for arrow in page.arrows:
            for number, (a, b) in enumerate(arrow.segments()):
                gap = segment_outline_distance(a, b, _box_outline(box)) if not _box_touches(box, a, b) else 0.0
                gap += 1e-3 * _point_segment(centre, a, b)
                mine = arrow.source == source and page.step_of(arrow.target) == target
                if best is None or gap < best[0] - TOL or (mine and gap <= best[0] + TOL):
                    best = (gap, arrow, number)
        if best is None:
            continue
        _, arrow, number = best
        own = arrow.source == source and page.step_of(arrow.target) == target
        if not own or number > 1:
            found.append(f"{where}: label {answer!r} of {source} sits nearest to "
                         f"{'segment %d of ' % (number + 1) if own else ''}the line {arrow.source}->{arrow.target}, "
                         f"not beside its own branch's first run")
    return found


def _fonts(page: PageView) -> list[str]:
    found: list[str] = []
    for role, _, element in page.texts:
        size = float(element.get("font-size")) / MM_PER_PT
        least = LABEL_PT if role in _SMALL_ROLES else BODY_PT if role in _BODY_ROLES else LABEL_PT
        if size < least - 0.01:
            found.append(f"page {page.number}: {role} {element.text!r} is {size:.1f} pt, below {least:g} pt")
    return found


def document_defects(pages: list[PageView], sop: Sop) -> list[str]:
    """Every defect the stricter checks find in a parsed document of ``sop``."""
    found: list[str] = []
    for page in pages:
        found += _fonts(page)
        footers = [element.text or "" for role, _, element in page.texts if role == "footer"]
        numbers = [re.search(r"(\d+)\D+(\d+)\s*$", text) for text in footers]
        if not any(match and (int(match[1]), int(match[2])) == (page.number, len(pages)) for match in numbers):
            found.append(f"page {page.number}: footer {footers} does not say page {page.number} of {len(pages)}")
        if page.kind != "flowchart":
            continue
        heads = {element.text for role, _, element in page.texts if role == "head-text"}
        missing = [name for name in _HEADERS if name not in heads]
        if missing:
            found.append(f"page {page.number}: header row is missing {missing}")
        found += _arrows(page) + _clearances(page) + _crossings(page) + _labels(page, sop)
    return found + connector_defects([page for page in pages if page.kind == "flowchart"])
