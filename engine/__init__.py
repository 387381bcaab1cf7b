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
from .evaluation import SavedEvaluation as SavedEvaluation
from .evaluation import evaluations_of as evaluations_of
from .evaluation import save_evaluation as save_evaluation
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
from .monitoring import DecisionStats as DecisionStats
from .monitoring import JabatanLoad as JabatanLoad
from .monitoring import MonitoringReport as MonitoringReport
from .monitoring import StepStats as StepStats
from .monitoring import cycle_trend as cycle_trend
from .monitoring import monitoring_report as monitoring_report
from .monitoring_form import AssessmentRules as AssessmentRules
from .monitoring_form import SavedMonitoringForm as SavedMonitoringForm
from .monitoring_form import minutes_text as minutes_text
from .monitoring_form import monitoring_form_pdf as monitoring_form_pdf
from .monitoring_form import monitoring_forms_of as monitoring_forms_of
from .monitoring_form import prefill_monitoring_form as prefill_monitoring_form
from .monitoring_form import save_monitoring_form as save_monitoring_form
from .process_map import follows_counts as follows_counts
from .process_map import process_map_svg as process_map_svg
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
from .store_log import export_log as export_log
from .store_log import store_log_events as store_log_events
from .synthetic import synthetic_sop as synthetic_sop
from .synthetic_log import synthetic_log as synthetic_log
from .timers import Clock as Clock
from .timers import ManualClock as ManualClock
from .timers import SystemClock as SystemClock
from .trace import TraceEntry as TraceEntry
from .ujicoba import Feedback as Feedback
from .ujicoba import FeedbackRequest as FeedbackRequest
from .ujicoba import UjicobaGate as UjicobaGate
from .ujicoba import UjicobaReport as UjicobaReport
from .ujicoba import UjicobaStep as UjicobaStep
from .ujicoba import feedback_of as feedback_of
from .ujicoba import give_feedback as give_feedback
from .ujicoba import pending_feedback as pending_feedback
from .ujicoba import ujicoba_complete as ujicoba_complete
from .ujicoba import ujicoba_report as ujicoba_report
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
    "AssessmentRules",
    "ChainBreak",
    "Clock",
    "Completed",
    "Condition",
    "ConformanceChecker",
    "ConformanceReport",
    "DecisionStats",
    "Deviation",
    "DeviationKind",
    "Duration",
    "Event",
    "EventLog",
    "Feedback",
    "FeedbackRequest",
    "Identity",
    "ImportResult",
    "InputError",
    "Instance",
    "JabatanLoad",
    "Loaded",
    "LogEvent",
    "LogTrace",
    "ManualClock",
    "MonitoringReport",
    "ProcessDefinitionError",
    "Runtime",
    "SavedEvaluation",
    "SavedMonitoringForm",
    "Sop",
    "SopNet",
    "SpecResult",
    "Step",
    "StepKind",
    "StepStats",
    "SystemClock",
    "TickReport",
    "TraceEntry",
    "TraceResult",
    "UjicobaGate",
    "UjicobaReport",
    "UjicobaStep",
    "User",
    "VersionInfo",
    "WorkCalendar",
    "WorkItem",
    "build_net",
    "check_condition",
    "check_conformance",
    "check_sop",
    "cycle_trend",
    "dump",
    "dump_sheet",
    "ensure_valid",
    "evaluate_condition",
    "evaluations_of",
    "export_log",
    "feedback_of",
    "follows_counts",
    "give_feedback",
    "load_bytes",
    "load_file",
    "load_sheet",
    "minutes_text",
    "monitoring_form_pdf",
    "monitoring_forms_of",
    "monitoring_report",
    "parse_condition",
    "parse_duration",
    "parse_spec",
    "pending_feedback",
    "prefill_monitoring_form",
    "process_map_svg",
    "read_bpmn",
    "read_log",
    "render",
    "render_pages",
    "safe_script_engine",
    "save_evaluation",
    "save_monitoring_form",
    "sheet_mapping",
    "sop_from_mapping",
    "store_log_events",
    "synthetic_log",
    "synthetic_sop",
    "ujicoba_complete",
    "ujicoba_report",
    "upgrade_database",
    "validate",
    "write_bpmn",
    "write_log",
]
