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
    "diff_new_step": ("Langkah baru {step}: {after}", "New step {step}: {after}"),
    "diff_removed_step": ("Langkah {step} dihapus: {before}", "Step {step} removed: {before}"),
    "diff_changed_step": ("Langkah {step}, {label}: '{before}' → '{after}'",
                          "Step {step}, {label}: '{before}' → '{after}'"),
    "diff_order": ("Urutan baris: {before} → {after}", "Row order: {before} → {after}"),
    "diff_actors": ("Pelaksana: {before} → {after}", "Executors: {before} → {after}"),
    "diff_identity": ("Identitas, {field}: '{before}' → '{after}'", "Identity, {field}: '{before}' → '{after}'"),
})
