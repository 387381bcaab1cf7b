"""The SOP register (daftar inventarisasi) and each SOP's lifecycle, versions and diffs.

Every transition is a two-step form: the button sits in a form with a "Saya yakin" checkbox that the
engine checks server-side (no script), and a reason where the SOP goes back (return, revisi).
"""

from __future__ import annotations

from typing import Any

from flask import Blueprint, Response, current_app, flash, redirect, render_template, request, url_for
from werkzeug.wrappers import Response as BaseResponse

from engine import (
    accept,
    answer_finding,
    approve,
    approver_holds,
    approver_unit,
    current_round,
    effective_date,
    entry_of_sop,
    findings,
    history,
    made_by_case,
    message,
    read_bpmn,
    register_for,
    require_confirmation,
    returned,
    revise,
    revision_requests_of,
    send_back,
    sop_actions_for,
    start_trial,
    status,
    submit,
    today_in,
    verifications_of,
    version_diff,
    working_sop,
)
from engine.errors import DataError, NotFoundError

from .access import allow, me, runtime
from .editor import READERS, file_response, step_names
from .i18n import current_language, translate
from .params import bounded_date, request_int

bp = Blueprint("register", __name__, url_prefix="/penyusun")


@bp.context_processor
def _words() -> dict[str, Any]:
    def lc(code: str, **params: object) -> str:
        return message(code, current_language(), **{name: str(value) for name, value in params.items()})
    return {"lc": lc}


def _confirmed() -> None:
    require_confirmation(request.form.get("yakin") == "1")


@bp.get("/")
@allow(*READERS)
def index() -> str:
    """NO, JUDUL SOP, NOMOR SOP, unit, status and version of every SOP, with search and open revision requests."""
    query = request.args.get("cari", "")
    open_requests = revision_requests_of(runtime(), only_open=True)
    return render_template("register/index.html", entries=register_for(runtime(), me(), query), query=query,
                           requests=open_requests)


@bp.get("/sop/<key>")
@allow(*READERS)
def sop(key: str) -> str:
    """An SOP's status, lifecycle forms, overlap findings with answers, return notes, history and versions."""
    current = status(runtime(), key)
    draft = working_sop(runtime(), key)
    found = findings(runtime(), key) if current == "verifikasi" else []
    try:
        published = runtime().versions(key)
    except NotFoundError:  # only in the register: no version yet
        published = []
    requests = revision_requests_of(runtime(), key)
    return render_template("register/sop.html", key=key, status=current, sop=draft, findings=found,
                           unanswered=sum(1 for item in found if item.answer is None),
                           round=current_round(runtime(), key), returned=returned(runtime(), key),
                           holds=approver_holds(runtime(), me(), draft),
                           actions=sop_actions_for(runtime(), me(), current, draft.identity.unit),
                           approver_unit=approver_unit(runtime(), draft),
                           history=history(runtime(), key), versions=published,
                           requests=requests, step_names=step_names(draft), lang=current_language(),
                           entry=entry_of_sop(runtime(), key), verifications=_verifications(key),
                           today=today_in(runtime().calendar.tz, runtime().clock.now()).isoformat())


def _verifications(key: str) -> list[tuple[Any, Any]]:
    """The SOP's verifikasi records, newest first, each with the case and step that made it (or ``None``)."""
    return [(found, made_by_case(runtime(), "verifikasi", found.id)) for found in verifications_of(runtime(), key)]


@bp.post("/sop/<key>/verifikasi")
@allow("penyusun")
def submit_view(key: str) -> BaseResponse:
    _confirmed()
    found = submit(runtime(), key, me().username)
    flash(translate("submitted_flash").format(count=len(found)), "ok")
    return redirect(url_for(".sop", key=key))


@bp.post("/sop/<key>/temuan")
@allow("penyusun", "verifikator")
def answer_view(key: str) -> BaseResponse:
    """Answer one overlap finding (not an overlap / merged / accepted with a reason)."""
    answer_finding(runtime(), key, me().username, request.form.get("temuan", ""), request.form.get("jawaban", ""),
                   request.form.get("alasan", ""))
    flash(message("lifecycle_answer_flash", current_language()), "ok")
    return redirect(url_for(".sop", key=key) + "#overlap")


@bp.post("/sop/<key>/terima")
@allow("verifikator")
def accept_view(key: str) -> BaseResponse:
    _confirmed()
    accept(runtime(), key, me().username)
    flash(message("lifecycle_accepted_flash", current_language()), "ok")
    return redirect(url_for(".sop", key=key))


def _row_notes() -> dict[str, str]:
    """``step_id -> note`` from the ``catatan_<step_id>`` fields ("catatan_" is about the whole SOP)."""
    return {name[len("catatan_"):]: value for name, value in request.form.items() if name.startswith("catatan_")}


@bp.post("/sop/<key>/kembalikan")
@allow("verifikator")
def return_view(key: str) -> BaseResponse:
    """The verifikator returns the SOP with a reason and notes per row."""
    _confirmed()
    send_back(runtime(), key, me().username, request.form.get("alasan", ""), _row_notes(), stage="verifikasi")
    flash(message("lifecycle_returned_flash", current_language()), "ok")
    return redirect(url_for(".sop", key=key))


@bp.post("/sop/<key>/kembalikan-pengesahan")
@allow("pengesah")
def reject_view(key: str) -> BaseResponse:
    """The pengesah returns the SOP with a reason and notes per row instead of approving it."""
    _confirmed()
    send_back(runtime(), key, me().username, request.form.get("alasan", ""), _row_notes(), stage="pengesahan")
    flash(message("lifecycle_returned_flash", current_language()), "ok")
    return redirect(url_for(".sop", key=key))


@bp.post("/sop/<key>/ujicoba")
@allow("penyusun")
def trial_view(key: str) -> BaseResponse:
    _confirmed()
    info = start_trial(runtime(), key, me().username)
    flash(translate("trial_flash").format(version=info.number), "ok")
    return redirect(url_for(".sop", key=key))


@bp.post("/sop/<key>/sahkan")
@allow("pengesah")
def approve_view(key: str) -> BaseResponse:
    _confirmed()
    text = request.form.get("tanggal_efektif", "")
    if text.strip():
        bounded_date("tanggal_efektif", text)  # a date outside the supported range is refused, naming the field
    effective = effective_date(text)
    info = approve(runtime(), key, me().username, effective, gate=current_app.config.get("UJICOBA_GATE"))
    flash(translate("approved_flash").format(version=info.number), "ok")
    return redirect(url_for(".sop", key=key))


@bp.post("/sop/<key>/revisi")
@allow("penyusun")
def revise_view(key: str) -> BaseResponse:
    _confirmed()
    revise(runtime(), key, me().username, request.form.get("alasan", ""))
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
