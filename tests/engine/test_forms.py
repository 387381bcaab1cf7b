from __future__ import annotations

import datetime as dt
import io

from openpyxl import load_workbook

from engine.monitoring.workbook import (
    EVALUATION_QUESTIONS,
    EvaluationAnswer,
    EvaluationForm,
    MonitoringForm,
    MonitoringRow,
    evaluation_xlsx,
    monitoring_xlsx,
)


def _cells(data: bytes) -> list[list[object]]:
    sheet = load_workbook(io.BytesIO(data)).active
    assert sheet is not None
    return [[cell.value for cell in row] for row in sheet.iter_rows()]


def test_monitoring_form_xlsx_has_the_regulation_columns_and_the_rows() -> None:
    form = MonitoringForm("Pengelolaan Surat Masuk", "003/SOP/UMUM/2026", "Bagian Umum", dt.date(2026, 1, 1),
                          dt.date(2026, 6, 30), "Inspektorat", [
                              MonitoringRow(1, "Menerima surat", True, "Sesuai waktu baku"),
                              MonitoringRow(4, "Memberi disposisi", False,
                                            "Langkah 4 melebihi waktu baku pada 38% kasus: median 2,5 hari kerja "
                                            "vs baku 1 hari", "Tambah pejabat pengganti saat pimpinan dinas luar"),
                          ])
    rows = _cells(monitoring_xlsx(form))
    flat = [value for row in rows for value in row if value is not None]
    for heading in ("No.", "Prosedur", "Penilaian terhadap penerapan", "Berjalan dengan baik",
                    "Tidak berjalan dengan baik", "Catatan hasil penilaian", "Tindakan yang harus diambil",
                    "Paraf penilai"):
        assert heading in flat
    assert ": 01-01-2026 s.d. 30-06-2026" in flat
    body = [row for row in rows if row[0] in (1, 4)]
    assert body[0][:4] == [1, "Menerima surat", "✓", None]
    assert body[1][2:4] == [None, "✓"]
    assert "38% kasus" in body[1][4]


def test_evaluation_form_xlsx_in_english() -> None:
    answers = [EvaluationAnswer(True, "") for _ in EVALUATION_QUESTIONS]
    answers[2] = EvaluationAnswer(False, "Langkah verifikasi terlalu panjang")
    form = EvaluationForm("Permohonan Cuti", "800/001/SOP/BKPSDM/2026", "BKPSDM", dt.date(2026, 7, 1),
                          "Tim Evaluasi", answers, outcome="revisi")
    rows = _cells(evaluation_xlsx(form, lang="en"))
    flat = [value for row in rows for value in row if value is not None]
    assert "SOP EVALUATION FORM" in flat
    assert "Easy to carry out" in flat and "Revise the SOP" in flat
    answers_column = [row[2] for row in rows if isinstance(row[0], int)]
    assert answers_column == ["Yes", "Yes", "No", "Yes", "Yes", "Yes", "Yes"]
