"""Catalogue entries of monitoring, ujicoba, evaluation, forms and plots."""

from __future__ import annotations

ENTRIES: dict[str, tuple[str, str]] = {
    # --- conformance: the SOP's net (engine.conformance.net) ---------------------------------------
    "conformance_no_run": (
        "SOP tidak dapat diselesaikan: sebuah langkah tunggu_semua menunggu cabang yang tidak pernah datang; "
        "periksa cabang paralel dan keputusan di dalamnya.",
        "the SOP cannot finish: a tunggu_semua step waits for a branch that never comes; check the parallel "
        "branches and the decisions inside them.",
    ),
    "conformance_unbounded": (
        "perilaku SOP terlalu besar untuk diperiksa (lebih dari {count} keadaan); periksa putaran yang kembali "
        "ke dalam cabang paralel.",
        "the SOP's behaviour is too large to check (more than {count} states); check loops that return into "
        "parallel branches.",
    ),
    # --- conformance: deviations (engine.conformance.deviations) -----------------------------------
    "deviation_kind_skipped": ("langkah terlewat", "step skipped"),
    "deviation_kind_extra": ("langkah tambahan", "extra step"),
    "deviation_kind_wrong_order": ("urutan salah", "wrong order"),
    "deviation_kind_wrong_role": ("pelaksana salah", "wrong pelaksana"),
    "deviation_kind_over_time": ("melebihi waktu baku", "over the standard time"),
    "deviation_skipped": ("Langkah terlewat: langkah {step} tidak dikerjakan; menurut SOP seharusnya {expected}.",
                          "Step skipped: step {step} was not done; the SOP places it {expected}."),
    "deviation_extra": ("Langkah tambahan: langkah {step} dikerjakan pada {where}, di luar alur SOP.",
                        "Extra step: step {step} was done at {where}, outside the SOP's flow."),
    "deviation_extra_unknown": ("Langkah tambahan: '{activity}' pada {where} tidak ada dalam SOP.",
                                "Extra step: '{activity}' at {where} is not in the SOP."),
    "deviation_wrong_order": ("Urutan salah: langkah {step} dikerjakan pada {where}, padahal menurut SOP "
                              "seharusnya {expected}.",
                              "Wrong order: step {step} was done at {where}, but the SOP places it {expected}."),
    "deviation_wrong_role": ("Pelaksana salah: langkah {step} pada {where} dikerjakan oleh '{role}', seharusnya "
                             "'{actor}'.",
                             "Wrong pelaksana: step {step} at {where} was done by '{role}', not '{actor}'."),
    "deviation_over_time": ("Melebihi waktu baku: langkah {step} pada {where} memakan waktu {actual} (dihitung "
                            "dalam jam kerja), waktu baku {standard}.",
                            "Over the standard time: step {step} at {where} took {actual} (in working hours), "
                            "standard {standard}."),
    "deviation_where": ("peristiwa ke-{event}", "event {event}"),
    "deviation_where_line": ("peristiwa ke-{event} (baris {line})", "event {event} (line {line})"),
    "deviation_after": ("sesudah langkah {step}", "after step {step}"),
    "deviation_first": ("menjadi langkah pertama", "as the first step"),
    "working_time_minutes": ("{amount} menit", "{amount} minutes"),
    "working_time_hours": ("{amount} jam", "{amount} hours"),
    "working_time_days": ("{amount} hari kerja", "{amount} working days"),
    # --- the pre-filled monitoring form (engine.monitoring.form) -----------------------------------
    "assess_over": (
        "Langkah {number} melebihi waktu baku pada {share} kasus: median {median} vs baku {standard}.",
        "Step {number} exceeded its standard time in {share} of cases: median {median} vs standard {standard}."),
    "assess_within": (
        "Sesuai waktu baku pada {share} kasus: median {median} vs baku {standard}.",
        "Within the standard time in {share} of cases: median {median} vs standard {standard}."),
    "assess_no_standard": (
        "Median waktu kerja {median} (tanpa waktu baku).",
        "Median working time {median} (no standard)."),
    "assess_missing": (
        "Kelengkapan tidak lengkap pada {share} penyelesaian ({count} dari {total}).",
        "Kelengkapan incomplete in {share} of completions ({count} of {total})."),
    "assess_rework": ("Dikerjakan ulang {count} kali (putaran revisi).", "Redone {count} times (revision loops)."),
    "assess_no_data": ("Belum ada data pelaksanaan pada periode ini.", "No execution data in this period."),
    "assess_start": ("Langkah awal: tercatat saat instans dimulai.", "First step: recorded when an instance starts."),
    "assess_open": ("{count} masih dalam proses.", "{count} still in progress."),
    "assess_act_over": (
        "Telaah penyebab keterlambatan dan beban kerja pelaksana; sesuaikan waktu baku atau pembagian tugas.",
        "Review the causes of delay and the workload; adjust the standard time or the division of tasks."),
    "assess_act_missing": (
        "Ingatkan pelaksana melengkapi kelengkapan sebelum memproses; tinjau daftar kelengkapan.",
        "Remind executors to complete the kelengkapan before processing; review the list."),
    "assess_act_rework": (
        "Perjelas kriteria pemeriksaan agar berkas tidak berulang kali dikembalikan.",
        "Clarify the review criteria so files are not sent back repeatedly."),
    # --- the official forms (engine.monitoring.workbook) -------------------------------------------
    "form_monitoring_title": ("FORMULIR MONITORING PELAKSANAAN SOP", "SOP IMPLEMENTATION MONITORING FORM"),
    "form_evaluation_title": ("FORMULIR EVALUASI PENERAPAN SOP", "SOP EVALUATION FORM"),
    "form_sop": ("Nama SOP", "SOP name"),
    "form_nomor": ("Nomor SOP", "SOP number"),
    "form_unit": ("Unit kerja", "Work unit"),
    "form_period": ("Periode", "Period"),
    "form_assessor": ("Penilai", "Assessor"),
    "form_no": ("No.", "No."),
    "form_procedure": ("Prosedur", "Procedure"),
    "form_assessment": ("Penilaian terhadap penerapan", "Assessment of implementation"),
    "form_good": ("Berjalan dengan baik", "Running well"),
    "form_not_good": ("Tidak berjalan dengan baik", "Not running well"),
    "form_notes": ("Catatan hasil penilaian", "Assessment notes"),
    "form_action": ("Tindakan yang harus diambil", "Action to take"),
    "form_initials": ("Paraf penilai", "Assessor's initials"),
    "form_question": ("Pertanyaan", "Question"),
    "form_answer": ("Ya / Tidak", "Yes / No"),
    "form_yes": ("Ya", "Yes"),
    "form_no_answer": ("Tidak", "No"),
    "form_catatan": ("Catatan", "Notes"),
    "form_outcome": ("Hasil evaluasi", "Outcome"),
    "form_date": ("Tanggal", "Date"),
    "form_period_range": ("{start} s.d. {end}", "{start} to {end}"),
    "form_sheet_monitoring": ("Monitoring", "Monitoring"),
    "form_sheet_evaluation": ("Evaluasi", "Evaluation"),
    # --- charts (engine.monitoring.plots) ----------------------------------------------------------
    "plot_steps_title": (
        "Waktu kerja aktual per langkah dibanding waktu baku",
        "Actual working time per step against the standard"),
    "plot_trend_title": ("Median waktu siklus per periode", "Median cycle time per period"),
    "plot_median": ("median", "median"),
    "plot_standard": ("waktu baku", "standard"),
    "plot_no_data": ("Belum ada data pelaksanaan.", "No execution data yet."),
    # --- the evaluation form's questions and outcomes (engine.monitoring.workbook) -----------------
    "evaluation_question_1": ("Mampu mendorong peningkatan kinerja", "Drives better performance"),
    "evaluation_question_2": ("Mudah dipahami", "Easy to understand"),
    "evaluation_question_3": ("Mudah dilaksanakan", "Easy to carry out"),
    "evaluation_question_4": ("Semua orang dapat menjalankan perannya masing-masing",
                              "Everyone can play their own role"),
    "evaluation_question_5": ("Mampu mengatasi permasalahan yang berkaitan dengan proses",
                              "Solves the problems related to the process"),
    "evaluation_question_6": ("Mampu menjawab kebutuhan peningkatan kinerja organisasi",
                              "Meets the organisation's need to perform better"),
    "evaluation_question_7": ("Sinergi satu dengan lainnya", "Works in synergy with the others"),
    "evaluation_outcome_tetap": ("SOP tetap dipakai", "Keep the SOP"),
    "evaluation_outcome_revisi": ("SOP direvisi", "Revise the SOP"),
    "evaluation_outcome_ganti": ("SOP diganti dengan yang baru", "Replace the SOP"),
    # --- the actual process map (engine.monitoring.process_map) -----------------------------------
    "map_start": ("Mulai", "Start"),
    "map_end": ("Selesai", "End"),
    "map_graphviz_failed": ("Graphviz (dot) gagal menggambar peta proses; pasang paket graphviz.",
                            "Graphviz (dot) failed to draw the process map; install the graphviz package."),
}
