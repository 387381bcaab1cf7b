"""Every change to an instance goes through the instance session; what the session adds (case data,
mode, event envelope, unit resolver) and recovery (suspend, resume, retry) work through it."""

from __future__ import annotations

import ast
import json
from datetime import timedelta
from pathlib import Path

import pytest
from sqlalchemy import select, update

from engine.errors import AccessDeniedError, DataError, StoreError, TaskError
from engine.runtime.audit import Envelope
from engine.runtime.case import case_data, instances_with_value
from engine.runtime.facade import Runtime
from engine.runtime.timers import ManualClock
from engine.runtime.units import UnitRequest
from engine.store.models import events, instances
from tests.conftest import DATA
from tests.engine.runtime.conftest import UNIT

ENGINE = Path(__file__).resolve().parents[3] / "engine"
SESSION = ENGINE / "runtime" / "session.py"
#: What only the session may do to an instance: build a run, lock a row, save state/head, write events.
_SESSION_ONLY_CALLS = {"InstanceRun", "InstanceSession", "lock_instance", "_finish", "_finish_sync", "_finish_write", "_adopt", "_sync"}
_SESSION_ONLY_STATEMENTS = {"SAVE_STATE", "SAVE_STATE_ONLY", "SAVE_HEAD", "INSERT_EVENT", "LOCK_INSTANCE",
                            "LOCK_INSTANCE_PG", "LOCK_INSTANCE_PG_SKIP", "FINISH_INSTANCE", "INSERT_ITEM", "CANCEL_ITEM",
                            "COMPLETE_ITEM"}
#: Tables whose rows only the session writes (``insert(instances)``, ``update(events)``...).
_SESSION_ONLY_TABLES = {"instances", "events"}
#: Packages this refactoring owns; no module in them reaches into another module's private names.
_OWN = ("runtime", "store", "bpmn/spiff", "sop/conditions")


def session_violations(source: str) -> list[str]:
    """Calls and statement names in ``source`` that only the session may use."""
    found = []
    for node in ast.walk(ast.parse(source)):
        if isinstance(node, ast.Call):
            name = node.func.attr if isinstance(node.func, ast.Attribute) else getattr(node.func, "id", "")
            if name in _SESSION_ONLY_CALLS:
                found.append(f"line {node.lineno}: {name}(...)")
            if (name in {"insert", "update", "delete"} and node.args and isinstance(node.args[0], ast.Name)
                    and node.args[0].id in _SESSION_ONLY_TABLES):
                found.append(f"line {node.lineno}: {name}({node.args[0].id})")
        elif isinstance(node, ast.Attribute) and node.attr in _SESSION_ONLY_STATEMENTS:
            found.append(f"line {node.lineno}: {node.attr}")
    return found


def test_the_scan_finds_a_hand_written_unit_of_work() -> None:
    written_by_hand = ("row = lock_instance(connection, 1)\nrun = InstanceRun(host, connection, row, v, now)\n"
                       "hot.run(connection, hot.SAVE_STATE, {})\nrun._finish()\n"
                       "connection.execute(update(instances).values(status='error'))\n")
    assert len(session_violations(written_by_hand)) == 5
    assert session_violations("with context.instance(1) as run:\n    run.append('x', 'y')\n") == []


def test_nothing_outside_the_session_creates_locks_or_saves_an_instance_run() -> None:
    offenders = {}
    for path in sorted(ENGINE.rglob("*.py")):
        if path == SESSION or path == ENGINE / "store" / "hot.py":  # hot.py defines the statements
            continue
        found = session_violations(path.read_text(encoding="utf-8"))
        if found:
            offenders[str(path.relative_to(ENGINE))] = found
    assert offenders == {}


def test_no_module_reaches_into_another_modules_private_names() -> None:
    offenders = []
    for package in _OWN:
        for path in sorted((ENGINE / package).rglob("*.py")):
            tree = ast.parse(path.read_text(encoding="utf-8"))
            # A module's own private members (a class calling its partner class's _finish) are its business.
            own = {node.name for node in ast.walk(tree) if isinstance(node, (ast.FunctionDef, ast.ClassDef))}
            for node in ast.walk(tree):
                if isinstance(node, ast.ImportFrom) and (node.module or "").startswith("engine"):
                    offenders += [f"{path.name}: {alias.name}" for alias in node.names
                                  if alias.name.startswith("_") and not alias.name.startswith("__")]
                if (isinstance(node, ast.Attribute) and isinstance(node.value, ast.Name)
                        and node.value.id in {"runtime", "context", "run", "session"}
                        and node.attr.startswith("_") and not node.attr.startswith("__") and node.attr not in own):
                    offenders.append(f"{path.name}:{node.lineno}: {node.value.id}.{node.attr}")
    assert offenders == []


def _setup(runtime: Runtime, escalation: bool = False) -> None:
    runtime.add_user("ani", jabatan=[("Pengadministrasi", UNIT)])
    runtime.add_user("budi", jabatan=[("Kepala Subbagian", UNIT)])
    runtime.publish(DATA / "surat_kecil.yaml", escalation=escalation)


def test_a_failed_session_changes_nothing(runtime: Runtime) -> None:
    _setup(runtime)
    instance, ready = runtime.start("surat_kecil", "ani", {"kelengkapan": ["Surat masuk"]})
    before = runtime.trace(instance.id)[1]
    with pytest.raises(RuntimeError), runtime.context.instance(instance.id) as run:
        run.append("suspended", "ani", "", None, {"alasan": "x"})
        run.change_status("suspended", "x")
        raise RuntimeError("gagal di tengah")
    assert runtime.trace(instance.id)[1] == before and runtime.instance(instance.id).status == "running"
    assert [item.id for item in runtime.worklist("budi")] == [ready[0].id]


def test_case_values_are_kept_apart_from_the_state_and_searchable(runtime: Runtime) -> None:
    _setup(runtime)
    first, _ = runtime.start("surat_kecil", "ani", {"kelengkapan": ["Surat masuk"], "data": {"jumlah_hari": 3}})
    second, ready = runtime.start("surat_kecil", "ani", {"kelengkapan": ["Surat masuk"],
                                                         "data": {"jumlah_hari": 5, "perihal": "Undangan"}})
    runtime.complete(ready[0].id, "budi", {"keputusan": "Tidak", "data": {"jumlah_hari": 3}})
    with runtime.db.read() as connection:
        values = case_data(connection, second.id)
        assert {name: (value.value, value.step) for name, value in values.items()} == {
            "jumlah_hari": (3, "periksa"), "perihal": ("Undangan", "terima")}
        assert instances_with_value(connection, "jumlah_hari", 3) == [first.id, second.id]
        assert instances_with_value(connection, "perihal", "Undangan") == [second.id]
        assert instances_with_value(connection, "perihal", "undangan") == []


def test_mode_replaces_the_trial_flag(runtime: Runtime) -> None:
    _setup(runtime)
    runtime.publish(DATA / "surat_kecil.yaml", draft=True, escalation=True)
    real, _ = runtime.start("surat_kecil", "ani", {"kelengkapan": ["Surat masuk"]})
    trial, _ = runtime.start("surat_kecil", "ani", {"kelengkapan": ["Surat masuk"]}, trial=True)
    assert (real.mode, real.trial) == ("real", False) and (trial.mode, trial.trial) == ("ujicoba", True)
    with runtime.db.read() as connection:
        stored = dict(connection.execute(select(instances.c.id, instances.c.mode)).all())
    assert stored == {real.id: "real", trial.id: "ujicoba"}
    assert runtime.instance(trial.id).trial and [item.trial for item in runtime.worklist("budi")] == [False, True]
    with runtime.context.session() as session, runtime.db.read() as connection:
        version = runtime.loaded_version(connection, 1)
        with pytest.raises(DataError) as refused:
            session.create(version, UNIT, "ani", None, mode="latihan")  # type: ignore[arg-type]
    assert refused.value.field == "mode" and "latihan" in refused.value.render("en")


def test_new_events_carry_a_versioned_envelope_and_old_ones_still_verify(runtime: Runtime) -> None:
    _setup(runtime)
    instance, _ = runtime.start("surat_kecil", "ani", {"kelengkapan": ["Surat masuk"]})
    with runtime.context.instance(instance.id) as run:
        run.append("suspended", "ani", "", None, {"alasan": "menunggu"},
                   Envelope(on_behalf_of="kepala", documents=(("surat.pdf", "ab" * 32),), parent=None, children=(9,)))
    with runtime.db.read() as connection:
        bodies = [json.loads(body) for body in connection.execute(
            select(events.c.body).where(events.c.instance_id == instance.id).order_by(events.c.seq)).scalars()]
    assert {body["v"] for body in bodies} == {2}
    assert bodies[-1]["on_behalf_of"] == "kepala" and bodies[-1]["children"] == [9]
    assert bodies[-1]["documents"] == [{"name": "surat.pdf", "sha256": "ab" * 32}]
    assert runtime.verify_audit()[2] is None
    # A version-1 chain (no "v" in the body, hashed as written then) keeps verifying.
    from engine.runtime.audit import GENESIS, canonical_json, chain_hash

    def insert_chain(instance_id: int, extra: dict[str, object]) -> None:
        body = canonical_json({"instance": instance_id, "seq": 1, "kind": "started", "at": "x", "actor": "ani",
                               "step": "mulai", "item": None, "data": {}, **extra})
        digest = chain_hash(GENESIS, body)
        with runtime.db.engine.begin() as connection:
            connection.execute(instances.insert().values(
                id=instance_id, version_id=1, unit=UNIT, status="running", mode="real", state="{}", state_format=0,
                revision=0, started_by="ani", started_at=runtime.clock.now(), reason="", last_seq=1,
                last_hash=digest))
            connection.execute(events.insert().values(
                instance_id=instance_id, seq=1, kind="started", at=runtime.clock.now(), actor="ani", step="mulai",
                body=body, prev_hash=GENESIS, hash=digest))

    insert_chain(instance.id + 100, {})
    assert runtime.verify_audit()[2] is None
    insert_chain(instance.id + 200, {"v": 7})
    broken = runtime.verify_audit()[2]
    assert broken is not None and "versi skema" in broken.reason


class _Secretariat:
    """A resolver that sends the Kepala Subbagian's steps to the secretariat."""

    def __init__(self) -> None:
        self.asked: list[UnitRequest] = []

    def unit_for(self, request: UnitRequest) -> str:
        self.asked.append(request)
        return "Sekretariat" if request.jabatan == "Kepala Subbagian" else request.instance_unit


def test_the_unit_of_each_new_item_comes_from_the_resolver(store_url: str, clock: ManualClock) -> None:
    resolver = _Secretariat()
    runtime = Runtime(store_url, clock=clock, units=resolver)
    try:
        _setup(runtime)
        runtime.add_user("sekre", jabatan=[("Kepala Subbagian", "Sekretariat")])
        instance, ready = runtime.start("surat_kecil", "ani", {"kelengkapan": ["Surat masuk"]})
        assert [(item.unit, item.jabatan) for item in ready] == [("Sekretariat", "Kepala Subbagian")]
        assert resolver.asked[0].instance_unit == UNIT and resolver.asked[0].step_id == "periksa"
        assert runtime.worklist("budi") == [] and [item.id for item in runtime.worklist("sekre")] == [ready[0].id]
        assert runtime.instance(instance.id).unit == UNIT
    finally:
        runtime.close()


def test_suspend_resume_and_cancel_move_the_items(runtime: Runtime) -> None:
    _setup(runtime)
    instance, ready = runtime.start("surat_kecil", "ani", {"kelengkapan": ["Surat masuk"]})
    with pytest.raises(TaskError):
        runtime.suspend(instance.id, "ani", "  ")
    runtime.add_user("luar", jabatan=[("Pengadministrasi", "Unit Lain")])
    with pytest.raises(AccessDeniedError):
        runtime.suspend(instance.id, "luar", "x")
    assert runtime.suspend(instance.id, "ani", "menunggu berkas").status == "suspended"
    assert runtime.worklist("budi") == []
    with pytest.raises(TaskError) as twice:
        runtime.suspend(instance.id, "ani", "lagi")
    assert "berstatus 'suspended'" in str(twice.value) and "is 'suspended'" in twice.value.render("en")
    assert runtime.resume(instance.id, "ani").status == "running"
    assert [item.id for item in runtime.worklist("budi")] == [ready[0].id]
    assert runtime.cancel(instance.id, "ani", "dicabut").status == "cancelled"
    assert [event.kind for event in runtime.trace(instance.id)[1]][-3:] == ["suspended", "resumed", "cancelled"]


def test_an_instance_in_error_is_retried_once_its_cause_is_fixed(runtime: Runtime, clock: ManualClock) -> None:
    _setup(runtime, escalation=True)
    instance, ready = runtime.start("surat_kecil", "ani", {"kelengkapan": ["Surat masuk"]})
    with runtime.db.read() as connection:
        good = connection.execute(select(instances.c.state).where(instances.c.id == instance.id)).scalar_one()
    with runtime.db.engine.begin() as connection:
        connection.execute(update(instances).where(instances.c.id == instance.id).values(state="{rusak"))
    runtime.clear_caches()
    clock.advance(timedelta(hours=1))
    assert runtime.tick().errors == 1 and runtime.instance(instance.id).status == "error"
    with pytest.raises(TaskError):  # an instance in error is retried or resumed, not suspended
        runtime.suspend(instance.id, "ani", "x")
    trail = runtime.trace(instance.id)[1]
    with pytest.raises(StoreError):  # the state is still broken: nothing changes
        runtime.retry(instance.id, "ani", "coba lagi")
    assert runtime.trace(instance.id)[1] == trail and runtime.instance(instance.id).status == "error"
    with runtime.db.engine.begin() as connection:
        connection.execute(update(instances).where(instances.c.id == instance.id).values(state=good))
    retried = runtime.retry(instance.id, "ani", "cadangan dipulihkan")
    assert retried.status == "running" and retried.reason == "cadangan dipulihkan"
    kinds = [event.kind for event in runtime.trace(instance.id)[1]]
    assert kinds[len(trail):] == ["retried", "escalated"]
    assert [item.id for item in runtime.worklist("budi")] == [ready[0].id]
    with pytest.raises(TaskError):  # only an instance in error is retried
        runtime.retry(instance.id, "ani")
    assert runtime.verify_audit()[2] is None
