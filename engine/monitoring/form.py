"""The monitoring form pre-filled from measured execution, saved by the assessor, printed as PDF.

:func:`prefill_monitoring_form` turns a :class:`~engine.monitoring.report.MonitoringReport` into the
PermenPANRB table (:class:`~engine.monitoring.workbook.MonitoringForm`): one row per step with Penilaian
("Berjalan dengan baik" / "Tidak berjalan dengan baik"), a Catatan stating the measured facts
("Langkah 3 melebihi waktu baku pada 67% kasus: median 2,5 hari kerja vs baku 1 hari"), missing
kelengkapan and rework, and a suggested Tindakan; the assessor confirms or edits it.
:func:`save_monitoring_form` stores every save as a new revision (earlier ones stay readable), and
refuses a save based on a revision that is no longer the newest, so nobody overwrites a colleague's
edit unknowingly. :func:`monitoring_form_pdf` draws the form on A4 landscape with cairo, the route
the SOP document takes (:mod:`engine.render.output`).
"""

from __future__ import annotations

import datetime as dt
import json
from dataclasses import asdict, dataclass
from typing import TYPE_CHECKING, Any

from sqlalchemy import func, insert, select

from engine.runtime.versions import definition_id
from engine.errors import DataError
from engine.messages import message
from engine.monitoring.workbook import MonitoringForm, MonitoringRow, period_text
from engine.monitoring.report import MonitoringReport, StepStats
from engine.render import fonts
from engine.render.canvas import GREY_FILL, Page, Rect, Text
from engine.render.output import pdf_bytes
from engine.sop.duration_text import kind_time_text
from engine.store.models import monitoring_forms

if TYPE_CHECKING:
    from engine.runtime.facade import Runtime


def _share(value: float) -> str:
    return f"{round(value * 100)}%"


@dataclass(frozen=True)
class AssessmentRules:
    """When a measured step is "Tidak berjalan dengan baik" (shares of its completed runs)."""

    #: Share of runs over the WAKTU above which the step is not running well.
    over_share: float = 0.2
    #: Share of completions with missing kelengkapan above which the step is not running well.
    missing_share: float = 0.1
    #: Repeat visits per completed run above which the step is not running well.
    rework_share: float = 0.2


def _assess(step: StepStats, minutes_per_day: float, rules: AssessmentRules, lang: str) -> MonitoringRow:
    notes: list[str] = []
    actions: list[str] = []
    well = True
    median = kind_time_text(step.median_minutes or 0.0, step.time_kind, minutes_per_day, lang)
    over = step.over_share
    if over is not None and step.standard_minutes is not None:
        if over > rules.over_share:
            well = False
            notes.append(message("assess_over", lang, number=step.number, share=_share(over), median=median,
                                 standard=step.waktu))
            actions.append(message("assess_act_over", lang))
        else:
            notes.append(message("assess_within", lang, share=_share(1 - over), median=median, standard=step.waktu))
    else:
        notes.append(message("assess_no_standard", lang, median=median))
    if step.missing_kelengkapan:
        notes.append(message("assess_missing", lang, share=_share(step.missing_share),
                             count=step.missing_kelengkapan, total=step.count))
        if step.missing_share > rules.missing_share:
            well = False
            actions.append(message("assess_act_missing", lang))
    if step.rework:
        notes.append(message("assess_rework", lang, count=step.rework))
        if step.rework / step.count > rules.rework_share:
            well = False
            actions.append(message("assess_act_rework", lang))
    if step.open:
        notes.append(message("assess_open", lang, count=step.open))
    return MonitoringRow(step.number, step.kegiatan, well, " ".join(notes), " ".join(actions))


def prefill_monitoring_form(report: MonitoringReport, lang: str = "id", assessor: str = "",
                            rules: AssessmentRules | None = None) -> MonitoringForm:
    """The monitoring form with Penilaian, Catatan and Tindakan filled in from ``report``.

    One row per SOP step, in order; a step without completed runs in the period gets no Penilaian.
    """
    rules = rules or AssessmentRules()
    measured = {step.step_id: step for step in report.steps if step.count}
    rows = []
    for number, step_id, kegiatan in report.outline:
        step = measured.get(step_id)
        if step is not None:
            rows.append(_assess(step, report.minutes_per_day, rules, lang))
        else:
            note = message("assess_start" if number == 1 else "assess_no_data", lang)
            rows.append(MonitoringRow(number, kegiatan, None, note))
    # an open period is labelled with days in the deployment's zone: from the first case to today
    today = report.generated_on or report.generated_at.date()
    return MonitoringForm(sop_name=report.nama, sop_number=report.nomor, unit=report.unit,
                          period_start=report.period_start or min(report.first_day or today, today),
                          period_end=report.period_end or today,
                          assessor=assessor, rows=rows)


# -- storing ------------------------------------------------------------------------------------


@dataclass(frozen=True)
class SavedMonitoringForm:
    """One saved revision of an assessor's monitoring form."""

    id: int
    key: str
    trial: bool
    #: 1 for the first save of this SOP and period, then 2, 3...
    revision: int
    form: MonitoringForm
    saved_by: str
    saved_at: dt.datetime


def form_to_json(form: MonitoringForm) -> str:
    data = asdict(form)
    data["period_start"], data["period_end"] = form.period_start.isoformat(), form.period_end.isoformat()
    return json.dumps(data, ensure_ascii=False, sort_keys=True)


def form_from_json(text: str) -> MonitoringForm:
    data: dict[str, Any] = json.loads(text)
    rows = [MonitoringRow(**row) for row in data.pop("rows")]
    return MonitoringForm(**{**data, "period_start": dt.date.fromisoformat(data["period_start"]),
                             "period_end": dt.date.fromisoformat(data["period_end"]), "rows": rows})


def _check_form(form: MonitoringForm) -> None:
    if form.period_end < form.period_start:
        raise DataError.from_code("form_period_reversed", "period_end")
    for row in form.rows:
        for name in ("procedure", "notes", "action", "initials"):
            if len(getattr(row, name)) > 4000:
                raise DataError.from_code("form_field_too_long", name, name=name, number=row.number, limit=4000)


def _units_text(units: frozenset[int] | None) -> str:
    """How ``monitoring_forms.units`` stores a unit scope ("" for every unit)."""
    return "" if units is None else ",".join(str(unit) for unit in sorted(units))


def save_monitoring_form(runtime: Runtime, key: str, form: MonitoringForm, by: str, *, trial: bool = False,
                         base_revision: int | None = None, units: frozenset[int] | None = None) -> SavedMonitoringForm:
    """Save the assessor's form as a new revision for its SOP, period and units.

    Revisions are numbered over every unit scope of the SOP and period (one sequence); the
    "saved meanwhile" check compares with the newest revision of the same units.

    :param base_revision: the revision the assessor started from (``None`` for a first save or a
        form pre-filled afresh). When another revision was saved meanwhile, nothing is saved.
    :param units: ids of the units the form's report covers (``None``: every unit).
    :raises DataError: the form is malformed, or it is based on a revision that is no longer the newest.
    :raises NotFoundError: no such SOP.
    """
    _check_form(form)
    now = runtime.clock.now()
    with runtime.db.write() as connection:
        found_id = definition_id(connection, key)
        scope = (monitoring_forms.c.definition_id == found_id, monitoring_forms.c.period_start == form.period_start,
                 monitoring_forms.c.period_end == form.period_end, monitoring_forms.c.trial == trial)
        latest = connection.execute(select(monitoring_forms.c.revision, monitoring_forms.c.saved_by,
                                           monitoring_forms.c.saved_at)
                                    .where(*scope, monitoring_forms.c.units == _units_text(units))
                                    .order_by(monitoring_forms.c.revision.desc()).limit(1)).first()
        if latest is not None and base_revision != latest.revision:
            when = latest.saved_at.astimezone(runtime.calendar.tz).strftime("%Y-%m-%d %H:%M")
            raise DataError.from_code("form_saved_meanwhile", "revision", by=latest.saved_by, when=when,
                                      revision=latest.revision)
        newest = connection.execute(select(func.max(monitoring_forms.c.revision)).where(*scope)).scalar()
        revision = int(newest or 0) + 1
        form_id = connection.execute(insert(monitoring_forms).returning(monitoring_forms.c.id), {
            "definition_id": found_id, "period_start": form.period_start, "period_end": form.period_end,
            "trial": trial, "revision": revision, "form": form_to_json(form), "saved_by": by, "saved_at": now,
            "units": _units_text(units),
        }).scalar_one()
    return SavedMonitoringForm(form_id, key, trial, revision, form, by, now)


def monitoring_forms_of(runtime: Runtime, key: str, period_start: dt.date | None = None,
                        period_end: dt.date | None = None, *, trial: bool = False,
                        units: frozenset[int] | None = None) -> list[SavedMonitoringForm]:
    """Every saved revision of ``key``'s forms (optionally of one period) filled for ``units``
    (``None``: every unit), newest first."""
    with runtime.db.read() as connection:
        found_id = definition_id(connection, key)
        query = select(monitoring_forms).where(monitoring_forms.c.definition_id == found_id,
                                               monitoring_forms.c.trial == trial,
                                               monitoring_forms.c.units == _units_text(units))
        if period_start is not None:
            query = query.where(monitoring_forms.c.period_start == period_start)
        if period_end is not None:
            query = query.where(monitoring_forms.c.period_end == period_end)
        rows = connection.execute(query.order_by(monitoring_forms.c.period_end.desc(),
                                                 monitoring_forms.c.revision.desc())).all()
    return [SavedMonitoringForm(row.id, key, bool(row.trial), row.revision, form_from_json(row.form), row.saved_by,
                                row.saved_at) for row in rows]


# -- PDF ----------------------------------------------------------------------------------------

_PAGE_W, _PAGE_H, _MARGIN = 297.0, 210.0, 10.0
_SIZE = 8.5
_PAD = 1.2
_COLUMNS = (10.0, 58.0, 22.0, 22.0, 82.0, 60.0, 23.0)


def _lines(text: str, width: float, bold: bool = False) -> list[str]:
    return fonts.wrap(text, width - 2 * _PAD, _SIZE, bold) or [""]


def _row(page: Page, y: float, cells: list[str], head: bool = False, centre: tuple[int, ...] = ()) -> float:
    wrapped = [_lines(cell, width, head) for cell, width in zip(cells, _COLUMNS)]
    height = max(len(lines) for lines in wrapped) * fonts.line_height(_SIZE) + 2 * _PAD
    x = _MARGIN
    for index, (lines, width) in enumerate(zip(wrapped, _COLUMNS)):
        page.add(Rect(x, y, width, height, "cell", fill=GREY_FILL if head else None))
        for line_number, line in enumerate(lines):
            baseline = y + _PAD + fonts.ascent(_SIZE) + line_number * fonts.line_height(_SIZE)
            middle = head or index in centre
            page.add(Text(x + width / 2 if middle else x + _PAD, baseline, line, _SIZE, "text", bold=head,
                          anchor="middle" if middle else "start"))
        x += width
    return height


def _heading(page: Page, form: MonitoringForm, lang: str) -> float:
    page.add(Text(_PAGE_W / 2, _MARGIN + 5, message("form_monitoring_title", lang), 12, "title", bold=True,
                  anchor="middle"))
    y = _MARGIN + 12
    period = period_text(form, lang)
    for label, value in ((message("form_sop", lang), form.sop_name), (message("form_nomor", lang), form.sop_number),
                         (message("form_unit", lang), form.unit), (message("form_period", lang), period),
                         (message("form_assessor", lang), form.assessor)):
        page.add(Text(_MARGIN, y, label, 9, "label", bold=True))
        page.add(Text(_MARGIN + 28, y, f": {value}", 9, "value"))
        y += 4.6
    y += 2
    heads = [message(code, lang) for code in ("form_no", "form_procedure", "form_good", "form_not_good",
                                              "form_notes", "form_action", "form_initials")]
    return y + _row(page, y, heads, head=True)


def monitoring_form_pdf(form: MonitoringForm, lang: str = "id") -> bytes:
    """The monitoring form as a PDF (A4 landscape; the table header repeats on every page)."""
    pages = [Page(_PAGE_W, _PAGE_H, "monitoring")]
    y = _heading(pages[0], form, lang)
    for row in form.rows:
        cells = [str(row.number), row.procedure, "√" if row.running_well is True else "",
                 "√" if row.running_well is False else "", row.notes, row.action, row.initials]
        probe = Page(_PAGE_W, _PAGE_H, "probe")
        needed = _row(probe, 0.0, cells)
        if y + needed > _PAGE_H - _MARGIN:
            pages.append(Page(_PAGE_W, _PAGE_H, "monitoring"))
            y = _heading(pages[-1], form, lang)
        y += _row(pages[-1], y, cells, centre=(0, 2, 3, 6))
    return pdf_bytes(pages, title=form.sop_name)
