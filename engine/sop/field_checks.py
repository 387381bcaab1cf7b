"""Checks of an SOP's case fields and of the conditions that read them (part of :mod:`engine.sop.validate`).

A field must have a usable name, be asked at a row a clerk works, and have what its type needs
(options, columns). A ``syarat`` may read only declared fields, with types that fit
(:mod:`engine.sop.conditions.typecheck`), and a field it reads must be asked at a row that can come
before the decision. An SOP with a ``syarat`` and no declared field at all is refused too:
conditions read only declared, typed values.
"""

from __future__ import annotations

from collections import deque

from engine.errors import ConditionError, Problem, problem
from engine.sop.conditions.language import parse_condition
from engine.sop.conditions.typecheck import check_condition_types
from engine.sop.fields import FIELD_NAME_PATTERN, MAX_COLUMNS, MAX_OPTIONS, RESERVED_NAMES, START, Field, FieldType
from engine.sop.model import Sop, Step, StepKind

#: Longest label of a field, in characters.
MAX_LABEL = 200
#: Most fields an SOP may declare.
MAX_FIELDS = 200


def worked_steps(sop: Sop) -> set[str]:
    """Ids of the rows a clerk works (and so can type data at): not a syarat decision, not a bare end."""
    return {step.id for step in sop.steps
            if not (step.kind is StepKind.DECISION and step.condition.strip())
            and not (step.kind is StepKind.END and not step.is_working_end)}


def check_fields(sop: Sop) -> list[Problem]:
    """Every problem of the declared fields, naming the field."""
    problems: list[Problem] = []
    if len(sop.fields) > MAX_FIELDS:
        problems.append(problem("too_many_fields", count=len(sop.fields), limit=MAX_FIELDS))
    ids = {step.id for step in sop.steps}
    worked = worked_steps(sop)
    seen: set[str] = set()
    for item in sop.fields:
        problems += _check_declaration(item, seen)
        for step_id in (item.step, *item.revised_at):
            if step_id == START:
                continue
            if step_id not in ids:
                problems.append(problem("field_unknown_step", item.name, item.label(), step=step_id,
                                        steps=", ".join(["mulai", *sorted(worked)])))
            elif step_id not in worked:
                problems.append(problem("field_step_not_worked", item.name, item.label(), step=step_id))
        if item.type is FieldType.TABLE:
            columns: set[str] = set()
            if not item.columns:
                problems.append(problem("field_table_without_columns", item.name, item.label()))
            if len(item.columns) > MAX_COLUMNS:
                problems.append(problem("field_too_many_columns", item.name, item.label(), limit=MAX_COLUMNS))
            for column in item.columns:
                problems += _check_declaration(column, columns, f"{item.name}.")
                if column.type is FieldType.TABLE:
                    problems.append(problem("field_table_in_table", f"{item.name}.{column.name}", column.label()))
        elif item.columns:
            problems.append(problem("field_columns_not_table", item.name, item.label()))
    return problems


def check_documents(sop: Sop) -> list[Problem]:
    """A kelengkapan marked as a document must be one of the step's kelengkapan."""
    return [problem("document_not_a_requirement", step.id, step.activity, document=document)
            for step in sop.steps for document in step.documents if document not in step.requirements]


def _check_declaration(item: Field, seen: set[str], prefix: str = "") -> list[Problem]:
    problems: list[Problem] = []
    where = f"{prefix}{item.name}"
    if not FIELD_NAME_PATTERN.match(item.name):
        problems.append(problem("field_bad_name", where, item.label()))
    elif item.name in RESERVED_NAMES:
        problems.append(problem("field_reserved_name", where, item.label()))
    if item.name in seen:
        problems.append(problem("field_duplicate_name", where, item.label()))
    seen.add(item.name)
    if len(item.label_id) > MAX_LABEL or len(item.label_en) > MAX_LABEL:
        problems.append(problem("field_label_too_long", where, limit=MAX_LABEL))
    if item.type is FieldType.CHOICE:
        if not item.options:
            problems.append(problem("field_choice_without_options", where, item.label()))
        elif len(set(item.options)) != len(item.options) or any(not option.strip() for option in item.options):
            problems.append(problem("field_bad_options", where, item.label()))
        if len(item.options) > MAX_OPTIONS:
            problems.append(problem("field_too_many_options", where, item.label(), limit=MAX_OPTIONS))
    elif item.options:
        problems.append(problem("field_options_not_choice", where, item.label(), type=item.type.value))
    return problems


def check_condition_fields(sop: Sop, step: Step) -> list[Problem]:
    """Problems of the names and types a decision's ``syarat`` reads (the syntax is checked elsewhere)."""
    try:
        condition = parse_condition(step.condition)
    except ConditionError:
        return []  # the language check names the problem

    def add(code: str, severity: str = "error", **params: object) -> None:
        problems.append(problem(code, step.id, step.activity, severity=severity, condition=step.condition, **params))

    problems: list[Problem] = []
    if not sop.fields:
        add("condition_without_fields", names=", ".join(sorted(condition.names)) or "-")
        return problems
    for found in check_condition_types(step.condition, sop.fields):
        add(found.code, **dict(found.params))
    by_name = {item.name: item for item in sop.fields}
    for name in sorted(condition.names):
        item = by_name.get(name)
        if item is None:
            continue
        if not any(_leads_to(sop, asking, step.id) for asking in (item.step, *item.revised_at)):
            add("condition_field_too_late", name=name, step_asked=item.step)
        elif not item.required:
            add("condition_reads_optional", severity="warning", name=name)
    return problems


def _leads_to(sop: Sop, asking: str, target: str) -> bool:
    """Whether the row ``asking`` (or the start, for :data:`START`) comes before ``target`` on some path."""
    if asking == START:
        if sop.start is None:
            return False
        asking = sop.start.id
    ids = {step.id for step in sop.steps}
    if asking not in ids:
        return False
    seen = {asking}
    queue = deque([asking])
    while queue:
        for successor in sop.step(queue.popleft()).successors():
            if successor == target:
                return True
            if successor in ids and successor not in seen:
                seen.add(successor)
                queue.append(successor)
    return False


def asked_before(sop: Sop, asking: str, target: str) -> bool:
    """Whether a field asked at row ``asking`` (or :data:`START`) can have a value when row ``target`` is worked."""
    return _leads_to(sop, asking, target)
