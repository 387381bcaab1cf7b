"""Event logs: the model, CSV and XES (IEEE 1849-2016) reading and writing."""

from __future__ import annotations

from .csvlog import dump_csv as dump_csv
from .csvlog import read_csv as read_csv
from .csvlog import write_csv as write_csv
from .files import read_log as read_log
from .files import write_log as write_log
from .model import COMPLETE as COMPLETE
from .model import START as START
from .model import EventLog as EventLog
from .model import LogEvent as LogEvent
from .model import LogTrace as LogTrace
from .xes import read_xes as read_xes
from .xes import write_xes as write_xes

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
