"""The arrows of one flowchart page: symbols as nodes, off-page connectors in strips, routing.

An "in" connector sits in a strip at the top of the row its arrow enters, in that row's column, and
an "out" connector in a strip at the bottom of the row its arrow leaves, in that row's column; both
point down. A strip's first connector takes its column's centre or the place beside it, the others
go right and left; the page is routed with each of these arrangements, as given and mirrored, and
the cheapest routing wins.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from engine.errors import RenderError
from engine.sop.model import Sop, Step, StepKind
from engine.render import style
from engine.render.graph import Area, Edge, Node, RoutingError
from engine.render.route import Router
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
    """A routed page: nodes by key, arrows, connectors (node, letter, target id, source id)."""

    nodes: dict[str, Node]
    edges: list[Edge]
    router: Router
    connectors: list[tuple[Node, str, str, str]] = field(default_factory=list)
    highlighted: set[str] = field(default_factory=set)


def _strip_positions(wanted: list[Column], actors: list[Column], mirror: bool, aside: bool) -> list[float]:
    """The x of each connector of a strip: the first of a column at its centre (beside it when
    ``aside`` and the column has room) and the others right and left of it (left and right when
    ``mirror``), or in the nearest column with room."""
    step = style.CONNECTOR_W + style.CONNECTOR_GAP
    result = [0.0] * len(wanted)
    taken: list[float] = []
    overflow: list[int] = []
    groups: dict[str, list[int]] = {}
    for index, column in enumerate(wanted):
        groups.setdefault(column.key, []).append(index)
    for indexes in groups.values():
        column = wanted[indexes[0]]
        slots = connector_slots(column, len(indexes) + aside)
        if aside and len(slots) > len(indexes):
            slots = slots[1:]
        if mirror:
            slots = [2 * column.center - x for x in slots]
        here, overflow = indexes[:len(slots)], overflow + indexes[len(slots):]
        for index, x in zip(here, slots):
            result[index] = x
            taken.append(x)
    for index in overflow:
        result[index] = _free_x(wanted[index], actors, taken, step)
    return result


def line_positions(column: Column, count: int, lines: int, mirror: bool) -> list[tuple[int, float]] | None:
    """The (line, x) of each of ``count`` connectors of ``column`` in a strip of ``lines`` lines
    (line 0 on top), in the order their letters are read, or ``None`` when they do not fit.

    Each line holds one fewer than fit side by side and leaves the place at its right end free (the
    left when ``mirror``): there an arrow runs through the strip, by the gutter, to or from a
    connector of another line (along the gap between two lines) or on past the row.
    """
    places = sorted(connector_slots(column))  # left to right, the free place last
    if mirror:
        places = [2 * column.center - x for x in places]
    each = len(places) - 1
    if lines < 2 or each < 1 or count > lines * each:
        return None
    return [(index // each, places[index % each]) for index in range(count)]


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
                 pairs: dict[tuple[int, int], str], leaving: dict[tuple[int, int], int], arrows: list[Arrow],
                 columns: dict[str, Column], fallback: Column) -> None:
        self.steps = sop.steps
        self.grid, self.plan, self.number = grid, plan, number
        self.page_of, self.pairs, self.arrows = page_of, pairs, arrows
        self.columns, self.fallback = columns, fallback
        self.slots: list[tuple[float, float]] = []
        #: row index -> slot of its symbol; (row index, "top"/"bottom") -> (slot, y) of each line of its strips
        self.symbol_slot: dict[int, int] = {}
        self.strips: dict[tuple[int, str], list[tuple[int, float]]] = {}
        for row in plan.rows:
            if row.top_strip:
                y = row.y + row.top_strip / 2 - (row.top_lines - 1) * style.STRIP_LINE / 2
                self._strip((row.index, "top"), [y + line * style.STRIP_LINE for line in range(row.top_lines)])
            half = symbol_height(self.steps[row.index].kind, grid.symbol_w) / 2
            self.symbol_slot[row.index] = len(self.slots)
            self.slots.append((row.symbol_y - half, row.symbol_y + half))
            if row.bottom_strip:
                y = row.y + row.h - row.bottom_strip / 2 - (row.bottom_lines - 1) * style.STRIP_LINE / 2
                self._strip((row.index, "bottom"), [y + line * style.STRIP_LINE for line in range(row.bottom_lines)])
        self.area = _area(grid, plan, self.slots)
        #: (node key, letter, row it sits in, strip, step it leads to, step it comes from)
        self.wanted: list[tuple[str, str, int, str, int, int]] = []
        for (page, dst), name in sorted(pairs.items(), key=lambda item: (len(item[1]), item[1])):
            src = leaving[(page, dst)]
            if page == number:
                self.wanted.append((f"conn:{name}:out", name, src, "bottom", dst, src))
            if page_of[dst] == number:
                self.wanted.append((f"conn:{name}:in", name, dst, "top", dst, src))

    def _strip(self, where: tuple[int, str], ys: list[float]) -> None:
        self.strips[where] = []
        for y in ys:
            self.strips[where].append((len(self.slots), y))
            self.slots.append((y - style.CONNECTOR_H / 2, y + style.CONNECTOR_H / 2))

    def _column(self, step: Step) -> Column:
        return self.columns.get(step.actor, self.fallback)

    def placement(self, mirror: bool, aside: bool) -> tuple[tuple[tuple[int, str], tuple[tuple[int, float], ...]], ...]:
        """The (line, x) of the connectors of each strip, in the order of :attr:`wanted`."""
        result = []
        for where, lines in self.strips.items():
            here = [item for item in self.wanted if (item[2], item[3]) == where]
            column = self._column(self.steps[where[0]])
            placed = line_positions(column, len(here), len(lines), mirror)
            if placed is None:
                xs = _strip_positions([self._column(self.steps[item[2]]) for item in here], self.grid.actors,
                                      mirror, aside)
                placed = [(0, x) for x in xs]
            result.append((where, tuple(placed)))
        return tuple(result)

    def attempt(self, placement: tuple[tuple[tuple[int, str], tuple[tuple[int, float], ...]], ...],
                first: frozenset[tuple[str, str]] = frozenset(), label_room: float = 0.0) -> tuple[float, PageFlow]:
        """Route the page with connectors placed as given; return cost and result.

        :param placement: where the connectors of each strip sit (:meth:`placement`).
        :param first: arrows (source key, target key) to route before all others.
        """
        nodes: dict[str, Node] = {}
        for row in self.plan.rows:
            step = self.steps[row.index]
            half = symbol_height(step.kind, self.grid.symbol_w) / 2
            nodes[step.id] = Node(step.id, self._column(step).center, row.symbol_y, self.grid.symbol_w / 2, half,
                                  self.symbol_slot[row.index], decision=step.kind is StepKind.DECISION)
        connectors: list[tuple[Node, str, str, str]] = []
        for where, placed in placement:
            lines = self.strips[where]
            here = [item for item in self.wanted if (item[2], item[3]) == where]
            for (key, name, _, _, target, source), (line, x) in zip(here, placed):
                slot, y = lines[line]
                # both point down: an arrow enters an "out" connector at its flat top and leaves an
                # "in" connector at its point
                port = "T" if key.endswith(":out") else "B"
                node = Node(key, x, y, style.CONNECTOR_W / 2, style.CONNECTOR_H / 2, slot, ports=port)
                nodes[key] = node
                connectors.append((node, name, self.steps[target].id, self.steps[source].id))
        edges, highlighted = self._edges(nodes)
        router = Router(list(nodes.values()), self.area, label_room)
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
               pairs: dict[tuple[int, int], str], leaving: dict[tuple[int, int], int], arrows: list[Arrow],
               columns: dict[str, Column], fallback: Column) -> PageFlow:
    """Place the nodes and connectors of one page and route its arrows (the cheapest routing).

    :raises RenderError: when an arrow cannot be drawn clear of the symbols.
    """
    return route_variants(sop, grid, plan, number, page_of, pairs, leaving, arrows, columns, fallback)[0]


def route_variants(sop: Sop, grid: Grid, plan: PagePlan, number: int, page_of: dict[int, int],
               pairs: dict[tuple[int, int], str], leaving: dict[tuple[int, int], int], arrows: list[Arrow],
               columns: dict[str, Column], fallback: Column, label_room: float = 0.0) -> list[PageFlow]:
    """Every routing of one page found with the connector arrangements tried, cheapest first.

    :param label_room: see :class:`engine.render.route.Router`.

    :raises RenderError: when an arrow cannot be drawn clear of the symbols in any of them.
    """
    page = _Page(sop, grid, plan, number, page_of, pairs, leaving, arrows, columns, fallback)
    results: list[tuple[float, PageFlow]] = []
    failure: RenderError | None = None
    variants = [(mirror, aside) for aside in (False, True) for mirror in (False, True)] if page.wanted \
        else [(False, False)]
    placements: set[object] = set()
    for mirror, aside in variants:
        # a variant that places every connector where an earlier one did routes exactly as that one
        # did (a single connector in the middle of its column is its own mirror image): skip it
        placement = page.placement(mirror, aside)
        if placement in placements:
            continue
        placements.add(placement)
        # an arrow that found no clean path (or none at all) is routed again before the others
        first: frozenset[tuple[str, str]] = frozenset()
        for _ in range(_RETRIES):
            try:
                result = page.attempt(placement, first, label_room)
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
    return [flow for _, flow in sorted(results, key=lambda item: item[0])]
