"""Health (``/sehat``: the process answers) and readiness (``/siap``: the database answers and its
schema is the newest) for load balancers and orchestrators; both public and never cached."""

from __future__ import annotations

from flask import Blueprint, current_app, jsonify
from werkzeug.wrappers import Response

from engine.errors import AlurError
from engine import ensure_current

bp = Blueprint("health", __name__)


@bp.get("/sehat")
def sehat() -> Response:
    """Liveness: 200 while the process can answer at all (no database access)."""
    return jsonify({"status": "ok"})


@bp.get("/siap")
def siap() -> Response:
    """Readiness: 200 when the database answers and is migrated to the newest revision, else 503."""
    try:
        ensure_current(current_app.extensions["alur_runtime"].db)
    except AlurError as exc:
        answer = jsonify({"status": "not ready", "reason": exc.render("en")})
        answer.status_code = 503
        return answer
    return jsonify({"status": "ready"})
