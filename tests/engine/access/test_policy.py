"""The access policy and the readers that ask it: ids compared, units seen, work-item actions, SOP actions."""

from __future__ import annotations

import datetime as dt
from pathlib import Path
from typing import Any, Callable

import pytest
from sqlalchemy import select
from werkzeug.datastructures import MultiDict

from engine import (
    ManualClock,
    Runtime,
    account,
    add_account,
    completion_from_fields,
    completion_from_json,
    done_by,
    instance_for,
    item_for,
    list_instances,
    MonitoringScope,
    evaluations_for,
    feedback_requests_for,
    may_item,
    monitoring_scope,
    register_for,
    report_for,
    trend_for,
    ujicoba_for,
    may_sop,
    sop_actions,
    start_step,
    startable,
    step_of_item,
    timeline,
    upgrade_database,
    visible_unit_ids,
)
from engine.errors import AccessDeniedError
from engine.store.models import holdings, org_jabatan, org_units
from tests.conftest import PROCESSES, SURAT_MASUK_DATA

UNIT = "Dinas Pendidikan dan Kebudayaan - Subbagian Umum dan Kepegawaian"
OTHER = "Dinas Kesehatan"
CLERK = ("Pengadministrasi Perkantoran", "Kepala Subbagian Umum dan Kepegawaian", "Sekretaris", "Kepala Dinas")


@pytest.fixture
def runtime(tmp_path: Path) -> Runtime:
    url = f"sqlite:///{tmp_path / 'policy.db'}"
    upgrade_database(url)
    found = Runtime(url, clock=ManualClock())
    add_account(found, "ani", "ani-rahasia", ["pelaksana"], jabatan=[(j, UNIT) for j in CLERK])
    add_account(found, "budi", "budi-rahasia", ["pelaksana"], jabatan=[(j, OTHER) for j in CLERK])
    add_account(found, "inspektur", "inspektur-rahasia", ["pemantau"])
    add_account(found, "auditor", "auditor-rahasia", ["pemantau"], jabatan=[("Auditor", OTHER)])
    add_account(found, "admin", "admin-rahasia", ["admin"])
    add_account(found, "penulis", "penulis-rahasia", ["penyusun"])
    found.publish(PROCESSES / "pengelolaan-surat-masuk.bpmn", "surat-masuk")
    found.start("surat-masuk", "ani", {"kelengkapan": [], "alasan": "uji", "data": SURAT_MASUK_DATA})
    return found


def test_units_and_jabatan_are_created_on_first_use_and_holdings_carry_their_ids(runtime: Runtime) -> None:
    with runtime.db.read() as connection:
        units = {row.code: row.id for row in connection.execute(select(org_units))}
        jabatan = connection.execute(select(org_jabatan)).all()
        unlinked = connection.execute(select(holdings).where(holdings.c.unit_id.is_(None))).all()
    assert set(units) == {UNIT, OTHER}
    assert len(jabatan) == len(CLERK) * 2 + 1 and unlinked == []
    ani = account(runtime, "ani")
    assert ani.unit_ids == {units[UNIT]} and visible_unit_ids(ani) == {units[UNIT]}
    assert visible_unit_ids(account(runtime, "inspektur")) is None
    assert visible_unit_ids(account(runtime, "admin")) is None
    assert visible_unit_ids(account(runtime, "auditor")) == {units[OTHER]}


def test_a_jabatan_added_outside_the_accounts_gets_its_ids_when_the_account_is_read(runtime: Runtime) -> None:
    runtime.add_user("budi", jabatan=[("Sekretaris", "Bagian Baru")])  # as 'alur user add --unit --jabatan'
    budi = account(runtime, "budi")
    assert "Bagian Baru" in {held.unit for held in budi.holdings} and len(budi.unit_ids) == 2


def test_work_item_actions_follow_the_held_jabatan_by_id(runtime: Runtime) -> None:
    item = runtime.worklist("ani")[0]
    ani, budi, admin = account(runtime, "ani"), account(runtime, "budi"), account(runtime, "admin")
    with runtime.db.read() as connection:
        assert [may_item(connection, ani, item, action) for action in ("open", "claim", "complete", "release")] \
            == [True, True, True, False]
        assert [may_item(connection, budi, item, action) for action in ("open", "claim", "complete", "release")] \
            == [False, False, False, False]
        assert may_item(connection, admin, item, "open") and not may_item(connection, admin, item, "claim")
    with pytest.raises(AccessDeniedError) as refused:
        item_for(runtime, budi, item.id, "open")
    assert refused.value.code == "access_not_your_task" and "position" in refused.value.render("en")
    claimed = runtime.claim(item.id, "ani")
    with runtime.db.read() as connection:
        assert may_item(connection, ani, claimed, "release")
        assert not may_item(connection, budi, claimed, "release")


def test_instances_are_seen_by_their_unit_or_by_everyone_wide(runtime: Runtime) -> None:
    instance_id = runtime.worklist("ani")[0].instance_id
    for who in ("ani", "inspektur", "admin"):
        assert instance_for(runtime, account(runtime, who), instance_id).id == instance_id
        assert [row.instance.id for row in list_instances(runtime, account(runtime, who))] == [instance_id]
    for who in ("auditor", "budi"):
        with pytest.raises(AccessDeniedError):
            instance_for(runtime, account(runtime, who), instance_id)
        with pytest.raises(AccessDeniedError):
            timeline(runtime, account(runtime, who), instance_id)
        assert list_instances(runtime, account(runtime, who)) == []


def test_starting_is_offered_from_the_holdings_whose_jabatan_begins_the_sop(runtime: Runtime) -> None:
    assert {(key, unit) for key, _, _, unit in startable(runtime, account(runtime, "ani"))} == {("surat-masuk", UNIT)}
    assert {(key, unit) for key, _, _, unit in startable(runtime, account(runtime, "budi"))} == {("surat-masuk", OTHER)}
    assert startable(runtime, account(runtime, "inspektur")) == []


def test_sop_actions_by_role_and_lifecycle_status(runtime: Runtime) -> None:
    writer, clerk, admin = account(runtime, "penulis"), account(runtime, "ani"), account(runtime, "admin")
    assert sop_actions(writer, "draft") == {"change", "submit"}
    assert sop_actions(writer, "verifikasi") == {"change", "trial"}
    assert sop_actions(writer, "disahkan") == {"revise"}
    assert sop_actions(clerk, "draft") == frozenset()
    assert sop_actions(admin, "ujicoba") == {"change", "approve"}
    assert may_sop(writer, "submit") and not may_sop(writer, "approve")


READERS: list[Callable[..., Any]] = [
    lambda runtime, who: list_instances(runtime, who),
    lambda runtime, who: timeline(runtime, who, 1),
    lambda runtime, who: done_by(runtime, who),
    lambda runtime, who: startable(runtime, who),
    lambda runtime, who: step_of_item(runtime, who, 1),
    lambda runtime, who: start_step(runtime, who, "surat-masuk", False),
    lambda runtime, who: instance_for(runtime, who, 1),
    lambda runtime, who: item_for(runtime, who, 1),
    lambda runtime, who: monitoring_scope(runtime, who),
    lambda runtime, who: report_for(runtime, who, "surat-masuk", MonitoringScope(dt.date(2026, 1, 1), dt.date(2026, 6, 30))),
    lambda runtime, who: trend_for(runtime, who, "surat-masuk", MonitoringScope(dt.date(2026, 1, 1), dt.date(2026, 6, 30))),
    lambda runtime, who: evaluations_for(runtime, who, "surat-masuk"),
    lambda runtime, who: feedback_requests_for(runtime, who),
    lambda runtime, who: register_for(runtime, who),
]


@pytest.mark.parametrize("reader", READERS)
def test_every_reader_needs_an_account(runtime: Runtime, reader: Callable[..., Any]) -> None:
    for nobody in (None, "admin", object()):
        with pytest.raises(TypeError):
            reader(runtime, nobody)
    reader(runtime, account(runtime, "admin"))  # and answers with one


def test_web_and_api_forms_give_the_same_typed_values() -> None:
    web = completion_from_fields(MultiDict([("data", "jumlah = 5\nsaldo=-3\nnama= Ani \nkosong=\n"),
                                            ("alasan", "")]), clerk_decides=False)
    api = completion_from_json({"data": {"jumlah": "5", "saldo": "-3", "nama": " Ani ", "kosong": ""}})
    assert web["data"] == api["data"] == {"jumlah": 5, "saldo": -3, "nama": "Ani", "kosong": ""}
    assert completion_from_json({"data": {"jumlah": 5, "ok": True}})["data"] == {"jumlah": 5, "ok": True}
    assert completion_from_json({"data": {"x": "--5", "y": "٣"}})["data"] == {"x": "--5", "y": "٣"}
    assert completion_from_json([1]) == [1]  # left for the runtime to refuse


def test_monitoring_readers_ask_the_policy_and_default_to_six_months(runtime: Runtime) -> None:
    today = runtime.clock.now().date()
    scope = monitoring_scope(runtime, account(runtime, "inspektur"))
    assert (scope.start, scope.end, scope.trial) == (today - dt.timedelta(days=182), today, False)
    named = monitoring_scope(runtime, account(runtime, "penulis"), dt.date(2026, 1, 1), dt.date(2026, 3, 31), trial=True)
    assert named == MonitoringScope(dt.date(2026, 1, 1), dt.date(2026, 3, 31), True)
    report = report_for(runtime, account(runtime, "inspektur"), "surat-masuk", scope)
    assert report.key == "surat-masuk"
    for reader in (lambda who: monitoring_scope(runtime, who), lambda who: report_for(runtime, who, "surat-masuk", scope),
                   lambda who: ujicoba_for(runtime, who, "surat-masuk")):
        with pytest.raises(AccessDeniedError) as refused:
            reader(account(runtime, "ani"))  # a clerk reads no monitoring data
        assert refused.value.code == "access_monitoring"


def test_a_unit_created_meanwhile_by_another_process_is_reused(runtime: Runtime) -> None:
    from engine.access.organisation import _create

    with runtime.db.write() as connection:
        existing = connection.execute(select(org_units.c.id).where(org_units.c.code == UNIT)).scalar_one()
        again = _create(connection, org_units, {"code": UNIT, "name": UNIT, "parent_id": None, "kind": "unit"},
                        org_units.c.code == UNIT)
        fresh = _create(connection, org_units, {"code": "Baru", "name": "Baru", "parent_id": None, "kind": "unit"},
                        org_units.c.code == "Baru")
    assert again == existing and fresh != existing
    with runtime.db.read() as connection:
        assert connection.execute(select(org_units.c.id).where(org_units.c.code == "Baru")).scalar_one() == fresh
