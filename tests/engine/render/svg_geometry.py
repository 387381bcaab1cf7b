"""Reads a rendered SOP document (SVG) and lists every defect a reviewer would see.

It parses the SVG as any consumer would (element geometry and ``class``/``data-*`` attributes) and
measures text with the font file's own advance widths via fontTools, independently of the
renderer's code. Checks:

- every page fits its paper (everything at least 5 mm inside the edge);
- no arrow segment passes through a symbol or connector (touching the boundary of its own two ends
  is how arrows attach), no arrow runs along a table border, and no two arrows that neither join
  the same target nor fan out of the same activity share a line;
- no text overflows the table cell it sits in; no two texts overlap;
- every Ya/Tidak label sits inside one cell, off every line, symbol and border;
- every step appears exactly once (one symbol, one NO);
- off-page connectors come in lettered pairs (A, B, ..., one "out" and one "in" on different
  pages, letters consecutive and never reused);
- every decision has exactly one "Ya" and one "Tidak".
"""

from __future__ import annotations

import re
from collections import Counter
from dataclasses import dataclass, field
from functools import lru_cache
from pathlib import Path

from fontTools.ttLib import TTFont
from lxml import etree

from engine.sop.model import Sop, StepKind

SVG = "{http://www.w3.org/2000/svg}"
MM_PER_PT = 25.4 / 72
Box = tuple[float, float, float, float]
_FONT_DIRS = ("/usr/share/fonts/truetype/liberation2", "/usr/share/fonts/truetype/liberation")
#: Paper edge clearance every drawing must keep.
EDGE = 5.0
#: Rounding slack of coordinates written with two decimals.
TOL = 0.011


@lru_cache(maxsize=2)
def _advances(bold: bool) -> tuple[dict[int, float], float]:
    name = "LiberationSans-Bold.ttf" if bold else "LiberationSans-Regular.ttf"
    path = next(Path(d) / name for d in _FONT_DIRS if (Path(d) / name).is_file())
    with TTFont(str(path)) as font:
        per_em = font["head"].unitsPerEm
        hmtx = font["hmtx"].metrics
        return {code: hmtx[glyph][0] / per_em for code, glyph in font.getBestCmap().items()}, 0.0


def text_box(element: etree._Element) -> Box:
    """The ink box of a ``<text>``: advance width by font size, ascent 0.905 em, descent 0.212 em."""
    size = float(element.get("font-size"))
    widths, _ = _advances(element.get("font-weight") == "bold")
    width = sum(widths.get(ord(char), 0.6) for char in element.text or "") * size
    x, y = float(element.get("x")), float(element.get("y"))
    anchor = element.get("text-anchor", "start")
    x0 = x - width / 2 if anchor == "middle" else x - width if anchor == "end" else x
    return (x0, y - 0.905 * size, x0 + width, y + 0.212 * size)


def _points(element: etree._Element) -> list[tuple[float, float]]:
    return [tuple(map(float, pair.split(","))) for pair in element.get("points").split()]  # type: ignore[misc]


def _rect(element: etree._Element) -> Box:
    x, y = float(element.get("x")), float(element.get("y"))
    return (x, y, x + float(element.get("width")), y + float(element.get("height")))


def _bbox(points: list[tuple[float, float]]) -> Box:
    xs, ys = [p[0] for p in points], [p[1] for p in points]
    return (min(xs), min(ys), max(xs), max(ys))


def _overlap(a: Box, b: Box, margin: float = 0.0) -> bool:
    return a[0] < b[2] + margin and a[2] > b[0] - margin and a[1] < b[3] + margin and a[3] > b[1] - margin


def _inside(inner: Box, outer: Box, margin: float = 0.0) -> bool:
    return (inner[0] >= outer[0] + margin - TOL and inner[2] <= outer[2] - margin + TOL
            and inner[1] >= outer[1] + margin - TOL and inner[3] <= outer[3] - margin + TOL)


@dataclass
class Arrow:
    source: str
    target: str
    points: list[tuple[float, float]]

    def segments(self) -> list[tuple[tuple[float, float], tuple[float, float]]]:
        return list(zip(self.points, self.points[1:]))


@dataclass
class PageView:
    number: int
    kind: str
    width: float
    height: float
    nodes: dict[str, Box] = field(default_factory=dict)
    node_kind: dict[str, str] = field(default_factory=dict)
    steps: list[str] = field(default_factory=list)
    arrows: list[Arrow] = field(default_factory=list)
    cells: list[Box] = field(default_factory=list)
    #: body cells of the flowchart as (box, column key)
    columns: list[tuple[Box, str]] = field(default_factory=list)
    texts: list[tuple[str, Box, etree._Element]] = field(default_factory=list)
    connectors: list[dict[str, str]] = field(default_factory=list)
    boxes: list[Box] = field(default_factory=list)
    #: outline of each symbol and connector (corners of a rectangle, points of a polygon)
    outlines: dict[str, list[tuple[float, float]]] = field(default_factory=dict)
    #: arrowheads as (tip, base corner, base corner)
    heads: list[tuple[tuple[float, float], ...]] = field(default_factory=list)
    #: centres of the line hops drawn where two arrows cross
    hops: list[tuple[float, float]] = field(default_factory=list)
    #: centres of the join dots drawn where an arrow runs into another's line to the same target
    joins: list[tuple[float, float]] = field(default_factory=list)

    def step_of(self, key: str) -> str:
        """The step a node stands for: itself, or the step a connector leads to."""
        if not key.startswith("conn:"):
            return key
        return next(c["data-target"] for c in self.connectors if c["data-node"] == key)

    def home_of(self, key: str) -> str:
        """The step whose column and row a node sits in: itself, the step an "in" connector leads
        to, or the step an "out" connector comes from."""
        if not key.startswith("conn:"):
            return key
        connector = next(c for c in self.connectors if c["data-node"] == key)
        return connector["data-source" if connector["data-dir"] == "out" else "data-target"]


def parse(svg: bytes) -> list[PageView]:
    """The pages of a rendered document with their symbols, arrows, cells and texts."""
    root = etree.fromstring(svg)
    pages: list[PageView] = []
    for group in root.iter(f"{SVG}g"):
        if group.get("class") != "page":
            continue
        page = PageView(int(group.get("data-page")), group.get("data-kind"), float(group.get("data-width")),
                        float(group.get("data-height")))
        for element in group:
            role = element.get("class", "")
            tag = etree.QName(element).localname
            if role == "hop":
                page.hops.append((float(element.get("data-x")), float(element.get("data-y"))))
                continue
            if role == "join":
                page.joins.append((float(element.get("data-x")), float(element.get("data-y"))))
            if role in ("hop-mask", "hop-line"):
                continue
            if tag == "rect" and role != "paper":
                box = _rect(element)
            elif tag in ("polygon", "polyline"):
                box = _bbox(_points(element))
            elif tag == "text":
                box = text_box(element)
            elif tag == "image":
                box = _rect(element)
            else:
                continue
            page.boxes.append(box)
            if role == "arrowhead":
                page.heads.append(tuple(_points(element)))
            if role in ("symbol", "connector"):
                page.nodes[element.get("data-node")] = box
                page.outlines[element.get("data-node")] = (
                    _points(element) if tag == "polygon"
                    else [(box[0], box[1]), (box[2], box[1]), (box[2], box[3]), (box[0], box[3])])
                page.node_kind[element.get("data-node")] = element.get("data-kind", "connector")
                if role == "symbol":
                    page.steps.append(element.get("data-step"))
                else:
                    page.connectors.append(dict(element.attrib))
            elif role == "arrow":
                page.arrows.append(Arrow(element.get("data-from"), element.get("data-to"), _points(element)))
            elif role in ("cell", "head"):
                page.cells.append(box)
                if element.get("data-row"):
                    page.columns.append((box, element.get("data-col")))
            elif tag == "text":
                page.texts.append((role, box, element))
        pages.append(page)
    return pages


def _segment_box(a: tuple[float, float], b: tuple[float, float]) -> Box:
    return (min(a[0], b[0]), min(a[1], b[1]), max(a[0], b[0]), max(a[1], b[1]))


def _through(segment: Box, node: Box) -> bool:
    """True when an axis-parallel segment enters the interior of ``node``."""
    x0, y0, x1, y1 = node
    shrink = 0.05
    return segment[0] < x1 - shrink and segment[2] > x0 + shrink and segment[1] < y1 - shrink and segment[3] > y0 + shrink


def _touches(box: Box, node: Box, diamond: bool, margin: float) -> bool:
    """Whether ``box`` comes within ``margin`` of a node's outline (a diamond for decisions)."""
    if not diamond:
        return _overlap(box, node, margin)
    cx, cy = (node[0] + node[2]) / 2, (node[1] + node[3]) / 2
    hw, hh = (node[2] - node[0]) / 2 + margin, (node[3] - node[1]) / 2 + margin
    dx = 0.0 if box[0] <= cx <= box[2] else min(abs(box[0] - cx), abs(box[2] - cx))
    dy = 0.0 if box[1] <= cy <= box[3] else min(abs(box[1] - cy), abs(box[3] - cy))
    return dx / hw + dy / hh < 1.0


def _containing_cell(box: Box, cells: list[Box]) -> Box | None:
    cx, cy = (box[0] + box[2]) / 2, (box[1] + box[3]) / 2
    holding = [c for c in cells if c[0] <= cx <= c[2] and c[1] <= cy <= c[3]]
    return min(holding, key=lambda c: (c[2] - c[0]) * (c[3] - c[1])) if holding else None


def page_defects(page: PageView) -> list[str]:
    """Every defect on one page."""
    found: list[str] = []
    where = f"page {page.number}"
    for box in page.boxes:
        if box[0] < EDGE - TOL or box[1] < EDGE - TOL or box[2] > page.width - EDGE + TOL \
                or box[3] > page.height - EDGE + TOL:
            found.append(f"{where}: drawing at {tuple(round(v, 1) for v in box)} is off the paper's printable area")
    # arrows against symbols, borders and each other
    edges_x = sorted({round(c[i], 2) for c in page.cells for i in (0, 2)})
    edges_y = sorted({round(c[i], 2) for c in page.cells for i in (1, 3)})
    for arrow in page.arrows:
        for a, b in arrow.segments():
            if a[0] != b[0] and a[1] != b[1]:
                found.append(f"{where}: arrow {arrow.source}->{arrow.target} has a diagonal segment")
            segment = _segment_box(a, b)
            for key, node in page.nodes.items():
                if _through(segment, node):
                    found.append(f"{where}: arrow {arrow.source}->{arrow.target} passes through {key}")
            if a[0] == b[0] and any(abs(a[0] - x) < 0.2 for x in edges_x):
                found.append(f"{where}: arrow {arrow.source}->{arrow.target} runs along a column border")
            if a[1] == b[1] and any(abs(a[1] - y) < 0.2 for y in edges_y):
                found.append(f"{where}: arrow {arrow.source}->{arrow.target} runs along a row border")
    for index, one in enumerate(page.arrows):
        for other in page.arrows[index + 1:]:
            if one.target == other.target and one.points[-1] == other.points[-1] or (
                    one.source == other.source and page.node_kind.get(one.source) != "decision"):
                continue  # a join drawn as one line into one arrowhead, or a fan-out of one activity
            for a, b in one.segments():
                for c, d in other.segments():
                    if a[0] == b[0] == c[0] == d[0] or (abs(a[0] - b[0]) < TOL and abs(c[0] - d[0]) < TOL
                                                        and abs(a[0] - c[0]) < 0.3):
                        lo, hi = sorted((a[1], b[1]))
                        clo, chi = sorted((c[1], d[1]))
                        if lo < chi - TOL and hi > clo + TOL:
                            found.append(f"{where}: arrows {one.source}->{one.target} and "
                                         f"{other.source}->{other.target} share a vertical line")
                    elif abs(a[1] - b[1]) < TOL and abs(c[1] - d[1]) < TOL and abs(a[1] - c[1]) < 0.3:
                        lo, hi = sorted((a[0], b[0]))
                        clo, chi = sorted((c[0], d[0]))
                        if lo < chi - TOL and hi > clo + TOL:
                            found.append(f"{where}: arrows {one.source}->{one.target} and "
                                         f"{other.source}->{other.target} share a horizontal line")
    # symbols and connectors inside one cell, clear of its borders
    for key, node in page.nodes.items():
        if not any(_inside(node, cell, 0.2) for cell, _ in page.columns):
            found.append(f"{where}: symbol {key} spills over a cell border")
    # texts: inside their cell, not overlapping each other
    for role, box, element in page.texts:
        if role in ("cell-text", "head-text"):
            cell = _containing_cell(box, page.cells)
            if cell is None or not _inside(box, cell):
                found.append(f"{where}: text {element.text!r} overflows its cell")
        elif role == "connector-letter":
            holder = [n for n in page.nodes.values() if _inside(box, n)]
            if not holder:
                found.append(f"{where}: connector letter {element.text!r} is not inside its connector")
        elif role == "branch-label":
            cell = _containing_cell(box, page.cells)
            if cell is None or not _inside(box, cell, 0.2):
                found.append(f"{where}: label {element.text!r} of {element.get('data-from')} sits on a border")
            for arrow in page.arrows:
                for a, b in arrow.segments():
                    if _overlap(box, _segment_box(a, b), 0.2):
                        found.append(f"{where}: label {element.text!r} of {element.get('data-from')} sits on "
                                     f"the line {arrow.source}->{arrow.target}")
            for key, node in page.nodes.items():
                if _touches(box, node, page.node_kind[key] == "decision", 0.2):
                    found.append(f"{where}: label {element.text!r} of {element.get('data-from')} touches {key}")
    ordered = sorted(page.texts, key=lambda item: item[1][1])
    for index, (_, box, element) in enumerate(ordered):
        for _, other, other_element in ordered[index + 1:]:
            if other[1] >= box[3]:
                break
            if _overlap(box, other, -TOL):
                found.append(f"{where}: texts {element.text!r} and {other_element.text!r} overlap")
    return found


def defects(svg: bytes, sop: Sop) -> list[str]:
    """Every defect of a rendered document of ``sop``."""
    from tests.engine.render.svg_checks import document_defects

    pages = parse(svg)
    found = [item for page in pages for item in page_defects(page)] + document_defects(pages, sop)
    steps = Counter(step for page in pages for step in page.steps)
    for step in sop.steps:
        if steps[step.id] != 1:
            found.append(f"step {step.id} appears {steps[step.id]} times")
    for extra in set(steps) - {step.id for step in sop.steps}:
        found.append(f"unknown step {extra} drawn")
    numbers = Counter(element.text for page in pages if page.kind == "flowchart" for role, box, element in page.texts
                      if role == "cell-text" and re.fullmatch(r"\d+(?:\.\d+)*", element.text or "")
                      and _is_no_cell(page, box))
    for number in _row_numbers(sop):
        if numbers[number] != 1:
            found.append(f"NO {number} appears {numbers[number]} times")
    # connectors in lettered pairs
    by_letter: dict[str, list[tuple[int, str]]] = {}
    for page in pages:
        for connector in page.connectors:
            by_letter.setdefault(connector["data-letter"], []).append((page.number, connector["data-dir"]))
        letters_drawn = Counter(element.text for role, _, element in page.texts if role == "connector-letter")
        letters_shapes = Counter(c["data-letter"] for c in page.connectors)
        if letters_drawn != letters_shapes:
            found.append(f"page {page.number}: connector letters {dict(letters_drawn)} do not match connectors "
                         f"{dict(letters_shapes)}")
    expected = [_letter(index) for index in range(len(by_letter))]
    if sorted(by_letter, key=lambda name: (len(name), name)) != expected:
        found.append(f"connector letters {sorted(by_letter)} are not A, B, C, ... without gaps")
    for name, uses in by_letter.items():
        directions = sorted(direction for _, direction in uses)
        if directions != ["in", "out"]:
            found.append(f"connector {name} is used as {directions}, not one out and one in")
        elif len({page for page, _ in uses}) != 2:
            found.append(f"connector {name} has both ends on one page")
    # every symbol and connector in its actor's column
    column_of = {step.id: f"actor:{sop.actors.index(step.actor)}" for step in sop.steps if step.actor in sop.actors}
    for page in pages:
        for key, node in page.nodes.items():
            step = page.home_of(key)
            where = [col for cell, col in page.columns if _inside(node, cell)]
            if step in column_of and where != [column_of[step]]:
                found.append(f"page {page.number}: {key} is in column {where}, not in {column_of[step]}")
    # Ya / Tidak
    labels = Counter((element.get("data-from"), element.text) for page in pages
                     for role, _, element in page.texts if role == "branch-label")
    for step in sop.steps:
        if step.kind is StepKind.DECISION:
            for answer in ("Ya", "Tidak"):
                if labels[(step.id, answer)] != 1:
                    found.append(f"decision {step.id} has {labels[(step.id, answer)]} '{answer}' labels")
    return found


def _row_numbers(sop: Sop) -> list[str]:
    """The NO the rows must show: 1, 2, ...; a step with its own ``number`` ("4.1") shows that."""
    numbers, count = [], 0
    for step in sop.steps:
        given = str(getattr(step, "number", "") or "").strip()
        count += 0 if given else 1
        numbers.append(given or str(count))
    return numbers


def _is_no_cell(page: PageView, box: Box) -> bool:
    cell = _containing_cell(box, page.cells)
    return cell is not None and cell[2] - cell[0] < 12


def _letter(number: int) -> str:
    text = ""
    number += 1
    while number:
        number, rest = divmod(number - 1, 26)
        text = chr(65 + rest) + text
    return text


def cell_texts(svg: bytes) -> dict[tuple[str, str], list[tuple[str, str]]]:
    """The lines of text in each flowchart body cell, keyed by (column key, NO), with their colours."""
    result: dict[tuple[str, str], list[tuple[str, str]]] = {}
    root = etree.fromstring(svg)
    for group in root.iter(f"{SVG}g"):
        if group.get("class") != "page":
            continue
        cells = [(_rect(e), (e.get("data-col"), e.get("data-row"))) for e in group
                 if e.get("class") == "cell" and e.get("data-row")]
        for element in group:
            if element.get("class") != "cell-text":
                continue
            box = text_box(element)
            cx, cy = (box[0] + box[2]) / 2, (box[1] + box[3]) / 2
            for rect, key in cells:
                if rect[0] <= cx <= rect[2] and rect[1] <= cy <= rect[3]:
                    result.setdefault(key, []).append((element.text or "", element.get("fill", "#000000")))
    return result


def cell_text(svg: bytes, column: str, number: int) -> str:
    """The text of one flowchart cell, lines joined by spaces."""
    return " ".join(text for text, _ in cell_texts(svg).get((column, str(number)), []))
