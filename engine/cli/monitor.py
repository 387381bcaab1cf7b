"""``alur monitor`` (the monitoring report, its pre-filled form as PDF/XLSX, JSON) and ``alur log export``.

The database is ``$ALUR_DATABASE_URL`` (default SQLite ``alur.db`` here). With ``--as ACCOUNT`` a
command answers as that login would on the web: the policy's units of the SOP
(:func:`engine.access.readers.monitor_units_for`); without it, as the server's operator (every unit).
Exit status: 0 done, 1 refused (unknown SOP or version, an account that may not read it), 2 unusable
input (an unknown output suffix).
"""

from __future__ import annotations

import datetime as dt
import json
from pathlib import Path

import click

from engine.access.accounts import account
from engine.access.readers import monitor_units_for
from engine.cli.lang import current_lang
from engine.errors import AlurError, InputError
from engine.formats.files import write_atomically
from engine.messages import message
from engine.monitoring.workbook import monitoring_xlsx
from engine.monitoring.report import MonitoringReport, monitoring_report
from engine.monitoring.form import monitoring_form_pdf, prefill_monitoring_form
from engine.runtime.facade import Runtime
from engine.sop.duration_text import kind_time_text
from engine.monitoring.export import export_log


def _minutes(value: float | None, report: MonitoringReport, lang: str, kind: str = "working") -> str:
    if value is None:
        return message("cli_monitor_none", lang)
    return kind_time_text(value, kind, report.minutes_per_day, lang)


def _share(value: float | None) -> str:
    return "-" if value is None else f"{round(value * 100)}%"


def report_lines(report: MonitoringReport, lang: str = "id") -> list[str]:
    """The report as text lines for the terminal."""
    period = (message("form_period_range", lang, start=report.period_start or "...", end=report.period_end or "...")
              if report.period_start or report.period_end else message("cli_monitor_all_time", lang))
    lines = [message("cli_monitor_title", lang, key=report.key, nama=report.nama, nomor=report.nomor or "-",
                     versions=", ".join(map(str, report.versions)) or "-",
                     trial=message("cli_monitor_trial", lang) if report.trial else "", period=period),
             message("cli_monitor_counts", lang, started=report.started, completed=report.completed,
                     running=report.running, cancelled=report.cancelled, overdue=report.overdue),
             message("cli_monitor_cycle", lang, median=_minutes(report.cycle_median_minutes, report, lang),
                     p90=_minutes(report.cycle_p90_minutes, report, lang),
                     standard=_minutes(report.standard_cycle_minutes, report, lang))]
    if report.started_by_call:
        lines.append(message("cli_monitor_started_by_call", lang, count=report.started_by_call))
    lines.append(message("cli_monitor_steps", lang))
    for step in report.steps:
        lines.append(message("cli_monitor_step", lang, number=step.number, kegiatan=step.kegiatan,
                             jabatan=step.jabatan, waktu=step.waktu or "-", count=step.count,
                             median=_minutes(step.median_minutes, report, lang, step.time_kind),
                             p90=_minutes(step.p90_minutes, report, lang, step.time_kind), within=_share(step.within_share),
                             excess=_minutes(step.excess_minutes, report, lang, step.time_kind), rework=step.rework,
                             missing=step.missing_kelengkapan))
        if step.call:
            lines.append(message("cli_monitor_call_step", lang, sop=step.call, open=step.open))
    bottlenecks = "; ".join(f"{step.number}. {step.kegiatan} ({_minutes(step.excess_minutes, report, lang, step.time_kind)})"
                            for step in report.bottlenecks)
    lines.append(message("cli_monitor_bottlenecks", lang, items=bottlenecks or message("cli_monitor_none", lang)))
    lines.append(message("cli_monitor_load", lang))
    for load in report.jabatan:
        lines.append(message("cli_monitor_load_row", lang, jabatan=load.jabatan, completed=load.completed,
                             open=load.open, late=load.overdue_open,
                             minutes=_minutes(load.working_minutes, report, lang)))
    for decision in report.decisions:
        lines.append(message("cli_monitor_decision", lang, number=decision.number, kegiatan=decision.kegiatan,
                             ya=decision.ya, tidak=decision.tidak))
    lines.append(message("cli_monitor_rework", lang, count=report.rework_instances,
                         share=_share(report.missing_kelengkapan_share)))
    return lines


def _day(value: dt.datetime | None) -> dt.date | None:
    return value.date() if value is not None else None


#: ``--as ACCOUNT``: answer as that login (its units); without it, as the server's operator.
_AS = click.option("--as", "username", default="", help=message("gov_cli_as_option", "id"))


def _units(runtime: Runtime, username: str, key: str) -> frozenset[int] | None:
    """The units ``username`` reads of SOP ``key`` (the web's policy); ``None`` (every unit) without one."""
    return monitor_units_for(runtime, account(runtime, username), key) if username else None


@click.command("monitor")
@click.argument("key", metavar="SOP")
@click.option("--from", "--dari", "start", type=click.DateTime(["%Y-%m-%d"]), help="Hari pertama (YYYY-MM-DD).")
@click.option("--to", "--sampai", "end", type=click.DateTime(["%Y-%m-%d"]), help="Hari terakhir (YYYY-MM-DD).")
@click.option("--ujicoba", "--trial", "trial", is_flag=True, help="Laporkan instans ujicoba / report trial instances.")
@click.option("--versi", "--version", "versions", type=int, multiple=True, help="Nomor versi (boleh berulang).")
@click.option("--penilai", "--assessor", "assessor", default="", help="Nama penilai pada formulir.")
@click.option("-o", "--output", "target", type=click.Path(dir_okay=False),
              help="Tulis formulir monitoring (.pdf, .xlsx) atau laporan (.json).")
@_AS
def monitor_command(key: str, start: dt.datetime | None, end: dt.datetime | None, trial: bool,
                    versions: tuple[int, ...], assessor: str, target: str | None, username: str) -> None:
    """Laporan monitoring SOP dari data pelaksanaan (dan formulir monitoring terisi).

    Dengan --as AKUN: hanya unit yang boleh dilihat akun itu (seperti di web). Tanpa --as: sebagai
    operator server, semua unit.
    """
    lang = current_lang()
    suffix = Path(target).suffix.lower() if target else ""
    if target and suffix not in (".pdf", ".xlsx", ".json"):
        click.echo(message("cli_monitor_bad_suffix", lang, out=target), err=True)
        raise SystemExit(2)
    try:
        runtime = Runtime()
        try:
            report = monitoring_report(runtime, key, _day(start), _day(end), versions=versions or None, trial=trial,
                                       units=_units(runtime, username, key))
        finally:
            runtime.close()
    except AlurError as exc:
        click.echo(exc.render(lang), err=True)
        raise SystemExit(exc.exit_code) from exc
    for line in report_lines(report, lang):
        click.echo(line)
    if not target:
        return
    form = prefill_monitoring_form(report, lang, assessor)
    if suffix == ".json":
        from engine.monitoring.form import form_to_json

        data = json.dumps({"report": report.to_dict(), "form": json.loads(form_to_json(form))}, ensure_ascii=False,
                          indent=1).encode("utf-8")
    elif suffix == ".xlsx":
        data = monitoring_xlsx(form, lang)
    else:
        data = monitoring_form_pdf(form, lang)
    write_atomically(Path(target), data)
    click.echo(message("cli_monitor_written", lang, out=target))


@click.command("export")
@click.option("--sop", "key", required=True, help="Kunci SOP di basis data / the SOP's key.")
@click.option("--from", "--dari", "start", type=click.DateTime(["%Y-%m-%d"]), help="Hari pertama (YYYY-MM-DD).")
@click.option("--to", "--sampai", "end", type=click.DateTime(["%Y-%m-%d"]), help="Hari terakhir (YYYY-MM-DD).")
@click.option("--ujicoba", "--trial", "trial", is_flag=True, help="Instans ujicoba / trial instances.")
@click.option("-o", "--output", "target", required=True, type=click.Path(dir_okay=False),
              help="Berkas tujuan: .xes atau .csv.")
@_AS
def log_export_command(key: str, start: dt.datetime | None, end: dt.datetime | None, trial: bool,
                       target: str, username: str) -> None:
    """Ekspor log peristiwa pelaksanaan SOP dari basis data (XES atau CSV).

    Dengan --as AKUN: hanya instans unit yang boleh dilihat akun itu (seperti di web). Tanpa --as:
    sebagai operator server, semua unit.
    """
    lang = current_lang()
    from engine.eventlog.files import log_format

    try:
        log_format(target)
    except InputError as exc:
        click.echo(exc.render(lang), err=True)
        raise SystemExit(2) from exc
    try:
        runtime = Runtime()
        try:
            written = export_log(runtime, key, target, _day(start), _day(end), trial=trial,
                                 units=_units(runtime, username, key))
        finally:
            runtime.close()
    except AlurError as exc:
        click.echo(exc.render(lang), err=True)
        raise SystemExit(exc.exit_code) from exc
    click.echo(message("cli_monitor_log_written", lang, out=target, events=written))

