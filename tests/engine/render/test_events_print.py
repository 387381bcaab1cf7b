"""The official print of rows with events: the regulation's symbols, a KETERANGAN saying what each is."""

from __future__ import annotations

import html
import re

import pytest

from engine import load_file, render
from tests.conftest import DATA
from tests.engine.render.svg_geometry import defects

SOP_FILE = DATA / "events" / "permohonan_peristiwa.yaml"


def _words(svg: str | bytes) -> str:
    """The printed text, its lines joined by spaces (a KETERANGAN wraps over several lines)."""
    text = svg.decode() if isinstance(svg, bytes) else svg
    return " ".join(" ".join(html.unescape(part) for part in re.findall(r">([^<>]+)<", text)).split())


@pytest.mark.parametrize("paper", ["a4", "f4"])
def test_events_sop_prints_without_defect_and_says_what_each_event_is(paper: str) -> None:
    sop = load_file(SOP_FILE).sop
    svg = render(sop, paper=paper)
    assert defects(svg, sop) == []
    text = _words(svg)
    for line in ("bila lewat 3 hari kerja: ke 9", "bila galat BERKAS_PALSU: ke 10",
                 "setelah 2 jam, langkah tetap berjalan: juga ke 6",
                 "menunggu jawaban pemohon paling lama 14 hari kalender; bila lewat: ke 9",
                 "menunggu pembayaran", "semua cabang lain berhenti", "berakhir dengan galat BERKAS_PALSU"):
        assert line in text, line


def test_events_sop_prints_in_english() -> None:
    sop = load_file(SOP_FILE).sop
    svg = render(sop, lang="en")
    assert defects(svg, sop) == []
    text = _words(svg)
    assert "waiting for jawaban pemohon at most 14 hari kalender" in text and "every other branch stops" in text
