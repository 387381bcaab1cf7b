"""Write drawn pages as SVG (plain text, escaped; read back by lxml in the tests).

:func:`svg_document` puts every page of a document in one SVG, one below the other with a grey
gap, each page a ``<g class="page">`` whose ``data-width``/``data-height`` give its paper size (the
web UI scrolls through them); :func:`svg_page` writes one page as a document of its own. Units are
millimetres (``viewBox`` in mm, ``width``/``height`` in mm). Text refers to Liberation Sans with
Arial as the metric-compatible fallback, so a browser lays it out exactly as measured.
"""

from __future__ import annotations

import base64
import re

from engine.render import fonts
from engine.render.canvas import BLACK, Image, Page, Path, Rect, Text

SVG_NS = "http://www.w3.org/2000/svg"
#: Vertical gap between pages in a multi-page SVG (mm).
PAGE_GAP = 8.0


def _n(value: float) -> str:
    return f"{value:.2f}"


_INVALID = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\ufffe\uffff]")
_ESCAPES = str.maketrans({"&": "&amp;", "<": "&lt;", ">": "&gt;", '"': "&quot;", "\n": "&#10;", "\t": "&#9;",
                          "\r": "&#13;"})


def _q(value: str) -> str:
    """``value`` as XML text or a double-quoted attribute value (characters XML cannot hold dropped)."""
    return _INVALID.sub("", value).translate(_ESCAPES)


def _root(width: float, height: float, pages: int, paper: str) -> list[str]:
    """The opening of the SVG document."""
    return ["<?xml version='1.0' encoding='UTF-8'?>\n",
            f'<svg xmlns="{SVG_NS}" version="1.1" width="{_n(width)}mm" height="{_n(height)}mm" '
            f'viewBox="0 0 {_n(width)} {_n(height)}" class="alur-sop" data-pages="{pages}" '
            f'data-paper="{_q(paper)}" font-family="{_q(fonts.SVG_FAMILY)}">']


def _paint(stroke: str | None, fill: str | None, width: float) -> str:
    paint = f' fill="{_q(fill or "none")}"'
    if stroke:
        paint += f' stroke="{_q(stroke)}" stroke-width="{_n(width)}"'
    return paint


def _data(data: dict[str, str]) -> str:
    return "".join(f' data-{key}="{_q(value)}"' for key, value in data.items())


def _draw_page(out: list[str], page: Page, number: int, offset: float) -> None:
    """Append one page as a ``<g class="page">`` to ``out``."""
    move = f' transform="translate(0 {_n(offset)})"' if offset else ""
    out.append(f'<g class="page" data-page="{number}" data-kind="{_q(page.kind)}" data-width="{_n(page.width)}" '
               f'data-height="{_n(page.height)}"{move}>'
               f'<rect class="paper" x="0" y="0" width="{_n(page.width)}" height="{_n(page.height)}" '
               f'fill="#ffffff"/>')
    for item in page.items:
        if isinstance(item, Rect):
            corner = f' rx="{_n(item.rx)}"' if item.rx else ""
            out.append(f'<rect class="{_q(item.role)}" x="{_n(item.x)}" y="{_n(item.y)}" width="{_n(item.w)}" '
                       f'height="{_n(item.h)}"{corner}{_paint(item.stroke, item.fill, item.width)}{_data(item.data)}/>')
        elif isinstance(item, Path):
            tag = "polygon" if item.closed else "polyline"
            points = " ".join(f"{_n(x)},{_n(y)}" for x, y in item.points)
            join = "" if item.closed else ' stroke-linejoin="miter"'
            out.append(f'<{tag} class="{_q(item.role)}" points="{points}"{_paint(item.stroke, item.fill, item.width)}'
                       f'{join}{_data(item.data)}/>')
        elif isinstance(item, Text):
            extra = ' font-weight="bold"' if item.bold else ""
            if item.anchor != "start":
                extra += f' text-anchor="{_q(item.anchor)}"'
            if item.fill != BLACK:
                extra += f' fill="{_q(item.fill)}"'
            if item.underline:
                extra += ' text-decoration="underline"'
            out.append(f'<text class="{_q(item.role)}" x="{_n(item.x)}" y="{_n(item.y)}" '
                       f'font-size="{item.size * fonts.MM_PER_PT:.3f}"{extra}{_data(item.data)}>{_q(item.text)}</text>')
        elif isinstance(item, Image):
            png = base64.b64encode(item.png).decode("ascii")
            out.append(f'<image class="{_q(item.role)}" x="{_n(item.x)}" y="{_n(item.y)}" width="{_n(item.w)}" '
                       f'height="{_n(item.h)}" preserveAspectRatio="none" href="data:image/png;base64,{png}"/>')
    out.append("</g>")


def _close_svg(out: list[str], title: str) -> bytes:
    if title:
        out.insert(2, f"<title>{_q(title)}</title>")
    out.append("</svg>")
    return "".join(out).encode("utf-8")


def svg_document(pages: list[Page], paper: str, title: str = "") -> bytes:
    """Every page in one SVG document, stacked top to bottom."""
    width = max(page.width for page in pages)
    height = sum(page.height for page in pages) + PAGE_GAP * (len(pages) - 1)
    out = _root(width, height, len(pages), paper)
    offset = 0.0
    for number, page in enumerate(pages, 1):
        _draw_page(out, page, number, offset)
        offset += page.height + PAGE_GAP
    return _close_svg(out, title)


def svg_page(page: Page, number: int, pages: int, paper: str, title: str = "") -> bytes:
    """One page as an SVG document of its own."""
    out = _root(page.width, page.height, pages, paper)
    _draw_page(out, page, number, 0.0)
    return _close_svg(out, title)
