"""Checks of the step records a SOP declares (``catat``, :mod:`engine.sop.step_records`; part of ``alur check``)."""

from __future__ import annotations

from engine.errors import Problem, problem
from engine.sop.field_checks import asked_before
from engine.sop.fields import START
from engine.sop.model import Sop, StepKind
from engine.sop.step_records import RECORD_KINDS, StepRecord


def check_step_records(sop: Sop) -> list[Problem]:
    """Problems of every step's ``catat``: an unknown kind or action, an unknown record field, a required
    record field left out, a case field the SOP does not declare, one asked only after the step, or one
    whose type does not fit (each naming the row and the field)."""
    problems: list[Problem] = []
    declared = {item.name: item for item in sop.fields}
    for step in sop.steps:
        record: StepRecord | None = step.record
        if record is None:
            continue

        def add(code: str, **params: object) -> None:
            problems.append(problem(code, step.id, step.activity, severity="error", kind=record.kind, **params))

        spec = RECORD_KINDS.get(record.kind)
        if spec is None:
            add("rec_unknown_kind", known=", ".join(RECORD_KINDS))
            continue
        if record.action != spec.action:
            add("rec_unknown_action", action=record.action or "-", known=spec.action)
        for name in sorted(set(record.fields) - set(spec.fields)):
            add("rec_unknown_field", field=name, known=", ".join(spec.fields))
        for name, wanted in spec.fields.items():
            source = record.fields.get(name, "")
            if not source:
                # a verifikasi's result is the row's keputusan only where a clerk decides it
                if wanted.required or (record.kind == "verifikasi" and name == "hasil" and not (
                        step.kind is StepKind.DECISION and not step.condition)):
                    add("rec_field_missing", field=name)
                continue
            item = declared.get(source)
            if item is None:
                add("rec_case_field_unknown", field=name, source=source)
            elif item.type not in wanted.types:
                add("rec_case_field_type", field=name, source=source, type=item.type.value,
                    expected=", ".join(sorted(kind.value for kind in wanted.types)))
            elif not (item.step == step.id or any(asked_before(sop, asking, step.id)
                                                   for asking in (item.step, *item.revised_at))):
                add("rec_case_field_late", field=name, source=source,
                    step_asked="mulai" if item.step == START else item.step)
    return problems
