"""The editor's live preview: only the flowchart pages of the official document, as SVG.

The identity sheet does not change while a modeler types in the table, so the preview leaves it out;
the flowchart pages are drawn exactly as in :func:`engine.render.document.render`. The last few
drawings are kept by what the flowchart shows (the rows, the pelaksana, the name and nomor of the
caption), so an edit elsewhere (case fields, routing, identity lists) or an undo back to an earlier
table answers without drawing again.
"""

from __future__ import annotations

import hashlib
import threading
from collections import OrderedDict

from engine.errors import RenderError
from engine.render import style, words
from engine.render.document import _caption, _footer, _with_every_actor, encode, title
from engine.render.flowchart import flowchart_pages
from engine.sop.model import Sop


_KEPT = 16
_drawings: OrderedDict[str, bytes] = OrderedDict()
_lock = threading.Lock()


def _drawn_from(sop: Sop, lang: str) -> str:
    """What the flowchart pages show, as a digest."""
    identity = sop.identity
    shown = repr((lang, sop.process_id, identity.nama, identity.nomor, identity.unit, identity.pemerintah,
                  tuple(sop.actors), tuple(sop.steps)))
    return hashlib.sha256(shown.encode("utf-8")).hexdigest()


def flowchart_preview(sop: Sop, lang: str = "id") -> bytes:
    """The flowchart pages of ``sop``'s official document as one SVG.

    :raises RenderError: an SOP without steps, an unknown language, or a table that cannot fit the paper.
    """
    key = _drawn_from(sop, lang)
    with _lock:
        if key in _drawings:
            _drawings.move_to_end(key)
            return _drawings[key]
    drawn_svg = _draw(sop, lang)
    with _lock:
        _drawings[key] = drawn_svg
        while len(_drawings) > _KEPT:
            _drawings.popitem(last=False)
    return drawn_svg


def _draw(sop: Sop, lang: str) -> bytes:
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
