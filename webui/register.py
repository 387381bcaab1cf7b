"""The SOP register (daftar inventarisasi) and each SOP's lifecycle, versions and diffs."""

from __future__ import annotations

import datetime as dt

from flask import Blueprint, Response, current_app, flash, redirect, render_template, request, url_for
from werkzeug.wrappers import Response as BaseResponse

from engine import (
    approve,
    history,
    overlaps,
    read_bpmn,
    register,
    revise,
    sop_actions,
    start_trial,
    status,
    submit,
    version_diff,
    working_sop,
)
from engine.errors import DataError, NotFoundError

from .access import allow, me, runtime
from .editor import READERS, file_response
from .i18n import current_language, translate
from .params import bounded_date, request_int

bp = Blueprint("register", __name__, url_prefix="/penyusun")


@bp.get("/")
@allow(*READERS)
def index() -> str:
    """NO, JUDUL SOP, NOMOR SOP, unit, status and version of every SOP, with search."""
    query = request.args.get("cari", "")
    return render_template("register/index.html", entries=register(runtime(), query), query=query)


@bp.get("/sop/<key>")
@allow(*READERS)
def sop(key: str) -> str:
    """An SOP's status, lifecycle buttons, overlap report (under verification), history and versions."""
    current = status(runtime(), key)
    draft = working_sop(runtime(), key)
    found = overlaps(runtime(), key, draft) if current == "verifikasi" else []
    try:
        published = runtime().versions(key)
    except NotFoundError:  # only in the register: no version yet
        published = []
    return render_template("register/sop.html", key=key, status=current, sop=draft, overlaps=found,
                           history=history(runtime(), key), versions=published, actions=sop_actions(me(), current),
                           today=runtime().clock.now().date().isoformat(), lang=current_language())


@bp.post("/sop/<key>/verifikasi")
@allow("penyusun")
def submit_view(key: str) -> BaseResponse:
    found = submit(runtime(), key, me().username)
    flash(translate("submitted_flash").format(count=len(found)), "ok")
    return redirect(url_for(".sop", key=key))


@bp.post("/sop/<key>/ujicoba")
@allow("penyusun")
def trial_view(key: str) -> BaseResponse:
    info = start_trial(runtime(), key, me().username)
    flash(translate("trial_flash").format(version=info.number), "ok")
    return redirect(url_for(".sop", key=key))


@bp.post("/sop/<key>/sahkan")
@allow("pengesah")
def approve_view(key: str) -> BaseResponse:
    effective = bounded_date("tanggal_efektif", request.form.get("tanggal_efektif", ""))
    if effective is None:
        raise DataError(translate("bad_date").format(value=""), "tanggal_efektif")
    info = approve(runtime(), key, me().username, effective, gate=current_app.config.get("UJICOBA_GATE"))
    flash(translate("approved_flash").format(version=info.number), "ok")
    return redirect(url_for(".sop", key=key))


@bp.post("/sop/<key>/revisi")
@allow("penyusun")
def revise_view(key: str) -> BaseResponse:
    revise(runtime(), key, me().username)
    flash(translate("revision_flash"), "ok")
    return redirect(url_for("editor.edit", key=key))


@bp.get("/sop/<key>/unduh/<fmt>")
@allow(*READERS)
def download(key: str, fmt: str) -> Response:
    """The working draft (or a published version with ``?versi=N``) as BPMN, YAML or PDF."""
    if fmt not in ("bpmn", "yaml", "pdf"):
        raise DataError(translate("bad_format").format(fmt=fmt))
    number = request.args.get("versi", type=int)
    found = read_bpmn(runtime().bpmn(key, number)).sop if number else working_sop(runtime(), key)
    return file_response(found, fmt)


@bp.get("/sop/<key>/beda")
@allow(*READERS)
def diff(key: str) -> str:
    """The step-by-step difference between two published versions (``?dari=1&ke=2``)."""
    before = request_int("dari") or 1
    after = request_int("ke") or before + 1
    return render_template("register/diff.html", key=key, before=before, after=after,
                           changes=version_diff(runtime(), key, before, after))
