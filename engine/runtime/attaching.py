"""The steps of attaching a document, shared by :func:`engine.runtime.attachments.attach` (a work item)
and :func:`engine.runtime.completion.start` (the start step, which has no work item yet).

First everything is checked without writing (:func:`check_attachment`): a requirement of the step
marked as a document, or the step's output when it is a document; then the content (PDF, JPEG or
PNG by content, within the size limit). Only then, inside the instance session,
:func:`write_attachment` stores the file under its hash, inserts the ``case_documents`` row and
appends an ``attached`` event whose envelope carries the hash. :func:`files_written` removes the
files an attempt wrote when its transaction rolls back, so a refusal leaves no file behind.
"""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from datetime import datetime
from typing import Any

from sqlalchemy import exists, insert, select

from engine.errors import DataError
from engine.runtime.audit import Envelope
from engine.runtime.context import RuntimeContext
from engine.runtime.documents import CaseDocument, DocumentRef, DocumentStore
from engine.runtime.kelengkapan import OUTPUT_DOCUMENT
from engine.runtime.session import InstanceRun
from engine.runtime.work import StepInfo
from engine.store.models import case_documents


@dataclass(frozen=True)
class Attachment:
    """A document handed in with a start form: for a kelengkapan item, or (``output``) the step's output."""

    requirement: str
    data: bytes
    name: str
    output: bool = False


@dataclass(frozen=True)
class CheckedAttachment:
    """An attachment whose requirement and content were checked, not yet written."""

    #: The requirement text ("" for the output).
    requirement: str
    output: bool
    ref: DocumentRef
    data: bytes

    def as_document(self, instance_id: int, item_id: int | None, step_id: str, username: str,
                    now: datetime) -> CaseDocument:
        """The document it will be once written (for checking a form's ``berkas`` states against it)."""
        return CaseDocument(0, instance_id, item_id, step_id, self.requirement, self.output, self.ref.sha256,
                            self.ref.name, self.ref.media_type, self.ref.size, username, now)


def requirement_of(step: StepInfo, requirement: Any, output: bool) -> str:
    """The requirement text a document stands for ("" for the output).

    :raises DataError: (field ``requirement`` or ``output``) not a requirement of the step, not a
        document, or an output that is not a document.
    """
    if output:
        if not step.output_document:
            raise DataError.from_code("runtime_attach_no_output_document", "output", step=step.kegiatan)
        return ""
    found = next((item for item in step.requirements if item.text == requirement), None)
    if found is None:
        raise DataError.from_code("runtime_attach_unknown_requirement", "requirement",
                                  requirement=str(requirement)[:200], step=step.kegiatan,
                                  listed=", ".join(item.text for item in step.requirements) or "-")
    if not found.document:
        raise DataError.from_code("runtime_attach_not_document", "requirement", requirement=found.text)
    return found.text


def check_attachment(store: DocumentStore, step: StepInfo, requirement: Any, data: Any, name: Any,
                     output: bool) -> CheckedAttachment:
    """Check an attachment for ``step`` without writing anything.

    :raises DataError: see :func:`requirement_of`; a name that is not text (field ``name``); content
        refused by :meth:`DocumentStore.check` (field ``berkas``).
    """
    text = requirement_of(step, requirement, output)
    if not isinstance(name, str):
        raise DataError.from_code("runtime_attach_bad_name", "name")
    return CheckedAttachment(text, output, store.check(data, name), bytes(data))


def write_attachment(run: InstanceRun, store: DocumentStore, step_id: str, item_id: int | None,
                     checked: CheckedAttachment, username: str, written: list[str]) -> None:
    """Store the file, insert its row and append the ``attached`` event (inside the instance session).

    :param written: collects the hashes of files this call created (see :func:`files_written`).
    """
    ref = checked.ref
    if not store.path_of(ref.sha256).exists():
        written.append(ref.sha256)
    store.store_document(checked.data, ref.name)
    run.connection.execute(insert(case_documents), {
        "instance_id": run.instance_id, "item_id": item_id, "step_id": step_id, "requirement": checked.requirement,
        "output": checked.output, "sha256": ref.sha256, "name": ref.name, "media_type": ref.media_type,
        "size": ref.size, "attached_by": username, "attached_at": run.now})
    recorded: dict[str, Any] = {"berkas": ref.sha256, "jenis": ref.media_type, "ukuran": ref.size}
    recorded.update({"output": True} if checked.output else {"kelengkapan": checked.requirement})
    run.append("attached", username, step_id, item_id, recorded,
               Envelope(documents=((OUTPUT_DOCUMENT if checked.output else checked.requirement, ref.sha256),)))


@contextmanager
def files_written(context: RuntimeContext) -> Iterator[list[str]]:
    """Collect the files an attempt writes; when it fails, remove those no stored row names."""
    written: list[str] = []
    try:
        yield written
    except BaseException:
        if written:
            with context.db.read() as connection:
                for sha256 in written:
                    if not connection.execute(select(exists().where(case_documents.c.sha256 == sha256))).scalar():
                        context.files.path_of(sha256).unlink(missing_ok=True)
        raise


__all__ = ["Attachment", "CheckedAttachment", "check_attachment", "files_written", "requirement_of",
           "write_attachment"]
