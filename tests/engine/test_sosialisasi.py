"""Stages 6-8 of Permendagri 52/2011: the sosialisasi plan, distribution to the holders of the SOP's
jabatan with each one's tanda terima and the coverage, per-SOP penanggung jawab and pemantau in the
access policy, pelatihan sessions, and simulation instances that monitoring and ujicoba never count."""

from __future__ import annotations

import datetime as dt
from pathlib import Path
from typing import Iterator

import pytest

from engine.access.accounts import account, add_account
from engine.access.policy import check_instance, monitor_scope, monitored_keys
from engine.errors import AccessDeniedError, DataError, NotFoundError
from engine.formats.files import load_file
from engine.lifecycle.pelatihan import record_session, sessions_of, start_simulation
from engine.lifecycle.sosialisasi import (acknowledge, assign, assignments_of, coverage, distribute, distributions_of,
                                          plan_of, save_plan, to_acknowledge, unassign)
from engine.lifecycle.ujicoba import give_feedback, pending_feedback, ujicoba_report
from engine.monitoring.export import store_log_events
from engine.monitoring.report import monitoring_report
from engine.runtime.browse import list_instances
from engine.runtime.facade import Runtime
from engine.runtime.timers import ManualClock
from engine.samples.case_values import sample_values
from engine.store.models import outbox
from tests.conftest import DATA
from tests.engine.runtime.conftest import fresh_url, postgres_database  # noqa: F401 - the PostgreSQL fixture

UTC = dt.timezone.utc
KEY = "uji-surat"
UMUM, LAIN = "Bagian Umum", "Bagian Keuangan"
SHEET = DATA / "surat_kecil.yaml"
#: Monday 2 March 2026, 09:00 WIB.
MORNING = dt.datetime(2026, 3, 2, 2, 0, tzinfo=UTC)


@pytest.fixture(params=["sqlite", pytest.param("postgresql", marks=pytest.mark.postgresql)])
def runtime(request: pytest.FixtureRequest, tmp_path: Path) -> Iterator[Runtime]:
    """The small surat SOP approved for Bagian Umum; clerks there and in another unit, staff, a pemantau."""
    found = Runtime(fresh_url(request.param, tmp_path, request), clock=ManualClock(MORNING))
    people = {
        "penyusun": (["penyusun"], [("Analis Organisasi", UMUM)]),
        "admin-umum": (["pelaksana"], [("Pengadministrasi", UMUM)]),
        "kasubag": (["pelaksana"], [("Kepala Subbagian", UMUM)]),
        "kabag": (["pelaksana"], [("Kepala Bagian", UMUM)]),
        "sopir": (["pelaksana"], [("Pengemudi", UMUM)]),  # staff of the unit, no jabatan of the SOP
        "admin-lain": (["pelaksana"], [("Pengadministrasi", LAIN)]),
        "pemantau-lain": (["pemantau"], [("Auditor", LAIN)]),
        "kabag-lain": (["pelaksana"], [("Kepala Bagian", LAIN)]),
    }
    for username, (roles, jabatan) in people.items():
        add_account(found, username, f"{username}-rahasia", roles, nama=f"Nama {username}", nip="1980",
                    jabatan=jabatan)
    found.publish(SHEET, KEY)
    yield found
    found.close()


def _start_form(runtime: Runtime) -> dict[str, object]:
    sop = load_file(SHEET).sop
    return {"kelengkapan": {"Surat masuk": {"cara": "kertas"}}, "data": sample_values(sop, "terima")}


def test_plan_is_saved_per_version_and_refuses_empty_fields(runtime: Runtime) -> None:
    assert plan_of(runtime, KEY) is None
    with pytest.raises(DataError) as refused:
        save_plan(runtime, KEY, "penyusun", jadwal_mulai=dt.date(2026, 3, 9), pejabat=" ", sasaran="Pelaksana",
                  pemantauan="Observasi")
    assert refused.value.field == "pejabat" and "pejabat" in str(refused.value)
    with pytest.raises(DataError) as backwards:
        save_plan(runtime, KEY, "penyusun", jadwal_mulai=dt.date(2026, 3, 9), jadwal_selesai=dt.date(2026, 3, 1),
                  pejabat="Kabag Organisasi", sasaran="Pelaksana", pemantauan="Observasi")
    assert backwards.value.field == "jadwal_selesai"
    assert plan_of(runtime, KEY) is None  # nothing was saved
    save_plan(runtime, KEY, "penyusun", jadwal_mulai=dt.date(2026, 3, 9), pejabat="Kabag Organisasi",
              sasaran="Seluruh pelaksana Bagian Umum", pemantauan="Observasi supervisor", materi="Alur surat")
    saved = save_plan(runtime, KEY, "penyusun", jadwal_mulai=dt.date(2026, 3, 10), jadwal_selesai=dt.date(2026, 3, 11),
                      pejabat="Kabag Organisasi", sasaran="Pelaksana", pemantauan="Wawancara pelaksana")
    found = plan_of(runtime, KEY)
    assert found is not None and found == saved
    assert (found.version, found.jadwal_mulai, found.pemantauan) == (1, dt.date(2026, 3, 10), "Wawancara pelaksana")


def test_distribution_reaches_the_holders_of_its_jabatan_and_counts_acknowledgements(runtime: Runtime) -> None:
    given = distribute(runtime, KEY, "penyusun")
    assert [(item.username, item.jabatan) for item in given] == [
        ("admin-umum", "Pengadministrasi"), ("kabag", "Kepala Bagian"), ("kasubag", "Kepala Subbagian")]
    assert coverage(runtime)[KEY].acknowledged == 0 and coverage(runtime)[KEY].distributed == 3
    assert [item.key for item in to_acknowledge(runtime, "kasubag")] == [KEY]
    assert to_acknowledge(runtime, "admin-lain") == []  # another unit's holder of the same jabatan

    runtime.clock.advance(dt.timedelta(minutes=90))  # type: ignore[attr-defined]
    receipt = acknowledge(runtime, KEY, "kasubag")
    assert receipt.acknowledged_at == MORNING + dt.timedelta(minutes=90)
    runtime.clock.advance(dt.timedelta(hours=1))  # type: ignore[attr-defined]
    assert acknowledge(runtime, KEY, "kasubag").acknowledged_at == receipt.acknowledged_at  # the first time stays
    counted = coverage(runtime)[KEY]
    assert (counted.acknowledged, counted.distributed, counted.version) == (1, 3, 1)
    assert to_acknowledge(runtime, "kasubag") == []
    assert [item.acknowledged_at for item in to_acknowledge(runtime, "kasubag", include_done=True)] == [
        receipt.acknowledged_at]
    with pytest.raises(NotFoundError):
        acknowledge(runtime, KEY, "admin-lain")

    staff = distribute(runtime, KEY, "penyusun", whole_unit=True)  # only who did not have it yet
    assert [(item.username, item.jabatan) for item in staff] == [("penyusun", ""), ("sopir", "")]
    other = distribute(runtime, KEY, "penyusun", unit=LAIN)
    assert [item.username for item in other] == ["admin-lain", "kabag-lain"]
    assert (coverage(runtime)[KEY].acknowledged, coverage(runtime)[KEY].distributed) == (1, 7)
    assert [item.username for item in distributions_of(runtime, KEY, units=frozenset({LAIN}))] == [
        "admin-lain", "kabag-lain"]
    with pytest.raises(DataError) as nobody:
        distribute(runtime, KEY, "penyusun", unit="Bagian Tanpa Pegawai")
    assert nobody.value.field == "unit"


def test_a_draft_only_sop_has_no_sosialisasi(runtime: Runtime) -> None:
    runtime.publish(SHEET, "draf-saja", draft=True)
    with pytest.raises(NotFoundError):
        distribute(runtime, "draf-saja", "penyusun")


def test_per_sop_pemantau_and_penanggung_jawab_reach_beyond_their_units(runtime: Runtime) -> None:
    instance, _ = runtime.start(KEY, "admin-umum", _start_form(runtime))
    watcher = account(runtime, "pemantau-lain")
    with runtime.db.read() as connection:
        with pytest.raises(AccessDeniedError):
            monitor_scope(connection, watcher, KEY)
        assert monitored_keys(connection, watcher, {KEY: UMUM}) == frozenset()
    assign(runtime, KEY, "pemantau-lain", "pemantau", "penyusun")
    with runtime.db.read() as connection:
        assert monitor_scope(connection, watcher, KEY) is None
        assert monitored_keys(connection, watcher, {KEY: UMUM}) == frozenset({KEY})

    chief = account(runtime, "kabag-lain")
    with runtime.db.read() as connection:
        with pytest.raises(AccessDeniedError):
            check_instance(connection, chief, instance)
    assert list_instances(runtime, chief) == []
    assign(runtime, KEY, "kabag-lain", "penanggung_jawab", "penyusun")
    assert assign(runtime, KEY, "kabag-lain", "penanggung_jawab", "penyusun").assigned_by == "penyusun"
    assert [(item.username, item.role) for item in assignments_of(runtime, KEY)] == [
        ("pemantau-lain", "pemantau"), ("kabag-lain", "penanggung_jawab")]
    with runtime.db.read() as connection:
        assert check_instance(connection, chief, instance) == instance
    assert [row.instance.id for row in list_instances(runtime, chief)] == [instance.id]
    assert unassign(runtime, KEY, "kabag-lain", "penanggung_jawab", "penyusun")
    with runtime.db.read() as connection:
        with pytest.raises(AccessDeniedError):
            check_instance(connection, chief, instance)
    with pytest.raises(DataError) as bad_role:
        assign(runtime, KEY, "kabag-lain", "ketua", "penyusun")
    assert bad_role.value.field == "peran"
    with pytest.raises(DataError):
        assign(runtime, KEY, "tidak-ada", "pemantau", "penyusun")


def test_pelatihan_sessions_keep_kind_date_and_attendees(runtime: Runtime) -> None:
    with pytest.raises(DataError) as kind:
        record_session(runtime, KEY, "penyusun", held_on=dt.date(2026, 3, 12), kind="seminar", attendees=["kabag"])
    assert kind.value.field == "jenis"
    with pytest.raises(DataError) as unknown:
        record_session(runtime, KEY, "penyusun", held_on=dt.date(2026, 3, 12), kind="bimtek",
                       attendees="kabag, hantu")
    assert unknown.value.field == "peserta" and "hantu" in str(unknown.value)
    assert sessions_of(runtime, KEY) == []
    first = record_session(runtime, KEY, "penyusun", held_on=dt.date(2026, 3, 12), kind="bimtek",
                           attendees="kasubag, admin-umum kasubag", notes="Alur disposisi")
    second = record_session(runtime, KEY, "penyusun", held_on=dt.date(2026, 3, 19), kind="simulasi",
                            attendees=["kabag"])
    assert first.attendees == ("admin-umum", "kasubag")
    assert [item.id for item in sessions_of(runtime, KEY)] == [second.id, first.id]
    assert sessions_of(runtime, KEY)[1].notes == "Alur disposisi"


def test_simulations_are_marked_and_never_counted(runtime: Runtime) -> None:
    runtime.publish(SHEET, KEY, draft=True)  # a draft on ujicoba beside the approved version
    real, _ = runtime.start(KEY, "admin-umum", _start_form(runtime))
    simulation, opened = start_simulation(runtime, KEY, "admin-umum", _start_form(runtime))
    trial, _ = runtime.start(KEY, "admin-umum", _start_form(runtime), trial=True)
    assert (simulation.mode, simulation.simulation, simulation.version) == ("simulasi", True, 1)
    assert simulation.registration.startswith("SIM-") and trial.registration.startswith("UJI-")
    assert opened and all(item.simulation for item in opened)
    listed = {item.instance_id: item for item in runtime.worklist("kasubag")}
    assert listed[simulation.id].simulation and not listed[real.id].simulation and not listed[trial.id].simulation
    assert runtime.trace(simulation.id)[1][0].data.get("simulasi") is True

    done = {}
    for item_id in [item.id for item in runtime.worklist("kasubag")]:  # every step decided, in every mode
        finished = runtime.complete(item_id, "kasubag", {"keputusan": "Tidak", "data": {"jumlah_hari": 3}})
        done[finished.item.instance_id] = finished.item.id
    regular = monitoring_report(runtime, KEY)
    assert regular.started == 1
    trial_report = monitoring_report(runtime, KEY, trial=True)
    assert trial_report.started == 1
    assert sum(step.count for step in trial_report.steps) == 1  # the ujicoba's step, not the simulation's
    assert {event.case_id for event in store_log_events(runtime, KEY)} == {str(real.id)}
    assert {event.case_id for event in store_log_events(runtime, KEY, trial=True)} == {str(trial.id)}
    assert ujicoba_report(runtime, KEY).timing.started == 1

    waiting = pending_feedback(runtime, "kasubag")
    assert [item.instance_id for item in waiting] == [trial.id]
    with pytest.raises(AccessDeniedError):
        give_feedback(runtime, done[simulation.id], "kasubag", 5, 5, 5)
    with runtime.db.read() as connection:
        assert connection.execute(outbox.select().where(outbox.c.instance_id == simulation.id)).first() is None
    with pytest.raises(DataError):
        runtime.start(KEY, "admin-umum", _start_form(runtime), trial=True, simulation=True)


@pytest.mark.parametrize("kind", ["sqlite", pytest.param("postgresql", marks=pytest.mark.postgresql)])
def test_migration_0011k_down_and_up(kind: str, tmp_path: Path, request: pytest.FixtureRequest) -> None:
    import sqlalchemy

    from engine.store.db import Database
    from engine.store.migrate import downgrade, upgrade

    database = Database(fresh_url(kind, tmp_path, request))
    created = {"sosialisasi_plans", "sop_distributions", "sop_assignments", "pelatihan_sessions",
               "pelatihan_attendees"}

    def tables() -> set[str]:
        with database.engine.connect() as connection:
            return set(sqlalchemy.inspect(connection).get_table_names())

    try:
        assert created <= tables()
        downgrade(database, "0010r")
        assert not created & tables()
        upgrade(database)
        assert created <= tables()
    finally:
        database.dispose()
