"""The instance sheet of a printed trace: what an auditor files with the flowchart.

It follows the identity sheet: the instance's registration and instance numbers, the SOP and
version it ran, when it started and finished (in the calendar's zone, e.g. WIB), its status with
the reason of a cancellation or suspension, and the total working time against the standard of
the path it took; then one row per run of a step with the officer (name, jabatan, NIP), the
actual start and finish, the actual time measured in the step's own kind of time, and the pass
("ke-2 dari 3", "2x dikembalikan") of a step that ran more than once.
"""

from __future__ import annotations

import datetime as dt
from collections import Counter
from collections.abc import Sequence

from engine.errors import DurationError
from engine.render import cells, style, words
from engine.render.canvas import GREY_FILL, Page, Rect, Text
from engine.render.cells import Block, Para
from engine.render.table import row_numbers
from engine.render.words import LABELS
from engine.runtime.trace import TraceEntry, TraceInstance
from engine.sop.duration_text import clock_time_text, working_time_text
from engine.sop.durations import Duration, parse_duration
from engine.sop.model import Sop
from engine.sop.worktime import WorkCalendar

_SIZE = 8.0
_TITLE = 10.0
_LABEL_SHARE = 0.22
#: Column keys of the runs table and their share of the width.
_COLUMNS = (("no", 0.04), ("kegiatan", 0.24), ("officer", 0.22), ("started", 0.12), ("finished", 0.12),
            ("actual", 0.10), ("waktu", 0.08), ("pass", 0.08))


def _when(moment: dt.datetime | None, calendar: WorkCalendar, lang: str) -> str:
    """``12 Januari 2026 09:30 WIB``; ``-`` for none."""
    if moment is None:
        return "-"
    local = moment.astimezone(calendar.tz)
    return f"{words.date_text(local.date(), lang)} {local:%H:%M} {local:%Z}"


def _duration(text: str) -> Duration | None:
    try:
        return parse_duration(text) if text.strip() else None
    except DurationError:
        return None


def _total(sop: Sop, entries: Sequence[TraceEntry], instance: TraceInstance, calendar: WorkCalendar,
           lang: str) -> str:
    """Total working time from start to finish, and the sum of the WAKTU of the steps that ran."""
    per_day = calendar.working_minutes_per_day
    start = instance.started or (entries[0].start if entries else None)
    ends = [entry.end for entry in entries if entry.end is not None]
    end = instance.finished or (max(ends) if ends else None)
    actual = working_time_text(calendar.working_minutes_between(start, end), per_day, lang, "long") \
        if start is not None and end is not None else "-"
    ran = {entry.step_id for entry in entries}
    working, other = 0.0, []
    for step in sop.steps:
        duration = _duration(step.duration) if step.id in ran else None
        if duration is None:
            continue
        if duration.kind == "working":
            working += duration.as_working_minutes(calendar)
        else:
            other.append(str(duration))
    standard = " + ".join(([working_time_text(working, per_day, lang, "long")] if working else []) + other) or "-"
    return words.text("total_value", lang, actual=actual, standard=standard)


def _status(instance: TraceInstance, lang: str) -> str:
    shown = words.text(f"status_{instance.status}", lang)
    if instance.reason.strip():
        shown += f"; {words.text('reason', lang, reason=instance.reason.strip())}"
    return shown


def _officer(entry: TraceEntry) -> str:
    parts = [entry.name or entry.user or "-"]
    if entry.jabatan:
        parts.append(entry.jabatan)
    if entry.nip:
        parts.append(f"{LABELS['nip']} {entry.nip}")
    return "\n".join(parts)


def _rows(sop: Sop, entries: Sequence[TraceEntry], calendar: WorkCalendar, lang: str) -> list[dict[str, str]]:
    steps = {step.id: (number, step) for number, step in zip(row_numbers(sop), sop.steps)}
    counts = Counter(entry.step_id for entry in entries)
    seen: Counter[str] = Counter()
    rows = []
    for entry in entries:
        number, step = steps[entry.step_id]
        seen[entry.step_id] += 1
        duration = _duration(step.duration)
        kind = duration.kind if duration is not None else "working"
        if entry.end is None:
            actual = words.text("open", lang)
        else:
            minutes = calendar.elapsed_minutes(entry.start, entry.end, kind)
            actual = (working_time_text(minutes, calendar.working_minutes_per_day, lang, "long")
                      if kind == "working" else clock_time_text(minutes, lang))
        passes = "1"
        if counts[entry.step_id] > 1:
            passes = words.text("pass", lang, number=seen[entry.step_id], count=counts[entry.step_id])
            if seen[entry.step_id] == counts[entry.step_id]:
                passes += "\n" + words.text("returned", lang, count=counts[entry.step_id] - 1)
        rows.append({"no": number, "kegiatan": step.activity or step.id, "officer": _officer(entry),
                     "started": _when(entry.start, calendar, lang), "finished": _when(entry.end, calendar, lang),
                     "actual": actual, "waktu": step.duration.strip() or "-", "pass": passes})
    return rows


def _paras(value: str, bold: bool = False) -> list[Para]:
    return [Para(line, bold=bold) for line in value.split("\n")]


def _row(page: Page, y: float, values: list[tuple[float, float, list[Para]]], role: str, fill: str | None,
         head: bool) -> float:
    """Draw one table row of cells at ``y``; return its height."""
    pad = 2 * style.PAD_X
    blocks: list[Block] = [cells.layout(paras, w - pad, _SIZE) for _, w, paras in values]
    height = max(block.height for block in blocks) + 2 * style.PAD_Y
    for (x, w, _), block in zip(values, blocks):
        page.add(Rect(x, y, w, height, "head" if head else "cell", fill=fill))
        cells.place(page, block, x, y, w, height, role, align="middle" if head else "start",
                    valign="middle" if head else "top", pad_x=style.PAD_X, pad_y=style.PAD_Y)
    return height


def instance_pages(sop: Sop, entries: Sequence[TraceEntry], instance: TraceInstance, paper: style.Paper,
                   lang: str, calendar: WorkCalendar) -> list[Page]:
    """Draw the instance sheet; more pages when the runs do not fit one, the table header repeated.

    :param entries: the trace, sorted by start (as :func:`engine.runtime.trace.check_trace` gives it).
    """
    width = paper.inner_width
    left = style.MARGIN_LEFT
    bottom = style.MARGIN_TOP + paper.inner_height - style.FOOTER
    page = Page(paper.width, paper.height, "instance")
    pages = [page]
    page.add(Text(left, style.MARGIN_TOP + 4.0, words.text("instance_title", lang), _TITLE, "caption", bold=True))
    y = style.MARGIN_TOP + style.CAPTION
    label_w = width * _LABEL_SHARE
    nomor = " - ".join(part for part in (sop.identity.nomor.strip(), sop.identity.nama.strip()) if part) or "-"
    facts = [("registration", instance.registration.strip() or "-"),
             ("instance", str(instance.instance_id) if instance.instance_id is not None else "-"),
             ("sop", nomor),
             ("version", str(instance.version) if instance.version is not None else "-"),
             ("started", _when(instance.started or (entries[0].start if entries else None), calendar, lang)),
             ("finished", _when(instance.finished, calendar, lang)),
             ("status", _status(instance, lang)),
             ("total", _total(sop, entries, instance, calendar, lang))]
    for key, value in facts:
        y += _row(page, y, [(left, label_w, _paras(words.text(key, lang), bold=True)),
                            (left + label_w, width - label_w, _paras(value, bold=key == "status"))],
                  "cell-text", None, False)
    y += 4.0
    xs, x = [], left
    for _, share in _COLUMNS:
        xs.append((x, width * share))
        x += width * share
    titles = {"no": LABELS["no"], "kegiatan": LABELS["kegiatan"], "waktu": LABELS["waktu"]}
    header = [(cx, cw, _paras(titles.get(key) or words.text(f"col_{key}", lang), bold=True))
              for (cx, cw), (key, _) in zip(xs, _COLUMNS)]
    y += _row(page, y, header, "head-text", GREY_FILL, True)
    for values in _rows(sop, entries, calendar, lang):
        row = [(cx, cw, _paras(values[key])) for (cx, cw), (key, _) in zip(xs, _COLUMNS)]
        probe = Page(paper.width, paper.height, "instance")
        if y + _row(probe, y, row, "cell-text", None, False) > bottom:
            page = Page(paper.width, paper.height, "instance")
            pages.append(page)
            y = style.MARGIN_TOP + _row(page, style.MARGIN_TOP, header, "head-text", GREY_FILL, True)
        y += _row(page, y, row, "cell-text", None, False)
    return pages
