"""Inline SVG from the engine's renderer (the XML declaration removed, so it can sit in HTML)."""

from __future__ import annotations

import re

from markupsafe import Markup, escape

_PROLOG = re.compile(rb"^\s*(<\?xml[^>]*\?>)?\s*(<!DOCTYPE[^>]*>)?\s*", re.S)
_ROOT = re.compile(r"<svg\b")


def inline(svg: bytes, label: str = "") -> Markup:
    """The SVG document as markup (the engine escapes every text it writes).

    :param label: what the picture shows, for people who cannot see it: the root becomes
        ``role="img"`` with this ``aria-label`` (a flowchart or a chart is one image to a screen reader).
    """
    text = _PROLOG.sub(b"", svg, count=1).decode("utf-8")
    if label:
        text = _ROOT.sub(f'<svg role="img" aria-label="{escape(label)}"', text, count=1)
    return Markup(text)  # noqa: S704 - engine-built SVG, the label escaped
