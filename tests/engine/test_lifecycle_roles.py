"""The lifecycle with roles: verifikasi by a verifikator, answered overlap findings, approval by the holder
of the declared jabatan, separation of duties, returns with notes, revisi with a reason, revision requests."""

from __future__ import annotations

import copy
import datetime as dt
from pathlib import Path
from typing import Iterator

import pytest

from engine.access.accounts import add_account, disable_account
from engine.bpmn.reader import read_bpmn
from engine.errors import AccessDeniedError, DataError, NotFoundError, TaskError
from engine.formats.files import load_file
from engine.lifecycle import review
from engine.lifecycle.revision import publish_direct, revise
from engine.lifecycle.roles import LifecycleSettings
from engine.lifecycle.transitions import (
    approve,
    current_round,
    history,
    returned,
    save_draft,
    start_trial,
    status,
    submit,
)
from engine.render.document import render
from engine.runtime.facade import Runtime
from engine.runtime.timers import ManualClock
from engine.sop.model import Sop
from tests.conftest import DATA
from tests.engine.runtime.conftest import fresh_url, postgres_database  # noqa: F401 - the PostgreSQL fixture

UTC = dt.timezone.utc
KECAMATAN = "Kecamatan Sukamaju Kota"
KEY = "uji-surat"
#: 1 December 2026, 20:00 UTC = 2 December 03:00 WIB: the UTC and the WIB day differ.
EVENING = dt.datetime(2026, 12, 1, 20, 0, tzinfo=UTC)


@pytest.fixture(params=["sqlite", "postgresql"])
def runtime(request: pytest.FixtureRequest, tmp_path: Path) -> Iterator[Runtime]:
    """Six people on a fresh store, once on SQLite and once on PostgreSQL."""
    found = Runtime(fresh_url(request.param, tmp_path, request), clock=ManualClock(EVENING))
    people = {
        "rina": (["penyusun"], [("Analis Organisasi", KECAMATAN)]),
        "tono": (["penyusun"], [("Analis Organisasi", KECAMATAN)]),
        "vera": (["verifikator"], [("Analis Kelembagaan", "Bagian Organisasi")]),
        "camat": (["pengesah"], [("Camat Sukamaju Kota", KECAMATAN)]),
        "sekda": (["pengesah"], [("Sekretaris Daerah", "Sekretariat Daerah")]),
        "ganda": (["penyusun", "pengesah"], [("Camat  sukamaju kota", KECAMATAN)]),
    }
    for username, (roles, jabatan) in people.items():
        add_account(found, username, f"{username}-rahasia", roles, nama=f"Nama {username.title()}",
                    nip=f"1980{len(username)}", jabatan=jabatan)
    yield found
    found.close()


def _sop(jabatan: str = "Camat Sukamaju Kota") -> Sop:
    sop = copy.deepcopy(load_file(DATA / "surat_kecil.yaml").sop)
    sop.identity.unit = KECAMATAN
    sop.identity.disahkan_oleh.jabatan = jabatan
    return sop


def _verified(runtime: Runtime, author: str = "rina", key: str = KEY, sop: Sop | None = None) -> None:
    save_draft(runtime, key, sop or _sop(), author)
    submit(runtime, key, author)
    review.accept(runtime, key, "vera")


def test_approval_keeps_the_declared_jabatan_and_the_chosen_date(runtime: Runtime) -> None:
    """The reported case: DISAHKAN OLEH "Camat Sukamaju Kota", tanggal efektif 2026-12-15 stay on the print."""
    _verified(runtime)
    info = approve(runtime, KEY, "camat", dt.date(2026, 12, 15))
    signed = read_bpmn(runtime.bpmn(KEY, info.number)).sop.identity
    assert (signed.disahkan_oleh.jabatan, signed.disahkan_oleh.nama, signed.disahkan_oleh.nip) == (
        "Camat Sukamaju Kota", "Nama Camat", "19805")
    assert signed.tanggal_efektif == dt.date(2026, 12, 15)
    svg = render(read_bpmn(runtime.bpmn(KEY, info.number)).sop, fmt="svg").decode()
    assert "Camat Sukamaju Kota" in svg and "15 Desember 2026" in svg
    assert "Kepala Bagian Organisasi" not in svg


def test_the_default_effective_date_is_today_in_wib_and_never_earlier(runtime: Runtime) -> None:
    _verified(runtime)
    with pytest.raises(DataError) as early:
        approve(runtime, KEY, "camat", dt.date(2026, 12, 1))  # the UTC day, already past in WIB
    assert early.value.field == "tanggal_efektif" and "2026-12-02" in str(early.value)
    assert early.value.render("en").startswith("Effective date 2026-12-01 is before")
    assert status(runtime, KEY) == "verifikasi"
    with pytest.raises(NotFoundError):
        runtime.versions(KEY)  # nothing was published
    info = approve(runtime, KEY, "camat")
    assert read_bpmn(runtime.bpmn(KEY, info.number)).sop.identity.tanggal_efektif == dt.date(2026, 12, 2)


def test_approval_is_refused_to_a_pengesah_who_does_not_hold_the_jabatan(runtime: Runtime) -> None:
    _verified(runtime)
    with pytest.raises(AccessDeniedError) as refused:
        approve(runtime, KEY, "sekda", dt.date(2026, 12, 15))
    assert "Camat Sukamaju Kota" in str(refused.value) and "sekda" in str(refused.value)
    with pytest.raises(AccessDeniedError):
        approve(runtime, KEY, "vera", dt.date(2026, 12, 15))  # not a pengesah at all
    assert status(runtime, KEY) == "verifikasi"
    with pytest.raises(NotFoundError):
        runtime.versions(KEY)


def test_self_approval_is_refused_unless_separation_of_duties_is_off(runtime: Runtime,
                                                                     monkeypatch: pytest.MonkeyPatch) -> None:
    # "ganda" is penyusun and pengesah and holds the jabatan (written with other spacing and case)
    _verified(runtime, author="ganda")
    with pytest.raises(AccessDeniedError) as refused:
        approve(runtime, KEY, "ganda", dt.date(2026, 12, 15))
    assert "pemisahan tugas" in str(refused.value)
    assert status(runtime, KEY) == "verifikasi"
    monkeypatch.setenv("ALUR_SEPARATION_OF_DUTIES", "0")
    assert approve(runtime, KEY, "ganda", dt.date(2026, 12, 15)).draft is False


def test_the_author_cannot_verify_and_the_verifier_cannot_approve(runtime: Runtime) -> None:
    add_account(runtime, "dua", "dua-rahasia", ["verifikator", "pengesah"],
                jabatan=[("Camat Sukamaju Kota", KECAMATAN)])
    add_account(runtime, "tulis", "tulis-rahasia", ["penyusun", "verifikator"])
    save_draft(runtime, KEY, _sop(), "tulis")
    submit(runtime, KEY, "tulis")
    with pytest.raises(AccessDeniedError):
        review.accept(runtime, KEY, "tulis")
    review.accept(runtime, KEY, "dua")
    with pytest.raises(AccessDeniedError) as refused:
        approve(runtime, KEY, "dua", dt.date(2026, 12, 15))
    assert "memverifikasi" in str(refused.value)
    assert approve(runtime, KEY, "camat", dt.date(2026, 12, 15)).number == 1
    assert current_round(runtime, KEY) is None  # the round closed with the approval


def test_the_verifikator_returns_with_notes_per_row(runtime: Runtime) -> None:
    save_draft(runtime, KEY, _sop(), "rina")
    submit(runtime, KEY, "rina")
    with pytest.raises(DataError) as no_reason:
        review.send_back(runtime, KEY, "vera", "  ", {"periksa": "x"})
    assert no_reason.value.field == "alasan"
    with pytest.raises(DataError) as unknown:
        review.send_back(runtime, KEY, "vera", "Perbaiki", {"tidak_ada": "x"})
    assert unknown.value.field == "catatan_tidak_ada"
    with pytest.raises(AccessDeniedError):
        review.send_back(runtime, KEY, "rina", "Perbaiki", {})
    assert status(runtime, KEY) == "verifikasi"
    after = review.send_back(runtime, KEY, "vera", "Waktu tidak wajar",
                             {"periksa": "15 menit terlalu singkat", "": "Lengkapi dasar hukum", "terima": ""})
    assert after == "draft" and status(runtime, KEY) == "draft"
    back = returned(runtime, KEY)
    assert back is not None and (back.by, back.reason) == ("vera", "Waktu tidak wajar")
    assert back.notes == (("periksa", "15 menit terlalu singkat"), ("", "Lengkapi dasar hukum"))
    assert [(event.action, event.by) for event in history(runtime, KEY)] == [
        ("save", "rina"), ("submit", "rina"), ("return", "vera")]
    with pytest.raises(TaskError):
        start_trial(runtime, KEY, "rina")
    submit(runtime, KEY, "rina")
    assert returned(runtime, KEY) is None  # answered by the new submission; kept in the history
    review.accept(runtime, KEY, "vera")
    assert start_trial(runtime, KEY, "rina").draft is True


def test_the_pengesah_returns_once_then_approves(runtime: Runtime) -> None:
    _verified(runtime)
    start_trial(runtime, KEY, "rina")
    with pytest.raises(AccessDeniedError):
        review.send_back(runtime, KEY, "sekda", "Bukan wewenang", stage="pengesahan")
    review.send_back(runtime, KEY, "camat", "Tambahkan tembusan", {"disposisi": "Sebutkan tembusan"},
                     stage="pengesahan")
    assert status(runtime, KEY) == "draft"
    with pytest.raises(TaskError):
        approve(runtime, KEY, "camat", dt.date(2026, 12, 15))  # must be verified again first
    _verified(runtime)
    info = approve(runtime, KEY, "camat", dt.date(2026, 12, 15))
    actions = [event.action for event in history(runtime, KEY)]
    assert actions == ["save", "submit", "accept", "trial", "reject", "save", "submit", "accept", "approve"]
    assert history(runtime, KEY)[-1].version == info.number


def _twin(runtime: Runtime) -> None:
    """Another SOP in the register with the same kegiatan by the same jabatan (overlap findings)."""
    other = _sop()
    other.identity.nama, other.identity.nomor = "Uji Surat Keluar", "002/SOP/UJI/2026"
    save_draft(runtime, "uji-surat-keluar", other, "tono")


def test_every_overlap_finding_is_answered_before_acceptance(runtime: Runtime) -> None:
    _twin(runtime)
    save_draft(runtime, KEY, _sop(), "rina")
    assert submit(runtime, KEY, "rina")
    found = review.findings(runtime, KEY)
    assert found and all(item.answer is None for item in found)
    with pytest.raises(TaskError) as refused:
        review.accept(runtime, KEY, "vera")
    assert "belum dijawab" in str(refused.value)
    with pytest.raises(DataError) as no_reason:
        review.answer_finding(runtime, KEY, "tono", found[0].id, "diterima")
    assert no_reason.value.field == "alasan"
    with pytest.raises(DataError):
        review.answer_finding(runtime, KEY, "tono", "kegiatan:palsu::", "bukan")
    with pytest.raises(DataError):
        review.answer_finding(runtime, KEY, "tono", found[0].id, "mungkin")
    with pytest.raises(AccessDeniedError):
        review.answer_finding(runtime, KEY, "camat", found[0].id, "bukan")
    for index, item in enumerate(found):
        review.answer_finding(runtime, KEY, "tono", item.id, ("bukan", "digabung", "diterima")[index % 3],
                              "Layanan berbeda")
    answered = review.findings(runtime, KEY)
    assert all(item.answer is not None and item.answer.by == "tono" for item in answered)
    review.accept(runtime, KEY, "vera")
    accepted = current_round(runtime, KEY)
    assert accepted is not None and accepted.verified_by == "vera"


def test_revisi_asks_a_reason_and_answers_the_revision_requests(runtime: Runtime) -> None:
    from engine.lifecycle.requests import open_request, requests_of

    _verified(runtime)
    approve(runtime, KEY, "camat", dt.date(2026, 12, 15))
    with runtime.db.write() as connection:
        open_request(connection, KEY, KECAMATAN, "Langkah 2 terlalu lama", "inspektur", EVENING)
    with pytest.raises(DataError) as no_reason:
        revise(runtime, KEY, "rina")
    assert no_reason.value.field == "alasan" and status(runtime, KEY) == "disahkan"
    revise(runtime, KEY, "tono", "Evaluasi: langkah 2 terlalu lama")
    assert status(runtime, KEY) == "revisi"
    with runtime.db.read() as connection:
        done = requests_of(connection, KEY)
    assert [(r.status, r.closed_by) for r in done] == [("ditindaklanjuti", "tono")]
    # a return in a revision round sends the SOP back to "revisi"
    submit(runtime, KEY, "tono")
    assert review.send_back(runtime, KEY, "vera", "Belum lengkap") == "revisi"
    # separation of duties is about this version's authors (tono), not those of version 1
    submit(runtime, KEY, "tono")
    review.accept(runtime, KEY, "vera")
    assert approve(runtime, KEY, "camat", dt.date(2026, 12, 20)).number == 2


def test_publish_records_who_and_why_and_refuses_unknown_users(runtime: Runtime) -> None:
    source = DATA / "surat_kecil.yaml"
    with pytest.raises(NotFoundError) as unknown:
        publish_direct(runtime, source, "langsung", "bukan-siapa-siapa", "Memulai sistem")
    assert "bukan-siapa-siapa" in str(unknown.value)
    with pytest.raises(DataError) as no_reason:
        publish_direct(runtime, source, "langsung", "rina", "")
    assert no_reason.value.field == "alasan"
    with pytest.raises(NotFoundError):
        runtime.versions("langsung")
    runtime.add_user("tanpa-login", "Hanya Pegawai", jabatan=[("Analis Organisasi", KECAMATAN)])
    with pytest.raises(NotFoundError) as no_login:  # a runtime user that cannot log in signs nothing
        publish_direct(runtime, source, "langsung", "tanpa-login", "Memulai sistem")
    assert no_login.value.code == "gov_publish_not_account"
    assert "'tanpa-login' bukan akun login" in str(no_login.value)
    assert "alur account add tanpa-login" in no_login.value.render("en")
    add_account(runtime, "nonaktif", "nonaktif-rahasia", ["admin"])
    disable_account(runtime, "nonaktif")
    with pytest.raises(AccessDeniedError) as disabled:
        publish_direct(runtime, source, "langsung", "nonaktif", "Memulai sistem")
    assert disabled.value.code == "gov_publish_account_disabled"
    with pytest.raises(NotFoundError):
        runtime.versions("langsung")
    info = publish_direct(runtime, source, "langsung", "rina", "Memulai sistem")
    assert [(e.action, e.by, e.reason, e.version) for e in history(runtime, "langsung")] == [
        ("publish", "rina", "Memulai sistem", info.number)]
    assert runtime.versions("langsung")[-1].number == info.number and not info.draft


def test_lifecycle_settings_from_the_environment(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.delenv("ALUR_SEPARATION_OF_DUTIES", raising=False)
    assert LifecycleSettings.from_env().separation_of_duties is True
    monkeypatch.setenv("ALUR_SEPARATION_OF_DUTIES", "0")
    assert LifecycleSettings.from_env().separation_of_duties is False


def test_alur_publish_needs_a_known_user_and_a_reason(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    from click.testing import CliRunner

    from engine.cli.main import main

    url = f"sqlite:///{tmp_path / 'cli.db'}"
    monkeypatch.setenv("ALUR_DATABASE_URL", url)
    runner = CliRunner()
    assert runner.invoke(main, ["db", "upgrade"]).exit_code == 0
    source = str(DATA / "surat_kecil.yaml")
    unknown = runner.invoke(main, ["publish", source, "--as", "siapa", "--alasan", "Memulai"])
    assert unknown.exit_code == 1 and "'siapa' bukan pengguna terdaftar" in unknown.output
    silent = runner.invoke(main, ["publish", source])
    assert silent.exit_code == 1 and "--as" in silent.output and "--alasan" in silent.output
    assert runner.invoke(main, ["user", "add", "ani", "--unit", "Bagian Umum", "--jabatan", "Pengadministrasi"]
                         ).exit_code == 0
    no_login = runner.invoke(main, ["publish", source, "--as", "ani", "--alasan", "Memulai sistem"])
    assert no_login.exit_code == 1 and "'ani' bukan akun login" in no_login.output
    assert "Traceback" not in no_login.output
    assert runner.invoke(main, ["account", "add", "ani", "--role", "penyusun", "--password", "ani-rahasia-2026"]
                         ).exit_code == 0
    done = runner.invoke(main, ["publish", source, "--as", "ani", "--alasan", "Memulai sistem"])
    assert done.exit_code == 0 and "versi 1 diterbitkan" in done.output
    checked = Runtime(url)
    try:
        assert [(e.action, e.by, e.reason) for e in history(checked, "surat_kecil")] == [
            ("publish", "ani", "Memulai sistem")]
    finally:
        checked.close()


def test_a_plh_approves_only_when_the_deployment_allows_it(runtime: Runtime, monkeypatch: pytest.MonkeyPatch) -> None:
    from engine.access.accounts import account
    from engine.access.administration import add_acting

    monkeypatch.delenv("ALUR_ACTING_MAY_APPROVE", raising=False)
    add_account(runtime, "admin", "admin-rahasia-1", ["admin"])
    add_acting(runtime, account(runtime, "admin"), "sekda", KECAMATAN, "Camat Sukamaju Kota", "plh", "800/7/2026",
               dt.date(2026, 12, 2), dt.date(2026, 12, 4))
    _verified(runtime)
    with pytest.raises(AccessDeniedError) as refused:  # UU 30/2014 art. 14(7): off by default
        approve(runtime, KEY, "sekda", dt.date(2026, 12, 15))
    assert "Camat Sukamaju Kota" in str(refused.value)
    assert LifecycleSettings.from_env().acting_may_approve is False
    monkeypatch.setenv("ALUR_ACTING_MAY_APPROVE", "1")
    assert LifecycleSettings.from_env().acting_may_approve is True
    info = approve(runtime, KEY, "sekda", dt.date(2026, 12, 15))
    assert info.draft is False
    assert [(e.action, e.by) for e in history(runtime, KEY)][-1] == ("approve", "sekda")


def test_an_ended_plh_does_not_approve_even_when_allowed(runtime: Runtime) -> None:
    from engine.access.accounts import account
    from engine.access.administration import add_acting

    add_account(runtime, "admin", "admin-rahasia-1", ["admin"])
    add_acting(runtime, account(runtime, "admin"), "sekda", KECAMATAN, "Camat Sukamaju Kota", "plt", "800/8/2026",
               dt.date(2026, 11, 1), dt.date(2026, 11, 30))
    _verified(runtime)
    with pytest.raises(AccessDeniedError):
        approve(runtime, KEY, "sekda", dt.date(2026, 12, 15), settings=LifecycleSettings(acting_may_approve=True))
