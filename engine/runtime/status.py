"""Changing an instance's status by hand: cancel, suspend, resume, and retry after an error.

Each is one instance session by the instance's initiator or a holder of one of its SOP's jabatan in
its unit, with a reason recorded in the event. An instance the worker put in ``error`` (a timer
whose process could not go on) is recovered with :func:`retry`: its due timers fire again and the
engine steps run again, in one session; when it fails again nothing changes and the error is raised.
"""

from __future__ import annotations

from sqlalchemy import select

from engine.errors import AccessDeniedError, TaskError
from engine.runtime.context import RuntimeContext
from engine.runtime.session import InstanceRun
from engine.runtime.work import Instance
from engine.runtime.worker import fire_timer
from engine.store import repo
from engine.store.models import timers

#: Event kind of each target status.
STATUS_EVENTS = {"cancelled": "cancelled", "suspended": "suspended", "running": "resumed"}

#: Statuses each change may leave.
ALLOWED_FROM = {"cancelled": ("running", "suspended", "error"), "suspended": ("running",),
                "running": ("suspended", "error")}


def _check_actor(run: InstanceRun, username: str) -> None:
    if username != run.row.started_by and not any(
            repo.holds(run.connection, username, step.pelaksana, run.row.unit) for step in run.version.steps.values()):
        raise AccessDeniedError.from_code("runtime_not_initiator", user=username, instance=run.instance_id,
                                          unit=run.row.unit)


def _check_from(run: InstanceRun, status: str, allowed: tuple[str, ...]) -> None:
    if run.status not in allowed:
        raise TaskError.from_code("runtime_status_change", instance=run.instance_id, status=run.status, target=status)


def set_status(context: RuntimeContext, instance_id: int, username: str, reason: str, status: str) -> Instance:
    """Move an instance to ``status`` (``cancelled``, ``suspended`` or ``running``) with a reason.

    :raises TaskError: no reason, or the instance's status does not allow it.
    :raises AccessDeniedError: ``username`` neither started the instance nor holds one of its jabatan.
    """
    if not reason.strip():
        raise TaskError.from_code("runtime_reason_required")
    with context.instance(instance_id) as run:
        _check_actor(run, username)
        _check_from(run, status, ALLOWED_FROM[status])
        run.change_status(status, reason.strip())
        run.append(STATUS_EVENTS[status], username, "", None, {"alasan": reason.strip()})
    return run.instance()


def retry(context: RuntimeContext, instance_id: int, username: str, reason: str = "") -> Instance:
    """Run an instance in ``error`` again: resume it, fire its due timers, run its engine steps.

    :raises TaskError: the instance is not in error, or the process still cannot go on (then the
        instance stays in error, unchanged).
    :raises AccessDeniedError: as for :func:`set_status`.
    """
    reason = reason.strip() or "dicoba lagi"
    with context.instance(instance_id) as run:
        _check_actor(run, username)
        retry_run(run, username, reason)
    return run.instance()


def retry_run(run: InstanceRun, username: str, reason: str) -> None:
    """Retry the locked instance ``run`` (in ``error``): resume, fire its due timers, run its engine steps.

    :raises TaskError: not in error, or the process still cannot go on.
    """
    _check_from(run, "running", ("error",))
    error = run.reason
    run.change_status("running", reason)
    run.append("retried", username, "", None, {"alasan": reason, "galat": error})
    due = run.connection.execute(select(timers).where(
        timers.c.instance_id == run.instance_id, timers.c.status == "waiting",
        timers.c.fire_at <= run.now).order_by(timers.c.fire_at)).all()
    fired = [timer for timer in due if fire_timer(run, timer)]
    if not fired:
        run.advance(username, lambda: None)
