from __future__ import annotations

from datetime import timedelta
from typing import Any

from flask import Flask
from flask.testing import FlaskClient

from engine import ManualClock
from engine.access.accounts import add_account
from tests.conftest import SURAT_MASUK_DATA


def _start(app: Flask) -> int:
    runtime = app.extensions["alur_runtime"]
    instance, ready = runtime.start("surat-masuk", "pelaksana", {
        "kelengkapan": ["Surat masuk (fisik atau elektronik)", "Buku ekspedisi pengirim"], "data": SURAT_MASUK_DATA})
    return int(ready[0].id)


def test_worklist_shows_waiting_time_and_overdue_badge(app: Flask, login: Any, clock: ManualClock) -> None:
    _start(app)
    clock.advance(timedelta(days=3))
    page = login("pelaksana").get("/tugas/").get_data(as_text=True)
    assert "Apakah surat ditujukan kepada Dinas Pendidikan dan Kebudayaan?" in page
    assert "TERLAMBAT" in page and "SM/00001/" in page
    assert "OVERDUE" in login("pelaksana").get("/tugas/?lang=en").get_data(as_text=True)


def test_task_page_completes_a_decision_with_tidak_and_the_path_follows(app: Flask, login: Any) -> None:
    item = _start(app)
    client = login("pelaksana")
    page = client.get(f"/tugas/{item}").get_data(as_text=True)
    assert 'name="keputusan" value="Tidak"' in page and '<legend>Surat masuk' in page and 'name="k0" value="kertas"' in page
    done = client.post(f"/tugas/{item}", data={"k0": "kertas", "keputusan": "Tidak", "catatan": "Salah alamat"})
    assert done.status_code == 302
    items = app.extensions["alur_runtime"].worklist("pelaksana")
    assert [i.step_id for i in items] == ["kembalikan"]


def test_a_repeated_completion_shows_who_did_it_and_changes_nothing(app: Flask, login: Any) -> None:
    item = _start(app)
    client = login("pelaksana")
    form = {"k0": "kertas", "keputusan": "Ya"}
    assert client.post(f"/tugas/{item}", data=form).status_code == 302
    runtime = app.extensions["alur_runtime"]
    before = len(runtime.trace(1)[1])
    again = client.post(f"/tugas/{item}", data=form)
    assert again.status_code == 409
    assert "sudah diselesaikan oleh pelaksana pada" in again.get_data(as_text=True)
    assert len(runtime.trace(1)[1]) == before


def test_an_item_without_a_state_or_missing_without_a_reason_is_refused(app: Flask, login: Any) -> None:
    item = _start(app)
    client = login("pelaksana")
    answer = client.post(f"/tugas/{item}", data={"keputusan": "Ya"})
    assert answer.status_code == 422
    page = answer.get_data(as_text=True)
    assert "Surat masuk" in page[page.index('class="field-error"'):][:400]
    missing = client.post(f"/tugas/{item}", data={"keputusan": "Ya", "k0": "tidak_ada"})
    assert missing.status_code == 422 and 'name="k0" value="tidak_ada" checked' in missing.get_data(as_text=True)
    assert app.extensions["alur_runtime"].item(item).status == "open"


def test_claim_and_unclaim_from_the_worklist(app: Flask, login: Any) -> None:
    item = _start(app)
    client = login("pelaksana")
    client.post(f"/tugas/{item}/klaim")
    assert app.extensions["alur_runtime"].item(item).claimed_by == "pelaksana"
    assert "Lepas" in client.get("/tugas/").get_data(as_text=True)
    client.post(f"/tugas/{item}/lepas")
    assert app.extensions["alur_runtime"].item(item).claimed_by is None


def test_a_clerk_of_another_unit_cannot_open_the_task(app: Flask, login: Any, client: FlaskClient) -> None:
    item = _start(app)
    add_account(app.extensions["alur_runtime"], "lain", "lain-rahasia", ["pelaksana"],
                jabatan=[("Pengadministrasi Perkantoran", "Dinas Lain")])
    client.post("/masuk", data={"username": "lain", "password": "lain-rahasia"})
    assert client.get(f"/tugas/{item}").status_code == 403
    assert client.post(f"/tugas/{item}", data={"keputusan": "Ya"}).status_code == 403
    assert "Apakah surat" not in client.get("/tugas/").get_data(as_text=True)


def test_start_a_new_instance_and_see_it_in_my_history(app: Flask, login: Any) -> None:
    client = login("pelaksana")
    page = client.get("/tugas/mulai").get_data(as_text=True)
    assert "Pengelolaan Surat Masuk" in page
    answer = client.post("/tugas/mulai/surat-masuk", data={
        "unit": "Dinas Pendidikan dan Kebudayaan - Subbagian Umum dan Kepegawaian",
        "k0": "kertas", "k1": "kertas", **{f"f.{name}": value for name, value in SURAT_MASUK_DATA.items()}})
    assert answer.status_code == 302, answer.get_data(as_text=True)[:2000]
    assert "Kasus SM/00001/" in client.get("/tugas/").get_data(as_text=True)
    item = app.extensions["alur_runtime"].worklist("pelaksana")[0].id
    client.post(f"/tugas/{item}", data={"k0": "kertas", "keputusan": "Ya"})
    assert "Apakah surat ditujukan" in client.get("/tugas/riwayat").get_data(as_text=True)


def test_auditor_sees_the_timeline_and_the_drawn_path(app: Flask, login: Any) -> None:
    item = _start(app)
    clerk = login("pelaksana")
    clerk.post(f"/tugas/{item}", data={"k0": "kertas", "keputusan": "Tidak"})
    clerk.post("/keluar")
    auditor = login("pemantau")
    listing = auditor.get("/pantau/?status=running").get_data(as_text=True)
    assert "/pantau/instans/1" in listing
    page = auditor.get("/pantau/instans/1").get_data(as_text=True)
    assert "<svg" in page and "<?xml" not in page
    assert "#1f5fbf" in page  # the executed path is drawn in the highlight colour
    assert "Lini masa" in page and "Pelaksana" in page and "diselesaikan" in page  # names and kinds in words
    assert "Rantai audit utuh" in auditor.get("/pantau/rantai").get_data(as_text=True)
    assert "/pantau/instans/1" not in auditor.get("/pantau/?status=completed").get_data(as_text=True)


def test_an_auditor_of_one_unit_sees_only_that_unit(app: Flask, client: FlaskClient) -> None:
    _start(app)
    add_account(app.extensions["alur_runtime"], "inspektur", "inspektur-rahasia", ["pemantau"],
                jabatan=[("Auditor", "Dinas Lain")])
    client.post("/masuk", data={"username": "inspektur", "password": "inspektur-rahasia"})
    assert "/pantau/instans/1" not in client.get("/pantau/").get_data(as_text=True)
    assert client.get("/pantau/instans/1").status_code == 403
