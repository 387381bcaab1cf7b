"""API route of events on the ``/api/v1`` blueprint: deliver a message to the case waiting for it.

``POST /pesan/<name>`` with ``{"korelasi": "<the case field's value>", "kunci": "<dedupe key>"}``;
who may is the engine's policy (:func:`engine.deliver_message`). A second delivery with the same key
answers 200 with ``duplikat: true`` and changes nothing.
"""

from __future__ import annotations

from flask import jsonify
from werkzeug.wrappers import Response

from engine import deliver_message

from .access import allow, me, runtime
from .api import OPERATIONS, _json, bp
from .api_input import json_body, typed_member

OPERATIONS.extend([
    ("post", "/pesan/{name}", "Kirim pesan ke kasus yang menunggunya (korelasi, kunci); kiriman ulang aman",
     ("pelaksana",)),
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
