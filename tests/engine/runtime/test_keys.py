"""One SOP key rule: the editor, publishing and the demo seed derive the same key from the same name."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from engine import Runtime, sop_key
from engine.formats.files import load_file
from engine.sop.keys import MAX_KEY_LENGTH, sop_key_for_file
from tests.conftest import DATA, PROCESSES


@pytest.mark.parametrize(("name", "key"), [
    ("Penerbitan Surat Pengantar", "penerbitan-surat-pengantar"),
    ("  Pelayanan   KTP-el / Kartu Keluarga ", "pelayanan-ktp-el-kartu-keluarga"),
    ("Pendaftaran Pasien Rawat Inap (RSUD)", "pendaftaran-pasien-rawat-inap-rsud"),
    ("Pengesahan é—Akta", "pengesahan-e-akta"),
    ("surat_kecil", "surat_kecil"),
    ("?!", "sop"),
    ("", "sop"),
])
def test_sop_key(name: str, key: str) -> None:
    assert sop_key(name) == key
    assert sop_key(key) == key  # a key is its own key


def test_long_names_are_cut_without_a_trailing_hyphen() -> None:
    key = sop_key("Pelayanan " * 20)
    assert len(key) <= MAX_KEY_LENGTH and not key.endswith("-") and key.startswith("pelayanan-pelayanan")


def test_file_keys() -> None:
    assert sop_key_for_file(PROCESSES / "penerbitan-surat-keterangan.bpmn") == "penerbitan-surat-keterangan"
    assert sop_key_for_file("folder/Surat Masuk.v2.yaml") == "surat-masuk"


def test_publishing_derives_the_key_the_editor_does(runtime: Runtime, tmp_path: Path) -> None:
    sop = load_file(PROCESSES / "pengelolaan-surat-masuk.bpmn").sop
    published = runtime.publish(sop)
    assert published.key == sop_key(sop.identity.nama) == "pengelolaan-surat-masuk"
    copied = tmp_path / "Surat Kecil.yaml"
    shutil.copy(DATA / "surat_kecil.yaml", copied)
    assert runtime.publish(copied).key == "surat-kecil" == sop_key_for_file(copied)
    assert runtime.publish(DATA / "surat_kecil.yaml").key == "surat_kecil"
