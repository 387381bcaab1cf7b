"""`alur check` and validation of events: every misuse named by step, with what to do."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest
import yaml
from click.testing import CliRunner

from engine.cli.main import main
from engine.errors import ProcessDefinitionError
from engine.formats.sheet import dump_sheet, load_sheet, sop_from_mapping
from engine.sop.validate import validate
from tests.conftest import DATA

SOP_FILE = DATA / "events" / "permohonan_peristiwa.yaml"


def _sheet() -> dict[str, Any]:
    return yaml.safe_load(SOP_FILE.read_text(encoding="utf-8"))


def _row(sheet: dict[str, Any], step_id: str) -> dict[str, Any]:
    return next(row for row in sheet["langkah"] if row["id"] == step_id)


def _codes(sheet: dict[str, Any]) -> set[tuple[str, str]]:
    return {(problem.code, problem.element_id) for problem in validate(sop_from_mapping(sheet))
            if problem.severity == "error"}


def test_the_shipped_example_is_valid_and_its_sheet_round_trips() -> None:
    sop = load_sheet(SOP_FILE.read_text(encoding="utf-8"))
    assert [problem for problem in validate(sop) if problem.severity == "error"] == []
    assert dump_sheet(load_sheet(dump_sheet(sop))) == dump_sheet(sop)


@pytest.mark.parametrize(("change", "expected"), [
    (lambda s: _row(s, "jawaban")["tunggu"].append({"waktu": "1 hari"}), ("ev_choice_two_triggers", "jawaban")),
    (lambda s: _row(s, "jawaban").update(syarat="x == 1"), ("ev_choice_with_condition", "jawaban")),
    (lambda s: _row(s, "jawaban").update(tunggu=[{"waktu": "1 hari"}, {"waktu": "2 hari"}]),
     ("ev_choice_two_timers", "jawaban")),
    (lambda s: _row(s, "bayar").update(tunggu={"sinyal": "banjir"}), ("ev_signal_not_run", "bayar")),
    (lambda s: _row(s, "bayar").update(tunggu={"pesan": "bayar", "korelasi": "tidak_ada"}),
     ("ev_message_unknown_field", "bayar")),
    (lambda s: _row(s, "bayar").update(tunggu={"tanggal": "nomor_permohonan"}), ("ev_timer_field_not_date", "bayar")),
    (lambda s: _row(s, "bayar").update(tunggu={"waktu": "sebentar"}), ("ev_timer_bad_duration", "bayar")),
    (lambda s: _row(s, "bayar").update(tunggu={"galat": "X"}), ("ev_wait_bad_kind", "bayar")),
    (lambda s: _row(s, "periksa")["batas"].append({"waktu": "1 hari"}), ("ev_boundary_without_target", "periksa")),
    (lambda s: _row(s, "periksa")["batas"].append({"galat": "X", "ke": "tolak", "menyela": False}),
     ("ev_error_must_interrupt", "periksa")),
    (lambda s: _row(s, "periksa")["batas"].append({"waktu": "1 hari", "ke": "entah"}),
     ("dangling_reference", "periksa")),
    (lambda s: _row(s, "bayar").update(batas=[{"waktu": "1 hari", "ke": "gugur"}]), ("ev_boundary_on_kind", "bayar")),
    (lambda s: _row(s, "terbit").update(akhir="hentikan"), ("ev_end_on_kind", "terbit")),
    (lambda s: _row(s, "tolak").pop("kode_galat"), ("ev_error_end_code", "tolak")),
])
def test_misused_events_are_named_by_step(change: Any, expected: tuple[str, str]) -> None:
    sheet = _sheet()
    change(sheet)
    assert expected in _codes(sheet)


def test_sheet_structure_of_events_is_checked_before_the_model() -> None:
    sheet = _sheet()
    _row(sheet, "bayar")["tunggu"] = {"pesan": "a", "waktu": "1 hari"}
    _row(sheet, "gugur")["akhir"] = "meledak"
    _row(sheet, "periksa")["batas"][0]["arah"] = "x"
    with pytest.raises(ProcessDefinitionError) as caught:
        sop_from_mapping(sheet)
    codes = {(problem.code, problem.element_id) for problem in caught.value.problems}
    assert {("ev_sheet_one_trigger", "bayar"), ("ev_sheet_bad_end", "gugur"),
            ("sheet_unknown_key", "periksa")} <= codes


def test_alur_check_names_the_step_and_exits_1(tmp_path: Path) -> None:
    sheet = _sheet()
    _row(sheet, "bayar")["tunggu"] = {"sinyal": "banjir"}
    path = tmp_path / "sinyal.yaml"
    path.write_text(yaml.safe_dump(sheet, allow_unicode=True), encoding="utf-8")
    result = CliRunner().invoke(main, ["check", str(path)])
    assert result.exit_code == 1
    assert "bayar" in result.output and "sinyal 'banjir' belum dijalankan Alur" in result.output
    assert CliRunner().invoke(main, ["check", str(SOP_FILE)]).exit_code == 0
