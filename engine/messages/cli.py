"""Catalogue entries of the `alur` command line."""

from __future__ import annotations

ENTRIES: dict[str, tuple[str, str]] = {
    # --- hostile sheets and operations (serve) ---
    "sheet_too_deep": ("{label}: YAML bersarang terlalu dalam; lembar SOP tidak memerlukannya.",
                       "{label}: the YAML is nested too deep; an SOP sheet never needs that."),
    "sheet_bad_value": ("{label}: nilai yang tidak dapat dibaca ({detail}).",
                        "{label}: a value that cannot be read ({detail})."),
    "cli.anchor_no_key": ("Sebutkan --key atau ALUR_ANCHOR_KEY: berkas kunci jangkar di luar basis data.",
                          "Give --key or ALUR_ANCHOR_KEY: the anchor key file, outside the database."),
    "cli.anchor_no_folder": ("Sebutkan --out atau ALUR_ANCHOR_DIR: folder jangkar, terpisah dari basis data.",
                             "Give --out or ALUR_ANCHOR_DIR: the anchor folder, apart from the database."),
    "cli.anchor_written": ("Jangkar ditulis: {path}", "Anchor written: {path}"),
    "cli.anchor_finding": ("Jangkar: {detail}", "Anchor: {detail}"),
    "cli.anchors_ok": ("Jangkar cocok: {anchors} berkas.", "Anchors match: {anchors} files."),
    "cli.db_backup_done": ("Cadangan ditulis: {path}", "Backup written: {path}"),
    "cli.db_restore_confirm": ("Ganti basis data dengan cadangan ini? Web dan worker harus berhenti.",
                               "Replace the store with this backup? Web and worker processes must be stopped."),
    "cli.db_restore_done": ("Basis data dipulihkan (skema {revision}).", "Store restored (schema {revision})."),
    "cli.db_copy_done": ("{rows} baris dari {tables} tabel disalin; rantai audit di tujuan utuh: {instances} instans, "
                         "{events} peristiwa.",
                         "{rows} rows of {tables} tables copied; the audit chain in the target is intact: "
                         "{instances} instances, {events} events."),
}
