"""Every shipped SOP runs to completion through the durable runtime, along each Ya and Tidak branch."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest
from sqlalchemy import update

from engine.access.organisation import unit_id
from engine.formats.files import load_file
from engine.runtime.facade import Runtime
from engine.samples.demo_stages import SOCIALISED, record_overrides
from engine.sop.model import Sop, StepKind
from engine.store.models import org_units
from tests.conftest import PROCESSES, shipped_processes
from tests.engine.runtime.conftest import UNIT, staff
from tests.engine.runtime.helpers import drive


def _records_ready(runtime: Runtime, sop: Sop) -> dict[str, dict[str, Any]]:
    """For an SOP whose steps write stage records (``catat``): what they need to be valid (the unit an OPD,
    the SOP they socialise published, its pelaksana), and the values typed at those steps."""
    records = [step for step in sop.steps if step.record is not None]
    if not records:
        return {}
    with runtime.db.write() as connection:  # a Tim serves a Pemda or an OPD
        unit_id(connection, UNIT, create=True)
        connection.execute(update(org_units).where(org_units.c.code == UNIT).values(kind="opd"))
    target = load_file(PROCESSES / f"{SOCIALISED}.bpmn").sop
    runtime.publish(PROCESSES / f"{SOCIALISED}.bpmn", SOCIALISED)
    runtime.add_user("pelaksana", nama="Pelaksana Cuti", jabatan=[(actor, target.identity.unit)
                                                                  for actor in target.actors])
    # a record may read a field an earlier row asked (the verifikasi's SOP key): every row's overrides
    return {step.id: found for step in sop.steps if (found := record_overrides(sop, step.id))}


@pytest.mark.parametrize("path", shipped_processes(), ids=lambda p: p.stem)
def test_every_shipped_sop_completes_along_each_decision_branch(runtime: Runtime, path: Path) -> None:
    sop = load_file(path).sop
    people = staff(runtime, sop)
    version = runtime.publish(path)
    step_data = _records_ready(runtime, sop)
    clerk_decisions = sorted(s.id for s in sop.steps if s.kind is StepKind.DECISION and not s.condition)
    # all Ya first: a reply wait it does not pass (one after a reminder) is reached through the Tidak of
    # the wait before it
    _, all_yes = runtime.trace(drive(runtime, version.key, sop, people, step_data=step_data)[0])
    passed = {event.step for event in all_yes}
    waits = [step for step in sop.steps if step.wait and step.kind is StepKind.DECISION]
    assert all(any(event.kind == "message_received" and event.step == step.id for event in all_yes)
               for step in waits if step.id in passed), "each reply wait on the all-Ya path got its message"
    branches = [frozenset({decision} | ({other.id for other in waits if decision in _after(sop, other.no)}
                                        if decision not in passed else set()))
                for decision in clerk_decisions]
    for branch in [frozenset(), *branches]:
        # every step types plausible values for the fields it asks (sisa_cuti 12 at periksa_sisa)
        instance_id, done = drive(runtime, version.key, sop, people, branch, step_data=step_data)
        instance, trail = runtime.trace(instance_id)
        assert instance.status == "completed", f"stuck after {done}"
        assert trail[-1].kind == "finished"
        completed = [event.step for event in trail if event.kind == "completed"]
        assert completed == done
        for decision in branch:
            target = sop.step(sop.step(decision).no)
            if sop.step(decision).wait:  # reply vs timeout: Tidak is the timer running out
                assert any(event.kind == "timer_fired" and event.step == decision for event in trail), decision
                assert target.id in done
                continue
            decided = [event.data for event in trail if event.kind == "decision" and event.step == decision]
            assert decided[0] == {"keputusan": "Tidak"}
            if not (target.kind is StepKind.END and not target.is_working_end):
                assert target.id in done[done.index(decision):]
    checked, events, broken = runtime.verify_audit()
    assert broken is None and checked == 2 + len(branches) and events > 0


def _after(sop: Sop, step_id: str) -> set[str]:
    """The steps reachable from ``step_id`` (itself included)."""
    seen: set[str] = set()
    todo = [step_id]
    while todo:
        current = todo.pop()
        if current in seen or not current:
            continue
        seen.add(current)
        step = sop.step(current)
        todo.extend([*step.next, step.yes, step.no])
    return seen


@pytest.mark.parametrize(("sisa", "expected"), [(12, "Ya"), (1, "Tidak")])
def test_condition_decision_is_taken_by_the_engine_and_recorded(runtime: Runtime, sisa: int, expected: str) -> None:
    path = Path("processes/permohonan-cuti-pegawai.bpmn")
    sop = load_file(path).sop
    people = staff(runtime, sop)
    runtime.publish(path)
    decision = next(s for s in sop.steps if s.condition)
    instance_id, done = drive(runtime, "permohonan-cuti-pegawai", sop, people,
                              start_data={"jumlah_hari": "3"},
                              step_data={"periksa_sisa": {"sisa_cuti": str(sisa)}, "sesuaikan": {"jumlah_hari": 1}})
    _, trail = runtime.trace(instance_id)
    recorded = [event for event in trail if event.kind == "decision" and event.step == decision.id]
    # Tidak: the pegawai adjusts the request to 1 day, the atasan decides again, and it fits
    assert [event.data["keputusan"] for event in recorded] == [expected] + (["Ya"] if expected == "Tidak" else [])
    assert recorded[0].actor == "sistem"
    assert (decision.yes if expected == "Ya" else decision.no) in done
    assert runtime.instance(instance_id).status == "completed"


def test_parallel_branches_are_worked_by_their_own_jabatan_before_the_join(runtime: Runtime) -> None:
    path = Path("processes/pengadaan-langsung.bpmn")
    sop = load_file(path).sop
    people = staff(runtime, sop)
    runtime.publish(path)
    fan_out = next(s for s in sop.steps if len(s.next) > 1)
    join = next(s for s in sop.steps if s.join)
    _, done = drive(runtime, "pengadaan-langsung", sop, people)
    for branch in fan_out.next:
        assert done.index(branch) < done.index(join.id)
    assert done.count(join.id) == 1
