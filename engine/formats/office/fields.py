"""The case fields (ISIAN) and document marks of an SOP in office files.

Case fields are a table with one row per field, headed ``NAMA | LABEL | LABEL (EN) | JENIS | WAJIB |
PRIBADI | LANGKAH | DIUBAH PADA | PILIHAN``: the workbook's sheet "ISIAN", or a table under the heading
"ISIAN KASUS" after the flowchart table. A column of a ``tabel`` field is a row named
``table.column`` (``rincian_barang.jumlah``) after its table. WAJIB and PRIBADI read "ya"/"tidak"
(empty is "tidak"), LANGKAH the step id, its NO or "mulai", PILIHAN and DIUBAH PADA one item per line
(or separated by ";"). CATAT says which step records (``catat``, :mod:`engine.sop.step_records`) read the
field, one ``step: kind.record_field`` a line (``tetapkan_tim: tim.nama``); the action is the kind's own.

A kelengkapan item or an output that is a document ends with ``(dokumen)``.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field, replace

from engine.errors import Problem
from engine.formats.office.grid import Grid
from engine.formats.office.identity import normalise_label
from engine.formats.sheet import FIELD_TYPE_WORDS
from engine.sop.fields import START, START_WORDS, Field, FieldType
from engine.sop.model import Sop, Step
from engine.sop.step_records import RECORD_KINDS, StepRecord

#: The heading above the case-field table in a document (and under the flowchart in a sheet).
HEADING = "ISIAN KASUS"
#: The sheet of the case fields in a workbook.
SHEET = "ISIAN"
#: The suffix marking a kelengkapan item or an output as a document.
DOCUMENT_MARK = "(dokumen)"
#: Column headings written, in order.
HEADINGS = ("NAMA", "LABEL", "LABEL (EN)", "JENIS", "WAJIB", "PRIBADI", "LANGKAH", "DIUBAH PADA", "PILIHAN", "CATAT")
_HEADS = {
    "NAMA": "nama", "NAMA ISIAN": "nama", "NAMA FIELD": "nama", "NAMA KOLOM": "nama", "NAME": "nama",
    "LABEL": "label", "LABEL (ID)": "label", "LABEL ID": "label", "LABEL INDONESIA": "label",
    "LABEL (INDONESIA)": "label", "LABEL (EN)": "label_en", "LABEL EN": "label_en", "LABEL (INGGRIS)": "label_en",
    "LABEL INGGRIS": "label_en", "LABEL (ENGLISH)": "label_en", "LABEL ENGLISH": "label_en",
    "JENIS": "jenis", "JENIS ISIAN": "jenis", "TIPE": "jenis", "TYPE": "jenis",
    "WAJIB": "wajib", "WAJIB DIISI": "wajib", "HARUS DIISI": "wajib",
    "PRIBADI": "pribadi", "DATA PRIBADI": "pribadi",
    "LANGKAH": "langkah", "DIISI PADA": "langkah", "DIMINTA PADA": "langkah", "LANGKAH PENGISIAN": "langkah",
    "DIUBAH PADA": "diubah_pada", "DAPAT DIUBAH PADA": "diubah_pada", "DIUBAH": "diubah_pada",
    "PILIHAN": "pilihan", "OPSI": "pilihan", "PILIHAN JAWABAN": "pilihan",
    "CATAT": "catat", "CATATAN TAHAPAN": "catat", "DICATAT PADA": "catat",
}
_HEADINGS = frozenset({HEADING, SHEET, "ISIAN KASUS (CASE FIELDS)", "DATA ISIAN", "ISIAN LAYANAN"})
_YES = frozenset({"YA", "Y", "YES", "V", "✓", "✔", "√", "X", "1", "TRUE", "BENAR", "WAJIB", "PRIBADI"})
_NO = frozenset({"", "TIDAK", "TDK", "T", "N", "NO", "-", "0", "FALSE", "SALAH"})
_MARK = re.compile(r"\s*[(\[]\s*dok(?:umen|\.)?\s*[)\]]\s*$", re.IGNORECASE)
_SPLIT = re.compile(r"\s*(?:\n|;)\s*")


@dataclass
class Section:
    """Where a case-field table is: its first row (heading or header), header row and columns."""

    first: int
    header: int
    cols: dict[str, int] = field(default_factory=dict)


def find_section(grid: Grid, start: int = 0) -> Section | None:
    """The first case-field table at or below ``start``: a header row with NAMA and JENIS columns."""
    for row in range(start, grid.rows):
        cols: dict[str, int] = {}
        for col in range(grid.cols):
            key = _HEADS.get(normalise_label(grid.text(row, col)))
            if key and key not in cols:
                cols[key] = col
        if "nama" in cols and "jenis" in cols:
            first = row
            if row > start and any(normalise_label(grid.text(row - 1, col)) in _HEADINGS
                                   for col in range(grid.cols)):
                first = row - 1
            return Section(first, row, cols)
    return None


def marked(text: str) -> tuple[str, bool]:
    """``text`` without its document mark, and whether it had one."""
    bare = _MARK.sub("", text)
    return (bare, True) if bare != text else (text, False)


def mark(text: str, document: bool) -> str:
    """``text`` with the document mark when ``document``."""
    return f"{text} {DOCUMENT_MARK}".strip() if document else text


def read_documents(step: Step) -> None:
    """Take the document marks off the kelengkapan and output texts of ``step`` into its flags."""
    texts, documents = [], []
    for item in step.requirements:
        text, is_document = marked(item)
        if not text:  # "(dokumen)" alone is an item's text, not a mark
            text, is_document = item, False
        texts.append(text)
        if is_document:
            documents.append(text)
    step.requirements, step.documents = texts, documents
    step.output, step.output_document = marked(step.output)


def _catat(sop: Sop) -> dict[str, list[str]]:
    """``case field -> "step: kind.record_field"`` lines of the step records that read it, in row order."""
    found: dict[str, list[str]] = {}
    for step in sop.steps:
        if step.record is not None:
            for name, source in step.record.fields.items():
                found.setdefault(source, []).append(f"{step.id}: {step.record.kind}.{name}")
    return found


def rows(sop: Sop) -> list[list[str]]:
    """The case-field table of ``sop``: the header and one row per field (and per table column)."""
    result = [list(HEADINGS)]
    catat = _catat(sop)
    for item in sop.fields:
        result.append([*_row(item.name, item)[:-1], "\n".join(catat.get(item.name, []))])
        result.extend(_row(f"{item.name}.{part.name}", part, column=True) for part in item.columns)
    return result


def _row(name: str, item: Field, column: bool = False) -> list[str]:
    return [name, item.label_id, item.label_en, item.type.value, "ya" if item.required else "tidak",
            "" if column else ("ya" if item.personal else "tidak"),
            "" if column else ("mulai" if item.step == START else item.step),
            "" if column else "\n".join(item.revised_at), "\n".join(item.options), ""]


def read_section(grid: Grid, section: Section, steps: list[Step], stop: int | None = None
                 ) -> tuple[tuple[Field, ...], list[Problem]]:
    """The fields in the rows under the header of ``section`` (up to ``stop``), and what could not be read."""
    reader = _Reader(grid, section, steps)
    for row in range(section.header + 1, grid.rows if stop is None else stop):
        reader.row(row)
    reader.records()
    return reader.result(), reader.problems


class _Reader:
    """Reads field rows, collecting problems by cell."""

    def __init__(self, grid: Grid, section: Section, steps: list[Step]) -> None:
        self.grid, self.cols, self.steps = grid, section.cols, steps
        self.fields: list[Field] = []
        self.problems: list[Problem] = []
        #: ``step id -> (kind, {record field: case field}, first row)`` from the CATAT cells.
        self.catat: dict[str, tuple[str, dict[str, str], int]] = {}

    def _cell(self, row: int, key: str) -> str:
        col = self.cols.get(key, -1)
        return self.grid.text(row, col).strip() if col >= 0 else ""

    def _add(self, code: str, row: int, key: str, **params: object) -> None:
        params["cell"] = self.grid.ref(row, self.cols.get(key, 0))
        self.problems.append(Problem(code, "isian", "", tuple(sorted((name, str(value))
                                                                     for name, value in params.items()))))

    def _flag(self, row: int, key: str) -> bool:
        text = normalise_label(self._cell(row, key))
        if text in _YES:
            return True
        if text not in _NO:
            self._add("office_bad_field_flag", row, key, column=key.upper(), value=self._cell(row, key))
        return False

    def _step(self, row: int, key: str, text: str) -> str:
        if text.lower() in START_WORDS:
            return START
        number = text.strip("()").removeprefix("NO").removeprefix("no").strip(". ")
        if number.isdigit():
            if 1 <= int(number) <= len(self.steps):
                return self.steps[int(number) - 1].id
            self._add("office_bad_field_step", row, key, value=text)
        return text

    def row(self, row: int) -> None:
        texts = {key: self._cell(row, key) for key in self.cols}
        name = " ".join(texts.get("nama", "").split())
        if not name or name == "-":
            if any(value and value != "-" for value in texts.values()):
                self._add("office_field_no_name", row, "nama")
            return
        word = " ".join(texts.get("jenis", "").lower().split()).replace(" ", "_") or FieldType.TEXT.value
        kind = FIELD_TYPE_WORDS.get(word)
        if kind is None:
            self._add("office_bad_field_type", row, "jenis", value=texts.get("jenis", ""),
                      known=", ".join(item.value for item in FieldType))
            kind = FieldType.TEXT
        options = tuple(part for part in _SPLIT.split(texts.get("pilihan", "")) if part and part != "-")
        base = Field(name=name, type=kind, label_id=_one_line(texts.get("label", "")),
                     label_en=_one_line(texts.get("label_en", "")), required=self._flag(row, "wajib"),
                     options=options)
        parent_name, dot, column = name.partition(".")
        if dot:
            parent = self.fields[-1] if self.fields else None
            if parent is None or parent.name != parent_name or parent.type is not FieldType.TABLE:
                self._add("office_field_no_table", row, "nama", name=name, table=parent_name)
                return
            self.fields[-1] = replace(parent, columns=(*parent.columns, replace(base, name=column)))
            return
        step = self._cell(row, "langkah")
        revised = tuple(self._step(row, "diubah_pada", part) for part in _SPLIT.split(texts.get("diubah_pada", ""))
                        if part and part != "-")
        self.fields.append(replace(base, personal=self._flag(row, "pribadi"), revised_at=revised,
                                   step=self._step(row, "langkah", step) if step and step != "-" else START))
        for line in _SPLIT.split(texts.get("catat", "")):
            self._catat_line(row, name, line.strip())

    def _catat_line(self, row: int, name: str, line: str) -> None:
        if not line or line == "-":
            return
        where, colon, what = line.partition(":")
        kind, dot, record_field = what.strip().partition(".")
        if not (colon and dot and where.strip() and kind.strip() and record_field.strip()):
            self._add("office_bad_field_catat", row, "catat", value=line)
            return
        step = self._step(row, "catat", where.strip())
        kind = kind.strip().lower()
        known = self.catat.setdefault(step, (kind, {}, row))
        if known[0] != kind:
            self._add("office_catat_two_kinds", row, "catat", step=step, kind=known[0], other=kind)
            return
        known[1][record_field.strip()] = name

    def records(self) -> None:
        """Put the records the CATAT cells name on their steps (an unknown step or kind is ``alur check``'s)."""
        ids = {step.id for step in self.steps}
        for step_id, (_kind, _fields, row) in self.catat.items():
            if step_id not in ids:  # a step id the table does not keep (no drawn flowchart): say so, not lose it
                self._add("office_bad_field_step", row, "catat", value=step_id)
        for step in self.steps:
            found = self.catat.get(step.id)
            if found is not None:
                spec = RECORD_KINDS.get(found[0])
                step.record = StepRecord(found[0], spec.action if spec is not None else "", dict(found[1]))

    def result(self) -> tuple[Field, ...]:
        return tuple(self.fields)


def _one_line(text: str) -> str:
    text = " ".join(text.split())
    return "" if text == "-" else text
