"""Delivery by ``alur worker``: mail to a real local SMTP server, JSON to a local webhook, after the commit.

A failed send (server down, a 500 answer) is tried again after its backoff and goes out when the
server is back; a message out of attempts is kept as ``failed``; re-running the worker never sends twice.
"""

from __future__ import annotations

import hashlib
import hmac
import shutil
import ssl
import subprocess
from datetime import timedelta
from pathlib import Path
from typing import Any, Iterator

import pytest
from aiosmtpd.smtp import AuthResult
from sqlalchemy import select

from engine import NotifySettings, Runtime, SmtpChannel, WebhookChannel
from engine.runtime.timers import ManualClock
from engine.store.models import outbox
from tests.conftest import DATA
from tests.engine.notify_servers import SmtpServer, WebhookServer
from tests.engine.runtime.conftest import UNIT, clock, postgres_database, store_url  # noqa: F401

SECRET = "rahasia-gerbang-wa"


@pytest.fixture
def smtp() -> Iterator[SmtpServer]:
    server = SmtpServer()
    server.start()
    yield server
    server.stop()


@pytest.fixture
def webhook() -> Iterator[WebhookServer]:
    server = WebhookServer()
    server.start()
    yield server
    server.stop()


def make_runtime(url: str, clock: ManualClock, smtp: SmtpServer, webhook: WebhookServer,  # noqa: F811
                 max_attempts: int = 4) -> Runtime:
    settings = NotifySettings((SmtpChannel("127.0.0.1", smtp.port, "alur@sukamaju.go.id", timeout=5),
                               WebhookChannel(webhook.url, SECRET, timeout=5)),
                              max_attempts=max_attempts, retry_seconds=60, public_url="https://alur.sukamaju.go.id")
    runtime = Runtime(url, clock=clock, notify=settings)
    runtime.add_user("ani", "Ani", jabatan=[("Pengadministrasi", UNIT)])
    runtime.add_user("budi", "Budi Santoso", jabatan=[("Kepala Subbagian", UNIT)], email="budi@sukamaju.go.id",
                     phone="+6281234567890")
    runtime.publish(DATA / "surat_kecil.yaml")
    return runtime


@pytest.fixture
def runtime(store_url: str, clock: ManualClock, smtp: SmtpServer,  # noqa: F811
            webhook: WebhookServer) -> Iterator[Runtime]:
    found = make_runtime(store_url, clock, smtp, webhook)
    yield found
    found.close()


def start(runtime: Runtime) -> int:
    instance, _ = runtime.start("surat_kecil", "ani", {"kelengkapan": ["Surat masuk"]})
    return instance.id


def statuses(runtime: Runtime) -> list[tuple[str, str, int]]:
    with runtime.db.read() as connection:
        return [(row.channel, row.status, row.attempts) for row in
                connection.execute(select(outbox).order_by(outbox.c.id))]


def test_the_worker_sends_the_mail_and_the_webhook_after_the_commit(
        runtime: Runtime, smtp: SmtpServer, webhook: WebhookServer) -> None:
    instance_id = start(runtime)
    item = runtime.worklist("budi")[0]
    assert smtp.messages == [] and webhook.received == []  # the start never waited on mail
    report = runtime.tick()
    assert (report.messages_sent, report.messages_retried, report.messages_failed) == (2, 0, 0)
    [(to, mail)] = smtp.messages
    assert to == ["budi@sukamaju.go.id"] and mail["From"] == "alur@sukamaju.go.id"
    assert mail["Subject"] == "[Alur] Tugas baru: Apakah perlu disposisi? (Uji Surat)"
    assert mail["X-Alur-Message-Id"] == f"ready:{item.id}:email:budi"
    text = mail.get_content()
    assert "SOP: Uji Surat" in text and "Langkah: Apakah perlu disposisi?" in text
    assert f"Kasus: instans #{instance_id}" in text and "Batas waktu: 2026-03-02 08:15 WIB" in text
    assert f"Buka tugas: https://alur.sukamaju.go.id/tugas/{item.id}" in text
    [received] = webhook.received
    expected = "sha256=" + hmac.new(SECRET.encode(), received.body, hashlib.sha256).hexdigest()
    assert received.headers["X-Alur-Signature"] == expected
    assert received.headers["Content-Type"].startswith("application/json")
    payload = received.json()
    assert payload["to"] == "+6281234567890" and payload["kind"] == "ready"
    assert payload["id"] == received.headers["X-Alur-Message-Id"] == f"ready:{item.id}:webhook:budi"
    assert (payload["sop"], payload["step"], payload["instance"], payload["due"]) == (
        "Uji Surat", "Apakah perlu disposisi?", instance_id, "2026-03-02T01:15:00+00:00")
    assert payload["text"].startswith("Yth. Budi Santoso,")
    assert statuses(runtime) == [("email", "sent", 1), ("webhook", "sent", 1)]
    # running the worker again sends nothing more
    assert runtime.tick().messages_sent == 0
    assert len(smtp.messages) == 1 and len(webhook.received) == 1


def test_a_burst_of_100_items_is_100_mails_never_repeated(runtime: Runtime, smtp: SmtpServer,
                                                           webhook: WebhookServer) -> None:
    for _ in range(100):
        start(runtime)
    sent = sum(runtime.tick().messages_sent for _ in range(6))
    assert sent == 200
    assert len(smtp.messages) == 100 and len({mail["X-Alur-Message-Id"] for _, mail in smtp.messages}) == 100
    assert len({received.json()["id"] for received in webhook.received}) == len(webhook.received) == 100
    assert runtime.tick().messages_sent == 0


def test_a_failed_send_is_tried_again_after_its_backoff_and_goes_out(
        runtime: Runtime, clock: ManualClock, smtp: SmtpServer, webhook: WebhookServer) -> None:  # noqa: F811
    smtp.stop()
    webhook.status = 503
    start(runtime)
    start(runtime)
    report = runtime.tick()
    # one failure per channel; the rest of that channel's batch is put back untried
    assert (report.messages_sent, report.messages_retried, report.messages_failed) == (0, 2, 0)
    assert sorted(statuses(runtime)) == [("email", "pending", 0), ("email", "pending", 1),
                                         ("webhook", "pending", 0), ("webhook", "pending", 1)]
    with runtime.db.read() as connection:
        errors = [row.last_error for row in connection.execute(select(outbox).where(outbox.c.attempts == 1))]
    assert any("503" in error for error in errors) and all(errors)
    smtp.start()
    webhook.status = 200
    assert runtime.tick().messages_sent == 0  # not before the backoff
    clock.advance(timedelta(seconds=61))
    assert runtime.tick().messages_sent == 4
    assert sorted(statuses(runtime)) == [("email", "sent", 1), ("email", "sent", 2),
                                         ("webhook", "sent", 1), ("webhook", "sent", 2)]
    assert len(smtp.messages) == 2 and len(webhook.received) == 3  # the one answered 503, then the two sent
    assert len({received.json()["id"] for received in webhook.received}) == 2


def test_a_message_out_of_attempts_is_kept_as_failed(store_url: str, clock: ManualClock,  # noqa: F811
                                                     smtp: SmtpServer, webhook: WebhookServer) -> None:
    runtime = make_runtime(store_url, clock, smtp, webhook, max_attempts=3)
    try:
        smtp.stop()
        start(runtime)
        waits = []
        for _ in range(3):
            report = runtime.tick()
            waits.append((report.messages_retried, report.messages_failed))
            clock.advance(timedelta(minutes=3))  # past the 1- and 2-minute backoffs, before the item is late
        assert waits == [(1, 0), (1, 0), (0, 1)]
        with runtime.db.read() as connection:
            row = connection.execute(select(outbox).where(outbox.c.channel == "email")).one()
        assert (row.status, row.attempts, row.sent_at) == ("failed", 3, None)
        assert row.last_error  # what the refused connection said
        smtp.start()
        clock.advance(timedelta(days=1))
        assert runtime.tick().messages_sent == 2  # the overdue mail and webhook of that day, not the failed mail
        assert [mail["Subject"] for _, mail in smtp.messages] == [
            "[Alur] Tugas terlambat: Apakah perlu disposisi? (Uji Surat)"]
        assert ("email", "failed", 3) in statuses(runtime)
    finally:
        runtime.close()


def test_backoff_doubles_up_to_six_hours() -> None:
    settings = NotifySettings(retry_seconds=60)
    assert [settings.backoff(n).total_seconds() for n in (1, 2, 3, 4)] == [60, 120, 240, 480]
    assert settings.backoff(30) == timedelta(hours=6)


def test_an_overdue_item_is_mailed_by_the_same_pass_that_marks_it(runtime: Runtime, clock: ManualClock,  # noqa: F811
                                                                   smtp: SmtpServer) -> None:
    start(runtime)
    runtime.tick()
    clock.advance(timedelta(minutes=16))
    report = runtime.tick()
    assert report.overdue_marked == 1 and report.messages_sent == 2
    assert smtp.messages[-1][1]["Subject"] == "[Alur] Tugas terlambat: Apakah perlu disposisi? (Uji Surat)"


def test_two_workers_send_each_message_once(store_url: str, clock: ManualClock, smtp: SmtpServer,  # noqa: F811
                                            webhook: WebhookServer) -> None:
    first = make_runtime(store_url, clock, smtp, webhook)
    second = Runtime(store_url, clock=clock, notify=first.context.notify)
    try:
        for _ in range(20):
            start(first)
        import threading

        reports: list[Any] = []
        threads = [threading.Thread(target=lambda runtime=runtime: reports.append(runtime.tick()))
                   for runtime in (first, second)]
        for thread in threads:
            thread.start()
        for thread in threads:
            thread.join()
        assert sum(report.messages_sent for report in reports) == 40
        assert len(smtp.messages) == 20 and len({mail["X-Alur-Message-Id"] for _, mail in smtp.messages}) == 20
        assert len(webhook.received) == 20
    finally:
        first.close()
        second.close()


def test_mail_goes_over_starttls_with_a_login(tmp_path: Path, store_url: str, clock: ManualClock,  # noqa: F811
                                              webhook: WebhookServer) -> None:
    if shutil.which("openssl") is None:
        pytest.skip("openssl NOT FOUND: cannot make the test certificate for STARTTLS")
    cert, key = tmp_path / "cert.pem", tmp_path / "key.pem"
    subprocess.run(["openssl", "req", "-x509", "-newkey", "rsa:2048", "-nodes", "-days", "1", "-subj", "/CN=127.0.0.1",
                    "-addext", "subjectAltName=IP:127.0.0.1", "-keyout", str(key), "-out", str(cert)],
                   check=True, capture_output=True)
    server_tls = ssl.create_default_context(ssl.Purpose.CLIENT_AUTH)
    server_tls.load_cert_chain(cert, key)
    logins: list[tuple[bytes, bytes]] = []

    def authenticator(server: Any, session: Any, envelope: Any, mechanism: str, data: Any) -> AuthResult:
        logins.append((data.login, data.password))
        return AuthResult(success=data.login == b"alur" and data.password == b"s3cret")

    smtp = SmtpServer(tls_context=server_tls, require_starttls=True, authenticator=authenticator,
                      auth_required=True)
    smtp.start()
    client_tls = ssl.create_default_context(cafile=str(cert))
    runtime = make_runtime(store_url, clock, smtp, webhook)
    try:
        for password, sent in (("salah", 0), ("s3cret", 1)):
            channel = SmtpChannel("127.0.0.1", smtp.port, "alur@sukamaju.go.id", "alur", password, starttls=True,
                                  timeout=5, tls_context=client_tls)
            runtime.context.notify = NotifySettings((channel,), retry_seconds=1)
            if sent == 0:
                start(runtime)
            clock.advance(timedelta(seconds=5))
            assert runtime.tick().messages_sent == sent
        assert logins == [(b"alur", b"salah"), (b"alur", b"s3cret")]
        assert [to for to, _ in smtp.messages] == [["budi@sukamaju.go.id"]]
    finally:
        runtime.close()
        smtp.stop()
