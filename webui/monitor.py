"""Monitoring and evaluation pages: the report with its charts and process map, the pre-filled
monitoring form, ujicoba feedback and report, the evaluation form, log export and conformance.

Every figure comes from the engine (:mod:`engine.monitoring.report`, :mod:`engine.lifecycle.ujicoba`,
:mod:`engine.monitoring.evaluation`, :mod:`engine.conformance`); these views only read the form and show.
"""

from __future__ import annotations

from typing import Any

from flask import Blueprint, Response, current_app, redirect, render_template, request, url_for
from markupsafe import Markup, escape
from werkzeug.wrappers import Response as WerkzeugResponse

from engine import (
    EVALUATION_QUESTIONS,
    OUTCOMES,
    EvaluationAnswer,
    MonitoringRow,
    MonitoringScope,
    StepStats,
    conformance_for,
    evaluation_proposals_for,
    evaluations_for,
    feedback_requests_for,
    give_feedback,
    log_for,
    monitoring_form_pdf,
    monitoring_due_for,
    monitoring_forms_for,
    monitoring_report_pdf,
    monitoring_schedule_for,
    monitoring_scope,
    monitored_register_for,
    monitored_sop,
    monitoring_xlsx,
    prefill_monitoring_form,
    process_map_for,
    read_csv,
    read_xes,
    report_for,
    save_evaluation_for,
    save_monitoring_form_for,
    schedule_text,
    standard_path_text,
    step_chart,
    trend_chart,
    trend_for,
    typed_value,
    ujicoba_for,
    kind_time_text,
    message,
    working_time_text,
)
from engine.errors import InputError, RenderError

from .access import allow, me, runtime, sop_pemantau
from .formatting import request_date
from .params import ParameterError, download_name, request_int
from .i18n import current_language, translate
from .svg import inline

bp = Blueprint("monitor", __name__, url_prefix="/pemantauan")


#: Bounds of a conformance upload (checked in a request thread: size and events bound its time).
CONFORMANCE_MAX_BYTES = 2_000_000
CONFORMANCE_MAX_EVENTS = 20_000


def _scope() -> MonitoringScope:
    """The period asked for (the engine's default period when none is given) and whether trial runs are meant."""
    key = (request.view_args or {}).get("key")
    return monitoring_scope(runtime(), me(), request_date("dari"), request_date("sampai"),
                            trial=request.values.get("ujicoba") == "ya", key=str(key) if key else None)


def _zone() -> str:
    """The deployment zone's short name (WIB by default), which every period's days are in."""
    import datetime as dt

    return dt.datetime.now(runtime().calendar.tz).strftime("%Z")


def _period_args() -> dict[str, Any]:
    """The period parameters of this request, for links and redirects (nothing else is passed on)."""
    return {name: request.args[name] for name in ("dari", "sampai", "ujicoba") if name in request.args}


@bp.get("/")
@allow("pemantau", "penyusun", "pengesah")
def index() -> str:
    """The published SOPs of the account's units, with their monitoring, ujicoba and evaluation pages."""
    return render_template("monitor/index.html", entries=monitored_register_for(runtime(), me()),
                           schedule=monitoring_schedule_for(runtime(), me()))


@bp.get("/<key>")
@allow("pemantau", "penyusun")
@sop_pemantau
def report(key: str) -> str:
    """The monitoring report of one SOP for a period, with charts and the process map."""
    scope = _scope()
    lang = current_language()
    found = report_for(runtime(), me(), key, scope)
    trend = trend_for(runtime(), me(), key, scope)
    charts = {
        "steps": inline(step_chart(found.step_figures(), found.minutes_per_day, lang),
                        translate("chart_label", title=message("plot_steps_title", lang))),
        "trend": inline(trend_chart(trend, found.standard_cycle_minutes, found.minutes_per_day, lang),
                        translate("chart_label", title=message("plot_trend_title", lang))),
    }
    try:
        charts["map"] = inline(process_map_for(runtime(), me(), key, scope, lang),
                               translate("process_map_label", nama=found.nama or key))
    except RenderError as exc:  # Graphviz missing: the report still stands without its map
        charts["map"] = Markup(f'<p class="muted">{escape(exc.render(lang))}</p>')

    due = monitoring_due_for(runtime(), me(), key)

    def minutes(value: float | None) -> str:
        return "–" if value is None else working_time_text(value, found.minutes_per_day, lang)

    def step_minutes(step: StepStats, value: float | None) -> str:
        """A step's figure in its WAKTU's own kind of time (a "1 x 24 jam" step on the clock)."""
        return "–" if value is None else kind_time_text(value, step.time_kind, found.minutes_per_day, lang)

    return render_template("monitor/report.html", report=found, charts=charts, minutes=minutes,
                           step_minutes=step_minutes, key=key, args=_period_args(), zone=_zone(),
                           period=scope, path_text=standard_path_text(found, lang), due=due,
                           schedule=schedule_text(due, lang))


@bp.get("/<key>/laporan.<fmt>")
@allow("pemantau", "penyusun")
@sop_pemantau
def report_pdf(key: str, fmt: str) -> Response:
    """The monitoring report of the period as a PDF (the same figures as the report page)."""
    if fmt != "pdf":
        raise InputError.from_code("file_unknown_type", label=f"laporan.{fmt}")
    found = report_for(runtime(), me(), key, _scope())
    data = monitoring_report_pdf(found, current_language(), zone=_zone(), due=monitoring_due_for(runtime(), me(), key))
    return Response(data, mimetype="application/pdf",
                    headers={"Content-Disposition": f'attachment; filename="{download_name("laporan-" + key, "pdf")}"'})


@bp.route("/<key>/formulir", methods=["GET", "POST"])
@allow("pemantau")
@sop_pemantau
def form(key: str) -> str | WerkzeugResponse:
    """The monitoring form: pre-filled from the report, edited and saved by the assessor as revisions."""
    scope = _scope()
    lang = current_language()
    found = report_for(runtime(), me(), key, scope)
    saved = monitoring_forms_for(runtime(), me(), key, found)
    current = saved[0].form if saved else prefill_monitoring_form(found, lang, me().nama or me().username)
    if request.method == "POST":
        rows = []
        for index, row in enumerate(current.rows):
            verdict = request.form.get(f"penilaian_{index}", "")
            rows.append(MonitoringRow(row.number, row.procedure,
                                      {"baik": True, "tidak": False}.get(verdict),
                                      request.form.get(f"catatan_{index}", "").strip(),
                                      request.form.get(f"tindakan_{index}", "").strip(),
                                      request.form.get(f"paraf_{index}", "").strip()))
        current.rows = rows
        current.assessor = request.form.get("penilai", current.assessor).strip()
        base = request_int("revisi")
        save_monitoring_form_for(runtime(), me(), key, current, trial=scope.trial, base_revision=base)
        return redirect(url_for("monitor.form", key=key, **_period_args()))
    return render_template("monitor/form.html", key=key, form=current, saved=saved, args=_period_args(),
                           revision=saved[0].revision if saved else "", zone=_zone())


@bp.get("/<key>/formulir.<fmt>")
@allow("pemantau", "penyusun")
@sop_pemantau
def form_file(key: str, fmt: str) -> Response:
    """The latest saved monitoring form (or the pre-filled one) as PDF or XLSX."""
    lang = current_language()
    found = report_for(runtime(), me(), key, _scope())
    saved = monitoring_forms_for(runtime(), me(), key, found)
    current = saved[0].form if saved else prefill_monitoring_form(found, lang)
    if fmt == "xlsx":
        data, mimetype = monitoring_xlsx(current, lang), "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
    elif fmt == "pdf":
        data, mimetype = monitoring_form_pdf(current, lang), "application/pdf"
    else:
        raise InputError.from_code("file_unknown_type", label=f"formulir.{fmt}")
    return Response(data, mimetype=mimetype,
                    headers={"Content-Disposition": f'attachment; filename="{download_name("monitoring-" + key, fmt)}"'})


@bp.get("/<key>/log.<fmt>")
@allow("pemantau")
@sop_pemantau
def log_file(key: str, fmt: str) -> Response:
    """The SOP's execution as an event log (XES or CSV) for process-mining tools."""
    import tempfile
    from pathlib import Path

    if fmt not in ("xes", "csv"):
        raise InputError.from_code("file_unknown_type", label=f"log.{fmt}")
    scope = _scope()
    with tempfile.TemporaryDirectory() as folder:
        path = Path(folder) / f"{key}.{fmt}"
        log_for(runtime(), me(), key, path, scope)
        data = path.read_bytes()
    mimetype = "application/xml" if fmt == "xes" else "text/csv"
    return Response(data, mimetype=mimetype, headers={"Content-Disposition": f'attachment; filename="{download_name(key, fmt)}"'})


@bp.route("/<key>/kesesuaian", methods=["GET", "POST"])
@allow("pemantau", "penyusun")
@sop_pemantau
def conformance(key: str) -> str:
    """Check an external event log (CSV or XES, e.g. recorded on paper during a trial) against the SOP."""
    result = None
    monitored_sop(runtime(), me(), key)  # refused before any upload is read when the SOP is not the account's
    if request.method == "POST":
        upload = request.files.get("log")
        if upload is None or not upload.filename:
            raise InputError.from_code("file_unknown_type", label="-")
        from pathlib import PurePath

        # The upload is read in memory, bounded, under a plain label: no server path can reach a message.
        suffix = PurePath(upload.filename).suffix.lower()
        if suffix not in (".csv", ".xes"):
            raise InputError.from_code("file_unknown_type", label=upload.filename)
        most = int(current_app.config.get("CONFORMANCE_MAX_BYTES", CONFORMANCE_MAX_BYTES))
        events = int(current_app.config.get("CONFORMANCE_MAX_EVENTS", CONFORMANCE_MAX_EVENTS))
        data = upload.stream.read(most + 1)
        if len(data) > most:
            raise ParameterError("web.upload_too_large", "log", size=f"> {most / 1e6:.2f}", limit=f"{most / 1e6:.2f}")
        log = (read_csv if suffix == ".csv" else read_xes)(data, f"log{suffix}")
        if log.event_count > events:
            raise ParameterError("web.upload_too_large", "log", size=f"{len(data) / 1e6:.2f}",
                                 limit=f"{most / 1e6:.2f} / {events} events")
        result = conformance_for(runtime(), me(), key, log)
    statuses = ", ".join(f"{translate('stage9_status_' + status)} {count}"
                         for status, count in result.status_counts().items()) if result else ""
    return render_template("monitor/conformance.html", key=key, result=result, lang=current_language(),
                           statuses=statuses)


@bp.route("/umpan-balik", methods=["GET", "POST"])
@allow("pelaksana")
def feedback() -> str | WerkzeugResponse:
    """Ujicoba: the clerk rates each trial step they completed (kemudahan, kesesuaian, ketepatan)."""
    if request.method == "POST":
        def score(name: str) -> int:
            # typed as every posted value is; the engine refuses anything but 1-5, naming the field
            value: int = typed_value(request.form.get(name, ""))
            return value

        give_feedback(runtime(), request_int("item", 0) or 0, me().username, score("kemudahan"),
                      score("kesesuaian"), score("ketepatan"), request.form.get("komentar", "").strip())
        return redirect(url_for("monitor.feedback"))
    return render_template("monitor/feedback.html", requests=feedback_requests_for(runtime(), me()))


@bp.get("/<key>/ujicoba")
@allow("penyusun", "pengesah", "pemantau")
def trial(key: str) -> str:
    """The ujicoba report: timing and the clerks' ratings per step, and whether approval may go ahead."""
    found, ready, reasons = ujicoba_for(runtime(), me(), key)
    lang = current_language()

    def minutes(value: float | None) -> str:
        if value is None or found is None:
            return "–"
        return working_time_text(value, found.timing.minutes_per_day, lang)

    return render_template("monitor/ujicoba.html", key=key, report=found, ready=ready, reasons=reasons,
                           minutes=minutes)


@bp.route("/<key>/evaluasi", methods=["GET", "POST"])
@allow("pemantau", "penyusun")
@sop_pemantau
def evaluation(key: str) -> str | WerkzeugResponse:
    """The evaluation form: seven Ya/Tidak questions with notes and the outcome; "revisi" opens a
    revision request for the owner unit's penyusun."""
    lang = current_language()
    if request.method == "POST":
        answers = [EvaluationAnswer({"ya": True, "tidak": False}.get(request.form.get(f"jawaban_{index}", "")),
                                    request.form.get(f"catatan_{index}", "").strip())
                   for index in range(len(EVALUATION_QUESTIONS))]
        # the SOP's name, number and unit come from the stored version, never from the form
        save_evaluation_for(runtime(), me(), key, answers, request.form.get("hasil", ""),
                            request.form.get("catatan", ""), request.form.get("penilai", ""))
        return redirect(url_for("monitor.evaluation", key=key))
    sop = monitored_sop(runtime(), me(), key)
    questions = [pair[1] if lang == "en" else pair[0] for pair in EVALUATION_QUESTIONS]
    outcomes = {value: texts[1] if lang == "en" else texts[0] for value, texts in OUTCOMES.items()}
    # the data proposes each answer with its figures; the evaluator confirms or changes them
    period, proposals = evaluation_proposals_for(runtime(), me(), key, lang)
    return render_template("monitor/evaluation.html", key=key, sop=sop, questions=questions, outcomes=outcomes,
                           history=evaluations_for(runtime(), me(), key), proposals=proposals, period=period,
                           zone=_zone())
