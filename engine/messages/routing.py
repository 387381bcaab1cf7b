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
}
