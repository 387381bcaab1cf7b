"""Stage 9 truthful: the report's standard of the path, periods in the deployment's zone, trial steps
done outside office hours."""

from __future__ import annotations

import datetime as dt
from pathlib import Path
from typing import Any

from engine.access.accounts import Account
from engine.access.readers import monitoring_scope
from engine.formats.files import load_file
from engine.lifecycle.ujicoba import give_feedback, ujicoba_complete, ujicoba_report
from engine.monitoring.form import prefill_monitoring_form
from engine.monitoring.report import monitoring_report
from engine.monitoring.standard_path import longest_path
from engine.runtime.facade import Runtime
from engine.runtime.timers import ManualClock
from engine.store.migrate import upgrade_database
from tests.conftest import PROCESSES
from tests.engine.monitoring.conftest import KEY, TRIAL_PLAN, WIB, Driven, run_plan

CUTI = PROCESSES / "permohonan-cuti-pegawai.bpmn"
UTC = dt.timezone.utc


def _runtime(tmp_path: Path, moment: dt.datetime) -> tuple[Runtime, ManualClock]:
    url = f"sqlite:///{tmp_path / 'report.db'}"
    upgrade_database(url)
    clock = ManualClock(moment)
    return Runtime(url, clock=clock), clock


def test_the_standard_is_the_longest_path_not_a_sum_of_every_row(tmp_path: Path) -> None:
    runtime, _ = _runtime(tmp_path, dt.datetime(2026, 3, 2, 2, 0, tzinfo=UTC))
    try:
        runtime.publish(CUTI, "cuti")
        report = monitoring_report(runtime, "cuti")
        day = runtime.calendar.working_minutes_per_day
        # pertimbangan 1 hari, disetujui_atasan 15, periksa_sisa 30, sisa_cukup 5, konsep 30, paraf 30,
        # tanda_tangan 1 hari, catat 15, serahkan 15; not sesuaikan (1 hari, the rework loop) nor
        # ditangguhkan (15, the other answer)
        assert report.standard_cycle_minutes == 2 * day + 140
        assert report.standard_path == ("ajukan", "pertimbangan", "disetujui_atasan", "periksa_sisa", "sisa_cukup",
                                        "konsep", "paraf", "tanda_tangan", "catat", "serahkan")
    finally:
        runtime.close()


def test_the_longest_path_takes_the_longer_alternative_and_the_longest_parallel_branch_once() -> None:
    successors = {"mulai": ["a", "b"], "a": ["gabung"], "b": ["gabung"], "gabung": ["cek"], "cek": ["ok", "ulang"],
                  "ulang": ["a"], "ok": []}
    minutes: dict[str, float | None] = {"mulai": 10, "a": 30, "b": 60, "gabung": 5, "cek": 1, "ulang": 500, "ok": 2}
    total, path = longest_path("mulai", successors, {"ok"}, minutes)
    assert (total, path) == (60 + 5 + 1 + 2, ("mulai", "b", "gabung", "cek", "ok"))
    assert longest_path("mulai", {"mulai": ["x"], "x": []}, {"x"}, {}) == (None, ("mulai", "x"))


def _monitor(username: str = "pemantau") -> Account:
    return Account(username, "Pemantau", "", frozenset({"pemantau"}), ())


def test_default_periods_and_the_open_form_are_dated_in_wib_not_utc(tmp_path: Path) -> None:
    # 23:30 UTC on 2 March is 06:30 WIB on 3 March: today is the 3rd where the Pemda is
    late_evening = dt.datetime(2026, 3, 2, 23, 30, tzinfo=UTC)
    runtime, clock = _runtime(tmp_path, dt.datetime(2026, 3, 2, 16, 30, tzinfo=UTC))  # 23:30 WIB on the 2nd
    try:
        runtime.publish(CUTI, "cuti")
        runtime.add_user("pemohon", nama="Pemohon", jabatan=[("Pegawai Pemohon", "Bagian Umum")])
        clock.current = dt.datetime(2026, 3, 2, 17, 30, tzinfo=UTC)  # 00:30 WIB on the 3rd
        from engine.samples.case_values import sample_values

        sop = load_file(CUTI).sop
        runtime.start("cuti", "pemohon", {"kelengkapan": list(sop.start.requirements) if sop.start else [],
                                          "data": sample_values(sop, "ajukan")})
        clock.current = late_evening
        scope = monitoring_scope(runtime, _monitor())
        assert scope.end == dt.date(2026, 3, 3)
        report = monitoring_report(runtime, "cuti")
        assert (report.first_day, report.generated_on) == (dt.date(2026, 3, 3), dt.date(2026, 3, 3))
        form = prefill_monitoring_form(report)
        assert (form.period_start, form.period_end) == (dt.date(2026, 3, 3), dt.date(2026, 3, 3))
    finally:
        runtime.close()


def test_a_trial_step_done_outside_office_hours_is_flagged_and_stops_the_gate(driven: Driven) -> None:
    runtime, admin = driven.runtime, driven.people["Pengadministrasi"]
    items = [driven.trial_items]
    for week in (1, 2):
        items.append(run_plan(runtime, driven.clock, driven.people,
                              dt.datetime(2026, 2, 9, 8, 0, tzinfo=WIB) + dt.timedelta(weeks=week), TRIAL_PLAN,
                              trial=True)[1])
    # a fourth trial case worked on a Saturday evening: every step reads 0 working minutes
    saturday = dt.datetime(2026, 3, 7, 19, 0, tzinfo=WIB)
    driven.clock.current = saturday.astimezone(UTC)
    instance, ready = runtime.start(KEY, admin, {"kelengkapan": ["Berkas permohonan"]}, trial=True)
    weekend: dict[str, int] = {}
    answers: dict[str, Any] = {"setujui": "Ya"}
    while ready:
        item = ready.pop(0)
        driven.clock.current += dt.timedelta(minutes=10)
        form: dict[str, Any] = {"kelengkapan": ["Formulir", "KTP"] if item.step_id == "periksa" else []}
        if item.step_id in answers:
            form["keputusan"] = answers[item.step_id]
        ready.extend(runtime.complete(item.id, driven.people[item.jabatan], form).ready)
        weekend[item.step_id] = item.id
    items.append(weekend)
    for trial_items in items:
        for step, item_id in trial_items.items():
            give_feedback(runtime, item_id, driven.people["Kepala Subbagian" if step == "setujui" else "Pengadministrasi"],
                          4, 4, 4)
    report = ujicoba_report(runtime, KEY)
    assert {step.step_id: step.outside_hours for step in report.steps} == {"periksa": 1, "setujui": 1, "arsip": 1}
    ok, reasons = ujicoba_complete(runtime, KEY)
    assert not ok and len(reasons) == 1 and "di luar jam kerja" in reasons[0] and "2. Memeriksa" in reasons[0]
    from engine.lifecycle.ujicoba import UjicobaGate

    assert ujicoba_complete(runtime, KEY, gate=UjicobaGate(office_hours=False)) == (True, [])
    assert runtime.instance(instance.id).status == "completed"


SVG = "{http://www.w3.org/2000/svg}"


def test_the_step_chart_keeps_each_label_s_number_inside_the_chart() -> None:
    from lxml import etree

    from engine.monitoring.plots import StepFigure, step_chart

    long = "Menyusun dokumen rencana kerja dan anggaran beserta lampiran pendukungnya untuk diperiksa"
    svg = etree.fromstring(step_chart([StepFigure(1, long, 60, 30, 45, 3), StepFigure(12, "Arsip", 15, 5, 9, 3)], 450))
    labels = [node for node in svg.iter(f"{SVG}text") if (node.text or "").startswith(("1.", "12."))]
    assert [node.text.split(" ")[0] for node in labels] == ["1.", "12."]
    for node in labels:  # drawn from the left edge, cut before the bars start (x = 330)
        assert float(node.get("x")) >= 0 and node.get("text-anchor") in (None, "start")
        assert len(node.text) * 11.5 * 0.62 <= 330 - 8
    assert labels[0].text.endswith("…") and labels[1].text == "12. Arsip"


def test_process_map_counts_sit_beside_their_arrows(driven: Driven) -> None:
    import re

    from lxml import etree

    from engine.monitoring.process_map import process_map_svg

    svg = etree.fromstring(process_map_svg(driven.runtime, KEY))
    checked = 0
    for edge in svg.iter(f"{SVG}g"):
        if edge.get("class") != "edge":
            continue
        path = next(edge.iter(f"{SVG}path")).get("d")
        points = [(float(x), float(y)) for x, y in re.findall(r"(-?[\d.]+),(-?[\d.]+)", path)]
        for text in edge.iter(f"{SVG}text"):
            x, y = float(text.get("x")), float(text.get("y"))
            near = [px for px, py in points if abs(py - y) < 12]
            # the digit (about 6 px wide) is centred at x: clear of the arrow's line and its width
            assert all(abs(px - x) > 8 for px in near), (text.text, x, near)
            checked += 1
    assert checked >= 4


def test_the_evaluation_proposes_each_answer_with_its_figures(driven: Driven) -> None:
    from engine.conformance.check import ConformanceChecker
    from engine.eventlog import EventLog
    from engine.monitoring.export import store_log_events
    from engine.monitoring.proposals import propose_answers
    from tests.engine.monitoring.conftest import SOP_FILE

    report = monitoring_report(driven.runtime, KEY)
    conformance = ConformanceChecker(load_file(SOP_FILE).sop).check(
        EventLog.from_events(store_log_events(driven.runtime, KEY)))
    proposals = propose_answers(report, ease=(2.5, 4), conformance=conformance)
    assert len(proposals) == 7 and all(item.figures for item in proposals)
    answers = [item.answer for item in proposals]
    # the five izin cases: median 1165 working minutes against a path of 525; ease 2.5 < 3.5
    assert answers[0] is False and proposals[0].note.startswith("median waktu siklus")
    assert answers[1] is False and "2.5" in proposals[1].note
    assert answers[6] is True and "1.000" in proposals[6].note
    assert "5 kasus selesai, 0 dibatalkan" in proposals[5].note and answers[5] is True
    empty = propose_answers(monitoring_report(driven.runtime, KEY, dt.date(2020, 1, 1), dt.date(2020, 1, 2)))
    assert [item.answer for item in empty] == [None] * 7
    assert "0 kasus" in empty[0].note


def test_an_evaluation_revisi_moves_an_approved_sop_to_revisi(tmp_path: Path) -> None:
    from engine.access.accounts import add_account
    from engine.lifecycle import review, transitions
    from engine.lifecycle.requests import requests_of
    from engine.monitoring.evaluation import save_evaluation
    from engine.monitoring.workbook import EvaluationAnswer, EvaluationForm
    from tests.engine.monitoring.conftest import SOP_FILE

    runtime, _ = _runtime(tmp_path, dt.datetime(2026, 3, 2, 2, 0, tzinfo=UTC))
    try:
        sop = load_file(SOP_FILE).sop
        unit = "Bagian Organisasi"
        add_account(runtime, "penyusun", "penyusun-uji-1", ["penyusun"], "Penyusun", "", [("Analis", unit)])
        add_account(runtime, "verifikator", "verifikator-uji-1", ["verifikator"], "Verifikator", "", [("Analis", unit)])
        add_account(runtime, "pengesah", "pengesah-uji-1", ["pengesah"], "Pengesah", "",
                    [(sop.identity.disahkan_oleh.jabatan, sop.identity.unit)])
        add_account(runtime, "inspektur", "inspektur-uji-1", ["pemantau"], "Inspektur", "", [])
        transitions.save_draft(runtime, KEY, sop, "penyusun")
        transitions.submit(runtime, KEY, "penyusun")
        for finding in review.findings(runtime, KEY):
            review.answer_finding(runtime, KEY, "penyusun", finding.id, "bukan")
        review.accept(runtime, KEY, "verifikator")
        transitions.approve(runtime, KEY, "pengesah")
        assert transitions.status(runtime, KEY) == "disahkan"
        form = EvaluationForm("", "", "", dt.date(2026, 3, 2), "Inspektur", outcome="tetap",
                              answers=[EvaluationAnswer(True, "") for _ in range(7)])
        save_evaluation(runtime, KEY, form, "inspektur")
        assert transitions.status(runtime, KEY) == "disahkan"
        form.outcome, form.notes = "revisi", "Waktu persetujuan terlalu lama"
        saved = save_evaluation(runtime, KEY, form, "inspektur")
        assert transitions.status(runtime, KEY) == "revisi"
        with runtime.db.read() as connection:
            requests = requests_of(connection, KEY)
        assert [(item.id, item.status, item.closed_by) for item in requests] == [
            (saved.request_id, "ditindaklanjuti", "inspektur")]
        # the SOP under revision keeps its draft and status; the next request waits for its penyusun
        save_evaluation(runtime, KEY, form, "inspektur")
        assert transitions.status(runtime, KEY) == "revisi"
        with runtime.db.read() as connection:
            assert [item.status for item in requests_of(connection, KEY)] == ["terbuka", "ditindaklanjuti"]
    finally:
        runtime.close()


def test_the_report_pdf_reads_back_with_its_figures(driven: Driven) -> None:
    import io

    from pypdf import PdfReader

    from engine.monitoring.report_pdf import monitoring_report_pdf
    from engine.monitoring.schedule import monitoring_due

    report = monitoring_report(driven.runtime, KEY, dt.date(2026, 1, 1), dt.date(2026, 2, 28))
    data = monitoring_report_pdf(report, due=monitoring_due(driven.runtime, KEY))
    text = " ".join(page.extract_text() for page in PdfReader(io.BytesIO(data)).pages)
    assert "Laporan Monitoring SOP" in text and "Uji Izin Monitoring" in text
    assert "01-01-2026 s.d. 28-02-2026 (WIB)" in text
    assert "Dibatalkan" in text and "Jumlah waktu baku (jalur terpanjang)" in text
    assert "langkah 2, 3, 4" in text and "Memeriksa kelengkapan berkas" in text
    assert "Monitoring berikutnya jatuh tempo" in text or "Monitoring terlambat" in text
    english = " ".join(page.extract_text() for page in PdfReader(io.BytesIO(monitoring_report_pdf(report, "en"))).pages)
    assert "SOP Monitoring Report" in english and "Standard of the path" in english


def test_a_log_too_long_to_check_in_a_request_leaves_the_synergy_question_open(driven: Driven) -> None:
    from engine.monitoring.proposals import propose_answers

    proposals = propose_answers(monitoring_report(driven.runtime, KEY), log_limit=100_000)
    assert proposals[6].answer is None and "100,000" in proposals[6].note
