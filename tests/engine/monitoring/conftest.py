"""Instances of a small SOP driven through the real runtime with known working times.

``izin`` (tests/data/monitoring_izin.yaml): terima (start) -> periksa (1 jam) -> setujui (decision,
1 hari; Tidak goes back to periksa) -> arsip (15 menit). Five regular instances, one on each Monday
from 5 January 2026, complete every step after a chosen number of *working* minutes:

=========  =======  ===============  =====  ======================================
instance   periksa  setujui          arsip  notes
=========  =======  ===============  =====  ======================================
A          30       1125 (2,5 hari)  10
B          45       225              10     periksa without KTP (alasan given)
C          90       1125             10
D          30       1125             10
E          60, 30   300 (Tidak), 1125 10    one rework loop
=========  =======  ===============  =====  ======================================

One trial instance runs on a draft version: periksa 600, setujui 60, arsip 10.
"""

from __future__ import annotations

import datetime as dt
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path
from typing import Any, Iterator

import pytest

from engine.runtime.facade import Runtime
from engine.runtime.timers import ManualClock
from tests.conftest import DATA
from tests.engine.runtime.conftest import UNIT, fresh_url, postgres_database, staff  # noqa: F401

SOP_FILE = DATA / "monitoring_izin.yaml"
KEY = "izin"
WIB = dt.timezone(dt.timedelta(hours=7))
MONDAYS = [dt.datetime(2026, 1, 5, 8, 0, tzinfo=WIB) + dt.timedelta(weeks=week) for week in range(5)]
#: (step, working minutes, keputusan, full kelengkapan) per instance, in order.
PLAN: list[list[tuple[str, float, str, bool]]] = [
    [("periksa", 30, "", True), ("setujui", 1125, "Ya", True), ("arsip", 10, "", True)],
    [("periksa", 45, "", False), ("setujui", 225, "Ya", True), ("arsip", 10, "", True)],
    [("periksa", 90, "", True), ("setujui", 1125, "Ya", True), ("arsip", 10, "", True)],
    [("periksa", 30, "", True), ("setujui", 1125, "Ya", True), ("arsip", 10, "", True)],
    [("periksa", 60, "", True), ("setujui", 300, "Tidak", True), ("periksa", 30, "", True),
     ("setujui", 1125, "Ya", True), ("arsip", 10, "", True)],
]
TRIAL_PLAN = [("periksa", 600, "", True), ("setujui", 60, "Ya", True), ("arsip", 10, "", True)]
KELENGKAPAN = {"terima": ["Berkas permohonan"], "periksa": ["Formulir", "KTP"]}


@dataclass
class Driven:
    runtime: Runtime
    clock: ManualClock
    people: dict[str, str]
    instances: list[int]
    trial_instance: int
    #: work item ids of the trial instance by step.
    trial_items: dict[str, int]
    url: str = ""


def run_plan(runtime: Runtime, clock: ManualClock, people: dict[str, str], begin: dt.datetime,
             plan: list[tuple[str, float, str, bool]], trial: bool = False) -> tuple[int, dict[str, int]]:
    """Start an instance at ``begin`` and complete each step after its working minutes."""
    clock.current = begin.astimezone(dt.timezone.utc)
    instance, ready = runtime.start(KEY, people["Pengadministrasi"], {"kelengkapan": KELENGKAPAN["terima"]},
                                    trial=trial)
    items: dict[str, int] = {}
    for step, minutes, answer, complete in plan:
        item = next(found for found in ready if found.step_id == step)
        clock.current = runtime.calendar.add_working_minutes(item.ready_at, minutes).astimezone(dt.timezone.utc)
        form: dict[str, Any] = {"kelengkapan": KELENGKAPAN.get(step, [])}
        if not complete:
            form = {"kelengkapan": ["Formulir"], "alasan": "KTP menyusul"}
        if answer:
            form["keputusan"] = answer
        done = runtime.complete(item.id, people[item.jabatan], form)
        items[step] = item.id
        ready = list(done.ready)
    assert runtime.instance(instance.id).status == "completed"
    return instance.id, items


def drive_all(runtime: Runtime, clock: ManualClock) -> Driven:
    sop_file = SOP_FILE
    from engine.formats.files import load_file

    sop = load_file(sop_file).sop
    people = staff(runtime, sop)
    runtime.publish(sop_file, KEY)
    ids = [run_plan(runtime, clock, people, monday, plan)[0] for monday, plan in zip(MONDAYS, PLAN)]
    runtime.publish(sop_file, KEY, draft=True)
    trial_id, trial_items = run_plan(runtime, clock, people, dt.datetime(2026, 2, 9, 8, 0, tzinfo=WIB), TRIAL_PLAN,
                                     trial=True)
    clock.current = dt.datetime(2026, 2, 27, 10, 0, tzinfo=WIB).astimezone(dt.timezone.utc)
    return Driven(runtime, clock, people, ids, trial_id, trial_items)


@pytest.fixture(params=["sqlite", pytest.param("postgresql", marks=pytest.mark.postgresql)])
def driven(request: pytest.FixtureRequest, tmp_path: Any) -> Iterator[Driven]:
    """The five regular instances and the trial instance, on SQLite and on PostgreSQL."""
    yield from _driven(request.param, request, tmp_path)


@pytest.fixture
def driven_sqlite(request: pytest.FixtureRequest, tmp_path: Any) -> Iterator[Driven]:
    """The same instances, on SQLite only."""
    yield from _driven("sqlite", request, tmp_path)


@contextmanager
def _clocked(kind: str, request: pytest.FixtureRequest, tmp_path: Path) -> Iterator[tuple[Runtime, ManualClock, str]]:
    clock = ManualClock()
    url = fresh_url(kind, tmp_path, request)
    runtime = Runtime(url, clock=clock)
    try:
        yield runtime, clock, url
    finally:
        runtime.close()


def _driven(kind: str, request: pytest.FixtureRequest, tmp_path: Any) -> Iterator[Driven]:
    with _clocked(kind, request, tmp_path) as (runtime, clock, url):
        driven = drive_all(runtime, clock)
        driven.url = url
        yield driven


@pytest.fixture(params=["sqlite", pytest.param("postgresql", marks=pytest.mark.postgresql)])
def clocked_runtime(request: pytest.FixtureRequest, tmp_path: Path) -> Iterator[tuple[Runtime, ManualClock]]:
    """A runtime on a fresh store (once on SQLite, once on PostgreSQL) with its hand-moved clock, for a
    module's own ``driven`` fixture."""
    with _clocked(request.param, request, tmp_path) as (runtime, clock, _url):
        yield runtime, clock
