"""The ``alur`` command line: a thin shell over :mod:`engine`.

Exit status: 0 fine, 1 an invalid model, 2 unreadable or hostile input (or a usage error).
"""

from __future__ import annotations

import os
import sys
from importlib.metadata import EntryPoint, entry_points
from pathlib import Path
from typing import Iterable

import click

from engine.errors import AlurError, InputError, Problem, ProcessDefinitionError
from engine.formats.files import check_sop, dump, file_format, load_file, write_atomically
from engine.messages import message
from engine.sop.model import Sop
from engine.sop.validate import validate


def _echo_problem(name: str, item: Problem, lang: str) -> None:
    prefix = f"{message('cli_warning', lang)}: " if item.severity != "error" else ""
    click.echo(f"{name}: {prefix}{item.render(lang)}", err=item.severity == "error")


class _Group(click.Group):
    """The root command: an :class:`AlurError` no command caught is said in ``--lang``, never a traceback."""

    def invoke(self, ctx: click.Context) -> object:
        try:
            return super().invoke(ctx)
        except AlurError as exc:
            click.echo(exc.render((ctx.obj or {}).get("lang", "id")), err=True)
            ctx.exit(exc.exit_code)


@click.group(cls=_Group, context_settings={"help_option_names": ["-h", "--help"]})
@click.option("--lang", type=click.Choice(["id", "en"]), default=lambda: os.environ.get("ALUR_LANG", "id"),
              show_default="id (or $ALUR_LANG)", help="Bahasa pesan / message language.")
@click.pass_context
def main(ctx: click.Context, lang: str) -> None:
    """Alur: SOP Pemda sebagai proses BPMN yang dapat dijalankan."""
    ctx.obj = {"lang": lang}


@main.command("check")
@click.argument("files", nargs=-1, required=True, type=click.Path(dir_okay=False))
@click.option("--quiet", "-q", is_flag=True, help="Jangan tampilkan peringatan / hide warnings.")
@click.option("--proses", "--process", "process", default="", help="Proses yang dibaca dari BPMN berisi banyak proses.")
@click.option("--organisasi", "with_organisation", is_flag=True, help=message("gov_check_org_option", "id"))
@click.pass_context
def check_command(ctx: click.Context, files: tuple[str, ...], quiet: bool, process: str,
                  with_organisation: bool) -> None:
    """Periksa berkas SOP (.bpmn atau .yaml). Keluar 0 jika semua valid."""
    lang = ctx.obj["lang"]
    counts = {"valid": 0, "invalid": 0, "unreadable": 0}
    organisation = _OrganisationCheck() if with_organisation else None
    try:
        for name in files:
            _check_one(name, process, quiet, lang, counts, organisation)
    finally:
        if organisation is not None:
            organisation.close()
    click.echo(message("cli_check_summary", lang, checked=len(files), **counts))
    ctx.exit(2 if counts["unreadable"] else 1 if counts["invalid"] else 0)


class _OrganisationCheck:
    """The organisation of ``$ALUR_DATABASE_URL``, read for ``alur check --organisasi``."""

    def __init__(self) -> None:
        from engine.runtime.facade import Runtime

        self.runtime = Runtime()

    def problems(self, sop: Sop) -> list[Problem]:
        from engine.access.linking import column_jabatan_problems

        with self.runtime.db.read() as connection:
            return column_jabatan_problems(connection, sop)

    def close(self) -> None:
        self.runtime.close()


def _check_one(name: str, process: str, quiet: bool, lang: str, counts: dict[str, int],
               organisation: _OrganisationCheck | None) -> None:
    """Check one file: print its problems and count it valid, invalid or unreadable."""
    try:
        loaded = load_file(name, process)
        problems = loaded.notices + check_sop(loaded.sop)
        if organisation is not None:
            problems += organisation.problems(loaded.sop)
    except InputError as exc:
        click.echo(exc.render(lang), err=True)
        counts["unreadable"] += 1
        return
    except ProcessDefinitionError as exc:
        problems = exc.problems
    errors = [item for item in problems if item.severity == "error"]
    for item in problems:
        if item.severity == "error" or not quiet:
            _echo_problem(name, item, lang)
    counts["invalid" if errors else "valid"] += 1


@main.command("convert")
@click.argument("source", type=click.Path(dir_okay=False))
@click.option("-o", "--output", "target", required=True, type=click.Path(dir_okay=False),
              help="Berkas tujuan: .bpmn atau .yaml.")
@click.option("--proses", "--process", "process", default="", help="Proses yang dibaca dari BPMN berisi banyak proses.")
@click.pass_context
def convert_command(ctx: click.Context, source: str, target: str, process: str) -> None:
    """Ubah SOP antara lembar YAML dan BPMN 2.0 (dua arah)."""
    lang = ctx.obj["lang"]
    try:
        file_format(target)
        loaded = load_file(source, process)
    except InputError as exc:
        click.echo(exc.render(lang), err=True)
        ctx.exit(2)
    except ProcessDefinitionError as exc:
        for item in exc.problems:
            _echo_problem(source, item, lang)
        click.echo(message("cli_not_written", lang, out=target), err=True)
        ctx.exit(1)
    problems = loaded.notices + validate(loaded.sop)
    for item in problems:
        _echo_problem(source, item, lang)
    if any(item.severity == "error" for item in problems):
        click.echo(message("cli_not_written", lang, out=target), err=True)
        ctx.exit(1)
    write_atomically(Path(target), dump(loaded.sop, target))
    click.echo(message("cli_convert_written", lang, out=target, steps=len(loaded.sop.steps),
                       actors=len(loaded.sop.actors)))


# Commands that live in their own modules, registered here so `alur --help` lists them all.
from engine.cli.log import conformance_command, log_group  # noqa: E402
from engine.cli.monitor import log_export_command, monitor_command  # noqa: E402
from engine.cli.office import import_command  # noqa: E402
from engine.cli.render import render_command  # noqa: E402
from engine.cli.anchor import anchor_command  # noqa: E402
from engine.cli.runtime import COMMANDS as _RUNTIME_COMMANDS  # noqa: E402
from engine.cli.db import COMMANDS as _DB_COMMANDS  # noqa: E402
from engine.cli.outbox import outbox_command  # noqa: E402
from engine.cli.org import org_command  # noqa: E402
from engine.cli.governance import calendar_group  # noqa: E402
from engine.cli.stages import inventory_group, tim_group  # noqa: E402
from engine.cli.sosialisasi import pelatihan_group, sosialisasi_group  # noqa: E402
from engine.cli.runtime import audit_command, db_command  # noqa: E402
from engine.cli.events import COMMANDS as _EVENT_COMMANDS  # noqa: E402

main.add_command(conformance_command)
main.add_command(log_group)
log_group.add_command(log_export_command)
main.add_command(monitor_command)
main.add_command(render_command)
main.add_command(import_command)
main.add_command(outbox_command)
main.add_command(org_command)
main.add_command(calendar_group)
main.add_command(tim_group)
main.add_command(inventory_group)
main.add_command(sosialisasi_group)
main.add_command(pelatihan_group)
for _command in _RUNTIME_COMMANDS:
    main.add_command(_command)
for _command in _EVENT_COMMANDS:
    main.add_command(_command)
audit_command.add_command(anchor_command)
for _command in _DB_COMMANDS:
    db_command.add_command(_command)

#: Entry-point group through which other installed packages contribute commands to ``alur``.
COMMAND_GROUP = "alur.commands"


def add_plugin_commands(group: click.Group, found: Iterable[EntryPoint] | None = None) -> list[str]:
    """Add the click commands named by the ``alur.commands`` entry points to ``group``.

    A command that fails to load is skipped with a note on stderr (the rest of ``alur`` keeps working);
    a name that ``group`` already has is never replaced.

    :param found: the entry points (default: those of the installed distributions).
    :returns: the names added.
    """
    added: list[str] = []
    for point in entry_points(group=COMMAND_GROUP) if found is None else found:
        if point.name in group.commands:
            continue
        try:
            command = point.load()
        except Exception as exc:  # noqa: BLE001 - a broken plug-in must not break the whole CLI
            click.echo(f"alur: perintah '{point.name}' tidak dapat dimuat / cannot be loaded: {exc}", err=True)
            continue
        if isinstance(command, click.Command):
            group.add_command(command, point.name)
            added.append(point.name)
    return added


add_plugin_commands(main)


def run() -> None:
    """Console-script entry point: errors become messages, never tracebacks."""
    try:
        main(standalone_mode=True)
    except AlurError as exc:  # an error the command did not expect still gets a message
        click.echo(exc.render(os.environ.get("ALUR_LANG", "id")), err=True)
        sys.exit(exc.exit_code)


if __name__ == "__main__":
    run()
