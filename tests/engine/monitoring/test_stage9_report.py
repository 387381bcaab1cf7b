"""Stage 9 truthful: the report's standard of the path, periods in the deployment's zone, trial steps
done outside office hours."""

from __future__ import annotations

import datetime as dt
from pathlib import Path
from typing import Any

from engine.access.accounts import Account
from engine.access.readers import monitoring_scope
from engine.formats.files import load_file
from engine.lifecycle.ujicoba import give_feedback, ujicoba_complete, ujicoba_report
from engine.monitoring.form import prefill_monitoring_form
from engine.monitoring.report import monitoring_report
from engine.monitoring.standard_path import longest_path
from engine.runtime.facade import Runtime
from engine.runtime.timers import ManualClock
from engine.store.migrate import upgrade_database
from tests.conftest import PROCESSES
from tests.engine.monitoring.conftest import KEY, TRIAL_PLAN, WIB, Driven, run_plan

CUTI = PROCESSES / "permohonan-cuti-pegawai.bpmn"
UTC = dt.timezone.utc


def _runtime(tmp_path: Path, moment: dt.datetime) -> tuple[Runtime, ManualClock]:
    url = f"sqlite:///{tmp_path / 'report.db'}"
    upgrade_database(url)
    clock = ManualClock(moment)
    return Runtime(url, clock=clock), clock


def test_the_standard_is_the_longest_path_not_a_sum_of_every_row(tmp_path: Path) -> None:
    runtime, _ = _runtime(tmp_path, dt.datetime(2026, 3, 2, 2, 0, tzinfo=UTC))
    try:
        runtime.publish(CUTI, "cuti")
        report = monitoring_report(runtime, "cuti")
        day = runtime.calendar.working_minutes_per_day
        # pertimbangan 1 hari, disetujui_atasan 15, periksa_sisa 30, sisa_cukup 5, konsep 30, paraf 30,
        # tanda_tangan 1 hari, catat 15, serahkan 15; not sesuaikan (1 hari, the rework loop) nor
        # ditangguhkan (15, the other answer)
        assert report.standard_cycle_minutes == 2 * day + 140
        assert report.standard_path == ("ajukan", "pertimbangan", "disetujui_atasan", "periksa_sisa", "sisa_cukup",
                                        "konsep", "paraf", "tanda_tangan", "catat", "serahkan")
    finally:
        runtime.close()


def test_the_longest_path_takes_the_longer_alternative_and_the_longest_parallel_branch_once() -> None:
    successors = {"mulai": ["a", "b"], "a": ["gabung"], "b": ["gabung"], "gabung": ["cek"], "cek": ["ok", "ulang"],
                  "ulang": ["a"], "ok": []}
    minutes: dict[str, float | None] = {"mulai": 10, "a": 30, "b": 60, "gabung": 5, "cek": 1, "ulang": 500, "ok": 2}
    total, path = longest_path("mulai", successors, {"ok"}, minutes)
    assert (total, path) == (60 + 5 + 1 + 2, ("mulai", "b", "gabung", "cek", "ok"))
    assert longest_path("mulai", {"mulai": ["x"], "x": []}, {"x"}, {}) == (None, ("mulai", "x"))


def _monitor(username: str = "pemantau") -> Account:
    return Account(username, "Pemantau", "", frozenset({"pemantau"}), ())


def test_default_periods_and_the_open_form_are_dated_in_wib_not_utc(tmp_path: Path) -> None:
    # 23:30 UTC on 2 March is 06:30 WIB on 3 March: today is the 3rd where the Pemda is
    late_evening = dt.datetime(2026, 3, 2, 23, 30, tzinfo=UTC)
    runtime, clock = _runtime(tmp_path, dt.datetime(2026, 3, 2, 16, 30, tzinfo=UTC))  # 23:30 WIB on the 2nd
    try:
        runtime.publish(CUTI, "cuti")
        runtime.add_user("pemohon", nama="Pemohon", jabatan=[("Pegawai Pemohon", "Bagian Umum")])
        clock.current = dt.datetime(2026, 3, 2, 17, 30, tzinfo=UTC)  # 00:30 WIB on the 3rd
        from engine.samples.case_values import sample_values

        sop = load_file(CUTI).sop
        runtime.start("cuti", "pemohon", {"kelengkapan": list(sop.start.requirements) if sop.start else [],
                                          "data": sample_values(sop, "ajukan")})
        clock.current = late_evening
        scope = monitoring_scope(runtime, _monitor())
        assert scope.end == dt.date(2026, 3, 3)
        report = monitoring_report(runtime, "cuti")
        assert (report.first_day, report.generated_on) == (dt.date(2026, 3, 3), dt.date(2026, 3, 3))
        form = prefill_monitoring_form(report)
        assert (form.period_start, form.period_end) == (dt.date(2026, 3, 3), dt.date(2026, 3, 3))
    finally:
        runtime.close()


def test_a_trial_step_done_outside_office_hours_is_flagged_and_stops_the_gate(driven: Driven) -> None:
    runtime, admin = driven.runtime, driven.people["Pengadministrasi"]
    items = [driven.trial_items]
    for week in (1, 2):
        items.append(run_plan(runtime, driven.clock, driven.people,
                              dt.datetime(2026, 2, 9, 8, 0, tzinfo=WIB) + dt.timedelta(weeks=week), TRIAL_PLAN,
                              trial=True)[1])
    # a fourth trial case worked on a Saturday evening: every step reads 0 working minutes
    saturday = dt.datetime(2026, 3, 7, 19, 0, tzinfo=WIB)
    driven.clock.current = saturday.astimezone(UTC)
    instance, ready = runtime.start(KEY, admin, {"kelengkapan": ["Berkas permohonan"]}, trial=True)
    weekend: dict[str, int] = {}
    answers: dict[str, Any] = {"setujui": "Ya"}
    while ready:
        item = ready.pop(0)
        driven.clock.current += dt.timedelta(minutes=10)
        form: dict[str, Any] = {"kelengkapan": ["Formulir", "KTP"] if item.step_id == "periksa" else []}
        if item.step_id in answers:
            form["keputusan"] = answers[item.step_id]
        ready.extend(runtime.complete(item.id, driven.people[item.jabatan], form).ready)
        weekend[item.step_id] = item.id
    items.append(weekend)
    for trial_items in items:
        for step, item_id in trial_items.items():
            give_feedback(runtime, item_id, driven.people["Kepala Subbagian" if step == "setujui" else "Pengadministrasi"],
                          4, 4, 4)
    report = ujicoba_report(runtime, KEY)
    assert {step.step_id: step.outside_hours for step in report.steps} == {"periksa": 1, "setujui": 1, "arsip": 1}
    ok, reasons = ujicoba_complete(runtime, KEY)
    assert not ok and len(reasons) == 1 and "di luar jam kerja" in reasons[0] and "2. Memeriksa" in reasons[0]
    from engine.lifecycle.ujicoba import UjicobaGate

    assert ujicoba_complete(runtime, KEY, gate=UjicobaGate(office_hours=False)) == (True, [])
    assert runtime.instance(instance.id).status == "completed"
