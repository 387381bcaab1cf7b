"""Time Alur's SOP <-> BPMN conversion against SpiffWorkflow parsing the same file, in one process.

Prints one JSON line. SpiffWorkflow's parse of the exported BPMN is the baseline every figure is
divided by, so the ratios hold on a noisy machine.

    .venv/bin/python bench/convert.py [--steps 60] [--repeat 30]
"""

from __future__ import annotations

import argparse
import json
import statistics
import time
from collections.abc import Callable

from engine import parse_spec, read_bpmn, synthetic_sop, validate, write_bpmn


def _median_ms(action: Callable[[], object], repeat: int) -> float:
    samples = []
    for _ in range(repeat):
        start = time.perf_counter()
        action()
        samples.append((time.perf_counter() - start) * 1000)
    return statistics.median(samples)


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--steps", type=int, default=60)
    parser.add_argument("--repeat", type=int, default=30)
    args = parser.parse_args()
    sop = synthetic_sop(steps=args.steps, actors=8, decisions=min(10, (args.steps - 6) // 2), loops=3)
    xml = write_bpmn(sop)
    baseline = _median_ms(lambda: parse_spec(xml, validate_schema=False), args.repeat)
    figures = {
        "steps": args.steps,
        "bpmn_bytes": len(xml),
        "spiff_parse_ms": round(baseline, 3),
        "export_ms": round(_median_ms(lambda: write_bpmn(sop), args.repeat), 3),
        "import_ms": round(_median_ms(lambda: read_bpmn(xml), args.repeat), 3),
        "validate_ms": round(_median_ms(lambda: validate(sop), args.repeat), 3),
        "xsd_and_spiff_parse_ms": round(_median_ms(lambda: parse_spec(xml), args.repeat), 3),
    }
    for key in ("export_ms", "import_ms", "validate_ms"):
        figures[key.replace("_ms", "_vs_spiff_parse")] = round(figures[key] / baseline, 3)
    print(json.dumps(figures))


if __name__ == "__main__":
    main()
