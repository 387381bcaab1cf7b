"""The stage-3 deliverable: NAMA DAN KODE NOMOR STANDAR OPERASIONAL PROSEDUR (NO | JUDUL SOP | NOMOR SOP).

The table of Permendagri 52/2011 Lampiran I, stage 3, from the daftar inventarisasi: as a PDF drawn
on A4 portrait with the machinery of the SOP document (:mod:`engine.render.canvas` items painted by
:func:`engine.render.output.pdf_bytes`; the header row repeats on every page), and as an XLSX whose
every text goes through :func:`engine.formats.spreadsheet.neutralise` (a title starting with ``=`` is
text, never a formula).
"""

from __future__ import annotations

import io
from dataclasses import dataclass

from openpyxl import Workbook
from openpyxl.styles import Alignment, Border, Font, PatternFill, Side

from engine.formats.spreadsheet import neutralise
from engine.lifecycle.inventory import InventoryEntry
from engine.messages import message
from engine.render import fonts
from engine.render.canvas import GREY_FILL, Page, Rect, Text
from engine.render.output import pdf_bytes


@dataclass(frozen=True)
class NumberTable:
    """The rows of the table and the lines above it (the unit, the decision that fixed the numbers)."""

    rows: tuple[tuple[int, str, str], ...]
    lines: tuple[str, ...] = ()


def number_table(entries: list[InventoryEntry], unit: str = "", lang: str = "id") -> NumberTable:
    """NO, JUDUL SOP, NOMOR SOP of ``entries`` in their order; the lines name ``unit`` and, when every
    entry is fixed by one decision, that decision."""
    lines: list[str] = []
    if unit.strip():
        lines.append(message("tahap_table_unit", lang, unit=unit.strip()))
    decisions = {item.decision for item in entries}
    if len(decisions) == 1 and None not in decisions:
        decision = next(iter(decisions))
        assert decision is not None
        lines.append(message("tahap_table_decision", lang, number=decision.number,
                             date=decision.decided_on.strftime("%d-%m-%Y")))
    elif entries:
        lines.append(message("tahap_table_draft", lang))
    return NumberTable(tuple((index, item.title, item.number or "-") for index, item in enumerate(entries, start=1)),
                       tuple(lines))


# -- PDF ----------------------------------------------------------------------------------------

_PAGE_W, _PAGE_H, _MARGIN = 210.0, 297.0, 15.0
_SIZE = 10.0
_PAD = 1.5
_COLUMNS = (14.0, 106.0, 60.0)


def _row(page: Page, y: float, cells: tuple[str, str, str], head: bool = False) -> float:
    wrapped = [fonts.wrap(cell, width - 2 * _PAD, _SIZE, head) or [""] for cell, width in zip(cells, _COLUMNS)]
    height = max(len(lines) for lines in wrapped) * fonts.line_height(_SIZE) + 2 * _PAD
    x = _MARGIN
    for index, (lines, width) in enumerate(zip(wrapped, _COLUMNS)):
        page.add(Rect(x, y, width, height, "cell", fill=GREY_FILL if head else None))
        for line_number, line in enumerate(lines):
            baseline = y + _PAD + fonts.ascent(_SIZE) + line_number * fonts.line_height(_SIZE)
            middle = head or index == 0
            page.add(Text(x + width / 2 if middle else x + _PAD, baseline, line, _SIZE, "text", bold=head,
                          anchor="middle" if middle else "start"))
        x += width
    return height


def _heading(page: Page, table: NumberTable, lang: str) -> float:
    page.add(Text(_PAGE_W / 2, _MARGIN + 5, message("tahap_table_title", lang), 12, "title", bold=True,
                  anchor="middle"))
    y = _MARGIN + 13
    for line in table.lines:
        page.add(Text(_PAGE_W / 2, y, line, 10, "label", anchor="middle"))
        y += 5.5
    y += 2
    heads = (message("tahap_col_no", lang), message("tahap_col_title", lang), message("tahap_col_number", lang))
    return y + _row(page, y, heads, head=True)


def number_table_pdf(table: NumberTable, lang: str = "id") -> bytes:
    """The table as a PDF (A4 portrait)."""
    pages = [Page(_PAGE_W, _PAGE_H, "inventarisasi")]
    y = _heading(pages[0], table, lang)
    for number, title, nomor in table.rows:
        cells = (str(number), title, nomor)
        needed = _row(Page(_PAGE_W, _PAGE_H, "probe"), 0.0, cells)
        if y + needed > _PAGE_H - _MARGIN:
            pages.append(Page(_PAGE_W, _PAGE_H, "inventarisasi"))
            y = _heading(pages[-1], table, lang)
        y += _row(pages[-1], y, cells)
    return pdf_bytes(pages, title=message("tahap_table_title", lang))


# -- XLSX ---------------------------------------------------------------------------------------

_THIN = Side(style="thin", color="000000")
_BOX = Border(left=_THIN, right=_THIN, top=_THIN, bottom=_THIN)


def number_table_xlsx(table: NumberTable, lang: str = "id") -> bytes:
    """The table as an XLSX workbook (one sheet, print-ready on A4 portrait)."""
    book = Workbook()
    sheet = book.active
    assert sheet is not None
    sheet.title = message("tahap_sheet_name", lang)
    sheet.merge_cells(start_row=1, start_column=1, end_row=1, end_column=3)
    sheet.cell(1, 1, neutralise(message("tahap_table_title", lang))).font = Font(bold=True, size=13)
    sheet.cell(1, 1).alignment = Alignment(horizontal="center")
    for offset, line in enumerate(table.lines):
        sheet.merge_cells(start_row=2 + offset, start_column=1, end_row=2 + offset, end_column=3)
        sheet.cell(2 + offset, 1, neutralise(line)).alignment = Alignment(horizontal="center")
    top = 3 + len(table.lines)
    heads = (message("tahap_col_no", lang), message("tahap_col_title", lang), message("tahap_col_number", lang))
    for column, text in enumerate(heads, start=1):
        cell = sheet.cell(top, column, neutralise(text))
        cell.font, cell.border = Font(bold=True), _BOX
        cell.fill = PatternFill("solid", fgColor="E9EEF4")
        cell.alignment = Alignment(horizontal="center", vertical="center", wrap_text=True)
    for index, (number, title, nomor) in enumerate(table.rows, start=1):
        cells: tuple[int | str, ...] = (number, title, nomor)
        for column, value in enumerate(cells, start=1):
            cell = sheet.cell(top + index, column, neutralise(value))
            cell.border = _BOX
            cell.alignment = Alignment(wrap_text=True, vertical="top", horizontal="center" if column == 1 else None)
    for letter, width in zip("ABC", (7, 60, 34)):
        sheet.column_dimensions[letter].width = width
    sheet.page_setup.orientation = "portrait"
    sheet.page_setup.paperSize = sheet.PAPERSIZE_A4
    sheet.print_title_rows = f"{top}:{top}"
    buffer = io.BytesIO()
    book.save(buffer)
    return buffer.getvalue()
