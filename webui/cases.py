"""A case's documents for the people who may see the case: the download goes through the policy,
which checks the account sees the instance and writes the download to the access log."""

from __future__ import annotations

import re

from flask import Blueprint, Response, jsonify, request
from werkzeug.wrappers import Response as BaseResponse

from engine import Employee, document_for, find_employee
from engine.errors import AlurError, NotFoundError

from .access import allow, api_error_for, me, runtime
from .params import ParameterError, download_name

bp = Blueprint("cases", __name__, url_prefix="/kasus")

_SHA256 = re.compile(r"[0-9a-f]{64}\Z")


def document_response(instance_id: int, sha256: str) -> Response:
    """The document ``sha256`` of the instance as an attachment (never shown inline: a scan is not a page).

    :raises ParameterError: ``sha256`` is not a SHA-256 in hex.
    :raises AccessDeniedError: the account does not see the case (nothing is logged).
    :raises NotFoundError: no such document attached to the case.
    """
    if not _SHA256.match(sha256):
        raise ParameterError("web.bad_sha256", "sha256", value=sha256[:70])
    found, data = document_for(runtime(), me(), instance_id, sha256)
    stem, dot, suffix = found.name.rpartition(".")
    name = download_name(stem, suffix.lower()) if dot else download_name(found.name, "bin")
    return Response(data, mimetype=found.media_type,
                    headers={"Content-Disposition": f'attachment; filename="{name}"'})


@bp.get("/<int:instance_id>/dokumen/<sha256>")
@allow("pelaksana", "pemantau")
def document(instance_id: int, sha256: str) -> Response:
    """Download one document of a case."""
    return document_response(instance_id, sha256)


def employee_json(nip: str) -> Response:
    """The pegawai a NIP belongs to, as JSON (``nama``, ``nip``, ``jabatan``: today's holdings).

    :raises DataError: not 18 digits. :raises NotFoundError: nobody has it.
    :raises AccessDeniedError: the account may not look pegawai up.
    """
    found: Employee | None = find_employee(runtime(), me(), nip)
    if found is None:
        raise NotFoundError.from_code("employee_not_found")
    return jsonify({"nama": found.nama, "nip": found.nip,
                    "jabatan": [{"jabatan": jabatan, "unit": unit} for jabatan, unit in found.jabatan]})


@bp.get("/pegawai")
@allow("pelaksana", "admin_opd")
def employee() -> BaseResponse:
    """Who a NIP typed on a case form belongs to (the task and start pages ask while the clerk types);
    a refusal is JSON too, since a script reads it."""
    try:
        return employee_json(request.args.get("nip", ""))
    except AlurError as error:
        return api_error_for(error)
