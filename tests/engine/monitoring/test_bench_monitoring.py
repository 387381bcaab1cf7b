from __future__ import annotations

import json
import subprocess
import sys

import pytest

from tests.conftest import ROOT


@pytest.mark.slow
def test_the_benchmark_prints_one_json_line_within_the_goal() -> None:
    result = subprocess.run([sys.executable, str(ROOT / "bench" / "monitoring.py"), "--events", "100000",
                             "--repeat", "1"], capture_output=True, text=True, timeout=600, check=True)
    lines = result.stdout.strip().splitlines()
    assert len(lines) == 1
    figures = json.loads(lines[0])
    assert figures["events"] >= 100000 and figures["report_s"] <= figures["goal_report_s"]
