"""Which unit a new work item belongs to: a resolver the instance session asks once per item.

Today every item belongs to the instance's unit (:class:`InstanceUnit`); rules that send a step to
another unit (a kecamatan step of a kabupaten SOP, a secretariat that signs for every bidang) plug
in here as another :class:`UnitResolver`, given to :class:`~engine.runtime.facade.Runtime`.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Protocol


@dataclass(frozen=True)
class UnitRequest:
    """What a resolver is told about the work item being opened."""

    instance_id: int
    #: The unit the instance runs in.
    instance_unit: str
    sop_key: str
    version: int
    step_id: str
    #: The lane (jabatan) of the step.
    jabatan: str


class UnitResolver(Protocol):
    """Decides the unit of each new work item."""

    def unit_for(self, request: UnitRequest) -> str:
        """The unit whose holders of ``request.jabatan`` see the item."""


class InstanceUnit:
    """The default resolver: every item belongs to its instance's unit."""

    def unit_for(self, request: UnitRequest) -> str:
        return request.instance_unit
