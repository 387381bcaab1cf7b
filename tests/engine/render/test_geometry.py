"""The rendered document has none of the defects a reviewer would see (see svg_geometry.py)."""

from __future__ import annotations

from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from engine import load_file, render, synthetic_sop, validate
from engine.errors import AlurError
from tests.conftest import MIWG, shipped_processes
from tests.engine.render.svg_geometry import defects, parse

MIWG_FILES = sorted(MIWG.rglob("*.bpmn")) if MIWG.is_dir() else []


@pytest.mark.parametrize("paper", ["a4", "f4"])
@pytest.mark.parametrize("path", shipped_processes(), ids=lambda p: p.stem)
def test_shipped_sop_document_has_no_defect(path: Path, paper: str) -> None:
    sop = load_file(path).sop
    svg = render(sop, paper=paper)
    assert defects(svg, sop) == []
    pages = parse(svg)
    assert pages[0].kind == "identity" and all(page.kind == "flowchart" for page in pages[1:])


@pytest.mark.parametrize("path", shipped_processes(), ids=lambda p: p.stem)
def test_shipped_sop_document_in_english_has_no_defect(path: Path) -> None:
    sop = load_file(path).sop
    assert defects(render(sop, lang="en"), sop) == []


@pytest.mark.parametrize("seed", [0, 1, 2, 3, 4])
def test_sixty_step_eight_actor_sop_has_no_defect(seed: int) -> None:
    sop = synthetic_sop(steps=60, actors=8, decisions=10, loops=3, parallel=True, seed=seed)
    svg = render(sop, paper="a4" if seed % 2 == 0 else "f4")
    assert defects(svg, sop) == []
    pages = parse(svg)
    assert len(pages) >= 5
    assert sum(len(page.connectors) for page in pages) >= 2 * (len(pages) - 2), "pages are linked by connector pairs"


@pytest.mark.skipif(not MIWG_FILES, reason=f"MIWG suite not found at {MIWG}: render test cannot run")
def test_miwg_files_that_import_render_without_defect() -> None:
    rendered = 0
    for path in MIWG_FILES:
        try:
            sop = load_file(path).sop
        except AlurError:
            continue  # refused by name: see tests/engine/bpmn/test_miwg.py
        if any(problem.severity == "error" for problem in validate(sop)):
            continue
        assert defects(render(sop), sop) == [], path
        rendered += 1
    assert rendered >= 60, rendered


def test_a_label_beside_a_shared_loop_trunk_stays_beside_its_own_branch() -> None:
    """Two decisions loop back to the same step along one trunk (langkah_06 and langkah_08 to
    langkah_03): the Tidak label of langkah_06 must not sit beside the part of the trunk that only
    langkah_08's arrow runs along (a random draw found it there, nearest langkah_08 -> langkah_03)."""
    sop = synthetic_sop(steps=31, actors=7, decisions=4, loops=2, parallel=True, seed=423)
    svg = render(sop, paper="a4")
    assert defects(svg, sop) == []
    steps = {step.id: step for step in sop.steps}
    assert steps["langkah_06"].no == steps["langkah_08"].no == "langkah_03", "the case still has its shared trunk"
    labels = [element for page in parse(svg) for role, _, element in page.texts
              if role == "branch-label" and element.get("data-from") == "langkah_06"]
    assert sorted(element.text for element in labels) == ["Tidak", "Ya"]


def test_labels_get_room_however_many_layouts_it_takes() -> None:
    """Making a crowded decision's row taller moves the page breaks, and another decision may land
    as the last row of a page with both branches leaving by connectors just below it (a random draw:
    three rounds of growth left langkah_71's and langkah_79's Ya labels beside their Tidak lines)."""
    sop = synthetic_sop(steps=87, actors=6, decisions=20, loops=1, parallel=False, seed=9581)
    assert defects(render(sop, paper="f4"), sop) == []


def test_a_label_finds_room_when_a_loop_turns_up_right_beside_its_decision() -> None:
    """langkah_36 and langkah_38 both loop back to langkah_34 up the gutter track right beside the
    column: between the decision and that track "Tidak" has no room clear of the arrow coming down
    into the decision, and below it the track is langkah_38's; a taller row does not help, so the loop
    leaves by a track further out (a random draw found the label beside langkah_38's line)."""
    sop = synthetic_sop(steps=44, actors=6, decisions=9, loops=6, parallel=False, seed=9924)
    assert defects(render(sop, paper="a4"), sop) == []


@pytest.mark.parametrize(("shape", "paper"), [
    (dict(steps=27, actors=4, decisions=0, loops=0, parallel=True, seed=6187), "a4"),
    (dict(steps=61, actors=5, decisions=10, loops=0, parallel=True, seed=5244), "f4"),
])
def test_a_label_never_costs_a_crossing(shape: dict[str, int | bool], paper: str) -> None:
    """A decision whose Ya label has no room beside its branch gets a taller row rather than a routing
    where its branches cross for the room (random draws: the only routings with room for the label
    crossed Ya over Tidak, or a branch over another arrow, with a line hop)."""
    sop = synthetic_sop(**shape)  # type: ignore[arg-type]
    svg = render(sop, paper=paper)
    assert defects(svg, sop) == []
    assert [hop for page in parse(svg) for hop in page.hops] == []


def _generated_sop_defects(steps: int, actors: int, decision_share: float, loops: int, parallel: bool, seed: int,
                           paper: str) -> list[str]:
    decisions = min(int(steps * decision_share), (steps - 6) // 2)
    sop = synthetic_sop(steps=steps, actors=actors, decisions=decisions, loops=min(loops, decisions),
                        parallel=parallel and steps >= 10, seed=seed)
    return defects(render(sop, paper=paper), sop)


def _spread_shapes(count: int) -> list[tuple[int, int, float, int, bool, int, str]]:
    """``count`` shapes spread evenly over every size: 6 to 64 steps, 1 to 9 actors, no decisions up to
    a fifth of the steps, 0 to 4 loops, with and without a parallel split, both papers."""
    return [(6 + index % 59, 1 + index * 4 % 9, index * 3 % 21 / 100, index % 5, index % 2 == 1,
             index * 7919 % 10_007, "a4" if index // 2 % 2 == 0 else "f4") for index in range(count)]


SPREAD_SHAPES = 300


@pytest.mark.parametrize(("steps", "actors", "decision_share", "loops", "parallel", "seed", "paper"),
                         _spread_shapes(SPREAD_SHAPES))
def test_generated_sops_spread_over_every_size_have_no_defect(steps: int, actors: int, decision_share: float,
                                                               loops: int, parallel: bool, seed: int,
                                                               paper: str) -> None:
    assert _generated_sop_defects(steps, actors, decision_share, loops, parallel, seed, paper) == []


_SHAPES = dict(steps=st.integers(6, 64), actors=st.integers(1, 9), decision_share=st.floats(0, 0.2),
               loops=st.integers(0, 4), parallel=st.booleans(), seed=st.integers(0, 10_000),
               paper=st.sampled_from(["a4", "f4"]))


# random draws: each run tries new shapes (a failure prints its falsifying example; add it above as a case)
@settings(max_examples=100, deadline=None, suppress_health_check=[HealthCheck.too_slow], database=None)
@given(**_SHAPES)
def test_generated_sops_of_any_shape_have_no_defect(steps: int, actors: int, decision_share: float, loops: int,
                                                     parallel: bool, seed: int, paper: str) -> None:
    assert _generated_sop_defects(steps, actors, decision_share, loops, parallel, seed, paper) == []


@pytest.mark.slow
@settings(max_examples=2000, deadline=None, suppress_health_check=[HealthCheck.too_slow], database=None)
@given(steps=st.integers(6, 90), actors=st.integers(1, 9), decision_share=st.floats(0, 0.3), loops=st.integers(0, 6),
       parallel=st.booleans(), seed=st.integers(0, 10_000), paper=st.sampled_from(["a4", "f4"]))
def test_many_generated_sops_beyond_the_usual_sizes_have_no_defect(steps: int, actors: int, decision_share: float,
                                                                    loops: int, parallel: bool, seed: int,
                                                                    paper: str) -> None:
    assert _generated_sop_defects(steps, actors, decision_share, loops, parallel, seed, paper) == []


def test_an_unchecked_model_still_renders_cleanly() -> None:
    """Steps naming no pelaksana or one that is not listed, and a URL in KETERANGAN."""
    sop = synthetic_sop(steps=12, actors=3, decisions=2, loops=1, parallel=False, seed=5)
    sop.steps[3].actor = ""
    sop.steps[5].actor = "Jabatan Yang Tidak Terdaftar"
    sop.steps[6].remarks = "https://jdih.sukamajukab.go.id/peraturan/bupati/2026/nomor-12-tentang-standar-operasional"
    svg = render(sop)
    assert defects(svg, sop) == []
    headers = [element.text for page in parse(svg)[1:2] for role, _, element in page.texts if role == "head-text"]
    assert "-" in headers and "Terdaftar" in " ".join(headers)


def test_rows_may_carry_sub_numbers_such_as_4_1() -> None:
    """The row model prints a step's own number (the rows of a nested sub-process: 4.1, 4.2)."""
    sop = synthetic_sop(steps=12, actors=3, decisions=2, loops=1, parallel=False, seed=3)
    for step, number in zip(sop.steps[4:6], ("4.1", "4.2")):
        step.number = number  # type: ignore[attr-defined]
    svg = render(sop)
    assert defects(svg, sop) == []
    from tests.engine.render.svg_geometry import cell_texts

    column = {int(row): lines[0][0] for (key, row), lines in cell_texts(svg).items() if key == "no"}
    assert [column[row] for row in sorted(column)][:8] == ["1", "2", "3", "4", "4.1", "4.2", "5", "6"]


def test_structured_rows_print_without_defect_in_both_languages() -> None:
    """A sub-process's rows (3.1...), a call and a multi-instance row: the checker finds no defect, the
    NO column carries the nested numbers and KETERANGAN says what each structured row is."""
    from tests.conftest import DATA
    from tests.engine.render.svg_geometry import cell_texts

    sop = load_file(DATA / "structure" / "rekomendasi_koordinasi.yaml").sop
    assert [problem for problem in validate(sop) if problem.severity == "error"] == []
    for lang in ("id", "en"):
        svg = render(sop, lang=lang)
        assert defects(svg, sop) == []
    texts = {(key, int(row)): " ".join(line[0] for line in lines) for (key, row), lines in cell_texts(render(sop)).items()}
    column = [texts[("no", row)] for row in sorted(row for key, row in texts if key == "no")]
    assert column == ["1", "2", "3", "3.1", "3.2", "3.3", "3.4", "4", "5"]
    notes = [texts.get(("keterangan", row), "") for row in sorted(row for key, row in texts if key == "no")]
    assert "subproses: langkah 3.1 s.d. 3.4" in notes[2]
    assert "oleh setiap Kepala Bidang" in notes[4]
    assert "SOP Penerbitan KTP-el" in notes[7]


def test_an_inclusive_split_prints_its_branch_conditions_without_defect() -> None:
    from tests.conftest import DATA
    from tests.engine.render.svg_geometry import cell_texts

    sop = load_file(DATA / "structure" / "cabang_inklusif.yaml").sop
    svg = render(sop)
    assert defects(svg, sop) == []
    texts = {(key, int(row)): " ".join(line[0] for line in lines) for (key, row), lines in cell_texts(svg).items()}
    assert "bila nilai > 10: ke 3" in texts[("keterangan", 2)] and "selain itu: ke 5" in texts[("keterangan", 2)]
    assert "menunggu cabang yang dijalankan" in texts[("keterangan", 6)]
