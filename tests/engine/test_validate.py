from __future__ import annotations

import copy

import pytest

from engine.errors import ProcessDefinitionError
from engine.formats.files import load_file
from engine.sop.model import Sop, Step, StepKind
from engine.sop.validate import ensure_valid, validate
from tests.conftest import DATA


@pytest.fixture
def sop() -> Sop:
    return load_file(DATA / "surat_kecil.yaml").sop


def codes(model: Sop, severity: str = "error") -> list[tuple[str, str]]:
    return [(p.code, p.element_id) for p in validate(model) if p.severity == severity]


def test_valid_sop_has_no_errors(sop: Sop) -> None:
    assert codes(sop) == []


def test_two_starts_and_no_end(sop: Sop) -> None:
    sop.step("arsip").kind = StepKind.START
    assert ("many_starts", "") in codes(sop)
    assert ("no_end", "") in codes(sop)


def test_unreachable_step_and_endless_loop(sop: Sop) -> None:
    sop.steps.append(Step(id="yatim", kind=StepKind.ACTIVITY, activity="Langkah lepas", actor="Pengadministrasi",
                          duration="1 jam", next=["arsip"]))
    sop.step("periksa").no = "disposisi"  # both branches into the parallel block, which loops back
    found = codes(sop)
    assert ("unreachable", "yatim") in found
    assert ("decision_same_targets", "periksa") in found


def test_cycle_without_way_to_end_names_each_step(sop: Sop) -> None:
    decision = sop.step("periksa")
    decision.kind, decision.yes, decision.no, decision.next = StepKind.ACTIVITY, "", "", ["disposisi"]
    found = codes(sop)
    for step_id in ("terima", "periksa", "disposisi", "catat", "salin", "gabung"):
        assert ("no_way_to_end", step_id) in found
    assert ("unreachable", "arsip") in found


def test_references_actors_durations_and_conditions(sop: Sop) -> None:
    sop.step("catat").next = ["hilang"]
    sop.step("salin").actor = "Bupati"
    sop.step("disposisi").duration = "secepatnya"
    sop.step("periksa").condition = "().__class__.__base__.__subclasses__()"
    sop.step("terima").actor = ""
    found = codes(sop)
    assert ("dangling_reference", "catat") in found
    assert ("unknown_actor", "salin") in found
    assert ("bad_duration", "disposisi") in found
    assert ("bad_condition", "periksa") in found
    assert ("missing_actor", "terima") in found
    messages = {p.element_id: p.message for p in validate(sop)}
    assert "Pengadministrasi, Kepala Subbagian, Kepala Bagian" in messages["salin"]
    assert messages["catat"].startswith("catat 'Mencatat disposisi': merujuk ke langkah 'hilang'")


def test_duplicate_ids_and_decision_shape(sop: Sop) -> None:
    sop.steps.append(copy.deepcopy(sop.step("catat")))
    sop.step("periksa").no = ""
    sop.step("terima").yes = "arsip"
    found = codes(sop)
    assert ("duplicate_step_id", "catat") in found
    assert ("decision_without_no", "periksa") in found
    assert ("yes_no_on_non_decision", "terima") in found


def test_loop_into_start_is_refused(sop: Sop) -> None:
    sop.step("gabung").next = ["terima"]
    assert ("start_has_incoming", "terima") in codes(sop)


def test_warnings_do_not_block(sop: Sop) -> None:
    sop.actors.append("Bendahara")
    sop.step("catat").duration = ""
    warnings = codes(sop, "warning")
    assert ("unused_actor", "") in warnings
    assert ("missing_duration", "catat") in warnings
    assert ensure_valid(sop)  # returns the warnings, raises nothing


def test_ensure_valid_raises_with_every_error(sop: Sop) -> None:
    sop.step("catat").next = ["hilang"]
    sop.step("salin").next = ["hilang2"]
    with pytest.raises(ProcessDefinitionError) as caught:
        ensure_valid(sop, "uji.yaml")
    assert len(caught.value.problems) == 2
    assert "2 masalah" in str(caught.value)
