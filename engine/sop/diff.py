"""What changed between two versions of an SOP, step by step, in the regulation's words."""

from __future__ import annotations

from dataclasses import dataclass, fields

from engine.sop.fields import Field
from engine.sop.model import Approval, Identity, Sop, Step

#: Step fields compared, with their labels (Indonesian, English).
STEP_FIELDS: dict[str, tuple[str, str]] = {
    "kind": ("jenis", "kind"),
    "activity": ("kegiatan", "activity"),
    "actor": ("pelaksana", "executor"),
    "requirements": ("kelengkapan", "requirements"),
    "duration": ("waktu", "time"),
    "output": ("output", "output"),
    "remarks": ("keterangan", "remarks"),
    "next": ("lanjut", "next"),
    "yes": ("ya", "yes"),
    "no": ("tidak", "no"),
    "condition": ("syarat", "condition"),
    "join": ("tunggu semua", "wait for all"),
    "documents": ("dokumen", "documents"),
    "output_document": ("output dokumen", "output is a document"),
}


@dataclass(frozen=True)
class Change:
    """One difference between two versions."""

    #: "identitas", "pelaksana", "isian" (step_id is the field name), "langkah_baru", "langkah_dihapus",
    #: "langkah_diubah", "urutan".
    kind: str
    step_id: str
    field: str
    before: str
    after: str

    def describe(self, lang: str = "id") -> str:
        """The change as a sentence."""
        english = lang == "en"
        label = STEP_FIELDS.get(self.field, (self.field, self.field))[1 if english else 0]
        if self.kind == "langkah_baru":
            return f"New step {self.step_id}: {self.after}" if english else f"Langkah baru {self.step_id}: {self.after}"
        if self.kind == "langkah_dihapus":
            return (f"Step {self.step_id} removed: {self.before}" if english
                    else f"Langkah {self.step_id} dihapus: {self.before}")
        if self.kind == "langkah_diubah":
            return (f"Step {self.step_id}, {label}: '{self.before}' → '{self.after}'" if english
                    else f"Langkah {self.step_id}, {label}: '{self.before}' → '{self.after}'")
        if self.kind == "urutan":
            return (f"Row order: {self.before} → {self.after}" if english
                    else f"Urutan baris: {self.before} → {self.after}")
        if self.kind == "isian":
            return (f"Case field {self.step_id}: '{self.before or '-'}' → '{self.after or '-'}'" if english
                    else f"Isian {self.step_id}: '{self.before or '-'}' → '{self.after or '-'}'")
        if self.kind == "pelaksana":
            return (f"Executors: {self.before} → {self.after}" if english
                    else f"Pelaksana: {self.before} → {self.after}")
        return (f"Identity, {self.field}: '{self.before}' → '{self.after}'" if english
                else f"Identitas, {self.field}: '{self.before}' → '{self.after}'")


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
    old_fields = {item.name: item for item in before.fields}
    new_fields = {item.name: item for item in after.fields}
    for name in [*old_fields, *(name for name in new_fields if name not in old_fields)]:
        old_field, new_field = old_fields.get(name), new_fields.get(name)
        if old_field != new_field:
            changes.append(Change("isian", name, "isian", _field_text(old_field), _field_text(new_field)))
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


def _field_text(item: Field | None) -> str:
    if item is None:
        return ""
    marks = [item.type.value, "wajib" if item.required else "", "pribadi" if item.personal else "",
             f"langkah {item.step}", "; ".join(item.options)]
    return f"{item.label()} ({', '.join(mark for mark in marks if mark)})"


def _step_changes(before: Step, after: Step) -> list[Change]:
    changes = []
    for name in STEP_FIELDS:
        old, new = _text(getattr(before, name)), _text(getattr(after, name))
        if old != new:
            changes.append(Change("langkah_diubah", after.id, name, old, new))
    return changes
