"""Check an SOP model: structure, references, reachability, mutu baku and conditions.

Every problem names the step (id and kegiatan) and says what to do; all problems are collected in
one pass so the author fixes them together.
"""

from __future__ import annotations


from engine.sop.conditions.language import check_condition
from engine.sop.registration import check_pattern
from engine.sop.retention import check_retention
from engine.sop.field_checks import check_condition_fields, check_documents, check_fields
from engine.sop.durations import parse_duration
from engine.sop.events_check import check_events
from engine.sop.reach import closure
from engine.errors import DurationError, Problem, ProcessDefinitionError, problem
from engine.sop.routing import check_actor_jabatan, check_routing
from engine.sop.model import STEP_ID_PATTERN, Sop, Step, StepKind
from engine.sop.record_checks import check_step_records
from engine.sop.structure_checks import check_structure


def validate(sop: Sop) -> list[Problem]:
    """Return every problem of ``sop``: errors first, then warnings, each in row order."""
    problems: list[Problem] = []
    problems += _check_ids(sop)
    problems += _check_actors(sop)
    ids = {step.id for step in sop.steps}
    incoming = sop.predecessors()
    for step in sop.steps:
        problems += _check_step(sop, step, ids, incoming)
    problems += _check_start_and_end(sop)
    problems += check_fields(sop)
    problems += check_documents(sop)
    problems += check_pattern(sop)
    problems += check_retention(sop)
    problems += check_events(sop)
    problems += check_routing(sop.actors, sop.routing, {item.name for item in sop.fields})
    problems += check_actor_jabatan(sop.actors, sop.actor_jabatan)
    problems += check_step_records(sop)
    problems += check_structure(sop)  # sub-processes, calls, multi-instance, loops (their own reachability)
    # Reachability over broken arrows only repeats the broken arrow in other words: fix those first.
    if not any(p.code == "dangling_reference" for p in problems):
        problems += _check_reachability(sop, ids)
    errors = [p for p in problems if p.severity == "error"]
    warnings = [p for p in problems if p.severity != "error"]
    return errors + warnings


def ensure_valid(sop: Sop, filename: str = "") -> list[Problem]:
    """Validate ``sop`` and return its warnings.

    :raises ProcessDefinitionError: listing every error when there is one.
    """
    problems = validate(sop)
    errors = [p for p in problems if p.severity == "error"]
    if errors:
        raise ProcessDefinitionError.from_code("sop_invalid_summary", errors, filename,
                                               nama=sop.identity.nama or filename, count=len(errors))
    return problems


def _check_ids(sop: Sop) -> list[Problem]:
    problems = []
    seen: set[str] = set()
    for step in sop.steps:
        if not STEP_ID_PATTERN.match(step.id):
            problems.append(problem("bad_step_id", step.id, step.activity))
        if step.id in seen:
            problems.append(problem("duplicate_step_id", step.id, step.activity))
        seen.add(step.id)
    if not sop.steps:
        problems.append(problem("no_steps"))
    return problems


def _check_actors(sop: Sop) -> list[Problem]:
    problems = []
    seen: set[str] = set()
    for actor in sop.actors:
        if not actor.strip():
            problems.append(problem("empty_actor"))
        elif actor in seen:
            problems.append(problem("duplicate_actor", element_name=actor))
        seen.add(actor)
    used = {step.actor for step in sop.steps}
    for actor in sop.actors:
        if actor.strip() and actor not in used:
            problems.append(problem("unused_actor", element_name=actor, severity="warning"))
    return problems


def _check_step(sop: Sop, step: Step, ids: set[str], incoming: dict[str, list[str]]) -> list[Problem]:
    problems = []

    def add(code: str, severity: str = "error", **params: object) -> None:
        problems.append(problem(code, step.id, step.activity, severity=severity, **params))

    if not step.activity.strip():
        add("missing_activity")
    if not step.actor:
        add("missing_actor", actors=", ".join(sop.actors) or "-")
    elif step.actor not in sop.actors:
        add("unknown_actor", actor=step.actor, actors=", ".join(sop.actors) or "-")

    for target in step.successors():
        if target not in ids:
            add("dangling_reference", target=target)
    if step.kind is StepKind.DECISION:
        if step.next:
            add("decision_with_next")
        if not step.yes:
            add("decision_without_yes")
        if not step.no:
            add("decision_without_no")
        if step.yes and step.yes == step.no:
            add("decision_same_targets", target=step.yes)
        if step.condition.strip():
            reasons = check_condition(step.condition)
            for reason in reasons:
                add("bad_condition", condition=step.condition, reason=reason)
            if not reasons:
                problems += check_condition_fields(sop, step)
    else:
        if step.yes or step.no or step.condition:
            add("yes_no_on_non_decision")
        if step.kind is StepKind.END and step.next:
            add("end_with_next")
        if step.kind in (StepKind.START, StepKind.ACTIVITY) and not step.next and not step.structure.within:
            add("no_successor")  # a nested row without a successor ends its sub-process
        if len(set(step.next)) != len(step.next):
            add("duplicate_successor")

    if step.kind is StepKind.START and incoming.get(step.id):
        add("start_has_incoming", sources=", ".join(incoming[step.id]))
    if step.join and len(incoming.get(step.id, [])) < 2:
        add("join_without_branches", severity="warning")

    if step.duration.strip():
        try:
            parse_duration(step.duration)
        except DurationError as exc:
            add("bad_duration", reason=exc.message)
    elif (step.kind in (StepKind.ACTIVITY, StepKind.DECISION) and not step.condition.strip() and not step.wait
          and not (step.structure.subprocess or step.structure.call)):  # their time is their rows' / the called SOP's
        add("missing_duration", severity="warning")
    return problems


def _check_start_and_end(sop: Sop) -> list[Problem]:
    starts = [step for step in sop.steps if step.kind is StepKind.START]
    ends = [step for step in sop.steps if step.kind is StepKind.END]
    problems = []
    if not starts:
        problems.append(problem("no_start"))
    elif len(starts) > 1:
        problems.append(problem("many_starts", ids=", ".join(step.id for step in starts)))
    if not ends:
        problems.append(problem("no_end"))
    return problems


def _check_reachability(sop: Sop, ids: set[str]) -> list[Problem]:
    start = sop.start
    if start is None:
        return []
    top = [step for step in sop.steps if not step.structure.within]  # nested rows: check_structure
    forward = {step.id: [t for t in step.successors() if t in ids] for step in top}
    reached = closure([start.id], forward)
    backward: dict[str, list[str]] = {step.id: [] for step in top}
    for source, targets in forward.items():
        for target in targets:
            if target in backward:
                backward[target].append(source)
    ends = [step.id for step in top if step.kind is StepKind.END]
    finishing = closure(ends, backward)
    problems = []
    for step in top:
        if step.id not in reached:
            problems.append(problem("unreachable", step.id, step.activity))
        elif ends and step.id not in finishing:
            problems.append(problem("no_way_to_end", step.id, step.activity))
    return problems

