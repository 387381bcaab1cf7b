"""The audit trail's hash chain.

Every instance has its own chain of events numbered 1, 2, 3... Each event is stored with its body,
the canonical JSON of what happened (sorted keys, no spaces, UTF-8)::

    {"actor":"budi","at":"2026-03-02T01:00:00.000000+00:00","data":{...},"instance":7,
     "item":12,"kind":"completed","seq":3,"step":"periksa"}

Since schema version 2 the body also carries its envelope inside the hash: ``"v": 2``, the official
an act was done for (``on_behalf_of``, an acting official's principal), the hashes of the documents it
concerns and the parent/child instances it links. Version-1 bodies have no ``"v"`` and are kept and
verified exactly as written.

``hash = sha256(prev_hash + body)`` in hex, where ``prev_hash`` is the previous event's hash
(:data:`GENESIS` for the first). Changing, removing or reordering any event breaks every hash
after it; the instance row keeps the last sequence number and hash, so cutting the tail is seen too.
"""

from __future__ import annotations

import hashlib
import json
from dataclasses import dataclass
from datetime import datetime, timezone
from typing import Any, Iterable

_UTC = timezone.utc

#: ``prev_hash`` of an instance's first event.
GENESIS = "0" * 64

#: What can happen to an instance (the ``kind`` of an event).
EVENT_KINDS = ("started", "ready", "claimed", "unclaimed", "completed", "decision", "overdue", "escalated",
               "timer_fired", "cancelled", "suspended", "resumed", "finished", "error", "retried", "attached",
               "released", "reassigned",
               # events (engine.runtime.events)
               "message_received", "error_reported", "error_end")

#: Schema version of the bodies written now (version 1 had no ``"v"`` key).
EVENT_SCHEMA = 2


def canonical_json(value: Any) -> str:
    """JSON with sorted keys and no whitespace: the same value always gives the same text."""
    return json.dumps(value, sort_keys=True, separators=(",", ":"), ensure_ascii=False, allow_nan=False)


def format_instant(moment: datetime) -> str:
    """An aware instant as fixed-width ISO 8601 in UTC (microseconds always shown)."""
    # isoformat writes what strftime("%Y-%m-%dT%H:%M:%S.%f+00:00") does (4-digit years), several times faster
    return moment.astimezone(_UTC).replace(tzinfo=None).isoformat("T", "microseconds") + "+00:00"


@dataclass(frozen=True)
class Envelope:
    """What an event says beyond what happened: for whom, about which documents, linked to which instances."""

    #: Username of the official the actor acted for (an acting official, *plt*/*plh*), if any.
    on_behalf_of: str | None = None
    #: ``(name, sha256 hex)`` of each document the event concerns.
    documents: tuple[tuple[str, str], ...] = ()
    #: The instance that started this one, if any.
    parent: int | None = None
    #: Instances this event started.
    children: tuple[int, ...] = ()

    def fields(self) -> dict[str, Any]:
        """The envelope's keys in an event body."""
        return {"v": EVENT_SCHEMA, "on_behalf_of": self.on_behalf_of,
                "documents": [{"name": name, "sha256": digest} for name, digest in self.documents],
                "parent": self.parent, "children": list(self.children)}


_NO_ENVELOPE = Envelope()


def event_body(instance_id: int, seq: int, kind: str, at: datetime, actor: str, step: str,
               item: int | None, data: dict[str, Any], envelope: Envelope | None = None) -> str:
    """The canonical body of one event, at the current schema version."""
    return canonical_json({"instance": instance_id, "seq": seq, "kind": kind, "at": format_instant(at),
                           "actor": actor, "step": step, "item": item, "data": data,
                           **(envelope or _NO_ENVELOPE).fields()})


def chain_hash(prev_hash: str, body: str) -> str:
    """``sha256(prev_hash + body)`` in hex."""
    return hashlib.sha256((prev_hash + body).encode("utf-8")).hexdigest()


@dataclass(frozen=True)
class StoredEvent:
    """One event row as read back for verification."""

    instance_id: int
    seq: int
    kind: str
    actor: str
    step: str
    body: str
    prev_hash: str
    hash: str


@dataclass(frozen=True)
class ChainBreak:
    """The first place a chain does not verify."""

    instance_id: int
    seq: int
    #: Catalogue code of what is wrong (:mod:`engine.messages.runtime`).
    code: str
    #: Values of the message, as sorted (name, value) pairs.
    params: tuple[tuple[str, str], ...] = ()

    @property
    def reason(self) -> str:
        """What is wrong, in Bahasa Indonesia."""
        from engine.messages import message

        return message(self.code, "id", **dict(self.params))

    def render(self, lang: str = "id") -> str:
        """Where and what, in ``lang``."""
        from engine.messages import message

        return message("audit_break", lang, instance=str(self.instance_id), seq=str(self.seq),
                       reason=message(self.code, lang, **dict(self.params)))

    def __str__(self) -> str:
        return self.render("id")


def chain_break(instance_id: int, seq: int, code: str, **params: object) -> ChainBreak:
    """A :class:`ChainBreak` with its message values."""
    return ChainBreak(instance_id, seq, code, tuple(sorted((key, str(value)) for key, value in params.items())))


def verify_chain(instance_id: int, events: Iterable[StoredEvent], last_seq: int, last_hash: str) -> ChainBreak | None:
    """Recompute one instance's chain.

    :param events: the instance's events in sequence order.
    :param last_seq: the sequence number the instance row says it reached.
    :param last_hash: the hash the instance row says its last event has.
    :return: the first break, or ``None`` when the chain verifies.
    """
    expected_seq, prev = 1, GENESIS
    for event in events:
        if event.seq != expected_seq:
            return chain_break(instance_id, expected_seq, "audit_missing", missing=expected_seq, next=event.seq)
        if event.prev_hash != prev:
            return chain_break(instance_id, event.seq, "audit_prev_hash")
        if chain_hash(prev, event.body) != event.hash:
            return chain_break(instance_id, event.seq, "audit_changed")
        try:
            body = json.loads(event.body)
        except ValueError:
            return chain_break(instance_id, event.seq, "audit_not_json")
        if body.get("v", 1) not in (1, EVENT_SCHEMA):
            return chain_break(instance_id, event.seq, "audit_unknown_schema", version=repr(body.get("v")))
        if (body.get("instance"), body.get("seq"), body.get("kind"), body.get("actor"), body.get("step")) != (
                instance_id, event.seq, event.kind, event.actor, event.step):
            return chain_break(instance_id, event.seq, "audit_columns")
        prev = event.hash
        expected_seq += 1
    if expected_seq - 1 != last_seq or prev != (last_hash or GENESIS):
        return chain_break(instance_id, expected_seq, "audit_cut", last=expected_seq - 1, recorded=last_seq)
    return None

