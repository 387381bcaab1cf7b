"""Exported SOPs run in SpiffWorkflow with Alur's safe script engine, along Ya and Tidak branches."""

from __future__ import annotations

from pathlib import Path

import pytest
from SpiffWorkflow.bpmn.workflow import BpmnWorkflow
from SpiffWorkflow.util.task import TaskState

from engine.bpmn.names import DECISION_FIELD
from engine.bpmn.spiff.spec import parse_spec
from engine.bpmn.writer import write_bpmn
from engine.bpmn.spiff.scripts import safe_script_engine
from engine.formats.files import load_file
from engine.sop.model import Sop, StepKind
from tests.conftest import shipped_processes

FORM_DATA = {"sisa_cuti": 12, "jumlah_hari": 3}


def run(sop: Sop, answer_no_once: set[str]) -> list[str]:
    """Complete READY user tasks, answering each decision Ya except the first visit of those named."""
    spec = parse_spec(write_bpmn(sop)).spec
    assert spec is not None
    workflow = BpmnWorkflow(spec, script_engine=safe_script_engine())
    workflow.get_tasks(state=TaskState.READY)[0].data.update(FORM_DATA)
    workflow.do_engine_steps()
    done: list[str] = []
    answered_no: set[str] = set()
    for _ in range(500):
        ready = [t for t in workflow.get_tasks(state=TaskState.READY) if t.task_spec.manual]
        if not ready:
            break
        task = ready[0]
        name = task.task_spec.name
        step = sop.step(name)
        assert task.task_spec.lane == step.actor  # the lane is the jabatan that works the step
        if step.kind is StepKind.DECISION:
            no = name in answer_no_once and name not in answered_no
            answered_no.add(name) if no else None
            task.data[DECISION_FIELD] = "Tidak" if no else "Ya"
        task.run()
        done.append(name)
        workflow.do_engine_steps()
    assert workflow.is_completed(), f"stuck after {done}"
    return done


@pytest.mark.parametrize("path", shipped_processes(), ids=lambda p: p.name)
def test_every_shipped_sop_runs_to_completion_along_ya_and_tidak(path: Path) -> None:
    sop = load_file(path).sop
    clerk_decisions = {s.id for s in sop.steps if s.kind is StepKind.DECISION and not s.condition}
    all_yes = run(sop, set())
    assert all_yes
    for decision in clerk_decisions:
        path_taken = run(sop, {decision})
        assert decision in path_taken
        # the Tidak branch's target was worked (unless it is a plain end event)
        target = sop.step(sop.step(decision).no)
        if not (target.kind is StepKind.END and not target.is_working_end):
            assert target.id in path_taken


def test_parallel_branches_both_run_before_the_join() -> None:
    sop = load_file(Path("processes/pengadaan-langsung.bpmn")).sop
    fan_out = next(s for s in sop.steps if len(s.next) > 1)
    join = next(s for s in sop.steps if s.join)
    done = run(sop, set())
    for branch in fan_out.next:
        assert done.index(branch) < done.index(join.id)
    assert done.count(join.id) == 1
