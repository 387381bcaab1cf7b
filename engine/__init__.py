"""Alur engine: the SOP model, its BPMN form, checks, safe conditions, working time, event logs and
conformance checking.


"""

from __future__ import annotations

from engine.runtime.audit import ChainBreak as ChainBreak
from engine.runtime.documents import DocumentRef as DocumentRef
from engine.runtime.documents import DocumentStore as DocumentStore
from engine.bpmn.reader import ImportResult as ImportResult
from engine.bpmn.reader import read_bpmn as read_bpmn
from engine.bpmn.spiff.scripts import safe_script_engine as safe_script_engine
from engine.bpmn.spiff.spec import SpecResult as SpecResult
from engine.bpmn.spiff.spec import parse_spec as parse_spec
from engine.bpmn.writer import write_bpmn as write_bpmn
from engine.sop.conditions.language import Condition as Condition
from engine.sop.conditions.language import check_condition as check_condition
from engine.sop.conditions.language import evaluate_condition as evaluate_condition
from engine.sop.conditions.language import parse_condition as parse_condition
from engine.conformance import ConformanceChecker as ConformanceChecker
from engine.conformance import ConformanceReport as ConformanceReport
from engine.conformance import Deviation as Deviation
from engine.conformance import DeviationKind as DeviationKind
from engine.conformance import SopNet as SopNet
from engine.conformance import TraceResult as TraceResult
from engine.conformance import build_net as build_net
from engine.conformance import check_conformance as check_conformance
from engine.sop.durations import Duration as Duration
from engine.sop.durations import parse_duration as parse_duration
from engine.errors import AlurError as AlurError
from engine.errors import InputError as InputError
from engine.errors import ProcessDefinitionError as ProcessDefinitionError
from engine.monitoring.evaluation import SavedEvaluation as SavedEvaluation
from engine.monitoring.evaluation import evaluations_of as evaluations_of
from engine.monitoring.evaluation import save_evaluation as save_evaluation
from engine.eventlog import EventLog as EventLog
from engine.eventlog import LogEvent as LogEvent
from engine.eventlog import LogTrace as LogTrace
from engine.eventlog import read_log as read_log
from engine.eventlog import write_log as write_log
from engine.formats.files import Loaded as Loaded
from engine.formats.files import check_sop as check_sop
from engine.formats.files import dump as dump
from engine.formats.files import load_bytes as load_bytes
from engine.formats.files import load_file as load_file
from engine.monitoring.report import DecisionStats as DecisionStats
from engine.monitoring.report import JabatanLoad as JabatanLoad
from engine.monitoring.report import MonitoringReport as MonitoringReport
from engine.monitoring.report import StepStats as StepStats
from engine.monitoring.report import cycle_trend as cycle_trend
from engine.monitoring.report import monitoring_report as monitoring_report
from engine.monitoring.form import AssessmentRules as AssessmentRules
from engine.monitoring.form import SavedMonitoringForm as SavedMonitoringForm
from engine.monitoring.form import minutes_text as minutes_text
from engine.monitoring.form import monitoring_form_pdf as monitoring_form_pdf
from engine.monitoring.form import monitoring_forms_of as monitoring_forms_of
from engine.monitoring.form import prefill_monitoring_form as prefill_monitoring_form
from engine.monitoring.form import save_monitoring_form as save_monitoring_form
from engine.monitoring.process_map import follows_counts as follows_counts
from engine.monitoring.process_map import process_map_svg as process_map_svg
from engine.render import render as render
from engine.render import render_pages as render_pages
from engine.runtime.facade import Runtime as Runtime
from engine.runtime.facade import TickReport as TickReport
from engine.formats.sheet import dump_sheet as dump_sheet
from engine.formats.sheet import load_sheet as load_sheet
from engine.formats.sheet import sheet_mapping as sheet_mapping
from engine.formats.sheet import sop_from_mapping as sop_from_mapping
from engine.formats.editor_text import fields_from_text as fields_from_text
from engine.formats.editor_text import fields_text as fields_text
from engine.formats.editor_text import item_line as item_line
from engine.formats.editor_text import line_item as line_item
from engine.sop.model import Approval as Approval
from engine.sop.model import Identity as Identity
from engine.sop.model import Sop as Sop
from engine.sop.model import Step as Step
from engine.sop.model import StepKind as StepKind
from engine.sop.fields import Field as Field
from engine.sop.fields import FieldType as FieldType
from engine.sop.fields import Requirement as Requirement
from engine.sop.values import condition_data as condition_data
from engine.sop.values import parse_field_value as parse_field_value
from engine.sop.values import validate_case_data as validate_case_data
from engine.sop.registration import format_registration as format_registration
from engine.sop.registration import registration_number as registration_number
from engine.store.migrate import upgrade_database as upgrade_database
from engine.monitoring.export import export_log as export_log
from engine.monitoring.export import store_log_events as store_log_events
from engine.samples.synthetic import synthetic_sop as synthetic_sop
from engine.samples.synthetic_log import synthetic_log as synthetic_log
from engine.runtime.timers import Clock as Clock
from engine.runtime.timers import ManualClock as ManualClock
from engine.runtime.timers import SystemClock as SystemClock
from engine.runtime.trace import TraceEntry as TraceEntry
from engine.lifecycle.ujicoba import Feedback as Feedback
from engine.lifecycle.ujicoba import FeedbackRequest as FeedbackRequest
from engine.lifecycle.ujicoba import UjicobaGate as UjicobaGate
from engine.lifecycle.ujicoba import UjicobaReport as UjicobaReport
from engine.lifecycle.ujicoba import UjicobaStep as UjicobaStep
from engine.lifecycle.ujicoba import feedback_of as feedback_of
from engine.lifecycle.ujicoba import give_feedback as give_feedback
from engine.lifecycle.ujicoba import pending_feedback as pending_feedback
from engine.lifecycle.ujicoba import ujicoba_complete as ujicoba_complete
from engine.lifecycle.ujicoba import ujicoba_report as ujicoba_report
from engine.sop.validate import ensure_valid as ensure_valid
from engine.sop.validate import validate as validate
from engine.runtime.work import Completed as Completed
from engine.runtime.work import Event as Event
from engine.runtime.work import Instance as Instance
from engine.runtime.work import User as User
from engine.runtime.work import VersionInfo as VersionInfo
from engine.runtime.work import WorkItem as WorkItem
from engine.sop.worktime import WorkCalendar as WorkCalendar

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
    "DocumentRef",
    "DocumentStore",
    "Duration",
    "Event",
    "EventLog",
    "Feedback",
    "FeedbackRequest",
    "Field",
    "FieldType",
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
    "Requirement",
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
    "condition_data",
    "cycle_trend",
    "dump",
    "dump_sheet",
    "ensure_valid",
    "evaluate_condition",
    "evaluations_of",
    "export_log",
    "feedback_of",
    "fields_from_text",
    "fields_text",
    "follows_counts",
    "format_registration",
    "give_feedback",
    "item_line",
    "line_item",
    "load_bytes",
    "load_file",
    "load_sheet",
    "minutes_text",
    "monitoring_form_pdf",
    "monitoring_forms_of",
    "monitoring_report",
    "parse_condition",
    "parse_duration",
    "parse_field_value",
    "parse_spec",
    "pending_feedback",
    "prefill_monitoring_form",
    "process_map_svg",
    "read_bpmn",
    "read_log",
    "registration_number",
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
    "validate_case_data",
    "write_bpmn",
    "write_log",
]
