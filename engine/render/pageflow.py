"""The arrows of one flowchart page: symbols as nodes, off-page connectors in strips, routing.

Connectors sit in the strip at the top or bottom of the page in the column of the step they lead
to (or come from). When a column's strip holds more than one, the one next to the row beside the
strip takes the centre and the others go right and left of it; the page is routed with the sides
as given and mirrored, and the cheaper routing wins.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from engine.errors import RenderError
from engine.sop.model import Sop, Step, StepKind
from engine.render import style
from engine.render.route import Area, Edge, Node, Router, RoutingError
from engine.render.table import Column, Grid, PagePlan, connector_slots, symbol_height


#: Cost of an arrow that overlaps another arrow's line (routed without the strict checks).
_RELAXED_COST = 1000.0
#: Routing attempts per connector arrangement.
_RETRIES = 4


@dataclass
class Arrow:
    """An arrow of the SOP: source row, target row, Ya/Tidak label, followed by the trace."""

    src: int
    dst: int
    label: str
    taken: bool


@dataclass
class PageFlow:
    """A routed page: nodes by key, arrows, connectors (node, letter, target id, pointing up)."""

    nodes: dict[str, Node]
    edges: list[Edge]
    router: Router
    connectors: list[tuple[Node, str, str, bool]] = field(default_factory=list)
    highlighted: set[str] = field(default_factory=set)


def _strip_positions(wanted: list[Column], actors: list[Column], mirror: bool) -> list[float]:
    """The x of each connector of a strip: the first of a column at its centre, the others right
    and left of it (left and right when ``mirror``), or in the nearest column with room."""
    step = style.CONNECTOR_W + 1.0
    result = [0.0] * len(wanted)
    taken: list[float] = []
    overflow: list[int] = []
    groups: dict[str, list[int]] = {}
    for index, column in enumerate(wanted):
        groups.setdefault(column.key, []).append(index)
    for indexes in groups.values():
        column = wanted[indexes[0]]
        slots = connector_slots(column, len(indexes))
        if mirror:
            slots = [2 * column.center - x for x in slots]
        here, overflow = indexes[:len(slots)], overflow + indexes[len(slots):]
        for index, x in zip(here, slots):
            result[index] = x
            taken.append(x)
    for index in overflow:
        result[index] = _free_x(wanted[index], actors, taken, step)
    return result


def _free_x(column: Column, actors: list[Column], taken: list[float], step: float) -> float:
    for other in sorted(actors, key=lambda c: abs(c.center - column.center)):
        for offset in (0.0, step, -step, 2 * step, -2 * step):
            x = other.center + offset
            low = other.x + style.BORDER_CLEAR + style.CONNECTOR_W / 2
            high = other.x + other.w - style.BORDER_CLEAR - style.CONNECTOR_W / 2
            if low <= x <= high and all(abs(x - placed) >= step - 1e-6 for placed in taken):
                taken.append(x)
                return x
    raise RenderError("Terlalu banyak penghubung antarhalaman pada satu halaman; perbesar kertas (F4).")


def _area(grid: Grid, plan: PagePlan, slots: list[tuple[float, float]]) -> Area:
    borders_y = [row.y for row in plan.rows] + [plan.rows[-1].y + plan.rows[-1].h]
    gaps: list[list[float]] = []
    for (_, upper), (lower, _) in zip(slots, slots[1:]):
        tracks: list[float] = []
        # a track keeps room for an arrowhead's final approach of twice its length into either slot
        approach = max(style.CLEAR, 2 * style.ARROW_LENGTH + 0.1)
        y = upper + approach
        while y <= lower - approach + 1e-9:
            if all(abs(y - border) >= style.BORDER_CLEAR for border in borders_y):
                tracks.append(y)
            y += style.TRACK
        gaps.append(tracks)
    gutters: list[list[float]] = []
    half = grid.symbol_w / 2
    for column in grid.actors:
        left: list[float] = []
        right: list[float] = []
        offset = half + style.SIDE_CLEAR
        while column.center - offset >= column.x + style.BORDER_CLEAR - 1e-9:
            left.append(column.center - offset)
            right.append(column.center + offset)
            offset += style.TRACK
        gutters += [left, right]
    borders_x = [c.x for c in grid.actors] + ([grid.actors[-1].x + grid.actors[-1].w] if grid.actors else [])
    return Area(slots, gaps, [g for g in gutters if g], borders_x, borders_y)


class _Page:
    """What one page needs to be routed, built once; :meth:`attempt` routes one variant."""

    def __init__(self, sop: Sop, grid: Grid, plan: PagePlan, number: int, page_of: dict[int, int],
                 pairs: dict[tuple[int, int], str], arrows: list[Arrow], columns: dict[str, Column],
                 fallback: Column) -> None:
        self.steps = sop.steps
        self.grid, self.plan, self.number = grid, plan, number
        self.page_of, self.pairs, self.arrows = page_of, pairs, arrows
        self.columns, self.fallback = columns, fallback
        first, last = plan.rows[0], plan.rows[-1]
        self.slots: list[tuple[float, float]] = []
        self.top_y = first.y + first.top_strip / 2
        self.bottom_y = last.y + last.h - last.bottom_strip / 2
        if first.top_strip:
            self.slots.append((self.top_y - style.CONNECTOR_H / 2, self.top_y + style.CONNECTOR_H / 2))
        self.row_slot = len(self.slots)
        for row in plan.rows:
            half = symbol_height(self.steps[row.index].kind, grid.symbol_w) / 2
            self.slots.append((row.symbol_y - half, row.symbol_y + half))
        if last.bottom_strip:
            self.slots.append((self.bottom_y - style.CONNECTOR_H / 2, self.bottom_y + style.CONNECTOR_H / 2))
        self.area = _area(grid, plan, self.slots)
        #: (node key, letter, target row, strip, pointing up), in the order they claim a column's centre
        self.wanted: list[tuple[str, str, int, str, bool]] = []
        for (source_page, target), name in pairs.items():
            up = page_of[target] < source_page
            if source_page == number:
                self.wanted.append((f"conn:{name}:out", name, target, "top" if up else "bottom", up))
            if page_of[target] == number:
                self.wanted.append((f"conn:{name}:in", name, target, "bottom" if up else "top", up))
        self.wanted.sort(key=self._centre_claim)

    def _column(self, step: Step) -> Column:
        return self.columns.get(step.actor, self.fallback)

    def _centre_claim(self, item: tuple[str, str, int, str, bool]) -> int:
        """Lower first: the connector linked to the row beside its strip (Ya before Tidak)."""
        key, _, target, strip, _ = item
        near = self.steps[self.plan.rows[0].index if strip == "top" else self.plan.rows[-1].index]
        if target == self.steps.index(near):
            return 0
        order = [near.yes, near.no] if near.kind is StepKind.DECISION else list(near.next)
        target_id = self.steps[target].id
        return 1 + order.index(target_id) if target_id in order else 99

    def crowded(self) -> bool:
        """Whether some strip holds two connectors in one column (then mirroring may help)."""
        seen = {(strip, self._column(self.steps[target]).key) for _, _, target, strip, _ in self.wanted}
        return len(seen) < len(self.wanted)

    def attempt(self, mirror: bool, first: frozenset[tuple[str, str]] = frozenset()) -> tuple[float, PageFlow]:
        """Route the page with connectors placed as given or mirrored; return cost and result.

        :param first: arrows (source key, target key) to route before all others.
        """
        nodes: dict[str, Node] = {}
        for offset, row in enumerate(self.plan.rows):
            step = self.steps[row.index]
            half = symbol_height(step.kind, self.grid.symbol_w) / 2
            nodes[step.id] = Node(step.id, self._column(step).center, row.symbol_y, self.grid.symbol_w / 2, half,
                                  self.row_slot + offset, decision=step.kind is StepKind.DECISION)
        connectors: list[tuple[Node, str, str, bool]] = []
        for strip in ("top", "bottom"):
            here = [item for item in self.wanted if item[3] == strip]
            xs = _strip_positions([self._column(self.steps[item[2]]) for item in here], self.grid.actors, mirror)
            for (key, name, target, _, up), x in zip(here, xs):
                outgoing = key.endswith(":out")
                # an arrow enters a connector at its flat side and leaves at its point
                port = ("B" if up else "T") if outgoing else ("T" if up else "B")
                node = Node(key, x, self.top_y if strip == "top" else self.bottom_y, style.CONNECTOR_W / 2,
                            style.CONNECTOR_H / 2, 0 if strip == "top" else len(self.slots) - 1, ports=port)
                nodes[key] = node
                connectors.append((node, name, self.steps[target].id, up))
        edges, highlighted = self._edges(nodes)
        router = Router(list(nodes.values()), self.area)
        router.route_all(edges, first)
        return router.cost + _RELAXED_COST * len(router.relaxed), PageFlow(nodes, edges, router, connectors,
                                                                            highlighted)

    def _edges(self, nodes: dict[str, Node]) -> tuple[list[Edge], set[str]]:
        edges: list[Edge] = []
        highlighted: set[str] = set()
        number, page_of = self.number, self.page_of
        for arrow in self.arrows:
            src_page, dst_page = page_of[arrow.src], page_of[arrow.dst]
            src_id, dst_id = self.steps[arrow.src].id, self.steps[arrow.dst].id
            if src_page == number and dst_page == number:
                edges.append(Edge(len(edges), nodes[src_id], nodes[dst_id], arrow.label, arrow.taken))
                continue
            name = self.pairs.get((src_page, arrow.dst))
            if name is None or number not in (src_page, dst_page):
                continue
            if src_page == number:
                edges.append(Edge(len(edges), nodes[src_id], nodes[f"conn:{name}:out"], arrow.label, arrow.taken))
            elif not any(edge.src.key == f"conn:{name}:in" for edge in edges):
                taken = any(a.taken for a in self.arrows if a.dst == arrow.dst and page_of[a.src] == src_page)
                edges.append(Edge(len(edges), nodes[f"conn:{name}:in"], nodes[dst_id], "", taken))
            if arrow.taken:
                highlighted.add(f"conn:{name}:{'out' if src_page == number else 'in'}")
        return edges, highlighted


def route_page(sop: Sop, grid: Grid, plan: PagePlan, number: int, page_of: dict[int, int],
               pairs: dict[tuple[int, int], str], arrows: list[Arrow], columns: dict[str, Column],
               fallback: Column) -> PageFlow:
    """Place the nodes and connectors of one page and route its arrows.

    :raises RenderError: when an arrow cannot be drawn clear of the symbols.
    """
    page = _Page(sop, grid, plan, number, page_of, pairs, arrows, columns, fallback)
    results: list[tuple[float, PageFlow]] = []
    failure: RenderError | None = None
    for mirror in (False, True) if page.crowded() else (False,):
        # an arrow that found no clean path (or none at all) is routed again before the others
        first: frozenset[tuple[str, str]] = frozenset()
        for _ in range(_RETRIES):
            try:
                result = page.attempt(mirror, first)
            except RoutingError as exc:
                failure = exc
                first = first | {exc.arrow}
                continue
            results.append(result)
            relaxed = frozenset((edge.src.key, edge.dst.key) for edge in result[1].router.relaxed)
            if not relaxed or relaxed <= first:
                break
            first = first | relaxed
    if not results:
        assert failure is not None
        raise failure
    return min(results, key=lambda item: item[0])[1]
