"""Who may do what, what a completion must carry, trial instances and version pinning."""

from __future__ import annotations

from pathlib import Path

import pytest
from sqlalchemy import select

from engine.errors import AccessDeniedError, AlreadyCompletedError, CaseDataError, DataError, NotFoundError, TaskError
from engine.formats.files import load_file
from engine.runtime.facade import Runtime
from engine.samples.case_values import sample_values
from engine.store.models import instances, work_items
from tests.conftest import DATA
from tests.engine.runtime.conftest import UNIT

SURAT = DATA / "surat_kecil.yaml"


def setup(runtime: Runtime) -> None:
    runtime.add_user("ani", "Ani", jabatan=[("Pengadministrasi", UNIT)])
    runtime.add_user("budi", "Budi", jabatan=[("Kepala Subbagian", UNIT)])
    runtime.add_user("bayu", "Bayu", jabatan=[("Kepala Subbagian", UNIT)])
    runtime.add_user("citra", "Citra", jabatan=[("Kepala Bagian", UNIT)])
    runtime.add_user("dodi", "Dodi", jabatan=[("Kepala Subbagian", "Bagian Lain")])
    runtime.publish(SURAT)


def started(runtime: Runtime) -> int:
    instance, ready = runtime.start("surat_kecil", "ani", {"kelengkapan": ["Surat masuk"]})
    assert [item.step_id for item in ready] == ["periksa"]
    return ready[0].id


def snapshot(runtime: Runtime) -> tuple[object, ...]:
    with runtime.db.read() as connection:
        return (connection.execute(select(instances.c.revision, instances.c.last_seq, instances.c.state)).all(),
                connection.execute(select(work_items.c.id, work_items.c.status, work_items.c.claimed_by)).all())


def test_only_a_holder_of_the_first_steps_jabatan_starts(runtime: Runtime) -> None:
    setup(runtime)
    with pytest.raises(AccessDeniedError) as denied:
        runtime.start("surat_kecil", "budi", {"kelengkapan": ["Surat masuk"]})
    assert "Pengadministrasi" in str(denied.value)
    with pytest.raises(NotFoundError) as unknown:
        runtime.start("surat_kecl", "ani", {})
    assert "surat_kecil" in str(unknown.value)  # did you mean
    assert runtime.instance_count() == 0


def test_only_holders_of_the_lane_in_the_unit_or_the_claimant_complete(runtime: Runtime) -> None:
    setup(runtime)
    item = started(runtime)
    before = snapshot(runtime)
    for user in ("ani", "citra", "dodi"):  # wrong jabatan, wrong jabatan, right jabatan in another unit
        with pytest.raises(AccessDeniedError):
            runtime.complete(item, user, {"keputusan": "Ya"})
    assert snapshot(runtime) == before
    assert [i.id for i in runtime.worklist("budi")] == [item]
    assert [i.id for i in runtime.worklist("bayu")] == [item]
    assert runtime.worklist("dodi") == [] and runtime.worklist("citra") == []
    runtime.claim(item, "budi")
    with pytest.raises(AccessDeniedError) as taken:
        runtime.complete(item, "bayu", {"keputusan": "Ya"})
    assert "budi" in str(taken.value)
    with pytest.raises(AccessDeniedError):
        runtime.claim(item, "bayu")
    result = runtime.complete(item, "budi", {"keputusan": "Tidak"})
    assert [ready.step_id for ready in result.ready] == ["arsip"]
    assert result.item.completed_by == "budi"


def test_a_second_completion_is_told_who_won_and_changes_nothing(runtime: Runtime) -> None:
    setup(runtime)
    item = started(runtime)
    runtime.complete(item, "budi", {"keputusan": "Tidak"})
    before = snapshot(runtime)
    with pytest.raises(AlreadyCompletedError) as late:
        runtime.complete(item, "bayu", {"keputusan": "Ya"})
    assert "sudah diselesaikan oleh budi pada 2026-03-02 08:00:00 WIB" in str(late.value)
    assert late.value.by == "budi"
    assert snapshot(runtime) == before


@pytest.mark.parametrize(("form", "field"), [
    ({}, "keputusan"),
    ({"keputusan": "ya"}, "keputusan"),
    ({"keputusan": "Ya", "kelengkapan": ["Surat palsu"]}, "kelengkapan"),
    ({"keputusan": "Ya", "nilai": 1}, "nilai"),
    # names the SOP does not declare for the step are refused, each named
    ({"keputusan": "Ya", "data": {"typename": "x"}}, "typename"),
    ({"keputusan": "Ya", "data": {"ok": {"typename": "x"}}}, "ok"),
    ({"keputusan": "Ya", "data": {"keputusan": "Tidak"}}, "keputusan"),
    ({"keputusan": "Ya", "data": {"x": object()}}, "x"),
    # a declared field with a value of the wrong type
    ({"keputusan": "Ya", "data": {"jumlah_hari": "tiga"}}, "jumlah_hari"),
    ({"keputusan": "Ya", "data": {"jumlah_hari": {"typename": "x"}}}, "jumlah_hari"),
])
def test_a_bad_form_is_refused_and_changes_nothing(runtime: Runtime, form: dict[str, object], field: str) -> None:
    setup(runtime)
    item = started(runtime)
    before = snapshot(runtime)
    with pytest.raises(DataError) as refused:
        runtime.complete(item, "budi", form)
    assert refused.value.field == field
    assert snapshot(runtime) == before


def test_kelengkapan_must_be_ticked_or_explained(runtime: Runtime) -> None:
    setup(runtime)
    with pytest.raises(DataError) as refused:
        runtime.start("surat_kecil", "ani", {"kelengkapan": {"Surat masuk": False}})
    assert "Surat masuk" in str(refused.value) and "alasan" in str(refused.value)
    instance, _ = runtime.start("surat_kecil", "ani", {"alasan": "Surat diterima lewat surel"})
    _, trail = runtime.trace(instance.id)
    assert trail[0].data["kelengkapan"] == {"Surat masuk": {"cara": "tidak_ada", "alasan": "Surat diterima lewat surel"}}
    assert trail[0].data["alasan"] == "Surat diterima lewat surel"


def test_a_completed_item_records_who_when_and_what(runtime: Runtime, clock: object) -> None:
    setup(runtime)
    item = started(runtime)
    runtime.complete(item, "budi", {"keputusan": "Ya", "catatan": "perlu", "output": {"nomor": "12/2026"}})
    instance_id = runtime.item(item).instance_id
    _, trail = runtime.trace(instance_id)
    kinds = [(event.kind, event.step, event.actor) for event in trail]
    assert kinds[:4] == [("started", "terima", "ani"), ("ready", "periksa", "sistem"), ("completed", "periksa", "budi"),
                         ("decision", "periksa", "budi")]
    assert trail[2].data == {"kelengkapan": {}, "keputusan": "Ya", "catatan": "perlu", "output": {"nomor": "12/2026"}}
    assert [event.seq for event in trail] == list(range(1, len(trail) + 1))


def test_draft_versions_run_only_as_marked_trial_instances(runtime: Runtime) -> None:
    setup(runtime)
    runtime.publish(SURAT, "surat_draf", draft=True)
    with pytest.raises(NotFoundError) as refused:
        runtime.start("surat_draf", "ani", {"kelengkapan": ["Surat masuk"]})
    assert "ujicoba" in str(refused.value)
    instance, ready = runtime.start("surat_draf", "ani", {"kelengkapan": ["Surat masuk"]}, trial=True)
    assert instance.trial and all(item.trial for item in ready)
    assert all(item.trial for item in runtime.worklist("budi"))
    _, trail = runtime.trace(instance.id)
    assert trail[0].data["ujicoba"] is True
    real, _ = runtime.start("surat_kecil", "ani", {"kelengkapan": ["Surat masuk"]})
    assert not real.trial
    assert sorted(item.trial for item in runtime.worklist("budi")) == [False, True]


def test_instances_stay_on_the_version_they_started_on(runtime: Runtime, tmp_path: Path) -> None:
    setup(runtime)
    old_item = started(runtime)
    changed = load_file(SURAT).sop
    periksa = changed.step("periksa")
    periksa.no = "disposisi"  # version 2: Tidak now also goes to disposisi (never straight to arsip)
    periksa.yes = "arsip"
    version = runtime.publish(changed, "surat_kecil")
    assert version.number == 2
    assert runtime.publish(changed, "surat_kecil").created is False
    runtime.clear_caches()
    result = runtime.complete(old_item, "budi", {"keputusan": "Tidak"})
    assert [item.step_id for item in result.ready] == ["arsip"]  # version 1's Tidak
    assert result.instance.version == 1
    new, ready = runtime.start("surat_kecil", "ani", {"kelengkapan": ["Surat masuk"]})
    assert new.version == 2
    result = runtime.complete(ready[0].id, "budi", {"keputusan": "Tidak"})
    assert [item.step_id for item in result.ready] == ["disposisi"]
    assert [v.number for v in runtime.versions("surat_kecil")] == [1, 2]
    assert b'targetRef="arsip"' in runtime.bpmn("surat_kecil", 1) and runtime.bpmn("surat_kecil") != runtime.bpmn(
        "surat_kecil", 1)


def test_cancel_needs_a_reason_and_closes_the_work(runtime: Runtime) -> None:
    setup(runtime)
    item = started(runtime)
    instance_id = runtime.item(item).instance_id
    with pytest.raises(TaskError):
        runtime.cancel(instance_id, "ani", "  ")
    with pytest.raises(AccessDeniedError):
        runtime.cancel(instance_id, "dodi", "salah kirim")
    cancelled = runtime.cancel(instance_id, "ani", "Surat salah alamat")
    assert cancelled.status == "cancelled" and cancelled.reason == "Surat salah alamat"
    assert runtime.worklist("budi") == []
    with pytest.raises(TaskError):
        runtime.complete(item, "budi", {"keputusan": "Ya"})
    _, trail = runtime.trace(instance_id)
    assert trail[-1].kind == "cancelled" and trail[-1].data == {"alasan": "Surat salah alamat"}


def test_suspended_instances_leave_the_worklist_until_resumed(runtime: Runtime) -> None:
    setup(runtime)
    item = started(runtime)
    instance_id = runtime.item(item).instance_id
    runtime.suspend(instance_id, "budi", "menunggu klarifikasi")
    assert runtime.worklist("budi") == []
    with pytest.raises(TaskError):
        runtime.complete(item, "budi", {"keputusan": "Ya"})
    runtime.resume(instance_id, "budi")
    assert [i.id for i in runtime.worklist("budi")] == [item]
    runtime.complete(item, "budi", {"keputusan": "Tidak"})


def test_a_condition_cannot_run_without_its_declared_field_and_nothing_changes(runtime: Runtime) -> None:
    path = Path("processes/permohonan-cuti-pegawai.bpmn")
    sop = load_file(path).sop
    from tests.engine.runtime.conftest import staff
    from tests.engine.runtime.helpers import form_for

    people = staff(runtime, sop)
    runtime.publish(path)
    assert sop.start is not None
    runtime.start("permohonan-cuti-pegawai", people[sop.start.actor],
                  form_for(sop.start, data=sample_values(sop, sop.start.id, {"jumlah_hari": "2"})))
    for _ in range(3):
        items = [i for user in people.values() for i in runtime.worklist(user)]
        item = items[0]
        if item.step_id == "periksa_sisa":
            break
        runtime.complete(item.id, people[item.jabatan], form_for(sop.step(item.step_id),
                                                                 data=sample_values(sop, item.step_id)))
    before = snapshot(runtime)
    with pytest.raises(CaseDataError) as refused:  # no sisa_cuti: the syarat after it could not be decided
        runtime.complete(item.id, people[item.jabatan], form_for(sop.step("periksa_sisa")))
    assert refused.value.field == "sisa_cuti" and [found.element_id for found in refused.value.problems] == [
        "sisa_cuti"]
    assert snapshot(runtime) == before
    with pytest.raises(CaseDataError) as refused:  # jumlah_hari is asked at the start (and sesuaikan), not here
        runtime.complete(item.id, people[item.jabatan],
                         form_for(sop.step("periksa_sisa"), data={"sisa_cuti": 10, "jumlah_hari": 2}))
    assert [found.element_id for found in refused.value.problems] == ["jumlah_hari"]
    assert snapshot(runtime) == before
    result = runtime.complete(item.id, people[item.jabatan],
                              form_for(sop.step("periksa_sisa"), data={"sisa_cuti": "10"}))
    assert [ready.step_id for ready in result.ready] == ["konsep"]


def test_the_worklist_reads_its_index_only(sqlite_url: str) -> None:
    from engine.store.models import work_items as table

    runtime = Runtime(sqlite_url)
    try:
        with runtime.db.read() as connection:
            query = (select(table).where(table.c.status == "open", table.c.jabatan == "x", table.c.unit == "y")
                     .order_by(table.c.due_at, table.c.id).limit(50))
            compiled = query.compile(connection, compile_kwargs={"literal_binds": True})
            plan = " ".join(str(row[-1]) for row in connection.exec_driver_sql(f"EXPLAIN QUERY PLAN {compiled}"))
    finally:
        runtime.close()
    assert "USING INDEX ix_work_items_worklist" in plan and "TEMP B-TREE" not in plan, plan
