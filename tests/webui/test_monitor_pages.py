"""Issue 6 pages: monitoring report, monitoring form, log export and conformance, evaluation, ujicoba gate."""

from __future__ import annotations

import datetime as dt
import io
from typing import Any

from flask import Flask
from lxml import etree

from engine import ManualClock, StepKind, read_bpmn
from engine.monitoring.evaluation import evaluations_of
from engine.lifecycle.review import accept
from engine.lifecycle.transitions import approve, start_trial, submit
from engine.lifecycle.ujicoba import UjicobaGate
from engine.samples.case_values import sample_values
from tests.webui.conftest import UNIT

KEY = "surat-masuk"


def _run_cases(app: Flask, clock: ManualClock, count: int = 3) -> None:
    """Cases of the surat masuk SOP through the real runtime, each step taking an hour of working time."""
    runtime = app.extensions["alur_runtime"]
    sop = read_bpmn(runtime.bpmn(KEY)).sop
    decisions = {step.id for step in sop.steps if step.kind is StepKind.DECISION}
    clock.current = dt.datetime(2026, 3, 2, 1, 0, tzinfo=dt.timezone.utc)  # Monday 08:00 WIB
    for _ in range(count):
        runtime.start(KEY, "pelaksana", {"kelengkapan": [], "alasan": "uji", "data": sample_values(sop, "start")},
                      unit=UNIT)
        for _ in range(20):
            open_items = runtime.worklist("pelaksana")
            if not open_items:
                break
            clock.advance(dt.timedelta(hours=1))
            form = {"kelengkapan": [], "alasan": "uji", "data": sample_values(sop, open_items[0].step_id)}
            if open_items[0].step_id in decisions:
                form["keputusan"] = "Ya"
            runtime.complete(open_items[0].id, "pelaksana", form)
        clock.advance(dt.timedelta(days=1))


def test_monitoring_report_form_and_exports(app: Flask, clock: ManualClock, login: Any) -> None:
    _run_cases(app, clock)
    client = login("pemantau")
    listing = client.get("/pemantauan/").get_data(as_text=True)
    assert "Pengelolaan Surat Masuk" in listing
    page = client.get(f"/pemantauan/{KEY}")
    html = page.get_data(as_text=True)
    assert page.status_code == 200
    assert "Per langkah" in html and "Peta proses aktual" in html and html.count("<svg") >= 3
    form = client.get(f"/pemantauan/{KEY}/formulir").get_data(as_text=True)
    assert "diisi otomatis dari data pelaksanaan" in form and "Berjalan dengan baik" in form
    saved = client.post(f"/pemantauan/{KEY}/formulir", data={
        "penilai": "Inspektur Pembantu", "penilaian_0": "tidak", "catatan_0": "Perlu pengecekan ulang",
        "tindakan_0": "Bimbingan teknis", "paraf_0": "IP"})
    assert saved.status_code == 302
    form = client.get(f"/pemantauan/{KEY}/formulir").get_data(as_text=True)
    assert "Revisi 1" in form and "Perlu pengecekan ulang" in form
    pdf = client.get(f"/pemantauan/{KEY}/formulir.pdf")
    assert pdf.status_code == 200 and pdf.data.startswith(b"%PDF")
    xlsx = client.get(f"/pemantauan/{KEY}/formulir.xlsx")
    assert xlsx.status_code == 200 and xlsx.data[:2] == b"PK"
    xes = client.get(f"/pemantauan/{KEY}/log.xes")
    traces = etree.fromstring(xes.data).findall("{http://www.xes-standard.org/}trace")
    assert xes.status_code == 200 and len(traces) == 3
    csv = client.get(f"/pemantauan/{KEY}/log.csv").data
    checked = client.post(f"/pemantauan/{KEY}/kesesuaian", data={"log": (io.BytesIO(csv), "log.csv")},
                          content_type="multipart/form-data").get_data(as_text=True)
    assert "hasil-kesesuaian" in checked and "1.000" in checked
    english = client.get(f"/pemantauan/{KEY}?lang=en").get_data(as_text=True)
    assert "Per step" in english


def test_evaluation_revisi_opens_a_request_and_feedback_page(app: Flask, clock: ManualClock, login: Any) -> None:
    """The evaluation's "revisi" asks the owner unit's penyusun for a revision; it publishes no version."""
    runtime = app.extensions["alur_runtime"]
    before = [(v.number, v.draft) for v in runtime.versions(KEY)]
    client = login("pemantau")
    data = {f"jawaban_{i}": "ya" for i in range(7)} | {"hasil": "revisi", "penilai": "Tim Evaluasi", "catatan_2": "x"}
    assert client.post(f"/pemantauan/{KEY}/evaluasi", data=data).status_code == 302
    saved = evaluations_of(runtime, KEY)
    assert saved[0].form.outcome == "revisi" and saved[0].request_id is not None and saved[0].draft_version is None
    assert [(v.number, v.draft) for v in runtime.versions(KEY)] == before
    client.post("/keluar")
    writer = login("penyusun")
    listing = writer.get("/penyusun/").get_data(as_text=True)
    assert "Permintaan revisi" in listing and "pemantau" in listing and UNIT in listing
    assert "terbuka" in writer.get(f"/penyusun/sop/{KEY}").get_data(as_text=True)
    writer.post("/keluar")
    clerk = login("pelaksana")
    assert "Tidak ada langkah ujicoba" in clerk.get("/pemantauan/umpan-balik").get_data(as_text=True)


def test_approval_needs_a_completed_ujicoba_when_the_gate_is_on(app: Flask, login: Any) -> None:
    from engine import load_file
    from engine.lifecycle.transitions import save_draft
    from tests.conftest import DATA

    runtime = app.extensions["alur_runtime"]
    key = "uji-kecil"
    sop = load_file(DATA / "surat_kecil.yaml").sop
    sop.identity.disahkan_oleh.jabatan = "Kepala Dinas"  # held by the fixture's pengesah
    save_draft(runtime, key, sop, "penyusun")
    submit(runtime, key, "penyusun")
    accept(runtime, key, "verifikator")
    start_trial(runtime, key, "penyusun")
    refused = None
    try:
        approve(runtime, key, "pengesah", dt.date(2026, 4, 1), gate=UjicobaGate(min_instances=1))
    except Exception as exc:  # noqa: BLE001 - the type is asserted below
        refused = exc
    assert refused is not None and "belum lengkap" in str(refused) and "instans ujicoba" in str(refused)
    app.config["UJICOBA_GATE"] = UjicobaGate(min_instances=1)
    approver = login("pengesah")
    answer = approver.post(f"/penyusun/sop/{key}/sahkan", data={"tanggal_efektif": "2026-04-01", "yakin": "1"})
    assert answer.status_code == 409 and "belum lengkap" in answer.get_data(as_text=True)
    assert [v.draft for v in runtime.versions(key)] == [True]  # nothing was published


def test_report_stands_without_graphviz(app: Flask, login: Any, monkeypatch: Any) -> None:
    import graphviz

    def missing(*args: Any, **kwargs: Any) -> bytes:
        raise graphviz.ExecutableNotFound(["dot"])

    monkeypatch.setattr(graphviz.Digraph, "pipe", missing)
    page = login("pemantau").get(f"/pemantauan/{KEY}")
    assert page.status_code == 200
    assert "Graphviz (dot) gagal" in page.get_data(as_text=True)


def test_a_log_upload_with_an_odd_name_is_refused_cleanly(app: Flask, login: Any) -> None:
    client = login("pemantau")
    for name in ("..", "../../etc/passwd", "log.exe"):
        answer = client.post(f"/pemantauan/{KEY}/kesesuaian", data={"log": (io.BytesIO(b"x"), name)},
                             content_type="multipart/form-data")
        assert answer.status_code == 400, name
        assert "jenis berkas tidak dikenal" in answer.get_data(as_text=True)


def test_a_call_step_links_to_the_called_sops_report_which_counts_the_cases_it_started(
        app: Flask, clock: ManualClock, login: Any) -> None:
    from tests.conftest import DATA

    runtime = app.extensions["alur_runtime"]
    runtime.publish(DATA / "monitoring" / "ktp_rollup.yaml", "ktp_rollup")
    runtime.publish(DATA / "monitoring" / "pindah_rollup.yaml", "pindah")
    runtime.add_user("petugas", jabatan=[("Petugas", UNIT)])
    runtime.add_user("operator", jabatan=[("Operator", UNIT)])
    clock.current = dt.datetime(2026, 3, 2, 1, 0, tzinfo=dt.timezone.utc)
    _, (periksa,) = runtime.start("pindah", "petugas", {}, unit=UNIT)
    clock.advance(dt.timedelta(minutes=15))
    (rekam,) = runtime.complete(periksa.id, "petugas", {}).ready
    clock.advance(dt.timedelta(hours=1))
    (cetak,) = runtime.complete(rekam.id, "operator", {}).ready
    clock.advance(dt.timedelta(hours=1))
    runtime.complete(cetak.id, "operator", {})
    client = login("pemantau")
    parent = client.get("/pemantauan/pindah").get_data(as_text=True)
    assert 'href="/pemantauan/ktp_rollup"' in parent and "menjalankan SOP ktp_rollup" in parent
    assert 'id="catatan-panggil"' in parent and 'id="dimulai-sop-lain"' not in parent
    child = client.get("/pemantauan/ktp_rollup").get_data(as_text=True)
    assert 'id="dimulai-sop-lain">1<' in child and "Dimulai oleh SOP lain" in child
    assert "Started by another SOP" in client.get("/pemantauan/ktp_rollup?lang=en").get_data(as_text=True)
    pdf = client.get("/pemantauan/pindah/laporan.pdf")
    assert pdf.status_code == 200 and pdf.data.startswith(b"%PDF")
