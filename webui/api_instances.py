"""API routes of instance administration (admin, supervisor), on the ``/api/v1`` blueprint: suspend,
resume, cancel or retry an instance, release or reassign a work item, each with ``alasan``; the
overdue work per jabatan. Who may is the engine's policy, as for the pages (:mod:`webui.instances_admin`)."""

from __future__ import annotations

from flask import jsonify
from werkzeug.wrappers import Response

from engine import administer_instance, reassign_item, release_item, supervised_work

from .access import allow, me, runtime
from .api import OPERATIONS, _json, bp
from .api_input import json_body, typed_member

OPERATIONS.extend([
    ("get", "/kelola", "Instans yang dikelola dan pekerjaan terlambat per jabatan", ("supervisor",)),
    ("post", "/kelola/instans/{instance_id}/tindakan",
     "Tangguhkan, lanjutkan, batalkan atau coba lagi instans (tindakan, alasan)", ("supervisor",)),
    ("post", "/kelola/tugas/{item_id}/lepas", "Lepas klaim tugas orang lain (alasan)", ("supervisor",)),
    ("post", "/kelola/tugas/{item_id}/alihkan", "Alihkan tugas kepada pemegang jabatan lain (kepada, alasan)",
     ("supervisor",)),
])


def _text(body: dict[str, object], name: str) -> str:
    return str(typed_member(body, name, (str,), "web.kind_string", ""))


@bp.get("/kelola")
@allow("supervisor")
def administered() -> Response:
    running, overdue = supervised_work(runtime(), me())
    return jsonify({"instans": _json(running), "terlambat": _json(overdue)})


@bp.post("/kelola/instans/<int:instance_id>/tindakan")
@allow("supervisor")
def administer(instance_id: int) -> Response:
    body = json_body(required=False, known=("tindakan", "alasan"))
    return jsonify(_json(administer_instance(runtime(), me(), instance_id, _text(body, "tindakan"),
                                             _text(body, "alasan"))))


@bp.post("/kelola/tugas/<int:item_id>/lepas")
@allow("supervisor")
def release(item_id: int) -> Response:
    body = json_body(required=False, known=("alasan",))
    return jsonify(_json(release_item(runtime(), me(), item_id, _text(body, "alasan"))))


@bp.post("/kelola/tugas/<int:item_id>/alihkan")
@allow("supervisor")
def reassign(item_id: int) -> Response:
    body = json_body(required=False, known=("kepada", "alasan"))
    return jsonify(_json(reassign_item(runtime(), me(), item_id, _text(body, "kepada"), _text(body, "alasan"))))
