"""The monitoring and lifecycle readers the web UI and the API call, taking the account that asks.

Each asks :mod:`engine.access.policy` first and then reads through the engine's own functions
(:mod:`engine.monitoring`, :mod:`engine.lifecycle`), which stay account-free for the CLI and the
benchmarks. Monitoring data is read per SOP by the monitoring roles
(:data:`~engine.access.policy.MONITOR_ROLES`), narrowed to the units
:func:`~engine.access.policy.monitor_scope` gives the account (and refused for an SOP of none of
them); the SOP register by everyone. Forms take the SOP's identity from the stored version.
"""

from __future__ import annotations

import datetime as dt
import os
from itertools import islice
from dataclasses import dataclass

from engine.access import policy
from engine.access.accounts import Account
from engine.bpmn.reader import read_bpmn
from engine.errors import NotFoundError
from engine.conformance.check import ConformanceChecker, ConformanceReport, check_conformance
from engine.eventlog.model import EventLog
from engine.lifecycle.transitions import RegisterEntry, register
from engine.lifecycle.ujicoba import (
    FeedbackRequest,
    UjicobaGate,
    UjicobaReport,
    feedback_of,
    pending_feedback,
    ujicoba_complete,
    ujicoba_report,
)
from engine.monitoring.evaluation import SavedEvaluation, evaluations_of, save_evaluation
from engine.monitoring.export import export_log, store_log_events
from engine.monitoring.form import SavedMonitoringForm, monitoring_forms_of, save_monitoring_form
from engine.monitoring.period import monitoring_period
from engine.monitoring.plots import TrendPoint
from engine.monitoring.process_map import process_map_svg
from engine.monitoring.proposals import ProposedAnswer, propose_answers
from engine.monitoring.schedule import MonitoringDue, monitoring_due, monitoring_schedule
from engine.monitoring.report import MonitoringReport, cycle_trend, monitoring_report
from engine.monitoring.workbook import EvaluationAnswer, EvaluationForm, MonitoringForm
from engine.runtime.audit import ChainBreak
from engine.runtime.facade import Runtime
from engine.store.repo import verify_all
from engine.sop.model import Sop


def _units(runtime: Runtime, account: Account, key: str) -> frozenset[int] | None:
    """The units of ``key`` the account reads (the policy's :func:`~engine.access.policy.monitor_scope`)."""
    with runtime.db.read() as connection:
        return policy.monitor_scope(connection, account, key)


def monitor_units_for(runtime: Runtime, account: Account, key: str) -> frozenset[int] | None:
    """The units of ``key`` whose monitoring data ``account`` reads (``None``: every unit), as every
    web monitoring page narrows its queries: what ``alur monitor --as`` and ``alur log export --as`` pass
    as ``units=``.

    :raises AccessDeniedError: ``account`` reads no monitoring data, or none of the SOP's units.
    :raises NotFoundError: no such SOP.
    """
    return _units(runtime, account, key)


@dataclass(frozen=True)
class MonitoringScope:
    """What a monitoring page reads: the days (inclusive) and whether the trial runs are meant."""

    start: dt.date
    end: dt.date
    trial: bool = False


def monitoring_scope(runtime: Runtime, account: Account, since: dt.date | None = None,
                     until: dt.date | None = None, *, trial: bool = False, key: str | None = None) -> MonitoringScope:
    """The period asked for, or the default one (:func:`engine.monitoring.period.monitoring_period`).

    :param key: the SOP the period is for (its own pemantau reads it without a monitoring role).
    :raises AccessDeniedError: ``account`` does not read monitoring data (of ``key``).
    """
    if key is None:
        policy.check_monitor(account)
    else:
        with runtime.db.read() as connection:
            policy.check_monitor_sop(connection, account, key)
    # today in the deployment's zone (WIB by default): a UTC date is yesterday before 07:00 WIB
    start, end = monitoring_period(runtime.clock.now().astimezone(runtime.calendar.tz).date(), since, until)
    return MonitoringScope(start, end, trial)


def report_for(runtime: Runtime, account: Account, key: str, scope: MonitoringScope) -> MonitoringReport:
    """The monitoring report of ``key`` in ``scope``, for ``account``."""
    return monitoring_report(runtime, key, scope.start, scope.end, trial=scope.trial,
                             units=_units(runtime, account, key))


def trend_for(runtime: Runtime, account: Account, key: str, scope: MonitoringScope) -> list[TrendPoint]:
    """The monthly median cycle time of ``key`` in ``scope``, for ``account``."""
    return cycle_trend(runtime, key, scope.start, scope.end, trial=scope.trial, units=_units(runtime, account, key))


def process_map_for(runtime: Runtime, account: Account, key: str, scope: MonitoringScope, lang: str = "id") -> bytes:
    """The process map (SVG) of ``key`` in ``scope``, for ``account``.

    :raises RenderError: Graphviz is missing or fails.
    """
    return process_map_svg(runtime, key, scope.start, scope.end, trial=scope.trial, lang=lang,
                           units=_units(runtime, account, key))


def monitoring_forms_for(runtime: Runtime, account: Account, key: str,
                         report: MonitoringReport) -> list[SavedMonitoringForm]:
    """The saved monitoring forms of ``key`` for the period of ``report``, newest first."""
    return monitoring_forms_of(runtime, key, report.period_start, report.period_end, trial=report.trial,
                               units=_units(runtime, account, key))


def log_for(runtime: Runtime, account: Account, key: str, path: str | os.PathLike[str],
            scope: MonitoringScope) -> int:
    """Write ``key``'s event log in ``scope`` to ``path`` (``.xes``/``.csv``); the number of events."""
    return export_log(runtime, key, path, scope.start, scope.end, trial=scope.trial,
                      units=_units(runtime, account, key))


def ujicoba_for(runtime: Runtime, account: Account, key: str,
                gate: UjicobaGate | None = None) -> tuple[UjicobaReport | None, bool, list[str]]:
    """The ujicoba report of ``key``, whether the trial is complete, and why not.

    The report is ``None`` for an SOP never put on trial (no draft version): the page shows that,
    not an error.
    """
    units = _units(runtime, account, key)
    ready, reasons = ujicoba_complete(runtime, key, gate=gate)  # the approval gate: every unit's trial
    try:
        return ujicoba_report(runtime, key, units=units), ready, reasons
    except NotFoundError as exc:
        if exc.code != "ujicoba_no_draft":
            raise
        return None, False, reasons


def evaluations_for(runtime: Runtime, account: Account, key: str) -> list[SavedEvaluation]:
    """The saved evaluations of ``key``, for ``account``."""
    _units(runtime, account, key)
    return evaluations_of(runtime, key)


def monitored_sop(runtime: Runtime, account: Account, key: str) -> Sop:
    """The SOP ``key`` as its newest stored version models it, when ``account`` reads its monitoring data
    (the evaluation and conformance pages).

    :raises AccessDeniedError: not for this account (see :func:`~engine.access.policy.monitor_scope`).
    :raises NotFoundError: no such SOP.
    """
    _units(runtime, account, key)
    return read_bpmn(runtime.bpmn(key)).sop


def conformance_for(runtime: Runtime, account: Account, key: str, log: EventLog) -> ConformanceReport:
    """Check an uploaded event log against the stored SOP ``key``, when ``account`` reads its monitoring data.

    :raises AccessDeniedError: not for this account.
    :raises NotFoundError: no such SOP.
    """
    return check_conformance(log, monitored_sop(runtime, account, key), calendar=runtime.calendar)


def save_monitoring_form_for(runtime: Runtime, account: Account, key: str, form: MonitoringForm, *,
                             trial: bool = False, base_revision: int | None = None) -> SavedMonitoringForm:
    """Save ``account``'s monitoring form of ``key`` for the units it reads (see :func:`save_monitoring_form`).

    :raises AccessDeniedError: not for this account.
    """
    return save_monitoring_form(runtime, key, form, account.username, trial=trial, base_revision=base_revision,
                                units=_units(runtime, account, key))


def save_evaluation_for(runtime: Runtime, account: Account, key: str, answers: list[EvaluationAnswer],
                        outcome: str, notes: str = "", assessor: str = "") -> SavedEvaluation:
    """Store ``account``'s evaluation of ``key``'s newest approved version; the SOP's name, number and
    unit come from that stored version (:func:`~engine.monitoring.evaluation.save_evaluation`), never
    from the form. A ``revisi`` opens a revision request for the owner unit's penyusun.

    :raises AccessDeniedError: not for this account.
    :raises DataError: an unknown outcome, an unanswered question, or a ``revisi`` without notes.
    """
    _units(runtime, account, key)
    form = EvaluationForm(sop_name="", sop_number="", unit="",
                          date=runtime.clock.now().astimezone(runtime.calendar.tz).date(),
                          assessor=assessor.strip() or account.nama or account.username, answers=answers,
                          outcome=outcome, notes=notes.strip())
    return save_evaluation(runtime, key, form, account.username)


def audit_chain_for(runtime: Runtime, account: Account) -> tuple[int, int, ChainBreak | None]:
    """Recompute the hash chains of the instances ``account`` sees (every unit's for admin and the
    Inspektorat): ``(instances, events, first break or None)``."""
    with runtime.db.read() as connection:
        return verify_all(connection, policy.monitor_units(connection, account))


def monitored_register_for(runtime: Runtime, account: Account) -> list[RegisterEntry]:
    """The published SOPs whose monitoring data ``account`` reads (the monitoring index)."""
    entries = [entry for entry in register(runtime) if entry.version]
    with runtime.db.read() as connection:
        keys = policy.monitored_keys(connection, account, {entry.key: entry.unit for entry in entries})
    return entries if keys is None else [entry for entry in entries if entry.key in keys]


def feedback_requests_for(runtime: Runtime, account: Account) -> list[FeedbackRequest]:
    """The trial steps ``account`` completed and has not rated yet."""
    return pending_feedback(runtime, policy.require(account).username)


def register_for(runtime: Runtime, account: Account, search: str = "") -> list[RegisterEntry]:
    """The SOP register (every account reads it), optionally searched."""
    policy.require(account)
    return register(runtime, search)


# -- stage 9: the evaluation's proposals and the monitoring schedule ----------------------------


#: The most events of Alur's own log the evaluation page checks for its proposals (a request's work).
PROPOSAL_MAX_EVENTS = 100_000


def evaluation_proposals_for(runtime: Runtime, account: Account, key: str,
                             lang: str = "id") -> tuple[MonitoringScope, list[ProposedAnswer]]:
    """Proposed answers to the evaluation's seven questions from ``key``'s data of the default period
    (the last six months, in the deployment's zone), for ``account``: the monitoring report, the
    clerks' ujicoba ratings of its newest draft, and the conformance of Alur's own log."""
    scope = monitoring_scope(runtime, account, key=key)
    units = _units(runtime, account, key)
    report = monitoring_report(runtime, key, scope.start, scope.end, units=units)
    try:
        ratings = [item.kemudahan for item in feedback_of(runtime, key)]
    except NotFoundError:
        ratings = []
    ease = (sum(ratings) / len(ratings), len(ratings)) if ratings else None
    # the log is read in the request: past PROPOSAL_MAX_EVENTS the synergy question is left to the evaluator
    events = list(islice(store_log_events(runtime, key, scope.start, scope.end, units=units),
                         PROPOSAL_MAX_EVENTS + 1))
    too_many = len(events) > PROPOSAL_MAX_EVENTS
    conformance = (ConformanceChecker(read_bpmn(runtime.bpmn(key)).sop, runtime.calendar)
                   .check(EventLog.from_events(events)) if events and not too_many else None)
    return scope, propose_answers(report, lang, ease=ease, conformance=conformance,
                                  log_limit=PROPOSAL_MAX_EVENTS if too_many else 0)


def monitoring_due_for(runtime: Runtime, account: Account, key: str) -> MonitoringDue:
    """When ``key``'s next six-monthly monitoring is due, for ``account`` (who reads its monitoring)."""
    _units(runtime, account, key)
    return monitoring_due(runtime, key)


def monitoring_schedule_for(runtime: Runtime, account: Account) -> dict[str, MonitoringDue]:
    """The schedule of every SOP on ``account``'s monitoring index, by key."""
    keys = [entry.key for entry in monitored_register_for(runtime, account)]
    return {due.key: due for due in monitoring_schedule(runtime, keys)}
