"""The trace overlay: what an instance ran, drawn over the flowchart.

From a list of :class:`~engine.runtime.trace.TraceEntry` it works out which steps ran (or are running),
which arrows were followed, and for the WAKTU column the actual working time of each run next to
the standard (red where over), measured with a :class:`~engine.sop.worktime.WorkCalendar`.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass, field

from engine.sop.durations import parse_duration
from engine.errors import DurationError
from engine.sop.model import Sop
from engine.runtime.trace import TraceEntry, check_trace, taken_edges
from engine.sop.worktime import WorkCalendar
from engine.render import words
from engine.render.canvas import OVER, WITHIN
from engine.render.cells import Para
from engine.sop.duration_text import working_time_text

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
    #: Steps whose actual time exceeded the standard.
    over: set[str] = field(default_factory=set)


def build_overlay(sop: Sop, trace: Iterable[TraceEntry], calendar: WorkCalendar | None, lang: str) -> Overlay:
    """Work out the overlay of ``trace`` on ``sop``.

    :raises AlurError: for a trace that does not fit the SOP (see :func:`engine.runtime.trace.check_trace`).
    """
    entries = check_trace(sop, trace)
    calendar = calendar or WorkCalendar()
    per_day = calendar.working_minutes_per_day
    overlay = Overlay(taken=taken_edges(sop, entries))
    runs: dict[str, list[TraceEntry]] = {}
    for entry in entries:
        runs.setdefault(entry.step_id, []).append(entry)
    for step in sop.steps:
        done = runs.get(step.id, [])
        if not done:
            continue
        if any(entry.end is None for entry in done):
            overlay.running.add(step.id)
        if any(entry.end is not None for entry in done):
            overlay.executed.add(step.id)
        try:
            standard = parse_duration(step.duration).as_working_minutes(calendar) if step.duration.strip() else None
        except DurationError:
            standard = None
        actual = [calendar.working_minutes_between(entry.start, entry.end) for entry in done if entry.end is not None]
        paras: list[Para] = []
        if actual:
            over = standard is not None and any(minutes > standard + 1e-9 for minutes in actual)
            if over:
                overlay.over.add(step.id)
            if len(actual) <= _LISTED_RUNS:
                shown = "; ".join(working_time_text(minutes, per_day, lang, "long") for minutes in actual)
            else:
                shown = words.text("times", lang, count=len(actual),
                                   longest=working_time_text(max(actual), per_day, lang, "long"))
            fill = OVER if over else WITHIN
            paras.append(Para(f"{words.text('actual', lang)}: {shown}", fill=fill, bold=over,
                              data={"actual": "over" if over else "within"}))
        if step.id in overlay.running:
            paras.append(Para(words.text("running", lang), fill=OVER if step.id in overlay.over else WITHIN))
        overlay.waktu[step.id] = paras
        users = sorted({entry.user for entry in done if entry.user})
        if users:
            overlay.keterangan[step.id] = [Para(words.text("done_by", lang, users=", ".join(users)))]
    return overlay
