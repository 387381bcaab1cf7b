"""The stages 1-3 pages and API: the Bagian Organisasi sets up the Tim, a clerk who is its koordinator
drafts for its SKPD (and not for another), the daftar inventarisasi from a title to the table as
PDF/XLSX and a draft SOP, and the API with its OpenAPI document."""

from __future__ import annotations

import io
from typing import Any

from flask import Flask
from openpyxl import load_workbook
from pypdf import PdfReader
from sqlalchemy import update

from engine import issue_token
from engine.access.organisation import unit_id
from engine.store.models import org_units
from tests.webui.conftest import UNIT

PEMDA = "Pemerintah Kota Contoh"
OPD = "Dinas Pendidikan dan Kebudayaan"
SEKRETARIAT = "Sekretariat Daerah - Bagian Organisasi"
OTHER = "Dinas Kesehatan - Subbagian Umum"


def _tree(app: Flask) -> None:
    runtime = app.extensions["alur_runtime"]
    with runtime.db.write() as connection:
        for code in (PEMDA, OPD, UNIT, SEKRETARIAT, OTHER):
            unit_id(connection, code, create=True)
        for code, kind, parent in ((PEMDA, "pemda", None), (OPD, "opd", PEMDA), (UNIT, "unit", OPD),
                                   (SEKRETARIAT, "unit", PEMDA), (OTHER, "unit", PEMDA)):
            connection.execute(update(org_units).where(org_units.c.code == code).values(
                kind=kind, parent_id=unit_id(connection, parent) if parent else None))


def test_the_tim_and_the_inventarisasi_through_the_pages(app: Flask, client: Any, login: Any) -> None:
    _tree(app)
    manager = login("verifikator")
    refused = manager.post("/tahapan/tim", data={"unit": PEMDA, "nama": "Tim", "sk_nomor": "1/2026",
                                                 "sk_tanggal": "2026-02-30"})
    assert refused.status_code == 422 and "sk_tanggal" in refused.get_data(as_text=True)
    made = manager.post("/tahapan/tim", data={"unit": PEMDA, "nama": "Tim Penyusun SOP Kota", "sk_nomor": "188.45/12/2026",
                                              "sk_tanggal": "2026-02-02"})
    assert made.status_code == 302
    page_url = made.headers["Location"]
    assert manager.post(page_url + "/anggota", data={"username": "pelaksana", "peran": "koordinator",
                                                     "unit": OPD}).status_code == 302
    assert manager.post(page_url + "/pembekalan", data={"tanggal": "2026-02-10", "topik": "Format SOP AP",
                                                        "peserta": ["pelaksana"]}).status_code == 302
    page = manager.get(page_url).get_data(as_text=True)
    assert "188.45/12/2026" in page and "02-02-2026" in page and "Koordinator SKPD" in page and "Format SOP AP" in page
    manager.post("/keluar")

    clerk = login("pelaksana")  # a clerk with no penyusun role: the Tim makes it a penyusun of its SKPD
    assert "/tahapan/inventarisasi" in clerk.get("/penyusun/").get_data(as_text=True)
    added = clerk.post("/tahapan/inventarisasi", data={"judul": "Pelayanan Legalisir Ijazah", "unit": UNIT,
                                                       "kriteria": ["rutin", "output_jelas"]})
    assert added.status_code == 302
    entry_url = added.headers["Location"]
    assert "Memenuhi 2 dari 4 kriteria" in clerk.get(entry_url).get_data(as_text=True)
    elsewhere = clerk.post("/tahapan/inventarisasi", data={"judul": "Pelayanan Kesehatan", "unit": OTHER})
    assert elsewhere.status_code == 403
    assert clerk.post("/tahapan/inventarisasi/nomori", data={"unit": UNIT, "kode": "DISDIK"}).status_code == 302
    listed = clerk.get("/tahapan/inventarisasi").get_data(as_text=True)
    assert "Pelayanan Legalisir Ijazah" in listed and "001/SOP/DISDIK/" in listed
    assert clerk.post("/tahapan/inventarisasi/keputusan", data={"unit": OPD, "nomor": "1", "tanggal": "2026-03-01"}
                      ).status_code == 403  # the decision is the Bagian Organisasi's to record
    clerk.post("/keluar")
    manager = login("verifikator")
    assert manager.post("/tahapan/inventarisasi/keputusan", data={"unit": OPD, "nomor": "188.4/45/2026",
                                                                  "tanggal": "2026-03-20"}).status_code == 302
    pdf = manager.get(f"/tahapan/inventarisasi/tabel/pdf?unit={OPD}")
    assert pdf.mimetype == "application/pdf"
    text = PdfReader(io.BytesIO(pdf.data)).pages[0].extract_text()
    assert "JUDUL SOP" in text and "Pelayanan Legalisir Ijazah" in text and "188.4/45/2026" in text
    xlsx = manager.get("/tahapan/inventarisasi/tabel/xlsx?lang=en")
    rows = list(load_workbook(io.BytesIO(xlsx.data)).active.iter_rows(values_only=True))
    assert ("NO.", "SOP TITLE", "SOP NUMBER") in rows
    assert any(row[1] == "Pelayanan Legalisir Ijazah" and str(row[2]).startswith("001/SOP/DISDIK/") for row in rows)
    assert manager.get("/tahapan/inventarisasi/tabel/doc").status_code == 422
    manager.post("/keluar")

    clerk = login("pelaksana")
    written = clerk.post(entry_url + "/tulis")
    assert written.status_code == 302 and "/penyusun/sop/pelayanan-legalisir-ijazah/ubah" in written.headers["Location"]
    sop_page = clerk.get("/penyusun/sop/pelayanan-legalisir-ijazah?lang=id").get_data(as_text=True)
    assert "Pelayanan Legalisir Ijazah" in sop_page and "001/SOP/DISDIK/" in sop_page and "Ajukan verifikasi" in sop_page
    assert 'id="lc-entry"' in sop_page and entry_url.split("/tahapan")[-1] in sop_page
    assert "pelayanan-legalisir-ijazah" in clerk.get(entry_url).get_data(as_text=True)


def test_the_stages_api_and_its_openapi_document(app: Flask, client: Any) -> None:
    _tree(app)
    runtime = app.extensions["alur_runtime"]
    manager = {"Authorization": "Bearer " + issue_token(runtime, "verifikator")}
    writer = {"Authorization": "Bearer " + issue_token(runtime, "penyusun")}
    bad = client.post("/api/v1/tim", json={"unit": PEMDA, "nama": "Tim", "sk_nomor": 7, "sk_tanggal": "2026-02-02"},
                      headers=manager)
    assert bad.status_code == 400 and bad.get_json()["field"] == "sk_nomor"
    made = client.post("/api/v1/tim", json={"unit": PEMDA, "nama": "Tim", "sk_nomor": "1/2026",
                                            "sk_tanggal": "2026-02-02"}, headers=manager)
    assert made.status_code == 201 and made.get_json()["sk_number"] == "1/2026"
    team = made.get_json()["id"]
    member = client.post(f"/api/v1/tim/{team}/anggota", json={"username": "pelaksana", "peran": "anggota",
                                                              "unit": UNIT}, headers=manager)
    assert member.status_code == 201
    assert client.post(f"/api/v1/tim/{team}/pembekalan", json={"tanggal": "2026-02-10", "topik": "SOP",
                                                               "peserta": ["pelaksana", 3]},
                       headers=manager).get_json()["field"] == "peserta"
    entry = client.post("/api/v1/inventarisasi", json={"unit": UNIT, "judul": "Pelayanan Legalisir Ijazah"},
                        headers=writer)
    assert entry.status_code == 201 and entry.get_json()["number"] == ""
    entry_id = entry.get_json()["id"]
    changed = client.post(f"/api/v1/inventarisasi/{entry_id}/ubah", json={"kriteria": ["rutin", "banyak_pihak"]},
                          headers=writer)
    assert changed.get_json()["criteria"] == ["banyak_pihak", "rutin"]
    unknown = client.post(f"/api/v1/inventarisasi/{entry_id}/ubah", json={"warna": "merah"}, headers=writer)
    assert unknown.status_code == 400 and unknown.get_json()["field"] == "warna"
    numbered = client.post("/api/v1/inventarisasi/nomori", json={"unit": UNIT, "kode": "DISDIK"}, headers=writer)
    assert numbered.get_json()[0]["number"].startswith("001/SOP/DISDIK/")
    assert client.get("/api/v1/inventarisasi/tabel?format=pdf", headers=writer).mimetype == "application/pdf"
    wrong = client.get("/api/v1/inventarisasi/tabel?format=doc", headers=writer)
    assert wrong.status_code == 400 and wrong.get_json()["field"] == "format"
    assert client.post(f"/api/v1/inventarisasi/{entry_id}/tulis", headers=writer).get_json() == {
        "sop": "pelayanan-legalisir-ijazah"}
    assert client.get("/api/v1/inventarisasi", headers=writer).get_json()[0]["sop_key"] == "pelayanan-legalisir-ijazah"
    document = client.get("/api/v1/openapi.json").get_json()
    assert document["paths"]["/tim"]["post"]["requestBody"]["content"]["application/json"]["schema"] == {
        "$ref": "#/components/schemas/BentukTim"}
    assert "201" in document["paths"]["/inventarisasi"]["post"]["responses"]
    assert "/inventarisasi/tabel" in document["paths"]
