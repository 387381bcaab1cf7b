"""Controls: the geometry checker finds each defect when one is planted in a clean document."""

from __future__ import annotations

import copy
from collections.abc import Callable

import pytest
from lxml import etree

from engine import load_file, render
from engine.sop.model import Sop
from tests.conftest import PROCESSES
from tests.engine.render.svg_geometry import SVG, defects

Plant = Callable[[etree._Element], None]


def _clean() -> tuple[Sop, bytes]:
    sop = load_file(PROCESSES / "pengadaan-langsung.bpmn").sop
    return sop, render(sop)


def _first(root: etree._Element, role: str, page: int = 2) -> etree._Element:
    group = [g for g in root.iter(f"{SVG}g") if g.get("data-page") == str(page)][0]
    return next(element for element in group if element.get("class") == role)


def _arrow_through_a_symbol(root: etree._Element) -> None:
    arrow = _first(root, "arrow")
    symbols = [e for e in arrow.getparent() if e.get("class") == "symbol" and e.get("data-node") not in
               (arrow.get("data-from"), arrow.get("data-to"))]
    target = symbols[-1]
    x = float(target.get("x")) + float(target.get("width")) / 2
    y = float(target.get("y")) + float(target.get("height")) / 2
    arrow.set("points", f"{x - 20:.2f},{y:.2f} {x + 20:.2f},{y:.2f}")


def _text_out_of_its_cell(root: etree._Element) -> None:
    text = next(t for t in _first(root, "cell-text").getparent() if t.get("class") == "cell-text"
                and len(t.text or "") > 20)
    text.set("x", f"{float(text.get('x')) + 40:.2f}")


def _second_ya_label(root: etree._Element) -> None:
    label = next(t for t in root.iter(f"{SVG}text") if t.get("class") == "branch-label" and t.text == "Ya")
    twin = copy.deepcopy(label)
    twin.set("y", f"{float(label.get('y')) + 30:.2f}")
    label.addnext(twin)


def _label_on_its_line(root: etree._Element) -> None:
    label = next(t for t in root.iter(f"{SVG}text") if t.get("class") == "branch-label")
    arrow = next(a for a in label.getparent() if a.get("class") == "arrow"
                 and a.get("data-from") == label.get("data-from"))
    x, y = map(float, arrow.get("points").split()[0].split(","))
    label.set("x", f"{x - 1:.2f}")
    label.set("y", f"{y + 1:.2f}")


def _missing_in_connector(root: etree._Element) -> None:
    connector = next(c for c in root.iter(f"{SVG}polygon") if c.get("class") == "connector" and c.get("data-dir") == "in")
    connector.set("data-dir", "out")


def _symbol_drawn_twice(root: etree._Element) -> None:
    symbol = _first(root, "symbol")
    twin = copy.deepcopy(symbol)
    twin.set("x", f"{float(symbol.get('x')) + 300:.2f}")
    symbol.addnext(twin)


def _footer_off_the_paper(root: etree._Element) -> None:
    footer = next(t for t in root.iter(f"{SVG}text") if t.get("class") == "footer")
    footer.set("y", f"{float(footer.get('y')) + 8:.2f}")


def _overlapping_texts(root: etree._Element) -> None:
    texts = [t for t in _first(root, "cell-text").getparent() if t.get("class") == "cell-text"]
    texts[1].set("x", texts[0].get("x"))
    texts[1].set("y", texts[0].get("y"))


def _arrow_along_a_border(root: etree._Element) -> None:
    arrow = _first(root, "arrow")
    cell = next(c for c in arrow.getparent() if c.get("class") == "cell" and c.get("data-col") == "actor:2")
    x = float(cell.get("x"))
    y = float(cell.get("y"))
    arrow.set("points", f"{x:.2f},{y + 2:.2f} {x:.2f},{y + 6:.2f}")


@pytest.mark.parametrize(("plant", "expected"), [
    (_arrow_through_a_symbol, "passes through"),
    (_text_out_of_its_cell, "overflows its cell"),
    (_second_ya_label, "has 2 'Ya' labels"),
    (_label_on_its_line, "sits on the line"),
    (_missing_in_connector, "not one out and one in"),
    (_symbol_drawn_twice, "appears 2 times"),
    (_footer_off_the_paper, "off the paper"),
    (_overlapping_texts, "overlap"),
    (_arrow_along_a_border, "runs along a column border"),
], ids=lambda value: getattr(value, "__name__", "")[1:] if callable(value) else "")
def test_checker_finds_a_planted_defect(plant: Plant, expected: str) -> None:
    sop, svg = _clean()
    assert defects(svg, sop) == []
    root = etree.fromstring(svg)
    plant(root)
    found = defects(etree.tostring(root), sop)
    assert any(expected in item for item in found), found
