"""At runtime on SQLite and PostgreSQL: a decision branch that ends its sub-process (a nested selesai
row) lets the case go on after the sub-process, and a reply to the task that sent the request is
awaited by the step after that task (tests/engine/bpmn/test_miwg_constructs.py reads them)."""

from __future__ import annotations

import pytest

from engine.bpmn.reader import read_bpmn
from engine.formats.files import load_file
from engine.runtime.facade import Runtime
from tests.engine.bpmn.test_miwg_constructs import BRANCH_ENDS_SUB, BRANCH_ERROR, LETTER, reply_to_sender
from tests.engine.runtime.conftest import staff
from tests.engine.runtime.helpers import drive


@pytest.mark.parametrize(("no", "expected"), [
    (frozenset(), ["periksa", "lengkapi", "kirim"]),
    (frozenset({"periksa"}), ["periksa", "kirim"]),  # Tidak: the nested selesai row ends the sub-process
])
def test_a_branch_that_ends_its_sub_process_goes_on_after_it(runtime: Runtime, no: frozenset[str],
                                                             expected: list[str]) -> None:
    sop = load_file(BRANCH_ENDS_SUB).sop
    people = staff(runtime, sop)
    runtime.publish(sop, "cabang-selesai")
    instance_id, done = drive(runtime, "cabang-selesai", sop, people, no)
    assert runtime.instance(instance_id).status == "completed", done
    assert done == expected
    assert "cukup" not in done  # a selesai row is no one's work


@pytest.mark.parametrize("nilai", [5000, 10])
def test_a_reply_to_the_sending_task_arrives_before_the_step_after_it(runtime: Runtime, nilai: int) -> None:
    sop = read_bpmn(reply_to_sender(), LETTER.name).sop
    people = staff(runtime, sop)
    runtime.publish(sop, "surat-balasan")
    instance_id, done = drive(runtime, "surat-balasan", sop, people, start_data={"nilai": str(nilai)})
    assert runtime.instance(instance_id).status == "completed", done
    assert done.index("tanda_tangan") < done.index("telaah") < done.index("kirim_balasan") < done.index("arsipkan")
    assert done.count("tanda_tangan") == 1 and done.count("arsipkan") == 1
    assert ("setujui" in done) is (nilai > 1000)


@pytest.mark.parametrize(("no", "expected"), [
    (frozenset(), ["periksa", "lengkapi", "kirim"]),
    (frozenset({"periksa"}), ["periksa", "tolak"]),  # Tidak: the error end is caught by the sub-process's boundary
])
def test_a_nested_error_end_takes_the_boundary_path_of_its_sub_process(runtime: Runtime, no: frozenset[str],
                                                                      expected: list[str]) -> None:
    sop = load_file(BRANCH_ERROR).sop
    people = staff(runtime, sop)
    runtime.publish(sop, "cabang-galat")
    instance_id, done = drive(runtime, "cabang-galat", sop, people, no)
    assert runtime.instance(instance_id).status == "completed", done
    assert done == expected
