"""``alur sosialisasi ...`` and ``alur pelatihan ...`` on a SQLite file named by ALUR_DATABASE_URL."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from engine.access.accounts import add_account
from engine.formats.files import load_file
from engine.runtime.facade import Runtime
from engine.samples.case_values import sample_values
from tests.conftest import DATA
from tests.engine.cli_helpers import cli_on_store

SHEET = DATA / "surat_kecil.yaml"
KEY = "uji-surat"


@pytest.fixture
def alur(tmp_path: Path, monkeypatch: pytest.MonkeyPatch):  # type: ignore[no-untyped-def]
    invoke, url = cli_on_store(tmp_path, monkeypatch)

    invoke("db", "upgrade")
    runtime = Runtime(url)
    for username, jabatan in (("juru", "Pengadministrasi"), ("kasubag", "Kepala Subbagian")):
        add_account(runtime, username, f"{username}-rahasia-1", ["pelaksana"], jabatan=[(jabatan, "Bagian Umum")])
    runtime.publish(SHEET, KEY)
    runtime.close()
    return invoke


def test_plan_distribute_acknowledge_and_coverage(alur) -> None:  # type: ignore[no-untyped-def]
    out = alur("sosialisasi", "rencana", KEY, "--mulai", "2026-03-09", "--pejabat", "Kabag Organisasi",
               "--sasaran", "Pelaksana Bagian Umum", "--pemantauan", "Observasi supervisor").output
    assert "versi 1 disimpan" in out
    refused = alur("sosialisasi", "rencana", KEY, "--mulai", "9 Maret", "--pejabat", "x", "--sasaran", "y",
                   "--pemantauan", "z", code=1)
    assert "9 Maret" in refused.output
    assert "juru, kasubag" in alur("sosialisasi", "distribusi", KEY).output
    assert "0 dari 2 sudah menerima" in alur("sosialisasi", "cakupan").output
    assert "Tanda terima uji-surat versi 1 oleh juru" in alur("sosialisasi", "terima", KEY, "--as", "juru").output
    assert "1 dari 2 sudah menerima" in alur("sosialisasi", "cakupan", KEY).output
    assert "1 of 2 acknowledged" in alur("--lang", "en", "sosialisasi", "cakupan").output
    listing = alur("sosialisasi", "daftar", KEY).output.splitlines()
    assert listing[0].startswith("juru\tBagian Umum\tPengadministrasi\t2") and listing[1].endswith("Belum diterima")
    assert "tidak didistribusikan kepada tidak-menerima" in alur("sosialisasi", "terima", KEY, "--as", "tidak-menerima",
                                                                 code=1).output
    assert "ditetapkan sebagai Pemantau" in alur("sosialisasi", "tugaskan", KEY, "kasubag", "--peran", "pemantau").output
    assert "dicabut" in alur("sosialisasi", "tugaskan", KEY, "kasubag", "--peran", "pemantau", "--cabut").output


def test_pelatihan_and_simulation(alur) -> None:  # type: ignore[no-untyped-def]
    out = alur("pelatihan", "catat", KEY, "--tanggal", "2026-03-12", "--jenis", "bimtek", "--peserta",
               "juru kasubag", "--catatan", "Alur disposisi").output
    assert "(bimtek, 2026-03-12) dicatat dengan 2 peserta" in out
    assert "\t2026-03-12\tbimtek\tversi 1\tjuru, kasubag" in alur("pelatihan", "daftar", KEY).output
    form = {"kelengkapan": {"Surat masuk": {"cara": "kertas"}}, "data": sample_values(load_file(SHEET).sop, "terima")}
    started = alur("pelatihan", "simulasi", KEY, "--as", "juru", "--data", json.dumps(form)).output
    assert "(SIM-" in started and "Apakah perlu disposisi?" in started
    assert "[SIMULASI]" in alur("worklist", "--as", "kasubag").output
    assert "Tidak ada pengguna bernama 'hantu'" in alur("pelatihan", "catat", KEY, "--tanggal", "2026-03-12",
                                                       "--jenis", "rapat", "--peserta", "hantu", code=1).output
