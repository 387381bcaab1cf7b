"""The monitoring and lifecycle readers the web UI and the API call, taking the account that asks.

Each asks :mod:`engine.access.policy` first and then reads through the engine's own functions
(:mod:`engine.monitoring`, :mod:`engine.lifecycle`), which stay account-free for the CLI and the
benchmarks. Monitoring data is read per SOP, for every unit that runs it, by the monitoring roles
(:data:`~engine.access.policy.MONITOR_ROLES`) -- today's behaviour; the SOP register by everyone.
"""

from __future__ import annotations

import datetime as dt
import os
from dataclasses import dataclass

from engine.access import policy
from engine.access.accounts import Account
from engine.lifecycle.transitions import RegisterEntry, register
from engine.lifecycle.ujicoba import (
    FeedbackRequest,
    UjicobaGate,
    UjicobaReport,
    pending_feedback,
    ujicoba_complete,
    ujicoba_report,
)
from engine.monitoring.evaluation import SavedEvaluation, evaluations_of
from engine.monitoring.export import export_log
from engine.monitoring.form import SavedMonitoringForm, monitoring_forms_of
from engine.monitoring.period import monitoring_period
from engine.monitoring.plots import TrendPoint
from engine.monitoring.process_map import process_map_svg
from engine.monitoring.report import MonitoringReport, cycle_trend, monitoring_report
from engine.runtime.facade import Runtime


@dataclass(frozen=True)
class MonitoringScope:
    """What a monitoring page reads: the days (inclusive) and whether the trial runs are meant."""

    start: dt.date
    end: dt.date
    trial: bool = False


def monitoring_scope(runtime: Runtime, account: Account, since: dt.date | None = None,
                     until: dt.date | None = None, *, trial: bool = False) -> MonitoringScope:
    """The period asked for, or the default one (:func:`engine.monitoring.period.monitoring_period`).

    :raises AccessDeniedError: ``account`` does not read monitoring data.
    """
    policy.check_monitor(account)
    start, end = monitoring_period(runtime.clock.now().date(), since, until)
    return MonitoringScope(start, end, trial)


def report_for(runtime: Runtime, account: Account, key: str, scope: MonitoringScope) -> MonitoringReport:
    """The monitoring report of ``key`` in ``scope``, for ``account``."""
    policy.check_monitor(account)
    return monitoring_report(runtime, key, scope.start, scope.end, trial=scope.trial)


def trend_for(runtime: Runtime, account: Account, key: str, scope: MonitoringScope) -> list[TrendPoint]:
    """The monthly median cycle time of ``key`` in ``scope``, for ``account``."""
    policy.check_monitor(account)
    return cycle_trend(runtime, key, scope.start, scope.end, trial=scope.trial)


def process_map_for(runtime: Runtime, account: Account, key: str, scope: MonitoringScope, lang: str = "id") -> bytes:
    """The process map (SVG) of ``key`` in ``scope``, for ``account``.

    :raises RenderError: Graphviz is missing or fails.
    """
    policy.check_monitor(account)
    return process_map_svg(runtime, key, scope.start, scope.end, trial=scope.trial, lang=lang)


def monitoring_forms_for(runtime: Runtime, account: Account, key: str,
                         report: MonitoringReport) -> list[SavedMonitoringForm]:
    """The saved monitoring forms of ``key`` for the period of ``report``, newest first."""
    policy.check_monitor(account)
    return monitoring_forms_of(runtime, key, report.period_start, report.period_end, trial=report.trial)


def log_for(runtime: Runtime, account: Account, key: str, path: str | os.PathLike[str],
            scope: MonitoringScope) -> int:
    """Write ``key``'s event log in ``scope`` to ``path`` (``.xes``/``.csv``); the number of events."""
    policy.check_monitor(account)
    return export_log(runtime, key, path, scope.start, scope.end, trial=scope.trial)


def ujicoba_for(runtime: Runtime, account: Account, key: str,
                gate: UjicobaGate | None = None) -> tuple[UjicobaReport, bool, list[str]]:
    """The ujicoba report of ``key``, whether the trial is complete, and why not."""
    policy.check_monitor(account)
    ready, reasons = ujicoba_complete(runtime, key, gate=gate)
    return ujicoba_report(runtime, key), ready, reasons


def evaluations_for(runtime: Runtime, account: Account, key: str) -> list[SavedEvaluation]:
    """The saved evaluations of ``key``, for ``account``."""
    policy.check_monitor(account)
    return evaluations_of(runtime, key)


def feedback_requests_for(runtime: Runtime, account: Account) -> list[FeedbackRequest]:
    """The trial steps ``account`` completed and has not rated yet."""
    return pending_feedback(runtime, policy.require(account).username)


def register_for(runtime: Runtime, account: Account, search: str = "") -> list[RegisterEntry]:
    """The SOP register (every account reads it), optionally searched."""
    policy.require(account)
    return register(runtime, search)
