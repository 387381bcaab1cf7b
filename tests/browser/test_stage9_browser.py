"""Stage 9 pages in a real browser on the demo: the report's first chart label is whole, the print
stylesheet leaves only the report, a never-trialled SOP's ujicoba report is an empty state, and the
evaluation form comes pre-filled from the data."""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

import pytest
from playwright.sync_api import Browser

from tests.browser.conftest import ARTIFACTS, LiveServer, pytestmark  # noqa: F401 - skip marker

KEY = "permohonan-cuti-pegawai"


@pytest.fixture(scope="module")
def demo(tmp_path_factory: pytest.TempPathFactory) -> Iterator[LiveServer]:
    from engine.samples.demo import seed
    from webui import create_app

    url = f"sqlite:///{tmp_path_factory.mktemp('stage9') / 'demo.db'}"
    seed(url, instances_per_sop=4)
    app = create_app({"SECRET_KEY": "uji-stage9", "DATABASE_URL": url, "UJICOBA_GATE": None})
    with LiveServer(app) as live:
        yield live


def _signed_in(browser: Browser, server: LiveServer, role: str) -> Any:
    context = browser.new_context(viewport={"width": 1280, "height": 900}, locale="id-ID")
    page = context.new_page()
    page.goto(f"{server.url}/masuk")
    page.fill("input[name=username]", role)
    page.fill("input[name=password]", f"{role}-demo")
    page.click("button[type=submit]")
    page.wait_for_load_state()
    return context, page


def test_stage9_report_pages_in_the_browser(browser: Browser, demo: LiveServer) -> None:
    ARTIFACTS.mkdir(parents=True, exist_ok=True)
    context, page = _signed_in(browser, demo, "pemantau")
    try:
        page.goto(f"{demo.url}/pemantauan/{KEY}")
        first = page.locator("section.chart svg text").filter(has_text="2. ").first
        box = first.bounding_box()
        chart = page.locator("section.chart svg").first.bounding_box()
        assert box is not None and chart is not None and box["x"] >= chart["x"], (box, chart)
        assert first.text_content().startswith("2. ")
        assert "(WIB)" in page.locator("#periode").inner_text()
        assert page.locator("#dibatalkan").inner_text() == "1"
        page.screenshot(path=str(ARTIFACTS / "stage9-report.png"), full_page=True)
        page.emulate_media(media="print")
        assert not page.locator("header.top").is_visible() and not page.locator("form.filters").is_visible()
        assert page.locator("#langkah").is_visible()
        page.screenshot(path=str(ARTIFACTS / "stage9-report-print.png"), full_page=True)
        page.emulate_media(media="screen")
        page.goto(f"{demo.url}/pemantauan/pengadaan-langsung/ujicoba")
        assert page.locator("#belum-ujicoba").is_visible()
        page.screenshot(path=str(ARTIFACTS / "stage9-ujicoba-empty.png"), full_page=True)
        page.goto(f"{demo.url}/pemantauan/{KEY}/evaluasi")
        assert page.locator(".proposal").count() == 7
        assert page.locator("input[type=radio][value=ya]:checked, input[type=radio][value=tidak]:checked").count() >= 5
        page.screenshot(path=str(ARTIFACTS / "stage9-evaluation.png"), full_page=True)
    finally:
        context.close()
