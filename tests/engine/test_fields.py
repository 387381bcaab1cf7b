"""Case fields: typed values from what clerks type, and the check of a whole step's data."""

from __future__ import annotations

import datetime as dt

import pytest

from engine.errors import DataError
from engine.sop.fields import START, Field, FieldType
from engine.sop.model import Sop, Step, StepKind
from engine.sop.values import condition_data, parse_field_value, validate_case_data


@pytest.mark.parametrize(("kind", "raw", "expected"), [
    (FieldType.MONEY, "Rp 1.500.000", 1_500_000),
    (FieldType.MONEY, "Rp1.500.000,00", 1_500_000),
    (FieldType.MONEY, "IDR 250000", 250_000),
    (FieldType.MONEY, 75_000, 75_000),
    (FieldType.DECIMAL, "2,5", 2.5),
    (FieldType.DECIMAL, "1.234,75", 1234.75),
    (FieldType.DECIMAL, "0.5", 0.5),
    (FieldType.INTEGER, "12", 12),
    (FieldType.INTEGER, "1.500", 1500),
    (FieldType.INTEGER, 3, 3),
    (FieldType.DATE, "2025-03-03", dt.date(2025, 3, 3)),
    (FieldType.DATE, "3 Maret 2025", dt.date(2025, 3, 3)),
    (FieldType.DATE, "Senin, 17 Agustus 2026", dt.date(2026, 8, 17)),
    (FieldType.DATE, "03/03/2025", dt.date(2025, 3, 3)),
    (FieldType.DATE, "1 Des 2025", dt.date(2025, 12, 1)),
    (FieldType.YES_NO, "ya", True),
    (FieldType.YES_NO, "Tidak", False),
    (FieldType.YES_NO, False, False),
    (FieldType.NIK, "3201 0112 0598 0001", "3201011205980001"),
    (FieldType.NIK, "3201015205980001", "3201015205980001"),  # a woman: day + 40
    (FieldType.NIP, "19700512 199503 1 002", "197005121995031002"),
    (FieldType.PHONE, "0812-3456-7890", "+6281234567890"),
    (FieldType.PHONE, "+62 274 512345", "+62274512345"),
    (FieldType.EMAIL, "Siti@Contoh.GO.ID", "Siti@contoh.go.id"),
    (FieldType.TEXT, "  Siti   Aminah ", "Siti Aminah"),
    (FieldType.LONG_TEXT, "Jl. Melati 3\r\nRT 02/RW 05", "Jl. Melati 3\nRT 02/RW 05"),
])
def test_typed_values_from_what_people_type(kind: FieldType, raw: object, expected: object) -> None:
    assert parse_field_value(Field("isian", kind), raw) == expected


@pytest.mark.parametrize(("kind", "raw", "code", "words"), [
    (FieldType.NIK, "32010112059800", "value_not_nik", "16 angka (tertulis 14 angka)"),
    (FieldType.NIK, "3201013405980001", "value_nik_birth", "tanggal lahir"),
    (FieldType.NIP, "1970051219950310", "value_not_nip", "18 angka"),
    (FieldType.NIP, "197013121995031002", "value_nip_parts", "NIP tidak sah"),
    (FieldType.DATE, "31 Februari 2025", "value_not_date", "3 Maret 2025"),
    (FieldType.DATE, "besok", "value_not_date", "bukan tanggal"),
    (FieldType.MONEY, "Rp 1,5 juta", "value_not_money", "Rp 1.500.000"),
    (FieldType.MONEY, "-5000", "value_money_negative", "negatif"),
    (FieldType.INTEGER, "2,5", "value_not_integer", "bilangan bulat"),
    (FieldType.INTEGER, "9" * 20, "value_too_large", "terlalu besar"),
    (FieldType.INTEGER, True, "value_wrong_type", "bilangan bulat"),
    (FieldType.DECIMAL, "dua", "value_not_decimal", "bukan bilangan"),
    (FieldType.PHONE, "12345", "value_not_phone", "telepon"),
    (FieldType.EMAIL, "siti@", "value_not_email", "email"),
    (FieldType.YES_NO, "mungkin", "value_not_yes_no", "'ya' atau 'tidak'"),
    (FieldType.TEXT, "x" * 201, "value_too_long", "batas 200"),
    (FieldType.LONG_TEXT, "x" * 4001, "value_too_long", "batas 4000"),
    (FieldType.TEXT, "nama\x00", "value_control_characters", "karakter kendali"),
    (FieldType.TEXT, {"a": 1}, "value_wrong_type", "teks"),
])
def test_bad_values_are_refused_naming_the_field(kind: FieldType, raw: object, code: str, words: str) -> None:
    item = Field("isian_x", kind, label_id="Isian X", label_en="Field X")
    with pytest.raises(DataError) as refused:
        parse_field_value(item, raw)
    assert refused.value.field == "isian_x"
    assert refused.value.code == code
    assert refused.value.message.startswith("Isian X") and words in refused.value.message
    assert refused.value.render("en") != refused.value.message  # English text from the catalogue


def test_a_huge_value_is_refused_before_it_is_parsed() -> None:
    with pytest.raises(DataError) as refused:
        parse_field_value(Field("nilai", FieldType.MONEY), "1" * 1_000_000)
    assert refused.value.code == "value_too_long"


def test_choice_takes_one_of_the_options_in_their_spelling() -> None:
    item = Field("jenis_cuti", FieldType.CHOICE, options=("Cuti Tahunan", "Cuti Sakit"))
    assert parse_field_value(item, "cuti sakit") == "Cuti Sakit"
    with pytest.raises(DataError) as refused:
        parse_field_value(item, "Cuti Besar")
    assert "Cuti Tahunan, Cuti Sakit" in refused.value.message


def test_table_rows_are_parsed_by_column_and_a_bad_cell_is_named() -> None:
    item = Field("rincian", FieldType.TABLE, label_id="Rincian barang", columns=(
        Field("barang", FieldType.TEXT, required=True), Field("jumlah", FieldType.INTEGER),
        Field("harga", FieldType.MONEY)))
    rows = parse_field_value(item, [{"barang": "Kertas A4", "jumlah": "10", "harga": "Rp 55.000"}, {"barang": "Map"}])
    assert rows == [{"barang": "Kertas A4", "jumlah": 10, "harga": 55_000}, {"barang": "Map"}]
    with pytest.raises(DataError) as refused:
        parse_field_value(item, [{"barang": "Map"}, {"barang": "Tinta", "jumlah": "dua"}])
    assert "baris 2, kolom jumlah" in refused.value.message
    with pytest.raises(DataError) as unknown:
        parse_field_value(item, [{"barang": "Map", "warna": "biru"}])
    assert "'warna'" in unknown.value.message
    with pytest.raises(DataError) as missing:
        parse_field_value(item, [{"jumlah": 1}])
    assert "barang wajib diisi" in missing.value.message
    with pytest.raises(DataError) as too_many:
        parse_field_value(item, [{"barang": "x"}] * 201)
    assert too_many.value.code == "value_too_many_rows"


def _cuti() -> Sop:
    return Sop(actors=["Pegawai", "Analis"], steps=[
        Step("ajukan", StepKind.START, "Mengajukan", "Pegawai", next=["periksa"]),
        Step("periksa", StepKind.ACTIVITY, "Memeriksa", "Analis", duration="1 hari", next=["selesai"]),
        Step("selesai", StepKind.END, "Selesai", "Analis"),
    ], fields=(
        Field("nama_pemohon", FieldType.TEXT, "Nama pemohon", required=True, personal=True),
        Field("tanggal_mulai", FieldType.DATE, "Tanggal mulai cuti", required=True),
        Field("jumlah_hari", FieldType.INTEGER, "Jumlah hari cuti", required=True, revised_at=("periksa",)),
        Field("catatan_pemohon", FieldType.LONG_TEXT),
        Field("sisa_cuti", FieldType.INTEGER, "Sisa cuti", required=True, step="periksa"),
    ))


def test_a_step_gets_typed_values_for_the_fields_it_asks() -> None:
    values, problems = validate_case_data(_cuti(), START, {
        "nama_pemohon": "Siti Aminah", "tanggal_mulai": "3 Maret 2025", "jumlah_hari": "3", "catatan_pemohon": ""})
    assert problems == []
    assert values == {"nama_pemohon": "Siti Aminah", "tanggal_mulai": dt.date(2025, 3, 3), "jumlah_hari": 3}
    assert condition_data(values)["tanggal_mulai"] == "2025-03-03"
    same, _ = validate_case_data(_cuti(), "ajukan", {"nama_pemohon": "Siti", "tanggal_mulai": "2025-03-03",
                                                     "jumlah_hari": 3})
    assert same["jumlah_hari"] == 3
    later, problems = validate_case_data(_cuti(), "periksa", {"sisa_cuti": "12", "jumlah_hari": "2"})
    assert problems == [] and later == {"sisa_cuti": 12, "jumlah_hari": 2}


def test_every_wrong_field_of_a_step_is_named_at_once() -> None:
    values, problems = validate_case_data(_cuti(), START, {
        "tanggal_mulai": "kemarin", "jumlah_hari": "tiga", "sisa_cuti": "12", "nama pemohon": "Siti"})
    found = {(p.element_id, p.code) for p in problems}
    assert found == {("nama_pemohon", "field_required"), ("tanggal_mulai", "value_not_date"),
                     ("jumlah_hari", "value_not_integer"), ("sisa_cuti", "field_not_asked"),
                     ("nama pemohon", "field_not_asked")}
    assert "Nama pemohon wajib diisi" in next(p.render() for p in problems if p.code == "field_required")
    asked = next(p for p in problems if p.element_id == "sisa_cuti").render("en")
    assert "not asked at step 'start'" in asked and "jumlah_hari" in asked
    assert values == {}


def test_a_value_revised_later_is_not_required_again() -> None:
    values, problems = validate_case_data(_cuti(), "periksa", {"sisa_cuti": 12})
    assert problems == [] and values == {"sisa_cuti": 12}


def test_case_data_must_be_a_mapping() -> None:
    assert [p.code for p in validate_case_data(_cuti(), START, ["x"])[1]] == ["case_data_not_mapping"]
