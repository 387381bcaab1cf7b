"""Sosialisasi and pelatihan pages (Permendagri 52/2011 stages 6-8): the "SOP untuk diketahui" list with
its tanda terima button, and each approved SOP's plan, distribution with acknowledgements, penanggung
jawab and pemantau, and pelatihan sessions. Who may do what is the engine's policy; simulations start
from the start page (:mod:`webui.worklist`)."""

from __future__ import annotations

from typing import Any, Callable

from flask import Blueprint, flash, redirect, render_template, request, url_for
from werkzeug.wrappers import Response

from engine import (PELATIHAN_KINDS, acknowledge, assign_sop_role, coverage, distribute_sop, made_by_case,
                    plan_sosialisasi, record_pelatihan, sosialisasi_view, to_acknowledge)

from .access import ANY, allow, me, runtime
from .formatting import local_time
from .i18n import translate
from .params import bounded_date

bp = Blueprint("sosialisasi", __name__, url_prefix="/sosialisasi")

#: Roles that read an SOP's sosialisasi page (the engine's policy narrows what they see).
READERS = ("penyusun", "verifikator", "pengesah", "pemantau")


@bp.app_context_processor
def _lists() -> dict[str, Callable[..., Any]]:
    """``sop_to_acknowledge()`` (the person's list, for their own page) and ``sop_coverage()`` (the register's)."""
    def waiting() -> list[Any]:
        return to_acknowledge(runtime(), me().username)

    def covered() -> dict[str, Any]:
        return coverage(runtime())
    return {"sop_to_acknowledge": waiting, "sop_coverage": covered}


@bp.get("/")
@allow(ANY)
def index() -> str:
    """SOP untuk diketahui: the SOPs handed to the person, waiting for their tanda terima first."""
    return render_template("sosialisasi/index.html", rows=to_acknowledge(runtime(), me().username, include_done=True))


@bp.post("/terima/<key>")
@allow(ANY)
def acknowledge_view(key: str) -> Response:
    """The person's tanda terima of the SOP handed to them (its time is recorded once)."""
    receipt = acknowledge(runtime(), key, me().username)
    flash(translate("sos_acknowledged_flash", sop=key, at=local_time(receipt.acknowledged_at)), "ok")
    back = url_for("worklist.index") if request.form.get("kembali") == "tugas" else url_for(".index")
    return redirect(back)


@bp.get("/sop/<key>")
@allow(*READERS)
def sop(key: str) -> str:
    """An approved SOP's plan, distribution with acknowledgements, assignments and pelatihan."""
    view = sosialisasi_view(runtime(), me(), key)
    made = made_by_case(runtime(), "sosialisasi", f"{key}:{view.plan.version}") if view.plan else None
    return render_template("sosialisasi/sop.html", view=view, kinds=PELATIHAN_KINDS, made=made)


def _text(name: str) -> str:
    return request.form.get(name, "")


@bp.post("/sop/<key>/rencana")
@allow("penyusun")
def plan_view(key: str) -> Response:
    saved = plan_sosialisasi(runtime(), me(), key, jadwal_mulai=bounded_date("jadwal_mulai", _text("jadwal_mulai")),
                             jadwal_selesai=bounded_date("jadwal_selesai", _text("jadwal_selesai")),
                             pejabat=_text("pejabat"), sasaran=_text("sasaran"), pemantauan=_text("pemantauan"),
                             tempat=_text("tempat"), materi=_text("materi"))
    flash(translate("sos_plan_saved_flash", version=saved.version), "ok")
    return redirect(url_for(".sop", key=key) + "#rencana")


@bp.post("/sop/<key>/distribusi")
@allow("penyusun")
def distribute_view(key: str) -> Response:
    given = distribute_sop(runtime(), me(), key, _text("unit").strip() or None, _text("seluruh_unit") == "1")
    flash(translate("sos_distributed_flash", count=len(given)), "ok")
    return redirect(url_for(".sop", key=key) + "#distribusi")


@bp.post("/sop/<key>/penugasan")
@allow("penyusun")
def assign_view(key: str) -> Response:
    lift = _text("aksi") == "cabut"
    assign_sop_role(runtime(), me(), key, _text("username").strip(), _text("peran"), lift=lift)
    flash(translate("sos_lifted_flash" if lift else "sos_assigned_flash"), "ok")
    return redirect(url_for(".sop", key=key) + "#penugasan")


@bp.post("/sop/<key>/pelatihan")
@allow("penyusun")
def pelatihan_view(key: str) -> Response:
    session = record_pelatihan(runtime(), me(), key, held_on=bounded_date("tanggal", _text("tanggal")),
                               kind=_text("jenis"), attendees=_text("peserta"), notes=_text("catatan"))
    flash(translate("sos_pelatihan_flash", count=len(session.attendees)), "ok")
    return redirect(url_for(".sop", key=key) + "#pelatihan")
