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


def test_column_jabatan_codes_are_edited_checked_against_the_organisation_and_saved(client: FlaskClient) -> None:
    from dataclasses import replace

    from engine import working_sop

    sop = replace(load_file(shipped_processes()[0]).sop, process_id="Proses_kode_kolom")
    first, second = sop.actors[0], sop.actors[-1]
    coded = replace(sop, actor_jabatan={first: "KODE-TIDAK-ADA"})
    values = form_from_mapping(sheet_mapping(coded))
    assert values["jabatan_org"] == f"{first} = KODE-TIDAK-ADA"
    assert sop_from_mapping(mapping_from_form(_form_data(values))).actor_jabatan == {first: "KODE-TIDAK-ADA"}
    page = client.post("/penyusun/periksa", data=_form_data(values)).get_data(as_text=True)
    assert 'name="jabatan_org"' in page and "Jabatan organisasi" in page
    assert "KODE-TIDAK-ADA&#39;, yang tidak ada di unit mana pun" in page  # a warning, not an error
    values["jabatan_org"] = f"{first} = KODE-A\n{second} = KODE-B\nBukan Kolom = KODE-C"
    refused = client.post("/penyusun/periksa", data=_form_data(values)).get_data(as_text=True)
    assert "kolom &#39;Bukan Kolom&#39; yang tidak ada di daftar pelaksana" in refused
    values["jabatan_org"] = f"{first} = KODE-A\n{second} = KODE-B"
    saved = client.post("/penyusun/simpan", data=_form_data(values))
    assert saved.status_code == 302
    key = saved.headers["Location"].rsplit("/", 1)[1]
    runtime = client.application.extensions["alur_runtime"]
    assert working_sop(runtime, key).actor_jabatan == {first: "KODE-A", second: "KODE-B"}
def _saved_from_the_table(client: FlaskClient, values: dict) -> str:
    response = client.post("/penyusun/simpan", data=_form_data(values))
    assert response.status_code == 302, response.get_data(as_text=True)[:400]
    return response.headers["Location"].rstrip("/").split("/")[-1]


def _send_drawing(client: FlaskClient, data: bytes, key: str) -> Any:
    return client.post("/penyusun/gambar/simpan", data={"bpmn": (io.BytesIO(data), "gambar.bpmn"), "key": key},
                       content_type="multipart/form-data")


def _shape_x(bpmn_text: str, element_id: str) -> str:
    found = re.search(rf'bpmnElement="{re.escape(element_id)}"[^>]*>\s*<dc:Bounds x="([^"]+)"', bpmn_text)
    assert found is not None, element_id
    return found.group(1)


def test_save_from_the_drawing_updates_the_draft_and_the_layout_survives_a_table_save(client: FlaskClient) -> None:
    sop = load_file(shipped_processes()[1]).sop
    values = form_from_mapping(sheet_mapping(sop))
    key = _saved_from_the_table(client, values)
    form = _form_data(values)
    form["key"] = key
    drawing = client.post("/penyusun/gambar", data=form)
    assert drawing.status_code == 200 and drawing.mimetype == "application/xml"
    text = drawing.get_data(as_text=True)
    moved = sop.steps[1].id
    old_x = _shape_x(text, moved)
    # the modeler drags one task and renames another in the drawing
    text = re.sub(rf'(bpmnElement="{moved}"[^>]*>\s*<dc:Bounds x=")[^"]+', r"\g<1>987", text, count=1)
    renamed = sop.steps[2]
    text = text.replace(f'id="{renamed.id}" name="{renamed.activity}"', f'id="{renamed.id}" name="Diperiksa ulang"', 1)
    saved = _send_drawing(client, text.encode(), key)
    assert saved.status_code == 200, saved.get_data(as_text=True)[-900:]
    assert saved.get_json()["url"].startswith(f"/penyusun/sop/{key}/ubah")
    # the table follows the drawing
    page = client.get(f"/penyusun/sop/{key}/ubah").get_data(as_text=True)
    assert "Diperiksa ulang" in page
    assert "987" not in page  # positions are not part of the table
    # a save from the table (with a new row) keeps the position set in the drawing and places the new row
    values = form_from_mapping(sheet_mapping(working_sop_of(client, key)))
    new_row = dict(values["steps"][1], id="cek_tambahan", kegiatan="Memeriksa tambahan", lanjut="", ya="", tidak="")
    values["steps"].insert(2, new_row)
    values["steps"][1]["lanjut"] = ""
    form = _form_data(values)
    form["key"] = key
    assert client.post("/penyusun/simpan", data=form).status_code == 302
    again = client.post("/penyusun/gambar", data=form).get_data(as_text=True)
    assert _shape_x(again, moved) == "987" != old_x
    assert 'bpmnElement="cek_tambahan"' in again


def working_sop_of(client: FlaskClient, key: str) -> Any:
    from engine import working_sop

    return working_sop(client.application.extensions["alur_runtime"], key)


def test_a_drawing_alur_cannot_run_is_refused_naming_the_element_and_nothing_is_saved(client: FlaskClient) -> None:
    sop = load_file(shipped_processes()[1]).sop
    values = form_from_mapping(sheet_mapping(sop))
    key = _saved_from_the_table(client, values)
    form = _form_data(values)
    form["key"] = key
    text = client.post("/penyusun/gambar", data=form).get_data(as_text=True)
    task = sop.steps[1].id
    text = re.sub(rf"<bpmn:userTask id=\"{task}\"(.*?)</bpmn:userTask>",
                  lambda m: f'<bpmn:scriptTask id="{task}"{m.group(1)}</bpmn:scriptTask>', text, count=1, flags=re.S)
    refused = _send_drawing(client, text.encode(), key)
    assert refused.status_code == 422
    problems = refused.get_json()["problems"]
    assert any(task in problem for problem in problems), problems
    assert working_sop_of(client, key) == sop
    hostile = _send_drawing(client, b"<bpmn:definitions", key)
    assert hostile.status_code == 400 and hostile.get_json()["problems"]
    empty = client.post("/penyusun/gambar/simpan", data={"key": key}, content_type="multipart/form-data")
    assert empty.status_code == 400 and "kosong" in empty.get_json()["problems"][0]


def test_import_with_no_file_chosen_says_so(client: FlaskClient) -> None:
    page = client.post("/penyusun/impor", data={}, content_type="multipart/form-data")
    assert page.status_code == 400
    assert "Pilih dulu berkas" in page.get_data(as_text=True)


def test_case_fields_and_routing_rules_come_from_their_rows(client: FlaskClient) -> None:
    sop = load_file(shipped_processes()[1]).sop
    values = form_from_mapping(sheet_mapping(sop))
    values["fields"] = [{"nama": "nik_pemohon", "label": "NIK pemohon", "label_en": "", "jenis": "nik",
                         "wajib": "ya", "pribadi": "ya", "langkah": "mulai", "pilihan": "", "lanjutan": ""},
                        {"nama": "jenis_surat", "label": "Jenis surat", "label_en": "", "jenis": "pilihan",
                         "wajib": "", "pribadi": "", "langkah": "mulai", "pilihan": "domisili, usaha", "lanjutan": ""}]
    values["rules"] = [{"kolom": values["actors"][0], "jenis": "unit", "argumen": "BKPSDM"}]
    data = mapping_from_form(_form_data(values))
    assert data["isian"][0] == {"nama": "nik_pemohon", "label": "NIK pemohon", "jenis": "nik", "wajib": True,
                                "pribadi": True, "langkah": "mulai"}
    assert data["isian"][1]["pilihan"] == ["domisili", "usaha"]
    assert data["penugasan"] == {values["actors"][0]: "unit:BKPSDM"}
    # a rule without its argument is refused by the engine's check, named next to its pelaksana
    values["rules"] = [{"kolom": values["actors"][0], "jenis": "dipilih", "argumen": ""}]
    html = client.post("/penyusun/periksa", data=_form_data(values)).get_data(as_text=True)
    assert 'class="rule has-problem"' in html


STATIC = Path(__file__).resolve().parents[2] / "webui" / "static"


def test_static_files_stay_small_and_bpmn_js_is_vendored_pinned_with_its_licence() -> None:
    own = [path for path in STATIC.iterdir() if path.is_file()]
    assert own and all(path.stat().st_size < 40_000 for path in own), {p.name: p.stat().st_size for p in own}
    vendor = STATIC / "vendor" / "bpmn-js"
    bundle = vendor / "bpmn-modeler.production.min.js"
    version = (vendor / "VERSION").read_text(encoding="utf-8").split()[1]
    assert bundle.read_text(encoding="utf-8")[:200].startswith(f"/*! bpmn-js - bpmn-modeler v{version} ")
    assert "watermark must stay fully visible" in (vendor / "LICENSE").read_text(encoding="utf-8")
    assert sum(path.stat().st_size for path in vendor.rglob("*") if path.is_file()) < 1_000_000
    for sheet in ("bpmn-js.css", "diagram-js.css", "bpmn-font/css/bpmn.css"):
        assert (vendor / sheet).is_file()
    # the CSS names only the fonts that are shipped (woff2 first, so a browser never asks for the others)
    assert (vendor / "bpmn-font" / "font" / "bpmn.woff2").is_file()


def test_the_editor_page_loads_only_its_own_scripts_and_no_inline_script(client: FlaskClient) -> None:
    html = client.get("/penyusun/baru").get_data(as_text=True)
    scripts = re.findall(r"<script([^>]*)>", html)
    assert scripts and all('src="/static/' in attributes for attributes in scripts)
    assert "http://" not in html.replace("http://www.w3.org", "") and "https://" not in html
    assert not re.search(r"\son[a-z]+=", html)  # no inline handlers (the CSP would block them)


def test_a_new_sop_saved_from_the_drawing_gets_its_register_key_once(client: FlaskClient) -> None:
    sop = load_file(shipped_processes()[2]).sop
    drawing = client.post("/penyusun/gambar", data=_form_data(form_from_mapping(sheet_mapping(sop))))
    assert drawing.status_code == 200

    def save() -> Any:
        return client.post("/penyusun/gambar/simpan", data={"bpmn": (io.BytesIO(drawing.data), "gambar.bpmn")},
                           content_type="multipart/form-data")

    first = save()
    assert first.status_code == 200
    key = first.get_json()["url"].split("/")[3]
    assert working_sop_of(client, key) == sop
    again = save()
    assert again.status_code == 409 and key in again.get_json()["problems"][0]


def test_bad_yaml_in_a_case_fields_advanced_part_is_named_and_the_table_kept(client: FlaskClient) -> None:
    sop = load_file(shipped_processes()[1]).sop
    values = form_from_mapping(sheet_mapping(sop))
    values["fields"][0]["lanjutan"] = "kolom: [tidak ditutup"
    page = client.post("/penyusun/periksa", data=_form_data(values))
    html = page.get_data(as_text=True)
    assert page.status_code == 200
    assert "isian" in html and "YAML" in html
    assert f'value="{sop.steps[1].id}"' in html  # the table is still there


def test_the_preview_answers_only_the_flowchart_with_its_server_time(client: FlaskClient) -> None:
    sop = load_file(shipped_processes()[1]).sop
    answer = client.post("/penyusun/pratinjau", data=_form_data(form_from_mapping(sheet_mapping(sop))))
    assert answer.status_code == 200 and answer.mimetype == "image/svg+xml"
    assert re.fullmatch(r"preview;dur=\d+", answer.headers["Server-Timing"])
    text = answer.get_data(as_text=True)
    assert sop.steps[1].activity[:20] in text
    assert sop.identity.pemerintah.upper() not in text  # the identity sheet is left out


def test_an_sop_with_rows_the_table_cannot_carry_is_shown_but_never_saved_from_the_table(
        app: Any, client: FlaskClient) -> None:
    """A sub-process (and its nested rows), multi-instance or a loop has no cells in the table:
    the page names each such row, and a save from the table is refused and changes nothing."""
    from engine import save_draft, working_sop
    from tests.conftest import DATA

    sop = load_file(DATA / "structure" / "subproses_berulang.yaml").sop
    runtime = app.extensions["alur_runtime"]
    save_draft(runtime, "berulang", sop, "penyusun")
    page = client.get("/penyusun/sop/berulang/ubah")
    html = page.get_data(as_text=True)
    assert page.status_code == 200 and "belum dapat diubah di tabel" in html and 'name="tabel_terkunci"' in html
    values = form_from_mapping(sheet_mapping(sop))
    form = _form_data(values)
    form["key"] = "berulang"
    saved = client.post("/penyusun/simpan", data=form)
    assert saved.status_code == 422 and "belum dapat diubah di tabel" in saved.get_data(as_text=True)
    assert working_sop(runtime, "berulang") == sop  # the draft keeps its nested rows
    path = DATA / "structure" / "subproses_berulang.yaml"
    imported = client.post("/penyusun/impor", data={"berkas": (io.BytesIO(path.read_bytes()), path.name)},
                           content_type="multipart/form-data")
    assert 'name="tabel_terkunci"' in imported.get_data(as_text=True)
    form = _form_data(form_from_mapping(sheet_mapping(sop)))
    form["tabel_terkunci"] = "1"
    assert client.post("/penyusun/simpan", data=form).status_code == 422  # an import without a key either
