"""The web UI's language: which one a request speaks, and ``_("key")`` for templates.

The words themselves live in the engine's one message catalogue (:mod:`engine.messages.web`), read
through :func:`engine.message`; this module is only the Flask glue. The language comes from the
session (set by ``?lang=en``), so a clerk can switch once and keep it.
"""

from __future__ import annotations

from flask import Flask, g, request, session

from engine import message

LANGUAGES = ("id", "en")


def current_language() -> str:
    """The language of this request: ``?lang=`` switches and remembers, else the session, else Indonesian.

    Found once per request (a page asks for it for every text it shows)."""
    known = g.get("alur_language")
    if known is not None:
        return str(known)
    wanted = request.args.get("lang")
    if wanted in LANGUAGES:
        session["lang"] = wanted
    language = session.get("lang", "id")
    g.alur_language = language = language if language in LANGUAGES else "id"
    return language


def translate(key: str, **params: object) -> str:
    """Catalogue text ``key`` in the current language, with ``params`` filled in.

    Without ``params`` the template comes back as written, so callers may still ``.format`` it; a
    missing key shows as the key itself (visible, not hidden).
    """
    return message(key, current_language(), **params)


def init_app(app: Flask) -> None:
    app.jinja_env.globals.update(_=translate, current_language=current_language)
