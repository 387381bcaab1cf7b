"""The bench/http.py mix in one process (Flask test client): SQL statements, thread CPU and Python calls per request.

For each operation of the mix (start, API worklist, HTML worklist, task page, completion of the
shipped SOP *Pengelolaan Surat Masuk*) it prints the median statements sent to the database (a
SQLAlchemy ``before_cursor_execute`` listener; a connection's own BEGIN/COMMIT are counted apart,
as ``tx``), the median thread CPU in ms, and with ``--profile OPERATION`` the cProfile of that
operation's requests (top functions by cumulative time) on stderr. Prints ONE JSON line.

Usage: ``python -P bench/inprocess.py [--rounds 6] [--clerks 4] [--postgresql URL] [--profile task_html]``.
"""

from __future__ import annotations

import argparse
import cProfile
import io
import json
import pstats
import statistics
import sys
import tempfile
import time
from collections.abc import Callable
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from sqlalchemy import event  # noqa: E402

from engine import StepKind, read_bpmn, sample_values  # noqa: E402

SOP_FILE = ROOT / "processes" / "pengelolaan-surat-masuk.bpmn"
KEY = "surat-masuk"
PASSWORD = "bench-kata-sandi-7"


class Counter:
    def __init__(self) -> None:
        self.statements = 0
        self.transactions = 0
        self.log: list[str] = []
        self.keep = False

    def before(self, conn: Any, cursor: Any, statement: str, parameters: Any, context: Any, executemany: bool) -> None:
        self.statements += 1
        if self.keep:
            self.log.append(statement.split("\n", 1)[0][:160])

    def begin(self, conn: Any) -> None:
        self.transactions += 1


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n", 1)[0])
    parser.add_argument("--rounds", type=int, default=6, help="instances each clerk runs to the end")
    parser.add_argument("--clerks", type=int, default=4)
    parser.add_argument("--postgresql", default="", help="an empty PostgreSQL database URL instead of SQLite")
    parser.add_argument("--warmup", type=int, default=1, help="rounds run first and not counted")
    parser.add_argument("--profile", default="", help="an operation whose requests are profiled")
    parser.add_argument("--log", default="", help="an operation whose statements of one request are printed")
    options = parser.parse_args()

    from engine import Runtime, add_account, issue_token
    from webui import create_app

    with tempfile.TemporaryDirectory(prefix="alur-inprocess-") as folder:
        url = options.postgresql or f"sqlite:///{Path(folder) / 'bench.db'}"
        app = create_app({"TESTING": True, "SECRET_KEY": "bench", "WTF_CSRF_ENABLED": False, "DATABASE_URL": url,
                          "UJICOBA_GATE": None})
        runtime: Runtime = app.extensions["alur_runtime"]
        sop = read_bpmn(SOP_FILE.read_bytes()).sop
        actors = sorted({step.actor for step in sop.steps if step.actor})
        decisions = {step.id for step in sop.steps if step.kind is StepKind.DECISION}
        kelengkapan = {step.id: list(step.requirements) for step in sop.steps}
        values = {step.id: sample_values(sop, step.id) for step in sop.steps}
        add_account(runtime, "penerbit", PASSWORD, ["admin"])
        runtime.publish(SOP_FILE, KEY)
        clerks = []
        for number in range(options.clerks):
            name, unit = f"klerk{number:02d}", f"Unit Uji {number:02d}"
            add_account(runtime, name, PASSWORD, ["pelaksana"], jabatan=[(actor, unit) for actor in actors])
            web = app.test_client()
            answer = web.post("/masuk", data={"username": name, "password": PASSWORD})
            assert answer.status_code == 302, answer.status_code
            clerks.append((unit, {"Authorization": f"Bearer {issue_token(runtime, name)}"}, web))

        counter = Counter()
        engine = runtime.db.engine
        event.listen(engine, "before_cursor_execute", counter.before)
        event.listen(engine, "begin", counter.begin)
        times: dict[str, list[float]] = {}
        counts: dict[str, list[int]] = {}
        tx: dict[str, list[int]] = {}
        profiler = cProfile.Profile()
        logged: list[str] = []

        recording = False

        def timed(operation: str, call: Callable[[], Any], expect: int) -> Any:
            if not recording:
                answer = call()
                assert answer.status_code == expect, (operation, answer.status_code)
                return answer
            counter.statements = counter.transactions = 0
            counter.log = []
            counter.keep = operation == options.log and not logged
            profile = operation == options.profile
            began = time.thread_time()
            if profile:
                profiler.enable()
            answer = call()
            if profile:
                profiler.disable()
            times.setdefault(operation, []).append((time.thread_time() - began) * 1000)
            counts.setdefault(operation, []).append(counter.statements)
            tx.setdefault(operation, []).append(counter.transactions)
            if counter.keep:
                logged.extend(counter.log)
            assert answer.status_code == expect, (operation, answer.status_code, answer.get_data(as_text=True)[:400])
            return answer

        for round_ in range(options.warmup + options.rounds):
            recording = round_ >= options.warmup
            for unit, bearer, web in clerks:
                start = {"unit": unit, "form": {"kelengkapan": kelengkapan[sop.steps[0].id],
                                                "data": values[sop.steps[0].id]}}
                ready = timed("start", lambda: web.post(f"/api/v1/sop/{KEY}/instans", json=start, headers=bearer),
                              201).get_json()["ready"]
                while ready:
                    timed("worklist_api", lambda: web.get("/api/v1/tugas", headers=bearer), 200)
                    timed("worklist_html", lambda: web.get("/tugas/"), 200)
                    item = ready[0]
                    timed("task_html", lambda: web.get(f"/tugas/{item['id']}"), 200)
                    form: dict[str, Any] = {"kelengkapan": kelengkapan.get(item["step_id"], [])}
                    if values.get(item["step_id"]):
                        form["data"] = values[item["step_id"]]
                    if item["step_id"] in decisions:
                        form["keputusan"] = "Ya"
                    ready = timed("complete", lambda: web.post(f"/api/v1/tugas/{item['id']}/selesai", json=form,
                                                               headers=bearer), 200).get_json()["ready"]
        result = {operation: {"statements": statistics.median(counts[operation]),
                              "transactions": statistics.median(tx[operation]),
                              "cpu_ms": round(statistics.median(values_), 2), "n": len(values_)}
                  for operation, values_ in times.items()}
        result["database"] = "postgresql" if options.postgresql else "sqlite"
        if options.profile:
            out = io.StringIO()
            pstats.Stats(profiler, stream=out).sort_stats("cumulative").print_stats(60)
            print(out.getvalue(), file=sys.stderr)
        if logged:
            print("\n".join(logged), file=sys.stderr)
        runtime.close()
        print(json.dumps(result))


if __name__ == "__main__":
    main()
