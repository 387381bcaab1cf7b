"""API routes of the seed's stages 1-3 on the ``/api/v1`` blueprint: the Tim penyusun (SK, members,
pembekalan) and the daftar inventarisasi (entries, numbers, the Kepala Daerah's decision, writing, the
NO | JUDUL SOP | NOMOR SOP table). Who may is the engine's policy, as for the pages (:mod:`webui.stages`)."""

from __future__ import annotations

from typing import Any

from flask import Response, current_app, jsonify, request

from engine import (
    add_entry,
    add_member,
    assign_numbers,
    create_tim,
    end_member,
    inventory_entries,
    inventory_entry,
    link_sop,
    message,
    number_table,
    number_table_pdf,
    number_table_xlsx,
    parse_stage_day,
    record_briefing,
    record_decision,
    start_writing,
    tim,
    tims,
    update_entry,
)
from engine.errors import DataError

from .access import allow, me, runtime
from .api import OPERATIONS, _json, bp
from .api_input import api_language, json_body, kind_of, typed_member
from .params import ParameterError
from .stages import READERS, TABLE_FORMATS, WRITERS

OPERATIONS.extend([
    ("get", "/tim", "Tim penyusun SOP: SK, anggota (peran, SKPD), pembekalan", READERS),
    ("post", "/tim", "Bentuk Tim penyusun suatu Pemda/OPD (unit, nama, sk_nomor, sk_tanggal)", ("verifikator",)),
    ("get", "/tim/{team_id}", "Satu Tim penyusun", READERS),
    ("post", "/tim/{team_id}/anggota", "Tambah anggota Tim (username, peran, unit)", WRITERS),
    ("post", "/tim/{team_id}/anggota/{member_id}/akhiri", "Akhiri keanggotaan", WRITERS),
    ("post", "/tim/{team_id}/pembekalan", "Catat pembekalan (tanggal, topik, peserta)", WRITERS),
    ("get", "/inventarisasi", "Daftar inventarisasi SOP (unit, cari)", READERS),
    ("post", "/inventarisasi", "Tambah butir: judul dan unit; kriteria, analisis boleh menyusul", ("penyusun",)),
    ("get", "/inventarisasi/{entry_id}", "Satu butir inventarisasi", READERS),
    ("post", "/inventarisasi/{entry_id}/ubah", "Ubah judul, kriteria atau analisis butir", ("penyusun",)),
    ("post", "/inventarisasi/{entry_id}/tulis", "Mulai menulis: butir menjadi draf SOP (menjawab kunci SOP)",
     ("penyusun",)),
    ("post", "/inventarisasi/{entry_id}/tautkan", "Tautkan butir ke SOP yang sudah ada (sop)", ("penyusun",)),
    ("post", "/inventarisasi/nomori", "Beri nomor butir unit menurut pola nomor SOP (unit, kode)", ("penyusun",)),
    ("post", "/inventarisasi/keputusan", "Catat Keputusan Kepala Daerah yang menetapkan nama dan nomor SOP "
     "(unit, nomor, tanggal)", ("verifikator",)),
    ("get", "/inventarisasi/tabel", "Tabel NO | JUDUL SOP | NOMOR SOP (format=pdf atau xlsx, unit)", READERS),
])


def _text(body: dict[str, Any], name: str) -> str:
    return str(typed_member(body, name, (str,), "web.kind_string", ""))


def _names(body: dict[str, Any], name: str) -> list[str] | None:
    """``body[name]``: a list of texts (``None`` when absent).

    :raises ParameterError: 400 naming ``name`` when it is not a list, or one of its items not a text.
    """
    found: list[str] | None = typed_member(body, name, (list,), "web.kind_array", None)
    for item in found or ():
        if not isinstance(item, str):
            raise ParameterError("web.wrong_type", name, expected=message("web.kind_string", api_language()),
                                 kind=kind_of(item))
    return found


@bp.get("/tim")
@allow(*READERS)
def tim_list() -> Response:
    return jsonify(_json(tims(runtime(), me())))


@bp.post("/tim")
@allow("verifikator")
def tim_create() -> tuple[Response, int]:
    body = json_body(required=True, known=("unit", "nama", "sk_nomor", "sk_tanggal"))
    found = create_tim(runtime(), me(), _text(body, "unit"), _text(body, "nama"), _text(body, "sk_nomor"),
                       parse_stage_day(_text(body, "sk_tanggal"), "sk_tanggal"))
    return jsonify(_json(found)), 201


@bp.get("/tim/<int:team_id>")
@allow(*READERS)
def tim_get(team_id: int) -> Response:
    return jsonify(_json(tim(runtime(), me(), team_id)))


@bp.post("/tim/<int:team_id>/anggota")
@allow(*WRITERS)
def tim_member_add(team_id: int) -> tuple[Response, int]:
    body = json_body(required=True, known=("username", "peran", "unit"))
    found = add_member(runtime(), me(), team_id, _text(body, "username"), _text(body, "peran"), _text(body, "unit"))
    return jsonify(_json(found)), 201


@bp.post("/tim/<int:team_id>/anggota/<int:member_id>/akhiri")
@allow(*WRITERS)
def tim_member_end(team_id: int, member_id: int) -> Response:
    json_body(required=False, known=())
    end_member(runtime(), me(), member_id)
    return jsonify(_json(tim(runtime(), me(), team_id)))


@bp.post("/tim/<int:team_id>/pembekalan")
@allow(*WRITERS)
def tim_briefing(team_id: int) -> tuple[Response, int]:
    body = json_body(required=True, known=("tanggal", "topik", "peserta"))
    found = record_briefing(runtime(), me(), team_id, parse_stage_day(_text(body, "tanggal"), "tanggal"),
                            _text(body, "topik"), _names(body, "peserta") or [])
    return jsonify(_json(found)), 201


@bp.get("/inventarisasi")
@allow(*READERS)
def inventory_list() -> Response:
    return jsonify(_json(inventory_entries(runtime(), me(), request.args.get("unit", ""),
                                           request.args.get("cari", ""))))


@bp.post("/inventarisasi")
@allow("penyusun")
def inventory_add() -> tuple[Response, int]:
    body = json_body(required=True, known=("unit", "judul", "kriteria", "analisis"))
    found = add_entry(runtime(), me(), _text(body, "unit"), _text(body, "judul"), _names(body, "kriteria") or [],
                      _text(body, "analisis"))
    return jsonify(_json(found)), 201


@bp.get("/inventarisasi/<int:entry_id>")
@allow(*READERS)
def inventory_get(entry_id: int) -> Response:
    return jsonify(_json(inventory_entry(runtime(), me(), entry_id)))


@bp.post("/inventarisasi/<int:entry_id>/ubah")
@allow("penyusun")
def inventory_update(entry_id: int) -> Response:
    body = json_body(required=True, known=("judul", "kriteria", "analisis"))
    title = typed_member(body, "judul", (str,), "web.kind_string", None)
    analysis = typed_member(body, "analisis", (str,), "web.kind_string", None)
    return jsonify(_json(update_entry(runtime(), me(), entry_id, title=title, criteria=_names(body, "kriteria"),
                                      analysis=analysis)))


@bp.post("/inventarisasi/<int:entry_id>/tulis")
@allow("penyusun")
def inventory_write(entry_id: int) -> tuple[Response, int]:
    json_body(required=False, known=())
    return jsonify({"sop": start_writing(runtime(), me(), entry_id)}), 201


@bp.post("/inventarisasi/<int:entry_id>/tautkan")
@allow("penyusun")
def inventory_link(entry_id: int) -> Response:
    body = json_body(required=True, known=("sop",))
    return jsonify(_json(link_sop(runtime(), me(), entry_id, _text(body, "sop"))))


@bp.post("/inventarisasi/nomori")
@allow("penyusun")
def inventory_number() -> Response:
    body = json_body(required=True, known=("unit", "kode"))
    pattern = str(current_app.config.get("ALUR_NUMBER_PATTERN", "{urut:03d}/SOP/{unit}/{tahun}"))
    return jsonify(_json(assign_numbers(runtime(), me(), _text(body, "unit"), pattern, _text(body, "kode"))))


@bp.post("/inventarisasi/keputusan")
@allow("verifikator")
def inventory_decision() -> tuple[Response, int]:
    body = json_body(required=True, known=("unit", "nomor", "tanggal"))
    decision, fixed = record_decision(runtime(), me(), _text(body, "nomor"),
                                      parse_stage_day(_text(body, "tanggal"), "tanggal"), _text(body, "unit"))
    return jsonify({"keputusan": _json(decision), "butir": _json(fixed)}), 201


@bp.get("/inventarisasi/tabel")
@allow(*READERS)
def inventory_table() -> Response:
    fmt = request.args.get("format", "pdf")
    if fmt not in TABLE_FORMATS:
        raise DataError.from_code("tahap_web_bad_format", "format", fmt=fmt[:20])
    unit = request.args.get("unit", "").strip()
    lang = api_language()
    table = number_table(inventory_entries(runtime(), me(), unit), unit, lang)
    if fmt == "pdf":
        return Response(number_table_pdf(table, lang), mimetype="application/pdf")
    return Response(number_table_xlsx(table, lang),
                    mimetype="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet")
