"""Attaching documents to a work item and reading them back, each in one transaction.

:func:`attach` stores a kelengkapan scan or the step's output document for an open work item: the
same checks as completing it (the holder of the jabatan in the item's unit, or the clerk who
claimed it; an open item of a running instance), a requirement of the step marked as a document
(or the step's output, when it is a document), then the file by content (:mod:`engine.runtime.documents`).
One ``case_documents`` row and one ``attached`` event (its envelope carries the hash) are written
under the instance lock. A refusal writes nothing: no row, no event, no file.

:func:`open_case_document` returns a document of an instance with its content checked against the
hash, and writes an ``access_log`` row (action ``unduh``) in the same transaction; the access
check itself is :func:`engine.access.policy.document_for`'s.
"""

from __future__ import annotations

from typing import Any

from sqlalchemy import insert

from engine.errors import AccessDeniedError, NotFoundError, TaskError
from engine.runtime.attaching import check_attachment, files_written, write_attachment
from engine.runtime.completion import check_open, lock_item
from engine.runtime.context import RuntimeContext
from engine.runtime.documents import SHORT_HASH, CaseDocument, DocumentRef
from engine.store import hot
from engine.store.case_documents import document_of_instance, item_documents
from engine.store.models import access_log

#: The ``access_log`` action of a document download.
DOWNLOAD = "unduh"


def _check_may_work(item: hot.ItemRow, username: str) -> None:
    """The same rule as completing the item: its claimant, or a holder of its jabatan while unclaimed.

    :raises AccessDeniedError: someone else claimed it, or ``username`` does not hold the jabatan there.
    """
    if item.claimed_by and item.claimed_by != username:
        raise AccessDeniedError.from_code("runtime_item_claimed_now", item=item.id, user=item.claimed_by)
    if item.claimed_by != username and not item.held:
        raise AccessDeniedError.from_code("runtime_not_holder", user=username, jabatan=item.jabatan, unit=item.unit)


def attach(context: RuntimeContext, item_id: int, username: str, requirement: str, data: bytes, name: str,
           output: bool) -> DocumentRef:
    """Attach a document to an open work item (see :meth:`engine.runtime.facade.Runtime.attach`)."""
    store = context.files
    with files_written(context) as written, context.session() as session:
        run, item = lock_item(session, item_id, username)
        check_open(item, context.calendar)
        _check_may_work(item, username)
        if run.status != "running":
            raise TaskError.from_code("runtime_instance_status", item.step_id, instance=run.instance_id,
                                      status=run.status)
        checked = check_attachment(store, run.version.steps[item.step_id], requirement, data, name, output)
        for doc in item_documents(session.connection, item_id):
            if (doc.sha256, doc.requirement, doc.output) == (checked.ref.sha256, checked.requirement, output):
                # the same document for the same item and requirement: attached once
                return DocumentRef(doc.sha256, doc.size, doc.media_type, doc.name)
        write_attachment(run, store, item.step_id, item_id, checked, username, written)
    return checked.ref


def open_case_document(context: RuntimeContext, instance_id: int, sha256: Any,
                       account: str) -> tuple[CaseDocument, bytes]:
    """A document of an instance with its content, logged as downloaded by ``account``.

    :raises NotFoundError: no such document attached to the instance (or the file is gone).
    :raises StoreError: the file no longer matches its hash.
    """
    wanted = sha256.strip().lower() if isinstance(sha256, str) else ""
    with context.db.write() as connection:
        document = document_of_instance(connection, instance_id, wanted)
        if document is None:
            raise NotFoundError.from_code("runtime_document_not_in_case", sha256=wanted[:SHORT_HASH] or "?",
                                          instance=instance_id)
        content = context.files.open_document(document.sha256)
        connection.execute(insert(access_log), {"at": context.clock.now(), "account": account, "action": DOWNLOAD,
                                                "instance_id": instance_id, "detail": document.sha256})
    return document, content


__all__ = ["DOWNLOAD", "attach", "open_case_document"]
