"""Collaborations with sub-processes and signals, and cycles that pass no decision (MIWG readings)."""

from __future__ import annotations

from engine.bpmn.reader import read_bpmn
from engine.sop.validate import validate

HEAD = ('<?xml version="1.0"?><definitions xmlns="http://www.omg.org/spec/BPMN/20100524/MODEL" id="d">'
        '<signal id="sig" name="Pegawai baru"/>'
        '<collaboration id="c"><participant id="pa" name="Kepegawaian" processRef="a"/>'
        '<participant id="pb" name="Keuangan" processRef="b"/></collaboration>')

POOLS = HEAD.encode() + b"""
  <process id="a"><startEvent id="sa"/><userTask id="angkat" name="Angkat pegawai"/>
    <intermediateThrowEvent id="kabar" name="Kabarkan">
      <signalEventDefinition signalRef="sig"/></intermediateThrowEvent>
    <endEvent id="ea"/>
    <sequenceFlow id="a1" sourceRef="sa" targetRef="angkat"/>
    <sequenceFlow id="a2" sourceRef="angkat" targetRef="kabar"/>
    <sequenceFlow id="a3" sourceRef="kabar" targetRef="ea"/></process>
  <process id="b"><startEvent id="sb" name="Pegawai baru"><signalEventDefinition signalRef="sig"/></startEvent>
    <subProcess id="gaji" name="Siapkan gaji"><startEvent id="gs"/><userTask id="hitung" name="Hitung gaji"/>
      <endEvent id="ge"/><sequenceFlow id="g1" sourceRef="gs" targetRef="hitung"/>
      <sequenceFlow id="g2" sourceRef="hitung" targetRef="ge"/></subProcess>
    <endEvent id="eb"/>
    <sequenceFlow id="b1" sourceRef="sb" targetRef="gaji"/>
    <sequenceFlow id="b2" sourceRef="gaji" targetRef="eb"/></process>
</definitions>"""


def test_a_signal_to_another_pools_start_is_a_hand_over_and_a_nested_start_no_pool_start() -> None:
    result = read_bpmn(POOLS)
    sop = result.sop
    assert sop.start is not None and sop.start.id == "sa"
    assert sop.step("sa").next == ["angkat"]  # the start inside 'gaji' is where the sub-process begins
    assert "gaji" in sop.step("angkat").next  # the signal hands the case over to Keuangan
    assert sop.step("hitung").structure.within == "gaji" and sop.step("hitung").actor == sop.step("gaji").actor
    assert not [p for p in validate(sop) if p.severity == "error"]


def test_a_cycle_through_a_parallel_split_without_a_decision_is_refused_by_name() -> None:
    body = b"""<?xml version="1.0"?><definitions xmlns="http://www.omg.org/spec/BPMN/20100524/MODEL" id="d">
      <process id="p"><startEvent id="s"/><userTask id="a" name="A"/><userTask id="b" name="B"/>
      <parallelGateway id="split"/><endEvent id="e"/>
      <sequenceFlow id="f1" sourceRef="s" targetRef="a"/><sequenceFlow id="f2" sourceRef="a" targetRef="split"/>
      <sequenceFlow id="f3" sourceRef="split" targetRef="b"/><sequenceFlow id="f4" sourceRef="split" targetRef="e"/>
      <sequenceFlow id="f5" sourceRef="b" targetRef="a"/></process></definitions>"""
    problems = [p for p in validate(read_bpmn(body).sop) if p.code == "st_cycle_without_choice"]
    assert [p.element_id for p in problems] == ["a"]
    assert problems[0].render("en") != problems[0].render("id")
