"""Read the identity block (Bagian Identitas) out of a grid, and Indonesian dates.

Labels are found wherever they are: "NOMOR SOP : 001/..." in one cell, "NOMOR SOP" | ":" | value in a
row, a two-column table, or a heading cell with its numbered list in the cell (or rows) below.
"""

from __future__ import annotations

import datetime as dt
import re

from engine.errors import Problem, problem
from engine.formats.office.grid import Grid
from engine.sop.model import Approval, Identity

MONTHS = {
    "januari": 1, "jan": 1, "februari": 2, "pebruari": 2, "feb": 2, "peb": 2, "maret": 3, "mar": 3, "april": 4,
    "apr": 4, "mei": 5, "juni": 6, "jun": 6, "juli": 7, "jul": 7, "agustus": 8, "agu": 8, "agt": 8, "ags": 8,
    "aug": 8, "september": 9, "sep": 9, "sept": 9, "oktober": 10, "okt": 10, "oct": 10, "november": 11, "nov": 11,
    "nopember": 11, "desember": 12, "des": 12, "dec": 12, "may": 5, "june": 6, "july": 7, "august": 8,
    "october": 10, "december": 12, "january": 1, "february": 2, "march": 3,
}
#: Normalised label -> identity field.
LABELS: dict[str, str] = {
    "NOMOR SOP": "nomor", "NO SOP": "nomor", "NO. SOP": "nomor", "NOMOR": "nomor",
    "TGL. PEMBUATAN": "tanggal_pembuatan", "TGL. REVISI": "tanggal_revisi", "TGL. EFEKTIF": "tanggal_efektif",
    "NAMA PROSEDUR": "nama", "JUDUL": "nama",
    "TANGGAL PEMBUATAN": "tanggal_pembuatan", "TGL PEMBUATAN": "tanggal_pembuatan",
    "TANGGAL REVISI": "tanggal_revisi", "TGL REVISI": "tanggal_revisi",
    "TANGGAL EFEKTIF": "tanggal_efektif", "TGL EFEKTIF": "tanggal_efektif",
    "DISAHKAN OLEH": "disahkan_oleh", "NAMA SOP": "nama", "JUDUL SOP": "nama",
    "DASAR HUKUM": "dasar_hukum", "KUALIFIKASI PELAKSANA": "kualifikasi_pelaksana",
    "KETERKAITAN": "keterkaitan", "PERALATAN/PERLENGKAPAN": "peralatan_perlengkapan",
    "PERALATAN PERLENGKAPAN": "peralatan_perlengkapan", "PERALATAN DAN PERLENGKAPAN": "peralatan_perlengkapan",
    "PERINGATAN": "peringatan", "PENCATATAN DAN PENDATAAN": "pencatatan_pendataan",
    "PENCATATAN/PENDATAAN": "pencatatan_pendataan", "PENCATATAN PENDATAAN": "pencatatan_pendataan",
    "POLA NOMOR REGISTRASI": "pola_nomor_registrasi", "POLA NO. REGISTRASI": "pola_nomor_registrasi",
    "POLA NOMOR": "pola_nomor_registrasi", "FORMAT NOMOR REGISTRASI": "pola_nomor_registrasi",
    "POLA NOMOR PENDAFTARAN": "pola_nomor_registrasi",
}
#: The identity row of the registration-number pattern (not in the regulation's layout; written when set).
PATTERN_LABEL = "POLA NOMOR REGISTRASI"
LIST_FIELDS = ("dasar_hukum", "kualifikasi_pelaksana", "keterkaitan", "peralatan_perlengkapan", "peringatan",
               "pencatatan_pendataan")
DATE_FIELDS = ("tanggal_pembuatan", "tanggal_revisi", "tanggal_efektif")
_NUMBERING = re.compile(r"^\s*(?:\d{1,3}[.)]|[a-zA-Z][.)]|[-•·*–])\s+")
_NIP = re.compile(r"^\s*NIP\.?\s*:?\s*(.*)$", re.IGNORECASE)


def normalise_label(text: str) -> str:
    """Upper case, single spaces, no trailing colon, spaces around "/" removed."""
    text = " ".join(text.replace("\n", " ").split()).upper().rstrip(": ").strip()
    return re.sub(r"\s*/\s*", "/", text)


def split_label(text: str) -> tuple[str, str] | None:
    """(field, rest of the cell) when ``text`` starts with an identity label, else ``None``."""
    head, colon, rest = text.partition(":")
    key = normalise_label(head)
    if key in LABELS and (colon or "\n" not in text.strip()):
        return LABELS[key], rest.strip()
    first, _, after = text.strip().partition("\n")
    if normalise_label(first) in LABELS:
        return LABELS[normalise_label(first)], after.strip()
    return None


def items(text: str) -> list[str]:
    """A cell's numbered list as items: one per line, numbering and "-" placeholders removed."""
    result = []
    for line in text.splitlines():
        line = _NUMBERING.sub("", line).strip()
        if line and line != "-":
            result.append(line)
    return result


def read_date(value: str) -> dt.date | None:
    """"3 Maret 2025", "Senin, 3 Maret 2025", "03-03-2025", "3/3/2025", "2025-03-03", "3-Mar-2025";
    ``None`` when it is none of these."""
    text = re.sub(r"^[a-z]+,\s*", "", " ".join(value.lower().split()))
    match = re.fullmatch(r"(\d{4})-(\d{1,2})-(\d{1,2})(?: 00:00:00)?", text)
    if match:
        year, month, day = (int(part) for part in match.groups())
    elif match := re.fullmatch(r"(\d{1,2})[-/. ]+(\d{1,2})[-/. ]+(\d{4})", text):
        day, month, year = (int(part) for part in match.groups())
    elif (match := re.fullmatch(r"(\d{1,2})[-/. ]+([a-z]+)\.?[-/. ]+(\d{4})", text)) and match.group(2) in MONTHS:
        day, month, year = int(match.group(1)), MONTHS[match.group(2)], int(match.group(3))
    else:
        return None
    try:
        return dt.date(year, month, day)
    except ValueError:
        return None


def approval(lines: list[str]) -> Approval:
    """Jabatan on the first lines, then nama, then "NIP. ..." ("-" stands for an empty part)."""
    lines = [line.strip() for line in lines if line.strip()]
    nip = ""
    for index, line in enumerate(lines):
        match = _NIP.match(line)
        if match:
            nip = match.group(1).strip()
            lines = lines[:index]
            break

    def clean(text: str) -> str:
        return "" if text == "-" else text

    if not lines:
        return Approval(nip=clean(nip))
    if len(lines) == 1:
        return Approval(nama=clean(lines[0]), nip=clean(nip)) if nip else _acting(Approval(jabatan=clean(lines[0])))
    return _acting(Approval(jabatan=clean(" ".join(lines[:-1])), nama=clean(lines[-1]), nip=clean(nip)))


_ACTING_PREFIX = re.compile(r"^(plh|plt)\.\s*(.+)$", re.IGNORECASE)


def _acting(found: Approval) -> Approval:
    """A printed "Plh. Kepala Dinas" read back: the declared jabatan, signed by a Plh (or Plt)."""
    match = _ACTING_PREFIX.match(found.jabatan)
    if match is None:
        return found
    return Approval(match.group(2).strip(), found.nama, found.nip, match.group(1).lower())


def read_identity(grid: Grid, stop_row: int) -> tuple[Identity, list[Problem], bool]:
    """The identity fields found in rows above ``stop_row``; (identity, problems, whether any label was found)."""
    identity = Identity()
    problems: list[Problem] = []
    found = False
    labels = {(r, c): split_label(text) for (r, c), text in grid.cells.items() if r < stop_row}
    labelled = {key: value for key, value in labels.items() if value is not None}
    label_rows = {r for r, _ in labelled}
    for (row, col), parsed in sorted(labelled.items()):
        assert parsed is not None
        field, rest = parsed
        found = True
        value_col, start = col, row + 1
        parts: list[str] = [rest] if rest else []
        if not rest:
            for other in range(col + 1, grid.cols):
                text = grid.text(row, other).strip()
                if not text or text == ":":
                    continue
                if (row, other) not in labelled:
                    parts.append(text.lstrip(":").strip())
                    value_col = other
                break
        if not parts and field in LIST_FIELDS + ("disahkan_oleh",):
            below = grid.text(row + 1, col)
            if below and (row + 1, col) not in labelled and row + 1 < stop_row:
                parts.append(below)
                start = row + 2
        # Continuation rows: the value column goes on while no other label starts a row.
        # In the same cell's column only lists and the signer go on (paragraph forms in Word).
        if value_col >= 0 and (value_col != col or field in LIST_FIELDS + ("disahkan_oleh",)):
            nxt = start
            while nxt < stop_row and nxt not in label_rows and (value_col == col or not grid.text(nxt, col)):
                text = grid.text(nxt, value_col)
                if not text:
                    break
                parts.append(text.lstrip(":").strip() if value_col != col else text)
                nxt += 1
        value = "\n".join(part for part in parts if part)
        where = grid.ref(row, value_col if value_col >= 0 else col)
        _store(identity, field, value, where, problems)
    for (row, col), text in grid.cells.items():
        if row < stop_row and (row, col) not in labelled and text.strip().upper().startswith("PEMERINTAH"):
            lines = [line.strip() for line in text.splitlines() if line.strip()]
            under = row + 1
            while len(lines) == 1 or under > row + 1:  # the unit typed in the cells under
                more = grid.text(under, col).strip()
                if not more or under >= stop_row or (under, col) in labelled:
                    break
                lines.append(" ".join(more.split()))
                under += 1
            if not identity.pemerintah:
                identity.pemerintah = lines[0]
                identity.unit = " ".join(lines[1:])
            found = True
    return identity, problems, found


def _store(identity: Identity, field: str, value: str, where: str, problems: list[Problem]) -> None:
    if field in LIST_FIELDS:
        setattr(identity, field, items(value))
    elif field in DATE_FIELDS:
        text = " ".join(value.split())
        if text and text != "-":
            date = read_date(text)
            if date is None:
                problems.append(problem("office_bad_date", "sop", field=field.upper().replace("_", " "),
                                        cell=where, value=text))
            setattr(identity, field, date)
    elif field == "disahkan_oleh":
        identity.disahkan_oleh = approval(value.splitlines())
    else:
        text = " ".join(value.split())
        setattr(identity, field, "" if text == "-" else text)
