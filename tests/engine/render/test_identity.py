"""The identity sheet: the regulation's labels, the values, DISAHKAN OLEH, the numbered lists."""

from __future__ import annotations

import datetime as dt

from lxml import etree

from engine import load_file, render, synthetic_sop
from engine.render.document import document_pages
from tests.conftest import PROCESSES
from tests.engine.render.svg_geometry import defects, parse

LABELS = ["NOMOR SOP", "TANGGAL PEMBUATAN", "TANGGAL REVISI", "TANGGAL EFEKTIF", "DISAHKAN OLEH", "NAMA SOP",
          "DASAR HUKUM", "KUALIFIKASI PELAKSANA", "KETERKAITAN", "PERALATAN/PERLENGKAPAN", "PERINGATAN",
          "PENCATATAN DAN PENDATAAN"]


def _page_texts(svg: bytes, number: int = 1) -> list[str]:
    page = next(p for p in parse(svg) if p.number == number)
    return [element.text or "" for _, _, element in page.texts]


def test_identity_sheet_prints_every_label_and_value() -> None:
    sop = load_file(PROCESSES / "pengadaan-langsung.bpmn").sop
    texts = _page_texts(render(sop))
    for label in LABELS:
        assert label in texts, label
    assert "PEMERINTAH KABUPATEN SUKAMAJU" in texts
    assert "027/004/SOP/DINKES/2026" in texts and "21 Januari 2026" in texts and "11 Februari 2026" in texts
    assert "dr. Hendra Wijaya, M.Kes." in texts and "NIP. 19780203 200501 1 007" in texts
    assert "Pengadaan Barang melalui Pengadaan Langsung" in texts
    assert [t for t in texts if t in ("1.", "2.", "3.", "4.", "5.")], "lists are numbered"


def test_signer_is_underlined_below_the_signature_space() -> None:
    sop = load_file(PROCESSES / "pengadaan-langsung.bpmn").sop
    root = etree.fromstring(render(sop))
    texts = {e.text: e for e in root.iter("{http://www.w3.org/2000/svg}text")}
    jabatan, nama = texts["Kepala Dinas Kesehatan"], texts["dr. Hendra Wijaya, M.Kes."]
    assert nama.get("text-decoration") == "underline" and nama.get("font-weight") == "bold"
    assert float(nama.get("y")) - float(jabatan.get("y")) > 15  # room for the signature


def test_english_dates_and_footer_but_regulation_labels_stay() -> None:
    sop = load_file(PROCESSES / "pengadaan-langsung.bpmn").sop
    texts = _page_texts(render(sop, lang="en"))
    assert "21 January 2026" in texts and "Page 1 of 3" in texts
    assert "TANGGAL PEMBUATAN" in texts and "DISAHKAN OLEH" in texts


def test_missing_values_print_a_dash() -> None:
    sop = synthetic_sop(steps=8, actors=2, decisions=1, loops=0, parallel=False)
    sop.identity.tanggal_revisi = None
    sop.identity.keterkaitan = []
    svg = render(sop)
    assert defects(svg, sop) == []
    assert _page_texts(svg).count("-") >= 2


def test_very_long_lists_continue_on_a_second_identity_page() -> None:
    sop = synthetic_sop(steps=8, actors=2, decisions=1, loops=0, parallel=False)
    sop.identity.dasar_hukum = [f"Peraturan Daerah Kabupaten Uji Nomor {n} Tahun 2020 tentang urusan pemerintahan "
                                f"yang cukup panjang untuk memenuhi beberapa baris" for n in range(1, 40)]
    sop.identity.tanggal_pembuatan = dt.date(2026, 1, 5)
    pages = document_pages(sop)
    assert [p.kind for p in pages[:2]] == ["identity", "identity"]
    assert defects(render(sop), sop) == []


def test_without_a_logo_the_sheet_keeps_a_frame_for_it() -> None:
    from tests.conftest import PROCESSES
    from tests.engine.render.svg_geometry import parse
    from engine import load_file, render

    sop = load_file(PROCESSES / "pengadaan-langsung.bpmn").sop
    svg = render(sop)
    assert b'class="logo-placeholder"' in svg and b">LOGO</text>" in svg
    assert parse(svg)[0].kind == "identity"
