"""Registration numbers from the SOP's pattern: parsed by Alur, never by str.format."""

from __future__ import annotations

import datetime as dt

import pytest

from engine.errors import ProcessDefinitionError
from engine.formats.files import load_file
from engine.sop.model import Identity, Sop
from engine.sop.registration import DEFAULT_PATTERN, PatternError, format_registration, parse_pattern, registration_number
from engine.sop.validate import validate


@pytest.mark.parametrize(("pattern", "expected"), [
    (DEFAULT_PATTERN, "003/SOP/UMUM/2026/00042/2026"),
    ("SKTM/{urut:04d}/{bulan:romawi}/{tahun}", "SKTM/0042/III/2026"),
    ("{unit}-{tahun}{bulan:02d}-{urut}", "Bagian Umum-202603-42"),
    ("{urut:d}/{bulan}/{tahun}", "42/3/2026"),
    ("{{{urut:03d}}}/{tahun}", "{042}/2026"),
])
def test_patterns_make_numbers(pattern: str, expected: str) -> None:
    assert format_registration(pattern, urut=42, tahun=2026, bulan=3, kode="003/SOP/UMUM/2026",
                               unit="Bagian  Umum") == expected


def test_the_sop_pattern_or_the_default_is_used() -> None:
    sop = Sop(identity=Identity(nomor="800/SOP/BKPSDM/2026", unit="BKPSDM"))
    assert registration_number(sop, 7, dt.date(2026, 12, 1)) == "800/SOP/BKPSDM/2026/00007/2026"
    cuti = load_file("processes/permohonan-cuti-pegawai.bpmn").sop
    assert registration_number(cuti, 7, dt.date(2027, 1, 5)) == "CUTI/0007/2027"
    sktm = load_file("processes/penerbitan-surat-keterangan.bpmn").sop
    assert registration_number(sktm, 12, dt.date(2026, 11, 30)) == "SKTM/0012/XI/2026"


@pytest.mark.parametrize(("pattern", "code"), [
    ("{kode.__class__}/{urut}/{tahun}", "pattern_unknown_placeholder"),
    ("{urut[0]}/{tahun}", "pattern_unknown_placeholder"),
    ("{0}/{urut}/{tahun}", "pattern_unknown_placeholder"),
    ("{urut:>10}/{tahun}", "pattern_bad_format"),
    ("{urut:05x}/{tahun}", "pattern_bad_format"),
    ("{kode:>999999}/{urut}/{tahun}", "pattern_bad_format"),
    ("{bulan:X}/{urut}/{tahun}", "pattern_bad_format"),
    ("{urut}/{tahun", "pattern_unbalanced"),
    ("urut}/{tahun}", "pattern_unbalanced"),
    ("{ur{ut}/{tahun}", "pattern_unbalanced"),
    ("{kode}/{tahun}", "pattern_missing_placeholder"),
    ("{kode}/{urut}", "pattern_missing_placeholder"),
    ("{urut}/{tahun}" + "x" * 100, "pattern_too_long"),
    ("{urut}/\n{tahun}", "pattern_control_characters"),
])
def test_bad_patterns_are_refused(pattern: str, code: str) -> None:
    with pytest.raises(PatternError) as refused:
        parse_pattern(pattern)
    assert refused.value.code == code
    with pytest.raises(ProcessDefinitionError) as failed:
        format_registration(pattern, urut=1, tahun=2026, bulan=1)
    assert failed.value.problems[0].code == code
    sop = load_file("processes/permohonan-cuti-pegawai.bpmn").sop
    sop.identity.pola_nomor_registrasi = pattern
    found = [p for p in validate(sop) if p.severity == "error"]
    assert [(p.code, p.element_id) for p in found] == [(code, "pola_nomor_registrasi")]
    assert found[0].render() and found[0].render("en") != found[0].render()


@pytest.mark.parametrize("values", [dict(urut=0, tahun=2026, bulan=1), dict(urut=1, tahun=2026, bulan=13),
                                    dict(urut=1, tahun=99, bulan=1)])
def test_values_out_of_range_are_refused(values: dict[str, int]) -> None:
    with pytest.raises(ValueError):
        format_registration(DEFAULT_PATTERN, **values)


def test_a_number_cannot_grow_without_bound() -> None:
    with pytest.raises(ValueError):
        format_registration("{kode}/{urut}/{tahun}", urut=1, tahun=2026, bulan=1, kode="x" * 300)
