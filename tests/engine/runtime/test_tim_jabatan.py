"""Being named in the Tim penyusun SOP is what lets a person work the Tim's lanes of the shipped "Tahapan
Penyusunan SOP": a member holds "Tim Penyusun SOP" in the Tim's unit and a koordinator also holds
"Koordinator Tim Penyusun SOP" in its SKPD, as ordinary holdings made with the membership (by the Tim
page or by the SK's susunan a case step records) and ended with it; a holding an admin made is never
doubled nor ended by the Tim. The Tim's lane (routed ``tim_penyusun``) lands in the unit of the Tim serving
the case, so its members, and only they, work it."""

from __future__ import annotations

import datetime as dt
from typing import Any

import pytest
from sqlalchemy import select

from engine.access.accounts import account, add_account
from engine.access.administration import add_holding, admin_person
from engine.access.linking import place_unit
from engine.errors import AccessDeniedError
from engine.formats.files import load_file
from engine.lifecycle.tim import (KOORDINATOR_JABATAN, TIM_JABATAN, add_member, create_tim, end_member,
                                  team_of_unit, tim)
from engine.runtime.administration import open_items
from engine.runtime.facade import Runtime
from engine.runtime.timers import ManualClock
from engine.runtime.work import WorkItem
from engine.samples.case_values import sample_values
from engine.samples.demo_stages import record_overrides
from engine.sop.model import Sop
from engine.store.models import holdings, users
from engine.store.repo import places_held, start_units
from tests.conftest import PROCESSES
from tests.engine.runtime.helpers import form_for

KEY = "tahapan-penyusunan-sop"
PEMDA = "Pemerintah Kabupaten Contoh"
SETDA = "Sekretariat Daerah"
DINKES = "Dinas Kesehatan"
ORGANISASI = "Sekretariat Daerah - Bagian Organisasi"
SK_DAY = dt.date(2026, 2, 2)


def _organisation(runtime: Runtime, sop: Sop) -> None:
    """Two OPDs below the Pemda, the Bagian Organisasi in the Setda; "tim" holds every column but the Tim's
    two (it holds the Tim's lane by being named in the SK its case records), "dina" coordinates the Dinkes
    by an ordinary holding, "sari" holds nothing at all."""
    from engine.sop.routing import NAMED_UNIT, rule_of

    with runtime.db.write() as connection:
        place_unit(connection, PEMDA, kind="pemda")
        for code in (SETDA, DINKES):
            place_unit(connection, code, kind="opd", parent=PEMDA)
        place_unit(connection, ORGANISASI, kind="unit", parent=SETDA)
    held = []
    for actor in sop.actors:
        if actor not in (KOORDINATOR_JABATAN, TIM_JABATAN):
            rule = rule_of(sop.routing, actor)
            held.append((actor, rule.argument if rule.kind == NAMED_UNIT else SETDA))
    runtime.add_user("tim", nama="Tim", jabatan=held)
    runtime.add_user("dina", nama="Dina", jabatan=[(KOORDINATOR_JABATAN, DINKES)])
    runtime.add_user("sari", nama="Sari")
    add_account(runtime, "vera", "vera-rahasia", ["verifikator"], nama="Vera")
    add_account(runtime, "admin", "admin-rahasia", ["admin"], nama="Admin")


def _mine(runtime: Runtime, username: str, instance_id: int) -> list[WorkItem]:
    return [item for item in runtime.worklist(username, limit=200) if item.instance_id == instance_id]


def _values(sop: Sop, step_id: str, typed: dict[str, str]) -> dict[str, Any]:
    return sample_values(sop, step_id, {**record_overrides(sop, step_id), **{
        name: value for name, value in typed.items() if any(f.name == name and f.step == step_id for f in sop.fields)}})


def _to_identifikasi(runtime: Runtime, sop: Sop, susunan: str) -> int:
    """A Tahapan case started in the Setda, worked by "tim" up to stage 2 (its SK names ``susunan``)."""
    runtime.publish(PROCESSES / f"{KEY}.bpmn", KEY)
    assert sop.start is not None
    instance, _ = runtime.start(KEY, "tim", form_for(sop.start, data=_values(sop, sop.start.id, {})), unit=SETDA)
    typed = {"susunan_tim": susunan, "peserta_pembekalan": "tim", "topik_pembekalan": "Format SOP AP"}
    for expected in ("tetapkan_tim", "pembekalan"):
        item = _mine(runtime, "tim", instance.id)[0]
        assert item.step_id == expected
        runtime.complete(item.id, "tim", form_for(sop.step(expected), data=_values(sop, expected, typed)))
    return instance.id


def _identifikasi(runtime: Runtime, username: str, instance_id: int) -> list[tuple[str, str]]:
    return [(item.step_id, item.unit) for item in _mine(runtime, username, instance_id)]


def _rows(runtime: Runtime, username: str) -> list[tuple[str, str, bool, bool]]:
    """``(jabatan, unit, counts now, made by a Tim membership)`` of every holding row of ``username``."""
    now = runtime.clock.now()
    with runtime.db.read() as connection:
        rows = connection.execute(select(holdings).join(users, users.c.id == holdings.c.user_id)
                                  .where(users.c.username == username)
                                  .order_by(holdings.c.jabatan, holdings.c.unit)).all()
    return [(row.jabatan, row.unit, (row.starts_at is None or row.starts_at <= now)
             and (row.ends_at is None or row.ends_at > now), row.tim_member_id is not None) for row in rows]


def _member(runtime: Runtime, team: int, username: str) -> int:
    return next(m.id for m in tim(runtime, account(runtime, "vera"), team).active_members if m.username == username)


def _later(runtime: Runtime) -> None:
    clock = runtime.clock
    assert isinstance(clock, ManualClock)
    clock.current = clock.current + dt.timedelta(minutes=10)


def test_a_koordinator_named_in_the_tim_works_its_skpds_identifikasi_until_it_leaves(runtime: Runtime) -> None:
    sop = load_file(PROCESSES / f"{KEY}.bpmn").sop
    _organisation(runtime, sop)
    instance = _to_identifikasi(runtime, sop, "tim, ketua")
    vera = account(runtime, "vera")
    team = create_tim(runtime, vera, PEMDA, "Tim Penyusun SOP Kabupaten Contoh", "188.45/1/2026", SK_DAY).id
    assert _identifikasi(runtime, "sari", instance) == []  # nobody coordinates the Setda yet
    with runtime.db.read() as connection:
        item_id = next(found.id for found in open_items(connection, instance, runtime.clock.now())
                       if found.unit == SETDA)
    with pytest.raises(AccessDeniedError):
        runtime.complete(item_id, "sari", form_for(sop.step("identifikasi"), data=_values(sop, "identifikasi", {})))
    add_member(runtime, vera, team, "sari", "koordinator", SETDA)
    # the Tim's lane in the Tim's unit, the koordinator's in its SKPD: nothing else
    assert _rows(runtime, "sari") == [(KOORDINATOR_JABATAN, SETDA, True, True), (TIM_JABATAN, PEMDA, True, True)]
    assert _identifikasi(runtime, "sari", instance) == [("identifikasi", SETDA)]
    with runtime.db.read() as connection:
        assert start_units(connection, "sari", runtime.clock.now(), KOORDINATOR_JABATAN) == [SETDA]
    item = _mine(runtime, "sari", instance)[0]
    assert item.id == item_id
    runtime.claim(item.id, "sari")
    _later(runtime)
    released = end_member(runtime, vera, _member(runtime, team, "sari"))
    assert released == [item.id] and runtime.item(item.id).claimed_by is None  # back to the jabatan
    assert _rows(runtime, "sari") == [(KOORDINATOR_JABATAN, SETDA, False, True), (TIM_JABATAN, PEMDA, False, True)]
    assert _identifikasi(runtime, "sari", instance) == []
    with pytest.raises(AccessDeniedError):
        runtime.complete(item.id, "sari", form_for(sop.step("identifikasi"), data=_values(sop, "identifikasi", {})))
    # named again (a new SK): the same rows count again, no second one, and the work is done through the Runtime
    _later(runtime)
    add_member(runtime, vera, team, "sari", "koordinator", SETDA)
    assert _rows(runtime, "sari") == [(KOORDINATOR_JABATAN, SETDA, True, True), (TIM_JABATAN, PEMDA, True, True)]
    done = runtime.complete(item.id, "sari", form_for(sop.step("identifikasi"), data=_values(
        sop, "identifikasi", {"judul_sop_diusulkan": "Pelayanan Rapat Pimpinan"})))
    assert done.item.completed_by == "sari"
    assert _identifikasi(runtime, "sari", instance) == []


def test_an_ordinary_holding_is_neither_doubled_nor_ended_by_the_tim(runtime: Runtime) -> None:
    sop = load_file(PROCESSES / f"{KEY}.bpmn").sop
    _organisation(runtime, sop)
    instance = _to_identifikasi(runtime, sop, "tim, ketua")
    vera = account(runtime, "vera")
    team = create_tim(runtime, vera, PEMDA, "Tim Penyusun SOP Kabupaten Contoh", "188.45/1/2026", SK_DAY).id
    add_member(runtime, vera, team, "dina", "koordinator", DINKES)
    assert _rows(runtime, "dina") == [(KOORDINATOR_JABATAN, DINKES, True, False), (TIM_JABATAN, PEMDA, True, True)]
    _later(runtime)
    end_member(runtime, vera, _member(runtime, team, "dina"))
    assert _rows(runtime, "dina") == [(KOORDINATOR_JABATAN, DINKES, True, False), (TIM_JABATAN, PEMDA, False, True)]
    assert _identifikasi(runtime, "dina", instance) == [("identifikasi", DINKES)]
    # an admin who gives the jabatan a membership made takes it over: the Tim no longer ends it
    _later(runtime)
    add_member(runtime, vera, team, "sari", "anggota", SETDA)
    admin = account(runtime, "admin")
    today = (runtime.clock.now() + dt.timedelta(hours=7)).date()
    add_holding(runtime, admin, "sari", PEMDA, TIM_JABATAN, today, None, "SK Sekda")
    _later(runtime)
    end_member(runtime, vera, _member(runtime, team, "sari"))
    assert _rows(runtime, "sari") == [(TIM_JABATAN, PEMDA, True, False)]


def test_the_sks_susunan_grants_the_jabatan_and_the_admin_page_says_where_it_comes_from(runtime: Runtime) -> None:
    sop = load_file(PROCESSES / f"{KEY}.bpmn").sop
    _organisation(runtime, sop)
    # the case's SK (stage 1) names sari koordinator of the Setda's Tim: nobody adds a holding by hand
    instance = _to_identifikasi(runtime, sop, "tim, ketua\nsari, koordinator")
    assert _identifikasi(runtime, "sari", instance) == [("identifikasi", SETDA)]
    assert _rows(runtime, "sari") == [(KOORDINATOR_JABATAN, SETDA, True, True), (TIM_JABATAN, SETDA, True, True)]
    # the ketua holds the Tim's lane only by the SK, in the Tim's unit, where the lane's items land
    assert [row for row in _rows(runtime, "tim") if row[0] == TIM_JABATAN] == [(TIM_JABATAN, SETDA, True, True)]
    person = admin_person(runtime, account(runtime, "admin"), "sari")
    named = "Tim Penyusun SOP Sekretariat Daerah"  # the SK's name (engine.samples.demo_stages)
    assert {(held.jabatan, held.tim) for held in person.holdings} == {(KOORDINATOR_JABATAN, named),
                                                                       (TIM_JABATAN, named)}
    assert {held.tim for held in admin_person(runtime, account(runtime, "admin"), "dina").holdings} == {""}


def test_a_place_two_memberships_grant_stays_until_both_end(runtime: Runtime) -> None:
    sop = load_file(PROCESSES / f"{KEY}.bpmn").sop
    _organisation(runtime, sop)
    instance = _to_identifikasi(runtime, sop, "tim, ketua\nsari, koordinator")
    vera = account(runtime, "vera")
    pemda = create_tim(runtime, vera, PEMDA, "Tim Penyusun SOP Kabupaten Contoh", "188.45/1/2026", SK_DAY).id
    add_member(runtime, vera, pemda, "sari", "koordinator", SETDA)  # the Setda's koordinator in both Tims
    with runtime.db.read() as connection:
        setda = team_of_unit(connection, SETDA)
        assert setda is not None
        assert sorted(places_held(connection, "sari", runtime.clock.now())) == [
            (KOORDINATOR_JABATAN, SETDA), (TIM_JABATAN, PEMDA), (TIM_JABATAN, SETDA)]
    _later(runtime)
    end_member(runtime, vera, _member(runtime, setda, "sari"))
    assert _identifikasi(runtime, "sari", instance) == [("identifikasi", SETDA)]  # the Pemda's Tim still names it
    assert _rows(runtime, "sari") == [(KOORDINATOR_JABATAN, SETDA, True, True), (TIM_JABATAN, PEMDA, True, True),
                                      (TIM_JABATAN, SETDA, False, True)]
    _later(runtime)
    end_member(runtime, vera, _member(runtime, pemda, "sari"))
    assert _identifikasi(runtime, "sari", instance) == []
    assert [row[2] for row in _rows(runtime, "sari")] == [False, False, False]


def test_migration_0015t_goes_down_and_up_keeping_the_holdings(runtime: Runtime) -> None:
    import sqlalchemy

    from engine.store.db import Database
    from engine.store.migrate import current_revision, downgrade, upgrade

    sop = load_file(PROCESSES / f"{KEY}.bpmn").sop
    _organisation(runtime, sop)
    vera = account(runtime, "vera")
    team = create_tim(runtime, vera, PEMDA, "Tim Penyusun SOP Kabupaten Contoh", "188.45/1/2026", SK_DAY).id
    add_member(runtime, vera, team, "sari", "koordinator", SETDA)
    url = str(runtime.db.url)
    clock = runtime.clock
    runtime.close()
    database = Database(url)

    def columns() -> set[str]:
        with database.engine.connect() as connection:
            return {column["name"] for column in sqlalchemy.inspect(connection).get_columns("holdings")}

    try:
        downgrade(database, "0014v")
        assert current_revision(database) == "0014v" and "tim_member_id" not in columns()
        upgrade(database)
        assert "tim_member_id" in columns()
    finally:
        database.dispose()
    again = Runtime(url, clock=clock)
    try:
        # the holdings stay (now without their link: an admin ends them by hand)
        assert sorted(again.user("sari").jabatan) == [(KOORDINATOR_JABATAN, SETDA), (TIM_JABATAN, PEMDA)]
        assert _rows(again, "sari") == [(KOORDINATOR_JABATAN, SETDA, True, False), (TIM_JABATAN, PEMDA, True, False)]
    finally:
        again.close()


def _through_the_sk(runtime: Runtime, sop: Sop, susunan: str) -> int:
    """A Tahapan case started in the Setda whose SK (completed by "tim") names ``susunan``: its pembekalan,
    the Tim's lane, is open."""
    runtime.publish(PROCESSES / f"{KEY}.bpmn", KEY)
    assert sop.start is not None
    instance, _ = runtime.start(KEY, "tim", form_for(sop.start, data=_values(sop, sop.start.id, {})), unit=SETDA)
    item = _mine(runtime, "tim", instance.id)[0]
    assert item.step_id == "tetapkan_tim"
    runtime.complete(item.id, "tim", form_for(sop.step("tetapkan_tim"), data=_values(
        sop, "tetapkan_tim", {"susunan_tim": susunan})))
    return instance.id


def _pembekalan(sop: Sop, attendees: str) -> dict[str, Any]:
    return form_for(sop.step("pembekalan"), data=_values(sop, "pembekalan", {
        "peserta_pembekalan": attendees, "topik_pembekalan": "Format SOP AP"}))


def test_an_anggota_named_in_the_sk_works_the_tims_lane_and_nobody_outside_it_does(runtime: Runtime) -> None:
    sop = load_file(PROCESSES / f"{KEY}.bpmn").sop
    _organisation(runtime, sop)
    runtime.add_user("ani", nama="Ani")  # no holding at all: the SK is all she has
    instance = _through_the_sk(runtime, sop, "tim, ketua\nani, anggota")
    # the lane's items land in the unit of the Tim the case set up, where its members hold the lane's jabatan
    assert _identifikasi(runtime, "ani", instance) == [("pembekalan", SETDA)]
    assert _identifikasi(runtime, "sari", instance) == [] and _identifikasi(runtime, "dina", instance) == []
    item = _mine(runtime, "ani", instance)[0]
    with pytest.raises(AccessDeniedError):
        runtime.complete(item.id, "sari", _pembekalan(sop, "ani"))
    done = runtime.complete(item.id, "ani", _pembekalan(sop, "ani, tim"))
    assert done.item.completed_by == "ani"
    assert [found.step_id for found in done.ready] == ["identifikasi"] * 2  # the Setda's and the Dinkes's
    assert _identifikasi(runtime, "ani", instance) == []


def test_a_member_the_tim_page_adds_sees_the_open_tim_step_until_it_leaves(runtime: Runtime) -> None:
    sop = load_file(PROCESSES / f"{KEY}.bpmn").sop
    _organisation(runtime, sop)
    instance = _through_the_sk(runtime, sop, "tim, ketua")
    vera = account(runtime, "vera")
    with runtime.db.read() as connection:
        team = team_of_unit(connection, SETDA)
    assert team is not None
    assert _identifikasi(runtime, "sari", instance) == []
    add_member(runtime, vera, team, "sari", "anggota", SETDA)
    assert _identifikasi(runtime, "sari", instance) == [("pembekalan", SETDA)]
    item = _mine(runtime, "sari", instance)[0]
    runtime.claim(item.id, "sari")
    _later(runtime)
    assert end_member(runtime, vera, _member(runtime, team, "sari")) == [item.id]
    assert _identifikasi(runtime, "sari", instance) == []
    with pytest.raises(AccessDeniedError):
        runtime.complete(item.id, "sari", _pembekalan(sop, "tim"))
    assert runtime.complete(item.id, "tim", _pembekalan(sop, "tim")).item.completed_by == "tim"


def test_the_tim_rule_finds_the_tim_serving_the_unit_when_the_case_set_none_up(runtime: Runtime) -> None:
    from engine.errors import TaskError
    from engine.runtime.units import OrganisationUnits, UnitRequest

    sop = load_file(PROCESSES / f"{KEY}.bpmn").sop
    _organisation(runtime, sop)
    resolver = OrganisationUnits()

    def unit_of(unit: str) -> str:
        with runtime.db.read() as connection:
            return resolver.unit_for(UnitRequest(0, unit, KEY, 1, "pembekalan", TIM_JABATAN, "tim_penyusun",
                                                 "tim", connection))

    with pytest.raises(TaskError) as refused:
        unit_of(ORGANISASI)  # no Tim at all: the step is refused, naming the column
    assert refused.value.code == "runtime_routing_no_tim"
    vera = account(runtime, "vera")
    create_tim(runtime, vera, PEMDA, "Tim Penyusun SOP Kabupaten Contoh", "188.45/1/2026", SK_DAY)
    assert unit_of(ORGANISASI) == PEMDA and unit_of(DINKES) == PEMDA  # the Pemda's Tim serves every unit
    create_tim(runtime, vera, SETDA, "Tim Penyusun SOP Sekretariat Daerah", "188.45/2/2026", SK_DAY)
    assert unit_of(ORGANISASI) == SETDA and unit_of(DINKES) == PEMDA  # the nearest one above
