"""SOP definitions and their versions in the store: publish once, load once per process, pick for a start.

:class:`LoadedVersion` is a version as the runtime keeps it in memory (parsed spec and steps);
:class:`VersionCache` keeps one per version id for the life of a runtime (versions never change).

A version keeps the BPMN document (for the official print) and the parsed SpiffWorkflow spec of
what runs (with escalation timers when asked), serialised once; instances only reference it, so
they stay pinned to the version they started on whatever is published later.
"""

from __future__ import annotations

import hashlib
import json
import os
import re
from dataclasses import asdict, dataclass
from datetime import datetime
from difflib import get_close_matches

from sqlalchemy import Connection, insert, select, update
from SpiffWorkflow.bpmn.specs.bpmn_process_spec import BpmnProcessSpec

from engine.bpmn.escalation import add_escalation_timers
from engine.bpmn.reader import read_bpmn
from engine.bpmn.spiff.events import has_messages
from engine.bpmn.spiff.spec import parse_spec
from engine.bpmn.spiff.state import clock_timer_of, clock_timers, spec_from_json, spec_to_json
from engine.bpmn.spiff.structure import subprocess_specs
from engine.bpmn.writer import write_bpmn
from engine.errors import AccessDeniedError, NotFoundError, ProcessDefinitionError
from engine.formats.files import check_sop, load_file
from engine.sop.fields import fields_at
from engine.sop.keys import sop_key, sop_key_for_file
from engine.sop.model import Sop, Step, StepKind
from engine.store import repo
from engine.store.models import definitions, versions
from engine.runtime.work import StepInfo, VersionInfo

_KEY = re.compile(r"^[A-Za-z0-9][A-Za-z0-9_.\-]{0,99}$")


@dataclass
class LoadedVersion:
    """An SOP version as the runtime keeps it in memory."""

    id: int
    key: str
    nama: str
    number: int
    draft: bool
    escalation: bool
    has_timers: bool
    spec: BpmnProcessSpec
    steps: dict[str, StepInfo]
    start: StepInfo
    #: The SOP as published (identity, declared case fields), read from the version's BPMN.
    sop: Sop | None = None
    #: Some step waits for a message (engine.runtime.events keeps its message_waits rows).
    has_messages: bool = False
    #: The id of the SOP's definition row (0 when not known).
    definition_id: int = 0


class VersionCache:
    """Parsed versions by id; a stored version never changes, so an entry never goes stale."""

    def __init__(self) -> None:
        self._loaded: dict[int, LoadedVersion] = {}

    def get(self, connection: Connection, version_id: int) -> LoadedVersion:
        """The version, parsed from the store on first use."""
        cached = self._loaded.get(version_id)
        if cached is None:
            cached = self._loaded[version_id] = load_version(connection, version_id)
        return cached

    def clear(self) -> None:
        """Forget every parsed version."""
        self._loaded.clear()


@dataclass
class PreparedVersion:
    """A checked SOP with everything a version row stores."""

    key: str
    sop: Sop
    document: bytes
    process_id: str
    spec: BpmnProcessSpec
    steps: list[StepInfo]
    digest: str
    escalation: bool
    has_timers: bool


def prepare_version(source: str | os.PathLike[str] | Sop, key: str | None, escalation: bool) -> PreparedVersion:
    """Read, check and parse an SOP for publishing (no database).

    :raises ProcessDefinitionError: the SOP is not valid or does not run.
    """
    if isinstance(source, Sop):
        sop = source
        key = key or sop_key(sop.identity.nama or sop.process_id)
    else:
        sop = load_file(source).sop
        key = key or sop_key_for_file(source)
    if not _KEY.match(key):
        raise ProcessDefinitionError.from_code("runtime_bad_sop_key", key=key)
    problems = [item for item in check_sop(sop) if item.severity == "error"]
    if problems:
        raise ProcessDefinitionError.from_code("runtime_sop_invalid", problems, problems="; ".join(map(str, problems)))
    document = write_bpmn(sop)
    executable = add_escalation_timers(document) if escalation else document
    parsed = parse_spec(executable)
    if parsed.spec is None:
        raise ProcessDefinitionError.from_code("runtime_spiff_refused", parsed.problems,
                                               problems="; ".join(map(str, parsed.problems)))
    cycles = clock_timers(parsed.spec)
    if cycles:
        raise ProcessDefinitionError.from_code("runtime_time_cycle", timers=", ".join(cycles))
    has_timers = any(clock_timer_of(spec) is not None  # sub-processes' too
                     for one in (parsed.spec, *subprocess_specs(parsed.spec).values())
                     for spec in one.task_specs.values())
    return PreparedVersion(key, sop, document, parsed.process_id, parsed.spec, [step_info(s, sop) for s in sop.steps],
                           hashlib.sha256(executable).hexdigest(), escalation, has_timers)


def store_version(connection: Connection, prepared: PreparedVersion, draft: bool, by: str,
                  now: datetime) -> VersionInfo:
    """Insert the version (and its definition when new), unless the newest version already holds it."""
    nama = prepared.sop.identity.nama
    definition = connection.execute(select(definitions).where(definitions.c.key == prepared.key)).first()
    if definition is None:
        found_id = connection.execute(insert(definitions).returning(definitions.c.id), {
            "key": prepared.key, "process_id": prepared.process_id, "nama": nama, "created_at": now,
        }).scalar_one()
    else:
        found_id = definition.id
        connection.execute(update(definitions).where(definitions.c.id == found_id)
                           .values(nama=nama, process_id=prepared.process_id))
    latest = connection.execute(repo.version_query().where(versions.c.definition_id == found_id)
                                .order_by(versions.c.number.desc()).limit(1)).first()
    if latest is not None and latest.sha256 == prepared.digest and latest.draft == draft:
        return repo.version_info(latest, created=False)
    number = (latest.number if latest is not None else 0) + 1
    version_id = connection.execute(insert(versions).returning(versions.c.id), {
        "definition_id": found_id, "number": number, "draft": draft, "escalation": prepared.escalation,
        "has_timers": prepared.has_timers, "bpmn": prepared.document, "spec": spec_to_json(prepared.spec),
        # the fields are the SOP's (read back from the BPMN when loaded), not repeated per step
        "steps": json.dumps([{name: value for name, value in asdict(step).items() if name not in ("fields", "record_kind")}
                             for step in prepared.steps], ensure_ascii=False),
        "sha256": prepared.digest, "published_at": now, "published_by": by,
    }).scalar_one()
    return repo.version_info(connection.execute(repo.version_query().where(versions.c.id == version_id)).one())


def definition_id(connection: Connection, key: str) -> int:
    """:raises NotFoundError: no SOP with this key, naming the closest one."""
    found = connection.execute(select(definitions.c.id).where(definitions.c.key == key)).scalar()
    if found is None:
        keys = list(connection.execute(select(definitions.c.key)).scalars())
        close = get_close_matches(key, keys, n=1)
        if close:
            raise NotFoundError.from_code("runtime_sop_not_published_close", sop=key, close=close[0])
        raise NotFoundError.from_code("runtime_sop_not_published", sop=key)
    return int(found)


def load_version(connection: Connection, version_id: int) -> LoadedVersion:
    """A stored version with its spec deserialised and its steps."""
    row = connection.execute(
        select(versions, definitions.c.key, definitions.c.nama)
        .join(definitions, definitions.c.id == versions.c.definition_id)
        .where(versions.c.id == version_id)).one()
    sop = read_bpmn(row.bpmn).sop
    start_id = sop.start.id if sop.start else ""
    # the fields and the record come from the BPMN, so a version stored before them reads them too
    records = {step.id: step.record.kind for step in sop.steps if step.record is not None}
    steps = {item["id"]: StepInfo(**{**item, "kelengkapan": tuple(item["kelengkapan"]),
                                     "fields": fields_at(sop.fields, item["id"], start_id),
                                     "record_kind": records.get(item["id"], "")})
             for item in json.loads(row.steps)}
    start = next(step for step in steps.values() if step.kind == StepKind.START.value)
    spec = spec_from_json(row.spec)
    return LoadedVersion(row.id, row.key, row.nama, row.number, row.draft, row.escalation, row.has_timers,
                         spec, steps, start, sop, has_messages(spec), int(row.definition_id))


def pick_version(connection: Connection, key: str, trial: bool, number: int | None) -> int:
    """The version a new instance starts on: the newest approved one, or the newest draft for a trial.

    :raises NotFoundError: no such version.
    :raises AccessDeniedError: a draft version asked for outside a trial.
    """
    found_id = definition_id(connection, key)
    query = select(versions.c.id, versions.c.draft, versions.c.number).where(versions.c.definition_id == found_id)
    if number is not None:
        query = query.where(versions.c.number == number)
    else:
        query = query.where(versions.c.draft == trial).order_by(versions.c.number.desc())
    row = connection.execute(query.limit(1)).first()
    if row is None:
        if number is not None:
            raise NotFoundError.from_code("runtime_no_such_version", sop=key, number=number)
        if trial:
            raise NotFoundError.from_code("runtime_no_draft", sop=key)
        raise NotFoundError.from_code("runtime_no_approved_version", sop=key)
    if row.draft and not trial:
        raise AccessDeniedError.from_code("runtime_version_is_draft", sop=key, number=row.number)
    return int(row.id)


def step_info(step: Step, sop: Sop | None = None) -> StepInfo:
    """What the runtime keeps of an SOP step (with the case fields ``sop`` asks there)."""
    fields = fields_at(sop.fields, step.id, sop.start.id if sop.start else "") if sop is not None else ()
    return StepInfo(id=step.id, kind=step.kind.value, kegiatan=step.activity, pelaksana=step.actor,
                    kelengkapan=tuple(step.requirements), waktu=step.duration, output=step.output,
                    condition=step.condition, fields=fields, requirements=tuple(step.requirement_items()),
                    output_document=step.output_document, record_kind=step.record.kind if step.record else "")
