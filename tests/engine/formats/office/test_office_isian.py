"""Case data in office files made by hand: an ISIAN sheet in other wording, "(dokumen)" marks, the
registration pattern row, and the cells that cannot be read reported by row and column."""

from __future__ import annotations

import io

import openpyxl

from engine.formats.files import load_bytes
from engine.formats.office import dump_office, read_office
from engine.formats.sheet import sheet_mapping
from engine.sop.fields import START, FieldType
from tests.engine.formats.office import make_fixtures as fx

ISIAN = [
    ("Nama Isian", "Label", "Label (Inggris)", "Tipe", "Wajib diisi", "Data pribadi", "Diisi pada", "Pilihan"),
    ("nama_unit", "Unit pengusul", "Proposing unit", "teks", "V", "", "mulai", None),
    ("nik_pengusul", "NIK pengusul", None, "NIK", "ya", "ya", None, None),
    ("sifat", "Sifat usulan", "Nature", "pilihan", "x", "-", "2", "Biasa; Segera\nSangat segera"),
    ("rincian", "Rincian", None, "tabel", "tidak", None, "1", None),
    ("rincian.uraian", "Uraian", "Item", "teks", "ya", None, None, None),
    ("rincian.jumlah", "Jumlah", None, "bilangan", None, None, None, None),
    (None, None, None, None, None, None, None, None),
    ("catatan", None, None, "teks panjang", None, None, "langkah_3", None),
]


def _workbook(isian: list[tuple[str | None, ...]]) -> bytes:
    book = openpyxl.load_workbook(io.BytesIO(fx.marks_xlsx()))
    ws = book.active
    assert ws is not None
    ws["B9"], ws["C9"], ws["D9"] = "Pola Nomor Registrasi", ":", "ORG/{urut:03d}/{tahun}"
    where = {ws.cell(row, 2).value: row for row in range(1, ws.max_row + 1)}
    ws.cell(where["Menerima usulan penyusunan SOP dari unit kerja"], 6).value = "1. Surat usulan (dokumen)\n2. Draf SOP"
    ws.cell(where["Menyetujui dan menandatangani SOP"], 8).value = "SOP ditetapkan (Dokumen)"
    sheet = book.create_sheet("Isian Kasus")
    sheet["A1"] = "ISIAN KASUS"
    for row, values in enumerate(isian, 3):
        for col, value in enumerate(values, 1):
            sheet.cell(row, col, value)
    buffer = io.BytesIO()
    book.save(buffer)
    return buffer.getvalue()


def test_hand_made_isian_sheet_marks_and_pattern_are_read() -> None:
    (found,) = read_office(_workbook(ISIAN), "tangan.xlsx")
    assert found.problems == []
    sop = found.sop
    assert sop.identity.pola_nomor_registrasi == "ORG/{urut:03d}/{tahun}"
    first, last = sop.steps[0], sop.steps[-1]
    assert first.requirements == ["Surat usulan", "Draf SOP"] and first.documents == ["Surat usulan"]
    assert last.output == "SOP ditetapkan" and last.output_document
    by_name = {item.name: item for item in sop.fields}
    assert list(by_name) == ["nama_unit", "nik_pengusul", "sifat", "rincian", "catatan"]
    assert by_name["nama_unit"].required and by_name["nama_unit"].label_en == "Proposing unit"
    assert by_name["nama_unit"].step == START
    assert by_name["nik_pengusul"].type is FieldType.NIK and by_name["nik_pengusul"].personal
    assert by_name["sifat"].options == ("Biasa", "Segera", "Sangat segera") and by_name["sifat"].step == "langkah_2"
    assert [(part.name, part.type, part.required) for part in by_name["rincian"].columns] == [
        ("uraian", FieldType.TEXT, True), ("jumlah", FieldType.INTEGER, False)]
    assert by_name["rincian"].step == "langkah_1"
    assert by_name["catatan"].type is FieldType.LONG_TEXT and by_name["catatan"].step == "langkah_3"
    # The SOP it gives passes the model checks, and survives being written and read again.
    loaded = load_bytes(_workbook(ISIAN), "tangan.xlsx")
    assert [p for p in loaded.notices if p.severity == "error"] == []
    for suffix in ("xlsx", "docx"):
        again = load_bytes(dump_office(loaded.sop, f"x.{suffix}"), f"x.{suffix}")
        assert sheet_mapping(again.sop) == sheet_mapping(loaded.sop)


def test_unreadable_isian_cells_are_reported_by_cell() -> None:
    broken = [ISIAN[0],
              ("nama_unit", "Unit", None, "warna", "mungkin", None, "9", None),
              ("lepas.kolom", "Kolom", None, "teks", None, None, None, None),
              (None, "Label tanpa nama", None, "teks", None, None, None, None)]
    (found,) = read_office(_workbook(broken), "rusak.xlsx")
    rendered = {p.code: p.render("en") for p in found.problems}
    assert set(rendered) == {"office_bad_field_type", "office_bad_field_flag", "office_bad_field_step",
                             "office_field_no_table", "office_field_no_name"}
    assert "D4" in rendered["office_bad_field_type"] and "warna" in rendered["office_bad_field_type"]
    assert "E4" in rendered["office_bad_field_flag"] and "mungkin" in rendered["office_bad_field_flag"]
    assert "G4" in rendered["office_bad_field_step"]
    assert "A5" in rendered["office_field_no_table"] and "A6" in rendered["office_field_no_name"]
    assert "bilangan" in rendered["office_bad_field_type"]
    assert "cell" in found.problems[0].render("en") and "sel" in found.problems[0].render("id")


def test_export_writes_the_isian_sheet_the_heading_and_the_marks() -> None:
    import zipfile

    sop = load_bytes(_workbook(ISIAN), "tangan.xlsx").sop
    book = openpyxl.load_workbook(io.BytesIO(dump_office(sop, "x.xlsx")))
    assert book.sheetnames == ["Identitas", "Bagan Alir", "ISIAN"]
    sheet = book["ISIAN"]
    assert [cell.value for cell in sheet[1]] == ["NAMA", "LABEL", "LABEL (EN)", "JENIS", "WAJIB", "PRIBADI",
                                                 "LANGKAH", "DIUBAH PADA", "PILIHAN", "CATAT"]
    assert [cell.value for cell in sheet[6]][:4] == ["rincian.uraian", "Uraian", "Item", "teks"]
    identity = [cell.value for row in book["Identitas"].iter_rows() for cell in row]
    assert "POLA NOMOR REGISTRASI" in identity and "ORG/{urut:03d}/{tahun}" in identity
    table = [cell.value for row in book["Bagan Alir"].iter_rows() for cell in row]
    assert "1. Surat usulan (dokumen)\n2. Draf SOP" in table and "SOP ditetapkan (dokumen)" in table
    document = zipfile.ZipFile(io.BytesIO(dump_office(sop, "x.docx"))).read("word/document.xml").decode()
    assert document.index("ISIAN KASUS") > document.index("KETERANGAN") and "rincian.jumlah" in document
    # Several SOPs in one workbook: the case fields under each table, headed "ISIAN KASUS".
    several = openpyxl.load_workbook(io.BytesIO(dump_office([sop, sop], "x.xlsx")))
    assert len(several.sheetnames) == 2
    assert "ISIAN KASUS" in [cell.value for row in several.worksheets[0].iter_rows() for cell in row]
    assert [item.sop.fields for item in read_office(dump_office([sop, sop], "x.xlsx"), "x.xlsx")] == [sop.fields] * 2
