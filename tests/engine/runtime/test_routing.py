"""Who works a step across units: the cuti SOP's atasan in the pegawai's unit (or above it when the
pegawai heads that unit) and the Kepala BKPSDM in the BKPSDM; a case seen by the units of its items;
supervisors releasing, reassigning and administering; due times on a unit's own calendar; linking
free-string data to the organisation (SQLite and PostgreSQL)."""

from __future__ import annotations

import datetime as dt
from pathlib import Path
from typing import Any

import pytest

from engine.access import policy
from engine.access.accounts import account, add_account
from engine.access.linking import link_organisation, mark_head, place_unit
from engine.errors import AccessDeniedError, DataError, InputError, NotFoundError, TaskError
from engine.formats.files import load_file
from engine.runtime.calendars import read_calendar_file, store_calendars
from engine.runtime.facade import Runtime
from engine.runtime.timers import ManualClock
from engine.runtime.work import WorkItem
from engine.samples.case_values import sample_values
from engine.sop.model import Sop
from tests.conftest import shipped_processes
from tests.engine.runtime.helpers import form_for

CUTI = Path("processes/permohonan-cuti-pegawai.bpmn")
DINAS = "Dinas Pendidikan dan Kebudayaan"
BIDANG = "Dinas Pendidikan dan Kebudayaan - Bidang Pembinaan SD"
BKPSDM = "Badan Kepegawaian dan Pengembangan Sumber Daya Manusia"
SUBBAG = "Badan Kepegawaian dan Pengembangan Sumber Daya Manusia - Subbagian Umum dan Kepegawaian"
WIB = dt.timezone(dt.timedelta(hours=7))


def _organisation(runtime: Runtime) -> None:
    with runtime.db.write() as connection:
        place_unit(connection, "Pemerintah Kabupaten Sukamaju", kind="pemda")
        place_unit(connection, DINAS, kind="opd", parent="Pemerintah Kabupaten Sukamaju")
        place_unit(connection, BIDANG, parent=DINAS)
        place_unit(connection, BKPSDM, kind="opd", parent="Pemerintah Kabupaten Sukamaju")
        place_unit(connection, SUBBAG, parent=BKPSDM)
        mark_head(connection, BIDANG, "Kepala Bidang Pembinaan SD")


def _people(runtime: Runtime) -> None:
    """Six people in four units; the analis pair shares the Subbagian."""
    for username, roles, held in (
            ("wati", ["pelaksana"], [("Pegawai Pemohon", BIDANG)]),
            ("joko", ["pelaksana"], [("Atasan Langsung", BIDANG), ("Kepala Bidang Pembinaan SD", BIDANG),
                                     ("Pegawai Pemohon", BIDANG)]),
            ("sekdin", ["pelaksana"], [("Atasan Langsung", DINAS)]),
            ("analis", ["pelaksana"], [("Analis SDM Aparatur", SUBBAG)]),
            ("analis2", ["pelaksana"], [("Analis SDM Aparatur", SUBBAG)]),
            ("kasubbag", ["pelaksana"], [("Kepala Subbagian Umum dan Kepegawaian", SUBBAG)]),
            ("kaban", ["pelaksana"], [("Kepala BKPSDM", BKPSDM)]),
            ("spv", ["supervisor"], [("Sekretaris", BKPSDM)]),
            ("spv-dinas", ["supervisor"], [("Sekretaris Dinas", DINAS)]),
            ("admin", ["admin"], [])):
        add_account(runtime, username, f"{username}-rahasia-panjang", roles, nama=username.title(), jabatan=held)
    _organisation(runtime)


@pytest.fixture
def cuti(runtime: Runtime) -> Sop:
    _people(runtime)
    runtime.publish(CUTI)
    return load_file(CUTI).sop


def _start(runtime: Runtime, sop: Sop, who: str) -> tuple[int, list[WorkItem]]:
    assert sop.start is not None
    instance, ready = runtime.start("permohonan-cuti-pegawai", who, form_for(
        sop.start, data=sample_values(sop, sop.start.id, {"jumlah_hari": "3"})))
    return instance.id, ready


def _work(runtime: Runtime, sop: Sop, item: WorkItem, who: str) -> list[WorkItem]:
    data: dict[str, Any] = {"sisa_cuti": "12"} if item.step_id == "periksa_sisa" else {}
    return list(runtime.complete(item.id, who, form_for(sop.step(item.step_id), "Ya",
                                                        sample_values(sop, item.step_id, data))).ready)


def _mine(runtime: Runtime, who: str, instance_id: int) -> list[str]:
    return [item.step_id for item in runtime.worklist(who, limit=200) if item.instance_id == instance_id]


def test_the_cuti_sop_reaches_the_atasan_in_the_pegawais_unit_and_the_kepala_in_the_bkpsdm(
        runtime: Runtime, cuti: Sop) -> None:
    instance_id, ready = _start(runtime, cuti, "wati")
    assert [(item.step_id, item.unit) for item in ready] == [("pertimbangan", BIDANG)]
    assert _mine(runtime, "joko", instance_id) == ["pertimbangan"]
    assert _mine(runtime, "sekdin", instance_id) == [] and _mine(runtime, "analis", instance_id) == []
    # the analis cannot see the case yet: it spans only the Bidang
    with pytest.raises(AccessDeniedError):
        policy.instance_for(runtime, account(runtime, "analis"), instance_id)
    worked: list[tuple[str, str, str]] = []
    holders = {"Atasan Langsung": "joko", "Analis SDM Aparatur": "analis",
               "Kepala Subbagian Umum dan Kepegawaian": "kasubbag", "Kepala BKPSDM": "kaban",
               "Pegawai Pemohon": "wati"}
    while ready:
        item = ready.pop(0)
        worked.append((item.step_id, item.jabatan, item.unit))
        ready += _work(runtime, cuti, item, holders[item.jabatan])
    assert runtime.instance(instance_id).status == "completed"
    units = {jabatan: unit for _, jabatan, unit in worked}
    assert units == {"Atasan Langsung": BIDANG, "Analis SDM Aparatur": SUBBAG,
                     "Kepala Subbagian Umum dan Kepegawaian": SUBBAG, "Kepala BKPSDM": BKPSDM}
    assert ("tanda_tangan", "Kepala BKPSDM", BKPSDM) in worked
    _, trail = runtime.trace(instance_id)
    actors = {event.actor for event in trail if event.kind == "completed"}
    assert actors == {"joko", "analis", "kasubbag", "kaban"}
    # the case spans the Bidang, the Subbagian and the BKPSDM: the holders of its items see it, others not
    for who in ("wati", "joko", "analis", "kasubbag", "kaban"):
        assert policy.instance_for(runtime, account(runtime, who), instance_id).id == instance_id
    with pytest.raises(AccessDeniedError):
        policy.instance_for(runtime, account(runtime, "sekdin"), instance_id)


def test_a_pegawai_who_heads_its_unit_has_its_atasan_in_the_parent_unit(runtime: Runtime, cuti: Sop) -> None:
    instance_id, ready = _start(runtime, cuti, "joko")
    assert [(item.step_id, item.unit) for item in ready] == [("pertimbangan", DINAS)]
    assert _mine(runtime, "sekdin", instance_id) == ["pertimbangan"] and _mine(runtime, "joko", instance_id) == []
    with pytest.raises(AccessDeniedError):
        runtime.claim(ready[0].id, "joko")


def test_an_unresolved_rule_refuses_the_step_and_changes_nothing(runtime: Runtime) -> None:
    sop = load_file(CUTI).sop
    sop.routing["Kepala BKPSDM"] = "unit:Badan Yang Tidak Ada"
    _people(runtime)
    runtime.publish(sop, "cuti-salah")
    instance, ready = runtime.start("cuti-salah", "wati", form_for(
        sop.step("ajukan"), data=sample_values(sop, "ajukan", {"jumlah_hari": "3"})))
    holders = {"Atasan Langsung": "joko", "Analis SDM Aparatur": "analis",
               "Kepala Subbagian Umum dan Kepegawaian": "kasubbag"}
    item = ready[0]
    while item.step_id != "paraf":
        nxt = _work(runtime, sop, item, holders[item.jabatan])
        item = nxt[0]
    with pytest.raises(TaskError) as refused:
        _work(runtime, sop, item, "kasubbag")
    assert refused.value.code == "runtime_routing_unresolved" and "Kepala BKPSDM" in str(refused.value)
    assert runtime.item(item.id).status == "open"  # nothing changed


def test_supervisor_releases_and_reassigns_with_reasons(runtime: Runtime, cuti: Sop) -> None:
    instance_id, ready = _start(runtime, cuti, "wati")
    ready = _work(runtime, cuti, ready[0], "joko")
    ready = _work(runtime, cuti, ready[0], "joko")  # the atasan agrees: periksa_sisa in the Subbagian
    item = ready[0]
    assert (item.step_id, item.unit) == ("periksa_sisa", SUBBAG)
    runtime.claim(item.id, "analis")
    spv, other = account(runtime, "spv"), account(runtime, "spv-dinas")
    with pytest.raises(AccessDeniedError):  # the Dinas's supervisor does not supervise the BKPSDM
        policy.release_item(runtime, other, item.id, "cuti sakit")
    with pytest.raises(AccessDeniedError):  # a clerk is no supervisor
        policy.release_item(runtime, account(runtime, "analis2"), item.id, "saya saja")
    with pytest.raises(DataError):
        policy.release_item(runtime, spv, item.id, "  ")
    assert runtime.item(item.id).claimed_by == "analis"
    released = policy.release_item(runtime, spv, item.id, "Analis sedang dinas luar")
    assert released.claimed_by is None
    with pytest.raises(TaskError):
        policy.release_item(runtime, spv, item.id, "lagi")
    with pytest.raises(AccessDeniedError):  # the kasubbag does not hold the Analis jabatan
        policy.reassign_item(runtime, spv, item.id, "kasubbag", "dialihkan")
    with pytest.raises(NotFoundError):
        policy.reassign_item(runtime, spv, item.id, "tidak-ada", "dialihkan")
    moved = policy.reassign_item(runtime, spv, item.id, "analis2", "Beban kerja dibagi")
    assert moved.claimed_by == "analis2"
    with pytest.raises(AccessDeniedError):
        runtime.complete(item.id, "analis", form_for(cuti.step("periksa_sisa"), data={"sisa_cuti": "12"}))
    _work(runtime, cuti, item, "analis2")
    _, trail = runtime.trace(instance_id)
    kinds = [(event.kind, event.actor, event.data.get("alasan"), event.data.get("dari"), event.data.get("kepada"))
             for event in trail if event.kind in ("released", "reassigned")]
    assert kinds == [("released", "spv", "Analis sedang dinas luar", "analis", None),
                     ("reassigned", "spv", "Beban kerja dibagi", "", "analis2")]
    assert runtime.verify_audit()[2] is None  # still one unbroken chain


def test_supervisor_suspends_resumes_and_cancels_with_reasons(runtime: Runtime, cuti: Sop) -> None:
    instance_id, _ = _start(runtime, cuti, "wati")
    spv_dinas, spv = account(runtime, "spv-dinas"), account(runtime, "spv")
    # the instance runs in the Bidang, below the Dinas: its supervisor administers it, the BKPSDM's does not
    with pytest.raises(AccessDeniedError):
        policy.administer_instance(runtime, spv, instance_id, "suspend", "uji")
    with pytest.raises(DataError):
        policy.administer_instance(runtime, spv_dinas, instance_id, "hapus", "uji")
    with pytest.raises(DataError):
        policy.administer_instance(runtime, spv_dinas, instance_id, "suspend", "")
    assert policy.administer_instance(runtime, spv_dinas, instance_id, "suspend", "Menunggu klarifikasi").status \
        == "suspended"
    assert _mine(runtime, "joko", instance_id) == []
    with pytest.raises(TaskError):
        policy.administer_instance(runtime, spv_dinas, instance_id, "retry", "bukan galat")
    assert policy.administer_instance(runtime, spv_dinas, instance_id, "resume", "Sudah jelas").status == "running"
    assert policy.administer_instance(runtime, account(runtime, "admin"), instance_id, "cancel",
                                      "Pemohon mencabut").status == "cancelled"
    _, trail = runtime.trace(instance_id)
    assert [(event.kind, event.actor, event.data["alasan"]) for event in trail
            if event.kind in ("suspended", "resumed", "cancelled")] == [
        ("suspended", "spv-dinas", "Menunggu klarifikasi"), ("resumed", "spv-dinas", "Sudah jelas"),
        ("cancelled", "admin", "Pemohon mencabut")]
    running, overdue = policy.supervised_work(runtime, spv_dinas)
    assert running == [] and overdue == []
    with pytest.raises(AccessDeniedError):
        policy.supervised_work(runtime, account(runtime, "wati"))


def test_overdue_work_per_jabatan_for_the_supervisor(runtime: Runtime, cuti: Sop, clock: ManualClock) -> None:
    instance_id, ready = _start(runtime, cuti, "wati")
    clock.current = clock.current + dt.timedelta(days=20)
    running, groups = policy.supervised_work(runtime, account(runtime, "spv-dinas"))
    assert [found.id for found in running] == [instance_id]
    assert [(group.unit, group.jabatan, [item.id for item in group.items]) for group in groups] == [
        (BIDANG, "Atasan Langsung", [ready[0].id])]
    assert policy.supervised_work(runtime, account(runtime, "spv")) == ([], [])


CALENDARS = f"""
kalender:
  - unit: ""
    jam_kerja:
      senin: [08:00-12:00, 13:00-16:00]
      selasa: [08:00-12:00, 13:00-16:00]
      rabu: [08:00-12:00, 13:00-16:00]
      kamis: [08:00-12:00, 13:00-16:00]
      jumat: [08:00-11:00, 13:30-16:30]
    libur:
      2026: [2026-03-03]
  - unit: {BIDANG}
    layanan_24_jam: true
"""


def test_due_times_follow_the_calendar_of_the_unit_working_the_step(runtime: Runtime, cuti: Sop,
                                                                    clock: ManualClock) -> None:
    with runtime.db.write() as connection:
        assert store_calendars(connection, read_calendar_file(CALENDARS), "admin", clock.now()) == 2
    clock.current = dt.datetime(2026, 3, 2, 15, 0, tzinfo=WIB)  # Monday 15:00 WIB
    instance_id, ready = _start(runtime, cuti, "wati")
    # pertimbangan (1 hari kerja) in the Bidang, a 24-hour service: due one day of 24 hours later
    step = cuti.step("pertimbangan")
    assert step.duration and ready[0].unit == BIDANG
    assert ready[0].due_at is not None
    due_bidang = ready[0].due_at.astimezone(WIB)
    # the same waktu on the deployment's calendar (Tuesday 3 March is a local day off) for comparison
    deployment = read_calendar_file(CALENDARS)[0]
    from engine.runtime.calendars import calendar_from_spec
    from engine.sop.durations import parse_duration

    office = calendar_from_spec(deployment).due(clock.current, parse_duration(step.duration))
    around = calendar_from_spec(read_calendar_file(CALENDARS)[1]).due(clock.current, parse_duration(step.duration))
    assert due_bidang == around.astimezone(WIB) != office.astimezone(WIB)
    assert office.astimezone(WIB).date() >= dt.date(2026, 3, 4)  # skips the local day off


@pytest.mark.parametrize(("text", "key"), [
    ("kalender:\n  - unit: X\n    jam_kerja:\n      senen: [08:00-12:00]\n", "jam_kerja.senen"),
    ("kalender:\n  - unit: X\n    jam_kerja:\n      senin: [12:00-08:00]\n", "kalender"),
    ("kalender:\n  - unit: X\n    libur:\n      2026: [2027-01-01]\n", "libur.2026"),
    ("kalender:\n  - unit: X\n    warna: biru\n", "warna"),
    ("kalender:\n  - unit: X\n  - unit: X\n", "unit"),
])
def test_a_bad_calendar_names_the_unit_and_key_and_stores_nothing(text: str, key: str) -> None:
    with pytest.raises(InputError) as refused:
        read_calendar_file(text)
    assert refused.value.code == "calendar_bad_entry" and refused.value.params["key"] == key
    assert refused.value.params["unit"] == "X"


def test_calendar_from_csv() -> None:
    specs = read_calendar_file("unit,senin,jumat,layanan_24_jam,libur\n"
                               "RSUD,,,ya,\nKecamatan,07:30-12:00;13:00-16:00,07:30-11:30,,2026-08-17\n",
                               csv_format=True)
    assert specs[0]["layanan_24_jam"] is True and specs[1]["jam_kerja"]["senin"] == ["07:30-12:00", "13:00-16:00"]
    assert specs[1]["libur"] == ["2026-08-17"]


def test_linking_free_string_data_reports_what_it_cannot_match(runtime: Runtime, cuti: Sop) -> None:
    instance_id, ready = _start(runtime, cuti, "wati")
    runtime.add_user("lama", jabatan=[("Pengadministrasi", "Kantor Lama")])  # a holding never linked
    with runtime.db.write() as connection:
        from sqlalchemy import insert, select, update

        from engine.store.models import instances, work_items

        # an item written before the organisation knew its jabatan, and an instance of a unit that no longer exists
        connection.execute(update(work_items).where(work_items.c.id == ready[0].id).values(jabatan="Atasan Lama"))
        row = connection.execute(select(instances).where(instances.c.id == instance_id)).mappings().one()
        copied = {key: value for key, value in row.items() if key not in ("id", "unit_id")}
        connection.execute(insert(instances), {**copied, "unit": "Unit Dihapus"})
    with runtime.db.write() as connection:
        report = link_organisation(connection)
    assert report.holdings == 1 and report.instances == 1 and report.work_items == 0
    assert [(found.table, found.unit, found.jabatan, found.rows) for found in report.unmatched] == [
        ("instances", "Unit Dihapus", "", 1), ("work_items", BIDANG, "Atasan Lama", 1)]
    with runtime.db.read() as connection:
        linked = connection.execute(select(instances.c.unit_id).where(instances.c.id == instance_id)).scalar()
    assert linked is not None
    with runtime.db.write() as connection:  # linked rows are not linked again; the rest is reported again
        again = link_organisation(connection)
    assert (again.holdings, again.instances, again.work_items, len(again.unmatched)) == (0, 0, 0, 2)


def test_routing_rules_are_checked_naming_the_column() -> None:
    from engine.sop.validate import validate

    sop = load_file(CUTI).sop
    assert sop.routing["Kepala BKPSDM"] == f"unit:{BKPSDM}" and sop.routing["Atasan Langsung"] == "atasan_pemohon"
    sop.routing.update({"Pegawai Pemohon": "dipilih:tidak_ada", "Analis SDM Aparatur": "terserah",
                        "Juru Kunci": "unit_instans"})
    found = {(problem.code, problem.element_name) for problem in validate(sop) if problem.code.startswith("routing")}
    assert found == {("routing_unknown_field", "Pegawai Pemohon"), ("routing_bad_rule", "Analis SDM Aparatur"),
                     ("routing_unknown_column", "Juru Kunci")}
    sop.routing = {"Pegawai Pemohon": "dipilih:nama_pegawai", "Analis SDM Aparatur": "opd_induk"}
    assert not [problem for problem in validate(sop) if problem.code.startswith("routing")]


def test_rules_survive_bpmn_and_the_sheet() -> None:
    from engine.bpmn.reader import read_bpmn
    from engine.bpmn.writer import write_bpmn
    from engine.formats.sheet import dump_sheet, load_sheet

    sop = load_file(CUTI).sop
    assert read_bpmn(write_bpmn(sop)).sop.routing == sop.routing
    assert load_sheet(dump_sheet(sop)).routing == sop.routing


def test_cli_links_with_a_report_and_imports_calendars(sqlite_url: str, tmp_path: Path,
                                                      monkeypatch: pytest.MonkeyPatch) -> None:
    from click.testing import CliRunner

    from engine.cli.main import main

    monkeypatch.setenv("ALUR_DATABASE_URL", sqlite_url)
    runtime = Runtime(sqlite_url)
    try:
        _people(runtime)
        runtime.publish(CUTI)
        sop = load_file(CUTI).sop
        _start(runtime, sop, "wati")
        with runtime.db.write() as connection:
            from sqlalchemy import update

            from engine.store.models import work_items

            connection.execute(update(work_items).values(jabatan="Atasan Lama"))
    finally:
        runtime.close()
    result = CliRunner().invoke(main, ["org", "tautkan", "--laporan"])
    assert result.exit_code == 1, result.output
    assert "1 instans" in result.output and f"unit '{BIDANG}', jabatan 'Atasan Lama'" in result.output
    calendars = tmp_path / "kalender.yaml"
    calendars.write_text(CALENDARS, encoding="utf-8")
    result = CliRunner().invoke(main, ["kalender", "import", str(calendars)])
    assert result.exit_code == 0 and "2 kalender disimpan: (seluruh pemda), " + BIDANG in result.output
    calendars.write_text("kalender:\n  - unit: X\n    jam_kerja:\n      senen: [08:00-12:00]\n", encoding="utf-8")
    result = CliRunner().invoke(main, ["kalender", "import", str(calendars)])
    assert result.exit_code == 2 and "jam_kerja.senen" in result.output


def test_the_demo_history_is_worked_by_three_or_more_people_in_two_or_more_units_per_sop(tmp_path: Path) -> None:
    from sqlalchemy import select

    from engine.samples.demo import seed
    from engine.store.models import definitions, events, instances, versions, work_items

    url = f"sqlite:///{tmp_path / 'demo.db'}"
    logins = seed(url, instances_per_sop=3)
    runtime = Runtime(url)
    try:
        with runtime.db.read() as connection:
            rows = connection.execute(
                select(definitions.c.key, events.c.actor, work_items.c.unit)
                .join(versions, versions.c.definition_id == definitions.c.id)
                .join(instances, instances.c.version_id == versions.c.id)
                .join(events, events.c.instance_id == instances.c.id)
                .join(work_items, work_items.c.id == events.c.item_id)
                .where(events.c.kind == "completed", instances.c.mode == "real")).all()
        people: dict[str, set[str]] = {}
        units: dict[str, set[str]] = {}
        for key, actor, unit in rows:
            people.setdefault(key, set()).add(actor)
            units.setdefault(key, set()).add(unit)
        assert len(people) == len(shipped_processes())
        for key in people:
            assert len(people[key]) >= 3 and len(units[key]) >= 2, (key, people[key], units[key])
        assert "pelaksana" not in {actor for actors in people.values() for actor in actors}
        assert [login.username for login in logins] == ["admin", "penyusun", "verifikator", "pengesah", "pelaksana",
                                                        "pemantau"]
        assert runtime.worklist("pelaksana")  # the demo's clerk login still sees the open steps
    finally:
        runtime.close()


@pytest.mark.parametrize("kind", ["sqlite", pytest.param("postgresql", marks=pytest.mark.postgresql)])
def test_migration_0010r_down_and_up(kind: str, tmp_path: Path, request: pytest.FixtureRequest) -> None:
    import sqlalchemy

    from engine.store.db import Database
    from engine.store.migrate import current_revision, downgrade, head_revision, upgrade
    from tests.engine.runtime.conftest import fresh_url

    database = Database(fresh_url(kind, tmp_path, request))

    def columns(table: str) -> set[str]:
        with database.engine.connect() as connection:
            return {column["name"] for column in sqlalchemy.inspect(connection).get_columns(table)}

    try:
        assert current_revision(database) == head_revision()  # 0010r or a later head
        assert {"unit_id", "jabatan_id"} <= columns("work_items")
        downgrade(database, "0008o")
        assert "unit_id" not in columns("instances")
        with database.engine.connect() as connection:
            assert "work_calendars" not in sqlalchemy.inspect(connection).get_table_names()
        upgrade(database)
        assert current_revision(database) == head_revision() and "unit_id" in columns("instances")
    finally:
        database.dispose()
