"""Security headers, server-side sessions, login throttling in the database and the password policy."""

from __future__ import annotations

import datetime as dt
import time
from pathlib import Path

import pytest
from flask import Flask

from engine import ManualClock
from engine.access import accounts as accounts_module
from engine.access.accounts import add_account, check_password, disable_account, issue_token
from engine.errors import DataError
from webui import create_app
from webui.security import CSP, trusted_proxies

TEMPLATES = Path(__file__).resolve().parents[2] / "webui" / "templates"


def test_every_answer_carries_the_security_headers(client, login) -> None:
    for answer in (client.get("/masuk"), client.get("/sehat"), client.get("/api/v1/openapi.json")):
        assert answer.headers["Content-Security-Policy"] == CSP
        assert "frame-ancestors 'none'" in CSP and "script-src 'self'" in CSP and "unsafe-inline" not in CSP
        assert answer.headers["X-Frame-Options"] == "DENY"
        assert answer.headers["X-Content-Type-Options"] == "nosniff"
        assert answer.headers["Referrer-Policy"] == "same-origin"
    assert "no-store" not in client.get("/masuk").headers.get("Cache-Control", "")
    worklist = login("pelaksana").get("/tugas/")
    assert worklist.status_code == 200
    assert worklist.headers["Cache-Control"] == "no-store"
    assert worklist.headers["X-Frame-Options"] == "DENY"


def test_templates_need_no_inline_script_style_or_handler() -> None:
    import re

    for path in TEMPLATES.rglob("*.html"):
        text = path.read_text()
        assert not re.search(r"<script(?![^>]*\bsrc=)[^>]*>", text), path
        assert not re.search(r"<style\b|\sstyle=|\son[a-z]+=|javascript:", text), path


def test_secure_cookie_over_https_and_behind_a_trusted_proxy(tmp_path: Path) -> None:
    app = create_app({"TESTING": True, "SECRET_KEY": "uji", "WTF_CSRF_ENABLED": False, "TRUSTED_PROXIES": "1",
                      "DATABASE_URL": f"sqlite:///{tmp_path / 'web.db'}"})
    add_account(app.extensions["alur_runtime"], "sari", "sari-rahasia", ["pelaksana"])
    client = app.test_client()
    plain = client.post("/masuk", data={"username": "sari", "password": "sari-rahasia"})
    assert "Secure" not in plain.headers["Set-Cookie"] and "HttpOnly" in plain.headers["Set-Cookie"]
    proxied = client.post("/masuk", data={"username": "sari", "password": "sari-rahasia"},
                          headers={"X-Forwarded-Proto": "https", "X-Forwarded-For": "10.1.2.3"})
    assert "Secure" in proxied.headers["Set-Cookie"]
    assert proxied.headers["Strict-Transport-Security"].startswith("max-age=")
    with pytest.raises(ValueError, match="ALUR_TRUSTED_PROXIES"):
        trusted_proxies("semua")


def test_health_and_readiness(client, app: Flask) -> None:
    assert client.get("/sehat").get_json() == {"status": "ok"}
    assert client.get("/siap").get_json() == {"status": "ready"}
    with app.extensions["alur_runtime"].db.write() as connection:
        connection.exec_driver_sql("UPDATE alembic_version SET version_num = '0003'")
    refused = client.get("/siap")
    assert refused.status_code == 503 and "alur db upgrade" in refused.get_json()["reason"]


def test_a_copied_cookie_dies_at_logout(client, login, app: Flask) -> None:
    login("pelaksana")
    token = issue_token(app.extensions["alur_runtime"], "pelaksana")
    copied = client.get_cookie("session")
    assert copied is not None
    assert client.get("/tugas/").status_code == 200
    assert client.post("/keluar").status_code == 302
    thief = app.test_client()
    thief.set_cookie("session", copied.value)
    assert thief.get("/tugas/").status_code == 302  # to the login page
    assert thief.get("/api/v1/tugas", headers={"Authorization": f"Bearer {token}"}).status_code == 401


def test_a_new_password_or_disabling_ends_sessions_and_tokens(client, login, app: Flask) -> None:
    runtime = app.extensions["alur_runtime"]
    login("pelaksana")
    token = issue_token(runtime, "pelaksana")
    bearer = {"Authorization": f"Bearer {token}"}
    assert client.get("/api/v1/tugas", headers=bearer).status_code == 200
    add_account(runtime, "pelaksana", "kata-sandi-baru", ["pelaksana"])
    assert client.get("/tugas/").status_code == 302
    assert client.get("/api/v1/tugas", headers=bearer).status_code == 401
    assert client.post("/masuk", data={"username": "pelaksana", "password": "kata-sandi-baru"}).status_code == 302
    token = issue_token(runtime, "pelaksana")
    disable_account(runtime, "pelaksana")
    assert client.get("/tugas/").status_code == 302
    assert client.get("/api/v1/tugas", headers={"Authorization": f"Bearer {token}"}).status_code == 401
    again = client.post("/masuk", data={"username": "pelaksana", "password": "kata-sandi-baru"})
    assert again.status_code == 200 and "dinonaktifkan" in again.get_data(as_text=True)


def _fail(app: Flask, name: str, address: str = "10.0.0.1") -> str:
    answer = app.test_client().post("/masuk", data={"username": name, "password": "salah-sekali"},
                                    environ_base={"REMOTE_ADDR": address})
    assert answer.status_code == 200
    return answer.get_data(as_text=True)


def test_throttling_is_shared_by_two_servers_and_backs_off_without_locking(tmp_path: Path) -> None:
    clock = ManualClock()
    config = {"TESTING": True, "SECRET_KEY": "uji", "WTF_CSRF_ENABLED": False, "CLOCK": clock,
              "DATABASE_URL": f"sqlite:///{tmp_path / 'web.db'}"}
    first, second = create_app(dict(config)), create_app(dict(config))
    add_account(first.extensions["alur_runtime"], "sari", "sari-rahasia", ["pelaksana"])
    for _ in range(5):
        assert "salah" in _fail(first, "sari")
    # The sixth attempt from the same address, on the other server: asked to wait, password not checked.
    refused = second.test_client().post("/masuk", data={"username": "sari", "password": "sari-rahasia"},
                                        environ_base={"REMOTE_ADDR": "10.0.0.1"})
    assert "coba lagi dalam" in refused.get_data(as_text=True)
    # The owner elsewhere is not locked out by someone else's failures.
    owner = second.test_client().post("/masuk", data={"username": "sari", "password": "sari-rahasia"},
                                      environ_base={"REMOTE_ADDR": "10.9.9.9"})
    assert owner.status_code == 302
    # Backoff: a wait, not a lock; it passes with time and doubles with each new failure.
    for _ in range(5):
        _fail(first, "sari")
    clock.advance(dt.timedelta(seconds=1))
    assert "salah" in _fail(first, "sari")  # the 6th failure after 1 s: allowed, then 2 s to wait
    assert "coba lagi dalam 2 detik" in _fail(first, "sari")
    clock.advance(dt.timedelta(seconds=3))
    assert "salah" in _fail(first, "sari")


def test_the_throttle_table_stays_bounded(app: Flask) -> None:
    runtime = app.extensions["alur_runtime"]
    throttle = accounts_module.LoginThrottle(max_rows=30)
    now = runtime.clock.now()
    for number in range(40):
        throttle.failed(runtime, "x" * 10_000 + str(number), f"10.0.{number}.1", now)
    with runtime.db.read() as connection:
        rows = connection.exec_driver_sql("SELECT key FROM login_failures").fetchall()
    assert len(rows) <= 30 and all(len(row.key) <= 80 for row in rows)


def test_an_unknown_name_costs_a_password_hash(app: Flask, monkeypatch: pytest.MonkeyPatch) -> None:
    checked: list[str] = []
    original = accounts_module.check_password_hash
    monkeypatch.setattr(accounts_module, "check_password_hash",
                        lambda stored, password: checked.append(stored) or original(stored, password))
    runtime = app.extensions["alur_runtime"]
    timings = {}
    for name in ("pelaksana", "tidak-ada-orangnya"):
        began = time.perf_counter()
        with pytest.raises(Exception, match="salah"):
            accounts_module.authenticate(runtime, name, "salah-sekali")
        timings[name] = time.perf_counter() - began
    assert len(checked) == 2 and all(stored.startswith("scrypt$") for stored in checked)
    assert timings["tidak-ada-orangnya"] > timings["pelaksana"] / 3


@pytest.mark.parametrize("password", ["12345678", " " * 8, "aaaaaaaaaaaa", "pendek", "Password123", "sari-atas",
                                      "x" * 300])
def test_the_password_policy_refuses(password: str) -> None:
    with pytest.raises(DataError) as refused:
        check_password("sari-atas", password)
    assert refused.value.field == "password"


def test_the_password_policy_accepts_a_reasonable_password() -> None:
    check_password("sari", "pagi-hujan-kopi")
