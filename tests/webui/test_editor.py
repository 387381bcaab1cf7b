from __future__ import annotations

import io
import re
from pathlib import Path
from typing import Any

import pytest
from flask.testing import FlaskClient
from werkzeug.datastructures import MultiDict

from engine import load_file, read_bpmn, sheet_mapping, sop_from_mapping
from tests.conftest import shipped_processes
from tests.webui.conftest import seed_people
from webui import create_app
from webui.sop_form import form_from_mapping, mapping_from_form


@pytest.fixture(autouse=True)
def _signed_in(login: Any) -> None:
    login("penyusun")


def _form_data(values: dict) -> MultiDict[str, str]:
    """What a browser posts for the editor filled with ``values``."""
    data: MultiDict[str, str] = MultiDict()
    for key, value in values.items():
        if key not in ("steps", "actors", "fields", "rules"):
            data.add(key, value)
    for prefix, rows in (("step", values["steps"]), ("field", values["fields"]), ("penugasan", values["rules"])):
        for row in rows:
            for column, value in row.items():
                data.add(f"{prefix}_{column}", value)
    return data


@pytest.mark.parametrize("path", shipped_processes(), ids=lambda p: p.name)
def test_table_form_round_trips_every_shipped_sop(path: Path) -> None:
    sop = load_file(path).sop
    posted = _form_data(form_from_mapping(sheet_mapping(sop)))
    assert sop_from_mapping(mapping_from_form(posted)) == sop


def test_import_shows_the_table_and_check_reports_problems_by_row(client: FlaskClient) -> None:
    path = shipped_processes()[0]
    page = client.post("/penyusun/impor", data={"berkas": (io.BytesIO(path.read_bytes()), path.name)},
                       content_type="multipart/form-data")
    assert page.status_code == 200
    html = page.get_data(as_text=True)
    sop = load_file(path).sop
    for step in sop.steps:
        assert f'value="{step.id}"' in html
    assert "SOP valid" in html
    values = form_from_mapping(sheet_mapping(sop))
    values["steps"][1]["waktu"] = "sebentar"
    page = client.post("/penyusun/periksa", data=_form_data(values))
    html = page.get_data(as_text=True)
    assert "Masalah yang harus diperbaiki (1)" in html
    assert "Waktu &#39;sebentar&#39; tidak dikenali" in html
    assert 'class="step has-problem"' in html


def test_download_bpmn_of_a_valid_table_and_refusal_of_an_invalid_one(client: FlaskClient) -> None:
    sop = load_file(shipped_processes()[1]).sop
    values = form_from_mapping(sheet_mapping(sop))
    response = client.post("/penyusun/unduh/bpmn", data=_form_data(values))
    assert response.status_code == 200
    assert response.headers["Content-Disposition"].endswith('.bpmn"')
    assert read_bpmn(response.data).sop == sop
    values["steps"][2]["pelaksana"] = "Tidak Ada"
    response = client.post("/penyusun/unduh/bpmn", data=_form_data(values))
    assert response.mimetype == "text/html"
    assert "pelaksana &#39;Tidak Ada&#39; tidak ada di daftar pelaksana" in response.get_data(as_text=True)


def test_hostile_upload_gets_a_message_not_a_traceback(client: FlaskClient) -> None:
    xxe = (Path(__file__).parent.parent / "data" / "hostile" / "xxe.bpmn").read_bytes()
    response = client.post("/penyusun/impor", data={"berkas": (io.BytesIO(xxe), "x.bpmn")},
                           content_type="multipart/form-data")
    assert response.status_code == 400
    assert "DOCTYPE/ENTITY tidak diizinkan" in response.get_data(as_text=True)
    assert "root:" not in response.get_data(as_text=True)


def test_english_switch_is_remembered(client: FlaskClient) -> None:
    assert "Penyusun SOP" in client.get("/penyusun/baru").get_data(as_text=True)
    assert "SOP editor" in client.get("/penyusun/baru?lang=en").get_data(as_text=True)
    assert "SOP editor" in client.get("/penyusun/baru").get_data(as_text=True)


def test_forms_carry_a_csrf_token_and_a_post_without_it_is_refused(tmp_path: Path) -> None:
    app = create_app({"TESTING": True, "SECRET_KEY": "uji", "DATABASE_URL": f"sqlite:///{tmp_path / 'c.db'}"})
    seed_people(app.extensions["alur_runtime"])
    client = app.test_client()
    login_page = client.get("/masuk").get_data(as_text=True)
    token = re.search(r'name="csrf_token" value="([^"]+)"', login_page)
    assert token is not None
    assert client.post("/masuk", data={"username": "penyusun", "password": "penyusun-rahasia"}).status_code == 400
    assert client.post("/masuk", data={"username": "penyusun", "password": "penyusun-rahasia",
                                       "csrf_token": token.group(1)}).status_code == 302
    page = client.get("/penyusun/baru").get_data(as_text=True)
    assert re.search(r'name="csrf_token" value="[^"]+"', page)
    refused = client.post("/penyusun/periksa", data={"nama": "x"})
    assert refused.status_code == 400
    assert "Formulir kedaluwarsa" in refused.get_data(as_text=True)
    cookie = client.get_cookie("session")
    assert cookie is not None and cookie.http_only and cookie.same_site == "Lax"
