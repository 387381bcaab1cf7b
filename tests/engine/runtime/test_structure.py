"""Structured rows at runtime on SQLite and PostgreSQL: a sub-process whose inner revision loop turns
2,000 times, and a multi-instance row done by every OPD (all of them, or any one) with each OPD's item
in that OPD's worklist."""

from __future__ import annotations

from engine.access.linking import place_unit
from engine.runtime.facade import Runtime
from tests.conftest import DATA
from tests.engine.runtime.conftest import UNIT

STRUCTURE_DATA = DATA / "structure"

SUB_LOOP = STRUCTURE_DATA / "subproses_berulang.yaml"
EVERY_OPD = STRUCTURE_DATA / "usulan_setiap_opd.yaml"
ANY_OPD = STRUCTURE_DATA / "usulan_salah_satu_opd.yaml"
PEMDA = "Pemerintah Kabupaten Sukamaju"
OPDS = ("Bappeda", "Dinas Kesehatan", "Dinas Pendidikan")


def test_spiffworkflow_alone_loses_the_work_of_a_long_loop_inside_a_sub_process() -> None:
    """The control: without pruning the sub-process's tree, its ready task is no longer found (~330 turns)."""
    from engine.bpmn.spiff import state
    from engine.bpmn.spiff.spec import parse_spec
    from engine.bpmn.writer import write_bpmn
    from engine.formats.files import load_file

    spec = parse_spec(write_bpmn(load_file(SUB_LOOP).sop)).spec
    workflow = state.new_workflow(spec)
    workflow.do_engine_steps()
    turns = 0
    while turns < 700:
        ready = [task for task in workflow.get_tasks(state=16) if task.task_spec.manual]  # READY
        if not ready:
            break
        task = ready[0]
        if task.task_spec.name == "periksa":
            turns += 1
            task.data["keputusan"] = "Tidak"
        task.run()
        workflow.do_engine_steps()
    assert turns < 700 and not workflow.is_completed()  # work left, but no task to do


def test_a_loop_inside_a_sub_process_turns_2000_times(store_url: str) -> None:
    runtime = Runtime(store_url)
    try:
        runtime.publish(SUB_LOOP)
        runtime.add_user("penyusun", jabatan=[("Pengonsep", UNIT)])
        runtime.add_user("pemeriksa", jabatan=[("Pemeriksa", UNIT)])
        instance, ready = runtime.start("subproses_berulang", "penyusun", {})
        (item,) = ready
        reviews = 0
        steps_done: list[str] = []
        while True:
            if item.step_id == "periksa":
                reviews += 1
                result = runtime.complete(item.id, "pemeriksa", {"keputusan": "Ya" if reviews > 2000 else "Tidak"})
            else:
                who = "pemeriksa" if item.jabatan == "Pemeriksa" else "penyusun"
                result = runtime.complete(item.id, who, {})
            steps_done.append(item.step_id)
            if reviews % 250 == 0:
                runtime.clear_caches()  # reload from the stored state now and then
            if not result.ready:
                break
            (item,) = result.ready
        assert result.instance.status == "completed"
        assert reviews == 2001
        assert steps_done[-3:] == ["periksa", "catat", "kirim"]  # out of the sub-process, on to the next row
        assert steps_done.count("susun") == 2001
        assert runtime.verify_audit()[2] is None
        assert runtime.trace(instance.id)[1][-1].kind == "finished"
    finally:
        runtime.close()


def _opds(runtime: Runtime) -> None:
    with runtime.db.write() as connection:
        place_unit(connection, PEMDA, kind="pemda")
        for opd in OPDS:
            place_unit(connection, opd, kind="opd", parent=PEMDA)
    runtime.add_user("analis", jabatan=[("Analis Perencanaan", "Bappeda")])
    for index, opd in enumerate(OPDS):
        runtime.add_user(f"kepala{index}", jabatan=[("Kepala OPD", opd)])


def test_every_opd_sends_its_proposal_before_the_recap(store_url: str) -> None:
    runtime = Runtime(store_url)
    try:
        runtime.publish(EVERY_OPD)
        _opds(runtime)
        instance, ready = runtime.start("usulan_setiap_opd", "analis", {}, unit="Bappeda")
        assert sorted((item.step_id, item.unit) for item in ready) == [("usulan", opd) for opd in OPDS]
        for index, opd in enumerate(OPDS):  # each head sees only the item of the own OPD
            (mine,) = runtime.worklist(f"kepala{index}")
            assert mine.unit == opd and mine.step_id == "usulan"
        by_unit = {item.unit: item for item in ready}
        first = runtime.complete(by_unit["Dinas Kesehatan"].id, "kepala1", {})
        assert first.ready == () and first.instance.status == "running"
        runtime.clear_caches()
        runtime.complete(by_unit["Bappeda"].id, "kepala0", {})
        last = runtime.complete(by_unit["Dinas Pendidikan"].id, "kepala2", {})
        assert [item.step_id for item in last.ready] == ["rekap"]
        done = runtime.complete(last.ready[0].id, "analis", {})
        assert done.instance.status == "completed"
    finally:
        runtime.close()


def test_any_opd_suffices_and_the_other_items_are_withdrawn(store_url: str) -> None:
    runtime = Runtime(store_url)
    try:
        runtime.publish(ANY_OPD)
        _opds(runtime)
        instance, ready = runtime.start("usulan_salah_satu_opd", "analis", {}, unit="Bappeda")
        assert len(ready) == 3
        by_unit = {item.unit: item for item in ready}
        result = runtime.complete(by_unit["Dinas Pendidikan"].id, "kepala2", {})
        assert [item.step_id for item in result.ready] == ["rekap"]
        assert runtime.worklist("kepala0") == [] and runtime.worklist("kepala1") == []
        trail = runtime.trace(instance.id)[1]
        assert sum(1 for event in trail if event.kind == "cancelled" and event.step == "usulan") == 2
    finally:
        runtime.close()


KTP = STRUCTURE_DATA / "penerbitan_ktp_kecil.yaml"
PINDAH = STRUCTURE_DATA / "pindah_datang.yaml"


def _call_staff(runtime: Runtime) -> None:
    runtime.publish(KTP)
    runtime.publish(PINDAH)
    runtime.add_user("petugas", jabatan=[("Petugas", UNIT)])
    runtime.add_user("operator", jabatan=[("Operator", UNIT)])


def test_a_call_runs_the_called_sop_as_a_linked_child(store_url: str) -> None:
    runtime = Runtime(store_url)
    try:
        _call_staff(runtime)
        parent, (check,) = runtime.start("pindah_datang", "petugas", {})
        result = runtime.complete(check.id, "petugas", {})
        (record,) = result.ready  # the child's first step, not an item of the call row
        assert record.key == "penerbitan_ktp_kecil" and record.step_id == "rekam"
        child_id = record.instance_id
        assert child_id != parent.id
        parent_trail = runtime.trace(parent.id)[1]
        call = next(event for event in parent_trail if event.step == "ktp")
        assert call.kind == "ready" and call.data["anak"] == child_id
        child_trail = runtime.trace(child_id)[1]
        assert child_trail[0].kind == "started" and child_trail[0].data["induk"] == parent.id
        runtime.clear_caches()
        printed = runtime.complete(record.id, "operator", {})
        (cetak,) = printed.ready
        back = runtime.complete(cetak.id, "operator", {})
        assert [item.step_id for item in back.ready] == ["serahkan"]  # the parent goes on
        assert runtime.trace(child_id)[0].status == "completed"
        returned = [event for event in runtime.trace(parent.id)[1] if event.step == "ktp"]
        assert [event.kind for event in returned] == ["ready", "completed"]
        done = runtime.complete(back.ready[0].id, "petugas", {})
        assert done.instance.status == "completed"
        assert runtime.verify_audit()[2] is None
        sop, entries = runtime.document(parent.id)  # the trace shows the call row as run, start to end
        call_entry = next(entry for entry in entries if entry.step_id == "ktp")
        assert call_entry.end is not None and call_entry.start <= call_entry.end
        from engine.render.document import render
        from tests.engine.render.svg_geometry import defects

        assert defects(render(sop, entries), sop) == []
    finally:
        runtime.close()


def test_cancelling_the_parent_cancels_its_child(store_url: str) -> None:
    runtime = Runtime(store_url)
    try:
        _call_staff(runtime)
        parent, (check,) = runtime.start("pindah_datang", "petugas", {})
        (record,) = runtime.complete(check.id, "petugas", {}).ready
        runtime.cancel(parent.id, "petugas", "permohonan dicabut")
        child, trail = runtime.trace(record.instance_id)
        assert child.status == "cancelled" and "permohonan dicabut" in child.reason
        assert trail[-1].kind == "cancelled" and trail[-1].data["induk"] == parent.id
        assert runtime.worklist("operator") == []
        assert runtime.verify_audit()[2] is None
    finally:
        runtime.close()


def test_a_call_to_an_sop_without_the_version_changes_nothing(store_url: str) -> None:
    from engine.errors import TaskError
    import pytest

    runtime = Runtime(store_url)
    try:
        runtime.publish(PINDAH)  # the called SOP is not published
        runtime.add_user("petugas", jabatan=[("Petugas", UNIT)])
        parent, (check,) = runtime.start("pindah_datang", "petugas", {})
        with pytest.raises(TaskError) as raised:
            runtime.complete(check.id, "petugas", {})
        assert "penerbitan_ktp_kecil" in str(raised.value)
        assert [item.id for item in runtime.worklist("petugas")] == [check.id]  # still open, nothing changed
    finally:
        runtime.close()


SEQUENTIAL = STRUCTURE_DATA / "paraf_berurutan.yaml"


def test_a_loop_row_repeats_and_a_sequential_row_stops_at_two_of_three(store_url: str) -> None:
    runtime = Runtime(store_url)
    try:
        runtime.publish(SEQUENTIAL)
        runtime.add_user("sekretaris", jabatan=[("Sekretaris", UNIT)])
        runtime.add_user("kabid", jabatan=[("Kepala Bidang", UNIT)])
        rows = [{"bidang": "Bidang A"}, {"bidang": "Bidang B"}, {"bidang": "Bidang C"}]
        _, (item,) = runtime.start("paraf_berurutan", "sekretaris", {"data": {"pemaraf": rows}})
        turns = 0
        while item.step_id == "lengkapi":  # repeated while the berkas is not complete
            turns += 1
            answer = "Ya" if turns == 3 else "Tidak"
            (item,) = runtime.complete(item.id, "sekretaris", {"data": {"lengkap": answer}}).ready
        assert turns == 3
        signed = []
        while item.step_id == "paraf":  # one Kepala Bidang after another, two of three suffice
            signed.append(item.id)
            runtime.clear_caches()
            (item,) = runtime.complete(item.id, "kabid", {}).ready
        assert len(signed) == 2 and item.step_id == "tandatangan"
    finally:
        runtime.close()


def test_publishing_needs_the_call_resolved(sqlite_url: str) -> None:
    import pytest

    from engine.errors import ProcessDefinitionError

    runtime = Runtime(sqlite_url)
    try:
        with pytest.raises(ProcessDefinitionError) as raised:
            runtime.publish(STRUCTURE_DATA / "subproses_asing.bpmn")
        assert any(problem.code == "st_call_unresolved" for problem in raised.value.problems)
    finally:
        runtime.close()


INCLUSIVE = STRUCTURE_DATA / "cabang_inklusif.yaml"


def test_an_inclusive_split_runs_the_branches_whose_condition_holds_and_the_join_waits_for_them(
        store_url: str) -> None:
    runtime = Runtime(store_url)
    try:
        runtime.publish(INCLUSIVE)
        for name, jabatan in (("petugas", "Petugas"), ("kasi", "Kepala Seksi"), ("kabid", "Kepala Bidang")):
            runtime.add_user(name, jabatan=[(jabatan, UNIT)])

        def branches(nilai: int) -> list[str]:
            _, (check,) = runtime.start("cabang_inklusif", "petugas", {"data": {"nilai": nilai}})
            return sorted(item.step_id for item in runtime.complete(check.id, "petugas", {}).ready)

        assert branches(5) == ["arsip"]  # no condition holds: the default branch
        assert branches(50) == ["seksi"]
        _, (check,) = runtime.start("cabang_inklusif", "petugas", {"data": {"nilai": 500}})
        taken = {item.step_id: item for item in runtime.complete(check.id, "petugas", {}).ready}
        assert sorted(taken) == ["bidang", "seksi"]
        assert runtime.complete(taken["seksi"].id, "kasi", {}).ready == ()  # the join waits for the other one
        runtime.clear_caches()
        (rekap,) = runtime.complete(taken["bidang"].id, "kabid", {}).ready
        assert rekap.step_id == "gabung"
        assert runtime.complete(rekap.id, "petugas", {}).instance.status == "completed"
    finally:
        runtime.close()


def test_an_escalation_timer_fires_on_a_row_inside_a_sub_process(runtime: Runtime, clock) -> None:  # type: ignore[no-untyped-def]
    from datetime import timedelta

    from engine.formats.files import load_file

    sop = load_file(SUB_LOOP).sop
    sop.step("kirim").duration = ""  # only the rows inside the sub-process have a WAKTU
    runtime.publish(sop, "subproses_berulang", escalation=True)
    runtime.add_user("penyusun", jabatan=[("Pengonsep", UNIT)])
    runtime.add_user("pemeriksa", jabatan=[("Pemeriksa", UNIT)])
    instance, (susun,) = runtime.start("subproses_berulang", "penyusun", {})
    assert susun.step_id == "susun" and susun.due_at is not None
    clock.advance(timedelta(hours=1, minutes=1))  # WAKTU 1 jam, on the working calendar (Monday 08:00 start)
    runtime.clear_caches()
    assert runtime.tick().timers_fired == 1
    trail = runtime.trace(instance.id)[1]
    assert [event.step for event in trail if event.kind == "escalated"] == ["susun"]
    (periksa,) = runtime.complete(susun.id, "penyusun", {}).ready  # non-interrupting: the row goes on
    assert periksa.step_id == "periksa"


def test_a_called_sop_that_ends_at_once_lets_the_parent_go_on_in_the_same_step(store_url: str) -> None:
    from engine.formats.files import load_file

    runtime = Runtime(store_url)
    try:
        runtime.publish(STRUCTURE_DATA / "catat_saja.yaml")
        sop = load_file(PINDAH).sop
        call = sop.step("ktp").structure.call
        assert call is not None
        call.key, call.version = "catat_saja", 1  # pinned
        runtime.publish(sop, "pindah_datang")
        runtime.add_user("petugas", jabatan=[("Petugas", UNIT)])
        parent, (check,) = runtime.start("pindah_datang", "petugas", {})
        result = runtime.complete(check.id, "petugas", {})
        assert [item.step_id for item in result.ready] == ["serahkan"]
        trail = runtime.trace(parent.id)[1]
        (started,) = [event for event in trail if event.step == "ktp" and event.kind == "ready"]
        assert runtime.trace(started.data["anak"])[0].status == "completed"
        assert runtime.verify_audit()[2] is None
    finally:
        runtime.close()
