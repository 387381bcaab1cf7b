"""Catalogue entries of the organisation: the CSV import, holdings, mutasi, acting officials (Plh/Plt) and logins."""

from __future__ import annotations

ENTRIES: dict[str, tuple[str, str]] = {
    # --- the CSV import -----------------------------------------------------------------------
    "org_import_bad_rows": (
        "Impor organisasi ditolak; tidak ada yang diimpor. {count} baris salah:\n{problems}",
        "Organisation import refused; nothing was imported. {count} bad rows:\n{problems}",
    ),
    "org_import_problem": ("{file} baris {line} kolom {column}: {text}", "{file} line {line} column {column}: {text}"),
    "org_import_no_files": (
        "Tidak ada berkas untuk diimpor; berikan units.csv, jabatan.csv dan/atau people.csv.",
        "No files to import; give units.csv, jabatan.csv and/or people.csv.",
    ),
    "org_import_unknown_file": (
        "Berkas '{file}' tidak dikenal; namanya harus units.csv, jabatan.csv atau people.csv.",
        "File '{file}' is not known; it must be named units.csv, jabatan.csv or people.csv.",
    ),
    "org_import_header": (
        "Baris judul harus tepat: {expected} (bukan: {found}).",
        "The header row must be exactly: {expected} (not: {found}).",
    ),
    "org_import_not_text": ("Berkas bukan teks UTF-8.", "The file is not UTF-8 text."),
    "org_import_columns": ("Baris ini punya {found} kolom; harus {expected}.", "This row has {found} columns; it must have {expected}."),
    "org_import_required": ("Wajib diisi.", "Required."),
    "org_import_too_long": ("Terlalu panjang ({size} karakter; paling banyak {limit}).",
                            "Too long ({size} characters; at most {limit})."),
    "org_import_duplicate": ("'{value}' sudah ada di baris {line}.", "'{value}' already appears on line {line}."),
    "org_import_bad_kind": ("Jenis '{value}' tidak dikenal; pilih {kinds}.", "Kind '{value}' is not known; choose {kinds}."),
    "org_import_unknown_parent": ("Unit induk '{value}' tidak ada.", "Parent unit '{value}' does not exist."),
    "org_import_bad_parent": (
        "Unit berjenis {kind} tidak bisa berada di bawah '{parent}' ({parent_kind}): Pemda > OPD > unit.",
        "A unit of kind {kind} cannot be under '{parent}' ({parent_kind}): Pemda > OPD > unit.",
    ),
    "org_import_parent_required": ("Unit berjenis {kind} harus punya induk.", "A unit of kind {kind} needs a parent."),
    "org_import_cycle": ("Unit '{value}' menjadi induk dirinya sendiri (lingkaran).", "Unit '{value}' becomes its own parent (a cycle)."),
    "org_import_unknown_unit": ("Unit '{value}' tidak ada.", "Unit '{value}' does not exist."),
    "org_import_unknown_jabatan": ("Jabatan '{value}' tidak ada di unit '{unit}'.", "Jabatan '{value}' does not exist in unit '{unit}'."),
    "org_import_bad_flag": ("'{value}' bukan ya/tidak (1/0).", "'{value}' is not yes/no (1/0)."),
    "org_import_two_heads": ("Unit '{unit}' sudah punya kepala: {other}.", "Unit '{unit}' already has a head: {other}."),
    "org_import_bad_date": ("'{value}' bukan tanggal (YYYY-MM-DD).", "'{value}' is not a date (YYYY-MM-DD)."),
    "org_import_ends_first": ("Tanggal akhir {last} sebelum tanggal mulai {first}.", "End date {last} is before the start {first}."),
    "org_import_bad_username": (
        "Nama pengguna '{value}' tidak sah: 1-64 huruf, angka, titik, garis bawah atau tanda hubung.",
        "User name '{value}' is not valid: 1-64 letters, digits, dots, underscores or hyphens.",
    ),
    "org_import_bad_nip": ("NIP '{value}' harus berupa angka (paling banyak 32).", "NIP '{value}' must be digits (at most 32)."),
    "org_import_differs": (
        "{column} '{value}' berbeda dengan baris {line} untuk pengguna yang sama ('{other}').",
        "{column} '{value}' differs from line {line} for the same user ('{other}').",
    ),
    "org_import_half_place": ("Isi unit_code dan jabatan_code bersama-sama, atau kosongkan keduanya.",
                              "Fill unit_code and jabatan_code together, or leave both empty."),
    "org_import_done": (
        "Diimpor: {units} unit, {jabatan} jabatan, {people} orang, {holdings} jabatan yang dipegang.",
        "Imported: {units} units, {jabatan} jabatan, {people} people, {holdings} holdings.",
    ),
    # --- holdings, mutasi, acting -------------------------------------------------------------
    "org_field_required": ("Isian '{field}' wajib diisi.", "Field '{field}' is required."),
    "org_bad_date": ("Isian '{field}': '{value}' bukan tanggal (YYYY-MM-DD).", "Field '{field}': '{value}' is not a date (YYYY-MM-DD)."),
    "org_reason_required": ("Tuliskan alasan perubahan ini.", "Write the reason for this change."),
    "org_unit_not_found": ("Unit '{unit}' tidak ada.", "Unit '{unit}' does not exist."),
    "org_person_not_found": ("Pengguna '{user}' tidak ada.", "User '{user}' does not exist."),
    "org_holding_not_found": ("Jabatan yang dipegang #{holding} tidak ada.", "Holding #{holding} does not exist."),
    "org_acting_not_found": ("Penugasan Plh/Plt #{id} tidak ada.", "Acting assignment #{id} does not exist."),
    "org_unknown_unit": ("Unit '{unit}' tidak ada.", "Unit '{unit}' does not exist."),
    "org_unknown_jabatan": ("Jabatan '{jabatan}' tidak ada di unit '{unit}'.", "Jabatan '{jabatan}' does not exist in unit '{unit}'."),
    "org_ends_before_start": ("Tanggal akhir {last} sebelum tanggal mulai {first}.", "End date {last} is before the start {first}."),
    "org_end_in_future": (
        "Tanggal {day} belum tiba (hari ini {today}); catat akhir jabatan pada hari itu terjadi.",
        "The day {day} has not come yet (today is {today}); record the end of a holding when it happens.",
    ),
    "org_end_before_start": ("Tanggal {day} sebelum jabatan ini dimulai ({first}).", "The day {day} is before this holding began ({first})."),
    "org_mutasi_same_place": ("Mutasi ke jabatan dan unit yang sama tidak mengubah apa pun.",
                              "A mutasi to the same jabatan and unit changes nothing."),
    "org_bad_acting_kind": ("Jenis '{value}' tidak dikenal; pilih {kinds}.", "Kind '{value}' is not known; choose {kinds}."),
    "org_bad_kind": ("Jenis unit '{value}' tidak dikenal; pilih {kinds}.", "Unit kind '{value}' is not known; choose {kinds}."),
    # --- access ---------------------------------------------------------------------------------
    "access_not_admin": ("Hanya admin yang dapat mengelola organisasi.", "Only an admin may administer the organisation."),
    "access_not_full_admin": ("Hanya admin Pemda yang dapat melakukan ini.", "Only the Pemda admin may do this."),
    "access_not_your_opd": ("Di luar OPD yang Anda kelola.", "Outside the OPD you administer."),
    "access_not_yourself": ("Login Anda sendiri tidak diubah di sini.", "Your own login is not changed here."),
    # --- alur org -------------------------------------------------------------------------------
    "cli_org_acting_added": ("Penugasan #{id}: {user} sebagai {capacity} di {unit}.", "Assignment #{id}: {user} as {capacity} in {unit}."),
    "cli_org_acting_ended": ("Penugasan #{id} diakhiri; {released} klaim dikembalikan ke jabatan.",
                             "Assignment #{id} ended; {released} claims given back to the jabatan."),
    "cli_org_acting_line": ("#{id} {user}: {capacity} di {unit}, SK {sk}, {first} s.d. {last} ({state})",
                            "#{id} {user}: {capacity} in {unit}, SK {sk}, {first} to {last} ({state})"),
    "cli_org_running": ("berjalan", "running"),
    "cli_org_not_running": ("tidak berjalan", "not running"),
    "cli_org_no_acting": ("Tidak ada penugasan Plh/Plt.", "No acting assignments."),
    "admin_api_not_object": ("Isian '{field}' harus berupa objek JSON.", "Field '{field}' must be a JSON object."),
    "admin_api_not_text": ("Isian '{field}' harus berupa teks.", "Field '{field}' must be text."),
    "admin_api_not_base64": ("Isian '{field}' harus isi berkas dalam base64.", "Field '{field}' must be the file's content in base64."),
}
