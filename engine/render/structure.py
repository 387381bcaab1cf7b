"""How the official print shows structured rows (:mod:`engine.sop.structure`).

The regulation has five symbols and no others, so a structured row keeps the process symbol and
its KETERANGAN says what it is: "SOP Penerbitan KTP-el" for a call, "oleh setiap Kepala Bidang"
for a multi-instance row, "diulang selama ..." for a loop, "subproses: langkah 4.1 s.d. 4.3" for a
sub-process. The rows of a sub-process follow its row, numbered 4.1, 4.2... and indented in
KEGIATAN; the arrows run from the sub-process row into its first row and from its last rows on to
what follows the sub-process, so the table reads top to bottom as the work goes.
"""

from __future__ import annotations

from engine.messages import message
from engine.sop.model import Sop, Step, StepKind
from engine.sop.structure import COMPLETE_ANY, COMPLETE_COUNT, OVER_FIELD, OVER_OPD, scope_of

#: Indent of KEGIATAN per nesting level, as leading no-break spaces.
_INDENT = "\u00a0" * 4


def depth(sop: Sop, step: Step) -> int:
    """How deep ``step`` is nested (0 at the top level)."""
    by_id = {row.id: row for row in sop.steps}
    level, current = 0, step
    while current.structure.within and current.structure.within in by_id and level < len(sop.steps):
        level += 1
        current = by_id[current.structure.within]
    return level


def kegiatan_text(sop: Sop, step: Step) -> str:
    """KEGIATAN as printed: a nested row indented by its depth."""
    text = step.activity.strip() or step.id
    return _INDENT * depth(sop, step) + text if step.structure.within else text


def structure_note(sop: Sop, step: Step, numbers: dict[str, str], lang: str) -> str:
    """What KETERANGAN adds for a structured row ("" for a plain row)."""
    structure = step.structure
    parts: list[str] = []
    if structure.subprocess:
        rows = scope_of(sop.steps, step.id)
        if rows:
            parts.append(message("st_note_subprocess", lang, first=numbers.get(rows[0].id, ""),
                                 last=numbers.get(rows[-1].id, "")))
    call = structure.call
    if call is not None:
        if not call.resolved:
            parts.append(message("st_note_call_to_choose", lang))
        else:
            title = call.name or _keterkaitan(sop, call.key) or message("st_note_call", lang, name=call.key)
            parts.append(message("st_note_call_pinned", lang, title=title, version=call.version) if call.version
                         else title)
    multi = structure.multi
    if multi is not None:
        if multi.over == OVER_OPD:
            parts.append(message("st_note_multi_opd", lang))
        elif multi.over == OVER_FIELD:
            parts.append(message("st_note_multi_field", lang, field=multi.source))
        else:
            parts.append(message("st_note_multi_units", lang, jabatan=step.actor))
        if multi.sequential:
            parts.append(message("st_note_multi_sequential", lang))
        if multi.completion == COMPLETE_ANY:
            parts.append(message("st_note_multi_any", lang))
        elif multi.completion == COMPLETE_COUNT:
            parts.append(message("st_note_multi_count", lang, count=multi.count))
    if structure.branches:
        for target in step.next:
            condition = structure.branches.get(target, "")
            parts.append(message("st_note_branch", lang, condition=condition, number=numbers.get(target, target))
                         if condition else message("st_note_branch_default", lang, number=numbers.get(target, target)))
    if step.kind is StepKind.END and structure.within:
        # a nested selesai row ends its sub-process only: the case goes on after the sub-process
        following = ", ".join(numbers.get(target, target) for target in _after(sop, structure.within, len(sop.steps)))
        parts.append(message("mw_nested_end_keterangan", lang, parent=numbers.get(structure.within, structure.within),
                             following=following or "-"))
    if structure.inclusive_join:
        parts.append(message("st_note_inclusive_join", lang))
    loop = structure.loop
    if loop is not None:
        if loop.condition:
            parts.append(message("st_note_loop", lang, condition=loop.condition))
        if loop.maximum:
            parts.append(message("st_note_loop_max", lang, maximum=loop.maximum))
    return "; ".join(parts)


def printed_successors(sop: Sop, step: Step) -> list[str]:
    """The rows an arrow from ``step`` goes to in the print (see the module docstring)."""
    if step.structure.subprocess:
        rows = scope_of(sop.steps, step.id)
        if rows:
            return [rows[0].id]
    if step.structure.within and not step.successors():
        return _after(sop, step.structure.within, len(sop.steps))
    return list(step.next)


def _after(sop: Sop, subprocess_id: str, limit: int) -> list[str]:
    """What follows a sub-process row: its successors, or what follows the sub-process it is nested in."""
    by_id = {row.id: row for row in sop.steps}
    current = by_id.get(subprocess_id)
    while current is not None and limit > 0:
        if current.next:
            return list(current.next)
        current = by_id.get(current.structure.within) if current.structure.within else None
        limit -= 1
    return []


def _words(text: str) -> str:
    return " ".join("".join(char if char.isalnum() else " " for char in text.lower()).split())


def _keterkaitan(sop: Sop, key: str) -> str:
    """The KETERKAITAN entry that names the called SOP ("SOP Penerbitan KTP-el" for ``penerbitan-ktp-el``)."""
    wanted = _words(key)
    return next((item for item in sop.identity.keterkaitan if wanted and wanted in _words(item)), "")
