"""Time delivering messages and firing event timers against completing work items, in one run.

Prints one JSON line. Publishes the events example SOP (tests/data/events/permohonan_peristiwa.yaml)
on a fresh SQLite store, starts ``--cases`` instances and completes their first step
(``complete_per_s``, the baseline: one instance session each), delivers each case's reply message
by its correlation value (``deliver_per_s``: correlation lookup, lock, dedupe check, SpiffWorkflow
catch, save), delivers it again (``duplicate_per_s``: answered from the dedupe table, nothing
written), then on a second set of cases lets the 14-day timeout fire through the worker
(``timers_fired_per_s``). ``deliver_vs_complete`` is the ratio of the two rates.

    .venv/bin/python bench/events.py [--cases 200]
"""

from __future__ import annotations

import argparse
import json
import os
import sys
import tempfile
import time
from datetime import timedelta

# the project root instead of bench/ (whose http.py would stand in for the standard library's)
sys.path[0] = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))

from engine import ManualClock, Runtime, upgrade_database  # noqa: E402

SOP = os.path.join(os.path.dirname(os.path.dirname(os.path.abspath(__file__))), "tests", "data", "events",
                   "permohonan_peristiwa.yaml")
UNIT = "Bagian Uji"


def _started(runtime: Runtime, prefix: str, cases: int) -> list[int]:
    return [runtime.start("permohonan", "ani", {"data": {"nomor_permohonan": f"{prefix}-{index}"}})[1][0].id
            for index in range(cases)]


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--cases", type=int, default=200)
    cases = parser.parse_args().cases
    with tempfile.TemporaryDirectory() as folder:
        url = f"sqlite:///{folder}/bench.db"
        upgrade_database(url)
        clock = ManualClock()
        runtime = Runtime(url, clock=clock)
        try:
            runtime.add_user("ani", jabatan=[("Petugas", UNIT), ("Kepala Seksi", UNIT)])
            runtime.publish(SOP, key="permohonan")
            items = _started(runtime, "A", cases)
            began = time.perf_counter()
            for item in items:
                runtime.complete(item, "ani", {})
            complete_s = time.perf_counter() - began
            began = time.perf_counter()
            for index in range(cases):
                runtime.deliver_message("jawaban-pemohon", f"A-{index}", "ani")
            deliver_s = time.perf_counter() - began
            began = time.perf_counter()
            duplicates = sum(runtime.deliver_message("jawaban-pemohon", f"A-{index}", "ani").duplicate
                             for index in range(cases))
            duplicate_s = time.perf_counter() - began
            for item in _started(runtime, "B", cases):
                runtime.complete(item, "ani", {})
            clock.advance(timedelta(days=15))
            began = time.perf_counter()
            fired = 0
            while True:
                report = runtime.tick(limit=500)
                fired += report.timers_fired
                if report.timers_fired == 0:
                    break
            timers_s = time.perf_counter() - began
        finally:
            runtime.close()
    print(json.dumps({
        "cases": cases, "complete_per_s": round(cases / complete_s, 1), "deliver_per_s": round(cases / deliver_s, 1),
        "duplicate_per_s": round(cases / duplicate_s, 1), "duplicates_recognised": duplicates,
        "timers_fired": fired, "timers_fired_per_s": round(fired / timers_s, 1) if timers_s else None,
        "deliver_vs_complete": round(complete_s / deliver_s, 2),
    }))


if __name__ == "__main__":
    main()
