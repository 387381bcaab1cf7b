"""A clerk on a phone (390 px) works two real SOPs to the end through the pages: the cuti SOP and
the surat keterangan (SKTM) SOP, typing the applicant's data, attaching a PDF scan, choosing for
each kelengkapan item how it was seen, answering the decisions; after each step the page says where
the case went. Screenshots of the worklist and the task page land in artifacts/screenshots/."""

from __future__ import annotations

import logging
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from playwright.sync_api import Browser, Page, expect

from tests.browser.conftest import ARTIFACTS, LiveServer, account_for_every_item, pytestmark  # noqa: F401
from tests.conftest import PROCESSES

PHONE = {"width": 390, "height": 844}
BKPSDM = "Badan Kepegawaian dan Pengembangan Sumber Daya Manusia - Subbagian Umum dan Kepegawaian"
KELURAHAN = "Kecamatan Sukamaju Kota - Kelurahan Sukamaju"
#: What the clerk types, by field (the start form and the later steps).
TYPED = {
    "cuti": {
        "nama_pegawai": "Siti Aminah, S.Kom.", "nip_pegawai": "198703152010012005",
        "jabatan_pegawai": "Pranata Komputer Ahli Muda", "unit_kerja": "Bidang Mutasi dan Promosi",
        "jenis_cuti": "Cuti Tahunan", "alasan_cuti": "Menghadiri pernikahan adik di Yogyakarta",
        "tanggal_mulai": "2026-12-14", "jumlah_hari": "3",
        "alamat_selama_cuti": "Jl. Kaliurang km 5 No. 12, Sleman, DI Yogyakarta", "telepon_pegawai": "0812 3456 7890",
        "catatan_atasan": "Disetujui; tugas harian dialihkan ke Budi Santoso", "sisa_cuti": "12",
        "nomor_surat_izin": "800.1.11.4/0123/BKPSDM/2026",
    },
    "sktm": {
        "nama_pemohon": "Rahmat Hidayat", "nik_pemohon": "3273021208750003",
        "alamat_pemohon": "Kp. Cibogo RT 003/RW 005, Kelurahan Sukamaju", "telepon_pemohon": "081398765432",
        "tempat_lahir": "Bandung", "tanggal_lahir": "1975-08-12", "keperluan": "Keringanan biaya sekolah anak",
        "nomor_kk": "3273020101090012", "terdaftar_dtsen": "ya",
        "catatan_verifikasi": "Terdaftar di DTSEN desil 2; kunjungan rumah sesuai", "nomor_sktm": "474/051/KEL-SKM/2026",
    },
}
#: A tiny valid PDF: one empty A4 page (what a scanner would hand over, only smaller).
PDF = (b"%PDF-1.4\n1 0 obj<</Type/Catalog/Pages 2 0 R>>endobj\n2 0 obj<</Type/Pages/Kids[3 0 R]/Count 1>>endobj\n"
       b"3 0 obj<</Type/Page/Parent 2 0 R/MediaBox[0 0 595 842]>>endobj\ntrailer<</Root 1 0 R>>\n%%EOF\n")


@pytest.fixture
def clerk_server(tmp_path: Path) -> Iterator[tuple[LiveServer, Any]]:
    """The web UI with the cuti and SKTM SOPs and one clerk holding every jabatan of both."""
    from engine.access.accounts import add_account
    from engine import load_file
    from engine.sop.routing import NAMED_UNIT, rule_of
    from webui import create_app

    logging.getLogger("werkzeug").setLevel(logging.WARNING)
    app = create_app({"SECRET_KEY": "uji-kasus", "DATABASE_URL": f"sqlite:///{tmp_path / 'kasus.db'}",
                      "UJICOBA_GATE": None})
    runtime = app.extensions["alur_runtime"]
    holdings = []
    for key, path in (("cuti", "permohonan-cuti-pegawai.bpmn"), ("sktm", "penerbitan-surat-keterangan.bpmn")):
        sop = load_file(PROCESSES / path).sop
        for actor in sop.actors:  # in the unit the column's routing rule sends its steps to
            rule = rule_of(sop.routing, actor)
            holdings.append((actor, rule.argument if rule.kind == NAMED_UNIT else sop.identity.unit))
        runtime.publish(PROCESSES / path, key)
    add_account(runtime, "ani", "ani-rahasia", ["pelaksana"], nama="Ani Suryani", nip="199203082015032004",
                jabatan=holdings)
    with LiveServer(app) as live:
        yield live, app


def _fill_fields(scope: Any, values: dict[str, str]) -> None:
    """Type the value of every case field the form asks (as a clerk would, field by field)."""
    for block in scope.locator("div.field[data-field]").all():
        name = block.get_attribute("data-field") or ""
        value = values[name]
        if block.locator("select").count():
            block.locator("select").select_option(value)
        elif block.locator("input[type=radio]").count():
            block.locator(f"input[type=radio][value={value}]").check()
        elif block.locator("textarea").count():
            block.locator("textarea").fill(value)
        else:
            block.locator("input").fill(value)


def _attach_pdfs(scope: Any, pdf: Path, how_many: int) -> int:
    """Attach the scan to the first ``how_many`` document items of the form; the others are seen on paper."""
    attached = 0
    for requirement in scope.locator("fieldset.requirement").all():
        if attached < how_many and requirement.locator("input[value=berkas]").count():
            requirement.locator("input[value=berkas]").check()
            requirement.locator("input[type=file]").set_input_files(str(pdf))
            attached += 1
    account_for_every_item(scope)
    return attached


def _work_to_the_end(page: Page, server: LiveServer, values: dict[str, str], registration: str, pdf: Path,
                     name: str, shot_step: str) -> list[str]:
    """Open the case's next task from the worklist until none is left; returns the flashes seen."""
    flashes = []
    for _ in range(20):
        page.goto(f"{server.url}/tugas/?cari={registration}")
        rows = page.locator("#worklist tbody tr")
        if rows.count() == 0:
            return flashes
        rows.first.locator("td a").first.click()
        expect(page.locator(".case-header .registration")).to_contain_text(registration)
        form = page.locator("#task-form")
        _fill_fields(form, values)
        if form.locator("input[name=keputusan]").count():
            form.locator("input[name=keputusan][value=Ya]").check()
        if form.locator("input[name='output.berkas']").count():
            form.locator("input[name='output.berkas']").set_input_files(str(pdf))
        _attach_pdfs(form, pdf, 2)
        if shot_step and shot_step in page.locator("h1").inner_text():
            page.screenshot(path=str(ARTIFACTS / f"phone-{name}-task.png"), full_page=True)
            page.screenshot(path=str(ARTIFACTS / f"phone-{name}-task-top.png"))
            form.scroll_into_view_if_needed()
            page.locator("fieldset.kelengkapan").scroll_into_view_if_needed()
            page.screenshot(path=str(ARTIFACTS / f"phone-{name}-task-kelengkapan.png"))
        page.click("#complete")
        flash = page.locator("p.flash.ok")
        expect(flash).to_be_visible()
        flashes.append(flash.inner_text())
    raise AssertionError("the case did not finish in 20 steps")


def _start(page: Page, server: LiveServer, key: str, values: dict[str, str], pdf: Path) -> str:
    page.goto(f"{server.url}/tugas/mulai")
    offer = page.locator(f"details.start-offer[data-key={key}]")
    if offer.get_attribute("open") is None:
        offer.locator("summary").click()
    form = offer.locator("form")
    expect(form.locator("input[type=radio]:checked")).to_have_count(0)  # nothing chosen for the clerk
    _fill_fields(form, values)
    _attach_pdfs(form, pdf, 1)
    form.locator("button.primary[type=submit]").click()
    flash = page.locator("p.flash.ok")
    expect(flash).to_contain_text("dimulai")
    return flash.inner_text().split()[1]


@pytest.mark.parametrize(("key", "shot_step"), [("cuti", "Meneliti permintaan"), ("sktm", "Menerima berkas")])
def test_a_clerk_on_a_phone_works_a_real_sop_to_the_end(browser: Browser, clerk_server: tuple[LiveServer, Any],
                                                        tmp_path: Path, key: str, shot_step: str) -> None:
    server, app = clerk_server
    ARTIFACTS.mkdir(parents=True, exist_ok=True)
    pdf = tmp_path / "pindaian.pdf"
    pdf.write_bytes(PDF)
    context = browser.new_context(viewport=PHONE, locale="id-ID")
    page = context.new_page()
    try:
        page.goto(f"{server.url}/masuk")
        page.fill("input[name=username]", "ani")
        page.fill("input[name=password]", "ani-rahasia")
        page.click("button[type=submit]")
        values = TYPED[key]
        # a wrong NIK/NIP first: the message stands beside the field and what was typed stays
        wrong_field = "nip_pegawai" if key == "cuti" else "nik_pemohon"
        page.goto(f"{server.url}/tugas/mulai")
        offer = page.locator(f"details.start-offer[data-key={key}]")
        if offer.get_attribute("open") is None:
            offer.locator("summary").click()
        _fill_fields(offer.locator("form"), {**values, wrong_field: "12345"})
        account_for_every_item(offer.locator("form"))
        offer.locator("button.primary[type=submit]").click()
        offer = page.locator(f"details.start-offer[data-key={key}]")
        expect(offer.locator(f"div[data-field={wrong_field}] .field-error")).to_be_visible()
        first_field = next(iter(values))
        expect(offer.locator(f"div[data-field={first_field}] input")).to_have_value(values[first_field])
        page.screenshot(path=str(ARTIFACTS / f"phone-{key}-start-error.png"), full_page=True)

        registration = _start(page, server, key, values, pdf)
        assert registration.startswith("CUTI/" if key == "cuti" else "SKTM/"), registration
        page.goto(f"{server.url}/tugas/")
        expect(page.locator("#worklist")).to_contain_text(registration)
        page.screenshot(path=str(ARTIFACTS / f"phone-{key}-worklist.png"), full_page=True)
        assert page.evaluate("document.documentElement.scrollWidth") <= PHONE["width"]
        flashes = _work_to_the_end(page, server, values, registration, pdf, key, shot_step)
        assert any("diteruskan ke" in text for text in flashes), flashes
        assert "kasus selesai" in flashes[-1], flashes
        documents = _documents(app, registration)
        assert documents and all(document.media_type == "application/pdf" for document in documents)
    finally:
        context.close()


def _documents(app: Any, registration: str) -> list[Any]:
    from engine import account, list_instances

    runtime = app.extensions["alur_runtime"]
    rows = [row for row in list_instances(runtime, account(runtime, "ani")) if row.instance.registration == registration]
    assert len(rows) == 1 and rows[0].instance.status == "completed", rows
    return runtime.documents(rows[0].instance.id)
