"""The Tim runs the shipped "Tahapan Penyusunan SOP" in a real browser: its steps set up the Tim from the
Bupati's SK (with its susunan) and its pembekalan; stage 2 runs in every SKPD, the koordinator of each
listing its needed SOPs in the daftar inventarisasi; the analisis ticks the criteria, the verifikasi notes
its result on the register page; the Tim plans the sosialisasi of an approved SOP and distributes it; a
pelaksana gives the tanda terima, and the records' pages say which case made them. Screenshots in
artifacts/screenshots/ (tahapan-*.png)."""

from __future__ import annotations

import logging
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from playwright.sync_api import Page, expect

from tests.browser.conftest import LiveServer, account_for_every_item, pytestmark, sign_in, sign_out  # noqa: F401
from tests.conftest import PROCESSES

KEY = "tahapan-penyusunan-sop"
CUTI = "permohonan-cuti-pegawai"
SETDA = "Sekretariat Daerah"
#: A second SKPD, whose koordinator of the Tim lists its own needs at stage 2.
DINKES = "Dinas Kesehatan"
KOORDINATOR = "Koordinator Tim Penyusun SOP"
#: The register's draft the Tim verifies.
DRAFT = "pengelolaan-surat-masuk"
#: What the Tim types, by case field.
TYPED = {
    "tahun_penyusunan": "2026",
    "nama_tim": "Tim Penyusun SOP Sekretariat Daerah",
    "nomor_keputusan_tim": "188.45/071/2026",
    "tanggal_keputusan_tim": "2026-01-05",
    "susunan_tim": "tim, ketua",
    "tanggal_pembekalan": "2026-01-07",
    "topik_pembekalan": "Format SOP AP dan penulisan mutu baku",
    "peserta_pembekalan": "tim",
    "judul_sop_diusulkan": "Pengelolaan Arsip Dinamis\nPenyusunan Laporan Kinerja",
    "jumlah_judul_sop": "2",
    "catatan_analisis": "Prosedur rutin yang melibatkan beberapa bidang",
    "kriteria_rutin": "ya",
    "kriteria_tahapan_jelas": "ya",
    "kriteria_output_jelas": "ya",
    "kriteria_banyak_pihak": "tidak",
    "sop_diverifikasi": DRAFT,
    "catatan_verifikasi": "Tidak tumpang tindih dengan SOP kepegawaian lain",
    "nomor_keputusan_penetapan": "188.45/112/2026",
    "sop_disosialisasikan": CUTI,
    "jadwal_sosialisasi": "2026-03-09",
    "pejabat_sosialisasi": "Kepala Bagian Organisasi",
    "sasaran_sosialisasi": "Seluruh pegawai yang memproses cuti",
    "cara_pemantauan": "Observasi dan wawancara pelaksana setiap 6 bulan",
    "tanggal_pelatihan": "2026-03-16",
    "jenis_pelatihan": "bimtek",
    "peserta_pelatihan": "ani",
}
PDF = (b"%PDF-1.4\n1 0 obj<</Type/Catalog/Pages 2 0 R>>endobj\n2 0 obj<</Type/Pages/Kids[3 0 R]/Count 1>>endobj\n"
       b"3 0 obj<</Type/Page/Parent 2 0 R/MediaBox[0 0 595 842]>>endobj\ntrailer<</Root 1 0 R>>\n%%EOF\n")


@pytest.fixture
def tahapan_server(tmp_path: Path) -> Iterator[LiveServer]:
    """The web UI with the Tahapan and cuti SOPs, the Tim (one person holding its columns), a cuti clerk
    and a penyusun who reads the records."""
    from sqlalchemy import update

    from engine import load_file
    from engine.access.accounts import add_account
    from engine.sop.routing import NAMED_UNIT, rule_of
    from engine.store.models import org_units
    from webui import create_app

    logging.getLogger("werkzeug").setLevel(logging.WARNING)
    app = create_app({"SECRET_KEY": "uji-tahapan", "DATABASE_URL": f"sqlite:///{tmp_path / 'tahapan.db'}",
                      "UJICOBA_GATE": None})
    runtime = app.extensions["alur_runtime"]
    tahapan = load_file(PROCESSES / f"{KEY}.bpmn").sop
    holdings = []
    for actor in tahapan.actors:  # a case starts in the Sekretariat Daerah; the Tim's column is routed
        rule = rule_of(tahapan.routing, actor)
        holdings.append((actor, rule.argument if rule.kind == NAMED_UNIT else SETDA))
    add_account(runtime, "tim", "tim-rahasia", ["pelaksana"], nama="Rina Marlina, S.AP", nip="198803122010012004",
                jabatan=holdings)
    cuti = load_file(PROCESSES / f"{CUTI}.bpmn").sop
    add_account(runtime, "ani", "ani-rahasia", ["pelaksana"], nama="Ani Suryani", nip="199203082015032004",
                jabatan=[(actor, cuti.identity.unit) for actor in cuti.actors])
    add_account(runtime, "penyusun", "penyusun-rahasia", ["penyusun"], nama="Hendra Gunawan", nip="1980",
                jabatan=[("Analis Organisasi", SETDA), ("Analis Organisasi", cuti.identity.unit)])
    add_account(runtime, "koor-dinkes", "koor-dinkes-rahasia", ["pelaksana"], nama="dr. Sari Utami",
                nip="198506172010012011", jabatan=[(KOORDINATOR, DINKES)])
    with runtime.db.write() as connection:  # the Sekretariat Daerah and the Dinkes are OPDs: stage 2 runs in each
        connection.execute(update(org_units).where(org_units.c.code.in_([SETDA, DINKES])).values(kind="opd"))
    runtime.publish(PROCESSES / f"{KEY}.bpmn", KEY)
    runtime.publish(PROCESSES / f"{CUTI}.bpmn", CUTI)
    from engine import save_draft

    save_draft(runtime, DRAFT, load_file(PROCESSES / f"{DRAFT}.bpmn").sop, "penyusun")
    with LiveServer(app) as live:
        yield live


def _fill_fields(scope: Any) -> None:
    for block in scope.locator("div.field[data-field]").all():
        value = TYPED[block.get_attribute("data-field") or ""]
        if block.locator("input[type=radio]").count():  # a Ya/Tidak field
            block.locator(f"input[type=radio][value={value}]").check()
        elif block.locator("select").count():
            block.locator("select").select_option(value)
        elif block.locator("textarea").count():
            block.locator("textarea").fill(value)
        else:
            block.locator("input").fill(value)


def _account_for_items(scope: Any, pdf: Path) -> None:
    if scope.locator("input[name='output.berkas']").count():
        scope.locator("input[name='output.berkas']").set_input_files(str(pdf))
    account_for_every_item(scope)


def _start(page: Page, server: LiveServer, pdf: Path) -> str:
    page.goto(f"{server.url}/tugas/mulai")
    offer = page.locator(f"details.start-offer[data-key={KEY}]")
    if offer.get_attribute("open") is None:
        offer.locator("summary").click()
    form = offer.locator("form")
    _fill_fields(form)
    _account_for_items(form, pdf)
    form.locator("button.primary[type=submit]").click()
    flash = page.locator("p.flash.ok")
    expect(flash).to_contain_text("dimulai")
    return flash.inner_text().split()[1]


def _work_until(page: Page, server: LiveServer, registration: str, pdf: Path, last: str, shot: Any) -> list[str]:
    """Work the case's next task from the worklist until the step ``last`` is done; the steps worked."""
    worked: list[str] = []
    for _ in range(30):
        page.goto(f"{server.url}/tugas/?cari={registration}")
        rows = page.locator("#worklist tbody tr")
        assert rows.count(), f"no task left after {worked}"
        rows.first.locator("td a").first.click()
        title = page.locator("h1").inner_text()
        form = page.locator("#task-form")
        _fill_fields(form)
        if form.locator("input[name=keputusan]").count():
            form.locator("input[name=keputusan][value=Ya]").check()
        _account_for_items(form, pdf)
        if "Mengidentifikasi prosedur" in title:
            assert "daftar inventarisasi" in page.inner_text("#step-record")  # the clerk knows what it records
            unit = page.inner_text("main").split(KOORDINATOR + " — ")[1].splitlines()[0]  # its own SKPD's item
            shot(page, "tahapan-inventarisasi-tugas" + ("" if unit == SETDA else "-dinkes"))
        page.click("#complete")
        expect(page.locator("p.flash.ok")).to_be_visible()
        worked.append(title)
        if last in title:
            return worked
    raise AssertionError(f"step {last!r} not reached: {worked}")


def test_the_tim_runs_tahapan_from_inventarisasi_to_sosialisasi_with_tanda_terima(
        page: Page, tahapan_server: LiveServer, shot: Any, tmp_path: Path) -> None:
    server = tahapan_server
    pdf = tmp_path / "keputusan.pdf"
    pdf.write_bytes(PDF)
    sign_in(page, server, "tim")
    registration = _start(page, server, pdf)
    worked = _work_until(page, server, registration, pdf, "Mengidentifikasi prosedur", shot)
    assert any("Keputusan Bupati tentang Tim" in title for title in worked)
    page.goto(f"{server.url}/tugas/?cari={registration}")  # the analisis waits for the Dinkes' list
    assert page.locator("#worklist tbody tr").count() == 0
    sign_out(page)

    # stage 2 runs in every SKPD: the Dinkes' koordinator finds its own item, for its own unit
    sign_in(page, server, "koor-dinkes")
    page.goto(f"{server.url}/tugas/?cari={registration}")
    assert page.locator("#worklist tbody tr").count() == 1
    _work_until(page, server, registration, pdf, "Mengidentifikasi prosedur", shot)
    sign_out(page)

    sign_in(page, server, "tim")
    worked = _work_until(page, server, registration, pdf, "Menyebarluaskan informasi", shot)
    assert "Menganalisis kebutuhan" in worked[0]
    sign_out(page)

    # the pelaksana of the socialised SOP finds it on their worklist and gives the tanda terima
    sign_in(page, server, "ani")
    page.goto(f"{server.url}/tugas/")
    assert "SOP untuk diketahui" in page.inner_text("#sop-diketahui")
    page.click(f"#terima-{CUTI}")
    page.wait_for_load_state()
    assert page.locator("#sop-diketahui").count() == 0
    sign_out(page)

    # the records the steps made, each saying which case made it
    sign_in(page, server, "penyusun")
    page.goto(f"{server.url}/sosialisasi/sop/{CUTI}")
    assert "Kepala Bagian Organisasi" in page.inner_text("#rencana")
    assert registration in page.inner_text("#dibuat-kasus")
    shot(page, "tahapan-sosialisasi-tanda-terima")
    row = page.inner_text("#tanda-terima tr[data-user=ani]")
    assert "Ani Suryani" in row and "Diterima" in row
    page.goto(f"{server.url}/tahapan/inventarisasi")
    listing = page.inner_text("main")
    assert "Pengelolaan Arsip Dinamis" in listing and "Penyusunan Laporan Kinerja" in listing
    shot(page, "tahapan-daftar-inventarisasi")
    page.goto(f"{server.url}/penyusun/sop/{DRAFT}")  # the verifikasi step's record on the register page
    notes = page.inner_text("#catatan-verifikasi")
    assert "Lolos" in notes and "Tidak tumpang tindih" in notes and registration in notes
    shot(page, "tahapan-catatan-verifikasi")
    page.goto(f"{server.url}/tahapan/inventarisasi")
    page.locator("main a", has_text="Pengelolaan Arsip Dinamis").first.click()
    assert page.locator("#analisis textarea[name=analisis]").input_value() == TYPED["catatan_analisis"]
    ticked = {box.get_attribute("value") for box in page.locator("#analisis input[name=kriteria]:checked").all()}
    assert ticked == {"rutin", "tahapan_jelas", "output_jelas"}  # banyak_pihak answered Tidak
    shot(page, "tahapan-analisis")
    page.goto(f"{server.url}/tahapan/tim")
    page.locator("main a", has_text="Tim Penyusun SOP Sekretariat Daerah").first.click()
    assert "188.45/071/2026" in page.inner_text("#tim-sk")
    assert "Format SOP AP" in page.inner_text("main")  # the pembekalan step's record
    assert registration in page.inner_text("#dibuat-kasus")
    shot(page, "tahapan-tim")
