"""Events in BPMN: written with DI and read back unchanged; foreign files' events imported;
what cannot run refused by element, with the reason."""

from __future__ import annotations

import pytest
from lxml import etree

from engine.bpmn.reader import read_bpmn
from engine.bpmn.spiff.spec import parse_spec
from engine.bpmn.writer import write_bpmn
from engine.errors import ProcessDefinitionError
from engine.formats.files import load_file
from engine.formats.sheet import dump_sheet
from engine.sop.events import EndKind, TriggerKind
from engine.sop.model import StepKind
from tests.conftest import DATA
from tests.engine.bpmn.di_geometry import defects

SOP_FILE = DATA / "events" / "permohonan_peristiwa.yaml"
NS = {"bpmn": "http://www.omg.org/spec/BPMN/20100524/MODEL"}


def test_events_round_trip_through_bpmn_with_every_field() -> None:
    sop = load_file(SOP_FILE).sop
    document = write_bpmn(sop)
    assert dump_sheet(read_bpmn(document).sop) == dump_sheet(sop)
    assert parse_spec(document).spec is not None  # schema-valid, and SpiffWorkflow parses it
    root = etree.fromstring(document)
    boundary = root.find(".//bpmn:boundaryEvent[@id='periksa__batas_3']", NS)
    assert boundary is not None and boundary.get("attachedToRef") == "periksa"
    assert boundary.get("cancelActivity") == "false"
    assert root.find(".//bpmn:eventBasedGateway[@id='jawaban']", NS) is not None
    assert root.find(".//bpmn:intermediateCatchEvent[@id='bayar']/bpmn:messageEventDefinition", NS) is not None
    assert root.find(".//bpmn:endEvent[@id='gugur']/bpmn:terminateEventDefinition", NS) is not None
    assert root.find("bpmn:error[@errorCode='BERKAS_PALSU']", NS) is not None
    assert {m.get("name") for m in root.findall("bpmn:message", NS)} == {"jawaban-pemohon", "pembayaran"}


def test_events_have_clean_di_boundaries_on_their_task() -> None:
    document = write_bpmn(load_file(SOP_FILE).sop)
    hosts = {"periksa__batas_1", "periksa__batas_2", "periksa__batas_3"}
    expected = {f"shapes periksa and {boundary} overlap" for boundary in hosts}
    found = set(defects(document))
    assert found <= expected, sorted(found - expected)
    assert found == expected  # each boundary sits on its task's edge


FOREIGN = b"""<?xml version="1.0" encoding="UTF-8"?>
<bpmn:definitions xmlns:bpmn="http://www.omg.org/spec/BPMN/20100524/MODEL" id="d" targetNamespace="x">
  <bpmn:message id="Msg_Reply" name="Balasan OPD"/>
  <bpmn:process id="P" isExecutable="true">
    <bpmn:startEvent id="s"><bpmn:outgoing>f1</bpmn:outgoing></bpmn:startEvent>
    <bpmn:userTask id="kirim" name="Kirim surat"><bpmn:incoming>f1</bpmn:incoming><bpmn:outgoing>f2</bpmn:outgoing></bpmn:userTask>
    <bpmn:boundaryEvent id="lama" attachedToRef="kirim"><bpmn:outgoing>f9</bpmn:outgoing>
      <bpmn:timerEventDefinition><bpmn:timeDuration>P14D</bpmn:timeDuration></bpmn:timerEventDefinition></bpmn:boundaryEvent>
    <bpmn:eventBasedGateway id="g" name="Balasan datang?"><bpmn:incoming>f2</bpmn:incoming>
      <bpmn:outgoing>f3</bpmn:outgoing><bpmn:outgoing>f4</bpmn:outgoing></bpmn:eventBasedGateway>
    <bpmn:intermediateCatchEvent id="balas"><bpmn:incoming>f3</bpmn:incoming><bpmn:outgoing>f5</bpmn:outgoing>
      <bpmn:messageEventDefinition messageRef="Msg_Reply"/></bpmn:intermediateCatchEvent>
    <bpmn:intermediateCatchEvent id="batas"><bpmn:incoming>f4</bpmn:incoming><bpmn:outgoing>f6</bpmn:outgoing>
      <bpmn:timerEventDefinition><bpmn:timeDuration>PT48H</bpmn:timeDuration></bpmn:timerEventDefinition>
    </bpmn:intermediateCatchEvent>
    <bpmn:userTask id="arsip" name="Arsipkan"><bpmn:incoming>f5</bpmn:incoming><bpmn:outgoing>f7</bpmn:outgoing></bpmn:userTask>
    <bpmn:endEvent id="e1"><bpmn:incoming>f7</bpmn:incoming></bpmn:endEvent>
    <bpmn:endEvent id="e2" name="Gugur"><bpmn:incoming>f6</bpmn:incoming><bpmn:incoming>f9</bpmn:incoming>
      <bpmn:terminateEventDefinition/></bpmn:endEvent>
    <bpmn:sequenceFlow id="f1" sourceRef="s" targetRef="kirim"/>
    <bpmn:sequenceFlow id="f2" sourceRef="kirim" targetRef="g"/>
    <bpmn:sequenceFlow id="f3" sourceRef="g" targetRef="balas"/>
    <bpmn:sequenceFlow id="f4" sourceRef="g" targetRef="batas"/>
    <bpmn:sequenceFlow id="f5" sourceRef="balas" targetRef="arsip"/>
    <bpmn:sequenceFlow id="f6" sourceRef="batas" targetRef="e2"/>
    <bpmn:sequenceFlow id="f7" sourceRef="arsip" targetRef="e1"/>
    <bpmn:sequenceFlow id="f9" sourceRef="lama" targetRef="e2"/>
  </bpmn:process>
</bpmn:definitions>"""


def test_a_foreign_files_events_import_as_rows() -> None:
    sop = read_bpmn(FOREIGN).sop
    steps = {step.id: step for step in sop.steps}
    assert [(b.trigger.kind, b.trigger.duration, b.target, b.interrupting) for b in steps["kirim"].boundaries] == [
        (TriggerKind.TIMER, "P14D", "e2", True)]
    choice = steps["g"]
    assert choice.kind is StepKind.DECISION and (choice.yes, choice.no) == ("arsip", "e2")
    assert [(t.kind, t.name or t.duration) for t in choice.wait] == [(TriggerKind.MESSAGE, "Balasan-OPD"),
                                                                     (TriggerKind.TIMER, "PT48H")]
    assert steps["e2"].end.kind is EndKind.TERMINATE
    assert "balas" not in steps and "batas" not in steps  # the choice's catch events are part of its row
    assert parse_spec(write_bpmn(sop)).spec is not None


def _with(element: str) -> bytes:
    return FOREIGN.replace(b"</bpmn:process>", element.encode() + b"</bpmn:process>")


@pytest.mark.parametrize(("element", "code", "element_id"), [
    ('<bpmn:boundaryEvent id="undo" attachedToRef="kirim"><bpmn:compensateEventDefinition/></bpmn:boundaryEvent>',
     "ev_refused_compensation", "undo"),
    ('<bpmn:transaction id="tx"/>', "ev_refused_transaction", "tx"),
    ('<bpmn:intermediateCatchEvent id="cond"><bpmn:conditionalEventDefinition/></bpmn:intermediateCatchEvent>',
     "ev_refused_conditional", "cond"),
    ('<bpmn:intermediateCatchEvent id="ulang"><bpmn:timerEventDefinition><bpmn:timeCycle>R3/PT1H</bpmn:timeCycle>'
     '</bpmn:timerEventDefinition></bpmn:intermediateCatchEvent>', "ev_refused_cycle", "ulang"),
    ('<bpmn:boundaryEvent id="lepas" attachedToRef="g"><bpmn:timerEventDefinition/></bpmn:boundaryEvent>',
     "ev_boundary_host", "lepas"),
])
def test_what_cannot_run_is_refused_by_element_with_the_reason(element: str, code: str, element_id: str) -> None:
    with pytest.raises(ProcessDefinitionError) as caught:
        read_bpmn(_with(element))
    assert (code, element_id) in {(problem.code, problem.element_id) for problem in caught.value.problems}
