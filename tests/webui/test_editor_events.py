"""The table editor keeps a row's events (tunggu, batas, akhir) in its events cell, and checks them."""

from __future__ import annotations

from typing import Any

from flask.testing import FlaskClient

from engine import load_file, sheet_mapping, sop_from_mapping
from tests.conftest import DATA
from tests.webui.test_editor import _form_data
from webui.sop_form import form_from_mapping, mapping_from_form

SOP_FILE = DATA / "events" / "permohonan_peristiwa.yaml"


def test_the_events_sop_round_trips_through_the_table_form() -> None:
    sop = load_file(SOP_FILE).sop
    values = form_from_mapping(sheet_mapping(sop))
    rows = {row["id"]: row for row in values["steps"]}
    assert "korelasi: nomor_permohonan" in rows["jawaban"]["peristiwa"]
    assert "menyela: false" in rows["periksa"]["peristiwa"] and rows["mulai"]["peristiwa"] == ""
    assert sop_from_mapping(mapping_from_form(_form_data(values))) == sop


def test_a_wrong_event_in_the_editor_is_shown_at_its_row(client: FlaskClient, login: Any) -> None:
    login("penyusun")
    values = form_from_mapping(sheet_mapping(load_file(SOP_FILE).sop))
    for row in values["steps"]:
        if row["id"] == "bayar":
            row["peristiwa"] = "tunggu:\n  sinyal: banjir\n"
    page = client.post("/penyusun/periksa", data=_form_data(values))
    text = page.get_data(as_text=True)
    assert page.status_code in (200, 422)
    assert "sinyal &#39;banjir&#39; belum dijalankan Alur" in text or "sinyal 'banjir' belum dijalankan Alur" in text
