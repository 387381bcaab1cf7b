"""Running `alur` commands in-process against a store of the test's own."""

from __future__ import annotations

from pathlib import Path
from typing import Callable

import pytest
from click.testing import CliRunner, Result

from engine.cli.main import main

Invoke = Callable[..., Result]


def cli_on_store(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> tuple[Invoke, str]:
    """``(invoke, url)``: ``invoke(*args, code=0)`` runs ``alur *args`` on a SQLite store under
    ``tmp_path`` (``$ALUR_DATABASE_URL``) and checks its exit code."""
    url = f"sqlite:///{tmp_path / 'cli.db'}"
    monkeypatch.setenv("ALUR_DATABASE_URL", url)
    runner = CliRunner()

    def invoke(*args: str, code: int = 0) -> Result:
        result = runner.invoke(main, list(args))
        assert result.exit_code == code, (args, result.output, result.exception)
        return result

    return invoke, url
