from __future__ import annotations

import time as clock
from datetime import date, datetime, time, timedelta, timezone
from zoneinfo import ZoneInfo

import holidays
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

import engine.sop.worktime as worktime
from engine.sop.durations import parse_duration
from engine.errors import AlurError, DurationError, InputError
from engine.sop.worktime import DEFAULT_OFFICE_HOURS, WorkCalendar

WIB = ZoneInfo("Asia/Jakarta")
UTC = timezone.utc
ID_2026 = holidays.country_holidays("ID", years=2026)
INDEPENDENCE_DAY = date(2026, 8, 17)


def wib(year: int, month: int, day: int, hour: int = 0, minute: int = 0) -> datetime:
    return datetime(year, month, day, hour, minute, tzinfo=WIB)


@pytest.fixture(scope="module")
def calendar() -> WorkCalendar:
    return WorkCalendar()


def test_independence_day_is_a_monday_holiday_in_the_library() -> None:
    assert INDEPENDENCE_DAY in ID_2026
    assert INDEPENDENCE_DAY.weekday() == 0
    # The days around it used below are ordinary working days.
    for day in (date(2026, 8, 13), date(2026, 8, 14), date(2026, 8, 18), date(2026, 8, 19)):
        assert day not in ID_2026


def test_default_office_hours(calendar: WorkCalendar) -> None:
    assert calendar.working_minutes_per_day == 450
    monday = date(2026, 8, 10)
    assert calendar.working_intervals(monday) == [
        (wib(2026, 8, 10, 7, 30), wib(2026, 8, 10, 12)),
        (wib(2026, 8, 10, 13), wib(2026, 8, 10, 16)),
    ]
    friday = date(2026, 8, 14)
    assert calendar.working_intervals(friday) == [
        (wib(2026, 8, 14, 7, 30), wib(2026, 8, 14, 11, 30)),
        (wib(2026, 8, 14, 13, 30), wib(2026, 8, 14, 16, 30)),
    ]
    for start, end in calendar.working_intervals(friday):
        assert start.tzinfo == WIB and end.tzinfo == WIB
    assert calendar.is_working_day(monday)
    assert calendar.is_working_day(friday)
    assert not calendar.is_working_day(date(2026, 8, 15))
    assert not calendar.is_working_day(date(2026, 8, 16))
    assert calendar.working_intervals(date(2026, 8, 15)) == []
    assert set(DEFAULT_OFFICE_HOURS) == {0, 1, 2, 3, 4}


def test_every_library_holiday_is_a_day_off(calendar: WorkCalendar) -> None:
    assert not calendar.is_working_day(INDEPENDENCE_DAY)
    assert calendar.working_intervals(INDEPENDENCE_DAY) == []
    for day in ID_2026:
        assert not calendar.is_working_day(day), day
        assert calendar.holiday_name(day) is not None
    assert calendar.holiday_name(INDEPENDENCE_DAY) == holidays.country_holidays(
        "ID", years=2026, language="id")[INDEPENDENCE_DAY]
    assert calendar.holiday_name(date(2026, 8, 18)) is None


def test_without_country_holidays_the_holiday_is_working() -> None:
    plain = WorkCalendar(country_holidays=False)
    assert plain.is_working_day(INDEPENDENCE_DAY)
    assert plain.holiday_name(INDEPENDENCE_DAY) is None


def test_holidays_are_computed_lazily_per_year_and_cached(monkeypatch: pytest.MonkeyPatch) -> None:
    calls: list[object] = []
    real = holidays.country_holidays

    def counting(*args: object, **kwargs: object) -> object:
        calls.append(kwargs.get("years"))
        return real(*args, **kwargs)  # type: ignore[arg-type]

    monkeypatch.setattr(worktime._holidays, "country_holidays", counting)
    fresh = WorkCalendar()
    assert calls == []
    for day in range(1, 29):
        fresh.is_working_day(date(2026, 2, day))
    fresh.working_minutes_between(wib(2026, 1, 1), wib(2026, 12, 31))
    assert calls == [2026]
    fresh.is_working_day(date(2027, 1, 4))
    assert calls == [2026, 2027]


def test_lunch_break_is_excluded(calendar: WorkCalendar) -> None:
    assert calendar.working_minutes_between(wib(2026, 8, 10, 11), wib(2026, 8, 10, 14)) == 120
    # Friday: the break is 11:30-13:30.
    assert calendar.working_minutes_between(wib(2026, 8, 14, 11), wib(2026, 8, 14, 14)) == 60
    assert calendar.working_minutes_between(wib(2026, 8, 10, 12, 15), wib(2026, 8, 10, 12, 45)) == 0
    assert calendar.working_minutes_between(wib(2026, 8, 10), wib(2026, 8, 11)) == 450


def test_across_a_weekend(calendar: WorkCalendar) -> None:
    # Friday 15:30-16:30 is 60 minutes, Monday 07:30-08:30 another 60.
    assert calendar.working_minutes_between(wib(2026, 8, 7, 15, 30), wib(2026, 8, 10, 8, 30)) == 120
    assert calendar.add_working_minutes(wib(2026, 8, 7, 15, 30), 120) == wib(2026, 8, 10, 8, 30)
    assert calendar.add_working_minutes(wib(2026, 8, 7, 15, 30), 60) == wib(2026, 8, 7, 16, 30)


def test_across_a_public_holiday(calendar: WorkCalendar) -> None:
    start, end = wib(2026, 8, 14, 16), wib(2026, 8, 18, 8, 30)
    # 30 minutes on Friday, nothing on Monday 17 August, 60 on Tuesday.
    assert calendar.working_minutes_between(start, end) == 90
    assert WorkCalendar(country_holidays=False).working_minutes_between(start, end) == 90 + 450


def test_extra_local_day_off() -> None:
    local = WorkCalendar(extra_days_off=[date(2026, 8, 18)])
    assert not local.is_working_day(date(2026, 8, 18))
    assert local.working_minutes_between(wib(2026, 8, 14, 16), wib(2026, 8, 19, 8, 30)) == 90
    assert WorkCalendar().working_minutes_between(wib(2026, 8, 14, 16), wib(2026, 8, 19, 8, 30)) == 90 + 450
    assert WorkCalendar(extra_days_off=["2026-08-18"]).is_working_day(date(2026, 8, 18)) is False


def test_extra_working_day_on_a_saturday_and_a_holiday() -> None:
    saturday = date(2026, 8, 15)
    special = WorkCalendar(extra_working_days=[saturday, INDEPENDENCE_DAY])
    assert special.is_working_day(saturday)
    assert special.is_working_day(INDEPENDENCE_DAY)
    assert [(a.time(), b.time()) for a, b in special.working_intervals(saturday)] == [
        (time(7, 30), time(12)), (time(13), time(16))]
    assert special.working_minutes_between(wib(2026, 8, 14, 16), wib(2026, 8, 18, 7, 30)) == 30 + 450 + 450


def test_day_both_off_and_working_is_rejected() -> None:
    with pytest.raises(InputError, match="sekaligus"):
        WorkCalendar(extra_days_off=[date(2026, 8, 18)], extra_working_days=[date(2026, 8, 18)])


def test_cuti_bersama_option() -> None:
    government = holidays.country_holidays("ID", years=2026, categories=("government",))
    weekdays = sorted(day for day in government if day.weekday() < 5 and day not in ID_2026)
    assert weekdays, "the holidays package lists cuti bersama on weekdays in 2026"
    with_leave = WorkCalendar(cuti_bersama=True)
    without = WorkCalendar()
    for day in weekdays:
        assert not with_leave.is_working_day(day)
        assert without.is_working_day(day)
        assert "Cuti Bersama" in (with_leave.holiday_name(day) or "")


def test_start_outside_office_hours(calendar: WorkCalendar) -> None:
    assert calendar.working_minutes_between(wib(2026, 8, 10, 6), wib(2026, 8, 10, 8)) == 30
    assert calendar.working_minutes_between(wib(2026, 8, 10, 18), wib(2026, 8, 11, 7, 45)) == 15
    assert calendar.working_minutes_between(wib(2026, 8, 8, 10), wib(2026, 8, 10, 8)) == 30
    assert calendar.add_working_minutes(wib(2026, 8, 8, 10), 30) == wib(2026, 8, 10, 8)
    assert calendar.add_working_minutes(wib(2026, 8, 10, 6), 0) == wib(2026, 8, 10, 7, 30)
    assert calendar.add_working_minutes(wib(2026, 8, 10, 12, 15), 0) == wib(2026, 8, 10, 13)
    assert calendar.add_working_minutes(wib(2026, 8, 10, 12, 15), 10) == wib(2026, 8, 10, 13, 10)
    assert calendar.add_working_minutes(wib(2026, 8, 10, 9), 0) == wib(2026, 8, 10, 9)
    # Ending exactly at closing time stays at closing time.
    assert calendar.add_working_minutes(wib(2026, 8, 10, 11), 60) == wib(2026, 8, 10, 12)


def test_utc_inputs_and_zone_of_results(calendar: WorkCalendar) -> None:
    start = datetime(2026, 8, 10, 1, 0, tzinfo=UTC)  # 08:00 WIB
    end = datetime(2026, 8, 10, 3, 0, tzinfo=UTC)  # 10:00 WIB
    assert calendar.working_minutes_between(start, end) == 120
    due = calendar.add_working_minutes(start, 120)
    assert due == end
    assert due.tzinfo == WIB
    assert due.hour == 10
    makassar = datetime(2026, 8, 10, 9, 0, tzinfo=ZoneInfo("Asia/Makassar"))  # 08:00 WIB
    assert calendar.working_minutes_between(makassar, end) == 120
    # A calendar in WITA sees the same UTC instants at other office hours.
    wita = WorkCalendar(tz="Asia/Makassar")
    assert wita.working_minutes_between(start, end) == 120
    # 23:00 UTC is 07:00 WITA and 01:00 UTC is 09:00 WITA: 07:30-09:00 counts (in WIB it is 06:00-08:00).
    assert wita.working_minutes_between(datetime(2026, 8, 9, 23, 0, tzinfo=UTC), start) == 90
    assert calendar.working_minutes_between(datetime(2026, 8, 9, 23, 0, tzinfo=UTC), start) == 30
    assert wita.due(start, "1 jam").tzinfo == ZoneInfo("Asia/Makassar")


def test_naive_datetimes_are_rejected(calendar: WorkCalendar) -> None:
    naive = datetime(2026, 8, 10, 9)
    with pytest.raises(AlurError, match="zona waktu"):
        calendar.working_minutes_between(naive, wib(2026, 8, 10, 10))
    with pytest.raises(AlurError, match="zona waktu"):
        calendar.working_minutes_between(wib(2026, 8, 10, 10), naive)
    with pytest.raises(AlurError, match="zona waktu"):
        calendar.add_working_minutes(naive, 10)
    with pytest.raises(AlurError, match="zona waktu"):
        calendar.due(naive, "1 hari")


def test_bad_minutes_are_rejected(calendar: WorkCalendar) -> None:
    for minutes in (-1, float("nan"), float("inf"), 1e12):
        with pytest.raises(AlurError):
            calendar.add_working_minutes(wib(2026, 8, 10, 9), minutes)


def test_end_before_start_is_negative(calendar: WorkCalendar) -> None:
    assert calendar.working_minutes_between(wib(2026, 8, 10, 14), wib(2026, 8, 10, 11)) == -120


def test_whole_year_matches_a_day_by_day_count(calendar: WorkCalendar) -> None:
    expected = 0
    day = date(2026, 1, 1)
    while day.year == 2026:
        if day.weekday() < 4 and day not in ID_2026:
            expected += 450
        elif day.weekday() == 4 and day not in ID_2026:
            expected += 420
        day += timedelta(days=1)
    assert calendar.working_minutes_between(wib(2026, 1, 1), wib(2027, 1, 1)) == expected
    end = calendar.add_working_minutes(wib(2026, 1, 1), expected)
    assert end == wib(2026, 12, 31, 16)


def test_long_spans_are_fast(calendar: WorkCalendar) -> None:
    start = datetime(2026, 1, 5, 2, 17, tzinfo=UTC)
    end = start + timedelta(days=180, minutes=13)
    minutes = calendar.working_minutes_between(start, end)
    began = clock.perf_counter()
    for _ in range(200):
        calendar.working_minutes_between(start, end)
        calendar.add_working_minutes(start, minutes)
    per_call = (clock.perf_counter() - began) / 400
    assert per_call < 0.002


def test_due_minutes_and_hours(calendar: WorkCalendar) -> None:
    assert calendar.due(wib(2026, 8, 10, 11), parse_duration("2 jam")) == wib(2026, 8, 10, 14)
    assert calendar.due(wib(2026, 8, 14, 11, 20), "15 menit") == wib(2026, 8, 14, 13, 35)
    assert calendar.due(wib(2026, 8, 14, 16), "PT1H") == wib(2026, 8, 18, 8)


def test_due_days(calendar: WorkCalendar) -> None:
    assert calendar.due(wib(2026, 8, 10, 10), "1 hari kerja") == wib(2026, 8, 11, 10)
    assert calendar.due(wib(2026, 8, 10, 10), "1 hari") == wib(2026, 8, 11, 10)
    assert calendar.due(wib(2026, 8, 3, 10), "1 minggu") == calendar.add_working_minutes(
        wib(2026, 8, 3, 10), 5 * 450)


def test_due_three_working_days_over_a_holiday(calendar: WorkCalendar) -> None:
    start = wib(2026, 8, 13, 10)  # Thursday
    # Thursday 300 + Friday 420 + (Monday 17 August off) + Tuesday 450 = 1170; 180 more on Wednesday.
    assert calendar.due(start, "3 hari kerja") == wib(2026, 8, 19, 10, 30)
    assert WorkCalendar(country_holidays=False).due(start, "3 hari kerja") == wib(2026, 8, 18, 10, 30)
    assert calendar.working_minutes_between(start, calendar.due(start, "3 hari kerja")) == 1350


def test_due_rejects_bad_text(calendar: WorkCalendar) -> None:
    with pytest.raises(DurationError):
        calendar.due(wib(2026, 8, 10, 10), "sebentar")


def test_custom_office_hours_and_errors() -> None:
    custom = WorkCalendar(office_hours={0: [("08:00", "12:00")], 5: [(time(8), time(10))]},
                          country_holidays=False)
    assert custom.working_minutes_per_day == 240
    assert custom.is_working_day(date(2026, 8, 15))
    assert not custom.is_working_day(date(2026, 8, 11))
    assert custom.working_minutes_between(wib(2026, 8, 10), wib(2026, 8, 17)) == 360
    with pytest.raises(InputError, match="sebelum"):
        WorkCalendar(office_hours={0: [("12:00", "08:00")]})
    with pytest.raises(InputError, match="tumpang tindih"):
        WorkCalendar(office_hours={0: [("08:00", "12:00"), ("11:00", "13:00")]})
    with pytest.raises(InputError):
        WorkCalendar(office_hours={7: [("08:00", "12:00")]})
    with pytest.raises(InputError):
        WorkCalendar(office_hours={0: [("8 pagi", "12:00")]})
    with pytest.raises(InputError, match="kosong"):
        WorkCalendar(office_hours={})
    with pytest.raises(InputError, match="Zona waktu"):
        WorkCalendar(tz="Asia/Atlantis")


_INSTANTS = st.datetimes(
    min_value=datetime(2026, 1, 1), max_value=datetime(2026, 12, 31, 23, 59, 59),
    timezones=st.sampled_from([UTC, WIB, ZoneInfo("Asia/Jayapura")]),
)


@settings(database=None, max_examples=300, deadline=None)
@given(start=_INSTANTS, minutes=st.one_of(st.integers(min_value=0, max_value=30 * 450),
                                          st.floats(min_value=0, max_value=30 * 450)))
def test_add_is_inverse_of_between(calendar: WorkCalendar, start: datetime, minutes: float) -> None:
    due = calendar.add_working_minutes(start, minutes)
    assert due.tzinfo == WIB
    assert due >= start
    assert calendar.working_minutes_between(start, due) == pytest.approx(minutes, abs=1e-6)
    # The due instant lies inside (or at the end of) an office-hours interval.
    assert any(opening <= due <= closing for opening, closing in calendar.working_intervals(due.date()))
    # Nothing earlier would do: one minute less of working time ends earlier.
    if minutes >= 1:
        assert calendar.add_working_minutes(start, minutes - 1) < due


@settings(database=None, max_examples=200, deadline=None)
@given(first=_INSTANTS, second=_INSTANTS, third=_INSTANTS)
def test_between_is_additive(calendar: WorkCalendar, first: datetime, second: datetime, third: datetime) -> None:
    a, b, c = sorted((first, second, third))
    whole = calendar.working_minutes_between(a, c)
    assert whole == pytest.approx(calendar.working_minutes_between(a, b) + calendar.working_minutes_between(b, c))
    assert calendar.working_minutes_between(c, a) == pytest.approx(-whole)
    assert whole >= 0


def test_due_counts_each_kind_of_time_in_its_own_way(calendar: WorkCalendar) -> None:
    friday = wib(2026, 8, 14, 15)
    # 24 hours on the clock, the weekend and the 17 August holiday included
    assert calendar.due(friday, "1 x 24 jam") == wib(2026, 8, 15, 15)
    assert calendar.due(friday, "3 x 24 jam") == wib(2026, 8, 17, 15)
    # calendar days and months move the date at the same hour
    assert calendar.due(friday, "14 hari kalender") == wib(2026, 8, 28, 15)
    assert calendar.due(wib(2026, 1, 31, 9), "1 bulan") == wib(2026, 2, 28, 9)
    assert calendar.due(friday, "paling lama 14 (empat belas) hari kerja").weekday() < 5
    # working time is unchanged
    assert calendar.due(friday, "1 hari kerja") == calendar.add_working_minutes(friday, 450)


def test_elapsed_and_within_standard_use_the_step_kind(calendar: WorkCalendar) -> None:
    friday, monday = wib(2026, 8, 14, 15), wib(2026, 8, 18, 9)
    assert calendar.elapsed_minutes(friday, monday, "clock") == (3 * 24 + 18) * 60
    assert calendar.elapsed_minutes(friday, monday, "calendar") == (3 * 24 + 18) * 60
    assert calendar.elapsed_minutes(friday, monday) == calendar.working_minutes_between(friday, monday)
    # over the weekend little office time passes, but 1 x 24 jam is long gone
    assert calendar.within_standard("1 hari kerja", friday, monday)
    assert not calendar.within_standard("1 x 24 jam", friday, monday)
    assert calendar.within_standard("14 hari kalender", friday, monday)
    assert calendar.standard_minutes("1 x 24 jam") == 1440
    assert calendar.standard_minutes("14 hari kalender", friday) == 14 * 1440
    assert calendar.standard_minutes("2 jam") == 120
    assert calendar.standard_minutes("1 bulan", wib(2026, 2, 1, 9)) == 28 * 1440
