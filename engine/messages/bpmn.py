"""Words of reading and running BPMN models (engine.bpmn.reader, engine.bpmn.spiff)."""

from __future__ import annotations

ENTRIES: dict[str, tuple[str, str]] = {
    # --- raised errors of reading BPMN and of refused tasks ----------------------------------------------
    "bpmn_no_process_summary": ("{filename}: tidak ada proses.", "{filename}: no process."),
    "bpmn_process_not_found_summary": ("{filename}: proses tidak ditemukan.", "{filename}: process not found."),
    "bpmn_many_processes_summary": ("{filename}: lebih dari satu proses.", "{filename}: more than one process."),
    "bpmn_script_refused": (
        "Skrip tidak dijalankan oleh Alur: model berisi skrip (scriptTask, pre-script atau post-script), dan Alur tidak pernah menjalankan kode dari model. Hapus skrip itu; untuk memilih cabang gunakan syarat pada gerbang keputusan.",
        "Script not run by Alur: the model contains a script (scriptTask, pre-script or post-script), and Alur never runs code from a model. Remove the script; to choose a branch use a condition on the decision gateway."),
    "bpmn_service_task_refused": (
        "Tugas layanan (serviceTask) tidak dijalankan oleh Alur: Alur tidak memanggil layanan dari model. Ganti dengan kegiatan yang dikerjakan petugas.",
        "Service task (serviceTask) not run by Alur: Alur does not call services from a model. Replace it with an activity done by an officer."),
}
