"""Catalogue entries of the SOP lifecycle: refusals of transitions and the words of its pages."""

from __future__ import annotations

ENTRIES: dict[str, tuple[str, str]] = {
    # --- refusals ---------------------------------------------------------------------------
    "lifecycle_not_in_register": ("SOP '{key}' tidak ada di daftar penyusunan.",
                                  "SOP '{key}' is not in the drafting register."),
    "lifecycle_wrong_status": (
        "SOP '{key}' berstatus '{status}'; tindakan ini hanya dari status {allowed}.",
        "SOP '{key}' has status '{status}'; this action only works from status {allowed}.",
    ),
    "lifecycle_approved_locked": ("SOP '{key}' sudah disahkan; mulai revisi terlebih dahulu.",
                                  "SOP '{key}' is approved; start a revision first."),
    "lifecycle_not_role": (
        "'{user}' tidak memiliki peran {role}; hanya {role} yang dapat melakukan tindakan ini.",
        "'{user}' does not have the role {role}; only a {role} can do this.",
    ),
    "lifecycle_no_declared_jabatan": (
        "SOP '{key}' belum mencantumkan jabatan DISAHKAN OLEH; isi jabatan pengesah di tabel SOP.",
        "SOP '{key}' names no DISAHKAN OLEH jabatan; fill in the approver's position in the SOP table.",
    ),
    "lifecycle_not_holder": (
        "'{user}' tidak memegang jabatan '{jabatan}' yang tercantum pada DISAHKAN OLEH SOP '{key}'; hanya "
        "pemegang jabatan itu yang dapat mengesahkannya.",
        "'{user}' does not hold '{jabatan}', the position named in DISAHKAN OLEH of SOP '{key}'; only its "
        "holder can approve it.",
    ),
    "lifecycle_not_holder_in_unit": (
        "'{user}' tidak memegang jabatan '{jabatan}' pada '{unit}' yang tercantum pada DISAHKAN OLEH SOP '{key}' "
        "(hari ini, atau sebagai Plh/Plt bila diizinkan); jabatan bernama sama di unit atau OPD lain tidak berlaku.",
        "'{user}' does not hold '{jabatan}' of '{unit}', the position named in DISAHKAN OLEH of SOP '{key}' "
        "(today, or as Plh/Plt where allowed); a position of the same name in another unit or OPD does not count.",
    ),
    "lifecycle_author_verifies": (
        "'{user}' ikut menyusun SOP '{key}'; verifikasi harus dilakukan orang lain (pemisahan tugas).",
        "'{user}' helped write SOP '{key}'; someone else must verify it (separation of duties).",
    ),
    "lifecycle_author_approves": (
        "'{user}' ikut menyusun SOP '{key}'; pengesahan harus dilakukan orang lain (pemisahan tugas).",
        "'{user}' helped write SOP '{key}'; someone else must approve it (separation of duties).",
    ),
    "lifecycle_verifier_approves": (
        "'{user}' sudah memverifikasi SOP '{key}'; pengesahan harus dilakukan orang lain (pemisahan tugas).",
        "'{user}' verified SOP '{key}'; someone else must approve it (separation of duties).",
    ),
    "lifecycle_not_verified": (
        "SOP '{key}' belum diterima verifikator; tunggu keputusan verifikasi.",
        "SOP '{key}' has not been accepted by a verifier yet; wait for the verification decision.",
    ),
    "lifecycle_already_verified": (
        "Verifikasi SOP '{key}' sudah diterima oleh {user}.",
        "The verification of SOP '{key}' was already accepted by {user}.",
    ),
    "lifecycle_not_trialled": (
        "SOP '{key}' belum diujicobakan; mulai ujicoba dan selesaikan sebelum pengesahan.",
        "SOP '{key}' has not been trialled; start the trial and finish it before approval.",
    ),
    "lifecycle_trial_incomplete": ("Ujicoba SOP '{key}' belum lengkap: {reasons}",
                                   "The trial of SOP '{key}' is not complete: {reasons}"),
    "lifecycle_overlap_unanswered": (
        "Temuan tumpang tindih belum dijawab: {findings}. Jawab setiap temuan sebelum verifikasi diterima.",
        "Overlap findings not answered yet: {findings}. Answer every finding before accepting the verification.",
    ),
    "lifecycle_unknown_finding": (
        "Temuan tumpang tindih '{finding}' tidak ada pada laporan SOP '{key}'; muat ulang halamannya.",
        "Overlap finding '{finding}' is not in the report of SOP '{key}'; reload the page.",
    ),
    "lifecycle_bad_answer": ("Jawaban temuan harus salah satu dari: {answers}.",
                             "The answer to a finding must be one of: {answers}."),
    "lifecycle_answer_reason": (
        "Temuan yang diterima sebagai tumpang tindih perlu alasan; tuliskan alasannya.",
        "A finding accepted as an overlap needs a reason; write it down.",
    ),
    "lifecycle_reason_required": (
        "Tuliskan alasannya: mengembalikan SOP, membuka revisi atau menerbitkan langsung perlu alasan.",
        "Write the reason: returning an SOP, opening a revision or publishing directly needs one.",
    ),
    "lifecycle_text_too_long": ("Teks '{name}' terlalu panjang (batas {limit} karakter).",
                                "Text '{name}' is too long (limit {limit} characters)."),
    "lifecycle_unknown_step": (
        "Catatan untuk langkah '{step}' yang tidak ada di SOP '{key}'.",
        "A note for step '{step}', which SOP '{key}' does not have.",
    ),
    "lifecycle_confirm": ("Centang 'Saya yakin' untuk melanjutkan; tidak ada yang diubah.",
                          "Tick 'I am sure' to go on; nothing was changed."),
    "lifecycle_effective_past": (
        "Tanggal efektif {date} lebih awal dari tanggal pengesahan {today} ({zone}); pilih {today} atau sesudahnya.",
        "Effective date {date} is before the approval date {today} ({zone}); choose {today} or later.",
    ),
    "lifecycle_bad_date": ("Tanggal efektif '{value}' bukan tanggal (TTTT-BB-HH).",
                           "Effective date '{value}' is not a date (YYYY-MM-DD)."),
    "lifecycle_unknown_user": (
        "'{user}' bukan pengguna terdaftar; tambahkan dulu dengan 'alur user add' atau 'alur account add'.",
        "'{user}' is not a registered user; add it first with 'alur user add' or 'alur account add'.",
    ),
    "lifecycle_publisher_required": (
        "Sebutkan siapa yang menerbitkan (--as PENGGUNA) dan alasannya (--alasan TEKS).",
        "Say who publishes (--as USER) and why (--alasan TEXT).",
    ),
    "lifecycle_revisi_reason": (
        "Evaluasi dengan hasil revisi perlu catatan alasan; tuliskan apa yang harus direvisi.",
        "An evaluation with the outcome revisi needs a reason; write what must be revised.",
    ),
    # --- page words -------------------------------------------------------------------------
    "lifecycle_confirm_label": ("Saya yakin", "I am sure"),
    "lifecycle_reason_label": ("Alasan", "Reason"),
    "lifecycle_accept": ("Terima verifikasi", "Accept verification"),
    "lifecycle_return": ("Kembalikan dengan catatan", "Return with notes"),
    "lifecycle_return_approval": ("Kembalikan ke penyusun", "Return to the drafter"),
    "lifecycle_verification": ("Keputusan verifikasi", "Verification decision"),
    "lifecycle_approval": ("Pengesahan", "Approval"),
    "lifecycle_verified_by": ("Verifikasi diterima oleh {user} pada {at}.", "Verification accepted by {user} on {at}."),
    "lifecycle_awaiting_verifier": ("Menunggu keputusan verifikator (Bagian Organisasi).",
                                    "Waiting for the verifier's decision (Bagian Organisasi)."),
    "lifecycle_row_notes": ("Catatan per baris", "Notes per row"),
    "lifecycle_general_note": ("Seluruh SOP", "Whole SOP"),
    "lifecycle_returned_notes": ("Catatan pengembalian", "Return notes"),
    "lifecycle_returned_by": ("Dikembalikan oleh {user} pada {at}: {reason}", "Returned by {user} on {at}: {reason}"),
    "lifecycle_answer_save": ("Simpan jawaban", "Save answer"),
    "lifecycle_answer_bukan": ("bukan tumpang tindih", "not an overlap"),
    "lifecycle_answer_digabung": ("sudah digabung", "merged"),
    "lifecycle_answer_diterima": ("diterima dengan alasan", "accepted with a reason"),
    "lifecycle_answered": ("Dijawab {user}: {answer}", "Answered by {user}: {answer}"),
    "lifecycle_unanswered": ("belum dijawab", "not answered"),
    "lifecycle_not_holder_hint": ("Hanya pemegang jabatan '{jabatan}' yang dapat mengesahkan SOP ini.",
                                  "Only the holder of '{jabatan}' can approve this SOP."),
    "lifecycle_requests": ("Permintaan revisi", "Revision requests"),
    "lifecycle_request_line": ("{at} · {user} ({unit}): {reason}", "{at} · {user} ({unit}): {reason}"),
    "lifecycle_request_open": ("terbuka", "open"),
    "lifecycle_request_done": ("ditindaklanjuti", "acted on"),
    "lifecycle_actions": ("Riwayat tindakan", "Action history"),
    "lifecycle_action_status": ("status", "status"),
    "lifecycle_action_save": ("menyimpan draf", "saved the draft"),
    "lifecycle_action_submit": ("mengajukan verifikasi", "submitted for verification"),
    "lifecycle_action_answer": ("menjawab temuan", "answered a finding"),
    "lifecycle_action_accept": ("menerima verifikasi", "accepted the verification"),
    "lifecycle_action_return": ("mengembalikan (verifikasi)", "returned (verification)"),
    "lifecycle_action_trial": ("memulai ujicoba", "started the trial"),
    "lifecycle_action_approve": ("mengesahkan", "approved"),
    "lifecycle_action_reject": ("mengembalikan (pengesahan)", "returned (approval)"),
    "lifecycle_action_revise": ("membuka revisi", "opened a revision"),
    "lifecycle_action_publish": ("menerbitkan langsung", "published directly"),
    "lifecycle_action_request": ("meminta revisi", "requested a revision"),
    "lifecycle_accepted_flash": ("Verifikasi diterima.", "Verification accepted."),
    "lifecycle_returned_flash": ("SOP dikembalikan ke penyusun dengan catatan.",
                                 "SOP returned to the drafter with notes."),
    "lifecycle_answer_flash": ("Jawaban temuan disimpan.", "Answer saved."),
    # --- raised errors of trial feedback (engine.lifecycle.ujicoba) --------------------------------------
    "ujicoba_bad_score": (
        "Nilai '{name}' harus bilangan bulat 1 sampai 5.",
        "Score '{name}' must be a whole number from 1 to 5."),
    "ujicoba_comment_too_long": (
        "Komentar terlalu panjang (batas 4000 karakter).",
        "The comment is too long (limit 4000 characters)."),
    "ujicoba_item_not_found": ("Tugas {item_id} tidak ada.", "Work item {item_id} does not exist."),
    "ujicoba_not_a_trial": (
        "Tugas {item_id} bukan bagian instans ujicoba; umpan balik hanya untuk ujicoba.",
        "Work item {item_id} is not part of a trial (ujicoba) instance; feedback is only for trials."),
    "ujicoba_step_not_done": (
        "Langkah '{name}' belum diselesaikan; beri umpan balik setelah menyelesaikannya.",
        "Step '{name}' is not completed yet; give feedback after completing it."),
    "ujicoba_not_the_completer": (
        "Hanya {completed_by}, yang menyelesaikan langkah '{name}', yang dapat memberi umpan balik atasnya.",
        "Only {completed_by}, who completed step '{name}', can give feedback on it."),
    "ujicoba_feedback_given": (
        "Umpan balik untuk tugas {item_id} sudah diberikan.",
        "Feedback for work item {item_id} was already given."),
    "ujicoba_no_draft": ("SOP '{sop}' tidak memiliki versi draf untuk ujicoba.", "SOP '{sop}' has no draft version to trial."),
}
