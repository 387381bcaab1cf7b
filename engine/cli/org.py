"""``alur org``: the organisation from and to CSV, and acting officials (``alur org plh add|end|list``).

Every command runs as an account (``--as``, an admin; an ``admin_opd`` within its OPD) so the
policy decides and the admin log records who did it.
"""

from __future__ import annotations

from pathlib import Path

import click

from engine.access.accounts import account
from engine.access.administration import acting_list, add_acting, end_acting, parse_org_day
from engine.access.orgimport import COLUMNS, export_organisation, import_organisation, read_org_files
from engine.cli.lang import current_lang
from engine.formats.files import write_atomically
from engine.messages import message
from engine.runtime.facade import Runtime

_AS = click.option("--as", "username", required=True, help="Akun admin yang melakukan perubahan (dicatat).")


@click.group("org")
def org_command() -> None:
    """Organisasi: unit, jabatan, pegawai (CSV) dan pejabat Plh/Plt."""


@org_command.command("import")
@click.argument("paths", nargs=-1, required=True, type=click.Path(exists=True))
@_AS
@click.option("--alasan", default="", help="Mengapa diimpor (dicatat).")
def org_import_command(paths: tuple[str, ...], username: str, alasan: str) -> None:
    """Impor units.csv, jabatan.csv dan people.csv (folder atau berkas): semua atau tidak sama sekali."""
    runtime = Runtime()
    try:
        report = import_organisation(runtime, account(runtime, username), read_org_files(paths), alasan)
    finally:
        runtime.close()
    click.echo(report.render(current_lang()))


@org_command.command("export")
@click.argument("folder", type=click.Path(file_okay=False))
@_AS
def org_export_command(folder: str, username: str) -> None:
    """Tulis units.csv, jabatan.csv dan people.csv ke FOLDER (bentuk yang sama dengan impor)."""
    runtime = Runtime()
    try:
        files = export_organisation(runtime, account(runtime, username))
    finally:
        runtime.close()
    target = Path(folder)
    target.mkdir(parents=True, exist_ok=True)
    for name in COLUMNS:
        write_atomically(target / name, files[name].encode())
        click.echo(str(target / name))


@org_command.group("plh")
def plh_command() -> None:
    """Pejabat Pelaksana Harian (Plh) dan Pelaksana Tugas (Plt)."""


@plh_command.command("add")
@click.argument("user")
@click.option("--unit", required=True, help="Kode unit jabatan yang dilaksanakan.")
@click.option("--jabatan", required=True, help="Kode jabatan yang dilaksanakan.")
@click.option("--jenis", type=click.Choice(["plh", "plt"]), default="plh", show_default=True)
@click.option("--sk", required=True, help="Nomor SK penunjukan.")
@click.option("--dari", required=True, help="Hari pertama (YYYY-MM-DD).")
@click.option("--sampai", default="", help="Hari terakhir (YYYY-MM-DD; kosong: sampai diakhiri).")
@_AS
@click.option("--alasan", default="", help="Keterangan (bawaan: nomor SK).")
def plh_add_command(user: str, unit: str, jabatan: str, jenis: str, sk: str, dari: str, sampai: str,
                    username: str, alasan: str) -> None:
    """Tunjuk USER sebagai Plh/Plt suatu jabatan di suatu unit."""
    first = parse_org_day(dari, "dari")
    assert first is not None
    last = parse_org_day(sampai, "sampai", required=False)
    runtime = Runtime()
    try:
        assignment = add_acting(runtime, account(runtime, username), user, unit, jabatan, jenis, sk, first, last,
                                alasan)
    finally:
        runtime.close()
    click.echo(message("cli_org_acting_added", current_lang(), id=assignment, user=user,
                       capacity=f"{jenis.capitalize()}. {jabatan}", unit=unit))


@plh_command.command("end")
@click.argument("assignment", type=int)
@click.option("--tanggal", required=True, help="Hari mulai tidak berlaku lagi (YYYY-MM-DD, hari ini atau sebelumnya).")
@click.option("--alasan", required=True, help="Mengapa diakhiri (dicatat).")
@_AS
def plh_end_command(assignment: int, tanggal: str, alasan: str, username: str) -> None:
    """Akhiri penugasan Plh/Plt ASSIGNMENT (klaim tugasnya dikembalikan ke jabatan)."""
    day = parse_org_day(tanggal, "tanggal")
    assert day is not None
    runtime = Runtime()
    try:
        released = end_acting(runtime, account(runtime, username), assignment, day, alasan)
    finally:
        runtime.close()
    click.echo(message("cli_org_acting_ended", current_lang(), id=assignment, released=len(released)))


@plh_command.command("list")
@click.option("--semua", is_flag=True, help="Juga yang sudah berakhir atau belum mulai.")
@_AS
def plh_list_command(semua: bool, username: str) -> None:
    """Daftar penugasan Plh/Plt (yang berjalan hari ini, atau --semua)."""
    runtime = Runtime()
    try:
        rows = acting_list(runtime, account(runtime, username), running_only=not semua)
    finally:
        runtime.close()
    lang = current_lang()
    for row in rows:
        click.echo(message("cli_org_acting_line", lang, id=row.id, user=row.username, capacity=row.capacity,
                           unit=row.unit, sk=row.sk_number, first=row.first_day,
                           last=row.last_day or "-",
                           state=message("cli_org_running" if row.active else "cli_org_not_running", lang)))
    if not rows:
        click.echo(message("cli_org_no_acting", lang))
