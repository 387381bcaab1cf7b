"""What the router works on: symbols and connectors (nodes), the arrows between them (edges),
their routed straight pieces (segments) and where on the page arrows may run (the area).

Also the two rules the router and the label placer share: which arrows may share a line, and how a
routed path is reduced to its corners.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from engine.errors import RenderError
from engine.render.canvas import Point

#: Coordinates closer than this (mm) are the same.
EPS = 1e-6


class RoutingError(RenderError):
    """An arrow that found no path clear of the symbols.

    :param arrow: the arrow as (source key, target key).
    """

    def __init__(self, message: str, arrow: tuple[str, str]) -> None:
        super().__init__(message)
        self.arrow = arrow


@dataclass(eq=False)
class Node:
    """A symbol or off-page connector: centre, half sizes, vertical slot and usable ports."""

    key: str
    x: float
    y: float
    hw: float
    hh: float
    slot: int
    decision: bool = False
    ports: str = "TBLR"
    #: port -> ("in" or "out", ids of the arrows using it)
    use: dict[str, tuple[str, set[int]]] = field(default_factory=dict)

    def port(self, side: str) -> Point:
        """The point where an arrow leaves or enters at ``side`` (T, B, L or R)."""
        return {"T": (self.x, self.y - self.hh), "B": (self.x, self.y + self.hh),
                "L": (self.x - self.hw, self.y), "R": (self.x + self.hw, self.y)}[side]


@dataclass(eq=False)
class Edge:
    """An arrow to route; ``group`` joins arrows into the same target."""

    id: int
    src: Node
    dst: Node
    label: str = ""
    highlight: bool = False
    points: list[Point] = field(default_factory=list)

    @property
    def group(self) -> str:
        """Arrows into the same node may share their last lines."""
        return self.dst.key

    @property
    def fork(self) -> bool:
        """Arrows out of the same activity (parallel fan-out) may share their first lines."""
        return not self.src.decision


@dataclass
class Segment:
    """One straight piece of a routed arrow."""

    x1: float
    y1: float
    x2: float
    y2: float
    edge: Edge
    #: True for a vertical piece.
    vertical: bool = False
    #: The piece's extent along its own axis.
    low: float = 0.0
    high: float = 0.0

    def __post_init__(self) -> None:
        self.vertical = abs(self.x1 - self.x2) < EPS
        ends = (self.y1, self.y2) if self.vertical else (self.x1, self.x2)
        self.low, self.high = min(ends), max(ends)


@dataclass
class Area:
    """Where arrows may run on one page.

    :param slots: vertical slots (strips and rows) as (top, bottom) of the symbols in them, top to bottom.
    :param gaps: for each pair of adjacent slots, the y of the free horizontal tracks between them.
    :param gutters: the x of the free vertical tracks of each gutter, nearest the symbol first.
    :param borders_x: x of the column borders in the actor area.
    :param borders_y: y of the row borders.
    """

    slots: list[tuple[float, float]]
    gaps: list[list[float]]
    gutters: list[list[float]]
    borders_x: list[float]
    borders_y: list[float]


def compatible(one: Edge, other: Edge) -> bool:
    """Whether two arrows may share a line: into the same target, or fanning out of one activity."""
    return one.group == other.group or (one.src is other.src and one.fork)


def clean_path(points: list[Point]) -> list[Point]:
    """Drop repeated and collinear middle points."""
    result: list[Point] = []
    for point in points:
        if result and abs(point[0] - result[-1][0]) < EPS and abs(point[1] - result[-1][1]) < EPS:
            continue
        if len(result) >= 2:
            a, b = result[-2], result[-1]
            if (abs(a[0] - b[0]) < EPS and abs(b[0] - point[0]) < EPS) or \
                    (abs(a[1] - b[1]) < EPS and abs(b[1] - point[1]) < EPS):
                result[-1] = point
                continue
        result.append(point)
    return result
