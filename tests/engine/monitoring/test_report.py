from __future__ import annotations

import datetime as dt

import pytest

from engine.errors import NotFoundError
from engine.monitoring.report import monitoring_report
from tests.engine.monitoring.conftest import KEY, Driven


def test_known_delays_give_the_expected_figures(driven: Driven) -> None:
    report = monitoring_report(driven.runtime, KEY)
    assert (report.started, report.completed, report.running, report.cancelled) == (5, 5, 0, 0)
    assert report.versions == (1,) and not report.trial
    assert report.nomor == "010/SOP/UJI/2026"
    steps = {step.step_id: step for step in report.steps}
    assert list(steps) == ["periksa", "setujui", "arsip"]
    periksa, setujui, arsip = steps["periksa"], steps["setujui"], steps["arsip"]
    assert periksa.number == 2 and periksa.standard_minutes == 60 and periksa.count == 6
    assert periksa.median_minutes == pytest.approx(37.5) and periksa.p90_minutes == pytest.approx(75)
    assert periksa.within == 5 and periksa.excess_minutes == pytest.approx(30)
    assert periksa.rework == 1 and periksa.missing_kelengkapan == 1
    assert setujui.standard_minutes == 450 and setujui.count == 6
    assert setujui.median_minutes == pytest.approx(1125) and setujui.p90_minutes == pytest.approx(1125)
    assert setujui.within == 2 and setujui.over_share == pytest.approx(4 / 6)
    assert setujui.excess_minutes == pytest.approx(4 * 675)
    assert arsip.median_minutes == pytest.approx(10) and arsip.within == 3 + 2
    assert [step.step_id for step in report.bottlenecks] == ["setujui", "periksa"]
    assert report.cycle_median_minutes == pytest.approx(1165)
    assert report.cycle_p90_minutes == pytest.approx(1405)
    assert report.standard_cycle_minutes == pytest.approx(60 + 450 + 15)
    assert report.overdue == 5 - 1  # B is the only one on time everywhere
    assert report.rework_instances == 1
    assert [(d.step_id, d.ya, d.tidak) for d in report.decisions] == [("setujui", 5, 1)]
    load = {item.jabatan: item for item in report.jabatan}
    assert load["Kepala Subbagian"].completed == 6 and load["Pengadministrasi"].completed == 11
    assert load["Kepala Subbagian"].working_minutes == pytest.approx(225 + 300 + 4 * 1125)
    assert report.missing_kelengkapan_share == pytest.approx(1 / 17)
    assert report.to_dict()["steps"][1]["within_share"] == pytest.approx(2 / 6)


def test_trial_instances_are_reported_apart(driven: Driven) -> None:
    trial = monitoring_report(driven.runtime, KEY, trial=True)
    assert trial.trial and trial.versions == (2,) and trial.started == 1
    assert {step.step_id: step.median_minutes for step in trial.steps} == {"periksa": 600, "setujui": 60,
                                                                           "arsip": 10}
    regular = monitoring_report(driven.runtime, KEY)
    assert regular.started == 5 and all(step.median_minutes != 600 for step in regular.steps)


def test_the_period_selects_instances_by_their_start_day(driven: Driven) -> None:
    january = monitoring_report(driven.runtime, KEY, dt.date(2026, 1, 1), dt.date(2026, 1, 19))
    assert january.started == 3
    assert {step.step_id: step.count for step in january.steps}["periksa"] == 3
    empty = monitoring_report(driven.runtime, KEY, dt.date(2025, 1, 1), dt.date(2025, 12, 31))
    assert empty.started == 0 and empty.steps == () and empty.cycle_median_minutes is None


def test_an_unknown_sop_or_version_is_refused(driven: Driven) -> None:
    with pytest.raises(NotFoundError) as unknown:
        monitoring_report(driven.runtime, "izn")
    assert "izin" in str(unknown.value)
    with pytest.raises(NotFoundError):
        monitoring_report(driven.runtime, KEY, versions=[9])


def test_the_cycle_trend_and_the_step_chart(driven: Driven) -> None:
    from engine.monitoring.report import cycle_trend
    from engine.monitoring.plots import step_chart, trend_chart

    points = cycle_trend(driven.runtime, KEY, dt.date(2026, 1, 1), dt.date(2026, 3, 31))
    assert [(point.label, point.median_minutes) for point in points] == [("01/2026", 1165.0), ("02/2026", 1525.0)]
    report = monitoring_report(driven.runtime, KEY)
    assert b"Apakah permohonan disetujui?" in step_chart(report.step_figures(), report.minutes_per_day)
    assert b"<path" in trend_chart(points, report.standard_cycle_minutes, report.minutes_per_day)


def test_chosen_versions_give_the_same_figures_as_all_of_them(driven: Driven) -> None:
    every = monitoring_report(driven.runtime, KEY, dt.date(2026, 1, 1), dt.date(2026, 1, 19))
    chosen = monitoring_report(driven.runtime, KEY, dt.date(2026, 1, 1), dt.date(2026, 1, 19), versions=[1])
    assert chosen.to_dict() | {"generated_at": ""} == every.to_dict() | {"generated_at": ""}
    draft = monitoring_report(driven.runtime, KEY, versions=[2], trial=True)
    assert draft.started == 1 and draft.versions == (2,)
