"""Text measurement and wrapping: real font metrics, never a word broken."""

from __future__ import annotations

from pathlib import Path

import pytest
from hypothesis import given
from hypothesis import strategies as st

from engine.errors import RenderError
from engine.render import fonts
from engine.render.document import render
from engine.samples.synthetic import synthetic_sop


def test_widths_come_from_the_font() -> None:
    assert fonts.text_width("iiii", 10) < fonts.text_width("WWWW", 10)
    assert fonts.text_width("Kegiatan", 10, bold=True) > fonts.text_width("Kegiatan", 10)
    # Liberation Sans "M" advance is 1706/2048 em
    assert fonts.text_width("M", 72) == pytest.approx(25.4 * 1706 / 2048, rel=1e-6)


@given(st.lists(st.text(alphabet="abcdefghijklmnopqrstuvwxyzABCDEFGH-/.,()", min_size=1, max_size=18), min_size=1,
                max_size=30), st.floats(10, 80))
def test_wrap_breaks_only_between_words(words: list[str], width: float) -> None:
    text = " ".join(words)
    lines = fonts.wrap(text, width, 8)
    # a word wider than the column is cut with a hyphen (U+2010) after the piece
    assert "".join(lines).replace(" ", "").replace(fonts.HYPHEN, "") == text.replace(" ", "")
    assert all(line.endswith(fonts.HYPHEN) for line in lines if fonts.HYPHEN in line)
    for line in lines:
        assert fonts.text_width(line, 8) <= width + 1e-9 or len(line) == 1
    pieces = [piece for line in lines for piece in line.split()]
    for word in text.split():
        if fonts.text_width(word, 8) <= width:
            assert word in pieces, (word, lines)


def test_missing_font_is_a_clear_error(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    monkeypatch.setattr(fonts, "_SEARCH", ())
    monkeypatch.setenv("HOME", str(tmp_path))
    monkeypatch.setenv("ALUR_FONT_DIR", str(tmp_path))
    fonts._face.cache_clear()
    fonts._em_width.cache_clear()
    try:
        with pytest.raises(RenderError) as caught:
            render(synthetic_sop(steps=8, actors=2, decisions=1, loops=0, parallel=False))
        assert "fonts-liberation2" in str(caught.value)
    finally:
        fonts._face.cache_clear()
        fonts._em_width.cache_clear()


def test_only_a_word_wider_than_any_column_is_cut_after_a_separator() -> None:
    url = "https://jdih.sukamajukab.go.id/peraturan/bupati/2026/nomor-12-tentang-standar-operasional-prosedur"
    lines = fonts.wrap(f"Lihat {url} untuk rincian", 30, 8)
    assert all(fonts.text_width(line, 8) <= 30 + 1e-9 for line in lines)
    assert "".join(lines).replace(" ", "") == f"Lihat{url}untukrincian"
    assert any(line.endswith("/") for line in lines)
    assert fonts.longest_word(url, 8) == fonts.LONGEST_WORD
