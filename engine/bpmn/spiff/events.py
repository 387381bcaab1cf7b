"""SpiffWorkflow's side of events: which tasks wait for a message or an error, delivering them,
and the errors an error end event threw.

Facts of SpiffWorkflow 3.2 this relies on (from its own tests and source):

- a WAITING catch task (intermediate catch event, a branch of an event-based gateway, a boundary
  event) is registered with the workflow's event manager; ``workflow.catch(BpmnEvent(definition))``
  hands the event to every waiting task whose definition equals it (same class and name; an error
  also the same code) and makes it READY, and the next ``do_engine_steps`` runs on from there;
- a caught interrupting boundary event cancels its task; the other branch of an event-based
  gateway is cancelled when one branch fires;
- message definitions without correlation properties match by name only: Alur correlates
  itself (it finds the instance by the case field's value before delivering);
- an error end event outside any sub-process is caught by nobody; SpiffWorkflow keeps it in
  ``workflow.bpmn_events`` and the process ends.
"""

from __future__ import annotations

from typing import Any

from SpiffWorkflow.bpmn.specs.event_definitions.item_aware_event import ErrorEventDefinition
from SpiffWorkflow.bpmn.specs.event_definitions.message import MessageEventDefinition
from SpiffWorkflow.bpmn.specs.event_definitions.multiple import MultipleEventDefinition
from SpiffWorkflow.bpmn.util import BpmnEvent
from SpiffWorkflow.bpmn.workflow import BpmnWorkflow
from SpiffWorkflow.util.task import TaskState


def message_of(task_spec: Any) -> Any:
    """The message definition a task waits for: its own, or one of an event-based gateway's events."""
    definition = getattr(task_spec, "event_definition", None)
    if isinstance(definition, MessageEventDefinition):
        return definition
    if isinstance(definition, MultipleEventDefinition):
        return next((item for item in definition.event_definitions if isinstance(item, MessageEventDefinition)), None)
    return None


def message_waits(workflow: BpmnWorkflow) -> dict[str, tuple[Any, str]]:
    """``task id -> (task, message name)`` of the WAITING tasks that wait for a message."""
    found: dict[str, tuple[Any, str]] = {}
    for task in workflow.get_tasks(state=TaskState.WAITING):
        definition = message_of(task.task_spec)
        if definition is not None:
            found[str(task.id)] = (task, str(definition.name))
    return found


def has_messages(spec: Any) -> bool:
    """Whether a process spec holds any message catch event."""
    return any(message_of(task_spec) is not None for task_spec in spec.task_specs.values())


def deliver(workflow: BpmnWorkflow, task: Any) -> None:
    """Hand the message (or error) ``task`` waits for to the workflow, which makes every task
    waiting for it READY (the next engine steps run on)."""
    definition = message_of(task.task_spec) or task.task_spec.event_definition
    workflow.catch(BpmnEvent(definition, payload={}))


def error_boundaries(workflow: BpmnWorkflow, host_task: Any) -> dict[str, Any]:
    """The WAITING error boundary tasks of ``host_task``'s step, by error code."""
    found: dict[str, Any] = {}
    for task in workflow.get_tasks(state=TaskState.WAITING):
        definition = getattr(task.task_spec, "event_definition", None)
        if isinstance(definition, ErrorEventDefinition) and task.parent is host_task.parent:
            found[str(definition.code or definition.name)] = task
    return found


def thrown_errors(workflow: BpmnWorkflow) -> list[str]:
    """Take the codes of the error events nobody caught (an error end event) out of the workflow."""
    kept, codes = [], []
    for event in workflow.bpmn_events:
        if isinstance(event.event_definition, ErrorEventDefinition):
            codes.append(str(event.event_definition.code or event.event_definition.name))
        else:
            kept.append(event)
    workflow.bpmn_events = kept
    return codes
