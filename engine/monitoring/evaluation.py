"""Evaluation (the regulation's stage 9): the seven Ya/Tidak questions, an outcome, and a revision.

:func:`save_evaluation` stores an :class:`~engine.monitoring.workbook.EvaluationForm` for one version of an SOP.
Its outcome is ``tetap`` (keep), ``revisi`` (revise) or ``ganti`` (replace). A ``revisi`` opens the
revision at once: the evaluated version is published again as a new **draft** version (which runs
only as ujicoba until approved), and the evaluation records which version that is, so the modeler
edits that draft and the audit can follow evaluation -> draft -> approval. When the newest version
already is an unchanged draft copy of the evaluated one, that draft is linked instead of a duplicate.
"""

from __future__ import annotations

import datetime as dt
import json
from dataclasses import asdict, dataclass
from typing import TYPE_CHECKING, Any

from sqlalchemy import insert, select

from engine.bpmn.reader import read_bpmn
from engine.runtime.versions import definition_id, prepare_version, store_version
from engine.errors import DataError, NotFoundError
from engine.monitoring.workbook import EVALUATION_QUESTIONS, OUTCOMES, EvaluationAnswer, EvaluationForm
from engine.store.models import evaluations, versions

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
    #: The draft version a "revisi" opened; ``None`` otherwise.
    draft_version: int | None
    saved_by: str
    saved_at: dt.datetime


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
        raise DataError(f"Hasil evaluasi harus salah satu dari: {', '.join(OUTCOMES)}.", "outcome")
    if len(form.answers) != len(EVALUATION_QUESTIONS):
        raise DataError(f"Evaluasi harus menjawab {len(EVALUATION_QUESTIONS)} pertanyaan.", "answers")
    unanswered = [str(index + 1) for index, answer in enumerate(form.answers) if answer.answer is None]
    if unanswered:
        raise DataError(f"Pertanyaan {', '.join(unanswered)} belum dijawab Ya atau Tidak.", "answers")
    if any(len(answer.notes) > 4000 for answer in form.answers) or len(form.notes) > 4000:
        raise DataError("Catatan terlalu panjang (batas 4000 karakter).", "notes")


def save_evaluation(runtime: Runtime, key: str, form: EvaluationForm, by: str, *,
                    version: int | None = None) -> SavedEvaluation:
    """Store an evaluation of ``key`` (the newest approved version by default).

    With the outcome ``revisi`` the evaluated version is published as a new draft version, linked
    to the evaluation, in the same transaction.

    :raises DataError: an unknown outcome or an unanswered question.
    :raises NotFoundError: no such SOP or version.
    """
    _check(form)
    now = runtime.clock.now()
    with runtime.db.read() as connection:
        found_id = definition_id(connection, key)
        query = select(versions.c.id, versions.c.number, versions.c.bpmn, versions.c.escalation).where(
            versions.c.definition_id == found_id)
        query = (query.where(versions.c.number == version) if version is not None
                 else query.where(versions.c.draft.is_(False)).order_by(versions.c.number.desc()))
        row = connection.execute(query.limit(1)).first()
    if row is None:
        raise NotFoundError(f"SOP '{key}' tidak memiliki versi {version}." if version is not None
                            else f"SOP '{key}' belum memiliki versi yang disahkan untuk dievaluasi.")
    prepared = prepare_version(read_bpmn(bytes(row.bpmn)).sop, key, row.escalation) if form.outcome == "revisi" \
        else None
    with runtime.db.write() as connection:
        draft = store_version(connection, prepared, True, by, now) if prepared is not None else None
        evaluation_id = connection.execute(insert(evaluations).returning(evaluations.c.id), {
            "definition_id": found_id, "version_id": row.id, "form": _to_json(form), "outcome": form.outcome,
            "draft_version_id": draft.id if draft else None, "saved_by": by, "saved_at": now}).scalar_one()
    return SavedEvaluation(evaluation_id, key, row.number, form, draft.number if draft else None, by, now)


def evaluations_of(runtime: Runtime, key: str) -> list[SavedEvaluation]:
    """Every evaluation of ``key``, newest first."""
    drafts = versions.alias("drafts")
    with runtime.db.read() as connection:
        found_id = definition_id(connection, key)
        rows = connection.execute(
            select(evaluations, versions.c.number, drafts.c.number.label("draft_number"))
            .join(versions, versions.c.id == evaluations.c.version_id)
            .outerjoin(drafts, drafts.c.id == evaluations.c.draft_version_id)
            .where(evaluations.c.definition_id == found_id).order_by(evaluations.c.id.desc())).all()
    return [SavedEvaluation(row.id, key, row.number, _from_json(row.form), row.draft_number, row.saved_by,
                            row.saved_at) for row in rows]
