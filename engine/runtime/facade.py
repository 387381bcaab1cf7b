"""The durable runtime: publish SOP versions, start instances, work the worklist, audit the trail.

:class:`Runtime` is the facade the CLI, the web UI and ``bench/`` use; it holds a
:class:`~engine.runtime.context.RuntimeContext` and delegates. Every change to an instance is one
instance session (:mod:`engine.runtime.session`): one database transaction that locks the
instance first, so two clerks completing the same work item at once, from different processes, end
with exactly one completion; the other gets :class:`~engine.errors.AlreadyCompletedError` ("sudah
diselesaikan oleh X pada T") and nothing changes. Only READY user tasks are ever run, and only by a
holder of the task's lane (the jabatan) in the item's unit, or by the clerk who claimed it.
"""

from __future__ import annotations

import os
from dataclasses import replace
import re
from typing import Any, Iterable, Sequence

from sqlalchemy import Connection, func, insert, select, update

from engine.bpmn.reader import read_bpmn
from engine.errors import DataError, NotFoundError
from engine.notify.contacts import check_contacts
from engine.notify.settings import NotifySettings
from engine.runtime import administration, attachments, casefile, completion, retention, status, worker
from engine.runtime import events as runtime_events
from engine.runtime.attaching import Attachment
from engine.runtime.retention import ErasedCase
from engine.runtime.casefile import CaseFile, WorkPage
from engine.runtime.audit import ChainBreak
from engine.runtime.context import RuntimeContext
from engine.runtime.documents import CaseDocument, DocumentRef, DocumentStore
from engine.runtime.timers import Clock
from engine.runtime.trace import INSTANCE_STATUSES, TraceEntry, TraceInstance, trace_from_events
from engine.runtime.units import UnitResolver
from engine.runtime.versions import LoadedVersion, definition_id, prepare_version, store_version
from engine.runtime.work import SYSTEM_ACTOR, Completed, Event, Instance, User, VersionInfo, WorkItem
from engine.runtime.worker import TickReport
from engine.sop.model import Sop
from engine.sop.worktime import WorkCalendar
from engine.store import repo
from engine.store.case_documents import instance_documents
from engine.store.db import Database
from engine.store.models import definitions, holdings, instances, users, versions

__all__ = ["Runtime", "TickReport"]

_USERNAME = re.compile(r"^[A-Za-z0-9][A-Za-z0-9_.\-]{0,63}$")


class Runtime:
    """Alur's durable SOP runtime on one database.

    :param url: SQLAlchemy URL; default ``$ALUR_DATABASE_URL`` or SQLite ``alur.db`` here.
    :param clock: where "now" comes from (a :class:`~engine.runtime.timers.ManualClock` in tests).
    :param calendar: working time for due times; default :class:`~engine.sop.worktime.WorkCalendar`.
    :param units: decides the unit of each new work item; default the instance's unit.
    :param notify: notification channels (:class:`~engine.notify.settings.NotifySettings`); default
        from the environment, off unless ``ALUR_SMTP_HOST`` or ``ALUR_WEBHOOK_URL`` is set.
    :raises StoreError: the database is unreachable or its schema is not current.

    One runtime may serve several threads (the web UI): its caches are checked against the stored
    revision under the instance lock, so a stale entry is never used.
    """

    def __init__(self, url: str | None = None, *, clock: Clock | None = None,
                 calendar: WorkCalendar | None = None, units: UnitResolver | None = None,
                 notify: NotifySettings | None = None) -> None:
        #: Database, clock, calendar and caches; instance sessions open from here.
        self.context = RuntimeContext(url, clock=clock, calendar=calendar, units=units, notify=notify)

    @property
    def db(self) -> Database:
        return self.context.db

    @property
    def clock(self) -> Clock:
        return self.context.clock

    @clock.setter
    def clock(self, clock: Clock) -> None:
        self.context.clock = clock

    @property
    def calendar(self) -> WorkCalendar:
        return self.context.calendar

    def close(self) -> None:
        """Release the database connections."""
        self.db.dispose()

    def warm_up(self, limit: int = 100) -> int:
        """Load the holiday tables and the newest versions now, not in the first requests (see
        :meth:`engine.runtime.context.RuntimeContext.warm_up`); the versions loaded."""
        return self.context.warm_up(limit)

    def clear_caches(self) -> None:
        """Forget the parsed versions and live workflows, so the next step reads everything from the store."""
        self.context.clear_caches()

    # -- users ---------------------------------------------------------------------------------

    def add_user(self, username: str, nama: str = "", nip: str = "",
                 jabatan: Iterable[tuple[str, str]] = (), *, email: str = "", phone: str = "",
                 language: str = "") -> User:
        """Create a user (or add jabatan to an existing one) holding ``(jabatan, unit)`` pairs.

        :param email: where e-mail notifications go; ``phone``: the webhook's (WhatsApp) number;
            ``language``: ``id`` or ``en`` for the messages. Empty leaves a stored value as it is.
        :raises DataError: a bad user name, an empty holding, or a contact that is not valid (naming it).
        """
        if not _USERNAME.match(username or "") or username == SYSTEM_ACTOR:
            raise DataError.from_code("runtime_bad_username", "username", user=username, system=SYSTEM_ACTOR)
        contacts = check_contacts(email, phone, language)
        given = {key: value for key, value in (("nama", nama), ("nip", nip), ("email", contacts.email),
                                               ("phone", contacts.phone), ("language", contacts.language)) if value}
        with self.db.write() as connection:
            row = connection.execute(select(users.c.id).where(users.c.username == username)).first()
            if row is None:
                user_id = connection.execute(insert(users).returning(users.c.id), {
                    "username": username, "nama": nama, "nip": nip, "created_at": self.clock.now(),
                    **given}).scalar_one()
            else:
                user_id = row.id
                if given:
                    connection.execute(update(users).where(users.c.id == user_id).values(**given))
            for held_jabatan, unit in jabatan:
                if not held_jabatan.strip() or not unit.strip():
                    raise DataError.from_code("runtime_empty_holding", "jabatan")
                exists = connection.execute(select(holdings.c.id).where(
                    holdings.c.user_id == user_id, holdings.c.jabatan == held_jabatan.strip(),
                    holdings.c.unit == unit.strip())).first()
                if exists is None:
                    connection.execute(insert(holdings), {"user_id": user_id, "jabatan": held_jabatan.strip(),
                                                          "unit": unit.strip()})
            return repo.user_by_name(connection, username)

    def user(self, username: str) -> User:
        """:raises NotFoundError: no such user."""
        with self.db.read() as connection:
            return repo.user_by_name(connection, username)

    # -- definitions ---------------------------------------------------------------------------

    def publish(self, source: str | os.PathLike[str] | Sop, key: str | None = None, *, draft: bool = False,
                escalation: bool = False, by: str = "") -> VersionInfo:
        """Store an SOP as a new version: its BPMN and its parsed spec, once.

        Publishing what the newest version already holds (same BPMN, same draft flag) returns that
        version with ``created=False``.

        :param source: a ``.bpmn`` or ``.yaml`` file, or an :class:`~engine.sop.model.Sop`.
        :param key: the SOP's name in the runtime; default the file name without extension.
        :param draft: a draft version: its instances are trial (ujicoba) instances.
        :param escalation: add an escalation boundary timer to every timed step.
        :raises ProcessDefinitionError: the SOP is not valid or does not run.
        """
        prepared = prepare_version(source, key, escalation)
        with self.db.write() as connection:
            return store_version(connection, prepared, draft, by, self.clock.now())

    def versions(self, key: str) -> list[VersionInfo]:
        """Every version of an SOP, oldest first.

        :raises NotFoundError: no SOP with this key (naming the closest one).
        """
        with self.db.read() as connection:
            definition_id(connection, key)
            rows = connection.execute(repo.version_query().where(definitions.c.key == key)
                                      .order_by(versions.c.number)).all()
            return [repo.version_info(row) for row in rows]

    def bpmn(self, key: str, number: int | None = None) -> bytes:
        """The stored BPMN document of a version (the newest when ``number`` is None)."""
        with self.db.read() as connection:
            found_id = definition_id(connection, key)
            query = select(versions.c.bpmn).where(versions.c.definition_id == found_id)
            query = query.where(versions.c.number == number) if number else query.order_by(versions.c.number.desc())
            found = connection.execute(query.limit(1)).scalar()
            if found is None:
                raise NotFoundError.from_code("runtime_no_such_version", sop=key, number=number)
            return bytes(found)

    def loaded_version(self, connection: Connection, version_id: int) -> LoadedVersion:
        """A stored version as the runtime runs it (parsed spec, steps, start step), cached."""
        return self.context.version(connection, version_id)

    def version_spec(self, version_id: int) -> Any:
        """The parsed spec of a stored version (for checks and tools)."""
        with self.db.read() as connection:
            return self.loaded_version(connection, version_id).spec

    # -- instances -----------------------------------------------------------------------------

    def start(self, key: str, username: str, form: Any = None, *, unit: str | None = None,
              trial: bool = False, version: int | None = None,
              attachments: Sequence[Attachment] = (), simulation: bool = False) -> tuple[Instance, list[WorkItem]]:
        """Start an instance; doing so performs the SOP's start step.

        :param form: the start step's completion form (kelengkapan, catatan, data...).
        :param unit: the unit the instance runs in; default the one unit where ``username`` holds
            the start step's jabatan.
        :param trial: run the newest draft version as a trial (ujicoba) instance.
        :param version: a version number instead of the newest.
        :param attachments: documents handed in at the start (the start step has no work item to
            attach them to later); the form's ``berkas`` states name them, as for :meth:`attach`.
        :param simulation: run an approved version as a simulation (``simulasi``, stage 8's practice): its
            number starts with ``SIM-``, nobody is notified, and monitoring and ujicoba never count it.
        :raises AccessDeniedError: ``username`` does not hold the start step's jabatan there.
        :raises DataError: the form or an attachment is refused (nothing is stored).
        """
        return completion.start(self.context, key, username, form, unit, trial, version, attachments, simulation)

    def instance(self, instance_id: int) -> Instance:
        """:raises NotFoundError: no such instance."""
        with self.db.read() as connection:
            return repo.get_instance(connection, instance_id)

    def cancel(self, instance_id: int, username: str, reason: str) -> Instance:
        """Cancel a running or suspended instance with a reason; its open work items close."""
        return status.set_status(self.context, instance_id, username, reason, "cancelled")

    def suspend(self, instance_id: int, username: str, reason: str) -> Instance:
        """Suspend a running instance: its work items leave the worklists until resumed."""
        return status.set_status(self.context, instance_id, username, reason, "suspended")

    def resume(self, instance_id: int, username: str, reason: str = "") -> Instance:
        """Resume a suspended instance, or one in error once the cause is fixed."""
        return status.set_status(self.context, instance_id, username, reason or "dilanjutkan", "running")

    def retry(self, instance_id: int, username: str, reason: str = "") -> Instance:
        """Run an instance in ``error`` again: its due timers and engine steps (:func:`engine.runtime.status.retry`)."""
        return status.retry(self.context, instance_id, username, reason)

    def administer(self, instance_id: int, username: str, action: str, reason: str) -> Instance:
        """Suspend, resume, cancel or retry an instance as an admin or supervisor the access policy
        allowed (:func:`engine.access.policy.administer_instance`), with a reason (an event)."""
        return administration.administer(self.context, instance_id, username, action, reason)

    def release(self, item_id: int, by: str, reason: str) -> WorkItem:
        """Release another clerk's claim (``by`` a supervisor the policy allowed), with a reason (an event)."""
        return administration.release(self.context, item_id, by, reason)

    def reassign(self, item_id: int, by: str, to: str, reason: str) -> WorkItem:
        """Hand an open item to ``to``, a holder of its jabatan in its unit, with a reason (an event)."""
        return administration.reassign(self.context, item_id, by, to, reason)

    # -- work items ----------------------------------------------------------------------------

    def worklist(self, username: str, limit: int = 50) -> list[WorkItem]:
        """Open work items for every jabatan and unit ``username`` holds, most urgent first."""
        with self.db.read() as connection:
            return repo.worklist(connection, username, self.clock.now(), limit)

    def worklist_page(self, account_or_username: Any, *, search: str = "", key: str = "", overdue_only: bool = False,
                      sort: str = "tenggat", offset: int = 0, limit: int = 50) -> WorkPage:
        """One page of the open work items of an account (or username): searched by registration number
        or subject, filtered by SOP and overdue, sorted by ``tenggat`` (due), ``menunggu`` (waiting
        longest), ``sop`` or ``nomor``; ``total`` counts every match.

        :raises DataError: an unknown sort or a page out of range.
        """
        username = account_or_username if isinstance(account_or_username, str) else account_or_username.username
        with self.db.read() as connection:
            return casefile.worklist_page(connection, username, self.clock.now(), search=search, key=key,
                                          overdue_only=overdue_only, sort=sort, offset=offset, limit=limit)

    def case_file(self, instance_id: int, *, unmask: bool = False) -> CaseFile:
        """The case file of an instance: header, values (personal ones masked unless ``unmask``),
        history with officers by name and jabatan, open items. Who may unmask is the policy's
        (:func:`engine.access.policy.case_file_for`).

        :raises NotFoundError: no such instance.
        """
        with self.db.read() as connection:
            row = connection.execute(repo.CASE_INSTANCE, {"instance_id": instance_id}).first()
            if row is None:
                raise NotFoundError.from_code("runtime_instance_not_found", instance=instance_id)
            return casefile.case_file(connection, self.context.version(connection, int(row.version_id)), instance_id,
                                      unmask=unmask, row=row)

    def item(self, item_id: int) -> WorkItem:
        """:raises NotFoundError: no such work item."""
        with self.db.read() as connection:
            return repo.get_item(connection, item_id, self.clock.now())

    def claim(self, item_id: int, username: str) -> WorkItem:
        """Take an open work item for oneself, so other holders of the jabatan leave it."""
        return completion.claim(self.context, item_id, username, True)

    def unclaim(self, item_id: int, username: str) -> WorkItem:
        """Give a claimed work item back to every holder of its jabatan."""
        return completion.claim(self.context, item_id, username, False)

    def complete(self, item_id: int, username: str, form: Any = None) -> Completed:
        """Complete a READY step with its form (see :mod:`engine.runtime.work`).

        :raises AlreadyCompletedError: someone completed it first ("sudah diselesaikan oleh X pada T").
        :raises AccessDeniedError: ``username`` neither holds the jabatan there nor claimed the item.
        :raises DataError: the form is incomplete or malformed.
        :raises TaskError: the step is not ready, or the process cannot go on with this data.
        """
        return completion.complete(self.context, item_id, username, form)

    # -- documents -----------------------------------------------------------------------------

    @property
    def files(self) -> DocumentStore:
        """Where case documents are kept (``$ALUR_FILES``; see :mod:`engine.runtime.documents`)."""
        return self.context.files

    @files.setter
    def files(self, store: DocumentStore) -> None:
        self.context.files = store

    def attach(self, item_id: int, username: str, requirement: str, data: bytes, name: str, *,
               output: bool = False) -> DocumentRef:
        """Attach a document to an open work item: a kelengkapan item marked as a document, or
        (``output=True``) the step's output document. Complete the item with the state
        ``{"cara": "berkas", "berkas": ref.sha256}`` (or ``"output": {"berkas": ref.sha256}``).

        Attaching the same content again for the same item and requirement changes nothing.

        :raises AccessDeniedError: ``username`` may not complete the item (another claimed it, or
            they do not hold its jabatan in its unit).
        :raises TaskError: the item is finished (:class:`AlreadyCompletedError`), or the instance is not running.
        :raises DataError: (naming the field) not a requirement of the step, not a document, an
            output that is not a document, empty, too large, or not PDF/JPEG/PNG by its content.
        """
        return attachments.attach(self.context, item_id, username, requirement, data, name, output)

    def documents(self, instance_id: int) -> list[CaseDocument]:
        """The documents attached to the work items of an instance, in the order they were attached.

        :raises NotFoundError: no such instance.
        """
        with self.db.read() as connection:
            repo.get_instance(connection, instance_id)
            return instance_documents(connection, instance_id)

    def open_document(self, instance_id: int, sha256: str, account: str) -> tuple[CaseDocument, bytes]:
        """A document of an instance and its content (checked against its hash), logged in
        ``access_log`` as downloaded (``unduh``) by ``account``. The caller decides who may:
        :func:`engine.access.policy.document_for`.

        :raises NotFoundError: no such document attached to the instance, or its file is gone.
        :raises StoreError: the file no longer matches its hash.
        """
        return attachments.open_case_document(self.context, instance_id, sha256, account)

    # -- audit ---------------------------------------------------------------------------------

    def trace(self, instance_id: int) -> tuple[Instance, list[Event]]:
        """An instance and its audit trail in order."""
        with self.db.read() as connection:
            return repo.get_instance(connection, instance_id), repo.trace(connection, instance_id)

    def document(self, instance_id: int) -> tuple[Sop, list[TraceEntry]]:
        """The SOP version an instance runs on and the steps it ran, for drawing its trace."""
        instance, events = self.trace(instance_id)
        sop = read_bpmn(self.bpmn(instance.key, instance.version)).sop
        return sop, trace_from_events(events)

    def trace_print(self, instance_id: int) -> tuple[Sop, list[TraceEntry], TraceInstance]:
        """What the printed trace of an instance needs: its SOP version, the steps it ran with each
        officer's name, jabatan (the step's pelaksana) and NIP instead of the login, and the header
        of the instance sheet (number, version, status with its reason, start and finish).
        """
        instance, events = self.trace(instance_id)
        sop = read_bpmn(self.bpmn(instance.key, instance.version)).sop
        actors = {step.id: step.actor for step in sop.steps}
        people: dict[str, tuple[str, str]] = {}
        entries = []
        with self.db.read() as connection:
            for entry in trace_from_events(events):
                if entry.user and entry.user not in people:
                    try:
                        found = repo.user_by_name(connection, entry.user)
                        people[entry.user] = (found.nama, found.nip)
                    except NotFoundError:  # the system, or a login removed since: keep the login
                        people[entry.user] = ("", "")
                nama, nip = people.get(entry.user, ("", ""))
                entries.append(replace(entry, name=nama, nip=nip, jabatan=entry.acting or actors.get(entry.step_id, "")
                                       if entry.user else ""))
        # "error" is shown as running: the instance is not finished and waits for a retry.
        status = instance.status if instance.status in INSTANCE_STATUSES else "running"
        header = TraceInstance(instance_id=instance.id, registration=instance.registration,
                               version=instance.version, status=status,
                               reason=instance.reason, started=instance.started_at, finished=instance.ended_at)
        return sop, entries, header

    def erase_expired(self, *, dry_run: bool = False) -> list[ErasedCase]:
        """Erase the case data of finished cases older than their SOP's ``retensi_tahun``
        (:mod:`engine.runtime.retention`); the audit chain still verifies afterwards."""
        return retention.erase_expired(self.context, dry_run=dry_run)

    def verify_audit(self) -> tuple[int, int, ChainBreak | None]:
        """Recompute every hash chain: (instances, events, first break or ``None``)."""
        with self.db.read() as connection:
            return repo.verify_all(connection)

    # -- events (engine.runtime.events) --------------------------------------------------------

    def deliver_message(self, message: str, correlation: str, username: str, key: str = "",
                        allowed: frozenset[int] | None = None) -> runtime_events.MessageDelivery:
        """Deliver a message to the instance waiting for it with this correlation value; a second
        delivery with the same dedupe key changes nothing (see :func:`engine.runtime.events.deliver_message`)."""
        return runtime_events.deliver_message(self.context, message, correlation, username, key, allowed)

    def waiting_for_message(self, message: str, correlation: str) -> list[int]:
        """The instances waiting for ``message`` with this correlation value."""
        return runtime_events.waiting_instances(self.context, message, correlation)

    def report_error(self, item_id: int, username: str, code: str) -> list[str]:
        """The clerk of an open item reports error ``code``; the step's error boundary takes over.

        :return: the steps opened by it.
        """
        return runtime_events.report_error(self.context, item_id, username, code)

    # -- the worker ----------------------------------------------------------------------------

    def tick(self, limit: int = 200) -> TickReport:
        """Fire due BPMN timers, mark overdue work items, then send due notifications; safe in several processes."""
        return worker.tick(self.context, limit)

    def work_counts(self, username: str) -> tuple[int, int]:
        """``(new, overdue)`` on the worklist of ``username``, for the header badge.

        *New* are the open items of the jabatan and units held that nobody has claimed yet; *overdue*
        are the open items (unclaimed, or claimed by ``username``) past their due time. An unclaimed
        late item counts in both. Two indexed counts; an unknown user has ``(0, 0)``.
        """
        with self.db.read() as connection:
            return repo.work_counts(connection, username, self.clock.now())

    def open_item_count(self) -> int:
        with self.db.read() as connection:
            return repo.count_open_items(connection)

    def instance_count(self) -> int:
        with self.db.read() as connection:
            return int(connection.execute(select(func.count()).select_from(instances)).scalar_one())
