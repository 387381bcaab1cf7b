"""Working time: office hours, Indonesian public holidays and local days off.

A :class:`WorkCalendar` answers how much working time lies between two instants and when a
mutu baku WAKTU that starts now falls due. Instants are aware datetimes in any zone (UTC is
fine); the calendar works in its own zone (default ``Asia/Jakarta``) and returns datetimes in
that zone. Internally every interval is kept in UTC so that arithmetic stays exact in zones with
daylight saving time too.
"""

from __future__ import annotations

import math
from collections.abc import Iterable, Mapping
from datetime import date, datetime, time, timedelta, timezone
from types import MappingProxyType
from zoneinfo import ZoneInfo, ZoneInfoNotFoundError

import holidays as _holidays

from engine.sop.durations import Duration, Kind, parse_duration
from engine.errors import AlurError, InputError

#: Indonesian names of the weekdays, Monday first (for messages).
WEEKDAY_NAMES: tuple[str, ...] = ("Senin", "Selasa", "Rabu", "Kamis", "Jumat", "Sabtu", "Minggu")

#: Indonesian government office hours: Monday to Thursday 07:30-12:00 and 13:00-16:00, Friday
#: 07:30-11:30 and 13:30-16:30 (the break covers the Friday prayer); Saturday and Sunday closed.
DEFAULT_OFFICE_HOURS: Mapping[int, tuple[tuple[time, time], ...]] = MappingProxyType({
    **{weekday: ((time(7, 30), time(12, 0)), (time(13, 0), time(16, 0))) for weekday in range(4)},
    4: ((time(7, 30), time(11, 30)), (time(13, 30), time(16, 30))),
})

_UTC = timezone.utc
_ONE_DAY = timedelta(days=1)
_MINUTE = timedelta(minutes=1)
_ZERO = timedelta(0)
#: How far :meth:`WorkCalendar.add_working_minutes` looks ahead before giving up (100 years).
_MAX_SEARCH_DAYS = 366 * 100
#: The largest amount :meth:`WorkCalendar.add_working_minutes` accepts (about 1900 years).
_MAX_MINUTES = 1e9

_Interval = tuple[datetime, datetime]
_OfficeHours = Mapping[int, Iterable[tuple[time | str, time | str]]]


def _read_time(value: time | str, weekday: int) -> time:
    """A ``time`` from a ``time`` or an ``"HH:MM"`` text.

    :raises InputError: for anything else or a time with a zone.
    """
    if isinstance(value, str):
        try:
            value = time.fromisoformat(value.strip())
        except ValueError as exc:
            raise InputError.from_code("worktime_hours_unreadable", day=WEEKDAY_NAMES[weekday], value=value) from exc
    if not isinstance(value, time):
        raise InputError.from_code("worktime_hours_not_a_time", day=WEEKDAY_NAMES[weekday], value=f"{value!r}")
    if value.tzinfo is not None:
        raise InputError.from_code("worktime_hours_with_zone", day=WEEKDAY_NAMES[weekday])
    return value


def _read_office_hours(office_hours: _OfficeHours) -> dict[int, tuple[tuple[time, time], ...]]:
    """Check and normalise office hours: sorted, non-overlapping ``(start, end)`` per weekday.

    :raises InputError: for a bad weekday, a bad time, an empty or overlapping interval, or
        when no weekday has any hours.
    """
    result: dict[int, tuple[tuple[time, time], ...]] = {}
    for weekday, intervals in office_hours.items():
        if isinstance(weekday, bool) or not isinstance(weekday, int) or not 0 <= weekday <= 6:
            raise InputError.from_code("worktime_bad_weekday", weekday=f"{weekday!r}")
        read: list[tuple[time, time]] = []
        for interval in intervals:
            try:
                start, end = interval
            except (TypeError, ValueError) as exc:
                raise InputError.from_code("worktime_hours_not_a_pair", day=WEEKDAY_NAMES[weekday],
                                           interval=f"{interval!r}") from exc
            start, end = _read_time(start, weekday), _read_time(end, weekday)
            if start >= end:
                raise InputError.from_code("worktime_hours_reversed", day=WEEKDAY_NAMES[weekday],
                                           start=f"{start:%H:%M}", end=f"{end:%H:%M}")
            read.append((start, end))
        read.sort()
        for (_, first_end), (second_start, _) in zip(read, read[1:]):
            if second_start < first_end:
                raise InputError.from_code("worktime_hours_overlap", day=WEEKDAY_NAMES[weekday],
                                           start=f"{second_start:%H:%M}")
        if read:
            result[weekday] = tuple(read)
    if not result:
        raise InputError.from_code("worktime_hours_empty")
    return result


def _read_dates(values: Iterable[date | str], what: str) -> frozenset[date]:
    """Dates from ``date``/``datetime`` objects or ISO texts ("2026-08-18").

    :param what: ``"days_off"`` or ``"working_days"``, the list the dates are for (names the error).

    :raises InputError: for anything else.
    """
    result: set[date] = set()
    for value in values:
        if isinstance(value, datetime):
            result.add(value.date())
        elif isinstance(value, date):
            result.add(value)
        elif isinstance(value, str):
            try:
                result.add(date.fromisoformat(value.strip()))
            except ValueError as exc:
                raise InputError.from_code("worktime_unreadable_day_off" if what == "days_off"
                                           else "worktime_unreadable_working_day", value=value) from exc
        else:
            raise InputError.from_code("worktime_bad_day_off" if what == "days_off" else "worktime_bad_working_day",
                                       value=f"{value!r}")
    return frozenset(result)


def _minutes(span: timedelta) -> float:
    """``span`` in minutes."""
    return span / _MINUTE


class WorkCalendar:
    """Office hours, Indonesian public holidays and local days off in one time zone.

    :param tz: IANA zone name, e.g. "Asia/Jakarta" (WIB), "Asia/Makassar" (WITA),
        "Asia/Jayapura" (WIT).
    :param office_hours: weekday (0 = Monday ... 6 = Sunday) -> ``(start, end)`` intervals, as
        ``time`` objects or "HH:MM" texts; a weekday that is missing or empty is closed.
        Default :data:`DEFAULT_OFFICE_HOURS`.
    :param country_holidays: take Indonesian public holidays from the ``holidays`` package
        (computed per year when first needed, then cached).
    :param extra_days_off: further days off: cuti bersama, local holidays.
    :param extra_working_days: days that are working days even on a weekend or holiday; a day
        whose weekday has no office hours uses the hours of the standard day.
    :param cuti_bersama: also take the national cuti bersama (joint leave days of ASN) from the
        ``holidays`` package (its "government" category); off by default.
    :raises InputError: for an unknown zone, bad office hours, or a date that is both a day off
        and a working day.
    """

    def __init__(
        self,
        tz: str = "Asia/Jakarta",
        office_hours: _OfficeHours | None = None,
        country_holidays: bool = True,
        extra_days_off: Iterable[date | str] = (),
        extra_working_days: Iterable[date | str] = (),
        cuti_bersama: bool = False,
    ) -> None:
        try:
            self._zone = ZoneInfo(tz)
        except (ZoneInfoNotFoundError, ValueError, TypeError) as exc:
            raise InputError.from_code("worktime_unknown_zone", zone=tz) from exc
        self._tz_name = tz
        self._office_hours = _read_office_hours(
            DEFAULT_OFFICE_HOURS if office_hours is None else office_hours)
        self._standard_weekday = 0 if 0 in self._office_hours else min(self._office_hours)
        reference = date(2001, 1, 1) + timedelta(days=self._standard_weekday)  # 2001-01-01 is a Monday
        self._minutes_per_day = float(sum(
            _minutes(datetime.combine(reference, end) - datetime.combine(reference, start))
            for start, end in self._office_hours[self._standard_weekday]))
        self._country_holidays = bool(country_holidays)
        self._cuti_bersama = bool(cuti_bersama)
        if self._cuti_bersama and "government" not in _holidays.country_holidays("ID").supported_categories:
            raise InputError.from_code("worktime_no_joint_leave")
        self._extra_days_off = _read_dates(extra_days_off, "days_off")
        self._extra_working_days = _read_dates(extra_working_days, "working_days")
        both = sorted(self._extra_days_off & self._extra_working_days)
        if both:
            raise InputError.from_code("worktime_day_off_and_working", dates=", ".join(d.isoformat() for d in both))
        self._holiday_cache: dict[int, Mapping[date, str]] = {}
        self._interval_cache: dict[date, tuple[_Interval, ...]] = {}
        self._total_cache: dict[date, timedelta] = {}

    def __repr__(self) -> str:
        return (f"WorkCalendar(tz={self._tz_name!r}, country_holidays={self._country_holidays}, "
                f"cuti_bersama={self._cuti_bersama}, extra_days_off={len(self._extra_days_off)}, "
                f"extra_working_days={len(self._extra_working_days)})")

    @property
    def tz(self) -> ZoneInfo:
        """The calendar's zone."""
        return self._zone

    @property
    def working_minutes_per_day(self) -> float:
        """Working minutes of a standard day: Monday, or the first weekday with office hours.

        With the default hours this is 450 (07:30-12:00 and 13:00-16:00).
        """
        return self._minutes_per_day

    def holiday_name(self, day: date) -> str | None:
        """The name of the national holiday (or cuti bersama) on ``day``, in Bahasa Indonesia.

        :param day: a date.
        :return: e.g. "Hari Kemerdekaan Republik Indonesia", or ``None`` when ``day`` is no
            national holiday (or country holidays are off).
        """
        if not self._country_holidays:
            return None
        return self._holidays(day.year).get(day)

    def is_working_day(self, day: date) -> bool:
        """Whether ``day`` has office hours.

        :param day: a date in the calendar's zone.
        :return: False on closed weekdays, national holidays and extra days off; True on extra
            working days.
        """
        if isinstance(day, datetime):
            day = day.date()
        if day in self._extra_working_days:
            return True
        if day in self._extra_days_off or self.holiday_name(day) is not None:
            return False
        return day.weekday() in self._office_hours

    def working_intervals(self, day: date) -> list[tuple[datetime, datetime]]:
        """The office hours of ``day`` as aware datetimes in the calendar's zone.

        :param day: a date in the calendar's zone.
        :return: ``(start, end)`` pairs in order; empty on a day off.
        """
        if isinstance(day, datetime):
            day = day.date()
        return [(start.astimezone(self._zone), end.astimezone(self._zone))
                for start, end in self._utc_intervals(day)]

    def working_minutes_between(self, start: datetime, end: datetime) -> float:
        """The working time that elapses between two instants.

        :param start: an aware datetime, in any zone.
        :param end: an aware datetime, in any zone.
        :return: working minutes; negative when ``end`` is before ``start``.
        :raises AlurError: when either datetime is naive.
        """
        start_utc = self._to_utc(start, "start")
        end_utc = self._to_utc(end, "end")
        if end_utc < start_utc:
            return -_minutes(self._between(end_utc, start_utc))
        return _minutes(self._between(start_utc, end_utc))

    def add_working_minutes(self, start: datetime, minutes: float) -> datetime:
        """The instant at which ``minutes`` of working time after ``start`` have elapsed.

        Outside office hours the clock starts at the next opening, so zero minutes give the next
        opening (or ``start`` itself during office hours).

        :param start: an aware datetime, in any zone.
        :param minutes: working minutes, zero or more.
        :return: an aware datetime in the calendar's zone.
        :raises AlurError: when ``start`` is naive, ``minutes`` is negative or not a finite
            number, or no such instant lies within a hundred years.
        """
        cursor = self._to_utc(start, "start")
        if isinstance(minutes, bool) or not isinstance(minutes, (int, float)) or not math.isfinite(minutes):
            raise AlurError.from_code("worktime_minutes_not_a_number", minutes=f"{minutes!r}")
        if minutes < 0:
            raise AlurError.from_code("worktime_minutes_negative", minutes=minutes)
        if minutes > _MAX_MINUTES:
            raise AlurError.from_code("worktime_minutes_too_large", minutes=minutes)
        remaining = timedelta(minutes=minutes)
        day = self._local_date(cursor)
        first = True
        for _ in range(_MAX_SEARCH_DAYS):
            intervals = self._utc_intervals(day)
            if not first and intervals and remaining > self._day_total(day):
                remaining -= self._day_total(day)
            else:
                for opening, closing in intervals:
                    if closing <= cursor:
                        continue
                    begin = max(opening, cursor)
                    available = closing - begin
                    if remaining <= available:
                        return (begin + remaining).astimezone(self._zone)
                    remaining -= available
            first = False
            day += _ONE_DAY
        raise AlurError.from_code("worktime_no_hours_ahead")

    def due(self, start: datetime, duration: Duration | str) -> datetime:
        """When a step that starts at ``start`` falls due under its mutu baku WAKTU.

        The step's own kind decides: minutes and hours add working minutes; "hari", "hari kerja"
        and "minggu" add that many standard working days' worth of working minutes, so "1 hari
        kerja" from Monday 10:00 is Tuesday 10:00; "14 hari kalender", "1 bulan" move the date on
        the calendar and "1 x 24 jam" adds 24 hours on the clock, days off included.

        :param start: an aware datetime, in any zone.
        :param duration: a :class:`~engine.sop.durations.Duration` or a WAKTU text.
        :return: an aware datetime in the calendar's zone.
        :raises DurationError: when ``duration`` is a text that does not parse.
        :raises AlurError: when ``start`` is naive.
        """
        if isinstance(duration, str):
            duration = parse_duration(duration)
        if duration.kind != "working":
            return duration.end_after(self._to_utc(start, "start").astimezone(self._zone))
        return self.add_working_minutes(start, duration.as_working_minutes(self))

    def elapsed_minutes(self, start: datetime, end: datetime, kind: Kind = "working") -> float:
        """The time between two instants as a step of ``kind`` counts it.

        :param kind: ``"working"`` counts working minutes (:meth:`working_minutes_between`);
            ``"calendar"`` and ``"clock"`` count minutes on the clock, nights and days off included.
        :return: minutes; negative when ``end`` is before ``start``.
        """
        if kind == "working":
            return self.working_minutes_between(start, end)
        return _minutes(self._to_utc(end, "end") - self._to_utc(start, "start"))

    def standard_minutes(self, duration: Duration | str, start: datetime | None = None) -> float:
        """The WAKTU in minutes of its own kind (see :meth:`elapsed_minutes`).

        Working time needs no ``start``; a duration on the calendar ("1 bulan") is measured from
        ``start`` (default: now), a "x 24 jam" is 1440 minutes per 24 hours.
        """
        if isinstance(duration, str):
            duration = parse_duration(duration)
        if duration.kind == "working":
            return duration.as_working_minutes(self)
        begin = self._to_utc(start, "start") if start is not None else datetime.now(_UTC)
        return _minutes(duration.end_after(begin) - begin)

    def within_standard(self, duration: Duration | str, start: datetime, end: datetime) -> bool:
        """Whether a step that ran from ``start`` to ``end`` kept its WAKTU, counted in its own kind."""
        if isinstance(duration, str):
            duration = parse_duration(duration)
        return (self.elapsed_minutes(start, end, duration.kind)
                <= self.standard_minutes(duration, start) + 1e-9)

    # -- internals -----------------------------------------------------------------------------

    def _holidays(self, year: int) -> Mapping[date, str]:
        """National holidays of ``year`` (with cuti bersama when asked), computed once."""
        cached = self._holiday_cache.get(year)
        if cached is None:
            categories = ("public", "government") if self._cuti_bersama else ("public",)
            found = _holidays.country_holidays("ID", years=year, language="id", categories=categories)
            cached = MappingProxyType({day: name for day, name in found.items() if day.year == year})
            self._holiday_cache[year] = cached
        return cached

    def _to_utc(self, moment: datetime, what: str) -> datetime:
        """``moment`` in UTC; ``what`` is ``"start"`` or ``"end"`` (names the error).

        :raises AlurError: when ``moment`` is not a datetime or is naive.
        """
        if not isinstance(moment, datetime):
            raise AlurError.from_code("worktime_start_not_datetime" if what == "start" else "worktime_end_not_datetime",
                                      kind=type(moment).__name__)
        if moment.tzinfo is None or moment.tzinfo.utcoffset(moment) is None:
            raise AlurError.from_code("worktime_start_naive" if what == "start" else "worktime_end_naive",
                                      moment=moment.isoformat())
        return moment.astimezone(_UTC)

    def _local_date(self, moment_utc: datetime) -> date:
        """The calendar date of ``moment_utc`` in the calendar's zone."""
        return moment_utc.astimezone(self._zone).date()

    def _utc_intervals(self, day: date) -> tuple[_Interval, ...]:
        """The office hours of ``day`` in UTC, cached."""
        cached = self._interval_cache.get(day)
        if cached is None:
            if not self.is_working_day(day):
                hours: tuple[tuple[time, time], ...] = ()
            else:
                hours = self._office_hours.get(day.weekday()) or self._office_hours[self._standard_weekday]
            cached = tuple(
                (datetime.combine(day, start, tzinfo=self._zone).astimezone(_UTC),
                 datetime.combine(day, end, tzinfo=self._zone).astimezone(_UTC))
                for start, end in hours
            )
            self._interval_cache[day] = cached
        return cached

    def _day_total(self, day: date) -> timedelta:
        """The working time of the whole of ``day``, cached."""
        cached = self._total_cache.get(day)
        if cached is None:
            cached = sum((end - start for start, end in self._utc_intervals(day)), _ZERO)
            self._total_cache[day] = cached
        return cached

    def _overlap(self, day: date, start: datetime | None, end: datetime | None) -> timedelta:
        """The working time of ``day`` between ``start`` and ``end`` (UTC; ``None`` is open)."""
        total = _ZERO
        for opening, closing in self._utc_intervals(day):
            begin = opening if start is None or start < opening else start
            finish = closing if end is None or end > closing else end
            if finish > begin:
                total += finish - begin
        return total

    def _between(self, start: datetime, end: datetime) -> timedelta:
        """The working time between ``start`` and ``end`` (UTC, ``start <= end``)."""
        first, last = self._local_date(start), self._local_date(end)
        if first == last:
            return self._overlap(first, start, end)
        total = self._overlap(first, start, None) + self._overlap(last, None, end)
        day = first + _ONE_DAY
        while day < last:
            total += self._day_total(day)
            day += _ONE_DAY
        return total

