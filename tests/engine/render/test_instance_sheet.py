"""The printed trace: an instance sheet after the identity sheet, states drawn as they are."""

from __future__ import annotations

import datetime as dt
from zoneinfo import ZoneInfo

import pytest

from engine import TraceEntry, load_file, render
from engine.errors import AlurError
from engine.runtime.trace import TraceInstance
from engine.sop.model import Sop
from tests.conftest import PROCESSES
from tests.engine.render.svg_geometry import cell_text, defects, parse

WIB = ZoneInfo("Asia/Jakarta")


def _at(day: int, hour: int, minute: int = 0) -> dt.datetime:
    return dt.datetime(2026, 3, day, hour, minute, tzinfo=WIB)


def _officer(step: str, start: dt.datetime, end: dt.datetime | None, name: str = "Siti Aminah, S.Sos.",
             login: str = "pelaksana") -> TraceEntry:
    return TraceEntry(step, start, end, login, name=name, jabatan="Petugas Pelayanan", nip="19850101 201001 2 003")


def _finished_with_a_loop() -> tuple[Sop, list[TraceEntry]]:
    sop = load_file(PROCESSES / "penerbitan-surat-keterangan.bpmn").sop
    steps = ["informasi", "terima_berkas", "cek_lengkap", "kembalikan", "terima_berkas", "cek_lengkap",
             "kembalikan", "terima_berkas", "cek_lengkap", "registrasi", "verifikasi", "memenuhi_kriteria",
             "konsep", "paraf_sekel", "tanda_tangan", "penomoran", "serahkan"]
    trace = [_officer(step, _at(3, 8, 3 * index), _at(3, 8, 3 * index + 2)) for index, step in enumerate(steps)]
    return sop, trace


def _texts(svg: bytes, page: int) -> str:
    return " ".join(element.text or "" for _, _, element in parse(svg)[page - 1].texts)


def test_a_finished_instance_has_its_sheet_after_the_identity_sheet() -> None:
    sop, trace = _finished_with_a_loop()
    instance = TraceInstance(instance_id=42, registration="470/118/KEL-SKM/2026", version=3, status="completed",
                             started=_at(3, 8), finished=_at(3, 8, 50))
    svg = render(sop, trace, instance=instance)
    assert defects(svg, sop) == []
    pages = parse(svg)
    assert [page.kind for page in pages[:2]] == ["identity", "instance"]
    sheet = _texts(svg, 2)
    for expected in ("470/118/KEL-SKM/2026", "42", "3 Maret 2026 08:00 WIB", "3 Maret 2026 08:50 WIB", "selesai",
                     "Siti Aminah, S.Sos.", "Petugas Pelayanan", "NIP. 19850101 201001 2 003",
                     "2x dikembalikan", "ke-3 dari 3", "Total waktu kerja"):
        assert expected in sheet, expected
    assert "pelaksana" not in sheet.split()  # the login never stands for the officer
    # KETERANGAN names the officer, not the login
    assert "Siti Aminah" in cell_text(svg, "keterangan", 2) and "pelaksana" not in cell_text(svg, "keterangan", 2)
    # the repeated step shows how many passes it had
    assert cell_text(svg, "waktu", 2).startswith("5 menit aktual 3x:")


@pytest.mark.parametrize(("status", "word"), [("cancelled", "dibatalkan"), ("suspended", "ditangguhkan")])
def test_a_stopped_instance_is_never_drawn_as_running(status: str, word: str) -> None:
    sop = load_file(PROCESSES / "penerbitan-surat-keterangan.bpmn").sop
    trace = [_officer("informasi", _at(3, 8), _at(3, 8, 2)), _officer("terima_berkas", _at(3, 8, 2), _at(3, 8, 6)),
             _officer("cek_lengkap", _at(3, 8, 6), None)]
    instance = TraceInstance(instance_id=7, status=status, reason="Pemohon menarik permohonannya",
                             started=_at(3, 8), finished=_at(3, 9) if status == "cancelled" else None)
    svg = render(sop, trace, instance=instance)
    assert defects(svg, sop) == []
    assert "sedang berjalan" not in svg.decode()
    assert word in cell_text(svg, "waktu", 3)
    sheet = _texts(svg, 2)
    assert word in sheet and "alasan: Pemohon menarik permohonannya" in sheet and "belum selesai" in sheet


def test_without_an_instance_the_sheet_infers_the_state_in_english() -> None:
    sop, trace = _finished_with_a_loop()
    svg = render(sop, trace, lang="en")
    assert defects(svg, sop) == []
    sheet = _texts(svg, 2)
    assert "completed" in sheet and "returned 2x" in sheet and "3 March 2026 08:00 WIB" in sheet


def test_calendar_and_clock_waktu_are_measured_on_the_clock() -> None:
    sop, trace = _finished_with_a_loop()
    for step in sop.steps:
        if step.id == "verifikasi":
            step.duration = "1 x 24 jam"
    friday = dt.datetime(2026, 3, 6, 15, tzinfo=WIB)
    trace = [entry if entry.step_id != "verifikasi" else
             TraceEntry("verifikasi", friday, friday + dt.timedelta(days=3), name="Budi") for entry in trace]
    svg = render(sop, sorted(trace, key=lambda entry: entry.start))
    # three days on the clock against 1 x 24 jam: over, shown in days, not office hours
    text = cell_text(svg, "waktu", 6)
    assert "aktual: 3 hari" in text and "hari kerja" not in text


def test_a_bad_instance_is_refused_by_name() -> None:
    with pytest.raises(AlurError, match="Status instance 'selesai' tidak dikenal"):
        TraceInstance(status="selesai")
    with pytest.raises(AlurError, match="zona waktu"):
        TraceInstance(started=dt.datetime(2026, 3, 3, 8))


def test_the_open_step_of_a_cancelled_instance_is_drawn_stopped() -> None:
    from lxml import etree

    from engine.render.canvas import OVER, RUNNING_FILL, STOPPED_FILL

    sop = load_file(PROCESSES / "penerbitan-surat-keterangan.bpmn").sop
    trace = [_officer("informasi", _at(3, 8), _at(3, 8, 2)), _officer("terima_berkas", _at(3, 8, 2), None)]
    svg = render(sop, trace, instance=TraceInstance(status="cancelled", reason="Berkas palsu"))
    symbol = next(e for e in etree.fromstring(svg).iter() if e.get("data-step") == "terima_berkas")
    assert symbol.get("fill") == STOPPED_FILL != RUNNING_FILL and symbol.get("stroke") == OVER
