"""The drawing view on the working draft: its BPMN with the kept layout, and a save from the drawing.

A save from the drawing reads the modeler's BPMN with the same reader as an import (every construct
Alur cannot run is refused by element name), checks it like a save from the table, and keeps the
draft and the drawing's positions in one transaction. A save from the table keeps the positions
(:func:`engine.lifecycle.transitions.save_draft` without a layout), so the drawing keeps its layout.
"""

from __future__ import annotations

from sqlalchemy import select

from engine.bpmn.drawing import drawing_layout, with_layout
from engine.bpmn.reader import read_bpmn
from engine.bpmn.writer import write_bpmn
from engine.errors import Problem
from engine.lifecycle.transitions import save_draft
from engine.runtime.facade import Runtime
from engine.sop.model import Sop
from engine.sop.validate import ensure_valid
from engine.store.models import sop_lifecycle


def draft_layout(runtime: Runtime, key: str) -> str:
    """The drawing layout kept with the working draft of ``key`` (empty: none, or no such draft)."""
    if not key:
        return ""
    with runtime.db.read() as connection:
        found = connection.execute(select(sop_lifecycle.c.layout).where(sop_lifecycle.c.key == key)).scalar()
    return str(found or "")


def drawing_bpmn(runtime: Runtime, key: str, sop: Sop) -> bytes:
    """The BPMN the drawing view opens for ``sop``: generated, with the positions kept for ``key``."""
    return with_layout(write_bpmn(sop), draft_layout(runtime, key))


def sop_from_drawing(data: bytes) -> tuple[Sop, list[Problem]]:
    """The SOP a drawing describes, with the reader's notices and the warnings of the check.

    :raises InputError: unreadable or hostile XML, or not BPMN.
    :raises ProcessDefinitionError: a construct Alur cannot run, or an invalid SOP (each problem names its element).
    """
    imported = read_bpmn(data, "gambar.bpmn")
    return imported.sop, imported.notices + ensure_valid(imported.sop, "gambar.bpmn")


def save_drawing(runtime: Runtime, key: str, data: bytes, by: str) -> tuple[Sop, str, list[Problem]]:
    """Keep the drawing ``data`` as the working draft of ``key``, with its positions.

    :raises InputError: unreadable or hostile XML, or not BPMN.
    :raises ProcessDefinitionError: the drawing is not a valid SOP (nothing is saved).
    :raises AccessDeniedError: ``by`` is not a penyusun.
    :raises TaskError: the SOP is approved; start a revisi first.
    :return: the SOP, the status after saving and the notices.
    """
    sop, notices = sop_from_drawing(data)
    new_status = save_draft(runtime, key, sop, by, layout=drawing_layout(data))
    return sop, new_status, notices
