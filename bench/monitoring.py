"""Benchmark: the monitoring report over a store holding 1,000,000 events (SQLite).

Prints one JSON line:

- ``events``, ``work_items``, ``instances``: what the store holds (one SOP, the 10-step synthetic
  SOP of ``bench/durable.py``, published through the runtime; instances, work items and events
  bulk-inserted with SQL, as the runtime writes them: ~19 events and ~8.5 work items per instance,
  5 % running, 5 % with a rework loop, 3 % with missing kelengkapan);
- ``report_s``: :func:`engine.monitoring.report.monitoring_report` over every instance (best of
  ``--repeat``; goal <= 1 s), ``report_period_s`` for one month of them;
- ``follows_s``: the directly-follows counts of the process map;
- baselines in the same process: ``baseline_count_s`` = ``SELECT COUNT(*) FROM events`` (SQLite
  answers it from the smallest index) and ``baseline_events_by_kind_s`` = ``SELECT kind, COUNT(*)
  FROM events GROUP BY kind`` (one plain pass over the events), with ``ratio_report_to_*`` = report /
  baseline (machines here are noisy; the ratios are steadier).

Usage: ``python bench/monitoring.py [--events 1000000] [--repeat 3]``.
"""

from __future__ import annotations

import argparse
import datetime as dt
import json
import random
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from engine import (  # noqa: E402
    Runtime, follows_counts, monitoring_report, parse_duration, synthetic_sop, upgrade_database)

UNIT = "Bagian Uji"
KEY = "sepuluh"
_FORMAT = "%Y-%m-%d %H:%M:%S.%f"


def _t(moment: dt.datetime) -> str:
    return moment.strftime(_FORMAT)


def fill(runtime: Runtime, target_events: int, seed: int = 7) -> tuple[int, int, int]:
    """Bulk-insert instances, work items and events until about ``target_events`` events."""
    sop = synthetic_sop(steps=10, actors=3, decisions=1, loops=0, parallel=False, seed=1)
    for index, jabatan in enumerate(sop.actors):
        runtime.add_user(f"p{index}", jabatan=[(jabatan, UNIT)])
    version = runtime.publish(sop, KEY)
    users = {jabatan: f"p{index}" for index, jabatan in enumerate(sop.actors)}
    standard = {step.id: parse_duration(step.duration).as_working_minutes(runtime.calendar)
                for step in sop.steps if step.duration}
    steps = [step for step in sop.steps if step.kind.value != "start"]
    rng = random.Random(seed)
    base = dt.datetime(2025, 1, 6, 1, 0)
    instances, items, events = [], [], []
    item_id = event_id = 0
    instance_id = 0
    body = json.dumps({"instance": 0, "seq": 0, "kind": "completed", "at": "2025-01-06T01:00:00Z", "actor": "p0",
                       "step": "langkah_02", "item": 0, "data": {"kelengkapan": {"Nota dinas": True}}})
    digest = "0" * 64
    while event_id < target_events:
        instance_id += 1
        started = base + dt.timedelta(minutes=rng.randrange(0, 365 * 24 * 60))
        running = rng.random() < 0.05
        seq = 0

        def event(kind: str, at: dt.datetime, actor: str, step: str, item: int | None) -> None:
            nonlocal seq, event_id
            seq += 1
            event_id += 1
            events.append((event_id, instance_id, seq, kind, _t(at), actor, step, item, body, digest, digest))

        event("started", started, users[sop.steps[0].actor], sop.steps[0].id, None)
        now = started
        path = [step for step in steps if not (step.id == "langkah_05" and rng.random() < 0.3)]
        if rng.random() < 0.05:
            path.insert(2, steps[1])  # a rework loop: langkah_03 twice
        if running:
            path = path[:rng.randrange(1, len(path))]
        cycle = 0.0
        visits: dict[str, int] = {}
        for position, step in enumerate(path):
            item_id += 1
            ready = now
            minutes = standard.get(step.id, 30.0) * rng.lognormvariate(-0.1, 0.6)
            due = ready + dt.timedelta(minutes=standard.get(step.id, 10 ** 7))
            event("ready", ready, "sistem", step.id, item_id)
            is_open = running and position == len(path) - 1
            if is_open:
                items.append((item_id, instance_id, f"{instance_id}-{item_id}", KEY, step.id, step.activity[:500],
                              step.actor, UNIT, 0, "open", _t(ready), _t(due), None, None, None, None, None, None))
                continue
            now = ready + dt.timedelta(minutes=minutes)
            cycle += minutes
            keputusan = ("Ya" if rng.random() < 0.7 else "Tidak") if step.kind.value == "decision" else None
            items.append((item_id, instance_id, f"{instance_id}-{item_id}", KEY, step.id, step.activity[:500],
                          step.actor, UNIT, 0, "done", _t(ready), _t(due), users[step.actor], _t(now), minutes,
                          int(rng.random() < 0.03), keputusan, visits.setdefault(step.id, 0) + 1))
            visits[step.id] += 1
            event("completed", now, users[step.actor], step.id, item_id)
        if not running:
            event("finished", now, users[steps[-1].actor], "", None)
        instances.append((instance_id, version.id, UNIT, "running" if running else "completed", 0, "{}", 1, seq,
                          users[sop.steps[0].actor], _t(started), None if running else _t(now), "", seq, digest,
                          None if running else cycle))
    raw = runtime.db.engine.raw_connection()
    try:
        cursor = raw.cursor()
        cursor.execute("BEGIN")
        cursor.executemany("INSERT INTO instances (id, version_id, unit, status, trial, state, state_format, revision, "
                           "started_by, started_at, ended_at, reason, last_seq, last_hash, working_minutes) VALUES "
                           "(?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)", instances)
        cursor.executemany("INSERT INTO work_items (id, instance_id, task_id, sop_key, step_id, name, jabatan, unit, "
                           "trial, status, ready_at, due_at, completed_by, completed_at, working_minutes, "
                           "kelengkapan_missing, keputusan, visit) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
                           items)
        cursor.executemany("INSERT INTO events (id, instance_id, seq, kind, at, actor, step, item_id, body, prev_hash, "
                           "hash) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)", events)
        cursor.execute("COMMIT")
        cursor.execute("ANALYZE")
        cursor.close()
    finally:
        raw.close()
    return len(instances), len(items), len(events)


def best(repeat: int, action: object) -> float:
    assert callable(action)
    times = []
    for _ in range(repeat):
        began = time.perf_counter()
        action()
        times.append(time.perf_counter() - began)
    return min(times)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--events", type=int, default=1_000_000)
    parser.add_argument("--repeat", type=int, default=3)
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as folder:
        url = f"sqlite:///{Path(folder) / 'monitoring.db'}"
        upgrade_database(url)
        runtime = Runtime(url)
        began = time.perf_counter()
        count_instances, count_items, count_events = fill(runtime, args.events)
        fill_s = time.perf_counter() - began

        def count() -> None:
            with runtime.db.read() as connection:
                connection.exec_driver_sql("SELECT COUNT(*) FROM events").scalar_one()

        report = monitoring_report(runtime, KEY)
        assert report.started == count_instances and sum(step.count for step in report.steps) > 0
        report_s = best(args.repeat, lambda: monitoring_report(runtime, KEY))
        period_s = best(args.repeat, lambda: monitoring_report(runtime, KEY, dt.date(2025, 3, 1), dt.date(2025, 3, 31)))
        follows_s = best(args.repeat, lambda: follows_counts(runtime, KEY))
        count_s = best(args.repeat, count)

        def scan() -> None:
            with runtime.db.read() as connection:
                connection.exec_driver_sql("SELECT kind, COUNT(*) FROM events GROUP BY kind").all()

        scan_s = best(args.repeat, scan)
        runtime.close()
    print(json.dumps({
        "events": count_events, "work_items": count_items, "instances": count_instances,
        "report_s": round(report_s, 4), "report_period_s": round(period_s, 4), "follows_s": round(follows_s, 4),
        "baseline_count_s": round(count_s, 4), "ratio_report_to_count": round(report_s / count_s, 2),
        "baseline_events_by_kind_s": round(scan_s, 4), "ratio_report_to_events_by_kind": round(report_s / scan_s, 2),
        "goal_report_s": 1.0, "fill_s": round(fill_s, 1),
    }))


if __name__ == "__main__":
    main()
