"""PDF, PNG and SVG output: page count, paper size, embedded fonts, one drawing in every format."""

from __future__ import annotations

import io
import shutil
import struct
import subprocess
from pathlib import Path

import pytest
from lxml import etree
from pypdf import PdfReader

from engine import load_file, render, render_pages, synthetic_sop
from engine.errors import RenderError
from engine.render.document import document_pages
from engine.render.output import cairo_errors
from tests.conftest import PROCESSES
from tests.engine.render.svg_geometry import parse

SURAT = PROCESSES / "pengelolaan-surat-masuk.bpmn"
MM_TO_PT = 72 / 25.4


def _png_size(data: bytes) -> tuple[int, int]:
    assert data.startswith(b"\x89PNG\r\n\x1a\n")
    width, height = struct.unpack(">II", data[16:24])
    return int(width), int(height)


@pytest.mark.parametrize(("paper", "size_mm"), [("a4", (297, 210)), ("f4", (330, 215))])
def test_pdf_is_a_valid_multi_page_document_at_the_paper_size(paper: str, size_mm: tuple[int, int]) -> None:
    sop = synthetic_sop(steps=40, actors=6, decisions=6, loops=2, seed=3)
    expected_pages = len(document_pages(sop, paper=paper))
    reader = PdfReader(io.BytesIO(render(sop, paper=paper, fmt="pdf")))
    assert len(reader.pages) == expected_pages >= 3
    for page in reader.pages:
        assert float(page.mediabox.width) == pytest.approx(size_mm[0] * MM_TO_PT, abs=0.5)
        assert float(page.mediabox.height) == pytest.approx(size_mm[1] * MM_TO_PT, abs=0.5)
    assert reader.metadata is not None and "SOP Uji 40 Langkah" in (reader.metadata.title or "")
    identity, flowchart = reader.pages[0].extract_text(), reader.pages[1].extract_text()
    assert "NOMOR SOP" in identity and "DISAHKAN OLEH" in identity
    assert "KEGIATAN" in flowchart and "PELAKSANA" in flowchart and "MUTU BAKU" in flowchart


def test_pdf_embeds_liberation_sans() -> None:
    reader = PdfReader(io.BytesIO(render(load_file(SURAT).sop, fmt="pdf")))
    fonts = set()
    for page in reader.pages:
        for font in page["/Resources"]["/Font"].values():
            font = font.get_object()
            descriptor = font["/FontDescriptor"].get_object() if "/FontDescriptor" in font else {}
            assert "/FontFile2" in descriptor, font["/BaseFont"]
            fonts.add(str(font["/BaseFont"]).split("+")[-1])
    assert fonts == {"LiberationSans", "LiberationSans-Bold"}


@pytest.mark.skipif(shutil.which("pdfinfo") is None, reason="pdfinfo (Debian poppler-utils) not installed")
def test_pdfinfo_reads_the_pdf(tmp_path: Path) -> None:
    sop = load_file(SURAT).sop
    target = tmp_path / "sop.pdf"
    target.write_bytes(render(sop, fmt="pdf", paper="f4"))
    result = subprocess.run(["pdfinfo", str(target)], capture_output=True, text=True, check=True, timeout=60)
    fields = dict(line.split(":", 1) for line in result.stdout.splitlines() if ":" in line)
    assert int(fields["Pages"]) == len(document_pages(sop, paper="f4")) >= 2
    width, _, height = fields["Page size"].split()[:3]
    assert float(width) == pytest.approx(330 * MM_TO_PT, abs=0.5)
    assert float(height) == pytest.approx(215 * MM_TO_PT, abs=0.5)


def test_png_stacks_every_page_at_the_requested_resolution() -> None:
    sop = load_file(SURAT).sop
    pages = len(document_pages(sop))
    width, height = _png_size(render(sop, fmt="png", dpi=72))
    assert abs(width - 297 * 72 / 25.4) < 1
    stacked_mm = pages * 210 + (pages - 1) * 6
    assert abs(height - stacked_mm * 72 / 25.4) < 1.5


def test_render_pages_gives_one_document_per_page() -> None:
    sop = load_file(SURAT).sop
    svgs = render_pages(sop)
    pngs = render_pages(sop, fmt="png", dpi=40)
    assert len(svgs) == len(pngs) == len(parse(render(sop)))
    for number, svg in enumerate(svgs, 1):
        root = etree.fromstring(svg)
        assert root.get("width") == "297.00mm" and root.get("height") == "210.00mm"
        assert [page.number for page in parse(svg)] == [number]
    assert all(_png_size(png)[0] == _png_size(pngs[0])[0] for png in pngs)


def test_svg_document_declares_its_pages_and_font() -> None:
    svg = render(load_file(SURAT).sop, paper="f4")
    root = etree.fromstring(svg)
    pages = parse(svg)
    assert root.get("data-pages") == str(len(pages)) and root.get("data-paper") == "f4"
    assert "Liberation Sans" in root.get("font-family") and "Arial" in root.get("font-family")
    assert all((page.width, page.height) == (330, 215) for page in pages)


@pytest.mark.parametrize(("kwargs", "message"), [
    ({"fmt": "docx"}, "Format 'docx'"),
    ({"paper": "letter"}, "Ukuran kertas 'letter'"),
    ({"lang": "fr"}, "Bahasa 'fr'"),
    ({"logo": b"GIF89a not a png"}, "Logo harus berupa berkas PNG"),
    ({"logo": "/nonexistent/logo.png"}, "tidak dapat dibaca"),
    ({"fmt": "png", "dpi": 5}, "Resolusi PNG"),
])
def test_bad_options_are_refused_with_a_message(kwargs: dict[str, object], message: str) -> None:
    with pytest.raises(RenderError) as caught:
        render(load_file(SURAT).sop, **kwargs)  # type: ignore[arg-type]
    assert message in str(caught.value)


def test_every_cairo_exception_becomes_a_render_error() -> None:
    import inspect

    import cairocffi

    classes = [value for value in vars(cairocffi).values()
               if inspect.isclass(value) and issubclass(value, Exception)]
    assert classes
    for cls in classes:
        with pytest.raises(RenderError) as caught:
            with cairo_errors():
                raise cls("boom") if cls is not cairocffi.CairoError else cls("boom", 1)
        assert "Cairo" in str(caught.value) and isinstance(caught.value.__cause__, cls)


def test_svg_escapes_model_text_and_drops_what_xml_cannot_hold() -> None:
    from lxml import etree as _etree

    from engine import load_file, render
    from tests.conftest import PROCESSES

    sop = load_file(PROCESSES / "pengadaan-langsung.bpmn").sop
    sop.steps[1].activity = 'Cek <b>harga</b> & "mutu" \x0bbarang'
    svg = render(sop)
    texts = " ".join(e.text or "" for e in _etree.fromstring(svg).iter() if e.get("class") == "cell-text")
    assert '<b>harga</b>' in texts and '& "mutu"' in texts and "\x0b" not in texts
