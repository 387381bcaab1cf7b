"""Words of importing BPMN from other modelers: collaborations, foreign conditions, documentation
elements (engine.bpmn.collaboration, engine.bpmn.documentation, engine.sop.conditions.juel)."""

from __future__ import annotations

ENTRIES: dict[str, tuple[str, str]] = {
    # --- collaborations: several pools, message flows ------------------------------------------------
    "imp_handover": (
        "aliran pesan dibaca sebagai serah terima: '{target}' ({pool}) dikerjakan setelah '{source}'.",
        "message flow read as a hand-over: '{target}' ({pool}) is worked after '{source}'."),
    "imp_message_flow_outside": (
        "aliran pesan dari {source} ke {target} tidak menghubungkan dua langkah di kolam berbeda dalam berkas ini "
        "(mis. ke kolam tanpa proses); dicatat saja, tidak dijalankan.",
        "message flow from {source} to {target} does not join two steps in different pools of this file (e.g. it "
        "goes to a pool without a process); noted only, not run."),
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
    "imp_reason_other": (
        "syarat {dialect} '{expression}' tidak dapat diterjemahkan: bagian '{token}' tidak ada dalam bahasa syarat "
        "Alur.",
        "{dialect} condition '{expression}' cannot be translated: the part '{token}' does not exist in Alur's "
        "condition language."),
}
