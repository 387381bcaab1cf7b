"""``alur demo``, ``alur serve`` and ``alur account``: the web commands, contributed to the ``alur``
group through the ``alur.commands`` entry-point group (the engine never names the web UI).

``serve`` runs the app on gunicorn (pre-fork workers, each with a pool of threads): a well-kept
production WSGI server that ships with no C extension, handles worker crashes and restarts, and
is what the Flask documentation recommends first. ``--dev`` keeps Werkzeug's development server.
"""

from __future__ import annotations

import os
from pathlib import Path
from typing import Any, Callable

import click

from engine import DEMO_PROCESSES as PROCESSES
from engine import Runtime, add_account, disable_account, issue_token, message
from engine import seed_demo as seed


def _lang() -> str:
    """The language of the ``alur`` command being run (its root ``--lang``), as engine.cli reads it."""
    context = click.get_current_context(silent=True)
    root = (context.find_root().obj if context is not None else None) or {}
    return "en" if root.get("lang") == "en" else "id"


def _serve_options(function: Callable[..., Any]) -> Callable[..., Any]:
    for option in reversed([
        click.option("--host", default="127.0.0.1", show_default=True),
        click.option("--port", default=5000, show_default=True, type=click.IntRange(1, 65535)),
        click.option("--workers", default=lambda: int(os.environ.get("ALUR_WEB_WORKERS", "2")),
                     show_default="2 (or $ALUR_WEB_WORKERS)", type=click.IntRange(1, 64),
                     help="Proses web (gunicorn) / web processes."),
        click.option("--threads", default=lambda: int(os.environ.get("ALUR_WEB_THREADS", "2")),
                     show_default="2 (or $ALUR_WEB_THREADS)", type=click.IntRange(1, 256),
                     help="Thread per proses / threads per process."),
        click.option("--timeout", default=60, show_default=True, type=click.IntRange(5, 3600),
                     help="Detik sebelum worker yang macet diganti / seconds before a stuck worker is replaced."),
        click.option("--dev", is_flag=True, help="Server pengembangan Werkzeug / Werkzeug's development server."),
    ]):
        function = option(function)
    return function


@click.command("demo")
@click.option("--db", "db_path", default="alur-demo.db", show_default=True, type=click.Path(dir_okay=False),
              help="SQLite file for the demo (made anew each run).")
@click.option("--processes", "processes", default=str(PROCESSES), show_default=True,
              type=click.Path(exists=True, file_okay=False), help="Folder of the SOPs to publish.")
@click.option("--no-serve", is_flag=True, help="Only create the database and print the logins.")
@_serve_options
def demo_command(db_path: str, processes: str, no_serve: bool, host: str, port: int, workers: int,
                 threads: int, timeout: int, dev: bool) -> None:
    """Buat basis data demo (SOP bawaan, satu akun per peran, riwayat beberapa minggu) lalu jalankan UI web.

    Create a demo database (shipped SOPs, one login per role, weeks of history) and serve the web UI.
    """
    path = Path(db_path).resolve()
    for leftover in (path, path.with_name(path.name + "-wal"), path.with_name(path.name + "-shm")):
        leftover.unlink(missing_ok=True)
    url = f"sqlite:///{path}"
    click.echo(message("cli_demo_preparing", _lang(), path=str(path)))
    logins = seed(url, Path(processes))
    click.echo("")
    click.echo(message("cli_demo_serving", _lang(), url=f"http://{host}:{port}"))
    click.echo(message("cli_demo_logins", _lang()))
    for login in logins:
        click.echo(message("cli_demo_login", _lang(), username=f"{login.username:<10}",
                           password=f"{login.password:<15}", description=login.description))
    if no_serve:
        return
    serve(url, host, port, workers, threads, timeout, dev)


@click.command("serve")
@_serve_options
def serve_command(host: str, port: int, workers: int, threads: int, timeout: int, dev: bool) -> None:
    """Jalankan UI web pada basis data ALUR_DATABASE_URL (bawaan: SQLite alur.db di sini).

    Serve the web UI on the store at ALUR_DATABASE_URL (default: SQLite alur.db here) with gunicorn:
    ``--workers`` processes of ``--threads`` threads. Behind a reverse proxy set ALUR_TRUSTED_PROXIES
    to the number of proxies in front (X-Forwarded-For/-Proto/-Host are then believed).
    """
    serve(os.environ.get("ALUR_DATABASE_URL"), host, port, workers, threads, timeout, dev)


def serve(url: str | None, host: str, port: int, workers: int = 2, threads: int = 8, timeout: int = 60,
          dev: bool = False) -> None:
    """Bring the schema up to date and make the signing key once, then serve (gunicorn or ``dev``)."""
    from . import create_app

    config: dict[str, Any] = {"DATABASE_URL": url} if url else {}
    app = create_app(dict(config))  # migrations and the secret key, once, before any worker starts
    if dev:
        app.run(host=host, port=port, threaded=True, use_reloader=False)
        return
    app.extensions["alur_runtime"].close()
    from .server import run_gunicorn

    run_gunicorn({**config, "CREATE_DATABASE": False, "SECRET_KEY": app.config["SECRET_KEY"]},
                 host, port, workers, threads, timeout)


@click.group("account")
def account_command() -> None:
    """Akun web: kata sandi, peran dan token API."""


@account_command.command("add")
@click.argument("username")
@click.option("--role", "roles", multiple=True, required=True,
              type=click.Choice(["admin", "admin_opd", "penyusun", "verifikator", "pengesah", "pelaksana", "pemantau"]),
              help="Peran (boleh berulang).")
@click.option("--password", prompt=True, hide_input=True, confirmation_prompt=True,
              help="Kata sandi (minimal 10 karakter, bukan kata sandi umum); ditanyakan bila tidak diberikan.")
@click.option("--nama", default="", help="Nama lengkap.")
@click.option("--nip", default="", help="NIP.")
@click.option("--unit", default="", help="Unit/SKPD tempat --jabatan dipegang.")
@click.option("--jabatan", "jabatan", multiple=True, help="Jabatan yang dipegang di --unit (boleh berulang).")
@click.option("--email", default="", help="Alamat e-mail untuk notifikasi / e-mail address for notifications.")
@click.option("--phone", default="", help="Nomor telepon (WhatsApp) untuk notifikasi webhook, mis. +6281234567890.")
def account_add_command(username: str, roles: tuple[str, ...], password: str, nama: str, nip: str, unit: str,
                        jabatan: tuple[str, ...], email: str, phone: str) -> None:
    """Buat akun web (atau ganti kata sandi dan perannya: sesi dan token lamanya berakhir)."""
    if jabatan and not unit:
        raise click.UsageError(message("cli_account_unit_needed", _lang()))
    runtime = Runtime()
    try:
        found = add_account(runtime, username, password, roles, nama, nip, [(name, unit) for name in jabatan],
                            email=email, phone=phone)
    finally:
        runtime.close()
    click.echo(message("cli_account", _lang(), username=found.username, roles=", ".join(sorted(set(roles)))))


@account_command.command("token")
@click.argument("username")
def account_token_command(username: str) -> None:
    """Buat token API untuk USERNAME (ditampilkan sekali; yang disimpan hanya hash-nya)."""
    runtime = Runtime()
    try:
        click.echo(issue_token(runtime, username))
    finally:
        runtime.close()


@account_command.command("disable")
@click.argument("username")
def account_disable_command(username: str) -> None:
    """Nonaktifkan akun USERNAME: semua sesi dan token API-nya berakhir (add lagi untuk mengaktifkan)."""
    runtime = Runtime()
    try:
        disable_account(runtime, username)
    finally:
        runtime.close()
    click.echo(message("cli_account_disabled", _lang(), username=username))


#: What the ``alur.commands`` entry points name (see pyproject.toml).
COMMANDS = (demo_command, serve_command, account_command)
