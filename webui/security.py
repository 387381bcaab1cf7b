"""Response headers and transport settings every page gets.

* A Content-Security-Policy that allows only the app's own scripts, styles and images (templates
  carry no inline script, style or handler), forbids framing (``frame-ancestors 'none'`` and
  ``X-Frame-Options: DENY``), plugins and foreign form targets.
* ``X-Content-Type-Options: nosniff`` and a ``Referrer-Policy`` that never leaks a path off-site.
* ``Cache-Control: no-store`` on every answer to a logged-in account (worklists, tasks, personal
  data), so a shared computer's browser cache or a proxy keeps nothing.
* Behind a reverse proxy, ``ALUR_TRUSTED_PROXIES=N`` makes the app believe the last N
  ``X-Forwarded-*`` values (werkzeug's ProxyFix); the session cookie is ``Secure`` when the request
  came over HTTPS (directly or as the proxy says) or always with ``ALUR_SECURE_COOKIES=1``.
"""

from __future__ import annotations

import os

from flask import Flask, g, request
from flask.sessions import SecureCookieSessionInterface
from werkzeug.middleware.proxy_fix import ProxyFix
from werkzeug.wrappers import Response

CSP = ("default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data:; font-src 'self'; "
       "connect-src 'self'; object-src 'none'; base-uri 'none'; form-action 'self'; frame-ancestors 'none'")

HEADERS = {
    "Content-Security-Policy": CSP,
    "X-Frame-Options": "DENY",
    "X-Content-Type-Options": "nosniff",
    "Referrer-Policy": "same-origin",
    "Cross-Origin-Opener-Policy": "same-origin",
    "Permissions-Policy": "camera=(), microphone=(), geolocation=()",
}


def trusted_proxies(setting: str | None) -> int:
    """The number of proxies in ``ALUR_TRUSTED_PROXIES`` (0 when unset; a bad value is refused at start).

    :raises ValueError: not a whole number from 0 to 10.
    """
    text = (setting or "0").strip()
    if not text.isdigit() or int(text) > 10:
        raise ValueError(f"ALUR_TRUSTED_PROXIES must be a whole number of proxies from 0 to 10, not {text!r}")
    return int(text)


def _headers(response: Response) -> Response:
    for name, value in HEADERS.items():
        response.headers.setdefault(name, value)
    if g.get("account") is not None or request.headers.get("Authorization"):
        response.headers["Cache-Control"] = "no-store"
        response.headers["Pragma"] = "no-cache"
    if request.is_secure:
        response.headers.setdefault("Strict-Transport-Security", "max-age=31536000")
    response.headers.pop("Server", None)
    return response


class _SessionInterface(SecureCookieSessionInterface):
    """The signed-cookie session, ``Secure`` whenever the request came over HTTPS."""

    def get_cookie_secure(self, app: Flask) -> bool:
        return bool(app.config.get("SESSION_COOKIE_SECURE")) or request.is_secure


def init_app(app: Flask) -> None:
    """Register the headers, the proxy settings and the cookie rule on ``app``."""
    proxies = trusted_proxies(app.config.get("TRUSTED_PROXIES", os.environ.get("ALUR_TRUSTED_PROXIES")))
    if proxies:
        app.wsgi_app = ProxyFix(app.wsgi_app, x_for=proxies, x_proto=proxies, x_host=proxies,  # type: ignore[method-assign]
                                x_port=proxies, x_prefix=proxies)
    always = str(app.config.get("SECURE_COOKIES", os.environ.get("ALUR_SECURE_COOKIES", ""))).strip()
    if always in {"1", "true", "yes"}:
        app.config["SESSION_COOKIE_SECURE"] = True
    app.session_interface = _SessionInterface()
    app.after_request(_headers)
