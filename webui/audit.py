"""The auditor (pemantau): instances with filters, an instance's timeline and traced flowchart, the audit chain."""

from __future__ import annotations

from flask import Blueprint, render_template, request

from engine import audit_chain_for, instance_for, list_instances, register_for, render, timeline

from .access import allow, me, runtime
from .formatting import request_date
from .i18n import current_language, translate
from .paging import ALL_ROWS, list_query, page_of, pages, search_rows
from .svg import inline

bp = Blueprint("audit", __name__, url_prefix="/pantau")


def _flag(name: str) -> bool | None:
    return {"ya": True, "tidak": False}.get(request.args.get(name, ""))


@bp.get("/")
@allow("pemantau")
def index() -> str:
    """Instances filtered by SOP, status, overdue, trial and start period, searched by registration
    number or applicant, one page at a time with the count of all."""
    query = list_query(("terbaru",))
    rows = list_instances(runtime(), me(), key=request.args.get("sop", ""), status=request.args.get("status", ""),
                          overdue=_flag("terlambat"), trial=_flag("ujicoba"), since=request_date("dari"),
                          until=request_date("sampai"), limit=ALL_ROWS)
    rows = search_rows(rows, query.search, lambda row: row.instance.registration, lambda row: row.instance.subject)
    return render_template("audit/index.html", rows=page_of(rows, query), total=len(rows), query=query,
                           pages=pages(len(rows), query.per), args=request.args, keys=_keys(), names=_names())


def _names() -> dict[str, str]:
    """SOP key -> its name, so lists show "Permohonan Cuti Tahunan Pegawai", not a slug."""
    return {entry.key: entry.nama or entry.key for entry in register_for(runtime(), me())}


def _keys() -> list[str]:
    return [entry.key for entry in register_for(runtime(), me()) if entry.version]


@bp.get("/rantai")
@allow("pemantau")
def chain() -> str:
    """Recompute the hash chain of every instance the auditor sees."""
    instances, events, broken = audit_chain_for(runtime(), me())
    return render_template("audit/chain.html", instances=instances, events=events, broken=broken)


@bp.get("/instans/<int:instance_id>")
@allow("pemantau")
def instance(instance_id: int) -> str:
    """Timeline (who, when, working time against the standard) and the flowchart with the path drawn."""
    instance_for(runtime(), me(), instance_id)
    found, events = runtime().trace(instance_id)
    sop, entries, header = runtime().trace_print(instance_id)
    svg = inline(render(sop, entries, lang=current_language(), fmt="svg", calendar=runtime().calendar,
                        instance=header),
                 translate("flowchart_trace_label", nama=sop.identity.nama or found.key, id=found.id))
    activities = {step.id: step.activity or step.id for step in sop.steps}
    return render_template("audit/instance.html", instance=found, events=events, steps=timeline(runtime(), me(), instance_id),
                           svg=svg, sop=sop, activities=activities,
                           documents=runtime().documents(instance_id))
