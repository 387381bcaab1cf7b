"""Signed anchors over every chain head catch what the chain alone cannot: a deleted instance and a
chain re-hashed end to end; ``alur audit anchor`` / ``alur audit verify --anchors`` name them."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from click.testing import CliRunner
from sqlalchemy import select, text, update

from engine.cli.main import main
from engine.errors import InputError
from engine.runtime.anchor import load_key, make_anchor, verify_anchors, write_anchor
from engine.runtime.audit import GENESIS, chain_hash
from engine.runtime.facade import Runtime
from engine.store.models import case_registrations, case_salts, case_values, events, instances, timers, work_items
from tests.engine.runtime.conftest import clock, postgres_database, runtime, store_url  # noqa: F401
from tests.engine.runtime.test_audit import two_instances


def _tamper(runtime: Runtime, statements: list[object]) -> None:
    """Run tampering statements the way an attacker with database access would (triggers off)."""
    with runtime.db.engine.begin() as connection:
        if connection.dialect.name == "sqlite":
            connection.execute(text("DROP TRIGGER IF EXISTS events_no_update"))
            connection.execute(text("DROP TRIGGER IF EXISTS events_no_delete"))
        else:
            connection.execute(text("ALTER TABLE events DISABLE TRIGGER events_no_change"))
        for statement in statements:
            connection.execute(statement)  # type: ignore[call-overload]


@pytest.fixture
def key(tmp_path: Path) -> bytes:
    return load_key(tmp_path / "kunci" / "anchor.key", create=True)


def _delete_instance(runtime: Runtime, instance_id: int) -> None:
    _tamper(runtime, [events.delete().where(events.c.instance_id == instance_id),
                      work_items.delete().where(work_items.c.instance_id == instance_id),
                      timers.delete().where(timers.c.instance_id == instance_id),
                      case_registrations.delete().where(case_registrations.c.instance_id == instance_id),
                      case_salts.delete().where(case_salts.c.instance_id == instance_id),
                      case_values.delete().where(case_values.c.instance_id == instance_id),
                      instances.delete().where(instances.c.id == instance_id)])


def _rehash(runtime: Runtime, instance_id: int) -> None:
    """Rewrite the first event and re-hash the whole chain, head included: the chain alone stays valid."""
    with runtime.db.read() as connection:
        rows = connection.execute(select(events).where(events.c.instance_id == instance_id)
                                  .order_by(events.c.seq)).all()
    previous, statements = GENESIS, []
    for row in rows:
        body = row.body.replace('"ani"', '"mallory"') if row.seq == 1 else row.body
        assert row.seq != 1 or body != row.body
        digest = chain_hash(previous, body)
        actor = "mallory" if row.actor == "ani" else row.actor
        statements.append(update(events).where(events.c.id == row.id).values(body=body, prev_hash=previous,
                                                                              hash=digest, actor=actor))
        previous = digest
    statements.append(update(instances).where(instances.c.id == instance_id).values(last_hash=previous))
    _tamper(runtime, statements)


def test_a_clean_store_matches_its_anchor_as_it_grows(runtime: Runtime, key: bytes, tmp_path: Path) -> None:
    ids = two_instances(runtime)
    write_anchor(runtime, key, tmp_path / "jangkar")
    runtime.start("surat_kecil", "ani", {"kelengkapan": ["Surat masuk"]})  # after the anchor
    assert verify_anchors(runtime, key, tmp_path / "jangkar") == (1, [])
    anchor = make_anchor(runtime, key)
    assert anchor["instances"] == len(ids) + 1 and anchor["algorithm"] == "HMAC-SHA256"


def test_a_deleted_instance_and_a_rehashed_chain_are_named(runtime: Runtime, key: bytes, tmp_path: Path) -> None:
    ids = two_instances(runtime)
    write_anchor(runtime, key, tmp_path)
    _delete_instance(runtime, ids[0])
    _rehash(runtime, ids[1])
    assert runtime.verify_audit()[2] is None  # the chain alone sees nothing
    checked, findings = verify_anchors(runtime, key, tmp_path)
    assert checked == 1
    assert [(finding.kind, finding.instance_id) for finding in findings] == [("missing", ids[0]),
                                                                             ("rewritten", ids[1])]
    assert f"instans {ids[0]} hilang" in findings[0].render("id")
    assert "rewritten" in findings[1].render("en")


def test_an_altered_anchor_or_another_key_is_refused(runtime: Runtime, key: bytes, tmp_path: Path) -> None:
    ids = two_instances(runtime)
    path = write_anchor(runtime, key, tmp_path)
    _delete_instance(runtime, ids[0])
    anchor = json.loads(path.read_text())
    anchor["heads"] = [head for head in anchor["heads"] if head[0] != ids[0]]  # hide the deletion
    path.write_text(json.dumps(anchor))
    assert [finding.kind for finding in verify_anchors(runtime, key, tmp_path)[1]] == ["signature"]
    other = load_key(tmp_path / "lain.key", create=True)
    assert [finding.kind for finding in verify_anchors(runtime, other, tmp_path)[1]] == ["signature"]
    (tmp_path / "anchor-rusak.json").write_text("{bukan json")
    assert "unreadable" in [finding.kind for finding in verify_anchors(runtime, key, tmp_path)[1]]


def test_a_missing_key_or_folder_is_a_message(tmp_path: Path, runtime: Runtime) -> None:
    with pytest.raises(InputError):
        load_key(tmp_path / "tidak-ada.key")
    with pytest.raises(InputError):
        verify_anchors(runtime, b"k" * 32, tmp_path / "kosong")


def test_the_commands(runtime: Runtime, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    ids = two_instances(runtime)
    monkeypatch.setenv("ALUR_DATABASE_URL", str(runtime.db.engine.url.render_as_string(hide_password=False)))
    key_file, folder = tmp_path / "anchor.key", tmp_path / "jangkar"
    runner = CliRunner()
    made = runner.invoke(main, ["audit", "anchor", "--out", str(folder), "--key", str(key_file)])
    assert made.exit_code == 0, made.output
    assert oct(key_file.stat().st_mode & 0o777) == "0o600"
    clean = runner.invoke(main, ["audit", "verify", "--anchors", str(folder), "--key", str(key_file)])
    assert clean.exit_code == 0 and "Jangkar cocok: 1" in clean.output
    _delete_instance(runtime, ids[1])
    broken = runner.invoke(main, ["--lang", "en", "audit", "verify", "--anchors", str(folder), "--key", str(key_file)])
    assert broken.exit_code == 1 and f"instance {ids[1]} is gone" in broken.output
    no_key = runner.invoke(main, ["audit", "anchor", "--out", str(folder)], env={"ALUR_ANCHOR_KEY": ""})
    assert no_key.exit_code == 2 and "ALUR_ANCHOR_KEY" in no_key.output
