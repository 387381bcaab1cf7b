"""``alur demo`` and ``alur serve``: the web UI (imported only inside the commands; engine never imports Flask)."""

from __future__ import annotations

import importlib
import os
from pathlib import Path

import click

from engine.cli.lang import current_lang
from engine.messages import message
from engine.samples.demo import PROCESSES, seed


@click.command("demo")
@click.option("--db", "db_path", default="alur-demo.db", show_default=True, type=click.Path(dir_okay=False),
              help="SQLite file for the demo (made anew each run).")
@click.option("--host", default="127.0.0.1", show_default=True)
@click.option("--port", default=5000, show_default=True, type=int)
@click.option("--processes", "processes", default=str(PROCESSES), show_default=True,
              type=click.Path(exists=True, file_okay=False), help="Folder of the SOPs to publish.")
@click.option("--no-serve", is_flag=True, help="Only create the database and print the logins.")
def demo_command(db_path: str, host: str, port: int, processes: str, no_serve: bool) -> None:
    """Buat basis data demo (SOP bawaan, satu akun per peran, riwayat beberapa minggu) lalu jalankan UI web.

    Create a demo database (shipped SOPs, one login per role, weeks of history) and serve the web UI.
    """
    path = Path(db_path).resolve()
    for leftover in (path, path.with_name(path.name + "-wal"), path.with_name(path.name + "-shm")):
        leftover.unlink(missing_ok=True)
    url = f"sqlite:///{path}"
    click.echo(message("cli_demo_preparing", current_lang(), path=path))
    logins = seed(url, Path(processes))
    click.echo("")
    click.echo(message("cli_demo_serving", current_lang(), url=f"http://{host}:{port}"))
    click.echo(message("cli_demo_logins", current_lang()))
    for login in logins:
        click.echo(message("cli_demo_login", current_lang(), username=f"{login.username:<10}",
                           password=f"{login.password:<15}", description=login.description))
    if no_serve:
        return
    _serve(url, host, port)


@click.command("serve")
@click.option("--host", default="127.0.0.1", show_default=True)
@click.option("--port", default=5000, show_default=True, type=int)
def serve_command(host: str, port: int) -> None:
    """Jalankan UI web pada basis data ALUR_DATABASE_URL (bawaan: SQLite alur.db di sini).

    Serve the web UI on the store at ALUR_DATABASE_URL (default: SQLite alur.db here).
    """
    _serve(os.environ.get("ALUR_DATABASE_URL"), host, port)


def _serve(url: str | None, host: str, port: int) -> None:
    # The web UI is loaded only here, by name: the engine itself never imports Flask.
    webui = importlib.import_module("webui")
    app = webui.create_app({"DATABASE_URL": url} if url else None)
    app.run(host=host, port=port, threaded=True, use_reloader=False)


@click.group("account")
def account_command() -> None:
    """Akun web: kata sandi, peran dan token API."""


@account_command.command("add")
@click.argument("username")
@click.option("--role", "roles", multiple=True, required=True,
              type=click.Choice(["admin", "penyusun", "pengesah", "pelaksana", "pemantau"]),
              help="Peran (boleh berulang).")
@click.option("--password", prompt=True, hide_input=True, confirmation_prompt=True,
              help="Kata sandi (minimal 8 karakter); ditanyakan bila tidak diberikan.")
@click.option("--nama", default="", help="Nama lengkap.")
@click.option("--nip", default="", help="NIP.")
@click.option("--unit", default="", help="Unit/SKPD tempat --jabatan dipegang.")
@click.option("--jabatan", "jabatan", multiple=True, help="Jabatan yang dipegang di --unit (boleh berulang).")
def account_add_command(username: str, roles: tuple[str, ...], password: str, nama: str, nip: str, unit: str,
                        jabatan: tuple[str, ...]) -> None:
    """Buat akun web (atau ganti kata sandi dan perannya)."""
    from engine.access.accounts import add_account
    from engine.runtime.facade import Runtime

    if jabatan and not unit:
        raise click.UsageError(message("cli_account_unit_needed", current_lang()))
    runtime = Runtime()
    try:
        found = add_account(runtime, username, password, roles, nama, nip, [(name, unit) for name in jabatan])
    finally:
        runtime.close()
    click.echo(message("cli_account", current_lang(), username=found.username, roles=", ".join(sorted(found.roles))))


@account_command.command("token")
@click.argument("username")
def account_token_command(username: str) -> None:
    """Buat token API untuk USERNAME (ditampilkan sekali; yang disimpan hanya hash-nya)."""
    from engine.access.accounts import issue_token
    from engine.runtime.facade import Runtime

    runtime = Runtime()
    try:
        click.echo(issue_token(runtime, username))
    finally:
        runtime.close()
