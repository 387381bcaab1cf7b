"""Case fields, document kelengkapan and the registration pattern travel through the sheet and BPMN."""

from __future__ import annotations

import pytest
from lxml import etree

from engine.bpmn.names import SOP_NS
from engine.bpmn.reader import read_bpmn
from engine.bpmn.spiff.spec import parse_spec
from engine.bpmn.writer import write_bpmn
from engine.errors import ProcessDefinitionError
from engine.formats.sheet import dump_sheet, load_sheet
from engine.sop.fields import START, Field, FieldType
from tests.conftest import DATA

SHEET = DATA / "cuti_isian.yaml"


def test_the_sheet_reads_fields_documents_and_the_number_pattern() -> None:
    sop = load_sheet(SHEET.read_text(), str(SHEET))
    assert [item.name for item in sop.fields] == ["nama_pegawai", "nip_pegawai", "jenis_cuti", "tanggal_mulai",
                                                 "jumlah_hari", "sisa_cuti", "pengganti"]
    assert sop.fields[0] == Field("nama_pegawai", FieldType.TEXT, "Nama pegawai", "Employee name", required=True,
                                  personal=True, step=START)
    assert sop.fields[2].options == ("Cuti Tahunan", "Cuti Sakit", "Cuti Besar")
    assert sop.fields[4].revised_at == ("sesuaikan",)
    assert sop.fields[5].step == "periksa"
    assert [column.name for column in sop.fields[6].columns] == ["nama", "nip"]
    assert sop.fields[6].columns[1].type is FieldType.NIP
    start = sop.step("ajukan")
    assert start.requirements == ["Formulir permintaan cuti", "Rencana tanggal cuti"]
    assert start.documents == ["Formulir permintaan cuti"]
    assert [item.document for item in start.requirement_items()] == [True, False]
    assert sop.step("surat").output_document and not start.output_document
    assert sop.identity.pola_nomor_registrasi == "CUTI/{urut:04d}/{bulan:romawi}/{tahun}"


def test_fields_round_trip_through_sheet_and_bpmn_and_spiff_still_parses() -> None:
    sop = load_sheet(SHEET.read_text(), str(SHEET))
    assert load_sheet(dump_sheet(sop)) == sop
    exported = write_bpmn(sop)
    assert read_bpmn(exported).sop == sop
    assert write_bpmn(read_bpmn(exported).sop) == exported
    root = etree.fromstring(exported)
    ns = {"sop": SOP_NS}
    fields = root.findall(".//sop:isian/sop:field", ns)
    assert [f.get("name") for f in fields] == [item.name for item in sop.fields]
    assert fields[5].get("step") == "periksa" and fields[4].get("revisedAt") == "sesuaikan"
    assert root.find(".//sop:kelengkapan/sop:item[@document='true']", ns).text == "Formulir permintaan cuti"
    assert parse_spec(exported).problems == []


def test_a_bpmn_without_fields_reads_with_none() -> None:
    sop = load_sheet(SHEET.read_text(), str(SHEET))
    exported = write_bpmn(sop)
    root = etree.fromstring(exported)
    for element in root.iter(f"{{{SOP_NS}}}isian", f"{{{SOP_NS}}}polaNomorRegistrasi"):
        element.getparent().remove(element)
    for element in root.iter(f"{{{SOP_NS}}}item", f"{{{SOP_NS}}}output"):
        element.attrib.pop("document", None)
    again = read_bpmn(etree.tostring(root)).sop
    assert again.fields == () and again.identity.pola_nomor_registrasi == ""
    assert again.step("ajukan").documents == [] and not again.step("surat").output_document
    assert again.steps == [step.__class__(**{**vars(step), "documents": [], "output_document": False})
                           for step in sop.steps]


def test_an_unknown_field_type_in_bpmn_is_reported_not_silently_kept() -> None:
    exported = write_bpmn(load_sheet(SHEET.read_text())).replace(b'type="nip"', b'type="sidik_jari"', 1)
    result = read_bpmn(exported)
    assert "nip_pegawai" not in [item.name for item in result.sop.fields]
    assert any("sidik_jari" in notice.render() for notice in result.notices)


@pytest.mark.parametrize(("change", "words"), [
    ("jenis: pilihan\n    wajib: true", None),
    ("jenis: tanggal_lahir\n    wajib: true", "jenis isian 'tanggal_lahir' tidak dikenal"),
    ("jenis: nip\n    wajib: ya", "'wajib' harus berupa true atau false"),
    ("jenis: nip\n    warna: merah", "kunci 'warna' tidak dikenal"),
])
def test_the_sheet_names_a_bad_field_entry(change: str, words: str | None) -> None:
    text = SHEET.read_text().replace("    jenis: nip\n    wajib: true", f"    {change}", 1)
    if words is None:
        assert load_sheet(text).fields[1].type is FieldType.CHOICE
        return
    with pytest.raises(ProcessDefinitionError) as refused:
        load_sheet(text)
    assert any(words in p.render() for p in refused.value.problems), [p.render() for p in refused.value.problems]


def test_a_kelengkapan_item_must_be_text_or_a_document() -> None:
    text = SHEET.read_text().replace("      - dokumen: Formulir permintaan cuti", "      - {berkas: KTP}")
    with pytest.raises(ProcessDefinitionError) as refused:
        load_sheet(text)
    assert [p.code for p in refused.value.problems] == ["sheet_bad_requirement"]


FOREIGN = b'''<?xml version="1.0"?>
<definitions xmlns="http://www.omg.org/spec/BPMN/20100524/MODEL" id="d" targetNamespace="x" exporter="Camunda Modeler">
  <process id="p" name="Izin">
    <startEvent id="s" name="Mulai"/>
    <exclusiveGateway id="g" name="Perlu survei?" default="f_tidak"/>
    <task id="survei" name="Survei lokasi"/><task id="terbit" name="Terbitkan izin"/>
    <endEvent id="e" name="Selesai"/>
    <sequenceFlow id="f1" sourceRef="s" targetRef="g"/>
    <sequenceFlow id="f_ya" sourceRef="g" targetRef="survei" name="Ya">
      <conditionExpression>luas_tanah &gt; 500 and jenis_usaha == "Industri" or mendesak</conditionExpression>
    </sequenceFlow>
    <sequenceFlow id="f_tidak" sourceRef="g" targetRef="terbit" name="Tidak"/>
    <sequenceFlow id="f2" sourceRef="survei" targetRef="terbit"/><sequenceFlow id="f3" sourceRef="terbit" targetRef="e"/>
  </process>
</definitions>'''


def test_a_foreign_file_gets_fields_for_what_its_conditions_read_with_a_notice_each() -> None:
    from engine.sop.validate import validate

    result = read_bpmn(FOREIGN)
    assert [(item.name, item.type, item.step, item.required) for item in result.sop.fields] == [
        ("luas_tanah", FieldType.INTEGER, START, True), ("jenis_usaha", FieldType.TEXT, START, True),
        ("mendesak", FieldType.YES_NO, START, True)]
    notices = [notice.render() for notice in result.notices if "Syarat membaca" in notice.render()]
    assert len(notices) == 3 and "periksa jenis dan langkahnya" in notices[0]
    assert [p for p in validate(result.sop) if p.severity == "error"] == []
    # Alur's own files are taken as written: no fields declared means none
    alur_file = FOREIGN.replace(b'exporter="Camunda Modeler"', b'exporter="Alur"')
    assert read_bpmn(alur_file).sop.fields == ()


def test_every_shipped_sop_declares_fields_its_syarat_reads_and_marks_documents() -> None:
    from engine.formats.files import load_file
    from engine.sop.validate import validate
    from tests.conftest import shipped_processes

    for path in shipped_processes():
        sop = load_file(path).sop
        assert sop.fields, path
        assert [p for p in validate(sop) if p.severity == "error"] == [], path
        assert any(step.output_document for step in sop.steps), path
    cuti = load_file("processes/permohonan-cuti-pegawai.bpmn").sop
    by_name = {item.name: item for item in cuti.fields}
    assert by_name["sisa_cuti"].type is by_name["jumlah_hari"].type is FieldType.INTEGER
    assert by_name["sisa_cuti"].step == "periksa_sisa" and by_name["nip_pegawai"].personal
    assert cuti.step("ajukan").documents == ["Formulir permintaan dan pemberian cuti"]
    pengadaan = {item.name: item for item in load_file("processes/pengadaan-langsung.bpmn").sop.fields}
    assert pengadaan["nilai_hps"].type is FieldType.MONEY
    informasi = {item.name: item for item in load_file("processes/layanan-permohonan-informasi-publik.bpmn").sop.fields}
    assert informasi["nik_pemohon"].type is FieldType.NIK and informasi["nik_pemohon"].personal


def test_the_editor_text_forms_round_trip_and_refuse_hostile_yaml() -> None:
    from engine.errors import InputError
    from engine.formats.editor_text import fields_from_text, fields_text, item_line, line_item
    from engine.formats.sheet import sheet_mapping

    sop = load_sheet(SHEET.read_text())
    isian = sheet_mapping(sop)["isian"]
    assert fields_from_text(fields_text(isian)) == isian
    assert fields_from_text("  ") == [] and fields_text([]) == ""
    assert item_line({"dokumen": "KTP-el"}) == "dokumen: KTP-el" and line_item("Dokumen: KTP-el") == {"dokumen": "KTP-el"}
    assert line_item("Surat pengantar RT") == "Surat pengantar RT"
    for hostile, code in (("- &a [x]\n- *a\n", "sheet_alias"), ("- nama: [", "sheet_not_yaml"),
                          ("x" * (3 * 1024 * 1024), "file_too_large")):
        with pytest.raises(InputError) as refused:
            fields_from_text(hostile)
        assert refused.value.code == code
