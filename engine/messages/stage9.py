"""Catalogue entries of the truthful monitoring (the regulation's stage 9): case states in logs,
prefix conformance, the ujicoba gate, the evaluation's proposals, the monitoring schedule."""

from __future__ import annotations

ENTRIES: dict[str, tuple[str, str]] = {
    "stage9_bad_case_status": (
        "{label}: baris {line}: status kasus '{value}' tidak dikenal; tulis salah satu: {known}.",
        "{label}: line {line}: case status '{value}' is unknown; write one of: {known}."),
    "stage9_gate_outside_hours": (
        "Langkah ujicoba dikerjakan di luar jam kerja, sehingga waktu kerjanya tercatat 0 menit dan belum "
        "terukur: {steps}. Ulangi ujicoba langkah tersebut pada jam kerja.",
        "Trial steps were done outside office hours, so their working time reads 0 minutes and is not "
        "measured: {steps}. Run those steps again in office hours."),
    "stage9_outside_hours_step": ("{number}. {kegiatan} ({count} kali)", "{number}. {kegiatan} ({count} times)"),
    "stage9_outside_hours_flag": ("Di luar jam kerja: {count} kali (waktu kerja 0 menit)",
                                  "Outside office hours: {count} times (0 working minutes)"),
    "stage9_outside_hours_head": ("Di luar jam kerja", "Outside office hours"),
    "stage9_ujicoba_empty": (
        "SOP ini belum pernah diujicobakan: belum ada versi draf yang dijalankan sebagai ujicoba. Laporan ujicoba "
        "muncul di sini setelah penyusun memulai ujicoba versi draf.",
        "This SOP has never been trialled: no draft version has run as a trial. The trial report appears here "
        "once the penyusun starts a trial of a draft version."),
    "stage9_propose_no_data": ("Belum ada data untuk mengusulkan jawaban ({started} kasus dalam periode).",
                               "No data yet to propose an answer ({started} cases in the period)."),
    "stage9_fig_cycle": ("median waktu siklus {median} dari {completed} kasus selesai; waktu baku jalur {standard}",
                         "median cycle time {median} over {completed} finished cases; standard of the path {standard}"),
    "stage9_fig_ease": ("rata-rata kemudahan menurut pelaksana ujicoba {average} dari 5 ({count} penilaian)",
                        "mean ease rated by the trial's clerks {average} of 5 ({count} ratings)"),
    "stage9_fig_missing": ("{share} dari {done} langkah dikerjakan dengan kelengkapan kurang",
                           "{share} of {done} steps done with kelengkapan missing"),
    "stage9_fig_within": ("{share} dari {runs} pelaksanaan langkah dalam waktu baku",
                          "{share} of {runs} step runs within their standard"),
    "stage9_fig_bottleneck": ("hambatan terbesar: langkah {number} ({kegiatan})",
                              "largest bottleneck: step {number} ({kegiatan})"),
    "stage9_fig_roles_late": ("jabatan dengan tugas terlambat yang masih menunggu: {jabatan}",
                              "jabatan with overdue work still waiting: {jabatan}"),
    "stage9_fig_wrong_role": ("{count} langkah dikerjakan jabatan lain daripada pelaksana SOP",
                              "{count} steps done by a jabatan other than the SOP's pelaksana"),
    "stage9_fig_overdue": ("{count} dari {started} kasus melewati waktu baku suatu langkah ({share})",
                           "{count} of {started} cases went over a step's standard ({share})"),
    "stage9_fig_rework": ("{count} kasus dengan pengerjaan ulang ({share})", "{count} cases with rework ({share})"),
    "stage9_fig_cancelled": ("{completed} kasus selesai, {cancelled} dibatalkan ({share} dari yang ditutup), "
                             "{running} masih berjalan",
                             "{completed} cases finished, {cancelled} cancelled ({share} of those closed), "
                             "{running} still running"),
    "stage9_fig_fitness": ("kesesuaian alur (fitness) {fitness} atas {cases} kasus; {flow} penyimpangan alur",
                           "flow conformance (fitness) {fitness} over {cases} cases; {flow} flow deviations"),
    "stage9_proposed": ("Usulan dari data", "Proposed from the data"),
    "stage9_proposed_none": ("tidak ada usulan", "no proposal"),
    "stage9_proposals_period": (
        "Usulan jawaban di bawah dihitung dari data {start} s.d. {end} ({zone}); periksa, ubah bila perlu, lalu simpan.",
        "The proposed answers below come from the data of {start} to {end} ({zone}); check them, change them where "
        "needed, then save."),
    "stage9_basis_monitoring": ("monitoring terakhir", "last monitoring"),
    "stage9_basis_evaluasi": ("evaluasi terakhir", "last evaluation"),
    "stage9_basis_pengesahan": ("pengesahan", "approval"),
    "stage9_reminder_due_subject": ("Monitoring SOP {sop} jatuh tempo {due}", "Monitoring of SOP {sop} is due {due}"),
    "stage9_reminder_due_body": (
        "Yth. {nama},\n\nMonitoring enam bulanan SOP {sop} (PermenPANRB 35/2012) jatuh tempo pada {due}; "
        "{basis}: {last}.\n{link}",
        "Dear {nama},\n\nThe six-monthly monitoring of SOP {sop} (PermenPANRB 35/2012) is due on {due}; "
        "{basis}: {last}.\n{link}"),
    "stage9_reminder_overdue_subject": ("Monitoring SOP {sop} terlambat (jatuh tempo {due})",
                                        "Monitoring of SOP {sop} is overdue (due {due})"),
    "stage9_reminder_overdue_body": (
        "Yth. {nama},\n\nMonitoring enam bulanan SOP {sop} (PermenPANRB 35/2012) sudah lewat jatuh tempo {due}; "
        "{basis}: {last}. Mohon segera lakukan monitoring.\n{link}",
        "Dear {nama},\n\nThe six-monthly monitoring of SOP {sop} (PermenPANRB 35/2012) was due on {due}; "
        "{basis}: {last}. Please monitor it soon.\n{link}"),
    "stage9_schedule_head": ("Jadwal monitoring", "Monitoring schedule"),
    "stage9_schedule_due": ("Monitoring berikutnya jatuh tempo {due} (enam bulan sesudah {basis} {last}).",
                            "The next monitoring is due {due} (six months after the {basis} of {last})."),
    "stage9_schedule_overdue": ("Monitoring terlambat: jatuh tempo {due} (enam bulan sesudah {basis} {last}).",
                                "Monitoring overdue: it was due {due} (six months after the {basis} of {last})."),
    "stage9_schedule_never": ("Belum ada jadwal: SOP ini belum disahkan.", "No schedule: this SOP is not approved yet."),
    "stage9_next_due": ("Monitoring berikutnya", "Next monitoring"),
    "stage9_pdf_title": ("Laporan Monitoring SOP", "SOP Monitoring Report"),
    "stage9_pdf_generated": ("Dibuat", "Made on"),
    "stage9_pdf_trial": ("Instans ujicoba (UJICOBA)", "Trial instances (UJICOBA)"),
    "stage9_pdf_figure": ("Ukuran", "Figure"),
    "stage9_pdf_value": ("Nilai", "Value"),
    "stage9_pdf_steps": ("Pelaksanaan per langkah", "Per step"),
    "stage9_pdf_decisions": ("Keputusan", "Decisions"),
    "stage9_pdf_load": ("Beban per jabatan", "Load per jabatan"),
    "stage9_pdf_kegiatan": ("Kegiatan", "Activity"),
    "stage9_pdf_waktu": ("Waktu baku", "Standard"),
    "stage9_pdf_median": ("Median", "Median"),
    "stage9_pdf_p90": ("p90", "p90"),
    "stage9_pdf_within": ("Dalam waktu baku", "Within standard"),
    "stage9_pdf_n": ("n", "n"),
    "stage9_pdf_excess": ("Kelebihan", "Excess"),
    "stage9_pdf_jabatan": ("Jabatan", "Jabatan"),
    "stage9_pdf_open": ("Menunggu", "Waiting"),
    "stage9_pdf_working_time": ("Waktu kerja", "Working time"),
    "stage9_pdf_bars_note": ("Batang: median waktu per langkah (merah: melebihi waktu baku); garis hitam: waktu baku.",
                             "Bars: median time per step (red: over its standard); black mark: the standard."),
    "stage9_sum_started": ("Dimulai", "Started"),
    "stage9_sum_completed": ("Selesai", "Finished"),
    "stage9_sum_running": ("Berjalan", "Running"),
    "stage9_sum_cancelled": ("Dibatalkan", "Cancelled"),
    "stage9_sum_overdue": ("Terlambat", "Overdue"),
    "stage9_sum_rework": ("Dengan pengerjaan ulang", "With rework"),
    "stage9_sum_cycle_median": ("Median waktu siklus", "Median cycle time"),
    "stage9_sum_cycle_p90": ("p90 waktu siklus", "p90 cycle time"),
    "stage9_standard_of_path": ("Jumlah waktu baku (jalur terpanjang)", "Standard of the path (longest path)"),
    "stage9_standard_path": (
        "Jumlah waktu baku = waktu baku langkah pada jalur terpanjang dari mulai sampai selesai (langkah {steps}): "
        "putaran pengerjaan ulang tidak dihitung, dari cabang alternatif dan cabang paralel dihitung yang "
        "terpanjang, sekali.",
        "Standard of the path = the standards of the steps on the longest path from start to end (steps {steps}): "
        "rework loops are left out; of alternative and parallel branches the longest counts, once."),
    "stage9_standard_path_none": ("Jumlah waktu baku: tidak ada langkah berwaktu baku pada jalur SOP.",
                                  "Standard of the path: no step on the SOP's path has a standard."),
    "stage9_period": ("{start} s.d. {end} ({zone})", "{start} to {end} ({zone})"),
    "stage9_period_label": ("Periode", "Period"),
    "stage9_report_pdf": ("Laporan (PDF)", "Report (PDF)"),
    "stage9_overdue_short": ("terlambat", "overdue"),
    "stage9_pdf_ya": ("Ya", "Yes"),
    "stage9_pdf_tidak": ("Tidak", "No"),
    "stage9_propose_log_too_large": (
        "Log pelaksanaan periode ini lebih dari {limit} peristiwa: periksa kesesuaiannya dengan `alur conformance`.",
        "The period's log has more than {limit} events: check its conformance with `alur conformance`."),
    "stage9_status_finished": ("selesai", "finished"),
    "stage9_status_running": ("berjalan", "running"),
    "stage9_status_cancelled": ("dibatalkan", "cancelled"),
    "stage9_status_suspended": ("ditangguhkan", "suspended"),
    "stage9_case_unfinished": ("{case} ({status}, dinilai sebagai awalan alur)",
                               "{case} ({status}, scored as a prefix of the flow)"),
    "stage9_status_counts": (
        "Kasus menurut status: {counts} (kasus yang belum selesai atau dibatalkan dinilai sebagai awalan alur SOP).",
        "Cases by status: {counts} (unfinished and cancelled cases are scored as a prefix of the SOP's flow)."),
}
