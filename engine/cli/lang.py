"""The language the ``alur`` command speaks: ``--lang`` (or ``$ALUR_LANG``) on the root command."""

from __future__ import annotations

import click


def current_lang() -> str:
    """``"en"`` or ``"id"`` for the command being run; Indonesian outside a command."""
    context = click.get_current_context(silent=True)
    root = (context.find_root().obj if context is not None else None) or {}
    return "en" if root.get("lang") == "en" else "id"
