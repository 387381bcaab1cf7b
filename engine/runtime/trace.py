"""What an instance of an SOP actually did: one :class:`TraceEntry` per step it ran.

The execution engine produces these (one per completed or running work item); the renderer draws
them over the flowchart (the executed path, actual working time next to mutu baku WAKTU) and
monitoring compares them with the standard. Plain data, no store dependency.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass
from typing import Protocol

from engine.errors import AlurError
from engine.runtime.documents import SHORT_HASH
from engine.runtime.kelengkapan import BERKAS, recorded_states
from engine.sop.model import Sop


class TraceEvent(Protocol):
    """What :func:`trace_from_events` reads of an audit event (:class:`engine.runtime.work.Event` fits)."""

    @property
    def kind(self) -> str: ...

    @property
    def at(self) -> dt.datetime: ...

    @property
    def actor(self) -> str: ...

    @property
    def step(self) -> str: ...

    @property
    def item_id(self) -> int | None: ...


@dataclass(frozen=True)
class TraceDocument:
    """A document a step's completion named: a kelengkapan item attached as a file, or the step's output."""

    #: The kelengkapan item's text; empty for the output document (show the step's OUTPUT).
    requirement: str
    sha256: str

    @property
    def output(self) -> bool:
        return not self.requirement

    @property
    def short_hash(self) -> str:
        """The first hexadecimal digits of the hash, as the print shows them."""
        return self.sha256[:SHORT_HASH]


@dataclass(frozen=True)
class TraceEntry:
    """One run of one step by one user.

    A step that was done twice (a revision loop) has two entries.
    """

    #: The :attr:`Step.id <engine.sop.model.Step.id>` that was run.
    step_id: str
    #: When the work item became ready (aware datetime, any zone).
    start: dt.datetime
    #: When it was completed; ``None`` while it is still running.
    end: dt.datetime | None = None
    #: Who did it (user name or NIP); empty when unknown.
    user: str = ""
    #: The officer's full name, jabatan and NIP, printed instead of the login where given.
    name: str = ""
    jabatan: str = ""
    nip: str = ""
    #: The documents the step's start or completion named (their hashes are in the audit chain).
    documents: tuple[TraceDocument, ...] = ()
    #: The acting capacity the step was completed in ("Plh. Kepala Dinas"); empty for the holder itself.
    acting: str = ""

    @property
    def running(self) -> bool:
        """True while the step has not been completed."""
        return self.end is None


#: The states of an instance a printed trace shows.
INSTANCE_STATUSES = ("running", "completed", "cancelled", "suspended")


@dataclass(frozen=True)
class TraceInstance:
    """The instance a printed trace belongs to: what its instance sheet says."""

    #: The instance number of the engine.
    instance_id: int | None = None
    #: The registration number (nomor registrasi / agenda) the office gave the case.
    registration: str = ""
    #: The SOP version the instance ran.
    version: int | None = None
    #: One of :data:`INSTANCE_STATUSES`.
    status: str = "running"
    #: Why it was cancelled or suspended.
    reason: str = ""
    #: When it was started and when it finished (completed or cancelled); aware datetimes.
    started: dt.datetime | None = None
    finished: dt.datetime | None = None

    def __post_init__(self) -> None:
        """:raises AlurError: for an unknown status or a naive datetime."""
        if self.status not in INSTANCE_STATUSES:
            raise AlurError.from_code("trace_unknown_status", status=self.status,
                                      statuses=', '.join(INSTANCE_STATUSES))
        for moment in (self.started, self.finished):
            if moment is not None and not _aware(moment):
                raise AlurError.from_code("trace_naive_times")


def _aware(moment: object) -> bool:
    return isinstance(moment, dt.datetime) and moment.tzinfo is not None and moment.utcoffset() is not None


def check_trace(sop: Sop, trace: Iterable[TraceEntry]) -> list[TraceEntry]:
    """Check a trace against its SOP and return its entries in the order they started.

    :param sop: the SOP the instance ran.
    :param trace: the entries, in any order.
    :return: the entries sorted by start (stable for equal starts).
    :raises AlurError: for an entry that is not a :class:`TraceEntry`, names an unknown step, has a
        naive datetime, or ends before it starts.
    """
    known = {step.id for step in sop.steps}
    entries: list[TraceEntry] = []
    for entry in trace:
        if not isinstance(entry, TraceEntry):
            raise AlurError.from_code("runtime_trace_not_entry", kind=type(entry).__name__)
        if entry.step_id not in known:
            raise AlurError.from_code("runtime_trace_unknown_step", step=entry.step_id)
        if not _aware(entry.start) or (entry.end is not None and not _aware(entry.end)):
            raise AlurError.from_code("runtime_trace_naive", step=entry.step_id)
        if entry.end is not None and entry.end < entry.start:
            raise AlurError.from_code("runtime_trace_ends_first", step=entry.step_id)
        entries.append(entry)
    return sorted(entries, key=lambda item: item.start)


def taken_edges(sop: Sop, entries: Sequence[TraceEntry]) -> set[tuple[str, str]]:
    """The arrows an instance followed, as ``(source id, target id)`` pairs.

    After each run of a step, every successor that runs later (before the step runs again) counts
    as taken; for a decision only the first of its Ya/Tidak targets to run does.

    :param entries: the trace sorted by start, as :func:`check_trace` returns it.
    """
    taken: set[tuple[str, str]] = set()
    steps = {step.id: step for step in sop.steps}
    for index, entry in enumerate(entries):
        step = steps[entry.step_id]
        targets = step.successors()
        found: list[str] = []
        for later in entries[index + 1:]:
            if later.step_id == step.id and later.step_id not in targets:
                break
            if later.step_id in targets and later.step_id not in found:
                found.append(later.step_id)
                if step.kind.value == "decision" or len(found) == len(targets):
                    break
        taken.update((step.id, target) for target in found)
    return taken


def _documents(event: TraceEvent) -> tuple[TraceDocument, ...]:
    """The documents an event's data names (events without data, such as imported logs, name none)."""
    data = getattr(event, "data", None)
    if not isinstance(data, Mapping):
        return ()
    found = [TraceDocument(text, state.berkas) for text, state in recorded_states(data.get("kelengkapan")).items()
             if state.cara == BERKAS and state.berkas]
    output = data.get("output")
    if isinstance(output, Mapping) and isinstance(output.get("berkas"), str) and output["berkas"]:
        found.append(TraceDocument("", output["berkas"]))
    return tuple(found)


def trace_from_events(events: Iterable[TraceEvent]) -> list[TraceEntry]:
    """The steps an instance ran, from its audit trail in order.

    The start step is done when the instance is started; a work item runs from its ``ready`` event
    to its ``completed`` event (still running without one; dropped when it was cancelled); a
    decision made by a condition is done the moment it is taken.
    """
    entries: list[TraceEntry | None] = []
    open_items: dict[int, int] = {}
    open_calls: dict[str, int] = {}
    for event in events:
        if event.kind == "started":
            entries.append(TraceEntry(event.step, event.at, event.at, event.actor, documents=_documents(event)))
        elif event.kind == "ready" and event.item_id is not None:
            open_items[event.item_id] = len(entries)
            entries.append(TraceEntry(event.step, event.at, None, ""))
        elif event.kind == "completed" and event.item_id in open_items:
            index = open_items.pop(event.item_id)
            started = entries[index]
            assert started is not None
            entries[index] = TraceEntry(started.step_id, started.start, event.at, event.actor,
                                        documents=_documents(event),
                                        acting=str((getattr(event, "data", None) or {}).get("acting", "")))
        elif event.kind == "ready" and event.item_id is None and "anak" in (getattr(event, "data", None) or {}):
            open_calls[event.step] = len(entries)  # a call row: its child instance runs (engine.runtime.structure)
            entries.append(TraceEntry(event.step, event.at, None, ""))
        elif event.kind == "completed" and event.item_id is None and event.step in open_calls:
            index = open_calls.pop(event.step)
            started = entries[index]
            assert started is not None
            entries[index] = TraceEntry(started.step_id, started.start, event.at, event.actor)
        elif event.kind == "decision" and event.item_id is None:
            entries.append(TraceEntry(event.step, event.at, event.at, event.actor))
        elif event.kind == "cancelled" and event.item_id in open_items:
            entries[open_items.pop(event.item_id)] = None
    return [entry for entry in entries if entry is not None]
