"""The identity sheet (Bagian Identitas, SOP-FORMAT §2).

Top block: a left cell spanning every row with the logo (optional) and the organisation's names;
on the right one "LABEL : value" row each for NOMOR SOP, TANGGAL PEMBUATAN, TANGGAL REVISI,
TANGGAL EFEKTIF, DISAHKAN OLEH (jabatan, space for the signature, nama, NIP) and NAMA SOP. Bottom
block: two columns of heading + numbered list (DASAR HUKUM | KUALIFIKASI PELAKSANA, KETERKAITAN |
PERALATAN/PERLENGKAPAN, PERINGATAN | PENCATATAN DAN PENDATAAN). The type size shrinks until the
sheet fits one page; a bottom block that still does not fit continues on a second page.
"""

from __future__ import annotations

import struct
from dataclasses import dataclass

from engine.errors import RenderError
from engine.sop.model import Identity
from engine.render import cells, fonts, style
from engine.render.canvas import GREY_FILL, Image, Page, Rect, Text
from engine.render.cells import Block, Para
from engine.render.words import LABELS, date_text, text

_SIZES = (9.0, 8.5, 8.0, 7.5, 7.0, 6.5)
#: The size of a sheet whose lists run over more than one page anyway.
_LONG_SIZE = 8.0
_LEFT_SHARE = 0.38
_SIGNATURE = 16.0
_LOGO_MAX = 26.0
#: Side of the empty logo frame drawn when no logo is given.
_PLACEHOLDER = 20.0
_MIN_ROW = 7.0
_PAIRS = (("dasar_hukum", "kualifikasi_pelaksana"), ("keterkaitan", "peralatan_perlengkapan"),
          ("peringatan", "pencatatan_pendataan"))
_PNG_SIGNATURE = b"\x89PNG\r\n\x1a\n"


def png_size(data: bytes) -> tuple[int, int]:
    """Pixel width and height of a PNG image.

    :raises RenderError: when ``data`` is not a PNG.
    """
    if len(data) < 24 or not data.startswith(_PNG_SIGNATURE) or data[12:16] != b"IHDR":
        raise RenderError("Logo harus berupa berkas PNG.")
    width, height = struct.unpack(">II", data[16:24])
    if not width or not height:
        raise RenderError("Logo PNG tidak memiliki ukuran.")
    return width, height


@dataclass
class _Top:
    size: float
    label_w: float
    rows: list[tuple[str, Block, list[Block], float]]
    names: Block
    logo: tuple[float, float] | None

    @property
    def height(self) -> float:
        return sum(row[3] for row in self.rows)


def _value_paras(text: str, bold: bool = False) -> list[Para]:
    return [Para(text.strip() or "-", bold=bold, prefix=":")]


def _top(identity: Identity, lang: str, size: float, width: float, logo: bytes | None) -> _Top:
    pad = 2 * style.PAD_X
    left_w = width * _LEFT_SHARE
    labels = ["nomor", "tanggal_pembuatan", "tanggal_revisi", "tanggal_efektif", "disahkan_oleh", "nama"]
    label_w = max(cells.natural_width([Para(LABELS[key], bold=True)], size) for key in labels) + pad
    value_w = width - left_w - label_w - pad
    values = {
        "nomor": _value_paras(identity.nomor),
        "tanggal_pembuatan": _value_paras(date_text(identity.tanggal_pembuatan, lang)),
        "tanggal_revisi": _value_paras(date_text(identity.tanggal_revisi, lang)),
        "tanggal_efektif": _value_paras(date_text(identity.tanggal_efektif, lang)),
        "disahkan_oleh": _value_paras(identity.disahkan_oleh.printed_jabatan),
        "nama": _value_paras(identity.nama, bold=True),
    }
    approval = identity.disahkan_oleh
    rows: list[tuple[str, Block, list[Block], float]] = []
    for key in labels:
        label = cells.layout([Para(LABELS[key], bold=True)], label_w - pad, size)
        blocks = [cells.layout(values[key], value_w, size)]
        if key == "disahkan_oleh":
            indent = blocks[0].fragments[-1].dx if blocks[0].fragments else 0.0
            signer = [Para(approval.nama.strip() or "-", bold=True, underline=bool(approval.nama.strip())),
                      Para(f"{LABELS['nip']} {approval.nip.strip() or '-'}")]
            blocks.append(cells.layout(signer, value_w - indent, size))
        height = sum(block.height for block in blocks) + 2 * style.PAD_Y + (_SIGNATURE if len(blocks) > 1 else 0)
        rows.append((key, label, blocks, max(_MIN_ROW, height, label.height + 2 * style.PAD_Y)))
    names = cells.layout([Para(identity.pemerintah.strip().upper() or "-", bold=True, size=size + 2),
                          Para(identity.unit.strip().upper() or "-", bold=True, size=size + 1)],
                         left_w - pad, size)
    logo_box = (_PLACEHOLDER, _PLACEHOLDER)  # without a logo: an empty frame where it will be glued
    if logo is not None:
        px_w, px_h = png_size(logo)
        scale = min(_LOGO_MAX / px_w, _LOGO_MAX / px_h)
        logo_box = (px_w * scale, px_h * scale)
    return _Top(size, label_w, rows, names, logo_box)


def _pair_blocks(identity: Identity, size: float, half: float) -> list[tuple[list[Block], list[Block], float, float]]:
    pad = 2 * style.PAD_X
    result = []
    for keys in _PAIRS:
        heads = [cells.layout([Para(LABELS[key], bold=True)], half - pad, size) for key in keys]
        bodies = []
        for key in keys:
            items = [item.strip() for item in getattr(identity, key) if item.strip()]
            bodies.append(cells.layout(cells.numbered(items) if items else [Para("-")], half - pad, size))
        head_h = max(b.height for b in heads) + 2 * style.PAD_Y
        body_h = max(max(b.height for b in bodies) + 2 * style.PAD_Y, _MIN_ROW)
        result.append((heads, bodies, head_h, body_h))
    return result


def identity_pages(identity: Identity, paper: style.Paper, lang: str, logo: bytes | None) -> list[Page]:
    """Draw the identity sheet; one page, more when the bottom block's lists are very long (they
    continue under a "(lanjutan)" heading).

    :raises RenderError: for a logo that is not a PNG.
    """
    width = paper.inner_width
    available = paper.inner_height - style.FOOTER
    for size in (*_SIZES, _LONG_SIZE):
        top = _top(identity, lang, size, width, logo)
        pairs = _pair_blocks(identity, size, width / 2)
        total = top.height + sum(head + body for _, _, head, body in pairs)
        if total <= available:
            break  # else the last try: a readable size, lists continuing on further pages
    pages = [Page(paper.width, paper.height, "identity")]
    y = _draw_top(pages[0], top, width, logo)
    bottom = style.MARGIN_TOP + available
    half = width / 2
    queue = [(heads, bodies, head_h) for heads, bodies, head_h, _ in pairs]
    while queue:
        heads, bodies, head_h = queue.pop(0)
        body_h = max(max(b.height for b in bodies) + 2 * style.PAD_Y, _MIN_ROW)
        room = bottom - y - head_h - 2 * style.PAD_Y
        if y + head_h + body_h > bottom + 1e-9:
            fresh = y <= style.MARGIN_TOP + 1e-9
            if not fresh and room < 3 * fonts.line_height(top.size):
                pages.append(Page(paper.width, paper.height, "identity"))
                y = style.MARGIN_TOP
                queue.insert(0, (heads, bodies, head_h))
                continue
            # split both lists at the last line that fits; the rest continues on the next page
            parts = [cells.split(body, room) for body in bodies]
            bodies = [first for first, _ in parts]
            body_h = bottom - y - head_h
            continued = [cells.layout([Para(f"{_label_of(head)} {text('continued', lang)}", bold=True)],
                                      half - 2 * style.PAD_X, top.size) for head in heads]
            queue.insert(0, (continued, [rest for _, rest in parts], head_h))
        x = style.MARGIN_LEFT
        for head, body in zip(heads, bodies):
            pages[-1].add(Rect(x, y, half, head_h, "head", fill=GREY_FILL))
            cells.place(pages[-1], head, x, y, half, head_h, "head-text", align="middle",
                        pad_x=style.PAD_X, pad_y=style.PAD_Y)
            pages[-1].add(Rect(x, y + head_h, half, body_h, "cell"))
            cells.place(pages[-1], body, x, y + head_h, half, body_h, "cell-text", valign="top",
                        pad_x=style.PAD_X, pad_y=style.PAD_Y)
            x += half
        y += head_h + body_h
        if queue and y >= bottom - 1e-9:
            pages.append(Page(paper.width, paper.height, "identity"))
            y = style.MARGIN_TOP
    return pages


def _label_of(head: Block) -> str:
    """The text of a heading block."""
    return " ".join(fragment.text for fragment in head.fragments).split(" (")[0]


def _draw_top(page: Page, top: _Top, width: float, logo: bytes | None) -> float:
    x0, y0 = style.MARGIN_LEFT, style.MARGIN_TOP
    left_w = width * _LEFT_SHARE
    height = top.height
    page.add(Rect(x0, y0, left_w, height, "cell"))
    group = top.names.height + ((top.logo[1] + 3.0) if top.logo else 0.0)
    cursor = y0 + (height - group) / 2
    if top.logo is not None:
        logo_w, logo_h = top.logo
        if logo is not None:
            page.add(Image(x0 + (left_w - logo_w) / 2, cursor, logo_w, logo_h, logo))
        else:
            page.add(Rect(x0 + (left_w - logo_w) / 2, cursor, logo_w, logo_h, "logo-placeholder",
                          stroke="#808080", width=0.2))
            size = 7.0
            baseline = cursor + logo_h / 2 + (fonts.ascent(size) - fonts.descent(size)) / 2
            page.add(Text(x0 + left_w / 2, baseline, "LOGO", size, "logo-placeholder-text", anchor="middle",
                          fill="#808080"))
        cursor += logo_h + 3.0
    cells.place(page, top.names, x0, cursor, left_w, top.names.height, "cell-text", align="middle",
                valign="top", pad_x=style.PAD_X)
    y = y0
    label_x = x0 + left_w
    value_x = label_x + top.label_w
    value_w = width - left_w - top.label_w
    for key, label, blocks, row_h in top.rows:
        page.add(Rect(label_x, y, top.label_w, row_h, "cell", data={"label": key}))
        cells.place(page, label, label_x, y, top.label_w, row_h, "cell-text",
                    valign="top" if len(blocks) > 1 else "middle", pad_x=style.PAD_X, pad_y=style.PAD_Y)
        page.add(Rect(value_x, y, value_w, row_h, "cell", data={"value": key}))
        if len(blocks) == 1:
            cells.place(page, blocks[0], value_x, y, value_w, row_h, "cell-text", pad_x=style.PAD_X,
                        pad_y=style.PAD_Y)
        else:
            first, signer = blocks
            cells.place(page, first, value_x, y, value_w, first.height, "cell-text", valign="top",
                        pad_x=style.PAD_X, pad_y=style.PAD_Y)
            indent = first.fragments[-1].dx if first.fragments else 0.0
            signer_y = y + style.PAD_Y + first.height + _SIGNATURE
            cells.place(page, signer, value_x + indent, signer_y, value_w - indent, signer.height, "cell-text",
                        valign="top", pad_x=style.PAD_X)
        y += row_h
    return y
