"""``alur outbox``: the notifications written, sent and failed; ``alur outbox retry`` sends failed ones again."""

from __future__ import annotations

import click

from engine.cli.lang import current_lang
from engine.messages import message
from engine.notify.review import STATUSES, outbox_counts, outbox_entries, requeue_failed
from engine.runtime.facade import Runtime


@click.group("outbox", invoke_without_command=True)
@click.option("--status", type=click.Choice(STATUSES), default=None, help="Hanya baris berstatus ini.")
@click.option("--limit", default=50, show_default=True, type=click.IntRange(1, 10000))
@click.pass_context
def outbox_command(context: click.Context, status: str | None, limit: int) -> None:
    """Notifikasi di outbox: jumlah per status dan baris terbaru (yang gagal dengan galatnya)."""
    if context.invoked_subcommand is not None:
        return
    runtime = Runtime()
    try:
        with runtime.db.read() as connection:
            counts = outbox_counts(connection)
            entries = outbox_entries(connection, status, limit)
        zone = runtime.calendar.tz
    finally:
        runtime.close()
    lang = current_lang()
    click.echo(message("cli_outbox_counts", lang, **counts))
    for entry in entries:
        click.echo(message("cli_outbox_line", lang, id=entry.id, status=entry.status, kind=entry.kind,
                           item=entry.item_id if entry.item_id is not None else "-", channel=entry.channel,
                           address=entry.address,
                           attempts=entry.attempts,
                           created=entry.created_at.astimezone(zone).strftime("%Y-%m-%d %H:%M %Z"))
                   + (f"  {entry.last_error}" if entry.status != "sent" and entry.last_error else ""))


@outbox_command.command("retry")
@click.argument("ids", nargs=-1, type=int)
def outbox_retry_command(ids: tuple[int, ...]) -> None:
    """Kirim lagi notifikasi yang gagal (IDS, atau semuanya): percobaannya mulai dari nol."""
    runtime = Runtime()
    try:
        with runtime.db.write() as connection:
            count = requeue_failed(connection, runtime.clock.now(), ids)
    finally:
        runtime.close()
    click.echo(message("cli_outbox_requeued", current_lang(), count=count))
