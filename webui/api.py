"""The REST API ``/api/v1``: JSON, ``Authorization: Bearer <token>``, no CSRF (no cookies are read).

The same actions as the pages, with the same roles (see :mod:`webui.access`); the OpenAPI 3
document at ``/api/v1/openapi.json`` is built from :data:`OPERATIONS`, and a test checks that it
lists every route of this blueprint.
"""

from __future__ import annotations

import dataclasses
import datetime as dt
from typing import Any

from flask import Blueprint, current_app, jsonify, request
from werkzeug.wrappers import Response

from engine import Attachment, case_file_for, check_startable, instance_for, item_for, item_with_step, list_instances, \
    register_for, timeline

from .access import ANY, allow, me, runtime
from .api_input import fields_within, json_body, json_part, multipart_file, typed_flag, typed_member
from .cases import document_response, employee_json
from .paging import ALL_ROWS, list_query
from .params import ParameterError
from .openapi import openapi_document
from .params import bounded_date

bp = Blueprint("api", __name__, url_prefix="/api/v1")

#: ``(method, path, summary, roles)`` of every operation, for the OpenAPI document.
OPERATIONS: list[tuple[str, str, str, tuple[str, ...]]] = [
    ("get", "/tugas", "Daftar tugas pengguna (cari, sop, terlambat=ya, urut, hal, per): items, total, offset, limit",
     ("pelaksana",)),
    ("get", "/tugas/{item_id}", "Tugas: langkah (isian, kelengkapan), berkas kasus dan dokumen", ("pelaksana",)),
    ("post", "/tugas/{item_id}/berkas", "Lampirkan berkas (multipart) untuk butir kelengkapan atau output; "
     "menjawab sha256", ("pelaksana",)),
    ("post", "/tugas/{item_id}/klaim", "Klaim tugas", ("pelaksana",)),
    ("post", "/tugas/{item_id}/lepas", "Lepas klaim tugas", ("pelaksana",)),
    ("post", "/tugas/{item_id}/selesai", "Selesaikan tugas dengan formulir penyelesaian", ("pelaksana",)),
    ("post", "/sop/{key}/instans", "Mulai instans SOP (simulasi: true untuk latihan pada versi yang disahkan)",
     ("pelaksana",)),
    ("get", "/instans", "Daftar instans (filter: sop, status, terlambat, ujicoba, dari, sampai)", ("pemantau",)),
    ("get", "/instans/{instance_id}", "Instans dengan jejak audit dan lini masa", ("pemantau",)),
    ("get", "/instans/{instance_id}/kasus", "Berkas kasus (tampilkan=1: data pribadi tanpa samaran bila kebijakan "
     "mengizinkan, dicatat di log akses): nomor registrasi, pemohon, data (disamarkan sesuai "
     "kebijakan), riwayat langkah, tugas terbuka", ("pelaksana", "pemantau")),
    ("get", "/instans/{instance_id}/dokumen/{sha256}", "Unduh dokumen kasus (dicatat di log akses)",
     ("pelaksana", "pemantau")),
    ("get", "/pegawai/{nip}", "Pegawai menurut NIP (spasi dan titik boleh): nama, NIP, jabatan hari ini",
     ("pelaksana", "admin_opd")),
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
START_KEYS = ("form", "ujicoba", "unit", "simulasi")


@bp.get("/tugas")
@allow("pelaksana")
def worklist() -> Response:
    query = list_query()
    found = runtime().worklist_page(me().username, search=query.search, key=query.key,
                                    overdue_only=query.overdue_only, sort=query.sort, offset=query.offset,
                                    limit=query.per)
    return jsonify(_json(found))


@bp.get("/tugas/<int:item_id>")
@allow("pelaksana")
def task(item_id: int) -> Response:
    item, step = item_with_step(runtime(), me(), item_id)
    return jsonify({"item": _json(item), "step": _json(step),
                    "case": _json(case_file_for(runtime(), me(), item.instance_id)),
                    "documents": _json(runtime().documents(item.instance_id))})


@bp.post("/tugas/<int:item_id>/berkas")
@allow("pelaksana")
def attach(item_id: int) -> tuple[Response, int]:
    item_for(runtime(), me(), item_id, "complete")
    upload = multipart_file("berkas")
    requirement = request.form.get("kelengkapan", "")
    output = typed_flag("output")
    limit = int(current_app.config.get("MAX_CONTENT_LENGTH") or 12 * 1024 * 1024)
    found = runtime().attach(item_id, me().username, requirement, upload.stream.read(limit + 1),
                             upload.filename or "berkas", output=output)
    return jsonify(_json(found)), 201


@bp.post("/tugas/<int:item_id>/klaim")
@allow("pelaksana")
def claim(item_id: int) -> Response:
    item_for(runtime(), me(), item_id, "claim")
    json_body(required=False, known=())
    return jsonify(_json(runtime().claim(item_id, me().username)))


@bp.post("/tugas/<int:item_id>/lepas")
@allow("pelaksana")
def unclaim(item_id: int) -> Response:
    item_for(runtime(), me(), item_id, "release")
    json_body(required=False, known=())
    return jsonify(_json(runtime().unclaim(item_id, me().username)))


@bp.post("/tugas/<int:item_id>/selesai")
@allow("pelaksana")
def complete(item_id: int) -> Response:
    item_for(runtime(), me(), item_id, "complete")
    form = json_body(required=True, known=None)
    return jsonify(_json(runtime().complete(item_id, me().username, form)))


@bp.post("/sop/<key>/instans")
@allow("pelaksana")
def start(key: str) -> tuple[Response, int]:
    check_startable(runtime(), me(), key)  # who may not start it learns nothing about its body's checks
    attachments: list[Attachment] = []
    if request.mimetype == "multipart/form-data":  # the form as JSON in part "body", the scans beside it
        body = json_part("body", START_KEYS)
        files, items = request.files.getlist("berkas"), request.form.getlist("kelengkapan")
        if len(files) != len(items):
            raise ParameterError("web.files_and_items", "kelengkapan", files=len(files), items=len(items))
        limit = int(current_app.config.get("MAX_CONTENT_LENGTH") or 12 * 1024 * 1024)
        attachments = [Attachment(item, upload.stream.read(limit + 1), upload.filename or "berkas")
                       for item, upload in zip(items, files)]
    else:
        body = json_body(required=True, known=START_KEYS)
    form = typed_member(body, "form", (dict,), "web.kind_object", {})
    unit = typed_member(body, "unit", (str, type(None)), "web.kind_string", None)
    trial = typed_member(body, "ujicoba", (bool,), "web.kind_boolean", False)
    simulation = typed_member(body, "simulasi", (bool,), "web.kind_boolean", False)
    with fields_within("form"):
        instance, ready = runtime().start(key, me().username, form, unit=unit or None, trial=trial,
                                          attachments=attachments, simulation=simulation)
    return jsonify({"instance": _json(instance), "ready": _json(ready)}), 201


def _flag(name: str) -> bool | None:
    return {"ya": True, "true": True, "tidak": False, "false": False}.get(request.args.get(name, "").lower())


@bp.get("/instans")
@allow("pemantau")
def instances() -> Response:
    def day(name: str) -> dt.date | None:
        return bounded_date(name, request.args.get(name, ""))

    rows = list_instances(runtime(), me(), key=request.args.get("sop", ""), status=request.args.get("status", ""),
                          overdue=_flag("terlambat"), trial=_flag("ujicoba"), since=day("dari"), until=day("sampai"),
                          limit=ALL_ROWS)
    return jsonify([{**_json(row.instance), "overdue": row.overdue, "open_steps": row.open_steps} for row in rows])


@bp.get("/instans/<int:instance_id>")
@allow("pemantau")
def instance(instance_id: int) -> Response:
    instance_for(runtime(), me(), instance_id)
    found, events = runtime().trace(instance_id)
    return jsonify({"instance": _json(found), "events": _json(events),
                    "timeline": _json(timeline(runtime(), me(), instance_id))})


@bp.get("/instans/<int:instance_id>/kasus")
@allow("pelaksana", "pemantau")
def case_file(instance_id: int) -> Response:
    return jsonify(_json(case_file_for(runtime(), me(), instance_id,
                                       unmask=request.args.get("tampilkan") in ("1", "ya", "true"))))


@bp.get("/instans/<int:instance_id>/dokumen/<sha256>")
@allow("pelaksana", "pemantau")
def document(instance_id: int, sha256: str) -> Response:
    return document_response(instance_id, sha256)


@bp.get("/pegawai/<nip>")
@allow("pelaksana", "admin_opd")
def employee(nip: str) -> Response:
    return employee_json(nip)


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
