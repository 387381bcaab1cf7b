"""Kelengkapan states: how the clerk dealt with each requirement of a step, and the output document.

Every requirement (kelengkapan item) of a step gets one state in a completion or start form::

    {"cara": "berkas", "berkas": "<sha256>"}   a document attached to this work item
    {"cara": "kertas"}                          seen on paper
    {"cara": "tidak_ada", "alasan": "..."}      missing, with the reason

Nothing is pre-ticked: in this form every requirement must be given. ``berkas`` is only for a
requirement marked as a document, and must name a document attached to the same work item for
the same requirement (the hash may be left out when exactly one is attached for it). The older forms still read: a list of ticked texts, or ``text -> bool``;
ticked is ``kertas`` and unticked is ``tidak_ada`` with the form's ``alasan``.

A step whose output is a document may be completed with ``"output": {"berkas": "<sha256>"}``, a
document attached to the item as its output. Events record each state with the document's hash,
so the hash chain covers the documents, but not the uploaded file name (it may carry a person's
name; ``case_documents`` keeps it, and can forget it); :func:`recorded_states` reads both the
states and the ``text -> bool`` events written before them.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass
from typing import Any, TypeGuard

from engine.errors import DataError
from engine.runtime.documents import SHORT_HASH, CaseDocument
from engine.sop.fields import Requirement

BERKAS, KERTAS, TIDAK_ADA = "berkas", "kertas", "tidak_ada"
#: The ways a requirement can be dealt with, in the order a page offers them.
WAYS = (BERKAS, KERTAS, TIDAK_ADA)
_STATE_KEYS = ("alasan", "berkas", "cara")
_MAX_REASON = 4000


@dataclass(frozen=True)
class RequirementState:
    """How one requirement was dealt with."""

    #: One of :data:`WAYS`.
    cara: str
    #: SHA-256 of the attached document (``berkas`` only).
    berkas: str = ""
    #: Why it is missing (``tidak_ada`` only).
    alasan: str = ""

    @property
    def missing(self) -> bool:
        """The requirement was not there (monitoring's "kelengkapan kurang")."""
        return self.cara == TIDAK_ADA

    def recorded(self) -> dict[str, str]:
        """The state as the audit event records it."""
        if self.cara == BERKAS:
            return {"cara": BERKAS, "berkas": self.berkas}
        if self.cara == TIDAK_ADA:
            return {"cara": TIDAK_ADA, "alasan": self.alasan}
        return {"cara": KERTAS}


def _refused(code: str, **params: object) -> DataError:
    return DataError.from_code(code, "kelengkapan", **params)


def read_kelengkapan(value: Any, requirements: Sequence[Requirement], alasan: str,
                     attached: Iterable[CaseDocument] = ()) -> dict[str, RequirementState]:
    """The state of every requirement from a form's ``kelengkapan`` (and its ``alasan``).

    :param requirements: the step's requirements, in order.
    :param alasan: the form's general reason (for the older forms, and a state without its own).
    :param attached: the documents attached to the work item being completed.
    :raises DataError: (field ``kelengkapan``) a malformed value, an unknown item, an item without a
        state, an unknown way, ``berkas`` for a requirement that is not a document or naming no
        document attached here, a missing item without a reason.
    """
    texts = [item.text for item in requirements]
    given = _given(value)
    unknown = [text for text in given if text not in texts]
    if unknown:
        code = "runtime_form_unknown_items" if texts else "runtime_form_unknown_items_none"
        raise _refused(code, items=", ".join(unknown), listed=", ".join(texts))
    if any(isinstance(state, Mapping) for state in given.values()):
        absent = [text for text in texts if text not in given]
        if absent:
            raise _refused("runtime_kelengkapan_no_state", items=", ".join(absent), ways=", ".join(WAYS))
        documents = {(doc.requirement, doc.sha256): doc for doc in attached if not doc.output}
        states = {item.text: _state(item, given[item.text], alasan, documents) for item in requirements}
        unexplained = [text for text, state in states.items() if state.missing and not state.alasan]
        if unexplained:
            raise _refused("runtime_kelengkapan_no_reason", items=", ".join(unexplained))
        return states
    states = {text: RequirementState(KERTAS) if given.get(text) is True else RequirementState(TIDAK_ADA, alasan=alasan)
              for text in texts}
    unticked = [text for text, state in states.items() if state.missing]
    if unticked and not alasan:
        raise _refused("runtime_form_unticked", items=", ".join(unticked))
    return states


def _given(value: Any) -> dict[str, Any]:
    """``text -> state, True or False`` from any accepted shape (``None`` and ``[]``: nothing ticked)."""
    if value is None:
        return {}
    if isinstance(value, list) and all(isinstance(item, str) for item in value):
        return {item: True for item in value}
    if isinstance(value, Mapping) and all(isinstance(text, str) and isinstance(state, (bool, Mapping))
                                          for text, state in value.items()):
        return dict(value)
    raise _refused("runtime_form_bad_checklist")


def _state(requirement: Requirement, given: Any, alasan: str,
           documents: Mapping[tuple[str, str], CaseDocument]) -> RequirementState:
    text = requirement.text
    if isinstance(given, bool):
        return RequirementState(KERTAS) if given else RequirementState(TIDAK_ADA, alasan=alasan)
    extra = sorted(str(key) for key in given if key not in _STATE_KEYS)
    if extra:
        raise _refused("runtime_kelengkapan_bad_keys", item=text, keys=", ".join(extra),
                       known=", ".join(_STATE_KEYS))
    if not all(isinstance(part, str) for part in given.values()):
        raise _refused("runtime_kelengkapan_not_text", item=text)
    cara = given.get("cara", "")
    if cara not in WAYS:
        raise _refused("runtime_kelengkapan_bad_way", item=text, cara=cara[:40], ways=", ".join(WAYS))
    berkas = given.get("berkas", "").strip().lower()
    if berkas and cara != BERKAS:
        raise _refused("runtime_kelengkapan_berkas_unused", item=text, cara=cara)
    if cara == BERKAS:
        if not requirement.document:
            raise _refused("runtime_kelengkapan_not_document", item=text)
        if not berkas:  # a page need not repeat the hash when one document is attached for the item
            candidates = sorted({sha for requirement_text, sha in documents if requirement_text == text})
            if len(candidates) != 1:
                raise _refused("runtime_kelengkapan_berkas_needed" if not candidates else
                               "runtime_kelengkapan_berkas_ambiguous", item=text, count=len(candidates))
            berkas = candidates[0]
        if (text, berkas) not in documents:
            raise _refused("runtime_kelengkapan_not_attached", item=text, sha256=berkas[:SHORT_HASH])
        return RequirementState(BERKAS, berkas=berkas)
    if cara == TIDAK_ADA:
        reason = given.get("alasan", "").strip() or alasan
        if len(reason) > _MAX_REASON:
            raise _refused("runtime_form_too_long", field=f"kelengkapan.{text}.alasan", limit=_MAX_REASON)
        return RequirementState(TIDAK_ADA, alasan=reason)
    return RequirementState(KERTAS)


def is_output_document(value: Any) -> TypeGuard[Mapping[str, Any]]:
    """The form's ``output`` names a document: ``{"berkas": ...}``."""
    return isinstance(value, Mapping) and "berkas" in value


def read_output_document(value: Mapping[str, Any], output_document: bool,
                         attached: Iterable[CaseDocument]) -> dict[str, str]:
    """What the event records of an ``{"berkas": "<sha256>"}`` output.

    :raises DataError: (field ``output``) the step's output is not a document, other keys, or no
        output document with this hash is attached to the item.
    """
    if not output_document:
        raise DataError.from_code("runtime_output_not_document", "output")
    if set(value) != {"berkas"} or not isinstance(value["berkas"], str):
        raise DataError.from_code("runtime_output_bad_berkas", "output")
    berkas = value["berkas"].strip().lower()
    outputs = sorted({doc.sha256 for doc in attached if doc.output})
    if not berkas and len(outputs) == 1:  # the one output document attached, without repeating its hash
        berkas = outputs[0]
    found = next((doc for doc in attached if doc.output and doc.sha256 == berkas), None)
    if found is None:
        raise DataError.from_code("runtime_output_not_attached", "output", sha256=berkas[:SHORT_HASH])
    return {"berkas": found.sha256}


def recorded_states(recorded: Any) -> dict[str, RequirementState]:
    """The states an event's ``kelengkapan`` records, in either shape (states, or the older ``text -> bool``).

    An older unticked item reads as ``tidak_ada`` without its own reason (the event's ``alasan`` had it).
    """
    if not isinstance(recorded, Mapping):
        return {}
    states: dict[str, RequirementState] = {}
    for text, state in recorded.items():
        if isinstance(state, bool):
            states[str(text)] = RequirementState(KERTAS if state else TIDAK_ADA)
        elif isinstance(state, Mapping) and state.get("cara") in WAYS:
            states[str(text)] = RequirementState(str(state["cara"]), str(state.get("berkas", "")),
                                                 str(state.get("alasan", "")))
    return states


#: The name an event's envelope gives the output document (kelengkapan documents go by their text).
OUTPUT_DOCUMENT = "output"


def recorded_documents(data: Any) -> tuple[tuple[str, str], ...]:
    """``(requirement text, sha256)`` of each document an event's data names, in order; the output
    document comes last as ``(OUTPUT_DOCUMENT, sha256)``."""
    if not isinstance(data, Mapping):
        return ()
    found = [(text, state.berkas) for text, state in recorded_states(data.get("kelengkapan")).items()
             if state.cara == BERKAS and state.berkas]
    output = data.get("output")
    if isinstance(output, Mapping) and isinstance(output.get("berkas"), str) and output["berkas"]:
        found.append((OUTPUT_DOCUMENT, output["berkas"]))
    return tuple(found)


__all__ = ["BERKAS", "KERTAS", "OUTPUT_DOCUMENT", "TIDAK_ADA", "WAYS", "RequirementState", "is_output_document", "read_kelengkapan",
           "read_output_document", "recorded_documents", "recorded_states"]
