"""Inline SVG from the engine's renderer (the XML declaration removed, so it can sit in HTML)."""

from __future__ import annotations

import re

from markupsafe import Markup

_PROLOG = re.compile(rb"^\s*(<\?xml[^>]*\?>)?\s*(<!DOCTYPE[^>]*>)?\s*", re.S)


def inline(svg: bytes) -> Markup:
    """The SVG document as markup (the engine escapes every text it writes)."""
    return Markup(_PROLOG.sub(b"", svg, count=1).decode("utf-8"))  # noqa: S704 - engine-built SVG
