"""A row with more arrows leaving for other pages than its column holds connectors side by side (a
start forking into branches that each continue pages later) stacks its "out" connectors in lines
inside its own column, the page going on below it; the checker finds no defect (MIWG C.4.0 and C.8.0
were the real cases: their extra connectors were put in the neighbouring columns)."""

from __future__ import annotations

import pytest

from engine import Sop, Step, StepKind, render, validate
from engine.render import style
from engine.render.document import _with_every_actor
from engine.render.flowchart import _arrows
from engine.render.table import build_grid, connector_slots, paginate
from tests.engine.render.svg_geometry import defects, parse


#: Text long enough that the text columns take the spare width and the actor columns stay narrow.
_LONG = "memeriksa kelengkapan berkas permohonan dan mencatatnya dalam buku agenda pelayanan terpadu"


def _fork(branches: int, length: int, actors: int) -> Sop:
    """A start in the first column forking into ``branches`` branches of ``length`` activities each,
    one after the other in the table (so each branch begins pages after the start), branch ``b`` in
    column ``b % actors``, each ending in its own end."""
    names = [f"Jabatan {number + 1}" for number in range(actors)]
    heads = [f"b{branch}_0" for branch in range(branches)]
    steps = [Step("mulai", StepKind.START, "Permohonan diterima", names[0], next=heads)]
    for branch in range(branches):
        actor = names[branch % actors]
        for index in range(length):
            following = [f"b{branch}_{index + 1}"] if index + 1 < length else [f"selesai_{branch}"]
            steps.append(Step(f"b{branch}_{index}", StepKind.ACTIVITY, f"Cabang {branch + 1} langkah {index + 1}: "
                              + _LONG, actor, duration="1 hari", output=_LONG, remarks=_LONG, next=following))
        steps.append(Step(f"selesai_{branch}", StepKind.END, f"Cabang {branch + 1} selesai", actor))
    return Sop(actors=names, steps=steps)


@pytest.mark.parametrize(("branches", "actors", "paper"), [(5, 3, "a4"), (6, 6, "a4"), (7, 2, "f4"), (9, 1, "a4")])
def test_a_fork_wider_than_its_column_keeps_its_connectors_in_the_column(branches: int, actors: int,
                                                                           paper: str) -> None:
    sop = _fork(branches, 12, actors)
    assert [problem for problem in validate(sop) if problem.severity == "error"] == []
    svg = render(sop, paper=paper)
    assert defects(svg, sop) == []
    start_page = next(page for page in parse(svg) if "mulai" in page.steps)
    outs = [c for c in start_page.connectors if c["data-source"] == "mulai" and c["data-dir"] == "out"]
    assert len(outs) == branches - 1, "the first branch goes on on the same page, every other one leaves it"
    fits = len(connector_slots(build_grid(_with_every_actor(sop), style.paper(paper), None).actors[0]))
    assert len(outs) > fits, "the case has more connectors than fit side by side"
    lines = {round(start_page.nodes[c["data-node"]][1], 1) for c in outs}
    assert len(lines) >= 2, "stacked in lines"
    assert len(start_page.steps) > 1, "the page goes on below the crowded row"


def test_the_page_goes_on_below_a_row_crowded_however_the_page_ends() -> None:
    sop = _with_every_actor(_fork(5, 12, 2))
    paper = style.paper("a4")
    grid = build_grid(sop, paper, None)
    fits = len(connector_slots(grid.actors[0]))
    plans = paginate(grid, [(a.src, a.dst) for a in _arrows(sop, None)], 150.0, [0] * len(sop.steps))
    first = plans[0].rows[0]
    assert fits == 2 and first.bottom_lines == 4, "4 connectors, 2 side by side: one a line, the other place free"
    assert len(plans[0].rows) > 1
    assert first.bottom_strip == pytest.approx(style.STRIP + 3 * style.STRIP_LINE)
