"""The SOP table editor's form, as sheet data (see docs/sheet-format.md).

The browser posts one field per identity item and parallel lists per step column; this module only
reshapes them into the sheet mapping that :func:`engine.sop_from_mapping` reads, and back. Every
rule (what an empty "lanjut" means, what is valid) stays in the engine.
"""

from __future__ import annotations

from typing import Any

from werkzeug.datastructures import MultiDict

from engine import RULE_KINDS, FieldType, events_from_text, events_text, fields_from_text, fields_text, item_line, \
    line_item, parse_rule

from .row_forms import ROW_FORM_COLUMNS, row_form_keys, row_form_values

IDENTITY_TEXTS = ("nomor", "nama", "pemerintah", "unit", "tanggal_pembuatan", "tanggal_revisi", "tanggal_efektif",
                  "pola_nomor_registrasi")
IDENTITY_LISTS = ("dasar_hukum", "kualifikasi_pelaksana", "keterkaitan", "peralatan_perlengkapan", "peringatan",
                  "pencatatan_pendataan")
STEP_COLUMNS = ("id", "jenis", "kegiatan", "pelaksana", "kelengkapan", "waktu", "output", "keterangan", "lanjut",
                "ya", "tidak", "syarat", "tunggu_semua", "peristiwa") + ROW_FORM_COLUMNS
KINDS = ("mulai", "kegiatan", "keputusan", "selesai")
#: The case-field editor's columns (``field_<column>`` lists); ``lanjutan`` holds the rarer keys
#: (``kolom`` of a table, ``diubah_pada``) as YAML, so every field keeps its place in the list.
FIELD_COLUMNS = ("nama", "label", "label_en", "jenis", "wajib", "pribadi", "langkah", "pilihan", "lanjutan")
FIELD_TYPES = tuple(item.value for item in FieldType)
#: The routing rule kinds offered per pelaksana column; the engine's validation checks the rule.
ROUTING_KINDS = RULE_KINDS
_ADVANCED_FIELD_KEYS = ("kolom", "diubah_pada")


def _lines(text: str) -> list[str]:
    return [line.strip() for line in text.splitlines() if line.strip()]


def mapping_from_form(form: MultiDict[str, str]) -> dict[str, Any]:
    """Sheet data from the editor's posted form."""
    sop: dict[str, Any] = {key: form.get(key, "").strip() for key in IDENTITY_TEXTS}
    sop["disahkan_oleh"] = {
        "jabatan": form.get("disahkan_jabatan", "").strip(),
        "nama": form.get("disahkan_nama", "").strip(),
        "nip": form.get("disahkan_nip", "").strip(),
    }
    for key in IDENTITY_LISTS:
        sop[key] = _lines(form.get(key, ""))
    columns = {column: form.getlist(f"step_{column}") for column in STEP_COLUMNS}
    count = len(columns["id"])
    steps = []
    for index in range(count):
        def cell(column: str) -> str:
            values = columns[column]
            return values[index].strip() if index < len(values) else ""

        output = line_item(cell("output"))
        row: dict[str, Any] = {"id": cell("id"), "jenis": cell("jenis") or "kegiatan", "kegiatan": cell("kegiatan"),
                               "pelaksana": cell("pelaksana"),
                               "kelengkapan": [line_item(line) for line in _lines(cell("kelengkapan"))],
                               "waktu": cell("waktu"), "output": output["dokumen"] if isinstance(output, dict) else output,
                               "keterangan": cell("keterangan")}
        if isinstance(output, dict):
            row["output_dokumen"] = True
        if row["jenis"] == "keputusan":
            row.update(ya=cell("ya"), tidak=cell("tidak"))
            if cell("syarat"):
                row["syarat"] = cell("syarat")
        elif cell("lanjut"):
            targets = [part.strip() for part in cell("lanjut").split(",") if part.strip()]
            row["lanjut"] = targets[0] if len(targets) == 1 else targets
        if cell("tunggu_semua") == "ya":
            row["tunggu_semua"] = True
        # tunggu, batas, akhir (docs/sheet-format.md): the sub-forms' ones first, then the events cell's
        row.update(row_form_keys({column: cell(column) for column in ROW_FORM_COLUMNS},
                                 events_from_text(cell("peristiwa"), row["id"])))
        steps.append(row)
    data: dict[str, Any] = {"alur": 1, "sop": sop, "pelaksana": _lines(form.get("pelaksana", "")), "langkah": steps}
    fields = _fields_from_form(form) + list(fields_from_text(form.get("isian", "")) or [])
    if fields:
        data["isian"] = fields
    rules = {}
    for line in _lines(form.get("penugasan", "")):  # "Kolom = aturan"; checked by the engine's validation
        column, equals, rule = line.partition("=")
        rules[column.strip()] = rule.strip() if equals else line
    rules.update(_rules_from_form(form))
    if rules:
        data["penugasan"] = rules
    codes = {}
    for line in _lines(form.get("jabatan_org", "")):  # "Kolom = kode jabatan organisasi"; checked by the engine
        column, equals, code = line.partition("=")
        codes[column.strip()] = code.strip() if equals else ""
    if any(codes.values()):
        data["jabatan_org"] = {column: code for column, code in codes.items() if code}
    if form.get("process_id", "").strip():
        data["process_id"] = form.get("process_id", "").strip()
    return data


def _fields_from_form(form: MultiDict[str, str]) -> list[dict[str, Any]]:
    """The case-field editor's rows as sheet ``isian`` entries (a row without a name is skipped)."""
    columns = {column: form.getlist(f"field_{column}") for column in FIELD_COLUMNS}
    fields = []
    for index in range(len(columns["nama"])):
        def cell(column: str) -> str:
            values = columns[column]
            return values[index].strip() if index < len(values) else ""

        if not cell("nama"):
            continue
        row: dict[str, Any] = {"nama": cell("nama")}
        for key in ("label", "label_en"):
            if cell(key):
                row[key] = cell(key)
        row["jenis"] = cell("jenis") or FieldType.TEXT.value
        for key in ("wajib", "pribadi"):
            if cell(key) == "ya":
                row[key] = True
        row["langkah"] = cell("langkah") or "mulai"
        options = [part.strip() for part in cell("pilihan").split(",") if part.strip()]
        if options:
            row["pilihan"] = options
        advanced = fields_from_text(cell("lanjutan")) if cell("lanjutan") else {}
        if isinstance(advanced, dict):
            row.update({key: advanced[key] for key in _ADVANCED_FIELD_KEYS if key in advanced})
        fields.append(row)
    return fields


def _rules_from_form(form: MultiDict[str, str]) -> dict[str, str]:
    """The routing editor's rows (pelaksana, rule kind, argument) as the sheet ``penugasan`` mapping."""
    actors, kinds, arguments = (form.getlist(f"penugasan_{part}") for part in ("kolom", "jenis", "argumen"))
    rules = {}
    for index, actor in enumerate(actors):
        kind = kinds[index].strip() if index < len(kinds) else ""
        argument = arguments[index].strip() if index < len(arguments) else ""
        if actor.strip() and kind:
            rules[actor.strip()] = f"{kind}:{argument}" if kind in ("unit", "dipilih") else kind
    return rules


def _field_row(field: dict[str, Any]) -> dict[str, str]:
    advanced = {key: field[key] for key in _ADVANCED_FIELD_KEYS if key in field}
    return {"nama": str(field.get("nama", "")), "label": str(field.get("label", "")),
            "label_en": str(field.get("label_en", "")), "jenis": str(field.get("jenis", FieldType.TEXT.value)),
            "wajib": "ya" if field.get("wajib") else "", "pribadi": "ya" if field.get("pribadi") else "",
            "langkah": str(field.get("langkah", "mulai")), "pilihan": ", ".join(field.get("pilihan", [])),
            "lanjutan": fields_text(advanced) if advanced else ""}


def _rule_row(actor: str, text: str) -> dict[str, str]:
    rule = parse_rule(text)
    if rule is None:  # not a rule the engine knows: shown as typed, so its check names it
        kind, _, argument = text.partition(":")
        return {"kolom": actor, "jenis": kind.strip(), "argumen": argument.strip()}
    return {"kolom": actor, "jenis": rule.kind if text.strip() else "", "argumen": rule.argument}


def form_from_mapping(data: dict[str, Any]) -> dict[str, Any]:
    """Values for the editor template from sheet data (as :func:`engine.sheet_mapping` returns it)."""
    sop = data.get("sop", {})
    approval = sop.get("disahkan_oleh", {})
    values: dict[str, Any] = {key: str(sop.get(key) or "") for key in IDENTITY_TEXTS}
    values.update(disahkan_jabatan=approval.get("jabatan", ""), disahkan_nama=approval.get("nama", ""),
                  disahkan_nip=approval.get("nip", ""), process_id=data.get("process_id", ""))
    for key in IDENTITY_LISTS:
        values[key] = "\n".join(sop.get(key, []))
    values["pelaksana"] = "\n".join(data.get("pelaksana", []))
    values["isian"] = ""
    values["fields"] = [_field_row(field) for field in data.get("isian") or [] if isinstance(field, dict)]
    rules = data.get("penugasan") or {}
    actors = list(data.get("pelaksana", []))
    values["rules"] = [_rule_row(actor, str(rules.get(actor, ""))) for actor in actors]
    # a rule for a column that is not a pelaksana stays visible, so its check can name it
    values["rules"] += [_rule_row(str(column), str(rule)) for column, rule in rules.items() if column not in actors]
    values["penugasan"] = ""
    values["jabatan_org"] = "\n".join(f"{column} = {code}" for column, code in (data.get("jabatan_org") or {}).items())
    rows = []
    for step in data.get("langkah", []):
        lanjut = step.get("lanjut", "")
        sub_forms, rest = row_form_values(step)
        rows.append({
            "id": step.get("id", ""), "jenis": step.get("jenis", "kegiatan"), "kegiatan": step.get("kegiatan", ""),
            "pelaksana": step.get("pelaksana", ""),
            "kelengkapan": "\n".join(item_line(item) for item in step.get("kelengkapan", [])),
            "waktu": step.get("waktu", ""),
            "output": item_line({"dokumen": step.get("output", "")}) if step.get("output_dokumen")
            else step.get("output", ""),
            "keterangan": step.get("keterangan", ""),
            "lanjut": ", ".join(lanjut) if isinstance(lanjut, list) else lanjut, "ya": step.get("ya", ""),
            "tidak": step.get("tidak", ""), "syarat": step.get("syarat", ""),
            "tunggu_semua": "ya" if step.get("tunggu_semua") else "",
            "peristiwa": events_text(rest),
            **sub_forms,
        })
    values["steps"] = rows
    values["actors"] = list(data.get("pelaksana", []))
    return values
