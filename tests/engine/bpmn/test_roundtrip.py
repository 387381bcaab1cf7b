from __future__ import annotations

from pathlib import Path

import pytest
from lxml import etree

from engine.bpmn.names import BPMN_NS, SOP_NS
from engine.bpmn.reader import read_bpmn
from engine.bpmn.spiff.spec import parse_spec
from engine.bpmn.writer import write_bpmn
from engine.formats.files import load_file
from engine.formats.sheet import dump_sheet, load_sheet
from engine.sop.model import StepKind
from engine.sop.validate import validate
from tests.conftest import DATA, shipped_processes

NS = {"bpmn": BPMN_NS, "sop": SOP_NS,
      "bpmndi": "http://www.omg.org/spec/BPMN/20100524/DI", "dc": "http://www.omg.org/spec/DD/20100524/DC",
      "di": "http://www.omg.org/spec/DD/20100524/DI"}


def test_shipped_processes_exist() -> None:
    assert len(shipped_processes()) >= 6


@pytest.mark.parametrize("path", shipped_processes(), ids=lambda p: p.name)
def test_shipped_sop_round_trips_and_spiff_parses(path: Path) -> None:
    sop = load_file(path).sop
    assert not [p for p in validate(sop) if p.severity == "error"]
    exported = write_bpmn(sop)
    again = read_bpmn(exported).sop
    assert again == sop
    # and through the YAML sheet as well
    assert load_sheet(dump_sheet(sop)) == sop
    result = parse_spec(exported)
    assert result.problems == []
    assert result.spec is not None
    # the stored file is exactly what Alur writes today (regenerate with `alur convert` if not)
    assert path.read_bytes() == exported


def test_sheet_to_bpmn_maps_each_kind_to_its_element() -> None:
    sop = load_file(DATA / "surat_kecil.yaml").sop
    root = etree.fromstring(write_bpmn(sop))
    process = root.find("bpmn:process", NS)
    assert process is not None
    assert process.find("bpmn:startEvent[@id='terima']", NS) is not None
    # a clerk-answered decision is a user task followed by a gateway with Ya condition + Tidak default
    assert process.find("bpmn:userTask[@id='periksa']", NS) is not None
    gateway = process.find("bpmn:exclusiveGateway[@id='periksa__keputusan']", NS)
    assert gateway is not None
    flows = {f.get("name"): f for f in process.findall("bpmn:sequenceFlow", NS) if f.get("sourceRef") == gateway.get("id")}
    assert set(flows) == {"Ya", "Tidak"}
    assert gateway.get("default") == flows["Tidak"].get("id")
    assert flows["Ya"].findtext("bpmn:conditionExpression", namespaces=NS) == 'keputusan == "Ya"'
    # parallel fan-out and join
    assert process.find("bpmn:parallelGateway[@id='disposisi__cabang']", NS) is not None
    join = process.find("bpmn:parallelGateway[@id='gabung__gabung']", NS)
    assert join is not None and len(join.findall("bpmn:incoming", NS)) == 2
    # a working end: user task then end event
    assert process.find("bpmn:userTask[@id='arsip']", NS) is not None
    assert process.find("bpmn:endEvent[@id='arsip__akhir']", NS) is not None
    # one lane per actor, every node in exactly one lane
    lanes = process.findall("bpmn:laneSet/bpmn:lane", NS)
    assert [lane.get("name") for lane in lanes] == sop.actors
    refs = [ref.text for lane in lanes for ref in lane.findall("bpmn:flowNodeRef", NS)]
    nodes = [el.get("id") for el in process if etree.QName(el).localname.endswith(("Task", "Event", "Gateway"))]
    assert sorted(refs) == sorted(nodes)
    # mutu baku lives in the sop: extension
    step = process.find("bpmn:userTask[@id='disposisi']/bpmn:extensionElements/sop:step", NS)
    assert step is not None and step.findtext("sop:waktu", namespaces=NS) == "1 hari"


def test_export_has_complete_di() -> None:
    sop = load_file(DATA / "surat_kecil.yaml").sop
    root = etree.fromstring(write_bpmn(sop))
    plane = root.find("bpmndi:BPMNDiagram/bpmndi:BPMNPlane", NS)
    assert plane is not None
    shaped = {shape.get("bpmnElement") for shape in plane.findall("bpmndi:BPMNShape", NS)}
    edged = {edge.get("bpmnElement") for edge in plane.findall("bpmndi:BPMNEdge", NS)}
    process = root.find("bpmn:process", NS)
    for element in process:
        local = etree.QName(element).localname
        if local == "sequenceFlow":
            assert element.get("id") in edged
        elif local.endswith(("Task", "Event", "Gateway")):
            assert element.get("id") in shaped
    for lane in process.findall("bpmn:laneSet/bpmn:lane", NS):
        assert lane.get("id") in shaped
    # edges are orthogonal
    for edge in plane.findall("bpmndi:BPMNEdge", NS):
        points = [(float(p.get("x")), float(p.get("y"))) for p in edge.findall("di:waypoint", NS)]
        assert len(points) >= 2
        for (x0, y0), (x1, y1) in zip(points, points[1:]):
            assert x0 == x1 or y0 == y1, edge.get("id")


def test_export_shapes_never_overlap() -> None:
    sop = load_file(DATA / "surat_kecil.yaml").sop
    root = etree.fromstring(write_bpmn(sop))
    boxes = []
    for shape in root.iterfind(".//bpmndi:BPMNShape", NS):
        if shape.get("bpmnElement", "").startswith(("Pool_", "Lajur_")):
            continue
        b = shape.find("dc:Bounds", NS)
        boxes.append((float(b.get("x")), float(b.get("y")), float(b.get("width")), float(b.get("height"))))
    for i, (x, y, w, h) in enumerate(boxes):
        for (x2, y2, w2, h2) in boxes[i + 1:]:
            assert x + w <= x2 or x2 + w2 <= x or y + h <= y2 or y2 + h2 <= y


def test_yaml_sheet_round_trip_keeps_every_field() -> None:
    sop = load_file(DATA / "surat_kecil.yaml").sop
    assert sop.step("disposisi").next == ["catat", "salin"]
    assert sop.step("salin").next == ["gabung"]  # omitted lanjut = next row
    assert sop.step("gabung").join is True
    again = read_bpmn(write_bpmn(sop)).sop
    assert again == sop
    assert again.identity.disahkan_oleh.nip == "19700512 199503 1 002"


def test_condition_decision_exports_as_gateway_only() -> None:
    sop = load_file(DATA / "surat_kecil.yaml").sop
    decision = sop.step("periksa")
    decision.condition = "jumlah_lampiran > 3"
    root = etree.fromstring(write_bpmn(sop))
    process = root.find("bpmn:process", NS)
    assert process.find("bpmn:userTask[@id='periksa']", NS) is None
    gateway = process.find("bpmn:exclusiveGateway[@id='periksa']", NS)
    assert gateway is not None
    again = read_bpmn(etree.tostring(root)).sop
    assert again.step("periksa").condition == "jumlah_lampiran > 3"
    assert again == sop


def test_foreign_file_without_alur_extension_imports_in_flow_order(tmp_path: Path) -> None:
    sop = load_file(DATA / "surat_kecil.yaml").sop
    root = etree.fromstring(write_bpmn(sop))
    # strip every sop: extension and shuffle the elements, as another modeler might write it
    for ext in root.iter("{%s}extensionElements" % BPMN_NS):
        ext.getparent().remove(ext)
    process = root.find("bpmn:process", NS)
    children = [c for c in process if etree.QName(c).localname != "laneSet"]
    for child in children:
        process.remove(child)
    for child in reversed(children):
        process.append(child)
    imported = read_bpmn(etree.tostring(root)).sop
    assert [s.id for s in imported.steps][0] == "terima"
    # without Alur's markers the checking task and its gateway are two rows, as another modeler drew them
    assert imported.step("periksa").kind is StepKind.ACTIVITY
    assert imported.step("periksa").next == ["periksa__keputusan"]
    decision = imported.step("periksa__keputusan")
    assert decision.kind is StepKind.DECISION
    assert (decision.yes, decision.no) == ("disposisi", "arsip")
    assert imported.step("arsip__akhir").kind is StepKind.END
    assert imported.step("gabung").join is True
    assert sorted(imported.step("disposisi").next) == ["catat", "salin"]
    assert imported.actors == sop.actors
    assert not [p for p in validate(imported) if p.severity == "error"]


@pytest.mark.parametrize("path", shipped_processes(), ids=lambda p: p.name)
def test_shipped_diagram_has_no_arrow_through_a_shape(path: Path) -> None:
    from tests.engine.bpmn.di_geometry import defects

    assert defects(path.read_bytes()) == []


def test_geometry_checker_finds_an_arrow_through_a_shape() -> None:
    """Control for the checker: move a shape onto an arrow and it must be reported."""
    from tests.engine.bpmn.di_geometry import NS as DI_NS
    from tests.engine.bpmn.di_geometry import defects

    root = etree.fromstring(write_bpmn(load_file(DATA / "surat_kecil.yaml").sop))
    flow_di = root.find(".//bpmndi:BPMNEdge[@bpmnElement='Alur_terima_ke_periksa']", DI_NS)
    x, y = (float(v) for v in (flow_di[0].get("x"), flow_di[0].get("y")))
    shape = root.find(".//bpmndi:BPMNShape[@bpmnElement='arsip']/dc:Bounds", DI_NS)
    shape.set("x", str(x + 5))
    shape.set("y", str(y - 10))
    assert any("crosses arsip" in d for d in defects(etree.tostring(root)))


def test_unnamed_task_and_annotation_import_with_notices() -> None:
    xml = b'''<?xml version="1.0"?>
<definitions xmlns="http://www.omg.org/spec/BPMN/20100524/MODEL" id="d" targetNamespace="x">
  <process id="p" name="Proses tanpa lajur">
    <startEvent id="s"/>
    <task id="t"><documentation>Catatan dari modeler</documentation></task>
    <serviceTask id="kirim" name="Kirim notifikasi"/>
    <endEvent id="e"/>
    <textAnnotation id="a"><text>Dikerjakan pagi hari</text></textAnnotation>
    <association id="as" sourceRef="kirim" targetRef="a"/>
    <sequenceFlow id="f1" sourceRef="s" targetRef="t"/>
    <sequenceFlow id="f2" sourceRef="t" targetRef="kirim"/>
    <sequenceFlow id="f3" sourceRef="kirim" targetRef="e"/>
  </process>
</definitions>'''
    result = read_bpmn(xml)
    sop = result.sop
    assert [s.activity for s in sop.steps] == ["Mulai", "Kegiatan t", "Kirim notifikasi", "Selesai"]
    assert sop.actors == ["Proses tanpa lajur"]  # no lanes, no pool: the process is the one pelaksana
    assert sop.step("t").remarks == "Catatan dari modeler"
    assert sop.step("kirim").remarks == "Dikerjakan pagi hari"
    codes = sorted(p.code for p in result.notices)
    assert codes == ["converted_element", "unnamed_task"]
    assert all(p.severity == "warning" for p in result.notices)


def test_three_way_gateway_becomes_a_chain_of_decisions() -> None:
    xml = b'''<?xml version="1.0"?>
<definitions xmlns="http://www.omg.org/spec/BPMN/20100524/MODEL" id="d" targetNamespace="x">
  <collaboration id="c"><participant id="pool" name="Loket" processRef="p"/></collaboration>
  <process id="p">
    <startEvent id="s" name="Mulai"/>
    <exclusiveGateway id="g" name="Jenis layanan" default="f_lain"/>
    <task id="a" name="Layanan A"/><task id="b" name="Layanan B"/><task id="lain" name="Layanan lain"/>
    <endEvent id="e" name="Selesai"/>
    <sequenceFlow id="f1" sourceRef="s" targetRef="g"/>
    <sequenceFlow id="f_lain" sourceRef="g" targetRef="lain" name="Lainnya"/>
    <sequenceFlow id="f_a" sourceRef="g" targetRef="a" name="A"><conditionExpression>jenis == "A"</conditionExpression></sequenceFlow>
    <sequenceFlow id="f_b" sourceRef="g" targetRef="b" name="B"><conditionExpression>jenis == "B"</conditionExpression></sequenceFlow>
    <sequenceFlow id="fa" sourceRef="a" targetRef="e"/><sequenceFlow id="fb" sourceRef="b" targetRef="e"/>
    <sequenceFlow id="fl" sourceRef="lain" targetRef="e"/>
  </process>
</definitions>'''
    sop = read_bpmn(xml).sop
    first = sop.step("g")
    second = sop.step(first.no)
    assert (first.yes, first.condition) == ("a", 'jenis == "A"')
    assert (second.yes, second.condition, second.no) == ("b", 'jenis == "B"', "lain")
    assert sop.actors == ["Loket"]  # a pool without lanes is one pelaksana
    assert not [p for p in validate(sop) if p.severity == "error"]
