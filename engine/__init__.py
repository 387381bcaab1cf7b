"""Alur engine: the SOP model, its BPMN form, checks, safe conditions, working time and the document.

The web UI, the CLI and ``bench/`` import from here and from :mod:`engine.errors` only.
"""

from __future__ import annotations

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
from .render import render as render
from .render import render_pages as render_pages
from .sheet import dump_sheet as dump_sheet
from .sheet import load_sheet as load_sheet
from .sop import Approval as Approval
from .sop import Identity as Identity
from .sop import Sop as Sop
from .sop import Step as Step
from .sop import StepKind as StepKind
from .synthetic import synthetic_sop as synthetic_sop
from .trace import TraceEntry as TraceEntry
from .validate import ensure_valid as ensure_valid
from .validate import validate as validate
from .worktime import WorkCalendar as WorkCalendar

__all__ = [
    "Approval",
    "Condition",
    "Duration",
    "Identity",
    "ImportResult",
    "Loaded",
    "Sop",
    "SpecResult",
    "Step",
    "StepKind",
    "TraceEntry",
    "WorkCalendar",
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
    "render",
    "render_pages",
    "safe_script_engine",
    "synthetic_sop",
    "validate",
    "write_bpmn",
]
