"""The document's font: where its files are, how wide text is, and line wrapping.

Every page uses Liberation Sans (regular and bold; metric-compatible with Arial, the usual face of
Indonesian government documents), installed by the system's font package (Debian
``fonts-liberation2`` or ``fonts-liberation``). Widths come from the font file's own advance widths
(via fontTools), which is exactly what cairo draws in the PDF and PNG (no kerning, no hinted
metrics) and what a browser draws in the SVG with Liberation Sans or Arial. Sizes are in points;
lengths returned are in millimetres.
"""

from __future__ import annotations

import os
import re
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

from engine.errors import RenderError

#: The family name written into the SVG and asked of cairo/fontconfig.
FAMILY = "Liberation Sans"
#: The SVG ``font-family`` list: Arial has the same metrics, so a browser without Liberation Sans
#: lays text out identically.
SVG_FAMILY = "'Liberation Sans', Arial, Helvetica, sans-serif"
#: Millimetres per typographic point.
MM_PER_PT = 25.4 / 72
#: Ascent and descent (font units per em) used for text boxes: OS/2 win metrics of Liberation Sans.
ASCENT = 0.905
DESCENT = 0.212
#: Baseline-to-baseline distance as a multiple of the font size.
LINE_FACTOR = 1.17

_FILES = {False: "LiberationSans-Regular.ttf", True: "LiberationSans-Bold.ttf"}
_SEARCH = (
    "/usr/share/fonts/truetype/liberation2",
    "/usr/share/fonts/truetype/liberation",
    "/usr/share/fonts/liberation-sans",
    "/usr/share/fonts/liberation",
    "/usr/local/share/fonts",
    "/Library/Fonts",
)


def font_path(bold: bool = False) -> Path:
    """The TTF file of the regular or bold face.

    ``$ALUR_FONT_DIR`` is searched first, then the usual system folders.

    :raises RenderError: when the font is not installed.
    """
    folders = [os.environ["ALUR_FONT_DIR"]] if os.environ.get("ALUR_FONT_DIR") else []
    folders += [*_SEARCH, str(Path.home() / ".fonts"), str(Path.home() / ".local/share/fonts")]
    for folder in folders:
        candidate = Path(folder) / _FILES[bold]
        if candidate.is_file():
            return candidate
    raise RenderError(f"Huruf {FAMILY} ({_FILES[bold]}) tidak ditemukan; pasang paket fonts-liberation2 "
                      f"(Debian/Ubuntu) atau tetapkan ALUR_FONT_DIR ke folder berkas TTF-nya.")


@dataclass(frozen=True)
class _Face:
    """Advance widths of one face in em units."""

    widths: dict[str, float]
    fallback: float


@lru_cache(maxsize=2)
def _face(bold: bool) -> _Face:
    from fontTools.ttLib import TTFont, TTLibError

    path = font_path(bold)
    try:
        with TTFont(str(path), lazy=True) as font:
            per_em = float(font["head"].unitsPerEm)
            metrics = dict(font["hmtx"].metrics)
            cmap = dict(font.getBestCmap())
    except (OSError, TTLibError, KeyError) as exc:
        raise RenderError(f"Berkas huruf {path} tidak dapat dibaca.") from exc
    widths = {chr(code): metrics[glyph][0] / per_em for code, glyph in cmap.items() if glyph in metrics}
    fallback = metrics[".notdef"][0] / per_em if ".notdef" in metrics else 0.6
    return _Face(widths, fallback)


@lru_cache(maxsize=65536)
def _em_width(text: str, bold: bool) -> float:
    face = _face(bold)
    widths, fallback = face.widths, face.fallback
    return sum(widths.get(char, fallback) for char in text)


def text_width(text: str, size: float, bold: bool = False) -> float:
    """Width in millimetres of ``text`` set in ``size`` points."""
    return _em_width(text, bold) * size * MM_PER_PT


def line_height(size: float) -> float:
    """Baseline-to-baseline distance in millimetres for ``size`` points."""
    return size * MM_PER_PT * LINE_FACTOR


def ascent(size: float) -> float:
    """Height above the baseline in millimetres."""
    return size * MM_PER_PT * ASCENT


def descent(size: float) -> float:
    """Depth below the baseline in millimetres."""
    return size * MM_PER_PT * DESCENT


#: A "word" wider than this (a URL, a long file name) does not widen its column any further; it
#: is the only thing ever broken inside, after a "/", "-", "_" or "." where possible.
LONGEST_WORD = 40.0


def longest_word(text: str, size: float, bold: bool = False) -> float:
    """Width of the widest word (at most :data:`LONGEST_WORD`): the narrowest a column holding
    ``text`` may be."""
    return min(LONGEST_WORD, max((text_width(word, size, bold) for word in words(text)), default=0.0))


#: The hyphen (U+2010) that ends a piece of a word cut to fit a column; distinct from a "-" in the text.
HYPHEN = "\u2010"

#: What separates words: white space except the no-break space that keeps "15 menit" together.
_BREAK = re.compile(r"[^\S\u00a0]+")


def words(text: str) -> list[str]:
    """The words of ``text``: split at white space, never at a no-break space."""
    return [word for word in _BREAK.split(text) if word]


def _pieces(word: str, width: float, size: float, bold: bool) -> list[str]:
    """Cut a word wider than ``width`` into pieces that fit: after a separator where possible, else
    with a hyphen at the end of the piece."""
    pieces: list[str] = []
    while text_width(word, size, bold) > width and len(word) > 1:
        fits = 1
        while fits < len(word) and text_width(word[:fits + 1], size, bold) <= width:
            fits += 1
        cut = max((i + 1 for i, char in enumerate(word[:fits]) if char in "/-_."), default=0)
        if cut:
            pieces.append(word[:cut])
        else:
            cut = max(1, fits - 1)
            while cut > 1 and text_width(word[:cut] + HYPHEN, size, bold) > width:
                cut -= 1
            pieces.append(word[:cut] + HYPHEN)
        word = word[cut:]
    return pieces + [word]


def wrap(text: str, width: float, size: float, bold: bool = False) -> list[str]:
    """Break ``text`` into lines no wider than ``width`` mm, only between words.

    Columns are sized by :func:`longest_word`, so a word is only ever cut when it is wider than
    :data:`LONGEST_WORD` (a URL): then after a separator where possible. Explicit newlines are kept.

    :return: the lines; ``[]`` for blank text.
    """
    lines: list[str] = []
    space = text_width(" ", size, bold)
    for paragraph in text.splitlines():
        current: list[str] = []
        current_width = 0.0
        pieces = [piece for word in words(paragraph) for piece in
                  (_pieces(word, width, size, bold) if text_width(word, size, bold) > width else [word])]
        for word in pieces:
            word_width = text_width(word, size, bold)
            if current and current_width + space + word_width > width:
                lines.append(" ".join(current))
                current, current_width = [word], word_width
            else:
                current_width += (space if current else 0.0) + word_width
                current.append(word)
        if current:
            lines.append(" ".join(current))
    return lines
