"""`alur check` refuses a syarat that reads undeclared names or mixes types, and bad field declarations."""

from __future__ import annotations

from pathlib import Path

import pytest

from engine.formats.sheet import load_sheet
from engine.sop.conditions.typecheck import check_condition_types
from engine.sop.fields import Field, FieldType
from engine.sop.model import Sop
from engine.sop.validate import validate
from tests.conftest import DATA

FIELDS = (
    Field("jumlah_hari", FieldType.INTEGER, required=True),
    Field("sisa_cuti", FieldType.INTEGER, required=True),
    Field("nilai", FieldType.MONEY, required=True),
    Field("luas", FieldType.DECIMAL),
    Field("tanggal_mulai", FieldType.DATE, required=True),
    Field("nama", FieldType.TEXT),
    Field("nik", FieldType.NIK),
    Field("jenis_cuti", FieldType.CHOICE, options=("Cuti Tahunan", "Cuti Sakit")),
    Field("mendesak", FieldType.YES_NO),
    Field("rincian", FieldType.TABLE, columns=(Field("jumlah", FieldType.INTEGER),)),
)


@pytest.mark.parametrize("condition", [
    "sisa_cuti >= jumlah_hari",
    "nilai <= 200000000 and luas > 2.5",
    "tanggal_mulai >= \"2026-01-01\"",
    "jenis_cuti == \"Cuti Sakit\" or mendesak",
    "jenis_cuti in [\"Cuti Tahunan\", \"Cuti Sakit\"]",
    "len(rincian) > 3 and rincian[0][\"jumlah\"] > 1",
    "nama != None and len(nama) > 2",
    "\"Siti\" in nama",
    "min(sisa_cuti, 12) - jumlah_hari >= 0",
    "mendesak == True",
    "nik[0] == \"3\"",
    "abs(sisa_cuti - jumlah_hari) < 3 if mendesak else sisa_cuti > jumlah_hari",
])
def test_conditions_whose_types_fit_pass(condition: str) -> None:
    assert check_condition_types(condition, FIELDS) == []


@pytest.mark.parametrize(("condition", "code", "words"), [
    ("sisa >= jumlah_hari", "condition_unknown_name_close", "'sisa'"),
    ("umur >= 17", "condition_unknown_name", "'umur'"),
    ("tanggal_mulai > 12", "condition_type_mismatch", "tanggal_mulai (tanggal) dan bilangan 12"),
    ("nama < 5", "condition_type_mismatch", "nama (teks)"),
    ("jumlah_hari == \"3\"", "condition_type_mismatch", "jumlah_hari (bilangan)"),
    ("tanggal_mulai >= \"1 Maret 2026\"", "condition_date_literal", "'1 Maret 2026'"),
    ("jenis_cuti == \"Cuti Tahunnan\"", "condition_not_an_option", "Cuti Tahunan, Cuti Sakit"),
    ("jenis_cuti in [\"Cuti Sakit\", \"Cuti Besar\"]", "condition_not_an_option", "'Cuti Besar'"),
    ("mendesak > False", "condition_cannot_order", "mendesak (ya/tidak)"),
    ("jumlah_hari in 12", "condition_in_needs_list", "bilangan 12"),
    ("tanggal_mulai + 3 > \"2026-01-01\"", "condition_date_arithmetic", "'+'"),
    ("nama - 1 > 0", "condition_bad_arithmetic", "'-'"),
    ("-nama == 1", "condition_sign_needs_number", "nama (teks)"),
    ("len(jumlah_hari) > 1", "condition_bad_argument", "len() butuh teks atau daftar"),
    ("jumlah_hari[0] == 1", "condition_bad_subscript", "jumlah_hari (bilangan)"),
    ("jumlah_hari in [\"1\", \"2\"]", "condition_type_mismatch", "'in'"),
])
def test_conditions_with_undeclared_names_or_types_that_do_not_fit_are_refused(
        condition: str, code: str, words: str) -> None:
    sop = Sop(fields=FIELDS)
    found = check_condition_types(condition, FIELDS)
    assert [problem.code for problem in found] == [code]
    from engine.errors import problem

    text = problem(found[0].code, condition=condition, **dict(found[0].params)).render()
    assert words in text and condition in text, text
    assert problem(found[0].code, condition=condition, **dict(found[0].params)).render("en") != text
    assert sop.fields == FIELDS


def _sheet(**changes: str) -> str:
    text = (DATA / "cuti_isian.yaml").read_text()
    for old, new in changes.items():
        assert old.replace("_", " ") in text or old in text
        text = text.replace(old, new)
    return text


def _errors(text: str) -> list[tuple[str, str]]:
    return [(p.code, p.element_id) for p in validate(load_sheet(text)) if p.severity == "error"]


def test_the_test_sheet_is_valid() -> None:
    assert _errors(_sheet()) == []


def test_check_names_the_condition_the_name_and_the_declared_fields() -> None:
    sop = load_sheet(_sheet(**{"syarat: sisa_cuti >= jumlah_hari": "syarat: sisa_hak >= jumlah_hari"}))
    found = [p for p in validate(sop) if p.code.startswith("condition_unknown_name")]
    assert [p.element_id for p in found] == ["cukup"]
    text = found[0].render()
    assert "'sisa_hak >= jumlah_hari'" in text and "'sisa_hak'" in text
    assert "jenis_cuti, jumlah_hari, nama_pegawai" in text and "tambahkan 'sisa_hak' di bawah 'isian'" in text
    assert "mungkin maksudnya 'sisa_cuti'?" in text
    far = load_sheet(_sheet(**{"syarat: sisa_cuti >= jumlah_hari": "syarat: umur >= jumlah_hari"}))
    assert [p.code for p in validate(far) if p.code.startswith("condition_unknown")] == ["condition_unknown_name"]


def test_a_syarat_in_an_sop_without_fields_is_refused() -> None:
    sop = load_sheet(_sheet())
    sop.fields = ()
    found = [p for p in validate(sop) if p.severity == "error"]
    assert [(p.code, p.element_id) for p in found] == [("condition_without_fields", "cukup")]
    assert "jumlah_hari, sisa_cuti" in found[0].render()


def test_a_field_asked_after_the_decision_cannot_decide_it() -> None:
    text = _sheet(**{"    langkah: periksa": "    langkah: surat"})
    assert ("condition_field_too_late", "cukup") in _errors(text)


def test_an_optional_field_read_by_a_syarat_is_a_warning() -> None:
    text = _sheet(**{"    jenis: bilangan\n    wajib: true\n    langkah: periksa": "    jenis: bilangan\n"
                                                                               "    langkah: periksa"})
    problems = validate(load_sheet(text))
    assert [(p.code, p.severity) for p in problems if p.code == "condition_reads_optional"] == [
        ("condition_reads_optional", "warning")]


@pytest.mark.parametrize(("old", "new", "expected"), [
    ("    langkah: periksa", "    langkah: tinjau", ("field_unknown_step", "sisa_cuti")),
    ("    langkah: periksa", "    langkah: cukup", ("field_step_not_worked", "sisa_cuti")),
    ("    diubah_pada: [sesuaikan]", "    diubah_pada: [ubah]", ("field_unknown_step", "jumlah_hari")),
    ("  - nama: nip_pegawai", "  - nama: nama_pegawai", ("field_duplicate_name", "nama_pegawai")),
    ("  - nama: nip_pegawai", "  - nama: NIP-pegawai", ("field_bad_name", "NIP-pegawai")),
    ("  - nama: nip_pegawai", "  - nama: keputusan", ("field_reserved_name", "keputusan")),
    ("    pilihan: [Cuti Tahunan, Cuti Sakit, Cuti Besar]", "", ("field_choice_without_options", "jenis_cuti")),
    ("    pilihan: [Cuti Tahunan, Cuti Sakit, Cuti Besar]", "    pilihan: [Cuti Sakit, Cuti Sakit]",
     ("field_bad_options", "jenis_cuti")),
    ("    jenis: nip\n", "    jenis: nip\n    pilihan: [a]\n", ("field_options_not_choice", "nip_pegawai")),
    ("    jenis: tabel\n    kolom:\n      - {nama: nama, label: Nama, jenis: teks, wajib: true}\n"
     "      - {nama: nip, label: NIP, jenis: nip}\n", "    jenis: tabel\n", ("field_table_without_columns", "pengganti")),
])
def test_bad_field_declarations_are_named(old: str, new: str, expected: tuple[str, str]) -> None:
    assert expected in _errors(_sheet(**{old: new}))


def test_a_document_mark_must_name_a_kelengkapan() -> None:
    sop = load_sheet(_sheet())
    sop.step("ajukan").documents.append("KTP-el")
    assert ("document_not_a_requirement", "ajukan") in [(p.code, p.element_id) for p in validate(sop)]


def test_alur_check_refuses_an_undeclared_name_and_a_type_mismatch(tmp_path: Path) -> None:
    from tests.engine.test_cli import run_cli

    undeclared = tmp_path / "tanpa_isian.yaml"
    undeclared.write_text(_sheet(**{"syarat: sisa_cuti >= jumlah_hari": "syarat: sisa_hak >= jumlah_hari"}))
    mismatch = tmp_path / "tanggal.yaml"
    mismatch.write_text(_sheet(**{"syarat: sisa_cuti >= jumlah_hari": "syarat: tanggal_mulai > 12"}))
    code, output = run_cli("check", str(undeclared), str(mismatch))
    assert code == 1
    lines = [line for line in output.splitlines() if line.startswith(str(tmp_path))]
    assert any("tanpa_isian.yaml: cukup" in line and "'sisa_hak'" in line for line in lines), output
    assert any("tanggal.yaml: cukup" in line and "tanggal_mulai (tanggal) dan bilangan 12" in line for line in lines)
    code, english = run_cli("check", str(mismatch), lang="en")
    assert code == 1 and "whose types do not fit" in english


def test_a_syarat_is_decided_from_declared_typed_fields() -> None:
    from engine.formats.files import load_file
    from engine.sop.conditions.language import evaluate_condition
    from engine.sop.values import condition_data, validate_case_data

    sop = load_file("processes/permohonan-cuti-pegawai.bpmn").sop
    started, problems = validate_case_data(sop, "start", {
        "nama_pegawai": "Siti Aminah, S.E.", "nip_pegawai": "19850317 201001 2 004", "jabatan_pegawai": "Analis",
        "unit_kerja": "Bagian Umum", "jenis_cuti": "cuti tahunan", "alasan_cuti": "Keperluan keluarga",
        "tanggal_mulai": "3 Maret 2026", "jumlah_hari": "5", "alamat_selama_cuti": "Jl. Melati 3, Sukamaju",
        "telepon_pegawai": "0812 3456 7890"})
    assert problems == [] and started["jenis_cuti"] == "Cuti Tahunan"
    decision = next(step for step in sop.steps if step.condition)
    for remaining, expected in (("12", True), ("4", False)):
        counted, problems = validate_case_data(sop, "periksa_sisa", {"sisa_cuti": remaining})
        assert problems == []
        assert evaluate_condition(decision.condition, condition_data({**started, **counted})) is expected
    _, problems = validate_case_data(sop, "periksa_sisa", {"sisa_cuti": "dua belas"})
    assert [(p.element_id, p.code) for p in problems] == [("sisa_cuti", "value_not_integer")]
