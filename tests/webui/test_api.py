from __future__ import annotations

import hashlib
import io
import re
from typing import Any

import pytest
from flask import Flask

from engine.access.accounts import issue_token, revoke_tokens
from tests.conftest import SURAT_MASUK_DATA
from tests.engine.runtime.conftest import postgres_database  # noqa: F401 - the PostgreSQL fixture
from webui.api import OPERATIONS

UNIT = "Dinas Pendidikan dan Kebudayaan - Subbagian Umum dan Kepegawaian"


def _auth(app: Flask, who: str) -> dict[str, str]:
    return {"Authorization": "Bearer " + issue_token(app.extensions["alur_runtime"], who)}


def test_openapi_document_lists_every_api_route(app: Flask) -> None:
    document = app.test_client().get("/api/v1/openapi.json").get_json()
    assert document["openapi"].startswith("3.")
    documented = {(method, path) for path, item in document["paths"].items() for method in item}
    routed = set()
    for rule in app.url_map.iter_rules():
        if rule.rule.startswith("/api/v1/"):
            path = re.sub(r"<(?:\w+:)?(\w+)>", r"{\1}", rule.rule[len("/api/v1"):])
            routed |= {(method.lower(), path) for method in (rule.methods or set()) - {"HEAD", "OPTIONS"}}
    assert routed == documented
    assert len(OPERATIONS) == len(documented)


def test_clerk_starts_claims_and_completes_through_the_api(app: Flask) -> None:
    client = app.test_client()
    clerk = _auth(app, "pelaksana")
    started = client.post("/api/v1/sop/surat-masuk/instans", headers=clerk, json={
        "unit": UNIT, "form": {"kelengkapan": ["Surat masuk (fisik atau elektronik)", "Buku ekspedisi pengirim"],
                               "data": SURAT_MASUK_DATA}})
    assert started.status_code == 201
    item = started.get_json()["ready"][0]["id"]
    page = client.get("/api/v1/tugas", headers=clerk).get_json()
    assert [i["id"] for i in page["items"]] == [item] and page["total"] == 1
    assert client.post(f"/api/v1/tugas/{item}/klaim", headers=clerk).get_json()["claimed_by"] == "pelaksana"
    done = client.post(f"/api/v1/tugas/{item}/selesai", headers=clerk,
                       json={"kelengkapan": ["Surat masuk"], "keputusan": "Tidak"})
    assert done.status_code == 200 and done.get_json()["ready"][0]["step_id"] == "kembalikan"
    again = client.post(f"/api/v1/tugas/{item}/selesai", headers=clerk, json={"keputusan": "Tidak"})
    assert again.status_code == 409 and "sudah diselesaikan oleh pelaksana" in again.get_json()["error"]
    auditor = _auth(app, "pemantau")
    listed = client.get("/api/v1/instans?status=running", headers=auditor).get_json()
    assert [i["id"] for i in listed] == [started.get_json()["instance"]["id"]]
    trace = client.get(f"/api/v1/instans/{listed[0]['id']}", headers=auditor).get_json()
    kinds = [e["kind"] for e in trace["events"]]
    assert kinds[0] == "started" and kinds.index("claimed") < kinds.index("completed")
    assert trace["timeline"][0]["completed_by"] == "pelaksana"
    assert client.get("/api/v1/sop", headers=auditor).get_json()[0]["key"] == "surat-masuk"
    assert client.get("/api/v1/sop/surat-masuk/versi", headers=auditor).get_json()[0]["number"] == 1


def test_a_revoked_token_stops_working(app: Flask) -> None:
    headers = _auth(app, "pelaksana")
    client = app.test_client()
    assert client.get("/api/v1/tugas", headers=headers).status_code == 200
    revoke_tokens(app.extensions["alur_runtime"], "pelaksana")
    assert client.get("/api/v1/tugas", headers=headers).status_code == 401


@pytest.mark.parametrize("database", ["sqlite", pytest.param("postgresql", marks=pytest.mark.postgresql)])
def test_the_cuti_sop_through_the_api_with_typed_fields_a_pdf_and_per_field_problems(
        tmp_path: Any, database: str, request: pytest.FixtureRequest) -> None:
    from tests.engine.runtime.conftest import fresh_url
    from tests.webui.test_case_pages import BKPSDM, CUTI, JABATAN, PDF, START
    from engine import ManualClock, add_account
    from webui import create_app

    app = create_app({"TESTING": True, "SECRET_KEY": "uji", "DATABASE_URL": fresh_url(database, tmp_path, request),
                      "CLOCK": ManualClock(), "UJICOBA_GATE": None})
    runtime = app.extensions["alur_runtime"]
    request.addfinalizer(runtime.close)  # a PostgreSQL store's pooled connections go with it
    add_account(runtime, "sari", "sari-rahasia", ["pelaksana"], nama="Sari Wulandari", nip="199001012015032001",
                jabatan=[(jabatan, BKPSDM) for jabatan in JABATAN])
    runtime.publish(CUTI, "cuti")
    client, clerk = app.test_client(), _auth(app, "sari")
    data = {key[2:]: value for key, value in START.items() if key.startswith("f.")}
    states = {"Formulir permintaan dan pemberian cuti": {"cara": "kertas"},
              "Rencana tanggal cuti dan alamat selama menjalankan cuti": {"cara": "kertas"},
              "Catatan serah terima tugas kepada pegawai pengganti": {"cara": "tidak_ada", "alasan": "belum"}}
    wrong = client.post("/api/v1/sop/cuti/instans", headers=clerk, json={"form": {
        "kelengkapan": states, "data": {**data, "nip_pegawai": "12", "jumlah_hari": "tiga"}}})
    assert wrong.status_code == 400
    problems = {problem["field"] for problem in wrong.get_json()["problems"]}
    assert problems == {"form.nip_pegawai", "form.jumlah_hari"} and wrong.get_json()["field"] in problems
    assert runtime.worklist("sari") == []
    started = client.post("/api/v1/sop/cuti/instans", headers=clerk, json={"form": {"kelengkapan": states,
                                                                                    "data": data}})
    assert started.status_code == 201, started.get_json()
    instance = started.get_json()["instance"]
    assert instance["registration"].startswith("CUTI/0001/")
    item = started.get_json()["ready"][0]["id"]
    task = client.get(f"/api/v1/tugas/{item}", headers=clerk).get_json()
    assert [field["name"] for field in task["step"]["fields"]] == ["catatan_atasan"]
    assert task["case"]["registration"] == instance["registration"]
    assert {value["field"]["name"] for value in task["case"]["values"]} >= {"jumlah_hari", "tanggal_mulai"}
    refused = client.post(f"/api/v1/tugas/{item}/berkas", headers=clerk, json={"kelengkapan": "x"})
    assert refused.status_code == 400 and refused.get_json()["field"] == "body"
    upload = client.post(f"/api/v1/tugas/{item}/berkas", headers=clerk, data={
        "kelengkapan": "Formulir permintaan cuti tahunan", "berkas": (io.BytesIO(PDF), "formulir.pdf")},
        content_type="multipart/form-data")
    assert upload.status_code in (201, 400), upload.get_json()
    if upload.status_code == 201:  # the requirement is a document at this step
        sha256 = upload.get_json()["sha256"]
        assert sha256 == hashlib.sha256(PDF).hexdigest()
        got = client.get(f"/api/v1/instans/{instance['id']}/dokumen/{sha256}", headers=clerk)
        assert got.status_code == 200 and got.data == PDF
    else:  # not a document here: named, nothing stored
        assert upload.get_json()["field"] == "requirement"
    done = client.post(f"/api/v1/tugas/{item}/selesai", headers=clerk, json={
        "kelengkapan": {"Formulir permintaan cuti tahunan": {"cara": "kertas"},
                        "Jadwal kegiatan unit kerja": {"cara": "kertas"}},
        "data": {"catatan_atasan": "Setuju"}})
    assert done.status_code == 200, done.get_json()
    assert done.get_json()["next_jabatan"] == ["Atasan Langsung"]
    case = client.get(f"/api/v1/instans/{instance['id']}/kasus", headers=clerk).get_json()
    assert [step["step_id"] for step in case["history"]][-1] == "pertimbangan"


def test_a_start_through_the_api_hands_in_a_scan_as_multipart(app: Flask) -> None:
    import json

    from tests.webui.test_case_pages import PDF

    client, clerk = app.test_client(), _auth(app, "pelaksana")
    start = {"unit": UNIT, "form": {"data": SURAT_MASUK_DATA, "kelengkapan": {
        "Surat masuk (fisik atau elektronik)": {"cara": "berkas"}, "Buku ekspedisi pengirim": {"cara": "kertas"}}}}
    unmatched = client.post("/api/v1/sop/surat-masuk/instans", headers=clerk, content_type="multipart/form-data",
                            data={"body": json.dumps(start), "berkas": (io.BytesIO(PDF), "surat.pdf")})
    assert unmatched.status_code == 400 and unmatched.get_json()["field"] == "kelengkapan"
    broken = client.post("/api/v1/sop/surat-masuk/instans", headers=clerk, content_type="multipart/form-data",
                         data={"body": "{rusak", "berkas": (io.BytesIO(PDF), "surat.pdf"),
                               "kelengkapan": "Surat masuk (fisik atau elektronik)"})
    assert broken.status_code == 400 and broken.get_json()["field"] == "body"
    runtime = app.extensions["alur_runtime"]
    assert runtime.worklist("pelaksana") == []
    started = client.post("/api/v1/sop/surat-masuk/instans", headers=clerk, content_type="multipart/form-data",
                          data={"body": json.dumps(start), "berkas": (io.BytesIO(PDF), "surat.pdf"),
                                "kelengkapan": "Surat masuk (fisik atau elektronik)"})
    assert started.status_code == 201, started.get_json()
    instance = started.get_json()["instance"]["id"]
    documents = runtime.documents(instance)
    assert [(document.name, document.sha256) for document in documents] == [("surat.pdf", hashlib.sha256(PDF).hexdigest())]
    document = client.get(f"/api/v1/instans/{instance}/dokumen/{documents[0].sha256}", headers=_auth(app, "pemantau"))
    assert document.status_code == 200 and document.data == PDF
    spec = client.get("/api/v1/openapi.json").get_json()["paths"]["/sop/{key}/instans"]["post"]["requestBody"]
    assert set(spec["content"]) == {"application/json", "multipart/form-data"}
