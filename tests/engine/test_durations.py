from __future__ import annotations

import dataclasses
from datetime import timedelta
from fractions import Fraction

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from engine.sop.durations import EXAMPLES, Duration, is_valid_duration, parse_duration
from engine.errors import AlurError, DurationError
from engine.sop.worktime import WorkCalendar


class _Day:
    """A calendar stand-in with a 450-minute working day."""

    working_minutes_per_day = 450.0


@pytest.mark.parametrize(
    ("text", "amount", "unit", "working"),
    [
        ("15 menit", 15, "minute", False),
        ("15 mnt", 15, "minute", False),
        ("15 mnt.", 15, "minute", False),
        ("2 jam", 2, "hour", False),
        ("1,5 jam", 1.5, "hour", False),
        ("1.5 jam", 1.5, "hour", False),
        ("0,25 jam", 0.25, "hour", False),
        ("1 hari", 1, "day", False),
        ("3 hari kerja", 3, "working_day", True),
        ("3 HK", 3, "working_day", True),
        ("1 minggu", 1, "week", False),
        ("2 pekan", 2, "week", False),
        ("30 detik", 30, "second", False),
        ("15 minutes", 15, "minute", False),
        ("1 minute", 1, "minute", False),
        ("2 hours", 2, "hour", False),
        ("1 day", 1, "day", False),
        ("3 working days", 3, "working_day", True),
        ("2 business days", 2, "working_day", True),
        ("1 week", 1, "week", False),
        ("PT15M", 15, "minute", False),
        ("PT2H", 2, "hour", False),
        ("P1D", 1, "day", False),
        ("P1W", 1, "week", False),
        ("PT30S", 30, "second", False),
        ("PT1,5H", 1.5, "hour", False),
    ],
)
def test_accepted_forms(text: str, amount: float, unit: str, working: bool) -> None:
    duration = parse_duration(text)
    assert duration.amount == amount
    assert type(duration.amount) is type(amount)
    assert duration.unit == unit
    assert duration.working is working
    assert duration.text == text


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("  15   MENIT ", "15 menit"),
        ("15menit", "15 menit"),
        ("3 Hari  Kerja", "3 hari kerja"),
        ("3\thari\u00a0kerja", "3 hari kerja"),
        ("2 JAM", "2 jam"),
        ("pt15m", "15 menit"),
        ("1 Week", "1 minggu"),
    ],
)
def test_case_and_spaces_do_not_matter(text: str, expected: str) -> None:
    duration = parse_duration(text)
    assert str(duration) == expected
    assert duration.text == text.strip()


def test_whole_amounts_stay_int() -> None:
    assert parse_duration("2,0 jam").amount == 2
    assert isinstance(parse_duration("2,0 jam").amount, int)
    assert isinstance(parse_duration("PT2.0H").amount, int)


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("15 menit", "15 menit"),
        ("15 minutes", "15 menit"),
        ("2 jam", "2 jam"),
        ("PT2H", "2 jam"),
        ("1 hari", "1 hari"),
        ("P1D", "1 hari"),
        ("3 hari kerja", "3 hari kerja"),
        ("3 working days", "3 hari kerja"),
        ("1 minggu", "1 minggu"),
        ("2 pekan", "2 minggu"),
        ("1.5 jam", "1,5 jam"),
        ("1,5 jam", "1,5 jam"),
        ("0,25 jam", "0,25 jam"),
        ("30 detik", "30 detik"),
        ("P1DT2H", "1 hari 2 jam"),
        ("1 jam 30 menit", "1 jam 30 menit"),
        ("1 hour and 30 minutes", "1 jam 30 menit"),
        ("1-2 hari", "2 hari"),
    ],
)
def test_canonical_text(text: str, expected: str) -> None:
    assert str(parse_duration(text)) == expected


@pytest.mark.parametrize(
    ("text", "amount", "unit"),
    [
        ("1-2 hari", 2, "day"),
        ("1 - 2 hari", 2, "day"),
        ("1\u20132 hari", 2, "day"),
        ("15-30 menit", 30, "minute"),
        ("1 s/d 3 hari kerja", 3, "working_day"),
        ("1 sampai 2 jam", 2, "hour"),
        ("2 hingga 3 minggu", 3, "week"),
        ("1 to 2 days", 2, "day"),
        ("1,5-2,5 jam", 2.5, "hour"),
        ("0-1 hari", 1, "day"),
    ],
)
def test_ranges_parse_to_upper_bound_and_keep_text(text: str, amount: float, unit: str) -> None:
    duration = parse_duration(text)
    assert (duration.amount, duration.unit) == (amount, unit)
    assert duration.text == text


def test_reversed_range_is_rejected() -> None:
    with pytest.raises(DurationError, match="terbalik"):
        parse_duration("3-1 hari")


def test_iso_durations_carry_a_fixed_timedelta() -> None:
    assert parse_duration("PT15M").delta == timedelta(minutes=15)
    assert parse_duration("PT2H").delta == timedelta(hours=2)
    assert parse_duration("P1D").delta == timedelta(days=1)
    assert parse_duration("P1W").delta == timedelta(weeks=1)
    mixed = parse_duration("P1DT2H")
    assert mixed.delta == timedelta(days=1, hours=2)
    assert mixed.unit == "mixed"
    assert mixed.parts == ((1, "day"), (2, "hour"))
    assert mixed.amount == 26 * 60
    assert parse_duration("15 menit").delta is None


def test_mixed_text() -> None:
    duration = parse_duration("1 jam 30 menit")
    assert duration.unit == "mixed"
    assert duration.parts == ((1, "hour"), (30, "minute"))
    assert duration.amount == 90
    assert duration.as_working_minutes(_Day()) == 90


def test_sebentar_message_names_text_and_examples() -> None:
    with pytest.raises(DurationError) as info:
        parse_duration("sebentar")
    assert str(info.value) == (
        "Waktu 'sebentar' tidak dikenali. Contoh yang benar: \"15 menit\", \"2 jam\", \"1 hari\", "
        "\"3 hari kerja\", \"1 minggu\" atau ISO 8601 \"PT2H\"."
    )
    assert info.value.text == "sebentar"
    assert isinstance(info.value, AlurError)


@pytest.mark.parametrize("text", ["", "   ", "\n"])
def test_empty_is_rejected(text: str) -> None:
    with pytest.raises(DurationError) as info:
        parse_duration(text)
    assert str(info.value).startswith("Waktu kosong.")
    assert EXAMPLES in str(info.value)


@pytest.mark.parametrize(
    "text",
    ["2 bulanan", "P1X", "PT", "P", "P1DT", "2", "jam", "jam 2", "2 jam lebih", "1 jam, 30 menit",
     "15 menitan", "2 hari kalendar", "kira-kira jam", "1.5.2 jam", "2 jam jam", "1 x 12 jam", "tiga",
     "paling lama", "1/0 jam", "dua tiga hari", "sebelas belas hari", "±", "sekitar", "kurang lebih",
     "sekitarnya 2 jam", "± jam"],
)
def test_unparseable_is_rejected_naming_the_text(text: str) -> None:
    with pytest.raises(DurationError) as info:
        parse_duration(text)
    message = str(info.value)
    assert f"'{text}'" in message
    assert "tidak dikenali" in message
    assert info.value.text == text


@pytest.mark.parametrize("text", ["0 menit", "0,0 jam", "-2 jam", "\u22121 hari", "P0D", "PT0H0M", "0-0 hari"])
def test_zero_and_negative_are_rejected(text: str) -> None:
    with pytest.raises(DurationError, match="harus lebih dari nol"):
        parse_duration(text)


@pytest.mark.parametrize("text", ["1 menit 2 jam", "1 jam 1 jam", "1 hari 1 hari kerja"])
def test_mixed_units_must_go_from_largest_to_smallest(text: str) -> None:
    with pytest.raises(DurationError, match="dari yang terbesar"):
        parse_duration(text)


def test_only_the_last_unit_may_have_decimals() -> None:
    with pytest.raises(DurationError, match="berkoma"):
        parse_duration("1,5 jam 10 menit")
    with pytest.raises(DurationError, match="berkoma"):
        parse_duration("P1.5DT2H")


def test_non_text_is_rejected() -> None:
    with pytest.raises(DurationError):
        parse_duration(15)  # type: ignore[arg-type]


@pytest.mark.parametrize(
    ("text", "minutes"),
    [
        ("15 menit", 15),
        ("30 detik", 0.5),
        ("2 jam", 120),
        ("1,5 jam", 90),
        ("1 hari", 450),
        ("3 hari kerja", 1350),
        ("1 minggu", 2250),
        ("2 pekan", 4500),
        ("PT15M", 15),
        ("PT2H", 120),
        ("P1D", 450),
        ("P1W", 2250),
        ("P1DT2H", 570),
        ("1-2 hari", 900),
    ],
)
def test_as_working_minutes(text: str, minutes: float) -> None:
    assert parse_duration(text).as_working_minutes(_Day()) == pytest.approx(minutes)


def test_as_working_minutes_uses_the_calendar_day() -> None:
    calendar = WorkCalendar(country_holidays=False)
    assert parse_duration("1 hari kerja").as_working_minutes(calendar) == calendar.working_minutes_per_day
    short = WorkCalendar(office_hours={0: [("08:00", "12:00")]}, country_holidays=False)
    assert parse_duration("2 hari").as_working_minutes(short) == 480


def test_is_valid_duration() -> None:
    assert is_valid_duration("3 hari kerja")
    assert is_valid_duration("PT2H")
    assert not is_valid_duration("sebentar")
    assert not is_valid_duration("")
    assert not is_valid_duration("0 menit")


def test_duration_is_frozen_and_validated() -> None:
    duration = Duration(2, "hour")
    assert str(duration) == "2 jam"
    assert duration.parts == ((2, "hour"),)
    assert Duration(3, "working_day").working is True
    with pytest.raises(dataclasses.FrozenInstanceError):
        duration.amount = 3  # type: ignore[misc]
    with pytest.raises(DurationError):
        Duration(0, "hour")
    with pytest.raises(DurationError):
        Duration(-1, "minute")
    with pytest.raises(DurationError):
        Duration(float("nan"), "minute")
    with pytest.raises(DurationError):
        Duration(1, "fortnight")  # type: ignore[arg-type]
    assert str(Duration(Fraction(3, 2), "hour")) == "1,5 jam"
    assert Duration(Fraction(3, 2), "hour").as_working_minutes(_Day()) == 90


_WORDS = {
    "second": ["detik", "dtk", "seconds"],
    "minute": ["menit", "mnt", "minutes", "min"],
    "hour": ["jam", "hours"],
    "day": ["hari", "days"],
    "working_day": ["hari kerja", "working days", "hk"],
    "week": ["minggu", "pekan", "weeks"],
}


@settings(database=None, max_examples=200, deadline=None)
@given(
    unit=st.sampled_from(sorted(_WORDS)),
    data=st.data(),
    whole=st.integers(min_value=0, max_value=9999),
    hundredths=st.integers(min_value=0, max_value=99),
    comma=st.booleans(),
)
def test_parse_and_canonical_text_round_trip(unit: str, data: st.DataObject, whole: int, hundredths: int,
                                             comma: bool) -> None:
    if whole == 0 and hundredths == 0:
        whole = 1
    word = data.draw(st.sampled_from(_WORDS[unit]))
    number = f"{whole}{',' if comma else '.'}{hundredths:02d}" if hundredths else str(whole)
    duration = parse_duration(f"{number} {word}")
    expected = whole + hundredths / 100
    assert duration.unit == unit
    assert duration.amount == pytest.approx(expected)
    assert isinstance(duration.amount, int) == (hundredths == 0)
    again = parse_duration(str(duration))
    assert (again.amount, again.unit, again.parts) == (duration.amount, duration.unit, duration.parts)
    assert "." not in str(duration)


# -- the vocabulary of real SOPs -------------------------------------------------------------------

@pytest.mark.parametrize(
    ("text", "amount", "unit", "kind"),
    [
        ("1 bulan", 1, "month", "calendar"),
        ("2 Bulan", 2, "month", "calendar"),
        ("3 bln", 3, "month", "calendar"),
        ("1 tahun", 1, "year", "calendar"),
        ("1 thn", 1, "year", "calendar"),
        ("P1M", 1, "month", "calendar"),
        ("P1Y", 1, "year", "calendar"),
        ("14 hari kalender", 14, "calendar_day", "calendar"),
        ("within 14 calendar days", 14, "calendar_day", "calendar"),
        ("1 x 24 jam", 1, "clock_day", "clock"),
        ("1x24 jam", 1, "clock_day", "clock"),
        ("1x24jam", 1, "clock_day", "clock"),
        ("2 X 24 Jam", 2, "clock_day", "clock"),
        ("3 \u00d7 24 jam", 3, "clock_day", "clock"),
        ("Paling lama 1 x 24 jam", 1, "clock_day", "clock"),
        ("2 (dua) x 24 jam", 2, "clock_day", "clock"),
        ("paling lama 14 hari kerja", 14, "working_day", "working"),
        ("Paling lambat 3 hari", 3, "day", "working"),
        ("maksimal 2 jam", 2, "hour", "working"),
        ("Maks. 15 menit", 15, "minute", "working"),
        ("maks 15 menit", 15, "minute", "working"),
        ("max. 2 jam", 2, "hour", "working"),
        ("selambat-lambatnya 7 hari kerja", 7, "working_day", "working"),
        ("\u2264 15 menit", 15, "minute", "working"),
        ("<= 2 jam", 2, "hour", "working"),
        ("tidak lebih dari 2 jam", 2, "hour", "working"),
        ("dalam waktu paling lama 30 (tiga puluh) hari kerja", 30, "working_day", "working"),
        ("14 (empat belas) hari kerja", 14, "working_day", "working"),
        ("3 (tiga) hari", 3, "day", "working"),
        ("60 (enam puluh) menit", 60, "minute", "working"),
        ("7 (tujuh) hari kalender", 7, "calendar_day", "calendar"),
        ("120 (seratus dua puluh) menit", 120, "minute", "working"),
        ("tiga hari", 3, "day", "working"),
        ("Dua Puluh Satu hari kerja", 21, "working_day", "working"),
        ("sebelas jam", 11, "hour", "working"),
        ("sehari", 1, "day", "working"),
        ("sebulan", 1, "month", "calendar"),
        ("seminggu", 1, "week", "working"),
        ("setengah jam", 0.5, "hour", "working"),
        ("satu setengah jam", 1.5, "hour", "working"),
        ("half an hour", 0.5, "hour", "working"),
        ("one and a half hours", 1.5, "hour", "working"),
        ("30'", 30, "minute", "working"),
        ("30\u2019", 30, "minute", "working"),
        ("30 mnt", 30, "minute", "working"),
        ("1 jam 30'", 90, "mixed", "working"),
        ("\u00bd jam", 0.5, "hour", "working"),
        ("1\u00bd jam", 1.5, "hour", "working"),
        ("1/2 jam", 0.5, "hour", "working"),
        ("1 1/2 jam", 1.5, "hour", "working"),
        ("1,5 jam", 1.5, "hour", "working"),
        ("3 jam kerja", 3, "hour", "working"),
        ("2 hr", 2, "day", "working"),
        ("1 s.d. 3 hari kerja", 3, "working_day", "working"),
        ("1 sampai dengan 2 jam", 2, "hour", "working"),
        ("antara 1 dan 2 hari", 2, "day", "working"),
        ("1 hari - 2 hari", 2, "day", "working"),
        ("dua sampai tiga hari", 3, "day", "working"),
        ("dua-tiga hari", 3, "day", "working"),
        ("1-2 bulan", 2, "month", "calendar"),
        ("15 menit/berkas", 15, "minute", "working"),
        ("15 menit per berkas", 15, "minute", "working"),
        ("14 hari kerja sejak berkas diterima lengkap", 14, "working_day", "working"),
        ("2 jam.", 2, "hour", "working"),
        ("30 menit - 1 jam", 1, "hour", "working"),
        ("30 menit s.d. 1 jam", 1, "hour", "working"),
    ],
)
def test_real_sop_forms(text: str, amount: float, unit: str, kind: str) -> None:
    duration = parse_duration(text)
    assert (duration.amount, duration.unit, duration.kind) == (amount, unit, kind)
    assert duration.text == text.strip()


def test_a_range_across_units_must_still_go_upwards() -> None:
    with pytest.raises(DurationError, match="terbalik"):
        parse_duration("2 jam - 30 menit")


def test_a_number_and_its_words_must_agree() -> None:
    with pytest.raises(DurationError, match="berbeda") as info:
        parse_duration("14 (lima belas) hari kerja")
    assert info.value.text == "14 (lima belas) hari kerja"


def test_working_days_do_not_mix_with_calendar_or_clock_time() -> None:
    for text in ("1 bulan 2 hari kerja", "1 x 24 jam 2 hari kalender"):
        with pytest.raises(DurationError):
            parse_duration(text)


def test_canonical_texts_of_the_new_units() -> None:
    assert str(parse_duration("2X24 Jam")) == "2 x 24 jam"
    assert str(parse_duration("paling lama 14 (empat belas) hari kalender")) == "14 hari kalender"
    assert str(parse_duration("sebulan")) == "1 bulan"
    assert str(parse_duration("\u00bd jam")) == "0,5 jam"


def test_calendar_and_clock_time_are_never_office_minutes() -> None:
    for text in ("14 hari kalender", "1 x 24 jam", "1 bulan"):
        with pytest.raises(DurationError, match="kalender"):
            parse_duration(text).as_working_minutes(_Day())


def test_end_after_counts_on_the_calendar_and_the_clock() -> None:
    from datetime import datetime, timezone

    start = datetime(2026, 1, 31, 10, tzinfo=timezone.utc)
    assert parse_duration("1 bulan").end_after(start) == datetime(2026, 2, 28, 10, tzinfo=timezone.utc)
    assert parse_duration("1 tahun").end_after(start) == datetime(2027, 1, 31, 10, tzinfo=timezone.utc)
    assert parse_duration("14 hari kalender").end_after(start) == datetime(2026, 2, 14, 10, tzinfo=timezone.utc)
    assert parse_duration("2 x 24 jam").end_after(start) == datetime(2026, 2, 2, 10, tzinfo=timezone.utc)
    assert parse_duration("1 bulan 2 hari").end_after(start) == datetime(2026, 3, 2, 10, tzinfo=timezone.utc)
    with pytest.raises(DurationError):
        parse_duration("2 jam").end_after(start)


@pytest.mark.parametrize(("text", "expected", "unit"), [
    ("± 2 hari kerja", 2, "working_day"),
    ("±2 jam", 2, "hour"),
    ("+/- 2 jam", 2, "hour"),
    ("kurang lebih 3 hari", 3, "day"),
    ("Kurang lebih 14 (empat belas) hari kerja", 14, "working_day"),
    ("lebih kurang 2 hari", 2, "day"),
    ("kira-kira 1 jam", 1, "hour"),
    ("kira kira 1,5 jam", 1.5, "hour"),
    ("sekitar 30 menit", 30, "minute"),
    ("sekitar dua jam", 2, "hour"),
    ("sekitar 1-2 hari", 2, "day"),
    ("about 2 hours", 2, "hour"),
])
def test_an_approximation_counts_as_the_stated_figure_and_keeps_its_text(text: str, expected: float,
                                                                           unit: str) -> None:
    duration = parse_duration(text)
    assert (duration.amount, duration.unit) == (expected, unit)
    assert duration.text == text  # the print and the forms show the approximation as written
    assert duration.as_working_minutes(_Day()) == parse_duration(str(duration)).as_working_minutes(_Day())


def test_an_sop_with_approximate_waktu_validates_and_prints_the_text_as_written() -> None:
    from dataclasses import replace

    from engine.formats.files import load_file
    from engine.render import render
    from engine.sop.validate import validate
    from tests.conftest import DATA

    sop = load_file(DATA / "surat_kecil.yaml").sop
    steps = [replace(step, duration="± 2 hari kerja") if step.id == "disposisi" else step for step in sop.steps]
    approximate = replace(sop, steps=steps)
    assert not [problem for problem in validate(approximate) if problem.severity == "error"]
    assert ">± 2 hari<" in render(approximate, fmt="svg").decode("utf-8")  # wrapped in its column: "kerja" below
