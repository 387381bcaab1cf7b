"""Documents of a case (kelengkapan scans, the signed letter): checked by content, stored by hash.

Files live in a storage folder (``$ALUR_FILES``; by default beside the SQLite database, or
``alur-berkas`` in the working folder for a server database), named by the SHA-256 of their
content: ``<folder>/ab/cd/abcd...``. The store (a later part) keeps the hash and events carry it,
so the audit chain covers documents; this module is the pure file side:

* :meth:`DocumentStore.store_document` accepts PDF, JPEG and PNG only, told apart by their content
  (a ``.pdf`` that is really HTML is refused), up to a size limit (``$ALUR_FILES_MAX_MB``, default
  10 MB); it writes to a temporary file and renames it, so a crash never leaves half a document
  under its hash; storing the same content twice keeps one file.
* :meth:`DocumentStore.open_document` reads a document back and checks its hash, so a file
  changed on disk is refused rather than shown.
"""

from __future__ import annotations

import hashlib
import os
import re
import tempfile
from collections.abc import Mapping
from dataclasses import dataclass
from datetime import datetime
from pathlib import Path

from engine.errors import DataError, NotFoundError, StoreError
from engine.messages import message

FILES_VARIABLE = "ALUR_FILES"
MAX_MB_VARIABLE = "ALUR_FILES_MAX_MB"
DEFAULT_MAX_BYTES = 10 * 1024 * 1024
#: Folder name used beside a SQLite database file, or in the working folder.
DEFAULT_FOLDER = "alur-berkas"
#: Media types accepted, with the file name endings that may carry them.
MEDIA_TYPES: dict[str, tuple[str, ...]] = {
    "application/pdf": (".pdf",),
    "image/jpeg": (".jpg", ".jpeg"),
    "image/png": (".png",),
}
#: How far from the end a file's end marker (%%EOF, JPEG EOI, PNG IEND) may sit.
_TAIL = 2048
_SHA256 = re.compile(r"^[0-9a-f]{64}$")
_CONTROL = re.compile("[\x00-\x1f\x7f]")
MAX_NAME = 200


@dataclass(frozen=True)
class DocumentRef:
    """A stored document: what the store keeps and events carry."""

    sha256: str
    size: int
    media_type: str
    #: The name the document was uploaded with (folder parts and control characters removed).
    name: str


@dataclass(frozen=True)
class CaseDocument:
    """A document attached to a work item of a case (one ``case_documents`` row)."""

    id: int
    instance_id: int
    #: The work item; ``None`` for a document handed in with the start form.
    item_id: int | None
    step_id: str
    #: The kelengkapan item it stands for; empty for the step's output document.
    requirement: str
    #: The step's output (the signed letter) rather than a kelengkapan item.
    output: bool
    sha256: str
    name: str
    media_type: str
    size: int
    attached_by: str
    attached_at: datetime

    @property
    def short_hash(self) -> str:
        """The first 12 hexadecimal digits of the hash, as pages and prints show it."""
        return self.sha256[:SHORT_HASH]


#: How many hexadecimal digits of a hash are shown.
SHORT_HASH = 12


def _refused(code: str, **params: object) -> DataError:
    texts = {key: str(value) for key, value in params.items()}
    error = DataError(message(code, "id", **texts), "berkas")
    error.code = code
    error.params = texts
    return error


def detect_media_type(data: bytes) -> str | None:
    """The media type of ``data`` judged by its content (PDF, JPEG, PNG), or ``None``."""
    tail = data[-_TAIL:]
    if data.startswith(b"%PDF-") and b"%%EOF" in tail:
        return "application/pdf"
    if data.startswith(b"\xff\xd8\xff") and b"\xff\xd9" in tail:
        return "image/jpeg"
    if data.startswith(b"\x89PNG\r\n\x1a\n") and data[12:16] == b"IHDR" and b"IEND" in tail:
        return "image/png"
    return None


def _looks_like(data: bytes) -> str:
    """A word for what unaccepted content seems to be, for the message."""
    head = data[:512].lstrip().lower()
    if head.startswith((b"<!doctype html", b"<html", b"<script", b"<svg", b"<?xml", b"<")):
        return "HTML/XML"
    if head.startswith(b"pk\x03\x04"):
        return "ZIP/Office"
    if data.startswith(b"%PDF-"):
        return "PDF terpotong (tanpa %%EOF)"
    if data.startswith((b"\xff\xd8\xff", b"\x89PNG")):
        return "gambar terpotong"
    return "tidak dikenal"


def clean_name(declared_name: str, media_type: str) -> str:
    """The declared name without folders or control characters, at most :data:`MAX_NAME` long."""
    name = re.split(r"[/\\]", declared_name)[-1]
    name = " ".join(_CONTROL.sub("", name).split()).strip(". ")
    if not name:
        name = "dokumen" + MEDIA_TYPES[media_type][0]
    if len(name) > MAX_NAME:
        stem, dot, suffix = name.rpartition(".")
        name = (stem[: MAX_NAME - len(suffix) - 1] + dot + suffix) if dot and len(suffix) <= 5 else name[:MAX_NAME]
    return name


def files_folder(database_url: str, environ: Mapping[str, str] | None = None) -> Path:
    """The storage folder: ``$ALUR_FILES``, else beside a SQLite database file, else ``./alur-berkas``."""
    environ = os.environ if environ is None else environ
    chosen = environ.get(FILES_VARIABLE, "").strip()
    if chosen:
        return Path(chosen)
    match = re.match(r"^sqlite(?:\+\w+)?:///(.+)$", database_url)
    if match and match.group(1) != ":memory:":
        database = Path(match.group(1).split("?", 1)[0])
        return database.parent / f"{database.stem}-berkas"
    return Path.cwd() / DEFAULT_FOLDER


def max_bytes_setting(environ: Mapping[str, str] | None = None) -> int:
    """The size limit in bytes from ``$ALUR_FILES_MAX_MB`` (whole megabytes), else :data:`DEFAULT_MAX_BYTES`.

    :raises DataError: when the setting is not a whole number from 1 to 1024.
    """
    environ = os.environ if environ is None else environ
    text = environ.get(MAX_MB_VARIABLE, "").strip()
    if not text:
        return DEFAULT_MAX_BYTES
    if not text.isdigit() or not 1 <= int(text) <= 1024:
        raise _refused("document_bad_limit_setting", variable=MAX_MB_VARIABLE, value=text[:20])
    return int(text) * 1024 * 1024


class DocumentStore:
    """Content-addressed document files in one folder.

    :param root: the storage folder; created when the first document is stored.
    :param max_bytes: the largest document accepted.
    """

    def __init__(self, root: Path, max_bytes: int = DEFAULT_MAX_BYTES) -> None:
        self.root = Path(root)
        self.max_bytes = max_bytes

    @classmethod
    def from_settings(cls, database_url: str, environ: Mapping[str, str] | None = None) -> DocumentStore:
        """The store the settings name (``$ALUR_FILES``, ``$ALUR_FILES_MAX_MB``) for this database."""
        return cls(files_folder(database_url, environ), max_bytes_setting(environ))

    def path_of(self, sha256: str) -> Path:
        """Where the document with this hash lives.

        :raises NotFoundError: when ``sha256`` is not 64 lower-case hexadecimal digits.
        """
        if not isinstance(sha256, str) or not _SHA256.match(sha256):
            raise NotFoundError.from_code("document_bad_hash")
        return self.root / sha256[:2] / sha256[2:4] / sha256

    def check(self, data: bytes, declared_name: str) -> DocumentRef:
        """What :meth:`store_document` would store, without writing.

        :raises DataError: empty, too large, not PDF/JPEG/PNG by content, or a name whose ending
            says another type.
        """
        if not isinstance(data, (bytes, bytearray)):
            raise _refused("document_not_bytes")
        shown = clean_name(declared_name or "", "application/pdf")
        if not data:
            raise _refused("document_empty", name=shown)
        if len(data) > self.max_bytes:
            raise _refused("document_too_large", name=shown, size=_megabytes(len(data)),
                           limit=_megabytes(self.max_bytes))
        media_type = detect_media_type(bytes(data))
        if media_type is None:
            raise _refused("document_unknown_type", name=shown, seems=_looks_like(bytes(data)))
        suffix = Path(shown).suffix.lower()
        if suffix and suffix not in MEDIA_TYPES[media_type]:
            raise _refused("document_name_mismatch", name=shown, suffix=suffix,
                           actual=media_type.split("/")[1].upper())
        return DocumentRef(hashlib.sha256(data).hexdigest(), len(data), media_type, clean_name(declared_name or "",
                                                                                               media_type))

    def store_document(self, data: bytes, declared_name: str) -> DocumentRef:
        """Check ``data`` and store it under its hash; the same content twice is stored once.

        :raises DataError: see :meth:`check`.
        :raises StoreError: the folder cannot be written.
        """
        ref = self.check(data, declared_name)
        target = self.path_of(ref.sha256)
        if target.exists() and _sha256_of(target) == ref.sha256:
            return ref
        try:
            target.parent.mkdir(parents=True, exist_ok=True)
            handle, temporary = tempfile.mkstemp(prefix=".upload-", dir=target.parent)
            try:
                with os.fdopen(handle, "wb") as stream:
                    stream.write(data)
                    stream.flush()
                    os.fsync(stream.fileno())
                os.replace(temporary, target)
            except BaseException:
                Path(temporary).unlink(missing_ok=True)
                raise
            _sync_folder(target.parent)
        except OSError as exc:
            raise StoreError.from_code("document_write_failed", folder=str(self.root)) from exc
        return ref

    def open_document(self, sha256: str) -> bytes:
        """The content of the document with this hash, checked against the hash.

        :raises NotFoundError: no such document (or a malformed hash).
        :raises StoreError: the file on disk no longer matches its hash.
        """
        path = self.path_of(sha256)
        try:
            data = path.read_bytes()
        except FileNotFoundError:
            raise NotFoundError.from_code("document_not_found", sha256=sha256[:12]) from None
        except OSError as exc:
            raise StoreError.from_code("document_read_failed", sha256=sha256[:12]) from exc
        if hashlib.sha256(data).hexdigest() != sha256:
            raise StoreError.from_code("document_corrupted", sha256=sha256[:12])
        return data


def _sha256_of(path: Path) -> str:
    digest = hashlib.sha256()
    with path.open("rb") as stream:
        for block in iter(lambda: stream.read(1 << 20), b""):
            digest.update(block)
    return digest.hexdigest()


def _sync_folder(folder: Path) -> None:
    """Make the rename durable where the platform allows it."""
    try:
        handle = os.open(folder, os.O_RDONLY)
    except OSError:
        return
    try:
        os.fsync(handle)
    except OSError:
        pass
    finally:
        os.close(handle)


def _megabytes(size: int) -> str:
    return f"{size / (1024 * 1024):.1f}".replace(".", ",") + " MB"


__all__ = ["DEFAULT_MAX_BYTES", "MEDIA_TYPES", "SHORT_HASH", "CaseDocument", "DocumentRef", "DocumentStore", "clean_name", "detect_media_type",
           "files_folder", "max_bytes_setting"]
