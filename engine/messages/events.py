"""Words of events: waits, boundary paths, event-based choices, special ends and messages."""

from __future__ import annotations

ENTRIES: dict[str, tuple[str, str]] = {
    # --- the sheet (engine.formats.sheet_events) ---------------------------------------------------
    "ev_sheet_bad_end": (
        "'akhir' bernilai '{value}' tidak dikenal; tulis 'hentikan' (semua cabang berhenti) atau 'galat' "
        "(dengan 'kode_galat').",
        "'akhir' value '{value}' is unknown; write 'hentikan' (every branch stops) or 'galat' (with 'kode_galat')."),
    "ev_sheet_one_trigger": (
        "setiap isian 'tunggu'/'batas' memuat tepat satu dari: waktu, tanggal, pesan, sinyal, galat.",
        "each 'tunggu'/'batas' entry holds exactly one of: waktu, tanggal, pesan, sinyal, galat."),
    # --- validation (engine.sop.events_check) ------------------------------------------------------
    "ev_wait_one_trigger": (
        "kegiatan menunggu memuat {count} pemicu; kegiatan menunggu satu hal saja (untuk memilih antara "
        "jawaban dan batas waktu, jadikan keputusan dengan dua pemicu).",
        "the wait row has {count} triggers; a wait row waits for one thing (to choose between a reply and a "
        "timeout, make it a decision with two triggers)."),
    "ev_choice_two_triggers": (
        "keputusan menunggu memuat {count} pemicu; tulis tepat dua: yang pertama ke 'ya', yang kedua ke "
        "'tidak'.",
        "the event-based choice has {count} triggers; write exactly two: the first leads to 'ya', the second "
        "to 'tidak'."),
    "ev_choice_with_condition": (
        "keputusan menunggu tidak memakai 'syarat': yang datang lebih dulu yang memutuskan. Hapus 'syarat'.",
        "an event-based choice takes no 'syarat': whichever comes first decides. Remove 'syarat'."),
    "ev_choice_with_join": (
        "keputusan menunggu tidak dapat sekaligus menunggu semua cabang; letakkan 'tunggu_semua' pada langkah "
        "sebelumnya.",
        "an event-based choice cannot also join branches; put 'tunggu_semua' on the step before."),
    "ev_choice_two_timers": (
        "kedua pemicu keputusan menunggu adalah waktu; salah satunya harus pesan atau sinyal.",
        "both triggers of the event-based choice are timers; one of them must be a message or a signal."),
    "ev_wait_on_kind": (
        "'tunggu' hanya pada kegiatan (menunggu) atau keputusan (pilihan menurut kejadian).",
        "'tunggu' only on a kegiatan (a wait) or a keputusan (an event-based choice)."),
    "ev_wait_bad_kind": (
        "pemicu '{kind}' tidak dapat dipakai di sini; galat hanya sebagai 'batas' pada kegiatan.",
        "trigger '{kind}' cannot be used here; an error only as a 'batas' on a kegiatan."),
    "ev_boundary_on_kind": (
        "'batas' hanya pada kegiatan yang dikerjakan pelaksana (bukan pada kegiatan menunggu, keputusan, "
        "mulai atau selesai).",
        "'batas' only on a kegiatan worked by a pelaksana (not on a wait, a decision, the start or an end)."),
    "ev_boundary_without_target": (
        "'batas' tanpa 'ke': tulis langkah tujuan bila batas itu terjadi.",
        "'batas' without 'ke': name the step it leads to."),
    "ev_boundary_to_itself": (
        "'batas' menuju langkah itu sendiri; arahkan ke langkah lain.",
        "'batas' leads to the step itself; point it at another step."),
    "ev_error_must_interrupt": (
        "galat selalu menghentikan kegiatan; hapus 'menyela: false'.",
        "an error always interrupts the step; remove 'menyela: false'."),
    "ev_end_on_kind": (
        "'akhir' hanya pada langkah selesai.", "'akhir' only on an end step."),
    "ev_error_end_code": (
        "akhir dengan galat membutuhkan 'kode_galat' (huruf, angka, '-', '_', '.'); sekarang: '{kode}'.",
        "an error end needs a 'kode_galat' (letters, digits, '-', '_', '.'); now: '{kode}'."),
    "ev_timer_unknown_field": (
        "isian tanggal '{field}' tidak dideklarasikan di 'isian'.",
        "date field '{field}' is not declared under 'isian'."),
    "ev_timer_field_not_date": (
        "isian '{field}' bukan bertipe tanggal; waktu tunggu dari isian membutuhkan isian tanggal.",
        "field '{field}' is not a date; a wait until a field's date needs a date field."),
    "ev_timer_empty": (
        "waktu tunggu kosong; tulis mis. '14 hari kalender' atau '3 hari kerja'.",
        "the wait time is empty; write e.g. '14 hari kalender' or '3 hari kerja'."),
    "ev_timer_bad_duration": ("waktu tunggu tidak terbaca: {reason}", "wait time unreadable: {reason}"),
    "ev_bad_name": (
        "nama '{name}' tidak sah; pakai huruf, angka, '-', '_' atau '.' (mis. 'jawaban-pemohon').",
        "name '{name}' is not valid; use letters, digits, '-', '_' or '.' (e.g. 'jawaban-pemohon')."),
    "ev_message_unknown_field": (
        "isian korelasi '{field}' tidak dideklarasikan; isian yang ada: {fields}.",
        "correlation field '{field}' is not declared; declared fields: {fields}."),
    "ev_signal_not_run": (
        "sinyal '{name}' belum dijalankan Alur: belum ada cara mengirim sinyal ke instans (pesan dikirim lewat "
        "API dan 'alur message'). Ganti dengan pesan ber-korelasi.",
        "signal '{name}' is not run by Alur yet: there is no way to send a signal to instances (messages are "
        "sent through the API and 'alur message'). Use a correlated message instead."),
    "ev_refused_transaction": (
        "Transaksi tidak dapat dijalankan Alur: transaksi BPMN membatalkan langkah yang sudah selesai lewat "
        "kompensasi, dan Alur tidak menyimpan cara membatalkan langkah yang sudah dikerjakan petugas (surat "
        "yang sudah ditandatangani tidak dapat 'dibatalkan' oleh mesin). Ratakan langkah-langkahnya ke proses "
        "utama dan tuliskan pembatalan sebagai langkah biasa.",
        "Transaction cannot be run by Alur: a BPMN transaction undoes finished steps by compensation, and "
        "Alur keeps no way to undo a step an officer did (a signed letter cannot be 'unsigned' by the "
        "engine). Flatten its steps into the main process and write the cancellation as ordinary steps."),
    "ev_refused_compensation": (
        "Kompensasi tidak dapat dijalankan Alur: kompensasi menjalankan mundur langkah yang sudah selesai, dan "
        "Alur tidak menyimpan cara membatalkan pekerjaan petugas. Tuliskan pembatalan sebagai langkah biasa "
        "(mis. 'menarik surat') pada jalur yang sesuai.",
        "Compensation cannot be run by Alur: it runs finished steps backwards, and Alur keeps no way to undo "
        "an officer's work. Write the undoing as ordinary steps (e.g. 'withdraw the letter') on the path."),
    "ev_refused_cancel": (
        "Kejadian batal (cancel) hanya berlaku di dalam transaksi, yang tidak dijalankan Alur (butuh "
        "kompensasi). Ganti dengan akhir 'hentikan' atau jalur batas.",
        "A cancel event only works inside a transaction, which Alur does not run (it needs compensation). "
        "Use a 'hentikan' end or a boundary path instead."),
    "ev_refused_conditional": (
        "Kejadian bersyarat (conditional) belum dijalankan Alur: tidak ada yang memeriksa ulang syaratnya saat "
        "data berubah. Ganti dengan keputusan bersyarat setelah langkah yang mengisi datanya.",
        "Conditional event is not run by Alur yet: nothing re-checks its condition when data changes. Use a "
        "decision with a condition after the step that fills the data."),
    "ev_refused_escalation": (
        "Kejadian eskalasi belum dijalankan Alur; tenggat langkah dipantau dari mutu baku waktu "
        "('alur publish --eskalasi'). Ganti dengan batas waktu pada langkah.",
        "Escalation event is not run by Alur yet; step deadlines are watched from the standard time "
        "('alur publish --eskalasi'). Use a timer boundary on the step."),
    "ev_refused_event_kinds": (
        "kejadian bertipe '{kinds}' tidak dapat dijalankan di sini; Alur menunggu satu waktu, satu pesan atau "
        "(sebagai batas) satu galat.",
        "an event of type '{kinds}' cannot run here; Alur waits for one timer, one message or (as a boundary) "
        "one error."),
    "ev_refused_cycle": (
        "pewaktu berulang (timeCycle) tidak dijalankan Alur; tuliskan satu lama tunggu (timeDuration).",
        "a repeating timer (timeCycle) is not run by Alur; write one wait duration (timeDuration)."),
    "ev_timer_fixed_date": (
        "pewaktu dengan tanggal tetap '{text}' tidak dijalankan; tuliskan nama isian kasus yang memuat "
        "tanggalnya.",
        "a timer with the fixed date '{text}' is not run; name the case field that holds the date."),
    "ev_boundary_host": (
        "kejadian batas melekat pada '{host}', yang bukan tugas; Alur menjalankan batas pada tugas saja.",
        "the boundary event is attached to '{host}', which is not a task; Alur runs boundaries on tasks only."),
    "ev_boundary_one_flow": (
        "kejadian batas harus punya tepat satu panah keluar ke langkah berikutnya.",
        "a boundary event needs exactly one outgoing arrow to the next step."),
    "ev_choice_shape": (
        "gateway berbasis kejadian dengan {count} cabang: Alur menjalankan tepat dua cabang, masing-masing "
        "langsung ke kejadian penangkap (pesan atau waktu).",
        "event-based gateway with {count} branches: Alur runs exactly two, each straight into a catch event "
        "(a message or a timer)."),
    # --- run time (engine.runtime.events, engine.runtime.event_sync) -------------------------------
    "ev_timer_no_date": (
        "isian tanggal '{field}' kosong atau tidak terbaca, jadi tidak diketahui kapan penantian berakhir; "
        "isi tanggalnya (TTTT-BB-HH) pada langkah sebelumnya.",
        "date field '{field}' is empty or unreadable, so the end of the wait is unknown; fill in the date "
        "(YYYY-MM-DD) at an earlier step."),
    "ev_message_missing": ("'{field}' wajib diisi.", "'{field}' is required."),
    "ev_message_too_long": ("'{field}' lebih dari {limit} karakter.", "'{field}' is longer than {limit} characters."),
    "ev_message_no_waiter": (
        "Tidak ada instans yang menunggu pesan '{message}' dengan nilai korelasi itu (atau Anda tidak berhak "
        "mengirimnya). Pesan tidak disimpan; kirim lagi setelah instans menunggu.",
        "No instance waits for message '{message}' with that correlation value (or you may not send it). "
        "The message is not kept; send it again once the instance waits."),
    "ev_message_ambiguous": (
        "{count} instans menunggu pesan '{message}' dengan nilai korelasi yang sama; pesan tidak dikirim. "
        "Pakai isian korelasi yang unik per kasus (mis. nomor registrasi).",
        "{count} instances wait for message '{message}' with the same correlation value; nothing was sent. "
        "Use a correlation field unique per case (e.g. the registration number)."),
    "ev_message_not_running": (
        "Instans {instance} berstatus {status}; pesan baru dapat diterima setelah instans berjalan lagi.",
        "Instance {instance} is {status}; it takes the message once it runs again."),
    "ev_error_item_not_open": (
        "Tugas {item} tidak terbuka lagi; galat hanya dapat dilaporkan pada tugas yang sedang dikerjakan.",
        "Work item {item} is no longer open; an error can only be reported on a step being worked."),
    "ev_error_no_boundary": (
        "Langkah {step} tidak punya jalur galat '{kode}'; jalur galat langkah ini: {codes}.",
        "Step {step} has no error path '{kode}'; its error paths: {codes}."),
    "ev_received": ("pesan '{message}' diterima", "message '{message}' received"),
    "ev_duplicate": ("pesan '{message}' sudah diterima sebelumnya; tidak ada yang berubah",
                     "message '{message}' was received before; nothing changed"),
    "ev_message_not_allowed": (
        "{user} tidak berhak mengirim pesan ke kasus; hanya pelaksana di unit kasus (atau admin).",
        "{user} may not deliver messages to cases; only a pelaksana in the case's unit (or an admin)."),
    # --- the CLI (engine.cli.events) ---------------------------------------------------------------
    "ev_cli_delivered": ("Instans {instance}: {what}.", "Instance {instance}: {what}."),
    "ev_cli_error_reported": ("Galat {kode} dilaporkan pada tugas {item}; terbuka: {steps}.",
                              "Error {kode} reported on work item {item}; open now: {steps}."),
    # --- the print's KETERANGAN (engine.render.events_text) ------------------------------------------
    "ev_print_wait": ("menunggu {what}", "waiting for {what}"),
    "ev_print_choice": ("menunggu {what} paling lama {limit}; bila lewat: ke {target}",
                        "waiting for {what} at most {limit}; if it passes: to {target}"),
    "ev_print_choice_two": ("Ya bila {first} lebih dulu; Tidak bila {second}",
                            "Ya if {first} comes first; Tidak if {second}"),
    "ev_print_timeout": ("bila lewat {what}: ke {target}", "if {what} pass: to {target}"),
    "ev_print_reminder": ("setelah {what}, langkah tetap berjalan: juga ke {target}",
                          "after {what}, the step goes on: also to {target}"),
    "ev_print_on_event": ("bila {what}: ke {target}", "on {what}: to {target}"),
    "ev_print_on_event_beside": ("bila {what}, langkah tetap berjalan: juga ke {target}",
                                 "on {what}, the step goes on: also to {target}"),
    "ev_print_terminate": ("semua cabang lain berhenti", "every other branch stops"),
    "ev_print_error_end": ("berakhir dengan galat {kode}", "ends with error {kode}"),
    "ev_print_date": ("tanggal pada isian {field}", "the date in field {field}"),
    "ev_print_error": ("galat {kode}", "error {kode}"),
    # --- the web editor's events cell (engine.formats.editor_text) -------------------------------------
    "ev_editor_not_mapping": (
        "Peristiwa langkah {step} harus berupa kunci dan nilai ({keys}), mis. 'tunggu: {{pesan: jawaban}}'.",
        "The events of step {step} must be keys with values ({keys}), e.g. 'tunggu: {{pesan: jawaban}}'."),
    "ev_editor_help": (
        "Peristiwa (YAML): tunggu, batas, akhir, kode_galat; lihat docs/sheet-format.md",
        "Events (YAML): tunggu, batas, akhir, kode_galat; see docs/sheet-format.md"),
    # --- the events events record, as pages name them (the pages read "event_<kind>") ------------
    "event_message_received": ("pesan diterima", "message received"),
    "event_error_reported": ("galat dilaporkan", "error reported"),
    "event_error_end": ("berakhir dengan galat", "ended with an error"),
    "event_field_kejadian": ("kejadian", "event"),
    "event_field_kode": ("kode galat", "error code"),
    "ev_timer_default": (
        "pewaktu tanpa waktu dalam berkas; Alur menunggu {duration} (ISO 8601) - isi waktu yang benar.",
        "timer without a time in the file; Alur waits {duration} (ISO 8601) - fill in the right time."),
    "ev_escalation_as_error": (
        "batas eskalasi yang menyela diimpor sebagai batas galat: pelaksana langkah melaporkannya dan kasus "
        "mengikuti jalur batas.",
        "an interrupting escalation boundary is imported as an error boundary: the step's pelaksana reports "
        "it and the case takes the boundary's path."),
    "ev_cycle_first_period": (
        "pewaktu berulang '{cycle}' diimpor sebagai satu batas waktu {duration}: Alur tidak mengulanginya.",
        "repeating timer '{cycle}' is imported as one time limit of {duration}: Alur does not repeat it."),
    "ev_end_kept_plain": (
        "akhir bertipe {kinds} diperlakukan sebagai akhir biasa: tidak ada yang menerima yang dilemparnya.",
        "an end of type {kinds} is read as a plain end: nothing receives what it throws."),
}
