"""Catalogue entries of the truthful monitoring (the regulation's stage 9): case states in logs,
prefix conformance, the ujicoba gate, the evaluation's proposals, the monitoring schedule."""

from __future__ import annotations

ENTRIES: dict[str, tuple[str, str]] = {
    "stage9_bad_case_status": (
        "{label}: baris {line}: status kasus '{value}' tidak dikenal; tulis salah satu: {known}.",
        "{label}: line {line}: case status '{value}' is unknown; write one of: {known}."),
    "stage9_gate_outside_hours": (
        "Langkah ujicoba dikerjakan di luar jam kerja, sehingga waktu kerjanya tercatat 0 menit dan belum "
        "terukur: {steps}. Ulangi ujicoba langkah tersebut pada jam kerja.",
        "Trial steps were done outside office hours, so their working time reads 0 minutes and is not "
        "measured: {steps}. Run those steps again in office hours."),
    "stage9_outside_hours_step": ("{number}. {kegiatan} ({count} kali)", "{number}. {kegiatan} ({count} times)"),
    "stage9_outside_hours_flag": ("Di luar jam kerja: {count} kali (waktu kerja 0 menit)",
                                  "Outside office hours: {count} times (0 working minutes)"),
    "stage9_status_finished": ("selesai", "finished"),
    "stage9_status_running": ("berjalan", "running"),
    "stage9_status_cancelled": ("dibatalkan", "cancelled"),
    "stage9_status_suspended": ("ditangguhkan", "suspended"),
    "stage9_case_unfinished": ("{case} ({status}, dinilai sebagai awalan alur)",
                               "{case} ({status}, scored as a prefix of the flow)"),
    "stage9_status_counts": (
        "Kasus menurut status: {counts} (kasus yang belum selesai atau dibatalkan dinilai sebagai awalan alur SOP).",
        "Cases by status: {counts} (unfinished and cancelled cases are scored as a prefix of the SOP's flow)."),
}
