"""More fixtures in other Pemda habits: another wording of the table, a Word flowchart drawn as one group."""

from __future__ import annotations

import datetime as dt
import io
import re
import zipfile

import openpyxl

from tests.engine.formats.office.make_fixtures import ROWS, _p, _save, docx_package, drawn_docx


def other_wording_xlsx() -> bytes:
    """Another Pemda's habits: "No." / "Uraian Kegiatan" / "Ket." headings, the identity as "label | : value"
    with the unit in the cell under the government, a "(1) (2) ..." column-number row, "V" marks, Excel
    date cells and targets written "Ya → 4, Tidak → 2"."""
    book = openpyxl.Workbook()
    ws = book.active
    ws.title = "Lembar1"
    ws["A1"], ws["A2"] = "PEMERINTAH KOTA CONTOH", "DINAS KEPENDUDUKAN DAN PENCATATAN SIPIL"
    identity = [("Nomor SOP", ": 470/12/DISDUK/2024"), ("Tgl. Pembuatan", ": 2 Januari 2024"), ("Tgl. Revisi", ":"),
                ("Tgl. Efektif", dt.datetime(2024, 2, 1)),
                ("Disahkan Oleh", "KEPALA DINAS\n\n\nIr. SITI AMINAH\nNIP. 19750202 200003 2 001"),
                ("Nama SOP", ": Penerbitan Kartu Keluarga")]
    for row, (label, value) in enumerate(identity, 1):
        ws.cell(row, 4, label)
        ws.cell(row, 5, value)
    for col, text in zip("ABCFI", ["No.", "Uraian Kegiatan", "Pelaksana", "Mutu Baku", "Ket."]):
        ws[f"{col}8"] = text
    ws.merge_cells("C8:E8")
    ws.merge_cells("F8:H8")
    for col, text in zip("CDEFGH", ["Pemohon", "Petugas Loket", "Kasi Pelayanan", "Persyaratan/Kelengkapan", "Waktu",
                                    "Output/Hasil"]):
        ws[f"{col}9"] = text
    for number, col in enumerate("ABCDEFGHI", 1):
        ws[f"{col}10"] = f"({number})"
    rows = [("Mengajukan permohonan", "C", "Formulir F-1.01\nKTP", "5 Menit", "Berkas"),
            ("Memverifikasi berkas", "D", "Berkas", "10 Menit", "Berkas terverifikasi"),
            ("Berkas lengkap?", "D", "-", "5 menit", "Keputusan"),
            ("Menandatangani KK", "E", "Draft KK", "1 hari", "KK")]
    for row, (kegiatan, col, kelengkapan, waktu, output) in enumerate(rows, 11):
        ws[f"A{row}"], ws[f"B{row}"], ws[f"{col}{row}"] = row - 10, kegiatan, "V"
        ws[f"F{row}"], ws[f"G{row}"], ws[f"H{row}"] = kelengkapan, waktu, output
    ws["I13"] = "Ya → 4, Tidak → 2"
    return _save(book)


def grouped_docx() -> bytes:
    """The Word table with the whole flowchart drawn as one group (``wpg:wgp``) anchored in the first
    actor cell: symbols and glued connectors in the group's child coordinates, Ya/Tidak text boxes."""
    twip = 635
    widths = [500, 3400, 1800, 1800, 1800, 2000, 1200, 1800, 1800]
    row_h = 1000

    def sp(sid: int, preset: str, x: int, y: int, w: int = 600000, h: int = 250000, text: str = "") -> str:
        body = f"<wps:txbx><w:txbxContent>{_p(text)}</w:txbxContent></wps:txbx>" if text else ""
        return (f'<wps:wsp><wps:cNvPr id="{sid}" name="s{sid}"/><wps:cNvSpPr/><wps:spPr><a:xfrm><a:off x="{x}" y="{y}"/>'
                f'<a:ext cx="{w}" cy="{h}"/></a:xfrm><a:prstGeom prst="{preset}"><a:avLst/></a:prstGeom></wps:spPr>{body}<wps:bodyPr/></wps:wsp>')

    def cx(sid: int, x0: int, y0: int, x1: int, y1: int, st: int, en: int) -> str:
        flips = (' flipH="1"' if x1 < x0 else "") + (' flipV="1"' if y1 < y0 else "")
        return (f'<wps:wsp><wps:cNvPr id="{sid}" name="c{sid}"/><wps:cNvCnPr><a:stCxn id="{st}" idx="2"/><a:endCxn id="{en}" idx="0"/></wps:cNvCnPr><wps:spPr><a:xfrm{flips}><a:off x="{min(x0,x1)}" y="{min(y0,y1)}"/>'
                f'<a:ext cx="{abs(x1-x0)}" cy="{abs(y1-y0)}"/></a:xfrm><a:prstGeom prst="bentConnector3"><a:avLst/></a:prstGeom><a:ln><a:tailEnd type="triangle"/></a:ln></wps:spPr><wps:bodyPr/></wps:wsp>')

    col_x = [sum(widths[:i]) * twip for i in range(len(widths))]
    base = col_x[2]
    # child coordinates = EMU relative to the first actor cell of row 1 (scale 1:1)
    shapes = []
    presets = ["flowChartTerminator", "flowChartProcess", "flowChartDecision", "flowChartProcess", "flowChartTerminator"]
    for n, (k, actor, *_r) in enumerate(ROWS, 1):
        x = col_x[2 + actor] - base + 300000
        y = (n - 1) * row_h * twip + 200000
        shapes.append(sp(n, presets[n - 1], x, y))

    def pos(n: int) -> tuple[int, int]:
        actor = ROWS[n - 1][1]
        return col_x[2 + actor] - base + 300000, (n - 1) * row_h * twip + 200000

    links = [(1, 2), (2, 3), (3, 5), (3, 4), (4, 2)]
    for i, (a, b) in enumerate(links):
        (xa, ya), (xb, yb) = pos(a), pos(b)
        shapes.append(cx(20 + i, xa + 300000, ya + 250000, xb + 300000, yb, a, b))
    (x3, y3) = pos(3)
    shapes.append(sp(40, "rect", x3 + 320000, y3 + 260000, 200000, 100000, "Ya"))
    shapes.append(sp(41, "rect", x3 - 250000, y3 + 60000, 200000, 100000, "Tidak"))
    total_h = 5 * row_h * twip
    group = (f'<wpg:wgp><wpg:cNvGrpSpPr/><wpg:grpSpPr><a:xfrm><a:off x="0" y="0"/><a:ext cx="4000000" cy="{total_h}"/>'
             f'<a:chOff x="0" y="0"/><a:chExt cx="4000000" cy="{total_h}"/></a:xfrm></wpg:grpSpPr>{"".join(shapes)}</wpg:wgp>')
    anchor = (f'<mc:AlternateContent><mc:Choice Requires="wpg"><w:drawing><wp:anchor simplePos="0" relativeHeight="1" behindDoc="0" locked="0" layoutInCell="1" allowOverlap="1" distT="0" distB="0" distL="0" distR="0">'
              f'<wp:simplePos x="0" y="0"/><wp:positionH relativeFrom="column"><wp:posOffset>0</wp:posOffset></wp:positionH><wp:positionV relativeFrom="paragraph"><wp:posOffset>0</wp:posOffset></wp:positionV>'
              f'<wp:extent cx="4000000" cy="{total_h}"/><wp:wrapNone/><wp:docPr id="99" name="Group"/><a:graphic><a:graphicData uri="http://schemas.microsoft.com/office/word/2010/wordprocessingGroup">{group}</a:graphicData></a:graphic></wp:anchor></w:drawing></mc:Choice></mc:AlternateContent>')
    data = drawn_docx()
    doc = zipfile.ZipFile(io.BytesIO(data)).read("word/document.xml").decode()
    import re
    # drop the per-cell shapes, put the group in the first data row's first actor cell
    doc = re.sub(r"<mc:AlternateContent>.*?</mc:AlternateContent>", "", doc)
    doc = doc.replace('xmlns:mc=', 'xmlns:wpg="http://schemas.microsoft.com/office/word/2010/wordprocessingGroup" xmlns:mc=', 1)
    first = doc.index("<w:t xml:space=\"preserve\">1</w:t>")
    cell = doc.index("<w:tc><w:tcPr><w:tcW w:w=\"1800\"", first)
    para = doc.index("<w:p/>", cell)
    doc = doc[:para] + f"<w:p><w:r>{anchor}</w:r></w:p>" + doc[para + 6:]
    return docx_package(doc)
