"""Write drawn pages as SVG with lxml.

:func:`svg_document` puts every page of a document in one SVG, one below the other with a grey
gap, each page a ``<g class="page">`` whose ``data-width``/``data-height`` give its paper size (the
web UI scrolls through them); :func:`svg_page` writes one page as a document of its own. Units are
millimetres (``viewBox`` in mm, ``width``/``height`` in mm). Text refers to Liberation Sans with
Arial as the metric-compatible fallback, so a browser lays it out exactly as measured.
"""

from __future__ import annotations

import base64

from lxml import etree

from engine.render import fonts
from engine.render.canvas import BLACK, Image, Page, Path, Rect, Text

SVG_NS = "http://www.w3.org/2000/svg"
#: Vertical gap between pages in a multi-page SVG (mm).
PAGE_GAP = 8.0


def _n(value: float) -> str:
    return f"{value:.2f}"


def _root(width: float, height: float, pages: int, paper: str) -> etree._Element:
    root = etree.fromstring(f'<svg xmlns="{SVG_NS}"/>')
    for key, value in (("version", "1.1"), ("width", f"{_n(width)}mm"), ("height", f"{_n(height)}mm"),
                       ("viewBox", f"0 0 {_n(width)} {_n(height)}"), ("class", "alur-sop"),
                       ("data-pages", str(pages)), ("data-paper", paper), ("font-family", fonts.SVG_FAMILY)):
        root.set(key, value)
    return root


def _data(element: etree._Element, data: dict[str, str]) -> None:
    for key, value in data.items():
        element.set(f"data-{key}", value)


def _paint(element: etree._Element, stroke: str | None, fill: str | None, width: float) -> None:
    element.set("fill", fill or "none")
    if stroke:
        element.set("stroke", stroke)
        element.set("stroke-width", _n(width))


def _draw_page(parent: etree._Element, page: Page, number: int, offset: float) -> None:
    group = etree.SubElement(parent, f"{{{SVG_NS}}}g", attrib={
        "class": "page", "data-page": str(number), "data-kind": page.kind,
        "data-width": _n(page.width), "data-height": _n(page.height)})
    if offset:
        group.set("transform", f"translate(0 {_n(offset)})")
    etree.SubElement(group, f"{{{SVG_NS}}}rect", attrib={
        "class": "paper", "x": "0", "y": "0", "width": _n(page.width), "height": _n(page.height), "fill": "#ffffff"})
    sub = etree.SubElement
    for item in page.items:
        if isinstance(item, Rect):
            element = sub(group, f"{{{SVG_NS}}}rect", attrib={
                "class": item.role, "x": _n(item.x), "y": _n(item.y), "width": _n(item.w), "height": _n(item.h)})
            if item.rx:
                element.set("rx", _n(item.rx))
            _paint(element, item.stroke, item.fill, item.width)
        elif isinstance(item, Path):
            tag = "polygon" if item.closed else "polyline"
            element = sub(group, f"{{{SVG_NS}}}{tag}", attrib={
                "class": item.role, "points": " ".join(f"{_n(x)},{_n(y)}" for x, y in item.points)})
            _paint(element, item.stroke, item.fill, item.width)
            if not item.closed:
                element.set("stroke-linejoin", "miter")
        elif isinstance(item, Text):
            element = sub(group, f"{{{SVG_NS}}}text", attrib={
                "class": item.role, "x": _n(item.x), "y": _n(item.y),
                "font-size": f"{item.size * fonts.MM_PER_PT:.3f}"})
            if item.bold:
                element.set("font-weight", "bold")
            if item.anchor != "start":
                element.set("text-anchor", item.anchor)
            if item.fill != BLACK:
                element.set("fill", item.fill)
            if item.underline:
                element.set("text-decoration", "underline")
            element.text = item.text
        elif isinstance(item, Image):
            element = sub(group, f"{{{SVG_NS}}}image", attrib={
                "class": item.role, "x": _n(item.x), "y": _n(item.y), "width": _n(item.w), "height": _n(item.h),
                "preserveAspectRatio": "none",
                "href": "data:image/png;base64," + base64.b64encode(item.png).decode("ascii")})
            continue
        else:  # pragma: no cover - the canvas has no other item types
            continue
        if item.data:
            _data(element, item.data)


def svg_document(pages: list[Page], paper: str, title: str = "") -> bytes:
    """Every page in one SVG document, stacked top to bottom."""
    width = max(page.width for page in pages)
    height = sum(page.height for page in pages) + PAGE_GAP * (len(pages) - 1)
    root = _root(width, height, len(pages), paper)
    if title:
        etree.SubElement(root, f"{{{SVG_NS}}}title").text = title
    offset = 0.0
    for number, page in enumerate(pages, 1):
        _draw_page(root, page, number, offset)
        offset += page.height + PAGE_GAP
    return bytes(etree.tostring(root, xml_declaration=True, encoding="UTF-8"))


def svg_page(page: Page, number: int, pages: int, paper: str, title: str = "") -> bytes:
    """One page as an SVG document of its own."""
    root = _root(page.width, page.height, pages, paper)
    if title:
        etree.SubElement(root, f"{{{SVG_NS}}}title").text = title
    _draw_page(root, page, number, 0.0)
    return bytes(etree.tostring(root, xml_declaration=True, encoding="UTF-8"))
