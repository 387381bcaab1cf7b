"""KETERANGAN of the rows with events (:mod:`engine.sop.events`): what the row waits for and where
each way out leads, by row number ("menunggu 14 hari kalender; bila lewat: ke 7").

The symbols stay the regulation's five: a wait row is a kegiatan (rectangle), an event-based choice a
keputusan (diamond, Ya/Tidak), a boundary path an arrow from its step; the text says what they are.
"""

from __future__ import annotations

from engine.messages import message
from engine.sop.events import EndKind, Trigger, TriggerKind
from engine.sop.model import Sop, Step, StepKind


def _what(trigger: Trigger, lang: str) -> str:
    """What a trigger is, in words: "14 hari kalender", "jawaban pemohon", "galat BERKAS_PALSU"."""
    if trigger.kind is TriggerKind.TIMER:
        if trigger.date_field:
            return message("ev_print_date", lang, field=trigger.date_field)
        return trigger.duration.strip()
    if trigger.kind is TriggerKind.ERROR:
        return message("ev_print_error", lang, kode=trigger.name)
    return " ".join(trigger.name.replace("-", " ").replace("_", " ").split())


def event_remarks(sop: Sop, step: Step, numbers: dict[str, str], lang: str = "id") -> list[str]:
    """The KETERANGAN lines of ``step``'s events, before the author's own remarks."""
    lines: list[str] = []

    def to(target: str) -> str:
        return numbers.get(target, target)

    if step.wait and step.kind is StepKind.ACTIVITY:
        lines.append(message("ev_print_wait", lang, what=_what(step.wait[0], lang)))
    elif step.wait and step.kind is StepKind.DECISION and len(step.wait) == 2:
        targets = dict(zip((0, 1), (step.yes, step.no)))
        timers = [index for index, trigger in enumerate(step.wait) if trigger.is_timer]
        if len(timers) == 1:
            other = 1 - timers[0]
            lines.append(message("ev_print_choice", lang, what=_what(step.wait[other], lang),
                                 limit=_what(step.wait[timers[0]], lang), target=to(targets[timers[0]])))
        else:
            lines.append(message("ev_print_choice_two", lang, first=_what(step.wait[0], lang),
                                 second=_what(step.wait[1], lang)))
    for boundary in step.boundaries:
        what = _what(boundary.trigger, lang)
        if boundary.trigger.is_timer:
            code = "ev_print_timeout" if boundary.interrupting else "ev_print_reminder"
        else:
            code = "ev_print_on_event" if boundary.interrupting else "ev_print_on_event_beside"
        lines.append(message(code, lang, what=what, target=to(boundary.target)))
    if step.end.kind is EndKind.TERMINATE:
        lines.append(message("ev_print_terminate", lang))
    elif step.end.kind is EndKind.ERROR:
        lines.append(message("ev_print_error_end", lang, kode=step.end.code))
    return lines
