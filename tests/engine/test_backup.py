"""``alur db backup/restore`` (SQLite online backup) and ``alur db copy`` (SQLite -> real PostgreSQL)."""

from __future__ import annotations

from pathlib import Path

import pytest
from click.testing import CliRunner

from engine import ManualClock
from engine.cli.main import main
from engine.errors import InputError
from engine.runtime.facade import Runtime
from engine.store.backup import backup, copy_store, restore
from tests.engine.runtime.conftest import clock, fresh_url, postgres_database, sqlite_url  # noqa: F401
from tests.engine.runtime.test_audit import two_instances


def _count(url: str) -> tuple[int, int]:
    runtime = Runtime(url)
    try:
        checked, counted, broken = runtime.verify_audit()
    finally:
        runtime.close()
    assert broken is None
    return checked, counted


def test_backup_and_restore_on_sqlite(sqlite_url: str, clock: ManualClock, tmp_path: Path) -> None:
    runtime = Runtime(sqlite_url, clock=clock)
    try:
        two_instances(runtime)
        saved = backup(tmp_path / "cadangan.db", sqlite_url)  # while the runtime holds the store open
        with pytest.raises(InputError, match="sudah ada"):
            backup(saved, sqlite_url)
        runtime.start("surat_kecil", "ani", {"kelengkapan": ["Surat masuk"]})
    finally:
        runtime.close()
    assert _count(f"sqlite:///{saved}")[0] == 2
    assert _count(sqlite_url)[0] == 3
    assert restore(saved, sqlite_url)
    assert _count(sqlite_url)[0] == 2
    junk = tmp_path / "bukan.db"
    junk.write_bytes(b"bukan basis data")
    with pytest.raises(InputError):
        restore(junk, sqlite_url)
    assert _count(sqlite_url)[0] == 2


def test_postgresql_gets_pg_dump_guidance() -> None:
    with pytest.raises(InputError, match="pg_dump"):
        backup("x.db", "postgresql+psycopg://root@127.0.0.1/alur")


@pytest.mark.postgresql
def test_copy_from_sqlite_to_postgresql(sqlite_url: str, clock: ManualClock, tmp_path: Path,
                                        request: pytest.FixtureRequest) -> None:
    runtime = Runtime(sqlite_url, clock=clock)
    try:
        two_instances(runtime)
    finally:
        runtime.close()
    target = fresh_url("postgresql", tmp_path, request)
    report = copy_store(target, sqlite_url)
    assert report.instances_verified == 2 and report.events_verified > 4
    assert report.rows["instances"] == 2 and report.rows["users"] == 2
    assert _count(target) == _count(sqlite_url)
    moved = Runtime(target, clock=clock)
    try:  # the id sequences continue after the copied rows
        instance, _ = moved.start("surat_kecil", "ani", {"kelengkapan": ["Surat masuk"]})
        assert instance.id == 3
    finally:
        moved.close()
    with pytest.raises(InputError, match="tidak kosong"):
        copy_store(target, sqlite_url)


def test_the_commands(sqlite_url: str, clock: ManualClock, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    runtime = Runtime(sqlite_url, clock=clock)
    try:
        two_instances(runtime)
    finally:
        runtime.close()
    monkeypatch.setenv("ALUR_DATABASE_URL", sqlite_url)
    runner = CliRunner()
    target = tmp_path / "cadangan.db"
    made = runner.invoke(main, ["db", "backup", str(target)])
    assert made.exit_code == 0 and target.exists(), made.output
    assert runner.invoke(main, ["db", "restore", str(target), "--yes"]).exit_code == 0
    copied = runner.invoke(main, ["--lang", "en", "db", "copy", "--to", f"sqlite:///{tmp_path / 'salinan.db'}"])
    assert copied.exit_code == 0 and "audit chain in the target is intact: 2 instances" in copied.output
    again = runner.invoke(main, ["db", "copy", "--to", f"sqlite:///{tmp_path / 'salinan.db'}"])
    assert again.exit_code == 2 and "tidak kosong" in again.output
