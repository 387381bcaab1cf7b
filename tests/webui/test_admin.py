"""The administration pages and API: units, jabatan, people with search and paging, holdings, mutasi,
Plh/Plt, logins, the CSV upload (bad rows named, nothing imported), the admin log, and the OPD admin
refused outside its OPD."""

from __future__ import annotations

import base64
import io
from pathlib import Path

import pytest
from flask import Flask
from flask.testing import FlaskClient

from engine import ManualClock, account, add_account, admin_person, issue_token, read_org_files
from engine import import_organisation
from tests.conftest import DATA, PROCESSES, SURAT_MASUK_DATA
from webui import create_app

FILES = DATA / "organisation"
UNIT = "Subbag Umum Disdik"
OTHER = "Subbag Umum Dinkes"
SURAT = PROCESSES / "pengelolaan-surat-masuk.bpmn"


@pytest.fixture
def app(tmp_path: Path) -> Flask:
    app = create_app({"TESTING": True, "SECRET_KEY": "uji", "WTF_CSRF_ENABLED": False,
                      "DATABASE_URL": f"sqlite:///{tmp_path / 'admin.db'}", "CLOCK": ManualClock()})
    runtime = app.extensions["alur_runtime"]
    add_account(runtime, "admin", "admin-rahasia", ["admin"], nama="Admin Pemda")
    import_organisation(runtime, account(runtime, "admin"), read_org_files([FILES]), "muatan awal")
    for who in ("ani", "dedi"):
        add_account(runtime, who, f"{who}-rahasia", ["pelaksana"])
    add_account(runtime, "admin-disdik", "admin-disdik-rahasia", ["admin_opd"], jabatan=[("Sekretaris", UNIT)])
    add_account(runtime, "admin-dinkes", "admin-dinkes-rahasia", ["admin_opd"],
                jabatan=[("Pengadministrasi Perkantoran", OTHER)])
    return app


def _client(app: Flask, who: str) -> FlaskClient:
    client = app.test_client()
    assert client.post("/masuk", data={"username": who, "password": f"{who}-rahasia"}).status_code == 302
    return client


def _bearer(app: Flask, who: str) -> dict[str, str]:
    return {"Authorization": "Bearer " + issue_token(app.extensions["alur_runtime"], who)}


def test_the_pages_show_the_tree_a_unit_people_and_a_person(app: Flask) -> None:
    client = _client(app, "admin")
    home = client.get("/").headers["Location"]
    page = client.get(home).get_data(as_text=True)
    assert 'href="/admin/"' in page  # the header links the admin pages
    tree = client.get("/admin/").get_data(as_text=True)
    assert tree.index("Kab Contoh") < tree.index("Disdik") < tree.index(UNIT)
    unit = client.get(f"/admin/unit/{UNIT}").get_data(as_text=True)
    assert "Kepala Subbagian Umum dan Kepegawaian" in unit and "Kepala unit" in unit and ">ani<" in unit
    assert client.get("/admin/unit/Tidak Ada").status_code == 404
    people = client.get("/admin/orang?q=santoso").get_data(as_text=True)
    assert "budi" in people and "ani" not in people.split('id="people"')[1]
    person = client.get("/admin/orang/citra").get_data(as_text=True)
    assert "2026-02-28" in person and "tidak berlaku hari ini" in person and "Buat login (pelaksana)" in person


def test_people_are_paged(app: Flask) -> None:
    runtime = app.extensions["alur_runtime"]
    for number in range(30):
        runtime.add_user(f"staf{number:02d}", nama=f"Staf {number}", jabatan=[("Sekretaris", UNIT)])
    client = _client(app, "admin")
    first = client.get("/admin/orang?q=staf").get_data(as_text=True)
    assert "30 orang · halaman 1 dari 2" in first and "staf24" in first and "staf25" not in first
    second = client.get("/admin/orang?q=staf&halaman=2").get_data(as_text=True)
    assert "staf25" in second and "staf29" in second and "staf00" not in second
    assert client.get("/admin/orang?halaman=x").status_code == 400


def test_a_change_needs_the_confirmation_and_a_reason_and_is_logged(app: Flask) -> None:
    runtime = app.extensions["alur_runtime"]
    client = _client(app, "admin")
    form = {"unit": OTHER, "jabatan": "Kepala Dinas", "dari": "2026-03-02", "alasan": "penugasan"}
    refused = client.post("/admin/orang/ani/jabatan", data=form)
    assert refused.status_code == 422 and "Saya yakin" in refused.get_data(as_text=True)
    no_reason = client.post("/admin/orang/ani/jabatan", data={**form, "alasan": "", "yakin": "1"})
    assert no_reason.status_code == 422
    assert OTHER not in {held.unit for held in admin_person(runtime, account(runtime, "admin"), "ani").holdings}
    done = client.post("/admin/orang/ani/jabatan", data={**form, "yakin": "1"})
    assert done.status_code == 302
    assert OTHER in {held.unit for held in admin_person(runtime, account(runtime, "admin"), "ani").holdings}
    log = client.get("/admin/log").get_data(as_text=True)
    assert "jabatan ditambah" in log and "penugasan" in log


def test_a_holding_the_tim_made_says_so_an_admin_may_end_it_and_the_export_leaves_it_out(app: Flask) -> None:
    import datetime as dt

    from engine import add_member, create_tim, end_member, export_organisation
    from engine.lifecycle.tim import KOORDINATOR_JABATAN, TIM_JABATAN

    runtime = app.extensions["alur_runtime"]
    admin = account(runtime, "admin")
    team = create_tim(runtime, admin, "Kab Contoh", "Tim Penyusun SOP Kabupaten Contoh", "188.45/1/2026",
                      dt.date(2026, 2, 2))
    before = sorted((row.jabatan, row.unit) for row in admin_person(runtime, admin, "ani").holdings if row.active)
    member = add_member(runtime, admin, team.id, "ani", "koordinator", "Disdik")
    client = _client(app, "admin")
    page = client.get("/admin/orang/ani").get_data(as_text=True)
    assert page.count("dari keanggotaan Tim Penyusun SOP Kabupaten Contoh") == 2
    held = {row.jabatan: row for row in admin_person(runtime, admin, "ani").holdings}
    assert held[TIM_JABATAN].tim == held[KOORDINATOR_JABATAN].tim == "Tim Penyusun SOP Kabupaten Contoh"
    assert held["Pengadministrasi Perkantoran"].tim == ""  # the import's
    assert TIM_JABATAN not in export_organisation(runtime, admin)["people.csv"]  # the SK grants it, not the file
    today = (runtime.clock.now() + dt.timedelta(hours=7)).date().isoformat()
    ended = client.post(f"/admin/jabatan/{held[KOORDINATOR_JABATAN].id}/akhiri",
                        data={"tanggal": today, "alasan": "bukan koordinator lagi", "yakin": "1", "kembali": "ani"})
    assert ended.status_code == 302
    assert not {row.jabatan: row for row in admin_person(runtime, admin, "ani").holdings}[KOORDINATOR_JABATAN].active
    end_member(runtime, admin, member.id)  # the membership then ends what is left of it
    assert sorted((row.jabatan, row.unit) for row in admin_person(runtime, admin, "ani").holdings
                  if row.active) == before


def test_a_mutasi_on_the_page_releases_the_claim(app: Flask) -> None:
    runtime = app.extensions["alur_runtime"]
    runtime.publish(SURAT, "surat-masuk")
    runtime.start("surat-masuk", "ani", {"kelengkapan": [], "alasan": "uji", "data": SURAT_MASUK_DATA}, unit=UNIT)
    item = runtime.worklist("ani")[0]
    runtime.claim(item.id, "ani")
    held = next(row for row in admin_person(runtime, account(runtime, "admin"), "ani").holdings
                if row.jabatan == item.jabatan)
    client = _client(app, "admin")
    page = client.get("/admin/orang/ani").get_data(as_text=True)
    assert f"/admin/jabatan/{held.id}/mutasi" in page and "Mutasikan" in page
    answer = client.post(f"/admin/jabatan/{held.id}/mutasi", data={
        "unit": OTHER, "jabatan": "Kepala Dinas", "tanggal": "2026-03-02", "alasan": "SK mutasi", "yakin": "1",
        "kembali": "ani"}, follow_redirects=True)
    assert "1 klaim dikembalikan" in answer.get_data(as_text=True)
    assert runtime.item(item.id).claimed_by is None
    assert runtime.trace(item.instance_id)[1][-1].kind == "unclaimed"


def test_reset_password_shows_it_once_and_ends_the_old_sessions(app: Flask) -> None:
    ani = _client(app, "ani")
    assert ani.get("/tugas/").status_code == 200
    token = _bearer(app, "ani")
    admin = _client(app, "admin")
    answer = admin.post("/admin/orang/ani/sandi", data={"alasan": "lupa", "yakin": "1"})
    assert answer.headers["Cache-Control"] == "no-store"
    text = answer.get_data(as_text=True)
    password = text.split('id="temporary-password"')[1].split("<code>")[1].split("</code>")[0]
    assert len(password) >= 12
    assert password not in admin.get("/admin/orang/ani").get_data(as_text=True)
    assert ani.get("/tugas/").status_code == 302  # the old session ended
    assert app.test_client().get("/api/v1/tugas", headers=token).status_code == 401
    fresh = app.test_client()
    assert fresh.post("/masuk", data={"username": "ani", "password": password}).status_code == 302


def test_disable_enable_and_revoke_tokens_on_the_page(app: Flask) -> None:
    admin = _client(app, "admin")
    token = _bearer(app, "ani")
    assert "1 token API" in admin.get("/admin/orang/ani").get_data(as_text=True)
    assert admin.post("/admin/orang/ani/token", data={"alasan": "bocor", "yakin": "1"}).status_code == 302
    assert app.test_client().get("/api/v1/tugas", headers=token).status_code == 401
    assert admin.post("/admin/orang/ani/nonaktif", data={"alasan": "cuti", "yakin": "1"}).status_code == 302
    assert app.test_client().post("/masuk", data={"username": "ani", "password": "ani-rahasia"}).status_code == 200
    assert "Aktifkan login" in admin.get("/admin/orang/ani").get_data(as_text=True)
    assert admin.post("/admin/orang/ani/aktif", data={"alasan": "kembali", "yakin": "1"}).status_code == 302
    _client(app, "ani")
    assert admin.post("/admin/orang/admin/nonaktif", data={"alasan": "x", "yakin": "1"}).status_code == 403


def test_the_csv_upload_names_every_bad_row_and_imports_nothing(app: Flask) -> None:
    client = _client(app, "admin")
    bad = b"code,name,kind,parent_code\nBidang,Bidang Baru,bidang,Disdik\nSeksi,Seksi,unit,Tidak Ada\n"
    answer = client.post("/admin/impor", data={"alasan": "tambah", "yakin": "1",
                                               "berkas": [(io.BytesIO(bad), "units.csv")]},
                         content_type="multipart/form-data")
    text = answer.get_data(as_text=True)
    assert answer.status_code == 200 and "tidak ada yang diimpor (2 baris salah)" in text
    assert "<td>units.csv</td><td>2</td><td>kind</td>" in text and "<td>3</td><td>parent_code</td>" in text
    assert "Bidang Baru" not in client.get("/admin/").get_data(as_text=True)
    good = b"code,name,kind,parent_code\nBidang,Bidang Baru,unit,Disdik\n"
    answer = client.post("/admin/impor", data={"alasan": "tambah", "yakin": "1",
                                               "berkas": [(io.BytesIO(good), "units.csv")]},
                         content_type="multipart/form-data")
    assert "Diimpor: 1 unit" in answer.get_data(as_text=True)
    assert "Bidang Baru" in client.get("/admin/").get_data(as_text=True)
    exported = client.get("/admin/ekspor/units.csv")
    assert exported.headers["Content-Type"].startswith("text/csv") and b"Bidang,Bidang Baru,unit,Disdik" in exported.data
    assert client.get("/admin/ekspor/rahasia.txt").status_code == 422


def test_plh_on_the_page(app: Flask) -> None:
    client = _client(app, "admin")
    answer = client.post("/admin/plh", data={"username": "dedi", "unit": UNIT, "jabatan": "Sekretaris", "jenis": "plt",
                                            "sk": "800/9/2026", "dari": "2026-03-02", "yakin": "1"},
                         follow_redirects=True)
    text = answer.get_data(as_text=True)
    assert "Plt. Sekretaris" in text and "800/9/2026" in text
    runtime = app.extensions["alur_runtime"]
    assignment = admin_person(runtime, account(runtime, "admin"), "dedi").acting[0]
    assert assignment.active
    client.post(f"/admin/plh/{assignment.id}/akhiri", data={"tanggal": "2026-03-02", "alasan": "selesai", "yakin": "1"})
    assert not admin_person(runtime, account(runtime, "admin"), "dedi").acting[0].active


def test_the_opd_admin_sees_and_changes_only_its_opd(app: Flask) -> None:
    client = _client(app, "admin-disdik")
    assert client.get("/").headers["Location"].endswith("/admin/")
    tree = client.get("/admin/").get_data(as_text=True)
    assert UNIT in tree and OTHER not in tree and "Log administrasi" not in tree
    assert client.get(f"/admin/unit/{OTHER}").status_code == 403
    assert client.get("/admin/orang/dedi").status_code == 403
    assert "dedi" not in client.get("/admin/orang").get_data(as_text=True)
    assert client.get("/admin/orang/ani").status_code == 200
    assert client.post("/admin/orang/dedi/sandi", data={"alasan": "x", "yakin": "1"}).status_code == 403
    assert client.post("/admin/orang/ani/jabatan", data={"unit": OTHER, "jabatan": "Kepala Dinas", "dari": "2026-03-02",
                                                         "alasan": "x", "yakin": "1"}).status_code == 403
    assert client.get("/admin/log").status_code == 403
    upload = client.post("/admin/impor", data={"alasan": "x", "yakin": "1",
                                               "berkas": [(io.BytesIO(b"code,name,kind,parent_code\n"), "units.csv")]},
                         content_type="multipart/form-data")
    assert upload.status_code == 403
    headers = _bearer(app, "admin-disdik")
    assert app.test_client().get(f"/api/v1/admin/unit/{OTHER}", headers=headers).status_code == 403
    assert app.test_client().get("/api/v1/admin/orang/dedi", headers=headers).status_code == 403
    codes = [row["code"] for row in app.test_client().get("/api/v1/admin/unit", headers=headers).get_json()]
    assert codes == ["Disdik", UNIT]
    # a clerk is refused by role
    assert _client(app, "ani").get("/admin/").status_code == 403


def test_the_api_lists_imports_moves_and_appoints(app: Flask) -> None:
    api = app.test_client()
    headers = _bearer(app, "admin")
    units = api.get("/api/v1/admin/unit", headers=headers).get_json()
    assert units[0] == {"id": units[0]["id"], "code": "Kab Contoh", "name": "Pemerintah Kabupaten Contoh",
                        "kind": "pemda", "parent_id": None, "depth": 0}
    unit = api.get(f"/api/v1/admin/unit/{UNIT}", headers=headers).get_json()
    assert {row["code"]: row["kepala"] for row in unit["jabatan"]}["Kepala Subbagian Umum dan Kepegawaian"] is True
    people = api.get("/api/v1/admin/orang?q=ani", headers=headers).get_json()
    assert people["total"] == 1 and people["people"][0]["username"] == "ani"
    person = api.get("/api/v1/admin/orang/ani", headers=headers).get_json()
    held = next(row for row in person["holdings"] if row["jabatan"] == "Sekretaris")
    moved = api.post(f"/api/v1/admin/jabatan/{held['id']}/mutasi", headers=headers,
                     json={"unit": OTHER, "jabatan": "Kepala Dinas", "tanggal": "2026-03-02", "alasan": "SK"})
    assert moved.status_code == 201 and moved.get_json()["released"] == []
    bad = api.post(f"/api/v1/admin/jabatan/{held['id']}/akhiri", headers=headers, json={"tanggal": "kemarin", "alasan": "x"})
    assert bad.status_code == 400 and bad.get_json()["field"] == "tanggal"
    appointed = api.post("/api/v1/admin/plh", headers=headers, json={
        "username": "dedi", "unit": UNIT, "jabatan": "Kepala Dinas", "jenis": "plh", "sk": "800/3", "dari": "2026-03-02",
        "sampai": "2026-03-06", "alasan": "cuti kepala"})
    assert appointed.status_code == 201
    listed = api.get("/api/v1/admin/plh?berjalan=ya", headers=headers).get_json()
    assert [row["sk_number"] for row in listed] == ["800/3"]
    ended = api.post(f"/api/v1/admin/plh/{appointed.get_json()['assignment']}/akhiri", headers=headers,
                     json={"tanggal": "2026-03-02", "alasan": "kembali"})
    assert ended.status_code == 200
    content = base64.b64encode(b"code,name,kind,parent_code\nX,Unit X,unit,\n").decode()
    refused = api.post("/api/v1/admin/impor", headers=headers, json={"files": {"units.csv": content}})
    assert refused.status_code == 422
    assert refused.get_json()["problems"] == [{"file": "units.csv", "line": 2, "column": "parent_code",
                                               "message": refused.get_json()["problems"][0]["message"]}]
    content = base64.b64encode(b"code,name,kind,parent_code\nX,Unit X,unit,Disdik\n").decode()
    done = api.post("/api/v1/admin/impor", headers=headers, json={"files": {"units.csv": content}, "alasan": "baru"})
    assert done.status_code == 200 and done.get_json()["units"] == 1
    assert api.post("/api/v1/admin/impor", headers=headers, json={"files": {"units.csv": "%%"}}).get_json()["field"] \
        == "files.units.csv"
    assert api.post("/api/v1/admin/impor", headers=_bearer(app, "admin-disdik"),
                    json={"files": {"units.csv": content}}).status_code == 403
    document = api.get("/api/v1/openapi.json").get_json()
    assert "/admin/plh/{assignment_id}/akhiri" in document["paths"]
