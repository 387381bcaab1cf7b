"""Overlap report (verifikasi), version diff and SOP numbering."""

from __future__ import annotations

import copy
import datetime as dt

import pytest

from engine.sop.diff import diff_sops
from engine.errors import InputError
from engine.formats.files import load_file
from engine.sop.numbering import next_number
from engine.sop.overlap import overlap_report, similarity
from tests.conftest import PROCESSES


def test_overlap_finds_near_same_kegiatan_by_the_same_jabatan_and_duplicate_numbers() -> None:
    surat = load_file(PROCESSES / "pengelolaan-surat-masuk.bpmn").sop
    cuti = load_file(PROCESSES / "permohonan-cuti-pegawai.bpmn").sop
    draft = copy.deepcopy(surat)
    draft.identity.nama = "Pengelolaan Surat Masuk Dinas"
    draft.steps[1].activity = draft.steps[1].activity + " pada hari kerja"
    report = overlap_report(draft, {"surat": surat, "cuti": cuti})
    kinds = {item.kind for item in report}
    assert {"nomor", "judul", "kegiatan"} <= kinds
    step_hit = next(i for i in report if i.kind == "kegiatan" and i.step_id == draft.steps[1].id)
    assert step_hit.other_key == "surat" and step_hit.similarity >= 0.75
    assert "mirip" in step_hit.message and "similar" in step_hit.message_en
    # unrelated SOPs do not overlap
    assert [i for i in overlap_report(cuti, {"surat": surat}) if i.kind != "kegiatan"] == []


def test_similarity_ignores_case_punctuation_and_filler_words() -> None:
    assert similarity("Memeriksa kelengkapan berkas permohonan.", "memeriksa KELENGKAPAN berkas dan permohonan") == 1
    assert similarity("Mengarsipkan surat", "Menandatangani SK") == 0


def test_diff_lists_changes_step_by_step() -> None:
    before = load_file(PROCESSES / "permohonan-cuti-pegawai.bpmn").sop
    after = copy.deepcopy(before)
    after.steps[2].duration = "2 hari kerja"
    removed = after.steps.pop(4)
    after.identity.tanggal_revisi = dt.date(2027, 3, 1)
    changes = diff_sops(before, after)
    texts = [c.describe() for c in changes]
    assert any(t.startswith(f"Langkah {after.steps[2].id}, waktu:") and "2 hari kerja" in t for t in texts)
    assert f"Langkah {removed.id} dihapus: {removed.activity}" in texts
    assert any(c.kind == "identitas" and c.field == "tanggal_revisi" for c in changes)
    assert diff_sops(before, copy.deepcopy(before)) == []
    assert changes[0].describe("en").startswith("Identity")


def test_numbering_follows_the_pattern_per_unit_and_year() -> None:
    existing = ["001/SOP/ORG/2026", "007/SOP/ORG/2026", "009/SOP/UMUM/2026", "012/SOP/ORG/2025"]
    assert next_number("{urut:03d}/SOP/{unit}/{tahun}", existing, "ORG", dt.date(2026, 5, 2)) == "008/SOP/ORG/2026"
    assert next_number("{urut:03d}/SOP/{unit}/{tahun}", existing, "HUKUM", dt.date(2026, 5, 2)) == "001/SOP/HUKUM/2026"
    assert next_number("SOP-{unit}/{bulan_romawi}/{tahun}/{urut}", [], "ORG", dt.date(2026, 11, 2)) == "SOP-ORG/XI/2026/1"


@pytest.mark.parametrize("pattern", ["{urut.__class__}", "{unit[0]}/{urut}", "{x}/{urut}", "{urut!r}", "{unit}/x",
                                     "{urut:>{unit}}"])
def test_hostile_or_wrong_patterns_are_refused(pattern: str) -> None:
    with pytest.raises(InputError) as caught:
        next_number(pattern, [], "ORG", dt.date(2026, 1, 1))
    assert "pola nomor SOP" in str(caught.value)


def test_diff_names_changed_case_fields_and_document_marks() -> None:
    from dataclasses import replace

    from engine.formats.files import load_file
    from engine.sop.diff import diff_sops

    before = load_file("processes/permohonan-cuti-pegawai.bpmn").sop
    after = load_file("processes/permohonan-cuti-pegawai.bpmn").sop
    fields = {item.name: item for item in after.fields}
    after.fields = tuple(replace(item, required=False) if item.name == "alasan_cuti" else item
                         for item in after.fields if item.name != "nomor_surat_izin")
    after.step("ajukan").documents = []
    changes = {(change.kind, change.step_id, change.field): change for change in diff_sops(before, after)}
    assert changes[("isian", "alasan_cuti", "isian")].describe().startswith("Isian alasan_cuti: 'Alasan cuti (teks_panjang, wajib")
    assert changes[("isian", "nomor_surat_izin", "isian")].after == "" and fields["nomor_surat_izin"]
    assert ("langkah_diubah", "ajukan", "documents") in changes
    assert changes[("isian", "alasan_cuti", "isian")].describe("en").startswith("Case field alasan_cuti")
