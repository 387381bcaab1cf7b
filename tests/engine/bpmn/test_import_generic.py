"""What other modelers draw that Alur reads without refusing: link pairs, a task choosing its own way,
data objects and stores, groups; and refusals that name the exact construct."""

from __future__ import annotations

import pytest

from engine.bpmn.reader import read_bpmn
from engine.errors import ProcessDefinitionError
from engine.sop.model import StepKind
from engine.sop.validate import validate

HEAD = '<?xml version="1.0"?><definitions xmlns="http://www.omg.org/spec/BPMN/20100524/MODEL" id="d">'


def bpmn(body: str) -> bytes:
    return f'{HEAD}<process id="p" name="P">{body}</process></definitions>'.encode()


LINKS = bpmn("""
  <startEvent id="s"/><task id="a" name="A"/>
  <intermediateThrowEvent id="to2" name="Ke halaman 2"><linkEventDefinition name="L"/></intermediateThrowEvent>
  <intermediateCatchEvent id="from1" name="Dari halaman 1"><linkEventDefinition name="L"/></intermediateCatchEvent>
  <task id="b" name="B"/><endEvent id="e"/>
  <sequenceFlow id="f1" sourceRef="s" targetRef="a"/><sequenceFlow id="f2" sourceRef="a" targetRef="to2"/>
  <sequenceFlow id="f3" sourceRef="from1" targetRef="b"/><sequenceFlow id="f4" sourceRef="b" targetRef="e"/>""")


def test_a_link_pair_is_one_arrow() -> None:
    result = read_bpmn(LINKS)
    assert result.sop.step("a").next == ["b"]
    assert [n.code for n in result.notices if n.element_id == "to2"] == ["imp_link_joined"]
    assert not [p for p in validate(result.sop) if p.severity == "error"]


def test_a_link_without_its_pair_is_refused_by_name() -> None:
    with pytest.raises(ProcessDefinitionError) as caught:
        read_bpmn(LINKS.replace(b'name="L"/></intermediateCatch', b'name="M"/></intermediateCatch'))
    assert {(p.code, p.element_id) for p in caught.value.problems} == {("imp_throw_link", "to2"),
                                                                        ("imp_catch_link", "from1")}


def test_a_task_with_one_conditional_and_a_default_arrow_is_followed_by_a_decision() -> None:
    result = read_bpmn(bpmn("""
      <startEvent id="s"/><task id="a" name="Periksa" default="biasa"/><task id="b" name="B"/><task id="c" name="C"/>
      <endEvent id="e"/>
      <sequenceFlow id="f1" sourceRef="s" targetRef="a"/>
      <sequenceFlow id="khusus" name="besar" sourceRef="a" targetRef="b">
        <conditionExpression>${jumlah &gt; 10}</conditionExpression></sequenceFlow>
      <sequenceFlow id="biasa" sourceRef="a" targetRef="c"/>
      <sequenceFlow id="f2" sourceRef="b" targetRef="e"/><sequenceFlow id="f3" sourceRef="c" targetRef="e"/>"""))
    decision = result.sop.step(result.sop.step("a").next[0])
    assert decision.kind is StepKind.DECISION
    assert (decision.yes, decision.no, decision.condition) == ("b", "c", "jumlah > 10")
    assert "imp_task_condition_decision" in [n.code for n in result.notices]


def test_data_objects_and_stores_are_kelengkapan_and_output() -> None:
    result = read_bpmn(bpmn("""
      <dataObject id="do" name="Formulir"/><dataObjectReference id="ref" dataObjectRef="do"/>
      <dataStoreReference id="db" name="Basis data kependudukan"/>
      <startEvent id="s"/>
      <task id="a" name="Catat">
        <dataInputAssociation><sourceRef>ref</sourceRef></dataInputAssociation>
        <dataOutputAssociation><targetRef>db</targetRef></dataOutputAssociation>
      </task>
      <endEvent id="e"/>
      <sequenceFlow id="f1" sourceRef="s" targetRef="a"/><sequenceFlow id="f2" sourceRef="a" targetRef="e"/>"""))
    step = result.sop.step("a")
    assert step.requirements == ["Formulir"] and step.output == "Basis data kependudukan"


@pytest.mark.parametrize(("element", "code"), [
    # boundaries and catch events run (engine.bpmn.events_read): one with no path of its own is refused for that
    ('<boundaryEvent id="x" attachedToRef="a"><timerEventDefinition/></boundaryEvent>', "ev_boundary_one_flow"),
    ('<boundaryEvent id="x" attachedToRef="a"><errorEventDefinition/></boundaryEvent>', "ev_boundary_one_flow"),
    ('<intermediateThrowEvent id="x"><signalEventDefinition/></intermediateThrowEvent>'
     '<intermediateCatchEvent id="y"><signalEventDefinition/></intermediateCatchEvent>', "imp_throw_signal"),
    ('<subProcess id="x" triggeredByEvent="true"/>', "imp_event_sub_process"),
    # a loop marker with a rule Alur cannot map (a cardinality, a foreign loop condition) keeps its refusal
    ('<task id="x"><multiInstanceLoopCharacteristics isSequential="true"><loopCardinality>3</loopCardinality>'
     '</multiInstanceLoopCharacteristics></task>', "imp_multi_instance_sequential"),
    ('<task id="x"><standardLoopCharacteristics><loopCondition>again</loopCondition></standardLoopCharacteristics>'
     '</task>', "imp_standard_loop"),
])
def test_each_refused_construct_has_its_own_reason(element: str, code: str) -> None:
    with pytest.raises(ProcessDefinitionError) as caught:
        read_bpmn(bpmn(f"""<startEvent id="s"/><task id="a" name="A"/><endEvent id="e"/>{element}
          <sequenceFlow id="f1" sourceRef="s" targetRef="a"/><sequenceFlow id="f2" sourceRef="a" targetRef="e"/>"""))
    refusals = [p for p in caught.value.problems if p.element_id == "x"]
    assert [p.code for p in refusals] == [code]
    assert refusals[0].render("en") != refusals[0].render("id")


@pytest.mark.parametrize("kind", ["signal", "escalation", "compensate"])
def test_a_throw_nothing_catches_has_no_effect_and_is_passed_through(kind: str) -> None:
    body = f"""<startEvent id="s"/><task id="a" name="A"/>
      <intermediateThrowEvent id="x" name="Beri tahu"><{kind}EventDefinition/></intermediateThrowEvent>
      <endEvent id="e"/>
      <sequenceFlow id="f1" sourceRef="s" targetRef="a"/><sequenceFlow id="f2" sourceRef="a" targetRef="x"/>
      <sequenceFlow id="f3" sourceRef="x" targetRef="e"/>"""
    result = read_bpmn(bpmn(body))
    assert result.sop.step("a").next == ["e"]
    assert [n.code for n in result.notices if n.element_id == "x"] == ["imp_throw_uncaught"]
    if kind == "signal":  # something catches it: not silent, refused by its own reason
        with pytest.raises(ProcessDefinitionError) as caught:
            read_bpmn(bpmn(body + '<intermediateCatchEvent id="c"><signalEventDefinition/></intermediateCatchEvent>'))
        assert "imp_throw_signal" in {p.code for p in caught.value.problems}


@pytest.mark.parametrize(("marker", "notice", "maximum"), [
    ("<multiInstanceLoopCharacteristics isSequential=\"false\"/>", "st_foreign_multi_once", 0),
    ("<standardLoopCharacteristics testBefore=\"false\"/>", "st_foreign_loop_once", 0),
    ("<standardLoopCharacteristics loopMaximum=\"3\"/>", "st_foreign_loop_maximum", 3),
])
def test_a_loop_marker_without_a_rule_is_worked_once_or_up_to_its_maximum(marker: str, notice: str,
                                                                            maximum: int) -> None:
    result = read_bpmn(bpmn(f"""<startEvent id="s"/><userTask id="a" name="A">{marker}</userTask><endEvent id="e"/>
      <sequenceFlow id="f1" sourceRef="s" targetRef="a"/><sequenceFlow id="f2" sourceRef="a" targetRef="e"/>"""))
    step = result.sop.step("a")
    assert step.structure.multi is None
    assert (step.structure.loop.maximum if step.structure.loop else 0) == maximum
    assert [item.element_id for item in result.notices if item.code == notice] == ["a"]


def test_a_collapsed_sub_process_without_content_is_one_step_of_its_lane() -> None:
    result = read_bpmn(bpmn("""<startEvent id="s"/><subProcess id="a" name="Periksa berkas"/><endEvent id="e"/>
      <sequenceFlow id="f1" sourceRef="s" targetRef="a"/><sequenceFlow id="f2" sourceRef="a" targetRef="e"/>"""))
    assert not result.sop.step("a").structure.subprocess
    assert [item.element_id for item in result.notices if item.code == "st_subprocess_collapsed"] == ["a"]
    assert not [p for p in validate(result.sop) if p.severity == "error"]


@pytest.mark.parametrize(("interrupting", "codes"), [("true", []), ("false", ["ev_refused_escalation"])])
def test_an_interrupting_escalation_boundary_is_read_as_an_error_boundary(interrupting: str,
                                                                          codes: list[str]) -> None:
    text = bpmn(f"""<startEvent id="s"/><userTask id="a" name="A"/><endEvent id="e"/>
      <boundaryEvent id="x" attachedToRef="a" cancelActivity="{interrupting}">
        <escalationEventDefinition escalationRef="esc"/></boundaryEvent>
      <userTask id="lapor" name="Lapor"/><endEvent id="e2"/>
      <sequenceFlow id="f1" sourceRef="s" targetRef="a"/><sequenceFlow id="f2" sourceRef="a" targetRef="e"/>
      <sequenceFlow id="f3" sourceRef="x" targetRef="lapor"/><sequenceFlow id="f4" sourceRef="lapor" targetRef="e2"/>
      """).replace(b"</process>", b'</process><escalation id="esc" escalationCode="TERLAMBAT"/>')
    if codes:
        with pytest.raises(ProcessDefinitionError) as caught:
            read_bpmn(text)
        assert [p.code for p in caught.value.problems if p.element_id == "x"] == codes
        return
    result = read_bpmn(text)
    (boundary,) = result.sop.step("a").boundaries
    assert (boundary.trigger.kind.value, boundary.trigger.name, boundary.target) == ("error", "TERLAMBAT", "lapor")
    assert [item.element_id for item in result.notices if item.code == "ev_escalation_as_error"] == ["x"]


@pytest.mark.parametrize(("cycle", "duration"), [("R6/P1D", "P1D"), ("0 0 9 * * ?", "")])
def test_a_repeating_boundary_timer_fires_once_after_its_first_period(cycle: str, duration: str) -> None:
    text = bpmn(f"""<startEvent id="s"/><userTask id="a" name="A"/><endEvent id="e"/>
      <boundaryEvent id="x" attachedToRef="a" cancelActivity="false">
        <timerEventDefinition><timeCycle>{cycle}</timeCycle></timerEventDefinition></boundaryEvent>
      <userTask id="ingatkan" name="Ingatkan"/><endEvent id="e2"/>
      <sequenceFlow id="f1" sourceRef="s" targetRef="a"/><sequenceFlow id="f2" sourceRef="a" targetRef="e"/>
      <sequenceFlow id="f3" sourceRef="x" targetRef="ingatkan"/>
      <sequenceFlow id="f4" sourceRef="ingatkan" targetRef="e2"/>""")
    if not duration:  # not a repeating interval Alur can read (a cron text): refused by name
        with pytest.raises(ProcessDefinitionError) as caught:
            read_bpmn(text)
        assert [p.code for p in caught.value.problems if p.element_id == "x"] == ["ev_refused_cycle"]
        return
    result = read_bpmn(text)
    (boundary,) = result.sop.step("a").boundaries
    assert (boundary.trigger.duration, boundary.interrupting) == (duration, False)
    assert [item.element_id for item in result.notices if item.code == "ev_cycle_first_period"] == ["x"]
