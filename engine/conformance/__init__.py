"""Conformance checking: an event log against its SOP, with alignment-based fitness and deviations."""

from __future__ import annotations

from .check import ConformanceChecker as ConformanceChecker
from .check import ConformanceReport as ConformanceReport
from .check import Move as Move
from .check import StepMatcher as StepMatcher
from .check import TraceResult as TraceResult
from .check import check_conformance as check_conformance
from .deviations import Deviation as Deviation
from .deviations import DeviationKind as DeviationKind
from .deviations import format_working_time as format_working_time
from .net import SopNet as SopNet
from .net import StateSpace as StateSpace
from .net import Transition as Transition
from .net import build_net as build_net

__all__ = [
    "ConformanceChecker",
    "ConformanceReport",
    "Deviation",
    "DeviationKind",
    "Move",
    "SopNet",
    "StateSpace",
    "StepMatcher",
    "TraceResult",
    "Transition",
    "build_net",
    "check_conformance",
    "format_working_time",
]
