"""Alur engine: the public API. the web UI, the CLI and bench/ import only from here (and :mod:`engine.errors`).

The SOP model, its BPMN form, checks, safe conditions, working time, the runtime and its store, the
access policy (:mod:`engine.access.policy`), the SOP lifecycle, monitoring, event logs and conformance.
"""

from __future__ import annotations

from engine.access.accounts import account as account
from engine.access.accounts import Account as Account
from engine.access.accounts import add_account as add_account
from engine.access.accounts import disable_account as disable_account
from engine.access.accounts import end_sessions as end_sessions
from engine.access.accounts import issue_token as issue_token
from engine.access.accounts import login as login
from engine.access.accounts import session_account as session_account
from engine.access.accounts import session_version as session_version
from engine.access.accounts import token_account as token_account
from engine.access.administration import acting_list as acting_list
from engine.access.administration import add_acting as add_acting
from engine.access.administration import add_holding as add_holding
from engine.access.administration import admin_calendars as admin_calendars
from engine.access.administration import admin_log_rows as admin_log_rows
from engine.access.administration import admin_people as admin_people
from engine.access.administration import admin_person as admin_person
from engine.access.administration import admin_reset_password as admin_reset_password
from engine.access.administration import admin_revoke_tokens as admin_revoke_tokens
from engine.access.administration import admin_unit as admin_unit
from engine.access.administration import admin_units as admin_units
from engine.access.administration import CalendarsPage as CalendarsPage
from engine.access.administration import CalendarView as CalendarView
from engine.access.administration import change_calendar_day as change_calendar_day
from engine.access.administration import check_admin_calendar_target as check_admin_calendar_target
from engine.access.administration import check_admin_target as check_admin_target
from engine.access.administration import end_acting as end_acting
from engine.access.administration import end_holding as end_holding
from engine.access.administration import export_calendars as export_calendars
from engine.access.administration import import_calendars as import_calendars
from engine.access.administration import mutasi as mutasi
from engine.access.administration import parse_org_day as parse_org_day
from engine.access.administration import set_account_disabled as set_account_disabled
from engine.access.directory import Employee as Employee
from engine.access.directory import find_employee as find_employee
from engine.access.linking import link_organisation as link_organisation
from engine.access.linking import LinkReport as LinkReport
from engine.access.linking import mark_head as mark_head
from engine.access.linking import place_unit as place_unit
from engine.access.organisation import Holding as Holding
from engine.access.orgimport import export_organisation as export_organisation
from engine.access.orgimport import import_organisation as import_organisation
from engine.access.orgimport import OrgImportError as OrgImportError
from engine.access.orgimport import OrgImportReport as OrgImportReport
from engine.access.orgimport import read_org_files as read_org_files
from engine.access.policy import administer_instance as administer_instance
from engine.access.policy import administered_instance as administered_instance
from engine.access.policy import assign_sop_role as assign_sop_role
from engine.access.policy import case_file_for as case_file_for
from engine.access.policy import check_instance as check_instance
from engine.access.policy import check_manage_sosialisasi as check_manage_sosialisasi
from engine.access.policy import check_monitor as check_monitor
from engine.access.policy import check_monitor_sop as check_monitor_sop
from engine.access.policy import check_sop_action as check_sop_action
from engine.access.policy import check_sosialisasi as check_sosialisasi
from engine.access.policy import deliver_message as deliver_message
from engine.access.policy import distribute_sop as distribute_sop
from engine.access.policy import document_for as document_for
from engine.access.policy import instance_for as instance_for
from engine.access.policy import is_sop_pemantau as is_sop_pemantau
from engine.access.policy import item_actions as item_actions
from engine.access.policy import item_for as item_for
from engine.access.policy import may_administer as may_administer
from engine.access.policy import may_administer_instance as may_administer_instance
from engine.access.policy import may_item as may_item
from engine.access.policy import may_manage_stages as may_manage_stages
from engine.access.policy import may_monitor as may_monitor
from engine.access.policy import may_sop as may_sop
from engine.access.policy import may_unmask as may_unmask
from engine.access.policy import monitor_scope as monitor_scope
from engine.access.policy import monitor_units as monitor_units
from engine.access.policy import monitored_keys as monitored_keys
from engine.access.policy import plan_sosialisasi as plan_sosialisasi
from engine.access.policy import reassign_item as reassign_item
from engine.access.policy import record_pelatihan as record_pelatihan
from engine.access.policy import release_item as release_item
from engine.access.policy import report_step_error as report_step_error
from engine.access.policy import sees_unit as sees_unit
from engine.access.policy import sop_actions as sop_actions
from engine.access.policy import sop_actions_for as sop_actions_for
from engine.access.policy import sop_unit_ids as sop_unit_ids
from engine.access.policy import sosialisasi_view as sosialisasi_view
from engine.access.policy import SosialisasiView as SosialisasiView
from engine.access.policy import supervised_item as supervised_item
from engine.access.policy import supervised_items as supervised_items
from engine.access.policy import supervised_units as supervised_units
from engine.access.policy import supervised_work as supervised_work
from engine.access.policy import visible_unit_ids as visible_unit_ids
from engine.access.readers import audit_chain_for as audit_chain_for
from engine.access.readers import conformance_for as conformance_for
from engine.access.readers import evaluation_proposals_for as evaluation_proposals_for
from engine.access.readers import evaluations_for as evaluations_for
from engine.access.readers import feedback_requests_for as feedback_requests_for
from engine.access.readers import log_for as log_for
from engine.access.readers import monitored_register_for as monitored_register_for
from engine.access.readers import monitored_sop as monitored_sop
from engine.access.readers import monitoring_due_for as monitoring_due_for
from engine.access.readers import monitoring_forms_for as monitoring_forms_for
from engine.access.readers import monitoring_schedule_for as monitoring_schedule_for
from engine.access.readers import monitoring_scope as monitoring_scope
from engine.access.readers import MonitoringScope as MonitoringScope
from engine.access.readers import process_map_for as process_map_for
from engine.access.readers import register_for as register_for
from engine.access.readers import report_for as report_for
from engine.access.readers import save_evaluation_for as save_evaluation_for
from engine.access.readers import save_monitoring_form_for as save_monitoring_form_for
from engine.access.readers import trend_for as trend_for
from engine.access.readers import ujicoba_for as ujicoba_for
from engine.access.throttle import LoginThrottle as LoginThrottle
from engine.bpmn.drawing import drawing_layout as drawing_layout
from engine.bpmn.drawing import with_layout as with_layout
from engine.bpmn.reader import ImportResult as ImportResult
from engine.bpmn.reader import read_bpmn as read_bpmn
from engine.bpmn.spiff.scripts import safe_script_engine as safe_script_engine
from engine.bpmn.spiff.spec import parse_spec as parse_spec
from engine.bpmn.spiff.spec import SpecResult as SpecResult
from engine.bpmn.spiff.state import new_workflow as new_workflow
from engine.bpmn.spiff.state import state_to_json as state_to_json
from engine.bpmn.writer import write_bpmn as write_bpmn
from engine.conformance import build_net as build_net
from engine.conformance import check_conformance as check_conformance
from engine.conformance import ConformanceChecker as ConformanceChecker
from engine.conformance import ConformanceReport as ConformanceReport
from engine.conformance import Deviation as Deviation
from engine.conformance import DeviationKind as DeviationKind
from engine.conformance import SopNet as SopNet
from engine.conformance import TraceResult as TraceResult
from engine.errors import AlurError as AlurError
from engine.errors import CaseDataError as CaseDataError
from engine.errors import InputError as InputError
from engine.errors import ProcessDefinitionError as ProcessDefinitionError
from engine.eventlog import EventLog as EventLog
from engine.eventlog import LogEvent as LogEvent
from engine.eventlog import LogTrace as LogTrace
from engine.eventlog import read_csv as read_csv
from engine.eventlog import read_log as read_log
from engine.eventlog import read_xes as read_xes
from engine.eventlog import write_log as write_log
from engine.formats.editor_text import events_from_text as events_from_text
from engine.formats.editor_text import events_text as events_text
from engine.formats.editor_text import fields_from_text as fields_from_text
from engine.formats.editor_text import fields_text as fields_text
from engine.formats.editor_text import item_line as item_line
from engine.formats.editor_text import line_item as line_item
from engine.formats.files import check_sop as check_sop
from engine.formats.files import dump as dump
from engine.formats.files import load_bytes as load_bytes
from engine.formats.files import load_file as load_file
from engine.formats.files import Loaded as Loaded
from engine.formats.sheet import dump_sheet as dump_sheet
from engine.formats.sheet import load_sheet as load_sheet
from engine.formats.sheet import sheet_mapping as sheet_mapping
from engine.formats.sheet import sop_from_mapping as sop_from_mapping
from engine.lifecycle.columns import column_warnings as column_warnings
from engine.lifecycle.columns import jabatan_code_choices as jabatan_code_choices
from engine.lifecycle.drawing import draft_layout as draft_layout
from engine.lifecycle.drawing import drawing_bpmn as drawing_bpmn
from engine.lifecycle.drawing import save_drawing as save_drawing
from engine.lifecycle.drawing import sop_from_drawing as sop_from_drawing
from engine.lifecycle.inventory import add_entry as add_entry
from engine.lifecycle.inventory import assign_numbers as assign_numbers
from engine.lifecycle.inventory import draftable_units as draftable_units
from engine.lifecycle.inventory import drafts_unit as drafts_unit
from engine.lifecycle.inventory import entry_of_sop as entry_of_sop
from engine.lifecycle.inventory import INVENTORY_CRITERIA as INVENTORY_CRITERIA
from engine.lifecycle.inventory import inventory_entries as inventory_entries
from engine.lifecycle.inventory import inventory_entry as inventory_entry
from engine.lifecycle.inventory import InventoryDecision as InventoryDecision
from engine.lifecycle.inventory import InventoryEntry as InventoryEntry
from engine.lifecycle.inventory import link_sop as link_sop
from engine.lifecycle.inventory import record_decision as record_decision
from engine.lifecycle.inventory import remove_entry as remove_entry
from engine.lifecycle.inventory import start_writing as start_writing
from engine.lifecycle.inventory import update_entry as update_entry
from engine.lifecycle.inventory_print import number_table as number_table
from engine.lifecycle.inventory_print import number_table_pdf as number_table_pdf
from engine.lifecycle.inventory_print import number_table_xlsx as number_table_xlsx
from engine.lifecycle.inventory_print import NumberTable as NumberTable
from engine.lifecycle.pelatihan import PELATIHAN_KINDS as PELATIHAN_KINDS
from engine.lifecycle.pelatihan import PelatihanSession as PelatihanSession
from engine.lifecycle.pelatihan import record_session as record_session
from engine.lifecycle.pelatihan import sessions_of as sessions_of
from engine.lifecycle.pelatihan import start_simulation as start_simulation
from engine.lifecycle.requests import revision_requests_of as revision_requests_of
from engine.lifecycle.requests import RevisionRequest as RevisionRequest
from engine.lifecycle.review import accept as accept
from engine.lifecycle.review import answer_finding as answer_finding
from engine.lifecycle.review import Finding as Finding
from engine.lifecycle.review import findings as findings
from engine.lifecycle.review import send_back as send_back
from engine.lifecycle.revision import publish_direct as publish_direct
from engine.lifecycle.revision import revise as revise
from engine.lifecycle.roles import approver_holds as approver_holds
from engine.lifecycle.roles import approver_unit as approver_unit
from engine.lifecycle.roles import effective_date as effective_date
from engine.lifecycle.roles import LifecycleSettings as LifecycleSettings
from engine.lifecycle.roles import require_confirmation as require_confirmation
from engine.lifecycle.roles import today_in as today_in
from engine.lifecycle.sosialisasi import acknowledge as acknowledge
from engine.lifecycle.sosialisasi import assign as assign
from engine.lifecycle.sosialisasi import Assignment as Assignment
from engine.lifecycle.sosialisasi import ASSIGNMENT_ROLES as ASSIGNMENT_ROLES
from engine.lifecycle.sosialisasi import assignments_of as assignments_of
from engine.lifecycle.sosialisasi import coverage as coverage
from engine.lifecycle.sosialisasi import Coverage as Coverage
from engine.lifecycle.sosialisasi import distribute as distribute
from engine.lifecycle.sosialisasi import Distribution as Distribution
from engine.lifecycle.sosialisasi import distributions_of as distributions_of
from engine.lifecycle.sosialisasi import plan_of as plan_of
from engine.lifecycle.sosialisasi import save_plan as save_plan
from engine.lifecycle.sosialisasi import SosialisasiPlan as SosialisasiPlan
from engine.lifecycle.sosialisasi import to_acknowledge as to_acknowledge
from engine.lifecycle.sosialisasi import ToAcknowledge as ToAcknowledge
from engine.lifecycle.sosialisasi import unassign as unassign
from engine.lifecycle.step_records import made_by as made_by
from engine.lifecycle.step_records import made_by_case as made_by_case
from engine.lifecycle.step_records import StepRecordLink as StepRecordLink
from engine.lifecycle.step_records import write_step_record as write_step_record
from engine.lifecycle.tim import add_member as add_member
from engine.lifecycle.tim import Briefing as Briefing
from engine.lifecycle.tim import create_tim as create_tim
from engine.lifecycle.tim import end_member as end_member
from engine.lifecycle.tim import may_keep_tim as may_keep_tim
from engine.lifecycle.tim import parse_stage_day as parse_stage_day
from engine.lifecycle.tim import record_briefing as record_briefing
from engine.lifecycle.tim import tim as tim
from engine.lifecycle.tim import Tim as Tim
from engine.lifecycle.tim import TIM_ROLES as TIM_ROLES
from engine.lifecycle.tim import TimMember as TimMember
from engine.lifecycle.tim import tims as tims
from engine.lifecycle.transitions import approve as approve
from engine.lifecycle.transitions import current_round as current_round
from engine.lifecycle.transitions import history as history
from engine.lifecycle.transitions import overlaps as overlaps
from engine.lifecycle.transitions import register as register
from engine.lifecycle.transitions import RegisterEntry as RegisterEntry
from engine.lifecycle.transitions import returned as returned
from engine.lifecycle.transitions import save_draft as save_draft
from engine.lifecycle.transitions import start_trial as start_trial
from engine.lifecycle.transitions import status as status
from engine.lifecycle.transitions import submit as submit
from engine.lifecycle.transitions import suggest_number as suggest_number
from engine.lifecycle.transitions import version_diff as version_diff
from engine.lifecycle.transitions import working_sop as working_sop
from engine.lifecycle.ujicoba import Feedback as Feedback
from engine.lifecycle.ujicoba import feedback_of as feedback_of
from engine.lifecycle.ujicoba import FeedbackRequest as FeedbackRequest
from engine.lifecycle.ujicoba import give_feedback as give_feedback
from engine.lifecycle.ujicoba import pending_feedback as pending_feedback
from engine.lifecycle.ujicoba import ujicoba_complete as ujicoba_complete
from engine.lifecycle.ujicoba import ujicoba_report as ujicoba_report
from engine.lifecycle.ujicoba import UjicobaGate as UjicobaGate
from engine.lifecycle.ujicoba import UjicobaReport as UjicobaReport
from engine.lifecycle.ujicoba import UjicobaStep as UjicobaStep
from engine.lifecycle.verifikasi import Verification as Verification
from engine.lifecycle.verifikasi import verifications_of as verifications_of
from engine.messages import message as message
from engine.monitoring.evaluation import evaluations_of as evaluations_of
from engine.monitoring.evaluation import save_evaluation as save_evaluation
from engine.monitoring.evaluation import SavedEvaluation as SavedEvaluation
from engine.monitoring.export import export_log as export_log
from engine.monitoring.export import store_log_events as store_log_events
from engine.monitoring.form import AssessmentRules as AssessmentRules
from engine.monitoring.form import monitoring_form_pdf as monitoring_form_pdf
from engine.monitoring.form import monitoring_forms_of as monitoring_forms_of
from engine.monitoring.form import prefill_monitoring_form as prefill_monitoring_form
from engine.monitoring.form import save_monitoring_form as save_monitoring_form
from engine.monitoring.form import SavedMonitoringForm as SavedMonitoringForm
from engine.monitoring.period import monitoring_period as monitoring_period
from engine.monitoring.plots import step_chart as step_chart
from engine.monitoring.plots import trend_chart as trend_chart
from engine.monitoring.process_map import follows_counts as follows_counts
from engine.monitoring.process_map import process_map_svg as process_map_svg
from engine.monitoring.proposals import propose_answers as propose_answers
from engine.monitoring.proposals import ProposedAnswer as ProposedAnswer
from engine.monitoring.report import cycle_trend as cycle_trend
from engine.monitoring.report import DecisionStats as DecisionStats
from engine.monitoring.report import JabatanLoad as JabatanLoad
from engine.monitoring.report import monitoring_report as monitoring_report
from engine.monitoring.report import MonitoringReport as MonitoringReport
from engine.monitoring.report import StepStats as StepStats
from engine.monitoring.report_pdf import monitoring_report_pdf as monitoring_report_pdf
from engine.monitoring.report_pdf import schedule_text as schedule_text
from engine.monitoring.report_pdf import standard_path_text as standard_path_text
from engine.monitoring.schedule import monitoring_due as monitoring_due
from engine.monitoring.schedule import MonitoringDue as MonitoringDue
from engine.monitoring.workbook import EVALUATION_QUESTIONS as EVALUATION_QUESTIONS
from engine.monitoring.workbook import EvaluationAnswer as EvaluationAnswer
from engine.monitoring.workbook import EvaluationForm as EvaluationForm
from engine.monitoring.workbook import monitoring_xlsx as monitoring_xlsx
from engine.monitoring.workbook import MonitoringForm as MonitoringForm
from engine.monitoring.workbook import MonitoringRow as MonitoringRow
from engine.monitoring.workbook import OUTCOMES as OUTCOMES
from engine.notify.channels import SmtpChannel as SmtpChannel
from engine.notify.channels import WebhookChannel as WebhookChannel
from engine.notify.settings import NotifySettings as NotifySettings
from engine.render import render as render
from engine.render import render_pages as render_pages
from engine.render.document import document_pages as document_pages
from engine.render.flowchart import keep_routed_pages as keep_routed_pages
from engine.render.preview import flowchart_preview as flowchart_preview
from engine.runtime.administration import ADMIN_ACTIONS as ADMIN_ACTIONS
from engine.runtime.administration import OverdueGroup as OverdueGroup
from engine.runtime.attaching import Attachment as Attachment
from engine.runtime.audit import ChainBreak as ChainBreak
from engine.runtime.audit import Envelope as Envelope
from engine.runtime.audit import EVENT_SCHEMA as EVENT_SCHEMA
from engine.runtime.browse import check_startable as check_startable
from engine.runtime.browse import done_by as done_by
from engine.runtime.browse import InstanceRow as InstanceRow
from engine.runtime.browse import item_with_step as item_with_step
from engine.runtime.browse import list_instances as list_instances
from engine.runtime.browse import start_step as start_step
from engine.runtime.browse import startable as startable
from engine.runtime.browse import step_of_item as step_of_item
from engine.runtime.browse import StepRun as StepRun
from engine.runtime.browse import timeline as timeline
from engine.runtime.calendars import calendar_file_text as calendar_file_text
from engine.runtime.calendars import calendar_from_spec as calendar_from_spec
from engine.runtime.calendars import read_calendar_file as read_calendar_file
from engine.runtime.calendars import store_calendars as store_calendars
from engine.runtime.calendars import stored_calendars as stored_calendars
from engine.runtime.case import case_data as case_data
from engine.runtime.case import instances_with_value as instances_with_value
from engine.runtime.case import record_case_values as record_case_values
from engine.runtime.casefile import CaseFieldValue as CaseFieldValue
from engine.runtime.casefile import CaseFile as CaseFile
from engine.runtime.casefile import CaseOpenItem as CaseOpenItem
from engine.runtime.casefile import CaseStep as CaseStep
from engine.runtime.casefile import WORKLIST_SORTS as WORKLIST_SORTS
from engine.runtime.casefile import WorkPage as WorkPage
from engine.runtime.context import RuntimeContext as RuntimeContext
from engine.runtime.documents import CaseDocument as CaseDocument
from engine.runtime.documents import DocumentRef as DocumentRef
from engine.runtime.documents import DocumentStore as DocumentStore
from engine.runtime.events import MessageDelivery as MessageDelivery
from engine.runtime.facade import Runtime as Runtime
from engine.runtime.facade import TickReport as TickReport
from engine.runtime.form_input import completion_from_fields as completion_from_fields
from engine.runtime.form_input import completion_from_json as completion_from_json
from engine.runtime.form_input import typed_value as typed_value
from engine.runtime.form_input import typed_values as typed_values
from engine.runtime.kelengkapan import BERKAS as BERKAS
from engine.runtime.kelengkapan import KERTAS as KERTAS
from engine.runtime.kelengkapan import recorded_states as recorded_states
from engine.runtime.kelengkapan import RequirementState as RequirementState
from engine.runtime.kelengkapan import TIDAK_ADA as TIDAK_ADA
from engine.runtime.kelengkapan import WAYS as WAYS
from engine.runtime.privacy import mask_value as mask_value
from engine.runtime.retention import ErasedCase as ErasedCase
from engine.runtime.timers import Clock as Clock
from engine.runtime.timers import ManualClock as ManualClock
from engine.runtime.timers import SystemClock as SystemClock
from engine.runtime.trace import TraceDocument as TraceDocument
from engine.runtime.trace import TraceEntry as TraceEntry
from engine.runtime.units import UnitRequest as UnitRequest
from engine.runtime.units import UnitResolver as UnitResolver
from engine.runtime.work import Completed as Completed
from engine.runtime.work import Event as Event
from engine.runtime.work import Instance as Instance
from engine.runtime.work import MODES as MODES
from engine.runtime.work import REAL as REAL
from engine.runtime.work import SIMULASI as SIMULASI
from engine.runtime.work import StepInfo as StepInfo
from engine.runtime.work import UJICOBA as UJICOBA
from engine.runtime.work import User as User
from engine.runtime.work import VersionInfo as VersionInfo
from engine.runtime.work import WorkItem as WorkItem
from engine.samples.case_values import sample_values as sample_values
from engine.samples.demo import PROCESSES as DEMO_PROCESSES
from engine.samples.demo import seed as seed_demo
from engine.samples.synthetic import synthetic_sop as synthetic_sop
from engine.samples.synthetic_log import synthetic_log as synthetic_log
from engine.sop.conditions.language import check_condition as check_condition
from engine.sop.conditions.language import Condition as Condition
from engine.sop.conditions.language import evaluate_condition as evaluate_condition
from engine.sop.conditions.language import parse_condition as parse_condition
from engine.sop.duration_text import kind_time_text as kind_time_text
from engine.sop.duration_text import working_time_text as working_time_text
from engine.sop.durations import Duration as Duration
from engine.sop.durations import parse_duration as parse_duration
from engine.sop.events import Boundary as Boundary
from engine.sop.events import EndEvent as EndEvent
from engine.sop.events import EndKind as EndKind
from engine.sop.events import Trigger as Trigger
from engine.sop.events import TriggerKind as TriggerKind
from engine.sop.fields import Field as Field
from engine.sop.fields import FieldType as FieldType
from engine.sop.fields import Requirement as Requirement
from engine.sop.keys import sop_key as sop_key
from engine.sop.model import Approval as Approval
from engine.sop.model import Identity as Identity
from engine.sop.model import Sop as Sop
from engine.sop.model import Step as Step
from engine.sop.model import StepKind as StepKind
from engine.sop.registration import format_registration as format_registration
from engine.sop.registration import registration_number as registration_number
from engine.sop.retention import retention_years as retention_years
from engine.sop.routing import parse_rule as parse_rule
from engine.sop.routing import RoutingRule as RoutingRule
from engine.sop.routing import RULE_KINDS as RULE_KINDS
from engine.sop.step_records import RECORD_KINDS as RECORD_KINDS
from engine.sop.step_records import StepRecord as StepRecord
from engine.sop.structure import CallTarget as CallTarget
from engine.sop.structure import MultiInstance as MultiInstance
from engine.sop.structure import StandardLoop as StandardLoop
from engine.sop.structure import Structure as Structure
from engine.sop.structure_checks import table_editor_problems as table_editor_problems
from engine.sop.validate import ensure_valid as ensure_valid
from engine.sop.validate import validate as validate
from engine.sop.values import condition_data as condition_data
from engine.sop.values import parse_field_value as parse_field_value
from engine.sop.values import validate_case_data as validate_case_data
from engine.sop.worktime import WorkCalendar as WorkCalendar
from engine.store.migrate import ensure_current as ensure_current
from engine.store.migrate import upgrade_database as upgrade_database

__all__ = [
    "ADMIN_ACTIONS",
    "ASSIGNMENT_ROLES",
    "Account",
    "AlurError",
    "Approval",
    "AssessmentRules",
    "Assignment",
    "Attachment",
    "BERKAS",
    "Boundary",
    "Briefing",
    "CalendarView",
    "CalendarsPage",
    "CallTarget",
    "CaseDataError",
    "CaseDocument",
    "CaseFieldValue",
    "CaseFile",
    "CaseOpenItem",
    "CaseStep",
    "ChainBreak",
    "Clock",
    "Completed",
    "Condition",
    "ConformanceChecker",
    "ConformanceReport",
    "Coverage",
    "DEMO_PROCESSES",
    "DecisionStats",
    "Deviation",
    "DeviationKind",
    "Distribution",
    "DocumentRef",
    "DocumentStore",
    "Duration",
    "EVALUATION_QUESTIONS",
    "EVENT_SCHEMA",
    "Employee",
    "EndEvent",
    "EndKind",
    "Envelope",
    "ErasedCase",
    "EvaluationAnswer",
    "EvaluationForm",
    "Event",
    "EventLog",
    "Feedback",
    "FeedbackRequest",
    "Field",
    "FieldType",
    "Finding",
    "Holding",
    "INVENTORY_CRITERIA",
    "Identity",
    "ImportResult",
    "InputError",
    "Instance",
    "InstanceRow",
    "InventoryDecision",
    "InventoryEntry",
    "JabatanLoad",
    "KERTAS",
    "LifecycleSettings",
    "LinkReport",
    "Loaded",
    "LogEvent",
    "LogTrace",
    "LoginThrottle",
    "MODES",
    "ManualClock",
    "MessageDelivery",
    "MonitoringDue",
    "MonitoringForm",
    "MonitoringReport",
    "MonitoringRow",
    "MonitoringScope",
    "MultiInstance",
    "NotifySettings",
    "NumberTable",
    "OUTCOMES",
    "OrgImportError",
    "OrgImportReport",
    "OverdueGroup",
    "PELATIHAN_KINDS",
    "PelatihanSession",
    "ProcessDefinitionError",
    "ProposedAnswer",
    "REAL",
    "RECORD_KINDS",
    "RULE_KINDS",
    "RegisterEntry",
    "Requirement",
    "RequirementState",
    "RevisionRequest",
    "RoutingRule",
    "Runtime",
    "RuntimeContext",
    "SIMULASI",
    "SavedEvaluation",
    "SavedMonitoringForm",
    "SmtpChannel",
    "Sop",
    "SopNet",
    "SosialisasiPlan",
    "SosialisasiView",
    "SpecResult",
    "StandardLoop",
    "Step",
    "StepInfo",
    "StepKind",
    "StepRecord",
    "StepRecordLink",
    "StepRun",
    "StepStats",
    "Structure",
    "SystemClock",
    "TIDAK_ADA",
    "TIM_ROLES",
    "TickReport",
    "Tim",
    "TimMember",
    "ToAcknowledge",
    "TraceDocument",
    "TraceEntry",
    "TraceResult",
    "Trigger",
    "TriggerKind",
    "UJICOBA",
    "UjicobaGate",
    "UjicobaReport",
    "UjicobaStep",
    "UnitRequest",
    "UnitResolver",
    "User",
    "Verification",
    "VersionInfo",
    "WAYS",
    "WORKLIST_SORTS",
    "WebhookChannel",
    "WorkCalendar",
    "WorkItem",
    "WorkPage",
    "accept",
    "account",
    "acknowledge",
    "acting_list",
    "add_account",
    "add_acting",
    "add_entry",
    "add_holding",
    "add_member",
    "admin_calendars",
    "admin_log_rows",
    "admin_people",
    "admin_person",
    "admin_reset_password",
    "admin_revoke_tokens",
    "admin_unit",
    "admin_units",
    "administer_instance",
    "administered_instance",
    "answer_finding",
    "approve",
    "approver_holds",
    "approver_unit",
    "assign",
    "assign_numbers",
    "assign_sop_role",
    "assignments_of",
    "audit_chain_for",
    "build_net",
    "calendar_file_text",
    "calendar_from_spec",
    "case_data",
    "case_file_for",
    "change_calendar_day",
    "check_admin_calendar_target",
    "check_admin_target",
    "check_condition",
    "check_conformance",
    "check_instance",
    "check_manage_sosialisasi",
    "check_monitor",
    "check_monitor_sop",
    "check_sop",
    "check_sop_action",
    "check_sosialisasi",
    "check_startable",
    "column_warnings",
    "completion_from_fields",
    "completion_from_json",
    "condition_data",
    "conformance_for",
    "coverage",
    "create_tim",
    "current_round",
    "cycle_trend",
    "deliver_message",
    "disable_account",
    "distribute",
    "distribute_sop",
    "distributions_of",
    "document_for",
    "document_pages",
    "done_by",
    "draft_layout",
    "draftable_units",
    "drafts_unit",
    "drawing_bpmn",
    "drawing_layout",
    "dump",
    "dump_sheet",
    "effective_date",
    "end_acting",
    "end_holding",
    "end_member",
    "end_sessions",
    "ensure_current",
    "ensure_valid",
    "entry_of_sop",
    "evaluate_condition",
    "evaluation_proposals_for",
    "evaluations_for",
    "evaluations_of",
    "events_from_text",
    "events_text",
    "export_calendars",
    "export_log",
    "export_organisation",
    "feedback_of",
    "feedback_requests_for",
    "fields_from_text",
    "fields_text",
    "find_employee",
    "findings",
    "flowchart_preview",
    "follows_counts",
    "format_registration",
    "give_feedback",
    "history",
    "import_calendars",
    "import_organisation",
    "instance_for",
    "instances_with_value",
    "inventory_entries",
    "inventory_entry",
    "is_sop_pemantau",
    "issue_token",
    "item_actions",
    "item_for",
    "item_line",
    "item_with_step",
    "jabatan_code_choices",
    "keep_routed_pages",
    "kind_time_text",
    "line_item",
    "link_organisation",
    "link_sop",
    "list_instances",
    "load_bytes",
    "load_file",
    "load_sheet",
    "log_for",
    "login",
    "made_by",
    "made_by_case",
    "mark_head",
    "mask_value",
    "may_administer",
    "may_administer_instance",
    "may_item",
    "may_keep_tim",
    "may_manage_stages",
    "may_monitor",
    "may_sop",
    "may_unmask",
    "message",
    "monitor_scope",
    "monitor_units",
    "monitored_keys",
    "monitored_register_for",
    "monitored_sop",
    "monitoring_due",
    "monitoring_due_for",
    "monitoring_form_pdf",
    "monitoring_forms_for",
    "monitoring_forms_of",
    "monitoring_period",
    "monitoring_report",
    "monitoring_report_pdf",
    "monitoring_schedule_for",
    "monitoring_scope",
    "monitoring_xlsx",
    "mutasi",
    "new_workflow",
    "number_table",
    "number_table_pdf",
    "number_table_xlsx",
    "overlaps",
    "parse_condition",
    "parse_duration",
    "parse_field_value",
    "parse_org_day",
    "parse_rule",
    "parse_spec",
    "parse_stage_day",
    "pending_feedback",
    "place_unit",
    "plan_of",
    "plan_sosialisasi",
    "prefill_monitoring_form",
    "process_map_for",
    "process_map_svg",
    "propose_answers",
    "publish_direct",
    "read_bpmn",
    "read_calendar_file",
    "read_csv",
    "read_log",
    "read_org_files",
    "read_xes",
    "reassign_item",
    "record_briefing",
    "record_case_values",
    "record_decision",
    "record_pelatihan",
    "record_session",
    "recorded_states",
    "register",
    "register_for",
    "registration_number",
    "release_item",
    "remove_entry",
    "render",
    "render_pages",
    "report_for",
    "report_step_error",
    "require_confirmation",
    "retention_years",
    "returned",
    "revise",
    "revision_requests_of",
    "safe_script_engine",
    "sample_values",
    "save_draft",
    "save_drawing",
    "save_evaluation",
    "save_evaluation_for",
    "save_monitoring_form",
    "save_monitoring_form_for",
    "save_plan",
    "schedule_text",
    "seed_demo",
    "sees_unit",
    "send_back",
    "session_account",
    "session_version",
    "sessions_of",
    "set_account_disabled",
    "sheet_mapping",
    "sop_actions",
    "sop_actions_for",
    "sop_from_drawing",
    "sop_from_mapping",
    "sop_key",
    "sop_unit_ids",
    "sosialisasi_view",
    "standard_path_text",
    "start_simulation",
    "start_step",
    "start_trial",
    "start_writing",
    "startable",
    "state_to_json",
    "status",
    "step_chart",
    "step_of_item",
    "store_calendars",
    "store_log_events",
    "stored_calendars",
    "submit",
    "suggest_number",
    "supervised_item",
    "supervised_items",
    "supervised_units",
    "supervised_work",
    "synthetic_log",
    "synthetic_sop",
    "table_editor_problems",
    "tim",
    "timeline",
    "tims",
    "to_acknowledge",
    "today_in",
    "token_account",
    "trend_chart",
    "trend_for",
    "typed_value",
    "typed_values",
    "ujicoba_complete",
    "ujicoba_for",
    "ujicoba_report",
    "unassign",
    "update_entry",
    "upgrade_database",
    "validate",
    "validate_case_data",
    "verifications_of",
    "version_diff",
    "visible_unit_ids",
    "with_layout",
    "working_sop",
    "working_time_text",
    "write_bpmn",
    "write_log",
    "write_step_record",
]
