"""Words of the table editor's row sub-forms: a call to another SOP, a wait, a timeout on a step."""

from __future__ import annotations

ENTRIES: dict[str, tuple[str, str]] = {
    "es_table_cannot_edit": (
        "Baris {row} (subproses, 'setiap', berulang, atau cabang inklusif) belum dapat diubah di tabel; simpan "
        "dari tabel akan menghapusnya. Ubah SOP ini lewat tampilan gambar atau unggah berkas YAML/BPMN.",
        "Row {row} (a sub-process, a 'setiap' row, a repeated step or an inclusive branch) cannot be edited in the "
        "table yet; saving from the table would drop it. Edit this SOP in the drawing view or upload a YAML/BPMN "
        "file."),
    # --- the row's special kind ------------------------------------------------------------------------
    "es_special_column": ("Panggilan / tunggu / batas waktu", "Call / wait / timeout"),
    "es_special": ("Baris ini", "This row"),
    "es_special_none": ("kegiatan biasa", "an ordinary activity"),
    "es_special_call": ("memanggil SOP lain", "calls another SOP"),
    "es_special_wait": ("menunggu", "waits"),
    # --- call ------------------------------------------------------------------------------------------
    "es_call_sop": ("SOP yang dipanggil", "SOP to call"),
    "es_call_choose": ("— pilih SOP disahkan —", "— choose an approved SOP —"),
    "es_call_version": ("Versi", "Version"),
    "es_call_info": ("kunci {key}; versi disahkan terbaru: {version}", "key {key}; newest approved version: {version}"),
    "es_call_latest": ("terbaru disahkan", "newest approved"),
    "es_call_pinned": ("versi {version}", "version {version}"),
    "es_call_none_published": (
        "Belum ada SOP disahkan di daftar; sahkan dulu SOP yang akan dipanggil.",
        "No approved SOP in the register yet; approve the SOP to call first."),
    "es_call_not_listed": ("{key} (tidak ada di daftar SOP disahkan)", "{key} (not among the approved SOPs)"),
    "es_call_help": (
        "SOP yang dipanggil mulai dengan nilai isian kasus ini (isian bernama sama) dan nomor registrasinya; "
        "tidak ada nilai yang kembali: baris ini selesai saat SOP itu selesai.",
        "The called SOP starts with this case's values (fields of the same name) and its registration number; "
        "no value comes back: this row is done when that SOP ends."),
    # --- wait ------------------------------------------------------------------------------------------
    "es_wait_kind": ("Menunggu", "Waits for"),
    "es_wait_timer": ("lama waktu", "a duration"),
    "es_wait_date": ("tanggal dalam isian", "the date in a case field"),
    "es_wait_message": ("pesan", "a message"),
    "es_wait_amount": ("Lama", "Duration"),
    "es_wait_unit": ("Satuan", "Unit"),
    "es_wait_other": ("tulis sendiri…", "type it…"),
    "es_wait_text": ("Waktu (teks WAKTU)", "Time (WAKTU text)"),
    "es_wait_field": ("Isian tanggal", "Date field"),
    "es_wait_field_choose": ("— pilih isian tanggal —", "— choose a date field —"),
    "es_wait_message_name": ("Nama pesan", "Message name"),
    "es_wait_correlation": ("Korelasi (isian)", "Correlation (field)"),
    "es_wait_correlation_default": ("nomor registrasi kasus", "the case's registration number"),
    # --- timeout on a step -----------------------------------------------------------------------------
    "es_timeout": ("Batas waktu", "Timeout"),
    "es_timeout_after": ("Bila belum selesai dalam", "If not done within"),
    "es_timeout_target": ("lanjut ke", "go to"),
    "es_timeout_stop": ("Kegiatan dihentikan", "The step is cancelled"),
    "es_timeout_keep": ("Kegiatan tetap terbuka (jalur samping)", "The step stays open (a side path)"),
    "es_events_more": ("Peristiwa lain (YAML)", "Other events (YAML)"),
    # --- inline checks: the row, then the engine's words -------------------------------------------------
    "es_check_row": ("Baris {no} ({kegiatan}): {text}", "Row {no} ({kegiatan}): {text}"),
    "es_check_call_choose": (
        "pilih SOP yang dipanggil dari daftar SOP disahkan.", "choose the SOP to call from the approved SOPs."),
    "es_check_timer_field": (
        "pilih isian bertipe tanggal; tambahkan dulu di Isian kasus bila belum ada.",
        "choose a date field; add one under Case fields first if there is none."),
    "es_check_timeout_target": (
        "pilih baris tujuan bila batas waktu terjadi.", "choose the row the timeout leads to."),
}
