"""The event-log model: cases (traces) of timestamped events, as process-mining tools know them.

The attribute names follow the standard XES extensions (IEEE 1849-2016):

=========================  ==========================  ==========================================
model                      XES key / CSV column        meaning in an SOP
=========================  ==========================  ==========================================
LogEvent.case_id           ``case:concept:name``       the case (one run of the SOP, one berkas)
LogEvent.activity          ``concept:name``            the step: its id or its kegiatan text
LogEvent.timestamp         ``time:timestamp``          when it happened (always with a zone)
LogEvent.resource          ``org:resource``            the user who did it
LogEvent.role              ``org:role``                the user's jabatan
LogEvent.lifecycle         ``lifecycle:transition``    ``start`` or ``complete`` (the default)
LogEvent.step              ``alur:step``               the step id, when the writer knew it
LogEvent.case_status       ``case:alur:status``        the case's state when the log was written
LogEvent.parent_case       ``case:alur:parent``        the case whose call row started this one
LogEvent.child_cases       ``case:alur:children``      the cases this one's call rows started
=========================  ==========================  ==========================================

Alur's own export marks each case's state (:data:`CASE_STATUSES`): a case still ``running`` (or
``suspended``) or ``cancelled`` part-way has only a prefix of a run, and conformance scores it so.
A log from elsewhere without the attribute reads as finished cases, as before.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field
from datetime import datetime

from engine.errors import AlurError, InputError

#: The lifecycle transition of an event that finishes a step (XES standard lifecycle model).
COMPLETE = "complete"
#: The lifecycle transition of an event that starts a step.
START = "start"

#: CSV columns / XES keys, in the order Alur writes them.
CASE_KEY = "case:concept:name"
ACTIVITY_KEY = "concept:name"
TIMESTAMP_KEY = "time:timestamp"
RESOURCE_KEY = "org:resource"
ROLE_KEY = "org:role"
LIFECYCLE_KEY = "lifecycle:transition"
STEP_KEY = "alur:step"
#: The case's registration number (a case attribute; written when the events carry one).
REGISTRATION_KEY = "case:alur:registration"
#: The case's state when the log was written (a case attribute; written by Alur's own export).
STATUS_KEY = "case:alur:status"
#: The case states Alur writes; a case that is not ``finished`` holds only a prefix of a run.
FINISHED = "finished"
RUNNING = "running"
CANCELLED = "cancelled"
SUSPENDED = "suspended"
CASE_STATUSES: tuple[str, ...] = (FINISHED, RUNNING, CANCELLED, SUSPENDED)
#: The case whose call row (a row running another SOP) started this case (a case attribute).
PARENT_KEY = "case:alur:parent"
#: The cases this case's call rows started, separated by spaces (a case attribute).
CHILDREN_KEY = "case:alur:children"
#: Other spellings read as a state (lower case): the store's own and Indonesian words.
STATUS_ALIASES: dict[str, str] = {
    "completed": FINISHED, "complete": FINISHED, "selesai": FINISHED, "berjalan": RUNNING, "error": RUNNING,
    "dibatalkan": CANCELLED, "batal": CANCELLED, "canceled": CANCELLED, "ditangguhkan": SUSPENDED,
}
COLUMNS: tuple[str, ...] = (CASE_KEY, ACTIVITY_KEY, TIMESTAMP_KEY, RESOURCE_KEY, ROLE_KEY, LIFECYCLE_KEY)


@dataclass(frozen=True, slots=True)
class LogEvent:
    """One thing that happened in one case.

    :raises InputError: when ``timestamp`` has no time zone.
    """

    case_id: str
    #: ``concept:name``: the step id or the kegiatan text.
    activity: str
    #: An aware datetime.
    timestamp: datetime
    #: ``org:resource``: the user; empty when unknown.
    resource: str = ""
    #: ``org:role``: the jabatan of the user; empty when unknown.
    role: str = ""
    #: ``lifecycle:transition`` in lower case.
    lifecycle: str = COMPLETE
    #: The SOP step id when the writer knew it (``alur:step``); empty otherwise.
    step: str = ""
    #: The line of the file the event was read from (0 when not read from a file); not compared.
    line: int = field(default=0, compare=False)
    #: The case's registration number (``case:alur:registration``); empty when unknown; not compared.
    registration: str = field(default="", compare=False)
    #: The case's state (one of :data:`CASE_STATUSES`); empty when unknown; not compared.
    case_status: str = field(default="", compare=False)
    #: The case whose call row started this one (``case:alur:parent``); empty: none; not compared.
    parent_case: str = field(default="", compare=False)
    #: The cases this one's call rows started (``case:alur:children``); not compared.
    child_cases: tuple[str, ...] = field(default=(), compare=False)

    def __post_init__(self) -> None:
        if self.timestamp.tzinfo is None or self.timestamp.utcoffset() is None:
            raise InputError.from_code("log_naive_time_line" if self.line else "log_naive_time", line=self.line,
                                       moment=self.timestamp.isoformat(), case=self.case_id)


@dataclass
class LogTrace:
    """The events of one case, in the order they happened."""

    case_id: str
    events: list[LogEvent] = field(default_factory=list)

    def __len__(self) -> int:
        return len(self.events)

    @property
    def status(self) -> str:
        """The case's state as the log marks it (:data:`CASE_STATUSES`); empty when unmarked."""
        return self.events[0].case_status if self.events else ""

    @property
    def parent_case(self) -> str:
        """The case whose call row started this one, as the log names it; empty when none."""
        return self.events[0].parent_case if self.events else ""

    @property
    def child_cases(self) -> tuple[str, ...]:
        """The cases this one's call rows started, as the log names them."""
        return self.events[0].child_cases if self.events else ()

    @property
    def unfinished(self) -> bool:
        """The log marks the case as not finished: its events are a prefix of a run."""
        return self.status in (RUNNING, CANCELLED, SUSPENDED)


def case_list(text: str) -> tuple[str, ...]:
    """Case ids written in one attribute, separated by spaces or commas."""
    return tuple(item for item in text.replace(",", " ").split() if item)


def case_status(text: str) -> str | None:
    """The state a log's status text names ("" for none), or None when it names none Alur knows."""
    value = " ".join(text.strip().lower().split())
    if not value or value in CASE_STATUSES:
        return value
    return STATUS_ALIASES.get(value)


@dataclass
class EventLog:
    """Cases in the order they first appear; events within a case in time order."""

    traces: list[LogTrace] = field(default_factory=list)
    #: The log's ``concept:name`` (e.g. the SOP's name); empty when unknown.
    name: str = ""

    def __len__(self) -> int:
        return len(self.traces)

    def events(self) -> Iterator[LogEvent]:
        """Every event, case by case: what the writers take."""
        for trace in self.traces:
            yield from trace.events

    @property
    def event_count(self) -> int:
        """How many events the log holds."""
        return sum(len(trace.events) for trace in self.traces)

    @classmethod
    def from_events(cls, events: Iterable[LogEvent], name: str = "") -> EventLog:
        """Group ``events`` by case (first appearance order) and sort each case by time.

        Sorting is stable: events with the same timestamp keep their order, as PM4Py's
        ``format_dataframe`` keeps them.
        """
        cases: dict[str, list[LogEvent]] = {}
        for event in events:
            cases.setdefault(event.case_id, []).append(event)
        traces = [LogTrace(case_id, sorted(items, key=_time_key)) for case_id, items in cases.items()]
        return cls(traces, name)


def _time_key(event: LogEvent) -> datetime:
    return event.timestamp


def grouped_by_case(events: Iterable[LogEvent]) -> Iterator[tuple[str, list[LogEvent]]]:
    """Yield ``(case_id, events)`` for each run of consecutive events of one case, sorted by time.

    The writers stream with this, so a log of a million events is never held twice in memory.

    :raises AlurError: when a case's events are not consecutive (sort the events by case first;
        :meth:`EventLog.events` always yields them so).
    """
    done: set[str] = set()
    current: str | None = None
    bucket: list[LogEvent] = []
    for event in events:
        if event.case_id != current:
            if current is not None:
                yield current, sorted(bucket, key=_time_key)
                done.add(current)
            if event.case_id in done:
                raise AlurError.from_code("log_not_grouped", case=event.case_id)
            current, bucket = event.case_id, []
        bucket.append(event)
    if current is not None:
        yield current, sorted(bucket, key=_time_key)
