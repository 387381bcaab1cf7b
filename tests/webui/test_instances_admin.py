"""Instance administration through the pages (/kelola) and the API (/api/v1/kelola): a supervisor of
one unit suspends, resumes, cancels and retries that unit's instances with a reason, confirmed on a
second page; releases and reassigns claims; another unit's supervisor and a clerk are refused."""

from __future__ import annotations

from datetime import timedelta
from pathlib import Path

import pytest
from flask import Flask
from flask.testing import FlaskClient
from sqlalchemy import select, update

from engine import ManualClock, Runtime, add_account, issue_token
from engine.store.models import instances
from webui import create_app

DATA = Path(__file__).resolve().parents[1] / "data"
A, B = "Bagian Umum A", "Bagian Umum B"


@pytest.fixture
def app(tmp_path: Path) -> Flask:
    app = create_app({"TESTING": True, "SECRET_KEY": "uji", "WTF_CSRF_ENABLED": False,
                      "DATABASE_URL": f"sqlite:///{tmp_path / 'kelola.db'}", "CLOCK": ManualClock(),
                      "UJICOBA_GATE": None})
    runtime = app.extensions["alur_runtime"]
    for username, roles, held in (
            ("ani", ["pelaksana"], [("Pengadministrasi", A)]), ("budi", ["pelaksana"], [("Kepala Subbagian", A)]),
            ("bayu", ["pelaksana"], [("Kepala Subbagian", A)]), ("beni", ["pelaksana"], [("Pengadministrasi", B)]),
            ("spv-a", ["supervisor"], [("Kepala Bagian", A)]), ("spv-b", ["supervisor"], [("Kepala Bagian", B)])):
        add_account(runtime, username, f"{username}-rahasia", roles, nama=username.title(), jabatan=held)
    runtime.publish(DATA / "surat_kecil.yaml", escalation=True)
    return app


def _login(app: Flask, username: str) -> FlaskClient:
    client = app.test_client()
    assert client.post("/masuk", data={"username": username, "password": f"{username}-rahasia"}).status_code == 302
    return client


def _runtime(app: Flask) -> Runtime:
    return app.extensions["alur_runtime"]  # type: ignore[no-any-return]


def _start(app: Flask, who: str = "ani") -> tuple[int, int]:
    instance, ready = _runtime(app).start("surat_kecil", who, {"kelengkapan": ["Surat masuk"]})
    return instance.id, ready[0].id


def test_suspend_resume_and_cancel_through_the_pages_confirmed_with_a_reason(app: Flask) -> None:
    instance_id, _item = _start(app)
    other_id, _ = _start(app, "beni")
    spv = _login(app, "spv-a")
    listing = spv.get("/kelola/").get_data(as_text=True)
    assert f"/kelola/instans/{instance_id}\"" in listing and f"/kelola/instans/{other_id}\"" not in listing
    page = spv.get(f"/kelola/instans/{instance_id}")
    assert page.status_code == 200 and 'value="suspend"' in page.get_data(as_text=True)
    assert spv.get(f"/kelola/instans/{other_id}").status_code == 403
    assert _login(app, "ani").get("/kelola/").status_code == 403
    url = f"/kelola/instans/{instance_id}/tindakan"
    assert spv.post(url, data={"tindakan": "suspend"}).status_code == 422  # no reason: nothing changes
    asked = spv.post(url, data={"tindakan": "suspend", "alasan": "Berkas asli belum diterima"})
    assert asked.status_code == 200 and 'name="konfirmasi" value="ya"' in asked.get_data(as_text=True)
    assert _runtime(app).instance(instance_id).status == "running"  # asked, not done
    done = spv.post(url, data={"tindakan": "suspend", "alasan": "Berkas asli belum diterima", "konfirmasi": "ya"})
    assert done.status_code == 302 and _runtime(app).instance(instance_id).status == "suspended"
    assert spv.post(url, data={"tindakan": "suspend", "alasan": "lagi", "konfirmasi": "ya"}).status_code == 409
    spv.post(url, data={"tindakan": "resume", "alasan": "Berkas diterima", "konfirmasi": "ya"})
    assert _runtime(app).instance(instance_id).status == "running"
    assert spv.post(f"/kelola/instans/{other_id}/tindakan",
                    data={"tindakan": "cancel", "alasan": "x", "konfirmasi": "ya"}).status_code == 403
    spv.post(url, data={"tindakan": "cancel", "alasan": "Pengirim menarik surat", "konfirmasi": "ya"})
    assert _runtime(app).instance(instance_id).status == "cancelled"
    events = [(event.kind, event.actor, event.data.get("alasan")) for event in _runtime(app).trace(instance_id)[1]
              if event.kind in ("suspended", "resumed", "cancelled")]
    assert events == [("suspended", "spv-a", "Berkas asli belum diterima"), ("resumed", "spv-a", "Berkas diterima"),
                      ("cancelled", "spv-a", "Pengirim menarik surat")]
    assert _runtime(app).instance(other_id).status == "running"


def test_release_and_reassign_through_the_pages(app: Flask) -> None:
    instance_id, item_id = _start(app)
    runtime = _runtime(app)
    item = runtime.item(item_id)
    assert item.jabatan == "Kepala Subbagian"
    runtime.claim(item.id, "budi")
    spv = _login(app, "spv-a")
    page = spv.get(f"/kelola/instans/{instance_id}").get_data(as_text=True)
    assert f"/kelola/tugas/{item.id}/lepas" in page and 'value="bayu"' in page
    assert _login(app, "spv-b").post(f"/kelola/tugas/{item.id}/lepas",
                                     data={"alasan": "x", "konfirmasi": "ya"}).status_code == 403
    assert spv.post(f"/kelola/tugas/{item.id}/lepas", data={"alasan": "Budi cuti"}).status_code == 200
    assert runtime.item(item.id).claimed_by == "budi"
    assert spv.post(f"/kelola/tugas/{item.id}/lepas",
                    data={"alasan": "Budi cuti", "konfirmasi": "ya"}).status_code == 302
    assert runtime.item(item.id).claimed_by is None
    assert spv.post(f"/kelola/tugas/{item.id}/alihkan",
                    data={"kepada": "beni", "alasan": "x", "konfirmasi": "ya"}).status_code == 403  # not a holder
    assert spv.post(f"/kelola/tugas/{item.id}/alihkan",
                    data={"kepada": "bayu", "alasan": "Dibagi rata", "konfirmasi": "ya"}).status_code == 302
    assert runtime.item(item.id).claimed_by == "bayu"
    kinds = [(event.kind, event.data.get("kepada")) for event in runtime.trace(instance_id)[1]
             if event.kind in ("released", "reassigned")]
    assert kinds == [("released", None), ("reassigned", "bayu")]


def test_the_api_administers_and_retries_an_instance_in_error(app: Flask) -> None:
    runtime = _runtime(app)
    instance_id, item_id = _start(app)
    token = {"Authorization": "Bearer " + issue_token(runtime, "spv-a")}
    other = {"Authorization": "Bearer " + issue_token(runtime, "spv-b")}
    client = app.test_client()
    url = f"/api/v1/kelola/instans/{instance_id}/tindakan"
    assert client.post(url, json={"tindakan": "suspend", "alasan": "uji"}, headers=other).status_code == 403
    refused = client.post(url, json={"tindakan": "suspend"}, headers=token)  # no reason: names the field
    assert refused.status_code == 400 and refused.get_json()["field"] == "alasan"
    assert client.post(url, json={"tindakan": 3, "alasan": "uji"}, headers=token).status_code == 400
    answer = client.post(url, json={"tindakan": "suspend", "alasan": "Menunggu"}, headers=token)
    assert answer.status_code == 200 and answer.get_json()["status"] == "suspended"
    assert client.post(url, json={"tindakan": "resume", "alasan": "Lanjut"}, headers=token).get_json()["status"] \
        == "running"
    # the worker puts the instance in error (its stored state unreadable), the cause is fixed, it is retried
    with runtime.db.read() as connection:
        good = connection.execute(select(instances.c.state).where(instances.c.id == instance_id)).scalar_one()
    with runtime.db.engine.begin() as connection:
        connection.execute(update(instances).where(instances.c.id == instance_id).values(state="{rusak"))
    runtime.clear_caches()
    clock: ManualClock = app.config["CLOCK"]
    clock.advance(timedelta(hours=1))
    assert runtime.tick().errors == 1 and runtime.instance(instance_id).status == "error"
    with runtime.db.engine.begin() as connection:
        connection.execute(update(instances).where(instances.c.id == instance_id).values(state=good))
    answer = client.post(url, json={"tindakan": "retry", "alasan": "Cadangan dipulihkan"}, headers=token)
    assert answer.status_code == 200 and answer.get_json()["status"] == "running"
    assert "retried" in [event.kind for event in runtime.trace(instance_id)[1]]
    listing = client.get("/api/v1/kelola", headers=token).get_json()
    assert [found["id"] for found in listing["instans"]] == [instance_id]
    assert client.get("/api/v1/kelola", headers=other).get_json()["instans"] == []
    runtime.claim(item_id, "budi")
    assert client.post(f"/api/v1/kelola/tugas/{item_id}/lepas", json={"alasan": "Budi sakit"},
                       headers=token).get_json()["claimed_by"] is None
    assert client.post(f"/api/v1/kelola/tugas/{item_id}/alihkan", json={"kepada": "beni", "alasan": "x"},
                       headers=token).status_code == 403
    assert client.post(f"/api/v1/kelola/tugas/{item_id}/lepas", json={"alasan": "x"},
                       headers=other).status_code == 403
    assert runtime.verify_audit()[2] is None
