"""The standard time of an SOP's path ("Jumlah waktu baku"): the longest path, not a sum of rows.

Adding the WAKTU of every row counts both answers of each decision and the rework step a "Tidak"
sends back, though no case does all of them. The standard of the path is instead the WAKTU of the
*longest path* from the start to an end step:

- a rework loop (an arrow back to a step already on the way: "Tidak" back to an earlier row) is
  left out, a case that needs no rework does not go round it;
- of a decision's two answers (alternative branches) the longer one counts, once;
- of parallel branches (a step with several ``lanjut``) the longest counts, as the case waits for
  it (the critical path).

The start step's own time is not counted (the case starts when it is done), as before.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence


def longest_path(start: str, successors: Mapping[str, Sequence[str]], ends: set[str],
                 minutes: Mapping[str, float | None]) -> tuple[float | None, tuple[str, ...]]:
    """The longest path from ``start`` to a step of ``ends`` and its standard in minutes.

    :param successors: each step's next steps (a decision: Ya then Tidak).
    :param minutes: each step's WAKTU in minutes; ``None`` (or absent) counts as no time.
    :return: the summed minutes of the path's steps after the start (``None`` when none of them
        has a WAKTU, or no end can be reached) and the path's step ids, start first.
    """
    back = _back_edges(start, successors)
    best: dict[str, tuple[float, bool, tuple[str, ...]]] = {}  # step -> (minutes onward, any WAKTU, path)

    def onward(step: str) -> tuple[float, bool, tuple[str, ...]] | None:
        if step in best:
            return best[step]
        own = minutes.get(step)
        candidates = [found for target in successors.get(step, ())
                      if (step, target) not in back and (found := onward(target)) is not None]
        if not candidates and step not in ends:
            return None  # only a rework loop leaves this step: no path to an end through it
        tail = max(candidates, key=lambda item: (item[0], len(item[2])), default=(0.0, False, ()))
        result = (tail[0] + (own or 0.0), tail[1] or own is not None, (step, *tail[2]))
        best[step] = result
        return result

    following = [found for target in successors.get(start, ())
                 if (start, target) not in back and (found := onward(target)) is not None]
    if not following:
        return None, (start,)
    total, timed, path = max(following, key=lambda item: (item[0], len(item[2])))
    return (total if timed else None), (start, *path)


def _back_edges(start: str, successors: Mapping[str, Sequence[str]]) -> set[tuple[str, str]]:
    """The arrows to a step already on the way from ``start`` (depth first): the rework loops."""
    back: set[tuple[str, str]] = set()
    on_way: set[str] = set()
    seen: set[str] = set()
    stack: list[tuple[str, int]] = [(start, 0)]
    on_way.add(start)
    seen.add(start)
    while stack:
        step, index = stack.pop()
        targets = successors.get(step, ())
        if index < len(targets):
            stack.append((step, index + 1))
            target = targets[index]
            if target in on_way:
                back.add((step, target))
            elif target not in seen:
                seen.add(target)
                on_way.add(target)
                stack.append((target, 0))
        else:
            on_way.discard(step)
    return back
