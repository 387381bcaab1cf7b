"""Stage 9 pages: the report's period in WIB, cancelled cases and the standard of the path, the PDF
download, the schedule, the evaluation's proposals, the ujicoba empty state, conformance statuses."""

from __future__ import annotations

import datetime as dt
import io
from typing import Any

from flask import Flask

from engine import ManualClock
from tests.webui.test_monitor_pages import KEY, _run_cases


def test_the_report_page_shows_the_wib_period_cancelled_cases_the_path_and_the_schedule(
        app: Flask, clock: ManualClock, login: Any) -> None:
    _run_cases(app, clock, count=2)
    # 23:30 UTC is 06:30 WIB the next day: the default period ends on the WIB day
    clock.current = dt.datetime(2026, 3, 9, 23, 30, tzinfo=dt.timezone.utc)
    client = login("pemantau")
    html = client.get(f"/pemantauan/{KEY}").get_data(as_text=True)
    assert "s.d. 10-03-2026 (WIB)" in html
    assert 'id="dibatalkan"' in html and "Jumlah waktu baku (jalur terpanjang)" in html
    assert "jalur terpanjang dari mulai sampai selesai" in html
    assert 'id="jadwal-monitoring"' in html and "Monitoring berikutnya jatuh tempo" in html
    assert 'id="laporan-pdf"' in html
    pdf = client.get(f"/pemantauan/{KEY}/laporan.pdf")
    assert pdf.status_code == 200 and pdf.data.startswith(b"%PDF")
    assert "attachment" in pdf.headers["Content-Disposition"]
    listing = client.get("/pemantauan/").get_data(as_text=True)
    assert "Monitoring berikutnya" in listing
    form = client.get(f"/pemantauan/{KEY}/formulir").get_data(as_text=True)
    assert "10-03-2026" in form
    english = client.get(f"/pemantauan/{KEY}?lang=en").get_data(as_text=True)
    assert "Standard of the path (longest path)" in english and "to 10-03-2026 (WIB)" in english


def test_the_evaluation_form_is_prefilled_with_proposals_and_their_figures(
        app: Flask, clock: ManualClock, login: Any) -> None:
    _run_cases(app, clock, count=3)
    client = login("pemantau")
    html = client.get(f"/pemantauan/{KEY}/evaluasi").get_data(as_text=True)
    assert html.count('class="muted proposal"') == 7 and "Usulan dari data" in html
    assert "kesesuaian alur (fitness) 1.000 atas 3 kasus" in html
    assert "checked" in html and 'id="periode-usulan"' in html


def test_an_sop_never_trialled_shows_an_empty_ujicoba_report(app: Flask, login: Any) -> None:
    client = login("pemantau")
    page = client.get(f"/pemantauan/{KEY}/ujicoba")
    html = page.get_data(as_text=True)
    assert page.status_code == 200 and 'id="belum-ujicoba"' in html and "belum pernah diujicobakan" in html


def test_the_conformance_page_counts_running_cases_apart(app: Flask, clock: ManualClock, login: Any) -> None:
    _run_cases(app, clock, count=1)
    runtime = app.extensions["alur_runtime"]
    from engine import read_bpmn
    from engine.samples.case_values import sample_values
    from tests.webui.conftest import UNIT

    sop = read_bpmn(runtime.bpmn(KEY)).sop
    runtime.start(KEY, "pelaksana", {"kelengkapan": [], "alasan": "uji", "data": sample_values(sop, "start")},
                  unit=UNIT)
    client = login("pemantau")
    csv = client.get(f"/pemantauan/{KEY}/log.csv").data
    assert b"case:alur:status" in csv and b",running" in csv and b",finished" in csv
    checked = client.post(f"/pemantauan/{KEY}/kesesuaian", data={"log": (io.BytesIO(csv), "log.csv")},
                          content_type="multipart/form-data").get_data(as_text=True)
    assert "selesai 1, berjalan 1, dibatalkan 0, ditangguhkan 0" in checked and "1.000" in checked
