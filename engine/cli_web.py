"""``alur demo`` and ``alur serve``: the web UI (imported only inside the commands; engine never imports Flask)."""

from __future__ import annotations

import importlib
import os
from pathlib import Path

import click

from .demo import PROCESSES, seed


@click.command("demo")
@click.option("--db", "db_path", default="alur-demo.db", show_default=True, type=click.Path(dir_okay=False),
              help="SQLite file for the demo (made anew each run).")
@click.option("--host", default="127.0.0.1", show_default=True)
@click.option("--port", default=5000, show_default=True, type=int)
@click.option("--processes", "processes", default=str(PROCESSES), show_default=True,
              type=click.Path(exists=True, file_okay=False), help="Folder of the SOPs to publish.")
@click.option("--no-serve", is_flag=True, help="Only create the database and print the logins.")
def demo_command(db_path: str, host: str, port: int, processes: str, no_serve: bool) -> None:
    """Create a demo database (shipped SOPs, one login per role, weeks of history) and serve the web UI."""
    path = Path(db_path).resolve()
    for leftover in (path, path.with_name(path.name + "-wal"), path.with_name(path.name + "-shm")):
        leftover.unlink(missing_ok=True)
    url = f"sqlite:///{path}"
    click.echo(f"Menyiapkan basis data demo {path} ...")
    logins = seed(url, Path(processes))
    click.echo("")
    click.echo(f"Alur berjalan di http://{host}:{port}  (Ctrl+C untuk berhenti)")
    click.echo("Masuk sebagai / log in as:")
    for login in logins:
        click.echo(f"  {login.username:<10} kata sandi: {login.password:<15} {login.description}")
    if no_serve:
        return
    _serve(url, host, port)


@click.command("serve")
@click.option("--host", default="127.0.0.1", show_default=True)
@click.option("--port", default=5000, show_default=True, type=int)
def serve_command(host: str, port: int) -> None:
    """Serve the web UI on the store at ALUR_DATABASE_URL (default: SQLite alur.db here)."""
    _serve(os.environ.get("ALUR_DATABASE_URL"), host, port)


def _serve(url: str | None, host: str, port: int) -> None:
    # The web UI is loaded only here, by name: the engine itself never imports Flask.
    webui = importlib.import_module("webui")
    app = webui.create_app({"DATABASE_URL": url} if url else None)
    app.run(host=host, port=port, threaded=True, use_reloader=False)
