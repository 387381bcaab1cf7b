"""Structured rows of an SOP: sub-processes, calls to another SOP, multi-instance and loops.

The table stays a table. A sub-process is a row whose nested rows follow it directly in
:attr:`engine.sop.model.Sop.steps`, each marked with the id of the row it is nested in
(:attr:`Structure.within`) and numbered "4.1", "4.2"... after it; the first nested row is where the
sub-process begins and a nested row without a successor ends it. The other constructs are
properties of one activity row:

- :class:`CallTarget` — the row runs another published SOP (keterkaitan, "Lihat SOP Penerbitan
  KTP-el"): a child instance of the called SOP's version, the newest disahkan one or a pinned one;
- :class:`MultiInstance` — the row is done once per item of a list case field or once per unit of
  the organisation ("oleh setiap Kepala Bidang"), at once or one after another, until all, any or
  *n* of them are done;
- :class:`StandardLoop` — the row is repeated while a condition holds (at most ``maximum`` times);
- an inclusive split (:attr:`Structure.branches`): of a row's successors, every one whose condition
  holds runs (the one without a condition when none does), and the row that waits for them
  (:attr:`Structure.inclusive_join`) waits only for the branches taken.

Sheet keys (:mod:`engine.formats.sheet`) and BPMN (:mod:`engine.bpmn.structure_write`) map to these.
"""

from __future__ import annotations

from dataclasses import dataclass, field

#: ``CallTarget.version`` for "the newest disahkan version when the call starts".
LATEST_APPROVED = 0

#: Where the items of a multi-instance row come from.
OVER_FIELD = "isian"
#: Every OPD (SKPD) of the organisation.
OVER_OPD = "setiap_opd"
#: Every unit directly below the instance's unit (the bidang of a dinas).
OVER_SUB_UNITS = "setiap_unit_bawahan"
OVER_KINDS = (OVER_FIELD, OVER_OPD, OVER_SUB_UNITS)

#: Completion rules of a multi-instance row.
COMPLETE_ALL = "semua"
COMPLETE_ANY = "salah_satu"
COMPLETE_COUNT = "sejumlah"
COMPLETION_RULES = (COMPLETE_ALL, COMPLETE_ANY, COMPLETE_COUNT)

#: The task-data name that holds an instance's item (``sebagai`` in the sheet) when none is given:
#: ``butir_<row id>`` (BPMN makes it an element id, so two rows cannot share one).
DEFAULT_ITEM_PREFIX = "butir_"


@dataclass
class CallTarget:
    """The SOP a call row runs."""

    #: The called SOP's key; empty when it is still to be chosen (an import whose called process
    #: is not in the file): ``alur check`` names the row and publishing refuses it.
    key: str = ""
    #: A pinned version number, or :data:`LATEST_APPROVED`.
    version: int = LATEST_APPROVED
    #: The BPMN ``calledElement`` the row was imported with (kept so the author sees what was meant).
    called_element: str = ""
    #: The called SOP's title as the print names it ("SOP Penerbitan KTP-el"); empty: the KETERKAITAN
    #: entry that names the key, else the key.
    name: str = ""

    @property
    def resolved(self) -> bool:
        return bool(self.key.strip())


@dataclass
class MultiInstance:
    """How often a row is done, and when it counts as done."""

    #: One of :data:`OVER_KINDS`.
    over: str = OVER_FIELD
    #: The list case field (``over == OVER_FIELD``).
    source: str = ""
    #: One after another instead of all at once.
    sequential: bool = False
    #: One of :data:`COMPLETION_RULES`.
    completion: str = COMPLETE_ALL
    #: How many must be done (``completion == COMPLETE_COUNT``).
    count: int = 0
    #: The task-data name holding each instance's item ("": ``butir_<row id>``, see :meth:`item_name`).
    item: str = ""

    def item_name(self, step_id: str) -> str:
        """The task-data name of each instance's item on row ``step_id``."""
        return self.item or f"{DEFAULT_ITEM_PREFIX}{step_id}"

    def completion_condition(self) -> str:
        """The BPMN completion condition (safe condition language), empty for "all"."""
        if self.completion == COMPLETE_ANY:
            return "nrOfCompletedInstances >= 1"
        if self.completion == COMPLETE_COUNT and self.count > 0:
            return f"nrOfCompletedInstances >= {self.count}"
        return ""

    @property
    def over_units(self) -> bool:
        return self.over in (OVER_OPD, OVER_SUB_UNITS)


@dataclass
class StandardLoop:
    """Repeat a row while ``condition`` holds (checked after each turn), at most ``maximum`` times."""

    condition: str = ""
    maximum: int = 0


@dataclass
class Structure:
    """The structured part of a row (all empty for a plain row)."""

    #: This row is a sub-process: the rows that follow it with ``within == its id`` are nested in it.
    subprocess: bool = False
    #: The id of the sub-process row this row is nested in ("" at the top level).
    within: str = ""
    call: CallTarget | None = None
    multi: MultiInstance | None = None
    loop: StandardLoop | None = None
    #: Inclusive split: successor id -> condition; a successor without one is the default branch.
    branches: dict[str, str] = field(default_factory=dict)
    #: This row's join (``Step.join``) waits for the branches an inclusive split took, not for all.
    inclusive_join: bool = False
    #: The printed NO of a nested row ("4.1"), filled by :func:`number_rows`.
    number: str = ""

    @property
    def plain(self) -> bool:
        return not (self.subprocess or self.within or self.call or self.multi or self.loop or self.branches
                    or self.inclusive_join)


@dataclass
class _Counter:
    count: int = 0
    children: dict[str, int] = field(default_factory=dict)


def number_rows(steps: list) -> None:  # type: ignore[type-arg]
    """Give each nested row its printed number ("4.1", "4.1.2"); top-level rows keep the plain count.

    ``steps`` are :class:`engine.sop.model.Step` objects (not imported: the model imports this module).
    """
    numbers: dict[str, str] = {}
    counter = _Counter()
    for step in steps:
        parent = step.structure.within
        if parent and parent in numbers:
            counter.children[parent] = counter.children.get(parent, 0) + 1
            numbers[step.id] = f"{numbers[parent]}.{counter.children[parent]}"
            step.structure.number = numbers[step.id]
        else:
            counter.count += 1
            numbers[step.id] = str(counter.count)
            step.structure.number = ""


def scope_of(steps: list, subprocess_id: str) -> list:  # type: ignore[type-arg]
    """The rows nested directly in the sub-process row ``subprocess_id``, in row order."""
    return [step for step in steps if step.structure.within == subprocess_id]
