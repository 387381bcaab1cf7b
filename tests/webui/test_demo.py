from __future__ import annotations

from importlib.metadata import EntryPoint
from pathlib import Path

import pytest
from click.testing import CliRunner

from engine import Runtime
from engine.access.accounts import authenticate, token_account
from engine import account
from engine.runtime.browse import list_instances
from engine.cli.main import COMMAND_GROUP, add_plugin_commands, main

# What `pip install -e .` declares in pyproject.toml's alur.commands group (the shared venv may predate it).
add_plugin_commands(main, [EntryPoint(name, f"webui.cli:{name}_command", COMMAND_GROUP)
                           for name in ("demo", "serve", "account")])


def test_demo_seeds_real_history_and_prints_the_logins(tmp_path: Path) -> None:
    db = tmp_path / "demo.db"
    result = CliRunner().invoke(main, ["demo", "--db", str(db), "--no-serve"])
    assert result.exit_code == 0, result.output
    for role in ("admin", "penyusun", "pengesah", "pelaksana", "pemantau"):
        assert f"{role}-demo" in result.output
    assert "http://127.0.0.1:5000" in result.output
    runtime = Runtime(f"sqlite:///{db}")
    try:
        rows = list_instances(runtime, account(runtime, "admin"))
        assert {row.instance.status for row in rows} >= {"completed", "running", "cancelled"}
        assert any(row.overdue for row in rows) and any(not row.overdue for row in rows)
        assert any(item.trial for item in runtime.worklist("pelaksana", limit=200))
        assert any(row.instance.trial for row in rows)
        assert runtime.verify_audit()[2] is None
        decisions = [e.data.get("keputusan") for row in rows for e in runtime.trace(row.instance.id)[1]
                     if e.kind == "decision"]
        assert "Ya" in decisions and "Tidak" in decisions
    finally:
        runtime.close()


def test_accounts_and_tokens_from_the_command_line(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    url = f"sqlite:///{tmp_path / 'cli.db'}"
    monkeypatch.setenv("ALUR_DATABASE_URL", url)
    runner = CliRunner()
    assert runner.invoke(main, ["db", "upgrade"]).exit_code == 0
    made = runner.invoke(main, ["account", "add", "sari", "--role", "pelaksana", "--password", "rahasia-sari",
                                "--unit", "Kelurahan Sukamaju", "--jabatan", "Petugas Pelayanan"])
    assert made.exit_code == 0, made.output
    token = runner.invoke(main, ["account", "token", "sari"]).output.strip()
    runtime = Runtime(url)
    try:
        assert authenticate(runtime, "sari", "rahasia-sari").jabatan == (("Petugas Pelayanan", "Kelurahan Sukamaju"),)
        assert token_account(runtime, token).username == "sari"
    finally:
        runtime.close()
