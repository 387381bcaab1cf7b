"""Stage 9 truthful: Alur's own logs check against their own SOPs.

Every shipped SOP's demo history (engine/samples/demo.py: finished, running and withdrawn cases,
decisions both ways, the cuti SOP's automatic ``syarat`` decision) is exported with ``alur log
export`` as CSV and XES and checked with ``alur conformance``: fitness 1.0, with the running and
cancelled cases reported apart, scored as the prefixes they are.
"""

from __future__ import annotations

import datetime as dt
import json
from pathlib import Path

import pytest
from click.testing import CliRunner

from engine.cli.main import main
from engine.conformance.check import check_conformance
from engine.eventlog import LogEvent, LogTrace, read_log, write_log
from engine.formats.files import load_file
from engine.errors import InputError
from engine.lifecycle.ujicoba import give_feedback, ujicoba_complete, ujicoba_report
from engine.runtime.facade import Runtime
from engine.runtime.timers import ManualClock
from engine.samples.case_values import sample_values
from engine.samples.demo import seed
from engine.sop.keys import sop_key_for_file
from engine.store.migrate import upgrade_database
from tests.conftest import shipped_processes
from tests.engine.runtime.conftest import staff

SHIPPED = shipped_processes()
CUTI = next(path for path in SHIPPED if path.stem == "permohonan-cuti-pegawai")
WIB = dt.timezone(dt.timedelta(hours=7))


def _cli(*args: str, env: dict[str, str] | None = None) -> str:
    result = CliRunner().invoke(main, ["--lang", "id", *args], env=env)
    assert result.exception is None or isinstance(result.exception, SystemExit), result.exception
    assert result.exit_code == 0, result.output
    return result.output


@pytest.fixture(scope="module")
def demo_url(tmp_path_factory: pytest.TempPathFactory) -> str:
    url = f"sqlite:///{tmp_path_factory.mktemp('demo') / 'demo.db'}"
    seed(url, now=dt.datetime(2026, 11, 30, 9, 0, tzinfo=dt.timezone.utc))
    return url


@pytest.mark.parametrize("suffix", ["csv", "xes"])
@pytest.mark.parametrize("sop_file", SHIPPED, ids=[path.stem for path in SHIPPED])
def test_every_shipped_sop_s_own_demo_log_fits_it(demo_url: str, sop_file: Path, suffix: str, tmp_path: Path) -> None:
    target = tmp_path / f"{sop_file.stem}.{suffix}"
    _cli("log", "export", "--sop", sop_key_for_file(sop_file), "-o", str(target),
         env={"ALUR_DATABASE_URL": demo_url})
    report = json.loads(_cli("conformance", str(target), "--sop", str(sop_file), "--json"))
    states = report["cases_by_status"]
    # the demo leaves two cases running and withdraws one part-way: they are counted apart
    assert states["running"] >= 1 and states["cancelled"] == 1 and states["finished"] >= 1, states
    assert sum(states.values()) == report["cases"]
    assert report["fitness"] == 1.0, [trace for trace in report["traces"] if trace["fitness"] < 1]
    assert report["deviation_counts"]["skipped"] == 0 and report["deviation_counts"]["extra"] == 0
    assert {trace["status"] for trace in report["traces"]} >= {"running", "cancelled", "finished"}
    text = _cli("conformance", str(target), "--sop", str(sop_file))
    assert "Kesesuaian (fitness) log: 1,000" in text
    assert f"dibatalkan {states['cancelled']}" in text and f"berjalan {states['running']}" in text


def _event(case: str, step: str, minute: int, status: str = "") -> LogEvent:
    return LogEvent(case, step, dt.datetime(2026, 3, 2, 9, minute, tzinfo=WIB), step=step, case_status=status)


def test_an_automatic_decision_is_not_a_skipped_step_and_a_running_case_is_a_prefix() -> None:
    sop = load_file(CUTI).sop
    # sisa_cukup is decided by its syarat: Alur's log has no event for it, a log from elsewhere may
    finished = ["ajukan", "pertimbangan", "disetujui_atasan", "periksa_sisa", "konsep", "paraf", "tanda_tangan",
                "catat", "serahkan"]
    recorded = [*finished[:4], "sisa_cukup", *finished[4:]]
    running = finished[:3]
    traces = [LogTrace("a", [_event("a", step, index) for index, step in enumerate(finished)]),
              LogTrace("b", [_event("b", step, index) for index, step in enumerate(recorded)]),
              LogTrace("c", [_event("c", step, index, "running") for index, step in enumerate(running)]),
              LogTrace("d", [_event("d", step, index, "cancelled") for index, step in enumerate(running[:2])])]
    report = check_conformance(traces, sop)
    assert [trace.fitness for trace in report.traces] == [1.0, 1.0, 1.0, 1.0]
    assert not any(trace.deviations for trace in report.traces)
    assert [trace.prefix for trace in report.traces] == [False, False, True, True]
    assert report.status_counts() == {"finished": 2, "running": 1, "cancelled": 1, "suspended": 0}
    # the same three events as a finished case are still three missing steps short
    unmarked = check_conformance([LogTrace("c", [_event("c", step, index) for index, step in enumerate(running)])],
                                 sop)
    assert unmarked.fitness < 1 and unmarked.traces[0].deviations
    # a prefix that goes where the SOP does not is still a deviation
    wrong = [_event("e", step, index, "running") for index, step in enumerate(["ajukan", "konsep"])]
    assert check_conformance([LogTrace("e", wrong)], sop).traces[0].fitness < 1


def test_the_case_status_is_written_and_read_back_and_a_bad_one_is_named(tmp_path: Path) -> None:
    events = [_event("1", "ajukan", 0, "running"), _event("2", "ajukan", 1, "finished")]
    for suffix in ("csv", "xes"):
        path = tmp_path / f"log.{suffix}"
        write_log(events, path)
        log = read_log(path)
        assert [trace.status for trace in log.traces] == ["running", "finished"]
    bad = tmp_path / "bad.csv"
    bad.write_text("case:concept:name,concept:name,time:timestamp,case:alur:status\n"
                   "1,ajukan,2026-03-02T09:00:00+07:00,hampir\n", encoding="utf-8")
    with pytest.raises(InputError) as error:
        read_log(bad)
    assert "baris 2" in str(error.value) and "hampir" in str(error.value)
    indonesian = tmp_path / "id.csv"
    indonesian.write_text("kasus;kegiatan;waktu;status\n1;ajukan;2026-03-02 09:00;berjalan\n", encoding="utf-8")
    assert read_log(indonesian).traces[0].status == "running"


def test_the_cuti_sop_with_its_automatic_decision_passes_the_ujicoba_gate(tmp_path: Path) -> None:
    clock = ManualClock(dt.datetime(2026, 3, 2, 8, 0, tzinfo=WIB).astimezone(dt.timezone.utc))
    url = f"sqlite:///{tmp_path / 'cuti.db'}"
    upgrade_database(url)
    runtime = Runtime(url, clock=clock)
    try:
        sop = load_file(CUTI).sop
        people = staff(runtime, sop)
        runtime.publish(CUTI, "cuti")
        runtime.publish(CUTI, "cuti", draft=True)
        # the three trial cases cover every branch: approved, postponed by the atasan, too few days left
        for day, (atasan, sisa) in enumerate([("Ya", "12"), ("Tidak", "12"), ("Ya", "1")]):
            clock.current = dt.datetime(2026, 3, 3 + day, 8, 0, tzinfo=WIB).astimezone(dt.timezone.utc)
            start = {"kelengkapan": list(sop.start.requirements) if sop.start else [],
                     "data": sample_values(sop, "ajukan", {"jumlah_hari": "2"})}
            instance, ready = runtime.start("cuti", people[sop.start.actor if sop.start else ""], start, trial=True)
            while ready:
                item = ready.pop(0)
                clock.current += dt.timedelta(minutes=20)
                step = next(found for found in sop.steps if found.id == item.step_id)
                form: dict[str, object] = {"kelengkapan": list(step.requirements), "output": step.output}
                overrides = {"periksa_sisa": {"sisa_cuti": sisa}, "sesuaikan": {"jumlah_hari": "1"}}
                data = sample_values(sop, item.step_id, overrides.get(item.step_id))
                if data:
                    form["data"] = data
                if step.kind.value == "decision":
                    form["keputusan"] = atasan
                done = runtime.complete(item.id, people[item.jabatan], form)
                give_feedback(runtime, item.id, people[item.jabatan], 4, 4, 4)
                ready.extend(done.ready)
            assert runtime.instance(instance.id).status == "completed"
        rated = {step_id for _, step_id, _ in ujicoba_report(runtime, "cuti").rated_steps}
        assert "sisa_cukup" not in rated and "periksa_sisa" in rated
        assert ujicoba_complete(runtime, "cuti") == (True, [])
    finally:
        runtime.close()
