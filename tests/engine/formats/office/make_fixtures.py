"""Make the office fixtures of the tests: official SOP tables as Pemda type them, and hostile files.

Every file is generated here (openpyxl for cells, hand-written DrawingML/VML/WordprocessingML for
drawings and Word documents) so the fixtures stay reviewable; no binary file is committed.
Run ``python -m tests.engine.formats.office.make_fixtures DIR`` to write them all into DIR.
"""

from __future__ import annotations

import datetime as dt
import io
import sys
from pathlib import Path
from xml.sax.saxutils import escape

import openpyxl
from openpyxl.styles import Alignment

from engine.formats.office.docx_write import package as docx_package
from engine.formats.office.xlsx_write import add_drawings

ACTORS = ["Pengadministrasi Umum", "Kepala Subbagian Umum", "Kepala Bagian Organisasi"]
#: (kegiatan, actor index, kelengkapan, waktu, output, keterangan)
ROWS = [
    ("Menerima usulan penyusunan SOP dari unit kerja", 0, "1. Surat usulan\n2. Draf SOP", "15 menit", "Usulan diterima", "-"),
    ("Memeriksa kelengkapan usulan", 1, "Usulan", "1 jam", "Hasil pemeriksaan", "-"),
    ("Apakah usulan lengkap?", 1, "Hasil pemeriksaan", "10 menit", "Keputusan", "Ya: ke 5; Tidak: ke 4"),
    ("Mengembalikan usulan untuk dilengkapi", 0, "Catatan kekurangan", "30 menit", "Usulan dikembalikan",
     "kembali ke 2"),
    ("Menyetujui dan menandatangani SOP", 2, "Draf SOP final", "1 hari", "SOP ditetapkan", "-"),
]
MARKS = ["√", "v", "X", "•", "✓"]


def _identity_rows(ws: openpyxl.worksheet.worksheet.Worksheet, nama: str = "Penyusunan SOP Unit Kerja",
                   nomor: str = "001/SOP/ORG/2025") -> int:
    """The identity block as Pemda type it: LABEL | : | value rows, signer on following rows."""
    ws["A1"] = "PEMERINTAH KABUPATEN SUKAMAJU\nSEKRETARIAT DAERAH BAGIAN ORGANISASI"
    ws.merge_cells("A1:A8")
    rows = [("Nomor SOP", nomor), ("Tanggal Pembuatan", dt.datetime(2025, 3, 3)), ("Tanggal Revisi", "-"),
            ("Tanggal Efektif", "Senin, 10 Maret 2025"), ("Disahkan oleh", "Kepala Bagian Organisasi"),
            (None, "Drs. Budi Santoso, M.Si."), (None, "NIP. 19700101 199001 1 001"), ("Nama SOP", nama)]
    for offset, (label, value) in enumerate(rows, 1):
        if label:
            ws.cell(offset, 2, label)
            ws.cell(offset, 3, ":")
        ws.cell(offset, 4, value)
    ws["A10"], ws["D10"] = "DASAR HUKUM :", "KUALIFIKASI PELAKSANA :"
    ws["A11"] = "1. Undang-Undang Nomor 23 Tahun 2014\n2. Permendagri Nomor 52 Tahun 2011"
    ws["D11"] = "1. Memahami tata naskah dinas\n2. Mampu mengoperasikan komputer"
    ws["A12"], ws["D12"] = "KETERKAITAN :", "PERALATAN/PERLENGKAPAN :"
    ws["A13"], ws["D13"] = "SOP Tata Naskah Dinas", "1. Komputer\n2. Printer"
    ws["A14"], ws["D14"] = "PERINGATAN :", "PENCATATAN DAN PENDATAAN :"
    ws["A15"], ws["D15"] = "Jika SOP tidak dilaksanakan, penetapan SOP terlambat", "-"
    return 17


def _table(ws: openpyxl.worksheet.worksheet.Worksheet, top: int, rows: list[tuple[str, int, str, str, str, str]],
           marks: bool = True, repeat_header_after: int = 3, tall_row: int = 1) -> dict[int, int]:
    """The flowchart table from row ``top``; returns the sheet row (1-based) of each step (1-based NO)."""
    n = len(ACTORS)
    first_mutu = 3 + n

    def header(at: int) -> None:
        ws.cell(at, 1, "NO")
        ws.cell(at, 2, "KEGIATAN")
        ws.cell(at, 3, "PELAKSANA")
        ws.cell(at, first_mutu, "MUTU BAKU")
        ws.cell(at, first_mutu + 3, "KETERANGAN")
        for col in (1, 2, first_mutu + 3):
            ws.merge_cells(start_row=at, start_column=col, end_row=at + 1, end_column=col)
        ws.merge_cells(start_row=at, start_column=3, end_row=at, end_column=2 + n)
        ws.merge_cells(start_row=at, start_column=first_mutu, end_row=at, end_column=first_mutu + 2)
        for offset, actor in enumerate(ACTORS):
            ws.cell(at + 1, 3 + offset, actor)
        for offset, text in enumerate(("Kelengkapan", "Waktu", "Output")):
            ws.cell(at + 1, first_mutu + offset, text)

    header(top)
    row = top + 2
    where: dict[int, int] = {}
    for number, (kegiatan, actor, kelengkapan, waktu, output, keterangan) in enumerate(rows, 1):
        if number == repeat_header_after + 1:  # a new page repeats the header
            header(row)
            row += 2
        where[number] = row
        ws.cell(row, 1, number)
        cell = ws.cell(row, 2, kegiatan)
        cell.alignment = Alignment(wrap_text=True)
        if marks:
            ws.cell(row, 3 + actor, MARKS[number % len(MARKS)])
        ws.cell(row, first_mutu, kelengkapan)
        ws.cell(row, first_mutu + 1, waktu)
        ws.cell(row, first_mutu + 2, output)
        ws.cell(row, first_mutu + 3, keterangan)
        ws.row_dimensions[row].height = 45
        if number == tall_row:  # a step typed over two merged rows
            for col in range(1, first_mutu + 4):
                ws.merge_cells(start_row=row, start_column=col, end_row=row + 1, end_column=col)
            row += 1
            ws.row_dimensions[row].height = 45
        row += 1
    for col, width in enumerate([5, 40, 16, 16, 16, 20, 12, 20, 22], 1):
        ws.column_dimensions[openpyxl.utils.get_column_letter(col)].width = width
    return where


def _save(book: openpyxl.Workbook) -> bytes:
    buffer = io.BytesIO()
    book.save(buffer)
    return buffer.getvalue()


def marks_xlsx() -> bytes:
    """Identity above the table, actors by marks, decision and jump from KETERANGAN, header repeated."""
    book = openpyxl.Workbook()
    ws = book.active
    ws.title = "SOP Penyusunan"
    _table(ws, _identity_rows(ws), ROWS)
    return _save(book)


def identity_sheet_xlsx() -> bytes:
    """Identity on its own sheet as a two-column table; the flowchart on the next sheet."""
    book = openpyxl.Workbook()
    ws = book.active
    ws.title = "Identitas"
    pairs = [("PEMERINTAH KABUPATEN SUKAMAJU\nSEKRETARIAT DAERAH BAGIAN ORGANISASI", ""),
             ("NOMOR SOP", "001/SOP/ORG/2025"), ("TANGGAL PEMBUATAN", "03-03-2025"), ("TANGGAL REVISI", ""),
             ("TANGGAL EFEKTIF", "10 Maret 2025"),
             ("DISAHKAN OLEH", "Kepala Bagian Organisasi\n\nDrs. Budi Santoso, M.Si.\nNIP. 19700101 199001 1 001"),
             ("NAMA SOP", "Penyusunan SOP Unit Kerja"),
             ("DASAR HUKUM", "1. Undang-Undang Nomor 23 Tahun 2014\n2. Permendagri Nomor 52 Tahun 2011"),
             ("KUALIFIKASI PELAKSANA", "1. Memahami tata naskah dinas\n2. Mampu mengoperasikan komputer"),
             ("KETERKAITAN", "SOP Tata Naskah Dinas"), ("PERALATAN / PERLENGKAPAN", "1) Komputer\n2) Printer"),
             ("PERINGATAN", "Jika SOP tidak dilaksanakan, penetapan SOP terlambat"),
             ("PENCATATAN DAN PENDATAAN", "-")]
    for row, (label, value) in enumerate(pairs, 1):
        ws.cell(row, 1, label)
        ws.cell(row, 2, value or None)
    _table(book.create_sheet("Flowchart"), 1, ROWS)
    return _save(book)


def several_xlsx(count: int = 3) -> bytes:
    """Several SOPs in one workbook, one per sheet."""
    book = openpyxl.Workbook()
    book.remove(book.active)
    for n in range(1, count + 1):
        ws = book.create_sheet(f"SOP {n}")
        top = _identity_rows(ws, nama=f"Layanan Nomor {n}", nomor=f"{n:03d}/SOP/ORG/2025")
        _table(ws, top, ROWS[:2] + [("Menyerahkan hasil layanan", 2, "-", f"{n} hari", "Hasil diserahkan", "-")])
    return _save(book)


def generated_xlsx(seed: int) -> bytes:
    """A varied SOP for the bulk import: ``seed`` decides length, actors and durations."""
    book = openpyxl.Workbook()
    ws = book.active
    ws.title = "SOP"
    steps = 3 + seed % 5
    rows = [(f"Kegiatan {k} layanan {seed}", (k + seed) % len(ACTORS), "-", f"{1 + k} jam", f"Hasil {k}", "-")
            for k in range(1, steps + 1)]
    _table(ws, _identity_rows(ws, nama=f"Layanan Uji {seed}", nomor=f"{seed:03d}/SOP/UJI/2025"), rows,
           repeat_header_after=99, tall_row=0)
    return _save(book)


# --- drawn flowcharts -------------------------------------------------------------------------------
_XDR = ('xmlns:xdr="http://schemas.openxmlformats.org/drawingml/2006/spreadsheetDrawing" '
        'xmlns:a="http://schemas.openxmlformats.org/drawingml/2006/main"')


def _marker(tag: str, col: int, col_off: int, row: int, row_off: int) -> str:
    return (f"<xdr:{tag}><xdr:col>{col}</xdr:col><xdr:colOff>{col_off}</xdr:colOff><xdr:row>{row}</xdr:row>"
            f"<xdr:rowOff>{row_off}</xdr:rowOff></xdr:{tag}>")


def _sp(sid: int, preset: str, text: str = "", text_box: bool = False) -> str:
    flag = ' txBox="1"' if text_box else ""
    run = f"<a:p><a:r><a:t>{escape(text)}</a:t></a:r></a:p>" if text else "<a:p/>"
    return (f'<xdr:sp macro="" textlink=""><xdr:nvSpPr><xdr:cNvPr id="{sid}" name="Shape {sid}"/>'
            f'<xdr:cNvSpPr{flag}/></xdr:nvSpPr><xdr:spPr><a:prstGeom prst="{preset}"><a:avLst/></a:prstGeom>'
            f'</xdr:spPr><xdr:txBody><a:bodyPr/>{run}</xdr:txBody></xdr:sp>')


def _cxn(sid: int, flips: str, glue: str, reverse: bool = False) -> str:
    ends = '<a:headEnd type="arrow"/>' if reverse else '<a:tailEnd type="triangle"/>'
    return (f'<xdr:cxnSp macro=""><xdr:nvCxnSpPr><xdr:cNvPr id="{sid}" name="Connector {sid}"/><xdr:cNvCxnSpPr>'
            f'{glue}</xdr:cNvCxnSpPr></xdr:nvCxnSpPr><xdr:spPr><a:xfrm{flips}><a:off x="0" y="0"/>'
            f'<a:ext cx="0" cy="0"/></a:xfrm><a:prstGeom prst="bentConnector3"><a:avLst/></a:prstGeom>'
            f'<a:ln>{ends}</a:ln></xdr:spPr></xdr:cxnSp>')


def drawn_xlsx(glued: bool) -> bytes:
    """The same SOP drawn as shapes (no marks): terminator, processes, a diamond with Ya/Tidak text boxes,
    connectors glued (stCxn/endCxn) or only placed near the shapes; one arrow drawn backwards with its
    arrowhead at the start; KETERANGAN left empty so only the drawing tells the flow."""
    book = openpyxl.Workbook()
    ws = book.active
    ws.title = "Bagan"
    rows = [(k, a, kl, w, o, "-") for k, a, kl, w, o, _ in ROWS]
    where = _table(ws, _identity_rows(ws), rows, marks=False)
    # Column widths 16 chars = 117 px = 1114425 EMU; rows 45 pt = 571500 EMU.
    presets = ["flowChartTerminator", "flowChartProcess", "flowChartDecision", "flowChartProcess",
               "flowChartTerminator"]
    anchors = []
    centre: dict[int, tuple[int, int]] = {}
    for number, (_, actor, *_rest) in enumerate(ROWS, 1):
        row0 = where[number] - 1  # 0-based sheet row
        col = 2 + actor
        anchors.append(f'<xdr:twoCellAnchor>{_marker("from", col, 200000, row0, 150000)}'
                       f'{_marker("to", col, 900000, row0, 420000)}{_sp(10 + number, presets[number - 1])}'
                       f'<xdr:clientData/></xdr:twoCellAnchor>')
        centre[number] = (col, row0)

    def link(sid: int, a: int, b: int, a_side: str, b_side: str, reverse: bool = False) -> str:
        (ca, ra), (cb, rb) = centre[a], centre[b]
        pa = {"bottom": (ca, 550000, ra, 420000), "left": (ca, 200000, ra, 285000), "right": (ca, 900000, ra, 285000)}
        pb = {"top": (cb, 550000, rb, 150000), "left": (cb, 200000, rb, 285000)}
        start, end = pa[a_side], pb[b_side]
        glue = f'<a:stCxn id="{10 + a}" idx="2"/><a:endCxn id="{10 + b}" idx="0"/>' if glued else ""
        if reverse:
            start, end = end, start
        flip_h = (end[0], end[1]) < (start[0], start[1])
        flip_v = (end[2], end[3]) < (start[2], start[3])
        lo_x, hi_x = sorted([(start[0], start[1]), (end[0], end[1])])
        lo_y, hi_y = sorted([(start[2], start[3]), (end[2], end[3])])
        flips = (' flipH="1"' if flip_h else "") + (' flipV="1"' if flip_v else "")
        return (f'<xdr:twoCellAnchor>{_marker("from", lo_x[0], lo_x[1], lo_y[0], lo_y[1])}'
                f'{_marker("to", hi_x[0], hi_x[1], hi_y[0], hi_y[1])}{_cxn(sid, flips, glue, reverse)}'
                f'<xdr:clientData/></xdr:twoCellAnchor>')

    anchors += [link(31, 1, 2, "bottom", "top"), link(32, 2, 3, "bottom", "top"),
                link(33, 3, 5, "bottom", "top"), link(34, 3, 4, "left", "top", reverse=not glued),
                link(35, 4, 2, "left", "left")]
    (c3, r3) = centre[3]
    anchors.append(f'<xdr:twoCellAnchor>{_marker("from", c3, 600000, r3, 430000)}{_marker("to", c3, 900000, r3, 560000)}'
                   f'{_sp(41, "rect", "Ya", True)}<xdr:clientData/></xdr:twoCellAnchor>')
    anchors.append(f'<xdr:twoCellAnchor>{_marker("from", c3 - 1, 800000, r3, 150000)}'
                   f'{_marker("to", c3, 150000, r3, 280000)}{_sp(42, "rect", "Tidak")}<xdr:clientData/>'
                   f'</xdr:twoCellAnchor>')
    return add_drawings(_save(book), {1: f"<xdr:wsDr {_XDR}>{''.join(anchors)}</xdr:wsDr>"})


# --- Word -------------------------------------------------------------------------------------------
_W = ('xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main" '
      'xmlns:wp="http://schemas.openxmlformats.org/drawingml/2006/wordprocessingDrawing" '
      'xmlns:a="http://schemas.openxmlformats.org/drawingml/2006/main" '
      'xmlns:wps="http://schemas.microsoft.com/office/word/2010/wordprocessingShape" '
      'xmlns:mc="http://schemas.openxmlformats.org/markup-compatibility/2006" '
      'xmlns:v="urn:schemas-microsoft-com:vml" xmlns:o="urn:schemas-microsoft-com:office:office"')


def _p(text: str) -> str:
    return f'<w:p><w:r><w:t xml:space="preserve">{escape(text)}</w:t></w:r></w:p>' if text else "<w:p/>"


def _tc(width: int, texts: list[str], extra: str = "", span: int = 1, merge: str = "") -> str:
    props = f'<w:tcW w:w="{width}" w:type="dxa"/>' + (f'<w:gridSpan w:val="{span}"/>' if span > 1 else "")
    props += '<w:vMerge w:val="restart"/>' if merge == "restart" else ("<w:vMerge/>" if merge else "")
    body = "".join(_p(t) for t in texts) or "<w:p/>"
    if extra:
        body = f"<w:p><w:r>{extra}</w:r></w:p>" + body
    return f"<w:tc><w:tcPr>{props}</w:tcPr>{body}</w:tc>"


def _wps_anchor(sid: int, x: int, y: int, cx: int, cy: int, body: str) -> str:
    return (f'<mc:AlternateContent><mc:Choice Requires="wps"><w:drawing><wp:anchor simplePos="0" relativeHeight="1" '
            f'behindDoc="0" locked="0" layoutInCell="1" allowOverlap="1" distT="0" distB="0" distL="0" distR="0">'
            f'<wp:simplePos x="0" y="0"/><wp:positionH relativeFrom="column"><wp:posOffset>{x}</wp:posOffset>'
            f'</wp:positionH><wp:positionV relativeFrom="paragraph"><wp:posOffset>{y}</wp:posOffset></wp:positionV>'
            f'<wp:extent cx="{cx}" cy="{cy}"/><wp:wrapNone/><wp:docPr id="{sid}" name="Shape {sid}"/><a:graphic>'
            f'<a:graphicData uri="http://schemas.microsoft.com/office/word/2010/wordprocessingShape">{body}'
            f'</a:graphicData></a:graphic></wp:anchor></w:drawing></mc:Choice><mc:Fallback><w:pict>'
            f'<v:rect style="position:absolute;width:10pt;height:10pt"/></w:pict></mc:Fallback></mc:AlternateContent>')


def _wsp(preset: str, text: str = "", line: str = "") -> str:
    box = (f"<wps:txbx><w:txbxContent>{_p(text)}</w:txbxContent></wps:txbx>" if text else "")
    head = "<wps:cNvCnPr/>" if line else "<wps:cNvSpPr/>"
    return (f'<wps:wsp>{head}<wps:spPr><a:xfrm{line}><a:off x="0" y="0"/><a:ext cx="1" cy="1"/></a:xfrm>'
            f'<a:prstGeom prst="{preset}"><a:avLst/></a:prstGeom><a:ln><a:tailEnd type="triangle"/></a:ln>'
            f'</wps:spPr>{box}<wps:bodyPr/></wps:wsp>')


def drawn_docx(vml: bool = False) -> bytes:
    """The SOP as a Word table (identity paragraphs "LABEL : value" above it) with shapes anchored in the
    actor cells and unglued connectors anchored in the cell they leave (DrawingML, or VML when ``vml``)."""
    twip = 635
    widths = [500, 3400, 1800, 1800, 1800, 2000, 1200, 1800, 1800]
    row_h = 1000
    paragraphs = ["PEMERINTAH KABUPATEN SUKAMAJU", "NOMOR SOP : 001/SOP/ORG/2025", "TANGGAL PEMBUATAN : 3 Maret 2025",
                  "TANGGAL REVISI : -", "TANGGAL EFEKTIF : 10-03-2025", "DISAHKAN OLEH : Kepala Bagian Organisasi",
                  "Drs. Budi Santoso, M.Si.", "NIP. 19700101 199001 1 001", "NAMA SOP : Penyusunan SOP Unit Kerja",
                  "DASAR HUKUM :", "1. Undang-Undang Nomor 23 Tahun 2014", "2. Permendagri Nomor 52 Tahun 2011",
                  "KUALIFIKASI PELAKSANA :", "1. Memahami tata naskah dinas", "2. Mampu mengoperasikan komputer",
                  "KETERKAITAN : SOP Tata Naskah Dinas", "PERALATAN/PERLENGKAPAN :", "a. Komputer", "b. Printer",
                  "PERINGATAN : Jika SOP tidak dilaksanakan, penetapan SOP terlambat",
                  "PENCATATAN DAN PENDATAAN : -", ""]
    body = "".join(_p(t) for t in paragraphs)
    header1 = (_tc(500, ["NO"], merge="restart") + _tc(3400, ["KEGIATAN"], merge="restart")
               + _tc(5400, ["PELAKSANA"], span=3) + _tc(5000, ["MUTU BAKU"], span=3)
               + _tc(1800, ["KETERANGAN"], merge="restart"))
    header2 = (_tc(500, [], merge="cont") + _tc(3400, [], merge="cont") + "".join(_tc(1800, [a]) for a in ACTORS)
               + _tc(2000, ["KELENGKAPAN"]) + _tc(1200, ["WAKTU"]) + _tc(1800, ["OUTPUT"]) + _tc(1800, [], merge="c"))
    rows = [f'<w:tr><w:trPr><w:trHeight w:val="500" w:hRule="exact"/><w:tblHeader/></w:trPr>{header1}</w:tr>',
            f'<w:tr><w:trPr><w:trHeight w:val="500" w:hRule="exact"/><w:tblHeader/></w:trPr>{header2}</w:tr>']
    shape_w, shape_h = 1000 * twip, 400 * twip
    x_in, y_in = 400 * twip, 300 * twip
    presets = ["flowChartTerminator", "flowChartProcess", "flowChartDecision", "flowChartProcess",
               "flowChartTerminator"]
    vml_kind = ['<v:roundrect style="position:absolute;margin-left:20pt;margin-top:15pt;width:50pt;height:20pt"/>',
                '<v:rect style="position:absolute;margin-left:20pt;margin-top:15pt;width:50pt;height:20pt"/>',
                '<v:shape type="#_x0000_t110" style="position:absolute;margin-left:20pt;margin-top:15pt;width:50pt;'
                'height:20pt"/>',
                '<v:rect style="position:absolute;margin-left:20pt;margin-top:15pt;width:50pt;height:20pt"/>',
                '<v:roundrect style="position:absolute;margin-left:20pt;margin-top:15pt;width:50pt;height:20pt"/>']
    col_x = [sum(widths[:i]) * twip for i in range(len(widths))]
    # Arrows in the cell they leave, as (from NO, to NO, start (dx, dy), end (dx, dy)) relative to the source cell.
    row_emu = row_h * twip
    links = {1: [(2, "down")], 2: [(3, "down")], 3: [(5, "down"), (4, "left")], 4: [(2, "left")]}
    for number, (kegiatan, actor, kelengkapan, waktu, output, _) in enumerate(ROWS, 1):
        extra_of: dict[int, str] = {}
        sid = 100 + number
        if vml:
            drawing = f"<w:pict>{vml_kind[number - 1]}</w:pict>"
        else:
            drawing = _wps_anchor(sid, x_in, y_in, shape_w, shape_h, _wsp(presets[number - 1]))
        for n, (target, how) in enumerate(links.get(number, [])):
            target_actor = ROWS[target - 1][1]
            dx = col_x[2 + target_actor] - col_x[2 + actor]
            dy = (target - number) * row_emu
            if how == "down":
                start = (x_in + shape_w // 2, y_in + shape_h)
                end = (dx + x_in + shape_w // 2, dy + y_in)
            else:
                start = (x_in, y_in + shape_h // 2)
                end = (dx + x_in, dy + y_in + shape_h // 2)
            if vml:
                pt = 12700
                drawing += (f'<w:pict><v:line from="{start[0] / pt:.1f}pt,{start[1] / pt:.1f}pt" '
                            f'to="{end[0] / pt:.1f}pt,{end[1] / pt:.1f}pt"/></w:pict>')
            else:
                flips = (' flipH="1"' if end[0] < start[0] else "") + (' flipV="1"' if end[1] < start[1] else "")
                x0, y0 = min(start[0], end[0]), min(start[1], end[1])
                drawing += _wps_anchor(sid * 10 + n, x0, y0, abs(end[0] - start[0]), abs(end[1] - start[1]),
                                       _wsp("bentConnector3", line=flips or " "))
        if number == 3:  # Ya below the diamond, Tidak left of it
            if vml:
                drawing += ('<w:pict><v:shape type="#_x0000_t202" style="position:absolute;margin-left:55pt;'
                            'margin-top:36pt;width:20pt;height:10pt"><v:textbox><w:txbxContent>'
                            f'{_p("Ya")}</w:txbxContent></v:textbox></v:shape></w:pict>'
                            '<w:pict><v:shape type="#_x0000_t202" style="position:absolute;margin-left:0pt;'
                            'margin-top:12pt;width:18pt;height:10pt"><v:textbox><w:txbxContent>'
                            f'{_p("Tidak")}</w:txbxContent></v:textbox></v:shape></w:pict>')
            else:
                drawing += _wps_anchor(901, x_in + shape_w // 2 + 20000, y_in + shape_h + 20000, 250000, 120000,
                                       _wsp("rect", "Ya"))
                drawing += _wps_anchor(902, x_in - 300000, y_in + 20000, 280000, 120000, _wsp("rect", "Tidak"))
        extra_of[actor] = drawing
        cells = [_tc(500, [str(number)]), _tc(3400, [kegiatan])]
        cells += [_tc(1800, [], extra=extra_of.get(k, "")) for k in range(len(ACTORS))]
        cells += [_tc(2000, kelengkapan.splitlines()), _tc(1200, [waktu]), _tc(1800, [output]), _tc(1800, ["-"])]
        rows.append(f'<w:tr><w:trPr><w:trHeight w:val="{row_h}" w:hRule="exact"/></w:trPr>{"".join(cells)}</w:tr>')
    grid = "".join(f'<w:gridCol w:w="{w}"/>' for w in widths)
    table = f"<w:tbl><w:tblPr/><w:tblGrid>{grid}</w:tblGrid>{''.join(rows)}</w:tbl>"
    document = f'<?xml version="1.0" encoding="UTF-8"?><w:document {_W}><w:body>{body}{table}<w:p/></w:body></w:document>'
    return docx_package(document)


def _others() -> dict[str, bytes]:
    from tests.engine.formats.office.make_others import grouped_docx, other_wording_xlsx

    return {"other-wording.xlsx": other_wording_xlsx(), "grouped.docx": grouped_docx()}


def write_all(folder: Path) -> list[Path]:
    """Write every fixture into ``folder``; returns the paths."""
    folder.mkdir(parents=True, exist_ok=True)
    files = {"marks.xlsx": marks_xlsx(), "identity-sheet.xlsx": identity_sheet_xlsx(), "several.xlsx": several_xlsx(),
             "drawn-glued.xlsx": drawn_xlsx(True), "drawn-unglued.xlsx": drawn_xlsx(False),
             "drawn.docx": drawn_docx(), "drawn-vml.docx": drawn_docx(vml=True), **_others()}
    paths = []
    for name, data in files.items():
        (folder / name).write_bytes(data)
        paths.append(folder / name)
    return paths


if __name__ == "__main__":
    for path in write_all(Path(sys.argv[1] if len(sys.argv) > 1 else "office-fixtures")):
        print(path)
