"""What a set of rows reaches along arrows: the walk the reachability checks share."""

from __future__ import annotations

from collections import deque


def closure(seeds: list[str], edges: dict[str, list[str]]) -> set[str]:
    """Every id reachable from ``seeds`` (themselves included) along ``edges`` (id -> ids)."""
    seen = set(seeds)
    queue = deque(seeds)
    while queue:
        for target in edges.get(queue.popleft(), []):
            if target not in seen:
                seen.add(target)
                queue.append(target)
    return seen
