"""Evaluation (the regulation's stage 9): the seven Ya/Tidak questions, an outcome, and a revision.

:func:`save_evaluation` stores an :class:`~engine.monitoring.workbook.EvaluationForm` for one version of an SOP.
Its outcome is ``tetap`` (keep), ``revisi`` (revise) or ``ganti`` (replace). A ``revisi`` opens a
**revision request** (:mod:`engine.lifecycle.requests`) for the penyusun of the SOP's owner unit,
with the evaluation's notes as its reason, and moves an approved SOP's status to ``revisi``
(:func:`engine.lifecycle.revision.revise_on_evaluation`: its working draft is the version evaluated).
No version is published, and an SOP already under revision keeps its draft or running ujicoba
and status: the request waits for its penyusun. (Evaluations saved before 0004l
may link the draft version their "revisi" published then: ``draft_version``.)
"""

from __future__ import annotations

import datetime as dt
import json
from dataclasses import asdict, dataclass, replace
from typing import TYPE_CHECKING, Any

from sqlalchemy import insert, select

from engine.bpmn.reader import read_bpmn
from engine.errors import DataError, NotFoundError
from engine.lifecycle.requests import open_request
from engine.lifecycle.roles import today_in
from engine.runtime.versions import definition_id
from engine.monitoring.workbook import EVALUATION_QUESTIONS, OUTCOMES, EvaluationAnswer, EvaluationForm
from engine.store.models import evaluations, revision_requests, versions

if TYPE_CHECKING:
    from engine.runtime.facade import Runtime


@dataclass(frozen=True)
class SavedEvaluation:
    """A stored evaluation of one SOP version."""

    id: int
    key: str
    #: The version evaluated.
    version: int
    form: EvaluationForm
    #: The draft version a "revisi" published before 0004l; ``None`` otherwise.
    draft_version: int | None
    saved_by: str
    saved_at: dt.datetime
    #: The revision request a "revisi" opened; ``None`` otherwise.
    request_id: int | None = None


def _to_json(form: EvaluationForm) -> str:
    data = asdict(form)
    data["date"] = form.date.isoformat()
    return json.dumps(data, ensure_ascii=False, sort_keys=True)


def _from_json(text: str) -> EvaluationForm:
    data: dict[str, Any] = json.loads(text)
    answers = [EvaluationAnswer(**answer) for answer in data.pop("answers")]
    return EvaluationForm(**{**data, "date": dt.date.fromisoformat(data["date"]), "answers": answers})


def _check(form: EvaluationForm) -> None:
    if form.outcome not in OUTCOMES:
        raise DataError.from_code("evaluation_bad_outcome", "outcome", outcomes=", ".join(OUTCOMES))
    if len(form.answers) != len(EVALUATION_QUESTIONS):
        raise DataError.from_code("evaluation_answer_count", "answers", count=len(EVALUATION_QUESTIONS))
    unanswered = [str(index + 1) for index, answer in enumerate(form.answers) if answer.answer is None]
    if unanswered:
        raise DataError.from_code("evaluation_unanswered", "answers", questions=", ".join(unanswered))
    if any(len(answer.notes) > 4000 for answer in form.answers) or len(form.notes) > 4000:
        raise DataError.from_code("evaluation_notes_too_long", "notes", limit=4000)


def _reason(form: EvaluationForm) -> str:
    """Why the SOP must be revised: the evaluation's notes, else the notes of its answers."""
    if form.notes.strip():
        return form.notes.strip()
    parts = [f"{index + 1}. {answer.notes.strip()}" for index, answer in enumerate(form.answers)
             if answer.notes.strip()]
    return "; ".join(parts)


def save_evaluation(runtime: Runtime, key: str, form: EvaluationForm, by: str, *,
                    version: int | None = None) -> SavedEvaluation:
    """Store an evaluation of ``key`` (the newest approved version by default).

    The form's SOP name, number and unit are taken from the stored version evaluated (whatever the
    caller put there). With the outcome ``revisi`` a revision request for the owner unit's penyusun is opened in the
    same transaction (its reason: the evaluation's notes).

    :raises DataError: an unknown outcome, an unanswered question, or a ``revisi`` without notes.
    :raises NotFoundError: no such SOP or version.
    """
    _check(form)
    reason = _reason(form)
    if form.outcome == "revisi" and not reason:
        from engine.lifecycle.roles import refusal

        raise refusal(DataError, "lifecycle_revisi_reason", "notes")
    now = runtime.clock.now()
    with runtime.db.read() as connection:
        found_id = definition_id(connection, key)
        query = select(versions.c.id, versions.c.number, versions.c.bpmn).where(versions.c.definition_id == found_id)
        query = (query.where(versions.c.number == version) if version is not None
                 else query.where(versions.c.draft.is_(False)).order_by(versions.c.number.desc()))
        row = connection.execute(query.limit(1)).first()
    if row is None:
        raise (NotFoundError.from_code("runtime_no_such_version", sop=key, number=version) if version is not None
               else NotFoundError.from_code("evaluation_nothing_approved", sop=key))
    approved = read_bpmn(bytes(row.bpmn)).sop
    identity = approved.identity
    form = replace(form, sop_name=identity.nama or key, sop_number=identity.nomor, unit=identity.unit)
    unit = identity.unit
    with runtime.db.write() as connection:
        evaluation_id = connection.execute(insert(evaluations).returning(evaluations.c.id), {
            "definition_id": found_id, "version_id": row.id, "form": _to_json(form), "outcome": form.outcome,
            "draft_version_id": None, "saved_by": by, "saved_at": now}).scalar_one()
        request_id = (open_request(connection, key, unit, reason, by, now, evaluation_id)
                      if form.outcome == "revisi" else None)
        if form.outcome == "revisi":
            from engine.lifecycle.revision import revise_on_evaluation

            revise_on_evaluation(connection, key, approved, by, now, reason,
                                 today_in(runtime.calendar.tz, now))
    return SavedEvaluation(evaluation_id, key, row.number, form, None, by, now, request_id)


def evaluations_of(runtime: Runtime, key: str) -> list[SavedEvaluation]:
    """Every evaluation of ``key``, newest first."""
    drafts = versions.alias("drafts")
    with runtime.db.read() as connection:
        found_id = definition_id(connection, key)
        rows = connection.execute(
            select(evaluations, versions.c.number, drafts.c.number.label("draft_number"),
                   revision_requests.c.id.label("request_id"))
            .join(versions, versions.c.id == evaluations.c.version_id)
            .outerjoin(drafts, drafts.c.id == evaluations.c.draft_version_id)
            .outerjoin(revision_requests, revision_requests.c.evaluation_id == evaluations.c.id)
            .where(evaluations.c.definition_id == found_id).order_by(evaluations.c.id.desc())).all()
    return [SavedEvaluation(row.id, key, row.number, _from_json(row.form), row.draft_number, row.saved_by,
                            row.saved_at, row.request_id) for row in rows]
