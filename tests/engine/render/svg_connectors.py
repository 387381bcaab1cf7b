"""The reviewer's checks of the off-page connectors, on the pages :mod:`svg_geometry` parsed.

- an "in" connector sits in the row its arrow enters, above that row's symbol, and an "out"
  connector in the row its arrow leaves, below that row's symbol (never in a strip of the page
  away from its row);
- each connector points the way the flow goes: the arrow leaves an "in" connector at its point and
  enters an "out" connector at the side opposite its point, and no connector points up (a reviewer
  reads that as "continues on the next page");
- the letters are met in page order (A on the first page that has a connector, then B, ...);
- two connectors of a page keep at least 2 mm apart;
- where an arrow runs into the line of another arrow to the same target and goes on along it, a
  join dot marks the junction (else the shared line reads as one arrow with no arrowhead of its
  own until the target), and no join dot stands where no two lines meet.
"""

from __future__ import annotations

from tests.engine.render.svg_geometry import TOL, Box, PageView, _letter

Point = tuple[float, float]

#: Least gap (mm) between two connectors of a page; how far (mm) a point may be off its place.
CONNECTOR_GAP = 2.0
_NEAR = 0.5


def _direction(a: Point, b: Point) -> str:
    dx, dy = b[0] - a[0], b[1] - a[1]
    if abs(dx) >= abs(dy):
        return "right" if dx > 0 else "left"
    return "down" if dy > 0 else "up"


def _tip(outline: list[Point], box: Box) -> tuple[Point, str] | None:
    """The point of a pentagon and the way it points: the vertex alone on one side of its box."""
    cx, cy = (box[0] + box[2]) / 2, (box[1] + box[3]) / 2
    for x, y in outline:
        on_middle_x, on_middle_y = abs(x - cx) < _NEAR, abs(y - cy) < _NEAR
        if on_middle_x and (abs(y - box[1]) < _NEAR or abs(y - box[3]) < _NEAR):
            return (x, y), "down" if y > cy else "up"
        if on_middle_y and (abs(x - box[0]) < _NEAR or abs(x - box[2]) < _NEAR):
            return (x, y), "right" if x > cx else "left"
    return None


def _row_of(page: PageView, symbol: Box) -> Box | None:
    """The body cell of the actor column that holds ``symbol``."""
    cx, cy = (symbol[0] + symbol[2]) / 2, (symbol[1] + symbol[3]) / 2
    holding = [cell for cell, column in page.columns if column.startswith("actor:")
               and cell[0] <= cx <= cell[2] and cell[1] <= cy <= cell[3]]
    return holding[0] if holding else None


def _placement(page: PageView, connector: dict[str, str]) -> list[str]:
    key, name, way = connector["data-node"], connector["data-letter"], connector["data-dir"]
    where = f"page {page.number}: connector {name} ({way})"
    home = page.home_of(key)
    if home not in page.nodes:
        return [f"{where} is not on the page of the step {home} it belongs to"]
    box, symbol = page.nodes[key], page.nodes[home]
    row = _row_of(page, symbol)
    cy = (box[1] + box[3]) / 2
    beside = row is not None and row[1] <= cy <= row[3] and (
        box[3] <= symbol[1] + _NEAR if way == "in" else box[1] >= symbol[3] - _NEAR)
    if not beside:
        verb = "enters" if way == "in" else "leaves"
        return [f"{where} is not beside the row {home} its arrow {verb}"]
    return []


def _orientation(page: PageView, connector: dict[str, str]) -> list[str]:
    key, name, way = connector["data-node"], connector["data-letter"], connector["data-dir"]
    where = f"page {page.number}: connector {name} ({way})"
    tip = _tip(page.outlines[key], page.nodes[key])
    if tip is None:
        return [f"{where} has no point"]
    point, pointing = tip
    found: list[str] = []
    if pointing == "up":
        found.append(f"{where} points up, which reads as 'continues on the next page'")
    for arrow in page.arrows:
        if way == "in" and arrow.source == key and len(arrow.points) >= 2:
            start, flow = arrow.points[0], _direction(arrow.points[0], arrow.points[1])
            if flow != pointing or abs(start[0] - point[0]) + abs(start[1] - point[1]) > _NEAR:
                found.append(f"{where} points {pointing}, against the flow of its arrow (leaving {flow})")
        if way == "out" and arrow.target == key and len(arrow.points) >= 2:
            flow = _direction(arrow.points[-2], arrow.points[-1])
            if flow != pointing:
                found.append(f"{where} points {pointing}, against the flow of its arrow (arriving {flow})")
    return found


def _gaps(page: PageView) -> list[str]:
    found: list[str] = []
    boxes = [(c["data-letter"], page.nodes[c["data-node"]]) for c in page.connectors]
    for index, (one, a) in enumerate(boxes):
        for other, b in boxes[index + 1:]:
            gap = max(b[0] - a[2], a[0] - b[2], b[1] - a[3], a[1] - b[3])
            if gap < CONNECTOR_GAP - 1e-6:
                found.append(f"page {page.number}: connectors {one} and {other} are {max(gap, 0.0):.1f} mm apart, "
                             f"less than {CONNECTOR_GAP} mm")
    return found


def _shared_starts(one: list[Point], other: list[Point]) -> list[Point]:
    """The points where a line the two paths share begins (not a bend both paths make)."""
    starts: list[Point] = []
    for a, b in zip(one, one[1:]):
        for c, d in zip(other, other[1:]):
            vertical = abs(a[0] - b[0]) < TOL and abs(c[0] - d[0]) < TOL and abs(a[0] - c[0]) < TOL
            horizontal = abs(a[1] - b[1]) < TOL and abs(c[1] - d[1]) < TOL and abs(a[1] - c[1]) < TOL
            if not (vertical or horizontal):
                continue
            axis = 1 if vertical else 0
            lo = max(min(a[axis], b[axis]), min(c[axis], d[axis]))
            hi = min(max(a[axis], b[axis]), max(c[axis], d[axis]))
            if hi - lo < TOL:
                continue
            for value in (lo, hi):
                point = (a[0], value) if vertical else (value, a[1])
                starts.append(point)
    def arrival(path: list[Point], p: Point) -> str | None:
        """The direction ``path`` comes into its vertex ``p`` from (None: ``p`` is no vertex, or its start)."""
        for index, q in enumerate(path):
            if abs(p[0] - q[0]) < TOL and abs(p[1] - q[1]) < TOL:
                return _direction(path[index - 1], q) if index else "start"
        return None

    def shared_vertex(p: Point) -> bool:
        # A bend both paths make the same way is no junction; two lines coming into one point from
        # different sides and going on together are.
        first, second = arrival(one, p), arrival(other, p)
        return first is not None and first == second
    return [p for p in starts if not shared_vertex(p)]


def join_defects(page: PageView) -> list[str]:
    """Arrows to one target that share a line without a join dot where they meet."""
    found: list[str] = []
    junctions: list[Point] = []
    for index, one in enumerate(page.arrows):
        for other in page.arrows[index + 1:]:
            if one.target != other.target:
                continue
            junctions += _shared_starts(one.points, other.points)
            for point in _shared_starts(one.points, other.points):
                if not any(abs(point[0] - x) < _NEAR and abs(point[1] - y) < _NEAR for x, y in page.joins):
                    found.append(f"page {page.number}: arrows {one.source}->{one.target} and {other.source}->"
                                 f"{other.target} join at ({point[0]:.1f}, {point[1]:.1f}) without a join dot")
    for x, y in page.joins:
        if not any(abs(x - point[0]) < _NEAR and abs(y - point[1]) < _NEAR for point in junctions):
            found.append(f"page {page.number}: join dot at ({x:.1f}, {y:.1f}) where no two lines meet")
    return found


def connector_defects(pages: list[PageView]) -> list[str]:
    """Every defect of the off-page connectors of a parsed document."""
    found: list[str] = []
    seen: list[str] = []
    for page in pages:
        for connector in page.connectors:
            found += _placement(page, connector) + _orientation(page, connector)
        found += _gaps(page) + join_defects(page)
        # by strip (connectors side by side in one strip may take their letters in any order)
        ordered = sorted(page.connectors, key=lambda c: (round(page.nodes[c["data-node"]][1], 1),
                                                         len(c["data-letter"]), c["data-letter"]))
        for connector in ordered:
            if connector["data-letter"] not in seen:
                seen.append(connector["data-letter"])
    expected = [_letter(index) for index in range(len(seen))]
    if seen != expected:
        found.append(f"connector letters are met in the order {seen}, not in page order {expected}")
    return found
