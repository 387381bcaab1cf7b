"""A collaboration (several pools, message flows) imports as one SOP and runs on both databases."""

from __future__ import annotations

from pathlib import Path

import pytest

from engine.bpmn.reader import read_bpmn
from engine.errors import ProcessDefinitionError
from engine.formats.files import load_file
from engine.runtime.facade import Runtime
from engine.sop.model import StepKind
from engine.sop.validate import validate
from tests.conftest import MIWG
from tests.engine.runtime.conftest import staff
from tests.engine.runtime.helpers import drive

LETTER = Path(__file__).parents[2] / "data" / "bpmn" / "surat_antar_dinas.bpmn"


def test_pools_and_lanes_become_pelaksana_and_message_flows_hand_overs() -> None:
    loaded = load_file(LETTER)
    sop = loaded.sop
    assert sop.identity.nama == "Surat Antar Dinas"
    assert sop.actors == ["Staf", "Kepala Dinas", "Dinas B"]
    assert [s.id for s in sop.steps if s.kind is StepKind.START] == ["mulai_a"]  # Dinas B starts by the letter
    assert sorted(sop.step("tanda_tangan").next) == ["arsipkan", "telaah"]  # the letter goes to Dinas B
    assert "arsipkan" in sop.step("kirim_balasan").next  # the answer comes back
    assert sop.step("arsipkan").join  # Dinas A files the letter once the answer is in
    assert sop.step("besar").condition == "nilai > 1000"
    assert sop.step("buat_surat").requirements == ["Surat permohonan"]
    assert sop.step("arsipkan").output == "Arsip Dinas"
    assert sop.step("arsipkan").remarks == "Arsip disimpan lima tahun"
    codes = [notice.code for notice in loaded.notices]
    for code in ("imp_handover", "imp_message_flow_outside", "imp_data_unlinked", "imp_group_ignored",
                 "imp_condition_translated"):
        assert code in codes
    assert not [p for p in validate(sop) if p.severity == "error"]


def test_one_pool_can_still_be_chosen() -> None:
    sop = read_bpmn(LETTER.read_bytes(), LETTER.name, process="Dinas B").sop
    assert sop.actors == ["Dinas B"] and sop.process_id == "proses_b"
    assert "mulai_a" not in {step.id for step in sop.steps}


@pytest.mark.parametrize(("nilai", "approval"), [(5000, True), (10, False)])
def test_the_letter_runs_through_both_pools(runtime: Runtime, nilai: int, approval: bool) -> None:
    sop = load_file(LETTER).sop
    people = staff(runtime, sop)
    runtime.publish(sop, "surat-antar-dinas")
    instance_id, done = drive(runtime, "surat-antar-dinas", sop, people, start_data={"nilai": str(nilai)})
    assert runtime.instance(instance_id).status == "completed", done
    assert ("setujui" in done) is approval
    assert done.index("kirim_balasan") < done.index("arsipkan") and done.index("tanda_tangan") < done.index("telaah")
    assert done.count("arsipkan") == 1


MIWG_COLLABORATIONS = sorted(MIWG.rglob("A.4.*.bpmn")) + sorted(MIWG.rglob("C.1.0*.bpmn")) if MIWG.is_dir() else []


@pytest.mark.skipif(not MIWG_COLLABORATIONS, reason=f"MIWG suite not found at {MIWG}")
@pytest.mark.parametrize("path", MIWG_COLLABORATIONS, ids=lambda p: f"{p.parent.name}/{p.name}")
def test_miwg_collaborations_are_read_as_one_sop(path: Path) -> None:
    """Several pools are no longer refused as such: what is left names constructs of other kinds."""
    try:
        load_file(path)
    except ProcessDefinitionError as exc:
        codes = {item.code for item in exc.problems}
        assert "many_processes" not in codes
        assert all(item.element_id for item in exc.problems)


def _with_choice_before_the_reply() -> bytes:
    """Dinas A may first note the letter (a choice) before it waits for the reply."""
    text = LETTER.read_text()
    return text.replace(
        '<bpmn:sequenceFlow id="a3" sourceRef="tanda_tangan" targetRef="balasan_diterima"/>',
        '<bpmn:sequenceFlow id="a3" sourceRef="tanda_tangan" targetRef="pilih"/>'
        '<bpmn:exclusiveGateway id="pilih" name="Perlu dicatat?" default="a3b"/>'
        '<bpmn:sequenceFlow id="a3a" name="Ya" sourceRef="pilih" targetRef="catat"/>'
        '<bpmn:task id="catat" name="Catat di agenda"/>'
        '<bpmn:sequenceFlow id="a3c" sourceRef="catat" targetRef="gabung"/>'
        '<bpmn:sequenceFlow id="a3b" name="Tidak" sourceRef="pilih" targetRef="gabung"/>'
        '<bpmn:exclusiveGateway id="gabung"/>'
        '<bpmn:sequenceFlow id="a3d" sourceRef="gabung" targetRef="balasan_diterima"/>').encode()


@pytest.mark.parametrize("no", [frozenset(), frozenset({"pilih"})])
def test_a_wait_reached_from_several_branches_is_a_step_and_does_not_get_stuck(runtime: Runtime,
                                                                                no: frozenset[str]) -> None:
    result = read_bpmn(_with_choice_before_the_reply(), LETTER.name)
    sop = result.sop
    assert sop.step("balasan_diterima").kind is StepKind.ACTIVITY
    assert sop.step("arsipkan").join and "arsipkan" in sop.step("kirim_balasan").next
    assert "imp_handover_wait_step" in [n.code for n in result.notices]
    people = staff(runtime, sop)
    runtime.publish(sop, "surat-pilih")
    instance_id, done = drive(runtime, "surat-pilih", sop, people, no, start_data={"nilai": "1"})
    assert runtime.instance(instance_id).status == "completed", done
    assert ("catat" in done) is (not no) and done.count("arsipkan") == 1


def test_a_message_into_a_task_after_several_branches_is_refused_by_name() -> None:
    text = _with_choice_before_the_reply().decode()
    text = text.replace('targetRef="balasan_diterima"/>', 'targetRef="arsip_tunggu"/>').replace(
        '<bpmn:task id="arsipkan"', '<bpmn:task id="arsip_tunggu" name="Terima balasan"/>'
        '<bpmn:sequenceFlow id="a9" sourceRef="arsip_tunggu" targetRef="arsipkan"/><bpmn:task id="arsipkan"').replace(
        '<bpmn:sequenceFlow id="a4" sourceRef="balasan_diterima" targetRef="arsipkan"/>', "").replace(
        '<bpmn:intermediateCatchEvent id="balasan_diterima" name="Balasan diterima">\n'
        '      <bpmn:messageEventDefinition id="def_balasan"/>\n    </bpmn:intermediateCatchEvent>', "")
    with pytest.raises(ProcessDefinitionError) as caught:
        read_bpmn(text.encode(), LETTER.name)
    [refusal] = caught.value.problems
    assert (refusal.code, refusal.element_id) == ("imp_handover_after_branches", "arsip_tunggu")
    assert "Kirim balasan" in refusal.message


def _reply_sent_by_an_end_event_after_a_choice() -> bytes:
    """Dinas B answers with a message end event that both branches of its choice reach."""
    text = LETTER.read_text()
    for old, new in [
        ('<bpmn:sendTask id="kirim_balasan" name="Kirim balasan"/>',
         '<bpmn:endEvent id="kirim_balasan" name="Balasan terkirim"><bpmn:messageEventDefinition/></bpmn:endEvent>'),
        ('<bpmn:endEvent id="selesai_b" name="Selesai"/>', ""),
        ('<bpmn:sequenceFlow id="b4" sourceRef="kirim_balasan" targetRef="selesai_b"/>', ""),
    ]:
        assert old in text
        text = text.replace(old, new)
    return text.encode()


@pytest.mark.parametrize("nilai", [5000, 10])
def test_a_message_sent_after_a_choice_is_sent_by_a_step_and_does_not_get_stuck(runtime: Runtime,
                                                                                 nilai: int) -> None:
    sop = read_bpmn(_reply_sent_by_an_end_event_after_a_choice(), LETTER.name).sop
    sender = sop.step("kirim_balasan")
    assert sender.kind is StepKind.ACTIVITY and sender.next == ["arsipkan"]
    people = staff(runtime, sop)
    runtime.publish(sop, "surat-akhir-pesan")
    instance_id, done = drive(runtime, "surat-akhir-pesan", sop, people, start_data={"nilai": str(nilai)})
    assert runtime.instance(instance_id).status == "completed", done
    assert done.count("arsipkan") == 1


def test_a_process_called_by_a_call_activity_is_not_a_pool() -> None:
    text = LETTER.read_text().replace('<bpmn:manualTask id="setujui" name="Minta persetujuan pimpinan"/>',
                                      '<bpmn:callActivity id="setujui" name="Persetujuan" calledElement="proses_a"/>')
    result = read_bpmn(text.encode(), LETTER.name)
    # Dinas A is what the call activity calls: it is no pool but the content of the call, read as a sub-process
    sop = result.sop
    assert {step.actor for step in sop.steps} == {"Dinas B"}
    assert sop.step("setujui").structure.subprocess and sop.step("setujui").structure.call is None
    assert [step.id for step in sop.steps if step.structure.within == "setujui"] == [
        "buat_surat", "tanda_tangan", "balasan_diterima", "arsipkan"]
    assert [item.element_id for item in result.notices if item.code == "st_call_inlined"] == ["setujui"]
    assert not [p for p in validate(sop) if p.severity == "error"]


@pytest.mark.parametrize(("total", "branch"), [("5000", "a"), ("10", "b")])
def test_a_translated_camunda_condition_is_decided_by_the_engine(runtime: Runtime, total: str, branch: str) -> None:
    from tests.engine.test_juel_conditions import GATEWAY

    sop = read_bpmn(GATEWAY.replace("{condition}", "${orderTotal &gt; 1000}").encode(), "pesanan.bpmn").sop
    assert sop.step("g").condition == "order_total > 1000"
    assert [item.name for item in sop.fields] == ["order_total"]
    people = staff(runtime, sop)
    runtime.publish(sop, "pesanan")
    instance_id, done = drive(runtime, "pesanan", sop, people, start_data={"order_total": total})
    assert runtime.instance(instance_id).status == "completed"
    assert branch in done and ({"a", "b"} - {branch}).isdisjoint(done)
