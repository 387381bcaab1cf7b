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
    "form_period_reversed": ("Akhir periode monitoring sebelum awalnya.",
                             "The monitoring period ends before it starts."),
    "form_field_too_long": ("Isian '{name}' baris {number} terlalu panjang (batas {limit} karakter).",
                            "Field '{name}' of row {number} is too long (at most {limit} characters)."),
    "form_saved_meanwhile": (
        "Formulir monitoring ini sudah disimpan oleh {by} pada {when} (revisi {revision}); muat ulang dan ubah "
        "revisi terbaru.",
        "This monitoring form was saved by {by} at {when} (revision {revision}); reload it and edit the newest "
        "revision."),
    "evaluation_bad_outcome": ("Hasil evaluasi harus salah satu dari: {outcomes}.",
                               "The evaluation outcome must be one of: {outcomes}."),
    "evaluation_answer_count": ("Evaluasi harus menjawab {count} pertanyaan.",
                                "The evaluation must answer {count} questions."),
    "evaluation_unanswered": ("Pertanyaan {questions} belum dijawab Ya atau Tidak.",
                              "Question {questions} is not answered Yes or No yet."),
    "evaluation_notes_too_long": ("Catatan terlalu panjang (batas {limit} karakter).",
                                  "The notes are too long (at most {limit} characters)."),
    "evaluation_nothing_approved": ("SOP '{sop}' belum memiliki versi yang disahkan untuk dievaluasi.",
                                    "SOP '{sop}' has no approved version to evaluate yet."),
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
    # --- event logs: CSV and XES (engine.eventlog) -------------------------------------------------
    "log_unknown_type": ("{label}: jenis log tidak dikenal; gunakan .csv atau .xes.",
                         "{label}: unknown log type; use .csv or .xes."),
    "log_unreadable": ("{label}: tidak dapat dibaca ({reason}).", "{label}: cannot be read ({reason})."),
    "log_unknown_zone": (
        "Zona waktu '{zone}' tidak dikenal; gunakan mis. \"Asia/Jakarta\", \"Asia/Makassar\" atau \"Asia/Jayapura\".",
        "Unknown time zone '{zone}'; use e.g. \"Asia/Jakarta\", \"Asia/Makassar\" or \"Asia/Jayapura\"."),
    "log_naive_time": (
        "waktu {moment} pada kasus '{case}' tidak memiliki zona waktu; berikan waktu dengan zona, "
        "mis. 2026-03-02T08:15:00+07:00.",
        "time {moment} of case '{case}' has no time zone; give times with a zone, e.g. 2026-03-02T08:15:00+07:00."),
    "log_naive_time_line": (
        "baris {line}: waktu {moment} pada kasus '{case}' tidak memiliki zona waktu; berikan waktu dengan zona, "
        "mis. 2026-03-02T08:15:00+07:00.",
        "line {line}: time {moment} of case '{case}' has no time zone; give times with a zone, "
        "e.g. 2026-03-02T08:15:00+07:00."),
    "log_not_grouped": (
        "Peristiwa kasus '{case}' tidak berurutan: urutkan peristiwa per kasus sebelum menulis log.",
        "Events of case '{case}' are not together: sort the events by case before writing the log."),
    "csv_column_twice": ("{label}: baris 1: kolom {column} muncul dua kali ('{first}' dan '{second}').",
                         "{label}: line 1: column {column} appears twice ('{first}' and '{second}')."),
    "csv_columns_missing": (
        "{label}: baris 1: kolom {missing} tidak ada. Kolom wajib: {required} (boleh juga 'kasus', 'kegiatan', "
        "'waktu'); kolom yang ada: {present}.",
        "{label}: line 1: column {missing} is missing. Required columns: {required} (or 'kasus', 'kegiatan', "
        "'waktu'); the columns present: {present}."),
    "csv_binary": ("{label}: bukan berkas teks CSV (berisi byte nol).", "{label}: not a CSV text file (it holds NUL bytes)."),
    "csv_not_utf8": ("{label}: bukan teks UTF-8 (byte ke-{byte}); simpan ulang sebagai CSV UTF-8.",
                     "{label}: not UTF-8 text (byte {byte}); save it again as CSV UTF-8."),
    "csv_bad_row": ("{label}: baris {line}: {detail}", "{label}: line {line}: {detail}"),
    "csv_empty": ("{label}: berkas kosong; baris pertama harus berisi nama kolom ({columns}).",
                  "{label}: empty file; the first line must hold the column names ({columns})."),
    "csv_row_width": ("{label}: baris {line}: {count} kolom, padahal judul memiliki {width}; periksa pemisah dan tanda "
                      "kutip.",
                      "{label}: line {line}: {count} columns, but the header has {width}; check the separator and "
                      "the quotes."),
    "csv_empty_cell": ("{label}: baris {line}: kolom {column} kosong.", "{label}: line {line}: column {column} is empty."),
    "csv_bad_time": ("{label}: baris {line}: kolom {column}: '{value}' bukan waktu yang dikenali; tulis seperti {example}.",
                     "{label}: line {line}: column {column}: '{value}' is not a time; write it like {example}."),
    "xes_control_characters": ("Nilai {key} {value} berisi karakter kendali yang tidak dapat ditulis ke XES.",
                               "Value {key} {value} holds control characters that cannot be written to XES."),
    "xes_not_log": ("{label}: bukan log XES: elemen akar adalah <{root}>, seharusnya <log>.",
                    "{label}: not an XES log: the root element is <{root}>, not <log>."),
    "xes_case_twice": ("{label}: baris {line}: kasus '{case}' muncul dua kali; setiap trace harus memiliki "
                       "concept:name yang unik.",
                       "{label}: line {line}: case '{case}' appears twice; every trace needs its own concept:name."),
    "xes_trace_without_name": ("{label}: baris {line}: trace tanpa concept:name (id kasus).",
                               "{label}: line {line}: trace without concept:name (the case id)."),
    "xes_event_without_activity": ("{label}: baris {line}: peristiwa kasus '{case}' tanpa {key}.",
                                   "{label}: line {line}: event of case '{case}' without {key}."),
    "xes_event_without_time": ("{label}: baris {line}: peristiwa '{activity}' kasus '{case}' tanpa {key}.",
                               "{label}: line {line}: event '{activity}' of case '{case}' without {key}."),
    "xes_bad_time": ("{label}: baris {line}: {key} '{value}' bukan waktu yang dikenali; tulis seperti {example}.",
                     "{label}: line {line}: {key} '{value}' is not a time; write it like {example}."),
    # --- raised errors of the conformance check ----------------------------------------------------------
    "conformance_no_alignment": (
        "Penjajaran tidak ditemukan; ini kesalahan Alur.",
        "No alignment found; this is an error in Alur."),
    "conformance_no_single_start": (
        "SOP tidak memiliki tepat satu langkah mulai.",
        "The SOP does not have exactly one start step."),
    "conformance_cannot_finish": (
        "SOP tidak dapat diselesaikan: sebuah langkah tunggu_semua menunggu cabang yang tidak pernah datang.",
        "The SOP cannot be finished: a tunggu_semua step waits for a branch that never arrives."),
    "conformance_too_large": (
        "Perilaku SOP terlalu besar untuk diperiksa (lebih dari {limit} keadaan): periksa putaran yang kembali ke dalam cabang paralel.",
        "The SOP's behaviour is too large to check (more than {limit} states): check loops that go back into a parallel branch."),
    # --- call rows and child cases in the monitoring report (engine.monitoring.report) ----------------
    "monitor_started_by_call": ("Dimulai oleh SOP lain", "Started by another SOP"),
    "monitor_started_by_call_note": (
        "{count} dari {started} kasus dimulai oleh langkah SOP lain yang menjalankan SOP ini; kasus itu "
        "dihitung di semua angka laporan ini.",
        "{count} of {started} cases were started by a step of another SOP that runs this SOP; they are "
        "counted in every figure of this report."),
    "monitor_call_step": ("menjalankan SOP {sop}", "runs SOP {sop}"),
    "monitor_call_step_note": (
        "Langkah yang menjalankan SOP lain diukur dari kasus anaknya: selesai = kasus anak selesai, terbuka = "
        "masih berjalan; waktunya dari mulai sampai selesai kasus anak (waktu kerja, atau waktu kalender bila "
        "WAKTU-nya kalender), dibandingkan dengan WAKTU langkah itu. Beban jabatannya dihitung di SOP yang "
        "dijalankan.",
        "A step that runs another SOP is measured on its child cases: done = the child case finished, open = "
        "still running; its time runs from the child case's start to its end (working time, or calendar time "
        "when its WAKTU is in calendar time), against the step's own WAKTU. The jabatan load is counted in "
        "the SOP it runs."),
    "cli_monitor_started_by_call": (
        "Dimulai oleh SOP lain: {count} kasus (dihitung di atas sebagai kasus SOP ini).",
        "Started by another SOP: {count} cases (counted above as cases of this SOP)."),
    "cli_monitor_call_step": (
        "     menjalankan SOP {sop}: {open} kasus anak masih berjalan; angka dari kasus anaknya.",
        "     runs SOP {sop}: {open} child cases still running; figures from its child cases."),
}
