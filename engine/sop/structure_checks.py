"""Checks of structured rows (:mod:`engine.sop.structure`), called by :func:`engine.sop.validate.validate`.

A sub-process is its own little table: its nested rows follow it directly, arrows stay inside it,
it begins at its first nested row and ends at a nested row without a successor (so every nested row
must reach one). A call must name the SOP it calls before the SOP can be published; a multi-instance
row over a case field needs a declared table field; the constructs are not combined on one row.
"""

from __future__ import annotations


from engine.sop.reach import closure
from engine.errors import Problem, problem
from engine.sop.conditions.language import check_condition
from engine.sop.events import EndKind, TriggerKind
from engine.sop.fields import FieldType
from engine.sop.model import Sop, Step, StepKind
from engine.sop.structure import COMPLETE_COUNT, OVER_FIELD, scope_of


def check_structure(sop: Sop) -> list[Problem]:
    """Every problem of the structured rows of ``sop`` (none for a plain SOP)."""
    problems: list[Problem] = []
    by_id = {step.id: step for step in sop.steps}
    seen: set[str] = set()
    for step in sop.steps:
        problems += _check_row(sop, step, by_id, seen)
        seen.add(step.id)
    for step in sop.steps:
        if step.structure.subprocess and step.kind is StepKind.ACTIVITY:
            problems += _check_scope(sop, step)
    return problems + _check_cycles_without_choice(sop)


def _check_cycles_without_choice(sop: Sop) -> list[Problem]:
    """A cycle of arrows that passes no decision (and no conditional split) goes round forever: every
    pass starts the same rows again (and a parallel split on it starts one more case path each time)."""
    def unconditional(step: Step) -> list[str]:
        if step.kind is StepKind.DECISION or step.structure.branches:
            return []
        return list(step.next)

    edges = {step.id: [target for target in unconditional(step) if target] for step in sop.steps}
    state: dict[str, int] = {}  # 1: on the current path, 2: finished
    reported: list[Problem] = []
    by_id = {step.id: step for step in sop.steps}
    for root in edges:
        if root in state:
            continue
        stack = [(root, iter(edges[root]))]
        state[root] = 1
        while stack:
            node, targets = stack[-1]
            target = next(targets, None)
            if target is None:
                state[node] = 2
                stack.pop()
            elif target not in edges:
                continue
            elif state.get(target) == 1:
                step = by_id[target]
                reported.append(problem("st_cycle_without_choice", step.id, step.activity, source=node))
            elif target not in state:
                state[target] = 1
                stack.append((target, iter(edges[target])))
    return reported


def _check_row(sop: Sop, step: Step, by_id: dict[str, Step], seen: set[str]) -> list[Problem]:
    problems: list[Problem] = []
    structure = step.structure

    def add(code: str, severity: str = "error", **params: object) -> None:
        problems.append(problem(code, step.id, step.activity, severity=severity, **params))

    if structure.within:
        parent = by_id.get(structure.within)
        if parent is None or not parent.structure.subprocess:
            add("st_within_unknown", parent=structure.within)
        elif structure.within not in seen:
            add("st_nested_before_parent", parent=structure.within)
        if step.kind is StepKind.START:
            # a nested selesai row is allowed: a decision's branch that ends the sub-process leads to it
            add("mw_nested_start")
        if step.kind is StepKind.END and step.end.kind is EndKind.ERROR and not _error_caught(step, by_id):
            # SpiffWorkflow lets an error no boundary catches end the sub-process as if all went well
            add("mw_nested_error_uncaught", error=step.end.code or "-", parent=structure.within)
    for target in step.successors():
        other = by_id.get(target)
        if other is not None and other.structure.within != structure.within:
            add("st_arrow_leaves_scope", target=target)
    constructs = [name for name, present in (("subproses", structure.subprocess), ("panggil", structure.call),
                                             ("setiap", structure.multi), ("ulang", structure.loop)) if present]
    if constructs and step.kind is not StepKind.ACTIVITY:
        add("st_only_on_activity", constructs=", ".join(constructs))
    if len(constructs) > 1:
        add("st_constructs_combined", constructs=", ".join(constructs))
    if structure.call is not None and not structure.call.resolved:
        add("st_call_unresolved", element=structure.call.called_element or "-")
    multi = structure.multi
    if multi is not None:
        if multi.over == OVER_FIELD:
            declared = {item.name: item for item in sop.fields}
            field = declared.get(multi.source)
            if field is None or field.type is not FieldType.TABLE:
                add("st_multi_field", field=multi.source or "-")
        if multi.completion == COMPLETE_COUNT and multi.count < 1:
            add("st_multi_count", count=multi.count)
        item = multi.item_name(step.id)
        if not item.isidentifier():
            add("st_multi_item_name", name=item)
        # BPMN makes the item and the list element ids: they may not be a row's id or another row's item
        taken = {row.id for row in sop.steps} | {row.structure.multi.item_name(row.id) for row in sop.steps
                                                  if row.structure.multi is not None and row.id != step.id}
        for name in (item, multi.source if multi.over == OVER_FIELD else ""):
            if name and name in taken:
                add("st_multi_name_clash", name=name)
    if structure.branches:
        if step.kind not in (StepKind.START, StepKind.ACTIVITY) or len(step.next) < 2:
            add("st_branches_need_split")
        for target, condition in structure.branches.items():
            if target not in step.next:
                add("st_branch_unknown", target=target)
            for reason in check_condition(condition) if condition else ["-"]:
                add("bad_condition", condition=condition or "-", reason=reason)
        if all(target in structure.branches for target in step.next):
            add("st_branch_no_default")
    loop = structure.loop
    if loop is not None:
        if not loop.condition and not loop.maximum:
            add("st_loop_unbounded")
        for reason in check_condition(loop.condition) if loop.condition else []:
            add("bad_condition", condition=loop.condition, reason=reason)
    return problems


def _error_caught(step: Step, by_id: dict[str, Step]) -> bool:
    """Whether an error boundary on a sub-process row ``step`` is nested in catches its error code (a
    boundary without a code catches every error)."""
    current, hops = by_id.get(step.structure.within), 0
    while current is not None and hops <= len(by_id):
        for boundary in current.boundaries:
            if boundary.trigger.kind is TriggerKind.ERROR and boundary.trigger.name in ("", step.end.code):
                return True
        current, hops = by_id.get(current.structure.within) if current.structure.within else None, hops + 1
    return False


def _check_scope(sop: Sop, subprocess: Step) -> list[Problem]:
    rows = scope_of(sop.steps, subprocess.id)
    if not rows:
        return [problem("st_subprocess_empty", subprocess.id, subprocess.activity)]
    ids = {row.id for row in rows}
    forward = {row.id: [target for target in row.successors() if target in ids] for row in rows}
    reached = closure([rows[0].id], forward)
    backward: dict[str, list[str]] = {row.id: [] for row in rows}
    for source, targets in forward.items():
        for target in targets:
            backward[target].append(source)
    exits = [row.id for row in rows if not row.successors()]
    finishing = closure(exits, backward)
    problems = []
    for row in rows:
        if row.id not in reached:
            problems.append(problem("st_nested_unreachable", row.id, row.activity, parent=subprocess.id))
        elif row.id not in finishing:
            problems.append(problem("st_nested_no_exit", row.id, row.activity, parent=subprocess.id))
    return problems



def table_editor_problems(sop: Sop) -> list[Problem]:
    """An error for each row the table editor cannot carry yet (a sub-process and its nested rows,
    multi-instance, a loop, an inclusive split or join): the editor's form has no cells for them, so a
    save from the table would drop them. Edit such an SOP in the drawing view or as a file. A call to
    another SOP (and nothing else) has its own cells in the table."""
    return [problem("es_table_cannot_edit", step.id, step.activity, row=step.structure.number or str(index))
            for index, step in enumerate(sop.steps, start=1) if not _table_can_carry(step)]


def _table_can_carry(step: Step) -> bool:
    structure = step.structure
    if structure.plain:
        return True
    return structure.call is not None and not (structure.subprocess or structure.within or structure.multi
                                               or structure.loop or structure.branches or structure.inclusive_join)
