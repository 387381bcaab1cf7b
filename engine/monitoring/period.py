"""The monitoring period: what a report covers when the reader names no dates."""

from __future__ import annotations

import datetime as dt

#: Monitoring is done every six months (PermenPANRB 35/2012): the default period.
DEFAULT_PERIOD = dt.timedelta(days=182)


def monitoring_period(today: dt.date, since: dt.date | None = None,
                      until: dt.date | None = None) -> tuple[dt.date, dt.date]:
    """``(start, end)`` of a monitoring report: the dates given, else the six months up to ``until`` or today."""
    end = until or today
    return since or end - DEFAULT_PERIOD, end
