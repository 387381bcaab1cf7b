"""The clerk's view of a real case: the cuti SOP started and worked through the pages with typed
data, real inputs per field, kelengkapan never pre-ticked, files attached, messages beside the wrong
fields, the form keeping what was typed, and where the case went after each step."""

from __future__ import annotations

import io
import re
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from flask import Flask
from flask.testing import FlaskClient

from engine import ManualClock
from engine.access.accounts import add_account
from tests.conftest import PROCESSES
from tests.engine.runtime.conftest import fresh_url, postgres_database  # noqa: F401 - the PostgreSQL fixture
from tests.webui.conftest import seed_people
from webui import create_app

CUTI = PROCESSES / "permohonan-cuti-pegawai.bpmn"
BKPSDM = "Badan Kepegawaian dan Pengembangan Sumber Daya Manusia - Subbagian Umum dan Kepegawaian"
JABATAN = ("Pegawai Pemohon", "Atasan Langsung", "Analis SDM Aparatur", "Kepala Subbagian Umum dan Kepegawaian",
           "Kepala BKPSDM")
#: A tiny valid PDF (one empty page), as a scanner's output would start.
PDF = (b"%PDF-1.4\n1 0 obj<</Type/Catalog/Pages 2 0 R>>endobj\n2 0 obj<</Type/Pages/Kids[3 0 R]/Count 1>>endobj\n"
       b"3 0 obj<</Type/Page/Parent 2 0 R/MediaBox[0 0 595 842]>>endobj\ntrailer<</Root 1 0 R>>\n%%EOF\n")
START = {
    "f.nama_pegawai": "Siti Aminah, S.Kom.", "f.nip_pegawai": "198703152010012005",
    "f.jabatan_pegawai": "Pranata Komputer Ahli Muda", "f.unit_kerja": "Bidang Mutasi",
    "f.jenis_cuti": "Cuti Tahunan", "f.alasan_cuti": "Keperluan keluarga di Yogyakarta",
    "f.tanggal_mulai": "2026-12-14", "f.jumlah_hari": "3", "f.alamat_selama_cuti": "Jl. Kaliurang km 5, Sleman",
    "f.telepon_pegawai": "081234567890",
    "k0": "berkas", "k1": "kertas", "k2": "tidak_ada", "k2.alasan": "Pengganti belum ditunjuk",
    "catatan": "Diajukan langsung di loket",
}


@pytest.fixture(params=["sqlite", pytest.param("postgresql", marks=pytest.mark.postgresql)])
def app(tmp_path: Path, request: pytest.FixtureRequest) -> Iterator[Flask]:
    """The cuti SOP and one clerk holding its jabatan, on SQLite and on PostgreSQL."""
    app = create_app({"TESTING": True, "SECRET_KEY": "uji", "WTF_CSRF_ENABLED": False,
                      "DATABASE_URL": fresh_url(request.param, tmp_path, request), "CLOCK": ManualClock(),
                      "UJICOBA_GATE": None})
    runtime = app.extensions["alur_runtime"]
    seed_people(runtime)
    add_account(runtime, "sari", "sari-rahasia", ["pelaksana"], nama="Sari Wulandari", nip="199001012015032001",
                jabatan=[(jabatan, BKPSDM) for jabatan in JABATAN]
                + [("Kepala BKPSDM", "Badan Kepegawaian dan Pengembangan Sumber Daya Manusia")])  # its routing rule
    runtime.publish(CUTI, "cuti")
    yield app
    runtime.close()  # a PostgreSQL store's pooled connections go with it


@pytest.fixture
def clerk(app: Flask) -> FlaskClient:
    client = app.test_client()
    assert client.post("/masuk", data={"username": "sari", "password": "sari-rahasia"}).status_code == 302
    return client


def _start(clerk: FlaskClient, **changes: Any) -> Any:
    data: dict[str, Any] = {**START, **changes}
    data = {key: value for key, value in data.items() if value is not None}
    if data.get("k0") == "berkas" and "k0.berkas" not in data:
        data["k0.berkas"] = (io.BytesIO(PDF), "formulir-cuti.pdf")
    return clerk.post("/tugas/mulai/cuti", data=data, content_type="multipart/form-data")


def test_the_start_page_has_real_inputs_and_nothing_pre_ticked(clerk: FlaskClient) -> None:
    page = clerk.get("/tugas/mulai").get_data(as_text=True)
    assert 'type="date"' in page and 'name="f.tanggal_mulai"' in page
    assert re.search(r'name="f.jumlah_hari"[^>]*type="number"', page)
    assert re.search(r'name="f.nip_pegawai"[^>]*inputmode="numeric" pattern="\[0-9 \.\]\{18,22\}"', page)
    assert '<select id="cuti-f-jenis_cuti" name="f.jenis_cuti"' in page and ">Cuti Tahunan</option>" in page
    assert 'type="tel"' in page and 'type="file"' in page
    assert "checked" not in page  # no kelengkapan state, no radio chosen for the clerk
    assert "Data proses" not in page and 'name="data"' not in page
    for label in ('for="cuti-f-nama_pegawai"', 'for="cuti-k0-berkas"', 'for="cuti-k0-alasan"'):
        assert label in page


def test_a_wrong_start_names_each_field_and_keeps_what_was_typed(app: Flask, clerk: FlaskClient) -> None:
    answer = _start(clerk, **{"f.nip_pegawai": "1987", "f.jumlah_hari": "tiga", "f.tanggal_mulai": None})
    assert answer.status_code in (400, 422)
    page = answer.get_data(as_text=True)
    for field in ("nip_pegawai", "jumlah_hari", "tanggal_mulai"):
        block = page[page.index(f'data-field="{field}"'):]
        block = block[:block.index("</div>")]
        assert 'class="field-error"' in block, field
        assert 'aria-invalid="true"' in block, field
    assert 'value="Siti Aminah, S.Kom."' in page and "Keperluan keluarga di Yogyakarta" in page
    assert 'name="k0" value="berkas" checked' in page and 'name="k1" value="kertas" checked' in page
    assert 'value="Pengganti belum ditunjuk"' in page
    assert app.extensions["alur_runtime"].worklist("sari") == []


def test_a_missing_kelengkapan_state_is_refused_not_assumed(app: Flask, clerk: FlaskClient) -> None:
    answer = _start(clerk, k1=None)
    assert answer.status_code in (400, 422)
    assert "Rencana tanggal cuti" in answer.get_data(as_text=True)
    assert app.extensions["alur_runtime"].worklist("sari") == []


def test_the_cuti_sop_through_the_pages_with_typed_data_and_a_pdf(app: Flask, clerk: FlaskClient) -> None:
    runtime = app.extensions["alur_runtime"]
    started = _start(clerk)
    assert started.status_code == 302, started.get_data(as_text=True)[:3000]
    listing = clerk.get("/tugas/").get_data(as_text=True)
    item = runtime.worklist("sari")[0]
    assert item.registration.startswith("CUTI/0001/") and item.registration in listing
    assert "Kasus CUTI/0001/" in listing  # the flash names the case
    page = clerk.get(f"/tugas/{item.id}").get_data(as_text=True)
    assert item.registration in page and "Permohonan Cuti" in page
    assert "formulir-cuti.pdf" in page and "/kasus/" in page  # the document with its download link
    assert "Diajukan langsung di loket" in page and "Sari Wulandari" in page  # earlier notes, by name
    link = re.search(r'href="(/kasus/\d+/dokumen/[0-9a-f]{64})"', page)
    assert link is not None
    download = clerk.get(link.group(1))
    assert download.status_code == 200 and download.data == PDF
    assert download.headers["Content-Disposition"].startswith("attachment;")
    # the atasan's consideration: kelengkapan on paper, a note, then the decision
    done = clerk.post(f"/tugas/{item.id}", data={"k0": "kertas", "k1": "kertas", "f.catatan_atasan": "Setuju",
                                                  "catatan": "Dipertimbangkan"}, content_type="multipart/form-data")
    assert done.status_code == 302, done.get_data(as_text=True)[:2000]
    flashed = clerk.get("/tugas/").get_data(as_text=True)
    assert "diteruskan ke Atasan Langsung" in flashed
    decision = runtime.worklist("sari")[0]
    page = clerk.get(f"/tugas/{decision.id}").get_data(as_text=True)
    assert 'name="keputusan" value="Ya"' in page and "Dipertimbangkan" in page


def test_a_file_the_engine_refuses_is_named_and_earlier_attachments_stay(app: Flask, clerk: FlaskClient) -> None:
    runtime = app.extensions["alur_runtime"]
    assert _start(clerk).status_code == 302
    first = runtime.worklist("sari")[0]
    clerk.post(f"/tugas/{first.id}", data={"k0": "kertas", "k1": "kertas"}, content_type="multipart/form-data")
    decision = runtime.worklist("sari")[0]
    clerk.post(f"/tugas/{decision.id}", data={"k0": "kertas", "keputusan": "Ya"}, content_type="multipart/form-data")
    check = runtime.worklist("sari")[0]
    assert check.step_id == "periksa_sisa"
    answer = clerk.post(f"/tugas/{check.id}", data={"k0": "kertas", "k1": "kertas", "k2": "kertas",
                                                     "f.sisa_cuti": "dua belas"}, content_type="multipart/form-data")
    assert answer.status_code in (400, 422)
    page = answer.get_data(as_text=True)
    block = page[page.index('data-field="sisa_cuti"'):]
    assert 'class="field-error"' in block[:block.index("</div>")]
    assert 'value="dua belas"' in page
    assert runtime.item(check.id).status == "open"


def test_the_worklist_searches_sorts_and_pages_with_counts(app: Flask, clerk: FlaskClient) -> None:
    for index in range(3):
        assert _start(clerk, **{"f.nama_pegawai": f"Pegawai Nomor {index}"}).status_code == 302
    runtime = app.extensions["alur_runtime"]
    numbers = sorted(item.registration for item in runtime.worklist("sari"))
    clerk.get("/tugas/")  # the flash of the last start is shown once
    first = clerk.get("/tugas/?per=2&urut=nomor").get_data(as_text=True)
    assert "1–2 dari 3" in first and "Halaman 1 dari 2" in first and numbers[0] in first and numbers[2] not in first
    second = clerk.get("/tugas/?per=2&urut=nomor&hal=2").get_data(as_text=True)
    assert "3–3 dari 3" in second and numbers[2] in second and numbers[0] not in second
    found = clerk.get(f"/tugas/?cari={numbers[1]}").get_data(as_text=True)
    assert "1–1 dari 1" in found and numbers[1] in found and numbers[0] not in found
    assert clerk.get("/tugas/?urut=acak").status_code == 400
    assert clerk.get("/tugas/?per=100000").status_code == 400


def test_the_instance_list_and_my_history_search_and_page_with_counts(app: Flask, clerk: FlaskClient) -> None:
    runtime = app.extensions["alur_runtime"]
    for index in range(3):
        assert _start(clerk, **{"f.nama_pegawai": f"Pegawai Nomor {index}"}).status_code == 302
    for item in runtime.worklist("sari"):
        assert clerk.post(f"/tugas/{item.id}", data={"k0": "kertas", "k1": "kertas"},
                          content_type="multipart/form-data").status_code == 302
    mine = clerk.get("/tugas/riwayat?per=2").get_data(as_text=True)
    assert "1–2 dari 3" in mine and "Halaman 1 dari 2" in mine
    assert "3–3 dari 3" in clerk.get("/tugas/riwayat?per=2&hal=2").get_data(as_text=True)
    first = sorted(item.registration for item in runtime.worklist("sari"))[0]
    searched = clerk.get(f"/tugas/riwayat?cari={first.lower()}").get_data(as_text=True)
    assert "1–1 dari 1" in searched and first in searched  # the case's number, not an internal id
    nothing = clerk.get("/tugas/riwayat?cari=_%25").get_data(as_text=True)  # wildcards are searched as text
    assert first not in nothing and "Tidak ada yang cocok" in nothing
    auditor = app.test_client()
    assert auditor.post("/masuk", data={"username": "pemantau", "password": "pemantau-rahasia"}).status_code == 302
    listed = auditor.get("/pantau/?per=2&status=running").get_data(as_text=True)
    assert "1–2 dari 3" in listed and "status=running" in listed  # the filters stay on the next page's link
    numbers = sorted(item.registration for item in runtime.worklist("sari"))
    found = auditor.get(f"/pantau/?cari={numbers[0]}").get_data(as_text=True)
    assert "1–1 dari 1" in found and numbers[0] in found and numbers[1] not in found


def test_a_scan_attached_before_an_error_stays_listed_and_is_used(app: Flask, tmp_path: Path) -> None:
    """The SKTM desk: the scan of the first document goes up with a form that is not right yet (the KK
    number is missing); the page lists the scan, and the next post completes with it, no second upload."""
    from engine import load_file, sample_values

    runtime = app.extensions["alur_runtime"]
    sktm = PROCESSES / "penerbitan-surat-keterangan.bpmn"
    sop = load_file(sktm).sop
    runtime.publish(sktm, "sktm")
    add_account(runtime, "petugas", "petugas-rahasia", ["pelaksana"], nama="Dedi Kurniawan",
                jabatan=[(actor, sop.identity.unit) for actor in sop.actors])
    start_items = {item.text: {"cara": "kertas"} for item in sop.start.requirement_items()}
    runtime.start("sktm", "petugas", {"kelengkapan": start_items, "data": sample_values(sop, sop.start.id)})
    item = runtime.worklist("petugas")[0]
    assert item.step_id == "terima_berkas"
    client = app.test_client()
    assert client.post("/masuk", data={"username": "petugas", "password": "petugas-rahasia"}).status_code == 302
    count = len(sop.steps[1].requirement_items())
    form: dict[str, Any] = {f"k{index}": "kertas" for index in range(1, count)}
    first = client.post(f"/tugas/{item.id}", data={**form, "k0": "berkas", "k0.berkas": (io.BytesIO(PDF), "formulir.pdf")},
                        content_type="multipart/form-data")
    assert first.status_code in (400, 422)
    page = first.get_data(as_text=True)
    block = page[page.index('data-field="nomor_kk"'):]
    assert 'class="field-error"' in block[:block.index("</div>")]
    assert "Terlampir: formulir.pdf" in page and 'name="k0" value="berkas" checked' in page
    assert [document.name for document in runtime.documents(item.instance_id)] == ["formulir.pdf"]
    done = client.post(f"/tugas/{item.id}", data={**form, "k0": "berkas", "f.nomor_kk": "3273020101090012"},
                       content_type="multipart/form-data")
    assert done.status_code == 302, done.get_data(as_text=True)[:1500]
    assert [document.name for document in runtime.documents(item.instance_id)] == ["formulir.pdf"]
    events = runtime.trace(item.instance_id)[1]
    completed = [event for event in events if event.kind == "completed"][-1]
    assert completed.data["kelengkapan"][sop.steps[1].requirement_items()[0].text]["cara"] == "berkas"


def test_personal_data_shows_masked_until_the_clerk_asks_and_each_unmasked_view_is_logged(
        app: Flask, clerk: FlaskClient) -> None:
    from sqlalchemy import select

    from engine.store.models import access_log

    runtime = app.extensions["alur_runtime"]
    assert _start(clerk).status_code == 302
    item = runtime.worklist("sari")[0]
    masked = clerk.get(f"/tugas/{item.id}").get_data(as_text=True)
    assert "Jl. Kaliurang km 5, Sleman" not in masked and "disamarkan" in masked
    assert f"/tugas/{item.id}?tampilkan=1" in masked and "log akses" in masked
    shown = clerk.get(f"/tugas/{item.id}?tampilkan=1").get_data(as_text=True)
    assert "Jl. Kaliurang km 5, Sleman" in shown and "198703152010012005" in shown
    with runtime.db.read() as connection:
        logged = connection.execute(select(access_log.c.account, access_log.c.action)).all()
    assert [tuple(row) for row in logged] == [("sari", "lihat")]
    # an auditor reads the same case file masked, and asking changes nothing for it
    auditor = app.test_client()
    assert auditor.post("/masuk", data={"username": "pemantau", "password": "pemantau-rahasia"}).status_code == 302
    from engine import issue_token

    headers = {"Authorization": "Bearer " + issue_token(runtime, "pemantau")}
    case = auditor.get(f"/api/v1/instans/{item.instance_id}/kasus?tampilkan=1", headers=headers).get_json()
    assert case["may_unmask"] is False
    assert "Jl. Kaliurang km 5, Sleman" not in str(case) and "198703152010012005" not in str(case)
    with runtime.db.read() as connection:
        assert len(connection.execute(select(access_log.c.id)).all()) == 1
