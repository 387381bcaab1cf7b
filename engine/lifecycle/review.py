"""The reviewers' decisions: the verifikator accepts or returns, overlap findings are answered, the pengesah returns.

- :func:`answer_finding` answers one finding of the overlap report (``bukan``: not an overlap,
  ``digabung``: merged, ``diterima``: accepted, with a reason); the answers belong to the round.
- :func:`accept` is the verifikator's acceptance: only when every finding is answered and (with
  separation of duties) by someone who did not write the draft.
- :func:`send_back` returns the SOP to its penyusun with a reason and notes per row, by the
  verifikator (stage ``verifikasi``) or by the pengesah who holds the declared jabatan (stage
  ``pengesahan``); the verifikasi must then be decided again.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass

from engine.access.accounts import account
from engine.access.policy import check_draft_unit
from engine.errors import DataError, TaskError
from engine.lifecycle import records
from engine.lifecycle.records import OverlapAnswer
from engine.lifecycle.roles import LifecycleSettings, check_separation, refusal, require_reason, require_role
from engine.lifecycle.transitions import (
    _act,
    _authors,
    _from_sheet,
    back_status,
    check_approver,
    current_round,
    overlaps,
    require_status,
)
from engine.runtime.facade import Runtime
from engine.sop.overlap import Overlap

#: Answers to an overlap finding, as stored.
ANSWERS = ("bukan", "digabung", "diterima")


def finding_id(found: Overlap) -> str:
    """A stable id of a finding: ``kind:other_key:step_id:other_step_id``."""
    return f"{found.kind}:{found.other_key}:{found.step_id}:{found.other_step_id}"


@dataclass(frozen=True)
class Finding:
    """An overlap finding with its answer in the open round (``None``: not answered)."""

    id: str
    overlap: Overlap
    answer: OverlapAnswer | None


def findings(runtime: Runtime, key: str) -> list[Finding]:
    """The overlap report of the working draft with the round's answers."""
    row = require_status(runtime, key, ("draft", "revisi", "verifikasi", "ujicoba"))
    found = overlaps(runtime, key, _from_sheet(row.sheet))
    round_ = current_round(runtime, key)
    given: dict[str, OverlapAnswer] = {}
    if round_ is not None:
        with runtime.db.read() as connection:
            given = records.answers(connection, round_.id)
    return [Finding(finding_id(item), item, given.get(finding_id(item))) for item in found]


def answer_finding(runtime: Runtime, key: str, by: str, finding: str, answer: str, reason: str = "") -> None:
    """Answer one overlap finding of an SOP under verifikasi (penyusun or verifikator).

    :raises AccessDeniedError: ``by`` is neither a penyusun nor a verifikator.
    :raises DataError: an unknown finding or answer, or ``diterima`` without a reason.
    :raises TaskError: the SOP is not under verifikasi.
    """
    person = account(runtime, by)
    if not person.has("penyusun", "verifikator"):
        require_role(person, "penyusun")
    row = require_status(runtime, key, ("verifikasi",))
    if not person.has("verifikator"):  # a Tim member answers for its own SKPD's SOPs only
        with runtime.db.read() as connection:
            check_draft_unit(connection, person, row.unit)
    if answer not in ANSWERS:
        raise refusal(DataError, "lifecycle_bad_answer", "jawaban", answers=", ".join(ANSWERS))
    reason = records.checked_text(reason, "alasan")
    if answer == "diterima" and not reason:
        raise refusal(DataError, "lifecycle_answer_reason", "alasan")
    known = {item.id: item.overlap for item in findings(runtime, key)}
    if finding not in known:
        raise refusal(DataError, "lifecycle_unknown_finding", "temuan", finding=finding, key=key)
    now = runtime.clock.now()
    with runtime.db.write() as connection:
        round_ = records.ensure_round(connection, key, by, now)
        records.store_answer(connection, round_.id, finding, answer, reason, by, now)
        records.record(connection, key, "answer", "verifikasi", by, now, round_id=round_.id,
                       reason=f"{known[finding].message} → {answer}" + (f": {reason}" if reason else ""))


def accept(runtime: Runtime, key: str, by: str, *, settings: LifecycleSettings | None = None) -> None:
    """The verifikator accepts the verifikasi; the penyusun may then start the ujicoba.

    :raises AccessDeniedError: ``by`` is not a verifikator, or wrote the draft (separation of duties).
    :raises TaskError: not under verifikasi, already accepted, or an overlap finding is unanswered.
    """
    verifier = account(runtime, by)
    require_role(verifier, "verifikator")
    require_status(runtime, key, ("verifikasi",))
    round_ = current_round(runtime, key)
    if round_ is not None and round_.verified_by is not None:
        raise refusal(TaskError, "lifecycle_already_verified", key=key, user=round_.verified_by)
    if round_ is not None:
        check_separation(settings or LifecycleSettings.from_env(), key, by, _authors(runtime, round_.id),
                         approving=False)
    open_findings = [item for item in findings(runtime, key) if item.answer is None]
    if open_findings:
        raise refusal(TaskError, "lifecycle_overlap_unanswered", key=key,
                      findings="; ".join(item.overlap.message for item in open_findings))
    _act(runtime, key, "accept", "verifikasi", by, verified=True)


def _notes(runtime: Runtime, key: str, notes: Mapping[str, str]) -> tuple[tuple[str, str], ...]:
    sop = _from_sheet(require_status(runtime, key, ("verifikasi", "ujicoba")).sheet)
    known = {step.id for step in sop.steps}
    kept = []
    for step_id, note in notes.items():
        text = records.checked_text(note, f"catatan_{step_id}")
        if not text:
            continue
        if step_id and step_id not in known:
            raise refusal(DataError, "lifecycle_unknown_step", f"catatan_{step_id}", step=step_id, key=key)
        kept.append((step_id, text))
    return tuple(kept)


def send_back(runtime: Runtime, key: str, by: str, reason: str, notes: Mapping[str, str] | None = None, *,
              stage: str = "verifikasi", settings: LifecycleSettings | None = None) -> str:
    """Return the SOP to its penyusun with a reason and notes per row (``step_id -> note``, "" = whole SOP).

    :param stage: ``verifikasi`` (the verifikator, while the SOP is under verifikasi) or
        ``pengesahan`` (the pengesah, once the verifikasi is accepted).
    :raises AccessDeniedError: not a verifikator / a pengesah holding the declared jabatan, or an
        author of the draft (separation of duties).
    :raises DataError: no reason, an unknown step, a text over the limit.
    :raises TaskError: the SOP is not at that stage.
    :return: the status after it (``draft`` or ``revisi``).
    """
    person = account(runtime, by)
    reason = records.checked_text(reason, "alasan")
    require_reason(reason)
    chosen = settings or LifecycleSettings.from_env()
    if stage == "pengesahan":
        row = require_status(runtime, key, ("verifikasi", "ujicoba"))
        check_approver(runtime, key, person, _from_sheet(row.sheet), chosen)
        action = "reject"
    else:
        require_role(person, "verifikator")
        require_status(runtime, key, ("verifikasi",))
        round_ = current_round(runtime, key)
        if round_ is not None:
            check_separation(chosen, key, by, _authors(runtime, round_.id), approving=False)
        action = "return"
    kept = _notes(runtime, key, notes or {})
    target = back_status(runtime, key)
    _act(runtime, key, action, target, by, reason=reason, notes=kept, verified=False)
    return target
