"""Words of the constructs added to read more modelers' collaborations (engine.bpmn.collaboration):
a reply to the step that sent the request."""

from __future__ import annotations

ENTRIES: dict[str, tuple[str, str]] = {
    "mw_reply_to_sender": (
        "pesan dari '{source}' menjawab permintaan yang dikirim '{target}' sendiri (permintaan dan balasan): "
        "balasan ditunggu oleh '{following}', langkah sesudah '{target}', karena '{target}' harus mengirim "
        "permintaannya dahulu.",
        "the message from '{source}' answers the request '{target}' itself sent (request and reply): the reply is "
        "awaited by '{following}', the step after '{target}', since '{target}' must send its request first."),
    "mw_reply_no_single_successor": (
        "pesan dari '{source}' menjawab permintaan yang dikirim '{target}' sendiri, tetapi '{target}' tidak "
        "berlanjut ke tepat satu langkah yang hanya dicapai darinya; Alur tidak tahu langkah mana yang menunggu "
        "balasan. Sisipkan satu langkah (atau kejadian penangkap pesan) sesudah '{target}' dan arahkan aliran "
        "pesan balasan ke sana.",
        "the message from '{source}' answers the request '{target}' itself sent, but '{target}' does not lead to "
        "exactly one step reached only from it; Alur cannot tell which step awaits the reply. Insert one step (or "
        "a message catch event) after '{target}' and point the reply's message flow at it."),
    "mw_nested_start": (
        "baris di dalam subproses tidak boleh berjenis mulai: subproses mulai di baris pertamanya.",
        "a row inside a sub-process may not be a start row: the sub-process begins at its first row."),
    "mw_nested_end_keterangan": (
        "akhir subproses {parent}; berlanjut ke langkah {following}",
        "end of sub-process {parent}; continues at step {following}"),
    "mw_condition_untyped_feel": (
        "syarat '{expression}' tanpa atribut bahasa bukan bahasa syarat Alur; dibaca sebagai FEEL dan "
        "diterjemahkan menjadi '{condition}'.",
        "condition '{expression}' has no language attribute and is not Alur's condition language; read as FEEL and "
        "translated to '{condition}'."),
    "mw_nested_error_uncaught": (
        "akhir galat '{error}' di dalam subproses '{parent}' tidak ditangkap batas galat pada subproses itu (atau "
        "subproses di luarnya); tanpa itu subproses selesai seolah berhasil. Tambahkan batas galat '{error}' pada "
        "baris subproses, atau jadikan akhir biasa.",
        "error end '{error}' inside sub-process '{parent}' is caught by no error boundary on that sub-process (or one "
        "around it); without one the sub-process would end as if all went well. Add an error boundary '{error}' to "
        "the sub-process row, or make it a plain end."),
}
