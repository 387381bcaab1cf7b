"""Notification settings: which channels are on, how often a message is tried. Off unless configured.

From the environment (:meth:`NotifySettings.from_env`)::

    ALUR_SMTP_HOST       mail server; setting it turns e-mail on
    ALUR_SMTP_PORT       default 587 with STARTTLS, else 25
    ALUR_SMTP_FROM       sender address (required with ALUR_SMTP_HOST)
    ALUR_SMTP_USER       login (optional) and ALUR_SMTP_PASSWORD
    ALUR_SMTP_STARTTLS   1 to upgrade the connection with STARTTLS (default 0)
    ALUR_WEBHOOK_URL     http(s) URL that receives a signed JSON POST per message; turns the webhook on
    ALUR_WEBHOOK_SECRET  shared secret of the X-Alur-Signature HMAC (required with ALUR_WEBHOOK_URL)
    ALUR_NOTIFY_MAX_ATTEMPTS   tries before a message is marked failed (default 8)
    ALUR_NOTIFY_RETRY_SECONDS  wait after the first failure, doubled after each next one (default 60)
    ALUR_PUBLIC_URL      the web UI's address, for the link to the work item in each message (optional)

A setting that cannot be used stops the runtime with a message naming it (never a silent "off").
"""

from __future__ import annotations

import os
from collections.abc import Mapping
from dataclasses import dataclass
from datetime import timedelta
from urllib.parse import urlsplit

from engine.errors import DataError
from engine.notify.channels import Channel, SmtpChannel, WebhookChannel
from engine.notify.contacts import check_contacts

#: The longest wait between two attempts, however many failed before.
MAX_BACKOFF = timedelta(hours=6)


@dataclass(frozen=True)
class NotifySettings:
    """The channels notifications go out through (none: notifications are off) and the retry policy."""

    channels: tuple[Channel, ...] = ()
    max_attempts: int = 8
    retry_seconds: int = 60
    #: The web UI's address (``https://alur.example.go.id``); messages link to ``<public_url>/tugas/<id>``.
    public_url: str = ""

    @property
    def enabled(self) -> bool:
        return bool(self.channels)

    def channel(self, name: str) -> Channel | None:
        return next((channel for channel in self.channels if channel.name == name), None)

    def backoff(self, attempts: int) -> timedelta:
        """The wait after the ``attempts``-th failed try: ``retry_seconds``, doubled each time, at most 6 hours."""
        return min(timedelta(seconds=self.retry_seconds * 2 ** min(max(attempts - 1, 0), 20)), MAX_BACKOFF)

    @classmethod
    def from_env(cls, environ: Mapping[str, str] | None = None) -> NotifySettings:
        """The settings in ``environ`` (default the process environment); see the module docstring.

        :raises DataError: a setting that is missing or malformed, naming it.
        """
        env = os.environ if environ is None else environ

        def text(name: str) -> str:
            return env.get(name, "").strip()

        channels: list[Channel] = []
        host = text("ALUR_SMTP_HOST")
        if host:
            starttls = _flag("ALUR_SMTP_STARTTLS", text("ALUR_SMTP_STARTTLS"))
            sender = text("ALUR_SMTP_FROM")
            if not sender:
                raise DataError.from_code("notify_setting_missing", "ALUR_SMTP_FROM", setting="ALUR_SMTP_FROM",
                                          because="ALUR_SMTP_HOST")
            try:
                check_contacts(email=sender)
            except DataError as exc:
                raise DataError.from_code("notify_setting_bad_email", "ALUR_SMTP_FROM", setting="ALUR_SMTP_FROM",
                                          value=sender[:100]) from exc
            user = text("ALUR_SMTP_USER")
            if user and not env.get("ALUR_SMTP_PASSWORD"):
                raise DataError.from_code("notify_setting_missing", "ALUR_SMTP_PASSWORD",
                                          setting="ALUR_SMTP_PASSWORD", because="ALUR_SMTP_USER")
            port = _number("ALUR_SMTP_PORT", text("ALUR_SMTP_PORT") or ("587" if starttls else "25"), 1, 65535)
            channels.append(SmtpChannel(host, port, sender, user, env.get("ALUR_SMTP_PASSWORD", ""), starttls))
        url = text("ALUR_WEBHOOK_URL")
        if url:
            _check_url("ALUR_WEBHOOK_URL", url)
            secret = env.get("ALUR_WEBHOOK_SECRET", "")
            if not secret:
                raise DataError.from_code("notify_setting_missing", "ALUR_WEBHOOK_SECRET",
                                          setting="ALUR_WEBHOOK_SECRET", because="ALUR_WEBHOOK_URL")
            channels.append(WebhookChannel(url, secret))
        public_url = text("ALUR_PUBLIC_URL").rstrip("/")
        if public_url:
            _check_url("ALUR_PUBLIC_URL", public_url)
        return cls(tuple(channels),
                   _number("ALUR_NOTIFY_MAX_ATTEMPTS", text("ALUR_NOTIFY_MAX_ATTEMPTS") or "8", 1, 100),
                   _number("ALUR_NOTIFY_RETRY_SECONDS", text("ALUR_NOTIFY_RETRY_SECONDS") or "60", 1, 86400),
                   public_url)


def _number(name: str, value: str, minimum: int, maximum: int) -> int:
    if not value.isdigit() or not minimum <= int(value) <= maximum:
        raise DataError.from_code("notify_setting_bad_number", name, setting=name, minimum=minimum,
                                  maximum=maximum, value=value[:40])
    return int(value)


def _flag(name: str, value: str) -> bool:
    if value not in ("", "0", "1"):
        raise DataError.from_code("notify_setting_bad_flag", name, setting=name, value=value[:40])
    return value == "1"


def _check_url(name: str, value: str) -> None:
    parts = urlsplit(value)
    if parts.scheme not in ("http", "https") or not parts.hostname:
        raise DataError.from_code("notify_setting_bad_url", name, setting=name, value=value[:200])
