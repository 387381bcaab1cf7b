"""The seed's stages 1-3 as pages: the Tim penyusun (SK, members, pembekalan) and the daftar
inventarisasi (title-only entries, the criteria checklist, analysis, numbers, the Kepala Daerah's
decision, the NO | JUDUL SOP | NOMOR SOP table as PDF/XLSX, and starting to write an entry).

Every decision about who may is the engine's (:mod:`engine.access.policy`); the views only read the
form and pass the account.
"""

from __future__ import annotations

from flask import Blueprint, Response, current_app, flash, redirect, render_template, request, url_for
from werkzeug.wrappers import Response as BaseResponse

from engine import (
    INVENTORY_CRITERIA,
    TIM_ROLES,
    add_entry,
    add_member,
    assign_numbers,
    create_tim,
    draftable_units,
    drafts_unit,
    end_member,
    inventory_entries,
    inventory_entry,
    link_sop,
    made_by_case,
    may_keep_tim,
    may_manage_stages,
    number_table,
    number_table_pdf,
    number_table_xlsx,
    parse_stage_day,
    record_briefing,
    record_decision,
    remove_entry,
    start_writing,
    tim,
    tims,
    update_entry,
)
from engine.errors import DataError

from .access import allow, me, runtime
from .i18n import current_language, translate
from .params import download_name

bp = Blueprint("stages", __name__, url_prefix="/tahapan")
#: Who reads the Tims and the inventarisasi (a Tim member has ``penyusun``); the engine checks again.
READERS = ("penyusun", "verifikator", "pengesah")
#: Who may post to the Tim and inventarisasi forms; the engine's policy decides per Tim, unit and entry.
WRITERS = ("penyusun", "verifikator")
TABLE_FORMATS = ("pdf", "xlsx")


def _pattern() -> str:
    return str(current_app.config.get("ALUR_NUMBER_PATTERN", "{urut:03d}/SOP/{unit}/{tahun}"))


@bp.get("/tim")
@allow(*READERS)
def tim_list() -> str:
    """Every Tim with its SK, and the form to set one up."""
    return render_template("stages/tims.html", tims=tims(runtime(), me()), manages=may_manage_stages(me()),
                           units=draftable_units(runtime(), me()))


@bp.post("/tim")
@allow("verifikator")
def tim_create() -> BaseResponse:
    form = request.form
    found = create_tim(runtime(), me(), form.get("unit", ""), form.get("nama", ""), form.get("sk_nomor", ""),
                       parse_stage_day(form.get("sk_tanggal", ""), "sk_tanggal"))
    flash(translate("tahap_web_tim_created", unit=found.unit), "ok")
    return redirect(url_for(".tim_page", team_id=found.id))


@bp.get("/tim/<int:team_id>")
@allow(*READERS)
def tim_page(team_id: int) -> str:
    """A Tim: SK, members with role and SKPD, pembekalan, and the forms for who keeps it."""
    return render_template("stages/tim.html", tim=tim(runtime(), me(), team_id), roles=TIM_ROLES,
                           keeps=may_keep_tim(runtime(), me(), team_id), units=draftable_units(runtime(), me()),
                           made=made_by_case(runtime(), "tim", team_id))


@bp.post("/tim/<int:team_id>/anggota")
@allow(*WRITERS)
def member_add(team_id: int) -> BaseResponse:
    form = request.form
    found = add_member(runtime(), me(), team_id, form.get("username", ""), form.get("peran", ""),
                       form.get("unit", ""))
    flash(translate("tahap_web_member_added", user=found.username), "ok")
    return redirect(url_for(".tim_page", team_id=team_id))


@bp.post("/tim/<int:team_id>/anggota/<int:member_id>/akhiri")
@allow(*WRITERS)
def member_end(team_id: int, member_id: int) -> BaseResponse:
    end_member(runtime(), me(), member_id)
    flash(translate("tahap_web_member_ended"), "ok")
    return redirect(url_for(".tim_page", team_id=team_id))


@bp.post("/tim/<int:team_id>/pembekalan")
@allow(*WRITERS)
def briefing_add(team_id: int) -> BaseResponse:
    form = request.form
    record_briefing(runtime(), me(), team_id, parse_stage_day(form.get("tanggal", ""), "tanggal"),
                    form.get("topik", ""), form.getlist("peserta"))
    flash(translate("tahap_web_briefing_recorded"), "ok")
    return redirect(url_for(".tim_page", team_id=team_id))


@bp.get("/inventarisasi")
@allow(*READERS)
def inventory() -> str:
    """The daftar inventarisasi (``?unit=`` narrows it to a unit and those below, ``?cari=`` searches)."""
    unit, query = request.args.get("unit", "").strip(), request.args.get("cari", "")
    found = inventory_entries(runtime(), me(), unit, query)
    return render_template("stages/inventory.html", entries=found, unit=unit, query=query,
                           criteria=INVENTORY_CRITERIA, units=draftable_units(runtime(), me()),
                           manages=may_manage_stages(me()))


@bp.post("/inventarisasi")
@allow("penyusun")
def entry_add() -> BaseResponse:
    form = request.form
    found = add_entry(runtime(), me(), form.get("unit", ""), form.get("judul", ""), form.getlist("kriteria"),
                      form.get("analisis", ""))
    flash(translate("tahap_web_entry_added", title=found.title), "ok")
    return redirect(url_for(".entry_page", entry_id=found.id))


@bp.get("/inventarisasi/<int:entry_id>")
@allow(*READERS)
def entry_page(entry_id: int) -> str:
    """One entry: its checklist and analysis (editable by the unit's drafters), starting to write it."""
    found = inventory_entry(runtime(), me(), entry_id)
    return render_template("stages/entry.html", entry=found, criteria=INVENTORY_CRITERIA,
                           drafts=drafts_unit(runtime(), me(), found.unit),
                           made=made_by_case(runtime(), "inventarisasi", entry_id))


@bp.post("/inventarisasi/<int:entry_id>")
@allow("penyusun")
def entry_update(entry_id: int) -> BaseResponse:
    form = request.form
    update_entry(runtime(), me(), entry_id, title=form.get("judul"), criteria=form.getlist("kriteria"),
                 analysis=form.get("analisis"))
    flash(translate("tahap_web_entry_saved"), "ok")
    return redirect(url_for(".entry_page", entry_id=entry_id))


@bp.post("/inventarisasi/<int:entry_id>/hapus")
@allow("penyusun")
def entry_remove(entry_id: int) -> BaseResponse:
    remove_entry(runtime(), me(), entry_id)
    flash(translate("tahap_web_entry_removed"), "ok")
    return redirect(url_for(".inventory"))


@bp.post("/inventarisasi/<int:entry_id>/tulis")
@allow("penyusun")
def entry_write(entry_id: int) -> BaseResponse:
    """Writing starts: the entry becomes a draft of the register, opened in the table editor."""
    key = start_writing(runtime(), me(), entry_id)
    flash(translate("tahap_web_writing_started", sop=key), "ok")
    return redirect(url_for("editor.edit", key=key))


@bp.post("/inventarisasi/<int:entry_id>/tautkan")
@allow("penyusun")
def entry_link(entry_id: int) -> BaseResponse:
    link_sop(runtime(), me(), entry_id, request.form.get("sop", ""))
    flash(translate("tahap_web_entry_saved"), "ok")
    return redirect(url_for(".entry_page", entry_id=entry_id))


@bp.post("/inventarisasi/nomori")
@allow("penyusun")
def numbers_assign() -> BaseResponse:
    unit = request.form.get("unit", "")
    found = assign_numbers(runtime(), me(), unit, _pattern(), request.form.get("kode", ""))
    flash(translate("tahap_web_numbered", count=len(found)), "ok")
    return redirect(url_for(".inventory", unit=unit.strip()))


@bp.post("/inventarisasi/keputusan")
@allow("verifikator")
def decision_record() -> BaseResponse:
    form = request.form
    decision, fixed = record_decision(runtime(), me(), form.get("nomor", ""),
                                      parse_stage_day(form.get("tanggal", ""), "tanggal"), form.get("unit", ""))
    flash(translate("tahap_web_decision_recorded", number=decision.number, count=len(fixed)), "ok")
    return redirect(url_for(".inventory", unit=form.get("unit", "").strip()))


@bp.get("/inventarisasi/tabel/<fmt>")
@allow(*READERS)
def table_file(fmt: str) -> Response:
    """The NO | JUDUL SOP | NOMOR SOP table of ``?unit=`` (or of every unit) as PDF or XLSX."""
    if fmt not in TABLE_FORMATS:
        raise DataError.from_code("tahap_web_bad_format", "fmt", fmt=fmt)
    unit = request.args.get("unit", "").strip()
    lang = current_language()
    table = number_table(inventory_entries(runtime(), me(), unit), unit, lang)
    if fmt == "pdf":
        body, mimetype = number_table_pdf(table, lang), "application/pdf"
    else:
        body = number_table_xlsx(table, lang)
        mimetype = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
    name = download_name("nama-nomor-sop", fmt)
    return Response(body, mimetype=mimetype, headers={"Content-Disposition": f'attachment; filename="{name}"'})
