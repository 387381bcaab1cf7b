"""The flowchart table: columns sized to their content, rows measured, rows split into pages.

Columns follow the regulation (NO | KEGIATAN | one column per pelaksana | KELENGKAPAN | WAKTU |
OUTPUT | KETERANGAN). Each column is at least as wide as its widest word (so nothing is broken
mid-word) and an actor column also leaves room for a symbol and routing tracks beside it. When the
columns do not fit the page at one type size, the next smaller size is tried. A row is as tall as
its tallest cell or its symbol with the bands above and below; pages take rows while their measured
height fits, reserving a connector strip at the top of a row an arrow enters from another page and
at the bottom of a row arrows leave for another page.
"""

from __future__ import annotations

import re

from collections import Counter
from dataclasses import dataclass, field

from engine.errors import RenderError
from engine.sop.model import Sop, StepKind
from engine.render import cells, fonts, structure, style
from engine.render.cells import Block, Para
from engine.render.events_text import event_remarks
from engine.render.overlay import Overlay
from engine.render.words import LABELS

#: Text columns after the actors: key, preferred width cap (mm).
_MUTU = (("kelengkapan", 42.0), ("waktu", 24.0), ("output", 36.0))
_KEGIATAN_CAP = 66.0
_KETERANGAN_CAP = 34.0
#: An actor column is comfortable at this width (symbol plus two tracks each side).
_ACTOR_COMFORT = 21.0
_ACTOR_MAX = 42.0
#: The actor header may take this many lines before its column widens.
_ACTOR_HEADER_LINES = 3


@dataclass
class Column:
    """One column of the table; ``key`` is "no", "kegiatan", "actor:<index>", "kelengkapan", ..."""

    key: str
    title: str
    x: float = 0.0
    w: float = 0.0
    min_w: float = 0.0
    pref_w: float = 0.0
    nat_w: float = 0.0

    @property
    def center(self) -> float:
        """The x of the column's middle."""
        return self.x + self.w / 2


@dataclass
class Grid:
    """Measured columns, header and row contents at one type size."""

    size: float
    columns: list[Column]
    actors: list[Column]
    symbol_w: float
    header_top: float
    header_bottom: float
    header_blocks: dict[str, Block]
    cells: list[dict[str, Block]]
    row_heights: list[float]

    @property
    def label_size(self) -> float:
        """Type size of the Ya/Tidak labels and connector letters."""
        return max(7.0, self.size - 1.0)


@dataclass
class RowBox:
    """A row placed on a page: its top, height, and the connector strips inside it."""

    index: int
    y: float
    h: float
    top_strip: float = 0.0
    bottom_strip: float = 0.0
    #: Lines of connectors in each strip (more than one when they do not fit side by side).
    top_lines: int = 1
    bottom_lines: int = 1

    @property
    def symbol_y(self) -> float:
        """The y of the symbol's centre: the middle of the row without its strips."""
        return self.y + self.top_strip + (self.h - self.top_strip - self.bottom_strip) / 2


@dataclass
class PagePlan:
    """The rows of one flowchart page."""

    rows: list[RowBox] = field(default_factory=list)

    @property
    def first(self) -> int:
        """Index of the first step on the page."""
        return self.rows[0].index

    @property
    def last(self) -> int:
        """Index of the last step on the page."""
        return self.rows[-1].index


def symbol_height(kind: StepKind, width: float) -> float:
    """Height of the symbol of a step of ``kind`` at symbol width ``width``."""
    if kind is StepKind.DECISION:
        return width * style.DECISION_RATIO
    if kind in (StepKind.START, StepKind.END):
        return width * style.TERMINATOR_RATIO
    return width * style.PROCESS_RATIO


def row_numbers(sop: Sop) -> list[str]:
    """The NO of each row: "1", "2", ... in row order; a step whose model gives its own number (a
    ``number`` such as "4.1", "4.2" for the rows of a nested sub-process) prints that one, and the
    count of the plain rows goes on around it."""
    numbers: list[str] = []
    count = 0
    for step in sop.steps:
        given = str(getattr(step, "number", "") or "").strip()
        if not given:
            count += 1
        numbers.append(given or str(count))
    return numbers


def step_cells(sop: Sop, overlay: Overlay | None, lang: str = "id") -> list[dict[str, list[Para]]]:
    """The text of every row, per column key."""
    rows: list[dict[str, list[Para]]] = []
    numbers = dict(zip((step.id for step in sop.steps), row_numbers(sop)))
    for number, step in zip(row_numbers(sop), sop.steps):
        waktu = [Para(_unbroken(step.duration.strip()) or "-")]
        keterangan = [Para(line) for line in event_remarks(sop, step, numbers, lang)]
        keterangan += [Para(step.remarks.strip())] if step.remarks.strip() else []
        note = structure.structure_note(sop, step, numbers, lang)  # "SOP Penerbitan KTP-el", "oleh setiap ..."
        if note:
            keterangan.append(Para(note))
        if overlay is not None:
            waktu += overlay.waktu.get(step.id, [])
            keterangan += overlay.keterangan.get(step.id, [])
        requirements = [item.strip() for item in step.requirements if item.strip()]
        rows.append({
            "no": [Para(number)],
            "kegiatan": [Para(structure.kegiatan_text(sop, step))],  # a sub-process's rows indented
            "kelengkapan": cells.numbered(requirements) if requirements else [],
            "waktu": waktu,
            "output": [Para(step.output.strip())] if step.output.strip() else [],
            "keterangan": keterangan,
        })
    return rows


def _header_lines_width(title: str, size: float, lines: int, low: float, high: float) -> float:
    """The narrowest width in ``[low, high]`` at which ``title`` wraps into ``lines`` lines or fewer."""
    if len(fonts.wrap(title, low, size, True)) <= lines:
        return low
    for _ in range(18):
        middle = (low + high) / 2
        if len(fonts.wrap(title, middle, size, True)) <= lines:
            high = middle
        else:
            low = middle
    return high


def _unbroken(waktu: str) -> str:
    """``waktu`` with a no-break space after each number, so "15 menit" never breaks."""
    return re.sub(r"(?<=\d) +(?=[^\d\s])", "\u00a0", waktu)


def _measure(sop: Sop, texts: list[dict[str, list[Para]]], size: float, head: float) -> list[Column]:
    pad = 2 * style.PAD_X
    columns = [Column("no", LABELS["no"]), Column("kegiatan", LABELS["kegiatan"])]
    columns += [Column(f"actor:{index}", name) for index, name in enumerate(sop.actors)]
    columns += [Column(key, LABELS[key]) for key, _ in _MUTU] + [Column("keterangan", LABELS["keterangan"])]
    caps = {"no": 0.0, "kegiatan": _KEGIATAN_CAP, "keterangan": _KETERANGAN_CAP, **dict(_MUTU)}
    symbol_room = style.SYMBOL_MIN + 2 * (style.SIDE_CLEAR + style.TRACK + style.BORDER_CLEAR)
    for column in columns:
        title = [Para(column.title, bold=True)]
        head_min = cells.min_width(title, head) + pad
        if column.key.startswith("actor:"):
            column.min_w = max(head_min, symbol_room)
            column.nat_w = cells.natural_width(title, head) + pad
            fitted = _header_lines_width(column.title, head, _ACTOR_HEADER_LINES, column.min_w - pad,
                                         max(column.nat_w, column.min_w)) + pad
            column.pref_w = max(column.min_w, _ACTOR_COMFORT, fitted)
            continue
        body = [para for row in texts for para in row[column.key]]
        column.min_w = max(head_min, cells.min_width(body, size) + pad)
        column.nat_w = max(column.min_w, cells.natural_width(body, size) + pad)
        column.pref_w = column.min_w if column.key == "no" else max(column.min_w, min(column.nat_w, caps[column.key]))
    return columns


def _distribute(columns: list[Column], available: float) -> None:
    """Set widths: preferred widths scaled into ``available``, or spare width handed out."""
    total_min = sum(c.min_w for c in columns)
    total_pref = sum(c.pref_w for c in columns)
    if total_pref >= available:
        share = (available - total_min) / (total_pref - total_min) if total_pref > total_min else 0.0
        for column in columns:
            column.w = column.min_w + (column.pref_w - column.min_w) * share
    else:
        for column in columns:
            column.w = column.pref_w
        spare = available - total_pref
        texts = [c for c in columns if c.key not in ("no",) and not c.key.startswith("actor:")]
        wanting = {c.key: max(0.0, c.nat_w - c.w) for c in texts}
        want = sum(wanting.values())
        if want > 0:
            given = min(spare, want)
            for column in texts:
                column.w += given * wanting[column.key] / want
            spare -= given
        actors = [c for c in columns if c.key.startswith("actor:")]
        if spare > 0 and actors:
            each = min(spare / len(actors), max(0.0, _ACTOR_MAX - min(c.w for c in actors)))
            for column in actors:
                column.w += each
            spare -= each * len(actors)
        if spare > 0:
            next(c for c in columns if c.key == "kegiatan").w += spare
    x = style.MARGIN_LEFT
    for column in columns:
        column.x = x
        x += column.w


def build_grid(sop: Sop, paper: style.Paper, overlay: Overlay | None, lang: str = "id") -> Grid:
    """Measure the table at the largest type size whose columns fit the paper's width.

    :raises RenderError: when even the smallest size does not fit (too many pelaksana for the
        paper).
    """
    texts = step_cells(sop, overlay, lang)
    sizes = [(body, head) for body in style.BODY_SIZES for head in style.HEAD_SIZES if head <= body]
    for size, head in sizes:
        columns = _measure(sop, texts, size, head)
        if sum(c.min_w for c in columns) <= paper.inner_width:
            break
    else:
        raise RenderError(f"Tabel dengan {len(sop.actors)} pelaksana tidak muat pada kertas {paper.name.upper()} "
                          f"mendatar; gunakan kertas F4, perpendek nama jabatan, atau kurangi jumlah pelaksana.")
    _distribute(columns, paper.inner_width)
    actors = [c for c in columns if c.key.startswith("actor:")]
    narrowest = min((c.w for c in actors), default=_ACTOR_COMFORT)
    room = narrowest - 2 * (style.SIDE_CLEAR + style.TRACK + style.BORDER_CLEAR)
    symbol_w = max(style.SYMBOL_MIN, min(style.SYMBOL_MAX, room, narrowest * style.SYMBOL_SHARE))
    pad = 2 * style.PAD_X
    header_blocks = {c.key: cells.layout([Para(c.title, bold=True)], c.w - pad, head) for c in columns}
    header_blocks["pelaksana"] = cells.layout([Para(LABELS["pelaksana"], bold=True)],
                                              sum(c.w for c in actors) - pad, head)
    header_blocks["mutu_baku"] = cells.layout([Para(LABELS["mutu_baku"], bold=True)],
                                              sum(c.w for c in columns if c.key in dict(_MUTU)) - pad, head)
    header_top = max(header_blocks["pelaksana"].height, header_blocks["mutu_baku"].height) + 2 * style.PAD_Y
    lower = [c.key for c in columns if c.key.startswith("actor:") or c.key in dict(_MUTU)]
    header_bottom = max(header_blocks[key].height for key in lower) + 2 * style.PAD_Y
    spanning = max(header_blocks[key].height for key in ("no", "kegiatan", "keterangan")) + 2 * style.PAD_Y
    header_bottom = max(header_bottom, spanning - header_top)
    blocks: list[dict[str, Block]] = []
    heights: list[float] = []
    for step, row in zip(sop.steps, texts):
        laid = {key: cells.layout(paras, next(c.w for c in columns if c.key == key) - pad, size)
                for key, paras in row.items()}
        blocks.append(laid)
        text_h = max(block.height for block in laid.values()) + 2 * style.PAD_Y
        heights.append(max(text_h, symbol_height(step.kind, symbol_w) + 2 * style.BAND))
    return Grid(size, columns, actors, symbol_w, header_top, header_bottom, header_blocks, blocks, heights)


def connector_slots(column: Column, count: int | None = None) -> list[float]:
    """The x of ``count`` off-page connectors side by side in a strip of ``column`` (all it can hold
    when ``count`` is ``None``): the first at the centre and the others alternately right and left
    of it when that fits, else spread evenly around the centre."""
    step = style.CONNECTOR_W + style.CONNECTOR_GAP
    room = column.w - 2 * style.BORDER_CLEAR - style.CONNECTOR_W
    most = max(1, int(room // step + 1e-9) + 1)
    wanted = most if count is None else min(count, most)
    around = [0.0] + [sign * k * step for k in range(1, most) for sign in (1, -1)]
    centred = [offset for offset in around if abs(offset) <= room / 2 + 1e-9][:wanted]
    if len(centred) == wanted:
        return [column.center + offset for offset in centred]
    return [column.center + (k - (wanted - 1) / 2) * step for k in range(wanted)]


def strip_lines(fits: int, count: int) -> int:
    """The lines of connectors a strip needs for ``count`` connectors when ``fits`` fit side by side.

    One line when they fit. Else every line holds one fewer than fit: the place left free at one end
    of each line is the way through the strip, for the arrows to or from the connectors of the lines
    beyond and for the arrows that go on past the row (see :func:`engine.render.pageflow.line_positions`).
    """
    if count <= fits or fits < 2:
        return 1
    return -(-count // (fits - 1))


def strip_height(lines: int) -> float:
    """The height of a connector strip of ``lines`` lines."""
    return style.STRIP + (lines - 1) * style.STRIP_LINE


def _strip_load(edges: list[tuple[int, int]], start: int, end: int,
                page_of: dict[int, int]) -> tuple[Counter[int], Counter[int]]:
    """Connectors in the top strip (arrows entering from another page) and in the bottom strip
    (arrows leaving for another page) of each row of a page of rows [start, end).

    The arrows from one page into one step share a pair: its "in" connector sits in the row they
    enter, its "out" connector in the last row they leave. A later source's page is not known yet:
    ``page_of`` holds a guess for it (the following rows filled into pages by height alone).
    """
    into: dict[int, set[tuple[str, int]]] = {}
    out_of: dict[int, int] = {}
    for u, v in set(edges):
        u_in, v_in = start <= u < end, start <= v < end
        if v_in and not u_in:
            into.setdefault(v, set()).add(("page" if u < start else "later", page_of[u]))
        elif u_in and not v_in:
            out_of[v] = max(out_of.get(v, u), u)
    return Counter({v: len(sources) for v, sources in into.items()}), Counter(out_of.values())


def _guess_pages(heights: list[float], start: int, available: float) -> dict[int, int]:
    """The rows from ``start`` on filled into pages by their heights alone (page 0 is the first)."""
    guess: dict[int, int] = {}
    page, used = 0, 0.0
    for row in range(start, len(heights)):
        if used and used + heights[row] > available:
            page, used = page + 1, 0.0
        used += heights[row]
        guess[row] = page
    return guess


def paginate(grid: Grid, edges: list[tuple[int, int]], available: float,
             row_columns: list[int] | None = None) -> list[PagePlan]:
    """Split the rows into pages by measured height.

    A row that arrows enter from another page gets a connector strip at its top, the last row on a
    page that arrows into one step on another page leave gets one at its bottom. A page also ends early when a strip would
    hold more connectors than fit side by side in its column, unless it holds them wherever the page ends (then
    the strip takes more lines: :func:`strip_lines`).

    :param edges: arrows as (source row, target row).
    :param available: height for body rows on a page.
    :param row_columns: the actor column index of each row.
    :raises RenderError: when one row alone is taller than a page.
    """
    count = len(grid.row_heights)
    columns = row_columns or [0] * count
    capacity = [len(connector_slots(column)) for column in grid.actors] or [1]

    def fits(row: int) -> int:
        return capacity[min(columns[row], len(capacity) - 1)]

    pages: list[PagePlan] = []
    page_of: dict[int, int] = {}
    start = 0
    while start < count:
        best: tuple[int, Counter[int], Counter[int]] | None = None
        #: the strips of ``best`` that hold more connectors than fit side by side
        best_over: dict[tuple[int, int], int] = {}
        for end in range(start + 1, count + 1):
            top, bottom = _strip_load(edges, start, end, {**page_of, **_guess_pages(grid.row_heights, end, available)})
            strips = sum(strip_height(strip_lines(fits(row), n)) for load in (top, bottom) for row, n in load.items())
            total = sum(grid.row_heights[start:end]) + strips
            if total > available + 1e-9:
                break
            over = {(side, row): n for side, load in enumerate((top, bottom)) for row, n in load.items()
                    if n > fits(row)}
            # a strip grown crowded ends the page before its row; one crowded however the page ends (a
            # row forking into more branches on other pages than fit side by side) takes more lines
            # and the page goes on while it grows no more crowded
            if best is not None and any(n > best_over.get(key, 0) for key, n in over.items()):
                break
            best, best_over = (end, top, bottom), over
        if best is None:
            raise RenderError(f"Baris {start + 1} terlalu tinggi untuk satu halaman; perpendek teksnya.")
        end, top, bottom = best
        plan = PagePlan()
        for index in range(start, end):
            top_lines, bottom_lines = strip_lines(fits(index), top[index]), strip_lines(fits(index), bottom[index])
            plan.rows.append(RowBox(index, 0.0, grid.row_heights[index],
                                    strip_height(top_lines) if top[index] else 0.0,
                                    strip_height(bottom_lines) if bottom[index] else 0.0, top_lines, bottom_lines))
            plan.rows[-1].h += plan.rows[-1].top_strip + plan.rows[-1].bottom_strip
            page_of[index] = len(pages)
        pages.append(plan)
        start = end
    return pages
