"""The official SOP document (identity sheet + flowchart sheets) as SVG, PDF or PNG.

Pure layout (:mod:`.table`, :mod:`.route`, :mod:`.labels`, :mod:`.identity`, :mod:`.flowchart`)
draws into a list of primitives (:mod:`.canvas`); :mod:`.svg` writes them with lxml and
:mod:`.output` paints the same primitives with cairo for PDF and PNG.
"""

from __future__ import annotations

from engine.render.document import render as render
from engine.render.document import render_pages as render_pages

__all__ = ["render", "render_pages"]
