"""The SOP table editor: the regulation's table as a form, checked by the engine as you go."""

from __future__ import annotations

from typing import Any

from flask import Blueprint, Response, render_template, request

from engine import ProcessDefinitionError, dump, load_bytes, sheet_mapping, sop_from_mapping, validate
from engine.errors import Problem

from .i18n import current_language
from .sop_form import KINDS, form_from_mapping, mapping_from_form

bp = Blueprint("editor", __name__, url_prefix="/penyusun")

_BLANK: dict[str, Any] = {
    "alur": 1,
    "sop": {"disahkan_oleh": {}},
    "pelaksana": [],
    "langkah": [{"id": "mulai", "jenis": "mulai"}, {"id": "selesai", "jenis": "selesai"}],
}


def _page(values: dict[str, Any], problems: list[Problem] | None = None, checked: bool = False) -> str:
    lang = current_language()
    problems = problems or []
    errors = [p for p in problems if p.severity == "error"]
    warnings = [p for p in problems if p.severity != "error"]
    by_step: dict[str, list[str]] = {}
    for item in errors + warnings:
        by_step.setdefault(item.element_id, []).append(item.render(lang))
    return render_template("editor/edit.html", values=values, kinds=KINDS, checked=checked,
                           errors=[p.render(lang) for p in errors], warnings=[p.render(lang) for p in warnings],
                           by_step=by_step)


@bp.get("/baru")
def new_sop() -> str:
    """An empty table with a start and an end row."""
    return _page(form_from_mapping(_BLANK))


@bp.post("/periksa")
def check() -> str:
    """Check the posted table and show it again with every problem next to its row."""
    data = mapping_from_form(request.form)
    try:
        sop = sop_from_mapping(data)
    except ProcessDefinitionError as exc:
        return _page(form_from_mapping(data), exc.problems, checked=True)
    return _page(form_from_mapping(sheet_mapping(sop)), validate(sop), checked=True)


@bp.post("/impor")
def import_file() -> str:
    """Open a BPMN file (from any modeler) or an SOP sheet in the table."""
    upload = request.files.get("berkas")
    if upload is None or not upload.filename:
        return _page(form_from_mapping(_BLANK))
    loaded = load_bytes(upload.read(), upload.filename)
    return _page(form_from_mapping(sheet_mapping(loaded.sop)), loaded.notices + validate(loaded.sop), checked=True)


@bp.post("/unduh/<fmt>")
def download(fmt: str) -> Response | str:
    """The posted table as BPMN or YAML; refused with the problems shown when it is not valid."""
    data = mapping_from_form(request.form)
    try:
        sop = sop_from_mapping(data)
    except ProcessDefinitionError as exc:
        return _page(form_from_mapping(data), exc.problems, checked=True)
    problems = validate(sop)
    if any(p.severity == "error" for p in problems) or fmt not in ("bpmn", "yaml"):
        return _page(form_from_mapping(sheet_mapping(sop)), problems, checked=True)
    name = f"{sop.process_id or 'sop'}.{fmt}"
    mimetype = "application/xml" if fmt == "bpmn" else "application/yaml"
    return Response(dump(sop, name), mimetype=mimetype,
                    headers={"Content-Disposition": f'attachment; filename="{name}"'})
