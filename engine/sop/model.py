"""The SOP model: identity sheet, pelaksana (actors) and steps with their mutu baku.

Plain dataclasses without I/O. Every format (YAML sheet, BPMN, the web editor) converts to and from
this model; the field names map to the regulation's labels:

=====================  ==========================
model                  regulation / sheet key
=====================  ==========================
Step.activity          KEGIATAN (``kegiatan``)
Step.actor             PELAKSANA column (``pelaksana``)
Step.requirements      MUTU BAKU KELENGKAPAN
Step.duration          MUTU BAKU WAKTU
Step.output            MUTU BAKU OUTPUT
Step.remarks           KETERANGAN
Step.documents         kelengkapan marked ``dokumen``
Sop.fields             ``isian`` (case fields)
Step.record            ``catat`` (the stage record it writes)
=====================  ==========================
"""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass, field
from enum import Enum

from engine.sop.events import Boundary, EndEvent, Trigger
from engine.sop.fields import Field, Requirement
from engine.sop.step_records import StepRecord
from engine.sop.structure import Structure, number_rows


class StepKind(str, Enum):
    """What a row of the flowchart is; it decides the symbol and the BPMN element."""

    START = "start"
    ACTIVITY = "activity"
    DECISION = "decision"
    END = "end"


#: A step id: what BPMN calls an NCName, kept simple so it is also a readable YAML key.
STEP_ID_PATTERN = re.compile(r"^[A-Za-z_][A-Za-z0-9_.\-]*$")


@dataclass
class Approval:
    """DISAHKAN OLEH: the signing official."""

    jabatan: str = ""
    nama: str = ""
    nip: str = ""
    #: ``plh`` or ``plt`` when an acting official signed for :attr:`jabatan` (which stays as declared).
    acting: str = ""

    @property
    def printed_jabatan(self) -> str:
        """The jabatan as the print shows it: "Plh. Kepala Dinas" when a Plh signed, else the jabatan."""
        prefix = {"plh": "Plh.", "plt": "Plt."}.get(self.acting.strip().lower(), "")
        return f"{prefix} {self.jabatan.strip()}" if prefix and self.jabatan.strip() else self.jabatan


@dataclass
class Identity:
    """The identity sheet (Bagian Identitas) of an SOP."""

    nomor: str = ""
    nama: str = ""
    #: The government, e.g. "Pemerintah Kabupaten Sukamaju".
    pemerintah: str = ""
    #: SKPD / unit kerja.
    unit: str = ""
    tanggal_pembuatan: dt.date | None = None
    tanggal_revisi: dt.date | None = None
    tanggal_efektif: dt.date | None = None
    disahkan_oleh: Approval = field(default_factory=Approval)
    dasar_hukum: list[str] = field(default_factory=list)
    kualifikasi_pelaksana: list[str] = field(default_factory=list)
    keterkaitan: list[str] = field(default_factory=list)
    peralatan_perlengkapan: list[str] = field(default_factory=list)
    peringatan: list[str] = field(default_factory=list)
    pencatatan_pendataan: list[str] = field(default_factory=list)
    #: Pattern of the case registration number (:mod:`engine.sop.registration`); empty = the default.
    pola_nomor_registrasi: str = ""
    #: Years the case values of a finished case are kept (UU 27/2022 retention); empty = kept.
    #: Text as written in the sheet; :func:`engine.sop.retention.retention_years` reads it.
    retensi_tahun: str = ""


#: The identity lists in the order of the regulation's bottom block.
IDENTITY_LISTS: tuple[str, ...] = (
    "dasar_hukum",
    "kualifikasi_pelaksana",
    "keterkaitan",
    "peralatan_perlengkapan",
    "peringatan",
    "pencatatan_pendataan",
)
IDENTITY_DATES: tuple[str, ...] = ("tanggal_pembuatan", "tanggal_revisi", "tanggal_efektif")
IDENTITY_TEXTS: tuple[str, ...] = ("nomor", "nama", "pemerintah", "unit")


@dataclass
class Step:
    """One row of the flowchart table."""

    id: str
    kind: StepKind
    activity: str = ""
    #: The jabatan whose column holds the symbol; one of :attr:`Sop.actors`.
    actor: str = ""
    requirements: list[str] = field(default_factory=list)
    #: The WAKTU text as written ("3 hari kerja"); parsed by :mod:`engine.sop.durations`.
    duration: str = ""
    output: str = ""
    remarks: str = ""
    #: Successors of a start or activity step; two or more start parallel branches.
    next: list[str] = field(default_factory=list)
    #: Decision targets.
    yes: str = ""
    no: str = ""
    #: Optional condition (safe expression language) that decides "Ya" instead of the clerk.
    condition: str = ""
    #: Parallel join: the step waits until every incoming branch has arrived.
    join: bool = False
    #: The kelengkapan items (texts from :attr:`requirements`) that are documents to attach or see.
    documents: list[str] = field(default_factory=list)
    #: The output is a document (the signed letter) that can be attached.
    output_document: bool = False
    # -- events (engine.sop.events) ------------------------------------------------------------
    #: A kegiatan with one trigger is a wait row; a keputusan with two is an event-based choice
    #: (the first trigger leads to ``yes``, the second to ``no``).
    wait: list[Trigger] = field(default_factory=list)
    #: Timeout, error and message paths out of a kegiatan while it is worked.
    boundaries: list[Boundary] = field(default_factory=list)
    #: A selesai row's end: plain, terminate or error.
    end: EndEvent = field(default_factory=EndEvent)
    # --- structure (engine.sop.structure): sub-process, nested row, call, multi-instance, loop ---
    structure: Structure = field(default_factory=Structure)
    #: The stage record the step's completion writes (``catat``, :mod:`engine.sop.step_records`).
    record: StepRecord | None = None

    @property
    def is_wait(self) -> bool:
        """A row where the case waits for a timer or a message, not a clerk's work."""
        return bool(self.wait)

    @property
    def number(self) -> str:
        """The printed NO of a nested row ("4.1"); empty for a top-level row (the print counts those)."""
        return self.structure.number

    @number.setter
    def number(self, value: str) -> None:
        self.structure.number = value

    def requirement_items(self) -> list[Requirement]:
        """The kelengkapan as items that know whether they are documents."""
        marked = set(self.documents)
        return [Requirement(text, text in marked) for text in self.requirements]

    def successors(self) -> list[str]:
        """Every step this one can lead to, Ya before Tidak, then the boundary paths."""
        if self.kind is StepKind.DECISION:
            found = [target for target in (self.yes, self.no) if target]
        else:
            found = list(self.next)
        return found + [b.target for b in self.boundaries if b.target and b.target not in found]

    @property
    def is_working_end(self) -> bool:
        """An end row that still holds clerk work (it has a WAKTU), not only the end event."""
        return self.kind is StepKind.END and bool(self.duration.strip())


@dataclass
class Sop:
    """A whole SOP: identity, actors in column order, and steps in row order (NO = index + 1)."""

    identity: Identity = field(default_factory=Identity)
    actors: list[str] = field(default_factory=list)
    steps: list[Step] = field(default_factory=list)
    #: BPMN process id; derived from the nomor or nama when empty.
    process_id: str = ""
    #: The case fields the SOP declares (:mod:`engine.sop.fields`), in form order.
    fields: tuple[Field, ...] = ()
    #: ``pelaksana -> routing rule`` (:mod:`engine.sop.routing`); a column without one works in the instance's unit.
    routing: dict[str, str] = field(default_factory=dict)
    #: ``pelaksana -> organisation jabatan code`` (``org_jabatan.code``, the same in every unit): who
    #: holds the column's work is matched by this code when given, by the column's name otherwise.
    actor_jabatan: dict[str, str] = field(default_factory=dict)

    def __post_init__(self) -> None:
        number_rows(self.steps)

    def step(self, step_id: str) -> Step:
        """Return the step with this id.

        :raises KeyError: when there is none.
        """
        for step in self.steps:
            if step.id == step_id:
                return step
        raise KeyError(step_id)

    def number_of(self, step_id: str) -> int:
        """The NO of a step (1-based row number)."""
        for index, step in enumerate(self.steps):
            if step.id == step_id:
                return index + 1
        raise KeyError(step_id)

    def predecessors(self) -> dict[str, list[str]]:
        """Map each step id to the ids of the steps leading to it, in row order."""
        incoming: dict[str, list[str]] = {step.id: [] for step in self.steps}
        for step in self.steps:
            for target in step.successors():
                if target in incoming:
                    incoming[target].append(step.id)
        return incoming

    def default_process_id(self) -> str:
        """A BPMN process id made from the nomor, else the nama."""
        return "Proses_" + slugify(self.identity.nomor or self.identity.nama or "sop", "sop")

    @property
    def start(self) -> Step | None:
        """The start step, when there is exactly one."""
        starts = [step for step in self.steps if step.kind is StepKind.START]
        return starts[0] if len(starts) == 1 else None


def slugify(text: str, fallback: str = "x") -> str:
    """Make an identifier from free text: ASCII letters, digits and underscores."""
    slug = re.sub(r"[^A-Za-z0-9]+", "_", text).strip("_").lower()
    if not slug:
        slug = fallback
    if slug[0].isdigit():
        slug = f"{fallback}_{slug}"
    return slug
