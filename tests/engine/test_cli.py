from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest
from click.testing import CliRunner

from engine.cli.main import main
from tests.conftest import DATA, ROOT, shipped_processes

HOSTILE = DATA / "hostile"


def run_cli(*args: str, lang: str = "id") -> tuple[int, str]:
    result = CliRunner().invoke(main, ["--lang", lang, *args])
    assert result.exception is None or isinstance(result.exception, SystemExit), result.exception
    return result.exit_code, result.output


def test_check_shipped_processes_exits_zero() -> None:
    code, output = run_cli("check", *[str(p) for p in shipped_processes()])
    assert code == 0, output
    assert f"{len(shipped_processes())} berkas diperiksa: {len(shipped_processes())} valid" in output


def test_check_via_console_script_subprocess() -> None:
    """The installed `alur` entry point, as a user runs it."""
    result = subprocess.run([sys.executable, "-m", "engine.cli.main", "check", *map(str, shipped_processes())],
                            capture_output=True, text=True, cwd=ROOT, timeout=120)
    assert result.returncode == 0, result.stderr
    assert "Traceback" not in result.stderr


@pytest.mark.parametrize(
    ("name", "expected_code", "expected_text"),
    [
        ("xxe.bpmn", 2, "DOCTYPE"),
        ("billion_laughs.bpmn", 2, "DOCTYPE"),
        ("not_xml.bpmn", 2, "bukan XML"),
        ("too_deep.bpmn", 2, "terlalu dalam"),
        ("condition_import.bpmn", 1, "pemanggilan fungsi"),
        ("condition_subclasses.bpmn", 1, "atribut"),
        ("missing_target.bpmn", 1, "tidak_ada"),
        ("endless_cycle.bpmn", 1, "tidak ada jalan menuju langkah selesai"),
        ("link_event.bpmn", 1, "tidak dapat dicapai"),  # the link pair is one arrow; 'x' hangs loose
        ("script_task.bpmn", 1, "skrip"),
    ],
)
def test_hostile_input_is_refused_with_a_clear_message(name: str, expected_code: int, expected_text: str,
                                                       tmp_path: Path) -> None:
    marker = Path("/tmp/alur_pwned")
    marker.unlink(missing_ok=True)
    before = sorted(os.listdir(tmp_path))
    code, output = run_cli("check", str(HOSTILE / name))
    assert code == expected_code, output
    assert expected_text.lower() in output.lower(), output
    assert "Traceback" not in output
    assert "root:" not in output  # /etc/passwd content never shows up
    assert not marker.exists()
    # convert writes nothing for a refused input
    target = tmp_path / "out.yaml"
    code, output = run_cli("convert", str(HOSTILE / name), "-o", str(target))
    assert code == expected_code
    assert not target.exists()
    assert sorted(os.listdir(tmp_path)) == before


def test_fifty_megabyte_file_is_refused_before_reading(tmp_path: Path) -> None:
    big = tmp_path / "besar.bpmn"
    with big.open("wb") as stream:
        stream.write(b'<?xml version="1.0"?><definitions>')
        stream.write(b" " * (50 * 1024 * 1024))
        stream.write(b"</definitions>")
    code, output = run_cli("check", str(big))
    assert code == 2
    assert "terlalu besar" in output


def test_english_messages_available() -> None:
    code, output = run_cli("check", str(HOSTILE / "endless_cycle.bpmn"), lang="en")
    assert code == 1
    assert "there is no way from this step to an end step" in output
    assert "1 files checked: 0 valid, 1 invalid" in output


def test_convert_both_ways(tmp_path: Path) -> None:
    bpmn = tmp_path / "surat.bpmn"
    code, output = run_cli("convert", str(DATA / "surat_kecil.yaml"), "-o", str(bpmn))
    assert code == 0, output
    assert "7 langkah, 3 pelaksana" in output
    sheet = tmp_path / "surat.yaml"
    code, output = run_cli("convert", str(bpmn), "-o", str(sheet))
    assert code == 0, output
    code, output = run_cli("check", str(sheet), str(bpmn))
    assert code == 0, output


def test_convert_refuses_unknown_target_format(tmp_path: Path) -> None:
    code, output = run_cli("convert", str(DATA / "surat_kecil.yaml"), "-o", str(tmp_path / "x.docx"))
    assert code == 2
    assert "jenis berkas tidak dikenal" in output


def test_check_reports_every_problem_of_a_bad_sheet(tmp_path: Path) -> None:
    sheet = tmp_path / "salah.yaml"
    sheet.write_text(
        (DATA / "surat_kecil.yaml").read_text()
        .replace("waktu: 1 hari", "waktu: sebentar")
        .replace("pelaksana: Kepala Bagian\n", "pelaksana: Kepala Dinas\n")
        .replace("tidak: arsip", "tidak: arsipp")
    )
    code, output = run_cli("check", str(sheet))
    assert code == 1
    assert "disposisi 'Memberi disposisi': Waktu 'sebentar' tidak dikenali" in output
    assert "pelaksana 'Kepala Dinas' tidak ada di daftar pelaksana" in output
    assert "merujuk ke langkah 'arsipp' yang tidak ada" in output


def test_yaml_alias_bomb_is_refused(tmp_path: Path) -> None:
    sheet = tmp_path / "bom.yaml"
    lines = ['a0: &a0 ["x","x","x","x","x","x","x","x","x"]']
    for level in range(1, 9):
        lines.append(f"a{level}: &a{level} [" + ",".join([f"*a{level - 1}"] * 9) + "]")
    sheet.write_text("\n".join(lines) + "\n")
    code, output = run_cli("check", str(sheet))
    assert code == 2
    assert "alias" in output


def test_ci_runs_the_readme_test_command() -> None:
    readme = (ROOT / "README.md").read_text()
    ci = (ROOT / ".ci" / "run").read_text()
    two = readme.split("## Two commands", 1)[1].split("\n## ", 1)[0]
    commands = [line for line in two.splitlines() if line.startswith("scripts/setup")]
    assert len(commands) == 2, "the README starts with two commands: main job, tests"
    assert commands[1] in ci.splitlines()


MIWG_A40 = ROOT.parent / "shared" / "interop" / "miwg" / "reference" / "A.4.0.bpmn"


@pytest.mark.skipif(not MIWG_A40.exists(), reason=f"{MIWG_A40} missing")
def test_choose_one_process_of_a_collaboration(tmp_path: Path) -> None:
    code, output = run_cli("check", str(MIWG_A40))
    assert code == 0, output  # both pools read as one SOP, the second pool's sub-processes as nested rows
    assert "1 berkas diperiksa: 1 valid" in output
    code, output = run_cli("check", "--proses", "WFP-6-9", str(MIWG_A40))
    assert code == 1
    assert "proses 'WFP-6-9' tidak ada" in output and "Mungkin maksudnya 'WFP-6-" in output
    target = tmp_path / "pool.yaml"
    code, output = run_cli("convert", "--proses", "Pool", str(MIWG_A40), "-o", str(target))
    assert code == 0, output
    assert "Task 2" in target.read_text()


def test_hostile_input_message_in_english() -> None:
    code, output = run_cli("check", str(HOSTILE / "xxe.bpmn"), lang="en")
    assert code == 2
    assert "DOCTYPE/ENTITY declarations are not allowed" in output
    code, output = run_cli("check", str(HOSTILE / "not_xml.bpmn"), lang="en")
    assert "not well-formed XML (line 1)" in output
