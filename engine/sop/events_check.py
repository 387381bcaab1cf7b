"""Check the events of an SOP (:mod:`engine.sop.events`): where each may stand and what it needs.

Called by :func:`engine.sop.validate.validate`; every problem names the step and says what to do.
"""

from __future__ import annotations

import re
from collections.abc import Callable

from engine.errors import DurationError, Problem, problem
from engine.sop.durations import parse_duration
from engine.sop.events import BOUNDARY_KINDS, WAIT_KINDS, EndKind, Trigger, TriggerKind
from engine.sop.fields import Field, FieldType
from engine.sop.model import Sop, Step, StepKind

#: Message, signal and error names: what a URL path segment and a BPMN name hold without escaping.
NAME_PATTERN = re.compile(r"^[A-Za-z0-9][A-Za-z0-9_.\-]{0,99}$")
_DATE_TYPES = {FieldType.DATE.value}


def check_events(sop: Sop) -> list[Problem]:
    """Every problem of the waits, boundaries and ends of ``sop``."""
    problems: list[Problem] = []
    fields = {item.name: item for item in sop.fields}
    for step in sop.steps:

        def add(code: str, severity: str = "error", step: Step = step, **params: object) -> None:
            problems.append(problem(code, step.id, step.activity, severity=severity, **params))

        if step.wait:
            if step.kind is StepKind.ACTIVITY and len(step.wait) != 1:
                add("ev_wait_one_trigger", count=len(step.wait))
            elif step.kind is StepKind.DECISION:
                if len(step.wait) != 2:
                    add("ev_choice_two_triggers", count=len(step.wait))
                if step.condition.strip():
                    add("ev_choice_with_condition")
            elif step.kind not in (StepKind.ACTIVITY, StepKind.DECISION):
                add("ev_wait_on_kind")
            if step.join and step.kind is StepKind.DECISION:
                add("ev_choice_with_join")
            for trigger in step.wait:
                if trigger.kind not in WAIT_KINDS:
                    add("ev_wait_bad_kind", kind=trigger.kind.value)
                else:
                    _check_trigger(trigger, fields, add)
            if step.kind is StepKind.DECISION and len(step.wait) == 2 and all(t.is_timer for t in step.wait):
                add("ev_choice_two_timers")
        if step.boundaries:
            if step.kind is not StepKind.ACTIVITY or step.wait:
                add("ev_boundary_on_kind")
            for boundary in step.boundaries:
                trigger = boundary.trigger
                if trigger.kind not in BOUNDARY_KINDS:
                    add("ev_wait_bad_kind", kind=trigger.kind.value)
                    continue
                _check_trigger(trigger, fields, add)
                if not boundary.target:
                    add("ev_boundary_without_target")
                elif boundary.target == step.id:
                    add("ev_boundary_to_itself")
                if not boundary.interrupting and trigger.kind is TriggerKind.ERROR:
                    add("ev_error_must_interrupt")
        if step.end.kind is not EndKind.PLAIN and step.kind is not StepKind.END:
            add("ev_end_on_kind")
        if step.end.kind is EndKind.ERROR and not NAME_PATTERN.match(step.end.code):
            add("ev_error_end_code", kode=step.end.code)
    return problems


def _check_trigger(trigger: Trigger, fields: dict[str, Field], report: Callable[..., None]) -> None:
    if trigger.kind is TriggerKind.TIMER:
        if trigger.date_field:
            found = fields.get(trigger.date_field)
            if found is None:
                report("ev_timer_unknown_field", field=trigger.date_field)
            elif found.type.value not in _DATE_TYPES:
                report("ev_timer_field_not_date", field=trigger.date_field)
        elif not trigger.duration.strip():
            report("ev_timer_empty")
        else:
            try:
                parse_duration(trigger.duration)
            except DurationError as exc:
                report("ev_timer_bad_duration", reason=exc.message)
        return
    if not NAME_PATTERN.match(trigger.name):
        report("ev_bad_name", name=trigger.name)
    if trigger.kind is TriggerKind.SIGNAL:
        report("ev_signal_not_run", name=trigger.name)
    # a message without korelasi correlates on the case's registration number (engine.runtime.event_sync)
    if trigger.kind is TriggerKind.MESSAGE and trigger.correlation:
        if trigger.correlation not in fields:
            report("ev_message_unknown_field", field=trigger.correlation, fields=", ".join(fields) or "-")
