"""The official SOP document: identity sheet, then flowchart sheets, in SVG, PDF or PNG.

:func:`render` is the one call the CLI and the web UI use. Formats:

- ``svg``: one SVG document holding every page, stacked top to bottom (each page a
  ``<g class="page">`` of the paper's size); :func:`render_pages` gives one SVG per page.
- ``pdf``: one PDF, one page per sheet, at the paper's size, text embedded (selectable).
- ``png``: one image of every page stacked top to bottom with a grey gap (``dpi`` sets the
  resolution); :func:`render_pages` gives one PNG per page.
"""

from __future__ import annotations

import dataclasses
import os
from collections.abc import Iterable
from pathlib import Path

from engine.errors import RenderError
from engine.sop.model import Sop
from engine.runtime.trace import TraceEntry, TraceInstance, check_trace
from engine.sop.worktime import WorkCalendar
from engine.render import fonts, style, words
from engine.render.canvas import Page, Text
from engine.render.flowchart import flowchart_pages
from engine.render.identity import identity_pages
from engine.render.instance import instance_pages
from engine.render.output import pdf_bytes, png_bytes
from engine.render.overlay import Overlay, build_overlay
from engine.render.svg import svg_document, svg_page

FORMATS = ("svg", "pdf", "png")
_CAPTION_SIZES = (9.0, 8.5, 8.0)
_FOOTER_SIZE = 7.0
_LEGEND_SIZE = 7.0


def _logo_bytes(logo: bytes | str | os.PathLike[str] | None) -> bytes | None:
    if logo is None or isinstance(logo, bytes):
        return logo
    try:
        return Path(logo).read_bytes()
    except OSError as exc:
        raise RenderError(f"Berkas logo {logo} tidak dapat dibaca ({exc.strerror or exc}).") from exc


def _fit(text: str, width: float, size: float, bold: bool) -> str:
    """``text`` shortened with an ellipsis until it is at most ``width`` mm wide."""
    if fonts.text_width(text, size, bold) <= width:
        return text
    words_ = text.split()
    while words_ and fonts.text_width(" ".join(words_) + " …", size, bold) > width:
        words_.pop()
    return " ".join(words_) + " …" if words_ else ""


def _caption(page: Page, sop: Sop, paper: style.Paper) -> None:
    name = sop.identity.nama.strip() or sop.process_id or "SOP"
    nomor = sop.identity.nomor.strip()
    right = f"{nomor}" if nomor else ""
    baseline = style.MARGIN_TOP + style.CAPTION - 2.0
    for size in _CAPTION_SIZES:
        room = paper.inner_width - fonts.text_width(right, size, False) - 6.0
        if fonts.text_width(name, size, True) <= room or size == _CAPTION_SIZES[-1]:
            break
    page.add(Text(style.MARGIN_LEFT, baseline, _fit(name, room, size, True), size, "caption", bold=True))
    if right:
        page.add(Text(paper.width - style.MARGIN_RIGHT, baseline, right, size, "caption", anchor="end"))


def _footer(page: Page, number: int, total: int, lang: str, legend: str) -> None:
    baseline = page.height - style.MARGIN_BOTTOM - 1.0
    text = words.text("page", lang, page=number, pages=total)
    page.add(Text(page.width - style.MARGIN_RIGHT, baseline, text, _FOOTER_SIZE, "footer", anchor="end"))
    if legend and page.kind == "flowchart":
        room = page.width - style.MARGIN_LEFT - style.MARGIN_RIGHT - fonts.text_width(text, _FOOTER_SIZE) - 6.0
        page.add(Text(style.MARGIN_LEFT, baseline, _fit(legend, room, _LEGEND_SIZE, False), _LEGEND_SIZE,
                      "legend"))


def _with_every_actor(sop: Sop) -> Sop:
    """``sop`` with a column for every actor its steps name (an unchecked model may name one that
    is not listed, or none: that one is printed as "-")."""
    actors = list(sop.actors)
    steps = []
    for step in sop.steps:
        name = step.actor.strip() or "-"
        if name not in actors:
            actors.append(name)
        steps.append(step if name == step.actor else dataclasses.replace(step, actor=name))
    if actors == sop.actors and all(a is b for a, b in zip(steps, sop.steps)):
        return sop
    return dataclasses.replace(sop, actors=actors, steps=steps)


def _inferred(sop: Sop, entries: list[TraceEntry]) -> TraceInstance:
    """The instance of a trace given without one: completed when its last run ended the SOP."""
    ends = {step.id for step in sop.steps if step.kind.value == "end"}
    done = bool(entries) and all(entry.end is not None for entry in entries) and entries[-1].step_id in ends
    return TraceInstance(status="completed" if done else "running", started=entries[0].start if entries else None,
                         finished=entries[-1].end if done else None)


def document_pages(sop: Sop, trace: Iterable[TraceEntry] | None = None, paper: str = "a4", lang: str = "id",
                   calendar: WorkCalendar | None = None,
                   logo: bytes | str | os.PathLike[str] | None = None,
                   instance: TraceInstance | None = None) -> list[Page]:
    """Lay out and draw every page of the document (identity sheet first; with a trace, its
    instance sheet next).

    :raises RenderError: for an unknown paper or language, an unreadable logo, or a table that
        cannot fit the paper.
    :raises AlurError: for a trace that does not fit the SOP.
    """
    sheet = style.paper(paper)
    words.check_lang(lang)
    if not sop.steps:
        raise RenderError("SOP belum memiliki langkah; tidak ada bagan alir untuk digambar.")
    entries = check_trace(sop, trace) if trace is not None else None
    if entries is not None and instance is None:
        instance = _inferred(sop, entries)
    calendar = calendar or WorkCalendar()
    overlay: Overlay | None = build_overlay(sop, entries, calendar, lang, instance) if entries is not None else None
    sop = _with_every_actor(sop)
    pages = identity_pages(sop.identity, sheet, lang, _logo_bytes(logo))
    if entries is not None and instance is not None:
        pages += instance_pages(sop, entries, instance, sheet, lang, calendar)
    flow = flowchart_pages(sop, sheet, lang, overlay)
    for page in flow:
        _caption(page, sop, sheet)
    pages += flow
    legend = words.text("legend", lang) if overlay is not None else ""
    for number, page in enumerate(pages, 1):
        _footer(page, number, len(pages), lang, legend)
    return pages


def title(sop: Sop) -> str:
    """The document title: nomor and nama."""
    return " - ".join(part for part in (sop.identity.nomor.strip(), sop.identity.nama.strip()) if part)


def render(sop: Sop, trace: Iterable[TraceEntry] | None = None, *, paper: str = "a4", lang: str = "id",
           fmt: str = "svg", calendar: WorkCalendar | None = None,
           logo: bytes | str | os.PathLike[str] | None = None, dpi: float = 150.0,
           instance: TraceInstance | None = None) -> bytes:
    """The official SOP document of ``sop`` as SVG, PDF or PNG bytes.

    :param trace: the steps one instance ran; draws the executed path and actual working times.
    :param paper: "a4" or "f4" (landscape).
    :param lang: "id" or "en" for every printed text that is not a regulation label.
    :param fmt: "svg" (all pages stacked in one SVG), "pdf" (multi-page) or "png" (all pages
        stacked in one image).
    :param calendar: office hours and holidays for actual working time (default Asia/Jakarta).
    :param logo: a PNG (bytes or path) for the identity sheet's logo cell.
    :param dpi: resolution of a PNG.
    :param instance: with a trace: the instance's numbers, version, status (a cancelled or
        suspended instance is drawn as such) and reason, for the instance sheet; without it the
        sheet infers "completed" or "running" from the trace.
    :raises RenderError: for an unknown format, paper or language, a bad logo, a table that does
        not fit, or a missing font or cairo library.
    """
    check_format(fmt)
    return encode(document_pages(sop, trace, paper, lang, calendar, logo, instance), fmt, paper, title(sop), dpi)


def check_format(fmt: str) -> str:
    """``fmt`` when it is svg, pdf or png.

    :raises RenderError: otherwise.
    """
    if fmt not in FORMATS:
        raise RenderError(f"Format '{fmt}' tidak dikenal; gunakan svg, pdf atau png.")
    return fmt


def encode(pages: list[Page], fmt: str, paper: str = "a4", title: str = "", dpi: float = 150.0) -> bytes:
    """Drawn pages as one SVG, PDF or PNG document (see :func:`render`)."""
    if check_format(fmt) == "pdf":
        return pdf_bytes(pages, title)
    if fmt == "png":
        return png_bytes(pages, dpi)
    return svg_document(pages, paper.lower(), title)


def render_pages(sop: Sop, trace: Iterable[TraceEntry] | None = None, *, paper: str = "a4", lang: str = "id",
                 fmt: str = "svg", calendar: WorkCalendar | None = None,
                 logo: bytes | str | os.PathLike[str] | None = None, dpi: float = 150.0,
                 instance: TraceInstance | None = None) -> list[bytes]:
    """Like :func:`render`, one SVG or PNG document per page.

    :raises RenderError: as :func:`render`; also for ``fmt="pdf"`` (a PDF is already paged).
    """
    if fmt not in ("svg", "png"):
        raise RenderError(f"Format per halaman '{fmt}' tidak dikenal; gunakan svg atau png.")
    pages = document_pages(sop, trace, paper, lang, calendar, logo, instance)
    if fmt == "png":
        return [png_bytes([page], dpi) for page in pages]
    return [svg_page(page, number, len(pages), paper.lower(), title(sop)) for number, page in enumerate(pages, 1)]
