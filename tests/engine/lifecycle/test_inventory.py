"""Stages 2-3: the daftar inventarisasi (title-only entries, the criteria checklist, analysis notes),
numbers from the pattern fixed by the Kepala Daerah's decision, an entry becoming a draft when writing
starts, and the NO | JUDUL SOP | NOMOR SOP table read back from its PDF and XLSX."""

from __future__ import annotations

import datetime as dt
import io

import pytest
from openpyxl import load_workbook
from pypdf import PdfReader

from engine.access.accounts import account
from engine.errors import AccessDeniedError, DataError, TaskError
from engine.formats.files import load_file
from engine.lifecycle.inventory import (
    add_entry,
    assign_numbers,
    inventory_entries,
    entry_of_sop,
    link_sop,
    record_decision,
    remove_entry,
    start_writing,
    update_entry,
)
from engine.lifecycle.inventory_print import number_table, number_table_pdf, number_table_xlsx
from engine.lifecycle.tim import add_member, create_tim
from engine.lifecycle.transitions import save_draft, status, suggest_number, working_sop
from engine.runtime.facade import Runtime
from tests.conftest import DATA
from tests.engine.lifecycle.conftest import DINKES, DINKES_UMUM, DISDIK_UMUM, PEMDA

PATTERN = "{urut:03d}/SOP/{unit}/{tahun}"


def _member(runtime: Runtime) -> None:
    vera = account(runtime, "vera")
    team = create_tim(runtime, vera, PEMDA, "Tim Penyusun SOP", "188.45/12/2026", dt.date(2026, 2, 2))
    add_member(runtime, vera, team.id, "sari", "koordinator", DINKES)


def test_a_title_and_a_unit_are_an_entry_and_the_checklist_is_kept(runtime: Runtime) -> None:
    _member(runtime)
    sari = account(runtime, "sari")
    bare = add_entry(runtime, sari, DINKES_UMUM, "Pelayanan Surat Keterangan Sehat")
    assert (bare.title, bare.unit, bare.number, bare.criteria, bare.sop_key) == (
        "Pelayanan Surat Keterangan Sehat", DINKES_UMUM, "", frozenset(), None)
    checked = update_entry(runtime, sari, bare.id, criteria=["rutin", "tahapan_jelas", "output_jelas", "banyak_pihak"],
                           analysis="Dilayani setiap hari; dua bidang terlibat; tidak tumpang tindih.")
    assert checked.meets_criteria and "dua bidang" in checked.analysis
    assert not update_entry(runtime, sari, bare.id, criteria=["rutin"]).meets_criteria
    with pytest.raises(DataError) as no_title:
        add_entry(runtime, sari, DINKES_UMUM, "  ")
    assert no_title.value.field == "judul"
    with pytest.raises(DataError) as no_unit:
        add_entry(runtime, sari, "Dinas Tidak Ada", "Judul")
    assert no_unit.value.field == "unit"
    with pytest.raises(DataError) as criterion:
        add_entry(runtime, sari, DINKES_UMUM, "Judul", ["murah"])
    assert criterion.value.field == "kriteria" and "murah" in str(criterion.value)
    with pytest.raises(AccessDeniedError):  # a Tim member keeps its own SKPD's list only
        add_entry(runtime, sari, DISDIK_UMUM, "Penerimaan Peserta Didik Baru")
    assert [e.title for e in inventory_entries(runtime, account(runtime, "kadis"))] == ["Pelayanan Surat Keterangan Sehat"]
    assert inventory_entries(runtime, sari, unit=DISDIK_UMUM) == []


def test_numbers_follow_the_pattern_and_the_decision_fixes_them(runtime: Runtime) -> None:
    _member(runtime)
    sari = account(runtime, "sari")
    # a number written by hand in an older format is in the register already: 012 of DINKES in 2026
    old = load_file(DATA / "surat_kecil.yaml").sop
    old.identity.unit, old.identity.nomor = DINKES_UMUM, "SOP-DINKES/III/2026/12"
    save_draft(runtime, "surat-lama", old, "rina")
    first = add_entry(runtime, sari, DINKES_UMUM, "Pelayanan Surat Keterangan Sehat")
    second = add_entry(runtime, sari, DINKES_UMUM, "=HYPERLINK(\"http://x\")")
    numbered = assign_numbers(runtime, sari, DINKES_UMUM, PATTERN, code="DINKES", when=dt.date(2026, 3, 2))
    assert [e.number for e in numbered] == ["013/SOP/DINKES/2026", "014/SOP/DINKES/2026"]
    assert assign_numbers(runtime, sari, DINKES_UMUM, PATTERN, code="DINKES") == []  # numbered once
    assert suggest_number(runtime, "DINKES", PATTERN, dt.date(2026, 6, 1)) == "015/SOP/DINKES/2026"
    with pytest.raises(AccessDeniedError):  # the decision is the Bagian Organisasi's to record
        record_decision(runtime, sari, "188.4/45/2026", dt.date(2026, 3, 20), DINKES)
    decision, fixed = record_decision(runtime, account(runtime, "vera"), "188.4/45/2026", dt.date(2026, 3, 20), DINKES)
    assert [e.id for e in fixed] == [first.id, second.id] and all(e.fixed for e in fixed)
    with pytest.raises(TaskError):
        update_entry(runtime, sari, first.id, title="Judul lain")
    with pytest.raises(TaskError):
        remove_entry(runtime, sari, first.id)
    assert update_entry(runtime, sari, first.id, analysis="catatan").analysis == "catatan"  # notes stay open
    with pytest.raises(DataError):  # nothing left to fix
        record_decision(runtime, account(runtime, "vera"), "188.4/46/2026", dt.date(2026, 3, 21), DINKES)
    late = add_entry(runtime, sari, DINKES_UMUM, "Pengaduan Layanan")
    with pytest.raises(DataError) as unnumbered:
        record_decision(runtime, account(runtime, "vera"), "188.4/46/2026", dt.date(2026, 3, 21), DINKES)
    assert unnumbered.value.field == "nomor" and "Pengaduan Layanan" in str(unnumbered.value)
    remove_entry(runtime, sari, late.id)

    table = number_table(inventory_entries(runtime, sari, unit=DINKES), DINKES)
    assert table.rows == ((1, "Pelayanan Surat Keterangan Sehat", "013/SOP/DINKES/2026"),
                          (2, "=HYPERLINK(\"http://x\")", "014/SOP/DINKES/2026"))
    assert any("188.4/45/2026" in line and "20-03-2026" in line for line in table.lines)
    text = " ".join(page.extract_text() for page in PdfReader(io.BytesIO(number_table_pdf(table))).pages)
    for word in ("NAMA DAN KODE NOMOR", "JUDUL SOP", "NOMOR SOP", "Pelayanan Surat Keterangan Sehat",
                 "013/SOP/DINKES/2026", "188.4/45/2026"):
        assert word in text, word
    sheet = load_workbook(io.BytesIO(number_table_xlsx(table))).active
    values = [tuple(row) for row in sheet.iter_rows(values_only=True)]
    head = next(index for index, row in enumerate(values) if row[:3] == ("NO.", "JUDUL SOP", "NOMOR SOP"))
    assert values[head + 1] == (1, "Pelayanan Surat Keterangan Sehat", "013/SOP/DINKES/2026")
    assert values[head + 2] == (2, "'=HYPERLINK(\"http://x\")", "014/SOP/DINKES/2026")  # text, not a formula
    english = load_workbook(io.BytesIO(number_table_xlsx(number_table([], "", "en"), "en"))).active
    assert ("NO.", "SOP TITLE", "SOP NUMBER") in list(english.iter_rows(values_only=True))


def test_an_entry_becomes_a_draft_when_writing_starts(runtime: Runtime) -> None:
    _member(runtime)
    sari = account(runtime, "sari")
    found = add_entry(runtime, sari, DINKES_UMUM, "Pelayanan Surat Keterangan Sehat")
    assign_numbers(runtime, sari, DINKES_UMUM, PATTERN, code="DINKES", when=dt.date(2026, 3, 2))
    key = start_writing(runtime, sari, found.id)
    assert key == "pelayanan-surat-keterangan-sehat" and status(runtime, key) == "draft"
    draft = working_sop(runtime, key)
    assert (draft.identity.nama, draft.identity.nomor, draft.identity.unit) == (
        "Pelayanan Surat Keterangan Sehat", "001/SOP/DINKES/2026", DINKES_UMUM)
    linked = entry_of_sop(runtime, key)
    assert linked is not None and linked.id == found.id and linked.sop_key == key
    with pytest.raises(TaskError):
        start_writing(runtime, sari, found.id)
    twin = add_entry(runtime, sari, DINKES_UMUM, "Pelayanan Surat Keterangan Sehat")
    with pytest.raises(DataError) as taken:
        start_writing(runtime, sari, twin.id)
    assert taken.value.field == "judul" and key in str(taken.value)
    with pytest.raises(DataError):  # one SOP, one entry
        link_sop(runtime, sari, twin.id, key)
    save_draft(runtime, "surat-kecil", load_file(DATA / "surat_kecil.yaml").sop, "rina")
    assert link_sop(runtime, account(runtime, "rina"), twin.id, "surat-kecil").sop_key == "surat-kecil"
