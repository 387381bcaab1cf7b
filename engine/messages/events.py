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
        "akhir dengan galat membutuhkan 'kode_galat' (huruf, angka, '-', '_', '.'); sekarang: '{code}'.",
        "an error end needs a 'kode_galat' (letters, digits, '-', '_', '.'); now: '{code}'."),
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
    "ev_message_without_correlation": (
        "pesan '{name}' tanpa 'korelasi': tulis isian kasus yang nilainya menunjukkan instans penerima "
        "(mis. nomor_permohonan).",
        "message '{name}' without 'korelasi': name the case field whose value picks the receiving instance "
        "(e.g. nomor_permohonan)."),
    "ev_message_unknown_field": (
        "isian korelasi '{field}' tidak dideklarasikan; isian yang ada: {fields}.",
        "correlation field '{field}' is not declared; declared fields: {fields}."),
}
