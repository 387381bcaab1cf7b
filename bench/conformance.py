"""Time Alur's conformance check against PM4Py's alignments on the same log and model, in one run.

Prints one JSON line. The log is generated from the SOP (default: a 30-step synthetic SOP with 6
pelaksana, 5 decisions, 2 revision loops and a parallel block): 10,000 cases, 15 % of them with one
injected deviation, decisions answering "Ya" 80 % of the time, so variants repeat as in real logs.
PM4Py (test-only dependency, AGPL) aligns the same cases on the same Petri net (Alur's SOP net
rebuilt as ``pm4py`` objects) with its default variant (A* with the state equation); both sides
align each distinct variant once. ``alur_s`` is Alur's whole check (net, alignments, the five kinds
of deviation including pelaksana and working time per event); ``alur_fitness_only_s`` is the work
PM4Py does (alignments and fitness per case); ``pm4py_s`` is ``conformance_diagnostics_alignments``
on a DataFrame built beforehand. ``speedup`` divides PM4Py's time by Alur's whole check.

    .venv/bin/python bench/conformance.py [--cases 10000] [--steps 30] [--sop FILE] [--pm4py-cases N]
"""

from __future__ import annotations

import argparse
import contextlib
import io
import json
import os
import random
import sys
import time
import warnings
from typing import Any

# PM4Py's copy of Alur's net is built by the same helper the agreement tests use (test-only code).
sys.path.insert(0, os.path.dirname(os.path.dirname(os.path.abspath(__file__))))
from tests.engine.pm4py_helpers import sop_petri_net  # noqa: E402

from engine import ConformanceChecker, EventLog, build_net, load_file, synthetic_log, synthetic_sop


def _pm4py() -> Any:
    os.environ.setdefault("PM4PY_SHOW_PROGRESS_BAR", "false")  # not every version reads it
    warnings.filterwarnings("ignore")
    with contextlib.redirect_stdout(io.StringIO()):  # the licence banner
        import pm4py
    return pm4py


def _dataframe(log: EventLog) -> Any:
    import pandas as pd

    rows = [(event.case_id, event.activity, event.timestamp) for event in log.events()]
    frame = pd.DataFrame(rows, columns=["case:concept:name", "concept:name", "time:timestamp"])
    frame["time:timestamp"] = pd.to_datetime(frame["time:timestamp"], utc=True)
    return frame


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--cases", type=int, default=10_000)
    parser.add_argument("--steps", type=int, default=30)
    parser.add_argument("--sop", default="", help="an SOP file instead of the synthetic SOP")
    parser.add_argument("--deviating", type=float, default=0.15)
    parser.add_argument("--pm4py-cases", type=int, default=0,
                        help="run PM4Py on a random sample of this many cases and extrapolate (0: all)")
    parser.add_argument("--seed", type=int, default=1)
    args = parser.parse_args()
    sop = load_file(args.sop).sop if args.sop else synthetic_sop(args.steps, actors=6, decisions=5, loops=2, seed=0)
    log = synthetic_log(sop, args.cases, deviating=args.deviating, seed=args.seed, activity="id").log
    pm4py = _pm4py()

    started = time.perf_counter()
    report = ConformanceChecker(sop).check(log)
    alur_s = time.perf_counter() - started
    started = time.perf_counter()
    fitness_only = ConformanceChecker(sop).check(log, deviations=False)
    alur_fitness_s = time.perf_counter() - started
    assert [trace.fitness for trace in fitness_only.traces] == [trace.fitness for trace in report.traces]

    sample = log
    if args.pm4py_cases and args.pm4py_cases < len(log):
        sample = EventLog(random.Random(args.seed).sample(log.traces, args.pm4py_cases))
    petri, initial, final = sop_petri_net(build_net(sop))
    frame = _dataframe(sample)
    started = time.perf_counter()
    aligned = pm4py.conformance_diagnostics_alignments(frame, petri, initial, final)
    pm4py_s = time.perf_counter() - started
    pm4py_full_s = pm4py_s * len(log) / len(sample)

    ours = {trace.case_id: trace for trace in report.traces}
    cases = sorted(set(frame["case:concept:name"]))  # PM4Py groups (and so returns) the cases sorted by id
    differences = [abs(ours[case].fitness - result["fitness"]) for case, result in zip(cases, aligned)]
    cost = sum(ours[case].cost for case in cases)
    worst = sum(ours[case].worst_cost for case in cases)
    pm4py_log_fitness = 1 - sum(result["cost"] for result in aligned) / sum(result["bwc"] for result in aligned)
    print(json.dumps({
        "sop": sop.identity.nama,
        "steps": len(sop.steps),
        "cases": len(log),
        "events": log.event_count,
        "variants": report.variants,
        "deviating_share": args.deviating,
        "alur_s": round(alur_s, 3),
        "alur_fitness_only_s": round(alur_fitness_s, 3),
        "pm4py_traces": len(sample),
        "pm4py_s": round(pm4py_s, 3),
        "pm4py_s_for_all_cases": round(pm4py_full_s, 3),
        "extrapolated": len(sample) != len(log),
        "speedup": round(pm4py_full_s / alur_s, 1),
        "speedup_fitness_only": round(pm4py_full_s / alur_fitness_s, 1),
        "fitness_identical": max(differences) < 1e-9,
        "max_abs_fitness_difference": max(differences),
        "log_fitness_alur": 1 - cost / worst,
        "log_fitness_pm4py": pm4py_log_fitness,
        "python": sys.version.split()[0],
        "pm4py_version": pm4py.__version__,
    }))


if __name__ == "__main__":
    main()
