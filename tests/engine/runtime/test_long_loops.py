"""A revision loop that turns 2,000 times completes correctly (SpiffWorkflow alone stops at ~330-500)."""

from __future__ import annotations

import pytest

from engine.bpmn.spiff import state
from engine.bpmn.spiff.spec import parse_spec
from engine.bpmn.writer import write_bpmn
from engine.formats.files import load_file
from engine.runtime.facade import Runtime
from tests.conftest import DATA
from tests.engine.runtime.conftest import UNIT

LOOP = DATA / "revisi_berulang.yaml"


def turn_loop(runtime: Runtime, turns: int, reload_every: int) -> int:
    runtime.add_user("penyusun", jabatan=[("Pengonsep", UNIT)])
    runtime.add_user("pemeriksa", jabatan=[("Pemeriksa", UNIT)])
    instance, ready = runtime.start("revisi_berulang", "penyusun", {})
    item, answered, steps = ready[0], 0, 0
    while True:
        if steps % reload_every == 0:
            runtime.clear_caches()
        if item.step_id == "susun":
            result = runtime.complete(item.id, "penyusun", {"kelengkapan": ["Data pendukung"]})
        else:
            answered += 1
            result = runtime.complete(item.id, "pemeriksa", {"keputusan": "Ya" if answered > turns else "Tidak"})
        steps += 1
        if not result.ready:
            break
        (item,) = result.ready
    assert result.instance.status == "completed"
    assert answered == turns + 1
    return instance.id


def test_spiffworkflow_alone_reports_false_completion_in_a_long_loop() -> None:
    """The control: without pruning the same loop 'completes' after ~330 turns with work left."""
    spec = parse_spec(write_bpmn(load_file(LOOP).sop)).spec
    workflow = state.new_workflow(spec)
    workflow.do_engine_steps()
    turns = 0
    while not workflow.is_completed() and turns < 600:
        task = next(t for t in workflow.get_tasks() if t.state == 16 and t.task_spec.manual)  # READY
        if task.task_spec.name == "periksa":
            turns += 1
            task.data["keputusan"] = "Tidak"
        task.run()
        workflow.do_engine_steps()
    assert workflow.is_completed() and turns < 600  # reported complete while the loop still runs


def test_a_2000_turn_revision_loop_completes(sqlite_url: str) -> None:
    runtime = Runtime(sqlite_url)
    try:
        runtime.publish(LOOP)
        instance_id = turn_loop(runtime, 2000, reload_every=97)
        trail = runtime.trace(instance_id)[1]
        assert sum(1 for event in trail if event.kind == "completed") == 4002  # 2,001 drafts and 2,001 reviews
        assert trail[-1].kind == "finished"
        assert runtime.verify_audit()[2] is None
    finally:
        runtime.close()


@pytest.mark.slow
def test_a_2000_turn_revision_loop_completes_on_both_databases(store_url: str) -> None:
    runtime = Runtime(store_url)
    try:
        runtime.publish(LOOP)
        turn_loop(runtime, 2000, reload_every=1)
    finally:
        runtime.close()


def test_a_long_loop_with_escalation_timers_completes(sqlite_url: str) -> None:
    """Boundary timers made SpiffWorkflow raise RecursionError at ~330 turns."""
    runtime = Runtime(sqlite_url)
    try:
        runtime.publish(LOOP, escalation=True)
        turn_loop(runtime, 600, reload_every=50)
    finally:
        runtime.close()
