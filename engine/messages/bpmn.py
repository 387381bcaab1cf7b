"""Words of reading and running BPMN models (engine.bpmn.reader, engine.bpmn.spiff)."""

from __future__ import annotations

ENTRIES: dict[str, tuple[str, str]] = {
    # --- raised errors of reading BPMN and of refused tasks ----------------------------------------------
    "bpmn_no_process_summary": ("{filename}: tidak ada proses.", "{filename}: no process."),
    "bpmn_process_not_found_summary": ("{filename}: proses tidak ditemukan.", "{filename}: process not found."),
    "process_not_found_close": (
        "proses '{wanted}' tidak ada di berkas ini; yang ada: {processes}. Mungkin maksudnya '{close}'?",
        "process '{wanted}' is not in this file; it holds: {processes}. Did you mean '{close}'?"),
    "bpmn_many_processes_summary": ("{filename}: lebih dari satu proses.", "{filename}: more than one process."),
    "bpmn_script_refused": (
        "Skrip tidak dijalankan oleh Alur: model berisi skrip (scriptTask, pre-script atau post-script), dan Alur "
        "tidak pernah menjalankan kode dari model. Hapus skrip itu; untuk memilih cabang gunakan syarat pada "
        "gerbang keputusan.",
        "Script not run by Alur: the model contains a script (scriptTask, pre-script or post-script), and Alur "
        "never runs code from a model. Remove the script; to choose a branch use a condition on the decision "
        "gateway."),
    "bpmn_service_task_refused": (
        "Tugas layanan (serviceTask) tidak dijalankan oleh Alur: Alur tidak memanggil layanan dari model. Ganti "
        "dengan kegiatan yang dikerjakan petugas.",
        "Service task (serviceTask) not run by Alur: Alur does not call services from a model. Replace it with "
        "an activity done by an officer."),
    # --- BPMN elements Alur does not run (engine.bpmn.reader) -------------------------------------
    "unsupported_script_task": (
        "Tugas skrip tidak dapat dijalankan Alur; Alur tidak menjalankan skrip dari model. Ganti dengan userTask "
        "(dikerjakan pelaksana) atau hapus.",
        "Script task cannot be run by Alur; Alur does not run scripts from a model. Replace it with a userTask "
        "(done by the pelaksana) or remove it."),
    "unsupported_sub_process": (
        "Sub-proses tidak dapat dijalankan Alur; ratakan langkah-langkahnya ke dalam proses utama atau jadikan "
        "SOP tersendiri.",
        "Sub-process cannot be run by Alur; flatten its steps into the main process or make it an SOP of its own."),
    "unsupported_call_activity": (
        "Call activity tidak dapat dijalankan Alur; jadikan SOP tersendiri dan catat di KETERKAITAN, lalu ganti "
        "dengan satu kegiatan.",
        "Call activity cannot be run by Alur; make it an SOP of its own and note it under KETERKAITAN, then "
        "replace it with one activity."),
    "unsupported_transaction": (
        "Transaksi tidak dapat dijalankan Alur; ratakan langkah-langkahnya ke dalam proses utama.",
        "Transaction cannot be run by Alur; flatten its steps into the main process."),
    "unsupported_ad_hoc_sub_process": (
        "Sub-proses ad hoc tidak dapat dijalankan Alur; tuliskan langkah-langkahnya berurutan.",
        "Ad hoc sub-process cannot be run by Alur; write its steps in order."),
    "unsupported_inclusive_gateway": (
        "Gateway inklusif tidak dapat dijalankan Alur; ganti dengan gateway eksklusif (keputusan Ya/Tidak) atau "
        "percabangan paralel.",
        "Inclusive gateway cannot be run by Alur; replace it with an exclusive gateway (a Ya/Tidak decision) or "
        "a parallel split."),
    "unsupported_event_based_gateway": (
        "Gateway berbasis kejadian tidak dapat dijalankan Alur; ganti dengan keputusan Ya/Tidak yang dijawab "
        "pelaksana.",
        "Event-based gateway cannot be run by Alur; replace it with a Ya/Tidak decision answered by the "
        "pelaksana."),
    "unsupported_complex_gateway": (
        "Gateway kompleks tidak dapat dijalankan Alur; ganti dengan gateway eksklusif atau paralel.",
        "Complex gateway cannot be run by Alur; replace it with an exclusive or parallel gateway."),
    "unsupported_boundary_event": (
        "Kejadian batas (boundary event) tidak dapat dijalankan Alur; hapus atau ganti dengan keputusan setelah "
        "tugas; tenggat dipantau Alur dari waktu baku.",
        "Boundary event cannot be run by Alur; remove it or replace it with a decision after the task; Alur "
        "watches deadlines from the standard time."),
    "unsupported_intermediate_catch_event": (
        "Kejadian antara penangkap tidak dapat dijalankan Alur; tuliskan penantian sebagai kegiatan dengan waktu "
        "baku.",
        "Intermediate catch event cannot be run by Alur; write the wait as an activity with a standard time."),
    "unsupported_link": (
        "Kejadian tautan (link event) tidak dapat dijalankan Alur; hubungkan kedua ujung tautan dengan panah "
        "biasa.",
        "Link event cannot be run by Alur; connect both ends of the link with an ordinary arrow."),
    "unsupported_intermediate_throw_event": (
        "Kejadian antara pelempar bertipe {kind} tidak dapat dijalankan Alur; hapus atau ganti dengan kegiatan.",
        "Intermediate throw event of type {kind} cannot be run by Alur; remove it or replace it with an activity."),
    "unsupported_loop": (
        "Tugas berulang/multi-instance tidak dapat dijalankan Alur; tuliskan pengulangan sebagai keputusan dengan "
        "panah kembali.",
        "Looping/multi-instance task cannot be run by Alur; write the repetition as a decision with an arrow "
        "back."),
}
