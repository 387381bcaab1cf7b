"""Make the hostile and broken office files of the tests (zip bomb, huge sheet, external link, macros,
password protection, legacy formats, corrupt zip, PDF), all generated here."""

from __future__ import annotations

import io
import zipfile

from tests.engine.formats.office.make_fixtures import drawn_xlsx, marks_xlsx


def _zip(members: dict[str, bytes]) -> bytes:
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as archive:
        for name, data in members.items():
            archive.writestr(name, data)
    return out.getvalue()


_TYPES = (b'<?xml version="1.0"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">'
          b'<Default Extension="xml" ContentType="application/xml"/></Types>')


def fx_drawn() -> bytes:
    return drawn_xlsx(True)


def hostile() -> dict[str, bytes]:
    """File name -> bytes of every refused kind."""
    good = marks_xlsx()
    files: dict[str, bytes] = {}
    files["bomb.xlsx"] = _zip({"[Content_Types].xml": _TYPES, "xl/workbook.xml": b"<a/>",
                               "xl/worksheets/sheet1.xml": b"<a>" + b" " * (40 * 1024 * 1024) + b"</a>"})
    rows = "".join(f'<row r="{r}"><c r="A{r}" t="inlineStr"><is><t>x</t></is></c></row>' for r in range(1, 9001))
    huge = zipfile.ZipFile(io.BytesIO(good))
    members = {name: huge.read(name) for name in huge.namelist()}
    members["xl/worksheets/sheet1.xml"] = (
        '<?xml version="1.0"?><worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main">'
        f'<dimension ref="A1:A9000"/><sheetData>{rows}</sheetData></worksheet>').encode()
    files["huge.xlsx"] = _zip(members)
    linked = dict(members)
    linked["xl/worksheets/sheet1.xml"] = huge.read("xl/worksheets/sheet1.xml")
    linked["xl/externalLinks/externalLink1.xml"] = b"<externalLink/>"
    linked["xl/externalLinks/_rels/externalLink1.xml.rels"] = (
        b'<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" '
        b'Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/externalLinkPath" '
        b'Target="file:///C:/rahasia.xlsx" TargetMode="External"/></Relationships>')
    files["linked.xlsx"] = _zip(linked)
    macro = dict(linked)
    del macro["xl/externalLinks/externalLink1.xml"], macro["xl/externalLinks/_rels/externalLink1.xml.rels"]
    macro["xl/vbaProject.bin"] = b"\x00" * 64
    files["macro.xlsx"] = _zip(macro)
    files["macro.xlsm"] = good
    ole = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + b"\x00" * 504
    files["protected.xlsx"] = ole + "EncryptedPackage".encode("utf-16-le") + b"\x00" * 512
    files["legacy.xls"] = ole + b"Workbook".ljust(512, b"\x00")
    files["legacy.doc"] = ole + b"WordDocument".ljust(512, b"\x00")
    files["corrupt.xlsx"] = good[: len(good) // 2]
    bad = zipfile.ZipFile(io.BytesIO(fx_drawn()))
    garbled = {name: bad.read(name) for name in bad.namelist()}
    garbled["xl/drawings/drawing1.xml"] = garbled["xl/drawings/drawing1.xml"].replace(b"<xdr:col>", b"<xdr:col>x", 3)
    files["garbled-drawing.xlsx"] = _zip(garbled)
    files["plain-zip.xlsx"] = _zip({"catatan.txt": b"bukan Office"})
    files["scan.pdf"] = b"%PDF-1.4\n1 0 obj <<>> endobj\n%%EOF"
    files["renamed-pdf.docx"] = b"%PDF-1.7\n%%EOF"
    return files
