"""The web UI's words in Bahasa Indonesia (default) and English.

Templates call ``_("key")``; the language comes from the session (set by ``?lang=en``), so a clerk
can switch once and keep it.
"""

from __future__ import annotations

from flask import Flask, request, session

LANGUAGES = ("id", "en")

TEXTS: dict[str, tuple[str, str]] = {
    "app_name": ("Alur", "Alur"),
    "tagline": ("SOP Pemda yang berjalan", "Local-government SOPs that run"),
    "language": ("Bahasa", "Language"),
    "editor": ("Penyusun SOP", "SOP editor"),
    "identity": ("Identitas SOP", "SOP identity"),
    "nomor": ("Nomor SOP", "SOP number"),
    "nama": ("Nama SOP", "SOP name"),
    "pemerintah": ("Pemerintah", "Government"),
    "unit": ("Unit kerja / SKPD", "Work unit / SKPD"),
    "tanggal_pembuatan": ("Tanggal pembuatan", "Date made"),
    "tanggal_revisi": ("Tanggal revisi", "Revision date"),
    "tanggal_efektif": ("Tanggal efektif", "Effective date"),
    "disahkan_oleh": ("Disahkan oleh", "Approved by"),
    "jabatan": ("Jabatan", "Position"),
    "nama_pejabat": ("Nama", "Name"),
    "nip": ("NIP", "NIP"),
    "dasar_hukum": ("Dasar hukum", "Legal basis"),
    "kualifikasi_pelaksana": ("Kualifikasi pelaksana", "Executor qualifications"),
    "keterkaitan": ("Keterkaitan", "Related SOPs"),
    "peralatan_perlengkapan": ("Peralatan/perlengkapan", "Equipment"),
    "peringatan": ("Peringatan", "Warnings"),
    "pencatatan_pendataan": ("Pencatatan dan pendataan", "Records"),
    "one_per_line": ("satu butir per baris", "one item per line"),
    "pelaksana": ("Pelaksana", "Executors"),
    "pelaksana_help": ("Satu jabatan per baris; urutan ini menjadi urutan kolom.",
                       "One position per line; this order is the column order."),
    "steps": ("Langkah", "Steps"),
    "no": ("No", "No"),
    "id": ("Id", "Id"),
    "jenis": ("Jenis", "Kind"),
    "kegiatan": ("Kegiatan", "Activity"),
    "kelengkapan": ("Kelengkapan", "Requirements"),
    "waktu": ("Waktu", "Time"),
    "output": ("Output", "Output"),
    "keterangan": ("Keterangan", "Remarks"),
    "lanjut": ("Lanjut ke", "Next"),
    "ya": ("Ya ke", "Yes to"),
    "tidak": ("Tidak ke", "No to"),
    "syarat": ("Syarat", "Condition"),
    "tunggu_semua": ("Tunggu semua", "Wait for all"),
    "kind_start": ("mulai", "start"),
    "kind_activity": ("kegiatan", "activity"),
    "kind_decision": ("keputusan", "decision"),
    "kind_end": ("selesai", "end"),
    "add_step": ("Tambah langkah", "Add step"),
    "remove": ("Hapus", "Remove"),
    "check": ("Periksa", "Check"),
    "download_bpmn": ("Unduh BPMN", "Download BPMN"),
    "download_yaml": ("Unduh lembar YAML", "Download YAML sheet"),
    "import": ("Impor BPMN atau YAML", "Import BPMN or YAML"),
    "import_button": ("Impor", "Import"),
    "valid": ("SOP valid: tidak ada masalah.", "The SOP is valid: no problems."),
    "problems": ("Masalah yang harus diperbaiki", "Problems to fix"),
    "warnings": ("Peringatan", "Warnings"),
    "lanjut_help": ("kosong = langkah berikutnya; beberapa id dipisah koma = cabang paralel",
                    "empty = the next row; several ids separated by commas = parallel branches"),
    "error_title": ("Terjadi kesalahan", "Something went wrong"),
    "back": ("Kembali", "Back"),
    "csrf_failed": ("Formulir kedaluwarsa atau tidak sah; muat ulang halaman lalu coba lagi.",
                    "The form expired or is not valid; reload the page and try again."),
    "not_found": ("Halaman tidak ditemukan.", "Page not found."),
}


def current_language() -> str:
    """The language of this request: ``?lang=`` switches and remembers, else the session, else Indonesian."""
    wanted = request.args.get("lang")
    if wanted in LANGUAGES:
        session["lang"] = wanted
    language = session.get("lang", "id")
    return language if language in LANGUAGES else "id"


def translate(key: str) -> str:
    """The text for ``key`` in the current language; the key itself when it is missing (visible, not hidden)."""
    entry = TEXTS.get(key)
    if entry is None:
        return key
    return entry[1] if current_language() == "en" else entry[0]


def init_app(app: Flask) -> None:
    app.jinja_env.globals.update(_=translate, current_language=current_language)
