"""The organisation from CSV (the first load, and re-imports that update by code) and back to CSV.

::

    units.csv     code,name,kind,parent_code          kind: pemda | opd | unit
    jabatan.csv   unit_code,code,name,kepala          kepala: ya/tidak (1/0): the unit's head
    people.csv    username,nama,nip,email,unit_code,jabatan_code,from,to   one row per holding

Every row is checked first; any bad row is named (file, line, column) and nothing is imported. A
good import is one transaction, logged in ``admin_log``. Units are matched by code, jabatan by unit
and code, people by user name and holdings by person, unit and jabatan; rows already there get the
file's values. ``from``/``to`` are the first and last day a holding counts (empty: open). The export
marks text a spreadsheet would run as a formula with a leading ``'``; the import takes the mark off.
"""

from __future__ import annotations

import csv
import datetime as dt
import io
import re
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, Iterable, Mapping

from sqlalchemy import Connection, insert, select, update

from engine.access import policy
from engine.access.accounts import Account
from engine.access.administration import day_of, day_start, log
from engine.access.organisation import UNIT_KINDS
from engine.errors import DataError
from engine.formats.spreadsheet import neutralise_row
from engine.messages import message
from engine.notify.contacts import check_contacts
from engine.runtime.facade import Runtime
from engine.store.models import holdings, org_jabatan, org_units, users

COLUMNS = {
    "units.csv": ("code", "name", "kind", "parent_code"),
    "jabatan.csv": ("unit_code", "code", "name", "kepala"),
    "people.csv": ("username", "nama", "nip", "email", "unit_code", "jabatan_code", "from", "to"),
}
_LIMITS = {"code": 200, "name": 300, "parent_code": 200, "unit_code": 200, "jabatan_code": 200, "username": 64,
           "nama": 200, "nip": 32, "email": 254}
_USERNAME = re.compile(r"^[A-Za-z0-9._-]{1,64}$")
_YES = {"1", "ya", "y", "yes", "true"}
_NO = {"", "0", "tidak", "t", "no", "n", "false"}


@dataclass(frozen=True)
class Problem:
    """One bad cell: where it is and the catalogue text of what is wrong."""

    file: str
    line: int
    column: str
    code: str
    params: Mapping[str, str] = field(default_factory=dict)

    def render(self, lang: str = "id") -> str:
        return message("org_import_problem", lang, file=self.file, line=str(self.line), column=self.column,
                       text=message(self.code, lang, **self.params))


class OrgImportError(DataError):
    """An import with bad rows; :attr:`problems` names each (file, line, column)."""

    problems: tuple[Problem, ...] = ()

    def render(self, lang: str = "id") -> str:
        if not self.problems:
            return super().render(lang)
        return message("org_import_bad_rows", lang, count=str(len(self.problems)),
                       problems="\n".join(problem.render(lang) for problem in self.problems))


@dataclass(frozen=True)
class OrgImportReport:
    units: int
    jabatan: int
    people: int
    holdings: int

    def render(self, lang: str = "id") -> str:
        return message("org_import_done", lang, units=str(self.units), jabatan=str(self.jabatan),
                       people=str(self.people), holdings=str(self.holdings))


def read_org_files(paths: Iterable[str | Path]) -> dict[str, bytes]:
    """``name -> content`` of the CSV files at ``paths`` (a folder gives the three names found in it)."""
    found: dict[str, bytes] = {}
    for given in paths:
        path = Path(given)
        if path.is_dir():
            for name in COLUMNS:
                if (path / name).is_file():
                    found[name] = (path / name).read_bytes()
        else:
            found[path.name] = path.read_bytes()
    return found


def _unmarked(cell: str) -> str:
    """A cell as written before export marked it (``'=x`` back to ``=x``: the mark keeps spreadsheets from
    running it as a formula, see :func:`engine.formats.spreadsheet.neutralise`)."""
    return cell[1:] if len(cell) > 1 and cell[0] == "'" and cell[1] in "=+-@\t\r" else cell


class _Rows:
    """The problems found so far and the rows of each file."""

    def __init__(self) -> None:
        self.problems: list[Problem] = []

    def bad(self, file: str, line: int, column: str, code: str, /, **params: object) -> None:
        """Record a problem; ``params`` fill its text (they may be named ``line`` or ``column`` too)."""
        self.problems.append(Problem(file, line, column, code, {key: str(value) for key, value in params.items()}))

    def read(self, name: str, content: bytes) -> list[tuple[int, dict[str, str]]]:
        expected = COLUMNS[name]
        try:
            text = content.decode("utf-8-sig")
        except UnicodeDecodeError:
            self.bad(name, 1, "-", "org_import_not_text")
            return []
        rows = list(csv.reader(io.StringIO(text, newline="")))
        header = [cell.strip() for cell in rows[0]] if rows else []
        if tuple(header) != expected:
            self.bad(name, 1, "-", "org_import_header", expected=",".join(expected), found=",".join(header))
            return []
        found = []
        for number, cells in enumerate(rows[1:], start=2):
            if not any(cell.strip() for cell in cells):
                continue
            if len(cells) != len(expected):
                self.bad(name, number, "-", "org_import_columns", found=len(cells), expected=len(expected))
                continue
            values = {column: _unmarked(cell.strip()) for column, cell in zip(expected, cells)}
            for column, value in values.items():
                if len(value) > _LIMITS.get(column, 200):
                    self.bad(name, number, column, "org_import_too_long", size=len(value),
                             limit=_LIMITS.get(column, 200))
            found.append((number, values))
        return found

    def required(self, name: str, line: int, values: dict[str, str], *columns: str) -> bool:
        missing = [column for column in columns if not values[column]]
        for column in missing:
            self.bad(name, line, column, "org_import_required")
        return not missing

    def day(self, name: str, line: int, column: str, value: str) -> dt.date | None:
        if not value:
            return None
        try:
            return dt.date.fromisoformat(value)
        except ValueError:
            self.bad(name, line, column, "org_import_bad_date", value=value)
            return None


def _check_units(rows: _Rows, lines: list[tuple[int, dict[str, str]]], existing: dict[str, Any]) -> dict[str, Any]:
    name = "units.csv"
    planned: dict[str, dict[str, Any]] = {code: {"kind": row.kind, "parent": None, "line": 0}
                                          for code, row in existing.items()}
    parents_by_id = {row.id: code for code, row in existing.items()}
    for code, row in existing.items():
        planned[code]["parent"] = parents_by_id.get(row.parent_id)
    first_line: dict[str, int] = {}
    for line, values in lines:
        if not rows.required(name, line, values, "code", "name", "kind"):
            continue
        code = values["code"]
        if code in first_line:
            rows.bad(name, line, "code", "org_import_duplicate", value=code, line=first_line[code])
            continue
        first_line[code] = line
        if values["kind"] not in UNIT_KINDS:
            rows.bad(name, line, "kind", "org_import_bad_kind", value=values["kind"], kinds=", ".join(UNIT_KINDS))
            continue
        planned[code] = {"kind": values["kind"], "parent": values["parent_code"] or None, "line": line}
    allowed = {"pemda": (), "opd": ("pemda",), "unit": ("opd", "unit")}
    for code, plan in planned.items():
        line = plan["line"]
        if not line:
            continue
        parent = plan["parent"]
        if parent is None:
            if plan["kind"] == "unit":
                rows.bad(name, line, "parent_code", "org_import_parent_required", kind=plan["kind"])
            continue
        if parent not in planned:
            rows.bad(name, line, "parent_code", "org_import_unknown_parent", value=parent)
        elif planned[parent]["kind"] not in allowed[plan["kind"]]:
            rows.bad(name, line, "parent_code", "org_import_bad_parent", kind=plan["kind"], parent=parent,
                     parent_kind=planned[parent]["kind"])
        else:
            seen, current = {code}, parent
            while current is not None and current in planned:
                if current in seen:
                    rows.bad(name, line, "parent_code", "org_import_cycle", value=code)
                    break
                seen.add(current)
                current = planned[current]["parent"]
    return planned


def _check_jabatan(rows: _Rows, lines: list[tuple[int, dict[str, str]]], units: Iterable[str],
                   existing: dict[tuple[str, str], bool]) -> dict[tuple[str, str], bool]:
    name = "jabatan.csv"
    known_units = set(units)
    planned = dict(existing)
    first_line: dict[tuple[str, str], int] = {}
    for line, values in lines:
        if not rows.required(name, line, values, "unit_code", "code", "name"):
            continue
        key = (values["unit_code"], values["code"])
        if values["unit_code"] not in known_units:
            rows.bad(name, line, "unit_code", "org_import_unknown_unit", value=values["unit_code"])
            continue
        if key in first_line:
            rows.bad(name, line, "code", "org_import_duplicate", value=values["code"], line=first_line[key])
            continue
        first_line[key] = line
        flag = values["kepala"].lower()
        if flag not in _YES | _NO:
            rows.bad(name, line, "kepala", "org_import_bad_flag", value=values["kepala"])
            continue
        planned[key] = flag in _YES
    heads: dict[str, str] = {}
    for (unit_code, code), head in sorted(planned.items(), key=lambda pair: (first_line.get(pair[0], 0), pair[0])):
        if not head:
            continue
        if unit_code in heads:
            line = first_line.get((unit_code, code)) or first_line.get((unit_code, heads[unit_code]), 0)
            rows.bad(name, line, "kepala", "org_import_two_heads", unit=unit_code, other=heads[unit_code])
        else:
            heads[unit_code] = code
    return planned


def _check_people(rows: _Rows, lines: list[tuple[int, dict[str, str]]], jabatan: Iterable[tuple[str, str]],
                  units: Iterable[str]) -> dict[str, tuple[int, dict[str, str]]]:
    name = "people.csv"
    known_jabatan, known_units = set(jabatan), set(units)
    people: dict[str, tuple[int, dict[str, str]]] = {}
    places: dict[tuple[str, str, str], int] = {}
    for line, values in lines:
        if not rows.required(name, line, values, "username"):
            continue
        username = values["username"]
        if not _USERNAME.match(username):
            rows.bad(name, line, "username", "org_import_bad_username", value=username)
            continue
        if values["nip"] and not values["nip"].isdigit():
            rows.bad(name, line, "nip", "org_import_bad_nip", value=values["nip"])
        if values["email"]:
            try:
                check_contacts(values["email"])
            except DataError as exc:
                rows.bad(name, line, "email", exc.code, **exc.params)
        if username in people:
            first, before = people[username]
            for column in ("nama", "nip", "email"):
                if values[column] != before[column]:
                    rows.bad(name, line, column, "org_import_differs", column=column, value=values[column],
                             line=first, other=before[column])
        else:
            people[username] = (line, values)
        unit_code, jabatan_code = values["unit_code"], values["jabatan_code"]
        if bool(unit_code) != bool(jabatan_code):
            rows.bad(name, line, "jabatan_code" if unit_code else "unit_code", "org_import_half_place")
            continue
        if not unit_code:
            continue
        if unit_code not in known_units:
            rows.bad(name, line, "unit_code", "org_import_unknown_unit", value=unit_code)
            continue
        if (unit_code, jabatan_code) not in known_jabatan:
            rows.bad(name, line, "jabatan_code", "org_import_unknown_jabatan", value=jabatan_code, unit=unit_code)
            continue
        key = (username, unit_code, jabatan_code)
        if key in places:
            rows.bad(name, line, "jabatan_code", "org_import_duplicate", value=jabatan_code, line=places[key])
            continue
        places[key] = line
        first_day = rows.day(name, line, "from", values["from"])
        last_day = rows.day(name, line, "to", values["to"])
        if first_day and last_day and last_day < first_day:
            rows.bad(name, line, "to", "org_import_ends_first", first=first_day, last=last_day)
    return people


def import_organisation(runtime: Runtime, account: Account, files: Mapping[str, bytes],
                        reason: str = "") -> OrgImportReport:
    """Import ``files`` (``units.csv``, ``jabatan.csv``, ``people.csv``; any of them) in one transaction.

    :raises OrgImportError: any bad row (every one named; nothing imported).
    :raises AccessDeniedError: not an ``admin``.
    """
    policy.check_full_admin(account)
    if not files:
        raise DataError.from_code("org_import_no_files", "files")
    for name in files:
        if name not in COLUMNS:
            raise DataError.from_code("org_import_unknown_file", "files", file=name)
    rows = _Rows()
    lines = {name: rows.read(name, content) for name, content in files.items()}
    with runtime.db.write() as connection:
        existing_units = {row.code: row for row in connection.execute(select(org_units))}
        planned_units = _check_units(rows, lines.get("units.csv", []), existing_units)
        existing_jabatan = {(row.unit_code, row.code): bool(row.kepala) for row in connection.execute(
            select(org_units.c.code.label("unit_code"), org_jabatan.c.code, org_jabatan.c.kepala)
            .join(org_units, org_units.c.id == org_jabatan.c.unit_id))}
        planned_jabatan = _check_jabatan(rows, lines.get("jabatan.csv", []), planned_units, existing_jabatan)
        people = _check_people(rows, lines.get("people.csv", []), planned_jabatan, planned_units)
        if rows.problems:
            error = OrgImportError.from_code("org_import_bad_rows", "files", count=len(rows.problems),
                                             problems="\n".join(problem.render() for problem in rows.problems))
            error.problems = tuple(rows.problems)
            raise error
        report = _write(connection, runtime, lines, people)
        log(connection, runtime, account.username, "import", "organisation", reason.strip() or "import",
            files=sorted(files), units=report.units, jabatan=report.jabatan, people=report.people,
            holdings=report.holdings)
    return report


def _write(connection: Connection, runtime: Runtime, lines: dict[str, list[tuple[int, dict[str, str]]]],
           people: dict[str, tuple[int, dict[str, str]]]) -> OrgImportReport:
    unit_rows = [values for _, values in lines.get("units.csv", [])]
    ids = {row.code: row.id for row in connection.execute(select(org_units.c.code, org_units.c.id))}
    for values in unit_rows:  # first every unit exists, then the parents are set (any order in the file)
        if values["code"] in ids:
            connection.execute(update(org_units).where(org_units.c.id == ids[values["code"]])
                               .values(name=values["name"], kind=values["kind"]))
        else:
            ids[values["code"]] = connection.execute(insert(org_units).returning(org_units.c.id), {
                "code": values["code"], "name": values["name"], "kind": values["kind"],
                "parent_id": None}).scalar_one()
    for values in unit_rows:
        connection.execute(update(org_units).where(org_units.c.id == ids[values["code"]])
                           .values(parent_id=ids[values["parent_code"]] if values["parent_code"] else None))
    jabatan_ids = {(row.unit_id, row.code): row.id for row in connection.execute(
        select(org_jabatan.c.unit_id, org_jabatan.c.code, org_jabatan.c.id))}
    jabatan_rows = [values for _, values in lines.get("jabatan.csv", [])]
    for values in jabatan_rows:
        key = (ids[values["unit_code"]], values["code"])
        head = values["kepala"].lower() in _YES
        if key in jabatan_ids:
            connection.execute(update(org_jabatan).where(org_jabatan.c.id == jabatan_ids[key])
                               .values(name=values["name"], kepala=head))
        else:
            jabatan_ids[key] = connection.execute(insert(org_jabatan).returning(org_jabatan.c.id), {
                "unit_id": key[0], "code": values["code"], "name": values["name"], "kepala": head}).scalar_one()
    now = runtime.clock.now()
    user_ids = {row.username: row.id for row in connection.execute(select(users.c.username, users.c.id))}
    for username, (_, values) in people.items():
        given = {"nama": values["nama"], "nip": values["nip"], "email": values["email"]}
        if username in user_ids:
            connection.execute(update(users).where(users.c.id == user_ids[username]).values(**given))
        else:
            user_ids[username] = connection.execute(insert(users).returning(users.c.id), {
                "username": username, "created_at": now, **given}).scalar_one()
    held = 0
    for _, values in lines.get("people.csv", []):
        if not values["unit_code"]:
            continue
        unit = ids[values["unit_code"]]
        first = dt.date.fromisoformat(values["from"]) if values["from"] else None
        last = dt.date.fromisoformat(values["to"]) if values["to"] else None
        dates = {"unit_id": unit, "jabatan_id": jabatan_ids[(unit, values["jabatan_code"])],
                 "starts_at": day_start(runtime, first) if first else None,
                 "ends_at": day_start(runtime, last + dt.timedelta(days=1)) if last else None,
                 # the file's from now on: ending a Tim membership that made the row no longer ends it
                 "tim_member_id": None}
        user = user_ids[values["username"]]
        found = connection.execute(select(holdings.c.id).where(
            holdings.c.user_id == user, holdings.c.unit == values["unit_code"],
            holdings.c.jabatan == values["jabatan_code"])).first()
        if found is None:
            connection.execute(insert(holdings), {"user_id": user, "unit": values["unit_code"],
                                                  "jabatan": values["jabatan_code"], **dates})
        else:
            connection.execute(update(holdings).where(holdings.c.id == found.id).values(**dates))
        held += 1
    return OrgImportReport(len(unit_rows), len(jabatan_rows), len(people), held)


def _csv(header: tuple[str, ...], rows: Iterable[Iterable[object]]) -> str:
    out = io.StringIO()
    writer = csv.writer(out, lineterminator="\n")
    writer.writerow(header)
    writer.writerows(neutralise_row(row) for row in rows)
    return out.getvalue()


def export_organisation(runtime: Runtime, account: Account) -> dict[str, str]:
    """``units.csv``, ``jabatan.csv`` and ``people.csv`` of the units ``account`` administers (import's format)."""
    policy.check_administer(account)
    with runtime.db.read() as connection:
        scope = policy.admin_unit_ids(connection, account)
        unit_rows = [row for row in connection.execute(select(org_units).order_by(org_units.c.code))
                     if scope is None or row.id in scope]
        codes = {row.id: row.code for row in connection.execute(select(org_units.c.id, org_units.c.code))}
        shown = {row.id for row in unit_rows}
        jabatan_rows = connection.execute(select(org_jabatan).order_by(org_jabatan.c.unit_id, org_jabatan.c.code)).all()
        held = connection.execute(
            select(holdings, users.c.username, users.c.nama, users.c.nip, users.c.email)
            .join(users, users.c.id == holdings.c.user_id).order_by(users.c.username, holdings.c.unit,
                                                                    holdings.c.jabatan)).all()
        everyone = connection.execute(select(users).order_by(users.c.username)).all() if scope is None else []
    people_rows: list[list[object]] = []
    with_holding: set[str] = set()
    for row in held:
        if row.unit_id is None or row.unit_id not in shown:
            continue
        if row.tim_member_id is not None:  # the Tim's SK grants it (engine.lifecycle.tim), not the organisation file
            continue
        with_holding.add(row.username)
        people_rows.append([row.username, row.nama, row.nip, row.email, row.unit, row.jabatan,
                            day_of(runtime, row.starts_at) or "", day_of(runtime, row.ends_at, last=True) or ""])
    for row in everyone:
        if row.username not in with_holding and not any(found.username == row.username for found in held):
            people_rows.append([row.username, row.nama, row.nip, row.email, "", "", "", ""])
    people_rows.sort(key=lambda cells: (str(cells[0]), str(cells[4]), str(cells[5])))
    return {
        "units.csv": _csv(COLUMNS["units.csv"], ([row.code, row.name, row.kind, codes.get(row.parent_id, "")
                                                  if row.parent_id in shown else ""] for row in unit_rows)),
        "jabatan.csv": _csv(COLUMNS["jabatan.csv"], ([codes[row.unit_id], row.code, row.name,
                                                      "ya" if row.kepala else "tidak"]
                                                     for row in jabatan_rows if row.unit_id in shown)),
        "people.csv": _csv(COLUMNS["people.csv"], people_rows),
    }
