"""Words of step records: a step that writes a stage record on completion (engine.sop.step_records,
engine.sop.record_checks, engine.lifecycle.step_records)."""

from __future__ import annotations

ENTRIES: dict[str, tuple[str, str]] = {
    # --- the sheet -------------------------------------------------------------------------------------
    "rec_sheet_shape": (
        "'catat' harus berupa pasangan kunci jenis, aksi dan isian, mis. "
        "{{jenis: tim, aksi: buat, isian: {{nomor_sk: nomor_keputusan}}}}.",
        "'catat' must be a mapping of jenis, aksi and isian, e.g. "
        "{{jenis: tim, aksi: buat, isian: {{nomor_sk: nomor_keputusan}}}}."),
    "rec_sheet_fields_shape": (
        "'catat.isian' harus berupa pasangan 'kolom catatan: nama isian kasus'.",
        "'catat.isian' must map each record field to the name of a case field."),
    # --- checks (alur check) ---------------------------------------------------------------------------
    "rec_unknown_kind": (
        "'catat' menyebut jenis catatan '{kind}' yang tidak dikenal; gunakan salah satu dari: {known}.",
        "'catat' names the unknown record kind '{kind}'; use one of: {known}."),
    "rec_unknown_action": (
        "'catat' jenis '{kind}' tidak mengenal aksi '{action}'; aksinya: {known}.",
        "'catat' of kind '{kind}' has no action '{action}'; its action is: {known}."),
    "rec_unknown_field": (
        "'catat' jenis '{kind}' tidak punya kolom '{field}'; kolomnya: {known}.",
        "'catat' of kind '{kind}' has no field '{field}'; its fields are: {known}."),
    "rec_field_missing": (
        "'catat' jenis '{kind}' memerlukan kolom '{field}' dari sebuah isian kasus (catat.isian.{field}).",
        "'catat' of kind '{kind}' needs its field '{field}' from a case field (catat.isian.{field})."),
    "rec_case_field_unknown": (
        "'catat' mengisi kolom '{field}' dari isian '{source}', yang tidak dideklarasikan SOP ini (isian).",
        "'catat' fills field '{field}' from case field '{source}', which this SOP does not declare (isian)."),
    "rec_case_field_type": (
        "'catat' mengisi kolom '{field}' dari isian '{source}' berjenis {type}; kolom itu memerlukan isian "
        "berjenis {expected}.",
        "'catat' fills field '{field}' from case field '{source}' of type {type}; that field needs a case field "
        "of type {expected}."),
    "rec_case_field_late": (
        "'catat' mengisi kolom '{field}' dari isian '{source}', yang baru diminta pada langkah '{step_asked}' "
        "sesudah langkah ini; mintalah pada langkah ini atau sebelumnya.",
        "'catat' fills field '{field}' from case field '{source}', which is asked at step '{step_asked}' after "
        "this step; ask it at this step or before."),
    # --- the runtime (completing a step) ---------------------------------------------------------------
    "rec_value_missing": (
        "Langkah '{step}' mencatat {kind}, tetapi isian '{source}' (kolom {field}) belum berisi; isilah dulu.",
        "Step '{step}' records a {kind}, but case field '{source}' (its {field}) has no value yet; fill it in first."),
    "rec_refused": (
        "Langkah '{step}' tidak dapat diselesaikan: catatan {kind} ditolak ({reason}). Tidak ada yang diubah.",
        "Step '{step}' cannot be completed: the {kind} record was refused ({reason_en}). Nothing was changed."),
    "rec_no_writer": (
        "Langkah '{step}' mencatat sebuah catatan tahapan, tetapi penulis catatan tidak dimuat "
        "(engine.lifecycle.step_records); langkah tidak diselesaikan.",
        "Step '{step}' records a stage record, but the record writer is not loaded "
        "(engine.lifecycle.step_records); the step was not completed."),
    "rec_no_tim": (
        "unit '{unit}' belum mempunyai Tim Penyusun SOP",
        "unit '{unit}' has no SOP drafting team yet"),
    "rec_no_entries": (
        "kasus ini belum mendaftar judul SOP di daftar inventarisasi{unit_note}",
        "this case has listed no SOP title in the inventory yet{unit_note_en}"),
    "rec_bad_member": (
        "baris susunan Tim '{line}' tidak terbaca; tulis satu anggota per baris: nama login, peran[, unit] "
        "(peran: {roles})",
        "team line '{line}' cannot be read; write one member a line: login, role[, unit] (roles: {roles})"),
    "rec_bad_result": (
        "hasil verifikasi '{value}' tidak dikenal; gunakan lolos atau tidak_lolos (atau Ya/Tidak)",
        "verification result '{value}' is unknown; use lolos or tidak_lolos (or Ya/Tidak)"),
    "rec_unknown_sop": (
        "SOP '{key}' tidak ada di register",
        "SOP '{key}' is not in the register"),
    # the task page: what completing the step records
    "rec_step_hint_tim": (
        "Menyelesaikan langkah ini mencatat SK Tim Penyusun SOP unit ini (Tahapan penyusunan SOP → Tim penyusun).",
        "Completing this step records the SK of this unit's SOP drafting team (SOP stages → Drafting team)."),
    "rec_step_hint_pembekalan": (
        "Menyelesaikan langkah ini mencatat pembekalan Tim Penyusun SOP unit ini.",
        "Completing this step records a briefing of this unit's SOP drafting team."),
    "rec_step_hint_inventarisasi": (
        "Menyelesaikan langkah ini menambahkan setiap judul (satu per baris) ke daftar inventarisasi SOP unit ini.",
        "Completing this step adds each title (one per line) to this unit's SOP inventory."),
    "rec_step_hint_sosialisasi": (
        "Menyelesaikan langkah ini menyimpan rencana sosialisasi SOP yang disebut.",
        "Completing this step saves the socialisation plan of the SOP named."),
    "rec_step_hint_distribusi": (
        "Menyelesaikan langkah ini mendistribusikan SOP yang disebut kepada pelaksananya; mereka memberi tanda terima.",
        "Completing this step distributes the SOP named to its pelaksana; they acknowledge it."),
    "rec_step_hint_pelatihan": (
        "Menyelesaikan langkah ini mencatat sesi pelatihan pemahaman SOP yang disebut beserta pesertanya.",
        "Completing this step records the training session on the SOP named, with its attendees."),
    "rec_step_hint_analisis": (
        "Menyelesaikan langkah ini menuliskan catatan analisis dan kriteria (rutin, tahapan jelas, output jelas, "
        "melibatkan dua pihak atau lebih) pada judul yang didaftar kasus ini di daftar inventarisasi.",
        "Completing this step writes the analysis notes and criteria (routine, clear stages, clear output, two or "
        "more parties) onto the titles this case listed in the inventory."),
    "rec_step_hint_verifikasi": (
        "Menyelesaikan langkah ini mencatat hasil verifikasi rancangan SOP yang disebut (register → verifikasi).",
        "Completing this step records the verification result of the SOP draft named (register → verification)."),
    # the register's SOP page: the verifikasi records
    "ver_records_title": ("Catatan hasil verifikasi", "Verification notes"),
    "ver_result_lolos": ("Lolos: bebas duplikasi dan tumpang tindih", "Passed: no duplication or overlap"),
    "ver_result_tidak_lolos": ("Tidak lolos: dikembalikan ke penulisan", "Not passed: back to writing"),
    "ver_by": ("oleh {user} · {at}", "by {user} · {at}"),
    "ver_status_then": ("status rancangan saat itu: {status}", "draft status then: {status}"),
    "rec_made_by": (
        "Dibuat oleh kasus {registration} pada langkah “{step}”",
        "Made by case {registration} at step “{step}”"),
}
