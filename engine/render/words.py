"""Printed words: the regulation's labels (always Indonesian) and the rest (Indonesian or English).

The labels of the official format (NOMOR SOP, KEGIATAN, PELAKSANA, MUTU BAKU, ...) and the
decision answers "Ya"/"Tidak" are terms of Permendagri 52/2011 and stay Indonesian in every
language; page numbers, legends, dates and durations follow ``lang``.
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
    "minute": ("menit", "min"),
    "hour": ("jam", "h"),
    "day": ("hari kerja", "working days"),
    "day_one": ("hari kerja", "working day"),
    "less_minute": ("< 1 menit", "< 1 min"),
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


def working_time_text(minutes: float, minutes_per_day: float, lang: str) -> str:
    """Working minutes as "2 jam 10 menit", "1 hari kerja 3 jam" (or English)."""
    if minutes < 1:
        return text("less_minute", lang)
    whole = int(round(minutes))
    per_day = max(1, int(round(minutes_per_day)))
    days, rest = divmod(whole, per_day)
    hours, mins = divmod(rest, 60)
    parts: list[str] = []
    if days:
        parts.append(f"{days} {text('day_one' if days == 1 else 'day', lang)}")
    if hours:
        parts.append(f"{hours} {text('hour', lang)}")
    if mins and not days:
        parts.append(f"{mins} {text('minute', lang)}")
    return " ".join(parts) or text("less_minute", lang)


def clock_time_text(minutes: float, lang: str) -> str:
    """Time on the clock as "2 hari 3 jam", "5 jam 10 menit" (calendar days of 24 hours)."""
    if minutes < 1:
        return text("less_minute", lang)
    days, rest = divmod(int(round(minutes)), 24 * 60)
    hours, mins = divmod(rest, 60)
    parts = [f"{days} {text('calendar_day', lang)}"] if days else []
    if hours:
        parts.append(f"{hours} {text('hour', lang)}")
    if mins and not days:
        parts.append(f"{mins} {text('minute', lang)}")
    return " ".join(parts) or text("less_minute", lang)
