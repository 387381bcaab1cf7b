"""What changed between two versions of an SOP, step by step, in the regulation's words."""

from __future__ import annotations

from dataclasses import dataclass, fields

from engine.messages import message
from engine.sop.model import Approval, Identity, Sop, Step

#: Step fields compared, with the catalogue code of their label.
STEP_FIELDS: dict[str, str] = {
    "kind": "diff_field_kind",
    "activity": "diff_field_activity",
    "actor": "diff_field_actor",
    "requirements": "diff_field_requirements",
    "duration": "diff_field_duration",
    "output": "diff_field_output",
    "remarks": "diff_field_remarks",
    "next": "diff_field_next",
    "yes": "diff_field_yes",
    "no": "diff_field_no",
    "condition": "diff_field_condition",
    "join": "diff_field_join",
}


@dataclass(frozen=True)
class Change:
    """One difference between two versions."""

    #: "identitas", "pelaksana", "langkah_baru", "langkah_dihapus", "langkah_diubah", "urutan".
    kind: str
    step_id: str
    field: str
    before: str
    after: str

    def describe(self, lang: str = "id") -> str:
        """The change as a sentence."""
        code = STEP_FIELDS.get(self.field)
        label = message(code, lang) if code else self.field
        where = {"step": self.step_id, "field": self.field, "label": label, "before": self.before, "after": self.after}
        if self.kind == "langkah_baru":
            return message("diff_new_step", lang, **where)
        if self.kind == "langkah_dihapus":
            return message("diff_removed_step", lang, **where)
        if self.kind == "langkah_diubah":
            return message("diff_changed_step", lang, **where)
        if self.kind == "urutan":
            return message("diff_order", lang, **where)
        if self.kind == "pelaksana":
            return message("diff_actors", lang, **where)
        return message("diff_identity", lang, **where)


def _text(value: object) -> str:
    if isinstance(value, list):
        return "; ".join(str(item) for item in value)
    if isinstance(value, Approval):
        return ", ".join(part for part in (value.jabatan, value.nama, value.nip) if part)
    if isinstance(value, bool):
        return "ya" if value else "tidak"
    if hasattr(value, "value"):  # StepKind
        return str(getattr(value, "value"))
    return "" if value is None else str(value)


def diff_sops(before: Sop, after: Sop) -> list[Change]:
    """Every change from ``before`` to ``after``: identity, pelaksana, then steps in the new row order."""
    changes: list[Change] = []
    for item in fields(Identity):
        old, new = _text(getattr(before.identity, item.name)), _text(getattr(after.identity, item.name))
        if old != new:
            changes.append(Change("identitas", "", item.name, old, new))
    if before.actors != after.actors:
        changes.append(Change("pelaksana", "", "pelaksana", ", ".join(before.actors), ", ".join(after.actors)))
    old_steps = {step.id: step for step in before.steps}
    new_ids = {step.id for step in after.steps}
    for step in after.steps:
        previous = old_steps.get(step.id)
        if previous is None:
            changes.append(Change("langkah_baru", step.id, "", "", step.activity))
            continue
        changes += _step_changes(previous, step)
    for step in before.steps:
        if step.id not in new_ids:
            changes.append(Change("langkah_dihapus", step.id, "", step.activity, ""))
    kept_before = [step.id for step in before.steps if step.id in new_ids]
    kept_after = [step.id for step in after.steps if step.id in old_steps]
    if kept_before != kept_after:
        changes.append(Change("urutan", "", "", ", ".join(kept_before), ", ".join(kept_after)))
    return changes


def _step_changes(before: Step, after: Step) -> list[Change]:
    changes = []
    for name in STEP_FIELDS:
        old, new = _text(getattr(before, name)), _text(getattr(after, name))
        if old != new:
            changes.append(Change("langkah_diubah", after.id, name, old, new))
    return changes
