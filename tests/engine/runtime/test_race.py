"""Two processes complete the same work item at the same moment, 200 times: exactly one wins each round."""

from __future__ import annotations

import multiprocessing
from typing import Any

from sqlalchemy import func, select

from engine.errors import AlreadyCompletedError
from engine.runtime.facade import Runtime
from engine.store.models import events, work_items
from tests.conftest import DATA
from tests.engine.runtime.conftest import UNIT

ROUNDS = 200


def _clerk(url: str, username: str, barrier: Any, pipe: Any) -> None:
    runtime = Runtime(url)
    try:
        while True:
            item_id = pipe.recv()
            if item_id is None:
                return
            barrier.wait()
            try:
                runtime.complete(item_id, username, {"keputusan": "Tidak"})
                pipe.send(("won", ""))
            except AlreadyCompletedError as exc:
                pipe.send(("lost", exc.message))
            except Exception as exc:  # noqa: BLE001 - reported to the parent, which fails the test
                pipe.send(("error", f"{type(exc).__name__}: {exc}"))
    finally:
        runtime.close()


def test_exactly_one_of_two_processes_completes_each_item(runtime: Runtime, store_url: str) -> None:
    runtime.add_user("ani", jabatan=[("Pengadministrasi", UNIT)])
    runtime.add_user("budi", jabatan=[("Kepala Subbagian", UNIT)])
    runtime.add_user("bayu", jabatan=[("Kepala Subbagian", UNIT)])
    runtime.publish(DATA / "surat_kecil.yaml")
    context = multiprocessing.get_context("spawn")
    barrier = context.Barrier(2)
    pipes, clerks = [], []
    for username in ("budi", "bayu"):
        mine, theirs = context.Pipe()
        process = context.Process(target=_clerk, args=(store_url, username, barrier, theirs))
        process.start()
        pipes.append(mine)
        clerks.append(process)
    winners: dict[str, int] = {"budi": 0, "bayu": 0}
    try:
        for _ in range(ROUNDS):
            _, ready = runtime.start("surat_kecil", "ani", {"kelengkapan": ["Surat masuk"]})
            item_id = ready[0].id
            for pipe in pipes:
                pipe.send(item_id)
            outcomes = [pipe.recv() for pipe in pipes]
            assert sorted(kind for kind, _ in outcomes) == ["lost", "won"], outcomes
            winner = ("budi", "bayu")[[kind for kind, _ in outcomes].index("won")]
            winners[winner] += 1
            loser_message = next(message for kind, message in outcomes if kind == "lost")
            assert f"sudah diselesaikan oleh {winner} pada" in loser_message
    finally:
        for pipe in pipes:
            pipe.send(None)
        for process in clerks:
            process.join(30)
    assert all(process.exitcode == 0 for process in clerks)
    with runtime.db.read() as connection:
        done = connection.execute(select(func.count()).select_from(work_items).where(
            work_items.c.step_id == "periksa", work_items.c.status == "done")).scalar_one()
        completions = connection.execute(select(events.c.item_id, func.count()).where(events.c.kind == "completed")
                                         .group_by(events.c.item_id)).all()
        arsip = connection.execute(select(func.count()).select_from(work_items).where(
            work_items.c.step_id == "arsip")).scalar_one()
    assert done == ROUNDS and arsip == ROUNDS  # each instance moved on exactly once
    assert len(completions) == ROUNDS and all(count == 1 for _, count in completions)
    assert runtime.verify_audit()[2] is None
    print(f"race winners over {ROUNDS} rounds: {winners}")


def test_parallel_branches_completed_at_once_from_threads_both_count(runtime: Runtime) -> None:
    """Two clerks finish the two parallel branches of one instance at the same moment, 30 times."""
    import threading

    runtime.add_user("ani", jabatan=[("Pengadministrasi", UNIT)])
    runtime.add_user("budi", jabatan=[("Kepala Subbagian", UNIT)])
    runtime.add_user("citra", jabatan=[("Kepala Bagian", UNIT)])
    runtime.publish(DATA / "surat_kecil.yaml")
    for _ in range(30):
        _, ready = runtime.start("surat_kecil", "ani", {"kelengkapan": ["Surat masuk"]})
        (disposisi,) = runtime.complete(ready[0].id, "budi", {"keputusan": "Ya"}).ready
        branches = {item.step_id: item for item in runtime.complete(disposisi.id, "citra", {}).ready}
        barrier = threading.Barrier(2)
        failures: list[BaseException] = []

        def finish(step: str, user: str) -> None:
            barrier.wait()
            try:
                runtime.complete(branches[step].id, user, {})
            except BaseException as exc:  # noqa: BLE001 - collected and asserted below
                failures.append(exc)

        threads = [threading.Thread(target=finish, args=("catat", "ani")),
                   threading.Thread(target=finish, args=("salin", "budi"))]
        for thread in threads:
            thread.start()
        for thread in threads:
            thread.join()
        assert not failures
        gabung = [item for item in runtime.worklist("ani") if item.step_id == "gabung"]
        assert len(gabung) == 1
        runtime.complete(gabung[0].id, "ani", {})
        (periksa,) = [item for item in runtime.worklist("budi") if item.step_id == "periksa"]
        runtime.complete(periksa.id, "budi", {"keputusan": "Tidak"})
        (arsip,) = runtime.worklist("ani")
        assert runtime.complete(arsip.id, "ani", {}).instance.status == "completed"
    assert runtime.verify_audit()[2] is None
