"""Office files: the official SOP table read from .xlsx/.docx (marks and drawn flowcharts), written back,
round-tripped, refused when hostile, and imported in bulk. Fixtures come from ``make_fixtures.py``."""

from __future__ import annotations

import copy
import io
from pathlib import Path
from typing import Any

import openpyxl
import pytest
import yaml
from click.testing import CliRunner

from engine.cli.main import main
from engine.errors import InputError
from engine.formats.files import load_bytes, load_file
from engine.formats.office import dump_office, read_office
from engine.formats.sheet import load_sheet, sheet_mapping
from engine.formats.spreadsheet import neutralise, restore
from engine.sop.model import Sop
from tests.engine.formats.office import make_fixtures as fx
from tests.engine.formats.office.make_others import grouped_docx, other_wording_xlsx
from tests.engine.formats.office.make_hostile import hostile

ROOT = Path(__file__).resolve().parents[4]
EXPECTED = """
alur: 1
process_id: Proses_sop_001_sop_org_2025
sop:
  nomor: 001/SOP/ORG/2025
  nama: Penyusunan SOP Unit Kerja
  pemerintah: PEMERINTAH KABUPATEN SUKAMAJU
  unit: SEKRETARIAT DAERAH BAGIAN ORGANISASI
  tanggal_pembuatan: 2025-03-03
  tanggal_revisi: ''
  tanggal_efektif: 2025-03-10
  disahkan_oleh: {jabatan: Kepala Bagian Organisasi, nama: 'Drs. Budi Santoso, M.Si.', nip: 19700101 199001 1 001}
  dasar_hukum: [Undang-Undang Nomor 23 Tahun 2014, Permendagri Nomor 52 Tahun 2011]
  kualifikasi_pelaksana: [Memahami tata naskah dinas, Mampu mengoperasikan komputer]
  keterkaitan: [SOP Tata Naskah Dinas]
  peralatan_perlengkapan: [Komputer, Printer]
  peringatan: ['Jika SOP tidak dilaksanakan, penetapan SOP terlambat']
  pencatatan_pendataan: []
pelaksana: [Pengadministrasi Umum, Kepala Subbagian Umum, Kepala Bagian Organisasi]
langkah:
  - {id: langkah_1, jenis: mulai, kegiatan: Menerima usulan penyusunan SOP dari unit kerja,
     pelaksana: Pengadministrasi Umum, kelengkapan: [Surat usulan, Draf SOP], waktu: 15 menit,
     output: Usulan diterima}
  - {id: langkah_2, jenis: kegiatan, kegiatan: Memeriksa kelengkapan usulan, pelaksana: Kepala Subbagian Umum,
     kelengkapan: [Usulan], waktu: 1 jam, output: Hasil pemeriksaan}
  - {id: langkah_3, jenis: keputusan, kegiatan: 'Apakah usulan lengkap?', pelaksana: Kepala Subbagian Umum,
     kelengkapan: [Hasil pemeriksaan], waktu: 10 menit, output: Keputusan, keterangan: 'Ya: ke 5; Tidak: ke 4',
     ya: langkah_5, tidak: langkah_4}
  - {id: langkah_4, jenis: kegiatan, kegiatan: Mengembalikan usulan untuk dilengkapi, pelaksana: Pengadministrasi Umum,
     kelengkapan: [Catatan kekurangan], waktu: 30 menit, output: Usulan dikembalikan, keterangan: kembali ke 2,
     lanjut: langkah_2}
  - {id: langkah_5, jenis: selesai, kegiatan: Menyetujui dan menandatangani SOP, pelaksana: Kepala Bagian Organisasi,
     kelengkapan: [Draf SOP final], waktu: 1 hari, output: SOP ditetapkan}
"""


def expected(drawn: bool = False, word: bool = False) -> dict[str, Any]:
    """The SOP every fixture holds; drawn fixtures leave KETERANGAN empty, Word ones have no unit line."""
    mapping = sheet_mapping(load_sheet(EXPECTED))
    if drawn:
        for row in mapping["langkah"]:
            row.pop("keterangan", None)
    if word:
        mapping["sop"]["unit"] = ""
    return mapping


FIXTURES = {
    "marks.xlsx": (fx.marks_xlsx, expected()),
    "identity-sheet.xlsx": (fx.identity_sheet_xlsx, expected()),
    "drawn-glued.xlsx": (lambda: fx.drawn_xlsx(True), expected(drawn=True)),
    "drawn-unglued.xlsx": (lambda: fx.drawn_xlsx(False), expected(drawn=True)),
    "drawn.docx": (fx.drawn_docx, expected(drawn=True, word=True)),
    "drawn-vml.docx": (lambda: fx.drawn_docx(vml=True), expected(drawn=True, word=True)),
    "grouped.docx": (grouped_docx, expected(drawn=True, word=True)),
}


def run(*args: str) -> Any:
    return CliRunner().invoke(main, ["--lang", "en", *args])


def mapping_of(path: Path, process: str = "") -> dict[str, Any]:
    loaded = load_file(path, process)
    assert [p for p in loaded.notices if p.severity == "error"] == []
    return sheet_mapping(loaded.sop)


@pytest.mark.parametrize("name", sorted(FIXTURES))
def test_fixture_is_converted_checked_rendered_and_read_back(name: str, tmp_path: Path) -> None:
    make, want = FIXTURES[name]
    source = tmp_path / name
    source.write_bytes(make())
    result = run("convert", str(source), "-o", str(tmp_path / "sop.yaml"))
    assert result.exit_code == 0, result.output
    assert sheet_mapping(load_file(tmp_path / "sop.yaml").sop) == want
    assert run("check", str(source)).exit_code == 0
    assert run("convert", str(source), "-o", str(tmp_path / "sop.bpmn")).exit_code == 0
    for suffix in ("xlsx", "docx"):
        out = tmp_path / f"rendered.{suffix}"
        result = run("render", str(tmp_path / "sop.yaml"), "-o", str(out))
        assert result.exit_code == 0, result.output
        assert mapping_of(out) == want
        drawing = "xl/drawings/drawing" if suffix == "xlsx" else "word/document.xml"
        archive = __import__("zipfile").ZipFile(out)
        body = b"".join(archive.read(n) for n in archive.namelist() if n.startswith(drawing))
        assert b"flowChartDecision" in body and (b"cxnSp" in body or b"cNvCnPr" in body)


def _samples() -> list[Path]:
    return sorted((ROOT / "processes").glob("*.bpmn")) + sorted((ROOT / "tests" / "data").glob("*.yaml"))


def _table_part(mapping: dict[str, Any]) -> dict[str, Any]:
    """What the official table holds: everything but conditions (syarat), routing rules (penugasan) and
    events (tunggu, batas, akhir: KETERANGAN prints them as words), which have no column (step records,
    catat, are the ISIAN table's CATAT column)."""
    result = copy.deepcopy(mapping)
    result.pop("penugasan", None)
    for row in result["langkah"]:
        for key in ("syarat", "tunggu", "batas", "akhir", "kode_galat"):
            row.pop(key, None)
    return result


@pytest.mark.parametrize("sample", _samples(), ids=lambda p: p.name)
@pytest.mark.parametrize("suffix", ["xlsx", "docx"])
def test_round_trip_is_lossless_for_what_the_table_holds(sample: Path, suffix: str) -> None:
    original = load_file(sample).sop
    structured = [step.id for step in original.steps if not step.structure.plain]
    if structured:  # a row done by every unit, a call, a sub-process: refused by name, no table loses them
        with pytest.raises(InputError) as refused:
            dump_office(original, f"x.{suffix}")
        assert refused.value.code == "st_office_structured" and structured[0] in str(refused.value)
        return
    first = load_bytes(dump_office(original, f"x.{suffix}"), f"x.{suffix}")
    second = load_bytes(dump_office(first.sop, f"y.{suffix}"), f"y.{suffix}")
    assert [p for p in first.notices + second.notices if p.severity == "error"] == []
    assert sheet_mapping(second.sop) == sheet_mapping(first.sop)
    assert sheet_mapping(first.sop) == _table_part(sheet_mapping(original))


def test_what_cannot_be_read_is_reported_by_row_and_column(tmp_path: Path) -> None:
    book = openpyxl.load_workbook(io.BytesIO(fx.marks_xlsx()))
    ws = book.active
    assert ws is not None
    ws["D4"] = "32 Maret 2025"  # Tanggal Efektif
    where = {ws.cell(row, 2).value: row for row in range(1, ws.max_row + 1)}
    row_2 = where["Memeriksa kelengkapan usulan"]
    row_3 = where["Apakah usulan lengkap?"]
    for col in range(3, 6):
        ws.cell(row_2, col).value = None  # no actor
    ws.cell(row_3, 9).value = "Tidak: ke 4"  # only one target
    buffer = io.BytesIO()
    book.save(buffer)
    source = tmp_path / "broken.xlsx"
    source.write_bytes(buffer.getvalue())
    (found,) = read_office(source.read_bytes(), source.name)
    by_code = {p.code: p for p in found.problems}
    assert set(by_code) == {"office_bad_date", "office_no_actor", "office_decision_one_target"}
    assert "D4" in by_code["office_bad_date"].render("en") and "32 Maret 2025" in by_code["office_bad_date"].render()
    assert f"row {row_2}" in by_code["office_no_actor"].render("en")
    assert by_code["office_no_actor"].element_id == "langkah_2"
    assert f"I{row_3}" in by_code["office_decision_one_target"].render("en")
    assert "Ya" in by_code["office_decision_one_target"].render("en")
    result = run("convert", str(source), "-o", str(tmp_path / "out.yaml"))
    assert result.exit_code == 1
    assert not (tmp_path / "out.yaml").exists()


def test_unlabelled_decision_arrows_are_reported(tmp_path: Path) -> None:
    data = fx.drawn_xlsx(True)
    import zipfile

    source = zipfile.ZipFile(io.BytesIO(data))
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w") as target:
        for name in source.namelist():
            body = source.read(name)
            if name.startswith("xl/drawings/"):
                body = body.replace(b"<a:t>Ya</a:t>", b"<a:t>Catatan</a:t>").replace(b"<a:t>Tidak</a:t>", b"")
            target.writestr(name, body)
    (found,) = read_office(out.getvalue(), "x.xlsx")
    assert [p.code for p in found.problems] == ["office_decision_unlabelled"]
    assert found.sop.steps[2].yes == "" and found.sop.steps[2].no == ""


def test_several_sops_in_one_workbook(tmp_path: Path) -> None:
    source = tmp_path / "several.xlsx"
    source.write_bytes(fx.several_xlsx())
    result = run("convert", str(source), "-o", str(tmp_path / "one.yaml"))
    assert result.exit_code == 2 and "SOP 1, SOP 2, SOP 3" in result.output
    assert not (tmp_path / "one.yaml").exists()
    assert run("convert", str(source), "--proses", "SOP 2", "-o", str(tmp_path / "two.yaml")).exit_code == 0
    two = load_file(tmp_path / "two.yaml").sop
    assert (two.identity.nama, two.identity.nomor, two.steps[-1].duration) == ("Layanan Nomor 2", "002/SOP/ORG/2025",
                                                                                 "2 hari")
    result = run("import", str(source), "-o", str(tmp_path / "all"))
    assert result.exit_code == 0, result.output
    assert sorted(p.name for p in (tmp_path / "all").iterdir()) == ["several-sop_1.yaml", "several-sop_2.yaml",
                                                                   "several-sop_3.yaml"]
    # Written back as one workbook, one sheet per SOP, and read again.
    sops = [load_file(p).sop for p in sorted((tmp_path / "all").iterdir())]
    again = read_office(dump_office(sops, "book.xlsx"), "book.xlsx")
    assert [sheet_mapping(item.sop) for item in again] == [sheet_mapping(sop) for sop in sops]


HOSTILE = {
    "bomb.xlsx": "zip bomb", "huge.xlsx": "too large", "linked.xlsx": "links to outside", "macro.xlsx": "macros",
    "macro.xlsm": "macros", "protected.xlsx": "password", "legacy.xls": "old .xls", "legacy.doc": "old .doc",
    "corrupt.xlsx": "damaged", "plain-zip.xlsx": "is missing", "garbled-drawing.xlsx": "damaged", "scan.pdf": "PDF", "renamed-pdf.docx": "PDF",
}


@pytest.fixture(scope="module")
def hostile_files() -> dict[str, bytes]:
    return hostile()


@pytest.mark.parametrize("name", sorted(HOSTILE))
def test_hostile_files_are_refused_with_one_line_and_nothing_written(name: str, hostile_files: dict[str, bytes],
                                                                    tmp_path: Path) -> None:
    source = tmp_path / name
    source.write_bytes(hostile_files[name])
    for command in (["convert", str(source), "-o", str(tmp_path / "out.yaml")], ["check", str(source)]):
        result = CliRunner().invoke(main, ["--lang", "en", *command])
        assert result.exit_code == 2, result.output
        first = result.output.splitlines()[0]
        assert HOSTILE[name] in first and "Traceback" not in result.output
    assert not (tmp_path / "out.yaml").exists()
    if name.startswith("legacy"):
        assert "LibreOffice" in result.output


def test_exports_neutralise_formulas() -> None:
    sop = load_sheet(EXPECTED)
    sop.steps[1].activity = "=HYPERLINK(\"http://x\",\"klik\")"
    sop.steps[1].output = "+62 812"
    sop.steps[1].remarks = "@SUM(A1)"
    sop.identity.nama = "-1 hari"
    data = dump_office(sop, "x.xlsx")
    book = openpyxl.load_workbook(io.BytesIO(data))
    values = [str(cell.value) for ws in book.worksheets for row in ws.iter_rows() for cell in row if cell.value]
    assert not [v for v in values if v[:1] in "=+@" or (v.startswith("-") and v != "-")]
    assert "'=HYPERLINK(\"http://x\",\"klik\")" in values
    again = load_bytes(data, "x.xlsx").sop
    assert (again.steps[1].activity, again.steps[1].output, again.steps[1].remarks, again.identity.nama) == (
        sop.steps[1].activity, "+62 812", "@SUM(A1)", "-1 hari")


@pytest.mark.parametrize("text", ["=1+1", "+1", "-1", "@x", "\tx", "\rx", "'=x", "biasa", "-", ""])
def test_neutralise_round_trips(text: str) -> None:
    safe = neutralise(text)
    number = text in ("+1", "-1")  # a plain number is no formula: it stays as it is
    assert number or not (safe[:1] in ("=", "+", "@", "\t", "\r") or (safe.startswith("-") and safe != "-"))
    assert restore(safe) == text


def test_bulk_import_of_generated_office_sops(tmp_path: Path, hostile_files: dict[str, bytes]) -> None:
    folder = tmp_path / "masuk"
    folder.mkdir()
    for seed in range(1, 23):
        (folder / f"sop-{seed:02d}.xlsx").write_bytes(fx.generated_xlsx(seed))
    (folder / "gambar.docx").write_bytes(fx.drawn_docx())
    (folder / "vml.docx").write_bytes(fx.drawn_docx(vml=True))
    (folder / "kembali.xlsx").write_bytes(fx.drawn_xlsx(False))
    for name in ("macro.xlsm", "scan.pdf", "legacy.xls"):
        (folder / name).write_bytes(hostile_files[name])
    book = openpyxl.load_workbook(io.BytesIO(fx.generated_xlsx(3)))
    ws = book.active
    assert ws is not None
    for row in ws.iter_rows():
        for cell in row:
            if cell.value in fx.MARKS:
                cell.value = None
    buffer = io.BytesIO()
    book.save(buffer)
    (folder / "tanpa-tanda.xlsx").write_bytes(buffer.getvalue())
    result = run("import", str(folder), "-o", str(tmp_path / "keluar"))
    print(result.output)
    assert result.exit_code == 2
    summary = [line for line in result.output.splitlines() if line.startswith("29 files")]
    assert summary == ["29 files, 29 SOPs: 25 imported, 0 with warnings, 4 refused."]
    assert "  refused for table content to fix: 1" in result.output
    assert "  refused for macros: 1" in result.output and "  refused for PDF: 1" in result.output
    written = sorted((tmp_path / "keluar").iterdir())
    assert len(written) == 25
    assert not any("tanpa" in p.name or "macro" in p.name for p in written)
    assert sheet_mapping(load_file(tmp_path / "keluar" / "gambar.yaml").sop) == expected(drawn=True, word=True)


def test_another_pemda_wording_is_read(tmp_path: Path) -> None:
    source = tmp_path / "lain.xlsx"
    source.write_bytes(other_wording_xlsx())
    result = run("convert", str(source), "-o", str(tmp_path / "lain.yaml"))
    assert result.exit_code == 0, result.output
    sop = load_file(tmp_path / "lain.yaml").sop
    identity = sop.identity
    assert (identity.nomor, identity.nama, identity.unit) == ("470/12/DISDUK/2024", "Penerbitan Kartu Keluarga",
                                                              "DINAS KEPENDUDUKAN DAN PENCATATAN SIPIL")
    assert (str(identity.tanggal_pembuatan), identity.tanggal_revisi, str(identity.tanggal_efektif)) == (
        "2024-01-02", None, "2024-02-01")
    assert (identity.disahkan_oleh.jabatan, identity.disahkan_oleh.nama, identity.disahkan_oleh.nip) == (
        "KEPALA DINAS", "Ir. SITI AMINAH", "19750202 200003 2 001")
    assert sop.actors == ["Pemohon", "Petugas Loket", "Kasi Pelayanan"]
    assert [(s.kind.value, s.actor, s.requirements, s.duration) for s in sop.steps] == [
        ("start", "Pemohon", ["Formulir F-1.01", "KTP"], "5 Menit"),
        ("activity", "Petugas Loket", ["Berkas"], "10 Menit"),
        ("decision", "Petugas Loket", [], "5 menit"),
        ("end", "Kasi Pelayanan", ["Draft KK"], "1 hari")]
    assert (sop.steps[2].yes, sop.steps[2].no) == ("langkah_4", "langkah_2")


def test_word_shape_placed_from_the_page_edge_lands_in_its_cell() -> None:
    import zipfile

    archive = zipfile.ZipFile(io.BytesIO(fx.drawn_docx()))
    document = archive.read("word/document.xml").decode()
    cell_relative = '<wp:positionH relativeFrom="column"><wp:posOffset>254000</wp:posOffset>'
    assert cell_relative in document
    page_offset = (1440 + 500 + 3400) * 635 + 254000  # default left margin + NO + KEGIATAN + the offset in the cell
    document = document.replace(cell_relative, f'<wp:positionH relativeFrom="page"><wp:posOffset>{page_offset}'
                                                '</wp:posOffset>', 1)
    from engine.formats.office.docx_write import package

    (found,) = read_office(package(document), "halaman.docx")
    assert found.problems == []
    assert sheet_mapping(found.sop) == expected(drawn=True, word=True)


@pytest.mark.parametrize("suffix", ["xlsx", "docx"])
def test_step_records_survive_the_office_table_both_ways(suffix: str) -> None:
    from tests.engine.lifecycle.test_step_records import SHEET

    original = load_sheet(SHEET)
    assert sum(step.record is not None for step in original.steps) == 6
    first = load_bytes(dump_office(original, f"x.{suffix}"), f"x.{suffix}")
    assert [p for p in first.notices if p.severity == "error"] == []
    assert {step.id: step.record for step in first.sop.steps} == {step.id: step.record for step in original.steps}
    second = load_bytes(dump_office(first.sop, f"y.{suffix}"), f"y.{suffix}")
    assert sheet_mapping(second.sop) == sheet_mapping(first.sop)
    assert [row.get("catat") for row in sheet_mapping(second.sop)["langkah"]] == [
        row.get("catat") for row in sheet_mapping(original)["langkah"]]


def test_a_catat_cell_that_cannot_be_read_is_named_by_cell() -> None:
    from tests.engine.lifecycle.test_step_records import SHEET

    book = openpyxl.load_workbook(io.BytesIO(dump_office(load_sheet(SHEET), "x.xlsx")))
    sheet = book["ISIAN"] if "ISIAN" in book.sheetnames else book.active
    assert sheet is not None
    cells = [cell for row in sheet.iter_rows() for cell in row if cell.value and ": tim.nama" in str(cell.value)]
    assert cells
    cells[0].value = "tetapkan_tim tim nama"
    buffer = io.BytesIO()
    book.save(buffer)
    (found,) = read_office(buffer.getvalue(), "x.xlsx")
    [bad] = [p for p in found.problems if p.code == "office_bad_field_catat"]
    assert cells[0].coordinate in bad.render("en")
