"""The trace overlay: what an instance ran, drawn over the flowchart.

From a list of :class:`~engine.runtime.trace.TraceEntry` it works out which steps ran (or are running),
which arrows were followed, and for the WAKTU column the actual working time of each run next to
the standard (red where over), measured with a :class:`~engine.sop.worktime.WorkCalendar`.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass, field

from engine.sop.durations import parse_duration
from engine.errors import DurationError
from engine.sop.model import Sop
from engine.runtime.trace import TraceEntry, TraceInstance, check_trace, taken_edges
from engine.sop.worktime import WorkCalendar
from engine.render import words
from engine.render.canvas import OVER, WITHIN
from engine.render.cells import Para
from engine.sop.duration_text import clock_time_text, working_time_text

#: At most this many runs of one step are listed one by one in WAKTU.
_LISTED_RUNS = 3


@dataclass
class Overlay:
    """What the flowchart marks for one instance."""

    #: Steps that ran at least once and were completed.
    executed: set[str] = field(default_factory=set)
    #: Steps with a run still open.
    running: set[str] = field(default_factory=set)
    #: Arrows followed, as (source id, target id).
    taken: set[tuple[str, str]] = field(default_factory=set)
    #: Extra paragraphs under the standard in WAKTU, per step id.
    waktu: dict[str, list[Para]] = field(default_factory=dict)
    #: Extra paragraphs in KETERANGAN (who did the step), per step id.
    keterangan: dict[str, list[Para]] = field(default_factory=dict)
    #: Steps that were open when the instance was cancelled or suspended (drawn as stopped, not running).
    stopped: set[str] = field(default_factory=set)
    #: Steps whose actual time exceeded the standard.
    over: set[str] = field(default_factory=set)


def _elapsed_text(minutes: float, kind: str, per_day: float, lang: str) -> str:
    """Actual time as the step's kind counts it: working time, or time on the clock in whole days."""
    shown = working_time_text(minutes, per_day, lang, "long") if kind == "working" else clock_time_text(minutes, lang)
    return re.sub(r"(?<=\d) (?=[^\d\s])", "\u00a0", shown)  # "2 menit" never breaks


def build_overlay(sop: Sop, trace: Iterable[TraceEntry], calendar: WorkCalendar | None, lang: str,
                  instance: TraceInstance | None = None) -> Overlay:
    """Work out the overlay of ``trace`` on ``sop``.

    Each step's actual time is measured in its own kind of time (working time, calendar days or
    "x 24 jam" on the clock) against its WAKTU; a step still open in a cancelled or suspended
    instance is marked as such, never as running.

    :raises AlurError: for a trace that does not fit the SOP (see :func:`engine.runtime.trace.check_trace`).
    """
    entries = check_trace(sop, trace)
    calendar = calendar or WorkCalendar()
    per_day = calendar.working_minutes_per_day
    overlay = Overlay(taken=taken_edges(sop, entries))
    status = instance.status if instance is not None else "running"
    open_text = {"cancelled": "stopped_cancelled", "suspended": "stopped_suspended"}.get(status, "running")
    runs: dict[str, list[TraceEntry]] = {}
    for entry in entries:
        runs.setdefault(entry.step_id, []).append(entry)
    for step in sop.steps:
        done = runs.get(step.id, [])
        if not done:
            continue
        if any(entry.end is None for entry in done):
            (overlay.running if open_text == "running" else overlay.stopped).add(step.id)
        if any(entry.end is not None for entry in done):
            overlay.executed.add(step.id)
        try:
            duration = parse_duration(step.duration) if step.duration.strip() else None
        except DurationError:
            duration = None
        kind = duration.kind if duration is not None else "working"
        finished = [entry for entry in done if entry.end is not None]
        actual = [calendar.elapsed_minutes(entry.start, entry.end, kind) for entry in finished if entry.end]
        paras: list[Para] = []
        if actual:
            over = duration is not None and any(
                not calendar.within_standard(duration, entry.start, entry.end) for entry in finished if entry.end)
            if over:
                overlay.over.add(step.id)
            if len(actual) <= _LISTED_RUNS:
                shown = "; ".join(_elapsed_text(minutes, kind, per_day, lang) for minutes in actual)
                label = words.text("actual", lang) + (f" {len(actual)}x" if len(actual) > 1 else "")
            else:
                shown = words.text("times", lang, count=len(actual),
                                   longest=_elapsed_text(max(actual), kind, per_day, lang))
                label = words.text("actual", lang)
            fill = OVER if over else WITHIN
            paras.append(Para(f"{label}: {shown}", fill=fill, bold=over,
                              data={"actual": "over" if over else "within"}))
        if step.id in overlay.running or step.id in overlay.stopped:
            paras.append(Para(words.text(open_text, lang), fill=OVER if step.id in overlay.over or
                              open_text != "running" else WITHIN))
        overlay.waktu[step.id] = paras
        names = sorted({entry.name or entry.user for entry in done if entry.name or entry.user})
        if names:
            overlay.keterangan[step.id] = [Para(words.text("done_by", lang, users=", ".join(names)))]
    return overlay
