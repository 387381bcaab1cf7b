"""A NIP field says whose NIP it is: the page's lookup and the API, refused to roles that do not type cases."""

from __future__ import annotations

from flask import Flask

from engine import add_account, issue_token
from tests.webui.conftest import UNIT


def _token(app: Flask, who: str) -> dict[str, str]:
    return {"Authorization": "Bearer " + issue_token(app.extensions["alur_runtime"], who)}


def _clerk(app: Flask, who: str = "pelaksana"):  # type: ignore[no-untyped-def]
    client = app.test_client()
    client.post("/masuk", data={"username": who, "password": f"{who}-rahasia"})
    return client


def test_the_task_pages_lookup_names_the_pegawai_of_a_nip_however_it_is_spaced(app: Flask) -> None:
    add_account(app.extensions["alur_runtime"], "siti", "siti-rahasia-1", ["pelaksana"], "Siti Aminah",
                nip="19850330 201001 1 002", jabatan=[("Analis Kebijakan", UNIT)])
    clerk = _clerk(app)
    found = clerk.get("/kasus/pegawai?nip=19850330 201001 1 002")
    assert found.status_code == 200 and found.is_json
    assert found.get_json() == {"nama": "Siti Aminah", "nip": "19850330 201001 1 002",
                                "jabatan": [{"jabatan": "Analis Kebijakan", "unit": UNIT}]}
    unknown = clerk.get("/kasus/pegawai?nip=198503302010011003")
    assert unknown.status_code == 404 and "NIP" in unknown.get_json()["error"]
    short = clerk.get("/kasus/pegawai?nip=1985")
    assert short.status_code == 400 and short.get_json()["field"] == "nip" and "18" in short.get_json()["error"]


def test_the_api_answers_the_same_and_refuses_an_auditor(app: Flask) -> None:
    add_account(app.extensions["alur_runtime"], "siti", "siti-rahasia-1", ["pelaksana"], "Siti Aminah",
                nip="198503302010011002")
    client = app.test_client()
    answer = client.get("/api/v1/pegawai/198503302010011002", headers=_token(app, "pelaksana"))
    assert answer.status_code == 200 and answer.get_json()["nama"] == "Siti Aminah"
    assert client.get("/api/v1/pegawai/198503302010011002", headers=_token(app, "pemantau")).status_code == 403
    assert _clerk(app, "pemantau").get("/kasus/pegawai?nip=198503302010011002").status_code == 403
    paths = client.get("/api/v1/openapi.json").get_json()["paths"]
    assert "/api/v1/pegawai/{nip}" in paths or "/pegawai/{nip}" in paths


def test_a_nip_field_on_the_cuti_start_form_carries_the_lookup(app: Flask) -> None:
    from tests.conftest import PROCESSES

    runtime = app.extensions["alur_runtime"]
    runtime.publish(PROCESSES / "permohonan-cuti-pegawai.bpmn")
    add_account(runtime, "loket", "loket-rahasia", ["pelaksana"], "Loket",
                jabatan=[("Pegawai Pemohon", UNIT)])
    page = _clerk(app, "loket").get("/tugas/mulai").get_data(as_text=True)
    assert 'data-lookup="/kasus/pegawai"' in page and 'class="employee"' in page and "case.js" in page
