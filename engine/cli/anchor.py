"""``alur audit anchor`` and the anchor check of ``alur audit verify --anchors DIR``."""

from __future__ import annotations

import os

import click

from engine.errors import AlurError
from engine.messages import message
from engine.runtime.anchor import load_key, verify_anchors, write_anchor
from engine.runtime.facade import Runtime


def _lang() -> str:
    context = click.get_current_context(silent=True)
    root = context.find_root().obj if context else None
    return str((root or {}).get("lang", "id"))


def key_option(function: click.decorators.FC) -> click.decorators.FC:
    """``--key FILE`` (default ``$ALUR_ANCHOR_KEY``): the signing key, outside the database."""
    return click.option("--key", "key_path", default=lambda: os.environ.get("ALUR_ANCHOR_KEY", ""),
                        show_default="$ALUR_ANCHOR_KEY",
                        help="Berkas kunci jangkar, di luar basis data / anchor key file.")(function)


def _key_path(key_path: str) -> str:
    if not key_path:
        raise click.UsageError(message("cli.anchor_no_key", _lang()))
    return key_path


@click.command("anchor")
@click.option("--out", "folder", default=lambda: os.environ.get("ALUR_ANCHOR_DIR", ""),
              show_default="$ALUR_ANCHOR_DIR", help="Folder jangkar, terpisah dari basis data / anchor folder.")
@key_option
def anchor_command(folder: str, key_path: str) -> None:
    """Tulis jangkar bertanda tangan atas semua kepala rantai audit (kunci dibuat bila belum ada).

    Write a signed anchor over every audit chain head (the key is made when missing).
    """
    if not folder:
        raise click.UsageError(message("cli.anchor_no_folder", _lang()))
    try:
        key = load_key(_key_path(key_path), create=True)
        runtime = Runtime()
        try:
            path = write_anchor(runtime, key, folder)
        finally:
            runtime.close()
    except AlurError as exc:
        click.echo(exc.render(_lang()), err=True)
        raise SystemExit(exc.exit_code) from exc
    click.echo(message("cli.anchor_written", _lang(), path=str(path)))


def check_anchors(runtime: Runtime, folder: str, key_path: str) -> bool:
    """Print what the anchors in ``folder`` find; True when nothing is wrong.

    :raises AlurError: unreadable key or no anchors.
    """
    lang = _lang()
    checked, findings = verify_anchors(runtime, load_key(_key_path(key_path)), folder)
    for finding in findings:
        click.echo(message("cli.anchor_finding", lang, detail=finding.render(lang)), err=True)
    if not findings:
        click.echo(message("cli.anchors_ok", lang, anchors=str(checked)))
    return not findings
