"""Text inside table cells: paragraphs and numbered lists wrapped to a width, then placed.

Wrapping only ever breaks between words (:func:`engine.render.fonts.wrap`); columns are sized so
the widest word fits (:func:`min_width`).
"""

from __future__ import annotations

from dataclasses import dataclass, field

from engine.render import fonts
from engine.render.canvas import BLACK, Page, Text

#: Gap between a list number ("1.") and its text.
_NUMBER_GAP = 1.0


@dataclass
class Para:
    """A paragraph; with ``prefix`` ("1.") it is a list item with a hanging indent."""

    text: str
    bold: bool = False
    fill: str = BLACK
    prefix: str = ""
    underline: bool = False
    #: Type size in points; ``None`` takes the block's size.
    size: float | None = None
    data: dict[str, str] = field(default_factory=dict)


@dataclass
class Fragment:
    """A piece of text on one baseline of a block."""

    text: str
    dx: float
    line: int
    size: float
    para: Para


@dataclass
class Block:
    """Wrapped text: fragments on numbered baselines, and the block's size."""

    fragments: list[Fragment]
    line_sizes: list[float]
    width: float

    @property
    def height(self) -> float:
        """From the top of the first line to the bottom of the last."""
        return sum(fonts.line_height(size) for size in self.line_sizes)


def numbered(items: list[str], fill: str = BLACK) -> list[Para]:
    """A numbered list ("1.", "2.", ...); a single item is printed without a number."""
    if len(items) == 1:
        return [Para(items[0], fill=fill)]
    return [Para(item, prefix=f"{index}.", fill=fill) for index, item in enumerate(items, 1)]


def _indent(paras: list[Para], size: float) -> float:
    widths = [fonts.text_width(p.prefix, p.size or size, p.bold) for p in paras if p.prefix]
    return max(widths) + _NUMBER_GAP if widths else 0.0


def min_width(paras: list[Para], size: float) -> float:
    """The narrowest width at which no word of ``paras`` has to be broken."""
    indent = _indent(paras, size)
    return max((fonts.longest_word(p.text, p.size or size, p.bold) + (indent if p.prefix else 0.0)
                for p in paras), default=0.0)


def natural_width(paras: list[Para], size: float) -> float:
    """The width of the longest paragraph set on one line."""
    indent = _indent(paras, size)
    return max((fonts.text_width(" ".join(fonts.words(p.text)), p.size or size, p.bold)
                + (indent if p.prefix else 0.0) for p in paras), default=0.0)


def layout(paras: list[Para], width: float, size: float) -> Block:
    """Wrap ``paras`` into ``width`` millimetres."""
    indent = _indent(paras, size)
    fragments: list[Fragment] = []
    line_sizes: list[float] = []
    for para in paras:
        para_size = para.size or size
        offset = indent if para.prefix else 0.0
        lines = fonts.wrap(para.text, width - offset, para_size, para.bold) or ([""] if para.prefix else [])
        for number, line in enumerate(lines):
            index = len(line_sizes)
            line_sizes.append(para_size)
            if number == 0 and para.prefix:
                fragments.append(Fragment(para.prefix, 0.0, index, para_size, para))
            if line:
                fragments.append(Fragment(line, offset, index, para_size, para))
    return Block(fragments, line_sizes, width)


def split(block: Block, height: float) -> tuple[Block, Block]:
    """Cut ``block`` between lines: the lines that fit in ``height`` mm, and the rest."""
    used = 0.0
    cut = 0
    for size in block.line_sizes:
        if used + fonts.line_height(size) > height + 1e-9:
            break
        used += fonts.line_height(size)
        cut += 1
    if cut < len(block.line_sizes):
        # rather end with a whole list item when that loses only a few lines
        starts = [f.line for f in block.fragments if f.para.prefix and f.text == f.para.prefix and 0 < f.line <= cut]
        if starts and cut - max(starts) <= 4:
            cut = max(starts)
    head = Block([f for f in block.fragments if f.line < cut], block.line_sizes[:cut], block.width)
    tail = Block([Fragment(f.text, f.dx, f.line - cut, f.size, f.para) for f in block.fragments if f.line >= cut],
                 block.line_sizes[cut:], block.width)
    return head, tail


def place(page: Page, block: Block, x: float, y: float, w: float, h: float, role: str,
          align: str = "start", valign: str = "middle", pad_x: float = 0.0, pad_y: float = 0.0,
          data: dict[str, str] | None = None) -> None:
    """Draw ``block`` inside the box ``(x, y, w, h)`` with the given alignment and padding."""
    inner_top = y + pad_y
    inner_height = h - 2 * pad_y
    if valign == "middle":
        top = inner_top + (inner_height - block.height) / 2
    elif valign == "bottom":
        top = inner_top + inner_height - block.height
    else:
        top = inner_top
    baselines: list[float] = []
    cursor = top
    for size in block.line_sizes:
        height = fonts.line_height(size)
        # centre the glyph box (ascent + descent) inside the line box
        baselines.append(cursor + (height - (fonts.ascent(size) + fonts.descent(size))) / 2 + fonts.ascent(size))
        cursor += height
    for fragment in block.fragments:
        para = fragment.para
        if align == "middle":
            tx, anchor = x + w / 2, "middle"
        elif align == "end":
            tx, anchor = x + w - pad_x, "end"
        else:
            tx, anchor = x + pad_x + fragment.dx, "start"
        page.add(Text(tx, baselines[fragment.line], fragment.text.replace("\u00a0", " "), fragment.size, role,
                      bold=para.bold,
                      anchor=anchor, fill=para.fill, underline=para.underline,
                      data={**(data or {}), **para.data}))
