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


def _page(root: etree._Element, page: int = 2) -> etree._Element:
    return [g for g in root.iter(f"{SVG}g") if g.get("data-page") == str(page)][0]


def _xy(text: str) -> list[tuple[float, float]]:
    return [tuple(map(float, pair.split(","))) for pair in text.split()]  # type: ignore[misc]


def _set(element: etree._Element, points: list[tuple[float, float]]) -> None:
    element.set("points", " ".join(f"{x:.2f},{y:.2f}" for x, y in points))


def _vertical_arrow(root: etree._Element) -> tuple[etree._Element, list[tuple[float, float]]]:
    """An arrow on page 2 whose last piece runs down at least 6 mm."""
    for arrow in _page(root):
        if arrow.get("class") == "arrow":
            points = _xy(arrow.get("points"))
            (ax, ay), (bx, by) = points[-2], points[-1]
            if ax == bx and by - ay > 6:
                return arrow, points
    raise AssertionError("no long vertical arrow on page 2")


def _symbol(root: etree._Element, avoid: tuple[str | None, ...]) -> etree._Element:
    return next(e for e in _page(root) if e.get("class") == "symbol" and e.get("data-kind") == "activity"
                and e.get("data-node") not in avoid)


def _arrow_ends_short(root: etree._Element) -> None:
    arrow, points = _vertical_arrow(root)
    x, y = points[-1]
    _set(arrow, [*points[:-1], (x, y - 3.0)])


def _arrowheads_deleted(root: etree._Element) -> None:
    for head in [e for e in root.iter(f"{SVG}polygon") if e.get("class") == "arrowhead"]:
        head.getparent().remove(head)


def _arrowhead_off_its_target(root: etree._Element) -> None:
    arrow, points = _vertical_arrow(root)
    x, y = points[-1]
    _set(arrow, [*points[:-1], (x, y - 1.5)])
    head = next(h for h in arrow.getparent() if h.get("class") == "arrowhead" and _xy(h.get("points"))[0] == (x, y))
    _set(head, [(px, py - 1.5) for px, py in _xy(head.get("points"))])


def _line_beside_a_box(root: etree._Element) -> None:
    arrow = _first(root, "arrow")
    symbol = _symbol(root, (arrow.get("data-from"), arrow.get("data-to")))
    x, y = float(symbol.get("x")) - 0.15, float(symbol.get("y"))
    _set(arrow, [(x, y - 1), (x, y + float(symbol.get("height")) + 1)])


def _arrow_across_kegiatan(root: etree._Element) -> None:
    text = next(t for t in _page(root) if t.get("class") == "cell-text" and len(t.text or "") > 20)
    x, y = float(text.get("x")), float(text.get("y")) - 1.0
    _set(_first(root, "arrow"), [(x - 1, y), (x + 15, y)])


def _branch_labels(root: etree._Element) -> tuple[etree._Element, etree._Element]:
    yes = next(t for t in root.iter(f"{SVG}text") if t.get("class") == "branch-label" and t.text == "Ya")
    no = next(t for t in yes.getparent() if t.get("class") == "branch-label" and t.text == "Tidak"
              and t.get("data-from") == yes.get("data-from"))
    return yes, no


def _ya_tidak_swapped(root: etree._Element) -> None:
    yes, no = _branch_labels(root)
    yes.text, no.text = "Tidak", "Ya"


def _labels_beside_the_other_branch(root: etree._Element) -> None:
    yes, no = _branch_labels(root)
    for name in ("x", "y"):
        value = yes.get(name)
        yes.set(name, no.get(name))
        no.set(name, value)


def _parallel_lines_close(root: etree._Element) -> None:
    arrow, points = _vertical_arrow(root)
    (x, top), (_, bottom) = points[-2], points[-1]
    other = next(a for a in arrow.getparent() if a.get("class") == "arrow" and a is not arrow
                 and a.get("data-to") != arrow.get("data-to"))
    _set(other, [(x + 0.45, top + 0.5), (x + 0.45, bottom - 2.5)])


def _line_near_a_border(root: etree._Element) -> None:
    arrow = _first(root, "arrow")
    cell = next(c for c in arrow.getparent() if c.get("class") == "cell" and c.get("data-col") == "actor:2")
    x, y = float(cell.get("x")) + 0.3, float(cell.get("y"))
    _set(arrow, [(x, y + 2), (x, y + 6)])


def _tiny_text(root: etree._Element) -> None:
    _first(root, "cell-text").set("font-size", f"{2.8 * 25.4 / 72:.3f}")


def _tiny_label(root: etree._Element) -> None:
    _branch_labels(root)[0].set("font-size", f"{6.0 * 25.4 / 72:.3f}")


def _header_row_removed(root: etree._Element) -> None:
    page = _page(root, 3)
    for element in [e for e in page if e.get("class") in ("head", "head-text")]:
        page.remove(element)


def _footer_wrong(root: etree._Element) -> None:
    footer = next(t for t in _page(root, 2) if t.get("class") == "footer")
    footer.text = "Halaman 9 dari 2"


def _crossing_without_hop(root: etree._Element) -> None:
    arrow, points = _vertical_arrow(root)
    (x, top), (_, bottom) = points[-2], points[-1]
    other = next(a for a in arrow.getparent() if a.get("class") == "arrow" and a is not arrow)
    y = (top + bottom) / 2
    _set(other, [(x - 4, y), (x + 4, y)])


def _stub_into_the_target(root: etree._Element) -> None:
    arrow, points = _vertical_arrow(root)
    x, y = points[-1]
    _set(arrow, [(x - 5, y - 1.0), (x, y - 1.0), (x, y)])


def _connector(root: etree._Element, direction: str) -> etree._Element:
    return next(c for c in root.iter(f"{SVG}polygon") if c.get("class") == "connector" and c.get("data-dir") == direction)


def _in_connector_far_from_its_row(root: etree._Element) -> None:
    """The "in" connector moved, with its letter and line, 25 mm down into another row."""
    connector = _connector(root, "in")
    key = connector.get("data-node")
    _set(connector, [(x, y + 25) for x, y in _xy(connector.get("points"))])
    for element in connector.getparent():
        if element.get("class") == "connector-letter" and element.get("data-letter") == connector.get("data-letter"):
            element.set("y", f"{float(element.get('y')) + 25:.2f}")
        if element.get("class") == "arrow" and element.get("data-from") == key:
            points = _xy(element.get("points"))
            _set(element, [(points[0][0], points[0][1] + 25)] + points[1:])


def _letters_out_of_page_order(root: etree._Element) -> None:
    """Letters A and B swapped everywhere: B is now met before A."""
    swap = {"A": "B", "B": "A"}
    for element in root.iter():
        if element.get("class") in ("connector", "connector-letter"):
            element.set("data-letter", swap.get(element.get("data-letter", ""), element.get("data-letter", "")))
            if element.get("class") == "connector":
                node = element.get("data-node", "").split(":")
                element.set("data-node", f"conn:{element.get('data-letter')}:{node[2]}")
            else:
                element.text = swap.get(element.text or "", element.text)
        if element.get("class") == "arrow":
            for attribute in ("data-from", "data-to"):
                parts = (element.get(attribute) or "").split(":")
                if parts[0] == "conn":
                    element.set(attribute, f"conn:{swap.get(parts[1], parts[1])}:{parts[2]}")


def _connector_against_the_flow(root: etree._Element) -> None:
    """An "in" connector turned over: it points up, against the arrow leaving it downwards."""
    connector = _connector(root, "in")
    points = _xy(connector.get("points"))
    top, bottom = min(y for _, y in points), max(y for _, y in points)
    _set(connector, [(x, top + bottom - y) for x, y in points])


def _join_dot_removed(root: etree._Element) -> None:
    """The dot where two arrows into one target join is deleted."""
    dot = next(element for element in root.iter(f"{SVG}rect") if element.get("class") == "join")
    dot.getparent().remove(dot)


def _connectors_1_mm_apart(root: etree._Element) -> None:
    """The "out" connector of page 2 put 1 mm to the right of its "in" connector."""
    group = _page(root)
    one, other = [c for c in group if c.get("class") == "connector"][:2]
    first, second = _xy(one.get("points")), _xy(other.get("points"))
    dx = max(x for x, _ in first) + 1.0 - min(x for x, _ in second)
    dy = min(y for _, y in first) - min(y for _, y in second)
    _set(other, [(x + dx, y + dy) for x, y in second])


def _join_dot_astray(root: etree._Element) -> None:
    """A join dot drawn 8 mm away from the junction, on no line."""
    dot = next(element for element in root.iter(f"{SVG}rect") if element.get("class") == "join")
    dot.set("data-x", f"{float(dot.get('data-x')) + 8:.2f}")
    dot.set("x", f"{float(dot.get('x')) + 8:.2f}")


@pytest.mark.parametrize(("plant", "expected"), [
    (_join_dot_astray, "where no two lines meet"),
    (_connectors_1_mm_apart, "1.0 mm apart"),
    (_join_dot_removed, "without a join dot"),
    (_in_connector_far_from_its_row, "not beside the row"),
    (_letters_out_of_page_order, "not in page order"),
    (_connector_against_the_flow, "against the flow"),
    (_arrow_ends_short, "short of its target"),
    (_arrowheads_deleted, "has no arrowhead"),
    (_arrowhead_off_its_target, "does not touch its target"),
    (_line_beside_a_box, "0.15 mm beside"),
    (_arrow_across_kegiatan, "crosses the text"),
    (_ya_tidak_swapped, "but the model's"),
    (_labels_beside_the_other_branch, "not beside its own branch"),
    (_parallel_lines_close, "parallel 0.45 mm apart"),
    (_line_near_a_border, "mm from a table border"),
    (_tiny_text, "2.8 pt, below 8 pt"),
    (_tiny_label, "6.0 pt, below 7 pt"),
    (_header_row_removed, "page 3: header row is missing"),
    (_footer_wrong, "does not say page 2 of 3"),
    (_crossing_without_hop, "without a line hop"),
    (_stub_into_the_target, "shorter than twice its"),
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
