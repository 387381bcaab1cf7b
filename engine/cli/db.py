"""``alur db backup``, ``alur db restore`` and ``alur db copy`` (added to the ``db`` group)."""

from __future__ import annotations

import click

from engine.errors import AlurError
from engine.messages import message
from engine.store.backup import backup, copy_store, restore


def _lang() -> str:
    context = click.get_current_context(silent=True)
    root = context.find_root().obj if context else None
    return str((root or {}).get("lang", "id"))


def _fail(exc: AlurError) -> None:
    click.echo(exc.render(_lang()), err=True)
    raise SystemExit(exc.exit_code) from exc


@click.command("backup")
@click.argument("target", type=click.Path(dir_okay=False))
def db_backup_command(target: str) -> None:
    """Cadangkan basis data SQLite ($ALUR_DATABASE_URL) ke berkas baru TARGET (aman saat Alur berjalan).

    Back up the SQLite store to the new file TARGET (SQLite online backup; PostgreSQL: use pg_dump).
    """
    try:
        written = backup(target)
    except AlurError as exc:
        _fail(exc)
    click.echo(message("cli.db_backup_done", _lang(), path=str(written)))


@click.command("restore")
@click.argument("source", type=click.Path(dir_okay=False))
@click.option("--yes", is_flag=True, help="Tanpa konfirmasi / do not ask.")
def db_restore_command(source: str, yes: bool) -> None:
    """Pulihkan basis data SQLite dari cadangan SOURCE (hentikan web dan worker dahulu).

    Restore the SQLite store from the backup SOURCE (stop the web and worker processes first).
    """
    if not yes:
        click.confirm(message("cli.db_restore_confirm", _lang()), abort=True)
    try:
        revision = restore(source)
    except AlurError as exc:
        _fail(exc)
    click.echo(message("cli.db_restore_done", _lang(), revision=revision))


@click.command("copy")
@click.option("--to", "target_url", required=True, help="URL basis data tujuan yang kosong, mis. "
              "postgresql+psycopg://alur@127.0.0.1/alur.")
def db_copy_command(target_url: str) -> None:
    """Salin semua tabel dari $ALUR_DATABASE_URL ke basis data kosong --to, lalu periksa jumlah dan rantai audit.

    Copy every table into the empty store --to, then check row counts and the audit chain there.
    """
    try:
        report = copy_store(target_url)
    except AlurError as exc:
        _fail(exc)
    click.echo(message("cli.db_copy_done", _lang(), rows=str(sum(report.rows.values())),
                       tables=str(len(report.rows)), instances=str(report.instances_verified),
                       events=str(report.events_verified)))


COMMANDS = (db_backup_command, db_restore_command, db_copy_command)
