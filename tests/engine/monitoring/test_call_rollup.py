"""A call row in the monitoring report, the event log and conformance, on SQLite and PostgreSQL.

``pindah`` (tests/data/monitoring/pindah_rollup.yaml): mulai -> periksa (15 menit) -> ktp (1 hari; runs
the SOP ``ktp``: rekam, cetak) -> serahkan (15 menit). Three cases start on Mondays from 5 January 2026
at 08:00 WIB; in each, periksa and serahkan take 15 working minutes and the child instance takes:

======  ==========================  ===================================
case    child (rekam + cetak)       notes
======  ==========================  ===================================
A       60 + 30 = 90                within the call row's 1 hari (450)
B       600 + 30 = 630              over it by 180
C       rekam still open            the report is read three weeks on: past due
======  ==========================  ===================================

One more ``ktp`` case is started directly by the operator (not by a call): 60 + 30.
"""

from __future__ import annotations

import datetime as dt
from pathlib import Path
from typing import Any

import pytest

from engine.eventlog import read_log
from engine.monitoring.export import export_log, store_log_events
from engine.monitoring.report import monitoring_report
from engine.runtime.facade import Runtime
from engine.runtime.timers import ManualClock
from tests.conftest import DATA
from tests.engine.runtime.conftest import UNIT, fresh_url, postgres_database  # noqa: F401

PARENT, CHILD = "pindah", "ktp_rollup"
FILES = DATA / "monitoring"
WIB = dt.timezone(dt.timedelta(hours=7))
MONDAYS = [dt.datetime(2026, 1, 5, 8, 0, tzinfo=WIB) + dt.timedelta(weeks=week) for week in range(4)]
UTC = dt.timezone.utc


class Cases:
    def __init__(self, runtime: Runtime, clock: ManualClock) -> None:
        self.runtime, self.clock = runtime, clock
        self.parents: list[int] = []
        self.children: list[int] = []

    def after(self, moment: dt.datetime, minutes: float) -> None:
        self.clock.current = self.runtime.calendar.add_working_minutes(moment, minutes).astimezone(UTC)

    def run(self, begin: dt.datetime, rekam: float | None, cetak: float = 30) -> None:
        runtime = self.runtime
        self.clock.current = begin.astimezone(UTC)
        parent, (periksa,) = runtime.start(PARENT, "petugas", {})
        self.parents.append(parent.id)
        self.after(periksa.ready_at, 15)
        (record,) = runtime.complete(periksa.id, "petugas", {}).ready
        self.children.append(record.instance_id)
        if rekam is None:
            return
        self.after(record.ready_at, rekam)
        (print_item,) = runtime.complete(record.id, "operator", {}).ready
        self.after(print_item.ready_at, cetak)
        (serahkan,) = runtime.complete(print_item.id, "operator", {}).ready
        assert serahkan.step_id == "serahkan"
        self.after(serahkan.ready_at, 15)
        assert runtime.complete(serahkan.id, "petugas", {}).instance.status == "completed"


def drive(runtime: Runtime, clock: ManualClock) -> Cases:
    runtime.publish(FILES / "ktp_rollup.yaml", CHILD)
    runtime.publish(FILES / "pindah_rollup.yaml", PARENT)
    runtime.add_user("petugas", jabatan=[("Petugas", UNIT)])
    runtime.add_user("operator", jabatan=[("Operator", UNIT)])
    cases = Cases(runtime, clock)
    cases.run(MONDAYS[0], 60)
    cases.run(MONDAYS[1], 600)
    cases.run(MONDAYS[2], None)
    clock.current = MONDAYS[3].astimezone(UTC)  # a child started by a clerk, not by a call
    direct, (rekam,) = runtime.start(CHILD, "operator", {})
    cases.after(rekam.ready_at, 60)
    (cetak,) = runtime.complete(rekam.id, "operator", {}).ready
    cases.after(cetak.ready_at, 30)
    runtime.complete(cetak.id, "operator", {})
    clock.current = dt.datetime(2026, 1, 30, 10, 0, tzinfo=WIB).astimezone(UTC)
    return cases


@pytest.fixture
def driven(clocked_runtime: tuple[Runtime, ManualClock]) -> Cases:
    return drive(*clocked_runtime)


def test_the_call_row_gets_its_figures_from_the_child_instances(driven: Cases) -> None:
    report = monitoring_report(driven.runtime, PARENT)
    steps = {step.step_id: step for step in report.steps}
    assert list(steps) == ["periksa", "ktp", "serahkan"]  # the call row is no empty row any more
    ktp = steps["ktp"]
    assert ktp.call == CHILD and ktp.number == 3 and ktp.standard_minutes == 450
    assert (ktp.count, ktp.open) == (2, 1)
    assert ktp.median_minutes == pytest.approx((90 + 630) / 2)
    assert ktp.p90_minutes == pytest.approx(90 + 0.9 * 540)
    assert ktp.within == 1 and ktp.excess_minutes == pytest.approx(630 - 450)
    assert ktp.rework == 0 and ktp.missing_kelengkapan == 0
    # the parent's cycle time holds the call's time (15 + child + 15): the wait is the case's time
    assert report.cycle_median_minutes == pytest.approx((120 + 660) / 2)
    # the call row is not work of its column (Operator): the child's clerks do it, counted in the child
    load = {item.jabatan: item for item in report.jabatan}
    assert set(load) == {"Petugas"}
    assert load["Petugas"].completed == 3 + 2 and load["Petugas"].working_minutes == pytest.approx(5 * 15)
    # B went over the call row's WAKTU, C's child is still open past it
    assert report.overdue == 2
    assert report.started_by_call == 0
    assert report.to_dict()["steps"][1]["call"] == CHILD


def test_the_called_sop_counts_the_cases_a_call_started(driven: Cases) -> None:
    report = monitoring_report(driven.runtime, CHILD)
    assert (report.started, report.completed, report.running) == (4, 3, 1)
    assert report.started_by_call == 3
    rekam = next(step for step in report.steps if step.step_id == "rekam")
    assert (rekam.count, rekam.open) == (3, 1)  # the children are real cases of the called SOP
    assert report.to_dict()["started_by_call"] == 3


def test_units_and_periods_narrow_the_call_row_like_any_other(driven: Cases) -> None:
    from engine.access.linking import place_unit

    with driven.runtime.db.write() as connection:
        other = place_unit(connection, "Bagian Lain", kind="unit")
    assert all(step.step_id != "ktp" for step in monitoring_report(driven.runtime, PARENT,
                                                                     units=frozenset({other})).steps)
    january_5 = monitoring_report(driven.runtime, PARENT, dt.date(2026, 1, 5), dt.date(2026, 1, 11))
    ktp = next(step for step in january_5.steps if step.step_id == "ktp")
    assert (ktp.count, ktp.open, ktp.median_minutes) == (1, 0, pytest.approx(90))
    assert january_5.overdue == 0


@pytest.mark.parametrize("suffix", ["xes", "csv"])
def test_the_log_links_parent_and_child_cases_and_the_call_row_fits(driven: Cases, tmp_path: Path,
                                                                     suffix: str) -> None:
    from engine.conformance import check_conformance
    from engine.formats.files import load_file

    runtime = driven.runtime
    parent_file, child_file = tmp_path / f"induk.{suffix}", tmp_path / f"anak.{suffix}"
    export_log(runtime, PARENT, parent_file)
    export_log(runtime, CHILD, child_file)
    parents = {trace.case_id: trace for trace in read_log(parent_file).traces}
    children = {trace.case_id: trace for trace in read_log(child_file).traces}
    first, child = str(driven.parents[0]), str(driven.children[0])
    assert parents[first].child_cases == (child,) and parents[first].parent_case == ""
    assert children[child].parent_case == first and children[child].child_cases == ()
    direct = next(trace for case_id, trace in children.items() if case_id not in map(str, driven.children))
    assert direct.parent_case == ""
    call = [(event.lifecycle, event.resource) for event in parents[first].events if event.step == "ktp"]
    assert call == [("start", ""), ("complete", "sistem")]  # the call row: started and completed by the system
    starts = [event.timestamp for event in parents[first].events if event.step == "ktp"]
    assert starts[1] - starts[0] > dt.timedelta(minutes=89)  # the child's whole run
    report = check_conformance(read_log(parent_file), load_file(FILES / "pindah_rollup.yaml").sop)
    finished = [trace for trace in report.traces if trace.case_id != str(driven.parents[2])]
    assert [trace.fitness for trace in finished] == [1.0, 1.0]  # no "langkah terlewat" for the call row
    assert all(not trace.deviations or all(d.step != "ktp" or d.kind.value == "over_time"
                                           for d in trace.deviations) for trace in report.traces)
    kinds = {d.kind.value for trace in finished for d in trace.deviations}
    assert "skipped" not in kinds and "wrong_role" not in kinds


def test_a_call_row_on_calendar_time_is_measured_on_the_clock(tmp_path: Path, request: pytest.FixtureRequest) -> None:
    clock = ManualClock()
    runtime = Runtime(fresh_url("sqlite", tmp_path, request), clock=clock)
    try:
        text = (FILES / "pindah_rollup.yaml").read_text(encoding="utf-8").replace("waktu: 1 hari\n",
                                                                                  "waktu: 2 hari kalender\n")
        calendar_sop = tmp_path / "pindah_kalender.yaml"
        calendar_sop.write_text(text, encoding="utf-8")
        runtime.publish(FILES / "ktp_rollup.yaml", CHILD)
        runtime.publish(calendar_sop, PARENT)
        runtime.add_user("petugas", jabatan=[("Petugas", UNIT)])
        runtime.add_user("operator", jabatan=[("Operator", UNIT)])
        cases = Cases(runtime, clock)
        # Friday 15:00 WIB: the child's 90 working minutes run into Monday, across the weekend
        cases.run(dt.datetime(2026, 1, 9, 15, 0, tzinfo=WIB), 60)
        child = runtime.instance(cases.children[0])
        assert child.ended_at is not None
        ktp = next(step for step in monitoring_report(runtime, PARENT).steps if step.step_id == "ktp")
        assert ktp.time_kind == "calendar" and ktp.standard_minutes == 2 * 24 * 60
        on_clock = (child.ended_at - child.started_at).total_seconds() / 60
        assert on_clock > 2 * 24 * 60 and ktp.median_minutes == pytest.approx(on_clock, abs=0.01)
        assert ktp.within == 0 and ktp.excess_minutes == pytest.approx(on_clock - 2 * 24 * 60, abs=0.01)
    finally:
        runtime.close()


def test_the_terminal_and_the_pdf_say_it(driven: Cases) -> None:
    from engine.cli.monitor import report_lines
    from engine.monitoring.report_pdf import monitoring_report_pdf

    child_lines = "\n".join(report_lines(monitoring_report(driven.runtime, CHILD)))
    assert "Dimulai oleh SOP lain: 3 kasus" in child_lines
    parent = monitoring_report(driven.runtime, PARENT)
    parent_lines = report_lines(parent, "en")
    ktp_line = next(index for index, line in enumerate(parent_lines) if "Terbitkan KTP-el baru" in line)
    assert "runs SOP ktp_rollup: 1 child cases still running" in parent_lines[ktp_line + 1]
    assert "Started by another SOP" not in "\n".join(parent_lines)
    for report in (parent, monitoring_report(driven.runtime, CHILD)):
        assert monitoring_report_pdf(report, "id").startswith(b"%PDF")


def test_the_process_map_runs_through_the_call_row(driven: Cases) -> None:
    from engine.monitoring.process_map import END_NODE, START_NODE, follows_counts

    counts = follows_counts(driven.runtime, PARENT)
    assert counts == {(START_NODE, "periksa"): 3, ("periksa", "ktp"): 2, ("ktp", "serahkan"): 2,
                      ("serahkan", END_NODE): 2}
    child = follows_counts(driven.runtime, CHILD)
    assert child[(START_NODE, "rekam")] == 3 and child[("rekam", "cetak")] == 3  # C's rekam is still open


def test_a_call_row_run_twice_in_a_case_is_rework(tmp_path: Path, request: pytest.FixtureRequest) -> None:
    clock = ManualClock()
    runtime = Runtime(fresh_url("sqlite", tmp_path, request), clock=clock)
    try:
        text = (FILES / "pindah_rollup.yaml").read_text(encoding="utf-8").replace(
            "  - {id: serahkan, kegiatan: Serahkan dokumen, pelaksana: Petugas, waktu: 15 menit}\n",
            "  - {id: serahkan, jenis: keputusan, kegiatan: 'KTP-el sesuai?', pelaksana: Petugas, waktu: 15 menit,"
            " ya: selesai, tidak: ktp}\n")
        looping = tmp_path / "pindah_ulang.yaml"
        looping.write_text(text, encoding="utf-8")
        runtime.publish(FILES / "ktp_rollup.yaml", CHILD)
        runtime.publish(looping, PARENT)
        runtime.add_user("petugas", jabatan=[("Petugas", UNIT)])
        runtime.add_user("operator", jabatan=[("Operator", UNIT)])
        cases = Cases(runtime, clock)
        clock.current = MONDAYS[0].astimezone(UTC)
        parent, (periksa,) = runtime.start(PARENT, "petugas", {})
        ready = runtime.complete(periksa.id, "petugas", {}).ready
        for answer in ("Tidak", "Ya"):
            (rekam,) = ready
            (cetak,) = runtime.complete(rekam.id, "operator", {}).ready
            (check,) = runtime.complete(cetak.id, "operator", {}).ready
            cases.after(check.ready_at, 5)
            ready = runtime.complete(check.id, "petugas", {"keputusan": answer}).ready
        assert runtime.instance(parent.id).status == "completed"
        report = monitoring_report(runtime, PARENT)
        ktp = next(step for step in report.steps if step.step_id == "ktp")
        assert (ktp.count, ktp.rework) == (2, 1)
        assert report.rework_instances == 1
    finally:
        runtime.close()
