"""The monitoring report as a PDF (A4 portrait), drawn with the render machinery that prints the SOP.

The same figures as the report page: identity and period (days in the deployment's zone), the
summary (started, finished, running, cancelled, overdue, rework, cycle time against the standard of
the path and which path), a bar per step (median against its WAKTU), the per-step table, the
decisions, the load per jabatan and, when given, the monitoring schedule. Tables continue on new
pages with their header repeated.
"""

from __future__ import annotations

from collections.abc import Sequence

from engine.messages import message
from engine.monitoring.report import MonitoringReport, StepStats
from engine.monitoring.schedule import MonitoringDue
from engine.render import fonts
from engine.render.canvas import GREY_FILL, Page, Rect, Text
from engine.render.output import pdf_bytes
from engine.sop.duration_text import kind_time_text, working_time_text

_PAGE_W, _PAGE_H, _MARGIN = 210.0, 297.0, 12.0
_SIZE = 8.0
_PAD = 1.1
_BAR_BLUE, _BAR_RED = "#0b5394", "#b3261e"


def _day(value: object) -> str:
    return value.strftime("%d-%m-%Y") if value is not None and hasattr(value, "strftime") else "–"


class _Writer:
    """Pages filled top to bottom; a new page when the next block does not fit."""

    def __init__(self, title: str) -> None:
        self.title = title
        self.pages: list[Page] = []
        self.y = 0.0
        self._new_page()

    def _new_page(self) -> None:
        self.pages.append(Page(_PAGE_W, _PAGE_H, "monitoring-report"))
        self.y = _MARGIN + 4

    @property
    def page(self) -> Page:
        return self.pages[-1]

    def room(self, height: float) -> None:
        if self.y + height > _PAGE_H - _MARGIN:
            self._new_page()

    def text(self, text: str, size: float = _SIZE, bold: bool = False, gap: float = 1.5) -> None:
        for line in fonts.wrap(text, _PAGE_W - 2 * _MARGIN, size, bold) or [""]:
            self.room(fonts.line_height(size))
            self.page.add(Text(_MARGIN, self.y + fonts.ascent(size), line, size, "text", bold=bold))
            self.y += fonts.line_height(size)
        self.y += gap

    def table(self, heads: Sequence[str], rows: Sequence[Sequence[str]], widths: Sequence[float],
              right: tuple[int, ...] = ()) -> None:
        scale = (_PAGE_W - 2 * _MARGIN) / sum(widths)
        widths = [width * scale for width in widths]

        def row(cells: Sequence[str], head: bool) -> None:
            wrapped = [fonts.wrap(cell, width - 2 * _PAD, _SIZE, head) or [""] for cell, width in zip(cells, widths)]
            height = max(len(lines) for lines in wrapped) * fonts.line_height(_SIZE) + 2 * _PAD
            if self.y + height > _PAGE_H - _MARGIN:
                self._new_page()
                if not head:
                    row(heads, True)
            x = _MARGIN
            for index, (lines, width) in enumerate(zip(wrapped, widths)):
                self.page.add(Rect(x, self.y, width, height, "cell", fill=GREY_FILL if head else None))
                for number, line in enumerate(lines):
                    baseline = self.y + _PAD + fonts.ascent(_SIZE) + number * fonts.line_height(_SIZE)
                    at_right = index in right and not head
                    self.page.add(Text(x + width - _PAD if at_right else x + _PAD, baseline, line, _SIZE, "text",
                                       bold=head, anchor="end" if at_right else "start"))
                x += width
            self.y += height

        row(heads, True)
        for cells in rows:
            row(cells, False)
        self.y += 3


def _bars(writer: _Writer, steps: Sequence[StepStats], lang: str) -> None:
    """A bar per measured step: its median as a share of the longest of medians and WAKTU, and a
    black mark at its WAKTU; red where the median is over the WAKTU."""
    measured = [step for step in steps if step.count and step.median_minutes is not None]
    if not measured:
        return
    largest = max(max(step.p90_minutes or 0.0, step.median_minutes or 0.0, step.standard_minutes or 0.0)
                  for step in measured) or 1.0
    label_width, row_height = 70.0, 5.0
    left = _MARGIN + label_width
    span = _PAGE_W - _MARGIN - left
    writer.text(message("plot_steps_title", lang), 9, bold=True)
    for step in measured:
        writer.room(row_height)
        label = fonts.wrap(f"{step.number}. {step.kegiatan}", label_width - 2, 7)[0]
        if label != f"{step.number}. {step.kegiatan}":
            label = label.rstrip() + "…"
        writer.page.add(Text(_MARGIN, writer.y + 3.6, label, 7, "text"))
        median = step.median_minutes or 0.0
        over = step.standard_minutes is not None and median > step.standard_minutes
        writer.page.add(Rect(left, writer.y + 1, max(span * median / largest, 0.4), 3, "bar", stroke=None,
                             fill=_BAR_RED if over else _BAR_BLUE))
        if step.standard_minutes is not None:
            mark = left + span * step.standard_minutes / largest
            writer.page.add(Rect(mark - 0.3, writer.y + 0.3, 0.6, 4.4, "standard", stroke=None, fill="#000000"))
        writer.y += row_height
    writer.text(message("stage9_pdf_bars_note", lang), 6.5, gap=3)


def monitoring_report_pdf(report: MonitoringReport, lang: str = "id", *, zone: str = "WIB",
                          due: MonitoringDue | None = None) -> bytes:
    """``report`` as a PDF: see the module docstring.

    :param zone: the short name of the zone the period's days are in.
    :param due: the SOP's monitoring schedule, printed under the summary.
    """
    day = report.minutes_per_day
    title = message("stage9_pdf_title", lang)
    writer = _Writer(title)

    def minutes(value: float | None) -> str:
        return "–" if value is None else working_time_text(value, day, lang)

    def step_minutes(step: StepStats, value: float | None) -> str:
        return "–" if value is None else kind_time_text(value, step.time_kind, day, lang)

    writer.text(title, 12, bold=True, gap=2)
    start = report.period_start or report.first_day
    end = report.period_end or report.generated_on
    for label, value in ((message("form_sop", lang), report.nama), (message("form_nomor", lang), report.nomor),
                         (message("form_unit", lang), report.unit),
                         (message("form_period", lang),
                          message("stage9_period", lang, start=_day(start), end=_day(end), zone=zone)),
                         (message("stage9_pdf_generated", lang), _day(report.generated_on))):
        writer.text(f"{label}: {value}", 8.5, gap=0.6)
    if report.trial:
        writer.text(message("stage9_pdf_trial", lang), 8.5, bold=True)
    writer.y += 2
    summary = [
        (message("stage9_sum_started", lang), str(report.started)),
        (message("stage9_sum_completed", lang), str(report.completed)),
        (message("stage9_sum_running", lang), str(report.running)),
        (message("stage9_sum_cancelled", lang), str(report.cancelled)),
        (message("stage9_sum_overdue", lang), str(report.overdue)),
        (message("stage9_sum_rework", lang), str(report.rework_instances)),
        (message("stage9_sum_cycle_median", lang), minutes(report.cycle_median_minutes)),
        (message("stage9_sum_cycle_p90", lang), minutes(report.cycle_p90_minutes)),
        (message("stage9_standard_of_path", lang), minutes(report.standard_cycle_minutes)),
    ]
    if report.started_by_call:  # cases a call row of another SOP started (counted in every figure)
        summary.insert(1, (message("monitor_started_by_call", lang), str(report.started_by_call)))
    writer.table([message("stage9_pdf_figure", lang), message("stage9_pdf_value", lang)], summary, (3, 2), (1,))
    writer.text(standard_path_text(report, lang), 7.5, gap=3)
    if due is not None:
        writer.text(schedule_text(due, lang), 8.5, bold=due.overdue, gap=3)
    _bars(writer, report.steps, lang)
    heads = [message(code, lang) for code in ("form_no", "stage9_pdf_kegiatan", "stage9_pdf_waktu", "stage9_pdf_median",
                                              "stage9_pdf_p90", "stage9_pdf_within", "stage9_pdf_n",
                                              "stage9_pdf_excess")]
    rows = [[str(step.number), step.kegiatan + (f" ({message('monitor_call_step', lang, sop=step.call)})"
                                                if step.call else ""), step.waktu or "–", step_minutes(step, step.median_minutes),
             step_minutes(step, step.p90_minutes),
             "–" if step.within_share is None else f"{round(step.within_share * 100)}%", str(step.count),
             step_minutes(step, step.excess_minutes)] for step in report.steps]
    writer.text(message("stage9_pdf_steps", lang), 9, bold=True)
    writer.table(heads, rows, (6, 44, 14, 14, 14, 12, 6, 14), (3, 4, 5, 6, 7))
    if any(step.call for step in report.steps):
        writer.text(message("monitor_call_step_note", lang), 7.5, gap=3)
    if report.decisions:
        writer.text(message("stage9_pdf_decisions", lang), 9, bold=True)
        writer.table([message("form_no", lang), message("stage9_pdf_kegiatan", lang),
                      message("stage9_pdf_ya", lang), message("stage9_pdf_tidak", lang)],
                     [[str(item.number), item.kegiatan, str(item.ya), str(item.tidak)] for item in report.decisions],
                     (6, 60, 10, 10), (2, 3))
    if report.jabatan:
        writer.text(message("stage9_pdf_load", lang), 9, bold=True)
        writer.table([message("stage9_pdf_jabatan", lang), message("stage9_sum_completed", lang),
                      message("stage9_pdf_open", lang), message("stage9_sum_overdue", lang),
                      message("stage9_pdf_working_time", lang)],
                     [[load.jabatan, str(load.completed), str(load.open), str(load.overdue_open),
                       minutes(load.working_minutes)] for load in report.jabatan], (40, 12, 12, 12, 18), (1, 2, 3, 4))
    return pdf_bytes(writer.pages, f"{title}: {report.nama}")


def standard_path_text(report: MonitoringReport, lang: str = "id") -> str:
    """Which standard "Jumlah waktu baku" is: the longest path, naming its steps by number."""
    numbers = {step_id: number for number, step_id, _ in report.outline}
    if not report.standard_path:
        return message("stage9_standard_path_none", lang)
    return message("stage9_standard_path", lang,
                   steps=", ".join(str(numbers.get(step_id, step_id)) for step_id in report.standard_path[1:]))


def schedule_text(due: MonitoringDue, lang: str = "id") -> str:
    """The SOP's monitoring schedule as one sentence."""
    if due.due is None:
        return message("stage9_schedule_never", lang)
    code = "stage9_schedule_overdue" if due.overdue else "stage9_schedule_due"
    return message(code, lang, due=_day(due.due), last=_day(due.last), basis=message(f"stage9_basis_{due.basis}", lang))
