"""Units on every monitoring query: the policy's ``monitor_scope`` narrows reports, forms, exports,
ujicoba and evaluations to the account's units, and refuses an SOP of none of them (SQLite and PostgreSQL).
"""

from __future__ import annotations

from pathlib import Path

import pytest
from sqlalchemy import update

from engine import (
    EVALUATION_QUESTIONS,
    EvaluationAnswer,
    EvaluationForm,
    Runtime,
    account,
    add_account,
    evaluations_of,
    list_instances,
    load_file,
    log_for,
    monitor_scope,
    monitor_units,
    monitoring_forms_for,
    monitoring_scope,
    prefill_monitoring_form,
    read_log,
    report_for,
    save_evaluation,
    save_evaluation_for,
    save_monitoring_form_for,
    sop_unit_ids,
    ujicoba_for,
)
from engine.errors import AccessDeniedError, NotFoundError
from engine.lifecycle.requests import revision_requests_of
from engine.store.models import org_units
from tests.conftest import PROCESSES

SURAT = PROCESSES / "pengelolaan-surat-masuk.bpmn"
A = "Dinas Pendidikan dan Kebudayaan - Subbagian Umum dan Kepegawaian"
B = "Dinas Kesehatan - Subbagian Umum"
C = "Dinas Perhubungan - Subbagian Umum"
OPD = "Dinas Pendidikan dan Kebudayaan"
CLERK = ("Pengadministrasi Perkantoran", "Kepala Subbagian Umum dan Kepegawaian", "Sekretaris", "Kepala Dinas")


@pytest.fixture
def world(runtime: Runtime) -> Runtime:
    """surat-masuk (owned by A) runs twice in A and once in B, its draft once in each; surat-b (owned by
    B) once in B; auditors of A, B, C, of A's OPD, and an Inspektorat-wide one."""
    for username, unit in (("klerk-a", A), ("klerk-b", B)):
        add_account(runtime, username, f"{username}-rahasia", ["pelaksana"], jabatan=[(j, unit) for j in CLERK])
    for username, unit in (("pemantau-a", A), ("pemantau-b", B), ("pemantau-c", C), ("pemantau-opd", OPD)):
        add_account(runtime, username, f"{username}-rahasia", ["pemantau"], jabatan=[("Auditor", unit)])
    add_account(runtime, "inspektorat", "inspektorat-rahasia", ["pemantau"])
    with runtime.db.write() as connection:  # the OPD above unit A (the organisation pages do this for real)
        opd = connection.execute(org_units.select().where(org_units.c.code == OPD)).one().id
        connection.execute(update(org_units).where(org_units.c.id == opd).values(kind="opd"))
        connection.execute(update(org_units).where(org_units.c.code == A).values(parent_id=opd))
    runtime.publish(SURAT, "surat-masuk", by="klerk-a")
    other = load_file(SURAT).sop
    other.identity.unit, other.identity.nama = B, "Surat Masuk Dinas Kesehatan"
    runtime.publish(other, "surat-b", by="klerk-b")
    for clerk in ("klerk-a", "klerk-a", "klerk-b"):
        runtime.start("surat-masuk", clerk, {"kelengkapan": [], "alasan": "uji"})
    runtime.start("surat-b", "klerk-b", {"kelengkapan": [], "alasan": "uji"})
    runtime.publish(SURAT, "surat-masuk", draft=True, by="klerk-a")
    for clerk in ("klerk-a", "klerk-b"):
        runtime.start("surat-masuk", clerk, {"kelengkapan": [], "alasan": "uji"}, trial=True)
    return runtime


def _unit_id(runtime: Runtime, code: str) -> int:
    with runtime.db.read() as connection:
        return int(connection.execute(org_units.select().where(org_units.c.code == code)).one().id)


def _started(runtime: Runtime, who: str, key: str = "surat-masuk") -> int:
    person = account(runtime, who)
    return report_for(runtime, person, key, monitoring_scope(runtime, person)).started


def test_the_scope_is_the_sops_units_the_account_sees(world: Runtime) -> None:
    runtime = world
    with runtime.db.read() as connection:
        assert sop_unit_ids(connection, "surat-masuk") == {_unit_id(runtime, A), _unit_id(runtime, B)}
        assert sop_unit_ids(connection, "surat-b") == {_unit_id(runtime, B)}
        assert monitor_scope(connection, account(runtime, "inspektorat"), "surat-b") is None
        assert monitor_scope(connection, account(runtime, "pemantau-b"), "surat-masuk") == {_unit_id(runtime, B)}
        # an OPD-level pemantau sees the units below its OPD
        assert _unit_id(runtime, A) in monitor_units(connection, account(runtime, "pemantau-opd"))  # type: ignore[operator]
        assert monitor_scope(connection, account(runtime, "pemantau-opd"), "surat-masuk") == {_unit_id(runtime, A)}
        for who, key in (("pemantau-a", "surat-b"), ("pemantau-c", "surat-masuk"), ("pemantau-opd", "surat-b")):
            with pytest.raises(AccessDeniedError) as refused:
                monitor_scope(connection, account(runtime, who), key)
            assert refused.value.http_status == 403 and key in str(refused.value)
        with pytest.raises(NotFoundError):
            monitor_scope(connection, account(runtime, "pemantau-b"), "tidak-ada")
        with pytest.raises(AccessDeniedError):  # a clerk reads no monitoring data at all
            monitor_scope(connection, account(runtime, "klerk-a"), "surat-masuk")


def test_reports_count_only_the_units_read(world: Runtime) -> None:
    runtime = world
    assert [_started(runtime, who) for who in ("inspektorat", "pemantau-a", "pemantau-b", "pemantau-opd")] == [
        3, 2, 1, 2]
    assert _started(runtime, "pemantau-b", "surat-b") == 1
    with pytest.raises(AccessDeniedError):
        _started(runtime, "pemantau-a", "surat-b")
    # the ujicoba report: the trial runs of the units read
    for who, count in (("inspektorat", 2), ("pemantau-b", 1)):
        report, _ready, _reasons = ujicoba_for(runtime, account(runtime, who), "surat-masuk")
        assert report.timing.started == count


def test_the_log_export_holds_only_the_units_cases(world: Runtime, tmp_path: Path) -> None:
    runtime = world
    cases = {}
    for who in ("inspektorat", "pemantau-b"):
        person = account(runtime, who)
        path = tmp_path / f"{who}.csv"
        log_for(runtime, person, "surat-masuk", path, monitoring_scope(runtime, person))
        log = read_log(path)
        cases[who] = {trace.case_id for trace in log.traces}
        actors = {event.resource for event in log.events() if event.resource}
        assert ("klerk-a" in actors) == (who == "inspektorat")
    b_instances = {str(row.instance.id) for row in list_instances(runtime, account(runtime, "pemantau-b"),
                                                         key="surat-masuk", trial=False)}
    assert cases["pemantau-b"] == b_instances and len(cases["inspektorat"]) == 3


def test_saved_forms_belong_to_the_units_they_were_filled_for(world: Runtime) -> None:
    runtime = world
    saved = {}
    for who in ("pemantau-b", "inspektorat"):
        person = account(runtime, who)
        report = report_for(runtime, person, "surat-masuk", monitoring_scope(runtime, person))
        form = prefill_monitoring_form(report, "id", who)
        saved[who] = save_monitoring_form_for(runtime, person, "surat-masuk", form)
    assert (saved["pemantau-b"].revision, saved["inspektorat"].revision) == (1, 2)
    for who in ("pemantau-b", "inspektorat", "pemantau-a"):
        person = account(runtime, who)
        report = report_for(runtime, person, "surat-masuk", monitoring_scope(runtime, person))
        listed = [item.saved_by for item in monitoring_forms_for(runtime, person, "surat-masuk", report)]
        assert listed == {"pemantau-b": ["pemantau-b"], "inspektorat": ["inspektorat"], "pemantau-a": []}[who]


def _answers() -> list[EvaluationAnswer]:
    return [EvaluationAnswer(True, "") for _ in EVALUATION_QUESTIONS]


def test_the_evaluation_takes_the_sops_identity_from_the_store(world: Runtime) -> None:
    runtime = world
    forged = EvaluationForm(sop_name="SOP Palsu", sop_number="999/PALSU", unit=C, date=runtime.clock.now().date(),
                            answers=_answers(), outcome="tetap")
    stored = save_evaluation(runtime, "surat-b", forged, "inspektorat").form
    assert (stored.sop_name, stored.unit) == ("Surat Masuk Dinas Kesehatan", B)
    assert stored.sop_number == load_file(SURAT).sop.identity.nomor
    assert evaluations_of(runtime, "surat-b")[0].form.sop_name == "Surat Masuk Dinas Kesehatan"


def test_revisi_opens_a_request_for_the_owner_unit_and_publishes_nothing(world: Runtime) -> None:
    runtime = world
    before = [(v.number, v.draft) for v in runtime.versions("surat-masuk")]
    # an auditor of a unit the SOP never ran in is refused, and nothing is stored
    with pytest.raises(AccessDeniedError):
        save_evaluation_for(runtime, account(runtime, "pemantau-c"), "surat-masuk", _answers(), "revisi", "Ubah")
    assert evaluations_of(runtime, "surat-masuk") == [] and revision_requests_of(runtime, "surat-masuk") == []
    # an auditor of B (where it runs) asks A's penyusun for a revision: a request, no version
    saved = save_evaluation_for(runtime, account(runtime, "pemantau-b"), "surat-masuk", _answers(), "revisi",
                                "Waktu disposisi terlalu lama")
    assert saved.request_id is not None and saved.draft_version is None and saved.form.unit == A
    [request] = revision_requests_of(runtime, "surat-masuk")
    assert (request.unit, request.reason, request.requested_by, request.status) == (
        A, "Waktu disposisi terlalu lama", "pemantau-b", "terbuka")
    assert [(v.number, v.draft) for v in runtime.versions("surat-masuk")] == before  # the trial draft stays


def test_an_opd_pemantau_reads_the_instances_of_the_units_below_its_opd(world: Runtime) -> None:
    from engine import audit_chain_for, instance_for

    runtime = world
    opd = account(runtime, "pemantau-opd")
    rows = list_instances(runtime, opd)
    assert rows and {row.instance.unit for row in rows} == {A}
    assert instance_for(runtime, opd, rows[0].instance.id).unit == A
    b_row = list_instances(runtime, account(runtime, "pemantau-b"))[0]
    with pytest.raises(AccessDeniedError):
        instance_for(runtime, opd, b_row.instance.id)
    assert audit_chain_for(runtime, opd)[0] == len(rows)


def test_the_monitoring_index_lists_the_sops_of_the_units_read(world: Runtime) -> None:
    from engine import monitored_register_for

    runtime = world
    listed = {who: [entry.key for entry in monitored_register_for(runtime, account(runtime, who))]
              for who in ("inspektorat", "pemantau-a", "pemantau-b", "pemantau-c")}
    assert listed == {"inspektorat": ["surat-b", "surat-masuk"], "pemantau-a": ["surat-masuk"],
                      "pemantau-b": ["surat-b", "surat-masuk"], "pemantau-c": []}
    with pytest.raises(AccessDeniedError):
        monitored_register_for(runtime, account(runtime, "klerk-a"))


def test_migration_0008s_adds_and_removes_the_form_units(tmp_path: Path, request: pytest.FixtureRequest) -> None:
    import sqlalchemy

    from engine.store.db import Database
    from engine.store.migrate import current_revision, downgrade, upgrade
    from tests.engine.runtime.conftest import fresh_url

    database = Database(fresh_url("sqlite", tmp_path, request))
    try:
        assert current_revision(database) == "0010r"
        downgrade(database, "0009")
        with database.engine.connect() as connection:
            columns = {column["name"] for column in sqlalchemy.inspect(connection).get_columns("monitoring_forms")}
        assert "units" not in columns
        upgrade(database)
        with database.engine.connect() as connection:
            columns = {column["name"] for column in sqlalchemy.inspect(connection).get_columns("monitoring_forms")}
        assert "units" in columns and current_revision(database) == "0010r"
    finally:
        database.dispose()
