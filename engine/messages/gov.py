"""Catalogue entries of governance: organisation jabatan codes of SOP columns, ``alur publish`` as a
recorded bootstrap, CLI queries scoped by an account, the approve hint."""

from __future__ import annotations

ENTRIES: dict[str, tuple[str, str]] = {
    # --- a column's organisation jabatan (Sop.actor_jabatan) ---------------------------------------
    "gov_column_jabatan_unknown_column": (
        "kode jabatan organisasi untuk kolom '{actor}' yang tidak ada di daftar pelaksana ({actors}).",
        "organisation jabatan code for column '{actor}', which is not in the pelaksana list ({actors}).",
    ),
    "gov_column_jabatan_not_in_org": (
        "kolom '{actor}' menunjuk jabatan organisasi '{jabatan_code}', yang tidak ada di unit mana pun; tambahkan "
        "jabatan itu ke organisasi atau perbaiki kodenya (sampai itu, pemegang dicocokkan menurut nama kolom).",
        "column '{actor}' names organisation jabatan '{jabatan_code}', which no unit has; add that jabatan to the "
        "organisation or correct the code (until then holders are matched by the column's name).",
    ),
    "gov_check_org_option": (
        "Periksa juga kode jabatan organisasi setiap kolom terhadap organisasi di $ALUR_DATABASE_URL.",
        "Also check each column's organisation jabatan code against the organisation in $ALUR_DATABASE_URL.",
    ),
    # --- alur publish (bootstrapping, recorded) -------------------------------------------------------
    "gov_publish_not_account": (
        "'{user}' bukan akun login; 'alur publish --as' hanya menerima akun yang dapat masuk dan dicatat "
        "sebagai penerbit. Buat dulu dengan 'alur account add {user} --role admin' (atau peran lain).",
        "'{user}' is not a login account; 'alur publish --as' takes only an account that can log in and is "
        "recorded as the publisher. Create it first with 'alur account add {user} --role admin' (or another role).",
    ),
    "gov_publish_account_disabled": (
        "Akun '{user}' dinonaktifkan; akun nonaktif tidak dapat menerbitkan SOP.",
        "The account '{user}' is disabled; a disabled account cannot publish SOPs.",
    ),
    # --- CLI queries as an account ---------------------------------------------------------------------
    "gov_cli_as_option": (
        "Jawab sebagai akun login ini: hanya data unit yang boleh dilihatnya (kebijakan akses yang sama "
        "dengan web). Tanpa --as: sebagai operator server, semua unit.",
        "Answer as this login account: only the data of the units it may see (the web's access policy). "
        "Without --as: as the server's operator, every unit.",
    ),
    # --- the approve page -------------------------------------------------------------------------------
    "gov_approve_jabatan_in_unit": ("{jabatan} — {unit}", "{jabatan} — {unit}"),
    "gov_not_holder_hint": (
        "Hanya pemegang jabatan '{jabatan}' di {unit} (atau Plh/Plt-nya bila diizinkan) yang dapat "
        "mengesahkan SOP ini.",
        "Only the holder of '{jabatan}' in {unit} (or its Plh/Plt where allowed) can approve this SOP.",
    ),
    # --- alur org tautkan: codes written into drafts ---------------------------------------------
    "gov_link_columns": (
        "Kode jabatan organisasi ditulis ke {columns} kolom dari {drafts} draf SOP.",
        "Organisation jabatan codes written into {columns} columns of {drafts} SOP drafts.",
    ),
    "gov_link_column_ambiguous": (
        "  kolom '{actor}' SOP {key}: lebih dari satu jabatan organisasi cocok ({codes}); pilih di editor",
        "  column '{actor}' of SOP {key}: more than one organisation jabatan matches ({codes}); choose in the editor",
    ),
    "gov_link_column_unmatched": (
        "  kolom '{actor}' SOP {key}: tidak ada jabatan organisasi bernama demikian",
        "  column '{actor}' of SOP {key}: no organisation jabatan has that name",
    ),
    # --- the editor ---------------------------------------------------------------------------------
    "gov_editor_column_jabatan": ("Jabatan organisasi", "Organisation jabatan"),
    "gov_editor_column_jabatan_hint": (
        "satu per baris: Kolom = kode jabatan organisasi. Pemegang jabatan itu yang mengerjakan kolom, "
        "walau jabatannya berganti nama; kolom tanpa baris dicocokkan menurut namanya.",
        "one per line: Column = organisation jabatan code. Holders of that jabatan work the column, even "
        "after the jabatan is renamed; a column without a line is matched by its name.",
    ),
    "gov_editor_column_jabatan_codes": ("Kode jabatan di organisasi", "Jabatan codes in the organisation"),
}
