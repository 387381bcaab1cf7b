"""What every runtime operation shares: the database, the clock, the working calendar and the caches.

:class:`RuntimeContext` is the runtime's one piece of state. Its caches are checked against the
stored revision under the instance lock, so a stale entry is never used, and one context may serve
several threads (the web UI). Changes to an instance go through :meth:`RuntimeContext.instance`
(or :meth:`RuntimeContext.session` for several rows in one transaction), see :mod:`engine.runtime.session`.
"""

from __future__ import annotations

import threading
from collections import OrderedDict
from collections.abc import Iterator
from contextlib import contextmanager
from datetime import date

from sqlalchemy import Connection, func, select
from SpiffWorkflow.bpmn.workflow import BpmnWorkflow

from engine.notify.settings import NotifySettings
from engine.runtime.documents import DocumentStore
from engine.runtime.session import InstanceRun, InstanceSession, open_instance, open_session
from engine.runtime.timers import Clock, SystemClock
from engine.runtime.calendars import UnitCalendars
from engine.runtime.units import OrganisationUnits, UnitResolver
from engine.runtime.versions import LoadedVersion, VersionCache
from engine.sop.worktime import WorkCalendar
from engine.store.db import Database
from engine.store.migrate import ensure_current
from engine.store.models import versions


class WorkflowCache:
    """Live workflows of recently used instances, each valid for one stored revision.

    A workflow is *taken* out while a transaction works on it, so no two threads share one, and a
    failed attempt (which may have changed it) never puts it back.
    """

    def __init__(self, size: int = 512) -> None:
        self._entries: OrderedDict[int, tuple[int, BpmnWorkflow, frozenset[str]]] = OrderedDict()
        self._size = size
        self._lock = threading.Lock()

    def take(self, instance_id: int, revision: int) -> tuple[BpmnWorkflow, frozenset[str]] | None:
        """Remove and return the cached workflow (and its READY user tasks' ids) when it is at ``revision``."""
        with self._lock:
            entry = self._entries.pop(instance_id, None)
        return (entry[1], entry[2]) if entry is not None and entry[0] == revision else None

    def put(self, instance_id: int, revision: int, workflow: BpmnWorkflow, ready: frozenset[str]) -> None:
        """Keep ``workflow`` as the state of ``revision`` (call after the commit), with the ids of its
        READY user tasks (so the next session need not walk the task tree for them)."""
        with self._lock:
            self._entries[instance_id] = (revision, workflow, ready)
            self._entries.move_to_end(instance_id)
            while len(self._entries) > self._size:
                self._entries.popitem(last=False)

    def clear(self) -> None:
        with self._lock:
            self._entries.clear()


class RuntimeContext:
    """The database, clock, calendar, unit resolver and caches of one runtime.

    :param url: SQLAlchemy URL; default ``$ALUR_DATABASE_URL`` or SQLite ``alur.db`` here.
    :param units: decides the unit of each new work item; default the SOP's routing rules over the organisation.
    :param notify: notification channels and retries; default from the environment (off unless set).
    :raises StoreError: the database is unreachable or its schema is not current.
    :raises DataError: a notification setting that cannot be used, naming it.
    """

    def __init__(self, url: str | None = None, *, clock: Clock | None = None, calendar: WorkCalendar | None = None,
                 units: UnitResolver | None = None, notify: NotifySettings | None = None) -> None:
        self.db = Database(url)
        ensure_current(self.db)
        self.clock: Clock = clock or SystemClock()
        self.calendar = calendar or WorkCalendar()
        self.units: UnitResolver = units or OrganisationUnits()
        self.unit_calendars = UnitCalendars()
        self.notify = notify if notify is not None else NotifySettings.from_env()
        self._versions = VersionCache()
        self._workflows = WorkflowCache()
        self._files: DocumentStore | None = None

    @property
    def files(self) -> DocumentStore:
        """Where case documents are kept (``$ALUR_FILES``, ``$ALUR_FILES_MAX_MB``), read when first needed.

        :raises DataError: the size limit setting is not valid.
        """
        if self._files is None:
            self._files = DocumentStore.from_settings(self.db.url)
        return self._files

    @files.setter
    def files(self, store: DocumentStore) -> None:
        self._files = store

    def version(self, connection: Connection, version_id: int) -> LoadedVersion:
        """A stored version, parsed once per runtime."""
        return self._versions.get(connection, version_id)

    def warm_up(self, limit: int = 100) -> int:
        """Load now what the first requests of a fresh process would load inside their write transactions.

        The holiday tables of this year and the next (the first due date imports the whole holidays
        package, ~0.1 s, while SQLite's write lock is held) and the newest approved and draft version of
        each SOP (at most ``limit``). The server calls it once per worker before taking requests.

        :return: the versions loaded.
        """
        year = self.clock.now().astimezone(self.calendar.tz).year
        for each in (year, year + 1):
            self.calendar.holiday_name(date(each, 1, 1))
        with self.db.read() as connection:
            newest = list(connection.execute(
                select(func.max(versions.c.id)).group_by(versions.c.definition_id, versions.c.draft)
                .order_by(func.max(versions.c.id).desc()).limit(limit)).scalars())
            for version_id in newest:
                self.version(connection, int(version_id))
        return len(newest)

    def take_workflow(self, instance_id: int, revision: int) -> tuple[BpmnWorkflow, frozenset[str]] | None:
        return self._workflows.take(instance_id, revision)

    def put_workflow(self, instance_id: int, revision: int, workflow: BpmnWorkflow, ready: frozenset[str]) -> None:
        self._workflows.put(instance_id, revision, workflow, ready)

    def clear_caches(self) -> None:
        """Forget parsed versions and live workflows, so the next step reads everything from the store."""
        self._versions.clear()
        self._workflows.clear()

    @contextmanager
    def session(self) -> Iterator[InstanceSession]:
        """A write transaction for instance changes, at the clock's current instant."""
        with open_session(self, self.clock.now()) as session:
            yield session

    @contextmanager
    def instance(self, instance_id: int) -> Iterator[InstanceRun]:
        """Lock, load and change one instance; saved, evented and cached when the block ends.

        :raises NotFoundError: no such instance.
        """
        with open_instance(self, instance_id, self.clock.now()) as run:
            yield run
