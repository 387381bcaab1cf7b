"""Instance state for the durable runtime: serialise a SpiffWorkflow workflow without its spec.

Measured in SpiffWorkflow 3.2.0: about half of a serialised instance is the process spec. Alur
stores the spec once per SOP version (:func:`spec_to_json`) and each instance only as its task tree
(:func:`state_to_json`); :func:`state_from_json` rebuilds the workflow around the version's spec,
which the runtime keeps parsed in memory.

Two more facts are handled here:

* the task iterator stops at depth 1000, so a revision loop that turned ~500 times made
  ``is_completed()`` report True with work left. :func:`prune` cuts the finished history above the
  live part of the tree before every save, so the tree stays as deep as one turn of the loop;
* SpiffWorkflow evaluates timer expressions with its script engine and compares them with its own
  clock. :func:`clock_timers` swaps every timer definition for :class:`ClockTimer`, which fires only
  when the runtime says so; the runtime parses the ISO 8601 expression itself
  (:mod:`engine.runtime.timers`) and keeps the due time in its own table, on its own (injectable) clock.
"""

from __future__ import annotations

import json
from typing import Any
from uuid import UUID

from SpiffWorkflow.bpmn.serializer.default.event_definition import TimerConditionalEventDefinitionConverter
from SpiffWorkflow.bpmn.serializer.default.workflow import BpmnWorkflowConverter, TaskConverter
from SpiffWorkflow.bpmn.serializer.workflow import BpmnWorkflowSerializer
from SpiffWorkflow.bpmn.specs.bpmn_process_spec import BpmnProcessSpec
from SpiffWorkflow.bpmn.specs.event_definitions.multiple import MultipleEventDefinition
from SpiffWorkflow.bpmn.specs.event_definitions.timer import (
    CycleTimerEventDefinition,
    TimeDateEventDefinition,
    TimerEventDefinition,
)
from SpiffWorkflow.bpmn.workflow import BpmnWorkflow
from SpiffWorkflow.spiff.serializer.config import SPIFF_CONFIG
from SpiffWorkflow.spiff.specs.defaults import ParallelMultiInstanceTask, SequentialMultiInstanceTask
from SpiffWorkflow.task import Task
from SpiffWorkflow.util.task import TaskState

from engine.bpmn.spiff.scripts import safe_script_engine
from engine.bpmn.spiff.structure import ParallelRows, SequentialRows, attach_subprocess_specs, subprocess_specs

#: Version of the stored instance format (bumped with an upgrade function in ``engine.store.migrate``).
STATE_FORMAT = 1

#: Prune when the tree holds more tasks than this; a turn of the biggest shipped SOP is ~60 tasks.
PRUNE_ABOVE = 12

_INTERNAL_FIRED = "event_fired"
#: Key of the embedded sub-process specs in a stored spec (absent for a flat SOP).
_SUBPROCESSES = "alur_subprocesses"


class ClockTimer(TimerEventDefinition):
    """A timer that fires only when the runtime marks its task (never on SpiffWorkflow's clock)."""

    def has_fired(self, my_task: Any) -> bool:
        return bool(my_task._get_internal_data(_INTERNAL_FIRED, False))

    def details(self, my_task: Any) -> Any:
        from SpiffWorkflow.bpmn.specs.event_definitions.base import PendingBpmnEvent

        return PendingBpmnEvent(self.name, self.__class__.__name__, None)


class ClockDateTimer(ClockTimer):
    """A :class:`ClockTimer` whose expression is a date-time (``timeDate``) instead of a duration."""


#: Task ids as text: ``str(UUID)`` is ~1 us, and a save writes each id three or four times.
_UUID_TEXT: dict[UUID, str] = {}


def _uuid_text(value: UUID) -> str:
    text = _UUID_TEXT.get(value)
    if text is None:
        if len(_UUID_TEXT) >= 200_000:  # ids of finished instances: start again rather than grow
            _UUID_TEXT.clear()
        text = _UUID_TEXT[value] = str(value)
    return text


def _task_dict(task: Task, registry: Any) -> dict[str, Any]:
    """What SpiffWorkflow's ``TaskConverter.to_dict`` makes of a task (key for key, in its order),
    written out: its generic helpers (a registry look-up, a cleaned copy and a ``DeepMerge`` call per
    task) were most of the cost of saving a state. Only the changes against the parent's data are kept.
    """
    parent_id = task._parent
    parent = task.workflow.tasks.get(parent_id)  # Task.parent
    data = task.data
    if parent is None:
        delta: dict[str, Any] = {}
    else:
        before = parent.data
        delta = {"updates": {key: data[key] for key in data if key not in before or data[key] != before[key]},
                 "deletions": [key for key in before if key not in data]}
        data = {}
    internal = task.internal_data
    return {"id": _uuid_text(task.id), "parent": _uuid_text(parent_id) if parent is not None else None,
            "children": [_uuid_text(child) for child in task._children], "last_state_change": task.last_state_change,
            "state": task.state, "task_spec": task.task_spec.name, "triggered": task.triggered,
            "internal_data": registry.convert(internal) if internal else {}, "data": data, "delta": delta}


class _Tasks(TaskConverter):
    """SpiffWorkflow's task converter with :func:`_task_dict` (the tasks of sub-processes go through it)."""

    def to_dict(self, task: Task) -> dict[str, Any]:
        return _task_dict(task, self.registry)


class _WorkflowWithoutSpec(BpmnWorkflowConverter):
    """Serialise a workflow's task tree only; the spec is put back from the version on restore."""

    def to_dict(self, workflow: BpmnWorkflow) -> dict[str, Any]:
        # WorkflowConverter.to_dict, with the tasks converted directly (same keys, same order)
        registry = self.registry
        typename = registry.typenames[Task]
        tasks: dict[str, Any] = {}
        for key, task in workflow.tasks.items():
            if type(task) is Task:
                converted = _task_dict(task, registry)
                converted["typename"] = typename
            else:
                converted = registry.convert(task)
            tasks[_uuid_text(key) if type(key) is UUID else str(key)] = converted
        return {
            "data": registry.convert(registry.clean(workflow.data)), "correlations": workflow.correlations,
            "last_task": str(workflow.last_task.id) if workflow.last_task is not None else None,
            "success": workflow.success, "completed": workflow.completed, "tasks": tasks,
            "root": _uuid_text(workflow.task_tree.id),
            "subprocesses": self.mapping_to_dict(workflow.subprocesses),
            "bpmn_events": registry.convert(workflow.bpmn_events),
        }


def _build_serializer() -> BpmnWorkflowSerializer:
    config = dict(SPIFF_CONFIG)
    config[BpmnWorkflow] = _WorkflowWithoutSpec
    config[Task] = _Tasks
    config[ClockTimer] = TimerConditionalEventDefinitionConverter
    config[ClockDateTimer] = TimerConditionalEventDefinitionConverter
    config[ParallelRows] = config[ParallelMultiInstanceTask]
    config[SequentialRows] = config[SequentialMultiInstanceTask]
    return BpmnWorkflowSerializer(BpmnWorkflowSerializer.configure(config))


_SERIALIZER = _build_serializer()
_REGISTRY = _SERIALIZER.registry


def clock_timers(spec: BpmnProcessSpec) -> list[str]:
    """Replace every timer definition of ``spec`` (and of its embedded sub-processes) by a
    :class:`ClockTimer` (same name and expression).

    :return: ids of the timer events with a cycle (``timeCycle``), which Alur does not run.
    """
    cycles: list[str] = []

    def swapped(definition: Any, task_spec: Any) -> Any:
        if isinstance(definition, CycleTimerEventDefinition):
            cycles.append(task_spec.bpmn_id or task_spec.name)
        elif isinstance(definition, TimerEventDefinition) and not isinstance(definition, ClockTimer):
            kind = ClockDateTimer if isinstance(definition, TimeDateEventDefinition) else ClockTimer
            return kind(definition.name, definition.expression, description=definition.description)
        elif isinstance(definition, MultipleEventDefinition):  # an event-based gateway holds its branches' events
            definition.event_definitions = [swapped(item, task_spec) for item in definition.event_definitions]
        return definition

    for one in (spec, *subprocess_specs(spec).values()):
        for task_spec in one.task_specs.values():
            definition = getattr(task_spec, "event_definition", None)
            if definition is not None:
                task_spec.event_definition = swapped(definition, task_spec)
    return cycles


def clock_timer_of(task_spec: Any) -> ClockTimer | None:
    """The :class:`ClockTimer` a task waits for: its own, or the one among an event-based gateway's events."""
    definition = getattr(task_spec, "event_definition", None)
    if isinstance(definition, ClockTimer):
        return definition
    if isinstance(definition, MultipleEventDefinition):
        return next((item for item in definition.event_definitions if isinstance(item, ClockTimer)), None)
    return None


def spec_to_json(spec: BpmnProcessSpec) -> str:
    """The process spec as JSON, stored once per SOP version (with its embedded sub-process specs)."""
    dct = _REGISTRY.convert(spec)
    nested = subprocess_specs(spec)
    if nested:
        dct[_SUBPROCESSES] = {name: _REGISTRY.convert(one) for name, one in nested.items()}
    return json.dumps(dct, separators=(",", ":"))


def spec_from_json(text: str) -> BpmnProcessSpec:
    """Restore a process spec stored by :func:`spec_to_json`."""
    dct = json.loads(text)
    nested = dct.pop(_SUBPROCESSES, {})
    spec: BpmnProcessSpec = _REGISTRY.restore(dct)
    attach_subprocess_specs(spec, {name: _REGISTRY.restore(one) for name, one in nested.items()})
    return spec


def new_workflow(spec: BpmnProcessSpec) -> BpmnWorkflow:
    """A fresh workflow on ``spec`` with Alur's safe script engine."""
    return BpmnWorkflow(spec, subprocess_specs(spec), script_engine=safe_script_engine())


def state_to_json(workflow: BpmnWorkflow) -> str:
    """The workflow's task tree and data as JSON, without the spec."""
    prune(workflow)
    return json.dumps(_REGISTRY.convert(workflow), separators=(",", ":"), check_circular=False)


def state_from_json(text: str, spec: BpmnProcessSpec) -> BpmnWorkflow:
    """Rebuild a workflow saved by :func:`state_to_json` on its version's ``spec``."""
    dct = json.loads(text)
    dct["spec"] = spec  # restore() hands a non-dict back unchanged
    dct["subprocess_specs"] = subprocess_specs(spec)
    workflow: BpmnWorkflow = _REGISTRY.restore(dct)
    workflow.script_engine = safe_script_engine()
    return workflow


def tree_depth(workflow: BpmnWorkflow) -> int:
    """Depth of the deepest task (the root has depth 0)."""
    deepest = 0
    for task in workflow.tasks.values():
        deepest = max(deepest, task.depth)
    return deepest


def prune(workflow: BpmnWorkflow, above: int = PRUNE_ABOVE) -> int:
    """Drop the finished history above the live part of the task tree.

    The live part hangs below the deepest task that is an ancestor of every unfinished task (for a
    sequential SOP, the task just completed). Everything between the root and that task is history
    that SpiffWorkflow no longer reads (a join only looks back as far as its split, which is live or
    below it); Alur's own event log keeps the history. The task is re-attached to the root.

    A workflow with sub-processes (engine.bpmn.spiff.structure) is pruned tree by tree: each
    sub-process's own tree (a revision loop inside a sub-process grows there), then the top tree, whose
    removed finished tasks take their finished sub-processes with them.

    :param above: prune only when the tree holds more tasks than this.
    :return: the number of tasks removed.
    """
    subprocesses = getattr(workflow, "subprocesses", {})
    removed = sum(_prune_tree(sub, above) for sub in list(subprocesses.values()))
    gone = _prune_tree(workflow, above)
    if gone:
        for task_id in [task_id for task_id in subprocesses if task_id not in workflow.tasks]:
            removed += len(subprocesses[task_id].tasks)
            del subprocesses[task_id]
    return removed + gone


def _prune_tree(workflow: Any, above: int) -> int:
    """Prune one task tree (the top workflow's or a sub-process's); see :func:`prune`."""
    if len(workflow.tasks) <= above:
        return 0
    root = workflow.task_tree
    unfinished = [task for task in workflow.tasks.values() if not task.has_state(TaskState.FINISHED_MASK)]
    if not unfinished:
        return 0
    common: list[UUID] | None = None
    for task in unfinished:
        path: list[UUID] = []
        node = task
        while node is not None:
            path.append(node.id)
            node = node.parent
        path.reverse()
        if common is None:
            common = path
        else:
            length = 0
            for left, right in zip(common, path):
                if left != right:
                    break
                length += 1
            common = common[:length]
    assert common
    # Keep the root and its first child (the spec's Start task); cut what lies between.
    if len(common) <= 3:
        return 0
    keep_top = workflow.tasks[common[1]]
    anchor = workflow.tasks[common[-1]]
    if anchor.parent is keep_top:
        return 0
    live: set[UUID] = set()
    stack = [anchor]
    while stack:
        node = stack.pop()
        live.add(node.id)
        stack.extend(node.children)
    removed = [task_id for task_id in workflow.tasks if task_id not in live and task_id not in (root.id, keep_top.id)]
    subprocesses = getattr(workflow, "subprocesses", {})
    if any(task_id in subprocesses and not subprocesses[task_id].is_completed() for task_id in removed):
        return 0  # a running sub-process hangs there (cannot happen below a live anchor; kept safe)
    for task_id in removed:
        del workflow.tasks[task_id]
    keep_top._children = [anchor.id]
    anchor._parent = keep_top.id
    if workflow.last_task is not None and workflow.last_task.id not in workflow.tasks:
        workflow.last_task = anchor
    return len(removed)

