"""The sosialisasi and pelatihan pages and API (stages 6-8): the penyusun plans and distributes an
approved SOP, each pelaksana acknowledges it from their own page, the register shows the coverage;
per-SOP pemantau read the SOP's monitoring outside their unit; simulations start from the start page
and the API, are marked SIMULASI and are left out of the monitoring report."""

from __future__ import annotations

from typing import Any

from flask import Flask

from engine import monitoring_report
from engine.access.accounts import add_account, issue_token
from tests.conftest import SURAT_MASUK_DATA
from tests.webui.conftest import UNIT

KEY = "surat-masuk"
OTHER = "Dinas Kesehatan - Subbagian Umum"


def _token(app: Flask, who: str) -> dict[str, str]:
    return {"Authorization": "Bearer " + issue_token(app.extensions["alur_runtime"], who)}


def test_penyusun_plans_and_distributes_and_pelaksana_acknowledges(app: Flask, login: Any) -> None:
    runtime = app.extensions["alur_runtime"]
    add_account(runtime, "staf", "staf-rahasia", ["pelaksana"], nama="Staf Umum", jabatan=[("Pramu Bakti", UNIT)])
    client = login("penyusun")
    page = client.get(f"/sosialisasi/sop/{KEY}").get_data(as_text=True)
    assert "Belum ada rencana sosialisasi." in page and 'id="simpan-rencana"' in page
    refused = client.post(f"/sosialisasi/sop/{KEY}/rencana", data={"jadwal_mulai": "2026-03-09", "pejabat": "",
                                                                   "sasaran": "x", "pemantauan": "y"})
    assert refused.status_code == 422 and "pejabat" in refused.get_data(as_text=True)
    saved = client.post(f"/sosialisasi/sop/{KEY}/rencana", data={
        "jadwal_mulai": "2026-03-09", "jadwal_selesai": "2026-03-10", "tempat": "Aula", "pejabat": "Kepala Dinas",
        "sasaran": "Seluruh pelaksana", "materi": "Alur surat", "pemantauan": "Observasi supervisor"})
    assert saved.status_code == 302
    answer = client.post(f"/sosialisasi/sop/{KEY}/distribusi", data={}, follow_redirects=True)
    page = answer.get_data(as_text=True)
    # the holders of its jabatan in its unit: the clerk, and the pengesah (Kepala Dinas is a pelaksana too)
    assert "SOP didistribusikan kepada 2 pegawai." in page and "0 dari 2 sudah menerima" in page
    assert "Observasi supervisor" in page and "Staf Umum" not in page
    assert "0 dari 2 sudah menerima" in client.get("/penyusun/").get_data(as_text=True)
    client.post(f"/sosialisasi/sop/{KEY}/distribusi", data={"seluruh_unit": "1"})  # the unit's whole staff

    clerk = login("pelaksana")
    worklist = clerk.get("/tugas/").get_data(as_text=True)
    assert "SOP untuk diketahui" in worklist and f'id="terima-{KEY}"' in worklist
    done = clerk.post(f"/sosialisasi/terima/{KEY}", data={"kembali": "tugas"}, follow_redirects=True)
    assert "Tanda terima SOP &#39;surat-masuk&#39; dicatat (2026-03-02 08:00 WIB)" in done.get_data(as_text=True)
    assert f'id="terima-{KEY}"' not in clerk.get("/tugas/").get_data(as_text=True)
    assert "Diterima" in clerk.get("/sosialisasi/").get_data(as_text=True)
    assert clerk.post(f"/sosialisasi/sop/{KEY}/distribusi", data={}).status_code == 403  # not a penyusun

    register = login("penyusun").get("/penyusun/").get_data(as_text=True)
    assert "1 dari 4 sudah menerima" in register  # penyusun and staf got it as staff of the unit
    page = login("penyusun").get(f"/sosialisasi/sop/{KEY}").get_data(as_text=True)
    assert "Staf Umum" in page and "(pegawai unit)" in page and page.count("Belum diterima") == 3


def test_api_sosialisasi_names_the_wrong_field_and_counts(app: Flask) -> None:
    writer = _token(app, "penyusun")
    bad = app.test_client().post(f"/api/v1/sop/{KEY}/sosialisasi/rencana", headers=writer,
                                 json={"jadwal_mulai": "kemarin", "pejabat": "a", "sasaran": "b", "pemantauan": "c"})
    assert bad.status_code == 400 and bad.get_json()["field"] == "jadwal_mulai"
    unknown = app.test_client().post(f"/api/v1/sop/{KEY}/sosialisasi/distribusi", headers=writer, json={"unitt": "x"})
    assert unknown.status_code == 400 and unknown.get_json()["field"] == "unitt"
    plan = app.test_client().post(f"/api/v1/sop/{KEY}/sosialisasi/rencana", headers=writer, json={
        "jadwal_mulai": "2026-03-09", "pejabat": "Kepala Dinas", "sasaran": "Pelaksana", "pemantauan": "Wawancara"})
    assert plan.status_code == 200 and plan.get_json()["version"] == 1
    given = app.test_client().post(f"/api/v1/sop/{KEY}/sosialisasi/distribusi", headers=writer, json={})
    assert [row["username"] for row in given.get_json()] == ["pelaksana", "pengesah"]
    clerk = _token(app, "pelaksana")
    waiting = app.test_client().get("/api/v1/sosialisasi", headers=clerk).get_json()
    assert [(row["key"], row["acknowledged_at"]) for row in waiting] == [(KEY, None)]
    receipt = app.test_client().post(f"/api/v1/sosialisasi/{KEY}/terima", headers=clerk)
    assert receipt.status_code == 200 and receipt.get_json()["acknowledged_at"]
    view = app.test_client().get(f"/api/v1/sop/{KEY}/sosialisasi", headers=writer).get_json()
    assert view["coverage"] == {"version": 1, "acknowledged": 1, "distributed": 2}
    assert app.test_client().post(f"/api/v1/sosialisasi/{KEY}/terima", headers=writer).status_code == 404
    session = app.test_client().post(f"/api/v1/sop/{KEY}/pelatihan", headers=writer, json={
        "tanggal": "2026-03-12", "jenis": "pendampingan", "peserta": ["pelaksana"], "catatan": "Di meja layanan"})
    assert session.status_code == 200 and session.get_json()["attendees"] == ["pelaksana"]
    wrong = app.test_client().post(f"/api/v1/sop/{KEY}/pelatihan", headers=writer, json={
        "tanggal": "2026-03-12", "jenis": "pendampingan", "peserta": "pelaksana"})
    assert wrong.status_code == 400 and wrong.get_json()["field"] == "peserta"
    paths = app.test_client().get("/api/v1/openapi.json").get_json()["paths"]
    assert {"/sosialisasi", "/sosialisasi/{key}/terima", "/sop/{key}/sosialisasi", "/sop/{key}/pelatihan",
            "/sop/{key}/penugasan", "/sop/{key}/sosialisasi/distribusi", "/sop/{key}/sosialisasi/rencana"} <= set(paths)
    assert "simulasi" in app.test_client().get("/api/v1/openapi.json").get_json()[
        "components"]["schemas"]["Mulai"]["properties"]


def test_per_sop_pemantau_reads_the_report_outside_its_unit(app: Flask, login: Any) -> None:
    runtime = app.extensions["alur_runtime"]
    add_account(runtime, "auditor-lain", "auditor-lain-rahasia", ["pemantau"], jabatan=[("Auditor", OTHER)])
    runtime.start(KEY, "pelaksana", {"kelengkapan": ["Surat masuk (fisik atau elektronik)", "Buku ekspedisi pengirim"],
                                     "data": SURAT_MASUK_DATA})
    watcher = login("auditor-lain")
    assert watcher.get(f"/pemantauan/{KEY}").status_code == 403
    writer = login("penyusun")
    writer.post(f"/sosialisasi/sop/{KEY}/penugasan", data={"username": "auditor-lain", "peran": "pemantau",
                                                            "aksi": "tetapkan"})
    assert "Pemantau: auditor-lain" in writer.get(f"/sosialisasi/sop/{KEY}").get_data(as_text=True)
    assert login("auditor-lain").get(f"/pemantauan/{KEY}").status_code == 200
    login("penyusun").post(f"/sosialisasi/sop/{KEY}/penugasan", data={"username": "auditor-lain", "peran": "pemantau",
                                                                       "aksi": "cabut"})
    assert login("auditor-lain").get(f"/pemantauan/{KEY}").status_code == 403


def test_simulation_starts_from_the_start_page_and_the_api_and_is_marked(app: Flask, login: Any) -> None:
    runtime = app.extensions["alur_runtime"]
    clerk = login("pelaksana")
    assert "Mulai simulasi" in clerk.get("/tugas/mulai").get_data(as_text=True)
    answer = clerk.post(f"/tugas/mulai/{KEY}", data={
        "unit": UNIT, "simulasi": "1", "k0": "kertas", "k1": "kertas",
        **{f"f.{name}": value for name, value in SURAT_MASUK_DATA.items()}}, follow_redirects=True)
    page = answer.get_data(as_text=True)
    assert "Simulasi SIM-" in page and "SIMULASI" in page
    item = runtime.worklist("pelaksana")[0]
    assert item.simulation and "SIMULASI" in clerk.get(f"/tugas/{item.id}").get_data(as_text=True)
    started = app.test_client().post(f"/api/v1/sop/{KEY}/instans", headers=_token(app, "pelaksana"), json={
        "form": {"kelengkapan": ["Surat masuk (fisik atau elektronik)", "Buku ekspedisi pengirim"],
                 "data": SURAT_MASUK_DATA}, "simulasi": True})
    assert started.status_code == 201 and started.get_json()["instance"]["mode"] == "simulasi"
    assert started.get_json()["ready"][0]["mode"] == "simulasi"
    audit = login("admin").get(f"/pantau/instans/{item.instance_id}").get_data(as_text=True)
    assert "SIMULASI" in audit
    assert monitoring_report(runtime, KEY).started == 0 and monitoring_report(runtime, KEY, trial=True).started == 0


def test_a_reader_outside_the_target_units_is_told_it_was_distributed_elsewhere(app: Flask, login: Any) -> None:
    runtime = app.extensions["alur_runtime"]
    add_account(runtime, "auditor-lain", "auditor-lain-rahasia", ["pemantau"], jabatan=[("Auditor", OTHER)])
    watcher = login("auditor-lain")
    page = watcher.get(f"/sosialisasi/sop/{KEY}").get_data(as_text=True)
    assert "Belum didistribusikan." in page and 'id="distribusi-di-luar"' not in page  # true: nobody has it
    login("penyusun").post(f"/sosialisasi/sop/{KEY}/distribusi", data={})
    page = login("auditor-lain").get(f"/sosialisasi/sop/{KEY}").get_data(as_text=True)
    # given to 2 people in a unit the auditor does not see: said so, without their names
    assert "Belum didistribusikan." not in page
    assert "Didistribusikan kepada 2 pegawai di unit di luar cakupan Anda" in page
    assert 'id="tanda-terima"' not in page
    assert "Didistribusikan kepada" not in login("penyusun").get(f"/sosialisasi/sop/{KEY}").get_data(as_text=True)
