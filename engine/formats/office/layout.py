"""Where the exporters draw the flowchart: symbol boxes per row and arrows between them (EMU).

Shared by the Excel and Word writers, so both draw the same chart the readers read back.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from engine.formats.office.fields import mark
from engine.formats.office.grid import Box
from engine.sop.model import Sop, Step, StepKind

MONTH_NAMES = ("Januari", "Februari", "Maret", "April", "Mei", "Juni", "Juli", "Agustus", "September", "Oktober",
               "November", "Desember")
PRESET_OF = {StepKind.START: "flowChartTerminator", StepKind.END: "flowChartTerminator",
             StepKind.ACTIVITY: "flowChartProcess", StepKind.DECISION: "flowChartDecision"}
#: Connection-site index of a DrawingML rectangle/diamond/terminator side.
SITE = {"top": 0, "left": 1, "bottom": 2, "right": 3}


@dataclass
class Arrow:
    """One connector to draw: from a point on one symbol to a point on another, maybe labelled."""

    source: int
    target: int
    start: tuple[float, float]
    end: tuple[float, float]
    start_site: int
    end_site: int
    label: str = ""


def indonesian_date(value: dt.date | None) -> str:
    """"3 Maret 2025", or "-" for no date."""
    return f"{value.day} {MONTH_NAMES[value.month - 1]} {value.year}" if value else "-"


def symbol_box(cell: Box) -> Box:
    """The symbol drawn in a cell: 70 % of its width, 45 % of its height, centred."""
    (cx, cy), w, h = cell.center, (cell.x1 - cell.x0) * 0.35, (cell.y1 - cell.y0) * 0.225
    return Box(cx - w, cy - h, cx + w, cy + h)


def arrows(sop: Sop, boxes: list[Box]) -> list[Arrow]:
    """Arrows for every successor of every step (decisions: Ya down or right, Tidak to the side)."""
    index = {step.id: number for number, step in enumerate(sop.steps)}
    result = []
    for number, step in enumerate(sop.steps):
        targets: list[tuple[str, str]] = ([(step.yes, "Ya"), (step.no, "Tidak")] if step.kind is StepKind.DECISION
                                          else [(target, "") for target in step.next])
        for position, (target_id, label) in enumerate(targets):
            if target_id not in index:
                continue
            result.append(_arrow(number, index[target_id], boxes, label, position))
    return result


def _arrow(source: int, target: int, boxes: list[Box], label: str, position: int) -> Arrow:
    a, b = boxes[source], boxes[target]
    if b.y0 > a.y1 and position == 0:  # forward, first branch: bottom to top
        return Arrow(source, target, ((a.x0 + a.x1) / 2, a.y1), ((b.x0 + b.x1) / 2, b.y0), SITE["bottom"],
                     SITE["top"], label)
    if b.y0 > a.y1:  # forward, second branch: from the right side to the top
        return Arrow(source, target, (a.x1, (a.y0 + a.y1) / 2), ((b.x0 + b.x1) / 2, b.y0), SITE["right"],
                     SITE["top"], label)
    # backward (a loop) or same row: from the left side to the left side
    return Arrow(source, target, (a.x0, (a.y0 + a.y1) / 2), (b.x0, (b.y0 + b.y1) / 2), SITE["left"], SITE["left"],
                 label)


def label_box(arrow: Arrow) -> Box:
    """Where the Ya/Tidak text box of an arrow goes: just past its start."""
    x, y = arrow.start
    dx = 30_000 if arrow.start_site != SITE["left"] else -330_000
    return Box(x + dx, y + 20_000, x + dx + 300_000, y + 180_000)


def steps_text(step: Step) -> dict[str, str]:
    """The cells of a step row (empty cells as "-"; documents marked "(dokumen)")."""
    requirements = [mark(item.text, item.document) for item in step.requirement_items()]
    kelengkapan = (requirements[0] if len(requirements) == 1 else
                   "\n".join(f"{n}. {item}" for n, item in enumerate(requirements, 1)))
    return {"kegiatan": step.activity or "-", "kelengkapan": kelengkapan or "-", "waktu": step.duration or "-",
            "output": mark(step.output, step.output_document) or "-", "keterangan": step.remarks or "-"}


def numbered(values: list[str]) -> str:
    return "\n".join(f"{n}. {item}" for n, item in enumerate(values, 1)) if values else "-"


def connector_parts(arrow: Arrow, source_id: int, target_id: int, glued: bool) -> tuple[Box, str, str, str]:
    """What a DrawingML connector from ``arrow.start`` to ``arrow.end`` needs, in Excel and Word alike.

    :return: its bounding box, the ``flipH``/``flipV`` attributes, the ``stCxn``/``endCxn`` glue to
        the two shapes (empty when not ``glued``) and the preset geometry (straight or elbow).
    """
    (sx, sy), (ex, ey) = arrow.start, arrow.end
    box = Box(min(sx, ex), min(sy, ey), max(sx, ex), max(sy, ey))
    flips = (' flipH="1"' if ex < sx else "") + (' flipV="1"' if ey < sy else "")
    glue = (f'<a:stCxn id="{source_id}" idx="{arrow.start_site}"/><a:endCxn id="{target_id}" idx="{arrow.end_site}"/>'
            if glued else "")
    geometry = "straightConnector1" if sx == ex or sy == ey else "bentConnector3"
    return box, flips, glue, geometry
