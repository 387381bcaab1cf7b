"""Alur engine: the SOP model, its BPMN form, checks, safe conditions, working time, event logs and
conformance checking.
=======
=======
"""

from __future__ import annotations

from .audit import ChainBreak as ChainBreak
from .bpmn.reader import ImportResult as ImportResult
from .bpmn.reader import read_bpmn as read_bpmn
from .bpmn.scripts import safe_script_engine as safe_script_engine
from .bpmn.spiff import SpecResult as SpecResult
from .bpmn.spiff import parse_spec as parse_spec
from .bpmn.writer import write_bpmn as write_bpmn
from .conditions import Condition as Condition
from .conditions import check_condition as check_condition
from .conditions import evaluate_condition as evaluate_condition
from .conditions import parse_condition as parse_condition
from .conformance import ConformanceChecker as ConformanceChecker
from .conformance import ConformanceReport as ConformanceReport
from .conformance import Deviation as Deviation
from .conformance import DeviationKind as DeviationKind
from .conformance import SopNet as SopNet
from .conformance import TraceResult as TraceResult
from .conformance import build_net as build_net
from .conformance import check_conformance as check_conformance
from .durations import Duration as Duration
from .durations import parse_duration as parse_duration
from .errors import AlurError as AlurError
from .errors import InputError as InputError
from .errors import ProcessDefinitionError as ProcessDefinitionError
from .eventlog import EventLog as EventLog
from .eventlog import LogEvent as LogEvent
from .eventlog import LogTrace as LogTrace
from .eventlog import read_log as read_log
from .eventlog import write_log as write_log
from .files import Loaded as Loaded
from .files import check_sop as check_sop
from .files import dump as dump
from .files import load_bytes as load_bytes
from .files import load_file as load_file
from .render import render as render
from .render import render_pages as render_pages
from .runtime import Runtime as Runtime
from .runtime import TickReport as TickReport
from .sheet import dump_sheet as dump_sheet
from .sheet import load_sheet as load_sheet
from .sheet import sheet_mapping as sheet_mapping
from .sheet import sop_from_mapping as sop_from_mapping
from .sop import Approval as Approval
from .sop import Identity as Identity
from .sop import Sop as Sop
from .sop import Step as Step
from .sop import StepKind as StepKind
from .store.migrate import upgrade_database as upgrade_database
from .synthetic import synthetic_sop as synthetic_sop
from .synthetic_log import synthetic_log as synthetic_log
from .timers import Clock as Clock
from .timers import ManualClock as ManualClock
from .timers import SystemClock as SystemClock
from .trace import TraceEntry as TraceEntry
from .validate import ensure_valid as ensure_valid
from .validate import validate as validate
from .work import Completed as Completed
from .work import Event as Event
from .work import Instance as Instance
from .work import User as User
from .work import VersionInfo as VersionInfo
from .work import WorkItem as WorkItem
from .worktime import WorkCalendar as WorkCalendar

__all__ = [
    "AlurError",
    "Approval",
    "ChainBreak",
    "Clock",
    "Completed",
    "Condition",
    "ConformanceChecker",
    "ConformanceReport",
    "Deviation",
    "DeviationKind",
    "Duration",
    "Event",
    "EventLog",
    "Identity",
    "ImportResult",
    "InputError",
    "Instance",
    "Loaded",
    "LogEvent",
    "LogTrace",
    "ManualClock",
    "ProcessDefinitionError",
    "Runtime",
    "Sop",
    "SopNet",
    "SpecResult",
    "Step",
    "StepKind",
    "SystemClock",
    "TickReport",
    "TraceEntry",
    "TraceResult",
    "User",
    "VersionInfo",
    "WorkCalendar",
    "WorkItem",
    "build_net",
    "check_condition",
    "check_conformance",
    "check_sop",
    "dump",
    "dump_sheet",
    "ensure_valid",
    "evaluate_condition",
    "load_bytes",
    "load_file",
    "load_sheet",
    "parse_condition",
    "parse_duration",
    "parse_spec",
    "read_bpmn",
    "read_log",
    "render",
    "render_pages",
    "safe_script_engine",
    "sheet_mapping",
    "sop_from_mapping",
    "synthetic_log",
    "synthetic_sop",
    "upgrade_database",
    "validate",
    "write_bpmn",
    "write_log",
]
