"""Organisation jabatan codes for the pelaksana columns of working drafts (``alur org tautkan``).

A column without a code (``Sop.actor_jabatan``) gets the code of the one organisation jabatan its
name means (:func:`engine.access.linking.jabatan_codes_named`); a name that means several jabatan,
or none, is reported and left alone (choose in the editor). Only drafts the penyusun may still edit
(``draft``, ``revisi``) are changed: a version under verifikasi, ujicoba or approved stays as read.
The editor offers :func:`jabatan_code_choices` and shows :func:`column_warnings`.
"""

from __future__ import annotations

from dataclasses import dataclass, field, replace

from sqlalchemy import Connection, select, update

from engine.access.linking import column_jabatan_problems, jabatan_codes_named
from engine.errors import Problem
from engine.lifecycle.transitions import _from_sheet, _sheet
from engine.runtime.facade import Runtime
from engine.sop.model import Sop
from engine.store.models import org_jabatan, sop_lifecycle

#: Register statuses whose draft ``alur org tautkan`` writes codes into.
EDITABLE = ("draft", "revisi")


@dataclass(frozen=True)
class ColumnMiss:
    """A column of a draft that got no code: ``codes`` lists the candidates (empty: none)."""

    key: str
    actor: str
    codes: tuple[str, ...] = ()


@dataclass
class ColumnLinkReport:
    """What :func:`link_draft_columns` wrote, and which columns it could not decide."""

    drafts: int = 0
    columns: int = 0
    missed: list[ColumnMiss] = field(default_factory=list)


def link_draft_columns(connection: Connection) -> ColumnLinkReport:
    """Write the unambiguous organisation jabatan code of every column without one into the editable
    drafts (in the caller's transaction); report the ambiguous and unmatched columns."""
    report = ColumnLinkReport()
    rows = connection.execute(select(sop_lifecycle.c.id, sop_lifecycle.c.key, sop_lifecycle.c.sheet)
                              .where(sop_lifecycle.c.status.in_(EDITABLE)).order_by(sop_lifecycle.c.key)).all()
    for row in rows:
        sop = _from_sheet(row.sheet)
        codes = dict(sop.actor_jabatan)
        written = 0
        for actor in sop.actors:
            if codes.get(actor, "").strip():
                continue
            found = jabatan_codes_named(connection, actor)
            if len(found) == 1:
                codes[actor] = found[0]
                written += 1
            else:
                report.missed.append(ColumnMiss(row.key, actor, tuple(found)))
        if written:
            connection.execute(update(sop_lifecycle).where(sop_lifecycle.c.id == row.id)
                               .values(sheet=_sheet(replace(sop, actor_jabatan=codes))))
            report.drafts += 1
            report.columns += written
    return report


def column_warnings(runtime: Runtime, sop: Sop) -> list[Problem]:
    """The editor's warnings for ``sop``'s column codes that name no jabatan of the organisation."""
    with runtime.db.read() as connection:
        return column_jabatan_problems(connection, sop)


def jabatan_code_choices(runtime: Runtime) -> list[tuple[str, str]]:
    """``(code, name)`` of every organisation jabatan code, once each, by code (the editor's choices)."""
    with runtime.db.read() as connection:
        found: dict[str, str] = {}
        for row in connection.execute(select(org_jabatan.c.code, org_jabatan.c.name).order_by(org_jabatan.c.code,
                                                                                              org_jabatan.c.id)):
            found.setdefault(str(row.code), str(row.name or row.code))
    return sorted(found.items())
