"""The SOP table editor's form, as sheet data (see docs/sheet-format.md).

The browser posts one field per identity item and parallel lists per step column; this module only
reshapes them into the sheet mapping that :func:`engine.sop_from_mapping` reads, and back. Every
rule (what an empty "lanjut" means, what is valid) stays in the engine.
"""

from __future__ import annotations

from typing import Any

from werkzeug.datastructures import MultiDict

from engine import events_from_text, events_text, fields_from_text, fields_text, item_line, line_item

IDENTITY_TEXTS = ("nomor", "nama", "pemerintah", "unit", "tanggal_pembuatan", "tanggal_revisi", "tanggal_efektif",
                  "pola_nomor_registrasi")
IDENTITY_LISTS = ("dasar_hukum", "kualifikasi_pelaksana", "keterkaitan", "peralatan_perlengkapan", "peringatan",
                  "pencatatan_pendataan")
STEP_COLUMNS = ("id", "jenis", "kegiatan", "pelaksana", "kelengkapan", "waktu", "output", "keterangan", "lanjut",
                "ya", "tidak", "syarat", "tunggu_semua", "peristiwa")
KINDS = ("mulai", "kegiatan", "keputusan", "selesai")


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
        row.update(events_from_text(cell("peristiwa"), row["id"]))  # tunggu, batas, akhir (docs/sheet-format.md)
        steps.append(row)
    data: dict[str, Any] = {"alur": 1, "sop": sop, "pelaksana": _lines(form.get("pelaksana", "")), "langkah": steps}
    fields = fields_from_text(form.get("isian", ""))
    if fields:
        data["isian"] = fields
    rules = {}
    for line in _lines(form.get("penugasan", "")):  # "Kolom = aturan"; checked by the engine's validation
        column, equals, rule = line.partition("=")
        rules[column.strip()] = rule.strip() if equals else line
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
    values["isian"] = fields_text(data.get("isian"))
    values["penugasan"] = "\n".join(f"{column} = {rule}" for column, rule in (data.get("penugasan") or {}).items())
    values["jabatan_org"] = "\n".join(f"{column} = {code}" for column, code in (data.get("jabatan_org") or {}).items())
    rows = []
    for step in data.get("langkah", []):
        lanjut = step.get("lanjut", "")
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
            "peristiwa": events_text(step),
        })
    values["steps"] = rows
    values["actors"] = list(data.get("pelaksana", []))
    return values
