"""``catat`` (a step's stage record): read from the sheet, kept through BPMN, and checked by ``alur check``
(unknown kind, action or record field, a required record field left out, an undeclared case field, one
asked after the step, a type that does not fit), each problem naming the row and the field."""

from __future__ import annotations

import copy

import pytest

from engine.bpmn.reader import read_bpmn
from engine.bpmn.writer import write_bpmn
from engine.errors import ProcessDefinitionError
from engine.formats.files import load_file
from engine.formats.sheet import dump_sheet, load_sheet
from engine.sop.model import Sop
from engine.sop.step_records import StepRecord
from engine.sop.validate import validate
from tests.conftest import ROOT

SHEET = """\
alur: 1
sop: {nomor: 1/SOP/2026, nama: Uji Catat, unit: Dinas Contoh,
      disahkan_oleh: {jabatan: Kepala Dinas, nama: Budi, nip: "19700512 199503 1 002"}}
pelaksana: [Sekretaris]
isian:
  - {nama: nomor_sk, jenis: teks, wajib: true, langkah: mulai}
  - {nama: tanggal_sk, jenis: tanggal, wajib: true, langkah: mulai}
  - {nama: jumlah, jenis: bilangan, langkah: mulai}
  - {nama: nanti, jenis: teks, langkah: akhir}
langkah:
  - {id: mulai, jenis: mulai, kegiatan: Menyiapkan SK, pelaksana: Sekretaris, waktu: 1 jam}
  - id: tetapkan
    kegiatan: Menetapkan Tim
    pelaksana: Sekretaris
    waktu: 1 jam
    catat: {jenis: tim, aksi: tetapkan, isian: {nama: nomor_sk, nomor_sk: nomor_sk, tanggal_sk: tanggal_sk}}
  - {id: akhir, jenis: kegiatan, kegiatan: Menutup, pelaksana: Sekretaris, waktu: 1 jam}
  - {id: selesai, jenis: selesai, kegiatan: Selesai, pelaksana: Sekretaris}
"""


@pytest.fixture
def sop() -> Sop:
    return load_sheet(SHEET)


def _problems(sop: Sop) -> list[tuple[str, str, dict[str, str]]]:
    return [(found.code, found.element_id, dict(found.params)) for found in validate(sop)
            if found.code.startswith("rec_")]


def _declare(sop: Sop, kind: str, action: str, **fields: str) -> None:
    sop.step("tetapkan").record = StepRecord(kind, action, dict(fields))


def test_the_declaration_is_read_and_checks_clean(sop: Sop) -> None:
    assert sop.step("tetapkan").record == StepRecord("tim", "tetapkan", {
        "nama": "nomor_sk", "nomor_sk": "nomor_sk", "tanggal_sk": "tanggal_sk"})
    assert sop.step("akhir").record is None
    assert _problems(sop) == []


def test_it_round_trips_through_bpmn_and_the_sheet(sop: Sop) -> None:
    xml = write_bpmn(sop)
    assert b"<sop:record kind=\"tim\" action=\"tetapkan\">" in xml
    again = read_bpmn(xml).sop
    assert again.step("tetapkan").record == sop.step("tetapkan").record
    assert load_sheet(dump_sheet(again)).step("tetapkan").record == sop.step("tetapkan").record


def test_unknown_kind_and_action(sop: Sop) -> None:
    _declare(sop, "rapat", "buat")
    [(code, row, params)] = _problems(sop)
    assert (code, row, params["kind"]) == ("rec_unknown_kind", "tetapkan", "rapat")
    _declare(sop, "tim", "hapus", nama="nomor_sk", nomor_sk="nomor_sk", tanggal_sk="tanggal_sk")
    assert [(code, params["action"]) for code, _, params in _problems(sop)] == [("rec_unknown_action", "hapus")]


def test_unknown_and_missing_record_fields(sop: Sop) -> None:
    _declare(sop, "tim", "tetapkan", nama="nomor_sk", nomor="nomor_sk")
    found = {(code, params["field"]) for code, _, params in _problems(sop)}
    assert found == {("rec_unknown_field", "nomor"), ("rec_field_missing", "nomor_sk"),
                     ("rec_field_missing", "tanggal_sk")}


def test_undeclared_late_and_mistyped_case_fields(sop: Sop) -> None:
    _declare(sop, "tim", "tetapkan", nama="tidak_ada", nomor_sk="nanti", tanggal_sk="jumlah")
    found = {(code, params["field"], params["source"]) for code, _, params in _problems(sop)}
    assert found == {("rec_case_field_unknown", "nama", "tidak_ada"), ("rec_case_field_late", "nomor_sk", "nanti"),
                     ("rec_case_field_type", "tanggal_sk", "jumlah")}
    messages = [found.render("en") for found in validate(sop) if found.code.startswith("rec_")]
    assert any("tetapkan 'Menetapkan Tim'" in text and "'nanti'" in text and "akhir" in text for text in messages)
    assert any("bilangan" in text and "tanggal" in text for text in messages)


def test_a_case_field_asked_at_the_step_itself_is_in_time(sop: Sop) -> None:
    changed = copy.deepcopy(sop)
    fields = list(changed.fields)
    fields[3] = type(fields[3])(**{**fields[3].__dict__, "step": "tetapkan"})
    changed.fields = tuple(fields)
    _declare(changed, "tim", "tetapkan", nama="nanti", nomor_sk="nomor_sk", tanggal_sk="tanggal_sk")
    assert _problems(changed) == []


def test_a_wrong_shape_in_the_sheet_is_refused_naming_the_row() -> None:
    text = SHEET.replace("catat: {jenis: tim, aksi: tetapkan, isian: {nama: nomor_sk, nomor_sk: nomor_sk, "
                         "tanggal_sk: tanggal_sk}}", "catat: tim")
    with pytest.raises(ProcessDefinitionError) as refused:
        load_sheet(text)
    [shape] = [found.render() for found in refused.value.problems]
    assert shape.startswith("tetapkan") and "'catat'" in shape
    text = SHEET.replace("isian: {nama: nomor_sk,", "ulang: 1, isian: {nama: nomor_sk,")
    with pytest.raises(ProcessDefinitionError) as unknown:
        load_sheet(text)
    assert any("ulang" in found.render() for found in unknown.value.problems)


def test_the_shipped_tahapan_declares_its_records_and_checks_clean() -> None:
    sop = load_file(ROOT / "processes" / "tahapan-penyusunan-sop.bpmn").sop
    declared = {step.id: step.record.kind for step in sop.steps if step.record is not None}
    assert declared == {"tetapkan_tim": "tim", "pembekalan": "pembekalan", "identifikasi": "inventarisasi",
                        "analisis": "analisis", "lolos_verifikasi": "verifikasi", "pelaksanaan": "sosialisasi",
                        "sosialisasi": "distribusi", "pelatihan": "pelatihan"}
    assert [found for found in validate(sop) if found.severity == "error"] == []


def test_a_verifikasi_takes_its_result_from_the_keputusan_only_on_a_row_a_clerk_decides() -> None:
    text = VERIFY_SHEET
    assert [found for found in validate(load_sheet(text)) if found.severity == "error"] == []
    # the same record on a kegiatan row has no keputusan to take: it must map hasil
    record = "    catat: {jenis: verifikasi, aksi: catat, isian: {sop: kode}}\n"
    moved = text.replace(record, "").replace("    kegiatan: Memeriksa rancangan\n",
                                             "    kegiatan: Memeriksa rancangan\n" + record)
    problems = [found.render() for found in validate(load_sheet(moved)) if found.severity == "error"]
    assert len(problems) == 1 and "hasil" in problems[0], problems
    # a mapped hasil must be a text or Ya/Tidak field
    typed = text.replace("isian: {sop: kode}", "isian: {sop: kode, hasil: tanggal}")
    problems = [found.render() for found in validate(load_sheet(typed)) if found.severity == "error"]
    assert len(problems) == 1 and "tanggal" in problems[0], problems


VERIFY_SHEET = """\
alur: 1
sop:
  nomor: 001/SOP/V/2026
  nama: Verifikasi Mini
  unit: Dinas Contoh
  disahkan_oleh: {jabatan: Kepala Dinas, nama: Budi, nip: "19700512 199503 1 002"}
pelaksana: [Tim]
isian:
  - {nama: kode, jenis: teks, wajib: true, langkah: periksa}
  - {nama: tanggal, jenis: tanggal, wajib: true, langkah: periksa}
langkah:
  - {id: mulai, jenis: mulai, kegiatan: Menerima rancangan, pelaksana: Tim, waktu: 1 jam}
  - id: periksa
    kegiatan: Memeriksa rancangan
    pelaksana: Tim
    waktu: 1 jam
  - id: lolos
    jenis: keputusan
    kegiatan: Apakah rancangan lolos?
    pelaksana: Tim
    waktu: 1 jam
    ya: selesai
    tidak: periksa
    catat: {jenis: verifikasi, aksi: catat, isian: {sop: kode}}
  - {id: selesai, jenis: selesai, kegiatan: Selesai, pelaksana: Tim}
"""
