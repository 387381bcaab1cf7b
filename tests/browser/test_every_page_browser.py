"""Every page of the app on a phone (390 px wide), checked with axe-core, as the role that uses it.

The pages come from the app's URL map, so a page added later is crawled too: its path parameters
are filled from the demo data (:data:`VALUES`; a new parameter name fails the test until it has a
value), and a GET route that answers a download, JSON or a text helper rather than a page is
recognised by its answer and not crawled. On each page: no serious or critical axe violation, no
horizontal scrolling of the page itself (tables scroll inside their own box), "Keluar" within
reach, and no internal word (``done``, ``open``, ``batas_waktu`` ...) instead of the page's language.
Screenshots land in ``artifacts/screenshots/phone-*.png``.
"""

from __future__ import annotations

import logging
import re
from collections.abc import Iterator
from typing import Any

import pytest
from playwright.sync_api import Browser, Page

from tests.browser.conftest import ARTIFACTS, LiveServer, pytestmark  # noqa: F401 - skip marker
from tests.conftest import ROOT

AXE = ROOT / "tests" / "js" / "node_modules" / "axe-core" / "axe.min.js"
PHONE = {"width": 390, "height": 844}
#: Who opens a page: the first of these roles the view allows (the demo's login of that role).
ROLE_ORDER = ("pelaksana", "pemantau", "penyusun", "verifikator", "pengesah", "admin")
#: Internal words that must never stand in for the page's language (statuses, event kinds, data keys).
INTERNAL_WORDS = re.compile(r"\b(done|open|waiting|batas_waktu|started|claimed|completed|timer_fired|running|"
                            r"tidak_ada)\b")
KEY = "permohonan-cuti-pegawai"
#: Path parameters that make a route a download: a format (``formulir.<fmt>``, ``unduh/<fmt>``) or a
#: document's hash (``dokumen/<sha256>``, whose download tests/webui/test_case_pages.py checks).
DOWNLOAD_PARAMETERS = ("fmt", "sha256")
#: Pages about something only one SOP of the demo has (the ujicoba runs on the SOP under revision).
KEY_FOR = {"monitor.trial": "penerbitan-surat-keterangan", "register.diff": "penerbitan-surat-keterangan"}


@pytest.fixture(scope="module")
def demo(tmp_path_factory: pytest.TempPathFactory) -> Iterator[tuple[LiveServer, Any]]:
    """The demo store (shipped SOPs, one login per role, weeks of history) served on loopback."""
    from engine.samples.demo import seed
    from webui import create_app

    if not AXE.exists():
        pytest.skip(f"axe-core not installed ({AXE}; scripts/setup --test runs npm ci --prefix tests/js): NOT RUN")
    url = f"sqlite:///{tmp_path_factory.mktemp('phone') / 'demo.db'}"
    logging.getLogger("werkzeug").setLevel(logging.WARNING)  # one line per request would bury the findings
    seed(url, instances_per_sop=3)
    app = create_app({"SECRET_KEY": "uji-telepon", "DATABASE_URL": url, "UJICOBA_GATE": None})
    with LiveServer(app) as live:
        yield live, app


def _values(app: Any) -> dict[str, str]:
    """A value for every path parameter the app's pages take, from the demo data."""
    from engine import account, admin_units, inventory_entries, list_instances, tims

    runtime = app.extensions["alur_runtime"]
    items = runtime.worklist("pelaksana", limit=500)
    rows = list_instances(runtime, account(runtime, "admin"))
    finished = [row.instance for row in rows if row.instance.status == "completed"]
    item = next(item for item in items if item.key == KEY) if any(item.key == KEY for item in items) else items[0]
    units = admin_units(runtime, account(runtime, "admin"))
    unit = next((row for row in units if row.kind == "unit"), units[0])
    penyusun = account(runtime, "penyusun")  # the demo's Tim and inventarisasi (engine/samples/demo_stages.py)
    return {"key": KEY, "item_id": str(item.id), "instance_id": str((finished or [rows[0].instance])[0].id),
            "code": unit.code, "username": "pelaksana", "name": "units.csv",
            "team_id": str(tims(runtime, penyusun)[0].id), "entry_id": str(inventory_entries(runtime, penyusun)[0].id)}


def _role_for(app: Any, endpoint: str) -> str | None:
    from webui.access import ANY, PUBLIC

    if endpoint in PUBLIC:
        return None
    roles = getattr(app.view_functions[endpoint], "alur_roles", ())
    if ANY in roles:
        return "pelaksana"
    return next((role for role in ROLE_ORDER if role in roles), "admin")


def _pages(app: Any) -> list[tuple[str, str]]:
    """``(endpoint, path)`` of every GET route that may be a page, its parameters filled."""
    values = _values(app)
    pages = []
    for rule in sorted(app.url_map.iter_rules(), key=lambda rule: rule.rule):
        if "GET" not in (rule.methods or ()) or rule.endpoint == "static" or rule.endpoint.startswith("api."):
            continue
        missing = sorted(set(rule.arguments) - set(values) - set(DOWNLOAD_PARAMETERS))
        assert not missing, f"{rule.rule}: give the crawler a demo value for {missing}"
        if set(DOWNLOAD_PARAMETERS) & set(rule.arguments):  # files, checked by the downloads test
            continue
        path = rule.rule
        for name, value in {**values, "key": KEY_FOR.get(rule.endpoint, KEY)}.items():
            path = re.sub(rf"<(?:\w+:)?{name}>", value, path)
        pages.append((rule.endpoint, path))
    return pages


def _context(browser: Browser, server: LiveServer, role: str | None) -> Any:
    context = browser.new_context(viewport=PHONE, locale="id-ID", bypass_csp=True, device_scale_factor=1)
    if role:
        page = context.new_page()
        page.goto(f"{server.url}/masuk")
        page.fill("input[name=username]", role)
        page.fill("input[name=password]", f"{role}-demo")
        page.click("button[type=submit]")
        page.wait_for_load_state()
        assert "/masuk" not in page.url, f"{role} could not sign in"
        page.close()
    return context


def _axe(page: Page) -> list[str]:
    page.add_script_tag(path=str(AXE))
    result = page.evaluate("""async () => {
        const found = await axe.run(document, {resultTypes: ["violations"]});
        return found.violations.map(v => ({id: v.id, impact: v.impact, help: v.help,
            nodes: v.nodes.slice(0, 3).map(n => n.target.join(" "))}));
    }""")
    return [f"{v['impact']} {v['id']} ({v['help']}): {', '.join(v['nodes'])}" for v in result
            if v["impact"] in ("serious", "critical")]


def _check_page(page: Page, signed_in: bool) -> list[str]:
    problems = _axe(page)
    width = page.evaluate("document.documentElement.scrollWidth")
    if width > PHONE["width"] + 1:
        wide = page.evaluate("""() => [...document.querySelectorAll('body *')]
            .filter(e => e.getBoundingClientRect().right > window.innerWidth + 1
                         && !e.closest('.table-scroll, .flowchart, .chart'))
            .slice(0, 3).map(e => e.tagName + '.' + e.className)""")
        problems.append(f"the page is {width} px wide (wider than {PHONE['width']}): {wide}")
    if signed_in:
        logout = page.locator("form.who button")
        box = logout.bounding_box()
        if box is None or box["x"] < 0 or box["x"] + box["width"] > PHONE["width"] or box["height"] < 44:
            problems.append(f"'Keluar' is out of reach or too small: {box}")
    text = page.inner_text("main")
    words = sorted(set(INTERNAL_WORDS.findall(text)))
    if words:
        problems.append(f"internal words instead of Indonesian: {words}")
    return problems


def test_every_page_is_usable_and_accessible_on_a_phone(browser: Browser, demo: tuple[LiveServer, Any]) -> None:
    server, app = demo
    ARTIFACTS.mkdir(parents=True, exist_ok=True)
    pages = _pages(app)
    assert len(pages) >= 20 and {"worklist.index", "worklist.task", "audit.instance", "monitor.form"} <= {
        endpoint for endpoint, _ in pages}
    contexts: dict[str | None, Any] = {}
    failures: dict[str, list[str]] = {}
    crawled, not_pages = [], []
    try:
        for endpoint, path in pages:
            role = _role_for(app, endpoint)
            if role not in contexts:
                contexts[role] = _context(browser, server, role)
            page = contexts[role].new_page()
            answer = page.request.get(f"{server.url}{path}", max_redirects=0)
            kind = answer.headers.get("content-type", "")
            if "text/html" not in kind and (answer.status < 300 or kind.startswith("application/json")):
                # JSON for a load balancer, a text helper for the editor's script: not a page to look at
                assert kind.startswith(("application/json", "text/plain")) or "attachment" in answer.headers.get(
                    "content-disposition", ""), (endpoint, kind)
                not_pages.append(endpoint)
                page.close()
                continue
            response = page.goto(f"{server.url}{path}")
            if response is None or response.status >= 400:
                failures[f"{endpoint} {path} (as {role})"] = [f"answered {response and response.status}"]
                page.close()
                continue
            page.screenshot(path=str(ARTIFACTS / f"phone-{endpoint.replace('.', '-')}.png"), full_page=True)
            problems = _check_page(page, signed_in=role is not None and "/masuk" not in page.url)
            if problems:
                failures[f"{endpoint} {path} (as {role})"] = problems
            crawled.append(endpoint)
            page.close()
    finally:
        for context in contexts.values():
            context.close()
    assert set(not_pages) <= {"health.sehat", "health.siap", "editor.number", "admin.calendar_download",
                               "admin.export", "cases.employee"}, not_pages
    assert len(crawled) >= 20
    assert failures == {}, "\n".join(f"{where}:\n  " + "\n  ".join(found) for where, found in failures.items())


def test_downloads_of_the_url_map_answer_files_not_pages(browser: Browser, demo: tuple[LiveServer, Any]) -> None:
    """The routes the crawler leaves out (``<fmt>``) are downloads: each answers an attachment."""
    server, app = demo
    values = _values(app)
    formats = {"monitor.form_file": ("pdf", "xlsx"), "monitor.log_file": ("xes", "csv"),
               "monitor.report_pdf": ("pdf",),
               "register.download": ("bpmn", "yaml"), "stages.table_file": ("pdf", "xlsx")}
    context = _context(browser, server, "admin")
    try:
        for rule in app.url_map.iter_rules():
            if "fmt" not in rule.arguments or "GET" not in (rule.methods or ()):
                assert "GET" not in (rule.methods or ()) or rule.endpoint.startswith("api.") or not (
                    set(DOWNLOAD_PARAMETERS) & set(rule.arguments)) or rule.endpoint == "cases.document", rule.rule
                continue
            assert rule.endpoint in formats, f"{rule.rule}: name the formats of this download for the crawler test"
            for fmt in formats[rule.endpoint]:
                path = rule.rule.replace("<fmt>", fmt).replace("<key>", values["key"])
                answer = context.request.get(f"{server.url}{path}")
                assert answer.status == 200, (path, answer.status)
                assert "text/html" not in answer.headers.get("content-type", ""), path
    finally:
        context.close()


def test_the_skip_link_comes_first_and_moves_to_the_content(browser: Browser, demo: tuple[LiveServer, Any]) -> None:
    server, _ = demo
    context = _context(browser, server, "pelaksana")
    try:
        page = context.new_page()
        page.goto(f"{server.url}/tugas/")
        page.keyboard.press("Tab")
        assert page.evaluate("document.activeElement.className") == "skip-link"
        assert page.locator(".skip-link").bounding_box()["y"] >= 0  # shown when focused
        assert page.evaluate("getComputedStyle(document.activeElement).outlineStyle") == "solid"
        page.keyboard.press("Enter")
        assert page.evaluate("document.activeElement.id") == "isi"
    finally:
        context.close()


def _luminance(rgb: str) -> float:
    channels = [int(part) / 255 for part in re.findall(r"\d+", rgb)[:3]]
    linear = [c / 12.92 if c <= 0.03928 else ((c + 0.055) / 1.055) ** 2.4 for c in channels]
    return 0.2126 * linear[0] + 0.7152 * linear[1] + 0.0722 * linear[2]


def _contrast(first: str, second: str) -> float:
    high, low = sorted((_luminance(first), _luminance(second)), reverse=True)
    return (high + 0.05) / (low + 0.05)


def test_input_borders_and_the_focus_ring_stand_out_3_to_1(browser: Browser, demo: tuple[LiveServer, Any]) -> None:
    """WCAG 1.4.11, measured in the browser on the start form (was 1.45:1 for borders, 2.1:1 for the ring)."""
    server, _ = demo
    context = _context(browser, server, "pelaksana")
    try:
        page = context.new_page()
        page.goto(f"{server.url}/tugas/mulai")
        field = page.locator("main input:not([type=hidden]):not([type=checkbox]):not([type=radio]), main textarea").first
        border = field.evaluate("e => getComputedStyle(e).borderTopColor")
        background = field.evaluate("e => getComputedStyle(e).backgroundColor")
        assert _contrast(border, background) >= 3, (border, background)
        field.focus()
        ring = field.evaluate("e => getComputedStyle(e).outlineColor")
        paper = page.evaluate("getComputedStyle(document.querySelector('.panel')).backgroundColor")
        assert _contrast(ring, paper) >= 3, (ring, paper)
        page.locator("form.who button").focus()
        ring = page.evaluate("getComputedStyle(document.activeElement).outlineColor")
        header = page.evaluate("getComputedStyle(document.querySelector('.top')).backgroundColor")
        assert _contrast(ring, header) >= 3, (ring, header)
    finally:
        context.close()

