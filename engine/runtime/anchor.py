"""Audit anchors: a signed digest of every chain head, kept apart from the database.

The hash chain of each instance (:mod:`engine.runtime.audit`) catches an edited event or a cut
tail, but not an instance deleted with all its events, nor a chain rewritten and re-hashed end to
end by someone who can write the database. An anchor closes both: it lists every instance id with
its last sequence number and hash at one moment, and is signed with a server key that lives in a
file outside the database (``ALUR_ANCHOR_KEY``), HMAC-SHA256. Anchors are JSON files written to a
folder apart from the database (``ALUR_ANCHOR_DIR``), to be copied to an external witness (mail,
a WORM share, another office) as they are made, e.g. hourly from cron: ``alur audit anchor``.

Verifying an anchor checks its signature, then that every instance it lists still exists and that
the event at the anchored sequence number still has the anchored hash (a chain grows after the
anchor, its prefix never changes). Only hashes are used: an anchor stays verifiable when retention
erases personal values from event bodies, as the events keep their hashes.
"""

from __future__ import annotations

import hashlib
import hmac
import json
import os
import secrets
from dataclasses import dataclass
from datetime import datetime, timezone
from pathlib import Path

from sqlalchemy import select, tuple_

from engine.errors import InputError
from engine.runtime.audit import format_instant
from engine.runtime.facade import Runtime
from engine.store.models import events, instances

FORMAT = 1
_BATCH = 500


def load_key(path: str | os.PathLike[str], create: bool = False) -> bytes:
    """The anchor key in ``path`` (made, 32 random bytes readable by the owner only, when ``create``).

    :raises InputError: the file is missing (and not to be made) or too short to be a key.
    """
    target = Path(path)
    if not target.exists() and create:
        target.parent.mkdir(parents=True, exist_ok=True)
        descriptor = os.open(target, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o600)
        with os.fdopen(descriptor, "w") as handle:
            handle.write(secrets.token_hex(32) + "\n")
    try:
        key = target.read_bytes().strip()
    except OSError as exc:
        raise InputError.from_code("anchor_key_unreadable", name=target.name, reason=exc.strerror) from exc
    if len(key) < 32:
        raise InputError.from_code("anchor_key_short", name=target.name)
    return key


def _canonical(value: object) -> bytes:
    return json.dumps(value, sort_keys=True, separators=(",", ":"), ensure_ascii=False).encode("utf-8")


def _sign(key: bytes, body: dict[str, object]) -> str:
    return hmac.new(key, _canonical(body), hashlib.sha256).hexdigest()


def make_anchor(runtime: Runtime, key: bytes) -> dict[str, object]:
    """The signed anchor of the store now: every instance's ``[id, last_seq, last_hash]`` and a digest."""
    with runtime.db.read() as connection:
        heads = [[int(row.id), int(row.last_seq), str(row.last_hash)] for row in connection.execute(
            select(instances.c.id, instances.c.last_seq, instances.c.last_hash).order_by(instances.c.id))]
    body: dict[str, object] = {
        "format": FORMAT,
        "made_at": format_instant(runtime.clock.now()),
        "instances": len(heads),
        "digest": hashlib.sha256(_canonical(heads)).hexdigest(),
        "heads": heads,
        "algorithm": "HMAC-SHA256",
    }
    return {**body, "signature": _sign(key, body)}


def write_anchor(runtime: Runtime, key: bytes, folder: str | os.PathLike[str]) -> Path:
    """Make an anchor and write it as ``anchor-<UTC time>.json`` in ``folder`` (atomically); its path."""
    anchor = make_anchor(runtime, key)
    target_dir = Path(folder)
    target_dir.mkdir(parents=True, exist_ok=True)
    stamp = datetime.now(timezone.utc).strftime("%Y%m%dT%H%M%S%fZ")
    target = target_dir / f"anchor-{stamp}.json"
    partial = target.with_suffix(".part")
    partial.write_bytes(_canonical(anchor) + b"\n")
    partial.replace(target)
    return target


@dataclass(frozen=True)
class AnchorFinding:
    """One thing an anchor proves wrong: ``kind`` is ``signature``, ``unreadable``, ``missing`` or ``rewritten``."""

    anchor: str
    kind: str
    instance_id: int | None = None
    seq: int | None = None

    def render(self, lang: str = "id") -> str:
        """The finding as a sentence (Bahasa Indonesia or English)."""
        english = lang == "en"
        if self.kind == "signature":
            return (f"{self.anchor}: signature does not match the key (the anchor was altered or forged)" if english
                    else f"{self.anchor}: tanda tangan tidak cocok dengan kunci (jangkar diubah atau dipalsukan)")
        if self.kind == "unreadable":
            return f"{self.anchor}: not an anchor file" if english else f"{self.anchor}: bukan berkas jangkar"
        if self.kind == "missing":
            return (f"instance {self.instance_id} is gone (listed in {self.anchor})" if english
                    else f"instans {self.instance_id} hilang (tercatat di {self.anchor})")
        return (f"instance {self.instance_id}: event {self.seq} differs from {self.anchor} (the chain was rewritten)"
                if english else
                f"instans {self.instance_id}: peristiwa {self.seq} berbeda dari {self.anchor} (rantai ditulis ulang)")


def _read(path: Path, key: bytes) -> tuple[list[list[object]] | None, AnchorFinding | None]:
    try:
        anchor = json.loads(path.read_bytes())
        signature = anchor.pop("signature")
        heads = anchor["heads"]
        valid = isinstance(signature, str) and isinstance(heads, list)
    except (OSError, ValueError, KeyError, TypeError, AttributeError):
        return None, AnchorFinding(path.name, "unreadable")
    if not valid or not hmac.compare_digest(_sign(key, anchor), signature) \
            or anchor.get("digest") != hashlib.sha256(_canonical(heads)).hexdigest():
        return None, AnchorFinding(path.name, "signature")
    return heads, None


def verify_anchors(runtime: Runtime, key: bytes, folder: str | os.PathLike[str]) -> tuple[int, list[AnchorFinding]]:
    """Check every ``anchor-*.json`` in ``folder`` against the store: (anchors checked, findings).

    :raises InputError: the folder is missing or holds no anchor.
    """
    paths = sorted(Path(folder).glob("anchor-*.json"))
    if not paths:
        raise InputError.from_code("anchor_none", folder=Path(folder).name)
    findings: list[AnchorFinding] = []
    for path in paths:
        heads, problem = _read(path, key)
        if problem is not None or heads is None:
            findings.append(problem or AnchorFinding(path.name, "unreadable"))
            continue
        findings.extend(_check_heads(runtime, path.name, heads))
    return len(paths), findings


def _check_heads(runtime: Runtime, name: str, heads: list[list[object]]) -> list[AnchorFinding]:
    found: list[AnchorFinding] = []
    with runtime.db.read() as connection:
        for start in range(0, len(heads), _BATCH):
            batch = [(int(str(head[0])), int(str(head[1])), str(head[2])) for head in heads[start:start + _BATCH]]
            present = {int(row.id) for row in connection.execute(
                select(instances.c.id).where(instances.c.id.in_([head[0] for head in batch])))}
            stored = {(int(row.instance_id), int(row.seq)): row.hash for row in connection.execute(
                select(events.c.instance_id, events.c.seq, events.c.hash)
                .where(tuple_(events.c.instance_id, events.c.seq).in_([(head[0], head[1]) for head in batch])))}
            for instance_id, seq, digest in batch:
                if instance_id not in present:
                    found.append(AnchorFinding(name, "missing", instance_id))
                elif seq and stored.get((instance_id, seq)) != digest:
                    found.append(AnchorFinding(name, "rewritten", instance_id, seq))
    return found
