"""The REST API ``/api/v1``: JSON, ``Authorization: Bearer <token>``, no CSRF (no cookies are read).

The same actions as the pages, with the same roles (see :mod:`webui.access`); the OpenAPI 3
document at ``/api/v1/openapi.json`` is built from :data:`OPERATIONS`, and a test checks that it
lists every route of this blueprint.
"""

from __future__ import annotations

import dataclasses
import datetime as dt
from typing import Any

from flask import Blueprint, jsonify, request
from werkzeug.wrappers import Response

from engine import completion_from_json, instance_for, item_for, list_instances, register_for, timeline

from .access import ANY, allow, me, runtime
from .api_input import fields_within, json_body, typed_member
from .openapi import openapi_document
from .params import bounded_date

bp = Blueprint("api", __name__, url_prefix="/api/v1")

#: ``(method, path, summary, roles)`` of every operation, for the OpenAPI document.
OPERATIONS: list[tuple[str, str, str, tuple[str, ...]]] = [
    ("get", "/tugas", "Daftar tugas (worklist) pengguna", ("pelaksana",)),
    ("post", "/tugas/{item_id}/klaim", "Klaim tugas", ("pelaksana",)),
    ("post", "/tugas/{item_id}/lepas", "Lepas klaim tugas", ("pelaksana",)),
    ("post", "/tugas/{item_id}/selesai", "Selesaikan tugas dengan formulir penyelesaian", ("pelaksana",)),
    ("post", "/sop/{key}/instans", "Mulai instans SOP", ("pelaksana",)),
    ("get", "/instans", "Daftar instans (filter: sop, status, terlambat, ujicoba, dari, sampai)", ("pemantau",)),
    ("get", "/instans/{instance_id}", "Instans dengan jejak audit dan lini masa", ("pemantau",)),
    ("get", "/sop", "Daftar inventarisasi SOP", (ANY,)),
    ("get", "/sop/{key}/versi", "Versi SOP", (ANY,)),
    ("get", "/openapi.json", "Dokumen OpenAPI ini", ()),
]


def _json(value: Any) -> Any:
    if dataclasses.is_dataclass(value) and not isinstance(value, type):
        return {field.name: _json(getattr(value, field.name)) for field in dataclasses.fields(value)}
    if isinstance(value, (list, tuple)):
        return [_json(item) for item in value]
    if isinstance(value, dict):
        return {str(key): _json(item) for key, item in value.items()}
    if isinstance(value, (dt.datetime, dt.date)):
        return value.isoformat()
    if isinstance(value, frozenset):
        return sorted(value)
    return value


#: Keys of the start body (``POST /sop/{key}/instans``).
START_KEYS = ("form", "ujicoba", "unit")


@bp.get("/tugas")
@allow("pelaksana")
def worklist() -> Response:
    return jsonify(_json(runtime().worklist(me().username, limit=200)))


@bp.post("/tugas/<int:item_id>/klaim")
@allow("pelaksana")
def claim(item_id: int) -> Response:
    json_body(required=False, known=())
    item_for(runtime(), me(), item_id, "claim")
    return jsonify(_json(runtime().claim(item_id, me().username)))


@bp.post("/tugas/<int:item_id>/lepas")
@allow("pelaksana")
def unclaim(item_id: int) -> Response:
    json_body(required=False, known=())
    item_for(runtime(), me(), item_id, "release")
    return jsonify(_json(runtime().unclaim(item_id, me().username)))


@bp.post("/tugas/<int:item_id>/selesai")
@allow("pelaksana")
def complete(item_id: int) -> Response:
    form = json_body(required=True, known=None)
    item_for(runtime(), me(), item_id, "complete")
    return jsonify(_json(runtime().complete(item_id, me().username, completion_from_json(form))))


@bp.post("/sop/<key>/instans")
@allow("pelaksana")
def start(key: str) -> tuple[Response, int]:
    body = json_body(required=True, known=START_KEYS)
    form = typed_member(body, "form", (dict,), "web.kind_object", {})
    unit = typed_member(body, "unit", (str, type(None)), "web.kind_string", None)
    trial = typed_member(body, "ujicoba", (bool,), "web.kind_boolean", False)
    with fields_within("form"):
        instance, ready = runtime().start(key, me().username, completion_from_json(form), unit=unit or None,
                                          trial=trial)
    return jsonify({"instance": _json(instance), "ready": _json(ready)}), 201


def _flag(name: str) -> bool | None:
    return {"ya": True, "true": True, "tidak": False, "false": False}.get(request.args.get(name, "").lower())


@bp.get("/instans")
@allow("pemantau")
def instances() -> Response:
    def day(name: str) -> dt.date | None:
        return bounded_date(name, request.args.get(name, ""))

    rows = list_instances(runtime(), me(), key=request.args.get("sop", ""), status=request.args.get("status", ""),
                          overdue=_flag("terlambat"), trial=_flag("ujicoba"), since=day("dari"), until=day("sampai"))
    return jsonify([{**_json(row.instance), "overdue": row.overdue, "open_steps": row.open_steps} for row in rows])


@bp.get("/instans/<int:instance_id>")
@allow("pemantau")
def instance(instance_id: int) -> Response:
    instance_for(runtime(), me(), instance_id)
    found, events = runtime().trace(instance_id)
    return jsonify({"instance": _json(found), "events": _json(events),
                    "timeline": _json(timeline(runtime(), me(), instance_id))})


@bp.get("/sop")
@allow(ANY)
def sops() -> Response:
    return jsonify(_json(register_for(runtime(), me(), request.args.get("cari", ""))))


@bp.get("/sop/<key>/versi")
@allow(ANY)
def versions(key: str) -> Response:
    return jsonify(_json(runtime().versions(key)))


@bp.get("/openapi.json")
def openapi() -> Response:
    return jsonify(openapi_document(OPERATIONS))
