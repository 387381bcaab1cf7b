"""SpiffWorkflow 3.2 glue for structured rows: sub-process specs, multi-instance, call activities.

Facts of SpiffWorkflow 3.2.0 this module plans around (read in its sources and tests):

- an embedded ``subProcess`` is parsed as a spec of its own; the workflow needs it in
  ``subprocess_specs`` (``parser.get_subprocess_specs``) and runs it as a sub-workflow whose tasks
  live in ``workflow.subprocesses[<task id>]``, with the sub-process's own lanes;
- a multi-instance task keeps the row's id as its name; the instances are children named
  ``"<id> [child]"``. Each instance's item is put into its data under ``inputDataItem``; when an
  instance finishes its data is merged into the multi-instance task, item included, so a second
  sequential instance (or the next turn of a revision loop) fails with "input item already exists".
  :class:`ParallelRows` / :class:`SequentialRows` drop the item before the merge;
- the completion condition is evaluated on the last finished instance's data only: these classes
  add ``nrOfInstances`` and ``nrOfCompletedInstances`` (BPMN's names) to what it sees;
- a ``callActivity`` looks for the called process among the file's processes. Alur runs a call as
  a child instance of another SOP version instead, so :func:`runnable_xml` turns each call into a
  ``manualTask`` that the runtime starts the child for and completes when the child finishes.
"""

from __future__ import annotations

from typing import Any

from lxml import etree
from SpiffWorkflow.bpmn.specs.bpmn_process_spec import BpmnProcessSpec
from SpiffWorkflow.spiff.specs.defaults import ParallelMultiInstanceTask, SequentialMultiInstanceTask

from engine.bpmn.names import BPMN_NS

#: The suffix SpiffWorkflow gives the spec of a multi-instance or loop task's instances.
CHILD_SUFFIX = " [child]"


def step_of_spec(name: str) -> str:
    """The row id of a task spec name (an instance of a multi-instance row carries a suffix)."""
    return name.removesuffix(CHILD_SUFFIX)


class _RowsMixin:
    input_item: Any
    condition: Any

    def merge_child(self, workflow: Any, child: Any) -> None:
        if self.input_item is not None:
            child.data.pop(self.input_item.bpmn_id, None)
        super().merge_child(workflow, child)  # type: ignore[misc]

    def check_completion_condition(self, my_task: Any) -> Any:
        merged = my_task.internal_data.get("merged", [])
        if not merged or self.condition is None:
            return None
        last = [child for child in my_task.children if str(child.id) == merged[-1]][0]
        instances = [child for child in my_task.children if child.task_spec.name.endswith(CHILD_SUFFIX)]
        total = len(instances) + len(my_task.internal_data.get("remaining", []) or [])
        counters = {"nrOfInstances": total, "nrOfCompletedInstances": len(merged)}
        return my_task.workflow.script_engine.evaluate(last, self.condition, external_context=counters)


class ParallelRows(_RowsMixin, ParallelMultiInstanceTask):
    """A parallel multi-instance row (see the module docstring)."""


class SequentialRows(_RowsMixin, SequentialMultiInstanceTask):
    """A sequential multi-instance row (see the module docstring)."""


def adapt_specs(specs: list[BpmnProcessSpec]) -> None:
    """Swap SpiffWorkflow's multi-instance specs for :class:`ParallelRows` / :class:`SequentialRows`."""
    for spec in specs:
        for task_spec in spec.task_specs.values():
            if type(task_spec) is ParallelMultiInstanceTask:
                task_spec.__class__ = ParallelRows
            elif type(task_spec) is SequentialMultiInstanceTask:
                task_spec.__class__ = SequentialRows


def runnable_xml(root: etree._Element) -> etree._Element:
    """A copy of Alur's BPMN in which each call activity is a manual task the runtime completes."""
    copy = etree.fromstring(etree.tostring(root))
    for element in list(copy.iter(f"{{{BPMN_NS}}}callActivity")):
        element.tag = f"{{{BPMN_NS}}}manualTask"
        if "calledElement" in element.attrib:
            del element.attrib["calledElement"]
    return copy


#: The attribute of a top-level spec that holds its embedded sub-process specs, by name.
SUBPROCESS_SPECS = "alur_subprocess_specs"


def attach_subprocess_specs(spec: BpmnProcessSpec, specs: dict[str, BpmnProcessSpec]) -> None:
    """Keep the embedded sub-process specs with the top-level spec (stored and restored with it)."""
    setattr(spec, SUBPROCESS_SPECS, dict(specs))


def subprocess_specs(spec: BpmnProcessSpec) -> dict[str, BpmnProcessSpec]:
    """The embedded sub-process specs kept with ``spec`` (none for a flat SOP)."""
    return dict(getattr(spec, SUBPROCESS_SPECS, {}) or {})
