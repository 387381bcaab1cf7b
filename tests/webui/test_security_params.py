"""Each parameter finding of the hardening issue, reproduced and refused (400 naming the field, or 404)."""

from __future__ import annotations

import datetime as dt
import io
from typing import Any

import pytest
from flask import Flask

from engine.access.accounts import issue_token
from engine.monitoring.form import monitoring_forms_of
from tests.conftest import SURAT_MASUK_DATA
from tests.webui.test_monitor_pages import KEY, _run_cases


def _bearer(app: Flask, who: str) -> dict[str, str]:
    return {"Authorization": "Bearer " + issue_token(app.extensions["alur_runtime"], who)}


@pytest.mark.parametrize("day", ["9999-12-31", "0001-01-01"])
def test_far_dates_are_refused_with_the_field_named(app: Flask, login: Any, day: str) -> None:
    client = login("admin")
    for path in (f"/pemantauan/{KEY}?sampai={day}", f"/pemantauan/{KEY}?dari={day}", f"/pantau/?dari={day}"):
        answer = client.get(path)
        assert answer.status_code == 400, path
        assert "sampai" in answer.get_data(as_text=True) or "dari" in answer.get_data(as_text=True)
    api = app.test_client().get(f"/api/v1/instans?sampai={day}", headers=_bearer(app, "admin"))
    assert api.status_code == 400 and "sampai" in api.get_json()["error"]


@pytest.mark.parametrize("path", ["/tugas/18446744073709551616", "/pantau/instans/18446744073709551616",
                                  "/api/v1/instans/18446744073709551616"])
def test_ids_beyond_64_bits_are_not_found(app: Flask, login: Any, path: str) -> None:
    headers = _bearer(app, "admin") if path.startswith("/api/") else {}
    assert login("admin").get(path, headers=headers).status_code == 404


def test_diff_versions_beyond_64_bits_are_refused(login: Any) -> None:
    answer = login("admin").get(f"/penyusun/sop/{KEY}/beda?dari=18446744073709551616")
    assert answer.status_code == 400 and "dari" in answer.get_data(as_text=True)


def test_a_stray_key_parameter_saves_nothing_twice_and_never_fails(app: Flask, clock: Any, login: Any) -> None:
    _run_cases(app, clock, count=1)
    client = login("pemantau")
    for stray in ("key=x", "endpoint=x"):
        assert client.get(f"/pemantauan/{KEY}?{stray}").status_code == 200
        assert client.get(f"/pemantauan/{KEY}/formulir?{stray}").status_code == 200
    saved = client.post(f"/pemantauan/{KEY}/formulir?key=x&endpoint=y&ujicoba=tidak",
                        data={"penilai": "Inspektur", "catatan_0": "cek"})
    assert saved.status_code == 302
    assert "key=" not in saved.headers["Location"] and "endpoint" not in saved.headers["Location"]
    end = clock.now().date()
    forms = monitoring_forms_of(app.extensions["alur_runtime"], KEY, end - dt.timedelta(days=182), end)
    assert len(forms) == 1


@pytest.mark.parametrize("body", ['{"form": {"a": NaN}}', '{"form": {"a": Infinity}}', "[" * 100_000 + "]" * 100_000,
                                  '{"form": {"a": ' + "9" * 5000 + "}}"])
def test_hostile_json_is_refused(app: Flask, body: str) -> None:
    answer = app.test_client().post(f"/api/v1/sop/{KEY}/instans", data=body, content_type="application/json",
                                    headers=_bearer(app, "pelaksana"))
    assert answer.status_code == 400 and answer.get_json()["field"] == "body"
    assert app.extensions["alur_runtime"].worklist("pelaksana") == []


def test_an_eleven_megabyte_catatan_is_refused_with_the_field_named(app: Flask, login: Any) -> None:
    client = login("pelaksana")
    huge = "x" * (11 * 1024 * 1024)
    answer = client.post("/tugas/mulai/surat-masuk", data={"catatan": huge})
    assert answer.status_code in (400, 413)
    api = app.test_client().post(f"/api/v1/sop/{KEY}/instans", json={"form": {"catatan": "x" * 30_000}},
                                 headers=_bearer(app, "pelaksana"))
    assert api.status_code == 400 and api.get_json()["field"] == "form.catatan"
    form = client.post("/pemantauan/umpan-balik", data={"komentar": "x" * 30_000})
    assert form.status_code == 400 and "komentar" in form.get_data(as_text=True)
    assert app.extensions["alur_runtime"].worklist("pelaksana") == []


@pytest.mark.parametrize("target", ["https://jahat.example/", "//jahat.example", "/\\jahat.example",
                                    "javascript:alert(1)", "/\tjahat"])
def test_next_never_leaves_the_site(app: Flask, login: Any, target: str) -> None:
    client = login("pelaksana")
    runtime = app.extensions["alur_runtime"]
    runtime.start(KEY, "pelaksana", {"kelengkapan": [], "alasan": "uji", "data": SURAT_MASUK_DATA},
                  unit="Dinas Pendidikan dan Kebudayaan - Subbagian Umum dan Kepegawaian")
    item = runtime.worklist("pelaksana")[0]
    for path in (f"/tugas/{item.id}/klaim", f"/tugas/{item.id}/lepas"):
        answer = client.post(path, data={"next": target})
        assert answer.status_code == 302
        assert answer.headers["Location"].startswith("/"), answer.headers["Location"]
        assert "jahat" not in answer.headers["Location"]
    fresh = app.test_client()
    login_answer = fresh.post(f"/masuk?next={target}", data={"username": "pelaksana", "password": "pelaksana-rahasia"})
    location = login_answer.headers["Location"]
    assert location.startswith("/") and not location.startswith(("//", "/\\")) and ":" not in location


def test_the_conformance_upload_is_bounded_and_shows_no_server_path(app: Flask, login: Any) -> None:
    from webui.monitor import CONFORMANCE_MAX_BYTES, CONFORMANCE_MAX_EVENTS

    assert CONFORMANCE_MAX_BYTES <= 2_000_000 and CONFORMANCE_MAX_EVENTS <= 20_000
    client = login("pemantau")
    row = b"c1,a,2026-01-01T08:00:00+07:00\n"
    app.config.update(CONFORMANCE_MAX_BYTES=len(row) * 100, CONFORMANCE_MAX_EVENTS=50)
    for rows in (200, 80):  # too many bytes; within the bytes but too many events
        big = b"case_id,activity,timestamp\n" + row * rows
        answer = client.post(f"/pemantauan/{KEY}/kesesuaian", data={"log": (io.BytesIO(big), "log.csv")},
                             content_type="multipart/form-data")
        assert answer.status_code == 400 and "&#39;log&#39; terlalu besar" in answer.get_data(as_text=True), rows
    broken = client.post(f"/pemantauan/{KEY}/kesesuaian", data={"log": (io.BytesIO(b"a,b\n1,2\n"), "catatan.csv")},
                         content_type="multipart/form-data")
    text = broken.get_data(as_text=True)
    assert broken.status_code == 400 and "/tmp" not in text and "tmp" not in text.lower().split("log.csv")[0][-20:]


@pytest.mark.parametrize("stem", ['a"; filename="x.exe', "../../etc/passwd", "\r\nSet-Cookie: x=1", "", "ok-Name_1.2"])
def test_download_names_are_sanitised(stem: str) -> None:
    from webui.params import download_name

    name = download_name(stem, "bpmn")
    assert name.endswith(".bpmn") and len(name) <= 86
    assert all(char.isalnum() or char in "._-" for char in name) and not name.startswith(".")
    if stem == "ok-Name_1.2":
        assert name == "ok-Name_1.2.bpmn"


def test_alur_check_refuses_hostile_yaml_without_a_traceback(tmp_path: Any) -> None:
    from click.testing import CliRunner

    from engine.cli.main import main

    huge = tmp_path / "angka.yaml"
    huge.write_text("nama: x\nnomor: " + "9" * 100_000 + "\n")
    deep = tmp_path / "dalam.yaml"
    deep.write_text("nama: " + "[" * 5000 + "]" * 5000 + "\n")
    result = CliRunner().invoke(main, ["check", str(huge), str(deep)])
    assert result.exit_code == 2 and result.exception is None or isinstance(result.exception, SystemExit)
    assert "Traceback" not in result.output and "tidak terbaca" in result.output
    assert "angka.yaml" in result.output and "dalam.yaml" in result.output
