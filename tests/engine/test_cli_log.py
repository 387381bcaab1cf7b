from __future__ import annotations

import json
from pathlib import Path

import pytest
from click.testing import CliRunner

from engine import dump_sheet, load_file, synthetic_sop
from engine.cli.main import main
from engine.eventlog import read_log, write_log
from engine.samples.synthetic_log import synthetic_log
from tests.conftest import DATA, PROCESSES

SOP_FILE = PROCESSES / "penerbitan-surat-keterangan.bpmn"


def run_cli(*args: str, lang: str = "id") -> tuple[int, str]:
    result = CliRunner().invoke(main, ["--lang", lang, *args])
    assert result.exception is None or isinstance(result.exception, SystemExit), result.exception
    return result.exit_code, result.output


@pytest.fixture
def log_file(tmp_path: Path) -> Path:
    generated = synthetic_log(load_file(SOP_FILE).sop, 40, deviating=0.5, seed=2)
    path = tmp_path / "ujicoba.csv"
    write_log(generated.log.events(), path)
    return path


def test_conformance_prints_fitness_per_case_deviations_and_a_summary(log_file: Path) -> None:
    code, output = run_cli("conformance", str(log_file), "--sop", str(SOP_FILE))
    assert code == 0, output
    assert "kasus-00001: kesesuaian " in output and "Ringkasan: 40 kasus" in output
    assert "Kesesuaian (fitness) log: 0," in output and "Penyimpangan: langkah terlewat " in output
    assert "  - " in output and "Traceback" not in output
    code, short = run_cli("conformance", str(log_file), "--sop", str(SOP_FILE), "--hanya-menyimpang")
    assert code == 0 and len(short.splitlines()) < len(output.splitlines())
    assert all("penyimpangan" in line for line in short.splitlines() if line.startswith("kasus-"))


def test_conformance_in_english_and_as_json(log_file: Path) -> None:
    code, output = run_cli("conformance", str(log_file), "--sop", str(SOP_FILE), lang="en")
    assert code == 0 and "Summary: 40 cases" in output and "Log fitness: 0." in output
    code, output = run_cli("conformance", str(log_file), "--sop", str(SOP_FILE), "--json")
    assert code == 0
    data = json.loads(output)
    assert data["cases"] == 40 and 0 < data["fitness"] < 1 and len(data["traces"]) == 40
    deviating = [trace for trace in data["traces"] if trace["deviations"]]
    assert deviating and {"kind", "label", "step", "event", "line", "message"} <= set(deviating[0]["deviations"][0])
    assert sum(data["deviation_counts"].values()) == sum(len(trace["deviations"]) for trace in data["traces"])


def test_log_convert_csv_to_xes_and_back(log_file: Path, tmp_path: Path) -> None:
    code, output = run_cli("log", "convert", str(log_file), "-o", str(tmp_path / "ujicoba.xes"))
    assert code == 0 and "ujicoba.xes ditulis (40 kasus" in output
    code, output = run_cli("log", "convert", str(tmp_path / "ujicoba.xes"), "-o", str(tmp_path / "lagi.csv"))
    assert code == 0, output
    assert list(read_log(tmp_path / "lagi.csv").events()) == list(read_log(log_file).events())
    code, output = run_cli("conformance", str(tmp_path / "ujicoba.xes"), "--sop", str(SOP_FILE), "--json")
    assert json.loads(output)["fitness"] == json.loads(run_cli("conformance", str(log_file), "--sop",
                                                                str(SOP_FILE), "--json")[1])["fitness"]


@pytest.mark.parametrize(
    ("make", "expected"),
    [
        (lambda tmp: DATA / "hostile" / "xxe.xes", "DOCTYPE"),
        (lambda tmp: DATA / "hostile" / "billion_laughs.xes", "DOCTYPE"),
        (lambda tmp: _write(tmp / "kolom.csv", "kasus,waktu\nk,2026-03-02\n"), "concept:name"),
        (lambda tmp: _write(tmp / "waktu.csv", "kasus,kegiatan,waktu\nk,terima,kemarin\n"), "baris 2"),
        (lambda tmp: _write(tmp / "log.txt", ""), ".csv atau .xes"),
        (lambda tmp: tmp / "hilang.xes", "tidak dapat dibaca"),
    ],
)
def test_unreadable_or_hostile_logs_exit_2(make: object, expected: str, tmp_path: Path) -> None:
    path = make(tmp_path)  # type: ignore[operator]
    code, output = run_cli("conformance", str(path), "--sop", str(SOP_FILE))
    assert code == 2 and expected in output and "Traceback" not in output
    code, output = run_cli("log", "convert", str(path), "-o", str(tmp_path / "keluar.xes"))
    assert code == 2 and expected in output
    assert not (tmp_path / "keluar.xes").exists()


def _write(path: Path, text: str) -> Path:
    path.write_text(text, encoding="utf-8")
    return path


def test_invalid_sop_exits_1_and_unknown_target_format_exits_2(log_file: Path, tmp_path: Path) -> None:
    broken = synthetic_sop(20, actors=3, decisions=2, loops=0, seed=1)
    broken.steps[3].yes = "tidak_ada"
    (tmp_path / "rusak.yaml").write_text(dump_sheet(broken), encoding="utf-8")
    code, output = run_cli("conformance", str(log_file), "--sop", str(tmp_path / "rusak.yaml"))
    assert code == 1 and "tidak_ada" in output
    code, output = run_cli("log", "convert", str(log_file), "-o", str(tmp_path / "keluar.json"))
    assert code == 2 and ".csv atau .xes" in output
