"""Words of importing BPMN from other modelers: collaborations, foreign conditions, documentation
elements (engine.bpmn.collaboration, engine.bpmn.documentation, engine.sop.conditions.juel)."""

from __future__ import annotations

ENTRIES: dict[str, tuple[str, str]] = {
    # --- collaborations: several pools, message flows ------------------------------------------------
    "imp_process_not_a_pool": (
        "proses ini dipanggil oleh call activity, bukan kolam; tidak digabung ke SOP ini (impor sendiri dengan "
        "--proses).",
        "this process is called by a call activity, it is not a pool; not merged into this SOP (import it on its "
        "own with --proses)."),
    "imp_handover": (
        "aliran pesan dibaca sebagai serah terima: '{target}' ({pool}) dikerjakan setelah '{source}'.",
        "message flow read as a hand-over: '{target}' ({pool}) is worked after '{source}'."),
    "imp_message_flow_outside": (
        "aliran pesan dari {source} ke {target} tidak menghubungkan dua langkah di kolam berbeda dalam berkas ini "
        "(mis. ke kolam tanpa proses); dicatat saja, tidak dijalankan.",
        "message flow from {source} to {target} does not join two steps in different pools of this file (e.g. it "
        "goes to a pool without a process); noted only, not run."),
    "imp_handover_wait_step": (
        "kolam ini sampai ke penantian pesan dari beberapa cabang: penantian dibaca sebagai langkah tersendiri, dan "
        "'{following}' menunggu langkah itu serta pesannya.",
        "this pool reaches the message wait from several branches: the wait is read as a step of its own, and "
        "'{following}' waits for that step and for the message."),
    "imp_handover_after_branches": (
        "pesan dari '{source}' tiba di langkah yang dicapai kolamnya dari beberapa cabang; Alur tidak dapat "
        "menunggu keduanya tanpa macet. Sisipkan satu langkah (atau kejadian penangkap pesan) setelah cabang-"
        "cabang bergabung, lalu arahkan aliran pesan ke sana.",
        "the message from '{source}' arrives at a step its pool reaches from several branches; Alur cannot wait "
        "for both without getting stuck. Insert one step (or a message catch event) after the branches merge "
        "and point the message flow at it."),
    "imp_handover_several_messages": (
        "beberapa aliran pesan tiba di langkah ini, yang juga menunggu kolamnya sendiri; pesan-pesan itu saling "
        "menggantikan, jadi Alur tidak dapat menunggu semuanya. Buat satu penangkap pesan per pengirim, atau "
        "gabungkan pengirimnya menjadi satu.",
        "several message flows arrive at this step, which also waits for its own pool; the messages replace one "
        "another, so Alur cannot wait for all of them. Draw one message catch per sender, or merge the senders "
        "into one."),
    "imp_message_flow_awaited": (
        "aliran pesan ke '{target}' berakhir pada salah satu kejadian yang ditunggu gerbang berbasis kejadian; "
        "dibaca sebagai penantian pesan, bukan serah terima.",
        "message flow to '{target}' ends at one of the events an event-based gateway waits for; read as a wait "
        "for the message, not a hand-over."),
    "imp_message_flow_not_handover": (
        "aliran pesan dari '{source}' ke '{target}' tidak dibaca sebagai serah terima: ujungnya bukan tugas, awal, "
        "akhir atau kejadian antara (mis. kejadian batas); lihat pesan untuk elemen itu.",
        "message flow from '{source}' to '{target}' is not read as a hand-over: its ends are not a task, start, end "
        "or intermediate event (e.g. a boundary event); see the message about that element."),
    "imp_pool_starts_together": (
        "kolam '{pool}' mulai sendiri (tanpa pesan masuk): dimulai bersamaan dengan '{start}' sebagai cabang "
        "paralel.",
        "pool '{pool}' starts on its own (no incoming message): it begins together with '{start}' as a parallel "
        "branch."),
    "imp_task_condition_decision": (
        "tugas memilih jalannya sendiri (satu aliran bersyarat '{condition}' dan aliran bawaan): dibaca sebagai "
        "tugas lalu keputusan (Ya: aliran bersyarat, Tidak: aliran bawaan).",
        "the task chooses its own way (one conditional flow '{condition}' and the default flow): read as the task "
        "followed by a decision (Ya: the conditional flow, Tidak: the default flow)."),
    "imp_link_joined": (
        "kejadian tautan bersambung ke '{target}': dibaca sebagai satu panah.",
        "link event continues at '{target}': read as one arrow."),
    "imp_throw_uncaught": (
        "kejadian {kind} dilempar, tetapi tidak ada yang menangkapnya di berkas ini, jadi tidak berpengaruh: "
        "dilewati dan panahnya diteruskan.",
        "{kind} event thrown, but nothing in this file catches it, so it has no effect: passed through and its "
        "arrow continued."),
    # --- documentation elements --------------------------------------------------------------------
    "imp_data_unlinked": (
        "objek/penyimpanan data tidak terhubung ke langkah mana pun; tidak dibawa ke SOP.",
        "data object/store is joined to no step; not carried into the SOP."),
    "imp_group_ignored": (
        "grup hanya penanda gambar; diabaikan.",
        "a group only marks the drawing; ignored."),
    "imp_annotation_unlinked": (
        "anotasi teks tidak terhubung ke langkah mana pun; tidak dibawa ke KETERANGAN.",
        "text annotation is joined to no step; not carried into KETERANGAN."),
    # --- conditions of other engines (JUEL, FEEL, BPMN XPath) --------------------------------------
    "imp_condition_translated": (
        "syarat {dialect} '{expression}' diterjemahkan menjadi '{condition}'.",
        "{dialect} condition '{expression}' translated into '{condition}'."),
    "imp_condition_constant": (
        "syarat {dialect} '{expression}' selalu bernilai sama dan tidak memilih cabang: pelaksana yang memutuskan.",
        "{dialect} condition '{expression}' always has the same value and chooses no branch: the pelaksana "
        "decides."),
    "imp_condition_unsafe": (
        "syarat {dialect} '{expression}' diterjemahkan menjadi '{condition}', tetapi ditolak: {reason}",
        "{dialect} condition '{expression}' translated into '{condition}', but refused: {reason}"),
    "imp_reason_property": (
        "syarat {dialect} '{expression}' tidak dapat diterjemahkan: akses properti atau metode ('{token}') tidak "
        "ada dalam bahasa syarat Alur; pakai nama isian kasus langsung (mis. jumlah > 1000).",
        "{dialect} condition '{expression}' cannot be translated: property or method access ('{token}') does not "
        "exist in Alur's condition language; use a case field name directly (e.g. amount > 1000)."),
    "imp_reason_call": (
        "syarat {dialect} '{expression}' tidak dapat diterjemahkan: pemanggilan fungsi '{token}' tidak diizinkan.",
        "{dialect} condition '{expression}' cannot be translated: calling function '{token}' is not allowed."),
    "imp_reason_ternary": (
        "syarat {dialect} '{expression}' tidak dapat diterjemahkan: bentuk 'a ? b : c' tidak didukung; pecah "
        "menjadi dua keputusan.",
        "{dialect} condition '{expression}' cannot be translated: the form 'a ? b : c' is not supported; split it "
        "into two decisions."),
    "imp_reason_index": (
        "syarat {dialect} '{expression}' tidak dapat diterjemahkan: indeks '[...]' tidak didukung.",
        "{dialect} condition '{expression}' cannot be translated: an index '[...]' is not supported."),
    "imp_reason_empty": (
        "syarat {dialect} '{expression}' tidak dapat diterjemahkan: operator 'empty' tidak didukung; bandingkan "
        "dengan nilai, mis. catatan == ''.",
        "{dialect} condition '{expression}' cannot be translated: the 'empty' operator is not supported; compare "
        "with a value, e.g. note == ''."),
    "imp_reason_quantifier": (
        "syarat {dialect} '{expression}' tidak dapat diterjemahkan: '{token}' (some/every ... satisfies) tidak "
        "didukung.",
        "{dialect} condition '{expression}' cannot be translated: '{token}' (some/every ... satisfies) is not "
        "supported."),
    "imp_reason_negation": (
        "syarat {dialect} '{expression}' tidak dapat diterjemahkan dengan arti yang sama: '{token}' di depan "
        "perbandingan; beri kurung, mis. !(a == b).",
        "{dialect} condition '{expression}' cannot be translated with the same meaning: '{token}' before a "
        "comparison; add parentheses, e.g. !(a == b)."),
    "imp_reason_chained": (
        "syarat {dialect} '{expression}' tidak dapat diterjemahkan dengan arti yang sama: perbandingan berantai; "
        "gabungkan dengan && atau ||.",
        "{dialect} condition '{expression}' cannot be translated with the same meaning: chained comparison; join "
        "the comparisons with && or ||."),
    "imp_reason_empty_expression": (
        "syarat {dialect} kosong: '{expression}'; tulis syaratnya atau hapus.",
        "{dialect} condition is empty: '{expression}'; write the condition or remove it."),
    "imp_reason_script": (
        "syarat '{expression}' ditulis dalam bahasa skrip; Alur tidak pernah menjalankan kode dari model. Tulis "
        "ulang dalam bahasa syarat Alur (mis. jumlah > 1000).",
        "condition '{expression}' is written in a script language; Alur never runs code from a model. Rewrite "
        "it in Alur's condition language (e.g. amount > 1000)."),
    "imp_reason_other": (
        "syarat {dialect} '{expression}' tidak dapat diterjemahkan: bagian '{token}' tidak ada dalam bahasa syarat "
        "Alur.",
        "{dialect} condition '{expression}' cannot be translated: the part '{token}' does not exist in Alur's "
        "condition language."),
    # --- constructs still refused, each by its own reason (engine.bpmn.refusals) ----------------------
    "imp_boundary_timer": (
        "tenggat pada '{attached}' (kejadian batas pewaktu) belum dapat dijalankan; tuliskan sebagai waktu baku "
        'langkah itu (Alur memantau tenggatnya) atau keputusan sesudahnya.',
        "deadline on '{attached}' (boundary timer event) cannot run yet; write it as that step's standard time "
        '(Alur watches the deadline) or a decision after it.'),
    "imp_boundary_message": (
        "pesan yang menyela '{attached}' (kejadian batas pesan) belum dapat dijalankan; tuliskan sebagai "
        'keputusan setelah langkah itu.',
        "message interrupting '{attached}' (boundary message event) cannot run yet; write it as a decision after "
        'that step.'),
    "imp_boundary_error": (
        "jalur galat dari '{attached}' (kejadian batas galat) belum dapat dijalankan; tuliskan sebagai keputusan "
        "'berhasil?' setelah langkah itu.",
        "error path from '{attached}' (boundary error event) cannot run yet; write it as a decision 'succeeded?' "
        'after that step.'),
    "imp_boundary_escalation": (
        "eskalasi dari '{attached}' (kejadian batas eskalasi) belum dapat dijalankan; Alur mengeskalasi dari "
        'waktu baku (publish --eskalasi).',
        "escalation from '{attached}' (boundary escalation event) cannot run yet; Alur escalates from the "
        'standard time (publish --escalation).'),
    "imp_boundary_signal": (
        "sinyal pada '{attached}' (kejadian batas sinyal) belum dapat dijalankan; tuliskan sebagai keputusan "
        'setelah langkah itu.',
        "signal on '{attached}' (boundary signal event) cannot run yet; write it as a decision after that step."),
    "imp_boundary_conditional": (
        "syarat yang menyela '{attached}' (kejadian batas bersyarat) belum dapat dijalankan; tuliskan sebagai "
        'keputusan dengan syarat setelah langkah itu.',
        "condition interrupting '{attached}' (boundary conditional event) cannot run yet; write it as a decision "
        'with a condition after that step.'),
    "imp_boundary_compensate": (
        "kompensasi pada '{attached}' tidak dijalankan Alur (tidak ada transaksi yang dibatalkan otomatis); "
        'tuliskan pembatalan sebagai kegiatan.',
        "compensation on '{attached}' is not run by Alur (nothing is undone automatically); write the undoing as "
        'an activity.'),
    "imp_boundary_cancel": (
        "pembatalan transaksi pada '{attached}' tidak dijalankan Alur; tuliskan pembatalan sebagai keputusan dan "
        'kegiatan.',
        "transaction cancel on '{attached}' is not run by Alur; write the cancelling as a decision and an "
        'activity.'),
    "imp_catch_timer": (
        'penantian waktu (kejadian antara pewaktu) belum dapat dijalankan; tuliskan sebagai kegiatan dengan waktu'
        ' baku.',
        'wait for a time (intermediate timer event) cannot run yet; write it as an activity with a standard time.'),
    "imp_catch_message": (
        "penantian pesan (kejadian antara pesan) belum dapat dijalankan; bila pengirimnya kolam lain di berkas "
        "ini, hubungkan dengan aliran pesan; selain itu tuliskan sebagai kegiatan 'terima ...'.",
        "wait for a message (intermediate message event) cannot run yet; when the sender is another pool of this "
        "file, join them with a message flow; otherwise write it as an activity 'receive ...'."),
    "imp_catch_signal": (
        'penantian sinyal (kejadian antara sinyal) belum dapat dijalankan; tuliskan sebagai kegiatan.',
        'wait for a signal (intermediate signal event) cannot run yet; write it as an activity.'),
    "imp_catch_conditional": (
        'penantian syarat (kejadian antara bersyarat) belum dapat dijalankan; tuliskan sebagai keputusan.',
        'wait for a condition (intermediate conditional event) cannot run yet; write it as a decision.'),
    "imp_catch_link": (
        'tautan tanpa pasangan (kejadian tautan penangkap tanpa pelempar bernama sama di proses ini); hubungkan '
        'dengan panah biasa.',
        'link without its pair (link catch event without a throw event of the same name in this process); connect'
        ' it with an ordinary arrow.'),
    "imp_throw_message": (
        'pengiriman pesan ke luar berkas (kejadian antara pesan) belum dapat dijalankan; gambarkan penerimanya '
        "sebagai kolam dengan aliran pesan, atau tuliskan sebagai kegiatan 'kirim ...'.",
        'sending a message outside the file (intermediate message event) cannot run yet; draw the receiver as a '
        "pool with a message flow, or write it as an activity 'send ...'."),
    "imp_throw_signal": (
        'pengiriman sinyal (kejadian antara sinyal) belum dapat dijalankan; tuliskan sebagai kegiatan.',
        'sending a signal (intermediate signal event) cannot run yet; write it as an activity.'),
    "imp_throw_escalation": (
        'eskalasi (kejadian antara eskalasi) belum dapat dijalankan; Alur mengeskalasi dari waktu baku (publish '
        '--eskalasi).',
        'escalation (intermediate escalation event) cannot run yet; Alur escalates from the standard time '
        '(publish --escalation).'),
    "imp_throw_compensate": (
        'kompensasi (kejadian antara kompensasi) tidak dijalankan Alur; tuliskan pembatalan sebagai kegiatan.',
        'compensation (intermediate compensation event) is not run by Alur; write the undoing as an activity.'),
    "imp_throw_link": (
        'tautan tanpa pasangan (kejadian tautan pelempar tanpa satu penangkap bernama sama di proses ini); '
        'hubungkan dengan panah biasa.',
        'link without its pair (link throw event without exactly one catch event of the same name in this '
        'process); connect it with an ordinary arrow.'),
    "imp_sub_process": (
        'sub-proses dengan {count} tugas belum dapat dijalankan; ratakan langkahnya ke dalam proses utama atau '
        'jadikan SOP tersendiri.',
        'sub-process with {count} tasks cannot run yet; flatten its steps into the main process or make it an SOP'
        ' of its own.'),
    "imp_event_sub_process": (
        "sub-proses kejadian (mis. 'permohonan dicabut' kapan saja) belum dapat dijalankan; tuliskan sebagai "
        'keputusan pada langkah yang bersangkutan.',
        "event sub-process (e.g. 'request withdrawn' at any time) cannot run yet; write it as a decision at the "
        'steps concerned.'),
    "imp_standard_loop": (
        'tugas berulang (standard loop) belum dapat dijalankan; tuliskan pengulangan sebagai keputusan dengan '
        'panah kembali.',
        'looping task (standard loop) cannot run yet; write the repetition as a decision with an arrow back.'),
    "imp_multi_instance_parallel": (
        'tugas multi-instance paralel (dikerjakan serentak oleh setiap ...) belum dapat dijalankan; tuliskan '
        'sebagai cabang paralel per pelaksana.',
        'parallel multi-instance task (done at once by each ...) cannot run yet; write it as parallel branches '
        'per pelaksana.'),
    "imp_multi_instance_sequential": (
        'tugas multi-instance berurutan (dikerjakan satu per satu untuk setiap ...) belum dapat dijalankan; '
        "tuliskan sebagai keputusan 'masih ada?' dengan panah kembali.",
        'sequential multi-instance task (done one by one for each ...) cannot run yet; write it as a decision '
        "'any left?' with an arrow back."),
    "imp_call_activity_in_file": (
        "pemanggilan proses '{called}' (call activity) belum dapat dijalankan; impor proses itu sebagai SOP "
        'tersendiri (--proses {called}) dan catat di KETERKAITAN.',
        "call of process '{called}' (call activity) cannot run yet; import that process as an SOP of its own "
        '(--proses {called}) and note it under KETERKAITAN.'),
    "imp_call_activity_elsewhere": (
        "pemanggilan proses '{called}' yang tidak ada di berkas ini (call activity) belum dapat dijalankan; catat"
        ' SOP yang dipanggil di KETERKAITAN dan ganti dengan satu kegiatan.',
        "call of process '{called}', which is not in this file (call activity), cannot run yet; note the called "
        'SOP under KETERKAITAN and replace it with one activity.'),
}
