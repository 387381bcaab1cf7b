"""Administration pages: the units tree, a unit's jabatan, people and their holdings, mutasi, Plh/Plt,
logins (disable, enable, new temporary password, revoke tokens), the CSV import/export, the working
calendars (shown, uploaded and downloaded as the file ``alur kalender import`` reads, one day off added
or removed) and the admin log.

The engine decides who may administer what (:mod:`engine.access.policy`: ``admin`` everywhere,
``admin_opd`` inside its OPD); these views only ask it and show the answer. Every change is a POST
form with a "Saya yakin" box and a button that says what it does; every change asks a reason and is
recorded in the admin log by the engine.
"""

from __future__ import annotations

import datetime as dt

from flask import Blueprint, flash, make_response, redirect, render_template, request, url_for
from werkzeug.wrappers import Response

from engine import (
    acting_list,
    add_acting,
    add_holding,
    admin_calendars,
    admin_log_rows,
    admin_people,
    admin_person,
    admin_reset_password,
    admin_revoke_tokens,
    admin_unit,
    admin_units,
    change_calendar_day,
    end_acting,
    end_holding,
    export_calendars,
    export_organisation,
    import_calendars,
    import_organisation,
    mutasi,
    set_account_disabled,
)
from engine.errors import DataError, InputError

from .access import allow, me, runtime
from .i18n import current_language, translate
from .params import bounded_date, download_name, request_int

bp = Blueprint("admin", __name__, url_prefix="/admin")
ADMIN = "admin_opd"  # admin always may; an OPD admin within its OPD (the engine's policy narrows it)
EXPORTS = ("units.csv", "jabatan.csv", "people.csv")


def _confirmed() -> None:
    """:raises DataError: the "Saya yakin" box was not ticked (field ``yakin``)."""
    if request.form.get("yakin", "") != "1":
        raise DataError.from_code("admin_confirm", "yakin")


def _optional_day(name: str) -> dt.date | None:
    """The posted day ``name`` (``None`` when empty); :raises ParameterError: not a date."""
    return bounded_date(name, request.form.get(name, ""))


def _day(name: str) -> dt.date:
    """The posted day ``name``; :raises DataError: empty or not a date."""
    day = _optional_day(name)
    if day is None:
        raise DataError.from_code("org_field_required", name, field=name)
    return day


def _reason() -> str:
    return request.form.get("alasan", "")


@bp.get("/")
@allow(ADMIN)
def index() -> str:
    """The units tree the account administers."""
    return render_template("admin/index.html", units=admin_units(runtime(), me()))


@bp.get("/unit/<path:code>")
@allow(ADMIN)
def unit(code: str) -> str:
    """One unit: its jabatan (the head marked) and who holds each today."""
    found, jabatan = admin_unit(runtime(), me(), code)
    return render_template("admin/unit.html", unit=found, jabatan=jabatan)


@bp.get("/orang")
@allow(ADMIN)
def people() -> str:
    """People, searched by user name, nama or NIP, one page at a time."""
    page = request_int("halaman", 1) or 1
    query = request.args.get("q", "")
    rows, total = admin_people(runtime(), me(), query, page)
    return render_template("admin/people.html", rows=rows, total=total, page=page, query=query,
                           pages=max(1, -(-total // 25)))


@bp.get("/orang/<username>")
@allow(ADMIN)
def person(username: str) -> str:
    """A person: holdings (current and past), Plh/Plt assignments, the login and its tokens."""
    return render_template("admin/person.html", person=admin_person(runtime(), me(), username), password="")


@bp.post("/orang/<username>/jabatan")
@allow(ADMIN)
def add_holding_view(username: str) -> Response:
    _confirmed()
    add_holding(runtime(), me(), username, request.form.get("unit", ""), request.form.get("jabatan", ""),
                _day("dari"), _optional_day("sampai"), _reason())
    flash(translate("admin_done_holding_add"))
    return redirect(url_for("admin.person", username=username))


@bp.post("/jabatan/<int:holding_id>/akhiri")
@allow(ADMIN)
def end_holding_view(holding_id: int) -> Response:
    _confirmed()
    released = end_holding(runtime(), me(), holding_id, _day("tanggal"), _reason())
    flash(translate("admin_done_released", count=len(released)))
    return redirect(request.form.get("kembali", "") and url_for("admin.person", username=request.form["kembali"])
                    or url_for("admin.people"))


@bp.post("/jabatan/<int:holding_id>/mutasi")
@allow(ADMIN)
def mutasi_view(holding_id: int) -> Response:
    _confirmed()
    _, released = mutasi(runtime(), me(), holding_id, request.form.get("unit", ""), request.form.get("jabatan", ""),
                         _day("tanggal"), _reason())
    flash(translate("admin_done_mutasi", count=len(released)))
    return redirect(request.form.get("kembali", "") and url_for("admin.person", username=request.form["kembali"])
                    or url_for("admin.people"))


@bp.post("/orang/<username>/nonaktif")
@allow(ADMIN)
def disable(username: str) -> Response:
    _confirmed()
    set_account_disabled(runtime(), me(), username, True, _reason())
    flash(translate("admin_done_disabled"))
    return redirect(url_for("admin.person", username=username))


@bp.post("/orang/<username>/aktif")
@allow(ADMIN)
def enable(username: str) -> Response:
    _confirmed()
    set_account_disabled(runtime(), me(), username, False, _reason())
    flash(translate("admin_done_enabled"))
    return redirect(url_for("admin.person", username=username))


@bp.post("/orang/<username>/sandi")
@allow(ADMIN)
def reset_password(username: str) -> Response:
    """A new temporary password, shown on this answer only (never stored in clear, never in a redirect)."""
    _confirmed()
    password = admin_reset_password(runtime(), me(), username, _reason())
    answer = make_response(render_template("admin/person.html", person=admin_person(runtime(), me(), username),
                                           password=password))
    answer.headers["Cache-Control"] = "no-store"
    return answer


@bp.post("/orang/<username>/token")
@allow(ADMIN)
def revoke(username: str) -> Response:
    _confirmed()
    count = admin_revoke_tokens(runtime(), me(), username, _reason())
    flash(translate("admin_done_tokens", count=count))
    return redirect(url_for("admin.person", username=username))


@bp.get("/plh")
@allow(ADMIN)
def acting() -> str:
    """Plh/Plt assignments (running and past) and the form to appoint one."""
    return render_template("admin/acting.html", rows=acting_list(runtime(), me()), units=admin_units(runtime(), me()))


@bp.post("/plh")
@allow(ADMIN)
def add_acting_view() -> Response:
    _confirmed()
    add_acting(runtime(), me(), request.form.get("username", "").strip(), request.form.get("unit", ""),
               request.form.get("jabatan", ""), request.form.get("jenis", ""), request.form.get("sk", ""),
               _day("dari"), _optional_day("sampai"), _reason())
    flash(translate("admin_done_acting_add"))
    return redirect(url_for("admin.acting"))


@bp.post("/plh/<int:assignment_id>/akhiri")
@allow(ADMIN)
def end_acting_view(assignment_id: int) -> Response:
    _confirmed()
    released = end_acting(runtime(), me(), assignment_id, _day("tanggal"), _reason())
    flash(translate("admin_done_released", count=len(released)))
    return redirect(url_for("admin.acting"))


@bp.route("/impor", methods=["GET", "POST"])
@allow(ADMIN)
def import_view() -> str:
    """Upload units.csv, jabatan.csv and people.csv: all rows checked, every bad one named, all or nothing."""
    report, problems = None, ()
    if request.method == "POST":
        _confirmed()
        files = {upload.filename or "": upload.read() for upload in request.files.getlist("berkas") if upload.filename}
        try:
            report = import_organisation(runtime(), me(), files, _reason())
        except DataError as error:
            problems = getattr(error, "problems", ())
            if not problems:
                raise
    return render_template("admin/import.html", report=report, problems=problems)


@bp.get("/ekspor/<name>")
@allow(ADMIN)
def export(name: str) -> Response:
    """One of the CSV files, in the import's format, of the units the account administers."""
    files = export_organisation(runtime(), me())
    if name not in files:
        raise DataError.from_code("org_import_unknown_file", "name", file=name[:60])
    answer = make_response(files[name])
    answer.headers["Content-Type"] = "text/csv; charset=utf-8"
    answer.headers["Content-Disposition"] = f"attachment; filename={download_name(name[:-4], 'csv')}"
    return answer


@bp.get("/log")
@allow("admin")
def log() -> str:
    """The newest changes of the admin log (who, when, what, why)."""
    return render_template("admin/log.html", rows=admin_log_rows(runtime(), me(), request.args.get("target", "")))


def _calendar_page(problem: str = "") -> str:
    return render_template("admin/calendars.html", page=admin_calendars(runtime(), me()),
                           units=admin_units(runtime(), me()), problem=problem)


@bp.get("/kalender")
@allow(ADMIN)
def calendars() -> str:
    """The deployment's calendar and each administered unit's: office hours, breaks, days off by year."""
    return _calendar_page()


@bp.post("/kalender/unggah")
@allow("admin")
def calendar_upload() -> Response | tuple[str, int]:
    """Upload the YAML or CSV file of ``alur kalender import``: checked whole, stored all or nothing."""
    _confirmed()
    upload = request.files.get("berkas")
    name = (upload.filename or "") if upload else ""
    try:
        content = upload.read().decode("utf-8") if upload else ""
    except UnicodeDecodeError:
        content = "\ufffd"  # not text: the reader refuses it as unreadable
    try:
        units = import_calendars(runtime(), me(), content, name.lower().endswith(".csv"), _reason())
    except InputError as error:  # the bad entry, named, on the page with nothing stored
        return _calendar_page(error.render(current_language())), 400
    flash(translate("admin_done_calendar_import", count=len(units)))
    return redirect(url_for("admin.calendars"))


@bp.get("/kalender/unduh")
@allow(ADMIN)
def calendar_download() -> Response:
    """The stored calendars the account sees, in the upload's format (``?format=csv`` for CSV)."""
    csv_format = request.args.get("format", "") == "csv"
    answer = make_response(export_calendars(runtime(), me(), csv_format))
    answer.headers["Content-Type"] = "text/csv; charset=utf-8" if csv_format else "application/yaml; charset=utf-8"
    answer.headers["Content-Disposition"] = (
        f"attachment; filename={download_name('kalender', 'csv' if csv_format else 'yaml')}")
    return answer


def _calendar_day(remove: bool) -> Response:
    _confirmed()
    day = _day("tanggal")
    change_calendar_day(runtime(), me(), request.form.get("unit", ""), day, request.form.get("jenis", ""),
                        _reason(), remove=remove)
    flash(translate("admin_done_calendar_day_remove" if remove else "admin_done_calendar_day_add", day=day))
    return redirect(url_for("admin.calendars"))


@bp.post("/kalender/libur")
@allow(ADMIN)
def calendar_day_add() -> Response:
    """Add one day off (libur or cuti bersama) to a unit's calendar or the deployment's, with a reason."""
    return _calendar_day(False)


@bp.post("/kalender/libur/hapus")
@allow(ADMIN)
def calendar_day_remove() -> Response:
    """Remove one day off from a unit's calendar or the deployment's, with a reason."""
    return _calendar_day(True)
