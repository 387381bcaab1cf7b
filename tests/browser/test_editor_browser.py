from __future__ import annotations

from typing import Any

from playwright.sync_api import Page, expect

from tests.browser.conftest import LiveServer, pytestmark, sign_in  # noqa: F401 - skip marker applies here too


def test_penyusun_writes_a_new_sop_in_the_table_and_checks_it(page: Page, shot: Any, server: LiveServer) -> None:
    sign_in(page, server, "penyusun")
    page.goto(f"{server.url}/penyusun/baru")
    page.fill("input[name=nomor]", "001/SOP/UJI/2026")
    page.fill("input[name=nama]", "Penerbitan Surat Pengantar")
    page.fill("input[name=pemerintah]", "Pemerintah Kabupaten Sukamaju")
    page.fill("input[name=unit]", "Kelurahan Sukamaju")
    page.fill("textarea#pelaksana", "Petugas Pelayanan\nLurah")
    rows = page.locator("#steps tbody tr")
    expect(rows).to_have_count(2)
    page.click("#add-step")
    expect(rows).to_have_count(3)
    first, middle, last = rows.nth(0), rows.nth(1), rows.nth(2)
    first.locator("textarea[name=step_kegiatan]").fill("Menerima permohonan surat pengantar")
    first.locator("input[name=step_pelaksana]").fill("Petugas Pelayanan")
    first.locator("input[name=step_waktu]").fill("10 menit")
    middle.locator("textarea[name=step_kegiatan]").fill("Menandatangani surat pengantar")
    middle.locator("input[name=step_pelaksana]").fill("Lurah")
    middle.locator("input[name=step_waktu]").fill("1 jam")
    last.locator("textarea[name=step_kegiatan]").fill("Menyerahkan surat kepada pemohon")
    last.locator("input[name=step_pelaksana]").fill("Petugas Pelayanan")
    page.click("button.primary")
    expect(page.locator("#hasil-periksa")).to_contain_text("SOP valid")
    shot(page, "penyusun-tabel-valid")
    # a mistake is shown next to its row, in Indonesian
    page.locator("#steps tbody tr").nth(1).locator("input[name=step_pelaksana]").fill("Camat")
    page.click("button.primary")
    expect(page.locator("#hasil-periksa")).to_contain_text("pelaksana 'Camat' tidak ada di daftar pelaksana")
    expect(page.locator("#steps tbody tr.has-problem")).to_have_count(1)
    shot(page, "penyusun-tabel-masalah")
