"""A boundary timer on a sub-process imported from another modeler: when it fires, the whole nested
part stops and the case takes the boundary's path (on SQLite and PostgreSQL)."""

from __future__ import annotations

from datetime import timedelta

from engine.bpmn.reader import read_bpmn
from engine.runtime.facade import Runtime
from engine.runtime.timers import ManualClock
from engine.sop.validate import validate
from tests.engine.runtime.conftest import UNIT
from tests.engine.runtime.helpers import form_for

FILE = b"""<?xml version="1.0"?>
<definitions xmlns="http://www.omg.org/spec/BPMN/20100524/MODEL" id="d">
  <process id="p" name="Periksa berkas">
    <laneSet id="ls"><lane id="l1" name="Petugas">
      <flowNodeRef>s</flowNodeRef><flowNodeRef>sub</flowNodeRef><flowNodeRef>late</flowNodeRef>
      <flowNodeRef>tegur</flowNodeRef><flowNodeRef>e1</flowNodeRef><flowNodeRef>e2</flowNodeRef>
    </lane></laneSet>
    <startEvent id="s" name="Berkas masuk"/>
    <subProcess id="sub" name="Periksa">
      <startEvent id="ss"/>
      <userTask id="baca" name="Baca berkas"/>
      <userTask id="cocokkan" name="Cocokkan data"/>
      <endEvent id="se"/>
      <sequenceFlow id="n1" sourceRef="ss" targetRef="baca"/>
      <sequenceFlow id="n2" sourceRef="baca" targetRef="cocokkan"/>
      <sequenceFlow id="n3" sourceRef="cocokkan" targetRef="se"/>
    </subProcess>
    <boundaryEvent id="late" name="Terlambat" attachedToRef="sub">
      <timerEventDefinition><timeDuration>PT2H</timeDuration></timerEventDefinition>
    </boundaryEvent>
    <userTask id="tegur" name="Tegur pemeriksa"/>
    <endEvent id="e1" name="Selesai"/>
    <endEvent id="e2" name="Selesai terlambat"/>
    <sequenceFlow id="f1" sourceRef="s" targetRef="sub"/>
    <sequenceFlow id="f2" sourceRef="sub" targetRef="e1"/>
    <sequenceFlow id="f3" sourceRef="late" targetRef="tegur"/>
    <sequenceFlow id="f4" sourceRef="tegur" targetRef="e2"/>
  </process>
</definitions>"""


def test_a_timer_on_a_sub_process_interrupts_its_rows_and_takes_its_path(runtime: Runtime,
                                                                         clock: ManualClock) -> None:
    sop = read_bpmn(FILE).sop
    assert [boundary.target for boundary in sop.step("sub").boundaries] == ["tegur"]
    assert not [p for p in validate(sop) if p.severity == "error"]
    runtime.add_user("ani", jabatan=[("Petugas", UNIT)])
    runtime.publish(sop, "periksa_berkas")
    instance, _ = runtime.start("periksa_berkas", "ani", form_for(sop.start))
    (baca,) = [item for item in runtime.worklist("ani") if item.instance_id == instance.id]
    assert baca.step_id == "baca"
    (cocokkan,) = runtime.complete(baca.id, "ani", form_for(sop.step("baca"))).ready
    assert cocokkan.step_id == "cocokkan"
    clock.advance(timedelta(hours=2, minutes=1))
    runtime.clear_caches()
    assert runtime.tick().timers_fired == 1
    open_items = [item for item in runtime.worklist("ani") if item.instance_id == instance.id]
    assert [item.step_id for item in open_items] == ["tegur"]  # the nested row was withdrawn
    runtime.complete(open_items[0].id, "ani", form_for(sop.step("tegur")))
    assert runtime.instance(instance.id).status == "completed"
