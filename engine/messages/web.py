"""Catalogue entries of the web UI (pages, navigation, forms)."""

from __future__ import annotations

ENTRIES: dict[str, tuple[str, str]] = {
    # -- the access policy (engine/access/policy.py) -------------------------------------------
    "access_not_your_task": ("Tugas ini milik jabatan yang tidak Anda pegang di unit tersebut.",
                             "This task belongs to a position you do not hold in that unit."),
    "access_not_claimed_by_you": ("Tugas {item} tidak Anda klaim.", "You have not claimed task {item}."),
    "access_not_your_unit": ("Instans ini di luar unit Anda.", "This instance is outside your units."),
    "access_sop_action": ("Peran Anda tidak diizinkan untuk tindakan SOP ini ({action}).",
                          "Your role may not take this SOP action ({action})."),
    "access_monitoring": ("Peran Anda tidak diizinkan membaca data pemantauan.",
                          "Your role may not read monitoring data."),
}
