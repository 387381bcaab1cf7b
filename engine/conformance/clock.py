"""Working time read off a running clock, for checking many events fast.

:meth:`WorkingClock.minutes` gives the working minutes elapsed between a reference day and an
instant; the working time between two instants is then one subtraction. Each day's office hours
(from :meth:`WorkCalendar.working_intervals <engine.worktime.WorkCalendar.working_intervals>`) and
the working minutes before it are computed once, so a log of a million events costs one lookup
per event instead of a walk over the days between each pair. The result agrees with
:meth:`WorkCalendar.working_minutes_between <engine.worktime.WorkCalendar.working_minutes_between>`.
"""

from __future__ import annotations

from datetime import date, datetime, timedelta

from ..worktime import WorkCalendar

_ONE_DAY = timedelta(days=1)
#: Furthest day from the first one seen that the clock keeps; beyond it the calendar is asked.
_MAX_SPAN_DAYS = 366 * 30

_Day = tuple[float, tuple[tuple[float, float], ...]]


class WorkingClock:
    """Working minutes since a reference day, per instant, for one :class:`WorkCalendar`."""

    def __init__(self, calendar: WorkCalendar) -> None:
        self.calendar = calendar
        self._zone = calendar.tz
        #: Per day: working minutes before the day (relative to the first day seen) and the day's
        #: office hours as POSIX timestamps.
        self._days: dict[date, _Day] = {}
        self._origin: date | None = None
        #: The last instant read and its reading: consecutive steps share an instant.
        self._last: tuple[datetime | None, float | None] = (None, None)

    def between(self, start: datetime, end: datetime) -> float:
        """Working minutes from ``start`` to ``end`` (aware datetimes; negative when reversed)."""
        last, reading = self._last
        first = reading if start is last else self._reading(start)
        second = self._reading(end)
        self._last = (end, second)
        if first is None or second is None:
            return self.calendar.working_minutes_between(start, end)
        return second - first

    def _reading(self, moment: datetime) -> float | None:
        """Working minutes from the reference day to ``moment``; None when too far from it."""
        entry = self._day(moment.astimezone(self._zone).date())
        if entry is None:
            return None
        before, hours = entry
        stamp = moment.timestamp()
        seconds = 0.0
        for opening, closing in hours:
            if stamp >= closing:
                seconds += closing - opening
            elif stamp > opening:
                seconds += stamp - opening
        return before + seconds / 60

    def _hours(self, day: date) -> tuple[tuple[float, float], ...]:
        return tuple((opening.timestamp(), closing.timestamp())
                     for opening, closing in self.calendar.working_intervals(day))

    def _day(self, day: date) -> _Day | None:
        entry = self._days.get(day)
        if entry is not None:
            return entry
        if self._origin is None:
            self._origin = day
            entry = self._days[day] = (0.0, self._hours(day))
            return entry
        if abs((day - self._origin).days) > _MAX_SPAN_DAYS:
            return None
        step = _ONE_DAY if day > self._origin else -_ONE_DAY
        missing: list[date] = []
        cursor = day
        while cursor not in self._days:  # the known days are one run around the origin
            missing.append(cursor)
            cursor -= step
        for current in reversed(missing):
            hours = self._hours(current)
            if step > timedelta(0):
                before, previous = self._days[current - step]
                self._days[current] = (before + _total(previous), hours)
            else:
                after, _ = self._days[current - step]
                self._days[current] = (after - _total(hours), hours)
        return self._days[day]


def _total(hours: tuple[tuple[float, float], ...]) -> float:
    """Working minutes of a whole day."""
    return sum(closing - opening for opening, closing in hours) / 60
