"""Conformance with events: a wait is nobody's work (a log without it fits) and an interrupting
boundary path is a way the SOP allows, not a deviation."""

from __future__ import annotations

from datetime import datetime, timedelta, timezone

from engine import load_file
from engine.conformance import check_conformance
from engine.eventlog import EventLog, LogEvent, LogTrace
from tests.conftest import DATA

MONDAY = datetime(2026, 3, 2, 1, 0, tzinfo=timezone.utc)


def _deviations(*cases: list[str]) -> list[list[str]]:
    sop = load_file(DATA / "events" / "permohonan_peristiwa.yaml").sop
    log = EventLog([LogTrace(f"k{index}", [LogEvent(f"k{index}", step, MONDAY + timedelta(minutes=minute),
                                                      role=sop.step(step).actor, step=step)
                                             for minute, step in enumerate(steps)])
                    for index, steps in enumerate(cases)])
    return [[f"{d.kind.value}:{d.step}" for d in trace.deviations] for trace in check_conformance(log, sop).traces]


def test_waits_and_boundary_paths_are_allowed_and_a_skipped_clerk_step_is_not() -> None:
    found = _deviations(["mulai", "periksa", "terbit", "selesai"],       # reply and payment came (no log rows)
                        ["mulai", "gugur"],                               # 3 hari kerja passed during periksa
                        ["mulai", "periksa", "gugur"],                    # the reply never came
                        ["mulai", "tolak"],                               # the clerk reported BERKAS_PALSU
                        ["mulai", "terbit", "selesai"])                   # periksa skipped: a deviation
    assert found[:4] == [[], [], [], []]
    assert found[4] != []
