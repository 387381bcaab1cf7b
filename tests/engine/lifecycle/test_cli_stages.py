"""``alur tim`` and ``alur inventarisasi`` on a SQLite file named by ALUR_DATABASE_URL: the Tim from its
SK to a pembekalan, the inventarisasi from a title to the NO | JUDUL | NOMOR table and a draft."""

from __future__ import annotations

import io
from pathlib import Path

import pytest
from openpyxl import load_workbook
from pypdf import PdfReader

from engine.lifecycle.transitions import status
from engine.runtime.facade import Runtime
from engine.runtime.timers import ManualClock
from tests.engine.lifecycle.conftest import DINKES, DINKES_UMUM, DISDIK_UMUM, PEMDA, build_pemda
from tests.engine.cli_helpers import cli_on_store


@pytest.fixture
def alur(tmp_path: Path, monkeypatch: pytest.MonkeyPatch):  # type: ignore[no-untyped-def]
    invoke, url = cli_on_store(tmp_path, monkeypatch)

    invoke("db", "upgrade")
    runtime = Runtime(url, clock=ManualClock())
    build_pemda(runtime)
    runtime.close()
    return invoke


def test_the_tim_and_the_inventarisasi_from_the_command_line(alur, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    out = alur("tim", "buat", "--unit", PEMDA, "--nama", "Tim Penyusun SOP", "--sk", "188.45/12/2026",
               "--tanggal", "2026-02-02", "--as", "vera").output
    assert "Tim 1 dibentuk" in out and "188.45/12/2026" in out
    alur("tim", "anggota", "1", "sari", "--peran", "koordinator", "--unit", DINKES, "--as", "vera")
    alur("tim", "pembekalan", "1", "--tanggal", "2026-02-10", "--topik", "Format SOP", "--peserta", "sari",
         "--as", "vera")
    listed = alur("--lang", "en", "tim", "daftar", "--as", "vera").output
    assert "SKPD coordinator" in listed and "briefing 2026-02-10: Format SOP (sari)" in listed
    refused = alur("tim", "pembekalan", "1", "--tanggal", "2026-02-30", "--topik", "x", "--peserta", "sari",
                   "--as", "vera", code=1).output
    assert "tanggal" in refused and "Traceback" not in refused

    alur("inventarisasi", "tambah", "--unit", DINKES_UMUM, "--judul", "Pelayanan Surat Keterangan Sehat",
         "--kriteria", "rutin,output_jelas", "--as", "sari")
    denied = alur("inventarisasi", "tambah", "--unit", DISDIK_UMUM, "--judul", "PPDB", "--as", "sari", code=1)
    assert "SKPD" in denied.output
    numbered = alur("inventarisasi", "nomori", "--unit", DINKES_UMUM, "--kode", "DINKES", "--as", "sari").output
    assert "/SOP/DINKES/" in numbered and "1 butir diberi nomor." in numbered
    assert "Keputusan 188.4/45/2026 menetapkan 1 butir." in alur(
        "inventarisasi", "tetapkan", "--unit", DINKES, "--nomor", "188.4/45/2026", "--tanggal", "2026-03-20",
        "--as", "vera").output
    alur("inventarisasi", "tabel", "--unit", DINKES, "-o", str(tmp_path / "tabel.pdf"), "--as", "sari")
    alur("inventarisasi", "tabel", "-o", str(tmp_path / "tabel.xlsx"), "--as", "sari")
    text = PdfReader(io.BytesIO((tmp_path / "tabel.pdf").read_bytes())).pages[0].extract_text()
    assert "Pelayanan Surat Keterangan Sehat" in text and "188.4/45/2026" in text
    rows = list(load_workbook(tmp_path / "tabel.xlsx").active.iter_rows(values_only=True))
    assert any(row[1] == "Pelayanan Surat Keterangan Sehat" and "/SOP/DINKES/" in row[2] for row in rows)
    alur("inventarisasi", "tabel", "-o", str(tmp_path / "tabel.doc"), "--as", "sari", code=2)
    written = alur("inventarisasi", "tulis", "1", "--as", "sari").output
    assert "pelayanan-surat-keterangan-sehat" in written
    runtime = Runtime()
    try:
        assert status(runtime, "pelayanan-surat-keterangan-sehat") == "draft"
    finally:
        runtime.close()
    assert "SOP pelayanan-surat-keterangan-sehat" in alur("inventarisasi", "daftar", "--as", "kadis").output
