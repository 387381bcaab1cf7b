"""Reading the ``case_documents`` rows: the documents attached to a work item or to a whole instance."""

from __future__ import annotations

from typing import Any

from sqlalchemy import Connection, select

from engine.runtime.documents import CaseDocument
from engine.store.models import case_documents


def case_document(row: Any) -> CaseDocument:
    """A ``case_documents`` row as the runtime hands it out."""
    return CaseDocument(row.id, row.instance_id, row.item_id, row.step_id, row.requirement, bool(row.output),
                        row.sha256, row.name, row.media_type, row.size, row.attached_by, row.attached_at)


def item_documents(connection: Connection, item_id: int) -> tuple[CaseDocument, ...]:
    """The documents attached to one work item, in the order they were attached."""
    rows = connection.execute(select(case_documents).where(case_documents.c.item_id == item_id)
                              .order_by(case_documents.c.id)).all()
    return tuple(case_document(row) for row in rows)


def instance_documents(connection: Connection, instance_id: int) -> list[CaseDocument]:
    """The documents attached to the work items of an instance, in the order they were attached."""
    rows = connection.execute(select(case_documents).where(case_documents.c.instance_id == instance_id)
                              .order_by(case_documents.c.id)).all()
    return [case_document(row) for row in rows]


def document_of_instance(connection: Connection, instance_id: int, sha256: str) -> CaseDocument | None:
    """The first row attaching the document with this hash to the instance, if any."""
    row = connection.execute(select(case_documents).where(
        case_documents.c.instance_id == instance_id, case_documents.c.sha256 == sha256)
        .order_by(case_documents.c.id).limit(1)).first()
    return None if row is None else case_document(row)
