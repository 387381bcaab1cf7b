"""The editor's Impor opens office files: the draft shown as the table, problems named by row."""

from __future__ import annotations

import io
from typing import Any

import openpyxl
import pytest
from flask.testing import FlaskClient

from tests.engine.formats.office import make_fixtures as fx
from tests.webui.conftest import app, client, clock, login  # noqa: F401 - the web UI's fixtures


@pytest.fixture(autouse=True)
def _signed_in(login: Any) -> None:  # noqa: F811
    login("penyusun")


def _post(client: FlaskClient, data: bytes, name: str) -> tuple[int, str]:  # noqa: F811
    page = client.post("/penyusun/impor", data={"berkas": (io.BytesIO(data), name)}, content_type="multipart/form-data")
    return page.status_code, page.get_data(as_text=True)


@pytest.mark.parametrize("name", ["drawn.docx", "marks.xlsx"])
def test_editor_imports_office_files(client: FlaskClient, name: str) -> None:  # noqa: F811
    data = fx.drawn_docx() if name.endswith(".docx") else fx.marks_xlsx()
    status, html = _post(client, data, name)
    assert status == 200
    assert "SOP valid" in html
    for number in range(1, 6):
        assert f'value="langkah_{number}"' in html
    assert "Menyetujui dan menandatangani SOP" in html


def test_editor_import_marks_the_rows_to_fill_in(client: FlaskClient) -> None:  # noqa: F811
    book = openpyxl.load_workbook(io.BytesIO(fx.marks_xlsx()))
    ws = book.active
    assert ws is not None
    for row in ws.iter_rows():
        for cell in row:
            if cell.value == "Memeriksa kelengkapan usulan":
                for col in range(3, 6):
                    ws.cell(cell.row, col).value = None
    buffer = io.BytesIO()
    book.save(buffer)
    status, html = _post(client, buffer.getvalue(), "tanpa-tanda.xlsx")
    assert status == 200
    assert "NO 2 (baris" in html and "kolom PELAKSANA" in html
    assert 'value="langkah_2"' in html and 'class="step has-problem"' in html


def test_editor_refuses_hostile_office_files(client: FlaskClient) -> None:  # noqa: F811
    status, html = _post(client, b"%PDF-1.4", "scan.pdf")
    assert status == 400 and "PDF" in html
