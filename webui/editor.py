"""The SOP table editor: the regulation's table as a form, checked by the engine as you go, saved to the register."""

from __future__ import annotations

import time
from typing import Any

from flask import Blueprint, Response, flash, jsonify, redirect, render_template, request, url_for
from werkzeug.wrappers import Response as BaseResponse
from markupsafe import Markup

from engine import ProcessDefinitionError, Sop, drawing_bpmn, dump, flowchart_preview, load_bytes, message, returned, \
    render, save_draft, save_drawing, sheet_mapping, sop_from_drawing, sop_from_mapping, sop_key, status, \
    suggest_number, validate, working_sop
from engine import column_warnings, jabatan_code_choices, register_for, table_editor_problems
from engine.errors import AlurError, InputError, Problem, problem

from .access import allow, me, runtime
from .formatting import local_time, person
from .i18n import current_language, translate
from .params import download_name
from .row_forms import DURATION_UNITS, WAIT_KINDS
from .sop_form import FIELD_TYPES, KINDS, ROUTING_KINDS, form_from_mapping, mapping_from_form
from .svg import inline

bp = Blueprint("editor", __name__, url_prefix="/penyusun")

_BLANK: dict[str, Any] = {
    "alur": 1,
    "sop": {"disahkan_oleh": {}},
    "pelaksana": [],
    "langkah": [{"id": "mulai", "jenis": "mulai"}, {"id": "selesai", "jenis": "selesai"}],
}
#: Roles that may open the editor and the register; only the penyusun saves.
READERS = ("penyusun", "verifikator", "pengesah")


def step_names(sop: Sop) -> dict[str, str]:
    """``step_id -> "3. kegiatan"`` for naming the rows notes are about."""
    return {step.id: f"{index + 1}. {step.activity or step.id}" for index, step in enumerate(sop.steps)}


def _preview(sop: Sop | None, problems: list[Problem]) -> Markup | None:
    if sop is None or any(p.severity == "error" for p in problems):
        return None
    try:
        return inline(flowchart_preview(sop, lang=current_language()),
                      translate("flowchart_label", nama=sop.identity.nama or sop.identity.nomor))
    except AlurError:
        return None


def _callable_sops(key: str) -> list[dict[str, Any]]:
    """The register's published SOPs a call row may run (by key, with their newest version), not ``key``."""
    return [{"key": entry.key, "nama": entry.nama, "version": entry.version}
            for entry in register_for(runtime(), me()) if entry.version and entry.key != key]


def _page(values: dict[str, Any], problems: list[Problem] | None = None, checked: bool = False,
          key: str = "", sop: Sop | None = None, status_code: int = 200, table_locked: bool = False) -> tuple[str, int]:
    lang = current_language()
    back = returned(runtime(), key) if key else None
    notes: dict[str, list[str]] = {}
    for step_id, note in back.notes if back else ():
        notes.setdefault(step_id, []).append(note)
    problems = problems or []
    callable_sops = _callable_sops(key)
    errors = [p for p in problems if p.severity == "error"]
    warnings = [p for p in problems if p.severity != "error"]
    by_step: dict[str, list[str]] = {}
    for item in errors + warnings:
        by_step.setdefault(item.element_id or item.element_name, []).append(item.render(lang))
    return render_template("editor/edit.html", values=values, kinds=KINDS, field_types=FIELD_TYPES,
                           routing_kinds=ROUTING_KINDS, checked=checked,
                           errors=[p.render(lang) for p in errors], warnings=[p.render(lang) for p in warnings],
                           by_step=by_step, key=key, preview=_preview(sop, problems), returned=back, notes=notes,
                           returned_by=message("lifecycle_returned_by", lang, user=person(back.by), at=local_time(back.at),
                                               reason=back.reason) if back else "",
                           notes_title=message("lifecycle_returned_notes", lang),
                           jabatan_codes=jabatan_code_choices(runtime()), table_locked=table_locked,
                           callable_sops=callable_sops, callable_keys={item["key"] for item in callable_sops},
                           wait_kinds=WAIT_KINDS, duration_units=DURATION_UNITS), status_code


def _posted(warnings: bool = True) -> tuple[dict[str, Any], Sop | None, list[Problem]]:
    """The posted table as sheet data, the SOP read from it and its problems.

    :param warnings: also the column codes' warnings (a database read) and the sheet data written back
        from the SOP; the live preview needs neither, only the errors that stop a drawing.
    """
    try:
        data = mapping_from_form(request.form)
    except InputError as exc:  # the case fields' YAML part: named, nothing else lost
        data = mapping_from_form(_without_advanced_fields(request.form))
        return data, None, [Problem(exc.code or "sheet_not_yaml", "isian", params=tuple(sorted(exc.params.items())))]
    try:
        sop = sop_from_mapping(data)
    except ProcessDefinitionError as exc:
        return data, None, exc.problems
    if not warnings:
        return data, sop, validate(sop)
    return sheet_mapping(sop), sop, validate(sop) + column_warnings(runtime(), sop)


def _without_advanced_fields(form: Any) -> Any:
    copy = form.copy()
    copy.setlist("field_lanjutan", [])
    copy.setlist("isian", [])
    return copy


@bp.get("/baru")
@allow("penyusun")
def new_sop() -> tuple[str, int]:
    """An empty table with a start and an end row."""
    return _page(form_from_mapping(_BLANK))


@bp.get("/sop/<key>/ubah")
@allow(*READERS)
def edit(key: str) -> tuple[str, int]:
    """The working draft of a register entry in the table."""
    sop = working_sop(runtime(), key)
    locked = table_editor_problems(sop)  # rows the table cannot carry: shown, and a save from it refused
    return _page(form_from_mapping(sheet_mapping(sop)), locked + validate(sop), checked=True, key=key, sop=sop,
                 table_locked=bool(locked))


@bp.post("/periksa")
@allow(*READERS)
def check() -> tuple[str, int]:
    """Check the posted table and show it again with every problem next to its row."""
    data, sop, problems = _posted()
    return _page(form_from_mapping(data), problems, checked=True, key=request.form.get("key", ""), sop=sop)


@bp.post("/pratinjau")
@allow(*READERS)
def preview() -> Response:
    """The official flowchart of the posted table as SVG (the live preview), or the problems as text.

    Only the flowchart pages are drawn (the identity sheet does not change while typing), to keep a
    keystroke's way to the preview short. ``Server-Timing`` tells the page how long the server took."""
    started = time.perf_counter()
    data, sop, problems = _posted(warnings=False)
    errors = [p.render(current_language()) for p in problems if p.severity == "error"]
    if sop is None or errors:
        return Response("\n".join(errors), status=422, mimetype="text/plain")
    try:
        drawn = flowchart_preview(sop, lang=current_language())
    except AlurError as exc:
        return Response(exc.render(current_language()), status=422, mimetype="text/plain")
    took = (time.perf_counter() - started) * 1000
    return Response(drawn, mimetype="image/svg+xml", headers={"Server-Timing": f"preview;dur={took:.0f}"})


@bp.get("/nomor")
@allow("penyusun")
def number() -> Response:
    """The next Nomor SOP for a unit code from the configured pattern."""
    from flask import current_app

    pattern = current_app.config.get("ALUR_NUMBER_PATTERN", "{urut:03d}/SOP/{unit}/{tahun}")
    return Response(suggest_number(runtime(), request.args.get("unit", "").strip() or "UNIT", pattern),
                    mimetype="text/plain")


def _stored_draft(key: str) -> Sop | None:
    """The working draft of ``key`` when there is one (a new SOP has none)."""
    if not key:
        return None
    try:
        return working_sop(runtime(), key)
    except AlurError:
        return None


@bp.post("/simpan")
@allow("penyusun")
def save() -> BaseResponse | tuple[str, int]:
    """Save the table as the working draft (errors keep it unsaved and shown next to their rows)."""
    data, sop, problems = _posted()
    key = request.form.get("key", "").strip()
    stored = _stored_draft(key)
    locked = table_editor_problems(stored) if stored is not None else []
    if request.form.get("tabel_terkunci") and not locked:
        locked = [problem("es_table_cannot_edit", row="-")]
    problems = locked + problems
    if sop is None or any(p.severity == "error" for p in problems):
        return _page(form_from_mapping(data), problems, checked=True, key=key, sop=None, status_code=422)
    if not key:
        key = sop_key(sop.identity.nama or sop.process_id)
        try:
            status(runtime(), key)
        except AlurError:
            pass
        else:
            flash(translate("key_taken").format(key=key), "error")
            return _page(form_from_mapping(data), problems, checked=True, sop=sop, status_code=409)
    new_status = save_draft(runtime(), key, sop, me().username)
    flash(translate("saved_flash").format(status=translate("lc_" + new_status)), "ok")
    return redirect(url_for("register.sop", key=key))


@bp.post("/impor")
@allow("penyusun")
def import_file() -> tuple[str, int]:
    """Open a BPMN file (from any modeler), an SOP sheet or the official table (.xlsx/.docx) in the table."""
    upload = request.files.get("berkas")
    if upload is None or not upload.filename:
        flash(translate("ed_import_no_file"), "error")
        return _page(form_from_mapping(_BLANK), status_code=400)
    loaded = load_bytes(upload.read(), upload.filename)
    locked = table_editor_problems(loaded.sop)
    problems = locked + loaded.notices + validate(loaded.sop)
    return _page(form_from_mapping(sheet_mapping(loaded.sop)), problems, checked=True,
                 key=request.form.get("key", ""), sop=loaded.sop, table_locked=bool(locked))


@bp.post("/unduh/<fmt>")
@allow(*READERS)
def download(fmt: str) -> Response | tuple[str, int]:
    """The posted table as BPMN, YAML or PDF; refused with the problems shown when it is not valid."""
    data, sop, problems = _posted()
    if sop is None or any(p.severity == "error" for p in problems) or fmt not in ("bpmn", "yaml", "pdf"):
        return _page(form_from_mapping(data), problems, checked=True, sop=sop)
    return file_response(sop, fmt)


def file_response(sop: Sop, fmt: str) -> Response:
    name = download_name(sop.process_id or "sop", fmt)
    if fmt == "pdf":
        body, mimetype = render(sop, lang=current_language(), fmt="pdf"), "application/pdf"
    else:
        body, mimetype = dump(sop, name), "application/xml" if fmt == "bpmn" else "application/yaml"
    return Response(body, mimetype=mimetype, headers={"Content-Disposition": f'attachment; filename="{name}"'})


@bp.post("/gambar")
@allow(*READERS)
def drawing() -> Response:
    """The posted table as BPMN for the drawing view, with the positions kept for its register key."""
    data, sop, problems = _posted()
    errors = [p.render(current_language()) for p in problems if p.severity == "error"]
    if sop is None or errors:
        return Response("\n".join(errors), status=422, mimetype="text/plain")
    return Response(drawing_bpmn(runtime(), request.form.get("key", "").strip(), sop), mimetype="application/xml")


@bp.post("/gambar/simpan")
@allow("penyusun")
def save_from_drawing() -> tuple[Response, int]:
    """Keep the drawing (BPMN from the modeler) as the working draft, with its positions.

    The answer is JSON: ``{"url": ...}`` to open the saved draft in the table, or ``{"problems": [...]}``
    (each naming its element) with nothing saved.
    """
    lang = current_language()
    upload = request.files.get("bpmn")  # a file part: a drawing is larger than a form field may be
    data = upload.read() if upload is not None else b""
    key = request.form.get("key", "").strip()
    if not data.strip():
        return jsonify(problems=[translate("ed_drawing_empty")]), 400
    try:
        if not key:
            sop, _ = sop_from_drawing(data)
            key = sop_key(sop.identity.nama or sop.process_id)
            try:
                status(runtime(), key)
            except AlurError:
                pass
            else:
                return jsonify(problems=[translate("key_taken").format(key=key)]), 409
        _, new_status, _ = save_drawing(runtime(), key, data, me().username)
    except ProcessDefinitionError as exc:
        named = [p.render(lang) for p in exc.problems if p.severity == "error"]
        return jsonify(problems=named or [exc.render(lang)]), 422
    except AlurError as exc:
        return jsonify(problems=[exc.render(lang)]), exc.http_status
    flash(translate("ed_drawing_saved").format(status=translate("lc_" + new_status)), "ok")
    return jsonify(url=url_for("editor.edit", key=key) + "#gambar"), 200
