"""Approval by the right official, decided over the organisation's ids: DISAHKAN OLEH names a jabatan of
the SOP's unit or of the nearest unit above it; the approver holds that jabatan id today, or acts for it
(Plh/Plt) when the deployment allows; a same-named jabatan of another OPD does not count."""

from __future__ import annotations

import copy
import datetime as dt
from pathlib import Path
from typing import Iterator

import pytest
from sqlalchemy import insert

from engine.access.accounts import account, add_account
from engine.access.administration import add_acting, add_holding
from engine.bpmn.reader import read_bpmn
from engine.errors import AccessDeniedError, NotFoundError
from engine.formats.files import load_file
from engine.formats.office.docx_write import identity_tables
from engine.lifecycle import review
from engine.lifecycle.roles import LifecycleSettings, approver_holds
from engine.lifecycle.transitions import approve, save_draft, status, submit, working_sop
from engine.render.document import render
from engine.runtime.facade import Runtime
from engine.runtime.timers import ManualClock
from engine.sop.model import Sop
from engine.store.models import org_jabatan, org_units
from tests.conftest import DATA
from tests.engine.runtime.conftest import fresh_url, postgres_database  # noqa: F401 - the PostgreSQL fixture

UTC = dt.timezone.utc
PEMDA = "Pemerintah Kabupaten Sukamaju"
DISDIK = "Dinas Pendidikan"
DINKES = "Dinas Kesehatan"
SUBBAGIAN = "Subbagian Umum dan Kepegawaian Dinas Pendidikan"
KEY = "uji-disdik"
#: 1 December 2026, 23:30 UTC = 2 December 06:30 WIB: the UTC and the WIB day differ.
LATE = dt.datetime(2026, 12, 1, 23, 30, tzinfo=UTC)
ALLOWED = LifecycleSettings(acting_may_approve=True)
NOT_ALLOWED = LifecycleSettings(acting_may_approve=False)


def _organisation(runtime: Runtime) -> None:
    """Pemda > Disdik > its Subbagian, and Dinkes beside Disdik; each Dinas has its own "Kepala Dinas"."""
    with runtime.db.write() as connection:
        def unit(code: str, kind: str, parent: int | None) -> int:
            return int(connection.execute(insert(org_units).returning(org_units.c.id),
                                          {"code": code, "name": code, "kind": kind, "parent_id": parent}).scalar_one())

        pemda = unit(PEMDA, "pemda", None)
        disdik, dinkes = unit(DISDIK, "opd", pemda), unit(DINKES, "opd", pemda)
        subbagian = unit(SUBBAGIAN, "unit", disdik)
        for where, jabatan in ((disdik, "Kepala Dinas"), (dinkes, "Kepala Dinas"), (subbagian, "Analis SDM Aparatur"),
                               (subbagian, "Kepala Subbagian Umum dan Kepegawaian")):
            connection.execute(insert(org_jabatan), {"unit_id": where, "code": jabatan, "name": jabatan})


@pytest.fixture(params=["sqlite", "postgresql"])
def runtime(request: pytest.FixtureRequest, tmp_path: Path) -> Iterator[Runtime]:
    """The organisation and its people on a fresh store, once on SQLite and once on PostgreSQL."""
    found = Runtime(fresh_url(request.param, tmp_path, request), clock=ManualClock(LATE))
    _organisation(found)
    people = {
        "rina": (["penyusun"], [("Analis SDM Aparatur", SUBBAGIAN)]),
        "vera": (["verifikator"], []),
        "kadisdik": (["pengesah"], [("Kepala Dinas", DISDIK)]),
        "kadinkes": (["pengesah"], [("Kepala Dinas", DINKES)]),
        "kasubag": (["pengesah"], [("Kepala Subbagian Umum dan Kepegawaian", SUBBAGIAN)]),
        "lama": (["pengesah"], []),
        "admin": (["admin"], []),
    }
    for username, (roles, jabatan) in people.items():
        add_account(found, username, f"{username}-rahasia-1", roles, nama=f"Nama {username.title()}",
                    nip=f"1975{len(username)}", jabatan=jabatan)
    yield found
    found.close()


def _sop(unit: str = SUBBAGIAN, jabatan: str = "Kepala Dinas") -> Sop:
    sop = copy.deepcopy(load_file(DATA / "surat_kecil.yaml").sop)
    sop.identity.unit = unit
    sop.identity.disahkan_oleh.jabatan = jabatan
    sop.identity.disahkan_oleh.nama, sop.identity.disahkan_oleh.nip = "Nama Lama", "000"
    return sop


def _verified(runtime: Runtime, sop: Sop | None = None) -> Sop:
    chosen = sop or _sop()
    save_draft(runtime, KEY, chosen, "rina")
    submit(runtime, KEY, "rina")
    review.accept(runtime, KEY, "vera")
    return chosen


def _refused(runtime: Runtime, username: str, settings: LifecycleSettings = NOT_ALLOWED) -> AccessDeniedError:
    with pytest.raises(AccessDeniedError) as refused:
        approve(runtime, KEY, username, dt.date(2026, 12, 15), settings=settings)
    assert status(runtime, KEY) == "verifikasi"
    with pytest.raises(NotFoundError):
        runtime.versions(KEY)  # nothing was published
    return refused.value


def test_the_kepala_dinas_of_the_opd_above_the_subbagian_approves(runtime: Runtime) -> None:
    sop = _verified(runtime)
    assert approver_holds(runtime, account(runtime, "kadisdik"), sop, NOT_ALLOWED)
    assert not approver_holds(runtime, account(runtime, "kasubag"), sop, NOT_ALLOWED)  # holds a jabatan below it
    info = approve(runtime, KEY, "kadisdik", dt.date(2026, 12, 15), settings=NOT_ALLOWED)
    signed = read_bpmn(runtime.bpmn(KEY, info.number)).sop.identity.disahkan_oleh
    assert (signed.jabatan, signed.nama, signed.nip, signed.acting) == ("Kepala Dinas", "Nama Kadisdik", "19758", "")
    svg = render(read_bpmn(runtime.bpmn(KEY, info.number)).sop, fmt="svg").decode()
    assert "Kepala Dinas" in svg and "Plh." not in svg and "Nama Lama" not in svg


def test_a_kepala_dinas_of_another_opd_is_refused_naming_the_jabatan_and_its_unit(runtime: Runtime) -> None:
    sop = _verified(runtime)
    assert not approver_holds(runtime, account(runtime, "kadinkes"), sop, ALLOWED)
    refused = _refused(runtime, "kadinkes", ALLOWED)
    assert refused.code == "lifecycle_not_holder_in_unit"
    assert "'Kepala Dinas' pada 'Dinas Pendidikan'" in str(refused) and "kadinkes" in str(refused)
    assert "'Kepala Dinas' of 'Dinas Pendidikan'" in refused.render("en")


def test_a_jabatan_nobody_has_on_the_chain_is_refused_naming_the_sops_unit(runtime: Runtime) -> None:
    _verified(runtime, _sop(jabatan="Sekretaris Daerah"))
    refused = _refused(runtime, "kadisdik")
    assert "'Sekretaris Daerah' pada '" + SUBBAGIAN + "'" in str(refused)


def test_a_holding_outside_its_dates_does_not_approve(runtime: Runtime) -> None:
    admin = account(runtime, "admin")
    add_holding(runtime, admin, "lama", DISDIK, "Kepala Dinas", dt.date(2026, 1, 2), dt.date(2026, 11, 30),
                "Kepala Dinas sampai November")
    _verified(runtime)
    assert "lifecycle_not_holder_in_unit" == _refused(runtime, "lama").code  # ended yesterday (WIB)
    add_holding(runtime, admin, "lama", DISDIK, "Kepala Dinas", dt.date(2026, 12, 10), None, "Dilantik lagi")
    _refused(runtime, "lama")  # starts in a week
    runtime.clock.advance(dt.timedelta(days=9))  # 10 December 06:30 WIB: the new holding counts
    assert approve(runtime, KEY, "lama", dt.date(2026, 12, 15), settings=NOT_ALLOWED).draft is False


def test_a_plh_approves_only_with_the_setting_and_the_print_says_plh(runtime: Runtime) -> None:
    add_account(runtime, "sekdis", "sekdis-rahasia-1", ["pengesah"], nama="Drs. Sekretaris Dinas", nip="19700202",
                jabatan=[("Analis SDM Aparatur", SUBBAGIAN)])
    add_acting(runtime, account(runtime, "admin"), "sekdis", DISDIK, "Kepala Dinas", "plh", "800/9/2026",
               dt.date(2026, 12, 1), dt.date(2026, 12, 5))
    _verified(runtime)
    refused = _refused(runtime, "sekdis", NOT_ALLOWED)  # UU 30/2014 art. 14(7): off by default
    assert "Kepala Dinas" in str(refused)
    info = approve(runtime, KEY, "sekdis", dt.date(2026, 12, 15), settings=ALLOWED)
    signed = read_bpmn(runtime.bpmn(KEY, info.number)).sop.identity.disahkan_oleh
    assert (signed.jabatan, signed.acting, signed.nama, signed.nip) == (
        "Kepala Dinas", "plh", "Drs. Sekretaris Dinas", "19700202")  # the declared jabatan is kept
    assert signed.printed_jabatan == "Plh. Kepala Dinas"
    assert working_sop(runtime, KEY).identity.disahkan_oleh.acting == "plh"  # the register's sheet keeps it too
    published = read_bpmn(runtime.bpmn(KEY, info.number)).sop
    assert "Plh. Kepala Dinas" in render(published, fmt="svg").decode()
    assert "Plh. Kepala Dinas" in identity_tables(published)  # the Word export prints it too


def test_a_plh_of_the_same_name_in_another_opd_does_not_approve(runtime: Runtime) -> None:
    add_acting(runtime, account(runtime, "admin"), "kasubag", DINKES, "Kepala Dinas", "plt", "800/10/2026",
               dt.date(2026, 12, 1), None)
    _verified(runtime)
    _refused(runtime, "kasubag", ALLOWED)


def test_the_default_effective_date_at_23_30_utc_is_the_next_day_in_wib(runtime: Runtime) -> None:
    _verified(runtime)
    info = approve(runtime, KEY, "kadisdik", settings=NOT_ALLOWED)  # 1 Dec 23:30 UTC = 2 Dec 06:30 WIB
    assert read_bpmn(runtime.bpmn(KEY, info.number)).sop.identity.tanggal_efektif == dt.date(2026, 12, 2)


def test_a_unit_outside_the_organisation_falls_back_to_the_jabatan_name(runtime: Runtime) -> None:
    # no org_units row for the SOP's unit: no ids to compare, so the holding's jabatan name decides
    sop = _verified(runtime, _sop(unit="Unit Belum Tertaut", jabatan="kepala  DINAS"))
    assert approver_holds(runtime, account(runtime, "kadinkes"), sop, NOT_ALLOWED)
    assert not approver_holds(runtime, account(runtime, "kasubag"), sop, NOT_ALLOWED)
    info = approve(runtime, KEY, "kadinkes", dt.date(2026, 12, 15), settings=NOT_ALLOWED)
    # as declared (the BPMN reader folds spaces)
    assert read_bpmn(runtime.bpmn(KEY, info.number)).sop.identity.disahkan_oleh.jabatan == "kepala DINAS"


def test_a_printed_plh_signature_reads_back_as_the_declared_jabatan() -> None:
    from engine.formats.office.identity import approval

    read = approval(["Plh. Kepala Dinas", "Drs. Sekretaris Dinas", "NIP. 19700202"])
    assert (read.jabatan, read.acting, read.nama, read.nip) == ("Kepala Dinas", "plh", "Drs. Sekretaris Dinas",
                                                                "19700202")
    assert approval(["Kepala Dinas", "Nama", "NIP. 1"]).acting == ""
