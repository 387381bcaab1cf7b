"""BPMN DI for an exported SOP: a pool with one horizontal lane per pelaksana.

Every element gets its own column in row order (so no two shapes share a place), and sits on its
lane's centre line. Arrows are orthogonal: a forward arrow runs along its lane's centre when the
way is clear, otherwise along a track above the shapes of the source lane; the "Tidak" branch and
an arrow back to an earlier step (a revision loop) leave downwards into a track below the shapes.
Vertical runs only happen in the gaps between columns or in the target's own column, so no arrow
crosses a shape.
"""

from __future__ import annotations

from dataclasses import dataclass

from lxml import etree

from .names import BPMNDI_NS, DC_NS, DI_NS

POOL_X = 40.0
POOL_Y = 40.0
POOL_HEADER = 30.0
LANE_HEADER = 30.0
LANE_HEIGHT = 160.0
COLUMN_GAP = 50.0
FIRST_GAP = 40.0

SIZES = {
    "userTask": (150.0, 90.0),
    "startEvent": (36.0, 36.0),
    "endEvent": (36.0, 36.0),
    "exclusiveGateway": (50.0, 50.0),
    "parallelGateway": (50.0, 50.0),
}


@dataclass
class Shape:
    id: str
    tag: str
    lane: int
    name: str = ""


@dataclass
class Edge:
    id: str
    source: str
    target: str
    name: str = ""
    #: Leave the source from its bottom (the "Tidak" branch), so the two branches of a decision
    #: never share a start point or a label position.
    downwards: bool = False


@dataclass
class _Box:
    x: float
    y: float
    width: float
    height: float
    lane: int
    column: int

    @property
    def cx(self) -> float:
        return self.x + self.width / 2

    @property
    def cy(self) -> float:
        return self.y + self.height / 2

    @property
    def right(self) -> float:
        return self.x + self.width

    @property
    def bottom(self) -> float:
        return self.y + self.height


def _di(tag: str) -> str:
    return f"{{{BPMNDI_NS}}}{tag}"


def _bounds(parent: etree._Element, x: float, y: float, width: float, height: float) -> None:
    etree.SubElement(parent, f"{{{DC_NS}}}Bounds", x=_n(x), y=_n(y), width=_n(width), height=_n(height))


def _n(value: float) -> str:
    return f"{value:g}"


def layout(root: etree._Element, collaboration_id: str, participant_id: str, process_id: str, actors: list[str], lane_ids: list[str],
           shapes: list[Shape], edges: list[Edge]) -> None:
    """Append a BPMNDiagram for ``shapes`` and ``edges`` to ``root``."""
    lanes = max(len(actors), 1)
    lane_x = POOL_X + POOL_HEADER
    content_x = lane_x + LANE_HEADER
    boxes: dict[str, _Box] = {}
    cursor = content_x + FIRST_GAP
    for column, shape in enumerate(shapes):
        width, height = SIZES.get(shape.tag, (100.0, 80.0))
        lane = shape.lane if shape.lane >= 0 else 0
        centre_y = POOL_Y + lane * LANE_HEIGHT + LANE_HEIGHT / 2
        boxes[shape.id] = _Box(cursor, centre_y - height / 2, width, height, lane, column)
        cursor += width + COLUMN_GAP
    pool_width = cursor - POOL_X + FIRST_GAP
    pool_height = lanes * LANE_HEIGHT

    diagram = etree.SubElement(root, _di("BPMNDiagram"), id=f"Diagram_{process_id}")
    plane = etree.SubElement(diagram, _di("BPMNPlane"), id=f"Plane_{process_id}", bpmnElement=collaboration_id)
    pool = etree.SubElement(plane, _di("BPMNShape"), id=f"{participant_id}_di", bpmnElement=participant_id,
                            isHorizontal="true")
    _bounds(pool, POOL_X, POOL_Y, pool_width, pool_height)
    for index, lane_id in enumerate(lane_ids):
        lane_shape = etree.SubElement(plane, _di("BPMNShape"), id=f"{lane_id}_di", bpmnElement=lane_id,
                                      isHorizontal="true")
        _bounds(lane_shape, lane_x, POOL_Y + index * LANE_HEIGHT, pool_width - POOL_HEADER, LANE_HEIGHT)

    for shape in shapes:
        box = boxes[shape.id]
        element = etree.SubElement(plane, _di("BPMNShape"), id=f"{shape.id}_di", bpmnElement=shape.id)
        if shape.tag == "exclusiveGateway":
            element.set("isMarkerVisible", "true")
        _bounds(element, box.x, box.y, box.width, box.height)
        if shape.tag != "userTask" and shape.name:
            label = etree.SubElement(element, _di("BPMNLabel"))
            _bounds(label, box.x - 30, box.bottom + 6, box.width + 60, 40)

    tracks = _Tracks()
    for edge in edges:
        source, target = boxes[edge.source], boxes[edge.target]
        points = _route(source, target, boxes, edge.downwards, tracks)
        element = etree.SubElement(plane, _di("BPMNEdge"), id=f"{edge.id}_di", bpmnElement=edge.id)
        for x, y in points:
            etree.SubElement(element, f"{{{DI_NS}}}waypoint", x=_n(x), y=_n(y))
        if edge.name:
            label = etree.SubElement(element, _di("BPMNLabel"))
            x0, y0 = points[0]
            x1, y1 = points[1]
            if abs(y1 - y0) < 1:  # leaves sideways: label above the first segment
                _bounds(label, x0 + 4, y0 - 20, 36, 14)
            else:  # leaves downwards: label beside the first segment
                _bounds(label, x0 + 4, y0 + 4, 36, 14)


class _Tracks:
    """Horizontal tracks in the free bands above and below the shapes of each lane.

    Each arrow that cannot run along its lane's centre gets the first track whose stretch it does
    not share with another arrow, so arrows never lie on top of each other.
    """

    SPACING = 7.0
    MARGIN = 8.0
    COUNT = 4

    def __init__(self) -> None:
        self.used: dict[tuple[int, str, int], list[tuple[float, float]]] = {}

    def take(self, lane: int, band: str, x0: float, x1: float) -> float:
        low, high = min(x0, x1) - self.MARGIN, max(x0, x1) + self.MARGIN
        chosen = self.COUNT - 1
        for index in range(self.COUNT):
            spans = self.used.setdefault((lane, band, index), [])
            if all(high < a or low > b for a, b in spans):
                chosen = index
                break
        self.used.setdefault((lane, band, chosen), []).append((low, high))
        lane_top = POOL_Y + lane * LANE_HEIGHT
        offset = self.MARGIN + chosen * self.SPACING
        return lane_top + offset if band == "top" else lane_top + LANE_HEIGHT - offset


def _route(source: _Box, target: _Box, boxes: dict[str, _Box], downwards: bool,
           tracks: _Tracks) -> list[tuple[float, float]]:
    gap_x = target.x - COLUMN_GAP / 2
    if target.column > source.column and downwards:
        track = tracks.take(source.lane, "bottom", source.cx, gap_x)
        return [(source.cx, source.bottom), (source.cx, track), (gap_x, track), (gap_x, target.cy),
                (target.x, target.cy)]
    if target.column > source.column:
        if _clear(source, target, boxes):
            if source.lane == target.lane:
                return [(source.right, source.cy), (target.x, target.cy)]
            return [(source.right, source.cy), (gap_x, source.cy), (gap_x, target.cy), (target.x, target.cy)]
        out_x = source.right + COLUMN_GAP / 2
        track = tracks.take(source.lane, "top", out_x, gap_x)
        return [(source.right, source.cy), (out_x, source.cy), (out_x, track), (gap_x, track),
                (gap_x, target.cy), (target.x, target.cy)]
    # Back to an earlier step (a revision loop): down into a track, across, then into the target.
    track = tracks.take(source.lane, "bottom", target.cx, source.cx)
    entry_y = target.y if target.lane > source.lane else target.bottom
    return [(source.cx, source.bottom), (source.cx, track), (target.cx, track), (target.cx, entry_y)]


def _clear(source: _Box, target: _Box, boxes: dict[str, _Box]) -> bool:
    """True when no shape in the source lane stands between the two columns."""
    return not any(
        box.lane == source.lane and source.column < box.column < target.column for box in boxes.values()
    )
