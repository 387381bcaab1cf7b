"""Catalogue entries of case data at run time: checked forms, registration numbers, masking, the case file."""

from __future__ import annotations

ENTRIES: dict[str, tuple[str, str]] = {
    "runtime_case_data_invalid": (
        "Isian kasus belum benar ({count} masalah): {problems}",
        "The case data is not right yet ({count} problems): {problems}",
    ),
    "case_erased": (
        "Data kasus {instance} sudah dihapus menurut aturan retensi SOP-nya; isian baru tidak dapat dicatat.",
        "The data of case {instance} was erased under its SOP's retention rule; new values cannot be recorded.",
    ),
    "worklist_bad_sort": ("Urutan '{sort}' tidak dikenal; pilih salah satu: {sorts}.",
                          "Unknown sort order '{sort}'; choose one of: {sorts}."),
    "worklist_bad_page": ("Halaman tidak sah: mulai dari 0, paling banyak {limit} baris per halaman.",
                          "Invalid page: start at 0, at most {limit} rows per page."),
    "worklist_search_too_long": ("Teks pencarian terlalu panjang (paling banyak {limit} karakter).",
                                 "The search text is too long (at most {limit} characters)."),
    "cli_case_erased": ("Dihapus: kasus {case} ({values} isian).", "Erased: case {case} ({values} values)."),
    "cli_case_would_erase": ("Akan dihapus: kasus {case}.", "Would be erased: case {case}."),
    "cli_case_erase_summary": ("{count} kasus dihapus menurut aturan retensi.",
                               "{count} cases erased under their retention rule."),
    "cli_case_erase_summary_dry": ("{count} kasus melewati retensi (belum dihapus: --coba).",
                                   "{count} cases are past their retention (not erased: --coba)."),
    "employee_bad_nip": (
        "NIP harus {digits} angka (spasi dan titik boleh).",
        "A NIP is {digits} digits (spaces and dots allowed)."),
    "employee_not_found": ("Tidak ada pegawai dengan NIP ini.", "No pegawai has this NIP."),
}
