"""The SpiffWorkflow script engine Alur runs every workflow with: the safe language, never Python.

Expressions (gateway conditions, timer expressions) go through :func:`engine.sop.conditions.language.parse_condition`;
scripts and service calls are refused. What a caller sees when a condition fails inside SpiffWorkflow:
a :class:`SpiffWorkflow.bpmn.exceptions.WorkflowTaskException` whose message is the Indonesian
message, whose ``task`` is the gateway task (left in state ``ERROR``) and whose ``__cause__`` is the
:class:`~engine.errors.ConditionError` (:func:`engine.sop.conditions.language.find_condition_error` digs it out).
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from SpiffWorkflow.bpmn.exceptions import WorkflowTaskException
from SpiffWorkflow.bpmn.script_engine.python_engine import PythonScriptEngine
from SpiffWorkflow.bpmn.script_engine.python_environment import BasePythonScriptEngineEnvironment
from SpiffWorkflow.exceptions import SpiffWorkflowException

from engine.sop.conditions.language import parse_condition
from engine.errors import ConditionError

__all__ = ["SafeEnvironment", "SafeScriptEngine", "safe_script_engine"]


class SafeEnvironment(BasePythonScriptEngineEnvironment):
    """A SpiffWorkflow script-engine environment that evaluates only the safe language.

    Expressions (gateway conditions, timer expressions, ...) go through :func:`parse_condition`;
    scripts and service calls are always refused: Alur never runs code from a model.
    """

    def __init__(self) -> None:
        super().__init__({})

    def evaluate(self, expression: str, context: Mapping[str, Any],
                 external_context: Mapping[str, Any] | None = None) -> object:
        """Evaluate ``expression`` against the data objects overlaid with the task data.

        :raises ConditionError: the expression is rejected or fails.
        """
        return parse_condition(expression).evaluate({**(external_context or {}), **context})

    def execute(self, script: str, context: dict[str, Any],
                external_context: Mapping[str, Any] | None = None) -> bool:
        """Refuse ``script``.

        :raises ConditionError: always.
        """
        raise ConditionError.from_code("bpmn_script_refused", script if isinstance(script, str) else "")

    def call_service(self, context: dict[str, Any], **kwargs: Any) -> Any:
        """Refuse the service call.

        :raises ConditionError: always.
        """
        raise ConditionError.from_code("bpmn_service_task_refused")


class SafeScriptEngine(PythonScriptEngine):
    """:class:`PythonScriptEngine` on :class:`SafeEnvironment`, with the error raised chained.

    SpiffWorkflow's own engine wraps a non-Spiff error with ``raise`` inside ``except`` (so the
    original is only the implicit ``__context__``) and an English message, and its
    ``call_service`` raises ``NameError`` while reporting. This engine raises
    ``WorkflowTaskException(<Indonesian message>, task=task) from <ConditionError>``.
    """

    def __init__(self) -> None:
        super().__init__(environment=SafeEnvironment())

    def validate(self, expression: str) -> None:
        """Check ``expression`` against the safe language (SpiffWorkflow calls this for DMN).

        :raises ConditionError: the expression is rejected.
        """
        parse_condition(expression)

    def evaluate(self, task: Any, expression: str,
                 external_context: Mapping[str, Any] | None = None) -> object:
        """Evaluate ``expression`` on ``task``'s data.

        :raises WorkflowTaskException: caused by the :class:`ConditionError`.
        """
        try:
            return self.environment.evaluate(expression, task.data, external_context)
        except SpiffWorkflowException as exc:
            exc.add_note(f"Error evaluating expression '{expression}'")
            raise
        except ConditionError as exc:
            raise _task_exception(task, exc) from exc
        except Exception as exc:
            raise WorkflowTaskException(f"Error evaluating expression '{expression}'", task=task,
                                        exception=exc) from exc

    def execute(self, task: Any, script: str, external_context: Mapping[str, Any] | None = None) -> bool:
        """Refuse ``script``.

        :raises WorkflowTaskException: always, caused by the :class:`ConditionError`.
        """
        try:
            return bool(self.environment.execute(script, task.data, external_context or {}))
        except ConditionError as exc:
            raise _task_exception(task, exc) from exc

    def call_service(self, task: Any, **kwargs: Any) -> Any:
        """Refuse the service call.

        :raises WorkflowTaskException: always, caused by the :class:`ConditionError`.
        """
        try:
            return self.environment.call_service(task.data, **kwargs)
        except ConditionError as exc:
            raise _task_exception(task, exc) from exc


def _task_exception(task: Any, exc: ConditionError) -> WorkflowTaskException:
    # SpiffWorkflowException.__str__ appends ". " and its notes, so drop our final period.
    return WorkflowTaskException(exc.message.rstrip("."), task=task, exception=exc)


def safe_script_engine() -> PythonScriptEngine:
    """A script engine for ``BpmnWorkflow(spec, script_engine=...)`` that never runs model code."""
    return SafeScriptEngine()
