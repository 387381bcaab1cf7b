"""Instance administration (admin, supervisor): running instances and overdue work per jabatan; suspend,
resume, cancel and retry an instance, release or reassign a work item, each with a reason and confirmed
on a second page before it is done. Who may is the engine's policy."""

from __future__ import annotations

from flask import Blueprint, flash, redirect, render_template, request, url_for
from werkzeug.wrappers import Response

from engine import (ADMIN_ACTIONS, administer_instance, administered_instance, reassign_item, release_item,
                    supervised_item, supervised_items, supervised_work)
from engine.errors import DataError

from .access import allow, me, runtime
from .i18n import translate

bp = Blueprint("instances_admin", __name__, url_prefix="/kelola")

_REASON_LIMIT = 1000


def _reason() -> str:
    reason = request.form.get("alasan", "").strip()
    if not reason:
        raise DataError.from_code("runtime_reason_required", "alasan")
    if len(reason) > _REASON_LIMIT:
        raise DataError.from_code("web.field_too_long", "alasan", field="alasan", size=len(reason),
                                  limit=_REASON_LIMIT)
    return reason


def _confirmed() -> bool:
    return request.form.get("konfirmasi") == "ya"


@bp.get("/")
@allow("supervisor")
def index() -> str:
    """The instances the account administers that are not finished, and its overdue work per jabatan."""
    running, overdue = supervised_work(runtime(), me())
    return render_template("admin_instances/index.html", running=running, overdue=overdue)


@bp.get("/instans/<int:instance_id>")
@allow("supervisor")
def instance(instance_id: int) -> str:
    """One instance: its status, its open items (release, reassign) and the status actions."""
    found = administered_instance(runtime(), me(), instance_id)
    return render_template("admin_instances/instance.html", instance=found,
                           items=supervised_items(runtime(), me(), instance_id),
                           actions=_actions_for(found.status))


def _actions_for(status: str) -> list[str]:
    return [action for action, allowed in (("suspend", status == "running"), ("resume", status == "suspended"),
                                           ("retry", status == "error"),
                                           ("cancel", status in ("running", "suspended", "error"))) if allowed]


@bp.post("/instans/<int:instance_id>/tindakan")
@allow("supervisor")
def act(instance_id: int) -> Response | str:
    """Suspend, resume, cancel or retry (``tindakan``) with a reason; the first post asks to confirm."""
    found = administered_instance(runtime(), me(), instance_id)
    action = request.form.get("tindakan", "")
    if action not in ADMIN_ACTIONS:
        raise DataError.from_code("routing_unknown_admin_action", "tindakan", action=action,
                                  actions=", ".join(ADMIN_ACTIONS))
    reason = _reason()
    if not _confirmed():
        return render_template("admin_instances/confirm.html", instance=found, action=action, reason=reason,
                               target=url_for(".act", instance_id=instance_id), item=None, to="")
    administer_instance(runtime(), me(), instance_id, action, reason)
    flash(translate(f"kelola_done_{action}", instance=instance_id), "ok")
    return redirect(url_for(".instance", instance_id=instance_id))


@bp.post("/tugas/<int:item_id>/lepas")
@allow("supervisor")
def release(item_id: int) -> Response | str:
    """Release another clerk's claim, with a reason; the first post asks to confirm."""
    item, _holders = supervised_item(runtime(), me(), item_id)
    reason = _reason()
    if not _confirmed():
        return render_template("admin_instances/confirm.html", instance=None, action="release", reason=reason,
                               target=url_for(".release", item_id=item_id), item=item, to="")
    release_item(runtime(), me(), item_id, reason)
    flash(translate("kelola_done_release", item=item_id), "ok")
    return redirect(url_for(".instance", instance_id=item.instance_id))


@bp.post("/tugas/<int:item_id>/alihkan")
@allow("supervisor")
def reassign(item_id: int) -> Response | str:
    """Hand an open item to another holder of its jabatan (``kepada``), with a reason; confirmed first."""
    item, holders = supervised_item(runtime(), me(), item_id)
    to = request.form.get("kepada", "").strip()
    if not to:
        raise DataError.from_code("kelola_choose_holder", "kepada", holders=", ".join(holders) or "-")
    reason = _reason()
    if not _confirmed():
        return render_template("admin_instances/confirm.html", instance=None, action="reassign", reason=reason,
                               target=url_for(".reassign", item_id=item_id), item=item, to=to)
    reassign_item(runtime(), me(), item_id, to, reason)
    flash(translate("kelola_done_reassign", item=item_id, user=to), "ok")
    return redirect(url_for(".instance", instance_id=item.instance_id))
