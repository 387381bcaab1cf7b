"""Catalogue entries of the printed SOP document and trace."""

from __future__ import annotations

ENTRIES: dict[str, tuple[str, str]] = {
    "render.stopped_cancelled": ("dibatalkan", "cancelled"),
    "render.stopped_suspended": ("ditangguhkan", "suspended"),
    "render.instance_title": ("LEMBAR PELAKSANAAN SOP (JEJAK INSTANCE)", "SOP EXECUTION SHEET (INSTANCE TRACE)"),
    "render.registration": ("Nomor registrasi", "Registration number"),
    "render.instance": ("Nomor instance", "Instance number"),
    "render.sop": ("SOP", "SOP"),
    "render.version": ("Versi SOP", "SOP version"),
    "render.started": ("Dimulai", "Started"),
    "render.finished": ("Selesai", "Finished"),
    "render.status": ("Status", "Status"),
    "render.status_running": ("sedang berjalan", "in progress"),
    "render.status_completed": ("selesai", "completed"),
    "render.status_cancelled": ("dibatalkan", "cancelled"),
    "render.status_suspended": ("ditangguhkan", "suspended"),
    "render.reason": ("alasan: {reason}", "reason: {reason}"),
    "render.total": ("Total waktu kerja", "Total working time"),
    "render.total_value": ("{actual} (mutu baku jalur yang dijalankan: {standard})",
                           "{actual} (standard of the path taken: {standard})"),
    "render.col_officer": ("PELAKSANA (NAMA / JABATAN / NIP)", "OFFICER (NAME / JABATAN / NIP)"),
    "render.col_started": ("MULAI", "STARTED"),
    "render.col_finished": ("SELESAI", "FINISHED"),
    "render.col_actual": ("WAKTU AKTUAL", "ACTUAL TIME"),
    "render.col_pass": ("PUTARAN", "PASS"),
    "render.pass": ("ke-{number} dari {count}", "{number} of {count}"),
    "render.returned": ("{count}x dikembalikan", "returned {count}x"),
    "render.open": ("belum selesai", "not finished"),
    "render.none": ("-", "-"),
}
