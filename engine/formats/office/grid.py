"""The format-neutral picture of one sheet or document: cells, drawn shapes and connector lines.

The Excel and Word readers fill a :class:`Grid`; :mod:`engine.formats.office.table` reads the SOP out
of it. Coordinates are in EMU (English Metric Units, 914400 per inch) in one plane per grid, so arrows
can be worked out from geometry when connectors are not glued to shapes.
"""

from __future__ import annotations

import math
from collections.abc import Callable
from dataclasses import dataclass, field
from functools import cached_property
from typing import Any

#: Symbol kinds a drawn shape can have.
TERMINATOR = "terminator"
PROCESS = "process"
DECISION = "decision"
CONNECTOR = "connector"
LABEL = "label"

#: DrawingML preset geometries and the symbol they mean.
PRESETS: dict[str, str] = {
    "flowchartterminator": TERMINATOR,
    "roundrect": TERMINATOR,
    "ellipse": TERMINATOR,
    "flowchartalternateprocess": TERMINATOR,
    "flowchartprocess": PROCESS,
    "rect": PROCESS,
    "flowchartpredefinedprocess": PROCESS,
    "flowchartdocument": PROCESS,
    "flowchartmultidocument": PROCESS,
    "flowchartmanualinput": PROCESS,
    "flowchartmanualoperation": PROCESS,
    "flowchartinputoutput": PROCESS,
    "flowchartpreparation": PROCESS,
    "flowchartmagneticdisk": PROCESS,
    "flowchartpunchedcard": PROCESS,
    "flowchartdecision": DECISION,
    "diamond": DECISION,
    "flowchartconnector": CONNECTOR,
    "flowchartoffpageconnector": CONNECTOR,
    "homeplate": CONNECTOR,
    "pentagon": CONNECTOR,
}
#: Text on a label box that names a decision branch.
YES_WORDS = {"ya", "y", "yes", "iya", "setuju", "lengkap", "sesuai", "benar"}
NO_WORDS = {"tidak", "t", "no", "tdk", "tidak setuju", "tidak lengkap", "tidak sesuai", "salah"}


@dataclass
class Box:
    """An axis-aligned rectangle in EMU."""

    x0: float
    y0: float
    x1: float
    y1: float

    @property
    def center(self) -> tuple[float, float]:
        return ((self.x0 + self.x1) / 2, (self.y0 + self.y1) / 2)

    def distance(self, x: float, y: float) -> float:
        """Distance from a point to the rectangle (0 inside)."""
        dx = max(self.x0 - x, 0.0, x - self.x1)
        dy = max(self.y0 - y, 0.0, y - self.y1)
        return math.hypot(dx, dy)


@dataclass
class Shape:
    """A drawn symbol or text box."""

    sid: str
    kind: str
    text: str
    box: Box
    #: Grid cell (0-based row, column) the shape sits in.
    row: int = -1
    col: int = -1
    #: The shape's description; Alur's exports write ``alur:<step id>`` there.
    tag: str = ""


@dataclass
class Line:
    """A connector or arrow line from ``start`` to ``end`` (its arrowhead end)."""

    sid: str
    start: tuple[float, float]
    end: tuple[float, float]
    #: Ids of the shapes it is glued to, when it is.
    start_id: str = ""
    end_id: str = ""
    text: str = ""


@dataclass
class Grid:
    """One sheet (or one document) as cells plus drawings."""

    name: str
    cells: dict[tuple[int, int], str] = field(default_factory=dict)
    #: Merged ranges as (first row, first column, last row, last column), inclusive, 0-based.
    merges: list[tuple[int, int, int, int]] = field(default_factory=list)
    shapes: list[Shape] = field(default_factory=list)
    lines: list[Line] = field(default_factory=list)
    #: How a cell is named in messages ("D7" in Excel, "tabel 2 baris 3 kolom 4" in Word).
    ref: Callable[[int, int], str] = field(default=lambda row, col: f"{row + 1}:{col + 1}")
    #: How a row is named in messages (the sheet's row number).
    row_label: Callable[[int], str] = field(default=lambda row: str(row + 1))

    def text(self, row: int, col: int) -> str:
        return self.cells.get((row, col), "")

    @cached_property
    def rows(self) -> int:
        """Number of rows holding text (computed once, after the reader filled the grid)."""
        return max((row for row, _ in self.cells), default=-1) + 1

    @cached_property
    def cols(self) -> int:
        """Number of columns holding text (computed once)."""
        return max((col for _, col in self.cells), default=-1) + 1

    def row_span(self, row: int, col: int) -> int:
        """The last row of the merged range starting at (row, col), or ``row``."""
        for r0, c0, r1, _ in self.merges:
            if r0 == row and c0 == col:
                return r1
        return row


def arrows(grid: Grid, symbols: list[Shape]) -> list[tuple[Shape, Shape, str]]:
    """Every arrow between symbols as (source, target, label), connectors resolved.

    A line's end belongs to the shape it is glued to, else to the nearest symbol whose edge lies within
    a tolerance of the end point (a fifth of the smaller symbol size, at least 2 mm). Lines through
    on-page/off-page connectors carrying the same letter are joined into one arrow.
    """
    by_id = {shape.sid: shape for shape in symbols if shape.sid}
    sizes = [min(s.box.x1 - s.box.x0, s.box.y1 - s.box.y0) for s in symbols] or [0.0]
    tolerance = max(min(sizes) / 2, 72_000.0)
    labels = [shape for shape in grid.shapes if shape.kind == LABEL]

    def nearest(point: tuple[float, float], glued: str) -> Shape | None:
        if glued and glued in by_id:
            return by_id[glued]
        best = min(symbols, key=lambda s: s.box.distance(*point), default=None)
        if best is not None and best.box.distance(*point) <= tolerance:
            return best
        return None

    raw: list[tuple[Shape, Shape, Line]] = []
    for line in grid.lines:
        source, target = nearest(line.start, line.start_id), nearest(line.end, line.end_id)
        if source is not None and target is not None and source is not target:
            raw.append((source, target, line))
    words = _labels(raw, labels, tolerance)
    result: list[tuple[Shape, Shape, str]] = []
    for source, target, line in raw:
        if source.kind == CONNECTOR:
            continue
        for final in _through_connectors(target, raw, set()):
            result.append((source, final, words.get(id(line), "")))
    return result


def _through_connectors(target: Shape, raw: list[tuple[Shape, Shape, Line]], seen: set[int]) -> list[Shape]:
    if target.kind != CONNECTOR:
        return [target]
    if id(target) in seen:
        return []
    seen.add(id(target))
    letter = target.text.strip().upper()
    partners = [s for s, _, _ in raw if s.kind == CONNECTOR and (s is target or (letter and s.text.strip().upper()
                                                                                  == letter))]
    finals: list[Shape] = []
    for partner in partners:
        for source, nxt, _ in raw:
            if source is partner:
                finals.extend(_through_connectors(nxt, raw, seen))
    return finals


def _labels(raw: list[tuple[Shape, Shape, Line]], labels: list[Shape], tolerance: float) -> dict[int, str]:
    """Line id -> "ya"/"tidak": the line's own text, else the label boxes near a decision, each given
    to the closest line leaving that decision."""
    words: dict[int, str] = {}
    for source, _, line in raw:
        word = branch_word(line.text)
        if word:
            words[id(line)] = word
    for label in labels:
        word = branch_word(label.text)
        if not word:
            continue
        best: tuple[float, int] | None = None
        for source, _, line in raw:
            reach = 3 * tolerance + (source.box.y1 - source.box.y0)
            if source.kind != DECISION or id(line) in words or source.box.distance(*label.box.center) > reach:
                continue
            distance = label.box.distance(*line.start)
            if best is None or distance < best[0]:
                best = (distance, id(line))
        if best is not None:
            words[best[1]] = word
    return words


def branch_word(text: str) -> str:
    """"ya" or "tidak" when ``text`` names a decision branch, else ""."""
    cleaned = " ".join(text.lower().replace(".", " ").split())
    if cleaned in YES_WORDS:
        return "ya"
    if cleaned in NO_WORDS:
        return "tidak"
    return ""


def kind_of_preset(preset: str) -> str:
    """The symbol kind of a DrawingML preset geometry name (``""`` when it is no flowchart symbol)."""
    return PRESETS.get(preset.lower(), "")


_A = "{http://schemas.openxmlformats.org/drawingml/2006/main}"


def drawn_line(sid: str, own: Box, xfrm: Any, sppr: Any, glue: Any, text: str) -> Line:
    """A DrawingML line or connector (Excel and Word alike) as a :class:`Line` toward its arrowhead.

    :param own: the element's box on the sheet or page; ``xfrm`` its ``a:xfrm`` (flips), ``sppr`` its
        shape properties (the ``a:ln`` with head and tail ends), ``glue`` the element holding
        ``a:stCxn``/``a:endCxn`` (None when the line is not glued to shapes).
    """
    flip_h = xfrm is not None and xfrm.get("flipH") in ("1", "true")
    flip_v = xfrm is not None and xfrm.get("flipV") in ("1", "true")
    start = (own.x1 if flip_h else own.x0, own.y1 if flip_v else own.y0)
    end = (own.x0 if flip_h else own.x1, own.y0 if flip_v else own.y1)
    line = sppr.find(f"{_A}ln") if sppr is not None else None
    head = line.find(f"{_A}headEnd") if line is not None else None
    tail = line.find(f"{_A}tailEnd") if line is not None else None
    start_id = end_id = ""
    if glue is not None:
        first, last = glue.find(f"{_A}stCxn"), glue.find(f"{_A}endCxn")
        start_id = first.get("id", "") if first is not None else ""
        end_id = last.get("id", "") if last is not None else ""
    head_arrow = head is not None and head.get("type", "none") != "none"
    tail_arrow = tail is not None and tail.get("type", "none") != "none"
    if head_arrow and not tail_arrow:  # drawn backwards: the arrowhead is at the start
        start, end, start_id, end_id = end, start, end_id, start_id
    return Line(sid, start, end, start_id, end_id, text)
