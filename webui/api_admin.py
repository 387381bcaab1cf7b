"""The administration REST API under ``/api/v1/admin``: units, jabatan, people, holdings, Plh/Plt, the import,
the working calendars.

A blueprint nested in :mod:`webui.api` (so its endpoints are ``api.admin.*``: token authentication,
no CSRF) whose operations join :data:`webui.api.OPERATIONS`, so the OpenAPI document lists them. The
engine's policy decides what an account administers (an OPD admin: its OPD only).
"""

from __future__ import annotations

import base64
import binascii
from typing import Any

from flask import Blueprint, jsonify, request
from werkzeug.wrappers import Response

from engine import (
    acting_list,
    add_acting,
    add_holding,
    admin_calendars,
    admin_people,
    admin_person,
    admin_unit,
    admin_units,
    change_calendar_day,
    check_admin_calendar_target,
    check_admin_target,
    end_acting,
    end_holding,
    export_calendars,
    import_calendars,
    import_organisation,
    mutasi,
    parse_org_day,
)
from engine.errors import DataError, InputError

from . import api
from .access import allow, me, runtime
from .api_input import json_body
from .params import request_int

bp = Blueprint("admin", __name__, url_prefix="/admin")
ADMIN = "admin_opd"

api.OPERATIONS.extend([
    ("get", "/admin/unit", "Pohon unit yang dikelola (Pemda > OPD > unit)", (ADMIN,)),
    ("get", "/admin/unit/{code}", "Jabatan suatu unit dan pemegangnya hari ini", (ADMIN,)),
    ("get", "/admin/orang", "Pegawai (q: cari, halaman)", (ADMIN,)),
    ("get", "/admin/orang/{username}", "Seorang pegawai: jabatan yang dipegang, Plh/Plt, login", (ADMIN,)),
    ("post", "/admin/orang/{username}/jabatan", "Tambah jabatan (unit, jabatan, dari, sampai, alasan)", (ADMIN,)),
    ("post", "/admin/jabatan/{holding_id}/akhiri", "Akhiri jabatan (tanggal, alasan); klaim dikembalikan", (ADMIN,)),
    ("post", "/admin/jabatan/{holding_id}/mutasi", "Mutasi (unit, jabatan, tanggal, alasan); klaim dikembalikan",
     (ADMIN,)),
    ("get", "/admin/plh", "Penugasan Plh/Plt (berjalan=ya: hanya yang berjalan)", (ADMIN,)),
    ("post", "/admin/plh", "Tunjuk Plh/Plt (username, unit, jabatan, jenis, sk, dari, sampai)", (ADMIN,)),
    ("post", "/admin/plh/{assignment_id}/akhiri", "Akhiri penugasan Plh/Plt (tanggal, alasan)", (ADMIN,)),
    ("post", "/admin/impor", "Impor organisasi: {\"files\": {\"units.csv\": \"<base64>\", ...}, \"alasan\"}",
     ("admin",)),
    ("get", "/admin/kalender", "Kalender kerja: pemda dan unit yang dikelola, dan berkasnya (format=csv: CSV)",
     (ADMIN,)),
    ("post", "/admin/kalender", "Unggah berkas kalender (isi YAML/CSV, format, alasan); semua atau tidak sama sekali",
     ("admin",)),
    ("post", "/admin/kalender/libur", "Tambah hari libur/cuti bersama pemda (tanggal, jenis, alasan)", ("admin",)),
    ("delete", "/admin/kalender/libur", "Hapus hari libur/cuti bersama pemda (tanggal, jenis, alasan)", ("admin",)),
    ("post", "/admin/kalender/unit/{code}/libur", "Tambah hari libur/cuti bersama unit (tanggal, jenis, alasan)",
     (ADMIN,)),
    ("delete", "/admin/kalender/unit/{code}/libur", "Hapus hari libur/cuti bersama unit (tanggal, jenis, alasan)",
     (ADMIN,)),
])


def _body(*known: str) -> dict[str, Any]:
    """The JSON object posted, refused (400 naming the field) when it is malformed, not JSON, or has a key
    outside ``known``: never read as an empty form."""
    return json_body(required=True, known=known)


def _text(body: dict[str, Any], name: str) -> str:
    value = body.get(name, "")
    if not isinstance(value, str):
        raise DataError.from_code("admin_api_not_text", name, field=name)
    return value


def _day(body: dict[str, Any], name: str, *, required: bool = True) -> Any:
    return parse_org_day(_text(body, name), name, required=required)


@bp.get("/unit")
@allow(ADMIN)
def units() -> Response:
    return jsonify(api._json(admin_units(runtime(), me())))


@bp.get("/unit/<path:code>")
@allow(ADMIN)
def unit(code: str) -> Response:
    found, jabatan = admin_unit(runtime(), me(), code)
    return jsonify({"unit": api._json(found), "jabatan": api._json(jabatan)})


@bp.get("/orang")
@allow(ADMIN)
def people() -> Response:
    rows, total = admin_people(runtime(), me(), request.args.get("q", ""), request_int("halaman", 1) or 1)
    return jsonify({"total": total, "people": api._json(rows)})


@bp.get("/orang/<username>")
@allow(ADMIN)
def person(username: str) -> Response:
    return jsonify(api._json(admin_person(runtime(), me(), username)))


@bp.post("/orang/<username>/jabatan")
@allow(ADMIN)
def add_holding_api(username: str) -> tuple[Response, int]:
    check_admin_target(runtime(), me(), username=username)
    body = _body("unit", "jabatan", "dari", "sampai", "alasan")
    holding = add_holding(runtime(), me(), username, _text(body, "unit"), _text(body, "jabatan"), _day(body, "dari"),
                          _day(body, "sampai", required=False), _text(body, "alasan"))
    return jsonify({"holding": holding}), 201


@bp.post("/jabatan/<int:holding_id>/akhiri")
@allow(ADMIN)
def end_holding_api(holding_id: int) -> Response:
    check_admin_target(runtime(), me(), holding_id=holding_id)
    body = _body("tanggal", "alasan")
    released = end_holding(runtime(), me(), holding_id, _day(body, "tanggal"), _text(body, "alasan"))
    return jsonify({"released": released})


@bp.post("/jabatan/<int:holding_id>/mutasi")
@allow(ADMIN)
def mutasi_api(holding_id: int) -> tuple[Response, int]:
    check_admin_target(runtime(), me(), holding_id=holding_id)
    body = _body("unit", "jabatan", "tanggal", "alasan")
    new, released = mutasi(runtime(), me(), holding_id, _text(body, "unit"), _text(body, "jabatan"),
                           _day(body, "tanggal"), _text(body, "alasan"))
    return jsonify({"holding": new, "released": released}), 201


@bp.get("/plh")
@allow(ADMIN)
def acting() -> Response:
    running = request.args.get("berjalan", "") in ("ya", "true", "1")
    return jsonify(api._json(acting_list(runtime(), me(), running_only=running)))


@bp.post("/plh")
@allow(ADMIN)
def add_acting_api() -> tuple[Response, int]:
    check_admin_target(runtime(), me())
    body = _body("username", "unit", "jabatan", "jenis", "sk", "dari", "sampai", "alasan")
    assignment = add_acting(runtime(), me(), _text(body, "username"), _text(body, "unit"), _text(body, "jabatan"),
                            _text(body, "jenis") or "plh", _text(body, "sk"), _day(body, "dari"),
                            _day(body, "sampai", required=False), _text(body, "alasan"))
    return jsonify({"assignment": assignment}), 201


@bp.post("/plh/<int:assignment_id>/akhiri")
@allow(ADMIN)
def end_acting_api(assignment_id: int) -> Response:
    check_admin_target(runtime(), me(), assignment_id=assignment_id)
    body = _body("tanggal", "alasan")
    released = end_acting(runtime(), me(), assignment_id, _day(body, "tanggal"), _text(body, "alasan"))
    return jsonify({"released": released})


@bp.post("/impor")
@allow("admin")
def import_api() -> Response:
    body = _body("files", "alasan")
    given = body.get("files", {})
    if not isinstance(given, dict):
        raise DataError.from_code("admin_api_not_object", "files")
    files: dict[str, bytes] = {}
    for name, content in given.items():
        if not isinstance(content, str):
            raise DataError.from_code("admin_api_not_text", f"files.{name}", field=f"files.{name}")
        try:
            files[str(name)] = base64.b64decode(content, validate=True)
        except (binascii.Error, ValueError) as exc:
            raise DataError.from_code("admin_api_not_base64", f"files.{name}", field=f"files.{name}") from exc
    try:
        report = import_organisation(runtime(), me(), files, _text(body, "alasan"))
    except DataError as error:
        problems = getattr(error, "problems", ())
        if not problems:
            raise
        answer = jsonify({"error": error.render("id"), "field": "files", "problems": [
            {"file": problem.file, "line": problem.line, "column": problem.column, "message": problem.render("id")}
            for problem in problems]})
        answer.status_code = 422
        return answer
    return jsonify(api._json(report))


def _calendars(csv_format: bool) -> dict[str, Any]:
    page = admin_calendars(runtime(), me())
    return {"format": "csv" if csv_format else "yaml", "isi": export_calendars(runtime(), me(), csv_format),
            "deployment": api._json(page.deployment), "units": api._json(page.units),
            "following": list(page.following)}


@bp.get("/kalender")
@allow(ADMIN)
def calendars() -> Response:
    """The calendars readably, and as the file the upload takes (``isi``): GET, then POST ``isi`` back."""
    return jsonify(_calendars(request.args.get("format", "") == "csv"))


@bp.post("/kalender")
@allow("admin")
def calendar_upload() -> Response:
    body = _body("isi", "format", "alasan")
    kind = _text(body, "format") or "yaml"
    if kind not in ("yaml", "csv"):
        raise DataError.from_code("admin_api_bad_format", "format", value=kind[:20])
    try:
        units = import_calendars(runtime(), me(), _text(body, "isi"), kind == "csv", _text(body, "alasan"))
    except InputError as error:  # the bad entry, named; nothing stored
        answer = jsonify({"error": error.render("id"), "field": "isi", "params": api._json(error.params)})
        answer.status_code = 422
        return answer
    return jsonify({"stored": units, **_calendars(kind == "csv")})


def _calendar_day(unit: str) -> Response:
    check_admin_calendar_target(runtime(), me(), unit)
    body = _body("tanggal", "jenis", "alasan")
    calendar = change_calendar_day(runtime(), me(), unit, _day(body, "tanggal"), _text(body, "jenis"),
                                   _text(body, "alasan"), remove=request.method == "DELETE")
    return jsonify({"calendar": api._json(calendar)})


@bp.route("/kalender/libur", methods=["POST", "DELETE"])
@allow("admin")
def deployment_day() -> Response:
    """Add (POST) or remove (DELETE) one day off of the deployment's calendar."""
    return _calendar_day("")


@bp.route("/kalender/unit/<path:code>/libur", methods=["POST", "DELETE"])
@allow(ADMIN)
def unit_day(code: str) -> Response:
    """Add (POST) or remove (DELETE) one day off of a unit's calendar (its administrator is checked first)."""
    return _calendar_day(code)


api.bp.register_blueprint(bp)
