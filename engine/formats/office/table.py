"""Read an SOP out of a :class:`~engine.formats.office.grid.Grid`: the flowchart table and its identity.

The actor of a row comes from the drawn symbol in its pelaksana column, else from a mark there (any
text). Arrows come from the drawn connectors when the sheet has symbols, else the table reads top to
bottom with jumps and decision targets taken from KETERANGAN. What cannot be read is reported by row
and column (:class:`~engine.errors.Problem` codes ``office_*``); nothing is guessed silently.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from engine.errors import InputError, Problem, problem
from engine.formats.office.fields import find_section, read_documents, read_section
from engine.formats.office.grid import CONNECTOR, DECISION, LABEL, TERMINATOR, Grid, Shape, arrows
from engine.formats.office.identity import items, normalise_label, read_identity, split_label
from engine.sop.model import STEP_ID_PATTERN, Sop, Step, StepKind

_HEADS = {"NO": "no", "NO.": "no", "NOMOR": "no", "KEGIATAN": "kegiatan", "URAIAN KEGIATAN": "kegiatan",
          "AKTIVITAS": "kegiatan", "PELAKSANA": "pelaksana", "MUTU BAKU": "mutu", "KETERANGAN": "keterangan",
          "KET": "keterangan", "KET.": "keterangan"}
_MUTU = {"KELENGKAPAN": "kelengkapan", "PERSYARATAN/KELENGKAPAN": "kelengkapan", "PERSYARATAN": "kelengkapan",
         "WAKTU": "waktu", "OUTPUT": "output", "OUTPUT/HASIL": "output", "HASIL": "output"}
_YES = re.compile(r"\b(?:ya|y)\b\W{0,4}(?:(?:lanjut|kembali|menuju|maka|ke|langkah|no|nomor|kegiatan)\W{0,3})*(\d+)",
                  re.IGNORECASE)
_NO = re.compile(r"\b(?:tidak|tdk|t)\b\W{0,4}(?:(?:lanjut|kembali|menuju|maka|ke|langkah|no|nomor|kegiatan)\W{0,3})*"
                 r"(\d+)", re.IGNORECASE)
_JUMP = re.compile(r"\b(?:kembali|lanjut|menuju)\s+ke\s+(?:langkah\s+|no\.?\s*|nomor\s+|kegiatan\s+)?(\d+)",
                   re.IGNORECASE)
_END_WORDS = re.compile(r"^\s*(?:proses\s+)?selesai\.?\s*$", re.IGNORECASE)


@dataclass
class Header:
    """Where the columns of the flowchart table are."""

    row: int
    last_row: int
    no: int
    kegiatan: int
    actors: list[tuple[str, int, int]] = field(default_factory=list)  # name, first col, last col
    mutu: dict[str, int] = field(default_factory=dict)
    keterangan: int = -1

    def actor_at(self, col: int) -> str:
        for name, first, last in self.actors:
            if first <= col <= last:
                return name
        return ""


@dataclass
class Row:
    """One step row of the table."""

    number: int
    first: int
    last: int
    cells: dict[str, str]
    marks: list[tuple[str, int]]


def find_header(grid: Grid) -> Header | None:
    """The first row holding NO and KEGIATAN headings, with the PELAKSANA and MUTU BAKU row below."""
    for row in range(grid.rows):
        heads = {_HEADS.get(normalise_label(grid.text(row, col))): col for col in range(grid.cols)}
        if "kegiatan" not in heads or not ("no" in heads or "pelaksana" in heads):
            continue
        header = Header(row=row, last_row=row + 1, no=heads.get("no", -1), kegiatan=heads["kegiatan"],
                        keterangan=heads.get("keterangan", -1))
        for sub in (row, row + 1):
            for col in range(grid.cols):
                key = _MUTU.get(normalise_label(grid.text(sub, col)))
                if key and key not in header.mutu:
                    header.mutu[key] = col
        limit = min([*header.mutu.values(), *( [header.keterangan] if header.keterangan > 0 else []), grid.cols])
        cols = [col for col in range(header.kegiatan + 1, limit)
                if grid.text(row + 1, col).strip() and normalise_label(grid.text(row + 1, col)) != "PELAKSANA"]
        for index, col in enumerate(cols):
            last = cols[index + 1] - 1 if index + 1 < len(cols) else limit - 1
            header.actors.append((" ".join(grid.text(row + 1, col).split()), col, last))
        return header
    return None


def _rows(grid: Grid, header: Header, stop: int) -> list[Row]:
    result: list[Row] = []
    row = header.last_row + 1
    actor_names = {name for name, _, _ in header.actors}
    while row < stop:
        kegiatan = grid.text(row, header.kegiatan).strip()
        number = grid.text(row, header.no).strip()
        heading = normalise_label(kegiatan)
        last = max(grid.row_span(row, header.no), grid.row_span(row, header.kegiatan))
        if heading in ("KEGIATAN", "URAIAN KEGIATAN") or {" ".join(grid.text(row, c).split())
                                                        for _, c, _ in header.actors} == actor_names:
            row = last + 1  # the header repeated on a later page
            continue
        if re.fullmatch(r"\(?\d+\)?", kegiatan) and re.fullmatch(r"\(?\d+\)?", number or "x"):
            row += 1  # the column-number row "(1) (2) (3)"
            continue
        if split_label(kegiatan or number) is not None:
            break
        if not kegiatan:
            row = last + 1
            continue
        cells = {key: _cell(grid, row, last, col) for key, col in
                 [*header.mutu.items(), ("keterangan", header.keterangan), ("kegiatan", header.kegiatan)] if col >= 0}
        marks = []
        for name, first, end in header.actors:
            for col in range(first, end + 1):
                text = _cell(grid, row, last, col)
                if text and text != "-":
                    marks.append((name, col))
                    break
        result.append(Row(len(result) + 1, row, last, cells, marks))
        row = last + 1
    return result


def _cell(grid: Grid, first: int, last: int, col: int) -> str:
    texts = [grid.text(r, col).strip() for r in range(first, last + 1)]
    text = "\n".join(t for t in texts if t)
    return "" if text == "-" else text


def read_grid(grid: Grid, identity_grids: list[Grid] | None = None,
              field_grids: list[Grid] | None = None) -> tuple[Sop, list[Problem]]:
    """The SOP draft in ``grid`` and every problem found reading it.

    :param identity_grids: other sheets holding the identity block (read before the table's own).
    :param field_grids: other sheets holding the case fields (read when the grid has none under its table).
    :raises InputError: when the grid has no flowchart table or no pelaksana columns.
    """
    header = find_header(grid)
    if header is None:
        raise InputError.from_code("office_no_table", label=grid.name)
    if not header.actors:
        raise InputError.from_code("office_no_actors", label=grid.name)
    problems: list[Problem] = []
    identity = None
    for other in (identity_grids or []):
        found, other_problems, any_label = read_identity(other, other.rows)
        if any_label:
            identity, problems = found, problems + other_problems
            break
    own, own_problems, own_found = read_identity(grid, header.row)
    if identity is None or own_found:
        identity, problems = own, problems + own_problems
    section = find_section(grid, header.last_row + 1)
    rows = _rows(grid, header, section.first if section else grid.rows)
    steps = [Step(id=f"langkah_{row.number}", kind=StepKind.ACTIVITY, activity=" ".join(row.cells["kegiatan"].split()),
                  requirements=items(row.cells.get("kelengkapan", "")),
                  duration=" ".join(row.cells.get("waktu", "").split()),
                  output=" ".join(row.cells.get("output", "").split()),
                  remarks=row.cells.get("keterangan", "")) for row in rows]
    for step in steps:
        read_documents(step)
    sop = Sop(identity=identity, actors=[name for name, _, _ in header.actors], steps=steps)
    sop.process_id = sop.default_process_id()
    if not identity.nama:
        problems.append(problem("office_no_name", "sop", severity="warning"))
    symbols = [s for s in grid.shapes if s.kind not in (LABEL, CONNECTOR, "")]
    reader = _Flow(grid, header, rows, steps, problems)
    if symbols:
        reader.drawn(symbols)
    else:
        reader.marked()
    _mark_joins(steps)
    sources = [(grid, section)] if section else [(other, find_section(other)) for other in field_grids or []]
    for source, place in sources:
        if place is not None:
            sop.fields, field_problems = read_section(source, place, steps)
            problems.extend(field_problems)
            break
    return sop, problems


def _mark_joins(steps: list[Step]) -> None:
    """Set ``join`` on a step reached from two branches of one parallel fan-out (a row with two or more
    arrows out that is no decision): the table draws the merge, the model needs to know it waits."""
    by_id = {step.id: step for step in steps}
    incoming: dict[str, list[Step]] = {step.id: [] for step in steps}
    for step in steps:
        for target in step.successors():
            if target in incoming:
                incoming[target].append(step)
    for step in steps:
        sources = incoming[step.id]
        if len(sources) < 2 or any(source.kind is StepKind.DECISION for source in sources):
            continue
        for fan in steps:
            if len(fan.next) < 2 or fan.kind is StepKind.DECISION:
                continue
            reached, found = 0, set()
            for branch in fan.next:
                seen, todo = set(), [branch]
                while todo:
                    current = todo.pop()
                    if current in seen or current == step.id or current not in by_id:
                        continue
                    seen.add(current)
                    todo.extend(by_id[current].successors())
                hits = {source.id for source in sources if source.id in seen}
                reached += bool(hits)
                found |= hits
            if reached >= 2 and len(found) >= 2:
                step.join = True
                break


class _Flow:
    """Fills actors, kinds and arrows of the steps, collecting problems."""

    def __init__(self, grid: Grid, header: Header, rows: list[Row], steps: list[Step], problems: list[Problem]):
        self.grid, self.header, self.rows, self.steps, self.problems = grid, header, rows, steps, problems

    def _add(self, code: str, row: Row, severity: str = "error", **params: object) -> None:
        params.update(no=row.number, row=self.grid.row_label(row.first))
        self.problems.append(Problem(code, self.steps[row.number - 1].id, "",
                                     tuple(sorted((key, str(value)) for key, value in params.items())), severity))

    def _ket_ref(self, row: Row) -> str:
        return self.grid.ref(row.first, self.header.keterangan if self.header.keterangan >= 0 else self.header.kegiatan)

    def _row_of(self, grid_row: int) -> Row | None:
        return next((row for row in self.rows if row.first <= grid_row <= row.last), None)

    def _target(self, row: Row, number: int) -> str:
        if 1 <= number <= len(self.steps):
            return self.steps[number - 1].id
        self._add("office_bad_target", row, cell=self._ket_ref(row), target=number)
        return ""

    def _actor_from_marks(self, row: Row, step: Step) -> None:
        actors = self.header.actors
        if len(row.marks) == 1:
            step.actor = row.marks[0][0]
        elif not row.marks:
            self._add("office_no_actor", row, actors=", ".join(name for name, _, _ in actors))
        else:
            self._add("office_many_actors", row, cells=", ".join(self.grid.ref(row.first, c) for _, c in row.marks),
                      actors=", ".join(name for name, _ in row.marks))

    def _keterangan_targets(self, row: Row) -> tuple[str, str]:
        text = row.cells.get("keterangan", "")
        yes, no = _YES.search(text), _NO.search(text)
        return (self._target(row, int(yes.group(1))) if yes else "", self._target(row, int(no.group(1))) if no else "")

    def _decide(self, row: Row, step: Step, yes: str, no: str) -> None:
        ket_yes, ket_no = self._keterangan_targets(row)
        step.yes, step.no = yes or ket_yes, no or ket_no
        if not step.yes and not step.no:
            self._add("office_decision_targets", row, cell=self._ket_ref(row))
        elif not step.yes or not step.no:
            known, missing = ("Ya", "Tidak") if step.yes else ("Tidak", "Ya")
            self._add("office_decision_one_target", row, cell=self._ket_ref(row), known=known, missing=missing)

    def marked(self) -> None:
        """The table alone: marks give actors, rows follow each other, KETERANGAN gives jumps."""
        last = len(self.steps) - 1
        for index, (row, step) in enumerate(zip(self.rows, self.steps)):
            self._actor_from_marks(row, step)
            remarks = row.cells.get("keterangan", "")
            if index == 0:
                step.kind = StepKind.START
            elif step.activity.rstrip().endswith("?"):
                step.kind = StepKind.DECISION
            elif index == last or _END_WORDS.match(remarks):
                step.kind = StepKind.END
            if step.kind is StepKind.DECISION:
                self._decide(row, step, "", "")
            elif step.kind is not StepKind.END:
                jump = _JUMP.search(remarks)
                target = self._target(row, int(jump.group(1))) if jump else ""
                step.next = [target] if target else ([self.steps[index + 1].id] if index < last else [])

    def drawn(self, symbols: list[Shape]) -> None:
        """Drawn symbols give actors and kinds; connector lines give the arrows."""
        at_row: dict[int, Shape] = {}
        for symbol in symbols:
            row_of = self._row_of(symbol.row)
            if row_of is not None and row_of.number not in at_row:
                at_row[row_of.number] = symbol
        taken = {step.id for step in self.steps}
        for number, symbol in at_row.items():
            wanted = symbol.tag[5:] if symbol.tag.startswith("alur:") else ""
            if wanted and STEP_ID_PATTERN.match(wanted) and wanted not in taken:
                taken.add(wanted)
                self.steps[number - 1].id = wanted
        edges = arrows(self.grid, symbols)
        step_of = {id(shape): self.steps[number - 1] for number, shape in at_row.items()}
        outgoing: dict[str, list[tuple[Step, str]]] = {}
        incoming: set[str] = set()
        for source, target, label in edges:
            if id(source) in step_of and id(target) in step_of:
                outgoing.setdefault(step_of[id(source)].id, []).append((step_of[id(target)], label))
                incoming.add(step_of[id(target)].id)
        order = {step.id: index for index, step in enumerate(self.steps)}
        shape: Shape | None
        for index, (row, step) in enumerate(zip(self.rows, self.steps)):
            found = at_row.get(row.number)
            if found is None:
                shape = None
                self._actor_from_marks(row, step)
                kind = DECISION if step.activity.rstrip().endswith("?") else ""
            else:
                shape = found
                step.actor = self.header.actor_at(shape.col)
                if not step.actor:
                    self._add("office_outside_actor", row, cell=self.grid.ref(shape.row, shape.col))
                kind = shape.kind
            outs = sorted(outgoing.get(step.id, []), key=lambda pair: order[pair[0].id])
            if kind == DECISION or (not kind and step.activity.rstrip().endswith("?")):
                step.kind = StepKind.DECISION
                yes = next((target.id for target, label in outs if label == "ya"), "")
                no = next((target.id for target, label in outs if label == "tidak"), "")
                unlabelled = [target.id for target, label in outs if not label]
                ket_yes, ket_no = self._keterangan_targets(row)
                if unlabelled and not (yes or no or ket_yes or ket_no) and len(outs) == 2:
                    self._add("office_decision_unlabelled", row, cell=self.grid.ref(row.first, shape.col if shape
                                                                                   else self.header.kegiatan))
                    continue
                if not yes and (ket_yes or (no and len(unlabelled) == 1)):
                    yes = ket_yes or unlabelled[0]
                if not no and (ket_no or (yes and len(unlabelled) == 1 and unlabelled[0] != yes)):
                    no = ket_no or next(t for t in unlabelled if t != yes)
                self._decide(row, step, yes, no)
                continue
            if index == 0:
                step.kind = StepKind.START
            elif not outs and (kind == TERMINATOR or index == len(self.steps) - 1):
                step.kind = StepKind.END
            elif kind == TERMINATOR and step.id not in incoming:
                step.kind = StepKind.START
            if step.kind is StepKind.END:
                continue
            step.next = [target.id for target, _ in outs]
            if not step.next:
                self._add("office_no_arrow", row, cell=self.grid.ref(row.first, shape.col if shape
                                                                    else self.header.kegiatan))
