"""``alur render``: writes the document in the format its file name asks for; exit 0/1/2."""

from __future__ import annotations

import io
from pathlib import Path

import pytest
from click.testing import CliRunner
from lxml import etree
from pypdf import PdfReader

from engine.cli.main import main
from tests.conftest import DATA, PROCESSES

SURAT = str(PROCESSES / "pengelolaan-surat-masuk.bpmn")


def _run(*args: str) -> tuple[int, str]:
    result = CliRunner().invoke(main, list(args))
    assert result.exception is None or isinstance(result.exception, SystemExit), result.exception
    return result.exit_code, result.output


@pytest.mark.parametrize("suffix", ["svg", "pdf", "png"])
def test_render_writes_the_format_of_the_file_name(tmp_path: Path, suffix: str) -> None:
    target = tmp_path / "out" / f"surat.{suffix}"
    code, output = _run("render", SURAT, "-o", str(target))
    assert code == 0, output
    assert f"{target} ditulis (3 halaman, kertas A4)." in output
    data = target.read_bytes()
    if suffix == "pdf":
        assert len(PdfReader(io.BytesIO(data)).pages) == 3
    elif suffix == "png":
        assert data.startswith(b"\x89PNG")
    else:
        assert etree.fromstring(data).get("data-pages") == "3"


def test_render_from_a_yaml_sheet_on_f4_in_english(tmp_path: Path) -> None:
    target = tmp_path / "kecil.svg"
    code, output = _run("render", str(DATA / "surat_kecil.yaml"), "-o", str(target), "--paper", "F4", "--lang", "en")
    assert code == 0, output
    assert "written (2 pages, F4 paper)" in output
    svg = target.read_text()
    assert "Page 1 of 2" in svg and "NOMOR SOP" in svg and 'data-paper="f4"' in svg


def test_global_lang_applies_to_the_document(tmp_path: Path) -> None:
    target = tmp_path / "surat.svg"
    code, output = _run("--lang", "en", "render", SURAT, "-o", str(target))
    assert code == 0 and "written" in output
    assert "Page 3 of 3" in target.read_text()


def test_render_with_a_logo(tmp_path: Path) -> None:
    from engine import load_file, render

    logo = tmp_path / "logo.png"
    logo.write_bytes(render(load_file(SURAT).sop, fmt="png", dpi=30))  # any PNG will do
    target = tmp_path / "surat.svg"
    code, output = _run("render", SURAT, "-o", str(target), "--logo", str(logo))
    assert code == 0, output
    assert 'class="logo"' in target.read_text()


@pytest.mark.parametrize(("args", "code", "message"), [
    (["render", SURAT, "-o", "surat.doc"], 2, "akhiran berkas harus .svg, .pdf atau .png"),
    (["render", "missing.bpmn", "-o", "x.pdf"], 2, "tidak dapat dibaca"),
    (["render", str(DATA / "hostile" / "xxe.bpmn"), "-o", "x.pdf"], 2, "DOCTYPE"),
    (["render", str(DATA / "hostile" / "missing_target.bpmn"), "-o", "x.pdf"], 1, "tidak ditulis"),
    (["render", SURAT, "-o", "x.pdf", "--logo", "missing-logo.png"], 1, "tidak dapat dibaca"),
])
def test_render_refuses_with_a_message_and_writes_nothing(tmp_path: Path, monkeypatch: pytest.MonkeyPatch,
                                                          args: list[str], code: int, message: str) -> None:
    monkeypatch.chdir(tmp_path)
    exit_code, output = _run(*args)
    assert exit_code == code, output
    assert message in output and "Traceback" not in output
    assert not [p for p in tmp_path.iterdir() if p.suffix in (".pdf", ".docx")]
