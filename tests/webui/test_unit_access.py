"""The unit dimension of the role x route table: a clerk or auditor of another unit sees nothing of this one.

The policy (:mod:`engine.access.policy`) decides; the pages and the API only ask it.
"""

from __future__ import annotations

import datetime as dt
import io
from pathlib import Path

import pytest
from flask import Flask
from flask.testing import FlaskClient

from engine import ManualClock, account, add_account, issue_token, list_instances
from tests.conftest import SURAT_MASUK_DATA
from tests.webui.conftest import SURAT, UNIT, seed_people
from webui import create_app

OTHER = "Dinas Kesehatan - Subbagian Umum"
JABATAN = ("Pengadministrasi Perkantoran", "Kepala Subbagian Umum dan Kepegawaian", "Sekretaris", "Kepala Dinas")


@pytest.fixture
def app(tmp_path: Path) -> Flask:
    app = create_app({"TESTING": True, "SECRET_KEY": "uji", "WTF_CSRF_ENABLED": False,
                      "DATABASE_URL": f"sqlite:///{tmp_path / 'units.db'}", "CLOCK": ManualClock()})
    runtime = app.extensions["alur_runtime"]
    seed_people(runtime)
    # The same jabatan, held in another unit; an auditor who holds a jabatan audits only that unit.
    add_account(runtime, "pelaksana-lain", "pelaksana-lain-rahasia", ["pelaksana"],
                jabatan=[(jabatan, OTHER) for jabatan in JABATAN])
    add_account(runtime, "pemantau-lain", "pemantau-lain-rahasia", ["pemantau"], jabatan=[("Auditor", OTHER)])
    add_account(runtime, "pemantau-unit", "pemantau-unit-rahasia", ["pemantau"], jabatan=[("Auditor", UNIT)])
    runtime.publish(SURAT, "surat-masuk")
    runtime.start("surat-masuk", "pelaksana", {"kelengkapan": [], "alasan": "uji", "data": SURAT_MASUK_DATA})
    return app


def _client(app: Flask, who: str) -> FlaskClient:
    client = app.test_client()
    assert client.post("/masuk", data={"username": who, "password": f"{who}-rahasia"}).status_code == 302
    return client


def _bearer(app: Flask, who: str) -> dict[str, str]:
    return {"Authorization": "Bearer " + issue_token(app.extensions["alur_runtime"], who)}


def test_a_clerk_of_another_unit_cannot_open_claim_complete_or_release_the_item(app: Flask) -> None:
    runtime = app.extensions["alur_runtime"]
    item = runtime.worklist("pelaksana")[0]
    other = _client(app, "pelaksana-lain")
    assert runtime.worklist("pelaksana-lain") == []
    assert other.get(f"/tugas/{item.id}").status_code == 403
    assert other.post(f"/tugas/{item.id}", data={"alasan": "x"}).status_code == 403
    assert other.post(f"/tugas/{item.id}/klaim").status_code == 403
    assert other.post(f"/tugas/{item.id}/lepas").status_code == 403
    headers = _bearer(app, "pelaksana-lain")
    assert other.post(f"/api/v1/tugas/{item.id}/klaim", headers=headers).status_code == 403
    assert other.post(f"/api/v1/tugas/{item.id}/selesai", headers=headers, json={"alasan": "x"}).status_code == 403
    after = runtime.item(item.id)
    assert (after.status, after.claimed_by, after.completed_by) == ("open", None, None)
    # the holder in the item's own unit still may
    assert _client(app, "pelaksana").post(f"/tugas/{item.id}/klaim").status_code == 302
    assert runtime.item(item.id).claimed_by == "pelaksana"


def test_an_auditor_of_another_unit_sees_neither_the_instance_nor_it_in_lists(app: Flask) -> None:
    instance_id = app.extensions["alur_runtime"].worklist("pelaksana")[0].instance_id
    other = _client(app, "pemantau-lain")
    assert other.get(f"/pantau/instans/{instance_id}").status_code == 403
    page = other.get("/pantau/").get_data(as_text=True)
    assert f'/pantau/instans/{instance_id}"' not in page
    headers = _bearer(app, "pemantau-lain")
    assert other.get(f"/api/v1/instans/{instance_id}", headers=headers).status_code == 403
    assert other.get("/api/v1/instans", headers=headers).get_json() == []
    for who in ("pemantau", "pemantau-unit"):  # Inspektorat-wide, and the auditor of the instance's unit
        client = _client(app, who)
        assert client.get(f"/pantau/instans/{instance_id}").status_code == 200
        listed = client.get("/api/v1/instans", headers=_bearer(app, who)).get_json()
        assert [row["id"] for row in listed] == [instance_id]


def test_an_unknown_item_or_instance_is_404_not_a_leak(app: Flask) -> None:
    other = _client(app, "pemantau-lain")
    assert other.get("/pantau/instans/999").status_code == 404
    assert _client(app, "pelaksana-lain").get("/tugas/999").status_code == 404


def test_the_listing_takes_the_account_and_filters_by_its_unit_ids(app: Flask) -> None:
    runtime = app.extensions["alur_runtime"]
    assert len(list_instances(runtime, account(runtime, "admin"))) == 1
    assert len(list_instances(runtime, account(runtime, "pemantau-unit"))) == 1
    assert list_instances(runtime, account(runtime, "pemantau-lain")) == []
    with pytest.raises(TypeError):
        list_instances(runtime)  # type: ignore[call-arg]
    with pytest.raises(TypeError):
        list_instances(runtime, "admin")  # type: ignore[arg-type]


def _evaluation(outcome: str, **extra: str) -> dict[str, str]:
    return {f"jawaban_{i}": "ya" for i in range(7)} | {"hasil": outcome, "catatan": "Perlu diubah"} | extra


def test_an_auditor_of_another_unit_is_refused_every_monitoring_page_and_export(app: Flask) -> None:
    import io

    other = _client(app, "pemantau-lain")
    for path in ("", "/formulir", "/formulir.pdf", "/formulir.xlsx", "/log.csv", "/log.xes", "/ujicoba", "/laporan.pdf",
                 "/evaluasi", "/kesesuaian"):
        answer = other.get(f"/pemantauan/surat-masuk{path}")
        assert answer.status_code == 403, path
        assert "pelaksana" not in answer.get_data(as_text=True).replace("pelaksana-lain", ""), path
    upload = other.post("/pemantauan/surat-masuk/kesesuaian", content_type="multipart/form-data",
                        data={"log": (io.BytesIO(b"case_id,activity,timestamp\n"), "log.csv")})
    assert upload.status_code == 403
    assert other.post("/pemantauan/surat-masuk/formulir", data={}).status_code == 403
    # the auditor of the SOP's own unit reads them
    mine = _client(app, "pemantau-unit")
    assert mine.get("/pemantauan/surat-masuk").status_code == 200
    assert "pelaksana" in mine.get("/pemantauan/surat-masuk/log.csv").get_data(as_text=True)


def test_an_auditors_revisi_of_another_units_sop_is_refused_and_changes_nothing(app: Flask) -> None:
    from engine import evaluations_of, revision_requests_of

    runtime = app.extensions["alur_runtime"]
    before = [(v.number, v.draft) for v in runtime.versions("surat-masuk")]
    answer = _client(app, "pemantau-lain").post("/pemantauan/surat-masuk/evaluasi", data=_evaluation("revisi"))
    assert answer.status_code == 403
    assert evaluations_of(runtime, "surat-masuk") == [] and revision_requests_of(runtime, "surat-masuk") == []
    assert [(v.number, v.draft) for v in runtime.versions("surat-masuk")] == before


def test_the_evaluation_ignores_posted_sop_identity(app: Flask) -> None:
    from engine import evaluations_of, read_bpmn

    runtime = app.extensions["alur_runtime"]
    identity = read_bpmn(runtime.bpmn("surat-masuk")).sop.identity
    page = _client(app, "pemantau-unit")
    assert 'name="nama"' not in page.get("/pemantauan/surat-masuk/evaluasi").get_data(as_text=True)
    forged = _evaluation("tetap", nama="SOP Palsu", nomor="999/PALSU", unit=OTHER)
    assert page.post("/pemantauan/surat-masuk/evaluasi", data=forged).status_code == 302
    stored = evaluations_of(runtime, "surat-masuk")[0].form
    assert (stored.sop_name, stored.sop_number, stored.unit) == (identity.nama, identity.nomor, identity.unit)


def test_the_audit_chain_counts_only_the_units_seen(app: Flask) -> None:
    from engine import audit_chain_for

    runtime = app.extensions["alur_runtime"]
    assert audit_chain_for(runtime, account(runtime, "pemantau"))[0] == 1
    assert audit_chain_for(runtime, account(runtime, "pemantau-unit"))[0] == 1
    assert audit_chain_for(runtime, account(runtime, "pemantau-lain")) == (0, 0, None)
    assert _client(app, "pemantau-lain").get("/pantau/rantai").status_code == 200


def test_an_opd_admin_of_another_opd_gets_nothing_of_this_one_on_any_admin_route(tmp_path: Path) -> None:
    """Every admin route and API endpoint (from the URL map: a new one is checked too), called by the admin of
    Dinkes about Disdik's unit, person, holding and Plh: 403/404 and nothing changed; lists show none of it."""
    from engine import add_acting, admin_log_rows, admin_person, import_organisation, read_org_files
    from tests.conftest import DATA

    app = create_app({"TESTING": True, "SECRET_KEY": "uji", "WTF_CSRF_ENABLED": False,
                      "DATABASE_URL": f"sqlite:///{tmp_path / 'opd.db'}", "CLOCK": ManualClock()})
    runtime = app.extensions["alur_runtime"]
    add_account(runtime, "admin", "admin-rahasia", ["admin"])
    admin = account(runtime, "admin")
    import_organisation(runtime, admin, read_org_files([DATA / "organisation"]))
    disdik, dinkes = "Subbag Umum Disdik", "Subbag Umum Dinkes"
    add_account(runtime, "admin-dinkes", "admin-dinkes-rahasia", ["admin_opd"],
                jabatan=[("Pengadministrasi Perkantoran", dinkes)])
    add_account(runtime, "ani", "ani-rahasia", ["pelaksana"])
    assignment = add_acting(runtime, admin, "ani", disdik, "Kepala Dinas", "plh", "SK 1", dt.date(2026, 3, 2), None)
    holding = admin_person(runtime, admin, "ani").holdings[0].id
    arguments = {"code": disdik, "username": "ani", "holding_id": holding, "assignment_id": assignment,
                 "name": "people.csv"}
    fields = {"yakin": "1", "alasan": "x", "unit": disdik, "jabatan": "Sekretaris", "tanggal": "2026-03-02",
              "dari": "2026-03-02", "username": "ani", "jenis": "plh", "sk": "1"}
    # the API refuses keys an endpoint does not take (400) before it can tell whose unit a new Plh is for
    api_fields = {name: value for name, value in fields.items() if name not in ("yakin", "tanggal")}
    before = (len(admin_log_rows(runtime, admin)), admin_person(runtime, admin, "ani"))
    client = _client(app, "admin-dinkes")
    headers = _bearer(app, "admin-dinkes")
    with app.test_request_context():
        rules = [rule for rule in app.url_map.iter_rules() if rule.endpoint.startswith(("admin.", "api.admin."))]
    assert len(rules) >= 25
    wrong = []
    for rule in rules:
        url = rule.build({name: arguments[name] for name in rule.arguments})[1]
        api = url.startswith("/api/")
        for method in sorted((rule.methods or set()) - {"HEAD", "OPTIONS"}):
            answer = client.open(url, method=method, headers=headers if api else {},
                                 json=api_fields if api and method in ("POST", "DELETE") else None,
                                 data=fields if not api and method == "POST" else None)
            body = answer.get_data(as_text=True)
            # a change (POST, DELETE) or an object of Disdik: refused
            if rule.arguments - {"name"} or method in ("POST", "DELETE") or rule.endpoint == "admin.log":
                if answer.status_code not in (403, 404):
                    wrong.append(f"{method} {url} -> {answer.status_code}")
            elif answer.status_code != 200 or disdik in body or "Ani Lestari" in body:
                wrong.append(f"{method} {url} -> {answer.status_code} shows Disdik")
    assert wrong == []
    assert (len(admin_log_rows(runtime, admin)), admin_person(runtime, admin, "ani")) == before
def _with_document(app: Flask) -> tuple[int, str]:
    """A case of the fixture's unit whose start handed in a scan; ``(instance_id, sha256)``."""
    import hashlib

    from engine import Attachment
    from tests.webui.test_case_pages import PDF

    runtime = app.extensions["alur_runtime"]
    instance, _ = runtime.start("surat-masuk", "pelaksana", {
        "kelengkapan": {"Surat masuk (fisik atau elektronik)": {"cara": "berkas"},
                        "Buku ekspedisi pengirim": {"cara": "kertas"}}, "data": SURAT_MASUK_DATA},
        attachments=[Attachment("Surat masuk (fisik atau elektronik)", PDF, "surat.pdf")])
    return instance.id, hashlib.sha256(PDF).hexdigest()


def _downloads(app: Flask) -> list[tuple[str, str, int | None]]:
    from sqlalchemy import select

    from engine.store.models import access_log

    with app.extensions["alur_runtime"].db.read() as connection:
        return [(row.account, row.action, row.instance_id) for row in connection.execute(select(access_log))
                if row.action == "unduh"]


def test_the_case_file_documents_and_uploads_of_another_unit_are_refused(app: Flask) -> None:
    """Role x unit x route for the case routes: the task (API), the case file, a document download
    (page and API) and an upload; another unit's clerk and auditor get 403 and nothing is logged."""
    runtime = app.extensions["alur_runtime"]
    instance_id, sha256 = _with_document(app)
    item = next(item for item in runtime.worklist("pelaksana") if item.instance_id == instance_id)
    page_routes = [f"/kasus/{instance_id}/dokumen/{sha256}"]
    api_routes = [f"/api/v1/tugas/{item.id}", f"/api/v1/instans/{instance_id}/kasus",
                  f"/api/v1/instans/{instance_id}/dokumen/{sha256}"]
    for who in ("pelaksana-lain", "pemantau-lain"):
        client, headers = _client(app, who), _bearer(app, who)
        for path in page_routes:
            assert client.get(path).status_code == 403, (who, path)
        for path in api_routes:
            assert client.get(path, headers=headers).status_code == 403, (who, path)
    upload = _client(app, "pelaksana-lain").post(
        f"/api/v1/tugas/{item.id}/berkas", headers=_bearer(app, "pelaksana-lain"),
        data={"kelengkapan": "Surat masuk", "berkas": (io.BytesIO(b"%PDF-1.4\n%%EOF\n"), "x.pdf")},
        content_type="multipart/form-data")
    assert upload.status_code == 403
    assert len(runtime.documents(instance_id)) == 1
    assert _downloads(app) == []
    # the clerk of the unit and the Inspektorat-wide auditor may; each download is logged
    assert _client(app, "pelaksana").get(page_routes[0]).data.startswith(b"%PDF")
    auditor = _client(app, "pemantau")
    shown = auditor.get(f"/pantau/instans/{instance_id}").get_data(as_text=True)
    assert page_routes[0] in shown and "SM/" in shown  # the auditor's page: registration and documents
    assert auditor.get(api_routes[2], headers=_bearer(app, "pemantau")).status_code == 200
    assert auditor.get(api_routes[1], headers=_bearer(app, "pemantau")).get_json()["registration"]
    assert _downloads(app) == [("pelaksana", "unduh", instance_id), ("pemantau", "unduh", instance_id)]
    # a hash that is not one is named, an unknown one is not found
    clerk = _client(app, "pelaksana")
    assert clerk.get(f"/kasus/{instance_id}/dokumen/bukan-hash").status_code == 400
    assert clerk.get(f"/kasus/{instance_id}/dokumen/{'0' * 64}").status_code == 404


def test_a_supervisor_of_another_unit_administers_nothing_here(app: Flask) -> None:
    runtime = app.extensions["alur_runtime"]
    add_account(runtime, "supervisor-lain", "supervisor-lain-rahasia", ["supervisor"], jabatan=[("Kepala", OTHER)])
    add_account(runtime, "supervisor-unit", "supervisor-unit-rahasia", ["supervisor"], jabatan=[("Kepala", UNIT)])
    item = runtime.worklist("pelaksana")[0]
    runtime.claim(item.id, "pelaksana")
    other, headers = _client(app, "supervisor-lain"), _bearer(app, "supervisor-lain")
    reason = {"alasan": "x", "konfirmasi": "ya"}
    assert f"/kelola/instans/{item.instance_id}\"" not in other.get("/kelola/").get_data(as_text=True)
    assert other.get(f"/kelola/instans/{item.instance_id}").status_code == 403
    assert other.post(f"/kelola/instans/{item.instance_id}/tindakan", data={"tindakan": "cancel", **reason}
                      ).status_code == 403
    assert other.post(f"/kelola/tugas/{item.id}/lepas", data=reason).status_code == 403
    assert other.post(f"/kelola/tugas/{item.id}/alihkan", data={"kepada": "pelaksana", **reason}).status_code == 403
    assert other.post(f"/api/v1/kelola/instans/{item.instance_id}/tindakan", headers=headers,
                      json={"tindakan": "suspend", "alasan": "x"}).status_code == 403
    assert other.post(f"/api/v1/kelola/tugas/{item.id}/lepas", headers=headers, json={"alasan": "x"}).status_code == 403
    assert (runtime.instance(item.instance_id).status, runtime.item(item.id).claimed_by) == ("running", "pelaksana")
    # the unit's own supervisor may; a clerk of the unit is refused the pages by role
    assert _client(app, "supervisor-unit").post(f"/kelola/tugas/{item.id}/lepas", data=reason).status_code == 302
    assert runtime.item(item.id).claimed_by is None
    assert _client(app, "pelaksana").get("/kelola/").status_code == 403
