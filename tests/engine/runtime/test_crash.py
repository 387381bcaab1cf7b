"""A process completing items is killed with SIGKILL at random points 20 times; nothing committed is lost."""

from __future__ import annotations

import multiprocessing
import random
import signal
import time
from pathlib import Path

import pytest
from click.testing import CliRunner
from sqlalchemy import select
from SpiffWorkflow.util.task import TaskState

from engine.bpmn.spiff.state import state_from_json
from engine.cli.main import main as cli
from engine.runtime.facade import Runtime
from engine.store.migrate import upgrade_state
from engine.store.models import events, instances, work_items
from tests.conftest import DATA
from tests.engine.runtime import crash_child
from tests.engine.runtime.conftest import UNIT

KILLS = 20


def crash_many_times(url: str, log: Path, kills: int) -> None:
    rng = random.Random(20260302)
    # Each child is forked by a forkserver that imported the engine once, so a kill costs its sleep and
    # not a fresh interpreter's imports; the child is still a process of its own with its own connections.
    context = multiprocessing.get_context("forkserver")
    context.set_forkserver_preload(["tests.engine.runtime.crash_child"])
    for _ in range(kills):
        parent, child_end = context.Pipe(duplex=False)
        child = context.Process(target=crash_child.serve, args=(url, str(log), child_end))
        child.start()
        child_end.close()
        try:
            assert parent.poll(60) and parent.recv() == "ready"
            time.sleep(rng.uniform(0.05, 0.8))
        finally:
            child.kill()  # SIGKILL
            child.join(30)
            parent.close()
        assert child.exitcode == -signal.SIGKILL


def check_after_crashes(url: str, log: Path, clerk_units: list[str], kills: int = KILLS) -> None:
    acknowledged = [int(line) for line in log.read_text().split()]
    assert len(acknowledged) > kills  # the children did real work between kills
    runtime = Runtime(url)
    try:
        with runtime.db.read() as connection:
            done = dict(connection.execute(select(work_items.c.id, work_items.c.completed_by)
                                           .where(work_items.c.status == "done")).all())
            completed_events = set(connection.execute(select(events.c.item_id).where(events.c.kind == "completed"))
                                   .scalars())
            rows = connection.execute(select(instances)).all()
            open_items = connection.execute(select(work_items.c.instance_id, work_items.c.task_id)
                                            .where(work_items.c.status == "open")).all()
        lost = [item for item in acknowledged if item not in done or item not in completed_events]
        assert not lost, f"committed completions lost: {lost}"
        assert set(done) == completed_events  # and nothing half-done: every done item has its event
        open_by_instance: dict[int, set[str]] = {}
        for instance_id, task_id in open_items:
            open_by_instance.setdefault(instance_id, set()).add(task_id)
        for row in rows:  # every instance loads, and its open work items are exactly its READY tasks
            spec = runtime.version_spec(row.version_id)
            workflow = state_from_json(upgrade_state(row.state, row.state_format), spec)
            ready = {str(task.id) for task in workflow.get_tasks(state=TaskState.READY) if task.task_spec.manual}
            assert ready == open_by_instance.get(row.id, set()), row.id
        result = CliRunner().invoke(cli, ["audit", "verify"], env={"ALUR_DATABASE_URL": url})
        assert result.exit_code == 0, result.output
        assert "utuh" in result.output
        # and work goes on: finish every instance
        for _ in range(10_000):
            items = runtime.worklist("serba", limit=50)
            if not items:
                break
            for item in items:
                runtime.complete(item.id, "serba", {"keputusan": "Tidak"} if item.step_id == "periksa" else {})
        assert runtime.open_item_count() == 0
    finally:
        runtime.close()


def prepare(url: str) -> None:
    runtime = Runtime(url)
    try:
        runtime.add_user("serba", jabatan=[(jabatan, UNIT) for jabatan in
                                           ("Pengadministrasi", "Kepala Subbagian", "Kepala Bagian")])
        runtime.publish(DATA / "surat_kecil.yaml")
    finally:
        runtime.close()


def test_sigkill_20_times_loses_no_committed_completion_sqlite(sqlite_url: str, tmp_path: Path) -> None:
    prepare(sqlite_url)
    crash_many_times(sqlite_url, tmp_path / "done.log", KILLS)
    check_after_crashes(sqlite_url, tmp_path / "done.log", [UNIT])


@pytest.mark.postgresql
def test_sigkill_20_times_loses_no_committed_completion_postgresql(tmp_path: Path,
                                                                    request: pytest.FixtureRequest) -> None:
    from tests.engine.runtime.conftest import fresh_url

    url = fresh_url("postgresql", tmp_path, request)
    prepare(url)
    crash_many_times(url, tmp_path / "done.log", KILLS)
    check_after_crashes(url, tmp_path / "done.log", [UNIT])
