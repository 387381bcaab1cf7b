"""``alur org import|export`` and ``alur org plh add|end|list`` on a SQLite file named by ALUR_DATABASE_URL."""

from __future__ import annotations

from pathlib import Path

import pytest

from engine.access.accounts import add_account
from engine.runtime.facade import Runtime
from engine.runtime.timers import ManualClock
from tests.conftest import DATA
from tests.engine.cli_helpers import cli_on_store

FILES = DATA / "organisation"


@pytest.fixture
def alur(tmp_path: Path, monkeypatch: pytest.MonkeyPatch):  # type: ignore[no-untyped-def]
    invoke, url = cli_on_store(tmp_path, monkeypatch)

    invoke("db", "upgrade")
    runtime = Runtime(url, clock=ManualClock())
    add_account(runtime, "admin", "admin-rahasia-1", ["admin"])
    add_account(runtime, "clerk", "clerk-rahasia-1", ["pelaksana"])
    runtime.close()
    return invoke


def test_import_export_and_acting_officials(alur, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    out = alur("org", "import", str(FILES), "--as", "admin", "--alasan", "muatan awal").output
    assert "Diimpor: 5 unit, 7 jabatan, 5 orang, 7 jabatan yang dipegang." in out
    alur("org", "export", str(tmp_path / "keluar"), "--as", "admin")
    back = (tmp_path / "keluar" / "units.csv").read_text()
    assert back.splitlines()[0] == "code,name,kind,parent_code" and "Disdik,Dinas Pendidikan dan Kebudayaan,opd,Kab Contoh" in back
    out = alur("org", "plh", "add", "dedi", "--unit", "Subbag Umum Disdik", "--jabatan", "Sekretaris",
               "--sk", "800/1/2026", "--dari", "2020-01-01", "--as", "admin").output
    assert "dedi sebagai Plh. Sekretaris di Subbag Umum Disdik" in out
    listed = alur("org", "plh", "list", "--as", "admin").output
    assert "Plh. Sekretaris" in listed and "SK 800/1/2026" in listed and "(berjalan)" in listed
    assignment = listed.split()[0].lstrip("#")
    out = alur("org", "plh", "end", assignment, "--tanggal", "2020-02-01", "--alasan", "selesai", "--as", "admin").output
    assert "diakhiri; 0 klaim" in out
    assert "Tidak ada penugasan" in alur("org", "plh", "list", "--as", "admin").output
    assert "tidak berjalan" in alur("org", "plh", "list", "--semua", "--as", "admin").output


def test_bad_rows_and_refusals_are_said_without_a_traceback(alur, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    bad = tmp_path / "units.csv"
    bad.write_text("code,name,kind,parent_code\nA,Unit A,bidang,\n")
    result = alur("--lang", "en", "org", "import", str(bad), "--as", "admin", code=1)
    assert "units.csv line 2 column kind" in result.output and "Traceback" not in result.output
    refused = alur("org", "import", str(FILES), "--as", "clerk", code=1)
    assert "Hanya admin Pemda" in refused.output
    wrong = alur("org", "plh", "add", "dedi", "--unit", "X", "--jabatan", "Y", "--sk", "1", "--dari", "kemarin",
                 "--as", "admin", code=1)
    assert "'dari'" in wrong.output
