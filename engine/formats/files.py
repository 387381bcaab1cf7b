"""Read and write SOP files by their format: BPMN (``.bpmn``, ``.xml``), SOP sheet (``.yaml``, ``.yml``) or the
official table in office files (``.xlsx``, ``.docx``; see :mod:`engine.formats.office`)."""

from __future__ import annotations

import os
import tempfile
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from pathlib import Path
from typing import BinaryIO

from engine.bpmn.reader import read_bpmn
from engine.bpmn.spiff.spec import parse_spec
from engine.bpmn.writer import write_bpmn
from engine.errors import InputError, Problem
from engine.formats.office import OFFICE_SUFFIXES, REFUSED_SUFFIXES, load_office
from engine.formats.sheet import dump_sheet, load_sheet
from engine.sop.model import Sop
from engine.sop.validate import validate
from engine.formats.xmlsafe import MAX_XML_BYTES

BPMN_SUFFIXES = (".bpmn", ".xml", ".bpmn20.xml")
SHEET_SUFFIXES = (".yaml", ".yml")


@dataclass
class Loaded:
    """An SOP read from a file, with what the import converted (warnings)."""

    sop: Sop
    notices: list[Problem] = field(default_factory=list)


def is_office(name: str) -> bool:
    """Whether ``name`` is an office file (read by :mod:`engine.formats.office`, or refused there with a
    message: macros, legacy .xls/.doc, PDF). Office files are read here and written by ``alur render``."""
    return name.lower().endswith(OFFICE_SUFFIXES + REFUSED_SUFFIXES)


def file_format(name: str) -> str:
    """``"bpmn"`` or ``"sheet"`` from a file name: the formats Alur converts between.

    :raises InputError: for any other extension.
    """
    lowered = name.lower()
    if lowered.endswith(BPMN_SUFFIXES):
        return "bpmn"
    if lowered.endswith(SHEET_SUFFIXES):
        return "sheet"
    raise InputError.from_code("file_unknown_type", label=name)


def read_bytes(path: str | os.PathLike[str]) -> bytes:
    """Read a file, refusing one larger than any SOP could be before loading it into memory.

    :raises InputError: when missing, unreadable or too large.
    """
    path = Path(path)
    try:
        size = path.stat().st_size
        if size > MAX_XML_BYTES:
            raise InputError.from_code("file_too_large", label=path, size=f"{size:,}", limit=f"{MAX_XML_BYTES:,}")
        return path.read_bytes()
    except OSError as exc:
        raise InputError.from_code("file_unreadable", label=path, reason=exc.strerror or exc) from exc


def load_bytes(data: bytes, name: str, process: str = "") -> Loaded:
    """Read an SOP from ``data``, choosing the format from ``name``.

    :param process: for BPMN holding several processes, the id or name of the one to read; for a
        workbook holding several SOPs, the sheet name (or Nama/Nomor SOP) of the one to read.

    :raises InputError: unreadable or hostile input.
    :raises ProcessDefinitionError: constructs Alur cannot read or execute.
    """
    if is_office(name):
        found = load_office(data, name, process)
        return Loaded(found.sop, found.problems)
    if file_format(name) == "bpmn":
        result = read_bpmn(data, name, process)
        return Loaded(result.sop, result.notices)
    try:
        text = data.decode("utf-8")
    except UnicodeDecodeError as exc:
        raise InputError.from_code("sheet_not_utf8", label=name) from exc
    return Loaded(load_sheet(text, name))


def load_file(path: str | os.PathLike[str], process: str = "") -> Loaded:
    """Read an SOP file (BPMN or sheet); ``process`` picks one process of a multi-process BPMN."""
    return load_bytes(read_bytes(path), str(path), process)


def dump(sop: Sop, name: str) -> bytes:
    """Serialise ``sop`` in the format ``name`` asks for (BPMN or sheet; office files: ``dump_office``)."""
    if file_format(name) == "bpmn":
        return write_bpmn(sop)
    return dump_sheet(sop).encode("utf-8")


def check_sop(sop: Sop) -> list[Problem]:
    """Every problem of ``sop``, including whether SpiffWorkflow can parse its BPMN export.

    The export is only parsed when the model itself has no errors.
    """
    problems = validate(sop)
    if not any(p.severity == "error" for p in problems):
        problems += parse_spec(write_bpmn(sop)).problems
    return problems


@contextmanager
def atomic_output(path: str | os.PathLike[str]) -> Iterator[BinaryIO]:
    """A binary stream whose content replaces ``path`` only when the block ends without error.

    It is written beside the target and renamed, so a crash never leaves half a file.
    """
    path = Path(path)
    path.parent.mkdir(parents=True, exist_ok=True)
    handle, temporary = tempfile.mkstemp(prefix=f".{path.name}.", dir=path.parent)
    try:
        with os.fdopen(handle, "wb") as stream:
            yield stream
        os.replace(temporary, path)
    except BaseException:
        Path(temporary).unlink(missing_ok=True)
        raise


def write_atomically(path: str | os.PathLike[str], data: bytes) -> None:
    """Write ``data`` to ``path`` all at once or not at all."""
    with atomic_output(path) as stream:
        stream.write(data)
