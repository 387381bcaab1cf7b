"""CLI queries of cases and monitoring data answer, with ``--as ACCOUNT``, with the units that account
may see (the web's policy); without it, as the server's operator (every unit)."""

from __future__ import annotations

from pathlib import Path

import pytest
from click.testing import CliRunner, Result

from engine.access.accounts import add_account
from engine.cli.main import main
from engine.formats.files import load_file
from engine.runtime.facade import Runtime
from tests.conftest import DATA
from tests.engine.runtime.helpers import form_for

SURAT = DATA / "surat_kecil.yaml"
MINE, OTHER = "Bagian Umum", "Bagian Hukum"


@pytest.fixture
def store(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> tuple[int, int]:
    """Two instances of the small surat SOP, one in each unit, and a pemantau of the first unit:
    the ids of the instances (mine, other)."""
    url = f"sqlite:///{tmp_path / 'scoped.db'}"
    monkeypatch.setenv("ALUR_DATABASE_URL", url)
    assert CliRunner().invoke(main, ["db", "upgrade"]).exit_code == 0
    runtime = Runtime(url)
    try:
        for username, unit in (("ani", MINE), ("hana", OTHER)):
            add_account(runtime, username, f"{username}-rahasia-panjang", ["pelaksana"],
                        jabatan=[("Pengadministrasi", unit)])
        add_account(runtime, "pantau", "pantau-rahasia-panjang", ["pemantau"], jabatan=[("Inspektur Pembantu", MINE)])
        add_account(runtime, "inspektorat", "inspektorat-rahasia-panjang", ["pemantau"])
        runtime.publish(SURAT, "surat")
        sop = load_file(SURAT).sop
        assert sop.start is not None
        mine, _ = runtime.start("surat", "ani", form_for(sop.start, data={"perihal": "Undangan rapat"}))
        other, _ = runtime.start("surat", "hana", form_for(sop.start, data={"perihal": "Nota dinas"}))
        assert (mine.unit, other.unit) == (MINE, OTHER)
        return mine.id, other.id
    finally:
        runtime.close()


def _alur(*args: str) -> Result:
    return CliRunner().invoke(main, list(args))


def test_monitor_as_an_account_counts_only_its_units(store: tuple[int, int]) -> None:
    operator = _alur("monitor", "surat")
    assert operator.exit_code == 0 and "Instans: 2 dimulai" in operator.output
    scoped = _alur("monitor", "surat", "--as", "pantau")
    assert scoped.exit_code == 0 and "Instans: 1 dimulai" in scoped.output
    assert "Instans: 2 dimulai" in _alur("monitor", "surat", "--as", "inspektorat").output  # Inspektorat: all
    clerk = _alur("monitor", "surat", "--as", "ani")  # a pelaksana reads no monitoring data
    assert clerk.exit_code != 0 and "Traceback" not in clerk.output
    unknown = _alur("monitor", "surat", "--as", "siapa")
    assert unknown.exit_code != 0 and "siapa" in unknown.output
    assert "--as" in _alur("monitor", "--help").output and "operator server" in _alur("monitor", "--help").output


def test_log_export_as_an_account_writes_only_its_units(store: tuple[int, int], tmp_path: Path) -> None:
    everything, mine = tmp_path / "semua.csv", tmp_path / "unit.csv"
    assert _alur("log", "export", "--sop", "surat", "-o", str(everything)).exit_code == 0
    assert _alur("log", "export", "--sop", "surat", "-o", str(mine), "--as", "pantau").exit_code == 0
    assert "hana" in everything.read_text(encoding="utf-8")
    assert "hana" not in mine.read_text(encoding="utf-8") and "ani" in mine.read_text(encoding="utf-8")


def test_trace_and_audit_as_an_account_see_only_its_units(store: tuple[int, int]) -> None:
    mine, other = store
    assert _alur("trace", str(other)).exit_code == 0  # the operator
    assert _alur("trace", str(mine), "--as", "pantau").exit_code == 0
    refused = _alur("trace", str(other), "--as", "pantau")
    assert refused.exit_code != 0 and "di luar unit Anda" in refused.output and "hana" not in refused.output
    english = _alur("--lang", "en", "trace", str(other), "--as", "pantau")
    assert "outside your units" in english.output
    assert "2 instans" in _alur("audit", "verify").output
    assert "1 instans" in _alur("audit", "verify", "--as", "pantau").output
