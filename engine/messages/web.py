"""Catalogue entries of the web UI (pages, navigation, forms)."""

from __future__ import annotations

ENTRIES: dict[str, tuple[str, str]] = {
    # --- request parameters, security (serve) ---
    "web.bad_number": ("Isian '{field}' harus bilangan bulat 0 sampai 9223372036854775807, bukan '{value}'.",
                       "Field '{field}' must be a whole number from 0 to 9223372036854775807, not '{value}'."),
    "web.bad_date": ("Isian '{field}': '{value}' bukan tanggal (YYYY-MM-DD).",
                     "Field '{field}': '{value}' is not a date (YYYY-MM-DD)."),
    "web.date_out_of_range": ("Isian '{field}': tanggal {value} di luar tahun {low}-{high}.",
                              "Field '{field}': the date {value} is outside the years {low}-{high}."),
    "web.field_too_long": ("Isian '{field}' terlalu panjang ({size} karakter; paling banyak {limit}).",
                           "Field '{field}' is too long ({size} characters; at most {limit})."),
    "web.bad_json": ("Isi permintaan ('{field}') bukan JSON yang dapat diterima: {reason}.",
                     "The request body ('{field}') is not acceptable JSON: {reason}."),
    "web.bad_choice": ("Isian '{field}' tidak dikenal: '{value}'.", "Field '{field}' is not known: '{value}'."),
    "web.upload_too_large": ("Berkas '{field}' terlalu besar ({size} MB; paling besar {limit} MB).",
                             "The file '{field}' is too large ({size} MB; at most {limit} MB)."),
    "web.upload_too_slow": ("Pemeriksaan berkas '{field}' melebihi {limit} detik; perkecil berkasnya.",
                            "Checking the file '{field}' took more than {limit} seconds; make it smaller."),
    "web.too_large": ("Permintaan terlalu besar (paling besar {limit} MB).",
                      "The request is too large (at most {limit} MB)."),
}
