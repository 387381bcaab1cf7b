"""Step records: a step declares the stage record (Tim, inventarisasi, sosialisasi...) its completion writes.

Any SOP may say that completing a row opens or closes one of the records of Permendagri 52/2011's stages
(:mod:`engine.lifecycle`), taking the record's fields from case fields::

    - id: tetapkan_tim
      kegiatan: Menetapkan Keputusan Bupati tentang Tim Penyusun SOP
      pelaksana: Kepala Daerah
      catat:
        jenis: tim                       # the record kind (RECORD_KINDS)
        aksi: buat                       # what the step does to it
        isian: {nama: nama_tim, nomor_sk: nomor_keputusan_tim, tanggal_sk: tanggal_keputusan_tim}

In BPMN it is the ``sop:record`` extension of the task. Nothing is keyed on a process's name: the
runtime (:mod:`engine.lifecycle.step_records`) writes the record named here in the transaction that
completes the step, and ``alur check`` (:func:`engine.sop.record_checks.check_step_records`) tells a wrong declaration first.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Any

from engine.sop.fields import TEXT_TYPES, FieldType

#: The sheet key of a step's record declaration.
SHEET_KEY = "catat"
#: The keys of a ``catat`` mapping.
CATAT_KEYS = frozenset({"jenis", "aksi", "isian"})

_TEXT = frozenset(TEXT_TYPES | {FieldType.LONG_TEXT})
_DATE = frozenset({FieldType.DATE})
_YES_NO = frozenset({FieldType.YES_NO})
#: A verification result: a choice or text ("lolos" / "tidak_lolos", "ya" / "tidak") or a Ya/Tidak field.
_RESULT = frozenset(_TEXT | _YES_NO)


@dataclass(frozen=True)
class RecordField:
    """One field of a record kind: whether a case field must give it and the case field types that fit."""

    required: bool
    types: frozenset[FieldType]


@dataclass(frozen=True)
class RecordKind:
    """A record kind: the action a step does to it and its fields (``record field -> spec``)."""

    action: str
    fields: dict[str, RecordField]


def _req(types: frozenset[FieldType]) -> RecordField:
    return RecordField(True, types)


def _opt(types: frozenset[FieldType]) -> RecordField:
    return RecordField(False, types)


#: The record kinds a step may declare. ``unit`` left out means the instance's unit (a multi-instance
#: row over units gives each unit's own); ``sop`` is the key of the SOP the record is about.
RECORD_KINDS: dict[str, RecordKind] = {
    # stage 1: the Tim from its SK (``anggota``: the susunan the SK names, one "login, peran[, unit]" a line);
    # a pembekalan of the Tim serving the unit (the nearest one at or above it)
    "tim": RecordKind("tetapkan", {"nama": _req(_TEXT), "nomor_sk": _req(_TEXT), "tanggal_sk": _req(_DATE),
                                "unit": _opt(_TEXT), "anggota": _opt(_TEXT)}),
    "pembekalan": RecordKind("catat", {"tanggal": _req(_DATE), "topik": _req(_TEXT), "peserta": _req(_TEXT),
                                       "unit": _opt(_TEXT)}),
    # stage 2: an entry of the daftar inventarisasi
    "inventarisasi": RecordKind("buat", {"judul": _req(_TEXT), "analisis": _opt(_TEXT), "unit": _opt(_TEXT)}),
    # stage 3: the Tim's analysis notes and the seed's criteria checklist, onto the entries the case listed
    # (those of ``unit`` only when it is mapped)
    "analisis": RecordKind("catat", {"catatan": _req(_TEXT), "rutin": _opt(_YES_NO), "tahapan_jelas": _opt(_YES_NO),
                                     "output_jelas": _opt(_YES_NO), "banyak_pihak": _opt(_YES_NO),
                                     "unit": _opt(_TEXT)}),
    # stage 5: the verification of an SOP draft of the register; ``hasil`` left out on a decision row is its
    # keputusan (Ya: lolos)
    "verifikasi": RecordKind("catat", {"sop": _req(_TEXT), "hasil": _opt(_RESULT), "catatan": _opt(_TEXT)}),
    # stage 6: the sosialisasi plan of an approved SOP; stage 7: its distribution (the tanda terima follows)
    "sosialisasi": RecordKind("rencana", {"sop": _req(_TEXT), "jadwal_mulai": _req(_DATE),
                                          "jadwal_selesai": _opt(_DATE), "pejabat": _req(_TEXT),
                                          "sasaran": _req(_TEXT), "pemantauan": _req(_TEXT),
                                          "tempat": _opt(_TEXT), "materi": _opt(_TEXT)}),
    "distribusi": RecordKind("bagikan", {"sop": _req(_TEXT), "unit": _opt(_TEXT)}),
    # stage 8: a pelatihan session
    "pelatihan": RecordKind("catat", {"sop": _req(_TEXT), "tanggal": _req(_DATE),
                                      "jenis": _req(_TEXT), "peserta": _req(_TEXT), "catatan": _opt(_TEXT)}),
}


@dataclass(frozen=True)
class StepRecord:
    """What a step's completion writes: a record kind, the action and ``record field -> case field``."""

    kind: str
    action: str
    fields: dict[str, str] = field(default_factory=dict)

    def mapping(self) -> dict[str, object]:
        """The ``catat`` mapping of the sheet."""
        return {"jenis": self.kind, "aksi": self.action, "isian": dict(self.fields)}


def read_catat(value: Any, step_id: str, add: Callable[..., None]) -> StepRecord | None:
    """The ``catat`` of a sheet row; a wrong shape is reported (``add(code, element_id, **params)``)."""
    if not isinstance(value, dict):
        add("rec_sheet_shape", step_id)
        return None
    unknown = sorted(str(key) for key in value if key not in CATAT_KEYS)
    if unknown:
        add("sheet_unknown_key", step_id, key=", ".join(unknown), known=", ".join(sorted(CATAT_KEYS)))
    given = value.get("isian", {}) or {}
    if not isinstance(given, dict) or not all(isinstance(v, str) for v in given.values()):
        add("rec_sheet_fields_shape", step_id)
        given = {}
    return StepRecord(str(value.get("jenis", "") or "").strip().lower(), str(value.get("aksi", "") or "").strip().lower(),
                      {str(key).strip(): str(name).strip() for key, name in given.items()})
