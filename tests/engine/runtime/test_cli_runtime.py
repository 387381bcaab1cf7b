"""The runtime commands of ``alur``, end to end on a SQLite file named by ALUR_DATABASE_URL."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from engine.store.migrate import head_revision
from tests.conftest import DATA, PROCESSES
from tests.engine.cli_helpers import cli_on_store

UNIT = "Bagian Umum"
#: ``alur publish`` records who publishes and why.
AS_ANI = ("--as", "ani", "--alasan", "Memulai sistem")


@pytest.fixture
def alur(tmp_path: Path, monkeypatch: pytest.MonkeyPatch):  # type: ignore[no-untyped-def]
    invoke, _ = cli_on_store(tmp_path, monkeypatch)

    return invoke


def test_walkthrough_publish_start_worklist_complete_trace_audit(alur) -> None:  # type: ignore[no-untyped-def]
    assert f"skema {head_revision()}" in alur("db", "upgrade").output
    alur("db", "upgrade")  # idempotent
    alur("user", "add", "ani", "--nama", "Ani", "--unit", UNIT, "--jabatan", "Pengadministrasi")
    alur("account", "add", "ani", "--role", "penyusun", "--password", "ani-rahasia-2026")  # publishes
    out = alur("user", "add", "budi", "--unit", UNIT, "--jabatan", "Kepala Subbagian", "--jabatan",
               "Kepala Bagian").output
    assert "Kepala Bagian @ Bagian Umum" in out
    assert "versi 1 diterbitkan" in alur("publish", str(DATA / "surat_kecil.yaml"), *AS_ANI).output
    assert "tidak ada versi baru" in alur("publish", str(DATA / "surat_kecil.yaml"), *AS_ANI).output
    out = alur("start", "surat_kecil", "--as", "ani", "--data", '{"kelengkapan": ["Surat masuk"]}').output
    assert "Instans 1 dimulai" in out and "#1" in out
    listed = json.loads(alur("worklist", "--as", "budi", "--json").output)
    assert [(item["id"], item["step_id"], item["trial"]) for item in listed] == [(1, "periksa", False)]
    assert "Tidak ada tugas" in alur("worklist", "--as", "ani").output
    alur("claim", "1", "--as", "budi")
    out = alur("complete", "1", "--as", "budi", "--data", '{"keputusan": "Tidak", "catatan": "cukup diarsip"}').output
    assert "Tugas 1 selesai" in out and "arsip" in out
    late = alur("complete", "1", "--as", "budi", "--data", '{"keputusan": "Ya"}', code=1)
    assert "sudah diselesaikan oleh budi pada" in late.output
    alur("complete", "2", "--as", "ani")
    trace = alur("trace", "1").output
    assert "status completed" in trace and "claimed" in trace and "cukup diarsip" in trace
    assert json.loads(alur("trace", "1", "--json").output)["events"][-1]["kind"] == "finished"
    assert "Jejak audit utuh: 1 instans" in alur("audit", "verify").output
    assert "pewaktu dinyalakan: 0" in alur("worker", "--once").output


def test_refusals_have_messages_and_exit_codes(alur) -> None:  # type: ignore[no-untyped-def]
    assert "alur db upgrade" in alur("worklist", "--as", "x", code=1).output
    alur("db", "upgrade")
    alur("user", "add", "ani", "--unit", UNIT, "--jabatan", "Pengadministrasi")
    alur("account", "add", "ani", "--role", "penyusun", "--password", "ani-rahasia-2026")  # publishes
    alur("publish", str(DATA / "surat_kecil.yaml"), "--draft", *AS_ANI)
    assert "ujicoba" in alur("start", "surat_kecil", "--as", "ani", code=1).output
    out = alur("start", "surat_kecil", "--as", "ani", "--ujicoba", "--data", '{"alasan": "uji"}').output
    assert "[UJICOBA]" in out
    assert "[TRIAL]" in alur("--lang", "en", "start", "surat_kecil", "--as", "ani", "--ujicoba", "--data",
                             '{"alasan": "uji"}').output
    assert "bukan JSON" in alur("complete", "1", "--as", "ani", "--data", "{bad", code=2).output
    assert "tidak memegang jabatan" in alur("complete", "1", "--as", "ani", "--data", "{}", code=1).output
    assert "Maksudnya 'surat_kecil'" in alur("start", "surat_kecl", "--as", "ani", code=1).output
    assert "Pengguna 'nobody' tidak ada" in alur("worklist", "--as", "nobody", code=1).output
    assert "--unit" in alur("user", "add", "x", "--jabatan", "Y", code=2).output


def test_publish_refuses_an_invalid_sop(alur, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    alur("db", "upgrade")
    alur("user", "add", "ani", "--unit", UNIT, "--jabatan", "Pengadministrasi")
    alur("account", "add", "ani", "--role", "penyusun", "--password", "ani-rahasia-2026")  # publishes
    broken = tmp_path / "rusak.yaml"
    broken.write_text((DATA / "surat_kecil.yaml").read_text().replace("ya: disposisi", "ya: tidak_ada"))
    assert "tidak_ada" in alur("publish", str(broken), *AS_ANI, code=1).output
    assert "diterbitkan" in alur("publish", str(PROCESSES / "pengelolaan-surat-masuk.bpmn"), "--eskalasi",
                                 *AS_ANI).output


def test_escalation_is_woken_by_the_worker_command(alur) -> None:  # type: ignore[no-untyped-def]
    alur("db", "upgrade")
    alur("user", "add", "ani", "--unit", UNIT, "--jabatan", "Pengadministrasi")
    alur("account", "add", "ani", "--role", "penyusun", "--password", "ani-rahasia-2026")  # publishes
    alur("publish", str(DATA / "surat_kecil.yaml"), "--eskalasi", *AS_ANI)
    alur("start", "surat_kecil", "--as", "ani", "--data", '{"alasan": "uji"}')
    out = alur("worker", "--once").output
    assert "pewaktu dinyalakan: 0" in out  # nothing is due yet (real clock, 15 working minutes)


def test_runtime_errors_print_in_the_language_asked_for(alur) -> None:  # type: ignore[no-untyped-def]
    alur("db", "upgrade")
    alur("user", "add", "ani", "--unit", UNIT, "--jabatan", "Pengadministrasi")
    alur("account", "add", "ani", "--role", "penyusun", "--password", "ani-rahasia-2026")  # publishes
    alur("user", "add", "budi", "--unit", UNIT, "--jabatan", "Kepala Subbagian")
    alur("publish", str(DATA / "surat_kecil.yaml"), *AS_ANI)
    alur("start", "surat_kecil", "--as", "ani", "--data", '{"kelengkapan": ["Surat masuk"]}')
    alur("complete", "1", "--as", "budi", "--data", '{"keputusan": "Tidak"}')
    late = alur("--lang", "en", "complete", "1", "--as", "budi", "--data", '{"keputusan": "Ya"}', code=1).output
    assert "Work item 1 was already completed by budi at" in late and "sudah" not in late
    assert "sudah diselesaikan oleh budi" in alur("complete", "1", "--as", "budi", code=1).output
    missing = alur("--lang", "en", "suspend", "99", "--as", "ani", "--alasan", "x", code=1).output
    assert "Instance 99 does not exist." in missing


def test_suspend_resume_and_retry_on_the_command_line(alur, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    alur("db", "upgrade")
    alur("user", "add", "ani", "--unit", UNIT, "--jabatan", "Pengadministrasi")
    alur("account", "add", "ani", "--role", "penyusun", "--password", "ani-rahasia-2026")  # publishes
    alur("user", "add", "budi", "--unit", UNIT, "--jabatan", "Kepala Subbagian")
    alur("publish", str(DATA / "surat_kecil.yaml"), *AS_ANI)
    alur("start", "surat_kecil", "--as", "ani", "--data", '{"kelengkapan": ["Surat masuk"]}')
    assert "--alasan" in alur("suspend", "1", "--as", "ani", code=2).output
    assert "Instans 1 ditangguhkan" in alur("suspend", "1", "--as", "ani", "--alasan", "berkas kurang").output
    assert "Tidak ada tugas" in alur("worklist", "--as", "budi").output
    assert "ditangguhkan; tidak dapat dikerjakan" in alur("complete", "1", "--as", "budi", code=1).output
    assert "Instance 1 resumed: running" in alur("--lang", "en", "resume", "1", "--as", "ani").output
    assert "#1" in alur("worklist", "--as", "budi").output
    refused = alur("retry", "1", "--as", "ani", code=1).output
    assert "berstatus 'running'; tidak dapat diubah menjadi 'running'" in refused
    trail = [event["kind"] for event in json.loads(alur("trace", "1", "--json").output)["events"]]
    assert trail[-2:] == ["suspended", "resumed"]
    assert "Jejak audit utuh" in alur("audit", "verify").output
