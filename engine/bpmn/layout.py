"""BPMN DI for an exported SOP: a pool with one horizontal lane per pelaksana.

Every element gets its own column in row order (so no two shapes share a place), and sits on its
lane's centre line. Arrows are orthogonal: a forward arrow runs along its lane's centre when the
way is clear, otherwise along a track above the shapes of the source lane; the "Tidak" branch and
an arrow back to an earlier step (a revision loop) leave downwards into a track below the shapes.
Vertical runs only happen in the gaps between columns or in the target's own column, so no arrow
crosses a shape, and each detour gets a track of its own, so no two arrows lie on top of each
other. Routing runs twice: the first pass counts the tracks each lane needs, the second lays out
lanes tall enough to hold them.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from lxml import etree

from engine.bpmn.names import BPMNDI_NS, DC_NS, DI_NS

POOL_X = 40.0
POOL_Y = 40.0
POOL_HEADER = 30.0
LANE_HEADER = 30.0
MIN_LANE_HEIGHT = 160.0
COLUMN_GAP = 50.0
FIRST_GAP = 40.0
TRACK_SPACING = 7.0
TRACK_MARGIN = 8.0
#: Tracks every band reserves even when unused, so lanes keep a calm, even look.
MIN_TRACKS = 3

SIZES = {
    "userTask": (150.0, 90.0),
    "startEvent": (36.0, 36.0),
    "endEvent": (36.0, 36.0),
    "exclusiveGateway": (50.0, 50.0),
    "parallelGateway": (50.0, 50.0),
    "eventBasedGateway": (50.0, 50.0),
    "intermediateCatchEvent": (36.0, 36.0),
    "boundaryEvent": (36.0, 36.0),
}
SHAPE_AREA = max(height for _, height in SIZES.values())

Point = tuple[float, float]


@dataclass
class Shape:
    id: str
    tag: str
    lane: int
    name: str = ""
    #: A boundary event: the id of the task it sits on (its lower edge), taking no column of its own.
    attached_to: str = ""


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


@dataclass
class _Lanes:
    """Vertical geometry of the lanes, sized to the tracks each band needs."""

    top_tracks: list[int]
    bottom_tracks: list[int]
    #: Height kept for the shapes between the bands (more when boundary events hang below tasks).
    shape_area: float = SHAPE_AREA
    tops: list[float] = field(default_factory=list)
    heights: list[float] = field(default_factory=list)

    def __post_init__(self) -> None:
        cursor = POOL_Y
        for top, bottom in zip(self.top_tracks, self.bottom_tracks):
            height = max(MIN_LANE_HEIGHT, self._band(top) + self.shape_area + self._band(bottom))
            self.tops.append(cursor)
            self.heights.append(height)
            cursor += height

    @staticmethod
    def _band(tracks: int) -> float:
        return 2 * TRACK_MARGIN + max(tracks, MIN_TRACKS) * TRACK_SPACING

    def centre(self, lane: int) -> float:
        top_band, bottom_band = self._band(self.top_tracks[lane]), self._band(self.bottom_tracks[lane])
        return self.tops[lane] + top_band + (self.heights[lane] - top_band - bottom_band) / 2

    def track_y(self, lane: int, band: str, index: int) -> float:
        offset = TRACK_MARGIN + index * TRACK_SPACING
        if band == "top":
            return self.tops[lane] + offset
        return self.tops[lane] + self.heights[lane] - offset

    @property
    def total_height(self) -> float:
        return sum(self.heights)


class _Tracks:
    """Hands out horizontal tracks in a lane's bands; an arrow gets the first track it shares with none."""

    def __init__(self, lanes: _Lanes) -> None:
        self.lanes = lanes
        self.used: dict[tuple[int, str, int], list[tuple[float, float]]] = {}

    def take(self, lane: int, band: str, x0: float, x1: float) -> float:
        low, high = min(x0, x1) - TRACK_MARGIN, max(x0, x1) + TRACK_MARGIN
        index = 0
        while not all(high < a or low > b for a, b in self.used.get((lane, band, index), [])):
            index += 1
        self.used.setdefault((lane, band, index), []).append((low, high))
        return self.lanes.track_y(lane, band, index)

    def counts(self, lane_count: int, band: str) -> list[int]:
        needed = [0] * lane_count
        for lane, used_band, index in self.used:
            if used_band == band:
                needed[lane] = max(needed[lane], index + 1)
        return needed


def _di(tag: str) -> str:
    return f"{{{BPMNDI_NS}}}{tag}"


def _bounds(parent: etree._Element, x: float, y: float, width: float, height: float) -> None:
    etree.SubElement(parent, f"{{{DC_NS}}}Bounds", x=_n(x), y=_n(y), width=_n(width), height=_n(height))


def _n(value: float) -> str:
    return f"{value:g}"


def _place(shapes: list[Shape], lanes: _Lanes) -> dict[str, _Box]:
    boxes: dict[str, _Box] = {}
    cursor = POOL_X + POOL_HEADER + LANE_HEADER + FIRST_GAP
    column = 0
    for shape in shapes:
        width, height = SIZES.get(shape.tag, (100.0, 80.0))
        host = boxes.get(shape.attached_to)
        if host is not None:  # on the host's lower edge, side by side from its right
            placed = sum(1 for other in shapes if other.attached_to == shape.attached_to and other.id in boxes)
            boxes[shape.id] = _Box(host.right - (placed + 1) * (width + 6), host.bottom - height / 2, width, height,
                                   host.lane, host.column)
            continue
        lane = shape.lane if shape.lane >= 0 else 0
        boxes[shape.id] = _Box(cursor, lanes.centre(lane) - height / 2, width, height, lane, column)
        cursor += width + COLUMN_GAP
        column += 1
    return boxes


def _route_all(shapes: list[Shape], edges: list[Edge], lanes: _Lanes) -> tuple[dict[str, _Box], list[list[Point]],
                                                                           _Tracks]:
    boxes = _place(shapes, lanes)
    tracks = _Tracks(lanes)
    routes = [_route(boxes[edge.source], boxes[edge.target], boxes, edge.downwards, tracks) for edge in edges]
    return boxes, routes, tracks


def layout(root: etree._Element, collaboration_id: str, participant_id: str, process_id: str, actors: list[str],
           lane_ids: list[str], shapes: list[Shape], edges: list[Edge]) -> None:
    """Append a BPMNDiagram for ``shapes`` and ``edges`` to ``root``."""
    lane_count = max(len(actors), 1)
    # a boundary event hangs half its height below its task: keep the tracks below it clear
    area = SHAPE_AREA + (SIZES["boundaryEvent"][1] if any(shape.attached_to for shape in shapes) else 0.0)
    provisional = _Lanes([MIN_TRACKS] * lane_count, [MIN_TRACKS] * lane_count, area)
    _, _, counted = _route_all(shapes, edges, provisional)
    lanes = _Lanes(counted.counts(lane_count, "top"), counted.counts(lane_count, "bottom"), area)
    boxes, routes, _ = _route_all(shapes, edges, lanes)

    lane_x = POOL_X + POOL_HEADER
    pool_width = (max((box.right for box in boxes.values()), default=lane_x) + FIRST_GAP) - POOL_X
    diagram = etree.SubElement(root, _di("BPMNDiagram"), id=f"Diagram_{process_id}")
    plane = etree.SubElement(diagram, _di("BPMNPlane"), id=f"Plane_{process_id}", bpmnElement=collaboration_id)
    if participant_id:  # a sub-process's own plane has lanes but no pool
        pool = etree.SubElement(plane, _di("BPMNShape"), id=f"{participant_id}_di", bpmnElement=participant_id,
                                isHorizontal="true")
        _bounds(pool, POOL_X, POOL_Y, pool_width, lanes.total_height)
    for index, lane_id in enumerate(lane_ids):
        lane_shape = etree.SubElement(plane, _di("BPMNShape"), id=f"{lane_id}_di", bpmnElement=lane_id,
                                      isHorizontal="true")
        _bounds(lane_shape, lane_x, lanes.tops[index], pool_width - POOL_HEADER, lanes.heights[index])

    for shape in shapes:
        box = boxes[shape.id]
        element = etree.SubElement(plane, _di("BPMNShape"), id=f"{shape.id}_di", bpmnElement=shape.id)
        if shape.tag == "exclusiveGateway":
            element.set("isMarkerVisible", "true")
        _bounds(element, box.x, box.y, box.width, box.height)
        if shape.tag != "userTask" and shape.name:
            label = etree.SubElement(element, _di("BPMNLabel"))
            _bounds(label, box.x - 30, box.bottom + 6, box.width + 60, 40)

    for edge, points in zip(edges, routes):
        element = etree.SubElement(plane, _di("BPMNEdge"), id=f"{edge.id}_di", bpmnElement=edge.id)
        for x, y in points:
            etree.SubElement(element, f"{{{DI_NS}}}waypoint", x=_n(x), y=_n(y))
        if edge.name:
            label = etree.SubElement(element, _di("BPMNLabel"))
            (x0, y0), (_, y1) = points[0], points[1]
            if abs(y1 - y0) < 1:  # leaves sideways: label above the first segment
                _bounds(label, x0 + 4, y0 - 20, 36, 14)
            else:  # leaves downwards: label beside the first segment
                _bounds(label, x0 + 4, y0 + 4, 36, 14)


def _route(source: _Box, target: _Box, boxes: dict[str, _Box], downwards: bool, tracks: _Tracks) -> list[Point]:
    # Arrows enter a column a third of the gap before it and leave one a third after it, so an
    # arrow leaving one column never shares its vertical run with an arrow entering the next.
    gap_x = target.x - COLUMN_GAP / 3
    if target.column > source.column and downwards:
        track = tracks.take(source.lane, "bottom", source.cx, gap_x)
        return [(source.cx, source.bottom), (source.cx, track), (gap_x, track), (gap_x, target.cy),
                (target.x, target.cy)]
    if target.column > source.column:
        if _clear(source, target, boxes):
            if source.lane == target.lane:
                return [(source.right, source.cy), (target.x, target.cy)]
            return [(source.right, source.cy), (gap_x, source.cy), (gap_x, target.cy), (target.x, target.cy)]
        out_x = source.right + COLUMN_GAP / 3
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
