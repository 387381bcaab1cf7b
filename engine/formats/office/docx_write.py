"""Write an SOP as a .docx document in the official layout, the flowchart drawn as DrawingML shapes.

The package is written directly (no template): the identity tables, a page break, then the flowchart
table with its two header rows repeated on every page. Each symbol is a ``wps:wsp`` anchored in its
actor's cell; connectors (``wps:cNvCnPr`` glued with ``a:stCxn``/``a:endCxn`` to the symbols' ids) and
the Ya/Tidak text boxes are anchored in the cell of the step they leave.
"""

from __future__ import annotations

import io
import zipfile
from xml.sax.saxutils import escape

from engine.formats.office import fields
from engine.formats.office.grid import Box
from engine.formats.office.identity import PATTERN_LABEL
from engine.formats.office.layout import PRESET_OF, Arrow, arrows, connector_parts, indonesian_date, label_box, \
    steps_text, symbol_box
from engine.sop.model import Sop

EMU_PER_TWIP = 635
ROW_TWIPS = 1200
HEADER_TWIPS = 600
_NS = ('xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main" '
       'xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships" '
       'xmlns:wp="http://schemas.openxmlformats.org/drawingml/2006/wordprocessingDrawing" '
       'xmlns:a="http://schemas.openxmlformats.org/drawingml/2006/main" '
       'xmlns:wps="http://schemas.microsoft.com/office/word/2010/wordprocessingShape" '
       'xmlns:mc="http://schemas.openxmlformats.org/markup-compatibility/2006"')
_BORDERS = ('<w:tblBorders>' + "".join(f'<w:{side} w:val="single" w:sz="4" w:space="0" w:color="000000"/>'
                                        for side in ("top", "left", "bottom", "right", "insideH", "insideV"))
            + '</w:tblBorders>')


def _para(text: str, bold: bool = False, extra: str = "") -> str:
    props = "<w:rPr><w:b/></w:rPr>" if bold else ""
    runs = "".join(f"<w:r>{props}<w:t xml:space=\"preserve\">{escape(line)}</w:t></w:r>" for line in [text] if line)
    return f"<w:p>{runs}{extra}</w:p>"


def _cell(width: int, lines: list[str], bold: bool = False, merge: str = "", span: int = 1, extra: str = "") -> str:
    props = f'<w:tcW w:w="{width}" w:type="dxa"/>' + (f'<w:gridSpan w:val="{span}"/>' if span > 1 else "")
    props += f'<w:vMerge w:val="{merge}"/>' if merge == "restart" else ("<w:vMerge/>" if merge else "")
    paragraphs = [_para(line, bold) for line in lines] or ["<w:p/>"]
    if extra:
        paragraphs[0] = paragraphs[0][:-len("</w:p>")] + extra + "</w:p>" if paragraphs[0] != "<w:p/>" else \
            f"<w:p>{extra}</w:p>"
    return f"<w:tc><w:tcPr>{props}</w:tcPr>{''.join(paragraphs)}</w:tc>"


def _table(widths: list[int], rows: list[str]) -> str:
    grid = "".join(f'<w:gridCol w:w="{w}"/>' for w in widths)
    return (f'<w:tbl><w:tblPr><w:tblW w:w="{sum(widths)}" w:type="dxa"/>{_BORDERS}<w:tblLayout w:type="fixed"/>'
            f'</w:tblPr><w:tblGrid>{grid}</w:tblGrid>{"".join(rows)}</w:tbl>')


def _row(cells: list[str], height: int = 0, header: bool = False) -> str:
    props = (f'<w:trHeight w:val="{height}" w:hRule="exact"/>' if height else "") + ("<w:tblHeader/>" if header else "")
    return f"<w:tr><w:trPr>{props}</w:trPr>{''.join(cells)}</w:tr>"


def _lines(values: list[str]) -> list[str]:
    return [f"{n}. {item}" for n, item in enumerate(values, 1)] or ["-"]


def identity_tables(sop: Sop) -> str:
    """The identity block: LABEL | : | value rows beside the government, then the six lists."""
    identity, approval = sop.identity, sop.identity.disahkan_oleh
    rows = [("NOMOR SOP", [identity.nomor or "-"]), ("TANGGAL PEMBUATAN", [indonesian_date(identity.tanggal_pembuatan)]),
            ("TANGGAL REVISI", [indonesian_date(identity.tanggal_revisi)]),
            ("TANGGAL EFEKTIF", [indonesian_date(identity.tanggal_efektif)]),
            ("DISAHKAN OLEH", [approval.printed_jabatan or "-", "", approval.nama or "-", f"NIP. {approval.nip or '-'}"]),
            ("NAMA SOP", [identity.nama or "-"])]
    if identity.pola_nomor_registrasi:
        rows.append((PATTERN_LABEL, [identity.pola_nomor_registrasi]))
    head = [part for part in (identity.pemerintah, identity.unit) if part] or ["-"]
    widths = [3600, 2600, 300, 7500]
    top = []
    for index, (label, value) in enumerate(rows):
        top.append(_row([_cell(widths[0], head if index == 0 else [], True, "restart" if index == 0 else "continue"),
                         _cell(widths[1], [label], True), _cell(widths[2], [":"]), _cell(widths[3], value)]))
    pairs = [("DASAR HUKUM", "dasar_hukum", "KUALIFIKASI PELAKSANA", "kualifikasi_pelaksana"),
             ("KETERKAITAN", "keterkaitan", "PERALATAN/PERLENGKAPAN", "peralatan_perlengkapan"),
             ("PERINGATAN", "peringatan", "PENCATATAN DAN PENDATAAN", "pencatatan_pendataan")]
    bottom = []
    for left, left_key, right, right_key in pairs:
        bottom.append(_row([_cell(7000, [left], True), _cell(7000, [right], True)]))
        bottom.append(_row([_cell(7000, _lines(getattr(identity, left_key))),
                            _cell(7000, _lines(getattr(identity, right_key)))]))
    return _table(widths, top) + "<w:p/>" + _table([7000, 7000], bottom)


class _Drawer:
    """Numbers drawing objects and writes their anchors."""

    def __init__(self) -> None:
        self.next_id = 1

    def anchor(self, box: Box, origin: tuple[float, float], body: str, name: str, descr: str = "") -> tuple[str, int]:
        sid = self.next_id
        self.next_id += 1
        x, y = int(box.x0 - origin[0]), int(box.y0 - origin[1])
        cx, cy = int(box.x1 - box.x0), int(box.y1 - box.y0)
        return (f'<w:r><mc:AlternateContent><mc:Choice Requires="wps"><w:drawing><wp:anchor distT="0" distB="0" '
                f'distL="0" distR="0" simplePos="0" relativeHeight="{sid}" behindDoc="0" locked="0" layoutInCell="1" '
                f'allowOverlap="1"><wp:simplePos x="0" y="0"/><wp:positionH relativeFrom="column"><wp:posOffset>{x}'
                f'</wp:posOffset></wp:positionH><wp:positionV relativeFrom="paragraph"><wp:posOffset>{y}</wp:posOffset>'
                f'</wp:positionV><wp:extent cx="{cx}" cy="{cy}"/><wp:effectExtent l="0" t="0" r="0" b="0"/><wp:wrapNone/>'
                f'<wp:docPr id="{sid}" name="{escape(name)}"{_descr(descr)}/><wp:cNvGraphicFramePr/><a:graphic><a:graphicData '
                f'uri="http://schemas.microsoft.com/office/word/2010/wordprocessingShape">{body.replace("@CX@", str(cx)).replace("@CY@", str(cy))}'
                f'</a:graphicData></a:graphic></wp:anchor></w:drawing></mc:Choice></mc:AlternateContent></w:r>'), sid


def _shape(preset: str, text: str = "", text_box: bool = False) -> str:
    line = '<a:ln><a:noFill/></a:ln>' if text_box else \
        '<a:ln w="12700"><a:solidFill><a:srgbClr val="000000"/></a:solidFill></a:ln>'
    fill = '<a:noFill/>' if text_box else '<a:solidFill><a:srgbClr val="FFFFFF"/></a:solidFill>'
    content = (f'<wps:txbx><w:txbxContent><w:p><w:r><w:t>{escape(text)}</w:t></w:r></w:p></w:txbxContent></wps:txbx>'
               if text else "")
    tx_box = ' txBox="1"' if text_box else ""
    return (f'<wps:wsp><wps:cNvSpPr{tx_box}/><wps:spPr><a:xfrm><a:off x="0" y="0"/>'
            f'<a:ext cx="@CX@" cy="@CY@"/></a:xfrm><a:prstGeom prst="{preset}"><a:avLst/></a:prstGeom>{fill}'
            f'{line}</wps:spPr>{content}<wps:bodyPr/></wps:wsp>')


def _connector(arrow: Arrow, source_id: int, target_id: int, glued: bool) -> tuple[str, Box]:
    box, flips, glue, geometry = connector_parts(arrow, source_id, target_id, glued)
    return (f'<wps:wsp><wps:cNvCnPr>{glue}</wps:cNvCnPr><wps:spPr><a:xfrm{flips}><a:off x="0" y="0"/>'
            f'<a:ext cx="@CX@" cy="@CY@"/></a:xfrm><a:prstGeom prst="{geometry}"><a:avLst/></a:prstGeom>'
            f'<a:ln w="9525"><a:solidFill><a:srgbClr val="000000"/></a:solidFill><a:tailEnd type="triangle"/></a:ln>'
            f'</wps:spPr><wps:bodyPr/></wps:wsp>'), box


def flowchart_table(sop: Sop, glued: bool = True) -> str:
    """The flowchart table with the drawn symbols and connectors."""
    actors = list(sop.actors)
    widths = [500, 3400] + [1500] * len(actors) + [2000, 1200, 1800, 1800]
    xs = [0]
    for width in widths:
        xs.append(xs[-1] + width * EMU_PER_TWIP)
    top = 2 * HEADER_TWIPS * EMU_PER_TWIP
    row_emu = ROW_TWIPS * EMU_PER_TWIP
    boxes, cells = [], []
    for index, step in enumerate(sop.steps):
        col = 2 + (actors.index(step.actor) if step.actor in actors else 0)
        cell = Box(xs[col], top + index * row_emu, xs[col + 1], top + (index + 1) * row_emu)
        cells.append(cell)
        boxes.append(symbol_box(cell))
    drawer = _Drawer()
    extra: list[list[str]] = [[] for _ in sop.steps]
    ids = []
    for index, (step, box) in enumerate(zip(sop.steps, boxes)):
        xml, sid = drawer.anchor(box, (cells[index].x0, cells[index].y0), _shape(PRESET_OF[step.kind]),
                                 f"Langkah {index + 1}", f"alur:{step.id}")
        extra[index].append(xml)
        ids.append(sid)
    for arrow in arrows(sop, boxes):
        origin = (cells[arrow.source].x0, cells[arrow.source].y0)
        body, box = _connector(arrow, ids[arrow.source], ids[arrow.target], glued)
        extra[arrow.source].append(drawer.anchor(box, origin, body, "Panah")[0])
        if arrow.label:
            extra[arrow.source].append(drawer.anchor(label_box(arrow), origin, _shape("rect", arrow.label, True),
                                                     arrow.label)[0])
    n = len(actors)
    first = [_cell(widths[0], ["NO"], True, "restart"), _cell(widths[1], ["KEGIATAN"], True, "restart"),
             _cell(sum(widths[2:2 + n]), ["PELAKSANA"], True, span=n),
             _cell(sum(widths[2 + n:5 + n]), ["MUTU BAKU"], True, span=3),
             _cell(widths[-1], ["KETERANGAN"], True, "restart")]
    second = ([_cell(widths[0], [], merge="continue"), _cell(widths[1], [], merge="continue")]
              + [_cell(widths[2 + i], [actor], True) for i, actor in enumerate(actors)]
              + [_cell(widths[2 + n + i], [text], True) for i, text in enumerate(("KELENGKAPAN", "WAKTU", "OUTPUT"))]
              + [_cell(widths[-1], [], merge="continue")])
    rows = [_row(first, HEADER_TWIPS, True), _row(second, HEADER_TWIPS, True)]
    for index, step in enumerate(sop.steps):
        texts = steps_text(step)
        col = 2 + (actors.index(step.actor) if step.actor in actors else 0)
        cells_xml = [_cell(widths[0], [str(index + 1)]), _cell(widths[1], texts["kegiatan"].splitlines())]
        for offset in range(n):
            cells_xml.append(_cell(widths[2 + offset], [], extra="".join(extra[index]) if 2 + offset == col else ""))
        for offset, key in enumerate(("kelengkapan", "waktu", "output", "keterangan")):
            cells_xml.append(_cell(widths[2 + n + offset], texts[key].splitlines()))
        rows.append(_row(cells_xml, ROW_TWIPS))
    return _table(widths, rows)


def fields_table(sop: Sop) -> str:
    """The heading "ISIAN KASUS" and the case-field table (nothing when the SOP declares no fields)."""
    if not sop.fields:
        return ""
    widths = [2000, 2200, 2200, 1200, 700, 700, 1400, 1400, 2000, 2400]
    rows = [_row([_cell(width, text.splitlines(), index == 0) for width, text in zip(widths, cells)],
                 header=index == 0) for index, cells in enumerate(fields.rows(sop))]
    return "<w:p/>" + _para(fields.HEADING, bold=True) + _table(widths, rows)


def write_docx(sop: Sop, glued: bool = True) -> bytes:
    """The whole document as .docx bytes (A4 landscape)."""
    body = (identity_tables(sop) + '<w:p><w:r><w:br w:type="page"/></w:r></w:p>' + flowchart_table(sop, glued)
            + fields_table(sop) + '<w:p/><w:sectPr><w:pgSz w:w="16838" w:h="11906" w:orient="landscape"/><w:pgMar w:top="720" '
            'w:right="720" w:bottom="720" w:left="720" w:header="0" w:footer="0" w:gutter="0"/></w:sectPr>')
    document = f'<?xml version="1.0" encoding="UTF-8" standalone="yes"?><w:document {_NS}><w:body>{body}</w:body></w:document>'
    return package(document)


def package(document: str) -> bytes:
    """A minimal .docx package around ``document`` (word/document.xml)."""
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as archive:
        archive.writestr("[Content_Types].xml", (
            '<?xml version="1.0" encoding="UTF-8" standalone="yes"?><Types xmlns="http://schemas.openxmlformats.org/'
            'package/2006/content-types"><Default Extension="rels" ContentType="application/vnd.openxmlformats-'
            'package.relationships+xml"/><Default Extension="xml" ContentType="application/xml"/><Override '
            'PartName="/word/document.xml" ContentType="application/vnd.openxmlformats-officedocument.'
            'wordprocessingml.document.main+xml"/></Types>'))
        archive.writestr("_rels/.rels", (
            '<?xml version="1.0" encoding="UTF-8" standalone="yes"?><Relationships xmlns="http://schemas.'
            'openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.'
            'openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="word/document.xml"/>'
            '</Relationships>'))
        archive.writestr("word/document.xml", document)
    return out.getvalue()


def _descr(descr: str) -> str:
    return f' descr="{escape(descr, {chr(34): "&quot;"})}"' if descr else ""
