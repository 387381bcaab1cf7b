"""Conformance checking: an event log against its SOP, with alignment-based fitness and deviations."""

from __future__ import annotations

from engine.conformance.check import ConformanceChecker as ConformanceChecker
from engine.conformance.check import ConformanceReport as ConformanceReport
from engine.conformance.check import Move as Move
from engine.conformance.check import StepMatcher as StepMatcher
from engine.conformance.check import TraceResult as TraceResult
from engine.conformance.check import check_conformance as check_conformance
from engine.conformance.deviations import Deviation as Deviation
from engine.conformance.deviations import DeviationKind as DeviationKind
from engine.conformance.net import SopNet as SopNet
from engine.conformance.net import StateSpace as StateSpace
from engine.conformance.net import Transition as Transition
from engine.conformance.net import build_net as build_net

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
]
