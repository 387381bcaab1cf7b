"""``alur message`` and ``alur galat`` end to end on a SQLite file named by ALUR_DATABASE_URL."""

from __future__ import annotations

from pathlib import Path

import pytest

from engine.access.accounts import add_account
from engine.runtime.facade import Runtime
from tests.conftest import DATA
from tests.engine.cli_helpers import cli_on_store

UNIT = "Bagian Umum"


@pytest.fixture
def alur(tmp_path: Path, monkeypatch: pytest.MonkeyPatch):  # type: ignore[no-untyped-def]
    invoke, _ = cli_on_store(tmp_path, monkeypatch)

    return invoke


def test_message_and_error_commands_act_through_the_policy(alur) -> None:  # type: ignore[no-untyped-def]
    alur("db", "upgrade")
    runtime = Runtime()
    try:
        add_account(runtime, "ani", "ani-rahasia", ["pelaksana"], jabatan=[("Petugas", UNIT), ("Kepala Seksi", UNIT)])
        add_account(runtime, "pena", "pena-rahasia", ["penyusun"], jabatan=[("Analis", UNIT)])
        runtime.publish(DATA / "events" / "permohonan_peristiwa.yaml", "permohonan")
        first, ready = runtime.start("permohonan", "ani", {"data": {"nomor_permohonan": "P-1"}}, unit=UNIT)
        runtime.complete(ready[0].id, "ani", {})
        second, ready = runtime.start("permohonan", "ani", {"data": {"nomor_permohonan": "P-2"}}, unit=UNIT)
        item = ready[0].id
    finally:
        runtime.close()
    refused = alur("message", "jawaban-pemohon", "--korelasi", "P-1", "--as", "pena", code=1)
    assert "tidak berhak" in refused.output
    assert "tidak ada instans yang menunggu" in alur("message", "jawaban-pemohon", "--korelasi", "P-9",
                                                     "--as", "ani", code=1).output.lower()
    out = alur("message", "jawaban-pemohon", "--korelasi", "P-1", "--as", "ani").output
    assert f"Instans {first.id}: pesan 'jawaban-pemohon' diterima" in out
    again = alur("--lang", "en", "message", "jawaban-pemohon", "--korelasi", "P-1", "--as", "ani").output
    assert "was received before; nothing changed" in again
    wrong = alur("galat", str(item), "LAIN", "--as", "ani", code=1).output
    assert "BERKAS_PALSU" in wrong  # names the error paths the step has
    assert "Galat BERKAS_PALSU dilaporkan" in alur("galat", str(item), "BERKAS_PALSU", "--as", "ani").output
    runtime = Runtime()
    try:
        assert runtime.instance(second.id).reason == "BERKAS_PALSU"
        assert [event.kind for event in runtime.trace(first.id)[1]].count("message_received") == 1
    finally:
        runtime.close()
