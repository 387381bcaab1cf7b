"""The official monitoring and evaluation forms (PermenPANRB 35/2012) as data, and as XLSX.

The monitoring form is the table "Monitoring Pelaksanaan SOP AP": No. | Prosedur | Penilaian
terhadap penerapan (Berjalan dengan baik / Tidak berjalan dengan baik) | Catatan hasil penilaian |
Tindakan yang harus diambil | Paraf penilai. The evaluation form holds the seven Ya/Tidak questions
with notes and an outcome (tetap / revisi / ganti). Filling them from measured execution is the
monitoring module's job; this module only holds and writes them.
"""

from __future__ import annotations

import datetime as dt
import io
from dataclasses import dataclass, field

from openpyxl import Workbook
from openpyxl.styles import Alignment, Border, Font, PatternFill, Side
from openpyxl.worksheet.worksheet import Worksheet

from engine.formats.spreadsheet import neutralise
from engine.messages import message

#: Catalogue codes of the seven evaluation questions (SOP-FORMAT.md §5), in order.
EVALUATION_QUESTION_CODES: tuple[str, ...] = (
    "evaluation_question_1", "evaluation_question_2", "evaluation_question_3", "evaluation_question_4",
    "evaluation_question_5", "evaluation_question_6", "evaluation_question_7",
)
#: Catalogue codes of the evaluation outcomes, by the value stored in the form.
OUTCOME_CODES: dict[str, str] = {"tetap": "evaluation_outcome_tetap", "revisi": "evaluation_outcome_revisi",
                                 "ganti": "evaluation_outcome_ganti"}
#: The questions as (Indonesian, English) pairs, from the catalogue.
EVALUATION_QUESTIONS: tuple[tuple[str, str], ...] = tuple(
    (message(code, "id"), message(code, "en")) for code in EVALUATION_QUESTION_CODES)
#: The outcomes as (Indonesian, English) pairs, from the catalogue.
OUTCOMES: dict[str, tuple[str, str]] = {
    value: (message(code, "id"), message(code, "en")) for value, code in OUTCOME_CODES.items()}


@dataclass
class MonitoringRow:
    """One procedure (step) of the monitoring form."""

    number: int
    procedure: str
    #: True = berjalan dengan baik, False = tidak, None = not assessed yet.
    running_well: bool | None = None
    notes: str = ""
    action: str = ""
    initials: str = ""


@dataclass
class MonitoringForm:
    """The monitoring form for one SOP version and period."""

    sop_name: str
    sop_number: str
    unit: str
    period_start: dt.date
    period_end: dt.date
    assessor: str = ""
    rows: list[MonitoringRow] = field(default_factory=list)


@dataclass
class EvaluationAnswer:
    answer: bool | None = None
    notes: str = ""


@dataclass
class EvaluationForm:
    """The seven-question evaluation of one SOP, with its outcome."""

    sop_name: str
    sop_number: str
    unit: str
    date: dt.date
    assessor: str = ""
    answers: list[EvaluationAnswer] = field(
        default_factory=lambda: [EvaluationAnswer() for _ in EVALUATION_QUESTIONS])
    #: "tetap", "revisi" or "ganti"; empty until decided.
    outcome: str = ""
    notes: str = ""


_THIN = Side(style="thin", color="000000")
_BOX = Border(left=_THIN, right=_THIN, top=_THIN, bottom=_THIN)
_HEAD_FILL = PatternFill("solid", fgColor="E9EEF4")
_WRAP = Alignment(wrap_text=True, vertical="top")
_CENTRE = Alignment(wrap_text=True, vertical="center", horizontal="center")


def _header_block(sheet: Worksheet, title: str, pairs: list[tuple[str, str]], width: int) -> int:
    sheet.merge_cells(start_row=1, start_column=1, end_row=1, end_column=width)
    sheet.cell(1, 1, neutralise(title)).font = Font(bold=True, size=13)
    sheet.cell(1, 1).alignment = _CENTRE
    for offset, (label, value) in enumerate(pairs):
        sheet.cell(3 + offset, 1, neutralise(label)).font = Font(bold=True)
        sheet.merge_cells(start_row=3 + offset, start_column=2, end_row=3 + offset, end_column=width)
        sheet.cell(3 + offset, 2, f": {value}")  # starts with ":", never a formula
    return 3 + len(pairs) + 1


def _table_cell(sheet: Worksheet, row: int, column: int, value: str | int | None, head: bool = False,
                centre: bool = False) -> None:
    cell = sheet.cell(row, column, neutralise(value))
    cell.border = _BOX
    cell.alignment = _CENTRE if head or centre else _WRAP
    if head:
        cell.font = Font(bold=True)
        cell.fill = _HEAD_FILL


def period_text(form: MonitoringForm, lang: str = "id") -> str:
    """The form's period as ``01-01-2026 s.d. 30-06-2026`` (``... to ...`` in English)."""
    return message("form_period_range", lang, start=form.period_start.strftime("%d-%m-%Y"),
                   end=form.period_end.strftime("%d-%m-%Y"))


def monitoring_xlsx(form: MonitoringForm, lang: str = "id") -> bytes:
    """The monitoring form as an XLSX workbook (one sheet, print-ready on A4 landscape)."""
    book = Workbook()
    sheet = book.active
    assert sheet is not None
    sheet.title = message("form_sheet_monitoring", lang)
    top = _header_block(sheet, message("form_monitoring_title", lang), [
        (message("form_sop", lang), form.sop_name), (message("form_nomor", lang), form.sop_number),
        (message("form_unit", lang), form.unit), (message("form_period", lang), period_text(form, lang)),
        (message("form_assessor", lang), form.assessor)], 7)
    heads = [message("form_no", lang), message("form_procedure", lang), message("form_assessment", lang), "",
             message("form_notes", lang), message("form_action", lang), message("form_initials", lang)]
    for column, text in enumerate(heads, start=1):
        _table_cell(sheet, top, column, text, head=True)
    _table_cell(sheet, top + 1, 3, message("form_good", lang), head=True)
    _table_cell(sheet, top + 1, 4, message("form_not_good", lang), head=True)
    sheet.merge_cells(start_row=top, start_column=3, end_row=top, end_column=4)
    for column in (1, 2, 5, 6, 7):
        _table_cell(sheet, top + 1, column, "", head=True)
        sheet.merge_cells(start_row=top, start_column=column, end_row=top + 1, end_column=column)
    for index, item in enumerate(form.rows):
        row = top + 2 + index
        _table_cell(sheet, row, 1, item.number, centre=True)
        _table_cell(sheet, row, 2, item.procedure)
        _table_cell(sheet, row, 3, "✓" if item.running_well is True else "", centre=True)
        _table_cell(sheet, row, 4, "✓" if item.running_well is False else "", centre=True)
        _table_cell(sheet, row, 5, item.notes)
        _table_cell(sheet, row, 6, item.action)
        _table_cell(sheet, row, 7, item.initials, centre=True)
    for letter, width in zip("ABCDEFG", (6, 42, 14, 14, 48, 36, 12)):
        sheet.column_dimensions[letter].width = width
    sheet.page_setup.orientation = "landscape"
    sheet.page_setup.paperSize = sheet.PAPERSIZE_A4
    sheet.print_title_rows = f"{top}:{top + 1}"
    return _save(book)


def evaluation_xlsx(form: EvaluationForm, lang: str = "id") -> bytes:
    """The evaluation form as an XLSX workbook."""
    book = Workbook()
    sheet = book.active
    assert sheet is not None
    sheet.title = message("form_sheet_evaluation", lang)
    top = _header_block(sheet, message("form_evaluation_title", lang), [
        (message("form_sop", lang), form.sop_name), (message("form_nomor", lang), form.sop_number),
        (message("form_unit", lang), form.unit), (message("form_date", lang), form.date.strftime("%d-%m-%Y")),
        (message("form_assessor", lang), form.assessor)], 4)
    heads = (message("form_no", lang), message("form_question", lang), message("form_answer", lang),
             message("form_catatan", lang))
    for column, text in enumerate(heads, start=1):
        _table_cell(sheet, top, column, text, head=True)
    for index, (question, answer) in enumerate(zip(EVALUATION_QUESTION_CODES, form.answers)):
        row = top + 1 + index
        _table_cell(sheet, row, 1, index + 1, centre=True)
        _table_cell(sheet, row, 2, message(question, lang))
        verdict = "" if answer.answer is None else message("form_yes" if answer.answer else "form_no_answer", lang)
        _table_cell(sheet, row, 3, verdict, centre=True)
        _table_cell(sheet, row, 4, answer.notes)
    closing = top + 2 + len(EVALUATION_QUESTIONS)
    sheet.cell(closing, 1, neutralise(message("form_outcome", lang))).font = Font(bold=True)
    outcome = OUTCOME_CODES.get(form.outcome)
    sheet.cell(closing, 2, neutralise(message(outcome, lang) if outcome else ""))
    sheet.cell(closing + 1, 2, neutralise(form.notes)).alignment = _WRAP
    for letter, width in zip("ABCD", (6, 56, 14, 56)):
        sheet.column_dimensions[letter].width = width
    sheet.page_setup.orientation = "portrait"
    sheet.page_setup.paperSize = sheet.PAPERSIZE_A4
    return _save(book)


def _save(book: Workbook) -> bytes:
    buffer = io.BytesIO()
    book.save(buffer)
    return buffer.getvalue()
