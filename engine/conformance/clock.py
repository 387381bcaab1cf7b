"""Working time read off a running clock, for checking many events fast.

The clock lays the office hours of a run of days (from :meth:`WorkCalendar.working_intervals
<engine.sop.worktime.WorkCalendar.working_intervals>`) on one time line: the openings and closings as
POSIX timestamps, each with the working seconds before it. Reading an instant is one binary search;
the working time between two instants is the difference of two readings. Days are added as events
need them. The result agrees with :meth:`WorkCalendar.working_minutes_between
<engine.sop.worktime.WorkCalendar.working_minutes_between>`.
"""

from __future__ import annotations

from bisect import bisect_right
from datetime import date, datetime, time, timedelta

from engine.sop.worktime import WorkCalendar

_ONE_DAY = timedelta(days=1)
#: Most days the clock lays out; an instant further away is left to the calendar.
_MAX_DAYS = 366 * 30


class WorkingClock:
    """Working minutes between instants, for one :class:`WorkCalendar`."""

    def __init__(self, calendar: WorkCalendar) -> None:
        self.calendar = calendar
        self._zone = calendar.tz
        #: Openings and closings in turn (POSIX seconds) and the working seconds before each.
        self._points: list[float] = []
        self._before: list[float] = []
        self._first: date | None = None
        self._last: date | None = None
        #: The span laid out: local midnight of the first day to local midnight after the last.
        self._start = float("inf")
        self._end = float("-inf")

    def between(self, start: datetime, end: datetime) -> float:
        """Working minutes from ``start`` to ``end`` (aware datetimes; negative when reversed)."""
        first, second = self._reading(start), self._reading(end)
        if first is None or second is None:
            return self.calendar.working_minutes_between(start, end)
        return (second - first) / 60

    def _reading(self, moment: datetime) -> float | None:
        """Working seconds from the first day laid out to ``moment``; None when too far away."""
        stamp = moment.timestamp()
        if not self._start <= stamp < self._end and not self._cover(moment.astimezone(self._zone).date()):
            return None
        index = bisect_right(self._points, stamp) - 1
        if index < 0:
            return 0.0
        if index % 2 == 0:  # after an opening: inside office hours
            return self._before[index] + stamp - self._points[index]
        return self._before[index]

    def _midnight(self, day: date) -> float:
        return datetime.combine(day, time(0), tzinfo=self._zone).timestamp()

    def _cover(self, day: date) -> bool:
        """Lay out the days up to ``day``; False when that would exceed :data:`_MAX_DAYS`."""
        first, last = self._first or day, self._last or day
        first, last = min(first, day), max(last, day)
        if (last - first).days > _MAX_DAYS:
            return False
        if self._first is None or first < self._first:  # a new start: lay out everything again
            self._points, self._before, self._last = [], [], None
            self._lay(first, last)
        else:
            assert self._last is not None
            self._lay(self._last + _ONE_DAY, last)
        self._first, self._last = first, last
        self._start, self._end = self._midnight(first), self._midnight(last + _ONE_DAY)
        return True

    def _lay(self, first: date, last: date) -> None:
        worked = self._before[-1] if self._before else 0.0
        day = first
        while day <= last:
            for opening, closing in self.calendar.working_intervals(day):
                start, end = opening.timestamp(), closing.timestamp()
                self._points += (start, end)
                self._before += (worked, worked + end - start)
                worked += end - start
            day += _ONE_DAY
