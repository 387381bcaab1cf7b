"""Waiting is not a clerk's time, on SQLite and PostgreSQL.

``sanggah`` (tests/data/monitoring/sanggah_tunggu.yaml): surati (Petugas, 1 jam) -> tenggang (a wait of
5 hari kalender) -> jawab (event-based choice: the message ``sanggahan`` or 3 hari kalender) -> tinjau
(Kepala Seksi, only after a sanggahan) -> tetapkan (Kepala Seksi). Two cases start on Monday 5 January
2026, 08:00 WIB: A receives a sanggahan a day into its choice, B's choice times out. Clerks take:
surati 30 working minutes, tinjau 20, tetapkan 10. The waits take six to eight days on the clock.
"""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest
from sqlalchemy import select

from engine.monitoring.export import export_log, store_log_events
from engine.monitoring.report import monitoring_report
from engine.runtime.facade import Runtime
from engine.runtime.timers import ManualClock
from engine.store.models import timers
from tests.conftest import DATA
from tests.engine.runtime.conftest import UNIT, postgres_database  # noqa: F401

KEY = "sanggah"
SOP_FILE = DATA / "monitoring" / "sanggah_tunggu.yaml"
WIB = dt.timezone(dt.timedelta(hours=7))
UTC = dt.timezone.utc
BEGIN = dt.datetime(2026, 1, 5, 8, 0, tzinfo=WIB)
CLERK = {"surati": 30.0, "tinjau": 20.0, "tetapkan": 10.0}


class Driven:
    def __init__(self, runtime: Runtime, clock: ManualClock) -> None:
        self.runtime, self.clock = runtime, clock
        self.cases: list[int] = []

    def work(self, item_id: int, ready_at: dt.datetime, step: str, user: str) -> list[int]:
        self.clock.current = self.runtime.calendar.add_working_minutes(ready_at, CLERK[step]).astimezone(UTC)
        return [item.id for item in self.runtime.complete(item_id, user, {}).ready]

    def fire_timer(self, instance_id: int) -> None:
        with self.runtime.db.read() as connection:
            fire_at = connection.execute(select(timers.c.fire_at).where(
                timers.c.instance_id == instance_id, timers.c.status == "waiting")
                .order_by(timers.c.fire_at)).scalars().first()
        assert fire_at is not None
        self.clock.current = fire_at + dt.timedelta(minutes=1)
        self.runtime.clear_caches()
        assert self.runtime.tick().timers_fired >= 1

    def item(self, instance_id: int, step: str, user: str) -> tuple[int, dt.datetime]:
        found = next(item for item in self.runtime.worklist(user)
                     if item.instance_id == instance_id and item.step_id == step)
        return found.id, found.ready_at


def drive(runtime: Runtime, clock: ManualClock) -> Driven:
    runtime.publish(SOP_FILE, KEY)
    runtime.add_user("petugas", jabatan=[("Petugas", UNIT)])
    runtime.add_user("kasi", jabatan=[("Kepala Seksi", UNIT)])
    driven = Driven(runtime, clock)
    for answered in (True, False):
        clock.current = BEGIN.astimezone(UTC)
        instance, (surati,) = runtime.start(KEY, "petugas", {})
        driven.cases.append(instance.id)
        assert driven.work(surati.id, surati.ready_at, "surati", "petugas") == []  # the case waits, nobody works
        driven.fire_timer(instance.id)  # the 5 days of tenggang end
        assert [item.step_id for item in runtime.worklist("kasi") if item.instance_id == instance.id] == []
        if answered:
            clock.current += dt.timedelta(days=1)
            runtime.deliver_message("sanggahan", runtime.instance(instance.id).registration, "petugas")
            tinjau, ready = driven.item(instance.id, "tinjau", "kasi")
            driven.work(tinjau, ready, "tinjau", "kasi")
        else:
            driven.fire_timer(instance.id)  # the choice's 3 days run out
        tetapkan, ready = driven.item(instance.id, "tetapkan", "kasi")
        driven.work(tetapkan, ready, "tetapkan", "kasi")
        assert runtime.instance(instance.id).status == "completed"
    return driven


@pytest.fixture
def driven(clocked_runtime: tuple[Runtime, ManualClock]) -> Driven:
    return drive(*clocked_runtime)


def test_the_wait_is_in_the_cycle_time_but_in_no_clerk_step_nor_jabatan(driven: Driven) -> None:
    runtime = driven.runtime
    report = monitoring_report(runtime, KEY)
    steps = {step.step_id: step for step in report.steps}
    assert set(steps) == {"surati", "tinjau", "tetapkan"}  # the waits are nobody's step
    assert steps["surati"].median_minutes == pytest.approx(30) and steps["surati"].count == 2
    assert steps["tinjau"].median_minutes == pytest.approx(20) and steps["tinjau"].count == 1
    assert steps["tetapkan"].median_minutes == pytest.approx(10) and steps["tetapkan"].count == 2
    assert all(step.within == step.count for step in report.steps)  # every clerk was within the WAKTU
    assert report.overdue == 0 and report.bottlenecks == []
    load = {item.jabatan: item.working_minutes for item in report.jabatan}
    assert load == {"Petugas": pytest.approx(60), "Kepala Seksi": pytest.approx(20 + 20)}
    # the case's cycle time runs from start to finish: the days of waiting are in it
    cycles = []
    for instance_id in driven.cases:
        instance = runtime.instance(instance_id)
        assert instance.ended_at is not None
        assert instance.ended_at - instance.started_at > dt.timedelta(days=6)
        cycles.append(runtime.calendar.working_minutes_between(instance.started_at, instance.ended_at))
    assert min(cycles) > 4 * report.minutes_per_day  # at least four working days of waiting
    assert report.cycle_median_minutes == pytest.approx(sum(cycles) / 2)
    assert report.cycle_median_minutes > 10 * sum(CLERK.values())


def test_conformance_does_not_make_a_wait_a_pelaksana_or_time_deviation(driven: Driven, tmp_path: Path) -> None:
    from dataclasses import replace

    from engine.conformance import check_conformance
    from engine.eventlog import EventLog, LogEvent, read_log
    from engine.formats.files import load_file

    sop = load_file(SOP_FILE).sop
    log_file = tmp_path / "sanggah.xes"
    export_log(driven.runtime, KEY, log_file)
    report = check_conformance(read_log(log_file), sop, driven.runtime.calendar)
    assert [trace.fitness for trace in report.traces] == [1.0, 1.0]
    assert [trace.deviations for trace in report.traces] == [[], []]
    # a log from elsewhere records the waits too, done by the system, and has no start events: the
    # wait is no pelaksana's work, and the step after it is timed from the wait's end, not before it
    events = list(store_log_events(driven.runtime, KEY))
    completes = [event for event in events if event.lifecycle == "complete"]
    waits = []
    for case in driven.cases:
        trail = driven.runtime.trace(case)[1]
        for event in trail:
            if event.kind in ("timer_fired", "message_received") and event.step in ("tenggang", "jawab"):
                meta = next(step for step in sop.steps if step.id == event.step)
                waits.append(LogEvent(str(case), meta.activity, event.at, "sistem", "Sistem", "complete"))
    assert len(waits) == 4
    outside = EventLog.from_events(sorted([replace(event, step="") for event in completes] + waits,
                                          key=lambda event: (event.case_id, event.timestamp)))
    checked = check_conformance(outside, sop, driven.runtime.calendar)
    assert [trace.fitness for trace in checked.traces] == [1.0, 1.0]
    assert [[d.kind.value for d in trace.deviations] for trace in checked.traces] == [[], []]
