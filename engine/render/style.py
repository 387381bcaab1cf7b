"""Sizes of the printed document: paper, margins, type sizes and symbol proportions (millimetres)."""

from __future__ import annotations

from dataclasses import dataclass

from engine.errors import RenderError

#: Landscape paper sizes (width, height) in millimetres. F4 is the Indonesian folio, 215 x 330 mm.
PAPERS: dict[str, tuple[float, float]] = {"a4": (297.0, 210.0), "f4": (330.0, 215.0)}

MARGIN_LEFT = 15.0
MARGIN_RIGHT = 10.0
MARGIN_TOP = 10.0
MARGIN_BOTTOM = 10.0
#: Height of the title line above a flowchart table and of the footer line.
CAPTION = 7.0
FOOTER = 6.0

#: Body type sizes tried from the largest down until the table fits the page width (points): 8 pt, the
#: smallest a reviewer accepts.
BODY_SIZES = (8.0,)
#: Header label sizes tried from the largest down when many pelaksana columns must fit (points);
#: the body text stays at 8 pt.
HEAD_SIZES = (8.0, 7.5, 7.0)

#: Padding inside table cells.
PAD_X = 1.2
PAD_Y = 1.0

#: Routing: clearance between a line and a symbol, distance between parallel tracks, clearance
#: between a track and a table border.
CLEAR = 2.1
TRACK = 1.6
BORDER_CLEAR = 1.1
#: Space above and below a symbol inside its row (room for two horizontal tracks or a label).
BAND = CLEAR + TRACK + 1.7

#: Distance from a symbol's side to the first vertical track beside it (room for the exit stub).
SIDE_CLEAR = 2.6
#: Symbol width bounds and share of the narrowest actor column; heights are proportions of the width.
SYMBOL_MIN = 8.0
SYMBOL_MAX = 14.0
SYMBOL_SHARE = 0.5
PROCESS_RATIO = 0.58
DECISION_RATIO = 0.66
TERMINATOR_RATIO = 0.5
#: Off-page connector (pentagon): width and height.
CONNECTOR_W = 5.4
CONNECTOR_H = 5.4
#: Gap between two connectors side by side in one strip.
CONNECTOR_GAP = 2.1
#: Height of the strip inside the first/last row of a page that holds off-page connectors.
STRIP = CONNECTOR_H + 2 * CLEAR + 0.6

LINE_WIDTH = 0.25
ARROW_WIDTH = 0.3
HIGHLIGHT_WIDTH = 0.6
ARROW_LENGTH = 1.2
ARROW_HALF = 0.5
#: How much taller a strip grows for each further line of connectors, when a row has more arrows
#: leaving (or entering) than its column holds side by side: room for the connectors and three
#: horizontal tracks between two lines, each track keeping an arrowhead's final approach of twice its
#: length clear of the connectors above and below it.
STRIP_LINE = CONNECTOR_H + 2 * max(CLEAR, 2 * ARROW_LENGTH + 0.1) + 2 * TRACK + 0.1
#: Radius of the line hop where two arrows cross.
HOP_RADIUS = 1.0
#: Radius of the dot where two arrows into one target join.
JOIN_RADIUS = 0.6


@dataclass(frozen=True)
class Paper:
    """A landscape sheet and the area inside its margins."""

    name: str
    width: float
    height: float

    @property
    def inner_width(self) -> float:
        """Width between the left and right margins."""
        return self.width - MARGIN_LEFT - MARGIN_RIGHT

    @property
    def inner_height(self) -> float:
        """Height between the top and bottom margins."""
        return self.height - MARGIN_TOP - MARGIN_BOTTOM


def paper(name: str) -> Paper:
    """The :class:`Paper` for "a4" or "f4" (case-insensitive).

    :raises RenderError: for another name.
    """
    key = name.lower()
    if key not in PAPERS:
        raise RenderError(f"Ukuran kertas '{name}' tidak dikenal; gunakan a4 atau f4.")
    width, height = PAPERS[key]
    return Paper(key, width, height)
