from __future__ import annotations

from typing import Any

from flask import Flask
from werkzeug.datastructures import MultiDict

from engine import load_file, sheet_mapping
from engine.lifecycle.transitions import register
from tests.conftest import DATA
from webui.sop_form import form_from_mapping


def _posted(values: dict[str, Any], key: str = "") -> MultiDict[str, str]:
    data: MultiDict[str, str] = MultiDict()
    for name, value in values.items():
        if name not in ("steps", "actors"):
            data.add(name, value)
    for row in values["steps"]:
        for column, value in row.items():
            data.add(f"step_{column}", value)
    data.add("key", key)
    return data


YAKIN = {"yakin": "1"}


def test_lifecycle_from_draft_to_approved_and_revision(app: Flask, login: Any) -> None:
    sop = load_file(DATA / "surat_kecil.yaml").sop
    values = form_from_mapping(sheet_mapping(sop))
    values["disahkan_jabatan"] = "Kepala Dinas"  # the jabatan the pengesah of the fixture holds
    writer = login("penyusun")
    saved = writer.post("/penyusun/simpan", data=_posted(values))
    assert saved.status_code == 302
    key = saved.headers["Location"].rsplit("/", 1)[1]
    page = writer.get(f"/penyusun/sop/{key}").get_data(as_text=True)
    assert "Ajukan verifikasi" in page and "Sahkan" not in page
    assert sop.identity.nama in writer.get("/penyusun/?cari=" + sop.identity.nama.split()[0]).get_data(as_text=True)
    # every transition asks for confirmation: without "Saya yakin" nothing changes
    unconfirmed = writer.post(f"/penyusun/sop/{key}/verifikasi")
    assert unconfirmed.status_code == 422 and "Saya yakin" in unconfirmed.get_data(as_text=True)
    assert 'id="lc-status">draf' in writer.get(f"/penyusun/sop/{key}").get_data(as_text=True)
    writer.post(f"/penyusun/sop/{key}/verifikasi", data=YAKIN)
    writer.post("/keluar")
    login("verifikator").post(f"/penyusun/sop/{key}/terima", data=YAKIN)
    writer.post("/keluar")
    writer = login("penyusun")
    page = writer.get(f"/penyusun/sop/{key}").get_data(as_text=True)
    assert "Laporan tumpang tindih" in page and "Mulai ujicoba" in page
    # people by name, never by login: the verifier and the history's actors
    history = page.split('id="history"', 1)[1]
    assert "· Penyusun ·" in history and "· penyusun ·" not in history
    assert "Verifikator" in page.split('id="verified"', 1)[1].split("</p>", 1)[0]
    writer.post(f"/penyusun/sop/{key}/ujicoba", data=YAKIN)
    runtime = app.extensions["alur_runtime"]
    assert [v.draft for v in runtime.versions(key)] == [True]
    # only a pengesah approves
    assert writer.post(f"/penyusun/sop/{key}/sahkan",
                       data={"tanggal_efektif": "2026-04-01", **YAKIN}).status_code == 403
    writer.post("/keluar")
    approver = login("pengesah")
    assert approver.post(f"/penyusun/sop/{key}/sahkan",
                         data={"tanggal_efektif": "2026-04-01", **YAKIN}).status_code == 302
    page = approver.get(f"/penyusun/sop/{key}").get_data(as_text=True)
    assert "Kepala Dinas — Pengesah" in page and "2026-04-01" in page
    assert [v.draft for v in runtime.versions(key)] == [True, False]
    approver.post("/keluar")
    writer = login("penyusun")
    assert writer.post(f"/penyusun/sop/{key}/revisi", data={"alasan": "Waktu disposisi diubah", **YAKIN}).status_code == 302
    values["steps"][1]["waktu"] = "2 jam"
    writer.post("/penyusun/simpan", data=_posted(values, key))
    writer.post(f"/penyusun/sop/{key}/verifikasi", data=YAKIN)
    writer.post("/keluar")
    login("verifikator").post(f"/penyusun/sop/{key}/terima", data=YAKIN)
    writer.post("/keluar")
    login("pengesah").post(f"/penyusun/sop/{key}/sahkan", data={"tanggal_efektif": "2026-05-01", **YAKIN})
    diff = login("pengesah").get(f"/penyusun/sop/{key}/beda?dari=2&ke=3").get_data(as_text=True)
    assert "2 jam" in diff


def test_saving_an_invalid_table_keeps_it_unsaved_with_problems(app: Flask, login: Any) -> None:
    values = form_from_mapping(sheet_mapping(load_file(DATA / "surat_kecil.yaml").sop))
    values["steps"][1]["pelaksana"] = "Camat"
    answer = login("penyusun").post("/penyusun/simpan", data=_posted(values))
    assert answer.status_code == 422
    assert "tidak ada di daftar pelaksana" in answer.get_data(as_text=True)
    assert [entry.key for entry in register(app.extensions["alur_runtime"])] == ["surat-masuk"]


def test_live_preview_and_exports(app: Flask, login: Any) -> None:
    values = form_from_mapping(sheet_mapping(load_file(DATA / "surat_kecil.yaml").sop))
    client = login("penyusun")
    preview = client.post("/penyusun/pratinjau", data=_posted(values))
    assert preview.mimetype == "image/svg+xml" and b"<svg" in preview.data
    assert client.post("/penyusun/unduh/pdf", data=_posted(values)).data.startswith(b"%PDF")
    assert client.get("/penyusun/sop/surat-masuk/unduh/pdf").data.startswith(b"%PDF")
    assert b"<bpmn" in client.get("/penyusun/sop/surat-masuk/unduh/bpmn?versi=1").data
    number = client.get("/penyusun/nomor?unit=ORG").get_data(as_text=True)
    assert number.startswith("001/SOP/ORG/")


def test_the_approve_page_names_the_jabatan_with_its_unit(app: Flask, login: Any) -> None:
    from engine.access.accounts import add_account
    from tests.webui.conftest import UNIT

    runtime = app.extensions["alur_runtime"]
    add_account(runtime, "kadis-lain", "kadis-lain-rahasia", ["pengesah"], nama="Kadis Lain", nip="1991",
                jabatan=[("Kepala Dinas", "Dinas Kesehatan")])
    values = form_from_mapping(sheet_mapping(load_file(DATA / "surat_kecil.yaml").sop))
    values.update(disahkan_jabatan="Kepala Dinas", unit=UNIT)
    writer = login("penyusun")
    key = writer.post("/penyusun/simpan", data=_posted(values)).headers["Location"].rsplit("/", 1)[1]
    writer.post(f"/penyusun/sop/{key}/verifikasi", data=YAKIN)
    writer.post("/keluar")
    login("verifikator").post(f"/penyusun/sop/{key}/terima", data=YAKIN)
    writer.post("/keluar")
    login("penyusun").post(f"/penyusun/sop/{key}/ujicoba", data=YAKIN)
    writer.post("/keluar")
    page = login("pengesah").get(f"/penyusun/sop/{key}").get_data(as_text=True)
    assert f"<strong>Kepala Dinas — {UNIT}</strong> — Pengesah" in page
    writer.post("/keluar")
    other = login("kadis-lain").get(f"/penyusun/sop/{key}").get_data(as_text=True)
    assert 'id="sahkan"' not in other
    assert f"Hanya pemegang jabatan &#39;Kepala Dinas&#39; di {UNIT}" in other
