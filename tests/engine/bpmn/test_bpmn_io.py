"""Alur's exports read cleanly in bpmn-moddle, the parser behind bpmn.io and Camunda Modeler."""

from __future__ import annotations

import json
import shutil
import subprocess
from pathlib import Path

import pytest

from engine.bpmn.writer import write_bpmn
from engine.formats.files import load_file
from tests.conftest import DATA, ROOT, shipped_processes

CHECKER = ROOT / "tests" / "js" / "bpmn_io_check.mjs"
MODULES = ROOT / "tests" / "js" / "node_modules" / "bpmn-moddle"

pytestmark = pytest.mark.skipif(
    shutil.which("node") is None or not MODULES.is_dir(),
    reason="bpmn.io check needs node and `npm ci --prefix tests/js` (done by .ci/run): NOT RUN",
)


def _read(paths: list[Path]) -> dict[str, dict]:
    result = subprocess.run(["node", str(CHECKER), *map(str, paths)], capture_output=True, text=True,
                            timeout=120, check=True)
    return json.loads(result.stdout)


def test_shipped_processes_open_cleanly_in_bpmn_io(tmp_path: Path) -> None:
    extra = tmp_path / "kecil.bpmn"
    extra.write_bytes(write_bpmn(load_file(DATA / "surat_kecil.yaml").sop))
    paths = [*shipped_processes(), extra]
    report = _read(paths)
    assert len(report) == len(paths)
    for name, entry in report.items():
        assert entry["error"] is None, name
        assert entry["warnings"] == [], name
        assert entry["unresolvedDi"] == [], name
        assert entry["plane"] == "bpmn:Collaboration"
        assert entry["shapes"] > 10 and entry["edges"] > 5


def test_checker_catches_a_broken_reference(tmp_path: Path) -> None:
    """Control: a dangling DI reference is reported, so the clean result above means something."""
    broken = tmp_path / "rusak.bpmn"
    xml = write_bpmn(load_file(DATA / "surat_kecil.yaml").sop).replace(
        b'bpmnElement="terima"', b'bpmnElement="tidak_ada"', 1)
    broken.write_bytes(xml)
    entry = _read([broken])[str(broken)]
    assert any("tidak_ada" in warning for warning in entry["warnings"])
