"""Time rendering the official SOP document against baselines run in the same process.

Prints one JSON line: the SVG render time (layout, routing, lxml serialisation) of a generated
60-step, 8-actor SOP and of a 40-step, 6-actor SOP (goal: at most 50 ms), the layout and routing of
each alone (every page drawn into primitives, nothing serialised; stretch goal for the 40-step one:
8 ms), the PDF and PNG times of the 60-step one, and two baselines timed in the same process so the ratios hold on a noisy machine:
``write_bpmn`` of the same SOP (Alur's BPMN export with DI) and an lxml parse + serialise of the
produced SVG.

    .venv/bin/python bench/render.py [--repeat 30]
"""

from __future__ import annotations

import argparse
import json
import statistics
import sys
import time
from collections.abc import Callable
from pathlib import Path

# run as a script, this folder comes first on sys.path and its http.py would stand in for the
# standard library's http (which the engine imports through urllib): look for modules from the
# checkout instead
if sys.path and Path(sys.path[0]).resolve() == Path(__file__).resolve().parent:
    sys.path[0] = str(Path(__file__).resolve().parent.parent)

from lxml import etree  # noqa: E402

from engine import Sop, document_pages, render, synthetic_sop, write_bpmn  # noqa: E402

GOAL_40_MS = 50.0
STRETCH_40_LAYOUT_MS = 8.0


def _median_ms(action: Callable[[], object], repeat: int) -> float:
    action()  # warm caches (font metrics, imports) once, as a long-running web UI has them
    samples = []
    for _ in range(repeat):
        start = time.perf_counter()
        action()
        samples.append((time.perf_counter() - start) * 1000)
    return statistics.median(samples)


def _figures(sop: Sop, repeat: int, prefix: str) -> dict[str, float | int]:
    svg = render(sop)
    figures: dict[str, float | int] = {
        f"{prefix}_svg_ms": _median_ms(lambda: render(sop), repeat),
        f"{prefix}_layout_routing_ms": _median_ms(lambda: document_pages(sop), repeat),
        f"{prefix}_write_bpmn_ms": _median_ms(lambda: write_bpmn(sop), repeat),
        f"{prefix}_lxml_roundtrip_ms": _median_ms(lambda: etree.tostring(etree.fromstring(svg)), repeat),
        f"{prefix}_pages": int(etree.fromstring(svg).get("data-pages") or 0),
    }
    figures[f"{prefix}_svg_vs_write_bpmn"] = figures[f"{prefix}_svg_ms"] / figures[f"{prefix}_write_bpmn_ms"]
    figures[f"{prefix}_svg_vs_lxml_roundtrip"] = figures[f"{prefix}_svg_ms"] / figures[f"{prefix}_lxml_roundtrip_ms"]
    return figures


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--repeat", type=int, default=30)
    args = parser.parse_args()
    big = synthetic_sop(steps=60, actors=8, decisions=10, loops=3, parallel=True, seed=0)
    mid = synthetic_sop(steps=40, actors=6, decisions=6, loops=2, parallel=True, seed=0)
    figures: dict[str, object] = {}
    start = time.perf_counter()
    render(mid)
    figures["first_svg_in_process_ms"] = (time.perf_counter() - start) * 1000  # includes reading the font file
    figures.update(_figures(big, args.repeat, "steps60_actors8"))
    figures.update(_figures(mid, args.repeat, "steps40_actors6"))
    figures["steps60_actors8_pdf_ms"] = _median_ms(lambda: render(big, fmt="pdf"), max(3, args.repeat // 5))
    figures["steps60_actors8_png_150dpi_ms"] = _median_ms(lambda: render(big, fmt="png"), max(3, args.repeat // 5))
    figures = {key: round(value, 3) if isinstance(value, float) else value for key, value in figures.items()}
    figures["goal_40_steps_ms"] = GOAL_40_MS
    figures["meets_goal"] = figures["steps40_actors6_svg_ms"] <= GOAL_40_MS  # type: ignore[operator]
    figures["stretch_40_steps_layout_ms"] = STRETCH_40_LAYOUT_MS
    figures["meets_stretch"] = figures["steps40_actors6_layout_routing_ms"] <= STRETCH_40_LAYOUT_MS  # type: ignore[operator]
    print(json.dumps(figures))


if __name__ == "__main__":
    main()
