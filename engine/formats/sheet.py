"""The SOP sheet: a YAML authoring format that reads like the regulation's table.

The format is documented in ``docs/sheet-format.md``. Loading never builds Python objects from
tags and refuses YAML aliases (the "billion laughs" trick); it reports every structural problem
at once.
"""

from __future__ import annotations

import datetime as dt
import re
from typing import Any

import yaml

from engine.errors import InputError, Problem, ProcessDefinitionError, problem
from engine.formats.sheet_events import EVENT_STEP_KEYS, read_step_events, step_events_mapping
from engine.sop.fields import START, START_WORDS, Field, FieldType
from engine.sop.step_records import SHEET_KEY, read_catat
from engine.formats.sheet_structure import STRUCTURE_KEYS, SUBPROCESS_WORD, read_structure, structure_mapping
from engine.sop.model import IDENTITY_DATES, IDENTITY_LISTS, IDENTITY_TEXTS, Approval, Identity, Sop, Step, StepKind

#: Largest sheet accepted, in bytes; real SOPs are a few kilobytes.
MAX_SHEET_BYTES = 2 * 1024 * 1024
SHEET_VERSION = 1

KIND_WORDS: dict[str, StepKind] = {
    "mulai": StepKind.START,
    "kegiatan": StepKind.ACTIVITY,
    "keputusan": StepKind.DECISION,
    "selesai": StepKind.END,
    "start": StepKind.START,
    "activity": StepKind.ACTIVITY,
    "decision": StepKind.DECISION,
    "end": StepKind.END,
    SUBPROCESS_WORD: StepKind.ACTIVITY,  # a sub-process row (engine.sop.structure)
}
KIND_NAMES: dict[StepKind, str] = {
    StepKind.START: "mulai",
    StepKind.ACTIVITY: "kegiatan",
    StepKind.DECISION: "keputusan",
    StepKind.END: "selesai",
}
_STEP_KEYS = {"id", "jenis", "kegiatan", "pelaksana", "kelengkapan", "waktu", "output", "keterangan",
              "lanjut", "ya", "tidak", "syarat", "tunggu_semua", "output_dokumen", "catat"} | EVENT_STEP_KEYS | STRUCTURE_KEYS
_SOP_KEYS = set(IDENTITY_TEXTS) | set(IDENTITY_DATES) | set(IDENTITY_LISTS) | {"disahkan_oleh", "pola_nomor_registrasi",
                                                                                         "retensi_tahun"}
_FIELD_KEYS = {"nama", "label", "label_en", "jenis", "wajib", "pribadi", "langkah", "diubah_pada", "pilihan", "kolom"}
_COLUMN_KEYS = _FIELD_KEYS - {"langkah", "diubah_pada", "kolom", "pribadi"}
#: Sheet words of field types: the Indonesian word (the type's value) and the English name.
FIELD_TYPE_WORDS: dict[str, FieldType] = {kind.value: kind for kind in FieldType} | {
    kind.name.lower(): kind for kind in FieldType}


# Characters XML 1.0 cannot hold; a sheet carrying them could never become BPMN.
_CONTROL = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\ufffe\uffff]")


class _AliasFound(Exception):
    def __init__(self, anchor: str, line: int) -> None:
        super().__init__(anchor)
        self.anchor = anchor
        self.line = line


class _NoAliasLoader(yaml.SafeLoader):
    """SafeLoader that refuses anchors and aliases, so a sheet cannot expand exponentially."""

    def compose_node(self, parent: Any, index: Any) -> Any:
        if self.check_event(yaml.AliasEvent):
            event = self.peek_event()  # type: ignore[no-untyped-call]
            raise _AliasFound(str(event.anchor), event.start_mark.line + 1)
        return super().compose_node(parent, index)


def load_sheet(text: str | bytes, filename: str = "") -> Sop:
    """Read an SOP sheet.

    :raises InputError: when the text is too large, not YAML, or uses aliases.
    :raises ProcessDefinitionError: when the structure is wrong (unknown keys, wrong types).
    """
    label = filename or "SOP"
    if len(text) > MAX_SHEET_BYTES:
        raise InputError.from_code("file_too_large", label=label, size=f"{len(text):,}",
                                   limit=f"{MAX_SHEET_BYTES:,}")
    try:
        data = yaml.load(text, Loader=_NoAliasLoader)  # noqa: S506 - SafeLoader subclass
    except _AliasFound as exc:
        raise InputError.from_code("sheet_alias", label=label, anchor=exc.anchor, line=exc.line) from None
    except yaml.YAMLError as exc:
        mark = getattr(exc, "problem_mark", None)
        raise InputError.from_code("sheet_not_yaml", label=label, where=f" ({mark.line + 1})" if mark else "",
                                   detail=getattr(exc, "problem", None) or exc) from exc
    except RecursionError:
        raise InputError.from_code("sheet_too_deep", label=label) from None
    except ValueError as exc:  # a value YAML reads but Python cannot hold: a 100,000-digit number, 2026-13-45
        raise InputError.from_code("sheet_bad_value", label=label, detail=str(exc)[:120]) from None
    return sop_from_mapping(data, filename)


def sop_from_mapping(data: Any, filename: str = "") -> Sop:
    """Build an SOP from sheet data already in memory (a loaded sheet, or the web editor's form).

    :raises ProcessDefinitionError: when the structure is wrong (unknown keys, wrong types).
    """
    reader = _SheetReader()
    sop = reader.read(data)
    if reader.problems:
        raise ProcessDefinitionError.from_code("sheet_unreadable_summary", reader.problems, filename,
                                               filename=filename, count=len(reader.problems))
    return sop


class _SheetReader:
    """Turns loaded YAML data into an :class:`Sop`, collecting problems instead of stopping."""

    def __init__(self) -> None:
        self.problems: list[Problem] = []

    def _add(self, code: str, element_id: str = "", **params: object) -> None:
        self.problems.append(problem(code, element_id, "", severity="error", **params))

    def read(self, data: Any) -> Sop:
        if not isinstance(data, dict):
            self._add("sheet_not_mapping")
            return Sop()
        self._unknown_keys(data, {"alur", "sop", "pelaksana", "penugasan", "jabatan_org", "isian", "langkah", "process_id"}, "")
        version = data.get("alur", SHEET_VERSION)
        if version != SHEET_VERSION:
            self._add("sheet_version", version=version)
        identity = self._identity(data.get("sop") or {})
        actors = [self._text(actor, "pelaksana") for actor in self._list(data.get("pelaksana"), "pelaksana")]
        steps: list[Step] = []
        self._rows(self._list(data.get("langkah"), "langkah"), "", steps)
        fields = tuple(self._field(raw, index) for index, raw in enumerate(self._list(data.get("isian"), "isian")))
        sop = Sop(identity=identity, actors=actors, steps=steps, routing=self._routing(data.get("penugasan")),
                  actor_jabatan=self._routing(data.get("jabatan_org"), "jabatan_org"),
                  process_id=self._text(data.get("process_id", ""), "process_id"),
                  fields=tuple(item for item in fields if item is not None))
        # Pin the BPMN process id at first load, so renaming the SOP later keeps its identity.
        sop.process_id = sop.process_id or sop.default_process_id()
        return sop

    def _rows(self, raw_steps: list[Any], within: str, steps: list[Step]) -> None:
        """Read the rows of one level into ``steps`` (a sub-process's rows right after it)."""
        level: list[tuple[Any, Step]] = []
        for raw in raw_steps:
            step = self._step(raw, len(steps))
            step.structure.within = within
            steps.append(step)
            level.append((raw, step))
            if step.structure.subprocess and isinstance(raw, dict):
                self._rows(self._list(raw.get("langkah"), "langkah"), step.id, steps)
        # An omitted `lanjut` means "the next row" of the same level, which is how a table reads.
        for index, (raw, step) in enumerate(level):
            if (isinstance(raw, dict) and "lanjut" not in raw and step.kind in (StepKind.START, StepKind.ACTIVITY)
                    and index + 1 < len(level)):
                step.next = [level[index + 1][1].id]

    def _unknown_keys(self, data: dict[Any, Any], known: set[str], element_id: str) -> None:
        for key in data:
            if key not in known:
                self._add("sheet_unknown_key", element_id, key=key, known=", ".join(sorted(known)))

    def _identity(self, data: Any) -> Identity:
        identity = Identity()
        if not isinstance(data, dict):
            self._add("sheet_wrong_type", key="sop", expected="pasangan kunci")
            return identity
        self._unknown_keys(data, _SOP_KEYS, "sop")
        for key in IDENTITY_TEXTS:
            setattr(identity, key, self._text(data.get(key, ""), key))
        identity.pola_nomor_registrasi = self._text(data.get("pola_nomor_registrasi", ""), "pola_nomor_registrasi")
        years = data.get("retensi_tahun", "")
        # a YAML number is the usual way to write it; the check (engine.sop.retention) reads the text
        identity.retensi_tahun = self._text(str(years) if isinstance(years, int) and not isinstance(years, bool)
                                            else years, "retensi_tahun")
        for key in IDENTITY_DATES:
            setattr(identity, key, self._date(data.get(key), key))
        for key in IDENTITY_LISTS:
            setattr(identity, key, [self._text(item, key) for item in self._list(data.get(key), key)])
        approval = data.get("disahkan_oleh") or {}
        if isinstance(approval, dict):
            self._unknown_keys(approval, {"jabatan", "nama", "nip", "pelaksana"}, "disahkan_oleh")
            acting = self._text(approval.get("pelaksana", ""), "disahkan_oleh.pelaksana").strip().lower()
            identity.disahkan_oleh = Approval(
                jabatan=self._text(approval.get("jabatan", ""), "disahkan_oleh.jabatan"),
                nama=self._text(approval.get("nama", ""), "disahkan_oleh.nama"),
                nip=self._text(approval.get("nip", ""), "disahkan_oleh.nip"),
                acting=acting if acting in ("plh", "plt") else "",
            )
        else:
            self._add("sheet_wrong_type", key="disahkan_oleh", expected="pasangan jabatan, nama, nip")
        return identity

    def _step(self, raw: Any, index: int) -> Step:
        if not isinstance(raw, dict):
            self._add("sheet_wrong_type", key=f"langkah ke-{index + 1}", expected="pasangan kunci")
            return Step(id=f"langkah_{index + 1}", kind=StepKind.ACTIVITY)
        step_id = self._text(raw.get("id", ""), "id")
        if not step_id:
            self._add("sheet_missing_id", number=index + 1)
            step_id = f"langkah_{index + 1}"
        self._unknown_keys(raw, _STEP_KEYS, step_id)
        kind_word = self._text(raw.get("jenis", "kegiatan"), "jenis").lower()
        kind = KIND_WORDS.get(kind_word)
        if kind is None:
            self._add("sheet_bad_kind", step_id, value=kind_word)
            kind = StepKind.ACTIVITY
        next_raw = raw.get("lanjut", [])
        next_ids = [self._text(item, "lanjut") for item in (next_raw if isinstance(next_raw, list) else [next_raw])]
        join = self._flag(raw, "tunggu_semua", step_id)
        requirements, documents = self._requirements(raw.get("kelengkapan"), step_id)
        step = Step(
            id=step_id,
            kind=kind,
            activity=self._text(raw.get("kegiatan", ""), "kegiatan"),
            actor=self._text(raw.get("pelaksana", ""), "pelaksana"),
            requirements=requirements,
            documents=documents,
            output_document=self._flag(raw, "output_dokumen", step_id),
            duration=self._text(raw.get("waktu", ""), "waktu"),
            output=self._text(raw.get("output", ""), "output"),
            remarks=self._text(raw.get("keterangan", ""), "keterangan", multiline=True),
            next=[target for target in next_ids if target],
            yes=self._text(raw.get("ya", ""), "ya"),
            no=self._text(raw.get("tidak", ""), "tidak"),
            condition=self._text(raw.get("syarat", ""), "syarat"),
            join=join,
            structure=read_structure(raw, step_id, self._add),
            record=read_catat(raw[SHEET_KEY], step_id, self._add) if SHEET_KEY in raw else None,
        )
        read_step_events(raw, step, self._add, self._text)
        # `tunggu_cabang` is a join too: the one that waits only for the branches an inclusive split took
        step.join = step.join or step.structure.inclusive_join
        return step

    def _flag(self, raw: dict[Any, Any], key: str, element_id: str) -> bool:
        value = raw.get(key, False)
        if not isinstance(value, bool):
            self._add("sheet_wrong_type", element_id, key=key, expected="true atau false")
            return False
        return value

    def _requirements(self, value: Any, step_id: str) -> tuple[list[str], list[str]]:
        """Kelengkapan texts, and those written ``{dokumen: ...}`` (documents to attach or see)."""
        texts: list[str] = []
        documents: list[str] = []
        for item in self._list(value, "kelengkapan"):
            if isinstance(item, dict):
                if set(item) != {"dokumen"}:
                    self._add("sheet_bad_requirement", step_id)
                    continue
                text = self._text(item["dokumen"], "kelengkapan")
                documents.append(text)
            else:
                text = self._text(item, "kelengkapan")
            texts.append(text)
        return texts, documents

    def _field(self, raw: Any, index: int, column: bool = False) -> Field | None:
        """One entry of ``isian`` (or of a table's ``kolom``)."""
        if not isinstance(raw, dict):
            self._add("sheet_wrong_type", key=f"isian ke-{index + 1}", expected="pasangan kunci")
            return None
        name = self._text(raw.get("nama", ""), "nama")
        if not name:
            self._add("sheet_missing_field_name", number=index + 1)
            return None
        self._unknown_keys(raw, _COLUMN_KEYS if column else _FIELD_KEYS, name)
        word = self._text(raw.get("jenis", FieldType.TEXT.value), "jenis").lower()
        kind = FIELD_TYPE_WORDS.get(word)
        if kind is None:
            self._add("sheet_bad_field_type", name, value=word, known=", ".join(item.value for item in FieldType))
            kind = FieldType.TEXT
        step = self._text(raw.get("langkah", START), "langkah")
        columns: list[Field | None] = []
        if not column:
            columns = [self._field(item, number, column=True)
                       for number, item in enumerate(self._list(raw.get("kolom"), "kolom"))]
        return Field(
            name=name, type=kind,
            label_id=self._text(raw.get("label", ""), "label"),
            label_en=self._text(raw.get("label_en", ""), "label_en"),
            required=self._flag(raw, "wajib", name),
            personal=self._flag(raw, "pribadi", name),
            step=START if step.lower() in START_WORDS else step,
            revised_at=tuple(self._text(item, "diubah_pada") for item in self._list(raw.get("diubah_pada"), "diubah_pada")),
            options=tuple(self._text(item, "pilihan") for item in self._list(raw.get("pilihan"), "pilihan")),
            columns=tuple(item for item in columns if item is not None),
        )

    def _text(self, value: Any, key: str, multiline: bool = False) -> str:
        """A text field: single-line fields have their whitespace collapsed, as BPMN names do."""
        if value is None:
            return ""
        if isinstance(value, bool) or isinstance(value, (dict, list)):
            self._add("sheet_wrong_type", key=key, expected="teks")
            return ""
        text = str(value)
        if _CONTROL.search(text):
            self._add("sheet_bad_text", key=key)
            text = _CONTROL.sub("", text)
        return text.strip() if multiline else " ".join(text.split())

    def _routing(self, value: Any, key: str = "penugasan") -> dict[str, str]:
        """A ``pelaksana -> text`` mapping: ``penugasan`` (the routing rules, checked by validation) or
        ``jabatan_org`` (the organisation jabatan code of each column)."""
        if value is None:
            return {}
        if not isinstance(value, dict):
            self._add("sheet_wrong_type", key=key, expected="pasangan kunci")
            return {}
        return {self._text(actor, key): self._text(rule, f"{key}.{actor}") for actor, rule in value.items()}

    def _list(self, value: Any, key: str) -> list[Any]:
        if value is None:
            return []
        if isinstance(value, list):
            return value
        if isinstance(value, str):
            return [value]
        self._add("sheet_wrong_type", key=key, expected="daftar")
        return []

    def _date(self, value: Any, key: str) -> dt.date | None:
        if value in (None, ""):
            return None
        if isinstance(value, dt.datetime):
            return value.date()
        if isinstance(value, dt.date):
            return value
        parsed = parse_date(str(value))
        if parsed is None:
            self._add("sheet_bad_date", key=key, value=value)
        return parsed


def parse_date(text: str) -> dt.date | None:
    """Parse 2026-01-31, 31-01-2026 or 31/01/2026; ``None`` when it is none of these."""
    text = text.strip()
    try:
        return dt.date.fromisoformat(text)
    except ValueError:
        pass
    match = re.fullmatch(r"(\d{1,2})[-/.](\d{1,2})[-/.](\d{4})", text)
    if match:
        day, month, year = (int(part) for part in match.groups())
        try:
            return dt.date(year, month, day)
        except ValueError:
            return None
    return None


def dump_sheet(sop: Sop) -> str:
    """Write ``sop`` as an SOP sheet; ``load_sheet(dump_sheet(sop))`` gives the same model."""
    return yaml.dump(sheet_mapping(sop), Dumper=_SheetDumper, allow_unicode=True, sort_keys=False, width=100,
                     default_flow_style=False)


def sheet_mapping(sop: Sop) -> dict[str, Any]:
    """The sheet of ``sop`` as plain data: ``sop_from_mapping(sheet_mapping(sop))`` gives the same model."""
    identity = sop.identity
    sop_block: dict[str, Any] = {key: getattr(identity, key) for key in IDENTITY_TEXTS}
    for key in IDENTITY_DATES:
        sop_block[key] = getattr(identity, key) or ""
    sop_block["disahkan_oleh"] = {
        "jabatan": identity.disahkan_oleh.jabatan,
        "nama": identity.disahkan_oleh.nama,
        "nip": identity.disahkan_oleh.nip,
    }
    if identity.disahkan_oleh.acting:
        sop_block["disahkan_oleh"]["pelaksana"] = identity.disahkan_oleh.acting
    for key in IDENTITY_LISTS:
        sop_block[key] = list(getattr(identity, key))
    if identity.pola_nomor_registrasi:
        sop_block["pola_nomor_registrasi"] = identity.pola_nomor_registrasi
    if identity.retensi_tahun:
        years = identity.retensi_tahun
        sop_block["retensi_tahun"] = int(years) if years.isdigit() else years
    document: dict[str, Any] = {"alur": SHEET_VERSION}
    if sop.process_id:
        document["process_id"] = sop.process_id
    document.update({"sop": sop_block, "pelaksana": list(sop.actors)})
    if any(rule.strip() for rule in sop.routing.values()):
        document["penugasan"] = {actor: rule.strip() for actor, rule in sop.routing.items() if rule.strip()}
    if any(code.strip() for code in sop.actor_jabatan.values()):
        document["jabatan_org"] = {actor: code.strip() for actor, code in sop.actor_jabatan.items() if code.strip()}
    if sop.fields:
        document["isian"] = [_field_mapping(item) for item in sop.fields]
    document["langkah"] = _level_rows(sop, "")
    return document


def _level_rows(sop: Sop, within: str) -> list[dict[str, Any]]:
    """The rows of one level (a sub-process's rows nested under its ``langkah``)."""
    level = [step for step in sop.steps if step.structure.within == within]
    rows: list[dict[str, Any]] = []
    for index, step in enumerate(level):
        kind_word = SUBPROCESS_WORD if step.structure.subprocess else KIND_NAMES[step.kind]
        row: dict[str, Any] = {"id": step.id, "jenis": kind_word, "kegiatan": step.activity,
                               "pelaksana": step.actor}
        if step.requirements:
            marked = set(step.documents)
            row["kelengkapan"] = [{"dokumen": item} if item in marked else item for item in step.requirements]
        for key, value in (("waktu", step.duration), ("output", step.output), ("keterangan", step.remarks)):
            if value:
                row[key] = value
        if step.output_document:
            row["output_dokumen"] = True
        if step.kind is StepKind.DECISION:
            row["ya"] = step.yes
            row["tidak"] = step.no
            if step.condition:
                row["syarat"] = step.condition
        elif step.kind in (StepKind.START, StepKind.ACTIVITY):
            following = level[index + 1].id if index + 1 < len(level) else None
            if step.next != ([following] if following else []):
                row["lanjut"] = step.next[0] if len(step.next) == 1 else list(step.next)
        elif step.next:
            row["lanjut"] = list(step.next)
        if step.join and not step.structure.inclusive_join:
            row["tunggu_semua"] = True
        step_events_mapping(step, row)
        row.update(structure_mapping(step.structure))
        if step.record is not None:
            row[SHEET_KEY] = step.record.mapping()
        if step.structure.subprocess:
            row["langkah"] = _level_rows(sop, step.id)
        rows.append(row)
    return rows


def _field_mapping(item: Field, column: bool = False) -> dict[str, Any]:
    row: dict[str, Any] = {"nama": item.name}
    if item.label_id:
        row["label"] = item.label_id
    if item.label_en:
        row["label_en"] = item.label_en
    row["jenis"] = item.type.value
    if item.required:
        row["wajib"] = True
    if item.personal and not column:
        row["pribadi"] = True
    if not column:
        row["langkah"] = "mulai" if item.step == START else item.step
        if item.revised_at:
            row["diubah_pada"] = list(item.revised_at)
    if item.options:
        row["pilihan"] = list(item.options)
    if item.columns and not column:
        row["kolom"] = [_field_mapping(part, column=True) for part in item.columns]
    return row


class _SheetDumper(yaml.SafeDumper):
    """Indents list items under their key, as people write YAML by hand."""

    def increase_indent(self, flow: bool = False, indentless: bool = False) -> None:
        super().increase_indent(flow, False)
