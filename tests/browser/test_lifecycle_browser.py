"""The lifecycle with four different people in Chromium: a penyusun writes and submits, the verifikator
returns it with a note on a row, a second penyusun answers the overlap findings, the verifikator accepts,
the pengesah returns it once and then approves it; the print keeps the declared jabatan."""

from __future__ import annotations

from typing import Any

from playwright.sync_api import Page, expect

from tests.browser.conftest import LiveServer, pytestmark, sign_in, sign_out  # noqa: F401 - skip marker
from tests.browser.test_roles_browser import _write_sop, confirm

TITLE = "Pelayanan Surat Pengantar Kelurahan"


def _twin(server: LiveServer) -> None:
    """An SOP already in the register that repeats a kegiatan of the new one (an overlap finding)."""
    from engine.lifecycle.transitions import save_draft
    from engine.sop.model import Identity, Sop, Step, StepKind

    runtime = server.server.app.extensions["alur_runtime"]  # type: ignore[attr-defined]
    sop = Sop(identity=Identity(nama="Pelayanan Surat Domisili", nomor="018/SOP/KEL/2026", unit="Kelurahan Sukamaju"),
              actors=["Petugas Pelayanan"],
              steps=[Step("terima", StepKind.START, "Menerima permohonan surat pengantar dari warga",
                          "Petugas Pelayanan", next=["selesai"]),
                     Step("selesai", StepKind.END, "Menyerahkan surat domisili", "Petugas Pelayanan")])
    save_draft(runtime, "pelayanan-surat-domisili", sop, "penyusun2")


def _open(page: Page, server: LiveServer) -> None:
    page.goto(f"{server.url}/penyusun/")
    page.click(f"#register a:has-text('{TITLE}')")
    page.wait_for_url("**/sop/**")


def _submit_again(page: Page, server: LiveServer) -> None:
    sign_in(page, server, "penyusun")
    _open(page, server)
    confirm(page, "#ajukan")
    expect(page.locator("#lc-status")).to_have_text("verifikasi")
    sign_out(page)


def _accept(page: Page, server: LiveServer) -> None:
    sign_in(page, server, "verifikator")
    _open(page, server)
    confirm(page, "#terima")
    expect(page.locator("#verified")).to_contain_text("Hendra Gunawan")  # by name, not login
    sign_out(page)


def test_four_people_take_an_sop_through_verifikasi_and_pengesahan(page: Page, shot: Any,
                                                                    server: LiveServer) -> None:
    _twin(server)
    # penyusun: writes the SOP and submits it
    sign_in(page, server, "penyusun")
    _write_sop(page, server)
    page.click("#save")
    expect(page.locator("#lc-status")).to_have_text("draf")
    confirm(page, "#ajukan")
    expect(page.locator("#findings")).to_contain_text("belum dijawab")
    sign_out(page)

    # verifikator: cannot accept with unanswered findings; returns with a note on row 2
    sign_in(page, server, "verifikator")
    _open(page, server)
    shot(page, "20-verifikator-temuan-belum-dijawab")
    confirm(page, "#terima")
    expect(page.locator("main")).to_contain_text("belum dijawab")
    _open(page, server)
    page.locator("details.transition:has(#kembalikan) > summary").click()
    page.fill("#kembalikan-alasan", "Waktu pemeriksaan berkas perlu ditinjau")
    page.locator("form:has(#kembalikan) details > summary").click()
    page.fill("#kembalikan-catatan-cek", "15 menit terlalu singkat untuk berkas lengkap")
    confirm(page, "#kembalikan")
    expect(page.locator("#lc-status")).to_have_text("draf")
    expect(page.locator("#returned")).to_contain_text("15 menit terlalu singkat")
    sign_out(page)

    # penyusun: sees the note next to its row in the table, submits again
    sign_in(page, server, "penyusun")
    _open(page, server)
    page.click("#lifecycle a:has-text('Buka tabel SOP')")
    expect(page.locator(".row-note")).to_contain_text("15 menit terlalu singkat")
    shot(page, "21-penyusun-catatan-per-baris")
    sign_out(page)
    _submit_again(page, server)

    # a second penyusun answers every overlap finding
    sign_in(page, server, "penyusun2")
    _open(page, server)
    forms = page.locator("form.answer-form")
    for index in range(forms.count()):
        form = page.locator("form.answer-form").nth(index)
        form.locator("select[name=jawaban]").select_option("bukan")
        form.locator("input[name=alasan]").fill("Surat domisili adalah layanan lain")
        form.locator("button[type=submit]").click()
    expect(page.locator("#findings")).not_to_contain_text("belum dijawab")
    expect(page.locator("#findings")).to_contain_text("Tono Sugiarto")  # by name, not login
    shot(page, "22-penyusun2-temuan-dijawab")
    sign_out(page)
    _accept(page, server)

    # pengesah: returns once with a reason
    sign_in(page, server, "pengesah")
    _open(page, server)
    page.locator("details.transition:has(#kembalikan-pengesahan) > summary").click()
    page.fill("#tolak-alasan", "Cantumkan dasar hukum Perwali")
    confirm(page, "#kembalikan-pengesahan")
    expect(page.locator("#lc-status")).to_have_text("draf")
    shot(page, "23-pengesah-mengembalikan")
    sign_out(page)
    _submit_again(page, server)
    _accept(page, server)

    # pengesah: approves; DISAHKAN OLEH keeps the SOP's jabatan, the name comes from the account
    sign_in(page, server, "pengesah")
    _open(page, server)
    confirm(page, "#sahkan")
    expect(page.locator("#lc-status")).to_have_text("disahkan")
    expect(page.locator("#approval")).to_contain_text("Lurah Sukamaju — Drs. Bambang Wicaksono")
    history = page.locator("#history")
    for words in ("mengembalikan (verifikasi)", "menjawab temuan", "mengembalikan (pengesahan)", "mengesahkan"):
        expect(history).to_contain_text(words)
    shot(page, "24-pengesah-disahkan-riwayat")
