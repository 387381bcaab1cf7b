"""Every BPMN file exported by real modelers (OMG MIWG suite) imports and runs, or is refused by name.

The files are read where they lie (``ALUR_MIWG``, default ../shared/interop/miwg). A file imports when
it reads, validates and its BPMN export parses in SpiffWorkflow; every imported file is then published
to the durable runtime (SQLite) and one instance is worked to its end (every decision Ya). A refusal
is a :class:`~engine.errors.ProcessDefinitionError` (or :class:`~engine.errors.InputError`) whose
problems name the element; anything else is a crash and fails the test.
"""

from __future__ import annotations

import datetime as dt
from collections import Counter
from pathlib import Path

import pytest
from sqlalchemy import select

from engine.bpmn.reader import process_choices
from engine.bpmn.spiff.spec import parse_spec
from engine.bpmn.writer import write_bpmn
from engine.errors import AlurError, InputError, ProcessDefinitionError
from engine.formats.files import load_file
from engine.errors import NotFoundError
from engine.runtime.facade import Runtime
from engine.runtime.timers import ManualClock
from engine.store.models import instances, message_waits, timers
from engine.sop.model import Sop
from engine.sop.validate import validate
from tests.conftest import MIWG
from engine.samples.case_values import sample_values
from tests.engine.runtime.conftest import UNIT, fresh_url
from tests.engine.runtime.helpers import form_for

MIWG_FILES = sorted(MIWG.rglob("*.bpmn")) if MIWG.is_dir() else []

#: Ratchet: the share of MIWG files that import and run (measured 2026-12-02: 101 of 164 files, 61.6%, with a reply
#: to the task that sent the request awaited by the step after it, a decision branch that ends its sub-process read
#: as a nested selesai row, and conditions without a language attribute read as FEEL when Alur's language cannot
#: mean them; before them: 93 of 164, 56.7%, with boundaries
#: on sub-processes and calls, start events inside sub-processes no pool starts, collapsed sub-processes and loop
#: markers without a rule worked once, timers without a time (P1D) and R[n]/<duration> boundary cycles, signal
#: hand-overs between pools, interrupting escalation boundaries read as errors and calls to a process of the file
#: read as sub-processes; before them: 49 of 164, 29.9%, with events, sub-processes, calls and loops in the model;
#: before those: 37 of 164, 22.6%, with
#: collaborations, JUEL/FEEL conditions, links and documentation elements; sub-processes, boundary and catch
#: events, call activities and loops still refused). Raise it when more constructs land; never lower it.
IMPORT_FLOOR_PERCENT = 60


def _refusal(path: Path, problems: list, reasons: Counter[str]) -> None:
    assert problems, path
    for code in sorted({item.code for item in problems}):
        reasons[code] += 1
    for item in problems:
        assert item.message and "Traceback" not in item.message, (path, item)
        assert item.element_id or item.code in _WHOLE_FILE_CODES, (path, item.code, item.message)


#: Refusals about the whole file rather than one element.
_WHOLE_FILE_CODES = {"no_process", "no_start", "no_end", "many_starts", "no_steps"}


def _staff(runtime: Runtime, sop: Sop, prefix: str) -> dict[str, str]:
    people: dict[str, str] = {}
    for index, jabatan in enumerate(sop.actors, start=1):
        username = f"{prefix}p{index}"
        runtime.add_user(username, nama=f"Pegawai {index}", jabatan=[(jabatan, UNIT)])
        people[jabatan] = username
    return people


def _family(runtime: Runtime, instance_id: int) -> set[int]:
    """The instance and the child instances its calls started (and theirs)."""
    family = {instance_id}
    with runtime.db.read() as connection:
        while True:
            found = set(connection.execute(select(instances.c.id).where(instances.c.parent_id.in_(family))).scalars())
            if found <= family:
                return family
            family |= found


def _wake(runtime: Runtime, family: set[int], registration: str, people: dict[str, str]) -> bool:
    """Move a case that waits for nobody's work: deliver the messages it waits for (correlated by its
    registration number), else move the clock past its first timer and let the worker fire it."""
    with runtime.db.read() as connection:
        waits = connection.execute(select(message_waits.c.message).where(
            message_waits.c.instance_id.in_(family), message_waits.c.status == "waiting")).scalars().all()
        first_timer = connection.execute(select(timers.c.fire_at).where(
            timers.c.instance_id.in_(family), timers.c.status == "waiting").order_by(timers.c.fire_at)).scalar()
    for name in waits:
        try:
            # registration numbers count per SOP: the dedupe key tells this case's sending from another
            # file's sending of the same message name for the same number
            runtime.deliver_message(name, registration, sorted(people.values())[0], key=f"case-{min(family)}")
            return True
        except NotFoundError:
            continue
    if first_timer is not None:
        clock = runtime.clock
        assert isinstance(clock, ManualClock)
        fire_at = first_timer if first_timer.tzinfo else first_timer.replace(tzinfo=dt.timezone.utc)
        if fire_at > clock.now():
            clock.advance(fire_at - clock.now() + dt.timedelta(seconds=1))
        return runtime.tick().timers_fired > 0
    return False


def _run_one_path(runtime: Runtime, key: str, sop: Sop, people: dict[str, str]) -> tuple[str, list[str]]:
    """Start an instance and work it to its end: each clerk decision Ya on its first visit and Tidak on
    later ones (so a loop drawn on Ya ends), every step with plausible values for the fields it asks;
    messages it waits for are delivered and its timers fired by the worker with the clock moved on."""
    assert sop.start is not None
    instance, _ = runtime.start(key, people[sop.start.actor],
                                form_for(sop.start, data=sample_values(sop, sop.start.id)))
    done: list[str] = []
    for _ in range(500):
        family = _family(runtime, instance.id)
        items = sorted({item.id: item for user in sorted(set(people.values()))
                        for item in runtime.worklist(user, limit=200) if item.instance_id in family}.values(),
                       key=lambda item: item.id)
        if not items:
            if runtime.instance(instance.id).status == "running" and _wake(
                    runtime, family, runtime.instance(instance.id).registration, people):
                continue
            break
        step = sop.step(items[0].step_id)
        answer = "Tidak" if step.id in done else "Ya"
        runtime.complete(items[0].id, people[items[0].jabatan], form_for(step, answer, sample_values(sop, step.id)))
        done.append(step.id)
    return instance.id, done


@pytest.mark.skipif(not MIWG_FILES, reason=f"MIWG suite not found at {MIWG}: import test cannot run")
def test_every_miwg_file_imports_and_runs_or_is_refused_by_name(tmp_path: Path,
                                                                 request: pytest.FixtureRequest) -> None:
    imported: list[Path] = []
    reasons: Counter[str] = Counter()
    crashes: list[str] = []
    runtime = Runtime(fresh_url("sqlite", tmp_path, request), clock=ManualClock())
    try:
        for number, path in enumerate(MIWG_FILES, start=1):
            try:
                loaded = load_file(path)
                errors = [p for p in validate(loaded.sop) if p.severity == "error"]
                if errors:
                    _refusal(path, errors, reasons)
                    continue
                assert parse_spec(write_bpmn(loaded.sop)).problems == [], path
                key = f"miwg-{number}"
                runtime.publish(loaded.sop, key)
                instance_id, done = _run_one_path(runtime, key, loaded.sop, _staff(runtime, loaded.sop, f"f{number}"))
                assert runtime.instance(instance_id).status == "completed", (path, "stuck after", done)
                imported.append(path)
            except ProcessDefinitionError as exc:
                _refusal(path, exc.problems, reasons)
            except InputError as exc:
                assert exc.message, path
                reasons["input_error"] += 1
            except (AlurError, AssertionError) as exc:
                crashes.append(f"{path}: {exc}")
            except Exception as exc:  # noqa: BLE001 - every other exception is a crash to report
                crashes.append(f"{path}: {type(exc).__name__}: {exc}")
    finally:
        runtime.close()
    percent = 100 * len(imported) / len(MIWG_FILES)
    print(f"\nMIWG: {len(imported)} of {len(MIWG_FILES)} files ({percent:.0f}%) imported and ran to completion "
          f"on the durable runtime; {len(MIWG_FILES) - len(imported) - len(crashes)} refused by name; "
          f"{len(crashes)} crashes")
    print("Files refused, by reason (a file counts once per reason):")
    for reason, count in reasons.most_common():
        print(f"  {count:4d}  {reason}")
    assert not crashes, "\n".join(crashes)
    assert percent >= IMPORT_FLOOR_PERCENT, f"import rate {percent:.0f}% fell below the floor {IMPORT_FLOOR_PERCENT}%"


@pytest.mark.skipif(not MIWG_FILES, reason=f"MIWG suite not found at {MIWG}: import test cannot run")
def test_each_pool_of_a_collaboration_can_still_be_chosen_with_proses() -> None:
    chosen = imported = 0
    for path in MIWG_FILES:
        choices = process_choices(path.read_bytes())
        if len(choices) < 2:
            continue
        for process_id, _ in choices:
            chosen += 1
            try:
                one = load_file(path, process_id).sop
            except ProcessDefinitionError:
                continue
            assert one.process_id == process_id
            if not [p for p in validate(one) if p.severity == "error"]:
                assert parse_spec(write_bpmn(one)).problems == []
                imported += 1
    print(f"\nMIWG pools chosen one by one with --proses: {imported} of {chosen} import")
    assert imported
