"""Instance state without the spec, pruning of finished history, and timers that only the runtime fires."""

from __future__ import annotations

import json

from SpiffWorkflow.util.task import TaskState

from engine.bpmn.spiff import state
from engine.bpmn.escalation import add_escalation_timers
from engine.bpmn.spiff.spec import parse_spec
from engine.bpmn.writer import write_bpmn
from engine.formats.files import load_file
from tests.conftest import DATA


def test_the_stored_state_does_not_carry_the_spec() -> None:
    spec = parse_spec(write_bpmn(load_file(DATA / "surat_kecil.yaml").sop)).spec
    workflow = state.new_workflow(spec)
    workflow.do_engine_steps()
    text = state.state_to_json(workflow)
    assert "spec" not in json.loads(text)
    again = state.state_from_json(text, state.spec_from_json(state.spec_to_json(spec)))
    assert [t.task_spec.name for t in again.get_tasks(state=TaskState.READY)] == ["periksa"]


def test_pruning_keeps_a_loop_with_a_parallel_block_correct() -> None:
    sop = load_file(DATA / "surat_kecil.yaml").sop
    spec = parse_spec(write_bpmn(sop)).spec
    workflow = state.new_workflow(spec)
    workflow.do_engine_steps()
    done: list[str] = []
    turns = 0
    while not workflow.is_completed():
        task = next(t for t in workflow.get_tasks(state=TaskState.READY) if t.task_spec.manual)
        if task.task_spec.name == "periksa":
            turns += 1
            task.data["keputusan"] = "Ya" if turns <= 400 else "Tidak"  # Ya loops through disposisi
        task.run()
        workflow.do_engine_steps()
        done.append(task.task_spec.name)
        workflow = state.state_from_json(state.state_to_json(workflow), spec)  # prunes on every save
        assert len(workflow.tasks) < 60
    assert turns == 401 and done[-1] == "arsip"
    assert done.count("gabung") == 400 and done.count("catat") == done.count("salin") == 400


def test_escalation_timers_fire_only_when_marked() -> None:
    spec = parse_spec(add_escalation_timers(write_bpmn(load_file(DATA / "surat_kecil.yaml").sop))).spec
    assert state.clock_timers(spec) == []
    workflow = state.new_workflow(spec)
    workflow.do_engine_steps()
    (timer,) = [t for t in workflow.get_tasks(state=TaskState.WAITING)
                if isinstance(getattr(t.task_spec, "event_definition", None), state.ClockTimer)]
    assert timer.task_spec.bpmn_id == "periksa__eskalasi"
    workflow.refresh_timers()
    assert timer.state == TaskState.WAITING
    timer._set_internal_data(event_fired=True)
    workflow.refresh_timers()
    workflow.do_engine_steps()
    assert timer.state == TaskState.COMPLETED
    assert [t.task_spec.name for t in workflow.get_tasks(state=TaskState.READY) if t.task_spec.manual] == ["periksa"]


def _stock_registry():  # type: ignore[no-untyped-def]
    """SpiffWorkflow's own task converter with the same workflow shape (no spec): what states were saved with."""
    from SpiffWorkflow.bpmn.serializer.default.event_definition import TimerConditionalEventDefinitionConverter
    from SpiffWorkflow.bpmn.serializer.default.workflow import BpmnWorkflowConverter, TaskConverter
    from SpiffWorkflow.bpmn.serializer.workflow import BpmnWorkflowSerializer
    from SpiffWorkflow.bpmn.workflow import BpmnWorkflow
    from SpiffWorkflow.spiff.serializer.config import SPIFF_CONFIG
    from SpiffWorkflow.spiff.specs.defaults import ParallelMultiInstanceTask, SequentialMultiInstanceTask
    from SpiffWorkflow.task import Task

    from engine.bpmn.spiff.structure import ParallelRows, SequentialRows

    class StockWithoutSpec(BpmnWorkflowConverter):
        def to_dict(self, workflow):  # type: ignore[no-untyped-def]
            dct = super(BpmnWorkflowConverter, self).to_dict(workflow)
            dct["subprocesses"] = self.mapping_to_dict(workflow.subprocesses)
            dct["bpmn_events"] = self.registry.convert(workflow.bpmn_events)
            return dct

    config = dict(SPIFF_CONFIG)
    assert config[Task] is TaskConverter
    config.update({BpmnWorkflow: StockWithoutSpec, state.ClockTimer: TimerConditionalEventDefinitionConverter,
                   state.ClockDateTimer: TimerConditionalEventDefinitionConverter,
                   ParallelRows: config[ParallelMultiInstanceTask],
                   SequentialRows: config[SequentialMultiInstanceTask]})
    return BpmnWorkflowSerializer(BpmnWorkflowSerializer.configure(config)).registry


def test_the_fast_task_converter_writes_what_spiffworkflows_own_writes() -> None:
    # the runtime's saves skip SpiffWorkflow's generic converter helpers; the text must stay the same,
    # byte for byte, so stored states and new ones are one format (sub-processes and loops included)
    stock = _stock_registry()
    compared = 0
    for path in (DATA / "surat_kecil.yaml", DATA / "revisi_berulang.yaml",
                 DATA / "structure" / "subproses_berulang.yaml", DATA / "structure" / "paraf_berurutan.yaml"):
        sop = load_file(path).sop
        spec = parse_spec(write_bpmn(sop)).spec
        workflow = state.new_workflow(spec)
        workflow.get_tasks(state=TaskState.READY)[0].data.update({"nomor": 7, "catatan": {"isi": ["a", "b"]},
                                                                  "pemaraf": [{"bidang": "A"}, {"bidang": "B"}]})
        workflow.do_engine_steps()
        for turn in range(60):
            ready = [t for t in workflow.get_tasks(state=TaskState.READY) if t.task_spec.manual]
            if not ready:
                break
            task = ready[0]
            task.data.update({"keputusan": "Ya" if turn < 4 else "Tidak", "lengkap": "Tidak" if turn < 3 else "Ya",
                              f"isian_{turn % 3}": turn})
            task.data.pop("nomor", None) if turn == 2 else None  # a deletion against the parent's data
            task.run()
            workflow.do_engine_steps()
            text = state.state_to_json(workflow)  # prunes first, so both see the same tree
            assert text == json.dumps(stock.convert(workflow), separators=(",", ":")), (path.name, turn)
            workflow = state.state_from_json(text, spec)
            compared += 1
        assert workflow.is_completed(), path.name
    assert compared >= 20
