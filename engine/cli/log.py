"""The ``alur conformance`` and ``alur log ...`` commands: event logs and conformance checking.

Exit status: 0 done (deviations found are a result, not a failure), 1 an invalid SOP,
2 an unreadable or hostile log or SOP file.
"""

from __future__ import annotations

import json
from typing import NoReturn

import click

from engine.conformance import ConformanceChecker, ConformanceReport, DeviationKind, TraceResult
from engine.errors import InputError, ProcessDefinitionError
from engine.eventlog import read_log, write_log
from engine.eventlog.files import log_format
from engine.eventlog.timestamps import DEFAULT_ZONE
from engine.formats.files import load_file
from engine.messages import message
from engine.sop.worktime import WorkCalendar


def _number(value: float, lang: str, digits: int = 3) -> str:
    text = f"{value:.{digits}f}"
    return text if lang == "en" else text.replace(".", ",")


def _fail_on_sop_problems(ctx: click.Context, sop_file: str, error: ProcessDefinitionError, lang: str) -> NoReturn:
    for item in error.problems:
        click.echo(f"{sop_file}: {item.render(lang)}", err=True)
    if not error.problems:
        click.echo(f"{sop_file}: {error.render(lang)}", err=True)
    ctx.exit(1)


@click.command("conformance")
@click.argument("log_file", metavar="LOG", type=click.Path(dir_okay=False))
@click.option("--sop", "sop_file", required=True, type=click.Path(dir_okay=False),
              help="Berkas SOP (.bpmn atau .yaml) / the SOP file.")
@click.option("--proses", "--process", "process", default="", help="Proses yang dibaca dari BPMN berisi banyak proses.")
@click.option("--json", "as_json", is_flag=True, help="Keluaran JSON / JSON output.")
@click.option("--zona", "--tz", "tz", default=DEFAULT_ZONE, show_default=True,
              help="Zona waktu jam kerja dan waktu tanpa zona / zone of office hours and of times without one.")
@click.option("--hanya-menyimpang", "--deviating-only", "deviating_only", is_flag=True,
              help="Tampilkan hanya kasus yang menyimpang / show only cases with deviations.")
@click.pass_context
def conformance_command(ctx: click.Context, log_file: str, sop_file: str, process: str, as_json: bool, tz: str,
                        deviating_only: bool) -> None:
    """Periksa kesesuaian log peristiwa (CSV/XES) dengan SOP: fitness per kasus dan penyimpangan."""
    lang = ctx.obj["lang"] if ctx.obj else "id"
    try:
        sop = load_file(sop_file, process).sop
        checker = ConformanceChecker(sop, WorkCalendar(tz))
        log = read_log(log_file, tz)
    except InputError as exc:
        click.echo(exc.render(lang), err=True)
        ctx.exit(2)
    except ProcessDefinitionError as exc:
        _fail_on_sop_problems(ctx, sop_file, exc, lang)
    report = checker.check(log)
    if as_json:
        click.echo(json.dumps(_as_json(report, log_file, sop_file, lang), ensure_ascii=False, indent=1))
        return
    for trace in report.traces:
        if deviating_only and not trace.deviations:
            continue
        _echo_trace(trace, lang)
    _echo_summary(report, lang)


def _echo_trace(trace: TraceResult, lang: str) -> None:
    fitness = _number(trace.fitness, lang)
    case = (message("stage9_case_unfinished", lang, case=trace.case_id,
                    status=message(f"stage9_status_{trace.status}", lang)) if trace.prefix else trace.case_id)
    if trace.deviations:
        click.echo(message("cli_case_deviations", lang, case=case, fitness=fitness,
                           count=str(len(trace.deviations))))
    else:
        click.echo(message("cli_case", lang, case=case, fitness=fitness))
    for deviation in trace.deviations:
        click.echo(f"  - {deviation.render(lang)}")


def _echo_summary(report: ConformanceReport, lang: str) -> None:
    if not report.traces:
        click.echo(message("cli_empty_log", lang))
        return
    share = _number(100 * report.fitting_cases / len(report.traces), lang, 1)
    click.echo(message("cli_summary", lang, cases=str(len(report.traces)), variants=str(report.variants),
                       fitting=str(report.fitting_cases), share=share))
    click.echo(message("cli_fitness", lang, fitness=_number(report.fitness, lang),
                       average=_number(report.average_fitness, lang)))
    states = report.status_counts()
    click.echo(message("stage9_status_counts", lang, counts=", ".join(
        f"{message(f'stage9_status_{status}', lang)} {count}" for status, count in states.items())))
    counts = report.deviation_counts()
    click.echo(message("cli_deviation_counts", lang,
                       counts=", ".join(f"{kind.label(lang)} {counts[kind]}" for kind in DeviationKind)))


def _as_json(report: ConformanceReport, log_file: str, sop_file: str, lang: str) -> dict[str, object]:
    counts = report.deviation_counts()
    return {
        "log": log_file,
        "sop": sop_file,
        "sop_name": report.sop_name,
        "cases": len(report.traces),
        "variants": report.variants,
        "fitting_cases": report.fitting_cases,
        "fitness": report.fitness,
        "average_fitness": report.average_fitness,
        "deviation_counts": {kind.value: counts[kind] for kind in DeviationKind},
        "cases_by_status": report.status_counts(),
        "traces": [
            {"case": trace.case_id, "status": trace.status, "fitness": trace.fitness, "cost": trace.cost,
             "worst_cost": trace.worst_cost,
             "events": trace.events, "deviations": [deviation.to_dict(lang) for deviation in trace.deviations]}
            for trace in report.traces
        ],
    }


@click.group("log")
def log_group() -> None:
    """Log peristiwa: ubah format CSV <-> XES (IEEE 1849-2016)."""


@log_group.command("convert")
@click.argument("source", type=click.Path(dir_okay=False))
@click.option("-o", "--output", "target", required=True, type=click.Path(dir_okay=False),
              help="Berkas tujuan: .csv atau .xes.")
@click.option("--zona", "--tz", "tz", default=DEFAULT_ZONE, show_default=True,
              help="Zona waktu untuk waktu tanpa zona / zone of times written without one.")
@click.pass_context
def log_convert_command(ctx: click.Context, source: str, target: str, tz: str) -> None:
    """Ubah log peristiwa antara CSV dan XES (dua arah)."""
    lang = ctx.obj["lang"] if ctx.obj else "id"
    try:
        log_format(target)
        log = read_log(source, tz)
        events = write_log(log.events(), target, log.name)
    except InputError as exc:
        click.echo(exc.render(lang), err=True)
        ctx.exit(2)
    click.echo(message("cli_log_written", lang, out=target, cases=str(len(log)), events=str(events)))
