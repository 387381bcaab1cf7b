"""The task page's and the start page's form: real inputs per case field, three choices per
kelengkapan item, files; read back into the engine's completion form.

The names the pages post:

* ``f.<field>`` one case field as typed (``f.jumlah_hari``); a table field posts
  ``f.<field>.<row>.<column>`` and its rows with any text are sent in order;
* ``k<i>`` the state of kelengkapan item *i* of the step (``berkas``, ``kertas`` or ``tidak_ada``,
  none chosen beforehand), ``k<i>.alasan`` why it is not there, ``k<i>.berkas`` its file;
* ``output.berkas`` the step's output document; ``keputusan``, ``output``, ``catatan`` as before.

The values go to the engine as text: :func:`engine.validate_case_data` types and checks them and
names every wrong field (:class:`engine.errors.CaseDataError`), so the pages and the API accept
exactly the same. This module only moves values between the page and the engine's form, and puts
each message the engine gives beside the input it is about.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

from werkzeug.datastructures import FileStorage, MultiDict

from engine import StepInfo
from engine.errors import AlurError

from .i18n import current_language

#: How many empty rows a table field offers below the rows it has.
EMPTY_ROWS = 3
#: The ways a kelengkapan item can be accounted for (a non-document item has no ``berkas``).
WAYS = ("berkas", "kertas", "tidak_ada")


@dataclass
class Upload:
    """A file posted for kelengkapan item ``requirement`` (or the step's output)."""

    requirement: str
    file: FileStorage
    index: int | None = None
    output: bool = False

    def read(self, limit: int) -> bytes:
        """The file's bytes, at most ``limit + 1`` of them (the engine refuses what is over its limit)."""
        return self.file.stream.read(limit + 1)

    @property
    def name(self) -> str:
        return self.file.filename or "berkas"


@dataclass
class PostedForm:
    """What a posted task or start page asks of the engine."""

    form: dict[str, Any]
    uploads: list[Upload] = field(default_factory=list)


def table_rows(name: str, columns: tuple[Any, ...], posted: MultiDict[str, str]) -> list[dict[str, str]]:
    """The rows of table field ``name`` with any text in them, in row order."""
    rows: dict[int, dict[str, str]] = {}
    prefix = f"f.{name}."
    for key, value in posted.items(multi=True):
        if not key.startswith(prefix):
            continue
        row, _, column = key[len(prefix):].partition(".")
        if row.isdigit() and len(row) < 4 and column in {item.name for item in columns}:
            rows.setdefault(int(row), {})[column] = value
    return [rows[index] for index in sorted(rows) if any(text.strip() for text in rows[index].values())]


def _is_table(item: Any) -> bool:
    return bool(getattr(item, "columns", ()))


def read_posted(posted: MultiDict[str, str], files: MultiDict[str, FileStorage], step: StepInfo) -> PostedForm:
    """The engine's form (``data``, ``kelengkapan`` states, ``keputusan``, ``output``, ``catatan``)
    and the files to attach, from a posted page. Nothing is chosen for the clerk: an item without a
    chosen state is sent without one, and the engine says so."""
    data: dict[str, Any] = {}
    for item in step.fields:
        if _is_table(item):
            rows = table_rows(item.name, item.columns, posted)
            if rows:
                data[item.name] = rows
        elif posted.get(f"f.{item.name}", "").strip():
            data[item.name] = posted.get(f"f.{item.name}", "")
    states: dict[str, dict[str, str]] = {}
    uploads: list[Upload] = []
    for index, requirement in enumerate(step.requirements):
        way = posted.get(f"k{index}", "")
        if not way:
            continue
        state = {"cara": way}
        if way == "tidak_ada":
            state["alasan"] = posted.get(f"k{index}.alasan", "").strip()
        upload = files.get(f"k{index}.berkas")
        if way == "berkas" and upload is not None and upload.filename:
            uploads.append(Upload(requirement.text, upload, index))
        states[requirement.text] = state
    form: dict[str, Any] = {"kelengkapan": states, "catatan": posted.get("catatan", "")}
    if step.clerk_decides:
        form["keputusan"] = posted.get("keputusan", "")
    output = files.get("output.berkas")
    if output is not None and output.filename:
        uploads.append(Upload("", output, output=True))
    elif posted.get("output", "").strip():
        form["output"] = posted.get("output", "").strip()
    if data:
        form["data"] = data
    return PostedForm(form, uploads)


def record_upload(posted: PostedForm, upload: Upload, sha256: str) -> None:
    """Name the attached file's hash in the form's state of its item (or as the output)."""
    if upload.output:
        posted.form["output"] = {"berkas": sha256}
    else:
        posted.form["kelengkapan"][upload.requirement]["berkas"] = sha256


def messages_by_input(error: AlurError, step: StepInfo, upload: Upload | None = None) -> dict[str, str]:
    """Each message of ``error`` keyed by the input it is about (``f.<field>``, ``k<i>``, ``keputusan``,
    ``output`` ...); ``form`` for what is about the whole form. The page shows each beside its input."""
    lang = current_language()
    found: dict[str, str] = {}
    names = {item.name for item in step.fields}
    for problem in getattr(error, "problems", None) or ():
        where = problem.element_id
        key = f"f.{where}" if where in names else "form"
        found.setdefault(key, _problem_text(problem, lang))
    if found:
        return found
    text = error.render(lang)
    if upload is not None:
        return {"output" if upload.output else f"k{upload.index}": text}
    about = getattr(error, "field", "") or ""
    if about in {"kelengkapan", "requirement", "alasan"}:
        values = set(getattr(error, "params", {}).values())
        for index, requirement in enumerate(step.requirements):
            if requirement.text in values or any(requirement.text in str(value) for value in values):
                return {f"k{index}": text}
        return {"kelengkapan": text}
    if about in names:
        return {f"f.{about}": text}
    if about in {"keputusan", "output", "catatan"}:
        return {about: text}
    return {"form": text}


def _problem_text(problem: Any, lang: str) -> str:
    from engine import message

    return message(problem.code, lang, **dict(problem.params))
