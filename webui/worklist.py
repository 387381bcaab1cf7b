"""The clerk (pelaksana): worklist, claim, the task page, starting instances, "pekerjaan saya"."""

from __future__ import annotations

from typing import Any

from flask import Blueprint, current_app, flash, redirect, render_template, request, url_for
from werkzeug.datastructures import MultiDict
from werkzeug.wrappers import Response

from engine import Attachment, Completed, StepInfo, WorkItem, case_file_for, done_by, item_actions, item_for, \
    item_with_step, register_for, start_step, startable
from engine.errors import AccessDeniedError, AlreadyCompletedError, AlurError, DataError, InputError, TaskError

from .access import allow, me, runtime, safe_next
from .case_form import PostedForm, messages_by_input, read_posted, record_upload
from .paging import ALL_ROWS, list_query, page_of, pages
from .i18n import current_language, translate

bp = Blueprint("worklist", __name__, url_prefix="/tugas")

def _waiting(item: WorkItem) -> tuple[float, float | None]:
    calendar = runtime().calendar
    now = runtime().clock.now()
    waited = calendar.working_minutes_between(item.ready_at, now)
    standard = calendar.working_minutes_between(item.ready_at, item.due_at) if item.due_at else None
    return waited, standard


@bp.get("/")
@allow("pelaksana")
def index() -> str:
    """Open steps for every jabatan the clerk holds: searched by registration number or applicant,
    filtered by SOP and lateness, sorted, one page at a time with the count of all."""
    query = list_query()
    found = runtime().worklist_page(me().username, search=query.search, key=query.key,
                                    overdue_only=query.overdue_only, sort=query.sort, offset=query.offset,
                                    limit=query.per)
    rows = [(item, *_waiting(item)) for item in found.items]
    return render_template("worklist/index.html", rows=rows, page=found, query=query,
                           pages=pages(found.total, query.per), keys=_keys(),
                           actions=item_actions(runtime(), me(), found.items))


def _keys() -> list[tuple[str, str]]:
    """``(key, nama)`` of the published SOPs, for the SOP filter."""
    return [(entry.key, entry.nama or entry.key) for entry in register_for(runtime(), me()) if entry.version]


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


def _case_view(item: WorkItem, step: StepInfo) -> dict[str, Any]:
    """What the task page shows of the case (through the policy, personal values masked unless the
    account may see them): the header, the data so far, earlier steps by name and jabatan with their
    notes, and the documents."""
    # personal values show masked until the clerk asks (?tampilkan=1); the policy decides and logs it
    case = case_file_for(runtime(), me(), item.instance_id, unmask=request.args.get("tampilkan") == "1")
    asked = {field.name for field in step.fields}
    return {"case": case, "case_values": [value for value in case.values if value.field.name not in asked],
            "current": {value.field.name: value for value in case.values if value.field.name in asked},
            "documents": runtime().documents(item.instance_id)}


def _attach(item_id: int, posted: PostedForm) -> None:
    """Attach the files the page posted, naming each one's hash in its item's state.

    :raises AlurError: a file the engine refuses (type by content, size); what was attached before stays.
    """
    limit = int(current_app.config.get("MAX_CONTENT_LENGTH") or 12 * 1024 * 1024)
    for upload in posted.uploads:
        try:
            found = runtime().attach(item_id, me().username, upload.requirement, upload.read(limit), upload.name,
                                     output=upload.output)
        except AlurError as exc:
            exc.alur_upload = upload  # type: ignore[attr-defined]
            raise
        record_upload(posted, upload, found.sha256)


def finished_flash(done: Completed, kegiatan: str) -> str:
    """After completing: where the case went ("diteruskan ke <jabatan>") or that it is finished."""
    if done.next_jabatan:
        return translate("forwarded_flash", kegiatan=kegiatan, jabatan=", ".join(done.next_jabatan))
    if done.instance.status == "completed":
        return translate("finished_flash", kegiatan=kegiatan)
    return translate("completed_flash").format(kegiatan=kegiatan)


@bp.route("/<int:item_id>", methods=["GET", "POST"])
@allow("pelaksana")
def task(item_id: int) -> tuple[str, int] | Response | str:
    """The task page: the case and its form; posting attaches the files and completes the step (a
    stale or repeated form changes nothing; after an error the form keeps what was typed)."""
    item, step = item_with_step(runtime(), me(), item_id)
    errors: dict[str, str] = {}
    status = 200
    if request.method == "POST":
        posted = read_posted(request.form, request.files, step)
        try:
            item_for(runtime(), me(), item_id, "complete")
            _attach(item_id, posted)
            done = runtime().complete(item_id, me().username, posted.form)
        except (AlreadyCompletedError, DataError, TaskError, AccessDeniedError, InputError) as exc:
            errors, status = messages_by_input(exc, step, getattr(exc, "alur_upload", None)), exc.http_status
            item = runtime().item(item_id)
        else:
            flash(finished_flash(done, step.kegiatan), "ok")
            return redirect(url_for(".index"))
    waited, standard = _waiting(item)
    view = _case_view(item, step)
    shown = request.form if request.method == "POST" else _defaults(view["current"])  # what the inputs hold
    return render_template("worklist/task.html", item=item, step=step, errors=errors, waited=waited,
                           standard=standard, posted=shown, **view), status


def _defaults(current: dict[str, Any]) -> MultiDict[str, str]:
    """The inputs of fields this step may change, filled with the case's values (as a page posts them)."""
    filled: MultiDict[str, str] = MultiDict()
    for name, value in current.items():
        if value.masked:
            continue
        if isinstance(value.value, list):
            for row, cells in enumerate(value.value):
                for column, cell in (cells.items() if isinstance(cells, dict) else ()):
                    filled.add(f"f.{name}.{row}.{column}", str(cell))
        elif isinstance(value.value, bool):
            filled.add(f"f.{name}", "ya" if value.value else "tidak")
        elif value.value is not None:
            filled.add(f"f.{name}", str(value.value))
    return filled


def _start_page(errors: dict[str, str] | None = None, key: str = "", status: int = 200) -> tuple[str, int]:
    offers = []
    for offer_key, nama, trial, unit in startable(runtime(), me()):
        offers.append((offer_key, nama, trial, unit, start_step(runtime(), me(), offer_key, trial)))
    return render_template("worklist/start.html", offers=offers, errors=errors or {}, failed=key,
                           posted=request.form if key else MultiDict()), status


@bp.get("/mulai")
@allow("pelaksana")
def start_list() -> tuple[str, int]:
    """SOPs whose first step belongs to a jabatan the clerk holds, each with its start form."""
    return _start_page()


@bp.post("/mulai/<key>")
@allow("pelaksana")
def start(key: str) -> Response | tuple[str, int]:
    """Start a case: the start form's fields and kelengkapan, with the files handed in; after an
    error the start page comes back with what was typed and a message beside each wrong input."""
    trial = request.form.get("ujicoba") == "1"
    simulation = request.form.get("simulasi") == "1"  # stage 8's practice run (the engine refuses it on a trial)
    step = start_step(runtime(), me(), key, trial)
    posted = read_posted(request.form, request.files, step)
    limit = int(current_app.config.get("MAX_CONTENT_LENGTH") or 12 * 1024 * 1024)
    attachments = [Attachment(upload.requirement, upload.read(limit), upload.name, upload.output)
                   for upload in posted.uploads]
    try:
        instance, _ = runtime().start(key, me().username, posted.form, unit=request.form.get("unit") or None,
                                      trial=trial, attachments=attachments, simulation=simulation)
    except AlurError as exc:
        return _start_page(messages_by_input(exc, step), key, exc.http_status)
    if instance.simulation:
        flash(translate("sos_simulation_flash", registration=instance.registration or f"#{instance.id}"), "ok")
    else:
        flash(translate("started_case_flash", registration=instance.registration or f"#{instance.id}",
                        subject=instance.subject or ""), "ok")
    return redirect(url_for(".index"))


@bp.get("/riwayat")
@allow("pelaksana")
def history() -> str:
    """Pekerjaan saya: the steps this clerk completed, newest first, one page at a time with the count of all."""
    query = list_query(("terbaru",))
    rows = done_by(runtime(), me(), limit=ALL_ROWS, search=query.search)
    return render_template("worklist/history.html", rows=page_of(rows, query), total=len(rows), query=query,
                           pages=pages(len(rows), query.per), names=dict(_keys()))
