"""Browser tests: the real web UI served on 127.0.0.1, driven by Playwright in Debian's Chromium.

Screenshots go to ``artifacts/screenshots/`` (kept out of git) so a person can look at them.
"""

from __future__ import annotations

import os
import shutil
import threading
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from werkzeug.serving import make_server

from tests.conftest import ROOT

CHROMIUM = os.environ.get("ALUR_CHROMIUM", "/usr/bin/chromium")
ARTIFACTS = ROOT / "artifacts" / "screenshots"
CHROMIUM_ARGS = ["--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update",
                 "--disable-sync", "--disable-quic", "--no-first-run"]

try:
    from playwright.sync_api import Browser, Page, sync_playwright
except ImportError:  # pragma: no cover - reported by the skip below
    sync_playwright = None  # type: ignore[assignment]

pytestmark = pytest.mark.skipif(
    sync_playwright is None or not Path(CHROMIUM).exists(),
    reason=f"browser tests need the playwright package and Chromium at {CHROMIUM} (.ci/run installs both): NOT RUN",
)


class LiveServer:
    """The Flask app served by werkzeug in a thread, on a free loopback port."""

    def __init__(self, app: Any) -> None:
        self.server = make_server("127.0.0.1", 0, app, threaded=True)
        self.url = f"http://127.0.0.1:{self.server.server_port}"
        self.thread = threading.Thread(target=self.server.serve_forever, daemon=True)

    def __enter__(self) -> LiveServer:
        self.thread.start()
        return self

    def __exit__(self, *exc: object) -> None:
        self.server.shutdown()
        self.thread.join(timeout=5)


@pytest.fixture(scope="session")
def browser() -> Iterator[Browser]:
    if sync_playwright is None or not Path(CHROMIUM).exists():
        pytest.skip(f"Chromium not found at {CHROMIUM}")
    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS, headless=True)
        yield browser
        browser.close()


@pytest.fixture
def page(browser: Browser) -> Iterator[Page]:
    context = browser.new_context(viewport={"width": 1440, "height": 1000}, locale="id-ID")
    page = context.new_page()
    yield page
    context.close()


@pytest.fixture
def shot() -> Any:
    """``shot(page, name)`` saves a full-page screenshot as a test artifact and returns its path."""
    ARTIFACTS.mkdir(parents=True, exist_ok=True)

    def take(page: Page, name: str) -> Path:
        path = ARTIFACTS / f"{name}.png"
        page.screenshot(path=str(path), full_page=True)
        return path

    return take


def chromium_available() -> bool:
    return shutil.which(CHROMIUM) is not None or Path(CHROMIUM).exists()


PEOPLE = {
    "penyusun": (["penyusun"], [("Analis Organisasi", "Sekretariat Daerah - Bagian Organisasi")]),
    "penyusun2": (["penyusun"], [("Analis Organisasi", "Sekretariat Daerah - Bagian Organisasi")]),
    "verifikator": (["verifikator"], [("Analis Kelembagaan", "Sekretariat Daerah - Bagian Organisasi")]),
    "pengesah": (["pengesah"], [("Kepala Bagian Organisasi", "Sekretariat Daerah - Bagian Organisasi"),
                                ("Lurah Sukamaju", "Kelurahan Sukamaju")]),
    "pelaksana": (["pelaksana"], [("Petugas Pelayanan", "Kelurahan Sukamaju"), ("Lurah", "Kelurahan Sukamaju")]),
    "pemantau": (["pemantau"], []),
}


@pytest.fixture
def server(tmp_path: Path) -> Iterator[LiveServer]:
    """The web UI on a fresh store with one account per role (password ``<name>-rahasia``)."""
    from engine.access.accounts import add_account
    from webui import create_app

    app = create_app({"SECRET_KEY": "uji-browser", "DATABASE_URL": f"sqlite:///{tmp_path / 'browser.db'}",
                      "UJICOBA_GATE": None})
    runtime = app.extensions["alur_runtime"]
    names = {"penyusun": "Rina Marlina", "penyusun2": "Tono Sugiarto", "verifikator": "Hendra Gunawan",
             "pengesah": "Drs. Bambang Wicaksono", "pelaksana": "Ahmad Fauzi", "pemantau": "Dewi Lestari"}
    for username, (roles, jabatan) in PEOPLE.items():
        add_account(runtime, username, f"{username}-rahasia", roles, nama=names[username], nip="197205141998031007",
                    jabatan=jabatan)
    with LiveServer(app) as live:
        yield live


def sign_in(page: Page, server: LiveServer, username: str) -> None:
    """Log in through the real form."""
    page.goto(f"{server.url}/masuk")
    page.fill("input[name=username]", username)
    page.fill("input[name=password]", f"{username}-rahasia")
    page.click("button[type=submit]")
    page.wait_for_load_state()


def sign_out(page: Page) -> None:
    page.click("form.who button")
    page.wait_for_url("**/masuk")


def account_for_every_item(scope: Any, way: str = "kertas") -> None:
    """Choose ``way`` for every kelengkapan item in ``scope`` (a page or a form) that has no state yet:
    nothing is chosen beforehand, so a clerk says for each item how it was seen."""
    for requirement in scope.locator("fieldset.requirement").all():
        if requirement.locator("input[type=radio]:checked").count() == 0:
            requirement.locator(f"input[type=radio][value={way}]").check()
