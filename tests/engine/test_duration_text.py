"""One formatter for working time: the same units, words and day length wherever it is shown."""

from __future__ import annotations

import pytest

from engine import working_time_text
from engine.conformance.deviations import Deviation, DeviationKind
from engine.monitoring.plots import StepFigure, step_chart
from engine.sop.duration_text import clock_time_text, unit_name, unit_of
from engine.sop.worktime import WorkCalendar

DAY = WorkCalendar(country_holidays=False).working_minutes_per_day


def test_the_day_is_the_calendars() -> None:
    assert DAY == 450  # 07:30-12:00 and 13:00-16:00
    half_days = WorkCalendar(office_hours={0: [("08:00", "12:00")]}, country_holidays=False)
    assert working_time_text(480, half_days.working_minutes_per_day) == "2 hari kerja"
    assert working_time_text(480, DAY) == "1,1 hari kerja"
    assert working_time_text(480, DAY, "id", "short") == "1 hk 30 mnt"
    assert working_time_text(480, half_days.working_minutes_per_day, "en", "short") == "2 wd"


@pytest.mark.parametrize(("minutes", "indonesian", "english"), [
    (37.5, "37,5 menit", "37.5 minutes"),
    (1, "1 menit", "1 minute"),
    (60, "1 jam", "1 hour"),
    (90, "1,5 jam", "1.5 hours"),
    (449, "7,5 jam", "7.5 hours"),
    (450, "1 hari kerja", "1 working day"),
    (1125, "2,5 hari kerja", "2.5 working days"),
])
def test_decimal_style(minutes: float, indonesian: str, english: str) -> None:
    assert working_time_text(minutes, DAY) == indonesian
    assert working_time_text(minutes, DAY, "en") == english


@pytest.mark.parametrize(("minutes", "indonesian", "english"), [
    (0.4, "< 1 menit", "< 1 min"),
    (5, "5 menit", "5 min"),
    (130, "2 jam 10 menit", "2 h 10 min"),
    (450 + 185, "1 hari kerja 3 jam", "1 working day 3 h"),  # minutes are dropped once days are shown
    (900, "2 hari kerja", "2 working days"),
])
def test_long_style(minutes: float, indonesian: str, english: str) -> None:
    assert working_time_text(minutes, DAY, "id", "long") == indonesian
    assert working_time_text(minutes, DAY, "en", "long") == english


@pytest.mark.parametrize(("minutes", "indonesian", "english"), [
    (0, "0 mnt", "0 min"),
    (45, "45 mnt", "45 min"),
    (130, "2 j 10 mnt", "2 h 10 min"),
    (3 * 450 + 120, "3 hk 2 j", "3 wd 2 h"),
    (450 + 5, "1 hk 5 mnt", "1 wd 5 min"),
])
def test_short_style(minutes: float, indonesian: str, english: str) -> None:
    assert working_time_text(minutes, DAY, "id", "short") == indonesian
    assert working_time_text(minutes, DAY, "en", "short") == english


def test_units_and_their_names() -> None:
    assert [unit_of(minutes, DAY) for minutes in (59, 60, 449, 450)] == ["minute", "hour", "hour", "day"]
    assert (unit_name("day"), unit_name("day", "en"), unit_name("hour", "en")) == ("hari kerja", "working days",
                                                                                  "hours")


def test_deviations_and_charts_say_time_as_the_formatter_does() -> None:
    over = Deviation(DeviationKind.OVER_TIME, "konsep", 8, "Konsep", event=7, minutes=480, standard="1 hari",
                     minutes_per_day=240)
    assert "2 hari kerja" in over.render("id") and "2 working days" in over.render("en")
    figure = StepFigure(1, "Konsep", 240.0, 480.0, 600.0, 3)
    assert "working days" in step_chart([figure], 240, "en").decode()
    assert "hari kerja" not in step_chart([figure], 240, "en").decode()


def test_clock_time_is_said_in_calendar_days_with_the_long_words() -> None:
    from engine.sop.duration_text import clock_time_text

    assert clock_time_text(3 * 24 * 60) == "3 hari" and clock_time_text(3 * 24 * 60, "en") == "3 days"
    assert clock_time_text(24 * 60 + 60, "en") == "1 day 1 h" and clock_time_text(24 * 60 + 61) == "1 hari 1 jam"
    assert clock_time_text(125) == "2 jam 5 menit" and clock_time_text(125, "en") == "2 h 5 min"
    assert clock_time_text(0.4) == "< 1 menit"
    # The same hours and minutes as the long style of working time.
    assert clock_time_text(125, "en") == working_time_text(125, DAY, "en", "long")


def test_a_step_is_said_in_the_kind_of_time_its_waktu_counts() -> None:
    from engine.sop.duration_text import kind_time_text

    assert kind_time_text(450, "working", 450, "id", "long") == working_time_text(450, 450, "id", "long")
    assert kind_time_text(20 * 60, "clock", 450, "id") == clock_time_text(20 * 60, "id")
    assert kind_time_text(3 * 24 * 60, "calendar", 450, "en") == clock_time_text(3 * 24 * 60, "en")
