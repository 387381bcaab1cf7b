"""Alur engine: the SOP model, its BPMN form, checks, safe conditions, working time and the durable runtime.

The web UI, the CLI and ``bench/`` import from here and from :mod:`engine.errors` only.
"""

from __future__ import annotations

from .audit import ChainBreak as ChainBreak
from .bpmn.reader import ImportResult as ImportResult
from .bpmn.reader import read_bpmn as read_bpmn
from .bpmn.spiff import SpecResult as SpecResult
from .bpmn.spiff import parse_spec as parse_spec
from .bpmn.writer import write_bpmn as write_bpmn
from .conditions import Condition as Condition
from .conditions import check_condition as check_condition
from .conditions import evaluate_condition as evaluate_condition
from .conditions import parse_condition as parse_condition
from .conditions import safe_script_engine as safe_script_engine
from .durations import Duration as Duration
from .durations import parse_duration as parse_duration
from .files import Loaded as Loaded
from .files import check_sop as check_sop
from .files import dump as dump
from .files import load_bytes as load_bytes
from .files import load_file as load_file
from .runtime import Runtime as Runtime
from .runtime import TickReport as TickReport
from .sheet import dump_sheet as dump_sheet
from .sheet import load_sheet as load_sheet
from .sop import Approval as Approval
from .sop import Identity as Identity
from .sop import Sop as Sop
from .sop import Step as Step
from .sop import StepKind as StepKind
from .store.migrate import upgrade_database as upgrade_database
from .synthetic import synthetic_sop as synthetic_sop
from .timers import Clock as Clock
from .timers import ManualClock as ManualClock
from .timers import SystemClock as SystemClock
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
    "Approval",
    "ChainBreak",
    "Clock",
    "Completed",
    "Condition",
    "Duration",
    "Event",
    "Identity",
    "ImportResult",
    "Instance",
    "Loaded",
    "ManualClock",
    "Runtime",
    "Sop",
    "SpecResult",
    "Step",
    "StepKind",
    "SystemClock",
    "TickReport",
    "User",
    "VersionInfo",
    "WorkCalendar",
    "WorkItem",
    "check_condition",
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
    "safe_script_engine",
    "synthetic_sop",
    "upgrade_database",
    "validate",
    "write_bpmn",
]
