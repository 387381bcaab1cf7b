"""The working calendars on the admin pages and in the API: shown readably, uploaded (a bad entry named,
nothing stored), downloaded in the upload's format (round trip), one day off added or removed with a
reason (the admin log), the due time of a new item following its unit's calendar, and the OPD admin
refused outside its OPD."""

from __future__ import annotations

import datetime as dt
import io
from pathlib import Path

import pytest
from flask import Flask
from flask.testing import FlaskClient

from engine import ManualClock, account, admin_log_rows, export_calendars, read_calendar_file
from tests.conftest import SURAT_MASUK_DATA
from tests.webui.test_admin import OTHER, SURAT, UNIT, _bearer, _client
from tests.webui.test_admin import app as app  # noqa: F401  (the fixture: organisation, admins of two OPDs)

WIB = dt.timezone(dt.timedelta(hours=7))
CALENDARS = f"""kalender:
  - unit: ""
    jam_kerja:
      senin: [07:30-12:00, 13:00-16:00]
      selasa: [07:30-12:00, 13:00-16:00]
      rabu: [07:30-12:00, 13:00-16:00]
      kamis: [07:30-12:00, 13:00-16:00]
      jumat: [07:30-11:30, 13:30-16:30]
    libur:
      2026: [2026-06-01]
    libur_cuti_bersama:
      2026: [2026-12-24]
    masuk: [2026-12-19]
  - unit: {OTHER}
    layanan_24_jam: true
"""


def _upload(client: FlaskClient, text: str, name: str = "kalender.yaml", reason: str = "SK kalender 2026"):
    return client.post("/admin/kalender/unggah", data={
        "berkas": (io.BytesIO(text.encode()), name), "alasan": reason, "yakin": "1"},
        content_type="multipart/form-data")


def _stored(app: Flask) -> str:
    runtime = app.extensions["alur_runtime"]
    return export_calendars(runtime, account(runtime, "admin"))


def test_the_admin_uploads_a_calendar_and_the_page_shows_it_readably(app: Flask) -> None:
    client = _client(app, "admin")
    before = client.get("/admin/kalender").get_data(as_text=True)
    assert "Bawaan sistem" in before and "Kalender kerja" in before
    answer = _upload(client, CALENDARS)
    assert answer.status_code == 302
    page = client.get("/admin/kalender").get_data(as_text=True)
    deployment = page.split('id="kalender-pemda"')[1].split("</section>")[0]
    # office hours per weekday, the Friday break, days off by year with their kind, weekend working days
    assert "Jumat</th>" in deployment and "07:30–11:30, 13:30–16:30" in deployment and "11:30–13:30" in deployment
    assert "Sabtu</th>\n      <td>tutup" in deployment
    assert "<dt>2026</dt>" in deployment and "2026-06-01</time> (libur)" in deployment
    assert "2026-12-24</time> (cuti bersama)" in deployment and "2026-12-19" in deployment
    unit = page.split(f"<h2>{OTHER}</h2>")[1].split("</section>")[0]
    assert "Layanan 24 jam" in unit
    assert UNIT in page.split("Unit yang mengikuti kalender pemda")[1]  # no calendar of its own
    logged = admin_log_rows(app.extensions["alur_runtime"], account(app.extensions["alur_runtime"], "admin"))[0]
    assert (logged.action, logged.reason, logged.detail["units"]) == ("calendar_import", "SK kalender 2026",
                                                                      ["", OTHER])
    assert "kalender diunggah" in client.get("/admin/log").get_data(as_text=True)


@pytest.mark.parametrize(("text", "name", "named"), [
    ("kalender:\n  - unit: Kecamatan\n    jam_kerja:\n      senen: [08:00-12:00]\n", "k.yaml",
     "Kalender unit &#39;Kecamatan&#39;: nilai &#39;jam_kerja.senen&#39;"),
    ("kalender:\n  - unit: Kecamatan\n    libur:\n      2026: [2027-01-01]\n", "k.yaml", "&#39;libur.2026&#39;"),
    ("kalender:\n  - unit: Kecamatan\n    libur_cuti_bersama: [2026-13-01]\n", "k.yml", "&#39;Kecamatan&#39;"),
    ("unit,senin,layanan_24_jam\nKecamatan,08:00,ya\n", "k.csv", "&#39;jam_kerja.senin&#39;"),
    ("kalender: [", "k.yaml", "Berkas kalender tidak dapat dibaca"),
])
def test_a_bad_file_names_the_entry_and_stores_nothing(app: Flask, text: str, name: str, named: str) -> None:
    client = _client(app, "admin")
    assert _upload(client, CALENDARS).status_code == 302
    runtime = app.extensions["alur_runtime"]
    before = (_stored(app), len(admin_log_rows(runtime, account(runtime, "admin"))))
    # a good first entry changing the deployment's hours does not get stored either
    answer = _upload(client, 'kalender:\n  - unit: ""\n    layanan_24_jam: true\n' + text.split("\n", 1)[1]
                     if text.startswith("kalender:\n") else text, name)
    page = answer.get_data(as_text=True)
    assert answer.status_code == 400 and "Kalender ditolak; tidak ada yang disimpan" in page and named in page
    assert (_stored(app), len(admin_log_rows(runtime, account(runtime, "admin")))) == before


def _first_due(app: Flask) -> dt.datetime:
    runtime = app.extensions["alur_runtime"]
    _, ready = runtime.start("surat-masuk", "ani", {"kelengkapan": [], "alasan": "uji", "data": SURAT_MASUK_DATA},
                             unit=UNIT)
    item = ready[0]
    assert item.unit == UNIT and item.due_at is not None
    return item.due_at.astimezone(WIB)


def test_a_cuti_bersama_day_moves_the_due_time_of_a_new_item_in_that_unit(app: Flask) -> None:
    runtime = app.extensions["alur_runtime"]
    runtime.publish(SURAT, "surat-masuk")
    clock: ManualClock = runtime.clock
    clock.current = dt.datetime(2026, 3, 10, 15, 58, tzinfo=WIB)  # Tuesday, two minutes before closing
    due = _first_due(app)
    assert due.date() == dt.date(2026, 3, 11)  # carried over to Wednesday morning
    # the OPD admin of Disdik declares Wednesday a cuti bersama day of its unit
    client = _client(app, "admin-disdik")
    form = {"unit": UNIT, "jenis": "cuti_bersama", "tanggal": "2026-03-11", "alasan": "SE Bupati 12/2026"}
    assert client.post("/admin/kalender/libur", data=form).status_code == 422  # without "Saya yakin"
    assert client.post("/admin/kalender/libur", data={**form, "alasan": "", "yakin": "1"}).status_code == 422
    answer = client.post("/admin/kalender/libur", data={**form, "yakin": "1"}, follow_redirects=True)
    page = answer.get_data(as_text=True)
    assert "Hari libur 2026-03-11 ditambahkan." in page and "2026-03-11</time> (cuti bersama)" in page
    assert client.post("/admin/kalender/libur", data={**form, "yakin": "1"}).status_code == 422  # already there
    moved = _first_due(app)
    assert moved.date() == dt.date(2026, 3, 12) and moved - due == dt.timedelta(days=1)
    logged = admin_log_rows(runtime, account(runtime, "admin"))[0]
    assert (logged.actor, logged.action, logged.target, logged.reason) == (
        "admin-disdik", "calendar_day_add", UNIT, "SE Bupati 12/2026")
    assert logged.detail == {"unit": UNIT, "day": "2026-03-11", "kind": "cuti_bersama"}
    # the deployment's calendar (and so every other unit) is unchanged
    assert [spec["unit"] for spec in read_calendar_file(_stored(app))] == [UNIT]
    removed = client.post("/admin/kalender/libur/hapus", data={**form, "yakin": "1", "alasan": "dibatalkan"})
    assert removed.status_code == 302
    assert _first_due(app) == due
    assert client.post("/admin/kalender/libur/hapus", data={**form, "yakin": "1"}).status_code == 422


def test_an_opd_admin_is_refused_another_opds_unit_and_the_deployment(app: Flask) -> None:
    runtime = app.extensions["alur_runtime"]
    client = _client(app, "admin-dinkes")
    form = {"unit": UNIT, "jenis": "libur", "tanggal": "2026-03-11", "alasan": "x", "yakin": "1"}
    assert client.post("/admin/kalender/libur", data=form).status_code == 403
    assert client.post("/admin/kalender/libur", data={**form, "unit": ""}).status_code == 403
    assert _upload(client, CALENDARS).status_code == 403
    headers = _bearer(app, "admin-dinkes")
    body = {"tanggal": "2026-03-11", "jenis": "libur", "alasan": "x"}
    assert client.post(f"/api/v1/admin/kalender/unit/{UNIT}/libur", json=body, headers=headers).status_code == 403
    assert client.delete("/api/v1/admin/kalender/libur", json=body, headers=headers).status_code == 403
    assert _stored(app) == "kalender: []\n"
    # its own unit it may
    answer = client.post(f"/api/v1/admin/kalender/unit/{OTHER}/libur", json=body, headers=headers)
    assert answer.status_code == 200 and answer.get_json()["calendar"]["unit"] == OTHER
    # and sees only its own: Disdik's calendar is not on its page or in its download
    admin = _client(app, "admin")
    assert admin.post("/admin/kalender/libur", data={**form, "alasan": "SE"}).status_code == 302
    page = client.get("/admin/kalender").get_data(as_text=True)
    assert OTHER in page and UNIT not in page
    assert UNIT not in client.get("/admin/kalender/unduh").get_data(as_text=True)
    assert UNIT in admin.get("/admin/kalender/unduh").get_data(as_text=True)


def test_the_api_and_the_download_round_trip(app: Flask) -> None:
    client = _client(app, "admin")
    headers = _bearer(app, "admin")
    url = "/api/v1/admin/kalender"
    assert client.post(url, json={"isi": CALENDARS, "alasan": "muatan"}, headers=headers).status_code == 200
    got = client.get(url, headers=headers).get_json()
    assert got["format"] == "yaml" and read_calendar_file(got["isi"]) == read_calendar_file(CALENDARS)
    assert got["deployment"]["days_off"] == [[2026, [["2026-06-01", "libur"], ["2026-12-24", "cuti_bersama"]]]]
    assert [unit["unit"] for unit in got["units"]] == [OTHER] and got["units"][0]["around_clock"] is True
    # the deployment's day off, added and removed
    day = {"tanggal": "2026-08-18", "jenis": "libur", "alasan": "HUT kabupaten"}
    added = client.post(f"{url}/libur", json=day, headers=headers).get_json()["calendar"]
    assert ["2026-08-18", "libur"] in added["days_off"][0][1]
    assert client.delete(f"{url}/libur", json=day, headers=headers).status_code == 200
    assert read_calendar_file(client.get(url, headers=headers).get_json()["isi"]) == read_calendar_file(CALENDARS)
    # CSV: downloaded, posted back, the same calendars
    csv_text = client.get(f"{url}?format=csv", headers=headers).get_json()["isi"]
    assert csv_text.startswith("unit,zona,senin")
    again = client.post(url, json={"isi": csv_text, "format": "csv", "alasan": "ulang"}, headers=headers)
    assert again.status_code == 200 and again.get_json()["stored"] == ["", OTHER]
    assert read_calendar_file(again.get_json()["isi"], csv_format=True) == read_calendar_file(CALENDARS)
    # the page's download reads back the same through the page's upload
    download = client.get("/admin/kalender/unduh")
    assert download.headers["Content-Disposition"].endswith(".yaml")
    assert _upload(client, download.get_data(as_text=True)).status_code == 302
    assert read_calendar_file(_stored(app)) == read_calendar_file(CALENDARS)
    # bodies are read strictly; a bad entry is named and nothing stored
    assert client.post(url, json={"isi": CALENDARS, "alasan": "x", "warna": 1}, headers=headers).status_code == 400
    assert client.post(url, json={"isi": CALENDARS, "alasan": "x", "format": "xls"},
                       headers=headers).status_code == 400
    wrong_kind = client.post(f"{url}/libur", json={**day, "jenis": "cuti"}, headers=headers)
    assert wrong_kind.status_code == 400 and wrong_kind.get_json()["field"] == "jenis"
    bad = client.post(url, json={"isi": "kalender:\n  - unit: X\n    warna: biru\n", "alasan": "x"}, headers=headers)
    assert bad.status_code == 422 and bad.get_json()["params"]["key"] == "warna" and "'X'" in bad.get_json()["error"]
    assert read_calendar_file(_stored(app)) == read_calendar_file(CALENDARS)
    assert client.post(f"{url}/unit/Tidak Ada/libur", json=day, headers=headers).status_code == 404
    document = client.get("/api/v1/openapi.json").get_json()
    assert document["paths"]["/admin/kalender/unit/{code}/libur"]["delete"]["requestBody"]["required"] is True
