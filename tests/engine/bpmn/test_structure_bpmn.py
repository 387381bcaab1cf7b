"""Structured rows in the sheet, in BPMN (with DI) and in `alur check`: sub-processes, calls to another
SOP, multi-instance and loops survive every round trip; a foreign sub-process imports as nested rows
and a foreign call as a call to an SOP still to be chosen, which `alur check` names and publishing
refuses (tests/engine/runtime/test_structure.py)."""

from __future__ import annotations

import shutil
import subprocess
from pathlib import Path

import pytest
from click.testing import CliRunner
from lxml import etree

from engine.bpmn.names import BPMNDI_NS, BPMN_NS
from engine.bpmn.reader import read_bpmn
from engine.bpmn.spiff.spec import parse_spec
from engine.bpmn.writer import write_bpmn
from engine.cli.main import main
from engine.errors import ProcessDefinitionError
from engine.formats.files import load_file
from engine.formats.sheet import dump_sheet, load_sheet
from engine.sop.structure import COMPLETE_COUNT, OVER_FIELD, OVER_SUB_UNITS
from engine.sop.validate import validate
from tests.conftest import DATA, ROOT

STRUCTURE_DATA = DATA / "structure"

STRUCTURED = [STRUCTURE_DATA / name for name in ("rekomendasi_koordinasi.yaml", "subproses_berulang.yaml",
                                       "usulan_setiap_opd.yaml", "paraf_berurutan.yaml", "pindah_datang.yaml",
                                                 "cabang_inklusif.yaml")]
FOREIGN = STRUCTURE_DATA / "subproses_asing.bpmn"


def test_office_tables_refuse_structured_rows_instead_of_losing_them() -> None:
    from engine.errors import InputError
    from engine.formats.office import dump_office

    for name in ("sop.xlsx", "sop.docx"):
        with pytest.raises(InputError) as raised:
            dump_office(load_file(STRUCTURE_DATA / "rekomendasi_koordinasi.yaml").sop, name)
        assert "koordinasi" in str(raised.value) and "ktp" in str(raised.value)


@pytest.mark.parametrize("path", STRUCTURED, ids=lambda p: p.stem)
def test_sheet_and_bpmn_round_trips_keep_every_structured_row(path: Path) -> None:
    sop = load_file(path).sop
    assert load_sheet(dump_sheet(sop)) == sop
    document = write_bpmn(sop)
    assert read_bpmn(document).sop == sop
    assert parse_spec(document).problems == []  # the BPMN 2.0 schema and SpiffWorkflow accept it


def test_the_sheet_reads_each_construct() -> None:
    sop = load_file(STRUCTURE_DATA / "paraf_berurutan.yaml").sop
    paraf, lengkapi = sop.step("paraf"), sop.step("lengkapi")
    assert paraf.structure.multi is not None and paraf.structure.multi.over == OVER_FIELD
    assert paraf.structure.multi.sequential and paraf.structure.multi.completion == COMPLETE_COUNT
    assert paraf.structure.multi.count == 2 and paraf.structure.multi.item_name("paraf") == "baris"
    assert lengkapi.structure.loop is not None and lengkapi.structure.loop.maximum == 10
    nested = load_file(STRUCTURE_DATA / "rekomendasi_koordinasi.yaml").sop
    assert [step.number for step in nested.steps] == ["", "", "", "3.1", "3.2", "3.3", "3.4", "", ""]
    assert nested.step("paraf").structure.multi.over == OVER_SUB_UNITS  # type: ignore[union-attr]
    assert nested.step("ktp").structure.call.key == "penerbitan-ktp-el"  # type: ignore[union-attr]


def test_a_sub_process_has_its_own_lanes_and_diagram() -> None:
    root = etree.fromstring(write_bpmn(load_file(STRUCTURE_DATA / "rekomendasi_koordinasi.yaml").sop))
    sub = root.find(f".//{{{BPMN_NS}}}subProcess")
    assert sub is not None and sub.get("id") == "koordinasi"
    inner = {element.get("id") for element in sub if element.tag.endswith("Task") or element.tag.endswith("Event")}
    assert {"telaah", "paraf", "rapikan", "Alur_koordinasi_awal", "Alur_koordinasi_akhir"} <= inner
    lanes = {lane.get("name"): [ref.text for ref in lane] for lane in sub.iter(f"{{{BPMN_NS}}}lane")}
    assert "paraf" in lanes["Kepala Bidang"]
    planes = {plane.get("bpmnElement") for plane in root.iter(f"{{{BPMNDI_NS}}}BPMNPlane")}
    assert "koordinasi" in planes  # the drill-down plane
    shapes = {shape.get("bpmnElement") for shape in root.iter(f"{{{BPMNDI_NS}}}BPMNShape")}
    nodes = {element.get("id") for element in root.iter() if isinstance(element.tag, str)
             and element.getparent() is not None and element.getparent().tag in (f"{{{BPMN_NS}}}process",
                                                                                 f"{{{BPMN_NS}}}subProcess")
             and not element.tag.endswith(("sequenceFlow", "laneSet", "extensionElements", "incoming", "outgoing",
                                               "property", "multiInstanceLoopCharacteristics"))}
    assert nodes - shapes == set()
    multi = root.find(f".//{{{BPMN_NS}}}userTask[@id='paraf']/{{{BPMN_NS}}}multiInstanceLoopCharacteristics")
    assert multi is not None and multi.findtext(f"{{{BPMN_NS}}}loopDataInputRef") == "alur_unit_paraf"
    call = root.find(f".//{{{BPMN_NS}}}callActivity")
    assert call is not None and call.get("calledElement") == "penerbitan-ktp-el"


def test_a_foreign_sub_process_and_call_import_as_nested_rows_and_a_call_to_choose() -> None:
    result = read_bpmn(FOREIGN.read_bytes(), FOREIGN.name)
    sop = result.sop
    assert [(step.id, step.number) for step in sop.steps] == [("Mulai", ""), ("Sub", ""), ("Cek", "2.1"),
                                                              ("Catat", "2.2"), ("Ktp", ""), ("Selesai", "")]
    assert sop.step("Sub").structure.subprocess and sop.step("Cek").structure.within == "Sub"
    call = sop.step("Ktp").structure.call
    assert call is not None and call.key == "" and call.called_element == "Proses_KTP_el"
    assert [notice.code for notice in result.notices if notice.code.startswith("st_")] == ["st_call_to_choose"]
    errors = [problem for problem in validate(sop) if problem.severity == "error"]
    assert [(problem.code, problem.element_id) for problem in errors] == [("st_call_unresolved", "Ktp")]


def test_alur_check_names_the_call_to_choose(tmp_path: Path) -> None:
    result = CliRunner().invoke(main, ["check", str(FOREIGN)])
    assert result.exit_code == 1
    assert "Ktp" in result.output and "Proses_KTP_el" in result.output and "belum dipilih" in result.output


def _problems(text: str) -> list[tuple[str, str]]:
    return [(problem.code, problem.element_id) for problem in validate(load_sheet(text))
            if problem.severity == "error"]


_HEAD = """alur: 1
sop: {nama: Uji}
pelaksana: [A]
isian: [{nama: catatan, jenis: teks, langkah: mulai}]
langkah:
  - {id: mulai, jenis: mulai, kegiatan: Mulai, pelaksana: A}
"""


def test_check_names_what_is_wrong_with_structured_rows() -> None:
    leaves = _HEAD + """  - id: sub
    jenis: subproses
    kegiatan: Sub
    pelaksana: A
    langkah:
      - {id: dalam, kegiatan: Dalam, pelaksana: A, waktu: 1 jam, lanjut: selesai}
  - {id: selesai, jenis: selesai, kegiatan: Selesai, pelaksana: A}
"""
    assert ("st_arrow_leaves_scope", "dalam") in _problems(leaves)
    empty = _HEAD + """  - {id: sub, jenis: subproses, kegiatan: Sub, pelaksana: A}
  - {id: selesai, jenis: selesai, kegiatan: Selesai, pelaksana: A}
"""
    assert ("st_subprocess_empty", "sub") in _problems(empty)
    combined = _HEAD + """  - {id: x, kegiatan: X, pelaksana: A, waktu: 1 jam, panggil: {sop: lain}, ulang: {paling_banyak: 2}}
  - {id: selesai, jenis: selesai, kegiatan: Selesai, pelaksana: A}
"""
    assert ("st_constructs_combined", "x") in _problems(combined)
    not_a_table = _HEAD + """  - {id: x, kegiatan: X, pelaksana: A, waktu: 1 jam, setiap: {isian: catatan}}
  - {id: selesai, jenis: selesai, kegiatan: Selesai, pelaksana: A}
"""
    assert ("st_multi_field", "x") in _problems(not_a_table)
    with pytest.raises(ProcessDefinitionError) as raised:
        load_sheet(_HEAD + """  - {id: x, kegiatan: X, pelaksana: A, setiap: {unit: setiap_desa}}
""")
    assert [problem.code for problem in raised.value.problems] == ["st_sheet_bad_units"]


MODULES = ROOT / "tests" / "js" / "node_modules" / "bpmn-moddle"


@pytest.mark.skipif(shutil.which("node") is None or not MODULES.is_dir(),
                    reason="bpmn.io check needs node and `npm ci --prefix tests/js`: NOT RUN")
def test_structured_exports_open_cleanly_in_bpmn_io(tmp_path: Path) -> None:
    import json

    paths = []
    for source in STRUCTURED:
        target = tmp_path / f"{source.stem}.bpmn"
        target.write_bytes(write_bpmn(load_file(source).sop))
        paths.append(target)
    checker = ROOT / "tests" / "js" / "bpmn_io_check.mjs"
    report = json.loads(subprocess.run(["node", str(checker), *map(str, paths)], capture_output=True, text=True,
                                       timeout=120, check=True).stdout)
    for name, entry in report.items():
        assert entry["error"] is None, name
        assert entry["warnings"] == [], name
        assert entry["unresolvedDi"] == [], name
