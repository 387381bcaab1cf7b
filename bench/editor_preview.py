"""Time the table editor's live preview on the server: one POST of the table to /penyusun/pratinjau.

Prints one JSON line. The table is a synthetic SOP (default 60 rows, 8 pelaksana, 10 decisions, 3
revision loops, a parallel block) posted as the editor's form; each round changes one kegiatan
(so the preview draws again, as after a keystroke), and ``cached_ms`` posts the same table again
(an edit outside what the flowchart shows). ``baseline_ms`` is the same keystroke drawn with the
routed pages forgotten (:func:`engine.keep_routed_pages` off: every arrow routed again, as before
that cache), measured in the same run and interleaved with the other rounds, so ``ratio``
(median_ms / baseline_ms) holds on a loaded machine. The browser side (form, request, SVG into the page) is
measured by tests/browser/test_editor_browser.py, which prints ``editor_keystroke_to_preview_ms``.

    .venv/bin/python bench/editor_preview.py [--steps 60] [--rounds 5]
"""

from __future__ import annotations

import argparse
import json
import os
import statistics
import sys
import tempfile
import time

# the repository instead of bench/ (whose http.py would hide the standard library's http)
sys.path[0] = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))

from werkzeug.datastructures import MultiDict  # noqa: E402

from engine import add_account, keep_routed_pages, sheet_mapping, synthetic_sop  # noqa: E402
from webui import create_app  # noqa: E402
from webui.sop_form import form_from_mapping  # noqa: E402


def _form(values: dict) -> MultiDict[str, str]:
    data: MultiDict[str, str] = MultiDict()
    for key, value in values.items():
        if key not in ("steps", "actors", "fields", "rules"):
            data.add(key, value)
    for prefix, rows in (("step", values["steps"]), ("field", values["fields"]), ("penugasan", values["rules"])):
        for row in rows:
            for column, value in row.items():
                data.add(f"{prefix}_{column}", value)
    return data


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--steps", type=int, default=60)
    parser.add_argument("--rounds", type=int, default=5)
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as folder:
        app = create_app({"TESTING": True, "SECRET_KEY": "bench", "WTF_CSRF_ENABLED": False,
                          "DATABASE_URL": f"sqlite:///{folder}/bench.db"})
        add_account(app.extensions["alur_runtime"], "penyusun", "penyusun-rahasia", ["penyusun"])
        client = app.test_client()
        client.post("/masuk", data={"username": "penyusun", "password": "penyusun-rahasia"})
        values = form_from_mapping(sheet_mapping(synthetic_sop(args.steps)))
        drawn, cached, baseline = [], [], []

        def keystroke(mark: str) -> float:
            values["steps"][3]["kegiatan"] += mark  # a new text each time: the whole drawing is not kept
            started = time.perf_counter()
            answer = client.post("/penyusun/pratinjau", data=_form(values))
            assert answer.status_code == 200, answer.get_data(as_text=True)[:300]
            return (time.perf_counter() - started) * 1000

        for round_ in range(args.rounds + 1):
            keep_routed_pages(False)
            before = keystroke(f" b{round_}")
            keep_routed_pages(True)
            keystroke(f" w{round_}")  # the previous text's pages are routed and kept, as while typing
            took = keystroke(f" k{round_}")
            started = time.perf_counter()
            client.post("/penyusun/pratinjau", data=_form(values))
            again = (time.perf_counter() - started) * 1000
            if round_:  # the first round warms imports and fonts
                drawn.append(took)
                cached.append(again)
                baseline.append(before)
        print(json.dumps({"bench": "editor_preview", "steps": args.steps, "rounds": args.rounds,
                          "median_ms": round(statistics.median(drawn)), "min_ms": round(min(drawn)),
                          "cached_ms": round(statistics.median(cached)),
                          "baseline_ms": round(statistics.median(baseline)),
                          "ratio": round(statistics.median(drawn) / statistics.median(baseline), 3),
                          "load_1min": round(os.getloadavg()[0], 1)}))


if __name__ == "__main__":
    main()
