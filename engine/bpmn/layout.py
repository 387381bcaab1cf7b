"""BPMN DI for an exported SOP: a pool with one horizontal lane per pelaksana.

Every element gets its own column in row order (so no two shapes share a place), and sits on its
lane's centre line. Arrows are orthogonal: a forward arrow runs along its lane's centre when the
way is clear, otherwise along a channel at the bottom of the source lane; an arrow back to an
earlier step (a revision loop) runs from the bottom of the source along the lane's channel.
"""

from __future__ import annotations

from dataclasses import dataclass

from lxml import etree

from .names import BPMNDI_NS, DC_NS, DI_NS

POOL_X = 40.0
POOL_Y = 40.0
POOL_HEADER = 30.0
LANE_HEADER = 30.0
LANE_HEIGHT = 150.0
COLUMN_GAP = 50.0
FIRST_GAP = 40.0
CHANNEL_OFFSET = 14.0

SIZES = {
    "userTask": (120.0, 80.0),
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

    for edge in edges:
        source, target = boxes[edge.source], boxes[edge.target]
        points = _route(source, target, boxes)
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


def _channel(lane: int) -> float:
    return POOL_Y + (lane + 1) * LANE_HEIGHT - CHANNEL_OFFSET


def _route(source: _Box, target: _Box, boxes: dict[str, _Box]) -> list[tuple[float, float]]:
    if target.column > source.column:
        gap_x = target.x - COLUMN_GAP / 2
        if source.lane == target.lane and _clear(source, target, boxes):
            return [(source.right, source.cy), (target.x, target.cy)]
        if _clear(source, target, boxes):
            return [(source.right, source.cy), (gap_x, source.cy), (gap_x, target.cy), (target.x, target.cy)]
        channel = _channel(source.lane)
        out_x = source.right + COLUMN_GAP / 2
        return [(source.right, source.cy), (out_x, source.cy), (out_x, channel), (gap_x, channel),
                (gap_x, target.cy), (target.x, target.cy)]
    # Back to an earlier step: down to the source lane's channel, across, then into the target.
    channel = _channel(source.lane)
    if target.lane > source.lane:
        entry_y = target.y
    else:
        entry_y = target.bottom
    return [(source.cx, source.bottom), (source.cx, channel), (target.cx, channel), (target.cx, entry_y)]


def _clear(source: _Box, target: _Box, boxes: dict[str, _Box]) -> bool:
    """True when no shape in the source lane stands between the two columns."""
    return not any(
        box.lane == source.lane and source.column < box.column < target.column for box in boxes.values()
    )
