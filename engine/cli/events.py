"""``alur message`` and ``alur galat``: deliver a message to the waiting case, report a step's error.

Both act as a login (``--as``) and ask the access policy, as the API does: a pelaksana of the case's
units (or admin) may deliver a message; whoever may complete a work item may report its error.
Exit status: 0 done (a repeated delivery too: nothing changed), 1 refused or not found.
"""

from __future__ import annotations

import click

from engine.access.accounts import account
from engine.access.policy import deliver_message, report_step_error
from engine.cli.runtime import _guarded, _lang, _runtime
from engine.messages import message


@click.command("message")
@click.argument("name")
@click.option("--korelasi", required=True, help="Nilai isian korelasi kasus (tanpa isian korelasi: nomor registrasi).")
@click.option("--kunci", default="", help="Kunci kiriman; kiriman ulang dengan kunci sama tidak mengubah apa pun.")
@click.option("--as", "username", required=True)
def message_command(name: str, korelasi: str, kunci: str, username: str) -> None:
    """Kirim pesan ke kasus yang menunggunya."""
    def act() -> None:
        runtime = _runtime()
        try:
            delivery = deliver_message(runtime, account(runtime, username), name, korelasi, kunci)
        finally:
            runtime.close()
        code = "ev_duplicate" if delivery.duplicate else "ev_received"
        click.echo(message("ev_cli_delivered", _lang(), instance=delivery.instance_id,
                           what=message(code, _lang(), message=delivery.message)))
    _guarded(act)


@click.command("galat")
@click.argument("item", type=int)
@click.argument("kode")
@click.option("--as", "username", required=True)
def error_command(item: int, kode: str, username: str) -> None:
    """Laporkan galat pada tugas: jalur galat langkahnya yang berlanjut."""
    def act() -> None:
        runtime = _runtime()
        try:
            opened = report_step_error(runtime, account(runtime, username), item, kode)
        finally:
            runtime.close()
        click.echo(message("ev_cli_error_reported", _lang(), item=item, kode=kode, steps=", ".join(opened) or "-"))
    _guarded(act)


COMMANDS = (message_command, error_command)
