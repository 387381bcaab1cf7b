"""The official SOP table in office files: read .xlsx/.docx (cells and drawn flowcharts), write them back.

:func:`read_office` gives every SOP in a file as a draft with the problems found (by row and column);
:func:`load_office` picks one; :func:`dump_office` writes the official layout with the flowchart drawn.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import PurePath

from engine.errors import InputError, Problem
from engine.formats.office.fields import find_section
from engine.formats.office.grid import Grid
from engine.formats.office.package import OFFICE_SUFFIXES, REFUSED_SUFFIXES, Package, open_package
from engine.formats.office.table import find_header, read_grid
from engine.sop.model import Sop

__all__ = ["OFFICE_SUFFIXES", "REFUSED_SUFFIXES", "OfficeSop", "dump_office", "load_office", "read_office"]


@dataclass
class OfficeSop:
    """One SOP read from an office file: the sheet (or document) it came from, the draft, its problems."""

    name: str
    sop: Sop
    problems: list[Problem] = field(default_factory=list)


def _grids(data: bytes, label: str) -> list[Grid]:
    package = open_package(data, label)
    try:
        return _read_grids(package, label)
    except (ValueError, TypeError, KeyError, IndexError, OverflowError) as exc:
        # Attribute values that are no numbers, references to parts that are not there.
        raise InputError.from_code("office_corrupt", label=label, detail=f"{type(exc).__name__}: {exc}"[:120]) from exc


def _read_grids(package: Package, label: str) -> list[Grid]:
    suffix = PurePath(label).suffix.lower()
    if suffix == ".docx" or (suffix not in (".xlsx",) and package.has("word/document.xml")):
        from engine.formats.office.docx_read import read_document

        return [read_document(package)]
    if not package.has("xl/workbook.xml"):
        raise InputError.from_code("office_missing_part", label=label, part="xl/workbook.xml")
    from engine.formats.office.xlsx_read import read_workbook

    return read_workbook(package)


def read_office(data: bytes, label: str) -> list[OfficeSop]:
    """Every SOP of an .xlsx (one per sheet holding a flowchart table) or .docx file.

    A sheet holding only the identity block belongs to the next flowchart sheet (or the previous one
    when it comes last); a sheet holding case fields (ISIAN) to the flowchart sheet before it (or the
    first one when it comes first).

    :raises InputError: refused files (:func:`~engine.formats.office.package.open_package`) and files
        with no flowchart table.
    """
    grids = _grids(data, label)
    tables = [index for index, grid in enumerate(grids) if find_header(grid) is not None]
    if not tables:
        raise InputError.from_code("office_no_table", label=label)
    identity_of: dict[int, list[Grid]] = {index: [] for index in tables}
    fields_of: dict[int, list[Grid]] = {index: [] for index in tables}
    for index, grid in enumerate(grids):
        if index in identity_of:
            continue
        # A sheet before its table holds its identity; the ISIAN sheet follows the table it belongs to.
        if find_section(grid) is not None:
            owner = next((t for t in reversed(tables) if t < index), tables[0])
            fields_of[owner].append(grid)
            continue
        owner = next((t for t in tables if t > index), tables[-1])
        identity_of[owner].append(grid)
    result = []
    for index in tables:
        sop, problems = read_grid(grids[index], identity_of[index], fields_of[index])
        result.append(OfficeSop(grids[index].name, sop, problems))
    return result


def load_office(data: bytes, label: str, process: str = "") -> OfficeSop:
    """The one SOP of the file, or the one named ``process`` (sheet name, Nama SOP or Nomor SOP).

    :raises InputError: several SOPs and no ``process``, or no SOP of that name.
    """
    found = read_office(data, label)
    names = ", ".join(item.name for item in found)
    if process:
        wanted = process.strip().lower()
        for item in found:
            if wanted in (item.name.lower(), item.sop.identity.nama.lower(), item.sop.identity.nomor.lower()):
                return item
        raise InputError.from_code("office_unknown_process", label=label, process=process, names=names)
    if len(found) > 1:
        raise InputError.from_code("office_several", label=label, count=len(found), names=names)
    return found[0]


def dump_office(sops: Sop | list[Sop], name: str) -> bytes:
    """The official layout of one SOP (or several, one per sheet in a workbook) as .xlsx or .docx bytes."""
    items = sops if isinstance(sops, list) else [sops]
    for item in items:  # the office table has no column for them: refused, not lost (engine.sop.structure)
        structured = [step.id for step in item.steps if not step.structure.plain]
        if structured:
            raise InputError.from_code("st_office_structured", label=name, steps=", ".join(structured))
    if PurePath(name).suffix.lower() == ".docx":
        from engine.formats.office.docx_write import write_docx

        return write_docx(items[0])
    from engine.formats.office.xlsx_write import write_xlsx

    return write_xlsx(items)
