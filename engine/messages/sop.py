"""Catalogue entries of the SOP model and of reading files: validation problems, unreadable input."""

from __future__ import annotations

ENTRIES: dict[str, tuple[str, str]] = {
    # --- validation -------------------------------------------------------------------------
    "bad_step_id": (
        "id langkah tidak sah; gunakan huruf, angka dan garis bawah, diawali huruf.",
        "invalid step id; use letters, digits and underscores, starting with a letter.",
    ),
    "duplicate_step_id": (
        "id langkah dipakai lebih dari sekali; beri setiap langkah id yang unik.",
        "step id used more than once; give every step a unique id.",
    ),
    "no_steps": ("SOP belum memiliki langkah.", "the SOP has no steps."),
    "empty_actor": ("ada pelaksana tanpa nama jabatan.", "a pelaksana has no jabatan name."),
    "duplicate_actor": (
        "pelaksana tercantum lebih dari sekali; hapus salah satunya.",
        "pelaksana listed more than once; remove one of them.",
    ),
    "unused_actor": (
        "pelaksana tidak mengerjakan langkah apa pun; hapus kolomnya atau beri langkah.",
        "pelaksana does no step; remove the column or assign a step.",
    ),
    "routing_unknown_column": (
        "penugasan untuk kolom '{actor}' yang tidak ada di daftar pelaksana ({actors}).",
        "routing rule for column '{actor}', which is not in the pelaksana list ({actors}).",
    ),
    "routing_bad_rule": (
        "penugasan kolom '{actor}' tidak dikenal: '{rule}'; gunakan salah satu dari: {kinds} "
        "(unit:<kode>, dipilih:<isian>).",
        "unknown routing rule of column '{actor}': '{rule}'; use one of: {kinds} (unit:<code>, dipilih:<field>).",
    ),
    "routing_unknown_field": (
        "penugasan kolom '{actor}' memilih unit dari isian '{field}' yang tidak dideklarasikan SOP.",
        "the routing rule of column '{actor}' takes the unit from field '{field}', which the SOP does not declare.",
    ),
    "missing_activity": ("kegiatan kosong; tuliskan kegiatan langkah ini.",
                         "empty kegiatan; describe what this step does."),
    "missing_actor": (
        "langkah belum memiliki pelaksana; pilih salah satu dari: {actors}.",
        "step has no pelaksana; choose one of: {actors}.",
    ),
    "unknown_actor": (
        "pelaksana '{actor}' tidak ada di daftar pelaksana ({actors}); tambahkan atau perbaiki ejaannya.",
        "pelaksana '{actor}' is not in the pelaksana list ({actors}); add it or fix the spelling.",
    ),
    "dangling_reference": (
        "merujuk ke langkah '{target}' yang tidak ada; perbaiki tujuan panah.",
        "refers to step '{target}', which does not exist; fix the arrow's target.",
    ),
    "decision_with_next": (
        "keputusan memakai 'lanjut'; gunakan 'ya' dan 'tidak'.",
        "a decision uses 'lanjut'; use 'ya' and 'tidak'.",
    ),
    "decision_without_yes": ("keputusan tidak memiliki cabang 'Ya'; isi 'ya'.",
                             "decision has no 'Ya' branch; fill in 'ya'."),
    "decision_without_no": ("keputusan tidak memiliki cabang 'Tidak'; isi 'tidak'.",
                            "decision has no 'Tidak' branch; fill in 'tidak'."),
    "decision_same_targets": (
        "cabang 'Ya' dan 'Tidak' sama-sama menuju '{target}'; ubah salah satunya atau jadikan kegiatan biasa.",
        "the 'Ya' and 'Tidak' branches both go to '{target}'; change one or make it a plain activity.",
    ),
    "bad_condition": ("syarat '{condition}' ditolak: {reason}", "condition '{condition}' rejected: {reason}"),
    "yes_no_on_non_decision": (
        "'ya', 'tidak' atau 'syarat' hanya untuk keputusan; ubah jenis langkah menjadi keputusan.",
        "'ya', 'tidak' or 'syarat' only belong to a decision; make the step a decision.",
    ),
    "end_with_next": ("langkah selesai tidak boleh memiliki 'lanjut'.", "an end step cannot have 'lanjut'."),
    "no_successor": (
        "langkah tidak memiliki langkah berikutnya; isi 'lanjut' atau jadikan langkah selesai.",
        "step has no next step; fill in 'lanjut' or make it an end step.",
    ),
    "duplicate_successor": ("'lanjut' menyebut langkah yang sama dua kali.",
                            "'lanjut' names the same step twice."),
    "start_has_incoming": (
        "langkah mulai menjadi tujuan panah dari {sources}; arahkan panah itu ke langkah sesudah mulai.",
        "the start step is the target of an arrow from {sources}; point it at the step after the start.",
    ),
    "join_without_branches": (
        "'tunggu_semua' dipasang tetapi hanya satu panah masuk; hapus 'tunggu_semua'.",
        "'tunggu_semua' is set but only one arrow comes in; remove 'tunggu_semua'.",
    ),
    "bad_duration": ("{reason}", "{reason}"),
    "missing_duration": (
        "mutu baku waktu kosong; isi waktu (mis. \"1 hari\") agar pemantauan dapat membandingkan.",
        "mutu baku waktu is empty; fill it in (e.g. \"1 hari\") so monitoring can compare.",
    ),
    "no_start": ("SOP tidak memiliki langkah mulai; tandai langkah pertama sebagai 'mulai'.",
                 "the SOP has no start step; mark the first step as 'mulai'."),
    "many_starts": (
        "SOP memiliki lebih dari satu langkah mulai ({ids}); sisakan satu.",
        "the SOP has more than one start step ({ids}); keep one.",
    ),
    "no_end": ("SOP tidak memiliki langkah selesai; tandai langkah terakhir sebagai 'selesai'.",
               "the SOP has no end step; mark the last step as 'selesai'."),
    "unreachable": (
        "langkah tidak dapat dicapai dari langkah mulai; hubungkan dengan panah dari langkah sebelumnya.",
        "step cannot be reached from the start; connect it with an arrow from an earlier step.",
    ),
    "no_way_to_end": (
        "dari langkah ini tidak ada jalan menuju langkah selesai (putaran tanpa akhir); tambahkan jalan keluar.",
        "there is no way from this step to an end step (an endless loop); add a way out.",
    ),
}


ENTRIES.update({
    # --- unreadable or hostile input (exit 2) ---------------------------------------------------
    "file_unknown_type": ("{label}: jenis berkas tidak dikenal; gunakan .bpmn atau .yaml.",
                          "{label}: unknown file type; use .bpmn or .yaml."),
    "file_too_large": ("{label}: berkas terlalu besar ({size} byte; batas {limit} byte).",
                       "{label}: file too large ({size} bytes; the limit is {limit} bytes)."),
    "file_unreadable": ("{label}: tidak dapat dibaca ({reason}).", "{label}: cannot be read ({reason})."),
    "sheet_not_utf8": ("{label}: lembar SOP harus berupa teks UTF-8.", "{label}: an SOP sheet must be UTF-8 text."),
    "sheet_alias": (
        "{label}: lembar SOP memakai alias YAML (*{anchor}) pada baris {line}; alias tidak diizinkan. Tuliskan "
        "isinya secara langsung.",
        "{label}: the SOP sheet uses a YAML alias (*{anchor}) on line {line}; aliases are not allowed. Write the "
        "content out."),
    "sheet_not_yaml": ("{label}: lembar SOP bukan YAML yang sah{where}: {detail}",
                       "{label}: the SOP sheet is not valid YAML{where}: {detail}"),
    "xml_doctype": (
        "{label}: deklarasi DOCTYPE/ENTITY tidak diizinkan dalam {kind} (bisa dipakai untuk membaca berkas lokal "
        "atau meledakkan memori). Ekspor ulang tanpa DOCTYPE.",
        "{label}: DOCTYPE/ENTITY declarations are not allowed in {kind} (they can read local files or exhaust "
        "memory). Export again without a DOCTYPE."),
    "xml_not_wellformed": ("{label}: bukan XML yang sah (baris {line}): {detail}",
                           "{label}: not well-formed XML (line {line}): {detail}"),
    "xml_too_deep": ("{label}: elemen bersarang terlalu dalam (batas {limit} tingkat).",
                     "{label}: elements nested too deep (the limit is {limit} levels)."),
    "xml_too_many": ("{label}: terlalu banyak elemen (batas {limit}).",
                     "{label}: too many elements (the limit is {limit})."),
    "not_bpmn_document": (
        "{label}: bukan dokumen BPMN 2.0 (elemen akar '{tag}'); ekspor ulang sebagai BPMN 2.0 XML.",
        "{label}: not a BPMN 2.0 document (root element '{tag}'); export it again as BPMN 2.0 XML."),
    # --- SOP numbers (engine.sop.numbering) --------------------------------------------------------
    "bad_number_pattern": (
        "pola nomor SOP '{pattern}' tidak sah: {reason}. Gunakan bidang {{urut}}, {{unit}}, {{tahun}}, {{bulan}}, "
        "{{bulan_romawi}}, mis. {{urut:03d}}/SOP/{{unit}}/{{tahun}}.",
        "SOP number pattern '{pattern}' is not valid: {reason}. Use the fields {{urut}}, {{unit}}, {{tahun}}, "
        "{{bulan}}, {{bulan_romawi}}, e.g. {{urut:03d}}/SOP/{{unit}}/{{tahun}}."),
    # --- SpiffWorkflow parsing (engine.bpmn.spiff.spec) --------------------------------------------
    "spiff_rejected": ("SpiffWorkflow menolak BPMN hasil ekspor: {detail}",
                       "SpiffWorkflow rejected the exported BPMN: {detail}"),
    # --- reading BPMN (engine.bpmn.reader) ---------------------------------------------------------
    "no_process": ("tidak ada proses dengan langkah di berkas ini.", "the file has no process with steps."),
    "many_processes": (
        "berkas berisi {count} proses dengan langkah: {names}. Satu SOP adalah satu proses: pilih salah satu "
        "dengan --proses ID, atau simpan tiap proses di berkas sendiri.",
        "the file holds {count} processes with steps: {names}. One SOP is one process: choose one with "
        "--process ID, or save each process in its own file."),
    "process_not_found": (
        "proses '{wanted}' tidak ada di berkas ini; yang ada: {processes}.{hint}",
        "process '{wanted}' is not in this file; it holds: {processes}.{hint}"),
    "unsupported_element": ("{what} tidak dapat dijalankan Alur; {fix}", "{what} cannot be run by Alur; {fix}"),
    "converted_element": ("{what}; {effect}", "{what}; {effect}"),
    "missing_flow_ref": (
        "alur urutan merujuk ke elemen '{target}' yang tidak ada; hubungkan ulang panah ini di modeler.",
        "sequence flow refers to element '{target}', which does not exist; reconnect this arrow in the modeler."),
    "branch_to_parallel": (
        "cabang '{branch}' keputusan langsung bercabang paralel; tambahkan satu kegiatan sebelum percabangan "
        "paralel.",
        "branch '{branch}' of the decision splits in parallel at once; add an activity before the parallel split."),
    "branch_without_step": (
        "cabang '{branch}' keputusan tidak menuju langkah mana pun; hubungkan ke sebuah langkah.",
        "branch '{branch}' of the decision leads to no step; connect it to a step."),
    "condition_on_task_flow": (
        "aliran bersyarat keluar langsung dari tugas; pakai gateway eksklusif untuk percabangan bersyarat.",
        "conditional flow leaves a task directly; use an exclusive gateway for conditional branching."),
    "no_lane": ("tidak berada di lajur (pelaksana) mana pun; ditempatkan pada '{actor}'.",
                "is in no lane (pelaksana); placed with '{actor}'."),
    "unnamed_task": ("tugas tanpa nama; kegiatan diisi '{label}', perbaiki di tabel.",
                     "task without a name; kegiatan set to '{label}', fix it in the table."),
    # --- the YAML sheet (engine.formats.sheet) -----------------------------------------------------
    "sheet_not_mapping": ("lembar SOP harus berisi pasangan kunci: alur, sop, pelaksana, langkah.",
                          "an SOP sheet must be a mapping with keys alur, sop, pelaksana, langkah."),
    "sheet_version": ("versi lembar '{version}' tidak dikenal; gunakan 'alur: 1'.",
                      "unknown sheet version '{version}'; use 'alur: 1'."),
    "sheet_unknown_key": ("kunci '{key}' tidak dikenal; kunci yang dikenal: {known}.",
                          "unknown key '{key}'; known keys: {known}."),
    "sheet_wrong_type": ("'{key}' harus berupa {expected}.", "'{key}' must be {expected}."),
    "sheet_bad_date": ("tanggal '{value}' pada '{key}' tidak dikenali; tulis seperti 2026-01-31.",
                       "date '{value}' in '{key}' is not understood; write it like 2026-01-31."),
    "sheet_bad_kind": ("jenis '{value}' tidak dikenal; gunakan mulai, kegiatan, keputusan atau selesai.",
                       "unknown jenis '{value}'; use mulai, kegiatan, keputusan or selesai."),
    "sheet_bad_text": ("'{key}' berisi karakter kendali yang tidak dapat disimpan; hapus karakter itu.",
                       "'{key}' contains control characters that cannot be stored; remove them."),
    "sheet_missing_id": ("langkah ke-{number} tidak memiliki id.", "step {number} has no id."),
    "sheet_bad_field_type": ("jenis isian '{value}' tidak dikenal; gunakan salah satu dari: {known}.",
                             "unknown field type '{value}'; use one of: {known}."),
    "sheet_missing_field_name": ("isian ke-{number} tidak memiliki nama.", "field {number} has no name."),
    "sheet_bad_requirement": (
        "butir kelengkapan harus berupa teks atau '{{dokumen: nama dokumen}}'.",
        "a kelengkapan item must be text or '{{dokumen: document name}}'."),
    # --- working time as text (engine.sop.duration_text) ----------------------------------------
    "duration_minutes": ("{value} menit", "{value} minutes"),
    "duration_minute_one": ("{value} menit", "{value} minute"),
    "duration_hours": ("{value} jam", "{value} hours"),
    "duration_hour_one": ("{value} jam", "{value} hour"),
    "duration_days": ("{value} hari kerja", "{value} working days"),
    "duration_day_one": ("{value} hari kerja", "{value} working day"),
    "duration_long_hours": ("{value} jam", "{value} h"),
    "duration_long_minutes": ("{value} menit", "{value} min"),
    "duration_less_minute": ("< 1 menit", "< 1 min"),
    "duration_calendar_days": ("{value} hari", "{value} days"),
    "duration_calendar_day_one": ("{value} hari", "{value} day"),
    "duration_short_days": ("{value} hk", "{value} wd"),
    "duration_short_hours": ("{value} j", "{value} h"),
    "duration_short_minutes": ("{value} mnt", "{value} min"),
    "duration_unit_minute": ("menit", "minutes"),
    "duration_unit_hour": ("jam", "hours"),
    "duration_unit_day": ("hari kerja", "working days"),
    # --- what changed between two versions (engine.sop.diff) -------------------------------------
    "diff_field_kind": ("jenis", "kind"),
    "diff_field_activity": ("kegiatan", "activity"),
    "diff_field_actor": ("pelaksana", "executor"),
    "diff_field_requirements": ("kelengkapan", "requirements"),
    "diff_field_duration": ("waktu", "time"),
    "diff_field_output": ("output", "output"),
    "diff_field_remarks": ("keterangan", "remarks"),
    "diff_field_next": ("lanjut", "next"),
    "diff_field_yes": ("ya", "yes"),
    "diff_field_no": ("tidak", "no"),
    "diff_field_condition": ("syarat", "condition"),
    "diff_field_join": ("tunggu semua", "wait for all"),
    "diff_field_documents": ("dokumen", "documents"),
    "diff_field_output_document": ("output dokumen", "output is a document"),
    "diff_case_field": ("Isian {step}: '{before}' → '{after}'", "Case field {step}: '{before}' → '{after}'"),
    "diff_new_step": ("Langkah baru {step}: {after}", "New step {step}: {after}"),
    "diff_removed_step": ("Langkah {step} dihapus: {before}", "Step {step} removed: {before}"),
    "diff_changed_step": ("Langkah {step}, {label}: '{before}' → '{after}'",
                          "Step {step}, {label}: '{before}' → '{after}'"),
    "diff_order": ("Urutan baris: {before} → {after}", "Row order: {before} → {after}"),
    "diff_actors": ("Pelaksana: {before} → {after}", "Executors: {before} → {after}"),
    "diff_identity": ("Identitas, {field}: '{before}' → '{after}'", "Identity, {field}: '{before}' → '{after}'"),
})


ENTRIES.update({
    # --- case fields: names of the types ----------------------------------------------------------
    "field_type_teks": ("teks satu baris", "one line of text"),
    "field_type_teks_panjang": ("teks", "text"),
    "field_type_bilangan": ("bilangan bulat", "a whole number"),
    "field_type_desimal": ("bilangan (boleh desimal)", "a number (decimals allowed)"),
    "field_type_tanggal": ("tanggal", "a date"),
    "field_type_pilihan": ("salah satu pilihan", "one of the options"),
    "field_type_ya_tidak": ("ya atau tidak", "yes or no"),
    "field_type_nik": ("NIK 16 angka", "a 16-digit NIK"),
    "field_type_nip": ("NIP 18 angka", "an 18-digit NIP"),
    "field_type_telepon": ("nomor telepon", "a phone number"),
    "field_type_email": ("alamat email", "an e-mail address"),
    "field_type_uang": ("jumlah rupiah", "an amount in rupiah"),
    "field_type_tabel": ("tabel baris", "a table of rows"),
    # --- case field values ------------------------------------------------------------------------
    "case_data_not_mapping": ("data kasus harus berupa pasangan nama isian dan nilai.",
                              "case data must map field names to values."),
    "field_not_asked": (
        "isian ini tidak diminta pada langkah '{step}'; yang diminta: {fields}.",
        "this field is not asked at step '{step}'; the fields asked are: {fields}."),
    "field_required": ("{label} wajib diisi.", "{label} is required."),
    "value_wrong_type": ("{label} harus berupa {expected}.", "{label} must be {expected}."),
    "value_too_long": ("{label} terlalu panjang ({length} karakter; batas {limit}).",
                       "{label} is too long ({length} characters; the limit is {limit})."),
    "value_control_characters": ("{label} berisi karakter kendali; hapus karakter itu.",
                                 "{label} contains control characters; remove them."),
    "value_not_number": ("{label} harus berupa bilangan.", "{label} must be a number."),
    "value_too_large": ("{label} terlalu besar (batas {limit}).", "{label} is too large (the limit is {limit})."),
    "value_not_integer": ("{label}: '{value}' bukan bilangan bulat; tulis angka saja, mis. 12.",
                          "{label}: '{value}' is not a whole number; write digits only, e.g. 12."),
    "value_not_decimal": ("{label}: '{value}' bukan bilangan; tulis mis. 2,5 atau 1.250,75.",
                          "{label}: '{value}' is not a number; write e.g. 2,5 or 1.250,75."),
    "value_not_money": ("{label}: '{value}' bukan jumlah rupiah; tulis mis. Rp 1.500.000.",
                        "{label}: '{value}' is not an amount in rupiah; write e.g. Rp 1.500.000."),
    "value_money_negative": ("{label} tidak boleh negatif.", "{label} cannot be negative."),
    "value_not_date": ("{label}: '{value}' bukan tanggal; tulis mis. 2025-03-03 atau 3 Maret 2025.",
                       "{label}: '{value}' is not a date; write e.g. 2025-03-03 or 3 Maret 2025."),
    "value_not_option": ("{label}: '{value}' bukan salah satu pilihan ({options}).",
                         "{label}: '{value}' is not one of the options ({options})."),
    "value_not_yes_no": ("{label}: '{value}' harus 'ya' atau 'tidak'.", "{label}: '{value}' must be 'ya' or 'tidak'."),
    "value_not_nik": ("{label} harus 16 angka (tertulis {count} angka); salin dari KTP-el.",
                      "{label} must be 16 digits ({count} given); copy it from the KTP-el."),
    "value_nik_birth": ("{label}: tanggal lahir di dalam NIK (angka ke-7 sampai ke-12) tidak sah; periksa lagi.",
                        "{label}: the birth date inside the NIK (digits 7 to 12) is not valid; check it again."),
    "value_not_nip": ("{label} harus 18 angka (tertulis {count} angka), mis. 19700512 199503 1 002.",
                      "{label} must be 18 digits ({count} given), e.g. 19700512 199503 1 002."),
    "value_nip_parts": (
        "{label}: NIP tidak sah (tanggal lahir, bulan pengangkatan atau kode jenis kelamin keliru); periksa lagi.",
        "{label}: not a valid NIP (birth date, month of appointment or sex digit is wrong); check it again."),
    "value_not_phone": ("{label}: '{value}' bukan nomor telepon Indonesia; tulis mis. 0812 3456 7890.",
                        "{label}: '{value}' is not an Indonesian phone number; write e.g. 0812 3456 7890."),
    "value_not_email": ("{label}: '{value}' bukan alamat email; tulis mis. nama@contoh.go.id.",
                        "{label}: '{value}' is not an e-mail address; write e.g. nama@contoh.go.id."),
    "value_not_table": ("{label} harus berupa daftar baris (objek).", "{label} must be a list of rows (objects)."),
    "value_too_many_rows": ("{label} memiliki {count} baris; batas {limit}.",
                            "{label} has {count} rows; the limit is {limit}."),
    "value_table_unknown_column": ("{label} baris {row}: kolom '{column}' tidak dikenal; kolomnya: {columns}.",
                                   "{label} row {row}: unknown column '{column}'; the columns are: {columns}."),
    "value_table_cell": ("{label} baris {row}, kolom {column}: {reason}",
                         "{label} row {row}, column {column}: {reason}"),
})


ENTRIES.update({
    # --- checks of case fields and of the conditions that read them --------------------------------
    "too_many_fields": ("SOP mendeklarasikan {count} isian; batas {limit}.",
                        "the SOP declares {count} fields; the limit is {limit}."),
    "field_bad_name": (
        "nama isian tidak sah; gunakan huruf kecil, angka dan garis bawah, diawali huruf (paling panjang 40).",
        "invalid field name; use lower-case letters, digits and underscores, starting with a letter (at most 40)."),
    "field_reserved_name": (
        "nama isian ini dipakai Alur sendiri (keputusan, nama fungsi syarat, kata Python); pilih nama lain.",
        "this field name is used by Alur itself (keputusan, condition functions, Python words); choose another."),
    "field_duplicate_name": ("nama isian dipakai lebih dari sekali; beri setiap isian nama yang unik.",
                             "field name used more than once; give every field a unique name."),
    "field_label_too_long": ("label isian terlalu panjang (batas {limit} karakter).",
                             "field label too long (the limit is {limit} characters)."),
    "field_unknown_step": (
        "isian diminta pada langkah '{step}' yang tidak ada; pilih salah satu dari: {steps}.",
        "the field is asked at step '{step}', which does not exist; choose one of: {steps}."),
    "field_step_not_worked": (
        "isian diminta pada langkah '{step}' yang tidak dikerjakan pelaksana (keputusan bersyarat atau akhir "
        "tanpa waktu); mintalah pada langkah sebelumnya.",
        "the field is asked at step '{step}', which no clerk works (a decision with a syarat, or an end without "
        "waktu); ask for it at an earlier step."),
    "field_choice_without_options": ("isian pilihan belum memiliki 'pilihan'; tuliskan pilihannya.",
                                     "a choice field has no 'pilihan'; list its options."),
    "field_bad_options": ("'pilihan' berisi pilihan kosong atau ganda; perbaiki daftarnya.",
                          "'pilihan' holds an empty or repeated option; fix the list."),
    "field_too_many_options": ("terlalu banyak pilihan (batas {limit}).", "too many options (the limit is {limit})."),
    "field_options_not_choice": (
        "'pilihan' hanya untuk isian berjenis pilihan, bukan '{type}'; ubah jenisnya atau hapus 'pilihan'.",
        "'pilihan' only belongs to a choice field, not '{type}'; change the type or remove 'pilihan'."),
    "field_table_without_columns": ("isian tabel belum memiliki 'kolom'; tuliskan kolomnya.",
                                    "a table field has no 'kolom'; list its columns."),
    "field_too_many_columns": ("terlalu banyak kolom (batas {limit}).", "too many columns (the limit is {limit})."),
    "field_table_in_table": ("kolom tabel tidak boleh berupa tabel; pecah menjadi isian tersendiri.",
                             "a table column cannot be a table; make it a field of its own."),
    "field_columns_not_table": ("'kolom' hanya untuk isian berjenis tabel; ubah jenisnya atau hapus 'kolom'.",
                                "'kolom' only belongs to a table field; change the type or remove 'kolom'."),
    "document_not_a_requirement": (
        "dokumen '{document}' bukan salah satu kelengkapan langkah ini; tambahkan ke kelengkapan.",
        "document '{document}' is not one of this step's kelengkapan; add it to the kelengkapan."),
    "condition_without_fields": (
        "syarat '{condition}' membaca {names}, tetapi SOP belum mendeklarasikan isian kasus. Syarat hanya "
        "membaca isian yang dideklarasikan: tambahkan {names} di bawah 'isian' dengan jenisnya.",
        "condition '{condition}' reads {names}, but the SOP declares no case fields. A condition reads declared "
        "fields only: add {names} under 'isian' with their types."),
    "condition_unknown_name": (
        "syarat '{condition}' membaca '{name}', yang tidak dideklarasikan sebagai isian (isian: {declared}); "
        "tambahkan '{name}' di bawah 'isian' atau perbaiki ejaannya.",
        "condition '{condition}' reads '{name}', which is not a declared field (fields: {declared}); add '{name}' "
        "under 'isian' or fix the spelling."),
    "condition_unknown_name_close": (
        "syarat '{condition}' membaca '{name}', yang tidak dideklarasikan sebagai isian (isian: {declared}); "
        "mungkin maksudnya '{close}'? Perbaiki ejaannya atau tambahkan '{name}' di bawah 'isian'.",
        "condition '{condition}' reads '{name}', which is not a declared field (fields: {declared}); did you mean "
        "'{close}'? Fix the spelling or add '{name}' under 'isian'."),
    "condition_type_mismatch": (
        "syarat '{condition}' memakai '{symbol}' pada {left} dan {right}, yang jenisnya tidak cocok; bandingkan "
        "nilai yang sejenis.",
        "condition '{condition}' uses '{symbol}' on {left} and {right}, whose types do not fit; compare values of "
        "the same kind."),
    "condition_date_literal": (
        "syarat '{condition}' membandingkan tanggal dengan teks '{value}' ('{symbol}'); tulis tanggal sebagai "
        "\"2026-01-31\".",
        "condition '{condition}' compares a date with the text '{value}' ('{symbol}'); write the date as "
        "\"2026-01-31\"."),
    "condition_not_an_option": (
        "syarat '{condition}' membandingkan {field} dengan '{value}', yang bukan salah satu pilihannya "
        "({options}); salin pilihan persis.",
        "condition '{condition}' compares {field} with '{value}', which is not one of its options ({options}); "
        "copy the option exactly."),
    "condition_cannot_order": (
        "syarat '{condition}' memakai '{symbol}' pada {operand}, yang tidak berurutan; gunakan '==' atau '!='.",
        "condition '{condition}' uses '{symbol}' on {operand}, which has no order; use '==' or '!='."),
    "condition_in_needs_list": (
        "syarat '{condition}': '{symbol}' butuh daftar atau teks di kanan, bukan {right}; tulis mis. "
        "x in [\"A\", \"B\"].",
        "condition '{condition}': '{symbol}' needs a list or a text on the right, not {right}; write e.g. "
        "x in [\"A\", \"B\"]."),
    "condition_sign_needs_number": ("syarat '{condition}': tanda '-' atau '+' hanya untuk bilangan, bukan {operand}.",
                                    "condition '{condition}': a '-' or '+' sign only applies to numbers, not {operand}."),
    "condition_bad_subscript": ("syarat '{condition}': [...] tidak dapat diambil dari {operand}.",
                                "condition '{condition}': [...] cannot be taken from {operand}."),
    "condition_date_arithmetic": (
        "syarat '{condition}' menghitung dengan tanggal ('{symbol}'); tanggal hanya dapat dibandingkan. Untuk "
        "lama waktu, deklarasikan isian bilangan (mis. jumlah_hari).",
        "condition '{condition}' does arithmetic with a date ('{symbol}'); dates can only be compared. For a "
        "length of time, declare a number field (e.g. jumlah_hari)."),
    "condition_bad_arithmetic": (
        "syarat '{condition}': '{symbol}' tidak dapat dipakai pada {left} dan {right}.",
        "condition '{condition}': '{symbol}' cannot be used on {left} and {right}."),
    "condition_bad_argument": ("syarat '{condition}': {function}() butuh {expected}, bukan {operand}.",
                               "condition '{condition}': {function}() needs {expected}, not {operand}."),
    "condition_field_too_late": (
        "syarat '{condition}' membaca '{name}', yang baru diminta pada langkah '{step_asked}' dan tidak dapat "
        "terisi sebelum keputusan ini; mintalah pada langkah sebelumnya.",
        "condition '{condition}' reads '{name}', which is asked at step '{step_asked}' and cannot be filled "
        "before this decision; ask for it at an earlier step."),
    "condition_reads_optional": (
        "syarat '{condition}' membaca '{name}', yang tidak wajib diisi; keputusan gagal bila kosong. Jadikan "
        "isian itu wajib.",
        "condition '{condition}' reads '{name}', which is optional; the decision fails when it is empty. Make "
        "the field required."),
})


ENTRIES.update({
    # --- registration number pattern (pola_nomor_registrasi) ------------------------------------------
    "pattern_too_long": ("pola nomor registrasi terlalu panjang ({length} karakter; batas {limit}).",
                         "the registration number pattern is too long ({length} characters; the limit is {limit})."),
    "pattern_control_characters": ("pola nomor registrasi berisi karakter kendali; hapus karakter itu.",
                                   "the registration number pattern contains control characters; remove them."),
    "pattern_unbalanced": (
        "pola nomor registrasi: kurung kurawal pada posisi {position} tidak berpasangan; tulis {{{{ atau }}}} "
        "untuk kurung kurawal biasa.",
        "registration number pattern: the brace at position {position} is unbalanced; write {{{{ or }}}} for a "
        "literal brace."),
    "pattern_unknown_placeholder": (
        "pola nomor registrasi: {placeholder} tidak dikenal; yang dikenal: {known}.",
        "registration number pattern: {placeholder} is unknown; the known ones are: {known}."),
    "pattern_bad_format": (
        "pola nomor registrasi: format {placeholder} tidak dikenal; gunakan {{urut:05d}}, {{bulan:02d}} atau "
        "{{bulan:romawi}}.",
        "registration number pattern: the format of {placeholder} is unknown; use {{urut:05d}}, {{bulan:02d}} or "
        "{{bulan:romawi}}."),
    "retention_not_years": (
        "retensi_tahun '{value}' bukan jumlah tahun; tulis bilangan bulat 1 sampai {limit}, atau kosongkan agar "
        "data kasus disimpan.",
        "retensi_tahun '{value}' is not a number of years; write a whole number from 1 to {limit}, or leave it "
        "empty to keep the case data."),
    "pattern_missing_placeholder": (
        "pola nomor registrasi harus memuat {placeholder} agar nomor tidak pernah berulang.",
        "the registration number pattern must contain {placeholder} so that numbers never repeat."),
})


ENTRIES.update({
    # --- documents (kelengkapan scans, signed letters) ------------------------------------------------
    "document_not_bytes": ("berkas harus berupa isi berkas.", "the document must be file content."),
    "document_empty": ("berkas '{name}' kosong; pilih berkasnya lagi.", "the document '{name}' is empty; choose it again."),
    "document_too_large": ("berkas '{name}' terlalu besar ({size}; batas {limit}); perkecil hasil pindaian.",
                           "the document '{name}' is too large ({size}; the limit is {limit}); scan it smaller."),
    "document_unknown_type": (
        "berkas '{name}' bukan PDF, JPG atau PNG menurut isinya (tampaknya {seems}); unggah hasil pindaian "
        "sebagai PDF, JPG atau PNG.",
        "the document '{name}' is not a PDF, JPG or PNG by its content (it looks like {seems}); upload the scan "
        "as PDF, JPG or PNG."),
    "document_name_mismatch": (
        "berkas '{name}' berakhiran {suffix} tetapi isinya {actual}; ganti nama berkasnya sesuai isinya.",
        "the document '{name}' ends in {suffix} but holds a {actual}; rename it to match its content."),
    "document_bad_limit_setting": ("{variable}='{value}' tidak sah; tulis batas ukuran dalam MB, 1 sampai 1024.",
                                   "{variable}='{value}' is not valid; give the size limit in MB, 1 to 1024."),
    "document_bad_hash": ("rujukan berkas tidak sah.", "invalid document reference."),
    "document_not_found": ("berkas {sha256}… tidak ada di folder penyimpanan.",
                           "document {sha256}… is not in the storage folder."),
    "document_read_failed": ("berkas {sha256}… tidak dapat dibaca dari folder penyimpanan.",
                             "document {sha256}… cannot be read from the storage folder."),
    "document_corrupted": (
        "berkas {sha256}… telah berubah di folder penyimpanan (isinya tidak cocok dengan sidik SHA-256); "
        "pulihkan dari cadangan.",
        "document {sha256}… has changed in the storage folder (its content does not match its SHA-256); "
        "restore it from a backup."),
    "document_write_failed": ("berkas tidak dapat disimpan di folder {folder}; periksa izin dan ruang disk.",
                              "the document cannot be saved in the folder {folder}; check permissions and disk space."),
})


ENTRIES.update({
    # --- raised errors of conditions, validation and sheets ----------------------------------------------
    "sheet_unreadable_summary": (
        "Lembar SOP {filename} tidak dapat dibaca: {count} masalah.",
        "SOP sheet {filename} cannot be read: {count} problems."),
    "condition_not_text": ("Syarat harus berupa teks, bukan {kind}.", "A condition must be text, not {kind}."),
    "condition_not_allowed": (
        "Syarat {source} tidak diizinkan: {problem}. {hint}",
        "Condition {source} is not allowed: {problem}. {hint}"),
    "condition_data_not_a_mapping": (
        "Syarat {source} gagal dievaluasi: data formulir harus berupa kamus (nama: nilai), bukan {data}.",
        "Condition {source} could not be evaluated: the form data must be a mapping (name: value), not {data}."),
    "sop_invalid_summary": (
        "SOP '{nama}' tidak valid: {count} masalah.",
        "SOP '{nama}' is not valid: {count} problems."),
})
