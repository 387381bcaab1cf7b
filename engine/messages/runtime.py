"""Catalogue entries of the runtime: instances, work items, timers, the worker, audit, the store."""

from __future__ import annotations

ENTRIES: dict[str, tuple[str, str]] = {
    # --- users and versions -----------------------------------------------------------------
    "runtime_bad_username": (
        "Nama pengguna '{user}' tidak sah; gunakan huruf, angka, titik, garis bawah atau tanda hubung "
        "(dan bukan '{system}').",
        "User name '{user}' is not valid; use letters, digits, dots, underscores or hyphens "
        "(and not '{system}').",
    ),
    "runtime_empty_holding": ("Jabatan dan unit tidak boleh kosong.", "Jabatan and unit must not be empty."),
    "runtime_no_such_version": ("SOP '{sop}' tidak memiliki versi {number}.", "SOP '{sop}' has no version {number}."),
    # --- starting ---------------------------------------------------------------------------
    "runtime_start_denied": (
        "'{user}' tidak memegang jabatan '{jabatan}', pelaksana langkah pertama SOP '{sop}'.",
        "'{user}' does not hold the jabatan '{jabatan}', the pelaksana of the first step of SOP '{sop}'.",
    ),
    "runtime_start_denied_unit": (
        "'{user}' tidak memegang jabatan '{jabatan}' di unit '{unit}', pelaksana langkah pertama SOP '{sop}'.",
        "'{user}' does not hold the jabatan '{jabatan}' in unit '{unit}', the pelaksana of the first step of "
        "SOP '{sop}'.",
    ),
    "runtime_start_unit_needed": (
        "'{user}' tidak memegang jabatan '{jabatan}', pelaksana langkah pertama SOP '{sop}'. Sebutkan unitnya "
        "(--unit).",
        "'{user}' holds the jabatan '{jabatan}' (the pelaksana of the first step of SOP '{sop}') in more than "
        "one unit. Name the unit (--unit).",
    ),
    # --- instances --------------------------------------------------------------------------
    "runtime_bad_mode": ("Mode instans '{mode}' tidak dikenal; gunakan salah satu dari: {modes}.",
                         "Unknown instance mode '{mode}'; use one of: {modes}."),
    "runtime_instance_not_found": ("Instans {instance} tidak ada.", "Instance {instance} does not exist."),
    "runtime_state_unreadable": ("Keadaan instans {instance} tidak dapat dibaca.",
                                 "The state of instance {instance} cannot be read."),
    "runtime_concurrent_change": ("Instans {instance} diubah proses lain bersamaan; coba lagi.",
                                  "Instance {instance} was changed by another process at the same time; try again."),
    "runtime_cannot_continue": ("Proses tidak dapat dilanjutkan: {detail}", "The process cannot go on: {detail}"),
    "runtime_instance_status": ("Instans {instance} berstatus '{status}'.", "Instance {instance} is '{status}'."),
    "runtime_reason_required": ("Tuliskan alasannya.", "Write down the reason."),
    "runtime_not_initiator": (
        "'{user}' bukan pemrakarsa instans {instance} dan tidak memegang jabatan SOP ini di unit '{unit}'.",
        "'{user}' did not start instance {instance} and holds no jabatan of this SOP in unit '{unit}'.",
    ),
    "runtime_status_change": (
        "Instans {instance} berstatus '{status}'; tidak dapat diubah menjadi '{target}'.",
        "Instance {instance} is '{status}'; it cannot become '{target}'.",
    ),
    # --- work items -------------------------------------------------------------------------
    "runtime_item_not_found": ("Tugas {item} tidak ada.", "Work item {item} does not exist."),
    "runtime_item_already_done": ("Tugas {item} sudah diselesaikan oleh {user} pada {at}.",
                                  "Work item {item} was already completed by {user} at {at}."),
    "runtime_item_cancelled": ("Tugas {item} dibatalkan; tidak dapat dikerjakan.",
                               "Work item {item} was cancelled; it cannot be worked on."),
    "runtime_item_suspended": ("Tugas {item} ditangguhkan; tidak dapat dikerjakan.",
                               "Work item {item} is suspended; it cannot be worked on."),
    "runtime_item_not_open": ("Tugas {item} {status}; tidak dapat dikerjakan.",
                              "Work item {item} is {status}; it cannot be worked on."),
    "runtime_not_holder": ("'{user}' tidak memegang jabatan '{jabatan}' di unit '{unit}'.",
                           "'{user}' does not hold the jabatan '{jabatan}' in unit '{unit}'."),
    "runtime_item_claimed_by": ("Tugas {item} sudah diklaim oleh {user}.", "Work item {item} is already claimed by {user}."),
    "runtime_item_not_claimed_by": ("Tugas {item} tidak diklaim oleh '{user}'.",
                                    "Work item {item} is not claimed by '{user}'."),
    "runtime_item_claimed_now": ("Tugas {item} sedang diklaim oleh {user}.", "Work item {item} is claimed by {user}."),
    "runtime_step_not_waiting": ("Langkah '{step}' tidak sedang menunggu dikerjakan.",
                                 "Step '{step}' is not waiting to be done."),
    "runtime_step_other_lane": ("Langkah '{step}' milik jabatan '{jabatan}'.",
                                "Step '{step}' belongs to the jabatan '{jabatan}'."),
    "runtime_item_changed": ("Tugas {item} berubah bersamaan; muat ulang.",
                             "Work item {item} changed at the same time; reload it."),
}
