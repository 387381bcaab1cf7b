"""API routes of events on the ``/api/v1`` blueprint: deliver a message to the case waiting for it,
report the error of a step being worked.

``POST /pesan/<name>`` with ``{"korelasi": "<the case field's value>", "kunci": "<dedupe key>"}``;
who may is the engine's policy (:func:`engine.deliver_message`). A second delivery with the same key
answers 200 with ``duplikat: true`` and changes nothing. ``POST /tugas/<item_id>/galat`` with
``{"kode": "BERKAS_PALSU"}``: the step's error path takes over (:func:`engine.report_step_error`).
"""

from __future__ import annotations

from flask import jsonify
from werkzeug.wrappers import Response

from engine import deliver_message, item_for, report_step_error

from .access import allow, me, runtime
from .api import OPERATIONS, bp
from .api_input import json_body, typed_member

OPERATIONS.extend([
    ("post", "/pesan/{name}", "Kirim pesan ke kasus yang menunggunya (korelasi, kunci); kiriman ulang aman",
     ("pelaksana",)),
    ("post", "/tugas/{item_id}/galat", "Laporkan galat langkah (kode): jalur galatnya yang berlanjut", ("pelaksana",)),
])


@bp.post("/pesan/<name>")
@allow("pelaksana")
def deliver(name: str) -> Response:
    body = json_body(required=True, known=("korelasi", "kunci"))
    correlation = str(typed_member(body, "korelasi", (str, int), "web.kind_string", ""))
    key = str(typed_member(body, "kunci", (str,), "web.kind_string", ""))
    delivery = deliver_message(runtime(), me(), name, correlation, key)
    return jsonify({"pesan": delivery.message, "instans": delivery.instance_id, "langkah": delivery.step_id,
                    "duplikat": delivery.duplicate})


@bp.post("/tugas/<int:item_id>/galat")
@allow("pelaksana")
def report_error(item_id: int) -> Response:
    item_for(runtime(), me(), item_id, "complete")  # the policy first: a refused caller learns nothing from the body
    body = json_body(required=True, known=("kode",))
    opened = report_step_error(runtime(), me(), item_id, str(typed_member(body, "kode", (str,), "web.kind_string", "")))
    return jsonify({"tugas": item_id, "terbuka": opened})
