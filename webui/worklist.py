"""The clerk (pelaksana): worklist, claim, the task page, starting instances, "pekerjaan saya"."""

from __future__ import annotations

from typing import Any

from flask import Blueprint, flash, redirect, render_template, request, url_for
from werkzeug.datastructures import MultiDict
from werkzeug.wrappers import Response

from engine import StepInfo, WorkItem, completion_from_fields, done_by, item_actions, item_for, start_step, \
    startable, step_of_item
from engine.errors import AccessDeniedError, AlreadyCompletedError, AlurError, DataError, TaskError

from .access import allow, me, runtime, safe_next
from .i18n import current_language, translate

bp = Blueprint("worklist", __name__, url_prefix="/tugas")

_SORTS = {
    "tenggat": lambda item: (item.due_at is None, item.due_at, item.id),
    "menunggu": lambda item: (item.ready_at, item.id),
    "sop": lambda item: (item.key, item.ready_at, item.id),
}


def _waiting(item: WorkItem) -> tuple[float, float | None]:
    calendar = runtime().calendar
    now = runtime().clock.now()
    waited = calendar.working_minutes_between(item.ready_at, now)
    standard = calendar.working_minutes_between(item.ready_at, item.due_at) if item.due_at else None
    return waited, standard


@bp.get("/")
@allow("pelaksana")
def index() -> str:
    """Open steps for every jabatan the clerk holds, most urgent first (or by waiting time or SOP)."""
    sort = request.args.get("urut", "tenggat")
    items = sorted(runtime().worklist(me().username, limit=200), key=_SORTS.get(sort, _SORTS["tenggat"]))
    rows = [(item, *_waiting(item)) for item in items]
    return render_template("worklist/index.html", rows=rows, sort=sort,
                           actions=item_actions(runtime(), me(), items))


@bp.post("/<int:item_id>/klaim")
@allow("pelaksana")
def claim(item_id: int) -> Response:
    item_for(runtime(), me(), item_id, "claim")
    runtime().claim(item_id, me().username)
    flash(translate("claimed"), "ok")
    return redirect(safe_next(request.form.get("next")) or url_for(".index"))


@bp.post("/<int:item_id>/lepas")
@allow("pelaksana")
def unclaim(item_id: int) -> Response:
    item_for(runtime(), me(), item_id, "release")
    runtime().unclaim(item_id, me().username)
    flash(translate("unclaimed"), "ok")
    return redirect(safe_next(request.form.get("next")) or url_for(".index"))


def completion_form(form: MultiDict[str, str], step: StepInfo) -> dict[str, Any]:
    """The engine's completion form from the posted task page (the engine types the values)."""
    return completion_from_fields(form, step.clerk_decides)


@bp.route("/<int:item_id>", methods=["GET", "POST"])
@allow("pelaksana")
def task(item_id: int) -> tuple[str, int] | Response | str:
    """The task page; posting completes the step (a stale or repeated form changes nothing)."""
    item = item_for(runtime(), me(), item_id, "open")
    step = step_of_item(runtime(), me(), item_id)
    error = ""
    status = 200
    if request.method == "POST":
        try:
            item_for(runtime(), me(), item_id, "complete")
            runtime().complete(item_id, me().username, completion_form(request.form, step))
        except (AlreadyCompletedError, DataError, TaskError, AccessDeniedError) as exc:
            error, status = exc.render(current_language()), exc.http_status
            item = runtime().item(item_id)
        else:
            flash(translate("completed_flash").format(kegiatan=step.kegiatan), "ok")
            return redirect(url_for(".index"))
    waited, standard = _waiting(item)
    return render_template("worklist/task.html", item=item, step=step, error=error, waited=waited,
                           standard=standard, posted=request.form), status


@bp.get("/mulai")
@allow("pelaksana")
def start_list() -> str:
    """SOPs whose first step belongs to a jabatan the clerk holds."""
    offers = []
    for key, nama, trial, unit in startable(runtime(), me()):
        offers.append((key, nama, trial, unit, start_step(runtime(), me(), key, trial)))
    return render_template("worklist/start.html", offers=offers)


@bp.post("/mulai/<key>")
@allow("pelaksana")
def start(key: str) -> Response:
    trial = request.form.get("ujicoba") == "1"
    step = start_step(runtime(), me(), key, trial)
    try:
        instance, _ = runtime().start(key, me().username, completion_form(request.form, step),
                                      unit=request.form.get("unit") or None, trial=trial)
    except AlurError as exc:
        flash(exc.render(current_language()), "error")
        return redirect(url_for(".start_list"))
    flash(translate("started_flash").format(id=instance.id, key=key), "ok")
    return redirect(url_for(".index"))


@bp.get("/riwayat")
@allow("pelaksana")
def history() -> str:
    """Pekerjaan saya: the steps this clerk completed."""
    return render_template("worklist/history.html", rows=done_by(runtime(), me()))
