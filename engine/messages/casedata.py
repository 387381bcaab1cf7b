"""Catalogue entries of case data at run time: checked forms, registration numbers, masking, the case file."""

from __future__ import annotations

ENTRIES: dict[str, tuple[str, str]] = {
    "runtime_case_data_invalid": (
        "Isian kasus belum benar ({count} masalah): {problems}",
        "The case data is not right yet ({count} problems): {problems}",
    ),
}
