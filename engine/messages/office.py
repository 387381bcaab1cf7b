"""Catalogue entries of reading and writing office files (.xlsx, .docx): the official SOP table."""

from __future__ import annotations

ENTRIES: dict[str, tuple[str, str]] = {
    # --- refused files (exit 2) -------------------------------------------------------------------
    "office_corrupt": ("{label}: berkas rusak atau bukan berkas Office (.xlsx/.docx) yang sah ({detail}); "
                       "buka dan simpan ulang di Excel, Word atau LibreOffice.",
                       "{label}: damaged or not a valid Office file (.xlsx/.docx) ({detail}); open it and save it "
                       "again in Excel, Word or LibreOffice."),
    "office_missing_part": ("{label}: bagian {part} tidak ada, jadi ini bukan berkas .xlsx/.docx yang utuh; buka dan "
                            "simpan ulang di Excel, Word atau LibreOffice.",
                            "{label}: part {part} is missing, so this is no complete .xlsx/.docx file; open it and "
                            "save it again in Excel, Word or LibreOffice."),
    "office_bomb": ("{label}: isi berkas terurai menjadi terlalu besar ({detail}); berkas ditolak sebagai bom zip. "
                    "Simpan ulang hanya tabel SOP-nya.",
                    "{label}: the file unpacks to too much data ({detail}); refused as a zip bomb. Save only the SOP "
                    "table again."),
    "office_huge_sheet": ("{label}: lembar '{sheet}' terlalu besar ({rows} baris x {cols} kolom; batas {max_rows} x "
                          "{max_cols}); hapus baris/kolom di luar tabel SOP.",
                          "{label}: sheet '{sheet}' is too large ({rows} rows x {cols} columns; the limit is "
                          "{max_rows} x {max_cols}); delete the rows/columns outside the SOP table."),
    "office_huge_book": ("{label}: buku kerja terlalu besar ({cells} sel; batas {limit}); simpan lembar SOP saja "
                         "di berkas tersendiri.",
                         "{label}: the workbook is too large ({cells} cells; the limit is {limit}); save the SOP "
                         "sheets alone in a file of their own."),
    "office_external": ("{label}: berkas memuat tautan ke luar ({target}); tautan eksternal tidak dibaca. Hapus "
                        "tautan itu (Data > Edit Links > Break Link) lalu simpan ulang.",
                        "{label}: the file links to outside content ({target}); external links are not read. "
                        "Remove the link (Data > Edit Links > Break Link) and save again."),
    "office_macro": ("{label}: berkas memuat makro (VBA); makro tidak diterima. Simpan sebagai .xlsx atau .docx "
                     "tanpa makro.",
                     "{label}: the file contains macros (VBA); macros are not accepted. Save it as .xlsx or .docx "
                     "without macros."),
    "office_encrypted": ("{label}: berkas dilindungi kata sandi; buka di Excel/Word, hapus kata sandi (File > Info > "
                         "Protect > Encrypt) lalu simpan ulang.",
                         "{label}: the file is password-protected; open it in Excel/Word, remove the password "
                         "(File > Info > Protect > Encrypt) and save again."),
    "office_legacy_soffice": ("{label}: format lama {kind} tidak dibaca; ubah dulu dengan LibreOffice (terpasang di "
                              "sini): soffice --headless --convert-to {suffix} \"{name}\"",
                              "{label}: the old {kind} format is not read; convert it first with LibreOffice "
                              "(installed here): soffice --headless --convert-to {suffix} \"{name}\""),
    "office_legacy_save": ("{label}: format lama {kind} tidak dibaca; buka di Excel/Word/LibreOffice dan simpan sebagai "
                           ".{suffix} (LibreOffice tidak terpasang di sini untuk mengubahnya).",
                           "{label}: the old {kind} format is not read; open it in Excel/Word/LibreOffice and save it "
                           "as .{suffix} (LibreOffice is not installed here to convert it)."),
    "office_pdf": ("{label}: PDF (hasil cetak atau pindaian) tidak dapat dibaca sebagai tabel SOP; gunakan berkas "
                   "asli .xlsx/.docx atau ketik ulang SOP di editor.",
                   "{label}: a PDF (printout or scan) cannot be read as an SOP table; use the original .xlsx/.docx "
                   "or type the SOP again in the editor."),
    "office_no_table": ("{label}: tidak ada tabel bagan alir SOP (baris judul NO | KEGIATAN | PELAKSANA); periksa "
                        "bahwa judul kolom tertulis seperti pada format resmi.",
                        "{label}: no SOP flowchart table found (a header row NO | KEGIATAN | PELAKSANA); check that "
                        "the column headings are written as in the official format."),
    "office_no_actors": ("{label}: tabel tidak memiliki kolom pelaksana (nama jabatan di bawah PELAKSANA); isi satu "
                         "kolom per jabatan pada baris judul kedua.",
                         "{label}: the table has no pelaksana columns (jabatan names under PELAKSANA); fill one "
                         "column per jabatan in the second header row."),
    "office_several": ("{label}: berisi {count} SOP ({names}); pilih satu dengan --proses NAMA_LEMBAR, atau ubah "
                       "semuanya ke folder dengan: alur import \"{label}\" -o FOLDER.",
                       "{label}: holds {count} SOPs ({names}); choose one with --proses SHEET_NAME, or convert them "
                       "all into a folder with: alur import \"{label}\" -o FOLDER."),
    "office_unknown_process": ("{label}: tidak ada SOP '{process}'; yang ada: {names}.",
                               "{label}: there is no SOP '{process}'; there are: {names}."),
    # --- problems of an imported draft (reported by row and column) -------------------------------
    "office_no_actor": ("NO {no} (baris {row}, kolom PELAKSANA): tidak ada tanda atau simbol di kolom pelaksana; beri "
                        "tanda √ atau gambar simbol di kolom jabatan yang mengerjakan langkah ini ({actors}).",
                        "NO {no} (row {row}, PELAKSANA columns): no mark or symbol in the pelaksana columns; put a √ "
                        "or draw the symbol in the column of the jabatan doing this step ({actors})."),
    "office_many_actors": ("NO {no} (baris {row}, sel {cells}): ada tanda di lebih dari satu kolom pelaksana ({actors}); "
                           "sisakan satu, atau pecah menjadi beberapa langkah.",
                           "NO {no} (row {row}, cells {cells}): marks in more than one pelaksana column ({actors}); "
                           "keep one, or split the row into several steps."),
    "office_outside_actor": ("NO {no} (baris {row}, sel {cell}): simbol tidak berada di kolom pelaksana; geser ke "
                             "kolom jabatan yang mengerjakan langkah ini.",
                             "NO {no} (row {row}, cell {cell}): the symbol is not in a pelaksana column; move it to "
                             "the column of the jabatan doing this step."),
    "office_decision_targets": ("NO {no} (baris {row}, kolom KETERANGAN {cell}): keputusan tanpa tujuan Ya/Tidak; "
                                "gambar dua panah berlabel Ya dan Tidak, atau tulis di KETERANGAN mis. "
                                "\"Ya: ke 4; Tidak: ke 2\".",
                                "NO {no} (row {row}, KETERANGAN column {cell}): a decision without Ya/Tidak targets; "
                                "draw two arrows labelled Ya and Tidak, or write in KETERANGAN e.g. "
                                "\"Ya: ke 4; Tidak: ke 2\"."),
    "office_decision_one_target": ("NO {no} (baris {row}, kolom KETERANGAN {cell}): keputusan hanya memiliki tujuan "
                                   "{known}; tulis juga tujuan {missing} (mis. \"{missing}: ke 3\").",
                                   "NO {no} (row {row}, KETERANGAN column {cell}): the decision only has its {known} "
                                   "target; write the {missing} target too (e.g. \"{missing}: ke 3\")."),
    "office_decision_unlabelled": ("NO {no} (baris {row}, sel {cell}): dua panah keluar dari keputusan tanpa label Ya/"
                                   "Tidak; beri label pada panah atau tulis di KETERANGAN \"Ya: ke N; Tidak: ke M\".",
                                   "NO {no} (row {row}, cell {cell}): two arrows leave the decision without Ya/Tidak "
                                   "labels; label the arrows or write \"Ya: ke N; Tidak: ke M\" in KETERANGAN."),
    "office_bad_target": ("NO {no} (baris {row}, sel {cell}): merujuk ke NO {target} yang tidak ada di tabel; perbaiki "
                          "nomornya.",
                          "NO {no} (row {row}, cell {cell}): refers to NO {target}, which is not in the table; fix "
                          "the number."),
    "office_no_arrow": ("NO {no} (baris {row}, sel {cell}): tidak ada panah keluar dari simbol ini; gambar panah ke "
                        "langkah berikutnya atau jadikan simbol akhir (terminator).",
                        "NO {no} (row {row}, cell {cell}): no arrow leaves this symbol; draw an arrow to the next "
                        "step or make it an end symbol (terminator)."),
    "office_bad_date": ("{field} (sel {cell}): tanggal '{value}' tidak dikenali; tulis seperti \"3 Maret 2025\" atau "
                        "03-03-2025.",
                        "{field} (cell {cell}): date '{value}' is not understood; write it like \"3 Maret 2025\" or "
                        "03-03-2025."),
    "office_no_name": ("NAMA SOP tidak ditemukan di lembar identitas; isi baris \"NAMA SOP : ...\".",
                       "NAMA SOP was not found on the identity sheet; fill in the row \"NAMA SOP : ...\"."),
    "office_field_no_name": ("ISIAN (sel {cell}): baris ini berisi data tetapi NAMA-nya kosong; isi nama isian "
                             "(huruf kecil, angka, garis bawah).",
                             "ISIAN (cell {cell}): this row holds data but its NAMA is empty; fill in the field "
                             "name (lower-case letters, digits, underscores)."),
    "office_bad_field_type": ("ISIAN (sel {cell}): JENIS '{value}' tidak dikenal; pilih salah satu: {known}.",
                              "ISIAN (cell {cell}): JENIS '{value}' is not known; use one of: {known}."),
    "office_bad_field_flag": ("ISIAN (sel {cell}): {column} '{value}' tidak dikenali; tulis \"ya\" atau \"tidak\".",
                              "ISIAN (cell {cell}): {column} '{value}' is not understood; write \"ya\" or "
                              "\"tidak\"."),
    "office_bad_field_step": ("ISIAN (sel {cell}): langkah NO {value} tidak ada di tabel; tulis NO, id langkah atau "
                              "\"mulai\".",
                              "ISIAN (cell {cell}): step NO {value} is not in the table; write a NO, a step id or "
                              "\"mulai\"."),
    "office_field_no_table": ("ISIAN (sel {cell}): '{name}' adalah kolom tabel, tetapi baris di atasnya bukan isian "
                              "'{table}' berjenis tabel; tulis kolom tepat di bawah isian tabelnya.",
                              "ISIAN (cell {cell}): '{name}' is a table column, but the row above is no field "
                              "'{table}' of type tabel; write columns right under their table field."),
    "office_bad_field_catat": ("ISIAN (sel {cell}): CATAT '{value}' tidak terbaca; tulis satu per baris "
                               "\"langkah: jenis.kolom\" (mis. \"tetapkan_tim: tim.nama\").",
                               "ISIAN (cell {cell}): CATAT '{value}' cannot be read; write one a line "
                               "\"step: kind.field\" (e.g. \"tetapkan_tim: tim.nama\")."),
    "office_catat_two_kinds": ("ISIAN (sel {cell}): langkah {step} sudah mencatat {kind}; satu langkah mencatat "
                               "satu jenis catatan, bukan juga {other}.",
                               "ISIAN (cell {cell}): step {step} records a {kind} already; a step records one kind "
                               "of record, not also a {other}."),
    # --- alur import --------------------------------------------------------------------------------
    "office_import_label": ("Mengimpor", "Importing"),
    "office_import_written": ("{name}: {out} ditulis ({steps} langkah).", "{name}: {out} written ({steps} steps)."),
    "office_import_invalid": ("{name}: tidak ditulis, {count} masalah harus diperbaiki.",
                              "{name}: not written, {count} problems must be fixed."),
    "office_import_summary": ("{files} berkas, {total} SOP: {imported} diimpor, {warned} dengan peringatan, {refused} "
                              "ditolak.",
                              "{files} files, {total} SOPs: {imported} imported, {warned} with warnings, {refused} "
                              "refused."),
    "office_import_reason": ("  ditolak karena {reason}: {count}", "  refused for {reason}: {count}"),
    "office_reason_invalid": ("isi tabel perlu diperbaiki", "table content to fix"),
    "office_reason_macro": ("makro", "macros"),
    "office_reason_encrypted": ("kata sandi", "password protection"),
    "office_reason_legacy": ("format lama .xls/.doc", "old .xls/.doc format"),
    "office_reason_pdf": ("PDF", "PDF"),
    "office_reason_bomb": ("bom zip", "zip bomb"),
    "office_reason_corrupt": ("berkas rusak", "damaged file"),
    "office_reason_external": ("tautan eksternal", "external links"),
    "office_reason_huge": ("lembar terlalu besar", "sheet too large"),
    "office_reason_no_table": ("tidak ada tabel SOP", "no SOP table"),
    "office_reason_other": ("tidak terbaca", "unreadable"),
    "office_import_empty": ("{folder}: tidak ada berkas .xlsx atau .docx.", "{folder}: no .xlsx or .docx files."),
}
