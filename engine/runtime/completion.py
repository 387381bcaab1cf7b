"""Starting an instance and working its items: start, claim, unclaim, complete, each one instance session.

Only READY user tasks are ever run, and only by a holder of the task's lane (the jabatan) in the
item's unit, or by the clerk who claimed it. Two clerks completing the same item at once end with
exactly one completion; the other gets :class:`~engine.errors.AlreadyCompletedError`.
"""

from __future__ import annotations

from collections.abc import Sequence
from datetime import datetime
from typing import Any

from SpiffWorkflow.util.task import TaskState

from engine.bpmn.names import DECISION_FIELD
from engine.bpmn.spiff.state import new_workflow
from engine.errors import AccessDeniedError, AlreadyCompletedError, DataError, NotFoundError, TaskError
from engine.runtime.attaching import Attachment, check_attachment, files_written, write_attachment
from engine.runtime.audit import Envelope
from engine.runtime.case import case_data
from engine.runtime.caseid import assign_registration, subject_of
from engine.runtime.context import RuntimeContext
from engine.runtime.privacy import event_case_data
from engine.runtime.session import InstanceRun, InstanceSession
from engine.runtime.step_hooks import record_writer
from engine.runtime.structure import start_data
from engine.runtime.versions import pick_version
from engine.runtime.work import REAL, SIMULASI, Completed, Instance, WorkItem, parse_completion
from engine.sop.model import Sop
from engine.sop.values import condition_data
from engine.sop.worktime import WorkCalendar
from engine.store import hot, repo
from engine.store.case_documents import item_documents
from engine.store.models import NO_DEADLINE


def new_work_items(run: InstanceRun) -> list[WorkItem]:
    """The work items a session opened, as the worklist shows them (built from what was inserted)."""
    opened = []
    runs = run.session.runs() if run.session is not None else [run]  # a call's child instance opens items too
    for values in [values for each in runs for values in each.new_items]:
        due = None if values["due_at"] == NO_DEADLINE else values["due_at"]
        opened.append(WorkItem(values["id"], values["instance_id"], values["sop_key"], values["step_id"],
                               values["name"], values["jabatan"], values["unit"], values["trial"], "open",
                               values["ready_at"], due, None, None, None, due is not None and due <= run.now,
                               run.registration, run.subject, run.row.mode, values["jabatan_id"]))
    return opened


def start(context: RuntimeContext, key: str, username: str, form: Any, unit: str | None, trial: bool,
          version: int | None, attachments: Sequence[Attachment] = (),
          simulation: bool = False) -> tuple[Instance, list[WorkItem]]:
    """Start an instance, performing its start step (see :meth:`engine.runtime.facade.Runtime.start`)."""
    if simulation and trial:
        raise DataError.from_code("sos_simulation_not_trial", "ujicoba")
    # Read before the write transaction (on SQLite the write lock is held from its first statement): the
    # version a start began on and that the user exists. The holdings are checked inside it.
    with context.db.read() as reading:
        loaded = context.version(reading, pick_version(reading, key, trial, version))
        user = repo.user_by_name(reading, username)
    with files_written(context) as written, context.session() as session:
        connection = session.connection
        first = loaded.start
        code = loaded.sop.actor_jabatan.get(first.pelaksana, "") if loaded.sop is not None else ""
        units = repo.start_units(connection, user.username, session.now, first.pelaksana, code)  # with Plh/Plt
        if unit is None and len(units) == 1:
            unit = units[0]
        if unit is None or unit not in units:
            code = ("runtime_start_unit_needed" if unit is None and len(units) > 1 else
                    "runtime_start_denied_unit" if unit else "runtime_start_denied")
            raise AccessDeniedError.from_code(code, user=username, jabatan=first.pelaksana, unit=unit or "", sop=key)
        sop = loaded.sop
        checked = [check_attachment(context.files, first, given.requirement, given.data, given.name, given.output)
                   for given in _attachments(attachments)]
        completion = parse_completion(form, first, sop, attached=tuple(
            attached.as_document(0, None, first.id, username, session.now) for attached in checked))
        workflow = new_workflow(loaded.spec)
        workflow.get_tasks(state=TaskState.READY)[0].data.update(
            {**start_data(connection, sop, unit), **condition_data(completion.data)})  # units of multi-instance rows
        if simulation and loaded.draft:
            raise DataError.from_code("sos_simulation_not_trial", "versi")
        run = session.create(loaded, unit, username, workflow, SIMULASI if simulation else None)
        salt = run.new_case_salt()
        subject, subject_masked = subject_of(sop, completion.data) if sop is not None else ("", "")
        recorded = event_case_data(sop.fields, completion.data, salt) if sop is not None else None
        started = run.append("started", username, first.id, None, {
            "sop": loaded.key, "versi": loaded.number, "ujicoba": loaded.draft, "unit": unit,
            **({"simulasi": True} if simulation else {}), **completion.event_data(recorded)},
            Envelope(documents=completion.documents) if completion.documents else None)
        if sop is not None:
            def take_number() -> None:
                # the last thing before the writes: the counter row (locked to the commit on PostgreSQL)
                # is not held while the form is read, the files written and the workflow run
                number = assign_registration(connection, run.instance_id, loaded.id, sop, run.row.mode != REAL,
                                             session.now, context.calendar.tz, simulation=run.row.mode == SIMULASI,
                                             definition_id=loaded.definition_id)
                run.set_identity(number, subject, subject_masked)
                started["data"].setdefault("registrasi", number)

            run.number_late(take_number)
        for attached in checked:
            write_attachment(run, context.files, first.id, None, attached, username, written)
        if completion.data:
            run.record_case_values(first.id, completion.data, first=True)
        run.advance(username, lambda: None)
    return run.instance(), new_work_items(run)


def _attachments(given: Any) -> list[Attachment]:
    """:raises DataError: ``attachments`` is not a sequence of :class:`Attachment`."""
    if not isinstance(given, (list, tuple)) or not all(isinstance(item, Attachment) for item in given):
        raise DataError.from_code("runtime_attachments_not_list", "attachments")
    return list(given)


def lock_item(session: InstanceSession, item_id: int, username: str) -> tuple[InstanceRun, hot.ItemRow]:
    """Lock the item's instance, then read the item (so what is read cannot change before commit).

    :raises NotFoundError: no such work item.
    """
    locked = session.lock_item(item_id, username)
    if locked is None:
        raise NotFoundError.from_code("runtime_item_not_found", item=item_id)
    run, item = locked
    return run, item


def check_open(item: hot.ItemRow, calendar: WorkCalendar) -> None:
    """:raises TaskError: the item is done (:class:`AlreadyCompletedError`), cancelled or suspended."""
    if item.status == "done":
        when = (item.completed_at.astimezone(calendar.tz).strftime("%Y-%m-%d %H:%M:%S %Z")
                if item.completed_at else "?")
        raise AlreadyCompletedError.from_code("runtime_item_already_done", item.step_id, item.completed_by or "",
                                              item.completed_at, item=item.id, user=item.completed_by, at=when)
    if item.status != "open":
        code = {"cancelled": "runtime_item_cancelled", "suspended": "runtime_item_suspended"}.get(
            item.status, "runtime_item_not_open")
        raise TaskError.from_code(code, item.step_id, item=item.id, status=item.status)


def claim(context: RuntimeContext, item_id: int, username: str, claiming: bool) -> WorkItem:
    """Take an open work item for oneself (``claiming``), or give it back."""
    with context.session() as session:
        run, item = lock_item(session, item_id, username)
        check_open(item, context.calendar)
        if claiming:
            if not item.held:
                raise AccessDeniedError.from_code("runtime_not_holder", user=username, jabatan=item.jabatan,
                                                  unit=item.unit)
            if item.claimed_by and item.claimed_by != username:
                raise AccessDeniedError.from_code("runtime_item_claimed_by", item=item_id, user=item.claimed_by)
            run.set_claim(item_id, username)
        else:
            if item.claimed_by != username:
                raise AccessDeniedError.from_code("runtime_item_not_claimed_by", item=item_id, user=username)
            run.set_claim(item_id, None)
        run.append("claimed" if claiming else "unclaimed", username, item.step_id, item_id, {})
        return repo.get_item(session.connection, item_id, session.now)


def complete(context: RuntimeContext, item_id: int, username: str, form: Any) -> Completed:
    """Complete a READY step with its form (see :meth:`engine.runtime.facade.Runtime.complete`)."""
    with context.session() as session:
        now = session.now
        run, item = lock_item(session, item_id, username)
        check_open(item, context.calendar)
        if item.claimed_by and item.claimed_by != username:
            raise AccessDeniedError.from_code("runtime_item_claimed_now", item=item_id, user=item.claimed_by)
        if item.claimed_by != username and not item.held:
            raise AccessDeniedError.from_code("runtime_not_holder", user=username, jabatan=item.jabatan,
                                              unit=item.unit)
        if run.status != "running":
            raise TaskError.from_code("runtime_instance_status", item.step_id, instance=run.instance_id,
                                      status=run.status)
        step = run.version.steps[item.step_id]
        sop = run.version.sop
        attached = item_documents(session.connection, item_id) if item.has_documents else ()
        completion = parse_completion(form, step, sop, attached=attached)
        task = run.task(item.task_id)
        if task is None or task.state != TaskState.READY or not task.task_spec.manual:
            raise TaskError.from_code("runtime_step_not_waiting", item.step_id, step=step.kegiatan)
        if (task.task_spec.lane or "") != item.jabatan:
            raise AccessDeniedError.from_code("runtime_step_other_lane", step=step.kegiatan,
                                              jabatan=task.task_spec.lane)
        _write_record(session, run, item, sop, completion.data, username, completion.keputusan or "")
        if not run.complete_item({
                "username": username, "id": item_id,
                "minutes": context.calendar.working_minutes_between(item.ready_at, now),
                # beside the working minutes: the clock time, for steps whose WAKTU counts calendar or 24-hour time
                "calendar_minutes": context.calendar.elapsed_minutes(item.ready_at, now, "calendar"),
                "missing": completion.missing, "keputusan": completion.keputusan or None}):
            raise TaskError.from_code("runtime_item_changed", item.step_id, item=item_id)
        recorded = (event_case_data(sop.fields, completion.data, run.case_salt())
                    if sop is not None and completion.data else None)
        acting = {"acting": f"{item.acting.capitalize()}. {item.jabatan}"} if item.acting else {}  # "Plh. Kepala Dinas"
        run.append("completed", username, item.step_id, item_id, {**completion.event_data(recorded), **acting},
                   Envelope(documents=completion.documents) if completion.documents else None)
        if step.clerk_decides:
            run.append("decision", username, item.step_id, item_id, {"keputusan": completion.keputusan})
        if completion.data:
            run.record_case_values(item.step_id, completion.data)

        def perform() -> None:
            task.data.update(condition_data(completion.data))
            if step.clerk_decides:
                task.data[DECISION_FIELD] = completion.keputusan
            task.run()

        run.advance(username, perform, completed_task=item.task_id)
    finished = _finished_item(item, username, now, run)
    opened = tuple(new_work_items(run))
    return Completed(finished, run.instance(), opened, tuple(dict.fromkeys(ready.jabatan for ready in opened)))


def _write_record(session: InstanceSession, run: InstanceRun, item: hot.ItemRow, sop: Sop | None,
                  data: dict[str, Any], username: str, decision: str = "") -> None:
    """Write the stage record the step declares (``catat``) in this transaction; a refusal refuses the completion.

    Only real cases write records: a ujicoba or a simulasi of the SOP practises the steps, it does not
    set up Tims or hand SOPs out.
    """
    if sop is None or run.row.mode != REAL:
        return
    declared = next((found.record for found in sop.steps if found.id == item.step_id), None)
    if declared is None:
        return
    write_step_record = record_writer(item.name)
    values: dict[str, Any] = {name: found.value for name, found in case_data(session.connection, run.instance_id).items()}
    values.update(data)
    write_step_record(session.connection, declared, values, step_id=item.step_id, step_name=item.name,
                      unit=item.unit, by=username, now=session.now, instance_id=run.instance_id,
                      registration=run.registration, decision=decision)


def _finished_item(item: hot.ItemRow, username: str, now: datetime, run: InstanceRun) -> WorkItem:
    return WorkItem(item.id, item.instance_id, item.sop_key, item.step_id, item.name, item.jabatan, item.unit,
                    item.trial, "done", item.ready_at, None if item.due_at == NO_DEADLINE else item.due_at,
                    item.claimed_by, username, now, False, run.registration, run.subject, run.row.mode)
