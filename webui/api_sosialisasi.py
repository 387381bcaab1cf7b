"""API routes of sosialisasi and pelatihan (stages 6-8), on the ``/api/v1`` blueprint: the SOPs handed to
the caller and their tanda terima; an SOP's plan, distribution, penanggung jawab and pemantau, and
pelatihan sessions. Simulations start with ``POST /sop/{key}/instans`` and ``"simulasi": true``.
Who may is the engine's policy, as for the pages (:mod:`webui.socialisation`)."""

from __future__ import annotations

from typing import Any

from flask import jsonify
from werkzeug.wrappers import Response

from engine import (acknowledge, check_manage_sosialisasi, assign_sop_role, distribute_sop, plan_sosialisasi, record_pelatihan,
                    sosialisasi_view, to_acknowledge)

from .access import ANY, allow, me, runtime
from .api import OPERATIONS, _json, bp
from .api_input import json_body, typed_member
from .params import bounded_date
from .socialisation import READERS

OPERATIONS.extend([
    ("get", "/sosialisasi", "SOP untuk diketahui: SOP yang didistribusikan kepada pengguna, dengan tanda terimanya",
     (ANY,)),
    ("post", "/sosialisasi/{key}/terima", "Tanda terima SOP yang didistribusikan kepada pengguna (waktunya dicatat)",
     (ANY,)),
    ("get", "/sop/{key}/sosialisasi", "Rencana sosialisasi, distribusi dan tanda terima (n dari m), penanggung "
     "jawab dan pemantau, pelatihan", READERS),
    ("post", "/sop/{key}/sosialisasi/rencana", "Simpan rencana sosialisasi versi yang disahkan terbaru",
     ("penyusun",)),
    ("post", "/sop/{key}/sosialisasi/distribusi", "Distribusikan SOP kepada pemegang jabatan pelaksananya "
     "(unit; seluruh_unit: semua pegawai unit)", ("penyusun",)),
    ("post", "/sop/{key}/penugasan", "Tetapkan atau cabut penanggung jawab/pemantau SOP", ("penyusun",)),
    ("post", "/sop/{key}/pelatihan", "Catat pelatihan (rapat, bimtek, pendampingan, simulasi) dengan pesertanya",
     ("penyusun",)),
])

PLAN_KEYS = ("jadwal_mulai", "jadwal_selesai", "tempat", "pejabat", "sasaran", "materi", "pemantauan")


def _text(body: dict[str, Any], name: str) -> str:
    return str(typed_member(body, name, (str,), "web.kind_string", ""))


@bp.get("/sosialisasi")
@allow(ANY)
def to_acknowledge_api() -> Response:
    return jsonify(_json(to_acknowledge(runtime(), me().username, include_done=True)))


@bp.post("/sosialisasi/<key>/terima")
@allow(ANY)
def acknowledge_api(key: str) -> Response:
    json_body(required=False, known=())
    return jsonify(_json(acknowledge(runtime(), key, me().username)))


@bp.get("/sop/<key>/sosialisasi")
@allow(*READERS)
def sosialisasi_api(key: str) -> Response:
    return jsonify(_json(sosialisasi_view(runtime(), me(), key)))


@bp.post("/sop/<key>/sosialisasi/rencana")
@allow("penyusun")
def plan_api(key: str) -> Response:
    check_manage_sosialisasi(runtime(), me(), key)  # who may not learns nothing about the body's checks
    body = json_body(required=True, known=PLAN_KEYS)
    fields = {name: _text(body, name) for name in PLAN_KEYS}
    saved = plan_sosialisasi(runtime(), me(), key, jadwal_mulai=bounded_date("jadwal_mulai", fields.pop("jadwal_mulai")),
                             jadwal_selesai=bounded_date("jadwal_selesai", fields.pop("jadwal_selesai")), **fields)
    return jsonify(_json(saved))


@bp.post("/sop/<key>/sosialisasi/distribusi")
@allow("penyusun")
def distribute_api(key: str) -> Response:
    check_manage_sosialisasi(runtime(), me(), key)  # who may not learns nothing about the body's checks
    body = json_body(required=False, known=("unit", "seluruh_unit"))
    unit = typed_member(body, "unit", (str, type(None)), "web.kind_string", None)
    whole = typed_member(body, "seluruh_unit", (bool,), "web.kind_boolean", False)
    return jsonify(_json(distribute_sop(runtime(), me(), key, (unit or "").strip() or None, whole)))


@bp.post("/sop/<key>/penugasan")
@allow("penyusun")
def assign_api(key: str) -> Response:
    check_manage_sosialisasi(runtime(), me(), key)  # who may not learns nothing about the body's checks
    body = json_body(required=True, known=("username", "peran", "cabut"))
    lift = typed_member(body, "cabut", (bool,), "web.kind_boolean", False)
    found = assign_sop_role(runtime(), me(), key, _text(body, "username").strip(), _text(body, "peran"), lift=lift)
    return jsonify(_json(found) if found is not None else {"dicabut": True})


@bp.post("/sop/<key>/pelatihan")
@allow("penyusun")
def pelatihan_api(key: str) -> Response:
    check_manage_sosialisasi(runtime(), me(), key)  # who may not learns nothing about the body's checks
    body = json_body(required=True, known=("tanggal", "jenis", "peserta", "catatan"))
    attendees = typed_member(body, "peserta", (list,), "web.kind_array", [])
    session = record_pelatihan(runtime(), me(), key, held_on=bounded_date("tanggal", _text(body, "tanggal")),
                               kind=_text(body, "jenis"), attendees=attendees, notes=_text(body, "catatan"))
    return jsonify(_json(session))
