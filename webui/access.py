"""Who may see what: the login pages, the per-view role table and the runtime of the app.

Every view declares its roles with :func:`allow`; a ``before_request`` hook refuses any view that
did not (so a new route cannot be left open by mistake), sends anonymous browsers to the login page
and answers API calls with 401 unless they carry a valid ``Authorization: Bearer`` token.
"""

from __future__ import annotations

from functools import wraps
from typing import Any, Callable, TypeVar
from urllib.parse import urlsplit

from flask import Blueprint, Flask, current_app, g, jsonify, redirect, render_template, request, session, url_for
from werkzeug.wrappers import Response

from engine import (Account, LoginThrottle, Runtime, account, end_sessions, is_sop_pemantau, session_account,
                    session_version, token_account)
from engine import login as login_with
from engine.errors import AccessDeniedError, AlurError, DataError, NotFoundError

from .i18n import current_language, translate

bp = Blueprint("auth", __name__)

F = TypeVar("F", bound=Callable[..., Any])
#: Any logged-in account.
ANY = "*"
#: Endpoints open to everyone.
PUBLIC = frozenset({"static", "auth.login", "api.openapi", "health.sehat", "health.siap"})


def allow(*roles: str) -> Callable[[F], F]:
    """Declare the roles that may call a view (``ANY`` for every logged-in account; admin always may)."""
    def mark(view: F) -> F:
        view.alur_roles = roles  # type: ignore[attr-defined]
        return view
    return mark


def sop_pemantau(view: F) -> F:
    """Let the assigned pemantau of the SOP in the URL (``<key>``) call the view too, whatever its roles
    (the rule is :func:`engine.access.policy.is_sop_pemantau`)."""
    view.alur_sop_pemantau = True  # type: ignore[attr-defined]
    return view


def _as_sop_pemantau(view: Callable[..., object]) -> bool:
    key = (request.view_args or {}).get("key")
    if not getattr(view, "alur_sop_pemantau", False) or not key or g.account is None:
        return False
    with runtime().db.read() as connection:
        return is_sop_pemantau(connection, g.account, str(key))


def runtime() -> Runtime:
    """The app's runtime (one per app, shared by its threads)."""
    found: Runtime = current_app.extensions["alur_runtime"]
    return found


def me() -> Account:
    """The logged-in account (only inside a view that :func:`allow` protects)."""
    found: Account = g.account
    return found


def may(*roles: str) -> bool:
    """True when the current account has one of ``roles``."""
    found: Account | None = g.get("account")
    return found is not None and (ANY in roles or found.has(*roles))


def _api_error(status: int, message: str) -> Response:
    answer = jsonify({"error": message})
    answer.status_code = status
    return answer


def _enforce() -> Response | None:
    endpoint = request.endpoint
    g.account = None
    if endpoint is None:
        return None
    username = session.get("username")
    if username and not endpoint.startswith("api."):
        try:
            g.account = session_account(runtime(), username, session.get("v"))
        except (NotFoundError, AccessDeniedError):
            _clear_session()
    if endpoint in PUBLIC:
        return None
    view = current_app.view_functions[endpoint]
    roles: tuple[str, ...] | None = getattr(view, "alur_roles", None)
    if roles is None:
        raise AccessDeniedError(f"Halaman '{endpoint}' belum memiliki aturan akses; ditolak.")
    if endpoint.startswith("api."):
        header = request.headers.get("Authorization", "")
        if not header.startswith("Bearer "):
            return _api_error(401, "Perlu token API: Authorization: Bearer <token>.")
        try:
            g.account = token_account(runtime(), header[len("Bearer "):].strip())
        except AccessDeniedError as exc:
            return _api_error(401, exc.message)
    elif g.account is None:
        return redirect(url_for("auth.login", next=request.full_path if request.method == "GET" else None))
    if ANY not in roles and not g.account.has(*roles) and not _as_sop_pemantau(view):
        if endpoint.startswith("api."):
            return _api_error(403, "Peran Anda tidak diizinkan untuk tindakan ini.")
        raise AccessDeniedError(translate("forbidden"))
    return None


def home_for(found: Account) -> str:
    """The first page of an account: the page of its main role."""
    if found.has("pelaksana") and "admin" not in found.roles:
        return url_for("worklist.index")
    if found.has("penyusun", "verifikator", "pengesah"):
        return url_for("register.index")
    if found.has("pemantau"):
        return url_for("audit.index")
    if found.has("admin_opd"):
        return url_for("admin.index")
    return url_for("worklist.index")


def safe_next(target: str | None) -> str | None:
    """``target`` when it is a path on this site; ``None`` for anything that could leave it."""
    if not target:
        return None
    parts = urlsplit(target)
    if (parts.scheme or parts.netloc or not target.startswith("/") or target.startswith(("//", "/\\"))
            or any(ord(char) < 32 for char in target) or "\\" in target):
        return None
    return target


def _clear_session() -> None:
    language = session.get("lang")
    session.clear()
    if language:
        session["lang"] = language


@bp.route("/masuk", methods=["GET", "POST"])
def login() -> Response | str:
    """The login form; on success the session is renewed and the user goes to their page."""
    error = ""
    if request.method == "POST":
        try:
            # A name longer than any account can have is cut (it cannot match; the throttle key stays fixed).
            found = login_with(runtime(), current_app.extensions["alur_login_throttle"],
                               request.form.get("username", "").strip()[:65], request.form.get("password", ""),
                               request.remote_addr or "")
        except AccessDeniedError as exc:
            error = exc.render(current_language())
        else:
            _clear_session()
            session["username"] = found.username
            session["v"] = session_version(runtime(), found.username)
            return redirect(safe_next(request.args.get("next")) or home_for(found))
    return render_template("auth/login.html", error=error)


@bp.post("/keluar")
@allow(ANY)
def logout() -> Response:
    """End every session and API token of the account (a copied cookie dies too), then the login page."""
    end_sessions(runtime(), me().username)
    _clear_session()
    return redirect(url_for("auth.login"))


@bp.get("/")
@allow(ANY)
def index() -> Response:
    return redirect(home_for(me()))


def init_app(app: Flask) -> None:
    app.extensions["alur_login_throttle"] = LoginThrottle()
    app.before_request(_enforce)

    @app.context_processor
    def _account() -> dict[str, Any]:
        return {"account": g.get("account"), "may": may}


def api_error_for(error: AlurError) -> Response:
    """The JSON answer for ``error``: its message and, when it is about fields, their names.

    Data the caller sent that cannot be used (a :class:`~engine.errors.DataError`: a wrong form, a
    wrong case value) is a 400 in the API, with ``field`` (the first) and ``problems`` (one per
    field, for a case-data error); the pages keep answering 422 with the form shown again.
    """
    from .api_input import api_language, problems_of

    lang = api_language()
    status = 400 if isinstance(error, DataError) else error.http_status
    body: dict[str, Any] = {"error": error.render(lang)}
    field = getattr(error, "field", "")
    if field:
        body["field"] = field
    problems = problems_of(error, lang)
    if problems:
        body["problems"] = problems
    answer = jsonify(body)
    answer.status_code = status
    return answer


__all__ = ["ANY", "allow", "bp", "init_app", "me", "may", "runtime", "wraps"]
