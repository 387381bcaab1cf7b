"""Alur web UI: a Flask app factory; blueprints per audience; Indonesian by default, English on request."""

from __future__ import annotations

import os
import secrets
from pathlib import Path
from typing import Any

from flask import Flask, jsonify, render_template, request
from flask_wtf.csrf import CSRFError, CSRFProtect
from werkzeug.wrappers import Response

from engine import Runtime, UjicobaGate, message, upgrade_database
from engine.errors import AlurError

from . import access, badge, formatting, health, i18n, params, security

csrf = CSRFProtect()


def _secret_key(instance_path: str) -> str:
    """The signing key: ``ALUR_SECRET_KEY``, else one made once and kept in the instance folder."""
    configured = os.environ.get("ALUR_SECRET_KEY")
    if configured:
        return configured
    path = Path(instance_path) / "secret_key"
    if not path.exists():
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(secrets.token_hex(32))
        path.chmod(0o600)
    return path.read_text().strip()


def _gate(setting: str) -> UjicobaGate | None:
    if setting.strip() == "0":
        return None
    return UjicobaGate(min_instances=int(setting)) if setting.strip().isdigit() else UjicobaGate()


def _share_reads(app: Flask) -> None:
    """The reads of one request share one read transaction (engine.store.db.Database.shared_reads)."""
    inner = app.wsgi_app

    def shared(environ: dict[str, Any], start_response: Any) -> Any:
        with app.extensions["alur_runtime"].db.shared_reads():
            return inner(environ, start_response)

    app.wsgi_app = shared  # type: ignore[method-assign]


def warm_up(app: Flask) -> None:
    """Before a server process takes requests: compile every template and load what the engine's first
    requests would (holiday tables, the newest SOP versions), so the first clerks do not wait on it."""
    for name in app.jinja_env.list_templates(extensions=("html",)):
        app.jinja_env.get_template(name)
    app.extensions["alur_runtime"].warm_up()


def create_app(test_config: dict[str, Any] | None = None) -> Flask:
    """Create the web application.

    :param test_config: settings that replace the defaults: ``DATABASE_URL`` (default
        ``$ALUR_DATABASE_URL`` or SQLite ``alur.db``), ``CLOCK`` (a :class:`engine.ManualClock` in
        tests), ``CREATE_DATABASE`` (default True: bring the schema up to date at start).
    """
    app = Flask(__name__, instance_relative_config=True)
    app.config.update(
        SESSION_COOKIE_HTTPONLY=True,
        SESSION_COOKIE_SAMESITE="Lax",
        MAX_CONTENT_LENGTH=12 * 1024 * 1024,
        WTF_CSRF_TIME_LIMIT=None,
        #: Nomor SOP pattern for "Nomor berikutnya" (see engine.sop.numbering).
        ALUR_NUMBER_PATTERN=os.environ.get("ALUR_NUMBER_PATTERN", "{urut:03d}/SOP/{unit}/{tahun}"),
        #: No approval without a completed ujicoba (engine.lifecycle.ujicoba.UjicobaGate: 3 trial instances and
        #: feedback on every step); ALUR_UJICOBA_GATE=0 turns it off, a number sets the instances needed.
        UJICOBA_GATE=_gate(os.environ.get("ALUR_UJICOBA_GATE", "")),
    )
    if test_config:
        app.config.update(test_config)
    if not app.config.get("SECRET_KEY"):
        app.config["SECRET_KEY"] = _secret_key(app.instance_path)

    url = app.config.get("DATABASE_URL") or os.environ.get("ALUR_DATABASE_URL") or None
    if app.config.get("CREATE_DATABASE", True):
        upgrade_database(url)
    app.extensions["alur_runtime"] = Runtime(url, clock=app.config.get("CLOCK"))
    _share_reads(app)

    params.init_app(app)
    security.init_app(app)
    csrf.init_app(app)
    i18n.init_app(app)
    access.init_app(app)
    formatting.init_app(app)
    badge.init_app(app)

    from . import api_events  # noqa: F401 - registers its route on the API blueprint
    from . import admin, api, api_admin, api_instances, audit, cases, editor, instances_admin, monitor, register, worklist
    from . import api_sosialisasi, api_stages, socialisation, stages

    app.register_blueprint(health.bp)
    app.register_blueprint(access.bp)
    app.register_blueprint(editor.bp)
    app.register_blueprint(register.bp)
    app.register_blueprint(worklist.bp)
    app.register_blueprint(cases.bp)
    app.register_blueprint(audit.bp)
    app.register_blueprint(instances_admin.bp)
    app.register_blueprint(monitor.bp)
    app.register_blueprint(admin.bp)
    app.register_blueprint(stages.bp)  # the seed's stages 1-3 (its API routes: api_stages, on api.bp)
    app.register_blueprint(socialisation.bp)
    app.register_blueprint(api.bp)  # with api_admin.bp nested in it (/api/v1/admin)
    csrf.exempt(api.bp)
    csrf.exempt(api_admin.bp)

    @app.errorhandler(AlurError)
    def alur_error(error: AlurError) -> tuple[str, int] | Response:
        if request.path.startswith("/api/"):
            return access.api_error_for(error)
        return render_template("error.html", message=error.render(i18n.current_language())), error.http_status

    @app.errorhandler(CSRFError)
    def csrf_error(error: CSRFError) -> tuple[str, int]:
        return render_template("error.html", message=i18n.translate("csrf_failed")), 400

    @app.errorhandler(413)
    def too_large(error: Exception) -> tuple[str, int] | Response:
        limit = str(int(app.config["MAX_CONTENT_LENGTH"]) // (1024 * 1024))
        text = message("web.too_large", i18n.current_language(), limit=limit)
        if request.path.startswith("/api/"):
            answer = jsonify({"error": text, "field": "body"})
            answer.status_code = 413
            return answer
        return render_template("error.html", message=text), 413

    @app.errorhandler(404)
    def not_found(error: Exception) -> tuple[str, int]:
        return render_template("error.html", message=i18n.translate("not_found")), 404

    return app
