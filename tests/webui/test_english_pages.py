"""The English UI shows engine messages in English: error pages, inline errors and working times."""

from __future__ import annotations

import io
from typing import Any

from flask import Flask

from webui import formatting

KEY = "surat-masuk"


def test_a_refused_upload_is_explained_in_english(app: Flask, login: Any) -> None:
    client = login("pemantau")
    answer = client.post(f"/pemantauan/{KEY}/kesesuaian?lang=en", data={"log": (io.BytesIO(b"x"), "log.exe")},
                         content_type="multipart/form-data")
    page = answer.get_data(as_text=True)
    assert answer.status_code == 400
    assert "log.exe: unknown file type; use .bpmn or .yaml." in page and "jenis berkas" not in page
    answer = client.post(f"/pemantauan/{KEY}/kesesuaian?lang=id", data={"log": (io.BytesIO(b"x"), "log.exe")},
                         content_type="multipart/form-data")
    assert "jenis berkas tidak dikenal" in answer.get_data(as_text=True)


def test_the_report_without_graphviz_says_so_in_english(app: Flask, login: Any, monkeypatch: Any) -> None:
    import graphviz

    def missing(*args: Any, **kwargs: Any) -> bytes:
        raise graphviz.ExecutableNotFound(["dot"])

    monkeypatch.setattr(graphviz.Digraph, "pipe", missing)
    page = login("pemantau").get(f"/pemantauan/{KEY}?lang=en").get_data(as_text=True)
    assert "Graphviz (dot) failed to draw the process map" in page and "gagal" not in page


def test_working_minutes_in_the_page_language(app: Flask) -> None:
    with app.test_request_context("/?lang=en"):
        assert formatting.minutes(450 + 130) == "1 wd 2 h 10 min"
        assert formatting.minutes(None) == "—"
    with app.test_request_context("/"):
        assert formatting.minutes(130) == "2 j 10 mnt"
