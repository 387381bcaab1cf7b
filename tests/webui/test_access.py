"""Every route and API endpoint, called as every role and anonymously, against the table of who may do what.

A route added without an entry in :data:`WHO_MAY` fails :func:`test_every_route_is_in_the_table`.
"""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest
from flask import Flask

from engine import ManualClock
from engine import add_account, issue_token
from tests.conftest import SURAT_MASUK_DATA
from tests.webui.conftest import PEOPLE, SURAT, seed_people
from webui import create_app

ROLES = tuple(PEOPLE)
ALL = set(ROLES)
CLERK = {"admin", "pelaksana"}
AUDITOR = {"admin", "pemantau"}
WRITER = {"admin", "penyusun"}
READERS = {"admin", "penyusun", "verifikator", "pengesah"}
PUBLIC = ALL | {"anonim"}
ADMIN = {"admin"}

#: ``endpoint -> roles allowed`` ("anonim" = not logged in).
WHO_MAY: dict[str, set[str]] = {
    "auth.login": PUBLIC,
    "auth.logout": ALL,
    "auth.index": ALL,
    "worklist.index": CLERK,
    "worklist.claim": CLERK,
    "worklist.unclaim": CLERK,
    "worklist.task": CLERK,
    "worklist.start_list": CLERK,
    "worklist.start": CLERK,
    "worklist.history": CLERK,
    "cases.document": CLERK | AUDITOR,
    "cases.employee": CLERK,
    "audit.index": AUDITOR,
    "audit.chain": AUDITOR,
    "audit.instance": AUDITOR,
    "editor.new_sop": WRITER,
    "editor.edit": READERS,
    "editor.check": READERS,
    "editor.preview": READERS,
    "editor.number": WRITER,
    "editor.save": WRITER,
    "editor.import_file": WRITER,
    "editor.download": READERS,
    "editor.drawing": READERS,
    "editor.save_from_drawing": WRITER,
    "register.index": READERS,
    "register.sop": READERS,
    "register.submit_view": WRITER,
    "register.trial_view": WRITER,
    "register.approve_view": {"admin", "pengesah"},
    "register.answer_view": {"admin", "penyusun", "verifikator"},
    "register.accept_view": {"admin", "verifikator"},
    "register.return_view": {"admin", "verifikator"},
    "register.reject_view": {"admin", "pengesah"},
    "register.revise_view": WRITER,
    "register.download": READERS,
    "register.diff": READERS,
    "api.worklist": CLERK,
    "api.task": CLERK,
    "api.deliver": CLERK,  # events: a message to a waiting case (the policy: a clerk of the case's units)
    "api.report_error": CLERK,
    "api.attach": CLERK,
    "api.case_file": CLERK | AUDITOR,
    "api.document": CLERK | AUDITOR,
    "api.employee": CLERK,
    "api.claim": CLERK,
    "api.unclaim": CLERK,
    "api.complete": CLERK,
    "api.start": CLERK,
    "api.instances": AUDITOR,
    "api.instance": AUDITOR,
    "api.sops": ALL,
    "api.versions": ALL,
    "api.openapi": PUBLIC,
    "health.sehat": PUBLIC,
    "health.siap": PUBLIC,
    "monitor.index": {"admin", "pemantau", "penyusun", "pengesah"},
    "monitor.report": {"admin", "pemantau", "penyusun"},
    "monitor.report_pdf": {"admin", "pemantau", "penyusun"},
    "monitor.form": AUDITOR,
    "monitor.form_file": {"admin", "pemantau", "penyusun"},
    "monitor.log_file": AUDITOR,
    "monitor.conformance": {"admin", "pemantau", "penyusun"},
    "monitor.feedback": CLERK,
    "monitor.trial": {"admin", "penyusun", "pengesah", "pemantau"},
    "monitor.evaluation": {"admin", "pemantau", "penyusun"},
    # administration (an ``admin_opd`` may too, within its OPD: tests/webui/test_admin.py)
    "admin.index": ADMIN,
    "admin.unit": ADMIN,
    "admin.people": ADMIN,
    "admin.person": ADMIN,
    "admin.add_holding_view": ADMIN,
    "admin.end_holding_view": ADMIN,
    "admin.mutasi_view": ADMIN,
    "admin.disable": ADMIN,
    "admin.enable": ADMIN,
    "admin.reset_password": ADMIN,
    "admin.revoke": ADMIN,
    "admin.acting": ADMIN,
    "admin.add_acting_view": ADMIN,
    "admin.end_acting_view": ADMIN,
    "admin.import_view": ADMIN,
    "admin.export": ADMIN,
    "admin.log": ADMIN,
    "api.admin.units": ADMIN,
    "api.admin.unit": ADMIN,
    "api.admin.people": ADMIN,
    "api.admin.person": ADMIN,
    "api.admin.add_holding_api": ADMIN,
    "api.admin.end_holding_api": ADMIN,
    "api.admin.mutasi_api": ADMIN,
    "api.admin.acting": ADMIN,
    "api.admin.add_acting_api": ADMIN,
    "api.admin.end_acting_api": ADMIN,
    "api.admin.import_api": ADMIN,
    "admin.calendars": ADMIN,
    "admin.calendar_upload": ADMIN,
    "admin.calendar_download": ADMIN,
    "admin.calendar_day_add": ADMIN,
    "admin.calendar_day_remove": ADMIN,
    "api.admin.calendars": ADMIN,
    "api.admin.calendar_upload": ADMIN,
    "api.admin.deployment_day": ADMIN,
    "api.admin.unit_day": ADMIN,
    # instance administration: admin and supervisors (no supervisor among these people)
    "instances_admin.index": {"admin"},
    "instances_admin.instance": {"admin"},
    "instances_admin.act": {"admin"},
    "instances_admin.release": {"admin"},
    "instances_admin.reassign": {"admin"},
    "api.administered": {"admin"},
    "api.administer": {"admin"},
    "api.release": {"admin"},
    "api.reassign": {"admin"},
    # the seed's stages 1-3 (a Tim member has penyusun: tests/webui/test_stages_pages.py)
    **{f"stages.{name}": READERS for name in ("tim_list", "tim_page", "inventory", "entry_page", "table_file")},
    **{f"api.{name}": READERS for name in ("tim_list", "tim_get", "inventory_list", "inventory_get",
                                           "inventory_table")},
    **{name: {"admin", "verifikator"} for name in ("stages.tim_create", "stages.decision_record", "api.tim_create",
                                                   "api.inventory_decision")},
    **{name: {"admin", "penyusun", "verifikator"} for name in (
        "stages.member_add", "stages.member_end", "stages.briefing_add", "api.tim_member_add", "api.tim_member_end",
        "api.tim_briefing")},
    **{name: WRITER for name in (
        "stages.entry_add", "stages.entry_update", "stages.entry_remove", "stages.entry_write", "stages.entry_link",
        "stages.numbers_assign", "api.inventory_add", "api.inventory_update", "api.inventory_write",
        "api.inventory_link", "api.inventory_number")},
    # sosialisasi and pelatihan (stages 6-8)
    "sosialisasi.index": ALL,
    "sosialisasi.acknowledge_view": ALL,
    "sosialisasi.sop": READERS | {"pemantau"},
    "sosialisasi.plan_view": WRITER,
    "sosialisasi.distribute_view": WRITER,
    "sosialisasi.assign_view": WRITER,
    "sosialisasi.pelatihan_view": WRITER,
    "api.to_acknowledge_api": ALL,
    "api.acknowledge_api": ALL,
    "api.sosialisasi_api": READERS | {"pemantau"},
    "api.plan_api": WRITER,
    "api.distribute_api": WRITER,
    "api.assign_api": WRITER,
    "api.pelatihan_api": WRITER,
}
#: Values for URL parameters (an open work item and a running instance exist in the fixture).
ARGUMENTS = {"item_id": 1, "instance_id": 1, "key": "surat-masuk", "fmt": "yaml",
             "code": "Dinas Pendidikan dan Kebudayaan - Subbagian Umum dan Kepegawaian", "username": "pelaksana",
             "holding_id": 1, "assignment_id": 1, "name": "units.csv", "sha256": "0" * 64, "nip": "199001012015032001",
             "team_id": 1, "member_id": 1, "entry_id": 1}


def _app(tmp_path: Path) -> Flask:
    app = create_app({"TESTING": True, "SECRET_KEY": "uji", "WTF_CSRF_ENABLED": False,
                      "DATABASE_URL": f"sqlite:///{tmp_path / 'access.db'}", "CLOCK": ManualClock()})
    runtime = app.extensions["alur_runtime"]
    seed_people(runtime)
    runtime.publish(SURAT, "surat-masuk")
    runtime.start("surat-masuk", "pelaksana", {"kelengkapan": [], "alasan": "uji", "data": SURAT_MASUK_DATA})
    return app


def _calls(app: Flask) -> list[tuple[str, str, str]]:
    """``(endpoint, method, url)`` for every rule: GETs first, so state changes come last."""
    found = []
    with app.test_request_context():
        for rule in app.url_map.iter_rules():
            if rule.endpoint == "static":
                continue
            url = rule.build({name: ARGUMENTS[name] for name in rule.arguments})[1]
            for method in sorted((rule.methods or set()) - {"HEAD", "OPTIONS"}):
                found.append((rule.endpoint, method, url))
    return sorted(found, key=lambda call: (call[1] != "GET", call[0]))


def test_every_route_is_in_the_table(tmp_path: Path) -> None:
    endpoints = {endpoint for endpoint, _, _ in _calls(_app(tmp_path))}
    assert endpoints == set(WHO_MAY), f"missing: {endpoints - set(WHO_MAY)}; stale: {set(WHO_MAY) - endpoints}"


def _refused(status: int, location: str, body: str) -> bool:
    """The access layer said no (not the engine, which may refuse a step for its own reasons)."""
    return (status == 302 and "/masuk" in location) or status == 401 or (
        status == 403 and ("Peran Anda tidak diizinkan" in body))


@pytest.mark.parametrize("who", [*ROLES, "anonim"])
def test_every_route_answers_each_role_as_the_table_says(tmp_path: Path, who: str) -> None:
    app = _app(tmp_path)
    client = app.test_client()
    headers = {}
    if who != "anonim":
        assert client.post("/masuk", data={"username": who, "password": f"{who}-rahasia"}).status_code == 302
        headers["Authorization"] = "Bearer " + issue_token(app.extensions["alur_runtime"], who)
    wrong = []
    for endpoint, method, url in _calls(app):
        if endpoint == "auth.logout":
            continue  # would end the session for the calls after it; checked below
        answer = client.open(url, method=method, headers=headers if url.startswith("/api/") else {})
        refused = _refused(answer.status_code, answer.headers.get("Location", ""),
                           answer.get_data().decode("utf-8", "replace"))  # PDF downloads too
        if refused == (who in WHO_MAY[endpoint]) or answer.status_code >= 500:
            wrong.append(f"{method} {url} ({endpoint}) -> {answer.status_code}")
    logout = client.post("/keluar")
    assert (logout.status_code == 302 and "/masuk" in logout.headers["Location"])
    assert wrong == [], f"{who}: " + "; ".join(wrong)


def test_an_api_call_without_or_with_a_bad_token_is_401(client: object, app: Flask) -> None:
    test = app.test_client()
    assert test.get("/api/v1/tugas").status_code == 401
    assert test.get("/api/v1/tugas", headers={"Authorization": "Bearer alur_palsu"}).status_code == 401
    assert test.get("/api/v1/openapi.json").status_code == 200


def test_a_session_cookie_does_not_open_the_api(login: object, client: object, app: Flask) -> None:
    test = app.test_client()
    test.post("/masuk", data={"username": "pelaksana", "password": "pelaksana-rahasia"})
    assert test.get("/api/v1/tugas").status_code == 401


def test_wrong_password_is_refused_with_one_message(app: Flask) -> None:
    test = app.test_client()
    for name, password in (("pelaksana", "salah-sekali"), ("tidakada", "apa-saja-123")):
        page = test.post("/masuk", data={"username": name, "password": password})
        assert page.status_code == 200 and "Nama pengguna atau kata sandi salah." in page.get_data(as_text=True)
    assert test.get("/tugas/").status_code == 302


def test_login_next_never_leaves_the_site(app: Flask) -> None:
    test = app.test_client()
    answer = test.post("/masuk?next=https://jahat.example/", data={"username": "pelaksana",
                                                                   "password": "pelaksana-rahasia"})
    assert answer.headers["Location"] == "/tugas/"


def test_password_guessing_is_slowed_down(client: object, app: Flask) -> None:
    test = app.test_client()
    for _ in range(5):
        page = test.post("/masuk", data={"username": "pelaksana", "password": "salah"})
        assert page.status_code == 200 and "Nama pengguna atau kata sandi salah" in page.get_data(as_text=True)
    locked = test.post("/masuk", data={"username": "pelaksana", "password": "pelaksana-rahasia"})
    assert locked.status_code == 200 and "Terlalu banyak percobaan masuk" in locked.get_data(as_text=True)
    # another name is not affected
    assert test.post("/masuk", data={"username": "pemantau", "password": "pemantau-rahasia"}).status_code == 302
    # after the window the right password works again
    clock = app.extensions["alur_runtime"].clock
    clock.advance(dt.timedelta(minutes=16))
    other = app.test_client()
    assert other.post("/masuk", data={"username": "pelaksana", "password": "pelaksana-rahasia"}).status_code == 302


#: The unit dimension: people of another unit, with the roles that open item and instance routes.
OUTSIDERS = {"pelaksana-lain": (["pelaksana"], [(jabatan, "Dinas Kesehatan") for jabatan, _ in PEOPLE["pelaksana"][1]]),
             "pemantau-lain": (["pemantau"], [("Auditor", "Dinas Kesehatan")])}


@pytest.mark.parametrize("who", sorted(OUTSIDERS))
def test_routes_of_an_item_or_instance_refuse_someone_of_another_unit(tmp_path: Path, who: str) -> None:
    """Every route taking the fixture's item or instance, called by a role it admits but from another unit:
    403 or 404, and nothing changed."""
    app = _app(tmp_path)
    runtime = app.extensions["alur_runtime"]
    roles, jabatan = OUTSIDERS[who]
    add_account(runtime, who, f"{who}-rahasia", roles, jabatan=jabatan)
    client = app.test_client()
    assert client.post("/masuk", data={"username": who, "password": f"{who}-rahasia"}).status_code == 302
    headers = {"Authorization": "Bearer " + issue_token(runtime, who)}
    before = runtime.item(ARGUMENTS["item_id"])
    checked, wrong = [], []
    with app.test_request_context():
        rules = [rule for rule in app.url_map.iter_rules() if {"item_id", "instance_id"} & set(rule.arguments)]
    for rule in rules:
        if not set(roles) & WHO_MAY[rule.endpoint]:
            continue
        url = rule.build({name: ARGUMENTS[name] for name in rule.arguments})[1]
        for method in sorted((rule.methods or set()) - {"HEAD", "OPTIONS"}):
            answer = client.open(url, method=method, headers=headers if url.startswith("/api/") else {},
                                 json={"alasan": "x"} if url.startswith("/api/") and method == "POST" else None)
            checked.append(rule.endpoint)
            if answer.status_code not in (403, 404):
                wrong.append(f"{method} {url} -> {answer.status_code}")
    assert checked and wrong == [], f"{who}: " + "; ".join(wrong)
    after = runtime.item(ARGUMENTS["item_id"])
    assert (after.status, after.claimed_by, after.completed_by) == (before.status, before.claimed_by, None)


#: The monitoring pages of one SOP its assigned pemantau opens without a monitoring role (``@sop_pemantau``).
SOP_PEMANTAU_PAGES = {"monitor.report", "monitor.report_pdf", "monitor.form", "monitor.form_file", "monitor.log_file",
                      "monitor.conformance", "monitor.evaluation"}


def test_the_assigned_pemantau_of_an_sop_opens_its_monitoring_pages_and_no_other_sops(tmp_path: Path) -> None:
    from engine.lifecycle.sosialisasi import assign

    app = _app(tmp_path)
    runtime = app.extensions["alur_runtime"]
    runtime.publish(SURAT, "surat-lain")
    add_account(runtime, "pantau-surat", "pantau-surat-rahasia", ["pelaksana"], nama="Pemantau Surat", nip="1980")
    assign(runtime, "surat-masuk", "pantau-surat", "pemantau", "admin")
    assign(runtime, "surat-lain", "penyusun", "penanggung_jawab", "admin")  # another role opens no monitoring
    client = app.test_client()
    assert client.post("/masuk", data={"username": "pantau-surat", "password": "pantau-surat-rahasia"}).status_code == 302
    pages = [(endpoint, url) for endpoint, method, url in _calls(app) if method == "GET" and endpoint in SOP_PEMANTAU_PAGES]
    assert {endpoint for endpoint, _ in pages} == SOP_PEMANTAU_PAGES
    wrong = []
    for endpoint, url in pages:
        mine = client.get(url)  # a format the page does not make is a 400 past the gate, as for any reader
        if mine.status_code >= 500 or _refused(mine.status_code, mine.headers.get("Location", ""),
                                               mine.get_data().decode("utf-8", "replace")):
            wrong.append(f"{url} -> {mine.status_code}")
        other = client.get(url.replace("surat-masuk", "surat-lain"))
        if not _refused(other.status_code, other.headers.get("Location", ""), other.get_data().decode("utf-8", "replace")):
            wrong.append(f"{url.replace('surat-masuk', 'surat-lain')} -> {other.status_code} (not its SOP)")
    assert client.get("/pemantauan/").status_code == 403  # the monitoring index is the roles' only
    assert wrong == [], wrong
    # the penyusun, not assigned pemantau of either, keeps exactly what its role gives: no monitoring form
    penyusun = app.test_client()
    assert penyusun.post("/masuk", data={"username": "penyusun", "password": "penyusun-rahasia"}).status_code == 302
    for key in ("surat-masuk", "surat-lain"):
        answer = penyusun.get(f"/pemantauan/{key}/formulir")
        assert _refused(answer.status_code, "", answer.get_data().decode("utf-8", "replace")), key
