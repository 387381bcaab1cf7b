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

#: The seven evaluation questions (SOP-FORMAT.md §5), Indonesian and English.
EVALUATION_QUESTIONS: tuple[tuple[str, str], ...] = (
    ("Mampu mendorong peningkatan kinerja", "Drives better performance"),
    ("Mudah dipahami", "Easy to understand"),
    ("Mudah dilaksanakan", "Easy to carry out"),
    ("Semua orang dapat menjalankan perannya masing-masing", "Everyone can play their own role"),
    ("Mampu mengatasi permasalahan yang berkaitan dengan proses",
     "Solves the problems related to the process"),
    ("Mampu menjawab kebutuhan peningkatan kinerja organisasi",
     "Meets the organisation's need to perform better"),
    ("Sinergi satu dengan lainnya", "Works in synergy with the others"),
)
OUTCOMES: dict[str, tuple[str, str]] = {
    "tetap": ("SOP tetap dipakai", "Keep the SOP"),
    "revisi": ("SOP direvisi", "Revise the SOP"),
    "ganti": ("SOP diganti dengan yang baru", "Replace the SOP"),
}
_TEXT: dict[str, tuple[str, str]] = {
    "monitoring_title": ("FORMULIR MONITORING PELAKSANAAN SOP", "SOP IMPLEMENTATION MONITORING FORM"),
    "evaluation_title": ("FORMULIR EVALUASI PENERAPAN SOP", "SOP EVALUATION FORM"),
    "sop": ("Nama SOP", "SOP name"),
    "nomor": ("Nomor SOP", "SOP number"),
    "unit": ("Unit kerja", "Work unit"),
    "period": ("Periode", "Period"),
    "assessor": ("Penilai", "Assessor"),
    "no": ("No.", "No."),
    "procedure": ("Prosedur", "Procedure"),
    "assessment": ("Penilaian terhadap penerapan", "Assessment of implementation"),
    "good": ("Berjalan dengan baik", "Running well"),
    "not_good": ("Tidak berjalan dengan baik", "Not running well"),
    "notes": ("Catatan hasil penilaian", "Assessment notes"),
    "action": ("Tindakan yang harus diambil", "Action to take"),
    "initials": ("Paraf penilai", "Assessor's initials"),
    "question": ("Pertanyaan", "Question"),
    "answer": ("Ya / Tidak", "Yes / No"),
    "yes": ("Ya", "Yes"),
    "no_answer": ("Tidak", "No"),
    "catatan": ("Catatan", "Notes"),
    "outcome": ("Hasil evaluasi", "Outcome"),
    "date": ("Tanggal", "Date"),
}


def _t(key: str, lang: str) -> str:
    indonesian, english = _TEXT[key]
    return english if lang == "en" else indonesian


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


def _period(form: MonitoringForm) -> str:
    return f"{form.period_start.strftime('%d-%m-%Y')} s.d. {form.period_end.strftime('%d-%m-%Y')}"


def monitoring_xlsx(form: MonitoringForm, lang: str = "id") -> bytes:
    """The monitoring form as an XLSX workbook (one sheet, print-ready on A4 landscape)."""
    book = Workbook()
    sheet = book.active
    assert sheet is not None
    sheet.title = "Monitoring"
    top = _header_block(sheet, _t("monitoring_title", lang), [
        (_t("sop", lang), form.sop_name), (_t("nomor", lang), form.sop_number), (_t("unit", lang), form.unit),
        (_t("period", lang), _period(form)), (_t("assessor", lang), form.assessor)], 7)
    heads = [_t("no", lang), _t("procedure", lang), _t("assessment", lang), "", _t("notes", lang),
             _t("action", lang), _t("initials", lang)]
    for column, text in enumerate(heads, start=1):
        _table_cell(sheet, top, column, text, head=True)
    _table_cell(sheet, top + 1, 3, _t("good", lang), head=True)
    _table_cell(sheet, top + 1, 4, _t("not_good", lang), head=True)
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
    sheet.title = "Evaluasi"
    top = _header_block(sheet, _t("evaluation_title", lang), [
        (_t("sop", lang), form.sop_name), (_t("nomor", lang), form.sop_number), (_t("unit", lang), form.unit),
        (_t("date", lang), form.date.strftime("%d-%m-%Y")), (_t("assessor", lang), form.assessor)], 4)
    for column, text in enumerate((_t("no", lang), _t("question", lang), _t("answer", lang), _t("catatan", lang)),
                                  start=1):
        _table_cell(sheet, top, column, text, head=True)
    for index, ((indonesian, english), answer) in enumerate(zip(EVALUATION_QUESTIONS, form.answers)):
        row = top + 1 + index
        _table_cell(sheet, row, 1, index + 1, centre=True)
        _table_cell(sheet, row, 2, english if lang == "en" else indonesian)
        verdict = "" if answer.answer is None else _t("yes" if answer.answer else "no_answer", lang)
        _table_cell(sheet, row, 3, verdict, centre=True)
        _table_cell(sheet, row, 4, answer.notes)
    closing = top + 2 + len(EVALUATION_QUESTIONS)
    sheet.cell(closing, 1, neutralise(_t("outcome", lang))).font = Font(bold=True)
    outcome = OUTCOMES.get(form.outcome)
    sheet.cell(closing, 2, neutralise((outcome[1] if lang == "en" else outcome[0]) if outcome else ""))
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
