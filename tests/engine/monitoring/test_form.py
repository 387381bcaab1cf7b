from __future__ import annotations

import datetime as dt
import io

import pytest
from openpyxl import load_workbook
from pypdf import PdfReader

from engine.errors import DataError
from engine.monitoring.workbook import monitoring_xlsx
from engine.monitoring.report import monitoring_report
from engine.monitoring.form import (
    monitoring_form_pdf,
    monitoring_forms_of,
    prefill_monitoring_form,
    save_monitoring_form,
)
from engine.sop.duration_text import working_time_text
from tests.engine.monitoring.conftest import KEY, Driven


def test_the_form_is_prefilled_from_the_measured_steps(driven: Driven) -> None:
    report = monitoring_report(driven.runtime, KEY, dt.date(2026, 1, 1), dt.date(2026, 2, 28))
    form = prefill_monitoring_form(report, assessor="Inspektur")
    assert [row.number for row in form.rows] == [1, 2, 3, 4]
    terima, periksa, setujui, arsip = form.rows
    assert terima.running_well is None
    assert setujui.running_well is False
    assert setujui.notes.startswith(
        "Langkah 3 melebihi waktu baku pada 67% kasus: median 2,5 hari kerja vs baku 1 hari.")
    assert "Dikerjakan ulang 1 kali" in setujui.notes and setujui.action
    assert periksa.running_well is False  # 1 of 6 without KTP (17% > 10%)
    assert "Sesuai waktu baku pada 83% kasus: median 37,5 menit vs baku 1 jam." in periksa.notes
    assert "Kelengkapan tidak lengkap pada 17% penyelesaian (1 dari 6)." in periksa.notes
    assert arsip.running_well is True and arsip.action == ""
    assert (form.period_start, form.period_end) == (dt.date(2026, 1, 1), dt.date(2026, 2, 28))
    english = prefill_monitoring_form(report, lang="en").rows[2].notes
    assert english.startswith("Step 3 exceeded its standard time in 67% of cases: median 2.5 working days")


def test_saving_keeps_every_revision_and_refuses_a_stale_edit(driven: Driven) -> None:
    form = prefill_monitoring_form(monitoring_report(driven.runtime, KEY, dt.date(2026, 1, 1), dt.date(2026, 6, 30)))
    first = save_monitoring_form(driven.runtime, KEY, form, "inspektur")
    assert first.revision == 1
    form.rows[3].running_well, form.rows[3].notes = False, "Arsip belum rapi (observasi)."
    second = save_monitoring_form(driven.runtime, KEY, form, "inspektur", base_revision=1)
    assert second.revision == 2
    with pytest.raises(DataError) as stale:
        save_monitoring_form(driven.runtime, KEY, form, "kabag", base_revision=1)
    assert "revisi 2" in str(stale.value) and "inspektur" in str(stale.value)
    with pytest.raises(DataError):
        save_monitoring_form(driven.runtime, KEY, form, "kabag")  # a fresh pre-fill may not overwrite either
    saved = monitoring_forms_of(driven.runtime, KEY)
    assert [item.revision for item in saved] == [2, 1]
    assert saved[0].form.rows[3].notes == "Arsip belum rapi (observasi)." and saved[0].form == form
    assert saved[1].form.rows[3].running_well is True


def test_the_form_exports_to_xlsx_and_pdf(driven: Driven) -> None:
    form = prefill_monitoring_form(monitoring_report(driven.runtime, KEY), assessor="Inspektur")
    sheet = load_workbook(io.BytesIO(monitoring_xlsx(form))).active
    assert sheet is not None
    texts = [str(cell.value) for row in sheet.iter_rows() for cell in row if cell.value]
    assert any(text.startswith("Langkah 3 melebihi waktu baku") for text in texts)
    pdf = PdfReader(io.BytesIO(monitoring_form_pdf(form)))
    content = " ".join(page.extract_text() for page in pdf.pages)
    assert "MONITORING PELAKSANAAN SOP" in content and "Langkah 3 melebihi" in content.replace("\n", " ")


def test_a_long_form_continues_on_more_pages(driven: Driven) -> None:
    form = prefill_monitoring_form(monitoring_report(driven.runtime, KEY))
    form.rows = form.rows * 12
    assert len(PdfReader(io.BytesIO(monitoring_form_pdf(form))).pages) >= 2


def test_minutes_are_shown_in_the_unit_a_reader_expects() -> None:
    assert working_time_text(1125, 450) == "2,5 hari kerja" and working_time_text(90, 450) == "1,5 jam"
    assert working_time_text(37.5, 450) == "37,5 menit" and working_time_text(450, 450, lang="en") == "1 working day"
