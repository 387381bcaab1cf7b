"""The working calendars page in a real browser at phone width (390 px): a calendar file uploaded through the
page, a cuti bersama day added through its form; screenshots in artifacts/screenshots/."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest

from tests.browser.conftest import LiveServer, sign_in
from tests.browser.test_admin_browser import admin_server as admin_server  # noqa: F401  (the fixture)
from tests.webui.test_calendar_admin import CALENDARS

pytest.importorskip("playwright")

UNIT = "Subbag Umum Disdik"


def test_the_calendar_page_at_phone_width(browser: Any, admin_server: LiveServer, shot: Any,  # noqa: F811
                                          tmp_path: Path) -> None:
    context = browser.new_context(viewport={"width": 390, "height": 844}, locale="id-ID")
    page = context.new_page()
    try:
        sign_in(page, admin_server, "admin")
        page.goto(f"{admin_server.url}/admin/kalender")
        assert "Bawaan sistem" in page.locator("#kalender-pemda").inner_text()
        upload = page.locator("#calendar-upload")
        page.locator("details:has(#calendar-upload) summary").click()
        file = tmp_path / "kalender.yaml"
        file.write_text(CALENDARS, encoding="utf-8")
        upload.locator("input[name=berkas]").set_input_files(str(file))
        upload.locator("input[name=alasan]").fill("Keputusan Bupati tentang hari kerja 2026")
        upload.locator("input[name=yakin]").check()
        upload.locator("button[type=submit]").click()
        page.wait_for_load_state()
        assert "2 kalender disimpan." in page.locator(".flash").inner_text()
        form = page.locator("#calendar-day")
        form.locator("select[name=unit]").select_option(UNIT)
        form.locator("select[name=jenis]").select_option("cuti_bersama")
        form.locator("input[name=tanggal]").fill("2026-12-28")
        form.locator("input[name=alasan]").fill("SE Bupati 3/2026")
        form.locator("input[name=yakin]").check()
        form.locator("button[type=submit]").first.click()
        page.wait_for_load_state()
        assert "Hari libur 2026-12-28 ditambahkan." in page.locator(".flash").inner_text()
        unit = page.locator("section.calendar", has=page.locator(f"h2:text-is('{UNIT}')"))
        assert "2026-12-28 (cuti bersama)" in unit.inner_text()
        assert "11:30–13:30" in page.locator("#kalender-pemda").inner_text()
        shot(page, "admin-390-kalender")
        assert page.evaluate("document.documentElement.scrollWidth") <= 391
    finally:
        context.close()
