"""Paint drawn pages with cairo: a multi-page PDF, or PNG images.

The very items the SVG is written from are painted here (no SVG round trip), with cairo's own text
(the PDF embeds a subset of Liberation Sans, so its text can be selected and searched). Font
hinting of metrics is off, so glyph advances are exactly the font's, as :mod:`fonts` measures
them; before drawing, a sample is measured through cairo to make sure fontconfig resolved the
family to the same font file.
"""

from __future__ import annotations

import io
import math
from collections.abc import Iterator
from contextlib import contextmanager
from functools import lru_cache
from typing import Any

from engine.errors import RenderError
from engine.render import fonts
from engine.render.canvas import Image, Page, Path, Rect, Text

_PT_PER_MM = 72 / 25.4
#: Vertical gap between stacked pages in a PNG (mm) and its colour.
PNG_GAP = 6.0
_GAP_RGB = (0.75, 0.75, 0.75)
_SAMPLE = "Pengadministrasi Perkantoran dan Kepegawaian 0123456789"


@contextmanager
def cairo_errors() -> Iterator[Any]:
    """Import cairocffi and turn its failures into :class:`RenderError`.

    :raises RenderError: when the cairo library is missing or fails while drawing.
    """
    try:
        import cairocffi
    except (ImportError, OSError) as exc:
        raise RenderError("Pustaka cairo tidak ditemukan; pasang paket libcairo2 (Debian/Ubuntu) dan "
                          "paket Python cairocffi untuk membuat PDF dan PNG.") from exc
    try:
        yield cairocffi
    except (cairocffi.CairoError, MemoryError) as exc:
        raise RenderError("Cairo gagal menggambar dokumen SOP.") from exc


def _rgb(colour: str) -> tuple[float, float, float]:
    value = colour.lstrip("#")
    return (int(value[0:2], 16) / 255, int(value[2:4], 16) / 255, int(value[4:6], 16) / 255)


def _font_options(cairo: Any) -> Any:
    options = cairo.FontOptions()
    options.set_hint_metrics(cairo.HINT_METRICS_OFF)
    options.set_hint_style(cairo.HINT_STYLE_NONE)
    return options


@lru_cache(maxsize=1)
def _check_font() -> None:
    """Make sure cairo draws the font that :mod:`fonts` measures.

    :raises RenderError: when fontconfig gives another face for Liberation Sans.
    """
    with cairo_errors() as cairo:
        surface = cairo.PDFSurface(None, 100, 100)
        context = cairo.Context(surface)
        context.set_font_options(_font_options(cairo))
        for bold in (False, True):
            weight = cairo.FONT_WEIGHT_BOLD if bold else cairo.FONT_WEIGHT_NORMAL
            context.select_font_face(fonts.FAMILY, cairo.FONT_SLANT_NORMAL, weight)
            context.set_font_size(10 * fonts.MM_PER_PT)
            drawn = context.text_extents(_SAMPLE)[4]
            measured = fonts.text_width(_SAMPLE, 10, bold)
            if abs(drawn - measured) > 0.005 * measured:
                raise RenderError(f"Sistem huruf (fontconfig) tidak memakai {fonts.FAMILY} untuk PDF/PNG; pasang "
                                  f"paket fonts-liberation2.")
        surface.finish()


def _paint_page(cairo: Any, context: Any, page: Page) -> None:
    context.set_source_rgb(1, 1, 1)
    context.rectangle(0, 0, page.width, page.height)
    context.fill()
    context.set_line_join(cairo.LINE_JOIN_MITER)
    context.set_font_options(_font_options(cairo))
    for item in page.items:
        if isinstance(item, Rect):
            _shape(context, item.stroke, item.fill, item.width, lambda: _rect_path(context, item))
        elif isinstance(item, Path):
            def trace(points: list[tuple[float, float]] = item.points, closed: bool = item.closed) -> None:
                context.move_to(*points[0])
                for point in points[1:]:
                    context.line_to(*point)
                if closed:
                    context.close_path()
            _shape(context, item.stroke, item.fill, item.width, trace)
        elif isinstance(item, Text):
            _text(cairo, context, item)
        elif isinstance(item, Image):
            _image(cairo, context, item)


def _rect_path(context: Any, rect: Rect) -> None:
    if not rect.rx:
        context.rectangle(rect.x, rect.y, rect.w, rect.h)
        return
    r = min(rect.rx, rect.w / 2, rect.h / 2)
    x0, y0, x1, y1 = rect.x, rect.y, rect.x + rect.w, rect.y + rect.h
    context.new_sub_path()
    context.arc(x1 - r, y0 + r, r, -math.pi / 2, 0)
    context.arc(x1 - r, y1 - r, r, 0, math.pi / 2)
    context.arc(x0 + r, y1 - r, r, math.pi / 2, math.pi)
    context.arc(x0 + r, y0 + r, r, math.pi, 3 * math.pi / 2)
    context.close_path()


def _shape(context: Any, stroke: str | None, fill: str | None, width: float, trace: Any) -> None:
    context.new_path()
    trace()
    if fill:
        context.set_source_rgb(*_rgb(fill))
        if stroke:
            context.fill_preserve()
        else:
            context.fill()
    if stroke:
        context.set_source_rgb(*_rgb(stroke))
        context.set_line_width(width)
        context.stroke()
    context.new_path()


def _text(cairo: Any, context: Any, item: Text) -> None:
    weight = cairo.FONT_WEIGHT_BOLD if item.bold else cairo.FONT_WEIGHT_NORMAL
    context.select_font_face(fonts.FAMILY, cairo.FONT_SLANT_NORMAL, weight)
    size = item.size * fonts.MM_PER_PT
    context.set_font_size(size)
    width = fonts.text_width(item.text, item.size, item.bold)
    x = item.x - (width / 2 if item.anchor == "middle" else width if item.anchor == "end" else 0.0)
    context.set_source_rgb(*_rgb(item.fill))
    context.move_to(x, item.y)
    context.show_text(item.text)
    if item.underline:
        context.set_line_width(size * 0.073)
        context.move_to(x, item.y + size * 0.106)
        context.line_to(x + width, item.y + size * 0.106)
        context.stroke()
    context.new_path()


def _image(cairo: Any, context: Any, item: Image) -> None:
    picture = cairo.ImageSurface.create_from_png(io.BytesIO(item.png))
    context.save()
    context.translate(item.x, item.y)
    context.scale(item.w / picture.get_width(), item.h / picture.get_height())
    context.set_source_surface(picture, 0, 0)
    context.paint()
    context.restore()


def pdf_bytes(pages: list[Page], title: str = "") -> bytes:
    """A PDF with one page per drawn page, at the paper's size."""
    _check_font()
    with cairo_errors() as cairo:
        stream = io.BytesIO()
        first = pages[0]
        surface = cairo.PDFSurface(stream, first.width * _PT_PER_MM, first.height * _PT_PER_MM)
        if title:
            surface.set_metadata(cairo.PDF_METADATA_TITLE, title)
        surface.set_metadata(cairo.PDF_METADATA_CREATOR, "Alur")
        context = cairo.Context(surface)
        context.scale(_PT_PER_MM, _PT_PER_MM)
        for page in pages:
            surface.set_size(page.width * _PT_PER_MM, page.height * _PT_PER_MM)
            _paint_page(cairo, context, page)
            context.show_page()
        surface.finish()
        return stream.getvalue()


def png_bytes(pages: list[Page], dpi: float = 150.0) -> bytes:
    """One PNG image of ``pages`` stacked top to bottom with a grey gap between them."""
    _check_font()
    if not 30 <= dpi <= 600:
        raise RenderError(f"Resolusi PNG {dpi} dpi di luar batas 30-600 dpi.")
    scale = dpi / 25.4
    width = max(page.width for page in pages)
    height = sum(page.height for page in pages) + PNG_GAP * (len(pages) - 1)
    with cairo_errors() as cairo:
        surface = cairo.ImageSurface(cairo.FORMAT_RGB24, math.ceil(width * scale), math.ceil(height * scale))
        context = cairo.Context(surface)
        context.set_source_rgb(*_GAP_RGB)
        context.paint()
        context.scale(scale, scale)
        offset = 0.0
        for page in pages:
            context.save()
            context.translate(0, offset)
            _paint_page(cairo, context, page)
            context.restore()
            offset += page.height + PNG_GAP
        stream = io.BytesIO()
        surface.write_to_png(stream)
        surface.finish()
        return stream.getvalue()
