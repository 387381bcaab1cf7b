"""``alur monitor`` (the monitoring report, its pre-filled form as PDF/XLSX, JSON) and ``alur log export``.

The database is ``$ALUR_DATABASE_URL`` (default SQLite ``alur.db`` here). Exit status: 0 done,
1 refused (unknown SOP or version), 2 unusable input (an unknown output suffix).
"""

from __future__ import annotations

import datetime as dt
import json
from pathlib import Path

import click

from engine.errors import AlurError, InputError
from engine.formats.files import write_atomically
from engine.monitoring.workbook import monitoring_xlsx
from engine.monitoring.report import MonitoringReport, monitoring_report
from engine.monitoring.form import minutes_text, monitoring_form_pdf, prefill_monitoring_form
from engine.runtime.facade import Runtime
from engine.monitoring.export import export_log

_TEXT: dict[str, tuple[str, str]] = {
    "title": ("SOP {key}: {nama} ({nomor}); versi {versions}{trial}; periode {period}",
              "SOP {key}: {nama} ({nomor}); version {versions}{trial}; period {period}"),
    "trial": (" [UJICOBA]", " [TRIAL]"),
    "all_time": ("seluruhnya", "all time"),
    "counts": ("Instans: {started} dimulai, {completed} selesai, {running} berjalan, {cancelled} dibatalkan, "
               "{overdue} melewati batas waktu.",
               "Instances: {started} started, {completed} completed, {running} running, {cancelled} cancelled, "
               "{overdue} past a due time."),
    "cycle": ("Waktu siklus: median {median}, p90 {p90}; jumlah waktu baku {standard}.",
              "Cycle time: median {median}, p90 {p90}; sum of standards {standard}."),
    "steps": ("Langkah (waktu kerja aktual dibanding waktu baku):", "Steps (actual working time against the standard):"),
    "step": ("  {number}. {kegiatan} [{jabatan}] baku {waktu}: n={count}, median {median}, p90 {p90}, "
             "sesuai baku {within}, kelebihan {excess}, ulang {rework}, kelengkapan kurang {missing}",
             "  {number}. {kegiatan} [{jabatan}] standard {waktu}: n={count}, median {median}, p90 {p90}, "
             "within {within}, excess {excess}, redone {rework}, kelengkapan missing {missing}"),
    "bottlenecks": ("Hambatan (total kelebihan waktu): {items}", "Bottlenecks (total excess time): {items}"),
    "load": ("Beban per jabatan:", "Load per jabatan:"),
    "load_row": ("  {jabatan}: {completed} selesai, {open} terbuka ({late} terlambat), {minutes}",
                 "  {jabatan}: {completed} done, {open} open ({late} late), {minutes}"),
    "decision": ("Keputusan {number}. {kegiatan}: Ya {ya}, Tidak {tidak}", "Decision {number}. {kegiatan}: Ya {ya}, "
                 "Tidak {tidak}"),
    "rework": ("Instans dengan pengerjaan ulang: {count}; langkah dengan kelengkapan kurang: {share}.",
               "Instances with rework: {count}; steps with missing kelengkapan: {share}."),
    "none": ("-", "-"),
    "written": ("{out} ditulis.", "{out} written."),
    "log_written": ("{out} ditulis ({events} peristiwa).", "{out} written ({events} events)."),
    "bad_suffix": ("Akhiran berkas keluaran tidak dikenal: {out}; gunakan .pdf, .xlsx atau .json.",
                   "Unknown output suffix: {out}; use .pdf, .xlsx or .json."),
}


def _t(text_key: str, lang: str, **params: object) -> str:
    indonesian, english = _TEXT[text_key]
    return (english if lang == "en" else indonesian).format(**params)


def _lang() -> str:
    root = click.get_current_context().find_root().obj or {}
    return str(root.get("lang", "id"))


def _minutes(value: float | None, report: MonitoringReport, lang: str) -> str:
    return _t("none", lang) if value is None else minutes_text(value, report.minutes_per_day, lang)


def _share(value: float | None) -> str:
    return "-" if value is None else f"{round(value * 100)}%"


def report_lines(report: MonitoringReport, lang: str = "id") -> list[str]:
    """The report as text lines for the terminal."""
    period = (f"{report.period_start or '...'} s.d. {report.period_end or '...'}"
              if report.period_start or report.period_end else _t("all_time", lang))
    lines = [_t("title", lang, key=report.key, nama=report.nama, nomor=report.nomor or "-",
                versions=", ".join(map(str, report.versions)) or "-", trial=_t("trial", lang) if report.trial else "",
                period=period),
             _t("counts", lang, started=report.started, completed=report.completed, running=report.running,
                cancelled=report.cancelled, overdue=report.overdue),
             _t("cycle", lang, median=_minutes(report.cycle_median_minutes, report, lang),
                p90=_minutes(report.cycle_p90_minutes, report, lang),
                standard=_minutes(report.standard_cycle_minutes, report, lang)),
             _t("steps", lang)]
    for step in report.steps:
        lines.append(_t("step", lang, number=step.number, kegiatan=step.kegiatan, jabatan=step.jabatan,
                        waktu=step.waktu or "-", count=step.count, median=_minutes(step.median_minutes, report, lang),
                        p90=_minutes(step.p90_minutes, report, lang), within=_share(step.within_share),
                        excess=_minutes(step.excess_minutes, report, lang), rework=step.rework,
                        missing=step.missing_kelengkapan))
    bottlenecks = "; ".join(f"{step.number}. {step.kegiatan} ({_minutes(step.excess_minutes, report, lang)})"
                            for step in report.bottlenecks)
    lines.append(_t("bottlenecks", lang, items=bottlenecks or _t("none", lang)))
    lines.append(_t("load", lang))
    for load in report.jabatan:
        lines.append(_t("load_row", lang, jabatan=load.jabatan, completed=load.completed, open=load.open,
                        late=load.overdue_open, minutes=_minutes(load.working_minutes, report, lang)))
    for decision in report.decisions:
        lines.append(_t("decision", lang, number=decision.number, kegiatan=decision.kegiatan, ya=decision.ya,
                        tidak=decision.tidak))
    lines.append(_t("rework", lang, count=report.rework_instances,
                    share=_share(report.missing_kelengkapan_share)))
    return lines


def _day(value: dt.datetime | None) -> dt.date | None:
    return value.date() if value is not None else None


@click.command("monitor")
@click.argument("key", metavar="SOP")
@click.option("--from", "--dari", "start", type=click.DateTime(["%Y-%m-%d"]), help="Hari pertama (YYYY-MM-DD).")
@click.option("--to", "--sampai", "end", type=click.DateTime(["%Y-%m-%d"]), help="Hari terakhir (YYYY-MM-DD).")
@click.option("--ujicoba", "--trial", "trial", is_flag=True, help="Laporkan instans ujicoba / report trial instances.")
@click.option("--versi", "--version", "versions", type=int, multiple=True, help="Nomor versi (boleh berulang).")
@click.option("--penilai", "--assessor", "assessor", default="", help="Nama penilai pada formulir.")
@click.option("-o", "--output", "target", type=click.Path(dir_okay=False),
              help="Tulis formulir monitoring (.pdf, .xlsx) atau laporan (.json).")
def monitor_command(key: str, start: dt.datetime | None, end: dt.datetime | None, trial: bool,
                    versions: tuple[int, ...], assessor: str, target: str | None) -> None:
    """Laporan monitoring SOP dari data pelaksanaan (dan formulir monitoring terisi)."""
    lang = _lang()
    suffix = Path(target).suffix.lower() if target else ""
    if target and suffix not in (".pdf", ".xlsx", ".json"):
        click.echo(_t("bad_suffix", lang, out=target), err=True)
        raise SystemExit(2)
    try:
        runtime = Runtime()
        try:
            report = monitoring_report(runtime, key, _day(start), _day(end), versions=versions or None, trial=trial)
        finally:
            runtime.close()
    except AlurError as exc:
        click.echo(exc.message, err=True)
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
    click.echo(_t("written", lang, out=target))


@click.command("export")
@click.option("--sop", "key", required=True, help="Kunci SOP di basis data / the SOP's key.")
@click.option("--from", "--dari", "start", type=click.DateTime(["%Y-%m-%d"]), help="Hari pertama (YYYY-MM-DD).")
@click.option("--to", "--sampai", "end", type=click.DateTime(["%Y-%m-%d"]), help="Hari terakhir (YYYY-MM-DD).")
@click.option("--ujicoba", "--trial", "trial", is_flag=True, help="Instans ujicoba / trial instances.")
@click.option("-o", "--output", "target", required=True, type=click.Path(dir_okay=False),
              help="Berkas tujuan: .xes atau .csv.")
def log_export_command(key: str, start: dt.datetime | None, end: dt.datetime | None, trial: bool,
                       target: str) -> None:
    """Ekspor log peristiwa pelaksanaan SOP dari basis data (XES atau CSV)."""
    lang = _lang()
    from engine.eventlog.files import log_format

    try:
        log_format(target)
    except InputError as exc:
        click.echo(exc.message, err=True)
        raise SystemExit(2) from exc
    try:
        runtime = Runtime()
        try:
            written = export_log(runtime, key, target, _day(start), _day(end), trial=trial)
        finally:
            runtime.close()
    except AlurError as exc:
        click.echo(exc.message, err=True)
        raise SystemExit(exc.exit_code) from exc
    click.echo(_t("log_written", lang, out=target, events=written))

