"""What the runtime hands out (users, versions, instances, work items, events) and the completion form.

A clerk completes a step with a JSON object::

    {
      "kelengkapan": {"Surat masuk": {"cara": "berkas", "berkas": "<sha256>"},  # every item: berkas,
                      "Buku agenda": {"cara": "tidak_ada", "alasan": "dipinjam"}},  # kertas or tidak_ada
      "alasan": "Buku agenda dipinjam bagian lain",     # the reason for items without their own
      "keputusan": "Ya",                                # required on a decision the clerk answers
      "output": "Nomor agenda 12/2026",                 # the step's output (any JSON value)
      "catatan": "Surat diterima lewat kurir",          # free notes
      "data": {"jumlah_hari": "3"}                      # case fields asked at this step (raw values)
    }

``data`` holds the case fields the SOP declares for the step (:mod:`engine.sop.fields`), as typed
in a page or sent as JSON; :func:`check_case_data` types them and refuses every field that is
wrong, missing or not asked there at once (:class:`~engine.errors.CaseDataError`). Only the typed
values (and the decision) enter the SpiffWorkflow task data; the rest is recorded in the audit
event of the completion.
The kelengkapan states (and the older list / ``text -> bool``
forms) and an ``{"berkas": ...}`` output are read by :mod:`engine.runtime.kelengkapan`.
"""

from __future__ import annotations

import copy
import re
from dataclasses import dataclass, field
from datetime import datetime
from typing import Any, Mapping

from engine.bpmn.names import DECISION_FIELD, NO, YES
from engine.errors import CaseDataError, DataError
from engine.runtime.documents import CaseDocument
from engine.runtime.kelengkapan import (RequirementState, is_output_document, read_kelengkapan,
                                        read_output_document, recorded_documents)
from engine.sop.fields import Field, Requirement
from engine.sop.model import Sop
from engine.sop.values import condition_data, validate_case_data

#: Actor name recorded for what the engine and the worker do (never a username).
SYSTEM_ACTOR = "sistem"

#: Keys a completion or start may carry.
FORM_KEYS = ("alasan", "catatan", "data", "kelengkapan", "keputusan", "output")
_NAME = re.compile(r"^[A-Za-z][A-Za-z0-9_]{0,63}$")
#: Reserved by SpiffWorkflow's serializer or by Alur itself.
_RESERVED = {"typename", DECISION_FIELD}
_MAX_DEPTH = 8
_MAX_TEXT = 4000


@dataclass(frozen=True)
class StepInfo:
    """What the runtime needs to know about one SOP step."""

    id: str
    kind: str
    kegiatan: str
    pelaksana: str
    kelengkapan: tuple[str, ...] = ()
    waktu: str = ""
    output: str = ""
    condition: str = ""
    #: The case fields asked (or changeable) at this step, in form order (the start step: the start form).
    fields: tuple[Field, ...] = ()
    #: The kelengkapan as items that know whether they are documents (same texts and order as
    #: :attr:`kelengkapan`; versions stored before documents read as no documents).
    requirements: tuple[Requirement, ...] = ()
    #: The step's output is a document that can be attached (the signed letter).
    output_document: bool = False
    #: The kind of stage record completing the step writes (``catat``); "" when none.
    record_kind: str = ""

    def __post_init__(self) -> None:
        # stored versions keep the steps as JSON: requirements come back as dicts, or not at all
        items = tuple(item if isinstance(item, Requirement) else Requirement(**item) for item in self.requirements)
        if not items:
            items = tuple(Requirement(text) for text in self.kelengkapan)
        object.__setattr__(self, "requirements", items)

    @property
    def clerk_decides(self) -> bool:
        """A decision the clerk answers with Ya/Tidak (not a condition gateway)."""
        return self.kind == "decision" and not self.condition


@dataclass(frozen=True)
class Completion:
    """A checked completion form."""

    #: The state of every kelengkapan item of the step.
    kelengkapan: dict[str, RequirementState]
    alasan: str = ""
    keputusan: str = ""
    output: Any = None
    catatan: str = ""
    data: dict[str, Any] = field(default_factory=dict)

    @property
    def missing(self) -> bool:
        """A kelengkapan item is missing (``tidak_ada``)."""
        return any(state.missing for state in self.kelengkapan.values())

    @property
    def documents(self) -> tuple[tuple[str, str], ...]:
        """``(name, sha256)`` of every document the completion names, for the event's envelope."""
        return recorded_documents(self.event_data())

    def event_data(self, data: Mapping[str, Any] | None = None) -> dict[str, Any]:
        """What the audit event records.

        :param data: what the event says of the case values (personal ones as digests, see
            :mod:`engine.runtime.privacy`); default the values themselves as JSON.
        """
        recorded: dict[str, Any] = {"kelengkapan": {text: state.recorded() for text, state in self.kelengkapan.items()}}
        for key in ("alasan", "keputusan", "catatan"):
            if getattr(self, key):
                recorded[key] = getattr(self, key)
        if self.output is not None:
            recorded["output"] = self.output
        shown = condition_data(self.data) if data is None else dict(data)
        if shown:
            recorded["data"] = shown
        return recorded


def _check_value(value: Any, where: str, depth: int = 0) -> None:
    if depth > _MAX_DEPTH:
        raise DataError.from_code("runtime_form_too_deep", where, field=where, limit=_MAX_DEPTH)
    if value is None or isinstance(value, (bool, int, float)):
        return
    if isinstance(value, str):
        if len(value) > _MAX_TEXT:
            raise DataError.from_code("runtime_form_too_long", where, field=where, limit=_MAX_TEXT)
        return
    if isinstance(value, list):
        for index, item in enumerate(value):
            _check_value(item, f"{where}[{index}]", depth + 1)
        return
    if isinstance(value, dict):
        for key, item in value.items():
            if not isinstance(key, str) or key == "typename":
                raise DataError.from_code("runtime_form_bad_key", where, key=repr(key), field=where)
            _check_value(item, f"{where}.{key}", depth + 1)
        return
    raise DataError.from_code("runtime_form_not_json_value", where, field=where)


def check_process_data(data: Any) -> dict[str, Any]:
    """Check process values (``data``) and return a deep copy safe to put in task data.

    :raises DataError: not an object, a bad name, a reserved name or a non-JSON value.
    """
    if data is None:
        return {}
    if not isinstance(data, Mapping):
        raise DataError.from_code("runtime_form_data_not_object", "data")
    for key, value in data.items():
        if not isinstance(key, str) or not _NAME.match(key) or key in _RESERVED:
            raise DataError.from_code("runtime_form_bad_name", "data", key=repr(key))
        _check_value(value, f"data.{key}")
    return copy.deepcopy(dict(data))


def check_case_data(sop: Sop, step_id: str, data: Any) -> dict[str, Any]:
    """The typed values of the case fields ``data`` gives at ``step_id`` (the start step for a start).

    :raises CaseDataError: every field that is wrong, missing (required and first asked here) or not
        asked at this step, at once; ``field`` is the first one.
    """
    values, problems = validate_case_data(sop, step_id, {} if data is None else data)
    if problems:
        raise CaseDataError.from_code("runtime_case_data_invalid", problems[0].element_id or "data", problems,
                                      count=len(problems), problems="; ".join(item.render() for item in problems))
    return values


def parse_completion(form: Any, step: StepInfo, sop: Sop | None = None,
                     attached: tuple[CaseDocument, ...] = ()) -> Completion:
    """Check a completion form against ``step``.

    :param sop: the SOP the step belongs to; its declared fields type and check ``data``
        (:func:`check_case_data`). Without it ``data`` is only checked to be plain JSON.
    :param attached: the documents attached to the work item (``berkas`` states and output name them).
    :raises DataError: unknown keys, a kelengkapan item without a state or missing without a reason,
        a document not attached here, a missing or wrong decision, malformed values.
    :raises CaseDataError: case field values that do not fit the SOP's fields.
    """
    if form is None:
        form = {}
    if not isinstance(form, Mapping):
        raise DataError.from_code("runtime_form_not_object")
    unknown = sorted(str(key) for key in form if key not in FORM_KEYS)
    if unknown:
        raise DataError.from_code("runtime_form_unknown_keys", unknown[0], keys=", ".join(unknown),
                                  known=", ".join(FORM_KEYS))
    for key in ("alasan", "catatan"):
        if not isinstance(form.get(key, ""), str):
            raise DataError.from_code("runtime_form_not_text", key, field=key)
    _check_value(form.get("output"), "output")
    alasan = str(form.get("alasan", "")).strip()
    states = _read_checklist(form.get("kelengkapan"), step, alasan, attached)
    output = form.get("output")
    if is_output_document(output):
        output = read_output_document(output, step.output_document, attached)
    keputusan = form.get("keputusan", "")
    if step.clerk_decides:
        if keputusan not in (YES, NO):
            raise DataError.from_code("runtime_form_decision_needed", "keputusan", step=step.kegiatan, yes=YES, no=NO)
    elif keputusan:
        raise DataError.from_code("runtime_form_not_decision", "keputusan", step=step.kegiatan)
    data = (check_case_data(sop, step.id, form.get("data")) if sop is not None
            else check_process_data(form.get("data")))
    return Completion(kelengkapan=states, alasan=alasan, keputusan=str(keputusan),
                      output=copy.deepcopy(output), catatan=str(form.get("catatan", "")).strip(),
                      data=data)


def _read_checklist(value: Any, step: StepInfo, alasan: str,
                    attached: tuple[CaseDocument, ...]) -> dict[str, RequirementState]:
    return read_kelengkapan(value, step.requirements, alasan, attached)


@dataclass(frozen=True)
class User:
    username: str
    nama: str
    nip: str
    #: ``(jabatan, unit)`` pairs the user holds.
    jabatan: tuple[tuple[str, str], ...]
    #: Contacts for notifications (empty: none) and the language of the messages ("": Indonesian).
    email: str = ""
    phone: str = ""
    language: str = ""


@dataclass(frozen=True)
class VersionInfo:
    """A published SOP version."""

    id: int
    key: str
    number: int
    draft: bool
    nama: str
    process_id: str
    escalation: bool
    published_at: datetime
    #: False when the same BPMN was already published as this version.
    created: bool = True


#: How an instance runs: for real, as a trial (ujicoba) of a draft version, or as a simulation.
REAL, UJICOBA, SIMULASI = "real", "ujicoba", "simulasi"
MODES = (REAL, UJICOBA, SIMULASI)


@dataclass(frozen=True)
class Instance:
    id: int
    key: str
    version: int
    unit: str
    status: str
    #: One of :data:`MODES`.
    mode: str
    started_by: str
    started_at: datetime
    ended_at: datetime | None
    reason: str
    #: The registration number given at start (unique per SOP and year; trials start with "UJI-").
    registration: str = ""
    #: The applicant's name or the declared title field (see :mod:`engine.runtime.caseid`).
    subject: str = ""

    @property
    def trial(self) -> bool:
        """Not a real instance (ujicoba or simulasi): kept out of the regular worklists' reports."""
        return self.mode != REAL

    @property
    def simulation(self) -> bool:
        """A simulation (stage 8's practice): shown SIMULASI, never counted by ujicoba or monitoring."""
        return self.mode == SIMULASI


@dataclass(frozen=True)
class WorkItem:
    """One READY user task of an instance, as the worklist shows it."""

    id: int
    instance_id: int
    key: str
    step_id: str
    kegiatan: str
    jabatan: str
    unit: str
    trial: bool
    status: str
    ready_at: datetime
    #: ``None`` when the step has no WAKTU.
    due_at: datetime | None
    claimed_by: str | None
    completed_by: str | None
    completed_at: datetime | None
    overdue: bool
    #: The instance's registration number and subject (the subject masked when it is personal).
    registration: str = ""
    subject: str = ""
    #: The instance's mode (:data:`MODES`) where the query read it ("" where it did not).
    mode: str = ""

    @property
    def simulation(self) -> bool:
        """A step of a simulation instance (marked SIMULASI wherever it is shown)."""
        return self.mode == SIMULASI
    #: The organisation jabatan (id) whose holders work it, when the SOP's column names one by code;
    #: ``None``: its holders are those of :attr:`jabatan` in :attr:`unit` by name.
    jabatan_id: int | None = None


@dataclass(frozen=True)
class Event:
    """One entry of an instance's audit trail."""

    instance_id: int
    seq: int
    kind: str
    at: datetime
    actor: str
    step: str
    item_id: int | None
    data: dict[str, Any]
    hash: str


@dataclass(frozen=True)
class Completed:
    """What completing a work item led to."""

    item: WorkItem
    instance: Instance
    #: Work items that became ready.
    ready: tuple[WorkItem, ...]
    #: The jabatan of the items that became ready, in order, each once; empty when the instance finished.
    next_jabatan: tuple[str, ...] = ()
