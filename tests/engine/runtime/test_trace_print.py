"""The printed trace of a stored instance: officers by name, jabatan and NIP; the instance sheet's header."""

from __future__ import annotations

from pathlib import Path

from engine import Runtime, render, upgrade_database
from tests.conftest import PROCESSES
from tests.conftest import SURAT_MASUK_DATA as SURAT


def _runtime(tmp_path: Path) -> Runtime:
    url = f"sqlite:///{tmp_path / 'alur.db'}"
    upgrade_database(url)
    runtime = Runtime(url)
    runtime.add_user("sari", "Sari Wulandari", "199001012015032001",
                     jabatan=[("Pengadministrasi Perkantoran", "Subbag Umum")])
    runtime.publish(PROCESSES / "pengelolaan-surat-masuk.bpmn")
    return runtime


def test_the_trace_names_officers_and_heads_the_instance_sheet(tmp_path: Path) -> None:
    runtime = _runtime(tmp_path)
    started, _ = runtime.start("pengelolaan-surat-masuk", "sari", {"kelengkapan": [], "alasan": "uji", "data": SURAT},
                               unit="Subbag Umum")
    first = runtime.worklist("sari")[0]
    runtime.complete(first.id, "sari", {"kelengkapan": [], "alasan": "uji", "keputusan": "Ya",
                                        "data": {"nomor_agenda": "12/2026"} if first.step_id == "agenda" else {}})
    sop, entries, header = runtime.trace_print(started.id)
    done = [entry for entry in entries if entry.user == "sari"]
    assert done and all(entry.name == "Sari Wulandari" and entry.nip == "199001012015032001" for entry in done)
    assert done[0].jabatan == next(step.actor for step in sop.steps if step.id == done[0].step_id)
    assert (header.instance_id, header.version, header.status) == (started.id, 1, "running")
    svg = render(sop, entries, instance=header).decode()
    assert "Sari Wulandari" in svg and "199001012015032001" in svg
    runtime.close()


def test_a_cancelled_instance_is_printed_as_cancelled_with_its_reason(tmp_path: Path) -> None:
    runtime = _runtime(tmp_path)
    started, _ = runtime.start("pengelolaan-surat-masuk", "sari", {"kelengkapan": [], "alasan": "uji", "data": SURAT},
                               unit="Subbag Umum")
    runtime.cancel(started.id, "sari", "Surat ditarik pengirim")
    sop, entries, header = runtime.trace_print(started.id)
    assert (header.status, header.reason) == ("cancelled", "Surat ditarik pengirim")
    assert header.finished is not None
    svg = render(sop, entries, instance=header).decode()
    assert "Surat ditarik pengirim" in svg
    runtime.close()
