"""Orthogonal arrows between the symbols of one flowchart page.

Every row holds exactly one symbol (a strip at the top or bottom of a row may hold its off-page
connectors, side by side, as a slot of their own), so a horizontal line through the middle of a row can only meet that row's
own symbol, and the space above and below each symbol ("gaps") and beside it inside its column
("gutters") never holds a symbol. An arrow is therefore one of a few shapes: straight down (or up);
out of a side and down into the target's top; down and into the target's side; down, across a gap
and down; or out to a vertical track in a gutter (the side channel used by loops and long jumps)
and back in through a side or the top. The router tries the direct shapes first and the gutter
shapes only when they could be cheaper, each with the first free track, and keeps the cheapest
path that passes the checks: no segment through a symbol or along a table border, no segment
overlapping or ending on another arrow's line (except arrows that join the same target or fan out
of the same activity), at most one arrow per port of a decision, no port used both ways, and
enough free ports left for the arrows still to come (a decision keeps a side for each of Ya and
Tidak). Crossings are allowed but cost as much as a long detour. An arrow that finds no strict path
may overlap a line (at a high cost, reported in :attr:`Router.relaxed`); the page is then routed
again with that arrow first (:func:`engine.render.pageflow.route_page`).
"""

from __future__ import annotations

from collections.abc import Callable

from engine.render.canvas import Point
from engine.render.graph import EPS, Area, Edge, Node, RoutingError, Segment, clean_path, compatible

#: How close (mm) a line may pass a symbol it does not start or end at.
_OBSTACLE_CLEAR = 2.05
#: Lines closer than this on the same axis count as overlapping.
_SAME_LINE = 1.55
#: A line may not run within this distance of a table border along it.
_BORDER_CLEAR = 1.05
_BEND_COST = 4.0
_LENGTH_COST = 0.08
_CROSSING_COST = 40.0
_SIDE_ENTRY_COST = 2.5
_TOP_ENTRY_LOOP_COST = 1.5
_UPWARD_PORT_COST = 6.0
_DECISION_SIDE_ENTRY_COST = 6.0
#: Length (mm) of the first run of a labelled arrow down out of a decision, room for its label.
_LABEL_RUN = 4.5
#: Gutters tried per arrow, nearest detour first.
_GUTTERS_TRIED = 6


def _side_toward(node: Node, x: float) -> str:
    return "R" if x > node.x else "L"


def _cost(points: list[Point]) -> float:
    length = sum(abs(b[0] - a[0]) + abs(b[1] - a[1]) for a, b in zip(points, points[1:]))
    return _BEND_COST * (len(points) - 2) + _LENGTH_COST * length


class Router:
    """Routes the arrows of one page, one after the other, each around those already placed."""

    def __init__(self, nodes: list[Node], area: Area, label_room: float = 0.0) -> None:
        """:param label_room: the least length (mm) of a labelled arrow's first run out of a decision's
            side into a gutter, room for its label there (0: the nearest track is fine)."""
        self.nodes = nodes
        self.area = area
        self.label_room = label_room
        self.by_slot: dict[int, list[Node]] = {}
        for node in nodes:
            self.by_slot.setdefault(node.slot, []).append(node)
        self.segments: list[Segment] = []
        self.verticals: list[Segment] = []
        self.horizontals: list[Segment] = []
        self.relaxed: list[Edge] = []
        #: Sum of the costs of the chosen paths (length, bends, crossings).
        self.cost = 0.0
        #: Arrows not yet routed out of / into each node.
        self.pending_out: dict[str, int] = {}
        self.pending_in: dict[str, int] = {}

    # -- public -----------------------------------------------------------------------------------

    def route_all(self, edges: list[Edge], first: frozenset[tuple[str, str]] = frozenset()) -> None:
        """Route ``edges``: those named in ``first`` (as (source, target) keys), then short forward
        arrows, then long ones, then loops.

        :raises RenderError: when an arrow finds no path clear of symbols.
        """
        def order(edge: Edge) -> tuple[int, int, int, int, int]:
            span = edge.dst.slot - edge.src.slot
            return ((edge.src.key, edge.dst.key) not in first, 0 if span > 0 else 1, abs(span), edge.src.slot,
                    0 if edge.label != "Tidak" else 1)

        for edge in edges:
            self.pending_out[edge.src.key] = self.pending_out.get(edge.src.key, 0) + 1
            self.pending_in[edge.dst.key] = self.pending_in.get(edge.dst.key, 0) + 1
        for edge in sorted(edges, key=order):
            self.route(edge)

    def route(self, edge: Edge) -> None:
        """Find and place the path of one arrow."""
        direct = sorted(self._direct_candidates(edge), key=lambda item: item[0])
        # every path through a gutter has at least two bends and runs at least the distance
        floor = 2 * _BEND_COST + _LENGTH_COST * (abs(edge.src.x - edge.dst.x) + abs(edge.src.y - edge.dst.y))
        detours: list[tuple[float, list[Point], str, str]] | None = None
        for strict in (True, False):
            best = self._best(edge, direct, strict)
            if best is None or best[0] > floor:
                if detours is None:
                    detours = sorted(direct + self._gutter_candidates(edge), key=lambda item: item[0])
                best = self._best(edge, detours, strict)
            if best is not None:
                if not strict:
                    self.relaxed.append(edge)
                self.cost += best[0]
                self._place(edge, best[1], best[2], best[3])
                return
        raise RoutingError(f"Panah dari '{edge.src.key}' ke '{edge.dst.key}' tidak dapat digambar tanpa "
                           f"melewati simbol lain.", (edge.src.key, edge.dst.key))

    def _best(self, edge: Edge, candidates: list[tuple[float, list[Point], str, str]],
              strict: bool) -> tuple[float, list[Point], str, str] | None:
        """The cheapest usable candidate (candidates sorted by their cost without crossings)."""
        best: tuple[float, list[Point], str, str] | None = None
        for base, points, out_port, in_port in candidates:
            if best is not None and base >= best[0]:
                break
            penalty = self._check(edge, points, out_port, in_port, strict)
            if penalty is None:
                continue
            if best is None or base + penalty < best[0]:
                best = (base + penalty, points, out_port, in_port)
        return best

    # -- candidates ---------------------------------------------------------------------------------

    def _adder(self, edge: Edge, found: list[tuple[float, list[Point], str, str]]) -> Callable[[list[Point], str, str], None]:
        s, t = edge.src, edge.dst
        down = t.slot > s.slot

        def add(points: list[Point], out_port: str, in_port: str) -> None:
            if out_port not in s.ports or in_port not in t.ports:
                return
            cleaned = clean_path(points)
            penalty = 0.0
            if in_port in "LR" and down:
                penalty += _SIDE_ENTRY_COST
            if in_port == "T" and not down:
                penalty += _TOP_ENTRY_LOOP_COST
            if (out_port == "T" and len(s.ports) > 1) or (in_port == "B" and len(t.ports) > 1):
                penalty += _UPWARD_PORT_COST
            if t.decision and in_port in "LRB":  # a decision's sides and bottom are for its Ya/Tidak
                penalty += _DECISION_SIDE_ENTRY_COST
            found.append((_cost(cleaned) + penalty, cleaned, out_port, in_port))

        return add

    def _candidates(self, edge: Edge) -> list[tuple[float, list[Point], str, str]]:
        """Every candidate path of ``edge``."""
        return self._direct_candidates(edge) + self._gutter_candidates(edge)

    def _direct_candidates(self, edge: Edge) -> list[tuple[float, list[Point], str, str]]:
        """Paths that stay in the columns of the two ends: straight, L-shaped, or across a gap."""
        s, t = edge.src, edge.dst
        found: list[tuple[float, list[Point], str, str]] = []
        add = self._adder(edge, found)
        down = t.slot > s.slot
        if t.slot != s.slot:
            exit_v, enter_v = ("B", "T") if down else ("T", "B")
            if abs(s.x - t.x) < EPS:
                add([s.port(exit_v), t.port(enter_v)], exit_v, enter_v)
            else:
                side = _side_toward(s, t.x)
                add([s.port(side), (t.x, s.y), t.port(enter_v)], side, enter_v)
                side_in = _side_toward(t, s.x)
                add([s.port(exit_v), (s.x, t.y), t.port(side_in)], exit_v, side_in)
                # a labelled exit down out of a decision keeps its first run long enough for the label
                room = s.port("B")[1] + _LABEL_RUN if s.decision and edge.label and down else None
                for gap in range(min(s.slot, t.slot), max(s.slot, t.slot)):
                    y = (self._free_horizontal(gap, s.x, t.x, edge, room) if room is not None else None) \
                        or self._free_horizontal(gap, s.x, t.x, edge)
                    if y is not None:
                        add([s.port(exit_v), (s.x, y), (t.x, y), t.port(enter_v)], exit_v, enter_v)
        return found

    def _gutter_candidates(self, edge: Edge) -> list[tuple[float, list[Point], str, str]]:
        """Paths out to a vertical track beside a column (the side channel) and back."""
        s, t = edge.src, edge.dst
        found: list[tuple[float, list[Point], str, str]] = []
        add = self._adder(edge, found)
        by_detour = sorted(self.area.gutters, key=lambda tracks: abs(tracks[0] - s.x) + abs(tracks[0] - t.x)
                           - abs(s.x - t.x))
        gutters = by_detour[:_GUTTERS_TRIED]
        for node in (s, t):  # and always the nearest gutter on each side of both ends
            for side in (-1, 1):
                beside = [g for g in self.area.gutters if (g[0] - node.x) * side > node.hw]
                if beside:
                    nearest = min(beside, key=lambda g: abs(g[0] - node.x))
                    if nearest not in gutters:
                        gutters.append(nearest)
        last_gap = len(self.area.gaps) - 1
        #: (port, gap index) of the vertical ways out of s and into t
        exits = [(port, gap) for port, gap in (("B", s.slot), ("T", s.slot - 1)) if 0 <= gap <= last_gap]
        entries = [(port, gap) for port, gap in (("T", t.slot - 1), ("B", t.slot)) if 0 <= gap <= last_gap]
        for tracks in gutters:
            done: set[tuple[str, str]] = set()
            for x in tracks:
                if abs(x - s.x) < s.hw or abs(x - t.x) < t.hw:
                    continue
                out_side, in_side = _side_toward(s, x), _side_toward(t, x)
                heads: list[tuple[list[Point], str]] = []
                if not (s.decision and edge.label and abs(x - s.port(out_side)[0]) < self.label_room):
                    heads.append(([s.port(out_side), (x, s.y)], out_side))
                for port, gap in exits:
                    if port in s.ports:
                        y1 = self._free_horizontal(gap, s.x, x, edge)
                        if y1 is not None:
                            heads.append(([s.port(port), (s.x, y1), (x, y1)], port))
                tails: list[tuple[list[Point], str]] = [([(x, t.y), t.port(in_side)], in_side)]
                for port, gap in entries:
                    if port in t.ports:
                        y2 = self._free_horizontal(gap, x, t.x, edge)
                        if y2 is not None:
                            tails.append(([(x, y2), (t.x, y2), t.port(port)], port))
                for head, out_port in heads:
                    for tail, in_port in tails:
                        shape = (out_port if out_port in "TB" else "side", in_port if in_port in "TB" else "side")
                        if shape in done:
                            continue
                        if self._vertical_free(x, head[-1][1], tail[0][1], edge):
                            done.add(shape)
                            add(head + tail, out_port, in_port)
                if len(done) == 9:
                    break  # the nearest free track of each shape is enough
        return found

    def _free_horizontal(self, gap: int, xa: float, xb: float, edge: Edge,
                         beyond: float | None = None) -> float | None:
        """The first free track of ``gap`` between ``xa`` and ``xb`` (below ``beyond`` if given)."""
        low, high = min(xa, xb) + EPS, max(xa, xb) - EPS
        for y in self.area.gaps[gap]:
            if beyond is not None and y < beyond:
                continue
            for seg in self.horizontals:
                if abs(seg.y1 - y) < _SAME_LINE and seg.low < high and seg.high > low \
                        and not compatible(edge, seg.edge):
                    break
            else:
                return y
        return None

    def _vertical_free(self, x: float, ya: float, yb: float, edge: Edge) -> bool:
        low, high = min(ya, yb) + EPS, max(ya, yb) - EPS
        for seg in self.verticals:
            if abs(seg.x1 - x) < _SAME_LINE and seg.low < high and seg.high > low and not compatible(edge, seg.edge):
                return False
        return True

    # -- checks -------------------------------------------------------------------------------------

    def _check(self, edge: Edge, points: list[Point], out_port: str, in_port: str, strict: bool) -> float | None:
        """The crossing penalty of a path, or ``None`` when it may not be used."""
        s, t = edge.src, edge.dst
        used = s.use.get(out_port)
        if used and (used[0] == "in" or s.decision):
            return None
        used = t.use.get(in_port)
        if used and used[0] == "out":
            return None
        if not self._leaves_room(s, out_port, "out") or not self._leaves_room(t, in_port, "in"):
            return None
        penalty = 0.0
        last = len(points) - 2
        for index, (a, b) in enumerate(zip(points, points[1:])):
            if self._hits_node(a, b, skip_src=s if index == 0 else None, skip_dst=t if index == last else None):
                return None
            if self._on_border(a, b):
                return None
            crossing = self._against_segments(edge, a, b, strict)
            if crossing is None:
                return None
            penalty += crossing
        return penalty

    def _leaves_room(self, node: Node, port: str, kind: str) -> bool:
        """Whether taking ``port`` of ``node`` still leaves ports for the node's other arrows.

        A decision needs a port of its own for each of its Ya/Tidak arrows; any node needs a port
        for its arrows in and for its arrows out (those may share one).
        """
        if port in node.use:
            return True
        free = len([p for p in node.ports if p not in node.use]) - 1
        outs = self.pending_out.get(node.key, 0) - (kind == "out")
        ins = self.pending_in.get(node.key, 0) - (kind == "in")
        has_out = kind == "out" or any(use[0] == "out" for use in node.use.values())
        has_in = kind == "in" or any(use[0] == "in" for use in node.use.values())
        needed = (outs if node.decision else int(outs > 0 and not has_out)) + int(ins > 0 and not has_in)
        return free >= needed

    def _hits_node(self, a: Point, b: Point, skip_src: Node | None, skip_dst: Node | None) -> bool:
        x0, x1 = min(a[0], b[0]), max(a[0], b[0])
        y0, y1 = min(a[1], b[1]), max(a[1], b[1])
        for slot, (top, bottom) in enumerate(self.area.slots):
            if top - _OBSTACLE_CLEAR > y1:
                break  # the slots run down the page: none further down reaches the piece
            if bottom + _OBSTACLE_CLEAR < y0:
                continue
            for node in self.by_slot.get(slot, ()):
                if node is skip_src or node is skip_dst:
                    continue
                if (x0 < node.x + node.hw + _OBSTACLE_CLEAR and x1 > node.x - node.hw - _OBSTACLE_CLEAR
                        and y0 < node.y + node.hh + _OBSTACLE_CLEAR and y1 > node.y - node.hh - _OBSTACLE_CLEAR):
                    return True
        return False

    def _on_border(self, a: Point, b: Point) -> bool:
        if abs(a[0] - b[0]) < EPS:
            return any(abs(a[0] - x) < _BORDER_CLEAR for x in self.area.borders_x)
        return any(abs(a[1] - y) < _BORDER_CLEAR for y in self.area.borders_y)

    def _against_segments(self, edge: Edge, a: Point, b: Point, strict: bool) -> float | None:
        """The crossing penalty of one piece against the placed arrows, or ``None`` when it overlaps
        or touches a line it may not join (in strict mode)."""
        vertical = abs(a[0] - b[0]) < EPS
        if vertical:
            fixed, lo, hi = a[0], min(a[1], b[1]), max(a[1], b[1])
            parallel, across = self.verticals, self.horizontals
        else:
            fixed, lo, hi = a[1], min(a[0], b[0]), max(a[0], b[0])
            parallel, across = self.horizontals, self.verticals
        penalty = 0.0
        for seg in parallel:
            position = seg.x1 if vertical else seg.y1
            if abs(position - fixed) < _SAME_LINE and lo < seg.high + EPS and hi > seg.low - EPS \
                    and not compatible(edge, seg.edge):
                if strict:
                    return None
                penalty += 100.0
        for seg in across:
            # the crossing point: ``along`` on this piece's axis, ``other`` on the placed piece's axis
            along = seg.y1 if vertical else seg.x1
            if not (lo - EPS <= along <= hi + EPS and seg.low - EPS <= fixed <= seg.high + EPS):
                continue
            touching = (abs(along - lo) < EPS or abs(along - hi) < EPS
                        or abs(fixed - seg.low) < EPS or abs(fixed - seg.high) < EPS)
            if touching:
                if compatible(edge, seg.edge):
                    continue
                if strict:
                    return None
                penalty += 50.0
            else:
                penalty += _CROSSING_COST
        return penalty

    # -- placing ------------------------------------------------------------------------------------

    def _place(self, edge: Edge, points: list[Point], out_port: str, in_port: str) -> None:
        edge.points = points
        for a, b in zip(points, points[1:]):
            segment = Segment(a[0], a[1], b[0], b[1], edge)
            self.segments.append(segment)
            (self.verticals if segment.vertical else self.horizontals).append(segment)
        self.pending_out[edge.src.key] = self.pending_out.get(edge.src.key, 0) - 1
        self.pending_in[edge.dst.key] = self.pending_in.get(edge.dst.key, 0) - 1
        kind, ids = edge.src.use.get(out_port, ("out", set()))
        edge.src.use[out_port] = (kind, ids | {edge.id})
        kind, ids = edge.dst.use.get(in_port, ("in", set()))
        edge.dst.use[in_port] = (kind, ids | {edge.id})
