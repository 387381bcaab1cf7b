"""Stage 1: the Tim penyusun as data (SK, members with role and SKPD, pembekalan); a member drafts the
SOPs of its own SKPD only, and the holders of the penyusun role keep drafting everything."""

from __future__ import annotations

import datetime as dt

import pytest

from engine.access.accounts import account
from engine.access.policy import drafting_units, may_draft_unit, sop_actions_for
from engine.errors import AccessDeniedError, DataError
from engine.formats.files import load_file
from engine.lifecycle.tim import add_member, create_tim, end_member, record_briefing, tim, tims
from engine.lifecycle.transitions import save_draft, submit
from engine.runtime.facade import Runtime
from tests.conftest import DATA
from tests.engine.lifecycle.conftest import DINKES, DINKES_UMUM, DISDIK, DISDIK_UMUM, PEMDA

SK_DAY = dt.date(2026, 2, 2)


def _tim(runtime: Runtime) -> int:
    found = create_tim(runtime, account(runtime, "vera"), PEMDA, "Tim Penyusun SOP Kota Contoh",
                       "188.45/12/2026", SK_DAY)
    add_member(runtime, account(runtime, "vera"), found.id, "sekda", "ketua", PEMDA)
    add_member(runtime, account(runtime, "vera"), found.id, "sari", "koordinator", DINKES)
    return found.id


def test_a_tim_records_its_sk_members_and_pembekalan(runtime: Runtime) -> None:
    team = _tim(runtime)
    # the ketua keeps its own Tim: adds a secretary and records a pembekalan
    ketua = account(runtime, "sekda")
    add_member(runtime, ketua, team, "guru", "sekretaris", DISDIK_UMUM)
    briefing = record_briefing(runtime, ketua, team, dt.date(2026, 2, 10), "Format SOP AP Permendagri 52/2011",
                               ["sari", "guru", "sari"])
    assert briefing.attendees == ("sari", "guru")
    found = tim(runtime, account(runtime, "rina"), team)
    assert (found.unit, found.sk_number, found.sk_date) == (PEMDA, "188.45/12/2026", SK_DAY)
    assert [(m.username, m.role, m.unit) for m in found.members] == [
        ("sekda", "ketua", PEMDA), ("sari", "koordinator", DINKES), ("guru", "sekretaris", DISDIK_UMUM)]
    assert [b.topic for b in found.briefings] == ["Format SOP AP Permendagri 52/2011"]
    assert [t.id for t in tims(runtime, account(runtime, "kadis"))] == [team]


def test_wrong_tim_input_names_the_field_and_changes_nothing(runtime: Runtime) -> None:
    vera = account(runtime, "vera")
    with pytest.raises(DataError) as inside_opd:
        create_tim(runtime, vera, DINKES_UMUM, "Tim", "1/2026", SK_DAY)
    assert inside_opd.value.field == "unit" and "Pemda atau OPD" in str(inside_opd.value)
    with pytest.raises(DataError) as no_sk:
        create_tim(runtime, vera, DINKES, "Tim", "  ", SK_DAY)
    assert no_sk.value.field == "sk_nomor"
    team = _tim(runtime)
    with pytest.raises(DataError) as twice:
        create_tim(runtime, vera, PEMDA, "Tim lain", "2/2026", SK_DAY)
    assert twice.value.field == "unit"
    with pytest.raises(DataError) as second_ketua:
        add_member(runtime, vera, team, "guru", "ketua", DISDIK)
    assert second_ketua.value.field == "peran"
    with pytest.raises(DataError) as role:
        add_member(runtime, vera, team, "guru", "bendahara", DISDIK)
    assert role.value.field == "peran" and "koordinator" in str(role.value)
    with pytest.raises(DataError) as stranger:
        record_briefing(runtime, vera, team, SK_DAY, "Pembekalan", ["rina"])
    assert stranger.value.field == "peserta" and "rina" in str(stranger.value)
    assert [m.username for m in tim(runtime, vera, team).members] == ["sekda", "sari"]
    assert tim(runtime, vera, team).briefings == ()


def test_only_the_bagian_organisasi_and_the_tims_leads_keep_a_tim(runtime: Runtime) -> None:
    with pytest.raises(AccessDeniedError):
        create_tim(runtime, account(runtime, "rina"), PEMDA, "Tim", "1/2026", SK_DAY)
    team = _tim(runtime)
    with pytest.raises(AccessDeniedError):  # a koordinator is a member, not a lead
        add_member(runtime, account(runtime, "sari"), team, "guru", "anggota", DISDIK)
    with pytest.raises(AccessDeniedError):  # a clerk outside the Tim reads nothing
        tims(runtime, account(runtime, "guru"))


def test_a_member_drafts_the_sops_of_its_skpd_only(runtime: Runtime) -> None:
    team = _tim(runtime)
    sari = account(runtime, "sari")
    assert sari.has("penyusun") and "penyusun" not in sari.roles
    with runtime.db.read() as connection:
        assert may_draft_unit(connection, sari, DINKES_UMUM)  # below the OPD it coordinates
        assert not may_draft_unit(connection, sari, DISDIK_UMUM)
        assert drafting_units(connection, account(runtime, "rina")) is None  # the role: every unit
        assert drafting_units(connection, account(runtime, "guru")) == frozenset()
    sop = load_file(DATA / "surat_kecil.yaml").sop
    sop.identity.unit = DINKES_UMUM
    assert save_draft(runtime, "surat-dinkes", sop, "sari") == "draft"
    submit(runtime, "surat-dinkes", "sari")
    assert "change" in sop_actions_for(runtime, sari, "draft", DINKES_UMUM)
    assert sop_actions_for(runtime, sari, "draft", DISDIK_UMUM) == frozenset()
    other = load_file(DATA / "surat_kecil.yaml").sop
    other.identity.unit = DISDIK_UMUM
    with pytest.raises(AccessDeniedError) as refused:
        save_draft(runtime, "surat-disdik", other, "sari")
    assert "SKPD" in str(refused.value)
    with pytest.raises(AccessDeniedError):  # nor may it move its SKPD's SOP to another unit
        save_draft(runtime, "surat-dinkes", other, "sari")
    # the role holder keeps working everywhere
    assert save_draft(runtime, "surat-disdik", other, "rina") == "draft"
    # a member who leaves no longer drafts
    member = next(m for m in tim(runtime, account(runtime, "vera"), team).members if m.username == "sari")
    end_member(runtime, account(runtime, "vera"), member.id)
    assert not account(runtime, "sari").has("penyusun")
    with pytest.raises(AccessDeniedError):
        save_draft(runtime, "surat-dinkes", sop, "sari")
    assert [m.username for m in tim(runtime, account(runtime, "vera"), team).active_members] == ["sekda"]
