"""SLA: overdue work items and escalation timers, woken by the worker, once each, in several processes."""

from __future__ import annotations

import multiprocessing
from datetime import date, datetime, timedelta, timezone

import pytest
from sqlalchemy import func, select

from engine.runtime.facade import Runtime
from engine.store.models import events, timers
from engine.runtime.timers import ManualClock
from tests.conftest import DATA
from tests.engine.runtime.conftest import UNIT

UTC = timezone.utc


def setup(runtime: Runtime, escalation: bool = True) -> None:
    runtime.add_user("ani", jabatan=[("Pengadministrasi", UNIT)])
    runtime.add_user("budi", jabatan=[("Kepala Subbagian", UNIT)])
    runtime.add_user("citra", jabatan=[("Kepala Bagian", UNIT)])
    runtime.publish(DATA / "surat_kecil.yaml", escalation=escalation)


def kinds(runtime: Runtime, instance_id: int) -> list[str]:
    return [event.kind for event in runtime.trace(instance_id)[1]]


def test_due_time_is_ready_time_plus_waktu_in_working_time(runtime: Runtime, clock: ManualClock) -> None:
    setup(runtime, escalation=False)
    friday_close = runtime.calendar.working_intervals(date(2026, 3, 6))[-1][1]
    monday_open = runtime.calendar.working_intervals(date(2026, 3, 9))[0][0]
    clock.current = (friday_close - timedelta(minutes=10)).astimezone(UTC)
    _, ready = runtime.start("surat_kecil", "ani", {"kelengkapan": ["Surat masuk"]})
    assert ready[0].due_at == monday_open + timedelta(minutes=5)  # 15 menit: 10 on Friday, 5 on Monday
    item = runtime.worklist("budi")[0]
    assert item.due_at == ready[0].due_at and not item.overdue


def test_overdue_is_marked_once_and_shown(runtime: Runtime, clock: ManualClock) -> None:
    setup(runtime, escalation=False)
    instance, ready = runtime.start("surat_kecil", "ani", {"kelengkapan": ["Surat masuk"]})
    assert runtime.tick().overdue_marked == 0
    clock.advance(timedelta(minutes=16))
    assert runtime.worklist("budi")[0].overdue
    assert runtime.tick().overdue_marked == 1
    assert runtime.tick().overdue_marked == 0
    overdue = [event for event in runtime.trace(instance.id)[1] if event.kind == "overdue"]
    assert len(overdue) == 1 and overdue[0].step == "periksa"
    assert overdue[0].data["terlambat_menit_kerja"] == 1.0


def test_escalation_timer_fires_at_the_due_time_and_the_step_stays(runtime: Runtime, clock: ManualClock) -> None:
    setup(runtime)
    instance, ready = runtime.start("surat_kecil", "ani", {"kelengkapan": ["Surat masuk"]})
    with runtime.db.read() as connection:
        waiting = connection.execute(select(timers).where(timers.c.status == "waiting")).all()
    assert [(row.event_id, row.fire_at) for row in waiting] == [("periksa__eskalasi", ready[0].due_at)]
    clock.advance(timedelta(minutes=14))
    assert runtime.tick().timers_fired == 0
    clock.advance(timedelta(minutes=2))
    runtime.clear_caches()
    report = runtime.tick()
    assert (report.timers_fired, report.overdue_marked) == (1, 1)
    assert runtime.tick() == type(report)()
    assert kinds(runtime, instance.id).count("escalated") == 1
    result = runtime.complete(ready[0].id, "budi", {"keputusan": "Tidak"})  # non-interrupting: still workable
    assert [item.step_id for item in result.ready] == ["arsip"]
    clock.advance(timedelta(hours=1))
    runtime.tick()
    arsip = runtime.worklist("ani")[0]
    runtime.complete(arsip.id, "ani", {})
    assert runtime.instance(instance.id).status == "completed"
    assert kinds(runtime, instance.id).count("escalated") == 2
    with runtime.db.read() as connection:
        assert connection.execute(select(func.count()).select_from(timers)
                                  .where(timers.c.status == "waiting")).scalar_one() == 0
    assert runtime.verify_audit()[2] is None


def test_a_completed_step_cancels_its_escalation_timer(runtime: Runtime, clock: ManualClock) -> None:
    setup(runtime)
    instance, ready = runtime.start("surat_kecil", "ani", {"kelengkapan": ["Surat masuk"]})
    runtime.complete(ready[0].id, "budi", {"keputusan": "Tidak"})
    with runtime.db.read() as connection:
        rows = connection.execute(select(timers.c.event_id, timers.c.status).order_by(timers.c.id)).all()
    assert [tuple(row) for row in rows] == [("periksa__eskalasi", "cancelled"), ("arsip__eskalasi", "waiting")]


def _worker(url: str, now: datetime, rounds: int) -> int:
    runtime = Runtime(url, clock=ManualClock(now))
    handled = 0
    try:
        for _ in range(rounds):
            report = runtime.tick(limit=10)
            handled += report.timers_fired + report.overdue_marked
    finally:
        runtime.close()
    return handled


def test_several_worker_processes_fire_each_timer_once(runtime: Runtime, clock: ManualClock,
                                                       store_url: str) -> None:
    setup(runtime)
    started = [runtime.start("surat_kecil", "ani", {"kelengkapan": ["Surat masuk"]})[0].id for _ in range(24)]
    later = clock.now() + timedelta(hours=1)
    context = multiprocessing.get_context("spawn")
    with context.Pool(3) as pool:
        handled = pool.starmap(_worker, [(store_url, later, 8)] * 3)
    assert sum(handled) == 48  # 24 timers + 24 overdue marks, however the workers shared them
    with runtime.db.read() as connection:
        escalated = connection.execute(select(events.c.instance_id, func.count()).where(events.c.kind == "escalated")
                                       .group_by(events.c.instance_id)).all()
        overdue = connection.execute(select(func.count()).select_from(events)
                                     .where(events.c.kind == "overdue")).scalar_one()
    assert sorted(escalated) == [(instance_id, 1) for instance_id in started]
    assert overdue == 24
    assert runtime.verify_audit()[2] is None


def test_timer_expressions_are_read_without_eval() -> None:
    from engine.errors import ProcessDefinitionError
    from engine.runtime.timers import parse_iso_datetime, parse_iso_duration, timer_fire_time

    assert parse_iso_duration("'PT15M'") == timedelta(minutes=15)
    assert parse_iso_duration('"P1DT2H"') == timedelta(days=1, hours=2)
    assert parse_iso_duration("P2W") == timedelta(weeks=2)
    assert parse_iso_duration("PT1,5H") == timedelta(minutes=90)
    start = datetime(2026, 3, 2, tzinfo=UTC)
    assert timer_fire_time("duration", "PT1H", start) == start + timedelta(hours=1)
    assert parse_iso_datetime("2026-03-01T09:00:00+07:00") == datetime(2026, 3, 1, 2, tzinfo=UTC)
    for bad in ("P1M", "P1Y", "PT", "P", "__import__('os')", "().__class__", "PT1H + PT1H", "P99999D"):
        with pytest.raises(ProcessDefinitionError):
            parse_iso_duration(bad)
    with pytest.raises(ProcessDefinitionError):
        parse_iso_datetime("2026-03-01T09:00:00")


def test_an_instance_whose_timer_cannot_run_is_put_in_error(runtime: Runtime, clock: ManualClock) -> None:
    from sqlalchemy import update

    from engine.store.models import instances

    setup(runtime)
    instance, _ = runtime.start("surat_kecil", "ani", {"kelengkapan": ["Surat masuk"]})
    with runtime.db.engine.begin() as connection:  # a damaged state (e.g. restored from a bad backup)
        connection.execute(update(instances).where(instances.c.id == instance.id).values(state="{rusak"))
    runtime.clear_caches()
    clock.advance(timedelta(hours=1))
    report = runtime.tick()
    assert report.errors == 1 and report.timers_fired == 0
    broken = runtime.instance(instance.id)
    assert broken.status == "error" and "tidak dapat dibaca" in broken.reason
    assert kinds(runtime, instance.id)[-1] == "error"
    assert runtime.tick() == type(report)()  # an instance in error is left alone
    assert runtime.worklist("budi") == []
    assert runtime.verify_audit()[2] is None
