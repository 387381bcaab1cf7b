"""Catalogue entries of notifications: the messages sent, contact checks, settings, delivery and the badge."""

from __future__ import annotations

ENTRIES: dict[str, tuple[str, str]] = {
    # --- the messages (rendered when they are written to the outbox) -------------------------
    "notify_ready_subject": ("[Alur] Tugas baru: {step} ({sop})", "[Alur] New work item: {step} ({sop})"),
    "notify_ready_body": (
        "Yth. {nama},\n\nAda tugas baru untuk jabatan {jabatan} di {unit}.\n\nSOP: {sop}\nLangkah: {step}\n"
        "Kasus: {case}\nBatas waktu: {due}\n{link}\nPesan ini dikirim otomatis oleh Alur; satu pesan untuk "
        "setiap tugas.",
        "Dear {nama},\n\nA new work item waits for the jabatan {jabatan} in {unit}.\n\nSOP: {sop}\nStep: {step}\n"
        "Case: {case}\nDue: {due}\n{link}\nThis message was sent by Alur; one message for each work item.",
    ),
    "notify_overdue_subject": ("[Alur] Tugas terlambat: {step} ({sop})", "[Alur] Overdue work item: {step} ({sop})"),
    "notify_overdue_body": (
        "Yth. {nama},\n\nTugas untuk jabatan {jabatan} di {unit} melewati batas waktunya.\n\nSOP: {sop}\n"
        "Langkah: {step}\nKasus: {case}\nBatas waktu: {due}\n{link}\nPesan ini dikirim otomatis oleh Alur; "
        "satu pesan untuk setiap tugas.",
        "Dear {nama},\n\nA work item for the jabatan {jabatan} in {unit} is past its due time.\n\nSOP: {sop}\n"
        "Step: {step}\nCase: {case}\nDue: {due}\n{link}\nThis message was sent by Alur; one message for each "
        "work item.",
    ),
    "notify_case": ("instans #{instance}", "instance #{instance}"),
    "notify_no_deadline": ("tanpa batas waktu", "no due time"),
    "notify_link": ("Buka tugas: {url}\n", "Open the work item: {url}\n"),
    # --- contacts of a user -------------------------------------------------------------------
    "notify_bad_email": (
        "Alamat e-mail '{value}' tidak sah; tulis satu alamat seperti nama@pemda.go.id.",
        "E-mail address '{value}' is not valid; write one address such as name@pemda.go.id.",
    ),
    "notify_bad_phone": (
        "Nomor telepon '{value}' tidak sah; tulis 8 sampai 15 angka, boleh diawali + (contoh +6281234567890).",
        "Phone number '{value}' is not valid; write 8 to 15 digits, optionally after a + (e.g. +6281234567890).",
    ),
    "notify_bad_language": (
        "Bahasa '{value}' tidak dikenal; pilih id (Bahasa Indonesia) atau en (English).",
        "Language '{value}' is not known; choose id (Bahasa Indonesia) or en (English).",
    ),
    # --- settings -----------------------------------------------------------------------------
    "notify_setting_missing": (
        "Pengaturan {setting} wajib diisi bila {because} diisi.",
        "Setting {setting} is required when {because} is set.",
    ),
    "notify_setting_bad_number": (
        "Pengaturan {setting} harus bilangan bulat {minimum} sampai {maximum}, bukan '{value}'.",
        "Setting {setting} must be a whole number from {minimum} to {maximum}, not '{value}'.",
    ),
    "notify_setting_bad_flag": (
        "Pengaturan {setting} harus 1 (ya) atau 0 (tidak), bukan '{value}'.",
        "Setting {setting} must be 1 (yes) or 0 (no), not '{value}'.",
    ),
    "notify_setting_bad_email": (
        "Pengaturan {setting} harus satu alamat e-mail yang sah (mis. alur@pemda.go.id), bukan '{value}'.",
        "Setting {setting} must be one valid e-mail address (e.g. alur@pemda.go.id), not '{value}'.",
    ),
    "notify_setting_bad_url": (
        "Pengaturan {setting} harus alamat http:// atau https:// lengkap, bukan '{value}'.",
        "Setting {setting} must be a full http:// or https:// address, not '{value}'.",
    ),
    # --- delivery -----------------------------------------------------------------------------
    "notify_smtp_failed": (
        "Server e-mail {host}:{port} tidak menerima pesan: {detail}",
        "Mail server {host}:{port} did not accept the message: {detail}",
    ),
    "notify_webhook_failed": (
        "Webhook {url} tidak menerima pesan: {detail}",
        "Webhook {url} did not accept the message: {detail}",
    ),
    "cli_run_sent": (
        "pesan terkirim: {sent}, dicoba lagi nanti: {retried}, gagal (batas percobaan): {failed}",
        "messages sent: {sent}, to be tried again: {retried}, failed (out of attempts): {failed}",
    ),
    "cli_outbox_counts": ("outbox: {pending} menunggu, {sent} terkirim, {failed} gagal",
                          "outbox: {pending} pending, {sent} sent, {failed} failed"),
    "cli_outbox_line": ("#{id}  {status:<7} {kind:<7} tugas #{item}  {channel} {address}  percobaan {attempts}  {created}",
                        "#{id}  {status:<7} {kind:<7} item #{item}  {channel} {address}  attempts {attempts}  {created}"),
    "cli_outbox_requeued": ("{count} notifikasi gagal dikirim lagi pada putaran worker berikutnya.",
                            "{count} failed notifications will be sent again by the next worker pass."),
    # --- the web header -----------------------------------------------------------------------
    "work_badge": ("{new} baru, {overdue} terlambat", "{new} new, {overdue} overdue"),
    "work_badge_title": (
        "Tugas yang belum diklaim siapa pun, dan tugas yang melewati batas waktu, di daftar tugas Anda",
        "Work items nobody has claimed yet, and items past their due time, on your worklist",
    ),
}
