"""Benchmark: durable Alur completions against raw in-memory SpiffWorkflow, and the worklist at scale.

Prints one JSON line:

- ``raw_completions_per_s``: SpiffWorkflow alone, in memory, completing every user task of many
  instances of a 10-step SOP (``task.run()`` + ``do_engine_steps()``), the same SOP Alur runs;
- ``alur_completions_per_s``: ``Runtime.complete`` on the same SOP, SQLite (WAL) in one process:
  each completion is one committed transaction (checks, state, work items, hash-chained events);
- ``ratio`` = alur / raw (goal >= 0.5), and ``alur_cold_completions_per_s`` with the runtime's
  workflow cache cleared before every completion (every step deserialised from the store);
- ``worklist_p50_ms`` / ``worklist_p95_ms``: ``Runtime.worklist`` for clerks of a store holding
  ``open_instances`` open instances (goal p95 <= 5 ms).

Usage: ``python bench/durable.py [--instances 200] [--open 100000]``. The open instances for the
worklist are one real instance copied with SQL (the worklist reads only ``work_items``).
"""

from __future__ import annotations

import argparse
import json
import random
import statistics
import sys
import tempfile
import time
from datetime import datetime, timedelta, timezone
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from sqlalchemy import Connection, MetaData, Table, insert, select  # noqa: E402
from SpiffWorkflow.util.task import TaskState  # noqa: E402

from engine import (  # noqa: E402
    Runtime, new_workflow, parse_spec, state_to_json, synthetic_sop, upgrade_database, write_bpmn)

UNIT = "Bagian Uji"


def _tables(connection: Connection, *names: str) -> list[Table]:
    """The store's tables as the database has them (the bench fills them with SQL, like a restore would)."""
    metadata = MetaData()
    return [Table(name, metadata, autoload_with=connection) for name in names]


def ten_step_sop():  # type: ignore[no-untyped-def]
    return synthetic_sop(steps=10, actors=3, decisions=1, loops=0, parallel=False, seed=1)


def raw(count: int) -> tuple[float, int]:
    sop = ten_step_sop()
    spec = parse_spec(write_bpmn(sop)).spec
    workflows = []
    for _ in range(count):
        workflow = new_workflow(spec)
        workflow.do_engine_steps()
        workflows.append(workflow)
    done = 0
    began = time.perf_counter()
    for workflow in workflows:
        while True:
            ready = [task for task in workflow.get_tasks(state=TaskState.READY) if task.task_spec.manual]
            if not ready:
                break
            task = ready[0]
            task.data["keputusan"] = "Ya"
            task.run()
            workflow.do_engine_steps()
            done += 1
        assert workflow.is_completed()
    return done / (time.perf_counter() - began), done


def durable(folder: Path, count: int, cold: bool) -> tuple[float, int]:
    url = f"sqlite:///{folder / ('cold.db' if cold else 'warm.db')}"
    upgrade_database(url)
    runtime = Runtime(url)
    sop = ten_step_sop()
    people = {}
    for index, jabatan in enumerate(sop.actors):
        people[jabatan] = f"p{index}"
        runtime.add_user(f"p{index}", jabatan=[(jabatan, UNIT)])
    runtime.publish(sop, "sepuluh")
    assert sop.start is not None
    queue = []
    for _ in range(count):
        _, ready = runtime.start("sepuluh", people[sop.start.actor], {"alasan": "uji", "data": {}})
        queue.extend(ready)
    steps = {step.id: step for step in sop.steps}
    done = 0
    began = time.perf_counter()
    while queue:
        item = queue.pop(0)
        step = steps[item.step_id]
        form = {"kelengkapan": step.requirements}
        if step.kind.value == "decision":
            form["keputusan"] = "Ya"
        if cold:
            runtime.clear_caches()
        result = runtime.complete(item.id, people[item.jabatan], form)
        queue.extend(result.ready)
        done += 1
    elapsed = time.perf_counter() - began
    assert runtime.open_item_count() == 0
    runtime.close()
    return done / elapsed, done


def limits(folder: Path, rounds: int = 2000) -> dict[str, float]:
    """Milliseconds per completion spent on what Alur cannot skip: a commit, and saving the state."""
    from sqlalchemy import text

    url = f"sqlite:///{folder / 'commit.db'}"
    upgrade_database(url)
    store = Runtime(url)
    database = store.db
    with database.write() as connection:
        connection.execute(text("CREATE TABLE t (id INTEGER PRIMARY KEY, body TEXT)"))
        connection.execute(text("INSERT INTO t VALUES (1, '')"))
    body = "x" * 5000
    began = time.perf_counter()
    for _ in range(rounds):
        with database.write() as connection:
            connection.exec_driver_sql("UPDATE t SET body = ? WHERE id = 1", (body,))
    commit_ms = (time.perf_counter() - began) / rounds * 1000
    store.close()
    sop = ten_step_sop()
    workflow = new_workflow(parse_spec(write_bpmn(sop)).spec)
    workflow.do_engine_steps()
    for _ in range(4):
        task = next(task for task in workflow.get_tasks(state=TaskState.READY) if task.task_spec.manual)
        task.data["keputusan"] = "Ya"
        task.run()
        workflow.do_engine_steps()
    began = time.perf_counter()
    for _ in range(rounds):
        state_to_json(workflow)
    serialize_ms = (time.perf_counter() - began) / rounds * 1000
    return {"transaction_with_one_5kb_update_ms": round(commit_ms, 3), "serialize_state_ms": round(serialize_ms, 3)}


def worklist(folder: Path, open_instances: int, calls: int) -> tuple[float, float, float]:
    url = f"sqlite:///{folder / 'worklist.db'}"
    upgrade_database(url)
    runtime = Runtime(url)
    sop = ten_step_sop()
    units = [f"Unit {index:02d}" for index in range(20)]
    assert sop.start is not None
    runtime.add_user("pemula", jabatan=[(sop.start.actor, unit) for unit in units])
    runtime.publish(sop, "sepuluh")
    instance, _ = runtime.start("sepuluh", "pemula", {"alasan": "uji"}, unit=units[0])
    rng = random.Random(7)
    now = datetime.now(timezone.utc)
    began = time.perf_counter()
    with runtime.db.write() as connection:
        instances, work_items, users, holdings = _tables(connection, "instances", "work_items", "users", "holdings")
        template = connection.execute(select(instances).where(instances.c.id == instance.id)).one()._asdict()
        item = connection.execute(select(work_items).where(work_items.c.instance_id == instance.id)).one()._asdict()
        batch_instances, batch_items = [], []
        for number in range(open_instances - 1):
            new_id = instance.id + 1 + number
            batch_instances.append({**template, "id": new_id})
            batch_items.append({**item, "id": item["id"] + 1 + number, "instance_id": new_id,
                                "task_id": f"bench-{new_id}", "jabatan": rng.choice(sop.actors),
                                "unit": rng.choice(units), "ready_at": now,
                                "due_at": now + timedelta(minutes=rng.randrange(-600, 6000))})
            if len(batch_items) == 5000:
                connection.execute(insert(instances), batch_instances)
                connection.execute(insert(work_items), batch_items)
                batch_instances, batch_items = [], []
        if batch_items:
            connection.execute(insert(instances), batch_instances)
            connection.execute(insert(work_items), batch_items)
        for index in range(50):  # clerks: one jabatan in one unit, some in two units
            user_id = connection.execute(insert(users).returning(users.c.id), {
                "username": f"k{index}", "nama": "", "nip": "", "created_at": now}).scalar_one()
            for unit in rng.sample(units, 1 + index % 2):
                connection.execute(insert(holdings), {"user_id": user_id, "jabatan": rng.choice(sop.actors),
                                                      "unit": unit})
    filled = time.perf_counter() - began
    assert runtime.instance_count() == open_instances and runtime.open_item_count() == open_instances
    timings = []
    for call in range(calls):
        username = f"k{call % 50}"
        start = time.perf_counter()
        items = runtime.worklist(username)
        timings.append((time.perf_counter() - start) * 1000)
        assert items
    runtime.close()
    timings.sort()
    return statistics.median(timings), timings[int(len(timings) * 0.95) - 1], filled


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--instances", type=int, default=300, help="instances of the 10-step SOP to complete")
    parser.add_argument("--open", type=int, default=100_000, help="open instances for the worklist")
    parser.add_argument("--calls", type=int, default=2000, help="worklist calls to time")
    args = parser.parse_args()
    with tempfile.TemporaryDirectory(prefix="alur-bench-") as folder:
        raw(30)  # warm up imports and caches
        raw_rate, raw_done = raw(args.instances)
        alur_rate, alur_done = durable(Path(folder), args.instances, cold=False)
        cold_rate, _ = durable(Path(folder), max(20, args.instances // 5), cold=True)
        floor = limits(Path(folder))
        p50, p95, filled = worklist(Path(folder), args.open, args.calls)
    print(json.dumps({
        "sop_steps": 10, "completions": raw_done,
        "raw_completions_per_s": round(raw_rate), "alur_completions_per_s": round(alur_rate),
        "ratio": round(alur_rate / raw_rate, 3), "ratio_goal": 0.5,
        "alur_cold_completions_per_s": round(cold_rate),
        "open_instances": args.open, "worklist_p50_ms": round(p50, 3), "worklist_p95_ms": round(p95, 3),
        "worklist_p95_goal_ms": 5, "fill_seconds": round(filled, 1), "database": "sqlite (WAL, synchronous=NORMAL)",
        "alur_completions": alur_done,
        "raw_ms_per_completion": round(1000 / raw_rate, 3), "alur_ms_per_completion": round(1000 / alur_rate, 3),
        "floor": floor,
    }))


if __name__ == "__main__":
    main()
