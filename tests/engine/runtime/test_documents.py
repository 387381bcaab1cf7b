"""Documents: checked by content, stored by SHA-256, written atomically, verified on read."""

from __future__ import annotations

import hashlib
import os
from pathlib import Path

import pytest

from engine.errors import DataError, NotFoundError, StoreError
from engine.runtime.documents import DocumentStore, detect_media_type, files_folder, max_bytes_setting

PDF = b"%PDF-1.4\n1 0 obj << /Type /Catalog >> endobj\ntrailer << /Root 1 0 R >>\n%%EOF\n"
JPEG = b"\xff\xd8\xff\xe0\x00\x10JFIF\x00" + b"\x00" * 64 + b"\xff\xd9"
PNG = b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR" + b"\x00" * 17 + b"\x00\x00\x00\x00IEND\xaeB`\x82"


def _real_pdf() -> bytes:
    """A PDF written by a real library, when one is installed (pypdf is a test dependency)."""
    import io

    from pypdf import PdfWriter

    writer = PdfWriter()
    writer.add_blank_page(width=595, height=842)
    stream = io.BytesIO()
    writer.write(stream)
    return stream.getvalue()


@pytest.mark.parametrize(("data", "name", "media_type"), [
    (PDF, "ktp.pdf", "application/pdf"), (JPEG, "KTP Siti.JPG", "image/jpeg"), (JPEG, "kk.jpeg", "image/jpeg"),
    (PNG, "surat.png", "image/png"), (PDF, "tanpa-akhiran", "application/pdf"),
])
def test_accepted_documents_are_stored_under_their_hash(tmp_path: Path, data: bytes, name: str,
                                                        media_type: str) -> None:
    store = DocumentStore(tmp_path / "berkas")
    ref = store.store_document(data, name)
    assert ref.sha256 == hashlib.sha256(data).hexdigest() and ref.size == len(data)
    assert ref.media_type == media_type and ref.name == name
    path = tmp_path / "berkas" / ref.sha256[:2] / ref.sha256[2:4] / ref.sha256
    assert path.read_bytes() == data
    assert store.open_document(ref.sha256) == data


def test_a_real_pdf_is_recognised(tmp_path: Path) -> None:
    data = _real_pdf()
    assert detect_media_type(data) == "application/pdf"
    assert DocumentStore(tmp_path).store_document(data, "surat.pdf").media_type == "application/pdf"


@pytest.mark.parametrize(("data", "name", "code", "words"), [
    (b"<!DOCTYPE html><html><script>alert(1)</script></html>", "ktp.pdf", "document_unknown_type", "HTML"),
    (b"PK\x03\x04" + b"\x00" * 40, "kk.pdf", "document_unknown_type", "ZIP"),
    (PDF[:-7], "potong.pdf", "document_unknown_type", "terpotong"),
    (b"", "kosong.pdf", "document_empty", "kosong"),
    (PNG, "foto.pdf", "document_name_mismatch", "berakhiran .pdf tetapi isinya PNG"),
    (PDF, "surat.exe", "document_name_mismatch", ".exe"),
])
def test_refused_documents_change_nothing(tmp_path: Path, data: bytes, name: str, code: str, words: str) -> None:
    store = DocumentStore(tmp_path / "berkas")
    with pytest.raises(DataError) as refused:
        store.store_document(data, name)
    assert refused.value.code == code and refused.value.field == "berkas"
    assert words in refused.value.message
    assert refused.value.render("en") != refused.value.message
    assert not (tmp_path / "berkas").exists()


def test_the_size_limit_is_a_setting(tmp_path: Path) -> None:
    store = DocumentStore(tmp_path, max_bytes=max_bytes_setting({"ALUR_FILES_MAX_MB": "1"}))
    big = b"%PDF-1.4\n" + b"0" * (1024 * 1024) + b"\n%%EOF"
    with pytest.raises(DataError) as refused:
        store.store_document(big, "besar.pdf")
    assert refused.value.code == "document_too_large" and "batas 1,0 MB" in refused.value.message
    assert max_bytes_setting({}) == 10 * 1024 * 1024
    with pytest.raises(DataError):
        max_bytes_setting({"ALUR_FILES_MAX_MB": "sepuluh"})


def test_the_same_content_is_stored_once(tmp_path: Path) -> None:
    store = DocumentStore(tmp_path)
    first = store.store_document(PDF, "a.pdf")
    second = store.store_document(PDF, "b.pdf")
    assert first.sha256 == second.sha256 and second.name == "b.pdf"
    files = [path for path in tmp_path.rglob("*") if path.is_file()]
    assert files == [store.path_of(first.sha256)]


def test_a_file_changed_on_disk_is_refused_on_read_and_repaired_by_storing_again(tmp_path: Path) -> None:
    store = DocumentStore(tmp_path)
    ref = store.store_document(PDF, "a.pdf")
    path = store.path_of(ref.sha256)
    path.write_bytes(PDF.replace(b"Catalog", b"Katalog"))
    with pytest.raises(StoreError) as corrupted:
        store.open_document(ref.sha256)
    assert corrupted.value.code == "document_corrupted"
    store.store_document(PDF, "a.pdf")
    assert store.open_document(ref.sha256) == PDF


@pytest.mark.parametrize("reference", ["../../etc/passwd", "A" * 64, "0" * 63, ""])
def test_only_well_formed_hashes_are_opened(tmp_path: Path, reference: str) -> None:
    with pytest.raises(NotFoundError):
        DocumentStore(tmp_path).open_document(reference)


def test_a_missing_document_is_not_found(tmp_path: Path) -> None:
    with pytest.raises(NotFoundError) as missing:
        DocumentStore(tmp_path).open_document(hashlib.sha256(b"x").hexdigest())
    assert missing.value.code == "document_not_found"


def test_a_crash_while_writing_leaves_no_document_under_the_hash(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    store = DocumentStore(tmp_path)

    def fail(*_: object) -> None:
        raise OSError("disk full")

    monkeypatch.setattr(os, "replace", fail)
    with pytest.raises(StoreError) as failed:
        store.store_document(PDF, "a.pdf")
    assert failed.value.code == "document_write_failed"
    assert [path for path in tmp_path.rglob("*") if path.is_file()] == []


def test_names_lose_folders_and_control_characters(tmp_path: Path) -> None:
    ref = DocumentStore(tmp_path).store_document(PDF, "..\\..\\C:\\Windows/ktp\x00 siti.pdf")
    assert ref.name == "ktp siti.pdf"
    long = DocumentStore(tmp_path).store_document(PDF, "x" * 500 + ".pdf")
    assert len(long.name) == 200 and long.name.endswith(".pdf")


def test_the_folder_is_the_setting_or_beside_the_database(tmp_path: Path) -> None:
    assert files_folder("sqlite:///x.db", {"ALUR_FILES": str(tmp_path / "f")}) == tmp_path / "f"
    assert files_folder(f"sqlite:///{tmp_path}/data/alur.db", {}) == tmp_path / "data" / "alur-berkas"
    assert files_folder("postgresql+psycopg://u@h/alur", {}) == Path.cwd() / "alur-berkas"
