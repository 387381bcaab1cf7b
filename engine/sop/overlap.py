"""Verifikasi: does an SOP duplicate or overlap the others? (Permendagri 52/2011 stage 5)

Finds the same or nearly the same kegiatan done by the same jabatan in another SOP, and duplicate
titles or numbers. Similarity is on normalised words (case, punctuation and common filler words
ignored), so "Memeriksa kelengkapan berkas permohonan" matches "memeriksa kelengkapan berkas
permohonan cuti".
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from difflib import SequenceMatcher

from engine.sop.model import Sop

#: Similarity from which two kegiatan of the same jabatan are reported as overlapping.
SIMILAR_ACTIVITY = 0.75
#: Similarity from which two SOP titles are reported as near-duplicates.
SIMILAR_TITLE = 0.85

_FILLER = {"dan", "atau", "yang", "untuk", "kepada", "dari", "ke", "di", "dengan", "serta", "pada", "oleh",
           "the", "and", "of", "to"}


@dataclass(frozen=True)
class Overlap:
    """One finding of the overlap report."""

    #: "kegiatan", "judul" or "nomor".
    kind: str
    other_key: str
    other_name: str
    step_id: str
    other_step_id: str
    similarity: float
    #: What was found, in Bahasa Indonesia.
    message: str
    #: The same in English.
    message_en: str


def _words(text: str) -> list[str]:
    return [word for word in re.findall(r"[a-z0-9]+", text.lower()) if word not in _FILLER]


def similarity(first: str, second: str) -> float:
    """Similarity of two texts in [0, 1] on their normalised words."""
    a, b = _words(first), _words(second)
    if not a or not b:
        return 0.0
    return SequenceMatcher(None, a, b).ratio()


def overlap_report(sop: Sop, others: dict[str, Sop]) -> list[Overlap]:
    """Compare ``sop`` with ``others`` (keyed by a register key such as the SOP id), strongest first."""
    found: list[Overlap] = []
    for key, other in others.items():
        other_name = other.identity.nama or key
        if sop.identity.nomor and sop.identity.nomor.strip().lower() == other.identity.nomor.strip().lower():
            found.append(Overlap(
                "nomor", key, other_name, "", "", 1.0,
                f"Nomor SOP '{sop.identity.nomor}' sudah dipakai oleh SOP '{other_name}'.",
                f"SOP number '{sop.identity.nomor}' is already used by SOP '{other_name}'."))
        title = similarity(sop.identity.nama, other.identity.nama)
        if title >= SIMILAR_TITLE:
            found.append(Overlap(
                "judul", key, other_name, "", "", title,
                f"Judul SOP mirip ({title:.0%}) dengan SOP '{other_name}'.",
                f"SOP title is similar ({title:.0%}) to SOP '{other_name}'."))
        for step in sop.steps:
            for other_step in other.steps:
                if step.actor != other_step.actor or not step.activity or not other_step.activity:
                    continue
                score = similarity(step.activity, other_step.activity)
                if score >= SIMILAR_ACTIVITY:
                    found.append(Overlap(
                        "kegiatan", key, other_name, step.id, other_step.id, score,
                        f"Langkah {sop.number_of(step.id)} '{step.activity}' oleh {step.actor} mirip ({score:.0%}) "
                        f"dengan langkah {other.number_of(other_step.id)} '{other_step.activity}' di SOP "
                        f"'{other_name}'.",
                        f"Step {sop.number_of(step.id)} '{step.activity}' by {step.actor} is similar ({score:.0%}) "
                        f"to step {other.number_of(other_step.id)} '{other_step.activity}' in SOP '{other_name}'."))
    return sorted(found, key=lambda item: (-item.similarity, item.kind, item.other_key, item.step_id))
