from __future__ import annotations

import os
from pathlib import Path

import pytest
from hypothesis import settings as hypothesis_settings

# CI must say the same thing on the same commit: there the random property tests draw the same
# examples each run (ALUR_CI is set by .ci/run); a developer's run keeps exploring new ones.
hypothesis_settings.register_profile("ci", derandomize=True)
if os.environ.get("ALUR_CI"):
    hypothesis_settings.load_profile("ci")

ROOT = Path(__file__).resolve().parent.parent
PROCESSES = ROOT / "processes"
DATA = Path(__file__).resolve().parent / "data"
#: The OMG BPMN MIWG test suite exported by real modelers (read in place, never copied).
#: ``ALUR_MIWG`` names another place (a worktree has no ``../shared`` beside it).
MIWG = Path(os.environ.get("ALUR_MIWG") or ROOT.parent / "shared" / "interop" / "miwg")


#: The start fields of processes/pengelolaan-surat-masuk.bpmn as a clerk types them from the letter.
SURAT_MASUK_DATA = {"nomor_surat": "005/123/DINSOS/2026", "tanggal_surat": "2 Maret 2026", "pengirim": "Dinas Sosial",
                    "perihal": "Undangan rapat koordinasi"}


def shipped_processes() -> list[Path]:
    return sorted(PROCESSES.glob("*.bpmn"))


@pytest.fixture
def data_dir() -> Path:
    return DATA
