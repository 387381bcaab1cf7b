from __future__ import annotations

import re

from flask import Flask

from engine.access.accounts import issue_token, revoke_tokens
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
        "unit": UNIT, "form": {"kelengkapan": ["Surat masuk (fisik atau elektronik)", "Buku ekspedisi pengirim"]}})
    assert started.status_code == 201
    item = started.get_json()["ready"][0]["id"]
    assert [i["id"] for i in client.get("/api/v1/tugas", headers=clerk).get_json()] == [item]
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
