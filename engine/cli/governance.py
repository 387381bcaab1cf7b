"""``alur org tautkan`` (a command of the ``org`` group of :mod:`engine.cli.org`): link today's free-string units and jabatan to the organisation, with a report;
``alur kalender import FILE``: working calendars per deployment and unit from YAML or CSV."""

from __future__ import annotations

from pathlib import Path

import click

from engine.access.linking import link_organisation
from engine.cli.lang import current_lang
from engine.cli.org import org_command
from engine.errors import AlurError
from engine.lifecycle.columns import link_draft_columns
from engine.messages import message
from engine.runtime.calendars import read_calendar_file, store_calendars
from engine.runtime.facade import Runtime


def _fail(exc: AlurError) -> None:
    click.echo(exc.render(current_lang()), err=True)
    raise SystemExit(exc.exit_code) from exc


@org_command.command("tautkan")
@click.option("--laporan", is_flag=True, help="Cantumkan setiap kelompok baris yang tidak cocok.")
def link_command(laporan: bool) -> None:
    """Tautkan pemegangan jabatan, instans dan langkah kerja ke id unit dan jabatan organisasi, dan tulis
    kode jabatan organisasi ke kolom pelaksana draf SOP yang namanya cocok dengan tepat satu jabatan."""
    runtime = Runtime()
    try:
        with runtime.db.write() as connection:
            report = link_organisation(connection)
            columns = link_draft_columns(connection)  # the drafts' columns name organisation jabatan by code
    except AlurError as exc:
        _fail(exc)
        return
    finally:
        runtime.close()
    lang = current_lang()
    click.echo(message("cli_link_summary", lang, holdings=report.holdings, instances=report.instances,
                       work_items=report.work_items, unmatched=len(report.unmatched)))
    if laporan:
        for found in report.unmatched:
            jabatan = message("cli_link_unmatched_jabatan", lang, jabatan=found.jabatan) if found.jabatan else ""
            click.echo(message("cli_link_unmatched", lang, table=found.table, rows=found.rows, unit=found.unit,
                               jabatan=jabatan))
    click.echo(message("gov_link_columns", lang, columns=columns.columns, drafts=columns.drafts))
    if laporan:
        for miss in columns.missed:
            code = "gov_link_column_ambiguous" if miss.codes else "gov_link_column_unmatched"
            click.echo(message(code, lang, actor=miss.actor, key=miss.key, codes=", ".join(miss.codes)))
    if report.unmatched:
        raise SystemExit(1)


@click.group("kalender")
def calendar_group() -> None:
    """Kalender kerja per pemda dan per unit (jam kerja, istirahat Jumat, cuti bersama, layanan 24 jam)."""


@calendar_group.command("import")
@click.argument("path", type=click.Path(exists=True, dir_okay=False, path_type=Path))
@click.option("--oleh", "by", default="cli", show_default=True, help="Dicatat sebagai pengimpor.")
def calendar_import_command(path: Path, by: str) -> None:
    """Simpan kalender dari berkas YAML (kalender: [...]) atau CSV; semuanya diperiksa sebelum disimpan."""
    lang = current_lang()
    runtime = Runtime()
    try:
        specs = read_calendar_file(path.read_text(encoding="utf-8"), csv_format=path.suffix.lower() == ".csv")
        with runtime.db.write() as connection:
            count = store_calendars(connection, specs, by, runtime.clock.now())
    except AlurError as exc:
        _fail(exc)
        return
    finally:
        runtime.close()
    units = ", ".join(spec["unit"] or message("cli_calendar_deployment", lang) for spec in specs)
    click.echo(message("cli_calendar_imported", lang, count=count, units=units))
