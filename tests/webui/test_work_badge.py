"""The header badge: new and overdue work items of the clerk, linking to the worklist, in both languages."""

from __future__ import annotations

import re
from datetime import timedelta
from typing import Any

import pytest
from flask import Flask

from engine import ManualClock
from engine.errors import StoreError
from tests.conftest import SURAT_MASUK_DATA

_BADGE = re.compile(r'<a class="badge( late)?" href="/tugas/" title="[^"]+">([^<]+)</a>')


def _start(app: Flask) -> int:
    runtime = app.extensions["alur_runtime"]
    _, ready = runtime.start("surat-masuk", "pelaksana", {
        "kelengkapan": ["Surat masuk (fisik atau elektronik)", "Buku ekspedisi pengirim"], "data": SURAT_MASUK_DATA})
    return int(ready[0].id)


def _badge(page: str) -> tuple[str, str] | None:
    found = _BADGE.search(page)
    return None if found is None else (found.group(1) or "", found.group(2))


def test_the_badge_counts_new_and_overdue_items_and_links_to_the_worklist(app: Flask, login: Any,
                                                                          clock: ManualClock) -> None:
    client = login("pelaksana")
    assert _badge(client.get("/tugas/").get_data(as_text=True)) is None  # nothing waits: no badge
    item = _start(app)
    _start(app)
    assert _badge(client.get("/tugas/riwayat").get_data(as_text=True)) == ("", "2 baru, 0 terlambat")
    assert app.extensions["alur_runtime"].work_counts("pelaksana") == (2, 0)
    client.post(f"/tugas/{item}/klaim")
    clock.advance(timedelta(days=3))
    assert _badge(client.get("/tugas/").get_data(as_text=True)) == (" late", "1 baru, 2 terlambat")
    assert _badge(client.get("/tugas/?lang=en").get_data(as_text=True)) == (" late", "1 new, 2 overdue")


def test_other_roles_and_other_units_see_no_badge(app: Flask, login: Any) -> None:
    _start(app)
    assert _badge(login("pemantau").get("/pantau/").get_data(as_text=True)) is None
    runtime = app.extensions["alur_runtime"]
    assert runtime.work_counts("penyusun") == (0, 0) and runtime.work_counts("tidak-ada") == (0, 0)


def test_a_database_failure_leaves_the_page_without_a_badge(app: Flask, login: Any,
                                                             monkeypatch: pytest.MonkeyPatch) -> None:
    _start(app)
    client = login("pelaksana")
    runtime = app.extensions["alur_runtime"]

    def broken(username: str) -> tuple[int, int]:
        raise StoreError.from_code("store_not_prepared")

    monkeypatch.setattr(runtime, "work_counts", broken)
    answer = client.get("/tugas/riwayat")
    assert answer.status_code == 200 and _badge(answer.get_data(as_text=True)) is None
