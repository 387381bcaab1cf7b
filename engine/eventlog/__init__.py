"""Event logs: the model, CSV and XES (IEEE 1849-2016) reading and writing."""

from __future__ import annotations

from engine.eventlog.csvlog import dump_csv as dump_csv
from engine.eventlog.csvlog import read_csv as read_csv
from engine.eventlog.csvlog import write_csv as write_csv
from engine.eventlog.files import read_log as read_log
from engine.eventlog.files import write_log as write_log
from engine.eventlog.model import COMPLETE as COMPLETE
from engine.eventlog.model import START as START
from engine.eventlog.model import EventLog as EventLog
from engine.eventlog.model import LogEvent as LogEvent
from engine.eventlog.model import LogTrace as LogTrace
from engine.eventlog.xes import read_xes as read_xes
from engine.eventlog.xes import write_xes as write_xes

__all__ = [
    "COMPLETE",
    "START",
    "EventLog",
    "LogEvent",
    "LogTrace",
    "dump_csv",
    "read_csv",
    "read_log",
    "read_xes",
    "write_csv",
    "write_log",
    "write_xes",
]
