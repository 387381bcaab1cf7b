"""Exported SOPs run in SpiffWorkflow with Alur's safe script engine, along Ya and Tidak branches."""

from __future__ import annotations

from pathlib import Path

import pytest
from SpiffWorkflow.bpmn.workflow import BpmnWorkflow
from SpiffWorkflow.util.task import TaskState

from engine.bpmn.names import DECISION_FIELD
from engine.bpmn.spiff import events as spiff_events
from engine.bpmn.spiff.spec import parse_spec
from engine.bpmn.spiff.structure import step_of_spec
from engine.bpmn.structure_write import units_variable
from engine.bpmn.spiff.state import clock_timer_of, clock_timers
from engine.bpmn.writer import write_bpmn
from engine.bpmn.spiff.scripts import safe_script_engine
from engine.formats.files import load_file
from engine.sop.model import Sop, StepKind
from tests.conftest import shipped_processes

FORM_DATA = {"sisa_cuti": 12, "jumlah_hari": 3}


def _wake(workflow: BpmnWorkflow, sop: Sop, answer_no_once: set[str], answered_no: set[str]) -> str:
    """Nothing to work: deliver the message a wait row or an event-based choice waits for (its Ya), or
    fire its timer (an event-based choice named in ``answer_no_once``, on its first visit: its Tidak).

    Timers run on Alur's :class:`ClockTimer` (as in the runtime), fired by hand here.

    :return: the step woken ("" when nothing waits).
    """
    waiting = workflow.get_tasks(state=TaskState.WAITING)
    steps = {step.id: step for step in sop.steps}
    for task in waiting:
        step = steps.get(task.task_spec.bpmn_id or "")
        if step is None or not step.wait:
            continue
        if step.id in answer_no_once and step.id not in answered_no and clock_timer_of(task.task_spec):
            answered_no.add(step.id)
            task._set_internal_data(event_fired=True)
            workflow.refresh_timers()
        elif spiff_events.message_of(task.task_spec) is not None:
            spiff_events.deliver(workflow, task)
        elif clock_timer_of(task.task_spec) is not None:
            task._set_internal_data(event_fired=True)
            workflow.refresh_timers()
        else:
            continue
        workflow.do_engine_steps()
        return step.id
    return ""


def run(sop: Sop, answer_no_once: set[str]) -> list[str]:
    """Complete READY user tasks, answering each decision Ya except the first visit of those named;
    a decision that waits (reply vs timeout) takes Tidak by its timer."""
    spec = parse_spec(write_bpmn(sop)).spec
    assert spec is not None
    clock_timers(spec)
    workflow = BpmnWorkflow(spec, script_engine=safe_script_engine())
    workflow.get_tasks(state=TaskState.READY)[0].data.update(FORM_DATA)
    # a row done by every unit below the case's unit runs once per unit the runtime puts in the case
    workflow.get_tasks(state=TaskState.READY)[0].data.update({
        units_variable(step.id): ["Bidang Satu", "Bidang Dua"] for step in sop.steps
        if step.structure.multi is not None and step.structure.multi.over_units})
    workflow.do_engine_steps()
    done: list[str] = []
    answered_no: set[str] = set()
    for _ in range(500):
        ready = [t for t in workflow.get_tasks(state=TaskState.READY) if t.task_spec.manual]
        if not ready:
            woken = _wake(workflow, sop, answer_no_once, answered_no)
            if not woken:
                break
            done.append(woken)
            continue
        task = ready[0]
        name = step_of_spec(task.task_spec.name)
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
        # a decision behind another's Tidak (a second reply wait after the reminder) needs that Tidak too
        for before in [set(), *({other} for other in sorted(clerk_decisions - {decision}))]:
            path_taken = run(sop, {decision} | before)
            if decision in path_taken:
                break
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
