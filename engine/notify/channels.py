"""Channels a notification goes out through: e-mail over SMTP and a generic HTTP webhook.

A channel is anything with a ``name``, an ``address_of(recipient)`` (the contact it sends to, ""
when the recipient has none) and ``send(message)`` that raises :class:`~engine.errors.DeliveryError`
when the other side does not take it. :data:`CHANNEL_KINDS` names the ones settings can make; a
deployment may pass its own channel objects to the runtime (e.g. a WhatsApp Business API client).

Sending is at least once: a worker that dies between the send and writing "sent" sends again after
the row's lease. Both channels therefore carry the outbox key (``Message-ID`` / ``X-Alur-Message-Id``)
so the receiving side can drop a repeat.
"""

from __future__ import annotations

import hashlib
import hmac
import json
import smtplib
import ssl
import urllib.error
import urllib.request
from dataclasses import dataclass, field
from email.message import EmailMessage
from email.utils import formatdate
from typing import Any, Protocol

from engine.errors import DeliveryError
from engine.notify.contacts import Contacts

#: Seconds a channel waits for the other side before the attempt counts as failed.
TIMEOUT = 20.0


@dataclass(frozen=True)
class OutboxMessage:
    """One outbox row as a channel sends it."""

    id: int
    #: ``<kind>:<item id>:<channel>:<username>``, unique in the outbox.
    key: str
    kind: str
    address: str
    subject: str
    body: str
    #: SOP, step, case, due time, links: for channels that send data.
    facts: dict[str, Any] = field(default_factory=dict)


class Channel(Protocol):
    """What the sender and the outbox need from a channel."""

    @property
    def name(self) -> str:
        """Stored in the outbox row; the sender hands each row to the channel of that name."""

    def address_of(self, recipient: Contacts) -> str:
        """The recipient's contact on this channel; "" when there is none (no row is written)."""

    def send(self, message: OutboxMessage) -> None:
        """Deliver one message.

        :raises DeliveryError: the other side was unreachable or refused it.
        """


@dataclass(frozen=True)
class SmtpChannel:
    """E-mail through an SMTP server (plain, or STARTTLS; optional login), one connection per message."""

    host: str
    port: int
    sender: str
    user: str = ""
    password: str = ""
    starttls: bool = False
    timeout: float = TIMEOUT
    #: TLS settings for STARTTLS; default the system's trusted certificates.
    tls_context: ssl.SSLContext | None = None
    name: str = "email"

    def address_of(self, recipient: Contacts) -> str:
        return recipient.email

    def send(self, message: OutboxMessage) -> None:
        mail = EmailMessage()
        mail["From"] = self.sender
        mail["To"] = message.address
        mail["Subject"] = message.subject
        mail["Date"] = formatdate(localtime=False)
        # The same id on every attempt: a mail system that sees it twice keeps one.
        domain = self.sender.rpartition("@")[2] or "alur"
        mail["Message-ID"] = f"<{hashlib.sha256(message.key.encode()).hexdigest()[:32]}@{domain}>"
        mail["X-Alur-Message-Id"] = message.key
        mail.set_content(message.body)
        try:
            with smtplib.SMTP(self.host, self.port, timeout=self.timeout) as server:
                if self.starttls:
                    server.starttls(context=self.tls_context or ssl.create_default_context())
                if self.user:
                    server.login(self.user, self.password)
                server.send_message(mail)
        except (OSError, smtplib.SMTPException) as exc:  # SMTPException is an OSError; both named for readers
            raise DeliveryError.from_code("notify_smtp_failed", _detail(exc), host=self.host, port=self.port,
                                          detail=_detail(exc)) from exc


@dataclass(frozen=True)
class WebhookChannel:
    """A JSON ``POST`` to one URL (a WhatsApp gateway, a chat bot), signed with a shared secret.

    The body is the message's facts with ``id``, ``kind``, ``to``, ``subject`` and ``text``; the
    header ``X-Alur-Signature: sha256=<hex>`` is the HMAC-SHA256 of the body bytes under ``secret``,
    so the gateway can check the request came from this Alur. Any 2xx answer is a delivery.
    """

    url: str
    secret: str
    timeout: float = TIMEOUT
    name: str = "webhook"

    def address_of(self, recipient: Contacts) -> str:
        return recipient.phone

    def send(self, message: OutboxMessage) -> None:
        payload = {**message.facts, "id": message.key, "kind": message.kind, "to": message.address,
                   "subject": message.subject, "text": message.body}
        body = json.dumps(payload, ensure_ascii=False, sort_keys=True).encode()
        request = urllib.request.Request(self.url, data=body, method="POST", headers={
            "Content-Type": "application/json; charset=utf-8",
            "User-Agent": "Alur-notify/1",
            "X-Alur-Message-Id": message.key,
            "X-Alur-Signature": "sha256=" + signature(self.secret, body),
        })
        try:
            with urllib.request.urlopen(request, timeout=self.timeout) as answer:  # noqa: S310 - URL from settings
                answer.read(1024)
        except urllib.error.HTTPError as exc:  # a non-2xx answer
            raise DeliveryError.from_code("notify_webhook_failed", f"HTTP {exc.code}", url=self.url,
                                          detail=f"HTTP {exc.code} {exc.reason}") from exc
        except OSError as exc:  # refused, unreachable, timed out (URLError is an OSError)
            raise DeliveryError.from_code("notify_webhook_failed", _detail(exc), url=self.url,
                                          detail=_detail(exc)) from exc


def signature(secret: str, body: bytes) -> str:
    """The hex HMAC-SHA256 of ``body`` under ``secret`` (what ``X-Alur-Signature`` carries after ``sha256=``)."""
    return hmac.new(secret.encode(), body, hashlib.sha256).hexdigest()


def _detail(exc: BaseException) -> str:
    text = str(getattr(exc, "reason", "") or exc) or type(exc).__name__
    return text.splitlines()[0][:300]


#: Channel kinds the settings know, by name.
CHANNEL_KINDS: dict[str, type] = {"email": SmtpChannel, "webhook": WebhookChannel}
