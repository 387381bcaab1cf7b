"""The six-monthly monitoring schedule of PermenPANRB 35/2012, per SOP, and its reminders.

An SOP is monitored at least every six months. Its next monitoring is due six months after the
last one: the newest monitoring form saved (regular, not trial) or evaluation of it, else its
approval (the newest ``approve`` of the register, else the newest approved version published).
All days are in the deployment's zone (WIB by default).

:func:`queue_monitoring_reminders` writes reminders into the notify outbox (kind ``monitoring``)
for the pemantau of each SOP due within :data:`REMIND_BEFORE` days or overdue (who they are is
:func:`engine.access.policy.pemantau_of_sop`); ``alur worker`` ticks through
:class:`MonitoringReminders`, which queues them (hourly) before the runtime's tick sends them with the
other notifications. Like them it does nothing while no channel is configured, and one reminder per SOP,
due date, pemantau and channel is ever written (the outbox's ``dedupe_key``).
"""

from __future__ import annotations

import calendar as month_calendar
import datetime as dt
import json
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

from sqlalchemy import Connection, func, select

from engine.messages import message
from engine.store.models import (definitions, evaluations, lifecycle_events, monitoring_forms, users, versions)

if TYPE_CHECKING:
    from engine.notify.settings import NotifySettings
    from engine.runtime.facade import Runtime
    from engine.runtime.worker import TickReport

#: Months between two monitorings (PermenPANRB 35/2012).
INTERVAL_MONTHS = 6
#: Days before the due date the pemantau are reminded.
REMIND_BEFORE = 14
#: What the last monitoring date was taken from.
BASES = ("monitoring", "evaluasi", "pengesahan")


def add_months(day: dt.date, months: int) -> dt.date:
    """``day`` ``months`` later, on the month's last day when it is shorter (31 August + 6 = 28/29 February)."""
    index = day.month - 1 + months
    year, month = day.year + index // 12, index % 12 + 1
    return day.replace(year=year, month=month, day=min(day.day, month_calendar.monthrange(year, month)[1]))


@dataclass(frozen=True)
class MonitoringDue:
    """When an SOP's next monitoring is due."""

    key: str
    nama: str
    #: The day of the last monitoring (or approval) and what it was (:data:`BASES`); ``None`` when the
    #: SOP was never approved.
    last: dt.date | None
    basis: str
    #: Six months after :attr:`last`.
    due: dt.date | None
    #: Today in the deployment's zone, when the schedule was read.
    today: dt.date

    @property
    def days_left(self) -> int | None:
        """Days until the due date (negative: overdue)."""
        return None if self.due is None else (self.due - self.today).days

    @property
    def overdue(self) -> bool:
        return self.due is not None and self.due < self.today

    @property
    def remind(self) -> bool:
        """Due within :data:`REMIND_BEFORE` days, or overdue: the pemantau are reminded."""
        return self.days_left is not None and self.days_left <= REMIND_BEFORE


def _local(moment: dt.datetime | None, zone: dt.tzinfo) -> dt.date | None:
    return moment.astimezone(zone).date() if moment is not None else None


def due_of(connection: Connection, key: str, zone: dt.tzinfo, now: dt.datetime) -> MonitoringDue:
    """The monitoring schedule of SOP ``key``.

    :raises NotFoundError: no such SOP.
    """
    from engine.runtime.versions import definition_id

    found = definition_id(connection, key)
    nama = connection.execute(select(definitions.c.nama).where(definitions.c.id == found)).scalar() or key
    candidates: list[tuple[dt.date, str]] = []
    monitored = connection.execute(select(func.max(monitoring_forms.c.saved_at)).where(
        monitoring_forms.c.definition_id == found, monitoring_forms.c.trial.is_(False))).scalar()
    evaluated = connection.execute(select(func.max(evaluations.c.saved_at)).where(
        evaluations.c.definition_id == found)).scalar()
    approved = connection.execute(select(func.max(lifecycle_events.c.at)).where(
        lifecycle_events.c.key == key, lifecycle_events.c.action == "approve")).scalar()
    if approved is None:
        approved = connection.execute(select(func.max(versions.c.published_at)).where(
            versions.c.definition_id == found, versions.c.draft.is_(False))).scalar()
    for moment, basis in ((monitored, "monitoring"), (evaluated, "evaluasi"), (approved, "pengesahan")):
        day = _local(_aware(moment), zone)
        if day is not None:
            candidates.append((day, basis))
    today = now.astimezone(zone).date()
    if not candidates:
        return MonitoringDue(key, nama, None, "", None, today)
    # the newest; on the same day a monitoring counts before an approval
    last, basis = max(candidates, key=lambda item: (item[0], -BASES.index(item[1])))
    return MonitoringDue(key, nama, last, basis, add_months(last, INTERVAL_MONTHS), today)


def _aware(value: Any) -> dt.datetime | None:
    """A ``MAX()`` of a time column as an aware instant (drivers may hand back text or a naive UTC time)."""
    if value is None:
        return None
    moment: dt.datetime = dt.datetime.fromisoformat(value) if isinstance(value, str) else value
    return moment if moment.tzinfo is not None else moment.replace(tzinfo=dt.timezone.utc)


def monitoring_due(runtime: Runtime, key: str) -> MonitoringDue:
    """The monitoring schedule of SOP ``key`` now (see the module docstring)."""
    with runtime.db.read() as connection:
        return due_of(connection, key, runtime.calendar.tz, runtime.clock.now())


def monitoring_schedule(runtime: Runtime, keys: list[str]) -> list[MonitoringDue]:
    """The schedules of ``keys``, the soonest due first (never approved last)."""
    with runtime.db.read() as connection:
        found = [due_of(connection, key, runtime.calendar.tz, runtime.clock.now()) for key in keys]
    return sorted(found, key=lambda item: (item.due is None, item.due or dt.date.max, item.key))


def queue_monitoring_reminders(connection: Connection, settings: NotifySettings, zone: dt.tzinfo,
                               now: dt.datetime) -> int:
    """Write a reminder for each pemantau of each approved SOP due within :data:`REMIND_BEFORE` days
    or overdue (in the caller's transaction); nothing while notifications are off.

    :return: the rows written (a reminder already in the outbox writes nothing).
    """
    if not settings.enabled:
        return 0
    from engine.access.policy import pemantau_of_sop
    from engine.notify.contacts import Contacts
    from engine.notify.outbox import _insert_new

    keys = sorted(set(connection.execute(
        select(definitions.c.key).join(versions, versions.c.definition_id == definitions.c.id)
        .where(versions.c.draft.is_(False))).scalars()))
    values: list[dict[str, Any]] = []
    for key in keys:
        due = due_of(connection, key, zone, now)
        if not due.remind or due.due is None:
            continue
        for username in pemantau_of_sop(connection, key):
            person = connection.execute(select(users.c.nama, users.c.email, users.c.phone, users.c.language)
                                        .where(users.c.username == username)).first()
            if person is None:
                continue
            contacts = Contacts(person.email, person.phone, person.language)
            language = contacts.language or "id"
            link = f"{settings.public_url}/pemantauan/{key}" if settings.public_url else ""
            words = {"nama": person.nama or username, "sop": due.nama, "due": due.due.strftime("%d-%m-%Y"),
                     "last": due.last.strftime("%d-%m-%Y") if due.last else "-",
                     "basis": message(f"stage9_basis_{due.basis}", language),
                     "link": message("notify_link", language, url=link) if link else ""}
            facts = {"sop": due.nama, "sop_key": key, "due": due.due.isoformat(),
                     "last": due.last.isoformat() if due.last else None, "basis": due.basis,
                     "username": username, "url": link or None}
            code = "stage9_reminder_overdue" if due.overdue else "stage9_reminder_due"
            for channel in settings.channels:
                address = channel.address_of(contacts)
                if not address:
                    continue
                values.append({
                    "dedupe_key": f"monitoring:{key}:{due.due.isoformat()}:{channel.name}:{username}"[:200],
                    "kind": "monitoring", "item_id": None, "instance_id": None, "username": username,
                    "channel": channel.name, "address": address,
                    "subject": message(f"{code}_subject", language, **words)[:300],
                    "body": message(f"{code}_body", language, **words),
                    "facts": json.dumps(facts, ensure_ascii=False), "status": "pending", "attempts": 0,
                    "next_attempt_at": now, "created_at": now, "last_error": ""})
    return _insert_new(connection, values)


class MonitoringReminders:
    """What ``alur worker`` ticks: the monitoring reminders queued (at most once per ``every``), then
    the runtime's own tick (timers, overdue items, sending the outbox).

    The runtime's worker cannot call this itself: the access policy that names the pemantau sits
    above the runtime.
    """

    def __init__(self, runtime: Runtime, every: dt.timedelta = dt.timedelta(hours=1)) -> None:
        self.runtime = runtime
        self.every = every
        self._last: dt.datetime | None = None

    def remind(self) -> int:
        """Queue the due reminders now, unless done less than ``every`` ago; the rows written."""
        now = self.runtime.clock.now()
        if not self.runtime.context.notify.enabled or (self._last is not None and now - self._last < self.every):
            return 0
        with self.runtime.db.write() as connection:
            written = queue_monitoring_reminders(connection, self.runtime.context.notify, self.runtime.calendar.tz,
                                                 now)
        self._last = now
        return written

    def tick(self) -> TickReport:
        self.remind()
        return self.runtime.tick()
