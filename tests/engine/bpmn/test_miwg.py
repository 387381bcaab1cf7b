"""Every BPMN file exported by real modelers (OMG MIWG suite) imports or is refused by name."""

from __future__ import annotations

from collections import Counter
from pathlib import Path

import pytest

from engine.bpmn.reader import process_choices
from engine.bpmn.spiff.spec import parse_spec
from engine.bpmn.writer import write_bpmn
from engine.errors import InputError, ProcessDefinitionError
from engine.formats.files import load_file
from engine.sop.validate import validate
from tests.conftest import MIWG

MIWG_FILES = sorted(MIWG.rglob("*.bpmn")) if MIWG.is_dir() else []


@pytest.mark.skipif(not MIWG_FILES, reason=f"MIWG suite not found at {MIWG}: import test cannot run")
def test_every_miwg_file_imports_or_is_refused_by_name() -> None:
    imported: list[Path] = []
    reasons: Counter[str] = Counter()
    pools_imported = pools_tried = 0
    for path in MIWG_FILES:
        try:
            loaded = load_file(path)
        except ProcessDefinitionError as exc:
            assert exc.problems, path
            for item in exc.problems:
                assert item.message and "Traceback" not in item.message
                reasons[_kind(item.code, item.message)] += 1
            if exc.problems[0].code == "many_processes":
                # the user can pick one process with --proses: count those that then import
                for process_id, _ in process_choices(path.read_bytes()):
                    pools_tried += 1
                    try:
                        one = load_file(path, process_id).sop
                    except ProcessDefinitionError:
                        continue
                    if not [p for p in validate(one) if p.severity == "error"]:
                        assert parse_spec(write_bpmn(one)).problems == []
                        pools_imported += 1
            continue
        except InputError as exc:
            assert exc.message
            reasons["tidak terbaca: " + exc.message.split(":", 1)[-1].strip()[:60]] += 1
            continue
        errors = [p for p in validate(loaded.sop) if p.severity == "error"]
        if errors:
            for item in errors:
                reasons[_kind(item.code, item.message)] += 1
            continue
        result = parse_spec(write_bpmn(loaded.sop))
        assert result.problems == [], (path, result.problems)
        imported.append(path)
    print(f"\nMIWG: {len(imported)} of {len(MIWG_FILES)} files imported and re-exported to BPMN that "
          "SpiffWorkflow parses")
    print(f"Files with several processes: {pools_imported} of their {pools_tried} processes import when chosen "
          "with --proses")
    print("Rejection reasons by kind:")
    for reason, count in reasons.most_common():
        print(f"  {count:4d}  {reason}")
    assert imported, "no MIWG file imported"


def _kind(code: str, message: str) -> str:
    if code.startswith("unsupported_"):
        return "tidak didukung: " + message.split(": ", 1)[-1].split(" tidak dapat dijalankan")[0]
    return code
