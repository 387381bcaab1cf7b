"""The security matrix, built from the app's URL map: every route x every role x both units, 0 leaks.

:data:`ROUTES` says, for every endpoint of the app, which roles may call it and which unit the
object in its URL belongs to; a route nobody listed fails :func:`test_every_route_is_in_the_matrix`.
:func:`test_no_route_leaks_another_units_data` then calls every rule (GET and POST, API included)
as each person below, for the objects of both units, against a store with SOPs and instances in two
units, and asserts the status the table gives (302 to the login page / 401 for anonymous, 403 for a
role or unit that may not, never a 500) and that no 200 carries a marker (a clerk's name, a case's
reason, a link to a case) of a unit the person does not see.
"""

from __future__ import annotations

import io
import re
from dataclasses import dataclass
from pathlib import Path
from typing import Iterator

import pytest
from flask import Flask
from flask.testing import FlaskClient

from engine import ManualClock, add_account, issue_token, load_file
from engine.samples.case_values import sample_values
from tests.webui.conftest import SURAT, UNIT
from webui import create_app

A, B = UNIT, "Dinas Kesehatan - Subbagian Umum"
SEKRETARIAT = "Sekretariat Daerah - Bagian Organisasi"
CLERK_JABATAN = ("Pengadministrasi Perkantoran", "Kepala Subbagian Umum dan Kepegawaian", "Sekretaris",
                 "Kepala Dinas")
#: Things only a reader of the unit may see: its clerk (user name and name) and its cases' reasons.
MARKERS = {A: ("klerk-alfa", "Siti Aminah", "A-7731"), B: ("klerk-beta", "Budi Santoso", "B-4419")}

#: ``person -> (roles, jabatan, units whose data they see)``; ``None`` is anonymous.
PEOPLE: dict[str, tuple[list[str], list[tuple[str, str]], frozenset[str]]] = {
    "admin": (["admin"], [], frozenset({A, B})),
    "penyusun": (["penyusun"], [("Analis Organisasi", A)], frozenset({A})),
    "verifikator": (["verifikator"], [("Analis Kelembagaan", SEKRETARIAT)], frozenset()),
    "pengesah": (["pengesah"], [("Kepala Dinas", A)], frozenset({A})),
    "klerk-alfa": (["pelaksana"], [(jabatan, A) for jabatan in CLERK_JABATAN], frozenset({A})),
    "klerk-beta": (["pelaksana"], [(jabatan, B) for jabatan in CLERK_JABATAN], frozenset({B})),
    "pemantau-a": (["pemantau"], [("Auditor", A)], frozenset({A})),  # refused surat-b (only B runs it)
    "pemantau-b": (["pemantau"], [("Auditor", B)], frozenset({B})),  # reads surat-masuk narrowed to B
    "inspektorat": (["pemantau"], [], frozenset({A, B})),
    "supervisor-a": (["supervisor"], [("Sekretaris", A)], frozenset({A})),  # administers unit A's work
}
NAMES = {"klerk-alfa": "Siti Aminah", "klerk-beta": "Budi Santoso"}
EVERYONE = "*"
PUBLIC = "public"


@dataclass(frozen=True)
class Route:
    """What the matrix expects of one endpoint."""

    #: Roles that may call it (admin always may); :data:`EVERYONE` any logged-in person, :data:`PUBLIC` anyone.
    roles: tuple[str, ...] | str
    #: The unit check on the URL's object: "" none (the SOP register, the person's own lists),
    #: "instance"/"item" the object's unit, "monitor" the SOP's units (owner and where it ran).
    scope: str = ""
    #: Values tried for a ``<fmt>`` or ``<path:...>`` part.
    formats: tuple[str, ...] = ()
    #: False where a POST acts on work as a holder of its jabatan: admin, holding none, is refused.
    admin_acts: bool = True
    #: The object may not exist in this store (no overlap finding to answer): 404 is then right.
    may_be_missing: bool = False
    #: A query string the route needs to reach its checks (``?nip=...``).
    query: str = ""


MONITOR = ("pemantau", "penyusun")
WRITERS = ("penyusun", "verifikator", "pengesah")
ROUTES: dict[str, Route] = {
    "static": Route(PUBLIC, formats=("alur.css",)),
    "auth.login": Route(PUBLIC),
    "api.openapi": Route(PUBLIC),
    "health.sehat": Route(PUBLIC),
    "health.siap": Route(PUBLIC),
    "auth.index": Route(EVERYONE),
    "auth.logout": Route(EVERYONE),
    "api.sops": Route(EVERYONE),
    "api.versions": Route(EVERYONE),
    "api.instances": Route(("pemantau",)),
    "api.instance": Route(("pemantau",), "instance"),
    "api.worklist": Route(("pelaksana",)),
    "api.start": Route(("pelaksana",), admin_acts=False),
    "api.claim": Route(("pelaksana",), "item", admin_acts=False),
    "api.unclaim": Route(("pelaksana",), "item", admin_acts=False),
    "api.complete": Route(("pelaksana",), "item", admin_acts=False),
    "audit.index": Route(("pemantau",)),
    "audit.instance": Route(("pemantau",), "instance"),
    "audit.chain": Route(("pemantau",)),
    "monitor.index": Route(("pemantau", "penyusun", "pengesah")),
    "monitor.report": Route(MONITOR, "monitor"),
    "monitor.evaluation": Route(MONITOR, "monitor"),
    "monitor.form": Route(("pemantau",), "monitor"),
    "monitor.form_file": Route(MONITOR, "monitor", ("pdf", "xlsx")),
    "monitor.conformance": Route(MONITOR, "monitor"),
    "monitor.log_file": Route(("pemantau",), "monitor", ("csv", "xes")),
    "monitor.trial": Route(("penyusun", "pengesah", "pemantau"), "monitor"),
    "monitor.report_pdf": Route(MONITOR, "monitor", ("pdf",)),
    "monitor.feedback": Route(("pelaksana",)),
    "register.index": Route(WRITERS),
    "register.sop": Route(WRITERS),
    "register.diff": Route(WRITERS),
    "register.download": Route(WRITERS, formats=("pdf", "bpmn")),
    "register.return_view": Route(("verifikator",)),
    "register.reject_view": Route(("pengesah",)),
    "register.revise_view": Route(("penyusun",)),
    "register.approve_view": Route(("pengesah",)),
    "register.answer_view": Route(("penyusun", "verifikator"), may_be_missing=True),
    "register.accept_view": Route(("verifikator",)),
    "register.trial_view": Route(("penyusun",)),
    "register.submit_view": Route(("penyusun",)),
    "editor.new_sop": Route(("penyusun",)),
    "editor.import_file": Route(("penyusun",)),
    "editor.number": Route(("penyusun",)),
    "editor.check": Route(WRITERS),
    "editor.preview": Route(WRITERS),
    "editor.save": Route(("penyusun",)),
    "editor.edit": Route(WRITERS),
    "editor.download": Route(WRITERS, formats=("pdf",)),
    "editor.drawing": Route(WRITERS),
    "editor.save_from_drawing": Route(("penyusun",)),
    "worklist.index": Route(("pelaksana",)),
    "worklist.task": Route(("pelaksana",), "item", admin_acts=False),
    "worklist.claim": Route(("pelaksana",), "item", admin_acts=False),
    "worklist.unclaim": Route(("pelaksana",), "item", admin_acts=False),
    "worklist.start_list": Route(("pelaksana",)),
    "worklist.start": Route(("pelaksana",), admin_acts=False),
    "worklist.history": Route(("pelaksana",)),
    "cases.document": Route(("pelaksana", "pemantau"), "instance", formats=("0" * 64,), may_be_missing=True),
    "instances_admin.index": Route(("supervisor",)),
    "instances_admin.instance": Route(("supervisor",), "instance"),
    "instances_admin.act": Route(("supervisor",), "instance"),
    "instances_admin.release": Route(("supervisor",), "item"),
    "instances_admin.reassign": Route(("supervisor",), "item"),
    "api.administered": Route(("supervisor",)),
    "api.administer": Route(("supervisor",), "instance"),
    "api.release": Route(("supervisor",), "item"),
    "api.reassign": Route(("supervisor",), "item"),
    # the clerk's case: its task, file, documents (none is attached here: 404 for who may) and uploads
    "api.task": Route(("pelaksana",), "item"),
    # events: no case waits in this store, so a clerk's delivery is a 404 (never another unit's case)
    "api.deliver": Route(("pelaksana",), formats=("jawaban-pemohon",), may_be_missing=True),
    "api.report_error": Route(("pelaksana",), "item", admin_acts=False),
    "api.attach": Route(("pelaksana",), "item", admin_acts=False),
    "api.case_file": Route(("pelaksana", "pemantau"), "instance"),
    "api.document": Route(("pelaksana", "pemantau"), "instance", ("0" * 64,), may_be_missing=True),
    "cases.document": Route(("pelaksana", "pemantau"), "instance", ("0" * 64,), may_be_missing=True),
    "api.employee": Route(("pelaksana",), formats=("199001012015032001",), may_be_missing=True),
    "cases.employee": Route(("pelaksana",), may_be_missing=True, query="?nip=199001012015032001"),
    # administration of the organisation: admin (and an OPD admin within its OPD: test_unit_access.py)
    "admin.index": Route(()),
    "admin.unit": Route((), formats=(A,)),
    "admin.people": Route(()),
    "admin.person": Route((), formats=("klerk-alfa",)),
    "admin.add_holding_view": Route((), formats=("klerk-alfa",)),
    "admin.end_holding_view": Route((), formats=("1",), may_be_missing=True),
    "admin.mutasi_view": Route((), formats=("1",), may_be_missing=True),
    "admin.disable": Route((), formats=("klerk-alfa",)),
    "admin.enable": Route((), formats=("klerk-alfa",)),
    "admin.reset_password": Route((), formats=("klerk-alfa",)),
    "admin.revoke": Route((), formats=("klerk-alfa",)),
    "admin.acting": Route(()),
    "admin.add_acting_view": Route(()),
    "admin.end_acting_view": Route((), formats=("1",), may_be_missing=True),
    "admin.import_view": Route(()),
    "admin.export": Route((), formats=("units.csv",)),
    "admin.log": Route(()),
    "api.admin.units": Route(()),
    "api.admin.unit": Route((), formats=(A,)),
    "api.admin.people": Route(()),
    "api.admin.person": Route((), formats=("klerk-alfa",)),
    "api.admin.add_holding_api": Route((), formats=("klerk-alfa",)),
    "api.admin.end_holding_api": Route((), formats=("1",), may_be_missing=True),
    "api.admin.mutasi_api": Route((), formats=("1",), may_be_missing=True),
    "api.admin.acting": Route(()),
    "api.admin.add_acting_api": Route(()),
    "api.admin.end_acting_api": Route((), formats=("1",), may_be_missing=True),
    "api.admin.import_api": Route(()),
    "admin.calendars": Route(()),
    "admin.calendar_upload": Route(()),
    "admin.calendar_download": Route(()),
    "admin.calendar_day_add": Route(()),
    "admin.calendar_day_remove": Route(()),
    "api.admin.calendars": Route(()),
    "api.admin.calendar_upload": Route(()),
    "api.admin.deployment_day": Route(()),
    "api.admin.unit_day": Route((), formats=(A,)),
    # the seed's stages 1-3: no Tim or entry exists in this store (404 for who may); the engine's policy
    # decides per Tim, SKPD and entry (tests/webui/test_stages_pages.py)
    "stages.tim_list": Route(WRITERS),
    "stages.tim_create": Route(("verifikator",)),
    "stages.tim_page": Route(WRITERS, formats=("1",), may_be_missing=True),
    "stages.member_add": Route(("penyusun", "verifikator"), formats=("1",), may_be_missing=True),
    "stages.member_end": Route(("penyusun", "verifikator"), formats=("1",), may_be_missing=True),
    "stages.briefing_add": Route(("penyusun", "verifikator"), formats=("1",), may_be_missing=True),
    "stages.inventory": Route(WRITERS),
    "stages.entry_add": Route(("penyusun",)),
    "stages.entry_page": Route(WRITERS, formats=("1",), may_be_missing=True),
    "stages.entry_update": Route(("penyusun",), formats=("1",), may_be_missing=True),
    "stages.entry_remove": Route(("penyusun",), formats=("1",), may_be_missing=True),
    "stages.entry_write": Route(("penyusun",), formats=("1",), may_be_missing=True),
    "stages.entry_link": Route(("penyusun",), formats=("1",), may_be_missing=True),
    "stages.numbers_assign": Route(("penyusun",)),
    "stages.decision_record": Route(("verifikator",)),
    "stages.table_file": Route(WRITERS, formats=("pdf", "xlsx")),
    "api.tim_list": Route(WRITERS),
    "api.tim_create": Route(("verifikator",)),
    "api.tim_get": Route(WRITERS, formats=("1",), may_be_missing=True),
    "api.tim_member_add": Route(("penyusun", "verifikator"), formats=("1",), may_be_missing=True),
    "api.tim_member_end": Route(("penyusun", "verifikator"), formats=("1",), may_be_missing=True),
    "api.tim_briefing": Route(("penyusun", "verifikator"), formats=("1",), may_be_missing=True),
    "api.inventory_list": Route(WRITERS),
    "api.inventory_add": Route(("penyusun",)),
    "api.inventory_get": Route(WRITERS, formats=("1",), may_be_missing=True),
    "api.inventory_update": Route(("penyusun",), formats=("1",), may_be_missing=True),
    "api.inventory_write": Route(("penyusun",), formats=("1",), may_be_missing=True),
    "api.inventory_link": Route(("penyusun",), formats=("1",), may_be_missing=True),
    "api.inventory_number": Route(("penyusun",)),
    "api.inventory_decision": Route(("verifikator",)),
    "api.inventory_table": Route(WRITERS, query="?format=xlsx"),
    # sosialisasi and pelatihan (stages 6-8): managed for the SOP's own unit; the tanda terima is the
    # recipient's own (nobody else's SOP: 404); the page lists recipients of the units the reader sees
    "sosialisasi.index": Route(EVERYONE),
    "sosialisasi.acknowledge_view": Route(EVERYONE, may_be_missing=True),
    "sosialisasi.sop": Route(("penyusun", "verifikator", "pengesah", "pemantau")),
    "sosialisasi.plan_view": Route(("penyusun",), "monitor"),
    "sosialisasi.distribute_view": Route(("penyusun",), "monitor"),
    "sosialisasi.assign_view": Route(("penyusun",), "monitor"),
    "sosialisasi.pelatihan_view": Route(("penyusun",), "monitor"),
    "api.to_acknowledge_api": Route(EVERYONE),
    "api.acknowledge_api": Route(EVERYONE, may_be_missing=True),
    "api.sosialisasi_api": Route(("penyusun", "verifikator", "pengesah", "pemantau")),
    "api.plan_api": Route(("penyusun",), "monitor"),
    "api.distribute_api": Route(("penyusun",), "monitor"),
    "api.assign_api": Route(("penyusun",), "monitor"),
    "api.pelatihan_api": Route(("penyusun",), "monitor"),
}
#: Statuses of a POST the person may make (an empty POST may be refused as bad input or a conflict);
#: a GET the person may make answers 200 (or redirects).
ALLOWED = {200, 302, 400, 404, 409, 413, 422, 429}


@dataclass(frozen=True)
class World:
    app: Flask
    #: ``unit -> id`` of one instance and one open work item there, and of the SOPs.
    instances: dict[str, int]
    items: dict[str, int]
    #: ``SOP key -> the units it ran in or belongs to``.
    sops: dict[str, frozenset[str]]


@pytest.fixture(scope="module")
def world(tmp_path_factory: pytest.TempPathFactory) -> World:
    folder = tmp_path_factory.mktemp("matrix")
    app = create_app({"TESTING": True, "SECRET_KEY": "uji", "WTF_CSRF_ENABLED": False,
                      "DATABASE_URL": f"sqlite:///{folder / 'matrix.db'}", "CLOCK": ManualClock(),
                      "UJICOBA_GATE": None})
    runtime = app.extensions["alur_runtime"]
    for person, (roles, jabatan, _units) in PEOPLE.items():
        add_account(runtime, person, f"{person}-rahasia", roles, nama=NAMES.get(person, person.title()),
                    nip="1990", jabatan=jabatan)
    runtime.publish(SURAT, "surat-masuk")  # owned by unit A, run in A and in B
    other = load_file(SURAT).sop
    other.identity.unit = B
    other.identity.nama = "Pengelolaan Surat Masuk Dinas Kesehatan"
    runtime.publish(other, "surat-b")  # owned by unit B, run in B only
    runtime.publish(SURAT, "surat-masuk", draft=True)  # a draft on trial: the ujicoba pages have data
    runtime.publish(other, "surat-b", draft=True)
    instances, items = {}, {}
    for key, clerk, unit in (("surat-masuk", "klerk-beta", B), ("surat-b", "klerk-beta", B),
                             ("surat-masuk", "klerk-alfa", A)):
        for trial in (True, False):
            instance, opened = runtime.start(key, clerk, {"kelengkapan": [], "alasan": f"Perihal rahasia {MARKERS[unit][2]}",
                                                          "data": sample_values(other, "terima")}, trial=trial)
        instances[unit], items[unit] = instance.id, opened[0].id
    return World(app, instances, items, {"surat-masuk": frozenset({A, B}), "surat-b": frozenset({B})})


def _urls(world: World, rule: str, route: Route) -> Iterator[tuple[str, str | None]]:
    """Every URL the matrix tries for ``rule``, with the unit of its object (``None``: no unit check)."""
    parts = re.findall(r"<(?:[a-z]+:)?([a-z_0-9]+)>", rule)
    choices: list[tuple[dict[str, str], str | None]] = [({}, None)]
    for part in parts:
        expanded = []
        for values, unit in choices:
            if part == "key":
                options = [(key, units) for key, units in world.sops.items()]
                for key, units in options:
                    mine = (None if route.scope != "monitor" else
                            ",".join(sorted(units)))  # the SOP's units, checked below
                    expanded.append(({**values, part: key}, mine if unit is None else unit))
            elif part in ("instance_id", "item_id"):
                table = world.instances if part == "instance_id" else world.items
                for owner, number in table.items():
                    expanded.append(({**values, part: str(number)}, owner if route.scope else unit))
            else:
                expanded.extend(({**values, part: value}, unit) for value in route.formats)
        choices = expanded
    for values, unit in choices:
        url = rule
        for name, value in values.items():
            url = re.sub(rf"<(?:[a-z]+:)?{name}>", value, url)
        yield url + route.query, unit


def _clients(world: World) -> dict[str | None, tuple[FlaskClient, dict[str, str]]]:
    clients: dict[str | None, tuple[FlaskClient, dict[str, str]]] = {None: (world.app.test_client(), {})}
    runtime = world.app.extensions["alur_runtime"]
    for person in PEOPLE:
        client = world.app.test_client()
        answer = client.post("/masuk", data={"username": person, "password": f"{person}-rahasia"})
        assert answer.status_code == 302, person
        clients[person] = (client, {"Authorization": "Bearer " + issue_token(runtime, person)})
    return clients


def _expected(person: str | None, method: str, endpoint: str, route: Route, unit: str | None) -> set[int]:
    allowed = (({200, 302, 404} if route.may_be_missing else {200, 302}) if method == "GET" else
               ALLOWED if route.may_be_missing else ALLOWED - {404})
    if route.roles == PUBLIC:
        return allowed
    if person is None:
        return {401} if endpoint.startswith("api.") else {302}
    roles, _jabatan, sees = PEOPLE[person]
    may_role = "admin" in roles or route.roles == EVERYONE or any(role in route.roles for role in roles)
    if not may_role or ("admin" in roles and method == "POST" and not route.admin_acts):
        return {403}
    if unit is not None and not (set(unit.split(",")) & sees):
        return {403}
    return allowed


def _request(client: FlaskClient, method: str, url: str, headers: dict[str, str]):  # type: ignore[no-untyped-def]
    if method == "GET":
        return client.get(url, headers=headers)
    if url.endswith("/kesesuaian"):  # a real upload, so the check past the unit is reached
        line = "case_id,activity,timestamp\n1,Menerima surat,2026-03-02T08:00:00+07:00\n"
        return client.post(url, headers=headers, content_type="multipart/form-data",
                           data={"log": (io.BytesIO(line.encode()), "log.csv")})
    return client.post(url, headers=headers, data={})


def test_every_route_is_in_the_matrix(world: World) -> None:
    """A new route nobody listed fails here, and a listed route that is gone too."""
    endpoints = {rule.endpoint for rule in world.app.url_map.iter_rules()}
    assert sorted(endpoints - set(ROUTES)) == []
    assert sorted(set(ROUTES) - endpoints) == []


def test_no_route_leaks_another_units_data(world: World) -> None:
    clients = _clients(world)
    rules = sorted(world.app.url_map.iter_rules(), key=lambda rule: (rule.endpoint == "auth.logout", rule.rule))
    failures: list[str] = []
    calls = 0
    for rule in rules:
        route = ROUTES[rule.endpoint]
        for method in sorted(rule.methods & {"GET", "POST"}):
            for url, unit in _urls(world, rule.rule, route):
                for person, (client, headers) in clients.items():
                    answer = _request(client, method, url, headers if rule.endpoint.startswith("api.") else {})
                    calls += 1
                    expected = _expected(person, method, rule.endpoint, route, unit)
                    where = f"{person or 'anonim'} {method} {url}"
                    if answer.status_code not in expected:
                        failures.append(f"{where}: {answer.status_code}, expected {sorted(expected)}")
                    if answer.status_code == 302 and person is None and route.roles != PUBLIC:
                        if "/masuk" not in answer.headers.get("Location", ""):
                            failures.append(f"{where}: redirected to {answer.headers.get('Location')}")
                    body = answer.get_data(as_text=True) if not answer.mimetype.endswith(("pdf", "sheet")) else ""
                    answer.close()
                    if answer.status_code != 200:
                        continue
                    sees = PEOPLE[person][2] if person is not None else frozenset()
                    for other in {A, B} - sees:
                        leaked = [marker for marker in MARKERS[other] if marker in body]
                        leaked += [link for link in (f"/pantau/instans/{world.instances[other]}\"",
                                                     f"/tugas/{world.items[other]}\"") if link in body]
                        if leaked:
                            failures.append(f"{where}: 200 with {other}'s {leaked}")
    assert calls > 500
    assert failures == [], "\n".join(failures)
