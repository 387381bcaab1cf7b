"""Catalogue entries of the runtime: instances, work items, timers, the worker, audit, the store."""

from __future__ import annotations

ENTRIES: dict[str, tuple[str, str]] = {
    # --- users and versions -----------------------------------------------------------------
    "runtime_bad_username": (
        "Nama pengguna '{user}' tidak sah; gunakan huruf, angka, titik, garis bawah atau tanda hubung "
        "(dan bukan '{system}').",
        "User name '{user}' is not valid; use letters, digits, dots, underscores or hyphens "
        "(and not '{system}').",
    ),
    "runtime_empty_holding": ("Jabatan dan unit tidak boleh kosong.", "Jabatan and unit must not be empty."),
    "runtime_no_such_version": ("SOP '{sop}' tidak memiliki versi {number}.", "SOP '{sop}' has no version {number}."),
    # --- starting ---------------------------------------------------------------------------
    "runtime_start_denied": (
        "'{user}' tidak memegang jabatan '{jabatan}', pelaksana langkah pertama SOP '{sop}'.",
        "'{user}' does not hold the jabatan '{jabatan}', the pelaksana of the first step of SOP '{sop}'.",
    ),
    "runtime_start_denied_unit": (
        "'{user}' tidak memegang jabatan '{jabatan}' di unit '{unit}', pelaksana langkah pertama SOP '{sop}'.",
        "'{user}' does not hold the jabatan '{jabatan}' in unit '{unit}', the pelaksana of the first step of "
        "SOP '{sop}'.",
    ),
    "runtime_start_unit_needed": (
        "'{user}' tidak memegang jabatan '{jabatan}', pelaksana langkah pertama SOP '{sop}'. Sebutkan unitnya "
        "(--unit).",
        "'{user}' holds the jabatan '{jabatan}' (the pelaksana of the first step of SOP '{sop}') in more than "
        "one unit. Name the unit (--unit).",
    ),
    # --- instances --------------------------------------------------------------------------
    "runtime_bad_mode": ("Mode instans '{mode}' tidak dikenal; gunakan salah satu dari: {modes}.",
                         "Unknown instance mode '{mode}'; use one of: {modes}."),
    "runtime_instance_not_found": ("Instans {instance} tidak ada.", "Instance {instance} does not exist."),
    "runtime_state_unreadable": ("Keadaan instans {instance} tidak dapat dibaca.",
                                 "The state of instance {instance} cannot be read."),
    "runtime_concurrent_change": ("Instans {instance} diubah proses lain bersamaan; coba lagi.",
                                  "Instance {instance} was changed by another process at the same time; try again."),
    "runtime_cannot_continue": ("Proses tidak dapat dilanjutkan: {detail}", "The process cannot go on: {detail}"),
    "runtime_instance_status": ("Instans {instance} berstatus '{status}'.", "Instance {instance} is '{status}'."),
    "runtime_routing_unresolved": (
        "Langkah kolom '{jabatan}' tidak dapat diberikan: penugasan '{rule}' tidak menemukan unit untuk "
        "instans di unit '{unit}' (periksa struktur organisasi atau isian kasus).",
        "The step of column '{jabatan}' cannot be handed out: routing rule '{rule}' finds no unit for an "
        "instance in unit '{unit}' (check the organisation or the case fields).",
    ),
    "runtime_routing_no_tim": (
        "Langkah kolom '{jabatan}' tidak dapat diberikan: belum ada Tim Penyusun SOP yang melayani unit "
        "'{unit}' (bentuk Tim dengan SK-nya untuk unit itu atau unit di atasnya).",
        "The step of column '{jabatan}' cannot be handed out: no Tim Penyusun SOP serves unit '{unit}' "
        "(set one up by its SK for that unit or a unit above it).",
    ),
    "runtime_reason_required": ("Tuliskan alasannya.", "Write down the reason."),
    "runtime_not_initiator": (
        "'{user}' bukan pemrakarsa instans {instance} dan tidak memegang jabatan SOP ini di unit '{unit}'.",
        "'{user}' did not start instance {instance} and holds no jabatan of this SOP in unit '{unit}'.",
    ),
    "runtime_status_change": (
        "Instans {instance} berstatus '{status}'; tidak dapat diubah menjadi '{target}'.",
        "Instance {instance} is '{status}'; it cannot become '{target}'.",
    ),
    # --- completion forms -------------------------------------------------------------------
    "runtime_form_too_deep": ("Isian '{field}' terlalu bersarang (batas {limit} tingkat).",
                              "Field '{field}' is nested too deeply (limit {limit} levels)."),
    "runtime_form_too_long": ("Isian '{field}' terlalu panjang (batas {limit} karakter).",
                              "Field '{field}' is too long (limit {limit} characters)."),
    "runtime_form_bad_key": ("Kunci {key} di '{field}' tidak boleh dipakai.",
                             "Key {key} in '{field}' may not be used."),
    "runtime_form_not_json_value": ("Isian '{field}' harus berupa nilai JSON (teks, bilangan, daftar, objek).",
                                    "Field '{field}' must be a JSON value (text, number, list, object)."),
    "runtime_form_data_not_object": ("Isian 'data' harus berupa objek JSON, mis. {{\"jumlah_hari\": 3}}.",
                                     "Field 'data' must be a JSON object, e.g. {{\"jumlah_hari\": 3}}."),
    "runtime_form_bad_name": (
        "Nama isian {key} tidak boleh dipakai; gunakan huruf, angka dan garis bawah, diawali huruf (bukan "
        "'keputusan' atau 'typename').",
        "Field name {key} may not be used; use letters, digits and underscores, starting with a letter (not "
        "'keputusan' or 'typename').",
    ),
    "runtime_form_not_object": ("Isian penyelesaian harus berupa objek JSON.",
                                "A completion form must be a JSON object."),
    "runtime_form_unknown_keys": ("Isian tidak dikenal: {keys}; yang dikenal: {known}.",
                                  "Unknown fields: {keys}; known ones: {known}."),
    "runtime_form_not_text": ("Isian '{field}' harus berupa teks.", "Field '{field}' must be text."),
    "runtime_form_unticked": (
        "Kelengkapan belum dicentang: {items}. Centang semuanya atau tuliskan alasan di isian 'alasan'.",
        "Kelengkapan not ticked: {items}. Tick them all or give the reason in the field 'alasan'.",
    ),
    "runtime_form_decision_needed": (
        "Langkah '{step}' adalah keputusan: isi 'keputusan' dengan \"{yes}\" atau \"{no}\".",
        "Step '{step}' is a decision: set 'keputusan' to \"{yes}\" or \"{no}\".",
    ),
    "runtime_form_not_decision": ("Langkah '{step}' bukan keputusan; hapus isian 'keputusan'.",
                                  "Step '{step}' is not a decision; remove the field 'keputusan'."),
    "runtime_form_bad_checklist": (
        "Isian 'kelengkapan' harus berupa daftar butir yang dicentang atau objek {{\"butir\": true/false}}.",
        "Field 'kelengkapan' must be a list of the ticked items or an object {{\"item\": true/false}}.",
    ),
    "runtime_form_unknown_items": ("Butir kelengkapan tidak dikenal: {items}; butir langkah ini: {listed}.",
                                   "Unknown kelengkapan items: {items}; this step's items: {listed}."),
    "runtime_form_unknown_items_none": (
        "Butir kelengkapan tidak dikenal: {items}; butir langkah ini: (langkah ini tanpa kelengkapan).",
        "Unknown kelengkapan items: {items}; this step's items: (this step has no kelengkapan).",
    ),
    # --- kelengkapan states and documents of a case (engine.runtime.kelengkapan, attachments) ----
    "runtime_kelengkapan_no_state": (
        "Kelengkapan belum diisi: {items}. Untuk setiap butir pilih salah satu: {ways} (dengan alasan).",
        "Kelengkapan not filled in: {items}. For every item choose one of: {ways} (with a reason).",
    ),
    "runtime_kelengkapan_no_reason": (
        "Kelengkapan ditandai tidak ada tanpa alasan: {items}. Tuliskan alasannya.",
        "Kelengkapan marked as missing without a reason: {items}. Write down the reason.",
    ),
    "runtime_kelengkapan_bad_keys": (
        "Kelengkapan '{item}': isian tidak dikenal {keys}; yang dikenal: {known}.",
        "Kelengkapan '{item}': unknown fields {keys}; known ones: {known}.",
    ),
    "runtime_kelengkapan_not_text": ("Kelengkapan '{item}': setiap isian harus berupa teks.",
                                     "Kelengkapan '{item}': every field must be text."),
    "runtime_kelengkapan_bad_way": (
        "Kelengkapan '{item}': cara '{cara}' tidak dikenal; pilih salah satu: {ways}.",
        "Kelengkapan '{item}': unknown way '{cara}'; choose one of: {ways}.",
    ),
    "runtime_kelengkapan_berkas_unused": (
        "Kelengkapan '{item}' ditandai '{cara}' tetapi menyebut berkas; pilih 'berkas' atau hapus rujukannya.",
        "Kelengkapan '{item}' is marked '{cara}' but names a document; choose 'berkas' or remove the reference.",
    ),
    "runtime_kelengkapan_not_document": (
        "Kelengkapan '{item}' bukan dokumen yang dilampirkan; pilih 'kertas' atau 'tidak_ada'.",
        "Kelengkapan '{item}' is not a document to attach; choose 'kertas' or 'tidak_ada'.",
    ),
    "runtime_kelengkapan_berkas_needed": (
        "Kelengkapan '{item}' ditandai 'berkas': lampirkan berkasnya dan sebutkan rujukannya.",
        "Kelengkapan '{item}' is marked 'berkas': attach the document and give its reference.",
    ),
    "runtime_kelengkapan_berkas_ambiguous": (
        "Kelengkapan '{item}': {count} berkas dilampirkan untuk butir ini; sebutkan rujukan berkas yang dipakai.",
        "Kelengkapan '{item}': {count} documents are attached for this item; give the reference of the one used.",
    ),
    "runtime_kelengkapan_not_attached": (
        "Kelengkapan '{item}': berkas {sha256}… tidak dilampirkan untuk butir ini pada tugas ini; lampirkan dulu.",
        "Kelengkapan '{item}': document {sha256}… is not attached for this item to this task; attach it first.",
    ),
    "runtime_output_not_document": (
        "Output langkah ini bukan dokumen; tuliskan output sebagai teks.",
        "This step's output is not a document; write the output as text.",
    ),
    "runtime_output_bad_berkas": (
        "Output dokumen harus berupa {{\"berkas\": \"<sha256>\"}}.",
        "A document output must be {{\"berkas\": \"<sha256>\"}}.",
    ),
    "runtime_output_not_attached": (
        "Output: berkas {sha256}… tidak dilampirkan sebagai output tugas ini; lampirkan dulu.",
        "Output: document {sha256}… is not attached as this task's output; attach it first.",
    ),
    "runtime_attach_unknown_requirement": (
        "'{requirement}' bukan butir kelengkapan langkah '{step}'; butirnya: {listed}.",
        "'{requirement}' is not a kelengkapan item of step '{step}'; its items: {listed}.",
    ),
    "runtime_attach_not_document": (
        "Kelengkapan '{requirement}' bukan dokumen yang dilampirkan; tandai 'kertas' atau 'tidak_ada'.",
        "Kelengkapan '{requirement}' is not a document to attach; mark it 'kertas' or 'tidak_ada'.",
    ),
    "runtime_attach_no_output_document": (
        "Output langkah '{step}' bukan dokumen; tidak ada berkas output yang dapat dilampirkan.",
        "The output of step '{step}' is not a document; no output document can be attached.",
    ),
    "runtime_attachments_not_list": ("Lampiran mulai harus berupa daftar berkas (Attachment).",
                                     "Start attachments must be a list of documents (Attachment)."),
    "runtime_attach_bad_name": ("Nama berkas harus berupa teks.", "The document name must be text."),
    "runtime_document_not_in_case": (
        "Berkas {sha256}… tidak dilampirkan pada instans {instance}.",
        "Document {sha256}… is not attached to instance {instance}.",
    ),
    # --- publishing and picking versions ------------------------------------------------------
    "runtime_bad_sop_key": ("Nama SOP '{key}' tidak sah; gunakan huruf, angka, titik, garis bawah atau tanda hubung.",
                            "SOP name '{key}' is not valid; use letters, digits, dots, underscores or hyphens."),
    "runtime_sop_invalid": ("SOP tidak valid; perbaiki dulu: {problems}",
                            "The SOP is not valid; fix it first: {problems}"),
    "runtime_spiff_refused": ("SpiffWorkflow menolak SOP: {problems}", "SpiffWorkflow refused the SOP: {problems}"),
    "runtime_time_cycle": ("Pewaktu berulang (timeCycle) tidak dijalankan Alur: {timers}.",
                           "Alur does not run repeating timers (timeCycle): {timers}."),
    "runtime_sop_not_published": ("SOP '{sop}' belum diterbitkan.", "SOP '{sop}' has not been published."),
    "runtime_sop_not_published_close": ("SOP '{sop}' belum diterbitkan. Maksudnya '{close}'?",
                                        "SOP '{sop}' has not been published. Did you mean '{close}'?"),
    "runtime_no_draft": ("SOP '{sop}' tidak memiliki versi draf untuk ujicoba.",
                         "SOP '{sop}' has no draft version to run as a trial."),
    "runtime_no_approved_version": (
        "SOP '{sop}' belum memiliki versi yang disahkan; terbitkan tanpa --draft, atau jalankan versi draf "
        "sebagai ujicoba (--ujicoba).",
        "SOP '{sop}' has no approved version yet; publish without --draft, or run the draft version as a trial "
        "(--ujicoba).",
    ),
    "runtime_version_is_draft": ("Versi {number} SOP '{sop}' masih draf; jalankan sebagai ujicoba (--ujicoba).",
                                 "Version {number} of SOP '{sop}' is a draft; run it as a trial (--ujicoba)."),
    "runtime_user_not_found": ("Pengguna '{user}' tidak ada; tambahkan dengan 'alur user add'.",
                               "User '{user}' does not exist; add them with 'alur user add'."),
    # --- timers -------------------------------------------------------------------------------
    "runtime_timer_bad_duration": (
        "Durasi pewaktu '{text}' bukan durasi ISO 8601 yang dikenal Alur (contoh: \"PT15M\", \"PT2H\", "
        "\"P1D\", \"P1DT12H\", \"P2W\").",
        "Timer duration '{text}' is not an ISO 8601 duration Alur reads (e.g. \"PT15M\", \"PT2H\", \"P1D\", "
        "\"P1DT12H\", \"P2W\").",
    ),
    "runtime_timer_year_month": (
        "Durasi pewaktu '{text}' bukan durasi ISO 8601 yang dikenal Alur (contoh: \"PT15M\", \"PT2H\", "
        "\"P1D\", \"P1DT12H\", \"P2W\"). Tahun dan bulan tidak dipakai karena panjangnya tidak tetap; "
        "gunakan hari atau minggu.",
        "Timer duration '{text}' is not an ISO 8601 duration Alur reads (e.g. \"PT15M\", \"PT2H\", \"P1D\", "
        "\"P1DT12H\", \"P2W\"). Years and months are not used because their length varies; use days or weeks.",
    ),
    "runtime_timer_too_long": ("Durasi pewaktu '{text}' terlalu panjang (batas 10 tahun).",
                               "Timer duration '{text}' is too long (limit 10 years)."),
    "runtime_timer_bad_datetime": ("Waktu pewaktu '{text}' bukan tanggal-waktu ISO 8601.",
                                   "Timer time '{text}' is not an ISO 8601 date-time."),
    "runtime_timer_no_zone": (
        "Waktu pewaktu '{text}' tidak memiliki zona waktu; tulis mis. \"2026-03-01T09:00:00+07:00\".",
        "Timer time '{text}' has no time zone; write e.g. \"2026-03-01T09:00:00+07:00\".",
    ),
    # --- instance traces (for drawing) --------------------------------------------------------
    "runtime_trace_not_entry": ("Jejak instance berisi {kind}, bukan TraceEntry.",
                                "The instance trace holds a {kind}, not a TraceEntry."),
    "runtime_trace_unknown_step": ("Jejak instance menyebut langkah '{step}' yang tidak ada di SOP ini.",
                                   "The instance trace names step '{step}', which is not in this SOP."),
    "runtime_trace_naive": ("Waktu pada jejak langkah '{step}' harus memiliki zona waktu (mis. UTC atau Asia/Jakarta).",
                            "Times in the trace of step '{step}' must have a time zone (e.g. UTC or Asia/Jakarta)."),
    "runtime_trace_ends_first": ("Langkah '{step}' pada jejak instance selesai sebelum dimulai.",
                                 "Step '{step}' in the instance trace ends before it starts."),
    # --- the audit trail ----------------------------------------------------------------------
    "audit_break": ("instans {instance}, peristiwa #{seq}: {reason}", "instance {instance}, event #{seq}: {reason}"),
    "audit_missing": ("peristiwa #{missing} hilang (berikutnya #{next})",
                      "event #{missing} is missing (next is #{next})"),
    "audit_prev_hash": ("hash sebelumnya tidak cocok dengan peristiwa sebelumnya",
                        "the previous hash does not match the previous event"),
    "audit_changed": ("isi peristiwa telah diubah (hash tidak cocok)", "the event was changed (hash does not match)"),
    "audit_not_json": ("isi peristiwa bukan JSON", "the event body is not JSON"),
    "audit_unknown_schema": ("versi skema peristiwa {version} tidak dikenal", "unknown event schema version {version}"),
    "audit_columns": ("kolom peristiwa tidak sesuai dengan isinya", "the event's columns do not match its body"),
    "audit_cut": ("rantai berakhir di #{last}, padahal instans mencatat #{recorded}",
                  "the chain ends at #{last}, but the instance records #{recorded}"),
    "audit_orphan": ("peristiwa milik instans yang tidak ada", "events of an instance that does not exist"),
    # --- the store ----------------------------------------------------------------------------
    "store_not_prepared": ("Basis data belum disiapkan; jalankan 'alur db upgrade' terlebih dahulu.",
                           "The database is not set up; run 'alur db upgrade' first."),
    "store_old_schema": ("Basis data masih versi skema {revision}; jalankan 'alur db upgrade' terlebih dahulu.",
                         "The database is still at schema {revision}; run 'alur db upgrade' first."),
    "store_state_too_new": ("Instans disimpan oleh versi Alur yang lebih baru (format {format}); perbarui Alur.",
                            "The instance was saved by a newer Alur (format {format}); update Alur."),
    "store_no_state_upgrade": ("Tidak ada cara memperbarui instans dari format {format}.",
                               "There is no way to upgrade an instance from format {format}."),
    "store_unusable": ("Basis data tidak dapat dipakai: {detail}", "The database cannot be used: {detail}"),
    "store_refused": ("Basis data menolak perubahan: {detail}", "The database refused the change: {detail}"),
    "store_failed": ("Basis data gagal: {detail}", "The database failed: {detail}"),
    # --- work items -------------------------------------------------------------------------
    "runtime_item_not_found": ("Tugas {item} tidak ada.", "Work item {item} does not exist."),
    "runtime_item_already_done": ("Tugas {item} sudah diselesaikan oleh {user} pada {at}.",
                                  "Work item {item} was already completed by {user} at {at}."),
    "runtime_item_cancelled": ("Tugas {item} dibatalkan; tidak dapat dikerjakan.",
                               "Work item {item} was cancelled; it cannot be worked on."),
    "runtime_item_suspended": ("Tugas {item} ditangguhkan; tidak dapat dikerjakan.",
                               "Work item {item} is suspended; it cannot be worked on."),
    "runtime_item_not_open": ("Tugas {item} {status}; tidak dapat dikerjakan.",
                              "Work item {item} is {status}; it cannot be worked on."),
    "runtime_not_holder": ("'{user}' tidak memegang jabatan '{jabatan}' di unit '{unit}'.",
                           "'{user}' does not hold the jabatan '{jabatan}' in unit '{unit}'."),
    "runtime_item_claimed_by": ("Tugas {item} sudah diklaim oleh {user}.",
                                "Work item {item} is already claimed by {user}."),
    "runtime_item_not_claimed_by": ("Tugas {item} tidak diklaim oleh '{user}'.",
                                    "Work item {item} is not claimed by '{user}'."),
    "runtime_item_claimed_now": ("Tugas {item} sedang diklaim oleh {user}.", "Work item {item} is claimed by {user}."),
    "runtime_step_not_waiting": ("Langkah '{step}' tidak sedang menunggu dikerjakan.",
                                 "Step '{step}' is not waiting to be done."),
    "runtime_step_other_lane": ("Langkah '{step}' milik jabatan '{jabatan}'.",
                                "Step '{step}' belongs to the jabatan '{jabatan}'."),
    "runtime_item_changed": ("Tugas {item} berubah bersamaan; muat ulang.",
                             "Work item {item} changed at the same time; reload it."),
    # --- raised errors of instance traces (engine.runtime.trace) -----------------------------------------
    "trace_unknown_status": (
        "Status instance '{status}' tidak dikenal; gunakan salah satu dari {statuses}.",
        "Instance status '{status}' is unknown; use one of {statuses}."),
    "trace_naive_times": (
        "Waktu mulai dan selesai instance harus memiliki zona waktu (mis. UTC atau Asia/Jakarta).",
        "The start and end times of an instance must have a time zone (e.g. UTC or Asia/Jakarta)."),
    # --- alur db backup / restore / copy, audit anchors (engine.store.backup, engine.runtime.anchor) ----
    "backup_postgres_guidance": (
        "Untuk PostgreSQL gunakan pg_dump/pg_restore: 'pg_dump --format=custom --file=alur.dump DB' "
        "dan 'pg_restore --clean --if-exists --dbname=DB alur.dump'.",
        "For PostgreSQL use pg_dump/pg_restore: 'pg_dump --format=custom --file=alur.dump DB' "
        "and 'pg_restore --clean --if-exists --dbname=DB alur.dump'."),
    "backup_memory_database": ("Basis data SQLite di memori tidak dapat dicadangkan.",
                               "An in-memory SQLite database cannot be backed up."),
    "backup_target_exists": ("{name} sudah ada; pilih nama berkas baru.", "{name} already exists; choose a new file name."),
    "backup_no_database": ("Basis data {name} tidak ada.", "Database {name} does not exist."),
    "backup_no_backup": ("Cadangan {name} tidak ada.", "Backup {name} does not exist."),
    "backup_not_alur": ("{name} bukan basis data Alur.", "{name} is not an Alur database."),
    "backup_schema": ("{name} berada pada versi skema {revision}; yang diperlukan {needed}.",
                      "{name} is at schema version {revision}; {needed} is needed."),
    "copy_same_database": ("Sumber dan tujuan adalah basis data yang sama.",
                           "Source and target are the same database."),
    "copy_target_not_empty": ("Basis data tujuan tidak kosong ({tables}); pakai basis data baru.",
                              "The target database is not empty ({tables}); use a new database."),
    "copy_count_differs": ("Tabel {table}: {read} baris dibaca, {written} tertulis.",
                           "Table {table}: {read} rows read, {written} written."),
    "copy_chain_broken": ("Rantai audit di tujuan rusak: {detail}", "The audit chain in the target is broken: {detail}"),
    "anchor_key_unreadable": ("Kunci jangkar {name} tidak dapat dibaca: {reason}.",
                              "Anchor key {name} cannot be read: {reason}."),
    "anchor_key_short": ("Kunci jangkar {name} terlalu pendek (minimal 32 byte).",
                         "Anchor key {name} is too short (at least 32 bytes)."),
    "anchor_none": ("Tidak ada berkas jangkar (anchor-*.json) di {folder}.", "No anchor files (anchor-*.json) in {folder}."),
}
