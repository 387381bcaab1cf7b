"""Case data: the process values of an instance, stored apart from SpiffWorkflow's state.

The instance session writes the ``data`` of a start or completion form here when the step accepts
it (:meth:`engine.runtime.session.InstanceRun.record_case_values`): one row per instance and name
with the newest value (as canonical JSON), the step that set it and when. Reading and searching
need no workflow state, so reports and search can use case data without loading instances.
"""

from __future__ import annotations

import json
from dataclasses import dataclass
from datetime import datetime
from typing import Any

from sqlalchemy import Connection, delete, insert, select

from engine.runtime.audit import canonical_json
from engine.sop.values import condition_value
from engine.store.models import case_values


@dataclass(frozen=True)
class CaseValue:
    """One process value of an instance."""

    instance_id: int
    name: str
    value: Any
    #: The step whose form set it.
    step: str
    set_at: datetime


def record_case_values(connection: Connection, instance_id: int, step: str, values: dict[str, Any],
                       now: datetime, *, replace: bool = True) -> None:
    """Keep typed ``values`` (checked by :func:`engine.runtime.work.check_case_data`) as the newest ones
    (dates as ISO text).

    :param replace: ``False`` for an instance that has no values yet (its start): nothing to delete first.
    """
    if not values:
        return
    if replace:
        connection.execute(delete(case_values).where(case_values.c.instance_id == instance_id,
                                                     case_values.c.name.in_(sorted(values))))
    connection.execute(insert(case_values), [
        {"instance_id": instance_id, "name": name, "value": canonical_json(condition_value(value)), "step": step, "set_at": now}
        for name, value in sorted(values.items())])


def case_data(connection: Connection, instance_id: int) -> dict[str, CaseValue]:
    """Every process value of an instance by name."""
    rows = connection.execute(select(case_values).where(case_values.c.instance_id == instance_id)
                              .order_by(case_values.c.name)).all()
    return {row.name: CaseValue(row.instance_id, row.name, json.loads(row.value), row.step, row.set_at)
            for row in rows}


def instances_with_value(connection: Connection, name: str, value: Any) -> list[int]:
    """Ids of the instances whose newest ``name`` equals ``value`` (compared as canonical JSON), ascending."""
    return list(connection.execute(select(case_values.c.instance_id).where(
        case_values.c.name == name, case_values.c.value == canonical_json(value))
        .order_by(case_values.c.instance_id)).scalars())
