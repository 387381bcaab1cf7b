"""Catalogue entries of the `alur` command line."""

from __future__ import annotations

ENTRIES: dict[str, tuple[str, str]] = {
    # --- hostile sheets and operations (serve) ---
    "sheet_too_deep": ("{label}: YAML bersarang terlalu dalam; lembar SOP tidak memerlukannya.",
                       "{label}: the YAML is nested too deep; an SOP sheet never needs that."),
    "sheet_bad_value": ("{label}: nilai yang tidak dapat dibaca ({detail}).",
                        "{label}: a value that cannot be read ({detail})."),
    "cli.anchor_no_key": ("Sebutkan --key atau ALUR_ANCHOR_KEY: berkas kunci jangkar di luar basis data.",
                          "Give --key or ALUR_ANCHOR_KEY: the anchor key file, outside the database."),
    "cli.anchor_no_folder": ("Sebutkan --out atau ALUR_ANCHOR_DIR: folder jangkar, terpisah dari basis data.",
                             "Give --out or ALUR_ANCHOR_DIR: the anchor folder, apart from the database."),
    "cli.anchor_written": ("Jangkar ditulis: {path}", "Anchor written: {path}"),
    "cli.anchor_finding": ("Jangkar: {detail}", "Anchor: {detail}"),
    "cli.anchors_ok": ("Jangkar cocok: {anchors} berkas.", "Anchors match: {anchors} files."),
    "cli.db_backup_done": ("Cadangan ditulis: {path}", "Backup written: {path}"),
    "cli.db_restore_confirm": ("Ganti basis data dengan cadangan ini? Web dan worker harus berhenti.",
                               "Replace the store with this backup? Web and worker processes must be stopped."),
    "cli.db_restore_done": ("Basis data dipulihkan (skema {revision}).", "Store restored (schema {revision})."),
    "cli.db_copy_done": ("{rows} baris dari {tables} tabel disalin; rantai audit di tujuan utuh: {instances} instans, "
                         "{events} peristiwa.",
                         "{rows} rows of {tables} tables copied; the audit chain in the target is intact: "
                         "{instances} instances, {events} events."),
    # --- alur conformance / alur log ---------------------------------------------------------------
    "cli_case": ("{case}: kesesuaian {fitness}", "{case}: fitness {fitness}"),
    "cli_case_deviations": ("{case}: kesesuaian {fitness}, {count} penyimpangan",
                            "{case}: fitness {fitness}, {count} deviations"),
    "cli_summary": ("Ringkasan: {cases} kasus, {variants} varian; {fitting} kasus mengikuti alur SOP ({share} %).",
                    "Summary: {cases} cases, {variants} variants; {fitting} cases follow the SOP's flow ({share} %)."),
    "cli_fitness": ("Kesesuaian (fitness) log: {fitness}; rata-rata per kasus: {average}.",
                    "Log fitness: {fitness}; average per case: {average}."),
    "cli_deviation_counts": ("Penyimpangan: {counts}.", "Deviations: {counts}."),
    "cli_empty_log": ("Log tidak berisi kasus.", "The log holds no case."),
    "cli_log_written": ("{out} ditulis ({cases} kasus, {events} peristiwa).",
                        "{out} written ({cases} cases, {events} events)."),
    # --- alur check / alur convert -----------------------------------------------------------------
    "cli_warning": ("peringatan", "warning"),
    "cli_check_summary": (
        "{checked} berkas diperiksa: {valid} valid, {invalid} tidak valid, {unreadable} tidak terbaca.",
        "{checked} files checked: {valid} valid, {invalid} invalid, {unreadable} unreadable."),
    "cli_convert_written": (
        "{out} ditulis ({steps} langkah, {actors} pelaksana).",
        "{out} written ({steps} steps, {actors} pelaksana)."),
    "cli_not_written": ("{out} tidak ditulis.", "{out} not written."),
    # --- alur render -------------------------------------------------------------------------------
    "cli_render_written": (
        "{out} ditulis ({pages} halaman, kertas {paper}).",
        "{out} written ({pages} pages, {paper} paper)."),
    "cli_render_instance": ("instans {id}", "instance {id}"),
    "cli_render_one_source": (
        "Sebutkan satu sumber: berkas SOP atau --instance ID.",
        "Name one source: an SOP file or --instance ID."),
    "cli_render_format": (
        "{out}: akhiran berkas harus .svg, .pdf atau .png (atau .xlsx/.docx untuk tabel resmi).",
        "{out}: the file name must end in .svg, .pdf or .png (or .xlsx/.docx for the official table)."),
    # --- alur monitor / alur log export ------------------------------------------------------------
    "cli_monitor_title": (
        "SOP {key}: {nama} ({nomor}); versi {versions}{trial}; periode {period}",
        "SOP {key}: {nama} ({nomor}); version {versions}{trial}; period {period}"),
    "cli_monitor_trial": (" [UJICOBA]", " [TRIAL]"),
    "cli_monitor_all_time": ("seluruhnya", "all time"),
    "cli_monitor_counts": (
        "Instans: {started} dimulai, {completed} selesai, {running} berjalan, {cancelled} dibatalkan, "
        "{overdue} melewati batas waktu.",
        "Instances: {started} started, {completed} completed, {running} running, {cancelled} cancelled, "
        "{overdue} past a due time."),
    "cli_monitor_cycle": (
        "Waktu siklus: median {median}, p90 {p90}; jumlah waktu baku (jalur terpanjang) {standard}.",
        "Cycle time: median {median}, p90 {p90}; standard of the path (longest path) {standard}."),
    "cli_monitor_steps": (
        "Langkah (waktu kerja aktual dibanding waktu baku):",
        "Steps (actual working time against the standard):"),
    "cli_monitor_step": (
        "  {number}. {kegiatan} [{jabatan}] baku {waktu}: n={count}, median {median}, p90 {p90}, "
        "sesuai baku {within}, kelebihan {excess}, ulang {rework}, kelengkapan kurang {missing}",
        "  {number}. {kegiatan} [{jabatan}] standard {waktu}: n={count}, median {median}, p90 {p90}, "
        "within {within}, excess {excess}, redone {rework}, kelengkapan missing {missing}"),
    "cli_monitor_bottlenecks": (
        "Hambatan (total kelebihan waktu): {items}",
        "Bottlenecks (total excess time): {items}"),
    "cli_monitor_load": ("Beban per jabatan:", "Load per jabatan:"),
    "cli_monitor_load_row": (
        "  {jabatan}: {completed} selesai, {open} terbuka ({late} terlambat), {minutes}",
        "  {jabatan}: {completed} done, {open} open ({late} late), {minutes}"),
    "cli_monitor_decision": (
        "Keputusan {number}. {kegiatan}: Ya {ya}, Tidak {tidak}",
        "Decision {number}. {kegiatan}: Ya {ya}, Tidak {tidak}"),
    "cli_monitor_rework": (
        "Instans dengan pengerjaan ulang: {count}; langkah dengan kelengkapan kurang: {share}.",
        "Instances with rework: {count}; steps with missing kelengkapan: {share}."),
    "cli_monitor_none": ("-", "-"),
    "cli_monitor_written": ("{out} ditulis.", "{out} written."),
    "cli_monitor_log_written": ("{out} ditulis ({events} peristiwa).", "{out} written ({events} events)."),
    "cli_monitor_bad_suffix": (
        "Akhiran berkas keluaran tidak dikenal: {out}; gunakan .pdf, .xlsx atau .json.",
        "Unknown output suffix: {out}; use .pdf, .xlsx or .json."),
    # --- alur demo / alur serve / alur account (engine.cli.web) -------------------------------------
    "cli_demo_preparing": ("Menyiapkan basis data demo {path} ...", "Preparing the demo database {path} ..."),
    "cli_demo_serving": ("Alur berjalan di {url}  (Ctrl+C untuk berhenti)",
                         "Alur is running at {url}  (Ctrl+C to stop)"),
    "cli_demo_logins": ("Masuk sebagai:", "Log in as:"),
    "cli_demo_login": ("  {username} kata sandi: {password} {description}",
                       "  {username} password: {password} {description}"),
    "cli_account_unit_needed": ("Sebutkan --unit tempat jabatan itu dipegang.",
                                "Name the --unit where the jabatan is held."),
    "cli_account": ("Akun {username}: {roles}", "Account {username}: {roles}"),
    "cli_account_disabled": ("Akun {username} dinonaktifkan.", "Account {username} disabled."),
    "cli_render_office_written": ("{out} ditulis (tabel resmi, {steps} langkah, bagan alir digambar).",
                                  "{out} written (official table, {steps} steps, flowchart drawn)."),

    # --- alur db / user / publish / start / worklist / audit / worker (engine.cli.runtime) ----------
    "cli_run_upgraded": ("Basis data siap (skema {revision}).", "Database ready (schema {revision})."),
    "cli_run_user": ("Pengguna {username}: {held}", "User {username}: {held}"),
    "cli_run_no_jabatan": ("(belum memegang jabatan)", "(holds no jabatan yet)"),
    "cli_run_published": ("SOP '{key}' versi {number}{draft} diterbitkan ({nama}).",
                  "SOP '{key}' version {number}{draft} published ({nama})."),
    "cli_run_unchanged": ("SOP '{key}' versi {number}{draft} sudah berisi SOP ini; tidak ada versi baru.",
                  "SOP '{key}' version {number}{draft} already holds this SOP; no new version."),
    "cli_run_draft": (" (draf)", " (draft)"),
    "cli_run_started": ("Instans {id} dimulai: {key} versi {version}, unit {unit}{trial}.",
                "Instance {id} started: {key} version {version}, unit {unit}{trial}."),
    "cli_run_trial": (" [UJICOBA]", " [TRIAL]"),
    "cli_run_trial_flag": ("UJICOBA", "TRIAL"),
    "cli_run_empty": ("Tidak ada tugas.", "No work items."),
    "cli_run_claimed": ("Tugas {id} diklaim oleh {username}.", "Work item {id} claimed by {username}."),
    "cli_run_unclaimed": ("Tugas {id} dilepas.", "Work item {id} released."),
    "cli_run_completed": ("Tugas {id} selesai. Instans {instance}: {status}.", "Work item {id} completed. Instance {instance}: {status}."),
    "cli_run_cancelled": ("Instans {id} dibatalkan.", "Instance {id} cancelled."),
    "cli_run_suspended": ("Instans {id} ditangguhkan.", "Instance {id} suspended."),
    "cli_run_resumed": ("Instans {id} dilanjutkan: {status}.", "Instance {id} resumed: {status}."),
    "cli_run_retried": ("Instans {id} dicoba lagi: {status}.", "Instance {id} retried: {status}."),
    "cli_run_next": ("  berikutnya: ", "  next: "),
    "cli_run_verified": ("Jejak audit utuh: {instances} instans, {events} peristiwa.",
                 "Audit trail intact: {instances} instances, {events} events."),
    "cli_run_broken": ("Jejak audit RUSAK: {detail}", "Audit trail BROKEN: {detail}"),
    "cli_run_tick": ("pewaktu dinyalakan: {fired}, tugas terlambat ditandai: {overdue}, galat: {errors}",
             "timers fired: {fired}, overdue items marked: {overdue}, errors: {errors}"),
    "cli_run_bad_json": ("--data bukan JSON yang sah: {error}", "--data is not valid JSON: {error}"),
    "cli_run_overdue": ("TERLAMBAT", "OVERDUE"),
    "cli_run_claimed_by": ("diklaim {user}", "claimed by {user}"),
}
