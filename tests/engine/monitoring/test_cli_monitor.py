from __future__ import annotations

import io
import json
from pathlib import Path

import pytest
from click.testing import CliRunner
from openpyxl import load_workbook
from pypdf import PdfReader

from engine.cli.main import main
from engine.eventlog import read_log
from tests.engine.monitoring.conftest import KEY, Driven


@pytest.fixture
def alur(driven_sqlite: Driven, monkeypatch: pytest.MonkeyPatch):  # type: ignore[no-untyped-def]
    monkeypatch.setenv("ALUR_DATABASE_URL", driven_sqlite.url)
    runner = CliRunner()

    def invoke(*args: str, code: int = 0) -> str:
        result = runner.invoke(main, list(args))
        assert result.exit_code == code, (args, result.output, result.exception)
        return result.output

    return invoke


def test_monitor_prints_the_report_in_indonesian_and_english(alur) -> None:  # type: ignore[no-untyped-def]
    out = alur("monitor", KEY, "--from", "2026-01-01", "--to", "2026-02-28")
    assert "Instans: 5 dimulai, 5 selesai, 0 berjalan, 0 dibatalkan, 4 melewati batas waktu." in out
    assert "3. Apakah permohonan disetujui? [Kepala Subbagian] baku 1 hari: n=6, median 2,5 hari kerja" in out
    assert "Hambatan (total kelebihan waktu): 3. Apakah permohonan disetujui?" in out
    assert "Keputusan 3. Apakah permohonan disetujui?: Ya 5, Tidak 1" in out
    english = alur("--lang", "en", "monitor", KEY)
    assert "Instances: 5 started" in english and "median 2.5 working days" in english
    assert "versi 2 [UJICOBA]" in alur("monitor", KEY, "--ujicoba")
    assert "belum diterbitkan" in alur("monitor", "izn", code=1)


def test_monitor_writes_the_form_and_the_report(alur, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    alur("monitor", KEY, "--penilai", "Inspektur", "-o", str(tmp_path / "m.pdf"))
    text = " ".join(page.extract_text() for page in PdfReader(tmp_path / "m.pdf").pages)
    assert "Inspektur" in text and "melebihi waktu baku" in text.replace("\n", " ")
    alur("monitor", KEY, "-o", str(tmp_path / "m.xlsx"))
    sheet = load_workbook(io.BytesIO((tmp_path / "m.xlsx").read_bytes())).active
    assert sheet is not None and any("Langkah 3 melebihi" in str(cell.value) for row in sheet.iter_rows()
                                     for cell in row)
    alur("monitor", KEY, "-o", str(tmp_path / "m.json"))
    data = json.loads((tmp_path / "m.json").read_text())
    assert data["report"]["started"] == 5 and data["form"]["rows"][2]["running_well"] is False
    alur("monitor", KEY, "-o", str(tmp_path / "m.doc"), code=2)
    assert not (tmp_path / "m.doc").exists()


def test_log_export_writes_xes_and_csv(alur, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    out = alur("log", "export", "--sop", KEY, "--from", "2026-01-01", "--to", "2026-01-12", "-o",
               str(tmp_path / "log.xes"))
    assert "(14 peristiwa)" in out  # 2 instances: a start and 3 steps of 2 events each
    assert len(read_log(tmp_path / "log.xes")) == 2
    alur("log", "export", "--sop", KEY, "-o", str(tmp_path / "log.csv"))
    assert len(read_log(tmp_path / "log.csv")) == 5
    alur("log", "export", "--sop", KEY, "-o", str(tmp_path / "log.txt"), code=2)
