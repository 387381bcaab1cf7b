"""Case data through the runtime: typed fields checked at start and completion, conditions from declared
fields, personal values kept out of the events and masked, registration numbers unique under concurrency,
the case file and the worklist query."""

from __future__ import annotations

import json
import threading
from pathlib import Path

import pytest
from sqlalchemy import func, select

from engine.access.accounts import account, add_account
from engine.access.policy import case_file_for
from engine.errors import CaseDataError
from engine.formats.files import load_file
from engine.runtime.facade import Runtime
from engine.runtime.privacy import value_digest
from engine.runtime.timers import ManualClock
from engine.samples.case_values import sample_values
from engine.sop.model import Sop
from engine.store.models import access_log, case_salts, case_values, events, instances, registration_counters
from tests.conftest import PROCESSES
from tests.engine.runtime.conftest import UNIT, fresh_url, staff
from tests.engine.runtime.helpers import form_for

CUTI = PROCESSES / "permohonan-cuti-pegawai.bpmn"
KEY = "permohonan-cuti-pegawai"
#: The pegawai's leave form as typed at the counter.
START_FORM = {
    "nama_pegawai": "Siti Aminah", "nip_pegawai": "19850330 201001 1 002", "jabatan_pegawai": "Analis Kebijakan",
    "unit_kerja": "Bagian Organisasi", "jenis_cuti": "cuti tahunan", "alasan_cuti": "Keperluan keluarga",
    "tanggal_mulai": "9 Maret 2026", "jumlah_hari": "3", "alamat_selama_cuti": "Jl. Merdeka No. 12, Sukamaju",
    "telepon_pegawai": "0812-3456-7890",
}


def _cuti(runtime: Runtime) -> tuple[Sop, dict[str, str]]:
    sop = load_file(CUTI).sop
    people = staff(runtime, sop)
    runtime.publish(CUTI)
    return sop, people


def _start(runtime: Runtime, sop: Sop, people: dict[str, str], **changes: object) -> tuple[int, list[int]]:
    assert sop.start is not None
    instance, ready = runtime.start(KEY, people[sop.start.actor], form_for(sop.start, data={**START_FORM, **changes}))
    return instance.id, [item.id for item in ready]


def _work_until(runtime: Runtime, sop: Sop, people: dict[str, str], instance_id: int, step_id: str,
                data: dict[str, object] | None = None) -> None:
    """Complete the instance's items (with plausible values) up to and including ``step_id``."""
    for _ in range(20):
        items = [item for user in set(people.values()) for item in runtime.worklist(user)
                 if item.instance_id == instance_id]
        item = items[0]
        values = data if item.step_id == step_id and data is not None else sample_values(sop, item.step_id)
        runtime.complete(item.id, people[item.jabatan], form_for(sop.step(item.step_id), data=values))
        if item.step_id == step_id:
            return
    raise AssertionError(f"{step_id} never came")


def _bodies(runtime: Runtime, instance_id: int) -> list[dict[str, object]]:
    with runtime.db.read() as connection:
        return [json.loads(body) for body in connection.execute(
            select(events.c.body).where(events.c.instance_id == instance_id).order_by(events.c.seq)).scalars()]


def test_the_cuti_sop_runs_on_typed_values_and_its_syarat_reads_declared_fields(runtime: Runtime) -> None:
    sop, people = _cuti(runtime)
    instance_id, _ = _start(runtime, sop, people)
    with runtime.db.read() as connection:
        stored = {row.name: json.loads(row.value) for row in connection.execute(
            select(case_values).where(case_values.c.instance_id == instance_id))}
    assert stored["jumlah_hari"] == 3 and stored["tanggal_mulai"] == "2026-03-09"
    assert stored["nip_pegawai"] == "198503302010011002" and stored["telepon_pegawai"] == "+6281234567890"
    assert stored["jenis_cuti"] == "Cuti Tahunan"  # the option as declared, whatever case was typed
    # sisa 2 < 3 days: the engine answers the syarat "sisa_cuti >= jumlah_hari" with Tidak
    _work_until(runtime, sop, people, instance_id, "periksa_sisa", {"sisa_cuti": "2"})
    decided = [body["data"] for body in _bodies(runtime, instance_id)
               if body["kind"] == "decision" and body["actor"] == "sistem"]
    assert decided == [{"syarat": "sisa_cuti >= jumlah_hari", "keputusan": "Tidak"}]
    (item,) = [item for item in runtime.worklist(people[sop.step("sesuaikan").actor]) if item.instance_id == instance_id]
    assert item.step_id == "sesuaikan"
    done = runtime.complete(item.id, people[item.jabatan], form_for(sop.step("sesuaikan"), data={"jumlah_hari": "2"}))
    assert done.next_jabatan == tuple(dict.fromkeys(ready.jabatan for ready in done.ready)) and done.next_jabatan
    assert runtime.verify_audit()[2] is None


def test_wrong_values_are_refused_with_every_field_named_and_nothing_changes(runtime: Runtime) -> None:
    sop, people = _cuti(runtime)
    assert sop.start is not None
    form = form_for(sop.start, data={**START_FORM, "jumlah_hari": "tiga", "tanggal_mulai": "31 Februari 2026",
                                     "nip_pegawai": "12345", "sisa_cuti": 12, "telepon_pegawai": ""})
    with pytest.raises(CaseDataError) as refused:
        runtime.start(KEY, people[sop.start.actor], form)
    named = [found.element_id for found in refused.value.problems]
    assert sorted(named) == ["jumlah_hari", "nip_pegawai", "sisa_cuti", "tanggal_mulai", "telepon_pegawai"]
    assert refused.value.field == named[0] and refused.value.code == "runtime_case_data_invalid"
    assert "jumlah_hari" in refused.value.render("en") and "sisa_cuti" in str(refused.value)
    with runtime.db.read() as connection:
        for table in (instances, case_values, case_salts, registration_counters):
            assert connection.execute(select(func.count()).select_from(table)).scalar_one() == 0
    instance_id, _ = _start(runtime, sop, people)  # the refused start used no number
    assert runtime.instance(instance_id).registration == "CUTI/0001/2026"


def test_personal_values_stay_out_of_the_events_and_are_masked_unless_the_policy_allows(runtime: Runtime) -> None:
    sop, people = _cuti(runtime)
    instance_id, _ = _start(runtime, sop, people)
    bodies = json.dumps(_bodies(runtime, instance_id), ensure_ascii=False)
    for secret in ("Siti Aminah", "198503302010011002", "+6281234567890", "Jl. Merdeka"):
        assert secret not in bodies
    started = _bodies(runtime, instance_id)[0]["data"]
    with runtime.db.read() as connection:
        salt = connection.execute(select(case_salts.c.salt).where(case_salts.c.instance_id == instance_id)).scalar_one()
    # the chain proves the value with the salt kept in the case table, and only with it
    assert started["data"]["nip_pegawai"] == {"sidik": value_digest(salt, "nip_pegawai", "198503302010011002")}
    assert started["data"]["nip_pegawai"] != {"sidik": value_digest("0" * 32, "nip_pegawai", "198503302010011002")}
    assert started["data"]["jumlah_hari"] == 3 and started["registrasi"] == "CUTI/0001/2026"
    # lists, the trace header and the default case file are masked
    instance = runtime.instance(instance_id)
    assert instance.subject == "Siti A*****"
    clerk = people[sop.start.actor]
    assert {item.subject for item in runtime.worklist(people[sop.step("pertimbangan").actor])} == {"Siti A*****"}
    shown = {value.field.name: value for value in runtime.case_file(instance_id).values}
    assert shown["nip_pegawai"].value == "1985**********1002" and shown["nip_pegawai"].masked
    assert shown["nama_pegawai"].value == "Siti A*****" and shown["jumlah_hari"].value == 3
    assert runtime.trace_print(instance_id)[2].registration == "CUTI/0001/2026"
    # a pemantau sees masks even when asking to unmask; a holder of a jabatan of the SOP in the unit
    # and an admin see the values, and each unmasked view is logged
    add_account(runtime, "inspektur", "inspektur-rahasia", ["pemantau"])
    add_account(runtime, "admin", "admin-rahasia", ["admin"])
    add_account(runtime, clerk, f"{clerk}-rahasia", ["pelaksana"])
    add_account(runtime, "luar", "luar-rahasia", ["pelaksana"], jabatan=[(sop.start.actor, "Unit Lain")])
    watched = case_file_for(runtime, account(runtime, "inspektur"), instance_id, unmask=True)
    assert {value.field.name: value.value for value in watched.values}["nip_pegawai"] == "1985**********1002"
    assert watched.subject == "Siti A*****"
    for who in (clerk, "admin"):
        seen = case_file_for(runtime, account(runtime, who), instance_id, unmask=True)
        values = {value.field.name: value.value for value in seen.values}
        assert values["nip_pegawai"] == "198503302010011002" and seen.subject == "Siti Aminah"
        assert not any(value.masked for value in seen.values)
    with pytest.raises(Exception) as outside:
        case_file_for(runtime, account(runtime, "luar"), instance_id, unmask=True)
    assert type(outside.value).__name__ == "AccessDeniedError"
    with runtime.db.read() as connection:
        logged = connection.execute(select(access_log.c.account, access_log.c.action, access_log.c.instance_id)
                                    .order_by(access_log.c.id)).all()
    assert [tuple(row) for row in logged] == [(clerk, "lihat", instance_id), ("admin", "lihat", instance_id)]


def test_the_case_file_names_officers_by_name_and_jabatan(runtime: Runtime) -> None:
    sop, people = _cuti(runtime)
    instance_id, _ = _start(runtime, sop, people)
    _work_until(runtime, sop, people, instance_id, "pertimbangan", {"catatan_atasan": "Tugas dapat dialihkan"})
    found = runtime.case_file(instance_id)
    assert (found.registration, found.sop_key, found.sop_nomor) == ("CUTI/0001/2026", KEY, "800/001/SOP/BKPSDM/2026")
    assert [step.step_id for step in found.history] == [sop.start.id, "pertimbangan"]  # type: ignore[union-attr]
    first, second = found.history
    assert first.officer_nama.startswith("Pegawai ") and first.jabatan == sop.start.actor  # type: ignore[union-attr]
    assert second.jabatan == sop.step("pertimbangan").actor and second.officer_nama != people[second.jabatan]
    assert second.catatan == "dikerjakan: pertimbangan"
    assert [item.step_id for item in found.open_items] == ["disetujui_atasan"]
    assert {value.field.name: value.step for value in found.values}["catatan_atasan"] == "pertimbangan"


def test_the_worklist_page_searches_filters_sorts_and_pages(runtime: Runtime) -> None:
    sop, people = _cuti(runtime)
    names = ["Siti Aminah", "Budi Santoso", "Dewi Lestari", "Agus Salim", "Rina Marlina"]
    for index, name in enumerate(names):
        _start(runtime, sop, people, nama_pegawai=name)
        runtime.clock.advance(__import__("datetime").timedelta(minutes=5 + index))  # type: ignore[attr-defined]
    atasan = people[sop.step("pertimbangan").actor]
    page = runtime.worklist_page(atasan, limit=2)
    assert (page.total, len(page.items), page.offset) == (5, 2, 0)
    rest = runtime.worklist_page(atasan, offset=2, limit=2)
    last = runtime.worklist_page(atasan, offset=4, limit=2)
    assert len({item.id for item in page.items + rest.items + last.items}) == 5 and len(last.items) == 1
    found = runtime.worklist_page(atasan, search="budi")
    assert found.total == 1 and found.items[0].subject == "Budi S******"
    assert runtime.worklist_page(atasan, search="CUTI/0003").items[0].registration == "CUTI/0003/2026"
    assert runtime.worklist_page(atasan, search="%").total == 0
    numbers = [item.registration for item in runtime.worklist_page(atasan, sort="nomor").items]
    assert numbers == sorted(numbers) and len(numbers) == 5
    waiting = [item.ready_at for item in runtime.worklist_page(atasan, sort="menunggu").items]
    assert waiting == sorted(waiting)
    assert runtime.worklist_page(atasan, key="lain").total == 0 and runtime.worklist_page(atasan, key=KEY).total == 5
    assert runtime.worklist_page(atasan, overdue_only=True).total == 0
    with pytest.raises(Exception) as refused:
        runtime.worklist_page(atasan, sort="acak")
    assert getattr(refused.value, "field", "") == "sort"


def test_fifty_concurrent_starts_get_fifty_consecutive_numbers(runtime: Runtime) -> None:
    sop, people = _cuti(runtime)
    assert sop.start is not None
    barrier = threading.Barrier(50)
    numbers: list[str] = []
    failures: list[BaseException] = []
    lock = threading.Lock()

    def start() -> None:
        barrier.wait()
        try:
            instance, _ = runtime.start(KEY, people[sop.start.actor],  # type: ignore[union-attr]
                                        form_for(sop.start, data=START_FORM))  # type: ignore[arg-type]
            with lock:
                numbers.append(instance.registration)
        except BaseException as exc:  # noqa: BLE001 - collected and asserted below
            failures.append(exc)

    threads = [threading.Thread(target=start) for _ in range(50)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    assert not failures
    assert sorted(numbers) == [f"CUTI/{seq:04d}/2026" for seq in range(1, 51)]
    with runtime.db.read() as connection:
        stored = sorted(connection.execute(select(instances.c.registration)).scalars())
    assert stored == sorted(numbers)


def test_retention_erases_the_values_and_salt_of_old_finished_cases_and_the_chain_still_verifies(
        runtime: Runtime, monkeypatch: pytest.MonkeyPatch, store_url: str) -> None:
    import datetime as dt

    from click.testing import CliRunner

    from engine.cli.main import main
    from tests.engine.runtime.helpers import drive

    sop = load_file(CUTI).sop
    sop.identity.retensi_tahun = "2"
    people = staff(runtime, sop)
    runtime.publish(sop, KEY)
    old, _ = drive(runtime, KEY, sop, people, reload=False, start_data=START_FORM)
    runtime.clock.advance(dt.timedelta(days=400))  # type: ignore[attr-defined]
    recent, _ = drive(runtime, KEY, sop, people, reload=False, start_data=START_FORM)
    running, _ = _start(runtime, sop, people)
    assert runtime.instance(old).status == runtime.instance(recent).status == "completed"
    runtime.clock.advance(dt.timedelta(days=2 * 365 - 400 + 2))  # type: ignore[attr-defined]
    assert runtime.erase_expired(dry_run=True)[0].instance_id == old
    with runtime.db.read() as connection:
        assert connection.execute(select(func.count()).select_from(case_values)
                                  .where(case_values.c.instance_id == old)).scalar_one() > 0
    monkeypatch.setenv("ALUR_DATABASE_URL", store_url)
    monkeypatch.setattr("engine.cli.runtime._runtime", lambda: Runtime(store_url, clock=runtime.clock))
    result = CliRunner().invoke(main, ["--lang", "en", "kasus", "hapus-kedaluwarsa"])
    assert result.exit_code == 0, result.output
    assert "Erased: case CUTI/0001/2026" in result.output and "1 cases erased" in result.output
    with runtime.db.read() as connection:
        left = {row.instance_id for row in connection.execute(select(case_values.c.instance_id))}
        salts = set(connection.execute(select(case_salts.c.instance_id)).scalars())
        logged = connection.execute(select(access_log.c.action, access_log.c.instance_id)).all()
    assert left == salts == {recent, running}
    assert [tuple(row) for row in logged] == [("hapus", old)]
    erased = runtime.case_file(old)
    assert erased.erased and erased.values == () and erased.subject == "" and erased.history
    assert runtime.instance(old).subject == "" and runtime.instance(recent).subject == "Siti A*****"
    checked, _, broken = runtime.verify_audit()
    assert broken is None and checked == 3
    assert runtime.erase_expired() == []  # nothing twice


def test_event_log_exports_carry_the_registration_number_and_no_personal_value(runtime: Runtime,
                                                                              tmp_path: Path) -> None:
    from engine.eventlog import read_log
    from engine.monitoring.export import export_log

    sop, people = _cuti(runtime)
    instance_id, _ = _start(runtime, sop, people)
    _work_until(runtime, sop, people, instance_id, "pertimbangan")
    for suffix in ("csv", "xes"):
        target = tmp_path / f"log.{suffix}"
        assert export_log(runtime, KEY, target) > 0
        text = target.read_text(encoding="utf-8")
        assert "Siti Aminah" not in text and "198503302010011002" not in text
        assert {event.registration for event in read_log(target).events()} == {"CUTI/0001/2026"}


def test_work_items_handed_out_by_start_and_complete_carry_the_case_identity(runtime: Runtime) -> None:
    sop, people = _cuti(runtime)
    assert sop.start is not None
    instance, ready = runtime.start(KEY, people[sop.start.actor], form_for(sop.start, data=START_FORM))
    assert [(item.registration, item.subject) for item in ready] == [("CUTI/0001/2026", "Siti A*****")]
    done = runtime.complete(ready[0].id, people[ready[0].jabatan],
                            form_for(sop.step(ready[0].step_id), data=sample_values(sop, ready[0].step_id)))
    assert done.item.registration == "CUTI/0001/2026"
    assert all(item.registration == "CUTI/0001/2026" for item in done.ready)
    assert runtime.item(ready[0].id).subject == "Siti A*****" and instance.registration == "CUTI/0001/2026"


@pytest.mark.postgresql
def test_a_start_takes_its_number_last_so_starts_of_one_sop_do_not_wait_on_each_others_work(
        tmp_path: Path, request: pytest.FixtureRequest) -> None:
    """On PostgreSQL the counter row an upsert locks stays locked to the commit: a start paused while its
    workflow runs must not hold it, or every other start of the SOP waits (seen as start p95 ~0.8 s under
    load). PostgreSQL only: SQLite's write lock holds the whole store through any write transaction."""
    import engine.runtime.session as session_module

    runtime = Runtime(fresh_url("postgresql", tmp_path, request), clock=ManualClock())
    request.addfinalizer(runtime.close)
    sop, people = _cuti(runtime)
    assert sop.start is not None
    first_paused, second_done = threading.Event(), threading.Event()
    advance = session_module.InstanceRun.advance

    def paused_advance(run: object, *args: object, **kwargs: object) -> None:
        if threading.current_thread().name == "slow":
            first_paused.set()
            second_done.wait(20)
        advance(run, *args, **kwargs)  # type: ignore[arg-type]

    numbers: dict[str, str] = {}

    def start(name: str) -> None:
        instance, _ = runtime.start(KEY, people[sop.start.actor],  # type: ignore[union-attr]
                                    form_for(sop.start, data=START_FORM))  # type: ignore[arg-type]
        numbers[name] = instance.registration

    with pytest.MonkeyPatch.context() as patch:
        patch.setattr(session_module.InstanceRun, "advance", paused_advance)
        slow = threading.Thread(target=start, args=("slow",), name="slow")
        slow.start()
        assert first_paused.wait(20)
        fast = threading.Thread(target=start, args=("fast",), name="fast")
        fast.start()
        fast.join(10)  # with the counter locked before the workflow ran this waited for the slow start
        finished_meanwhile = not fast.is_alive()
        second_done.set()
        fast.join(20)
        slow.join(20)
    assert finished_meanwhile
    # numbered in the order the starts registered, consecutive; the events carry them and still verify
    assert numbers == {"fast": "CUTI/0001/2026", "slow": "CUTI/0002/2026"}
    with runtime.db.read() as connection:
        bodies = [json.loads(body) for body in connection.execute(
            select(events.c.body).where(events.c.kind == "started").order_by(events.c.instance_id)).scalars()]
    assert sorted(body["data"]["registrasi"] for body in bodies) == ["CUTI/0001/2026", "CUTI/0002/2026"]
    instances_checked, _events_checked, broken = runtime.verify_audit()
    assert instances_checked == 2 and broken is None
