"""``alur --lang en``: what the CLI itself says comes from the catalogue, in English (help texts may stay bilingual)."""

from __future__ import annotations

import re
from pathlib import Path

import click
import pytest
from click.testing import CliRunner

from engine import load_file, write_log
from engine.cli.main import main
from engine.errors import InputError
from engine.samples.synthetic_log import synthetic_log
from tests.conftest import DATA, PROCESSES

SHEET = DATA / "surat_kecil.yaml"
#: Indonesian words the CLI's own sentences use; none may appear in English output.
_INDONESIAN = re.compile(r"\b(ditulis|diperiksa|berkas|tidak|Sebutkan|akhiran|peringatan|kesesuaian|Ringkasan|"
                         r"penyimpangan|Penyimpangan|peristiwa|halaman|kertas|instans|pelaksanaan|seluruhnya|"
                         r"kasus(?!-))\b")


def run(*args: str) -> tuple[int, str]:
    result = CliRunner().invoke(main, ["--lang", "en", *args])
    assert result.exception is None or isinstance(result.exception, SystemExit), result.exception
    return result.exit_code, result.output


def english(output: str) -> str:
    found = _INDONESIAN.findall(output)
    assert not found, (found, output)
    return output


def test_check_and_convert_speak_english(tmp_path: Path) -> None:
    broken = tmp_path / "broken.yaml"
    broken.write_text(SHEET.read_text().replace("pelaksana: Kepala Bagian\n", "pelaksana: Camat\n", 1))
    code, output = run("check", str(SHEET), str(broken), str(DATA / "hostile" / "not_xml.bpmn"))
    assert code == 2
    assert "3 files checked: 1 valid, 1 invalid, 1 unreadable." in english(output)
    code, output = run("convert", str(SHEET), "-o", str(tmp_path / "out.bpmn"))
    assert code == 0 and "written (" in english(output) and " steps, " in output
    code, output = run("convert", str(broken), "-o", str(tmp_path / "no.bpmn"))
    assert code == 1 and "no.bpmn not written." in english(output)


def test_render_speaks_english(tmp_path: Path) -> None:
    code, output = run("render", str(SHEET), "-o", str(tmp_path / "doc.svg"))
    assert code == 0 and "pages, A4 paper)." in english(output)
    code, output = run("render", "-o", str(tmp_path / "doc.svg"))
    assert code == 2 and "Name one source" in english(output)
    code, output = run("render", str(SHEET), "-o", str(tmp_path / "doc.doc"))
    assert code == 2 and "the file name must end in .svg, .pdf or .png" in english(output)


def test_logs_and_conformance_speak_english(tmp_path: Path) -> None:
    sop_file = PROCESSES / "penerbitan-surat-keterangan.bpmn"
    log = tmp_path / "log.csv"
    write_log(synthetic_log(load_file(sop_file).sop, 6, deviating=0.5, seed=3).log.events(), log)
    code, output = run("conformance", str(log), "--sop", str(sop_file))
    assert code == 0 and "Summary: 6 cases" in english(output) and "Deviations: " in output
    code, output = run("log", "convert", str(log), "-o", str(tmp_path / "log.xes"))
    assert code == 0 and "(6 cases, " in english(output)
    code, output = run("log", "convert", str(log), "-o", str(tmp_path / "log.txt"))
    assert code == 2 and english(output).strip()


def test_an_error_no_command_caught_is_said_in_english() -> None:
    @click.command("boom")
    def boom_command() -> None:
        raise InputError.from_code("file_unknown_type", label="x.doc")

    main.add_command(boom_command)
    try:
        code, output = run("boom")
        indonesian = CliRunner().invoke(main, ["--lang", "id", "boom"])
    finally:
        del main.commands["boom"]
    assert code == 2 and "x.doc: unknown file type; use .bpmn or .yaml." in output and "Traceback" not in output
    assert indonesian.exit_code == 2 and "jenis berkas tidak dikenal" in indonesian.output


@pytest.mark.parametrize("lang", ["id", "en"])
def test_help_still_works(lang: str) -> None:
    result = CliRunner().invoke(main, ["--lang", lang, "--help"])
    assert result.exit_code == 0 and "check" in result.output
