"""The table editor's row sub-forms: a call to another SOP, a wait and a timeout, built from their own
cells (webui/row_forms.py) and kept when a draft that has them is edited and saved from the table."""

from __future__ import annotations

from typing import Any

import pytest
from flask.testing import FlaskClient

from engine import TriggerKind, load_file, save_draft, sheet_mapping, sop_from_mapping, working_sop
from engine.sop.structure import LATEST_APPROVED
from tests.conftest import DATA
from tests.webui.test_editor import _form_data
from webui.sop_form import form_from_mapping, mapping_from_form

CALLING = DATA / "structure" / "pindah_datang.yaml"
CALLED = DATA / "structure" / "penerbitan_ktp_kecil.yaml"
EVENTS = DATA / "events" / "permohonan_peristiwa.yaml"


@pytest.fixture(autouse=True)
def _signed_in(login: Any) -> None:
    login("penyusun")


def _rows(values: dict[str, Any]) -> dict[str, dict[str, str]]:
    return {row["id"]: row for row in values["steps"]}


def test_a_call_row_fills_the_call_sub_form_and_round_trips() -> None:
    sop = load_file(CALLING).sop
    values = form_from_mapping(sheet_mapping(sop))
    call = _rows(values)["ktp"]
    assert (call["khusus"], call["panggil_sop"], call["panggil_versi"]) == ("panggil", "penerbitan_ktp_kecil", "")
    assert call["peristiwa"] == ""
    assert sop_from_mapping(mapping_from_form(_form_data(values))) == sop


def test_waits_and_a_timeout_go_to_their_sub_forms_and_the_rest_stays_in_the_events_cell() -> None:
    sop = load_file(EVENTS).sop
    values = form_from_mapping(sheet_mapping(sop))
    rows = _rows(values)
    assert (rows["bayar"]["khusus"], rows["bayar"]["tunggu_jenis"], rows["bayar"]["tunggu_pesan"]) == (
        "tunggu", "pesan", "pembayaran")
    assert rows["bayar"]["peristiwa"] == ""
    # the first timeout of "periksa" has its sub-form; the error path and the reminder stay as YAML
    assert (rows["periksa"]["batas_waktu"], rows["periksa"]["batas_ke"]) == ("3 hari kerja", "gugur")
    assert "galat" in rows["periksa"]["peristiwa"] and "3 hari kerja" not in rows["periksa"]["peristiwa"]
    # an event-based choice (two triggers) has no sub-form: its YAML is kept whole
    assert rows["jawaban"]["khusus"] == "" and "korelasi: nomor_permohonan" in rows["jawaban"]["peristiwa"]
    assert sop_from_mapping(mapping_from_form(_form_data(values))) == sop


def _built(**cells: str) -> dict[str, Any]:
    """A three-row SOP whose middle row is given ``cells``; the SOP read from the posted form."""
    values = form_from_mapping({"alur": 1, "sop": {"nama": "Uji"}, "pelaksana": ["Petugas"],
                                "isian": [{"nama": "tanggal_sidang", "jenis": "tanggal"},
                                          {"nama": "nomor_berkas", "jenis": "teks"}],
                                "langkah": [{"id": "mulai", "jenis": "mulai", "kegiatan": "Terima",
                                             "pelaksana": "Petugas"},
                                            {"id": "tengah", "kegiatan": "Tengah", "pelaksana": "Petugas"},
                                            {"id": "selesai", "jenis": "selesai", "kegiatan": "Selesai",
                                             "pelaksana": "Petugas"}]})
    values["steps"][1].update(cells)
    return mapping_from_form(_form_data(values))


def test_sub_form_cells_become_the_sheet_keys() -> None:
    data = _built(khusus="panggil", panggil_sop="penerbitan-ktp-el", panggil_versi="2")
    step = sop_from_mapping(data).steps[1]
    assert step.structure.call is not None
    assert (step.structure.call.key, step.structure.call.version) == ("penerbitan-ktp-el", 2)
    latest = sop_from_mapping(_built(khusus="panggil", panggil_sop="x", panggil_versi="")).steps[1]
    assert latest.structure.call is not None and latest.structure.call.version == LATEST_APPROVED
    timer = sop_from_mapping(_built(khusus="tunggu", tunggu_jenis="waktu", tunggu_waktu="3 hari kerja")).steps[1]
    assert (timer.wait[0].kind, timer.wait[0].duration) == (TriggerKind.TIMER, "3 hari kerja")
    date = sop_from_mapping(_built(khusus="tunggu", tunggu_jenis="tanggal", tunggu_tanggal="tanggal_sidang",
                                   tunggu_waktu="ignored: another kind")).steps[1]
    assert (date.wait[0].date_field, date.wait[0].duration) == ("tanggal_sidang", "")
    message = sop_from_mapping(_built(khusus="tunggu", tunggu_jenis="pesan", tunggu_pesan="jawaban-pemohon",
                                      tunggu_korelasi="nomor_berkas")).steps[1]
    assert (message.wait[0].name, message.wait[0].correlation) == ("jawaban-pemohon", "nomor_berkas")
    # switched back to an ordinary row: the hidden cells of the call are not kept
    plain = sop_from_mapping(_built(khusus="", panggil_sop="penerbitan-ktp-el")).steps[1]
    assert plain.structure.call is None and not plain.wait
    timeout = sop_from_mapping(_built(batas_waktu="14 hari kalender", batas_ke="selesai",
                                      batas_menyela="tidak")).steps[1]
    assert [(b.trigger.duration, b.target, b.interrupting) for b in timeout.boundaries] == [
        ("14 hari kalender", "selesai", False)]


def test_a_sub_form_wait_and_an_events_cell_wait_are_both_kept_for_the_check_to_name() -> None:
    data = _built(khusus="tunggu", tunggu_jenis="waktu", tunggu_waktu="1 jam", peristiwa="tunggu:\n  pesan: x\n")
    assert data["langkah"][1]["tunggu"] == [{"waktu": "1 jam"}, {"pesan": "x"}]
    assert "khusus" in _built(khusus="apa-saja")["langkah"][1]  # a kind the form does not offer is named


def test_a_wrong_wait_is_named_at_its_row(client: FlaskClient) -> None:
    values = form_from_mapping(sheet_mapping(load_file(EVENTS).sop))
    for row in values["steps"]:
        if row["id"] == "bayar":
            row.update(tunggu_jenis="tanggal", tunggu_tanggal="nomor_permohonan")
    html = client.post("/penyusun/periksa", data=_form_data(values)).get_data(as_text=True)
    assert "isian &#39;nomor_permohonan&#39; bukan bertipe tanggal" in html


def test_a_draft_with_a_call_row_is_edited_and_saved_from_the_table(app: Any, client: FlaskClient) -> None:
    runtime = app.extensions["alur_runtime"]
    runtime.publish(CALLED, "penerbitan_ktp_kecil")
    sop = load_file(CALLING).sop
    save_draft(runtime, "pindah-datang", sop, "penyusun")
    page = client.get("/penyusun/sop/pindah-datang/ubah")
    html = page.get_data(as_text=True)
    assert page.status_code == 200 and 'name="tabel_terkunci"' not in html and "belum dapat diubah" not in html
    # the call is chosen from the register's published SOPs, by key
    assert 'value="penerbitan_ktp_kecil" data-version="1" selected' in html
    assert 'value="surat-masuk" data-version="1"' in html
    form = _form_data(form_from_mapping(sheet_mapping(sop)))
    form["key"] = "pindah-datang"
    answer = client.post("/penyusun/simpan", data=form)
    assert answer.status_code == 302, answer.get_data(as_text=True)[:800]
    assert working_sop(runtime, "pindah-datang") == sop
    # a pinned version is kept too
    values = form_from_mapping(sheet_mapping(sop))
    _rows(values)["ktp"]["panggil_versi"] = "1"
    form = _form_data(values)
    form["key"] = "pindah-datang"
    assert client.post("/penyusun/simpan", data=form).status_code == 302
    saved = working_sop(runtime, "pindah-datang").steps[2].structure.call
    assert saved is not None and saved.version == 1
    html = client.get("/penyusun/sop/pindah-datang/ubah").get_data(as_text=True)
    assert '<option value="1" selected>versi 1</option>' in html
