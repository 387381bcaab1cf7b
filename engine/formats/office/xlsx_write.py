"""Write SOPs as an .xlsx workbook in the official layout, the flowchart drawn as shapes and connectors.

Cells are written with openpyxl; the drawing part (``xl/drawings/drawing1.xml``: ``xdr:sp`` flowchart
symbols and glued ``xdr:cxnSp`` connectors with Ya/Tidak text boxes) is added to the saved package,
since openpyxl cannot write shapes. Every cell text goes through
:func:`engine.formats.spreadsheet.neutralise`.
"""

from __future__ import annotations

import io
import re
import zipfile
from xml.sax.saxutils import escape

import openpyxl
from openpyxl.styles import Alignment, Border, Font, Side
from openpyxl.utils import get_column_letter
from openpyxl.worksheet.worksheet import Worksheet

from engine.formats.office import fields
from engine.formats.office.grid import Box
from engine.formats.office.identity import PATTERN_LABEL
from engine.formats.office.layout import PRESET_OF, Arrow, arrows, connector_parts, indonesian_date, label_box, numbered, \
    steps_text, symbol_box
from engine.formats.office.xlsx_read import EMU_PER_POINT, column_emu
from engine.formats.spreadsheet import neutralise
from engine.sop.model import Sop

ROW_HEIGHT = 60.0
HEADER_HEIGHT = 30.0
_THIN = Side(style="thin")
_BORDER = Border(left=_THIN, right=_THIN, top=_THIN, bottom=_THIN)
_WRAP = Alignment(wrap_text=True, vertical="top")
_CENTER = Alignment(wrap_text=True, vertical="center", horizontal="center")
_XDR = "http://schemas.openxmlformats.org/drawingml/2006/spreadsheetDrawing"
_A = "http://schemas.openxmlformats.org/drawingml/2006/main"


def _put(ws: Worksheet, row: int, col: int, text: str, bold: bool = False, center: bool = False) -> None:
    cell = ws.cell(row=row, column=col, value=neutralise(text) if text else None)
    cell.alignment = _CENTER if center else _WRAP
    cell.border = _BORDER
    if bold:
        cell.font = Font(bold=True)


def write_identity(ws: Worksheet, sop: Sop, top: int) -> int:
    """The identity block from row ``top`` (1-based); returns the first free row after it."""
    identity = sop.identity
    approval = identity.disahkan_oleh
    signer = "\n".join((approval.printed_jabatan or "-", "", approval.nama or "-", f"NIP. {approval.nip or '-'}"))
    if not (approval.jabatan or approval.nama or approval.nip):
        signer = "-"
    rows = [("NOMOR SOP", identity.nomor or "-"), ("TANGGAL PEMBUATAN", indonesian_date(identity.tanggal_pembuatan)),
            ("TANGGAL REVISI", indonesian_date(identity.tanggal_revisi)),
            ("TANGGAL EFEKTIF", indonesian_date(identity.tanggal_efektif)),
            ("DISAHKAN OLEH", signer.strip("\n") or "-"), ("NAMA SOP", identity.nama or "-")]
    if identity.pola_nomor_registrasi:
        rows.append((PATTERN_LABEL, identity.pola_nomor_registrasi))
    head = "\n".join(part for part in (identity.pemerintah, identity.unit) if part) or "-"
    _put(ws, top, 1, head, bold=True, center=True)
    ws.merge_cells(start_row=top, start_column=1, end_row=top + len(rows) - 1, end_column=1)
    for offset, (label, value) in enumerate(rows):
        _put(ws, top + offset, 2, label, bold=True)
        _put(ws, top + offset, 3, ":")
        _put(ws, top + offset, 4, value)
        ws.merge_cells(start_row=top + offset, start_column=4, end_row=top + offset, end_column=6)
    ws.row_dimensions[top + 4].height = 75
    row = top + len(rows) + 1
    pairs = [("DASAR HUKUM", "dasar_hukum", "KUALIFIKASI PELAKSANA", "kualifikasi_pelaksana"),
             ("KETERKAITAN", "keterkaitan", "PERALATAN/PERLENGKAPAN", "peralatan_perlengkapan"),
             ("PERINGATAN", "peringatan", "PENCATATAN DAN PENDATAAN", "pencatatan_pendataan")]
    for left, left_key, right, right_key in pairs:
        _put(ws, row, 1, left, bold=True)
        ws.merge_cells(start_row=row, start_column=1, end_row=row, end_column=3)
        _put(ws, row, 4, right, bold=True)
        ws.merge_cells(start_row=row, start_column=4, end_row=row, end_column=6)
        _put(ws, row + 1, 1, numbered(getattr(identity, left_key)))
        ws.merge_cells(start_row=row + 1, start_column=1, end_row=row + 1, end_column=3)
        _put(ws, row + 1, 4, numbered(getattr(identity, right_key)))
        ws.merge_cells(start_row=row + 1, start_column=4, end_row=row + 1, end_column=6)
        lines = max(len(getattr(identity, left_key)), len(getattr(identity, right_key)), 1)
        ws.row_dimensions[row + 1].height = 15 * lines + 10
        row += 2
    for col, width in ((1, 30), (2, 22), (3, 3), (4, 30), (5, 20), (6, 20)):
        if not ws.column_dimensions[get_column_letter(col)].width:
            ws.column_dimensions[get_column_letter(col)].width = width
    return row + 1


def write_table(ws: Worksheet, sop: Sop, top: int) -> str:
    """The flowchart table from row ``top``; returns the drawing XML of its symbols and arrows."""
    actors = list(sop.actors)
    first_mutu = 3 + len(actors)
    widths = [5.0, 40.0] + [16.0] * len(actors) + [22.0, 12.0, 20.0, 22.0]
    for col, width in enumerate(widths, 1):
        ws.column_dimensions[get_column_letter(col)].width = width
    for col, text in ((1, "NO"), (2, "KEGIATAN"), (first_mutu + 3, "KETERANGAN")):
        _put(ws, top, col, text, bold=True, center=True)
        _put(ws, top + 1, col, "")
        ws.merge_cells(start_row=top, start_column=col, end_row=top + 1, end_column=col)
    _put(ws, top, 3, "PELAKSANA", bold=True, center=True)
    ws.merge_cells(start_row=top, start_column=3, end_row=top, end_column=2 + len(actors))
    _put(ws, top, first_mutu, "MUTU BAKU", bold=True, center=True)
    ws.merge_cells(start_row=top, start_column=first_mutu, end_row=top, end_column=first_mutu + 2)
    for offset, actor in enumerate(actors):
        _put(ws, top + 1, 3 + offset, actor, bold=True, center=True)
    for offset, text in enumerate(("KELENGKAPAN", "WAKTU", "OUTPUT")):
        _put(ws, top + 1, first_mutu + offset, text, bold=True, center=True)
    ws.row_dimensions[top].height = HEADER_HEIGHT
    ws.row_dimensions[top + 1].height = HEADER_HEIGHT
    ws.print_title_rows = f"{top}:{top + 1}"
    for index, step in enumerate(sop.steps):
        row = top + 2 + index
        ws.row_dimensions[row].height = ROW_HEIGHT
        texts = steps_text(step)
        _put(ws, row, 1, str(index + 1), center=True)
        _put(ws, row, 2, texts["kegiatan"])
        for offset in range(len(actors)):
            _put(ws, row, 3 + offset, "")
        for offset, key in enumerate(("kelengkapan", "waktu", "output", "keterangan")):
            _put(ws, row, first_mutu + offset, texts[key])
    return _drawing(ws, sop, top + 2)


def write_fields(ws: Worksheet, sop: Sop, top: int, heading: bool) -> None:
    """The case-field table from row ``top`` (under the heading "ISIAN KASUS" when ``heading``)."""
    if heading:
        _put(ws, top, 1, fields.HEADING, bold=True)
        top += 1
    for offset, cells in enumerate(fields.rows(sop)):
        for col, text in enumerate(cells, 1):
            _put(ws, top + offset, col, text, bold=offset == 0, center=offset == 0)
    if not heading:
        for col, width in enumerate((28, 32, 32, 14, 8, 8, 18, 18, 30, 34), 1):
            ws.column_dimensions[get_column_letter(col)].width = width
        ws.print_title_rows = f"{top}:{top}"


def _edges(ws: Worksheet) -> tuple[list[int], list[int]]:
    xs, ys = [0], [0]
    for col in range(1, ws.max_column + 40):
        width = ws.column_dimensions[get_column_letter(col)].width or 8.43
        xs.append(xs[-1] + column_emu(width))
    for row in range(1, ws.max_row + 40):
        ys.append(ys[-1] + int((ws.row_dimensions[row].height or 15.0) * EMU_PER_POINT))
    return xs, ys


def _marker(tag: str, x: float, y: float, xs: list[int], ys: list[int]) -> str:
    col = max(i for i, edge in enumerate(xs[:-1]) if edge <= x)
    row = max(i for i, edge in enumerate(ys[:-1]) if edge <= y)
    return (f"<xdr:{tag}><xdr:col>{col}</xdr:col><xdr:colOff>{int(x - xs[col])}</xdr:colOff><xdr:row>{row}</xdr:row>"
            f"<xdr:rowOff>{int(y - ys[row])}</xdr:rowOff></xdr:{tag}>")


def _anchor(box: Box, body: str, xs: list[int], ys: list[int]) -> str:
    return (f'<xdr:twoCellAnchor editAs="oneCell">{_marker("from", box.x0, box.y0, xs, ys)}'
            f'{_marker("to", box.x1, box.y1, xs, ys)}{body}<xdr:clientData/></xdr:twoCellAnchor>')


def _xfrm(box: Box, flips: str = "") -> str:
    return (f'<a:xfrm{flips}><a:off x="{int(box.x0)}" y="{int(box.y0)}"/>'
            f'<a:ext cx="{int(box.x1 - box.x0)}" cy="{int(box.y1 - box.y0)}"/></a:xfrm>')


def shape_xml(sid: int, name: str, preset: str, box: Box, text: str = "", text_box: bool = False,
              descr: str = "") -> str:
    """One ``xdr:sp`` element."""
    line = '<a:ln><a:noFill/></a:ln>' if text_box else \
        '<a:ln w="12700"><a:solidFill><a:srgbClr val="000000"/></a:solidFill></a:ln>'
    fill = '<a:noFill/>' if text_box else '<a:solidFill><a:srgbClr val="FFFFFF"/></a:solidFill>'
    tx_box = ' txBox="1"' if text_box else ""
    run = f'<a:r><a:rPr lang="id-ID" sz="800"/><a:t>{escape(text)}</a:t></a:r>' if text else ""
    return (f'<xdr:sp macro="" textlink=""><xdr:nvSpPr><xdr:cNvPr id="{sid}" name="{escape(name)}"'
            f'{_descr(descr)}/>'
            f'<xdr:cNvSpPr{tx_box}/></xdr:nvSpPr><xdr:spPr>{_xfrm(box)}'
            f'<a:prstGeom prst="{preset}"><a:avLst/></a:prstGeom>{fill}{line}</xdr:spPr>'
            f'<xdr:txBody><a:bodyPr wrap="square" anchor="ctr"/><a:lstStyle/><a:p><a:pPr algn="ctr"/>{run}</a:p>'
            f'</xdr:txBody></xdr:sp>')


def connector_xml(sid: int, arrow: Arrow, source_id: int, target_id: int, glued: bool = True) -> tuple[str, Box]:
    """One ``xdr:cxnSp`` element from ``arrow.start`` to ``arrow.end`` with an arrowhead at the end."""
    box, flips, glue, geometry = connector_parts(arrow, source_id, target_id, glued)
    return (f'<xdr:cxnSp macro=""><xdr:nvCxnSpPr><xdr:cNvPr id="{sid}" name="Panah {sid}"/><xdr:cNvCxnSpPr>{glue}'
            f'</xdr:cNvCxnSpPr></xdr:nvCxnSpPr><xdr:spPr>{_xfrm(box, flips)}<a:prstGeom prst="{geometry}"><a:avLst/>'
            f'</a:prstGeom><a:ln w="9525"><a:solidFill><a:srgbClr val="000000"/></a:solidFill>'
            f'<a:tailEnd type="triangle"/></a:ln></xdr:spPr></xdr:cxnSp>'), box


def _drawing(ws: Worksheet, sop: Sop, first_row: int, glued: bool = True) -> str:
    xs, ys = _edges(ws)
    boxes = []
    for index, step in enumerate(sop.steps):
        col = 2 + (sop.actors.index(step.actor) if step.actor in sop.actors else 0)
        row = first_row - 1 + index
        boxes.append(symbol_box(Box(xs[col], ys[row], xs[col + 1], ys[row + 1])))
    parts = []
    for index, (step, box) in enumerate(zip(sop.steps, boxes)):
        parts.append(_anchor(box, shape_xml(index + 2, f"Langkah {index + 1}", PRESET_OF[step.kind], box,
                                           descr=f"alur:{step.id}"), xs, ys))
    next_id = len(sop.steps) + 2
    for arrow in arrows(sop, boxes):
        body, box = connector_xml(next_id, arrow, arrow.source + 2, arrow.target + 2, glued)
        parts.append(_anchor(box, body, xs, ys))
        next_id += 1
        if arrow.label:
            text = label_box(arrow)
            parts.append(_anchor(text, shape_xml(next_id, arrow.label, "rect", text, arrow.label, True), xs, ys))
            next_id += 1
    return f'<xdr:wsDr xmlns:xdr="{_XDR}" xmlns:a="{_A}">{"".join(parts)}</xdr:wsDr>'


def sheet_title(text: str, taken: set[str]) -> str:
    """A valid, unique sheet name (at most 31 characters, none of []:*?/\\)."""
    base = re.sub(r"[\[\]:*?/\\]", " ", text).strip()[:28] or "SOP"
    title, n = base, 2
    while title.lower() in taken:
        title, n = f"{base[:25]} {n}", n + 1
    taken.add(title.lower())
    return title


def write_xlsx(sops: list[Sop], identity_sheet: bool = True) -> bytes:
    """A workbook: for one SOP an "Identitas", a "Bagan Alir" and (when it declares case fields) an "ISIAN"
    sheet (or, with ``identity_sheet`` false or several SOPs, one sheet per SOP with the identity above the
    table and the case fields under it)."""
    book = openpyxl.Workbook()
    book.remove(book.active)  # type: ignore[arg-type]
    drawings: dict[int, str] = {}
    taken: set[str] = set()
    for sop in sops:
        if identity_sheet and len(sops) == 1:
            write_identity(book.create_sheet(sheet_title("Identitas", taken)), sop, 1)
            sheet = book.create_sheet(sheet_title("Bagan Alir", taken))
            top = 1
        else:
            sheet = book.create_sheet(sheet_title(sop.identity.nama or "SOP", taken))
            top = write_identity(sheet, sop, 1)
        drawings[len(book.worksheets)] = write_table(sheet, sop, top)
        if sop.fields and identity_sheet and len(sops) == 1:
            write_fields(book.create_sheet(sheet_title(fields.SHEET, taken)), sop, 1, heading=False)
        elif sop.fields:
            write_fields(sheet, sop, top + len(sop.steps) + 3, heading=True)
    buffer = io.BytesIO()
    book.save(buffer)
    return add_drawings(buffer.getvalue(), drawings)


def add_drawings(data: bytes, drawings: dict[int, str]) -> bytes:
    """Add drawing parts to sheets of an openpyxl-saved package (sheet number -> drawing XML)."""
    source = zipfile.ZipFile(io.BytesIO(data))
    out = io.BytesIO()
    rels_ns = "http://schemas.openxmlformats.org/package/2006/relationships"
    drawing_type = "http://schemas.openxmlformats.org/officeDocument/2006/relationships/drawing"
    with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as target:
        names = source.namelist()
        for name in names:
            body = source.read(name)
            match = re.fullmatch(r"xl/worksheets/sheet(\d+)\.xml", name)
            if match and int(match.group(1)) in drawings:
                text = body.decode("utf-8")
                if 'xmlns:r=' not in text[:2000]:
                    text = text.replace("<worksheet ", '<worksheet xmlns:r="http://schemas.openxmlformats.org/'
                                        'officeDocument/2006/relationships" ', 1)
                position = min(i for i in (text.find(tag) for tag in ("<legacyDrawing", "<tableParts", "<extLst",
                                                                       "</worksheet>")) if i >= 0)
                body = (text[:position] + '<drawing r:id="rIdAlurDrawing"/>' + text[position:]).encode("utf-8")
            elif name.startswith("xl/worksheets/_rels/sheet") and _sheet_number(name) in drawings:
                relation = (f'<Relationship Id="rIdAlurDrawing" Type="{drawing_type}" '
                            f'Target="../drawings/drawing{_sheet_number(name)}.xml"/>')
                body = body.replace(b"</Relationships>", relation.encode() + b"</Relationships>")
            elif name == "[Content_Types].xml":
                overrides = "".join(f'<Override PartName="/xl/drawings/drawing{n}.xml" ContentType="application/'
                                    f'vnd.openxmlformats-officedocument.drawing+xml"/>' for n in drawings)
                body = body.replace(b"</Types>", overrides.encode() + b"</Types>")
            target.writestr(name, body)
        for number, xml in drawings.items():
            rels_name = f"xl/worksheets/_rels/sheet{number}.xml.rels"
            relation = f'<Relationship Id="rIdAlurDrawing" Type="{drawing_type}" Target="../drawings/drawing{number}.xml"/>'
            if rels_name in names:  # written above already: add the relation to it
                continue
            target.writestr(rels_name, f'<?xml version="1.0" encoding="UTF-8" standalone="yes"?>'
                                       f'<Relationships xmlns="{rels_ns}">{relation}</Relationships>')
            target.writestr(f"xl/drawings/drawing{number}.xml",
                            '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>' + xml)
    return out.getvalue()


def _sheet_number(rels_name: str) -> int:
    match = re.fullmatch(r"xl/worksheets/_rels/sheet(\d+)\.xml\.rels", rels_name)
    return int(match.group(1)) if match else -1


def _descr(descr: str) -> str:
    return f' descr="{escape(descr, {chr(34): "&quot;"})}"' if descr else ""
