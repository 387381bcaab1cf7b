"""Runtime glue of structured rows (:mod:`engine.sop.structure`) for the instance session.

- a multi-instance row over the organisation's units runs once per unit: the units are put in the
  case's task data when the instance starts (``alur_unit_<row>``: every OPD, or every unit directly
  below the instance's unit), and each instance's work item belongs to its unit, so it appears in the
  worklist of that unit's holders of the column's jabatan;
- an instance of a multi-instance row is a task named ``"<row> [child]"``: its work item is the row's;
- a call row is a manual task without a work item: the session (:mod:`engine.runtime.session`) starts
  a child instance of the called SOP's version for it (the newest disahkan one, or the pinned number),
  in the same unit and mode, with the parent task's case values; ``instances.parent_id`` /
  ``parent_task`` and the events' envelope link them both ways (``anak`` in the parent's trail, ``induk``
  in the child's). When the child finishes, its session locks the parent and completes the call row;
  cancelling the parent cancels its running children. A child is always locked after its parent, so
  the two cannot deadlock. A child that ends at once (a called SOP without work steps) completes the
  call row in the same transaction: the session finishes its runs until none has moved.
"""

from __future__ import annotations

from typing import Any

from sqlalchemy import Connection, select

from engine.bpmn.spiff.structure import step_of_spec
from engine.bpmn.structure_write import units_variable
from engine.errors import TaskError
from engine.sop.model import Sop
from engine.sop.structure import OVER_OPD, OVER_SUB_UNITS
from engine.store.models import org_units


def units_for(connection: Connection, over: str, instance_unit: str) -> list[str]:
    """The unit codes a multi-instance row over units runs for, in code order."""
    if over == OVER_OPD:
        query = select(org_units.c.code).where(org_units.c.kind == "opd")
    elif over == OVER_SUB_UNITS:
        parent = connection.execute(select(org_units.c.id).where(org_units.c.code == instance_unit)).scalar()
        if parent is None:
            return []
        query = select(org_units.c.code).where(org_units.c.parent_id == parent)
    else:
        return []
    return sorted(str(code) for code in connection.execute(query).scalars())


def start_data(connection: Connection, sop: Sop | None, instance_unit: str) -> dict[str, Any]:
    """The task data a new instance starts with for its multi-instance rows over units.

    :raises TaskError: a row would run for no unit at all (the organisation lacks them).
    """
    data: dict[str, Any] = {}
    for step in sop.steps if sop is not None else []:
        multi = step.structure.multi
        if multi is None or not multi.over_units:
            continue
        units = units_for(connection, multi.over, instance_unit)
        if not units:
            raise TaskError.from_code("st_no_units", step.id, step=step.activity, unit=instance_unit)
        data[units_variable(step.id)] = units
    return data


def item_step(task: Any) -> str:
    """The row id of a READY task (an instance of a multi-instance row carries a suffix)."""
    return step_of_spec(task.task_spec.name)


def item_unit(sop: Sop | None, task: Any) -> str:
    """The unit an instance of a multi-instance row over units belongs to ("" when the row's rule decides)."""
    if sop is None:
        return ""
    try:
        step = sop.step(item_step(task))
    except KeyError:
        return ""
    multi = step.structure.multi
    if multi is None or not multi.over_units:
        return ""
    value = task.data.get(multi.item_name(step.id))
    return value if isinstance(value, str) else ""


def find_task(workflow: Any, key: Any) -> Any:
    """A task of the workflow or of one of its sub-processes, or ``None``."""
    found = workflow.tasks.get(key)
    if found is None:
        for sub in getattr(workflow, "subprocesses", {}).values():
            found = sub.tasks.get(key)
            if found is not None:
                break
    return found


# -- calls to another SOP: child instances ------------------------------------------------------


def call_of(sop: Sop | None, step_id: str) -> Any:
    """The :class:`~engine.sop.structure.CallTarget` of a row, or ``None``."""
    if sop is None:
        return None
    try:
        return sop.step(step_id).structure.call
    except KeyError:
        return None


def child_values(data: dict[str, Any]) -> dict[str, Any]:
    """What a child instance starts with from its parent's task: the case values, not Alur's own."""
    return {name: value for name, value in data.items() if not name.startswith("alur_")}
