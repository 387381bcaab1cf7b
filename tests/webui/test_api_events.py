"""``POST /api/v1/pesan/<name>``: a message reaches the case waiting for it, once, and only from a
clerk of that case's unit."""

from __future__ import annotations

from flask import Flask

from engine.access.accounts import add_account, issue_token
from tests.conftest import DATA

UNIT = "Dinas Pendidikan dan Kebudayaan - Subbagian Umum dan Kepegawaian"
OTHER = "Dinas Kesehatan - Subbagian Umum"


def _auth(app: Flask, who: str) -> dict[str, str]:
    return {"Authorization": "Bearer " + issue_token(app.extensions["alur_runtime"], who)}


def test_a_message_continues_the_waiting_case_once_and_only_for_its_units_clerks(app: Flask) -> None:
    runtime = app.extensions["alur_runtime"]
    add_account(runtime, "petugas", "petugas-rahasia", ["pelaksana"], nama="Petugas", nip="1990",
                jabatan=[("Petugas", UNIT), ("Kepala Seksi", UNIT)])
    add_account(runtime, "lain", "lain-rahasia", ["pelaksana"], nama="Lain", nip="1991",
                jabatan=[("Petugas", OTHER)])
    runtime.publish(DATA / "events" / "permohonan_peristiwa.yaml", "permohonan")
    instance, ready = runtime.start("permohonan", "petugas", {"data": {"nomor_permohonan": "P-77"}}, unit=UNIT)
    runtime.complete(ready[0].id, "petugas", {})
    client = app.test_client()
    url = "/api/v1/pesan/jawaban-pemohon"
    assert client.post(url, json={"korelasi": "P-77"}).status_code == 401
    assert client.post(url, headers=_auth(app, "penyusun"), json={"korelasi": "P-77"}).status_code == 403
    elsewhere = client.post(url, headers=_auth(app, "lain"), json={"korelasi": "P-77"})
    assert elsewhere.status_code == 404  # another unit's clerk learns nothing about the case
    unknown = client.post(url, headers=_auth(app, "petugas"), json={"korelasi": "P-77", "lain": 1})
    assert unknown.status_code == 400 and "lain" in unknown.get_json()["error"]
    empty = client.post(url, headers=_auth(app, "petugas"), json={"korelasi": ""})
    assert empty.status_code == 400 and "korelasi" in empty.get_json()["error"]
    first = client.post(url, headers=_auth(app, "petugas"), json={"korelasi": "P-77"})
    assert first.status_code == 200
    assert first.get_json() == {"pesan": "jawaban-pemohon", "instans": instance.id, "langkah": "jawaban",
                                "duplikat": False}
    again = client.post(url, headers=_auth(app, "petugas"), json={"korelasi": "P-77"})
    assert again.status_code == 200 and again.get_json()["duplikat"] is True
    kinds = [event.kind for event in runtime.trace(instance.id)[1]]
    assert kinds.count("message_received") == 1
    document = client.get("/api/v1/openapi.json").get_json()
    body = document["paths"]["/pesan/{name}"]["post"]["requestBody"]["content"]["application/json"]["schema"]
    assert body["$ref"].endswith("/KirimPesan")
    assert document["components"]["schemas"]["KirimPesan"]["required"] == ["korelasi"]


def test_a_clerk_reports_a_steps_error_through_the_api(app: Flask) -> None:
    runtime = app.extensions["alur_runtime"]
    add_account(runtime, "petugas", "petugas-rahasia", ["pelaksana"], nama="Petugas", nip="1990",
                jabatan=[("Petugas", UNIT)])
    runtime.publish(DATA / "events" / "permohonan_peristiwa.yaml", "permohonan")
    instance, ready = runtime.start("permohonan", "petugas", {"data": {"nomor_permohonan": "P-8"}}, unit=UNIT)
    client = app.test_client()
    url = f"/api/v1/tugas/{ready[0].id}/galat"
    assert client.post(url, headers=_auth(app, "pemantau"), json={"kode": "BERKAS_PALSU"}).status_code == 403
    wrong = client.post(url, headers=_auth(app, "petugas"), json={"kode": "LAIN"})
    assert wrong.status_code == 409 and "BERKAS_PALSU" in wrong.get_json()["error"]
    done = client.post(url, headers=_auth(app, "petugas"), json={"kode": "BERKAS_PALSU"})
    assert done.status_code == 200 and done.get_json() == {"tugas": ready[0].id, "terbuka": []}
    assert runtime.instance(instance.id).reason == "BERKAS_PALSU"
