"""Optimal alignments of a trace with the SOP net: A* over (marking, trace position).

The costs are the standard ones (PM4Py's ``STD_MODEL_LOG_MOVE_COST`` scaled to 1): a log move
(an event the model cannot do there) and a model move (a visible step the trace lacks) cost 1; a
synchronous move and a silent transition cost 0. The search runs on the reachability graph of
:class:`~engine.conformance.net.StateSpace`, so a state is two small integers.

Among alignments of equal cost the search prefers the one with fewer log moves: "the clerk
skipped a step" explains a case better than "the clerk did an extra step" when both cost the same.
It does so with a combined cost ``cost * (n + 1) + log moves`` (``n`` events, so never more than
``n`` log moves), which keeps the primary cost optimal.

The heuristic is admissible and consistent. From node ``m`` at trace position ``i`` with ``r``
events left, ``c`` of which no step still possible from ``m`` can match, and at least ``d(m)``
visible steps still needed to finish, every completion costs at least ``c + max(0, d(m) - (r - c))``:
the ``c`` events are log moves, and of the rest at most ``r - c`` can pair with model steps.

A *prefix* alignment (a case still running, or cancelled part-way) may end in any marking: the
steps the case has not reached yet are no model moves, and the heuristic drops the ``d(m)`` term.
"""

from __future__ import annotations

import heapq
from collections.abc import Sequence

from engine.errors import AlurError
from engine.conformance.net import SILENT, StateSpace

#: Move kinds; a silent move is dropped from the result.
SYNC = 0
LOG = 1
MODEL = 2
_SILENT_MOVE = 3

#: A move: (kind, transition index or -1 for a log move, event index in the trace or -1).
RawMove = tuple[int, int, int]


def align(space: StateSpace, labels: Sequence[int], prefix: bool = False) -> tuple[int, list[RawMove]]:
    """An optimal alignment of the trace ``labels`` with the net of ``space``.

    :param labels: the visible label of each event; a label no transition has (e.g. past the
        last step) marks an activity that is not in the SOP.
    :param prefix: align with a prefix of a run (the case has not finished): any marking may end it.
    :return: the cost (log moves + visible model moves) and the moves in order; silent model
        moves are left out.
    """
    fitting = _replay(space, labels, prefix)
    if fitting is not None:
        return 0, fitting
    n = len(labels)
    stride = scale = n + 1
    edges, final, distance, future = space.edges, space.final, space.distance, space.future
    if prefix:
        final, distance = [True] * len(final), [0] * len(distance)
    suffixes: dict[int, list[int]] = {}

    def heuristic(node: int, position: int) -> int:
        mask = future[node]
        counts = suffixes.get(mask)
        if counts is None:
            counts = [0] * stride
            for index in range(n - 1, -1, -1):
                counts[index] = counts[index + 1] + (0 if (mask >> labels[index]) & 1 else 1)
            suffixes[mask] = counts
        unmatched = counts[position]
        missing = distance[node] - (n - position - unmatched)
        return (unmatched + missing if missing > 0 else unmatched) * scale

    start = 0
    best: dict[int, int] = {start: 0}
    parent: dict[int, tuple[int, RawMove]] = {}
    closed: set[int] = set()
    heap: list[tuple[int, int, int, int]] = [(heuristic(0, 0), 0, 0, start)]
    while heap:
        _, _, cost, key = heapq.heappop(heap)
        if key in closed:
            continue
        closed.add(key)
        node, position = divmod(key, stride)
        if position == n and final[node]:
            return cost // scale, _moves(parent, key)
        following = labels[position] if position < n else SILENT - 1
        candidates: list[tuple[int, int, int, RawMove]] = []
        for label, target, transition in edges[node]:
            if label == following:
                candidates.append((target, position + 1, cost, (SYNC, transition, position)))
            if label == SILENT:
                candidates.append((target, position, cost, (_SILENT_MOVE, transition, -1)))
            else:
                candidates.append((target, position, cost + scale, (MODEL, transition, -1)))
        if position < n:
            candidates.append((node, position + 1, cost + scale + 1, (LOG, -1, position)))
        for target, next_position, next_cost, move in candidates:
            next_key = target * stride + next_position
            if next_key in closed or next_cost >= best.get(next_key, next_cost + 1):
                continue
            best[next_key] = next_cost
            parent[next_key] = (key, move)
            heapq.heappush(heap, (next_cost + heuristic(target, next_position), -next_position, next_cost, next_key))
    # The state space keeps only markings that can finish, and log moves consume any trace.
    raise AlurError.from_code("conformance_no_alignment")  # pragma: no cover


def _replay(space: StateSpace, labels: Sequence[int], prefix: bool = False) -> list[RawMove] | None:
    """A run (a prefix of one when ``prefix``) that fits the trace exactly (synchronous and silent
    moves only), searched depth-first.

    Most cases of a real log fit; finding them without the priority queue is several times faster.

    :return: the moves, or None when the trace does not fit.
    """
    n = len(labels)
    stride = n + 1
    edges, final, distance = space.edges, space.final, space.distance
    if prefix:
        final, distance = [True] * len(final), [0] * len(distance)
    parent: dict[int, tuple[int, RawMove]] = {}
    seen = {0}
    stack = [0]
    while stack:
        key = stack.pop()
        node, position = divmod(key, stride)
        if position == n and final[node]:
            return _moves(parent, key)
        wanted = labels[position] if position < n else SILENT - 1
        for label, target, transition in edges[node]:
            if label == SILENT:
                next_key, move = target * stride + position, (_SILENT_MOVE, transition, -1)
            elif label == wanted:
                next_key, move = target * stride + position + 1, (SYNC, transition, position)
            else:
                continue
            if next_key not in seen and distance[target] <= n - next_key % stride:
                seen.add(next_key)
                parent[next_key] = (key, move)
                stack.append(next_key)
    return None


def _moves(parent: dict[int, tuple[int, RawMove]], key: int) -> list[RawMove]:
    moves: list[RawMove] = []
    while key in parent:
        key, move = parent[key]
        moves.append(move)
    moves.reverse()
    return [move for move in moves if move[0] != _SILENT_MOVE]
