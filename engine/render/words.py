"""Printed words: the regulation's labels (always Indonesian) and the rest (Indonesian or English).

The labels of the official format (NOMOR SOP, KEGIATAN, PELAKSANA, MUTU BAKU, ...) and the
decision answers "Ya"/"Tidak" are terms of Permendagri 52/2011 and stay Indonesian in every
language; page numbers, legends, dates and durations follow ``lang`` (durations are written by the project's one
formatter, :mod:`engine.sop.duration_text`).
"""

from __future__ import annotations

import datetime as dt

from engine.errors import RenderError
from engine.messages.render import ENTRIES

LANGUAGES = ("id", "en")

#: Regulation terms, printed as they are in both languages.
LABELS: dict[str, str] = {
    "nomor": "NOMOR SOP",
    "tanggal_pembuatan": "TANGGAL PEMBUATAN",
    "tanggal_revisi": "TANGGAL REVISI",
    "tanggal_efektif": "TANGGAL EFEKTIF",
    "disahkan_oleh": "DISAHKAN OLEH",
    "nama": "NAMA SOP",
    "dasar_hukum": "DASAR HUKUM",
    "kualifikasi_pelaksana": "KUALIFIKASI PELAKSANA",
    "keterkaitan": "KETERKAITAN",
    "peralatan_perlengkapan": "PERALATAN/PERLENGKAPAN",
    "peringatan": "PERINGATAN",
    "pencatatan_pendataan": "PENCATATAN DAN PENDATAAN",
    "no": "NO",
    "kegiatan": "KEGIATAN",
    "pelaksana": "PELAKSANA",
    "mutu_baku": "MUTU BAKU",
    "kelengkapan": "KELENGKAPAN",
    "waktu": "WAKTU",
    "output": "OUTPUT",
    "keterangan": "KETERANGAN",
    "yes": "Ya",
    "no_answer": "Tidak",
    "nip": "NIP.",
}

_TEXTS: dict[str, tuple[str, str]] = {
    "page": ("Halaman {page} dari {pages}", "Page {page} of {pages}"),
    "actual": ("aktual", "actual"),
    "running": ("sedang berjalan", "in progress"),
    "done_by": ("Dikerjakan: {users}", "Done by: {users}"),
    "legend": ("Jejak pelaksanaan: jalur yang dijalankan bergaris biru tebal; waktu aktual (jam kerja) merah "
               "bila melebihi mutu baku.",
               "Execution trace: the path taken is drawn in thick blue; actual working time is red where "
               "it exceeds the mutu baku."),
    "times": ("{count}x, terlama {longest}", "{count}x, longest {longest}"),
    "continued": ("(lanjutan)", "(continued)"),
}

_MONTHS = {
    "id": ("Januari", "Februari", "Maret", "April", "Mei", "Juni", "Juli", "Agustus", "September",
           "Oktober", "November", "Desember"),
    "en": ("January", "February", "March", "April", "May", "June", "July", "August", "September",
           "October", "November", "December"),
}


def check_lang(lang: str) -> str:
    """``lang`` when it is "id" or "en".

    :raises RenderError: for any other language.
    """
    if lang not in LANGUAGES:
        raise RenderError(f"Bahasa '{lang}' tidak dikenal; gunakan 'id' atau 'en'.")
    return lang


def text(key: str, lang: str, **params: object) -> str:
    """A printed text other than a regulation label, in ``lang`` (from this module's words or the
    render entries of the message catalogue, :mod:`engine.messages.render`)."""
    indonesian, english = _TEXTS[key] if key in _TEXTS else ENTRIES[f"render.{key}"]
    return (english if lang == "en" else indonesian).format(**params)


def date_text(day: dt.date | None, lang: str) -> str:
    """``12 Januari 2026`` (or ``12 January 2026``); ``-`` for no date."""
    if day is None:
        return "-"
    return f"{day.day} {_MONTHS[lang][day.month - 1]} {day.year}"
