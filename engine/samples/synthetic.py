"""Generated SOPs of a chosen size and shape, for layout tests and benchmarks.

The text is plain Indonesian filler ("Kegiatan 12 ..."): these SOPs exercise structure (many steps,
actors, decisions, revision loops, a parallel block), never content.
"""

from __future__ import annotations

import random

from engine.sop.model import Approval, Identity, Sop, Step, StepKind

_VERBS = ("Memeriksa", "Menyusun", "Mencatat", "Menelaah", "Menyampaikan", "Memverifikasi", "Mengarsipkan",
          "Menandatangani", "Mendistribusikan", "Menganalisis")
_OBJECTS = ("berkas permohonan", "surat keterangan", "laporan hasil pemeriksaan", "nota dinas", "dokumen anggaran",
            "rancangan keputusan", "data kepegawaian", "berita acara", "lembar disposisi")
_DURATIONS = ("15 menit", "30 menit", "1 jam", "2 jam", "1 hari", "2 hari kerja", "3 hari kerja")


def synthetic_sop(steps: int = 60, actors: int = 8, decisions: int = 10, loops: int = 3, parallel: bool = True,
                  seed: int = 0) -> Sop:
    """A valid SOP with the given number of rows, pelaksana, decisions and revision loops.

    Decisions answer "Tidak" either back to an earlier row (a loop, ``loops`` of them) or forward
    past the next row; ``parallel`` adds one fan-out of two rows joined again.
    """
    if steps < 6 or decisions > (steps - 6) // 2:
        raise ValueError("too few steps for the requested decisions")
    rng = random.Random(seed)
    actor_names = [f"Jabatan {index + 1} Bagian {chr(65 + index % 26)}" for index in range(actors)]
    ids = [f"langkah_{index + 1:02d}" for index in range(steps)]
    # decision rows: spread out, never first, last, or inside the parallel block
    parallel_at = steps // 2 if parallel else -10
    blocked = {0, steps - 1, steps - 2} | set(range(parallel_at, parallel_at + 4))
    candidates = [index for index in range(2, steps - 3)
                  if not {index - 1, index, index + 1, index + 2} & blocked]
    decision_rows: list[int] = []
    for index in rng.sample(candidates, len(candidates)):
        if all(abs(index - other) > 1 for other in decision_rows):
            decision_rows.append(index)
        if len(decision_rows) == decisions:
            break
    decision_rows.sort()
    inside = set(range(parallel_at + 1, parallel_at + 4))  # rows no arrow may jump into

    def earlier_rows(index: int) -> list[int]:
        return [row for row in range(max(1, index - 5), index - 1) if row not in inside]

    can_loop = [index for index in decision_rows if earlier_rows(index)]
    loop_rows = set(rng.sample(can_loop, min(loops, len(can_loop))))
    result: list[Step] = []
    for index, step_id in enumerate(ids):
        kind = StepKind.ACTIVITY
        if index == 0:
            kind = StepKind.START
        elif index == steps - 1:
            kind = StepKind.END
        elif index in decision_rows:
            kind = StepKind.DECISION
        activity = (f"Apakah {rng.choice(_OBJECTS)} pada langkah {index + 1} sudah lengkap dan benar?"
                    if kind is StepKind.DECISION else
                    f"{rng.choice(_VERBS)} {rng.choice(_OBJECTS)} untuk tahap {index + 1}")
        result.append(Step(
            id=step_id, kind=kind, activity=activity, actor=actor_names[(index * 3 + rng.randrange(2)) % actors],
            requirements=[rng.choice(_OBJECTS).capitalize() for _ in range(rng.randrange(1, 4))],
            duration=rng.choice(_DURATIONS), output=rng.choice(_OBJECTS).capitalize(),
            remarks="" if rng.random() < 0.6 else "Sesuai ketentuan yang berlaku",
        ))
    for index, step in enumerate(result[:-1]):
        following = ids[index + 1]
        if step.kind is StepKind.DECISION:
            step.yes = following
            if index in loop_rows:
                step.no = ids[rng.choice(earlier_rows(index))]
            else:
                step.no = ids[index + 2]
        else:
            step.next = [following]
    if parallel:
        a, b, c, d = result[parallel_at:parallel_at + 4]
        a.next, b.next, c.next, d.join = [b.id, c.id], [d.id], [d.id], True
        b.kind = c.kind = StepKind.ACTIVITY
    identity = Identity(
        nomor=f"000/{seed:03d}/SOP/UJI/2026", nama=f"SOP Uji {steps} Langkah", pemerintah="Pemerintah Kabupaten Uji",
        unit="Bagian Uji", disahkan_oleh=Approval("Kepala Bagian Uji", "Nama Pejabat", "19700101 199001 1 001"),
        dasar_hukum=["Peraturan Menteri Dalam Negeri Nomor 52 Tahun 2011"],
    )
    sop = Sop(identity=identity, actors=actor_names, steps=result)
    sop.process_id = sop.default_process_id()
    return sop
