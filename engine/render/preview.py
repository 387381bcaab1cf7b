"""The editor's live preview: only the flowchart pages of the official document, as SVG.

The identity sheet does not change while a modeler types in the table, so the preview leaves it out;
the flowchart pages are drawn exactly as in :func:`engine.render.document.render`.
"""

from __future__ import annotations

from engine.errors import RenderError
from engine.render import style, words
from engine.render.document import _caption, _footer, _with_every_actor, encode, title
from engine.render.flowchart import flowchart_pages
from engine.sop.model import Sop


def flowchart_preview(sop: Sop, lang: str = "id") -> bytes:
    """The flowchart pages of ``sop``'s official document as one SVG.

    :raises RenderError: an SOP without steps, an unknown language, or a table that cannot fit the paper.
    """
    sheet = style.paper("a4")
    words.check_lang(lang)
    if not sop.steps:
        raise RenderError("SOP belum memiliki langkah; tidak ada bagan alir untuk digambar.")
    drawn = _with_every_actor(sop)
    pages = flowchart_pages(drawn, sheet, lang, None)
    for number, page in enumerate(pages, 1):
        _caption(page, drawn, sheet)
        _footer(page, number, len(pages), lang, "")
    return encode(pages, "svg", "a4", title(drawn))
