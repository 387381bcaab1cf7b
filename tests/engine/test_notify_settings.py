"""Notification settings from the environment, contacts of users, and the CLI that sets and sends them."""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from click.testing import CliRunner, Result

from engine import NotifySettings, SmtpChannel, WebhookChannel
from engine.cli.main import main
from engine.errors import DataError
from engine.notify.contacts import check_contacts
from tests.conftest import DATA
from tests.engine.notify_servers import SmtpServer


def test_nothing_set_means_off() -> None:
    settings = NotifySettings.from_env({})
    assert not settings.enabled and settings.channels == () and settings.max_attempts == 8


def test_every_setting_is_read() -> None:
    settings = NotifySettings.from_env({
        "ALUR_SMTP_HOST": "mail.sukamaju.go.id", "ALUR_SMTP_FROM": "alur@sukamaju.go.id", "ALUR_SMTP_STARTTLS": "1",
        "ALUR_SMTP_USER": "alur", "ALUR_SMTP_PASSWORD": "s3cret", "ALUR_WEBHOOK_URL": "https://wa.example/kirim",
        "ALUR_WEBHOOK_SECRET": "rahasia", "ALUR_NOTIFY_MAX_ATTEMPTS": "5", "ALUR_NOTIFY_RETRY_SECONDS": "30",
        "ALUR_PUBLIC_URL": "https://alur.sukamaju.go.id/"})
    assert settings.channels == (
        SmtpChannel("mail.sukamaju.go.id", 587, "alur@sukamaju.go.id", "alur", "s3cret", True),
        WebhookChannel("https://wa.example/kirim", "rahasia"))
    assert (settings.max_attempts, settings.retry_seconds, settings.public_url) == (5, 30, "https://alur.sukamaju.go.id")
    assert NotifySettings.from_env({"ALUR_SMTP_HOST": "mail", "ALUR_SMTP_FROM": "a@b.id"}).channels[0].port == 25


@pytest.mark.parametrize(("environ", "field", "words"), [
    ({"ALUR_SMTP_HOST": "mail"}, "ALUR_SMTP_FROM", "wajib diisi bila ALUR_SMTP_HOST"),
    ({"ALUR_SMTP_HOST": "mail", "ALUR_SMTP_FROM": "bukan alamat"}, "ALUR_SMTP_FROM", "alamat e-mail yang sah"),
    ({"ALUR_SMTP_HOST": "mail", "ALUR_SMTP_FROM": "a@b.id", "ALUR_SMTP_PORT": "99999"}, "ALUR_SMTP_PORT", "1 sampai 65535"),
    ({"ALUR_SMTP_HOST": "mail", "ALUR_SMTP_FROM": "a@b.id", "ALUR_SMTP_STARTTLS": "ya"}, "ALUR_SMTP_STARTTLS", "1 (ya)"),
    ({"ALUR_SMTP_HOST": "mail", "ALUR_SMTP_FROM": "a@b.id", "ALUR_SMTP_USER": "u"}, "ALUR_SMTP_PASSWORD", "wajib"),
    ({"ALUR_WEBHOOK_URL": "ftp://wa.example"}, "ALUR_WEBHOOK_URL", "http:// atau https://"),
    ({"ALUR_WEBHOOK_URL": "https://wa.example/kirim"}, "ALUR_WEBHOOK_SECRET", "wajib diisi bila ALUR_WEBHOOK_URL"),
    ({"ALUR_NOTIFY_MAX_ATTEMPTS": "0"}, "ALUR_NOTIFY_MAX_ATTEMPTS", "1 sampai 100"),
    ({"ALUR_PUBLIC_URL": "alur.local"}, "ALUR_PUBLIC_URL", "http://"),
])
def test_a_setting_that_cannot_be_used_is_named(environ: dict[str, str], field: str, words: str) -> None:
    with pytest.raises(DataError) as refused:
        NotifySettings.from_env(environ)
    assert refused.value.field == field and words in str(refused.value)
    assert field in refused.value.render("en")


def test_contacts_are_checked_and_tidied() -> None:
    assert check_contacts(" budi@sukamaju.go.id ", "+62 812-3456-7890", "EN") == check_contacts(
        "budi@sukamaju.go.id", "+6281234567890", "en")
    for email, phone, language, field in [("budi", "", "", "email"), ("a@b", "", "", "email"),
                                          ("a b@c.id", "", "", "email"), ("", "0812", "", "phone"),
                                          ("", "+62abc45678", "", "phone"), ("", "", "jv", "language")]:
        with pytest.raises(DataError) as refused:
            check_contacts(email, phone, language)
        assert refused.value.field == field


@pytest.fixture
def alur(tmp_path: Path, monkeypatch: pytest.MonkeyPatch):  # type: ignore[no-untyped-def]
    monkeypatch.setenv("ALUR_DATABASE_URL", f"sqlite:///{tmp_path / 'cli.db'}")
    for name in ("ALUR_SMTP_HOST", "ALUR_WEBHOOK_URL"):
        monkeypatch.delenv(name, raising=False)
    runner = CliRunner()

    def invoke(*args: str, code: int = 0) -> Result:
        result = runner.invoke(main, list(args))
        assert result.exit_code == code, (args, result.output, result.exception)
        return result

    return invoke


def test_user_add_keeps_contacts_and_the_worker_sends(alur, monkeypatch: pytest.MonkeyPatch) -> None:  # type: ignore[no-untyped-def]
    alur("db", "upgrade")
    refused = alur("user", "add", "budi", "--email", "budi(at)sukamaju", code=1)
    assert "e-mail 'budi(at)sukamaju' tidak sah" in refused.output
    assert "Phone number '12' is not valid" in alur("--lang", "en", "user", "add", "budi", "--phone", "12", code=1).output
    alur("user", "add", "ani", "--unit", "Bagian Umum", "--jabatan", "Pengadministrasi")
    alur("account", "add", "ani", "--role", "penyusun", "--password", "ani-rahasia-2026")  # publishes
    alur("user", "add", "budi", "--unit", "Bagian Umum", "--jabatan", "Kepala Subbagian", "--email",
         "budi@sukamaju.go.id", "--phone", "0812 3456 7890", "--bahasa", "en")
    alur("publish", str(DATA / "surat_kecil.yaml"), "--as", "ani", "--alasan", "Uji notifikasi")
    server = SmtpServer()
    server.start()
    try:
        monkeypatch.setenv("ALUR_SMTP_HOST", "127.0.0.1")
        monkeypatch.setenv("ALUR_SMTP_PORT", str(server.port))
        monkeypatch.setenv("ALUR_SMTP_FROM", "alur@sukamaju.go.id")
        alur("start", "surat_kecil", "--as", "ani", "--data", '{"kelengkapan": ["Surat masuk"]}')
        assert server.messages == []
        out = alur("worker", "--once").output
        assert "pesan terkirim: 1, dicoba lagi nanti: 0, gagal (batas percobaan): 0" in out
        [(to, mail)] = server.messages
        assert to == ["budi@sukamaju.go.id"] and mail["Subject"].startswith("[Alur] New work item: ")
        assert "pesan terkirim" not in alur("worker", "--once").output  # nothing more to send
    finally:
        server.stop()
    monkeypatch.setenv("ALUR_SMTP_PORT", "nol")
    assert "ALUR_SMTP_PORT" in alur("worker", "--once", code=1).output


def test_alur_outbox_lists_and_sends_failed_messages_again(alur, monkeypatch: pytest.MonkeyPatch) -> None:  # type: ignore[no-untyped-def]
    alur("db", "upgrade")
    alur("user", "add", "ani", "--unit", "Bagian Umum", "--jabatan", "Pengadministrasi")
    alur("account", "add", "ani", "--role", "penyusun", "--password", "ani-rahasia-2026")  # publishes
    alur("user", "add", "budi", "--unit", "Bagian Umum", "--jabatan", "Kepala Subbagian", "--email",
         "budi@sukamaju.go.id")
    alur("publish", str(DATA / "surat_kecil.yaml"), "--as", "ani", "--alasan", "Uji notifikasi")
    server = SmtpServer()  # made, not started: the mail server is down
    monkeypatch.setenv("ALUR_SMTP_HOST", "127.0.0.1")
    monkeypatch.setenv("ALUR_SMTP_PORT", str(server.port))
    monkeypatch.setenv("ALUR_SMTP_FROM", "alur@sukamaju.go.id")
    monkeypatch.setenv("ALUR_NOTIFY_MAX_ATTEMPTS", "1")
    alur("start", "surat_kecil", "--as", "ani", "--data", '{"kelengkapan": ["Surat masuk"]}')
    assert "outbox: 1 menunggu, 0 terkirim, 0 gagal" in alur("outbox").output
    assert "gagal (batas percobaan): 1" in alur("worker", "--once").output
    listed = alur("outbox", "--status", "failed").output
    assert "outbox: 0 menunggu, 0 terkirim, 1 gagal" in listed
    assert re.search(r"#1  failed  ready   tugas #1  email budi@sukamaju.go.id  percobaan 1  "
                     r"\d{4}-\d\d-\d\d \d\d:\d\d WIB  ", listed)
    assert "1 failed notifications will be sent again" in alur("--lang", "en", "outbox", "retry").output
    server.start()
    try:
        assert "pesan terkirim: 1" in alur("worker", "--once").output
        assert len(server.messages) == 1
        assert "0 notifikasi gagal" in alur("outbox", "retry", "1").output  # sent: nothing to retry
        assert "0 menunggu, 1 terkirim, 0 gagal" in alur("outbox").output
    finally:
        server.stop()
