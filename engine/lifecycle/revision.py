"""Opening new versions: a revisi of an approved SOP, and direct publishing for bootstrapping.

:func:`revise` (penyusun, with a reason) opens a new round from the newest approved version and
marks the SOP's open revision requests as acted on. :func:`publish_direct` is ``alur publish``:
a version outside verifikasi and pengesahan, recorded with who (a registered user) and why.
"""

from __future__ import annotations

import datetime as dt
import os
from dataclasses import replace

from sqlalchemy import Connection, select, update

from engine.errors import AccessDeniedError, DataError, NotFoundError, TaskError
from engine.lifecycle import records
from engine.lifecycle.roles import refusal, require_reason, today_in
from engine.lifecycle.transitions import _drafter, _person, _published_sop, _write_status, status
from engine.runtime.facade import Runtime
from engine.runtime.work import VersionInfo
from engine.sop.model import Sop
from engine.store.models import account_sessions, accounts, revision_requests, sop_lifecycle


def revise(runtime: Runtime, key: str, by: str, reason: str = "") -> Sop:
    """Revisi: a new working draft from the newest approved version (with today's tanggal revisi).

    Opens a new round and answers the open revision requests of the SOP.

    :raises AccessDeniedError: ``by`` is not a penyusun.
    :raises DataError: no reason.
    :raises TaskError: the SOP is not approved.
    """
    _person(runtime, by, "penyusun")
    reason = records.checked_text(reason, "alasan")
    require_reason(reason)
    current = status(runtime, key)
    if current != "disahkan":
        raise refusal(TaskError, "lifecycle_wrong_status", key=key, status=current, allowed="disahkan")
    approved = [info.number for info in runtime.versions(key) if not info.draft]
    sop = _published_sop(runtime, key, approved[-1] if approved else None)
    _drafter(runtime, by, sop.identity.unit)
    now = runtime.clock.now()
    sop = replace(sop, identity=replace(sop.identity, tanggal_revisi=today_in(runtime.calendar.tz, now)))
    with runtime.db.write() as connection:
        _enter_revisi(connection, key, sop, by, now, reason)
    return sop


def publish_direct(runtime: Runtime, source: str | os.PathLike[str] | Sop, key: str | None, by: str, reason: str, *,
                   draft: bool = False, escalation: bool = False) -> VersionInfo:
    """Publish outside the register (bootstrapping: ``alur publish``), recording who and why.

    ``by`` must be a login account (``accounts``), enabled: a name only the runtime knows (``alur user
    add``) signs nothing, so it cannot publish either.

    :raises DataError: no user or no reason given.
    :raises NotFoundError: ``by`` is not a registered user, or has no login account.
    :raises AccessDeniedError: ``by``'s account is disabled.
    """
    reason = records.checked_text(reason, "alasan")
    if not by.strip() or not reason:
        raise refusal(DataError, "lifecycle_publisher_required", "as" if not by.strip() else "alasan")
    try:
        runtime.user(by)
    except NotFoundError as exc:
        raise refusal(NotFoundError, "lifecycle_unknown_user", user=by) from exc
    with runtime.db.read() as connection:
        login = connection.execute(select(accounts.c.id).where(accounts.c.username == by)).first()
        disabled = connection.execute(select(account_sessions.c.disabled)
                                      .where(account_sessions.c.username == by)).scalar()
    if login is None:
        raise refusal(NotFoundError, "gov_publish_not_account", user=by)
    if disabled:
        raise refusal(AccessDeniedError, "gov_publish_account_disabled", user=by)
    info = runtime.publish(source, key, draft=draft, escalation=escalation, by=by)
    if info.created:
        now = runtime.clock.now()
        with runtime.db.write() as connection:
            row = connection.execute(select(sop_lifecycle.c.status).where(sop_lifecycle.c.key == info.key)).first()
            records.record(connection, info.key, "publish", row.status if row is not None else
                           ("ujicoba" if draft else "disahkan"), by, now, round_id=None, reason=reason,
                           version=info.number)
    return info


def revise_on_evaluation(connection: Connection, key: str, approved: Sop, by: str, now: dt.datetime,
                         reason: str, tanggal_revisi: dt.date) -> bool:
    """An evaluation's "revisi" moves an approved SOP to ``revisi`` (in the caller's transaction).

    As far as the lifecycle allows: only an SOP of the register whose status is ``disahkan`` moves
    (one published outside the register, ``alur publish``, has no register row to move). Its working
    draft becomes the approved version evaluated, with the tanggal revisi; a round opens and the
    event names the evaluator and the reason, and the SOP's open revision requests are marked as
    acted on (the revisi is open). An SOP already being revised (draft, verifikasi, ujicoba,
    revisi) keeps its draft and status: the evaluation's request waits for its penyusun.

    :return: whether the status moved.
    """
    current = connection.execute(select(sop_lifecycle.c.status).where(sop_lifecycle.c.key == key)).scalar()
    if current != "disahkan":
        return False
    sop = replace(approved, identity=replace(approved.identity, tanggal_revisi=tanggal_revisi))
    _enter_revisi(connection, key, sop, by, now, reason)
    return True


def _enter_revisi(connection: Connection, key: str, sop: Sop, by: str, now: dt.datetime, reason: str) -> None:
    """Move ``key`` to ``revisi`` with ``sop`` as its working draft: a round opens, the event names who
    and why, and the SOP's open revision requests are marked as acted on."""
    _write_status(connection, key, "revisi", by, now, sop)
    round_ = records.ensure_round(connection, key, by, now)
    records.record(connection, key, "revise", "revisi", by, now, round_id=round_.id, reason=reason)
    connection.execute(update(revision_requests).where(revision_requests.c.key == key,
                                                       revision_requests.c.status == "terbuka")
                       .values(status="ditindaklanjuti", closed_by=by, closed_at=now))
