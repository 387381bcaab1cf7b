"""Read an .xlsx workbook into grids: cells with openpyxl, drawn shapes from the drawing XML with lxml.

openpyxl drops drawings, so ``xl/drawings/drawingN.xml`` is read directly: ``xdr:sp`` shapes with their
``a:prstGeom`` (flowChart* presets), ``xdr:cxnSp`` connectors with ``stCxn``/``endCxn`` when glued, and
line shapes; groups are unfolded. Every position is turned into EMU on the sheet from the column widths
and row heights, so unglued connectors are matched to shapes by geometry.
"""

from __future__ import annotations

import datetime as dt
import io
import re
import warnings
from bisect import bisect_right
from typing import Any

import openpyxl
from lxml import etree
from openpyxl.utils import get_column_letter
from openpyxl.worksheet.worksheet import Worksheet

from engine.errors import InputError
from engine.formats.office.grid import LABEL, Box, Grid, Shape, branch_word, drawn_line, kind_of_preset
from engine.formats.office.package import Package
from engine.formats.spreadsheet import restore

#: Limits per sheet and per workbook; a real SOP sheet has under 100 rows and 30 columns, and openpyxl
#: needs about a second per 10,000 cells on a busy server.
MAX_ROWS = 2_000
MAX_COLS = 100
MAX_CELLS = 30_000
MAX_BOOK_CELLS = 100_000
EMU_PER_PIXEL = 9525
EMU_PER_POINT = 12700
DEFAULT_WIDTH = 8.43
DEFAULT_HEIGHT = 15.0
_NS = {
    "xdr": "http://schemas.openxmlformats.org/drawingml/2006/spreadsheetDrawing",
    "a": "http://schemas.openxmlformats.org/drawingml/2006/main",
    "r": "http://schemas.openxmlformats.org/officeDocument/2006/relationships",
    "m": "http://schemas.openxmlformats.org/spreadsheetml/2006/main",
}
_LINE_PRESETS = re.compile(r"^(line|straightconnector1|bentconnector\d|curvedconnector\d)$", re.IGNORECASE)
_DRAWING_REF = re.compile(rb'<(?:\w+:)?drawing\s+(?:\w+:)?id="([^"]+)"')
_CELL = re.compile(rb"<(?:\w+:)?c[\s>/]")
_DIMENSION = re.compile(rb'<(?:\w+:)?dimension ref="[A-Z]*\d*:?([A-Z]+)(\d+)"')


def column_emu(width: float) -> int:
    """The width in EMU of a column ``width`` characters wide (Excel's default font, 7 px per character)."""
    return int(round(width * 7 + 5)) * EMU_PER_PIXEL


def _sheet_parts(package: Package) -> dict[str, str]:
    """Sheet name -> worksheet part path."""
    rels = package.rels("xl/workbook.xml")
    result = {}
    for sheet in package.xml("xl/workbook.xml").iter(f"{{{_NS['m']}}}sheet"):
        rid = sheet.get(f"{{{_NS['r']}}}id", "")
        if rid in rels:
            result[sheet.get("name", "")] = rels[rid]
    return result


def _check_size(package: Package, part: str, sheet: str) -> int:
    """The number of cells of a sheet, refused beyond the per-sheet limits."""
    data = package.read(part) if package.has(part) else b""
    cells = len(_CELL.findall(data))
    match = _DIMENSION.search(data[:4096])
    rows = int(match.group(2)) if match else 0
    cols = openpyxl.utils.column_index_from_string(match.group(1).decode()) if match else 0
    if rows > MAX_ROWS or cols > MAX_COLS or cells > MAX_CELLS:
        raise InputError.from_code("office_huge_sheet", label=package.label, sheet=sheet, rows=f"{rows:,}",
                                   cols=f"{cols:,}", max_rows=f"{MAX_ROWS:,}", max_cols=MAX_COLS)
    return cells


def read_workbook(package: Package) -> list[Grid]:
    """Every worksheet as a grid, in workbook order.

    :raises InputError: a sheet beyond the row/column limits, or a workbook openpyxl cannot read.
    """
    parts = _sheet_parts(package)
    total = 0
    for name, part in parts.items():
        total += _check_size(package, part, name)
        if total > MAX_BOOK_CELLS:
            raise InputError.from_code("office_huge_book", label=package.label, cells=f"{total:,}",
                                       limit=f"{MAX_BOOK_CELLS:,}")
    try:
        with warnings.catch_warnings():
            warnings.simplefilter("ignore")
            book = openpyxl.load_workbook(io.BytesIO(package.data), data_only=True, keep_links=False,
                                          keep_vba=False, rich_text=False)
    except InputError:
        raise
    except Exception as exc:  # openpyxl raises many kinds for damaged parts
        raise InputError.from_code("office_corrupt", label=package.label, detail=type(exc).__name__) from exc
    grids = []
    for sheet in book.worksheets:
        if sheet.max_row > MAX_ROWS or sheet.max_column > MAX_COLS:
            raise InputError.from_code("office_huge_sheet", label=package.label, sheet=sheet.title,
                                       rows=f"{sheet.max_row:,}", cols=f"{sheet.max_column:,}",
                                       max_rows=f"{MAX_ROWS:,}", max_cols=MAX_COLS)
        grids.append(_grid(package, sheet, parts.get(sheet.title, "")))
    return grids


def _text(value: Any) -> str:
    if value is None:
        return ""
    if isinstance(value, dt.datetime):
        return value.date().isoformat()
    if isinstance(value, dt.date):
        return value.isoformat()
    if isinstance(value, float) and value.is_integer():
        return str(int(value))
    return restore(str(value).replace("_x000D_", "")).replace("\r\n", "\n")


def _grid(package: Package, sheet: Worksheet, part: str) -> Grid:
    grid = Grid(name=sheet.title, ref=lambda row, col: f"{get_column_letter(col + 1)}{row + 1}",
                row_label=lambda row: str(row + 1))
    for cells in sheet.iter_rows():
        for cell in cells:
            text = _text(cell.value)
            text = text if text.startswith(("\t", "\r")) else text.strip()
            if text and cell.row is not None and cell.column is not None:
                grid.cells[(cell.row - 1, cell.column - 1)] = text
    for merged in sheet.merged_cells.ranges:
        grid.merges.append((merged.min_row - 1, merged.min_col - 1, merged.max_row - 1, merged.max_col - 1))
    default_width = sheet.sheet_format.defaultColWidth or DEFAULT_WIDTH
    default_height = sheet.sheet_format.defaultRowHeight or DEFAULT_HEIGHT
    ncols = max(sheet.max_column, 1) + 60
    nrows = max(sheet.max_row, 1) + 200
    widths = []
    for col in range(ncols):
        dim = sheet.column_dimensions.get(get_column_letter(col + 1))
        widths.append(column_emu(dim.width if dim is not None and dim.width else default_width))
    heights = []
    for number in range(nrows):
        row_dim = sheet.row_dimensions.get(number + 1)
        heights.append(int((row_dim.height if row_dim is not None and row_dim.height else default_height)
                           * EMU_PER_POINT))
    xs, ys = [0], [0]
    for width in widths:
        xs.append(xs[-1] + width)
    for height in heights:
        ys.append(ys[-1] + height)
    if part:
        _drawings(package, part, grid, xs, ys)
    return grid


def _drawings(package: Package, part: str, grid: Grid, xs: list[int], ys: list[int]) -> None:
    rels = package.rels(part)
    if not package.has(part):
        return
    # The sheet itself was read by openpyxl; only its <drawing r:id="..."/> is needed here.
    for rid in _DRAWING_REF.findall(package.read(part)):
        target = rels.get(rid.decode("utf-8", "replace"), "")
        if not target or not package.has(target):
            continue
        root = package.xml(target)
        for anchor in root:
            box = _anchor_box(anchor, xs, ys)
            if box is None:
                continue
            for child in anchor:
                _element(child, box, None, grid, xs, ys)


def _anchor_box(anchor: etree._Element, xs: list[int], ys: list[int]) -> Box | None:
    def point(marker: etree._Element) -> tuple[float, float]:
        col, col_off, row, row_off = (int(marker.findtext(f"xdr:{tag}", "0", _NS) or 0)
                                      for tag in ("col", "colOff", "row", "rowOff"))
        col, row = min(max(col, 0), len(xs) - 1), min(max(row, 0), len(ys) - 1)
        return xs[col] + col_off, ys[row] + row_off

    tag = etree.QName(anchor).localname
    start = anchor.find("xdr:from", _NS)
    ext = anchor.find("xdr:ext", _NS)
    if tag == "twoCellAnchor" and start is not None and anchor.find("xdr:to", _NS) is not None:
        end = anchor.find("xdr:to", _NS)
        assert end is not None
        (x0, y0), (x1, y1) = point(start), point(end)
    elif tag == "oneCellAnchor" and start is not None and ext is not None:
        x0, y0 = point(start)
        x1, y1 = x0 + int(ext.get("cx", "0")), y0 + int(ext.get("cy", "0"))
    elif tag == "absoluteAnchor" and anchor.find("xdr:pos", _NS) is not None and ext is not None:
        pos = anchor.find("xdr:pos", _NS)
        assert pos is not None
        x0, y0 = int(pos.get("x", "0")), int(pos.get("y", "0"))
        x1, y1 = x0 + int(ext.get("cx", "0")), y0 + int(ext.get("cy", "0"))
    else:
        return None
    return Box(x0, y0, x1, y1)


def _xfrm_box(xfrm: etree._Element | None) -> Box | None:
    if xfrm is None or xfrm.find("a:off", _NS) is None or xfrm.find("a:ext", _NS) is None:
        return None
    off, ext = xfrm.find("a:off", _NS), xfrm.find("a:ext", _NS)
    assert off is not None and ext is not None
    x, y = int(off.get("x", "0")), int(off.get("y", "0"))
    return Box(x, y, x + int(ext.get("cx", "0")), y + int(ext.get("cy", "0")))


def _element(element: etree._Element, box: Box, group: tuple[Box, Box] | None, grid: Grid,
             xs: list[int], ys: list[int]) -> None:
    """One drawing element; ``group`` maps child coordinates (child box) onto the sheet (box)."""
    tag = etree.QName(element).localname
    if tag == "grpSp":
        xfrm = element.find("xdr:grpSpPr/a:xfrm", _NS)
        outer = _place(_xfrm_box(xfrm), box, group)
        child_off = xfrm.find("a:chOff", _NS) if xfrm is not None else None
        child_ext = xfrm.find("a:chExt", _NS) if xfrm is not None else None
        inner = outer
        if child_off is not None and child_ext is not None:
            cx, cy = int(child_off.get("x", "0")), int(child_off.get("y", "0"))
            inner = Box(cx, cy, cx + int(child_ext.get("cx", "0")), cy + int(child_ext.get("cy", "0")))
        for child in element:
            _element(child, outer, (inner, outer), grid, xs, ys)
        return
    if tag not in ("sp", "cxnSp"):
        return
    sppr = element.find("xdr:spPr", _NS)
    xfrm = sppr.find("a:xfrm", _NS) if sppr is not None else None
    own = _place(_xfrm_box(xfrm), box, group) if group is not None else box
    preset = ""
    geometry = sppr.find("a:prstGeom", _NS) if sppr is not None else None
    if geometry is not None:
        preset = geometry.get("prst", "")
    props = element.find("xdr:nvSpPr/xdr:cNvPr", _NS)
    if props is None:
        props = element.find("xdr:nvCxnSpPr/xdr:cNvPr", _NS)
    sid = props.get("id", "") if props is not None else ""
    text = "\n".join("".join(t.text or "" for t in p.iter(f"{{{_NS['a']}}}t"))
                     for p in element.iterfind("xdr:txBody/a:p", _NS)).strip()
    if tag == "cxnSp" or _LINE_PRESETS.match(preset):
        grid.lines.append(drawn_line(sid, own, xfrm, sppr, element.find("xdr:nvCxnSpPr/xdr:cNvCxnSpPr", _NS), text))
        return
    kind = kind_of_preset(preset)
    tx_box = element.find("xdr:nvSpPr/xdr:cNvSpPr", _NS)
    if (tx_box is not None and tx_box.get("txBox") in ("1", "true")) or (branch_word(text) and not
                                                                       preset.lower().startswith("flowchart")):
        kind = LABEL
    if not kind:
        return
    x, y = own.center
    row = max(bisect_right(ys, y) - 1, 0)
    col = max(bisect_right(xs, x) - 1, 0)
    grid.shapes.append(Shape(sid, kind, text, own, row, col, props.get("descr", "") if props is not None else ""))


def _place(child: Box | None, parent: Box, group: tuple[Box, Box] | None) -> Box:
    """``child`` (in the group's child coordinates) on the sheet."""
    if child is None:
        return parent
    if group is None:
        return child if parent is None else parent
    inner, outer = group
    sx = (outer.x1 - outer.x0) / max(inner.x1 - inner.x0, 1)
    sy = (outer.y1 - outer.y0) / max(inner.y1 - inner.y0, 1)
    return Box(outer.x0 + (child.x0 - inner.x0) * sx, outer.y0 + (child.y0 - inner.y0) * sy,
               outer.x0 + (child.x1 - inner.x0) * sx, outer.y0 + (child.y1 - inner.y0) * sy)
