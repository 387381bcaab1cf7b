"""`alur render --instance`: an instance's trace drawn on its SOP version."""

from __future__ import annotations

from pathlib import Path

import pytest
from click.testing import CliRunner
from lxml import etree

from engine import Runtime, upgrade_database
from engine.cli.main import main
from engine.runtime.trace import trace_from_events
from tests.conftest import PROCESSES
from tests.conftest import SURAT_MASUK_DATA as SURAT


def test_trace_from_events_and_render_instance(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    url = f"sqlite:///{tmp_path / 'alur.db'}"
    upgrade_database(url)
    runtime = Runtime(url)
    runtime.add_user("sari", jabatan=[("Pengadministrasi Perkantoran", "Subbag Umum")])
    runtime.add_user("bima", jabatan=[("Kepala Subbagian Umum dan Kepegawaian", "Subbag Umum")])
    runtime.publish(PROCESSES / "pengelolaan-surat-masuk.bpmn")
    started, _ = runtime.start("pengelolaan-surat-masuk", "sari", {"kelengkapan": [], "alasan": "uji", "data": SURAT},
                               unit="Subbag Umum")
    first = runtime.worklist("sari")[0]
    runtime.complete(first.id, "sari", {"kelengkapan": [], "alasan": "uji", "keputusan": "Ya",
                                        "data": {"nomor_agenda": "12/2026"} if first.step_id == "agenda" else {}})
    instance, events = runtime.trace(started.id)
    entries = trace_from_events(events)
    assert entries[0].step_id == "terima" and entries[0].user == "sari"
    assert entries[1].step_id == first.step_id and entries[1].end is not None and entries[1].user == "sari"
    assert entries[-1].end is None  # the next step is waiting
    sop, trace = runtime.document(started.id)
    assert trace == entries and sop.identity.nama == "Pengelolaan Surat Masuk"
    runtime.close()

    monkeypatch.setenv("ALUR_DATABASE_URL", url)
    target = tmp_path / "jejak.svg"
    result = CliRunner().invoke(main, ["render", "--instance", str(started.id), "-o", str(target)])
    assert result.exit_code == 0, result.output
    svg = etree.fromstring(target.read_bytes())
    texts = " ".join(t for t in svg.itertext())
    assert "sari" in texts  # who did the step is printed in KETERANGAN
    both = CliRunner().invoke(main, ["render", str(PROCESSES / "pengelolaan-surat-masuk.bpmn"), "--instance", "1",
                                     "-o", str(tmp_path / "x.svg")])
    assert both.exit_code == 2 and "Sebutkan satu sumber" in both.output
    missing = CliRunner().invoke(main, ["render", "--instance", "999", "-o", str(tmp_path / "y.svg")])
    assert missing.exit_code == 1 and not (tmp_path / "y.svg").exists()
