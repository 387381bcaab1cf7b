"""Words of structured rows: sub-processes, calls to another SOP, multi-instance and loops
(engine.sop.structure, engine.sop.structure_checks, engine.formats.sheet_structure, engine.bpmn.structure_*,
engine.runtime.structure, the print)."""

from __future__ import annotations

ENTRIES: dict[str, tuple[str, str]] = {
    # --- the sheet -------------------------------------------------------------------------------------
    "st_sheet_rows_without_subprocess": (
        "'langkah' di dalam sebuah baris hanya boleh untuk baris subproses; tulis 'jenis: subproses' atau pindahkan "
        "baris-barisnya ke tingkat atas.",
        "'langkah' inside a row is only allowed on a sub-process row; write 'jenis: subproses' or move its rows to "
        "the top level."),
    "st_sheet_bad_version": (
        "'panggil.versi' bernilai '{value}'; tulis 'terbaru' (versi disahkan terbaru) atau nomor versi (mis. 3).",
        "'panggil.versi' is '{value}'; write 'terbaru' (the newest approved version) or a version number (e.g. 3)."),
    "st_sheet_multi_source": (
        "'setiap' harus menyebut tepat satu sumber: 'isian' (isian tabel) atau 'unit' (setiap_opd, "
        "setiap_unit_bawahan).",
        "'setiap' must name exactly one source: 'isian' (a table field) or 'unit' (setiap_opd, setiap_unit_bawahan)."),
    "st_sheet_bad_units": (
        "'setiap.unit' bernilai '{value}'; gunakan {known}.",
        "'setiap.unit' is '{value}'; use {known}."),
    "st_sheet_bad_completion": (
        "'setiap.selesai' bernilai '{value}'; gunakan semua, salah_satu atau jumlah yang harus selesai (mis. 2).",
        "'setiap.selesai' is '{value}'; use semua (all), salah_satu (any) or how many must be done (e.g. 2)."),
    # --- checks (alur check) ---------------------------------------------------------------------------
    "st_within_unknown": (
        "baris bersarang di '{parent}', tetapi '{parent}' bukan baris subproses.",
        "row is nested in '{parent}', but '{parent}' is not a sub-process row."),
    "st_nested_before_parent": (
        "baris bersarang di subproses '{parent}' harus tepat mengikuti baris subproses itu.",
        "a row nested in sub-process '{parent}' must follow that sub-process row."),
    "st_cycle_without_choice": (
        "panah dari '{source}' kembali ke baris ini tanpa melewati keputusan: putaran ini tidak pernah "
        "berakhir; tambahkan keputusan yang keluar dari putaran.",
        "the arrow from '{source}' comes back to this row without passing a decision: the cycle never ends; "
        "add a decision that leaves it."),
    "st_arrow_leaves_scope": (
        "panah ke '{target}' melintasi batas subproses; panah hanya menghubungkan baris pada tingkat yang sama.",
        "the arrow to '{target}' crosses a sub-process boundary; arrows only join rows of the same level."),
    "st_only_on_activity": (
        "{constructs} hanya boleh pada baris kegiatan.",
        "{constructs} is only allowed on an activity row."),
    "st_constructs_combined": (
        "baris ini memadukan {constructs}; Alur menjalankan satu saja per baris. Pecah menjadi beberapa baris.",
        "this row combines {constructs}; Alur runs one of them per row. Split it into several rows."),
    "st_call_unresolved": (
        "SOP yang dipanggil belum dipilih (elemen BPMN '{element}' tidak ada di berkas); isi 'panggil.sop' dengan "
        "kunci SOP yang disahkan. SOP ini tidak dapat disahkan sebelum itu.",
        "the called SOP is not chosen yet (BPMN element '{element}' is not in the file); fill 'panggil.sop' with "
        "the key of an approved SOP. This SOP cannot be approved before that."),
    "st_multi_field": (
        "'setiap.isian' menyebut '{field}', yang bukan isian berjenis tabel; nyatakan isian tabel di 'isian'.",
        "'setiap.isian' names '{field}', which is not a table field; declare a table field under 'isian'."),
    "st_multi_count": (
        "'setiap.selesai' {count} harus paling sedikit 1.",
        "'setiap.selesai' {count} must be at least 1."),
    "st_multi_item_name": (
        "'setiap.sebagai' '{name}' bukan nama yang sah (huruf, angka, garis bawah).",
        "'setiap.sebagai' '{name}' is not a valid name (letters, digits, underscores)."),
    "st_multi_name_clash": (
        "nama '{name}' pada 'setiap' sudah dipakai sebagai id baris atau 'sebagai' baris lain; pilih nama lain.",
        "name '{name}' in 'setiap' is already a row id or another row's 'sebagai'; choose another name."),
    "st_loop_unbounded": (
        "'ulang' memerlukan 'selama' (syarat) atau 'paling_banyak' (batas putaran).",
        "'ulang' needs 'selama' (a condition) or 'paling_banyak' (a turn limit)."),
    "st_branches_need_split": (
        "'bila' memerlukan baris kegiatan dengan dua 'lanjut' atau lebih.",
        "'bila' needs an activity row with two or more 'lanjut' targets."),
    "st_branch_unknown": (
        "'bila' menyebut '{target}', yang tidak ada di 'lanjut' baris ini.",
        "'bila' names '{target}', which is not among this row's 'lanjut'."),
    "st_branch_no_default": (
        "setiap cabang di 'bila' bersyarat; biarkan satu tujuan 'lanjut' tanpa syarat, yang dijalankan bila tidak "
        "ada syarat yang terpenuhi.",
        "every branch in 'bila' has a condition; leave one 'lanjut' target without one, taken when no condition "
        "holds."),
    "st_subprocess_empty": (
        "subproses tidak berisi baris; tambahkan baris di bawah 'langkah'.",
        "the sub-process holds no rows; add rows under 'langkah'."),
    "st_nested_unreachable": (
        "baris tidak dapat dicapai dari baris pertama subproses '{parent}'.",
        "row cannot be reached from the first row of sub-process '{parent}'."),
    "st_nested_no_exit": (
        "dari baris ini subproses '{parent}' tidak pernah selesai; hubungkan ke baris tanpa langkah berikutnya.",
        "from this row sub-process '{parent}' never ends; connect it to a row without a next step."),
    "st_office_structured": (
        "{label}: tabel .xlsx/.docx belum dapat memuat subproses, panggilan SOP, 'setiap' atau 'ulang' (langkah "
        "{steps}); simpan sebagai lembar SOP (.yaml) atau BPMN.",
        "{label}: an .xlsx/.docx table cannot hold sub-processes, SOP calls, 'setiap' or 'ulang' yet (steps "
        "{steps}); save as an SOP sheet (.yaml) or BPMN."),
    # --- BPMN import ---------------------------------------------------------------------------------
    "st_subprocess_collapsed": (
        "subproses tertutup yang isinya tidak ada di berkas diimpor sebagai satu langkah yang dikerjakan "
        "dan dikonfirmasi pelaksananya.",
        "a collapsed sub-process whose content is not in the file is imported as one step its pelaksana "
        "works and confirms."),
    "st_foreign_loop_once": (
        "tugas berulang tanpa syarat ulang dan tanpa batas: berkas tidak menyatakan kapan berhenti, jadi "
        "tugas dikerjakan satu kali; tulis syarat 'ulang' bila perlu diulang.",
        "looping task without a loop condition or maximum: the file does not say when it stops, so the task "
        "is worked once; write an 'ulang' condition if it must repeat."),
    "st_foreign_loop_maximum": (
        "tugas berulang tanpa syarat ulang diimpor sebagai pengulangan paling banyak {maximum} kali.",
        "looping task without a loop condition is imported as a repetition of at most {maximum} turns."),
    "st_foreign_multi_once": (
        "tugas multi-instance tanpa jumlah, daftar masukan atau syarat selesai: berkas tidak menyatakan berapa "
        "kali, jadi tugas dikerjakan satu kali; tulis 'setiap' (daftar atau unit) bila perlu.",
        "multi-instance task without a cardinality, input list or completion condition: the file does not say "
        "how many times, so the task is worked once; write 'setiap' (a list or units) if needed."),
    "st_call_inlined": (
        "panggilan ke proses '{element}' di berkas yang sama diimpor sebagai subproses berisi langkah proses itu, "
        "dikerjakan oleh pelaksana baris panggilan.",
        "the call to process '{element}' of the same file is imported as a sub-process holding that process's "
        "steps, worked by the call row's pelaksana."),
    "st_call_to_choose": (
        "panggilan ke proses '{element}' yang tidak ada di berkas diimpor sebagai panggilan ke SOP yang masih "
        "harus dipilih.",
        "the call to process '{element}', which is not in the file, is imported as a call to an SOP still to be "
        "chosen."),
    # --- runtime -------------------------------------------------------------------------------------
    "st_call_no_version": (
        "SOP '{key}' yang dipanggil langkah '{step}' tidak punya versi {rule}; sahkan SOP itu dulu.",
        "SOP '{key}' called by step '{step}' has no {rule} version; approve that SOP first."),
    "st_rule_latest": ("disahkan", "approved"),
    "st_rule_pinned": ("nomor {version}", "number {version}"),
    "st_no_units": (
        "langkah '{step}' dikerjakan oleh setiap unit, tetapi organisasi tidak punya unit seperti itu untuk unit "
        "'{unit}'.",
        "step '{step}' is done by every unit, but the organisation has no such unit for unit '{unit}'."),
    "st_child_cancelled": ("induk dibatalkan: {reason}", "parent cancelled: {reason}"),
    # --- the print (KETERANGAN) ------------------------------------------------------------------------
    "st_note_call": ("SOP {name}", "SOP {name}"),
    "st_note_call_pinned": ("{title} (versi {version})", "{title} (version {version})"),
    "st_note_call_to_choose": ("SOP yang dipanggil belum dipilih", "called SOP not chosen yet"),
    "st_note_multi_opd": ("oleh setiap SKPD", "by every SKPD"),
    "st_note_multi_units": ("oleh setiap {jabatan}", "by every {jabatan}"),
    "st_note_multi_field": ("untuk setiap baris {field}", "for every row of {field}"),
    "st_note_multi_sequential": ("satu per satu", "one after another"),
    "st_note_multi_any": ("cukup salah satu", "any one suffices"),
    "st_note_multi_count": ("cukup {count}", "{count} suffice"),
    "st_note_loop": ("diulang selama {condition}", "repeated while {condition}"),
    "st_note_loop_max": ("paling banyak {maximum} kali", "at most {maximum} times"),
    "st_note_branch": ("bila {condition}: ke {number}", "if {condition}: to {number}"),
    "st_note_branch_default": ("selain itu: ke {number}", "otherwise: to {number}"),
    "st_note_inclusive_join": ("menunggu cabang yang dijalankan", "waits for the branches taken"),
    "st_note_subprocess": ("subproses: langkah {first} s.d. {last}", "sub-process: steps {first} to {last}"),
}
