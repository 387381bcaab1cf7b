"""The trace overlay: the executed path highlighted, actual working time next to WAKTU."""

from __future__ import annotations

import datetime as dt
from zoneinfo import ZoneInfo

import pytest
from lxml import etree

from engine import TraceEntry, load_file, render
from engine.errors import AlurError
from engine.render.canvas import HIGHLIGHT, HIGHLIGHT_FILL, OVER, RUNNING_FILL, WITHIN
from engine.sop.model import Sop
from engine.runtime.trace import check_trace, taken_edges
from tests.conftest import PROCESSES
from tests.engine.render.svg_geometry import SVG, cell_text, cell_texts, defects

WIB = ZoneInfo("Asia/Jakarta")


def _at(day: int, hour: int, minute: int = 0) -> dt.datetime:
    return dt.datetime(2026, 3, day, hour, minute, tzinfo=WIB)  # 2-6 March 2026 is a plain working week


def _surat() -> tuple[Sop, list[TraceEntry]]:
    sop = load_file(PROCESSES / "pengelolaan-surat-masuk.bpmn").sop
    trace = [
        TraceEntry("terima", _at(2, 8), _at(2, 8, 5), "Budi"),
        TraceEntry("alamat_tepat", _at(2, 8, 5), _at(2, 8, 8), "Budi"),
        TraceEntry("agenda", _at(2, 8, 10), _at(2, 9), "Budi"),  # 50 minutes against 15
        TraceEntry("telaah", _at(2, 9), _at(2, 9, 20), "Sari"),
        TraceEntry("perlu_disposisi", _at(2, 9, 20), _at(2, 9, 25), "Sari"),
        TraceEntry("saran_disposisi", _at(2, 10), _at(2, 10, 45), "Andi"),
        TraceEntry("disposisi", _at(2, 11), _at(4, 11), "Kepala Dinas"),  # two working days against one
        TraceEntry("distribusi", _at(4, 13), None, "Budi"),
    ]
    return sop, trace


def _elements(svg: bytes, role: str) -> list[etree._Element]:
    return [e for e in etree.fromstring(svg).iter() if e.get("class") == role]


def test_executed_path_is_highlighted() -> None:
    sop, trace = _surat()
    svg = render(sop, trace)
    assert defects(svg, sop) == []
    symbols = {e.get("data-step"): e for e in _elements(svg, "symbol")}
    for step in ("terima", "alamat_tepat", "agenda", "telaah", "perlu_disposisi", "saran_disposisi", "disposisi"):
        assert symbols[step].get("fill") == HIGHLIGHT_FILL and symbols[step].get("stroke") == HIGHLIGHT
    assert symbols["distribusi"].get("fill") == RUNNING_FILL
    assert symbols["arsip"].get("fill") == "#ffffff" and symbols["kembalikan"].get("fill") == "#ffffff"
    # an arrow to another page ends in an "out" connector that names its target step
    behind = {e.get("data-node"): e.get("data-target") for e in _elements(svg, "connector")}
    arrows = {(e.get("data-from"), behind.get(e.get("data-to"), e.get("data-to"))): e.get("stroke")
              for e in _elements(svg, "arrow")}
    for pair in [("terima", "alamat_tepat"), ("alamat_tepat", "agenda"), ("perlu_disposisi", "saran_disposisi"),
                 ("disposisi", "distribusi")]:
        assert arrows[pair] == HIGHLIGHT, pair
    for pair in [("alamat_tepat", "kembalikan"), ("perlu_disposisi", "distribusi"), ("distribusi", "arsip")]:
        assert arrows[pair] != HIGHLIGHT, pair
    assert any(e.text.startswith("Jejak pelaksanaan") for e in _elements(svg, "legend"))


def test_actual_working_time_stands_next_to_the_standard_in_red_where_over() -> None:
    sop, trace = _surat()
    svg = render(sop, trace)
    lines = cell_texts(svg)
    for number, standard, actual, colour in [(1, "10 menit", "aktual: 5 menit", WITHIN),
                                             (3, "15 menit", "aktual: 50 menit", OVER),
                                             (6, "1 jam", "aktual: 45 menit", WITHIN),
                                             (7, "1 hari", "aktual: 2 hari kerja", OVER)]:
        assert cell_text(svg, "waktu", number) == f"{standard} {actual}"
        assert {fill for text, fill in lines[("waktu", str(number))][1:]} == {colour}, number
    assert cell_text(svg, "waktu", 8) == "30 menit sedang berjalan"
    assert cell_text(svg, "waktu", 9) == "15 menit"
    assert "Dikerjakan: Kepala Dinas" in cell_text(svg, "keterangan", 7)
    english = render(sop, trace, lang="en")
    assert cell_text(english, "waktu", 3) == "15 menit actual: 50 min"
    assert cell_text(english, "waktu", 8) == "30 menit in progress"
    assert "Done by: Budi" in cell_text(english, "keterangan", 8)


def test_a_revision_loop_highlights_both_answers_and_lists_each_run() -> None:
    sop = load_file(PROCESSES / "penerbitan-surat-keterangan.bpmn").sop
    trace = [
        TraceEntry("informasi", _at(3, 8), _at(3, 8, 4)),
        TraceEntry("terima_berkas", _at(3, 8, 4), _at(3, 8, 7)),
        TraceEntry("cek_lengkap", _at(3, 8, 7), _at(3, 8, 15)),
        TraceEntry("kembalikan", _at(3, 8, 15), _at(3, 8, 18)),
        TraceEntry("terima_berkas", _at(3, 10), _at(3, 10, 12)),
        TraceEntry("cek_lengkap", _at(3, 10, 12), _at(3, 10, 20)),
        TraceEntry("registrasi", _at(3, 10, 20), _at(3, 10, 24)),
    ]
    assert taken_edges(sop, check_trace(sop, trace)) == {
        ("informasi", "terima_berkas"), ("terima_berkas", "cek_lengkap"), ("cek_lengkap", "kembalikan"),
        ("kembalikan", "terima_berkas"), ("cek_lengkap", "registrasi")}
    svg = render(sop, list(reversed(trace)))  # any order: the overlay sorts by start
    assert defects(svg, sop) == []
    # terima_berkas ran twice, the second run over its 5 minutes
    assert cell_text(svg, "waktu", 2) == "5 menit aktual 2x: 3 menit; 12 menit"
    assert {fill for _, fill in cell_texts(svg)[("waktu", "2")][1:]} == {OVER}


def test_parallel_branches_are_both_taken() -> None:
    sop = load_file(PROCESSES / "pengadaan-langsung.bpmn").sop
    ids = ["serah_terima", "catat_bmd", "siapkan_spp", "terbitkan_spm"]
    trace = [TraceEntry(step, _at(5, 8 + n), _at(5, 9 + n)) for n, step in enumerate(ids)]
    assert {("serah_terima", "catat_bmd"), ("serah_terima", "siapkan_spp"), ("catat_bmd", "terbitkan_spm"),
            ("siapkan_spp", "terbitkan_spm")} <= taken_edges(sop, check_trace(sop, trace))


@pytest.mark.parametrize(("entry", "message"), [
    (TraceEntry("tidak_ada", _at(2, 8), _at(2, 9)), "langkah 'tidak_ada' yang tidak ada"),
    (TraceEntry("terima", dt.datetime(2026, 3, 2, 8), None), "zona waktu"),
    (TraceEntry("terima", _at(2, 9), _at(2, 8)), "selesai sebelum dimulai"),
])
def test_a_trace_that_does_not_fit_the_sop_is_refused(entry: TraceEntry, message: str) -> None:
    sop, _ = _surat()
    with pytest.raises(AlurError) as caught:
        render(sop, [entry])
    assert message in str(caught.value)


def test_an_svg_without_trace_has_no_highlight() -> None:
    sop, _ = _surat()
    svg = render(sop)
    assert HIGHLIGHT not in svg.decode() and not _elements(svg, "legend")
    assert [e for e in etree.fromstring(svg).iter(f"{SVG}text") if (e.text or "").startswith("aktual")] == []
