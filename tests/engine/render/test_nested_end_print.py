"""The official print of a decision branch that ends its sub-process: the nested selesai row keeps the
terminator symbol, the geometry checker finds no defect, and KETERANGAN says the case goes on after the
sub-process (both languages)."""

from __future__ import annotations

import pytest

from engine import load_file, render
from tests.conftest import DATA
from tests.engine.render.svg_geometry import cell_texts, defects


@pytest.mark.parametrize(("lang", "note"), [("id", "akhir subproses 2; berlanjut ke langkah 3"),
                                            ("en", "end of sub-process 2; continues at step 3")])
def test_a_nested_selesai_row_prints_where_the_case_goes_on(lang: str, note: str) -> None:
    sop = load_file(DATA / "structure" / "subproses_cabang_selesai.yaml").sop
    svg = render(sop, lang=lang)
    assert defects(svg, sop) == []
    texts = {(key, int(row)): " ".join(line[0] for line in lines) for (key, row), lines in cell_texts(svg).items()}
    rows = sorted(row for key, row in texts if key == "no")
    assert [texts[("no", row)] for row in rows] == ["1", "2", "2.1", "2.2", "2.3", "3", "4"]
    assert note in texts.get(("keterangan", rows[4]), "")
