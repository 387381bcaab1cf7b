"""The contacts a user may be notified at: one e-mail address, one phone number, a language.

All three are optional; an empty value means "none" (for the language: Bahasa Indonesia). They are
checked when they are set, so the outbox never holds an address a channel cannot use.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from engine.errors import DataError

#: One address, no display name, no spaces; the domain has a dot (what a Pemda mail server accepts).
_EMAIL = re.compile(r"^[A-Za-z0-9.!#$%&'*+/=?^_`{|}~-]+@[A-Za-z0-9](?:[A-Za-z0-9-]{0,61}[A-Za-z0-9])?"
                    r"(?:\.[A-Za-z0-9](?:[A-Za-z0-9-]{0,61}[A-Za-z0-9])?)+$")
#: E.164-like: 8 to 15 digits after an optional +, as WhatsApp gateways take them.
_PHONE = re.compile(r"^\+?[0-9]{8,15}$")
#: Languages a message can be written in; "" is Bahasa Indonesia.
LANGUAGES = ("", "id", "en")


@dataclass(frozen=True)
class Contacts:
    """Where and how a user is notified."""

    email: str = ""
    phone: str = ""
    language: str = ""


def check_contacts(email: str = "", phone: str = "", language: str = "") -> Contacts:
    """The contacts, trimmed and checked (spaces and dashes inside a phone number are dropped).

    :raises DataError: naming the field (``email``, ``phone``, ``language``) that is not valid.
    """
    email = email.strip()
    if email and (len(email) > 254 or not _EMAIL.match(email)):
        raise DataError.from_code("notify_bad_email", "email", value=email[:100])
    phone = re.sub(r"[\s\-().]", "", phone)
    if phone and not _PHONE.match(phone):
        raise DataError.from_code("notify_bad_phone", "phone", value=phone[:40])
    language = language.strip().lower()
    if language not in LANGUAGES:
        raise DataError.from_code("notify_bad_language", "language", value=language[:20])
    return Contacts(email, phone, language)
