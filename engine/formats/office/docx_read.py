"""Read a .docx document into one grid: paragraphs and tables in order, shapes anchored in cells.

The document body is read with lxml over the package (python-docx exposes no drawings). A paragraph
outside tables becomes a one-cell row, each table row a row (``gridSpan`` and ``vMerge`` become merged
ranges). Shapes are DrawingML (``wps:wsp`` in ``wp:anchor``/``wp:inline``, groups unfolded; the
``mc:Fallback`` copy is skipped) or VML (``v:rect``, ``v:roundrect``, ``v:oval``, ``v:shape`` with a
flowchart type, ``v:line``). Positions are turned into EMU from the table grid and row heights (estimated
for rows of automatic height), so unglued connectors are matched to shapes by geometry.
"""

from __future__ import annotations

import re
from bisect import bisect_right

from lxml import etree

from engine.formats.office.grid import CONNECTOR, DECISION, LABEL, PROCESS, TERMINATOR, Box, Grid, Line, Shape, drawn_line, \
    branch_word, kind_of_preset
from engine.formats.office.package import Package

EMU_PER_TWIP = 635
EMU_PER_POINT = 12700
#: Height assumed for one paragraph of a row of automatic height, in twips.
LINE_TWIPS = 280
W = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"
_NS = {
    "w": W,
    "wp": "http://schemas.openxmlformats.org/drawingml/2006/wordprocessingDrawing",
    "a": "http://schemas.openxmlformats.org/drawingml/2006/main",
    "wps": "http://schemas.microsoft.com/office/word/2010/wordprocessingShape",
    "wpg": "http://schemas.microsoft.com/office/word/2010/wordprocessingGroup",
    "mc": "http://schemas.openxmlformats.org/markup-compatibility/2006",
    "v": "urn:schemas-microsoft-com:vml",
    "o": "urn:schemas-microsoft-com:office:office",
}
_LINE_PRESETS = re.compile(r"^(line|straightconnector1|bentconnector\d|curvedconnector\d)$", re.IGNORECASE)
#: VML shape types (``#_x0000_tNNN``) of flowchart symbols.
_VML_TYPES = {116: TERMINATOR, 176: TERMINATOR, 109: PROCESS, 1: PROCESS, 112: PROCESS, 114: PROCESS,
              110: DECISION, 4: DECISION, 120: CONNECTOR, 177: CONNECTOR, 15: CONNECTOR, 202: LABEL}
_DRAWING_TAGS = {f"{{{W}}}drawing", f"{{{W}}}pict", f"{{{_NS['mc']}}}AlternateContent", f"{{{W}}}object"}


def _w(tag: str) -> str:
    return f"{{{W}}}{tag}"


def paragraph_text(paragraph: etree._Element) -> str:
    """The visible text of a paragraph, without text inside shapes."""
    parts: list[str] = []

    def walk(element: etree._Element) -> None:
        for child in element:
            if child.tag in _DRAWING_TAGS:
                continue
            if child.tag == _w("t"):
                parts.append(child.text or "")
            elif child.tag == _w("tab"):
                parts.append(" ")
            elif child.tag in (_w("br"), _w("cr")):
                parts.append("\n")
            else:
                walk(child)

    walk(paragraph)
    return "".join(parts)


def _cell_text(cell: etree._Element) -> str:
    return "\n".join(paragraph_text(p) for p in cell.iterfind("w:p", _NS)).strip()


def read_document(package: Package) -> Grid:
    """The body of ``word/document.xml`` as one grid."""
    root = package.xml("word/document.xml")
    body = root.find("w:body", _NS)
    grid = Grid(name=package.label.rsplit("/", 1)[-1], ref=lambda row, col: f"baris {row + 1} kolom {col + 1}",
                row_label=lambda row: str(row + 1))
    if body is None:
        return grid
    reader = _Reader(grid)
    margin = body.find("w:sectPr/w:pgMar", _NS)
    if margin is not None and (margin.get(_w("left"), "") or "").isdigit():
        reader.margin_left = int(margin.get(_w("left"), "0")) * EMU_PER_TWIP
    for child in body:
        if child.tag == _w("p"):
            reader.paragraph(child)
        elif child.tag == _w("tbl"):
            reader.table(child)
        elif child.tag == _w("sdt"):
            content = child.find("w:sdtContent", _NS)
            for inner in content if content is not None else []:
                if inner.tag == _w("p"):
                    reader.paragraph(inner)
                elif inner.tag == _w("tbl"):
                    reader.table(inner)
    return grid


class _Reader:
    def __init__(self, grid: Grid) -> None:
        self.grid = grid
        self.row = 0
        self.y = 0.0
        self.tag = ""
        self.margin_left = 1440.0 * EMU_PER_TWIP

    def paragraph(self, paragraph: etree._Element) -> None:
        text = paragraph_text(paragraph).strip()
        if text:
            self.grid.cells[(self.row, 0)] = text
        self._shapes(paragraph, (0.0, self.y), [0.0, 10.0 ** 9], [self.y, self.y + LINE_TWIPS * EMU_PER_TWIP],
                     self.row, 0)
        self.row += 1
        self.y += LINE_TWIPS * EMU_PER_TWIP

    def table(self, table: etree._Element) -> None:
        widths = [int(col.get(_w("w"), "0") or 0) * EMU_PER_TWIP for col in table.iterfind("w:tblGrid/w:gridCol", _NS)]
        xs = [0.0]
        for width in widths or [1440 * EMU_PER_TWIP]:
            xs.append(xs[-1] + width)
        open_merges: dict[int, int] = {}
        rows = table.findall("w:tr", _NS)
        tops = [self.y]
        for tr in rows:
            height = tr.find("w:trPr/w:trHeight", _NS)
            paragraphs = max((len(tc.findall("w:p", _NS)) for tc in tr.iterfind("w:tc", _NS)), default=1)
            twips = int(height.get(_w("val"), "0") or 0) if height is not None else 0
            twips = twips if height is not None and height.get(_w("hRule")) == "exact" else max(
                twips, paragraphs * LINE_TWIPS)
            tops.append(tops[-1] + twips * EMU_PER_TWIP)
        first_row = self.row
        for index, tr in enumerate(rows):
            row = first_row + index
            col = 0
            for tc in tr.iterfind("w:tc", _NS):
                span_el = tc.find("w:tcPr/w:gridSpan", _NS)
                span = max(int(span_el.get(_w("val"), "1") or 1), 1) if span_el is not None else 1
                merge = tc.find("w:tcPr/w:vMerge", _NS)
                if merge is not None and merge.get(_w("val"), "continue") != "restart" and col in open_merges:
                    start = open_merges[col]
                    self.grid.merges = [(r0, c0, row, c1) if (r0, c0) == (start, col) else (r0, c0, r1, c1)
                                        for r0, c0, r1, c1 in self.grid.merges]
                else:
                    open_merges.pop(col, None)
                    text = _cell_text(tc)
                    if text:
                        self.grid.cells[(row, col)] = text
                    if merge is not None or span > 1:
                        self.grid.merges.append((row, col, row, col + span - 1))
                        if merge is not None:
                            open_merges[col] = row
                x0 = xs[min(col, len(xs) - 1)]
                self._shapes(tc, (x0, tops[index]), xs, tops, first_row, col)
                col += span
        self.row = first_row + len(rows)
        self.y = tops[-1]

    def _shapes(self, element: etree._Element, origin: tuple[float, float], xs: list[float], ys: list[float],
                first_row: int, col: int) -> None:
        for anchor in element.iter(f"{{{_NS['wp']}}}anchor", f"{{{_NS['wp']}}}inline"):
            if _in_fallback(anchor):
                continue
            box = _anchor_box(anchor, origin, self.margin_left)
            sid = anchor.find("wp:docPr", _NS)
            graphic = anchor.find("a:graphic/a:graphicData", _NS)
            if graphic is None:
                continue
            for child in graphic:
                self.tag = sid.get("descr", "") if sid is not None else ""
                self._drawing(child, box, None, sid.get("id", "") if sid is not None else "", xs, ys, first_row)
        for pict in element.iter(_w("pict")):
            if _in_fallback(pict):
                continue
            for shape in pict:
                self.tag = shape.get("alt", "")
                self._vml(shape, origin, xs, ys, first_row)

    def _add_shape(self, sid: str, kind: str, text: str, box: Box, xs: list[float], ys: list[float],
                   first_row: int) -> None:
        x, y = box.center
        row = first_row + max(min(bisect_right(ys, y) - 1, len(ys) - 2), 0)
        col = max(min(bisect_right(xs, x) - 1, len(xs) - 2), 0)
        self.grid.shapes.append(Shape(sid, kind, text, box, row, col, self.tag))

    def _drawing(self, element: etree._Element, box: Box, group: tuple[Box, Box] | None, sid: str,
                 xs: list[float], ys: list[float], first_row: int) -> None:
        tag = etree.QName(element).localname
        if tag in ("wgp", "grpSp"):
            xfrm = element.find("wpg:grpSpPr/a:xfrm", _NS)
            outer = box if group is None else _place(_xfrm_box(xfrm), group)
            inner = _child_box(xfrm) or outer
            for child in element:
                nested = child.find("wps:cNvPr", _NS)
                child_id = nested.get("id", "") if nested is not None else ""
                self._drawing(child, outer, (inner, outer), child_id, xs, ys, first_row)
            return
        if tag != "wsp":
            return
        sppr = element.find("wps:spPr", _NS)
        xfrm = sppr.find("a:xfrm", _NS) if sppr is not None else None
        own = box if group is None else _place(_xfrm_box(xfrm), group)
        geometry = sppr.find("a:prstGeom", _NS) if sppr is not None else None
        preset = geometry.get("prst", "") if geometry is not None else ""
        text = "\n".join(paragraph_text(p) for p in element.iterfind("wps:txbx/w:txbxContent/w:p", _NS)).strip()
        connector = element.find("wps:cNvCnPr", _NS)
        if connector is not None or _LINE_PRESETS.match(preset):
            self.grid.lines.append(drawn_line(sid, own, xfrm, sppr, connector, text))
            return
        kind = kind_of_preset(preset)
        props = element.find("wps:cNvSpPr", _NS)
        if (props is not None and props.get("txBox") in ("1", "true")) or (
                branch_word(text) and not preset.lower().startswith("flowchart")):
            kind = LABEL
        if kind:
            self._add_shape(sid, kind, text, own, xs, ys, first_row)

    def _vml(self, shape: etree._Element, origin: tuple[float, float], xs: list[float], ys: list[float],
             first_row: int) -> None:
        tag = etree.QName(shape).localname
        style = _style(shape.get("style", ""))
        left, top = origin[0] + style.get("margin-left", 0.0), origin[1] + style.get("margin-top", 0.0)
        sid = shape.get("id", "")
        text = "\n".join(paragraph_text(p) for p in shape.iterfind("v:textbox/w:txbxContent/w:p", _NS)).strip()
        if tag == "line":
            start, end = _points(shape.get("from", "0,0")), _points(shape.get("to", "0,0"))
            self.grid.lines.append(Line(sid, (origin[0] + start[0], origin[1] + start[1]),
                                        (origin[0] + end[0], origin[1] + end[1])))
            return
        box = Box(left, top, left + style.get("width", 0.0), top + style.get("height", 0.0))
        kind = {"roundrect": TERMINATOR, "oval": TERMINATOR, "rect": PROCESS}.get(tag, "")
        if tag == "shape":
            if shape.get(f"{{{_NS['o']}}}connectortype"):
                self.grid.lines.append(Line(sid, (box.x0, box.y0), (box.x1, box.y1)))
                return
            match = re.search(r"(\d+)$", shape.get("type", "") or shape.get(f"{{{_NS['o']}}}spt", ""))
            kind = _VML_TYPES.get(int(match.group(1)), "") if match else ""
        if branch_word(text) and kind in (PROCESS, LABEL, ""):
            kind = LABEL
        if kind:
            self._add_shape(sid, kind, text, box, xs, ys, first_row)


def _in_fallback(element: etree._Element) -> bool:
    parent = element.getparent()
    while parent is not None:
        if parent.tag == f"{{{_NS['mc']}}}Fallback":
            return True
        parent = parent.getparent()
    return False


def _anchor_box(anchor: etree._Element, origin: tuple[float, float], margin_left: float) -> Box:
    """The box of a floating or inline drawing: offsets count from the anchoring cell (``origin``), except
    horizontal offsets from the page or its margin, which count from the table's left edge."""
    extent = anchor.find("wp:extent", _NS)
    cx = int(extent.get("cx", "0")) if extent is not None else 0
    cy = int(extent.get("cy", "0")) if extent is not None else 0
    x, y = origin
    if etree.QName(anchor).localname == "anchor":
        for axis, tag in ((0, "positionH"), (1, "positionV")):
            position = anchor.find(f"wp:{tag}", _NS)
            offset = position.findtext("wp:posOffset", "", _NS) if position is not None else ""
            if not offset.strip().lstrip("-").isdigit():
                continue
            if axis == 0:
                base = position.get("relativeFrom", "column") if position is not None else "column"
                x = {"page": -margin_left, "margin": 0.0, "leftMargin": -margin_left}.get(base, x) + int(offset)
            else:
                y += int(offset)
    return Box(x, y, x + cx, y + cy)


def _xfrm_box(xfrm: etree._Element | None) -> Box | None:
    if xfrm is None or xfrm.find("a:off", _NS) is None or xfrm.find("a:ext", _NS) is None:
        return None
    off, ext = xfrm.find("a:off", _NS), xfrm.find("a:ext", _NS)
    assert off is not None and ext is not None
    x, y = int(off.get("x", "0")), int(off.get("y", "0"))
    return Box(x, y, x + int(ext.get("cx", "0")), y + int(ext.get("cy", "0")))


def _child_box(xfrm: etree._Element | None) -> Box | None:
    if xfrm is None:
        return None
    off, ext = xfrm.find("a:chOff", _NS), xfrm.find("a:chExt", _NS)
    if off is None or ext is None:
        return None
    x, y = int(off.get("x", "0")), int(off.get("y", "0"))
    return Box(x, y, x + int(ext.get("cx", "0")), y + int(ext.get("cy", "0")))


def _place(child: Box | None, group: tuple[Box, Box]) -> Box:
    inner, outer = group
    if child is None:
        return outer
    sx = (outer.x1 - outer.x0) / max(inner.x1 - inner.x0, 1)
    sy = (outer.y1 - outer.y0) / max(inner.y1 - inner.y0, 1)
    return Box(outer.x0 + (child.x0 - inner.x0) * sx, outer.y0 + (child.y0 - inner.y0) * sy,
               outer.x0 + (child.x1 - inner.x0) * sx, outer.y0 + (child.y1 - inner.y0) * sy)


_UNITS = {"pt": EMU_PER_POINT, "in": 914400, "cm": 360000, "mm": 36000, "px": 9525, "emu": 1, "": 9525}


def _length(text: str) -> float:
    match = re.fullmatch(r"\s*(-?[\d.]+)\s*([a-z]*)\s*", text)
    if not match:
        return 0.0
    try:
        return float(match.group(1)) * _UNITS.get(match.group(2), 9525)
    except ValueError:
        return 0.0


def _style(style: str) -> dict[str, float]:
    result: dict[str, float] = {}
    for part in style.split(";"):
        key, _, value = part.partition(":")
        key = key.strip().lower()
        if key in ("margin-left", "margin-top", "width", "height", "left", "top"):
            result[key] = _length(value)
    result.setdefault("margin-left", result.get("left", 0.0))
    result.setdefault("margin-top", result.get("top", 0.0))
    return result


def _points(text: str) -> tuple[float, float]:
    parts = text.split(",")
    x = _length(parts[0]) if parts and parts[0].strip() else 0.0
    y = _length(parts[1]) if len(parts) > 1 else 0.0
    # VML from/to without a unit are in points.
    if parts and not re.search(r"[a-z]", parts[0]):
        x = x / 9525 * EMU_PER_POINT
    if len(parts) > 1 and not re.search(r"[a-z]", parts[1]):
        y = y / 9525 * EMU_PER_POINT
    return x, y
