"""Open an office package (.xlsx, .docx) safely before any reader sees it.

Refuses, each with a one-line message naming what to do: PDF, legacy binary .xls/.doc, password-
protected files (an encrypted OLE container), corrupt zips, zip bombs (uncompressed sizes and ratios are
checked from the central directory before anything is decompressed), macros and external links.
"""

from __future__ import annotations

import io
import re
import shutil
import zipfile
from pathlib import PurePath

from engine.errors import InputError
from engine.formats.xmlsafe import parse_xml
from lxml import etree

#: Most members a package may hold; a real SOP workbook has about 20.
MAX_MEMBERS = 2_000
#: Largest uncompressed member and whole package, in bytes.
MAX_MEMBER_BYTES = 30 * 1024 * 1024
MAX_TOTAL_BYTES = 80 * 1024 * 1024
#: Highest compression ratio accepted for members larger than :data:`RATIO_FLOOR` bytes.
MAX_RATIO = 150
RATIO_FLOOR = 1024 * 1024

_OLE_MAGIC = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"
_ENCRYPTED_MARK = "EncryptedPackage".encode("utf-16-le")
_REL_NS = "http://schemas.openxmlformats.org/package/2006/relationships"
OFFICE_SUFFIXES = (".xlsx", ".docx")
#: Suffixes refused with a message (so they are not called "unknown type").
REFUSED_SUFFIXES = (".xlsm", ".xltm", ".xlsb", ".docm", ".dotm", ".xls", ".doc", ".pdf")


def _refuse_legacy(label: str, kind: str, suffix: str) -> InputError:
    code = "office_legacy_soffice" if shutil.which("soffice") or shutil.which("libreoffice") else "office_legacy_save"
    return InputError.from_code(code, label=label, kind=kind, suffix=suffix, name=PurePath(label).name)


class Package:
    """The members of a vetted office zip, read on demand with the size limits applied."""

    def __init__(self, data: bytes, label: str) -> None:
        self.label = label
        self.data = data
        self.zip = zipfile.ZipFile(io.BytesIO(data))
        self.names = {info.filename: info for info in self.zip.infolist()}

    def has(self, name: str) -> bool:
        return name in self.names

    def read(self, name: str) -> bytes:
        """One member's bytes (its declared size was checked when the package was opened)."""
        try:
            return self.zip.read(name)
        except (zipfile.BadZipFile, OSError, EOFError, zipfile.LargeZipFile) as exc:
            raise InputError.from_code("office_corrupt", label=self.label, detail=exc) from exc
        except RuntimeError as exc:  # zipfile's "encrypted member" error
            raise InputError.from_code("office_encrypted", label=self.label) from exc

    def xml(self, name: str) -> etree._Element:
        """One member parsed with :func:`engine.formats.xmlsafe.parse_xml`."""
        return parse_xml(self.read(name), f"{self.label}:{name}", max_bytes=MAX_MEMBER_BYTES, kind="Office XML")

    def rels(self, part: str) -> dict[str, str]:
        """Relationship id -> target path (resolved against ``part``'s folder) of one part."""
        folder, _, base = part.rpartition("/")
        rels_name = f"{folder}/_rels/{base}.rels" if folder else f"_rels/{base}.rels"
        if not self.has(rels_name):
            return {}
        result: dict[str, str] = {}
        for rel in self.xml(rels_name).iter(f"{{{_REL_NS}}}Relationship"):
            target = rel.get("Target", "")
            if target.startswith("/"):
                path = target.lstrip("/")
            else:
                parts = [p for p in folder.split("/") if p]
                for piece in target.split("/"):
                    if piece == "..":
                        if parts:
                            parts.pop()
                    elif piece and piece != ".":
                        parts.append(piece)
                path = "/".join(parts)
            result[rel.get("Id", "")] = path
        return result


def open_package(data: bytes, label: str) -> Package:
    """Vet ``data`` as an .xlsx/.docx package.

    :raises InputError: for every refused kind of file listed in the module docstring.
    """
    suffix = PurePath(label).suffix.lower()
    if data.startswith(b"%PDF") or suffix == ".pdf":
        raise InputError.from_code("office_pdf", label=label)
    if data.startswith(_OLE_MAGIC):
        if _ENCRYPTED_MARK in data:
            raise InputError.from_code("office_encrypted", label=label)
        word = suffix in (".doc", ".docx", ".docm")
        raise _refuse_legacy(label, ".doc" if word else ".xls", "docx" if word else "xlsx")
    if suffix == ".xlsb":  # the binary workbook: no XML to read
        raise _refuse_legacy(label, ".xlsb", "xlsx")
    if suffix in (".xlsm", ".xltm", ".docm", ".dotm"):
        raise InputError.from_code("office_macro", label=label)
    try:
        package = Package(data, label)
    except (zipfile.BadZipFile, OSError, EOFError, ValueError, zipfile.LargeZipFile) as exc:
        raise InputError.from_code("office_corrupt", label=label, detail=exc) from exc
    infos = list(package.names.values())
    if len(infos) > MAX_MEMBERS:
        raise InputError.from_code("office_bomb", label=label, detail=f"{len(infos):,} parts")
    total = 0
    for info in infos:
        if info.flag_bits & 0x1:
            raise InputError.from_code("office_encrypted", label=label)
        total += info.file_size
        ratio = info.file_size / max(info.compress_size, 1)
        if info.file_size > MAX_MEMBER_BYTES or total > MAX_TOTAL_BYTES or (
                info.file_size > RATIO_FLOOR and ratio > MAX_RATIO):
            raise InputError.from_code("office_bomb", label=label,
                                       detail=f"{info.filename}: {info.file_size:,} B, {ratio:.0f}:1")
    lowered = {name.lower() for name in package.names}
    if any(name.endswith("vbaproject.bin") for name in lowered):
        raise InputError.from_code("office_macro", label=label)
    if "[content_types].xml" not in lowered:
        raise InputError.from_code("office_missing_part", label=label, part="[Content_Types].xml")
    types = package.read(next(n for n in package.names if n.lower() == "[content_types].xml"))
    if b"macroEnabled" in types or b"vbaProject" in types:
        raise InputError.from_code("office_macro", label=label)
    if any(name.startswith("xl/externallinks/") for name in lowered):
        raise InputError.from_code("office_external", label=label, target="xl/externalLinks")
    for name in package.names:
        if name.endswith(".rels"):
            for rel in package.xml(name).iter(f"{{{_REL_NS}}}Relationship"):
                if rel.get("TargetMode") == "External" and not rel.get("Type", "").endswith("/hyperlink"):
                    raise InputError.from_code("office_external", label=label,
                                               target=_clip(rel.get("Target", "")))
    return package


def _clip(text: str) -> str:
    text = re.sub(r"\s+", " ", text)
    return text if len(text) <= 80 else text[:77] + "..."
