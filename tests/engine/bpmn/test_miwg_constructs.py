"""Constructs read from other modelers' files (MIWG): a reply to the task that sent the request, a
decision branch that ends its sub-process (a nested selesai row), and a condition without a language
attribute written in FEEL. Each survives the sheet and BPMN round trips and `alur check`; the runtime
side is tests/engine/runtime/test_miwg_constructs.py."""

from __future__ import annotations

from pathlib import Path

import pytest
from click.testing import CliRunner
from lxml import etree

from engine.bpmn.names import BPMN_NS
from engine.bpmn.reader import read_bpmn
from engine.bpmn.spiff.spec import parse_spec
from engine.bpmn.writer import write_bpmn
from engine.cli.main import main
from engine.errors import ProcessDefinitionError
from engine.formats.files import load_file
from engine.formats.sheet import dump_sheet, load_sheet
from engine.sop.model import StepKind
from engine.sop.validate import validate
from tests.conftest import DATA

LETTER = DATA / "bpmn" / "surat_antar_dinas.bpmn"
BRANCH_ENDS_SUB = DATA / "structure" / "subproses_cabang_selesai.yaml"


def _edit(text: str, changes: list[tuple[str, str]]) -> str:
    for old, new in changes:
        assert old in text, old
        text = text.replace(old, new)
    return text


def reply_to_sender() -> bytes:
    """Dinas B's answer goes back to the task that sent the letter (no catch event drawn for it)."""
    return _edit(LETTER.read_text(), [
        ('targetRef="balasan_diterima"/>\n    <bpmn:messageFlow id="kabar_warga"',
         'targetRef="tanda_tangan"/>\n    <bpmn:messageFlow id="kabar_warga"'),
        ('<bpmn:flowNodeRef>balasan_diterima</bpmn:flowNodeRef>', ''),
        ('<bpmn:intermediateCatchEvent id="balasan_diterima" name="Balasan diterima">\n'
         '      <bpmn:messageEventDefinition id="def_balasan"/>\n    </bpmn:intermediateCatchEvent>', ''),
        ('<bpmn:sequenceFlow id="a3" sourceRef="tanda_tangan" targetRef="balasan_diterima"/>',
         '<bpmn:sequenceFlow id="a3" sourceRef="tanda_tangan" targetRef="arsipkan"/>'),
        ('<bpmn:sequenceFlow id="a4" sourceRef="balasan_diterima" targetRef="arsipkan"/>', ''),
    ]).encode()


def test_a_reply_to_the_sending_task_is_awaited_by_the_step_after_it() -> None:
    result = read_bpmn(reply_to_sender(), LETTER.name)
    sop = result.sop
    assert sorted(sop.step("tanda_tangan").next) == ["arsipkan", "telaah"]  # the letter goes out
    assert "arsipkan" in sop.step("kirim_balasan").next and sop.step("arsipkan").join  # the answer comes back
    assert not sop.step("tanda_tangan").join  # it does not wait for the answer to its own letter
    notice = next(n for n in result.notices if n.code == "mw_reply_to_sender")
    assert "Arsipkan surat" in notice.message and "Kirim balasan" in notice.message
    assert not [p for p in validate(sop) if p.severity == "error"]
    document = write_bpmn(sop)
    assert read_bpmn(document).sop == sop and parse_spec(document).problems == []
    assert load_sheet(dump_sheet(sop)) == sop


def test_a_reply_to_a_task_without_one_step_after_it_is_refused_by_name() -> None:
    text = _edit(reply_to_sender().decode(), [
        ('<bpmn:sequenceFlow id="a3" sourceRef="tanda_tangan" targetRef="arsipkan"/>',
         '<bpmn:sequenceFlow id="a3" sourceRef="tanda_tangan" targetRef="bagi"/>'
         '<bpmn:parallelGateway id="bagi"/>'
         '<bpmn:sequenceFlow id="a3x" sourceRef="bagi" targetRef="arsipkan"/>'
         '<bpmn:sequenceFlow id="a3y" sourceRef="bagi" targetRef="tembusan"/>'
         '<bpmn:task id="tembusan" name="Kirim tembusan"/>'
         '<bpmn:sequenceFlow id="a3z" sourceRef="tembusan" targetRef="selesai_a"/>'),
    ])
    with pytest.raises(ProcessDefinitionError) as caught:
        read_bpmn(text.encode(), LETTER.name)
    codes = {(item.code, item.element_id) for item in caught.value.problems}
    assert ("mw_reply_no_single_successor", "tanda_tangan") in codes


def test_a_branch_that_ends_its_sub_process_is_a_nested_selesai_row_in_every_format(tmp_path: Path) -> None:
    sop = load_file(BRANCH_ENDS_SUB).sop
    assert not validate(sop)
    ends = sop.step("cukup")
    assert ends.kind is StepKind.END and ends.structure.within == "telaah" and sop.step("periksa").no == "cukup"
    assert load_sheet(dump_sheet(sop)) == sop
    document = write_bpmn(sop)
    assert read_bpmn(document).sop == sop and parse_spec(document).problems == []
    root = etree.fromstring(document)
    sub = root.find(f".//{{{BPMN_NS}}}subProcess[@id='telaah']")
    assert sub is not None and sub.find(f"{{{BPMN_NS}}}endEvent[@id='cukup']") is not None
    # the nested selesai row is an end of its own: no arrow from it to the sub-process's generated end
    assert not [flow for flow in sub.iter(f"{{{BPMN_NS}}}sequenceFlow") if flow.get("sourceRef") == "cukup"]
    path = tmp_path / "sub.yaml"
    path.write_text(BRANCH_ENDS_SUB.read_text())
    outcome = CliRunner().invoke(main, ["check", str(path)])
    assert outcome.exit_code == 0, outcome.output


def test_a_nested_start_row_is_still_refused() -> None:
    sop = load_file(BRANCH_ENDS_SUB).sop
    sop.step("cukup").kind = StepKind.START
    assert "mw_nested_start" in {p.code for p in validate(sop) if p.element_id == "cukup"}


FOREIGN_SUB = """<?xml version="1.0" encoding="UTF-8"?>
<bpmn:definitions xmlns:bpmn="http://www.omg.org/spec/BPMN/20100524/MODEL" id="d" targetNamespace="http://x">
  <bpmn:process id="p" isExecutable="true">
    <bpmn:startEvent id="s"/>
    <bpmn:sequenceFlow id="f1" sourceRef="s" targetRef="sub"/>
    <bpmn:subProcess id="sub" name="Cek kelompok">
      <bpmn:startEvent id="ss"/>
      <bpmn:sequenceFlow id="g1" sourceRef="ss" targetRef="cek"/>
      <bpmn:task id="cek" name="Cek kelompok klien"/>
      <bpmn:sequenceFlow id="g2" sourceRef="cek" targetRef="ada"/>
      <bpmn:exclusiveGateway id="ada" name="Kelompok ada?"/>
      <bpmn:sequenceFlow id="g3" name="Ya" sourceRef="ada" targetRef="catat"/>
      <bpmn:task id="catat" name="Catat kelompok"/>
      <bpmn:sequenceFlow id="g4" sourceRef="catat" targetRef="gabung"/>
      <bpmn:sequenceFlow id="g5" name="Tidak" sourceRef="ada" targetRef="gabung"/>
      <bpmn:exclusiveGateway id="gabung"/>
      <bpmn:sequenceFlow id="g6" sourceRef="gabung" targetRef="se"/>
      <bpmn:endEvent id="se"/>
    </bpmn:subProcess>
    <bpmn:sequenceFlow id="f2" sourceRef="sub" targetRef="buat"/>
    <bpmn:task id="buat" name="Buat data klien"/>
    <bpmn:sequenceFlow id="f3" sourceRef="buat" targetRef="e"/>
    <bpmn:endEvent id="e"/>
  </bpmn:process>
</bpmn:definitions>"""


def test_a_foreign_branch_into_the_sub_process_end_imports_as_a_nested_selesai_row() -> None:
    sop = read_bpmn(FOREIGN_SUB.encode(), "sub.bpmn").sop
    end = sop.step("se")
    assert end.kind is StepKind.END and end.structure.within == "sub"
    assert sop.step("ada").no == "se" and sop.step("catat").next == ["se"]
    assert not [p for p in validate(sop) if p.severity == "error"]
    assert read_bpmn(write_bpmn(sop)).sop == sop


def test_a_plain_sub_process_end_stays_no_row() -> None:
    """Reached only from a task, the end of a sub-process is where it ends, not a row."""
    text = FOREIGN_SUB.replace('<bpmn:sequenceFlow id="g5" name="Tidak" sourceRef="ada" targetRef="gabung"/>',
                               '<bpmn:sequenceFlow id="g5" name="Tidak" sourceRef="ada" targetRef="catat"/>')
    sop = read_bpmn(text.encode(), "sub.bpmn").sop
    assert "se" not in {step.id for step in sop.steps}


def _letter_condition(text: str) -> bytes:
    return LETTER.read_text().replace("${nilai &gt; 1000}", text).encode()


def test_a_condition_without_a_language_written_in_feel_is_translated() -> None:
    result = read_bpmn(_letter_condition('Status Surat = "Penting"'), LETTER.name)
    condition = result.sop.step("besar").condition
    assert condition == "status_surat == 'Penting'"
    assert "mw_condition_untyped_feel" in {n.code for n in result.notices}


def test_a_condition_in_alurs_language_stays_as_written() -> None:
    result = read_bpmn(_letter_condition("nilai &gt; 1000"), LETTER.name)
    assert result.sop.step("besar").condition == "nilai > 1000"
    assert "mw_condition_untyped_feel" not in {n.code for n in result.notices}


BRANCH_ERROR = DATA / "structure" / "subproses_cabang_galat.yaml"


def test_a_nested_error_end_caught_by_its_sub_process_boundary_round_trips() -> None:
    sop = load_file(BRANCH_ERROR).sop
    assert not validate(sop)
    assert load_sheet(dump_sheet(sop)) == sop
    document = write_bpmn(sop)
    assert read_bpmn(document).sop == sop and parse_spec(document).problems == []


def test_a_nested_error_end_that_no_boundary_catches_is_refused_by_name() -> None:
    sop = load_file(BRANCH_ERROR).sop
    sop.step("telaah").boundaries[0].trigger.name = "LAIN"  # catches another error only
    problems = [p for p in validate(sop) if p.code == "mw_nested_error_uncaught"]
    assert [(p.element_id, p.severity) for p in problems] == [("palsu", "error")]
    assert "BERKAS_PALSU" in problems[0].message
    sop.step("telaah").boundaries.clear()
    assert "mw_nested_error_uncaught" in {p.code for p in validate(sop)}
