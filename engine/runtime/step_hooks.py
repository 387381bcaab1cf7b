"""Where the runtime finds the writer of a step's stage record (``catat``, :mod:`engine.sop.step_records`).

The records belong to :mod:`engine.lifecycle`, which builds on the runtime; so the runtime does not import
it. :mod:`engine.lifecycle.step_records` registers its writer when it is imported, and the ``engine``
package imports it, so any use of Alur has it. A step that declares a record while no writer is
registered is refused, never completed without its record.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Mapping
from typing import Any, Protocol

from sqlalchemy import Connection

from engine.errors import TaskError
from engine.sop.step_records import StepRecord


class RecordWriter(Protocol):
    """Store the record a step declares, in the caller's transaction; the refs of what was stored."""

    def __call__(self, connection: Connection, record: StepRecord, values: Mapping[str, Any], *, step_id: str,
                 step_name: str, unit: str, by: str, now: dt.datetime, instance_id: int,
                 registration: str, decision: str = "") -> list[str]: ...


_writers: list[RecordWriter] = []


def register_record_writer(writer: RecordWriter) -> None:
    """Make ``writer`` the one completions call (a second registration replaces the first)."""
    _writers[:] = [writer]


def record_writer(step: str) -> RecordWriter:
    """The registered writer.

    :raises TaskError: none is registered (the step cannot be completed without its record).
    """
    if not _writers:
        raise TaskError.from_code("rec_no_writer", step, step=step)
    return _writers[0]
