"""The whole story in Chromium: a penyusun writes an SOP and takes it through verifikasi and ujicoba, a
pengesah approves it, a pelaksana works it from the worklist (a Tidak branch included), and a
pemantau sees the executed path drawn on the official flowchart."""

from __future__ import annotations

from typing import Any

from playwright.sync_api import Page, expect

from tests.browser.conftest import LiveServer, account_for_every_item, pytestmark, sign_in, sign_out  # noqa: F401

STEPS = [
    # id, jenis, kegiatan, pelaksana, kelengkapan, waktu, output, ya, tidak, lanjut
    ("terima", "mulai", "Menerima permohonan surat pengantar dari warga", "Petugas Pelayanan",
     "KTP pemohon\nSurat pengantar RT/RW", "10 menit", "Berkas permohonan", "", "", ""),
    ("cek", "keputusan", "Apakah berkas permohonan lengkap?", "Petugas Pelayanan", "Daftar periksa", "15 menit",
     "Hasil pemeriksaan", "ttd", "kembalikan", ""),
    ("ttd", "kegiatan", "Menandatangani surat pengantar", "Lurah", "Konsep surat pengantar", "1 jam",
     "Surat pengantar bertanda tangan", "", "", "serahkan"),
    ("serahkan", "selesai", "Menyerahkan surat pengantar kepada pemohon", "Petugas Pelayanan", "", "10 menit",
     "Tanda terima", "", "", ""),
    ("kembalikan", "selesai", "Mengembalikan berkas kepada pemohon dengan penjelasan", "Petugas Pelayanan", "",
     "10 menit", "Berkas kembali", "", "", ""),
]


def _write_sop(page: Page, server: LiveServer) -> None:
    page.goto(f"{server.url}/penyusun/baru")
    page.fill("input[name=nomor]", "017/SOP/KEL/2026")
    page.fill("input[name=nama]", "Pelayanan Surat Pengantar Kelurahan")
    page.fill("input[name=pemerintah]", "Pemerintah Kota Sukamaju")
    page.fill("input[name=unit]", "Kelurahan Sukamaju")
    page.fill("input[name=disahkan_jabatan]", "Lurah Sukamaju")
    page.fill("textarea#pelaksana", "Petugas Pelayanan\nLurah")
    rows = page.locator("#steps tbody tr")
    for _ in range(len(STEPS) - 2):
        page.click("#add-step")
    expect(rows).to_have_count(len(STEPS))
    for index, (step_id, kind, kegiatan, actor, kelengkapan, waktu, output, ya, tidak, lanjut) in enumerate(STEPS):
        row = rows.nth(index)
        row.locator("input[name=step_id]").fill(step_id)
        row.locator("select[name=step_jenis]").select_option(kind)
        row.locator("textarea[name=step_kegiatan]").fill(kegiatan)
        row.locator("input[name=step_pelaksana]").fill(actor)
        row.locator("textarea[name=step_kelengkapan]").fill(kelengkapan)
        row.locator("input[name=step_waktu]").fill(waktu)
        row.locator("input[name=step_output]").fill(output)
    # targets are chosen from the rows, so once every row has its id
    for index, (_, kind, _, _, _, _, _, ya, tidak, lanjut) in enumerate(STEPS):
        row = rows.nth(index)
        for column, target in (("ya", ya), ("tidak", tidak)) if kind == "keputusan" else (("lanjut", lanjut),):
            if target:
                choice = row.locator(f"select[name=step_{column}]")
                choice.focus()
                choice.select_option(target)


def confirm(page: Page, button: str) -> None:
    """Open the two-step form holding ``button``, tick "Saya yakin" and press it."""
    # A click on a link before this returns at once; wait for the page holding the button, or the
    # "is it open?" test below reads the old page and the form stays folded.
    page.locator(button).first.wait_for(state="attached")
    details = page.locator(f"details.transition:has({button})")
    if details.count() and details.first.get_attribute("open") is None:
        details.first.locator("> summary").click()
    page.locator(f"form:has({button}) input[name=yakin]").check()
    page.click(button)


def test_an_sop_from_the_table_to_approval_to_work_to_audit(page: Page, shot: Any, server: LiveServer) -> None:
    # penyusun: the table editor, live preview, save, verifikasi (overlap report), ujicoba
    sign_in(page, server, "penyusun")
    _write_sop(page, server)
    page.click("button.primary")
    expect(page.locator("#hasil-periksa")).to_contain_text("SOP valid")
    expect(page.locator("#preview svg")).to_be_visible()
    shot(page, "10-penyusun-tabel-pratinjau")
    page.click("#save")
    expect(page.locator("#lc-status")).to_have_text("draf")
    confirm(page, "#ajukan")
    expect(page.locator("#lc-status")).to_have_text("verifikasi")
    expect(page.locator("#overlap")).to_contain_text("Tidak ada tumpang tindih")
    shot(page, "11-penyusun-verifikasi")
    sign_out(page)
    sign_in(page, server, "verifikator")
    page.goto(f"{server.url}/penyusun/")
    page.click("#register a:has-text('Pelayanan Surat Pengantar Kelurahan')")
    confirm(page, "#terima")
    expect(page.locator("#verified")).to_contain_text("Hendra Gunawan")  # by name, not login
    sign_out(page)
    sign_in(page, server, "penyusun")
    page.goto(f"{server.url}/penyusun/")
    page.click("#register a:has-text('Pelayanan Surat Pengantar Kelurahan')")
    confirm(page, "#ujicoba")
    expect(page.locator("#lc-status")).to_have_text("ujicoba")
    expect(page.locator("#versions")).to_contain_text("UJICOBA")
    sign_out(page)

    # pelaksana: a trial instance during ujicoba, through to the end on the Ya path
    sign_in(page, server, "pelaksana")
    page.goto(f"{server.url}/tugas/mulai")
    start = page.locator("details.start-offer").first  # the SOP, its trial badge and its start form
    expect(start).to_contain_text("UJICOBA")
    if start.get_attribute("open") is None:  # more than one SOP to start: each folded under its name
        start.locator("summary").click()
    account_for_every_item(start)
    start.locator("button.primary[type=submit]").click()
    expect(page.locator("#worklist")).to_contain_text("Apakah berkas permohonan lengkap?")
    expect(page.locator("#worklist .badge.trial").first).to_be_visible()
    shot(page, "12-pelaksana-daftar-tugas-ujicoba")
    page.click("#worklist a:has-text('Apakah berkas permohonan lengkap?')")
    page.check("input[name=keputusan][value=Ya]")
    account_for_every_item(page)
    shot(page, "13-pelaksana-halaman-tugas")
    page.click("#complete")
    page.click("#worklist a:has-text('Menandatangani surat pengantar')")
    account_for_every_item(page)
    page.click("#complete")
    page.click("#worklist a:has-text('Menyerahkan surat pengantar')")
    account_for_every_item(page)
    page.click("#complete")
    expect(page.locator("main")).to_contain_text("Tidak ada tugas yang menunggu")
    sign_out(page)

    # pengesah: approves with the tanggal efektif (today in WIB by default)
    sign_in(page, server, "pengesah")
    page.goto(f"{server.url}/penyusun/")
    page.click("#register a:has-text('Pelayanan Surat Pengantar Kelurahan')")
    confirm(page, "#sahkan")
    expect(page.locator("#lc-status")).to_have_text("disahkan")
    expect(page.locator("#approval")).to_contain_text("Lurah Sukamaju — Drs. Bambang Wicaksono")
    shot(page, "14-pengesah-disahkan")
    sign_out(page)

    # pelaksana: a real instance on the approved version, the Tidak branch, a kelengkapan left unticked
    sign_in(page, server, "pelaksana")
    page.goto(f"{server.url}/tugas/mulai")
    start = page.locator("details.start-offer").first  # the SOP, its trial badge and its start form
    expect(start).not_to_contain_text("UJICOBA")
    if start.get_attribute("open") is None:  # more than one SOP to start: each folded under its name
        start.locator("summary").click()
    account_for_every_item(start)
    start.locator("button.primary[type=submit]").click()
    page.click("#worklist a:has-text('Apakah berkas permohonan lengkap?')")
    page.check("fieldset.requirement:has-text('Daftar periksa') input[value=tidak_ada]")
    page.check("input[name=keputusan][value=Tidak]")
    page.click("#complete")
    expect(page.locator("fieldset.requirement:has-text('Daftar periksa') .field-error")).to_contain_text("Daftar periksa")
    expect(page.locator("input[name=keputusan][value=Tidak]")).to_be_checked()  # the form kept what was chosen
    shot(page, "15-pelaksana-kelengkapan-alasan")
    page.fill("fieldset.requirement:has-text('Daftar periksa') input[name$='.alasan']", "Daftar periksa sedang dicetak ulang")
    page.click("#complete")
    expect(page.locator("#worklist")).to_contain_text("Mengembalikan berkas kepada pemohon")
    page.click("#worklist a:has-text('Mengembalikan berkas')")
    account_for_every_item(page)
    page.click("#complete")
    page.goto(f"{server.url}/tugas/riwayat?lang=en")
    expect(page.locator("h1")).to_have_text("My work")
    shot(page, "16-pelaksana-riwayat-en")
    page.goto(f"{server.url}/tugas/?lang=id")
    sign_out(page)

    # pemantau: the instance list, the timeline and the executed path on the flowchart
    sign_in(page, server, "pemantau")
    expect(page.locator("#instances tbody tr")).to_have_count(2)
    shot(page, "17-pemantau-daftar-instans")
    page.select_option("select[name=ujicoba]", "tidak")
    page.click("#filters button")
    expect(page.locator("#instances tbody tr")).to_have_count(1)
    page.click("#instances a")
    expect(page.locator("#timeline")).to_contain_text("Mengembalikan berkas kepada pemohon")
    expect(page.locator("#trace-flowchart svg")).to_be_visible()
    assert page.locator("#trace-flowchart svg [stroke='#1f5fbf']").count() > 0
    shot(page, "18-pemantau-jejak-instans")
    page.goto(f"{server.url}/pantau/rantai")
    expect(page.locator("#chain")).to_contain_text("Rantai audit utuh")
