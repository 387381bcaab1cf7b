""""Nomor berikutnya" counts the numbers already written in other formats (an older pattern, other
padding or case, spaces around the separators), and never moves by a guess on an ambiguous one."""

from __future__ import annotations

import datetime as dt

import pytest

from engine.sop.numbering import next_number, other_format_sequence

PATTERN = "{urut:03d}/SOP/{unit}/{tahun}"
MAY = dt.date(2026, 5, 2)


@pytest.mark.parametrize(("written", "sequence"), [
    ("SOP-ORG/V/2026/12", 12),            # an older pattern with a Roman month
    ("ORG.15.2026", 15),                  # dots
    ("7 / sop / org / 2026", 7),          # spaces and lower case (the pattern itself, read loosely)
    ("800/012/ORG/2026", None),           # two groups of digits: which is the sequence?
    ("SOP/ORGANISASI/2026/44", None),     # another unit whose code starts with ORG
    ("SOP-ORG/2025/30", None),            # another year
    ("", None),
])
def test_a_number_in_another_format_gives_its_sequence_or_nothing(written: str, sequence: int | None) -> None:
    assert other_format_sequence(written, PATTERN, "ORG", MAY) == sequence


def test_the_next_number_follows_the_highest_in_any_readable_format() -> None:
    existing = ["001/SOP/ORG/2026", "SOP-ORG/V/2026/12", "800/020/ORG/2026", "SOP/ORGANISASI/2026/44"]
    assert next_number(PATTERN, existing, "ORG", MAY) == "013/SOP/ORG/2026"
    unit = "Dinas Kesehatan - Subbagian Umum"  # a unit code with spaces and a dash
    assert next_number(PATTERN, [f"004/SOP/{unit}/2026", "SOP/Dinas Kesehatan-Subbagian Umum/2026/9"], unit,
                       MAY) == f"010/SOP/{unit}/2026"
    # digits the pattern itself writes (a classification code) are not the sequence
    assert next_number("800/{urut:03d}/{unit}/{tahun}", ["800/7/ORG/2026", "ORG-800-2026-9"], "ORG",
                       MAY) == "800/010/ORG/2026"
