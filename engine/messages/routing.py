"""Words of routing, unit calendars, instance administration and linking data to the organisation."""

from __future__ import annotations

ENTRIES: dict[str, tuple[str, str]] = {
    # --- the organisation as routing reads it (engine.access.linking) -------------------------------
    "routing_org_unit_empty": ("Kode unit kosong.", "The unit code is empty."),
    "routing_org_bad_kind": (
        "Jenis unit '{kind}' tidak dikenal; pilih dari {kinds}.",
        "Unknown unit kind '{kind}'; choose from {kinds}."),
    "routing_org_unknown_parent": (
        "Unit induk '{parent}' tidak ada di struktur organisasi.",
        "Parent unit '{parent}' is not in the organisation."),
    # --- instance administration (engine.runtime.administration, engine.access.policy) --------------
    "routing_not_supervisor": (
        "'{user}' bukan admin atau supervisor unit '{unit}'.",
        "'{user}' is neither admin nor a supervisor of unit '{unit}'."),
    "routing_reassign_target_not_holder": (
        "'{user}' tidak memegang jabatan '{jabatan}' di unit '{unit}'; pilih pemegang jabatan itu.",
        "'{user}' does not hold jabatan '{jabatan}' in unit '{unit}'; choose a holder of that jabatan."),
    "routing_release_not_claimed": (
        "Langkah {item} tidak sedang diambil siapa pun.",
        "Step {item} is not claimed by anyone."),
    "routing_unknown_admin_action": (
        "Tindakan '{action}' tidak dikenal; pilih dari {actions}.",
        "Unknown action '{action}'; choose from {actions}."),
    # --- web pages (instance administration) ------------------------------------------------------
    "penugasan_help": (
        "Penugasan (siapa mengerjakan kolom), satu per baris: Kolom = unit_instans | opd_induk | unit:<kode unit> "
        "| atasan_pemohon | dipilih:<isian> | tim_penyusun. Kolom tanpa baris dikerjakan di unit instans.",
        "Routing (who works a column), one per line: Column = unit_instans | opd_induk | unit:<unit code> "
        "| atasan_pemohon | dipilih:<field> | tim_penyusun. A column without a line works in the instance's unit."),
    "kelola_title": ("Kelola instans", "Instance administration"),
    "nav_kelola": ("Kelola", "Administer"),
    "kelola_overdue_heading": ("Pekerjaan terlambat per jabatan", "Overdue work per jabatan"),
    "kelola_no_overdue": ("Tidak ada pekerjaan terlambat.", "No overdue work."),
    "kelola_running_heading": ("Instans yang belum selesai", "Instances not finished"),
    "kelola_step": ("Langkah", "Step"),
    "kelola_claimed_by": ("Diambil oleh", "Claimed by"),
    "kelola_due": ("Batas waktu", "Due"),
    "kelola_open": ("Kelola", "Administer"),
    "kelola_instance_title": ("Kelola instans #{id}", "Administer instance #{id}"),
    "kelola_action": ("Tindakan", "Action"),
    "kelola_reason": ("Alasan", "Reason"),
    "kelola_continue": ("Lanjut", "Continue"),
    "kelola_open_items": ("Langkah terbuka", "Open steps"),
    "kelola_no_items": ("Tidak ada langkah terbuka di unit yang Anda awasi.", "No open steps in the units you supervise."),
    "kelola_to": ("Kepada", "To"),
    "kelola_back": ("Kembali ke daftar", "Back to the list"),
    "kelola_action_suspend": ("Tangguhkan", "Suspend"),
    "kelola_action_resume": ("Lanjutkan", "Resume"),
    "kelola_action_cancel": ("Batalkan", "Cancel"),
    "kelola_action_retry": ("Coba lagi", "Retry"),
    "kelola_action_release": ("Lepas klaim", "Release the claim"),
    "kelola_action_reassign": ("Alihkan", "Reassign"),
    "kelola_confirm_title": ("Konfirmasi tindakan", "Confirm the action"),
    "kelola_confirm_instance": ("{action} instans #{id} ({sop})?", "{action} instance #{id} ({sop})?"),
    "kelola_confirm_item": ("{action} langkah '{name}' ({jabatan}, {unit})?", "{action} step '{name}' ({jabatan}, {unit})?"),
    "kelola_confirm_button": ("Ya, lakukan", "Yes, do it"),
    "kelola_cancel": ("Batal", "Back"),
    "kelola_done_suspend": ("Instans #{instance} ditangguhkan.", "Instance #{instance} suspended."),
    "kelola_done_resume": ("Instans #{instance} dilanjutkan.", "Instance #{instance} resumed."),
    "kelola_done_cancel": ("Instans #{instance} dibatalkan.", "Instance #{instance} cancelled."),
    "kelola_done_retry": ("Instans #{instance} dicoba lagi.", "Instance #{instance} retried."),
    "kelola_done_release": ("Klaim langkah {item} dilepas.", "The claim on step {item} was released."),
    "kelola_done_reassign": ("Langkah {item} dialihkan kepada {user}.", "Step {item} was reassigned to {user}."),
    "kelola_choose_holder": ("Pilih pemegang jabatan tujuan ('kepada'): {holders}.",
                             "Choose the holder to hand it to ('kepada'): {holders}."),
    # --- CLI ----------------------------------------------------------------------------------------
    "cli_link_summary": (
        "Ditautkan: {holdings} pemegangan jabatan, {instances} instans, {work_items} langkah kerja; "
        "{unmatched} kelompok tidak cocok.",
        "Linked: {holdings} holdings, {instances} instances, {work_items} work items; {unmatched} groups unmatched."),
    "cli_link_unmatched": (
        "  tidak cocok ({table}, {rows} baris): unit '{unit}'{jabatan}",
        "  unmatched ({table}, {rows} rows): unit '{unit}'{jabatan}"),
    "cli_link_unmatched_jabatan": (", jabatan '{jabatan}' tidak ada di unit itu", ", jabatan '{jabatan}' not in that unit"),
    "cli_calendar_imported": ("{count} kalender disimpan: {units}.", "{count} calendars stored: {units}."),
    "cli_calendar_deployment": ("(seluruh pemda)", "(whole deployment)"),
    # --- working calendars on the admin pages (engine.access.administration) ---
    "calendar_bad_day_kind": ("Jenis hari libur '{value}' tidak dikenal; pilih salah satu: {kinds}.",
                              "Unknown kind of day off '{value}'; choose one of: {kinds}."),
    "calendar_day_taken": ("Tanggal {day} sudah ada di kalender ini (sebagai hari libur atau hari masuk).",
                           "The day {day} is already in this calendar (as a day off or a working day)."),
    "admin_api_bad_format": ("Format '{value}' tidak dikenal; pilih yaml atau csv.",
                             "Unknown format '{value}'; choose yaml or csv."),
    "calendar_day_missing": ("Tanggal {day} bukan hari libur jenis itu di kalender ini.",
                             "The day {day} is not a day off of that kind in this calendar."),
}
