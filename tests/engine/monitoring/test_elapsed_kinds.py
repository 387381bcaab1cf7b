"""Each step is measured in its own kind of time: calendar minutes for "1 x 24 jam", working minutes
for "3 hari kerja" (both stored on the work item when it completes)."""

from __future__ import annotations

import datetime as dt
from pathlib import Path
from typing import Any

import pytest
from sqlalchemy import select

from engine.formats.files import load_file
from engine.monitoring.report import monitoring_report
from engine.runtime.facade import Runtime
from engine.runtime.timers import ManualClock
from engine.store.models import work_items
from tests.conftest import DATA
from tests.engine.runtime.conftest import fresh_url, postgres_database, staff  # noqa: F401

WIB = dt.timezone(dt.timedelta(hours=7))
KEY = "izin"
KELENGKAPAN = {"terima": ["Berkas permohonan"], "periksa": ["Formulir", "KTP"]}


def _sop_file(tmp_path: Path) -> Path:
    text = (DATA / "monitoring_izin.yaml").read_text(encoding="utf-8")
    text = text.replace("waktu: 1 jam", "waktu: 1 x 24 jam").replace("waktu: 1 hari\n", "waktu: 3 hari kerja\n")
    path = tmp_path / "izin.yaml"
    path.write_text(text, encoding="utf-8")
    return path


def _run(runtime: Runtime, clock: ManualClock, people: dict[str, str], friday: dt.datetime, clock_hours: float) -> int:
    """periksa done ``clock_hours`` on the clock after it became ready (Friday 15:00, so over the
    weekend), setujui after two working days, arsip after ten working minutes."""
    clock.current = friday.astimezone(dt.timezone.utc)
    instance, ready = runtime.start(KEY, people["Pengadministrasi"], {"kelengkapan": KELENGKAPAN["terima"]})
    for step in ("periksa", "setujui", "arsip"):
        item = next(found for found in ready if found.step_id == step)
        if step == "periksa":
            clock.current = item.ready_at + dt.timedelta(hours=clock_hours)
        else:
            minutes = 2 * runtime.calendar.working_minutes_per_day if step == "setujui" else 10
            clock.current = runtime.calendar.add_working_minutes(item.ready_at, minutes).astimezone(dt.timezone.utc)
        form: dict[str, Any] = {"kelengkapan": KELENGKAPAN.get(step, [])}
        if step == "setujui":
            form["keputusan"] = "Ya"
        ready = list(runtime.complete(item.id, people[item.jabatan], form).ready)
    return instance.id


@pytest.mark.parametrize("kind", ["sqlite", pytest.param("postgresql", marks=pytest.mark.postgresql)])
def test_each_step_is_measured_in_its_own_kind(kind: str, tmp_path: Path, request: pytest.FixtureRequest) -> None:
    clock = ManualClock()
    runtime = Runtime(fresh_url(kind, tmp_path, request), clock=clock)
    try:
        path = _sop_file(tmp_path)
        people = staff(runtime, load_file(path).sop)
        runtime.publish(path, KEY)
        # Friday 9 and 16 January 2026, 15:00 WIB
        _run(runtime, clock, people, dt.datetime(2026, 1, 9, 15, 0, tzinfo=WIB), 20)
        _run(runtime, clock, people, dt.datetime(2026, 1, 16, 15, 0, tzinfo=WIB), 30)
        with runtime.db.read() as connection:
            rows = connection.execute(select(work_items.c.step_id, work_items.c.working_minutes,
                                             work_items.c.calendar_minutes).where(work_items.c.step_id == "periksa")
                                      .order_by(work_items.c.id)).all()
        # both kinds stored: 20 and 30 hours on the clock, far less in office time (Friday's last hour)
        assert [row.calendar_minutes for row in rows] == [pytest.approx(1200), pytest.approx(1800)]
        assert all(row.working_minutes < 120 for row in rows)
        steps = {step.step_id: step for step in monitoring_report(runtime, KEY).steps}
        periksa, setujui = steps["periksa"], steps["setujui"]
        # "1 x 24 jam": 1440 minutes on the clock; 20 hours over the weekend is within, 30 hours is not
        assert periksa.standard_minutes == pytest.approx(1440)
        assert periksa.within == 1 and periksa.over_share == pytest.approx(0.5)
        assert periksa.median_minutes == pytest.approx(1500)
        assert periksa.excess_minutes == pytest.approx(1800 - 1440)
        # "3 hari kerja" in working time: two working days are within though a weekend lies between
        assert setujui.standard_minutes == pytest.approx(3 * runtime.calendar.working_minutes_per_day)
        assert setujui.within == 2 and setujui.median_minutes == pytest.approx(2 * runtime.calendar.working_minutes_per_day)
    finally:
        runtime.close()
