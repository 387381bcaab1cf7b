"""The API refuses what it cannot read: 400 naming the field, and nothing changes.

Before, ``POST /api/v1/tugas/N/selesai`` read a malformed JSON body, ``text/plain`` or a form body as
``{}`` and completed the step with an empty form.
"""

from __future__ import annotations

import json
from typing import Any

import pytest
from flask import Flask

from engine.access.accounts import issue_token
from tests.conftest import SURAT_MASUK_DATA
from tests.webui.conftest import UNIT

ITEMS = ["Surat masuk (fisik atau elektronik)", "Buku ekspedisi pengirim"]
#: ``(data, content type)`` bodies no POST of the API can read, and the field the answer names.
UNREADABLE: list[tuple[Any, str | None]] = [
    ("{kelengkapan: [", "application/json"),                       # malformed JSON
    ('{"keputusan": "Ya"}', "text/plain"),                         # JSON, but sent as text
    ("keputusan=Ya&catatan=x", "application/x-www-form-urlencoded"),  # a form body
    ('{"keputusan": "Ya"}', None),                                  # no Content-Type at all
    ('["Surat masuk"]', "application/json"),                       # not an object
    ('"Ya"', "application/json"),
    ("null", "application/json"),
    ('{"keputusan": NaN}', "application/json"),                    # NaN is not JSON
    ("[" * 5000 + "]" * 5000, "application/json"),                 # nesting
    ('{"a": ' + "9" * 400 + "}", "application/json"),              # a huge number
    (b"\xff\xfe{", "application/json"),                            # not UTF-8
]


def _auth(app: Flask, who: str = "pelaksana") -> dict[str, str]:
    return {"Authorization": "Bearer " + issue_token(app.extensions["alur_runtime"], who)}


def _item(app: Flask) -> int:
    _, ready = app.extensions["alur_runtime"].start("surat-masuk", "pelaksana", {"kelengkapan": ITEMS,
                                                    "data": SURAT_MASUK_DATA}, unit=UNIT)
    return int(ready[0].id)


def _post(app: Flask, path: str, data: Any, content_type: str | None) -> Any:
    headers = _auth(app)
    if content_type is None:
        return app.test_client().post(path, data=data, headers=headers)
    return app.test_client().post(path, data=data, headers={**headers, "Content-Type": content_type})


def _state(app: Flask, item: int) -> tuple[Any, ...]:
    runtime = app.extensions["alur_runtime"]
    found = runtime.item(item)
    return found.status, found.claimed_by, len(runtime.trace(found.instance_id)[1]), len(runtime.worklist("pelaksana"))


@pytest.mark.parametrize(("data", "content_type"), UNREADABLE)
@pytest.mark.parametrize("action", ["selesai", "klaim", "lepas"])
def test_an_unreadable_body_on_a_task_is_refused_and_changes_nothing(app: Flask, action: str, data: Any,
                                                                     content_type: str | None) -> None:
    item = _item(app)
    if action == "lepas":  # only a claimed item can be released
        app.extensions["alur_runtime"].claim(item, "pelaksana")
    before = _state(app, item)
    answer = _post(app, f"/api/v1/tugas/{item}/{action}", data, content_type)
    assert answer.status_code == 400, answer.get_data(as_text=True)
    assert answer.get_json()["field"] == "body"
    assert answer.get_json()["error"]
    assert _state(app, item) == before


@pytest.mark.parametrize(("data", "content_type"), UNREADABLE)
def test_an_unreadable_start_body_starts_nothing(app: Flask, data: Any, content_type: str | None) -> None:
    answer = _post(app, "/api/v1/sop/surat-masuk/instans", data, content_type)
    assert answer.status_code == 400 and answer.get_json()["field"] == "body"
    assert app.extensions["alur_runtime"].worklist("pelaksana") == []


def test_the_answer_says_what_was_wrong_in_the_asked_language(app: Flask) -> None:
    item = _item(app)
    plain = _post(app, f"/api/v1/tugas/{item}/selesai", '{"keputusan": "Ya"}', "text/plain")
    assert "application/json" in plain.get_json()["error"] and "text/plain" in plain.get_json()["error"]
    listed = _post(app, f"/api/v1/tugas/{item}/selesai?lang=en", '["a"]', "application/json")
    assert listed.get_json()["error"] == "Field 'body' must be a JSON object ({...}), not a JSON array."
    assert "Set-Cookie" not in listed.headers  # the API keeps no session, not even for the language


def test_a_completion_needs_a_body(app: Flask) -> None:
    item = _item(app)
    before = _state(app, item)
    answer = app.test_client().post(f"/api/v1/tugas/{item}/selesai", headers=_auth(app))
    assert answer.status_code == 400 and answer.get_json()["field"] == "body"
    assert _state(app, item) == before


def test_claim_takes_no_fields_but_an_empty_body_or_object(app: Flask) -> None:
    item = _item(app)
    client = app.test_client()
    refused = client.post(f"/api/v1/tugas/{item}/klaim", headers=_auth(app), json={"username": "pemantau"})
    assert refused.status_code == 400 and refused.get_json()["field"] == "body"
    assert "username" in refused.get_json()["error"]
    assert app.extensions["alur_runtime"].item(item).claimed_by is None
    assert client.post(f"/api/v1/tugas/{item}/klaim", headers=_auth(app), json={}).status_code == 200
    assert client.post(f"/api/v1/tugas/{item}/lepas", headers=_auth(app)).status_code == 200


@pytest.mark.parametrize(("body", "field"), [
    ({"form": {"kelengkapan": ITEMS}, "ujicoba": "ya"}, "ujicoba"),
    ({"kelengkapan": ITEMS}, "kelengkapan"),
    ({"form": {"kelengkapan": ITEMS}, "ujicoba": 1}, "ujicoba"),
    ({"form": ["a"]}, "form"),
    ({"form": None}, "form"),
    ({"unit": 5, "form": {"kelengkapan": ITEMS}}, "unit"),
    ({"form": {"kelengkapan": ITEMS}, "mode": "simulasi"}, "mode"),
    ({"form": {"kelengkapan": ITEMS, "catatn": "salah ketik"}}, "form.catatn"),
    ({"form": {"kelengkapan": ITEMS, "catatan": 5}}, "form.catatan"),
    ({"form": {"kelengkapan": "semua"}}, "form.kelengkapan"),
])
def test_unknown_fields_and_wrong_types_in_a_start_are_named(app: Flask, body: dict[str, Any], field: str) -> None:
    answer = app.test_client().post("/api/v1/sop/surat-masuk/instans", headers=_auth(app), json=body)
    assert answer.status_code == 400, answer.get_data(as_text=True)
    assert answer.get_json()["field"] == field
    assert app.extensions["alur_runtime"].worklist("pelaksana") == []


@pytest.mark.parametrize(("body", "field"), [
    ({"keputusan": "Ya", "kelengkapan": ["Surat masuk"], "komentar": "x"}, "komentar"),
    ({"keputusan": "Ya", "kelengkapan": ["Surat masuk"], "catatan": ["x"]}, "catatan"),
    ({"keputusan": "Mungkin", "kelengkapan": ["Surat masuk"]}, "keputusan"),
    ({"keputusan": "Ya", "kelengkapan": [1, 2]}, "kelengkapan"),
    ({"keputusan": "Ya", "kelengkapan": ["Surat masuk"], "data": ["x"]}, "data"),
])
def test_unknown_fields_and_wrong_types_in_a_completion_are_named(app: Flask, body: dict[str, Any],
                                                                   field: str) -> None:
    item = _item(app)
    before = _state(app, item)
    answer = app.test_client().post(f"/api/v1/tugas/{item}/selesai", headers=_auth(app), json=body)
    assert answer.status_code == 400, answer.get_data(as_text=True)
    assert answer.get_json()["field"] == field
    assert _state(app, item) == before


def test_a_readable_body_still_completes(app: Flask) -> None:
    item = _item(app)
    answer = app.test_client().post(f"/api/v1/tugas/{item}/selesai", headers={**_auth(app), "Content-Type":
                                    "application/json; charset=utf-8"},
                                    data=json.dumps({"keputusan": "Ya", "kelengkapan": ["Surat masuk"]}))
    assert answer.status_code == 200, answer.get_data(as_text=True)
    assert app.extensions["alur_runtime"].item(item).status != "open"


def test_the_openapi_document_lists_request_bodies_and_the_400(app: Flask) -> None:
    document = app.test_client().get("/api/v1/openapi.json").get_json()
    schemas = document["components"]["schemas"]
    for path, item in document["paths"].items():
        for method, operation in item.items():
            assert operation["responses"]["400"]["content"]["application/json"]["schema"] == {
                "$ref": "#/components/schemas/Galat"}, (method, path)
            if method == "post":
                body = operation["requestBody"]
                for content in body["content"].values():
                    assert content["schema"]["$ref"].rsplit("/", 1)[1] in schemas, (method, path)
    complete = document["paths"]["/tugas/{item_id}/selesai"]["post"]["requestBody"]
    assert complete["required"] is True
    assert set(schemas["FormulirPenyelesaian"]["properties"]) == {"kelengkapan", "alasan", "keputusan", "output",
                                                                  "catatan", "data"}
    assert set(schemas["Mulai"]["properties"]) == {"form", "unit", "ujicoba", "simulasi"}
    assert {"field", "problems"} <= set(schemas["Galat"]["properties"])
