"""The administration pages in a real browser at phone width (390 px): tree, unit, people, a person with a
mutasi done through its form, Plh/Plt, a refused upload and the log; screenshots in artifacts/screenshots/."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

from tests.browser.conftest import LiveServer, sign_in
from tests.conftest import DATA

pytest.importorskip("playwright")

UNIT = "Subbag Umum Disdik"


@pytest.fixture
def admin_server(tmp_path: Path) -> Iterator[LiveServer]:
    from engine import ManualClock, account, add_account, import_organisation, read_org_files
    from webui import create_app

    app = create_app({"SECRET_KEY": "uji-browser", "DATABASE_URL": f"sqlite:///{tmp_path / 'admin.db'}",
                      "UJICOBA_GATE": None, "CLOCK": ManualClock()})
    runtime = app.extensions["alur_runtime"]
    add_account(runtime, "admin", "admin-rahasia", ["admin"], nama="Sri Wahyuni")
    add_account(runtime, "ani", "ani-rahasia", ["pelaksana"])
    import_organisation(runtime, account(runtime, "admin"), read_org_files([DATA / "organisation"]), "muatan awal")
    with LiveServer(app) as live:
        yield live


def test_the_admin_pages_at_phone_width(browser: Any, admin_server: LiveServer, shot: Any, tmp_path: Path) -> None:
    context = browser.new_context(viewport={"width": 390, "height": 844}, locale="id-ID")
    page = context.new_page()
    wide: list[str] = []

    def look(page: Any, name: str) -> None:
        """The screenshot, and whether anything made the page wider than the phone."""
        shot(page, name)
        if page.evaluate("document.documentElement.scrollWidth") > 391:
            wide.append(name)

    try:
        sign_in(page, admin_server, "admin")
        page.goto(f"{admin_server.url}/admin/")
        assert page.locator("#units tbody tr").count() == 5
        look(page, "admin-390-units")
        page.click(f"text={UNIT}")
        assert page.locator("#jabatan").is_visible()
        look(page, "admin-390-unit")
        page.goto(f"{admin_server.url}/admin/orang?q=a")
        look(page, "admin-390-people")
        page.click("#people a[href='/admin/orang/ani']")
        page.wait_for_load_state()
        page.locator("#holdings details summary").first.click()
        first = page.locator("#holdings details").first
        mutasi = first.locator("form").nth(1)
        mutasi.locator("input[name=unit]").fill("Subbag Umum Dinkes")
        mutasi.locator("input[name=jabatan]").fill("Kepala Dinas")
        mutasi.locator("input[name=tanggal]").fill("2026-03-02")
        mutasi.locator("input[name=alasan]").fill("SK mutasi 800/12/2026")
        look(page, "admin-390-person-mutasi")
        mutasi.locator("input[name=yakin]").check()
        mutasi.locator("button[type=submit]").click()
        page.wait_for_load_state()
        assert "Mutasi dicatat" in page.locator(".flash").inner_text()
        assert "Subbag Umum Dinkes" in page.locator("#holdings").inner_text()
        look(page, "admin-390-person-after")
        page.goto(f"{admin_server.url}/admin/plh")
        form = page.locator("#add-acting")
        form.locator("input[name=username]").fill("dedi")
        form.locator("select[name=unit]").select_option(UNIT)
        form.locator("input[name=jabatan]").fill("Sekretaris")
        form.locator("input[name=sk]").fill("800/45/2026")
        form.locator("input[name=dari]").fill("2026-03-02")
        form.locator("input[name=yakin]").check()
        form.locator("button[type=submit]").click()
        page.wait_for_load_state()
        assert "Plh. Sekretaris" in page.locator("#acting").inner_text()
        look(page, "admin-390-plh")
        bad = tmp_path / "units.csv"
        bad.write_text("code,name,kind,parent_code\nBidang,Bidang Baru,bidang,Disdik\n")
        page.goto(f"{admin_server.url}/admin/impor")
        page.set_input_files("input[name=berkas]", str(bad))
        page.fill("#import input[name=alasan]", "tambah bidang")
        page.check("#import input[name=yakin]")
        page.click("#import button[type=submit]")
        page.wait_for_load_state()
        assert "kind" in page.locator("#import-problems").inner_text()
        look(page, "admin-390-import-refused")
        page.goto(f"{admin_server.url}/admin/log")
        assert "mutasi" in page.locator("#log").inner_text()
        look(page, "admin-390-log")
        assert wide == []  # tables scroll inside their box; the page itself never gets wider than the phone
    finally:
        context.close()
