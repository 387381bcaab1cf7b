"""Login throttling kept in the database, so every server process (and a restart) sees the same counts.

Failures are counted under three fixed-size keys (SHA-256, whatever the client sends): the name
with the client address, the client address alone, and the name alone. Each key allows some free
failures, then asks the client to wait before the next attempt, doubling per failure up to a cap
(exponential backoff). Nothing is ever locked: the name-wide key (the one an attacker elsewhere
could push) waits at most :attr:`LoginThrottle.account_cap`, so guessing is slowed to a crawl
while the owner is delayed seconds, never locked out. A key is forgotten ``window`` after its last
failure; the table is pruned on every failure and never holds more than ``max_rows`` keys.
"""

from __future__ import annotations

import datetime as dt
import hashlib
from dataclasses import dataclass

from sqlalchemy import Connection, delete, func, select
from sqlalchemy.dialects.postgresql import insert as postgresql_insert
from sqlalchemy.dialects.sqlite import insert as sqlite_insert

from engine.errors import AccessDeniedError
from engine.runtime.facade import Runtime
from engine.store.models import login_failures


def _key(kind: str, *parts: str) -> str:
    return f"{kind}:" + hashlib.sha256("\0".join(parts).encode("utf-8", "surrogatepass")).hexdigest()[:64]


@dataclass(frozen=True)
class _Rule:
    kind: str
    free: int
    cap: float


class LoginThrottle:
    """Backoff for failed logins, per (name, address), per address and per name.

    :param free: failures of one name from one address before waiting starts.
    :param window: how long after its last failure a key is remembered.
    :param pair_cap: longest wait, in seconds, for one name from one address and for one address.
    :param account_cap: longest wait for a name across every address (small: no lockout weapon).
    :param max_rows: most keys kept; the oldest go first.
    """

    def __init__(self, free: int = 5, window: dt.timedelta = dt.timedelta(minutes=15), pair_cap: float = 900.0,
                 account_cap: float = 30.0, max_rows: int = 100_000) -> None:
        self.window = window
        self.max_rows = max_rows
        self._rules = (_Rule("pair", free, pair_cap), _Rule("address", free * 4, pair_cap),
                       _Rule("account", free * 2, account_cap))

    def _keys(self, username: str, address: str) -> list[tuple[_Rule, str]]:
        parts = {"pair": (username, address), "address": (address,), "account": (username,)}
        return [(rule, _key(rule.kind, *parts[rule.kind])) for rule in self._rules]

    def wait_seconds(self, runtime: Runtime, username: str, address: str, now: dt.datetime) -> int:
        """Seconds to wait before ``username`` may try again from ``address`` (0: try now)."""
        keys = self._keys(username, address)
        with runtime.db.read() as connection:
            rows = {row.key: row for row in connection.execute(
                select(login_failures).where(login_failures.c.key.in_([key for _, key in keys])))}
        wait = 0.0
        for rule, key in keys:
            row = rows.get(key)
            if row is None or now - row.last_at >= self.window or row.failures < rule.free:
                continue
            delay = min(rule.cap, 2.0 ** (row.failures - rule.free))
            wait = max(wait, delay - (now - row.last_at).total_seconds())
        return int(wait + 0.999) if wait > 0 else 0

    def check(self, runtime: Runtime, username: str, address: str, now: dt.datetime) -> None:
        """:raises AccessDeniedError: while the client must wait, saying for how long."""
        wait = self.wait_seconds(runtime, username, address, now)
        if wait:
            raise AccessDeniedError.from_code("account_throttled", wait=wait)

    def failed(self, runtime: Runtime, username: str, address: str, now: dt.datetime) -> None:
        """Count one failure under every key; prune what the window forgot and what exceeds ``max_rows``."""
        with runtime.db.write() as connection:
            connection.execute(delete(login_failures).where(login_failures.c.last_at < now - self.window))
            upsert = postgresql_insert if connection.dialect.name == "postgresql" else sqlite_insert
            for _, key in self._keys(username, address):
                statement = upsert(login_failures).values(key=key, failures=1, last_at=now)
                connection.execute(statement.on_conflict_do_update(
                    index_elements=[login_failures.c.key],
                    set_={"failures": login_failures.c.failures + 1, "last_at": now}))
            self._bound(connection)

    def _bound(self, connection: Connection) -> None:
        count = int(connection.execute(select(func.count()).select_from(login_failures)).scalar_one())
        if count > self.max_rows:
            oldest = (select(login_failures.c.key).order_by(login_failures.c.last_at)
                      .limit(count - self.max_rows).scalar_subquery())
            connection.execute(delete(login_failures).where(login_failures.c.key.in_(oldest)))

    def succeeded(self, runtime: Runtime, username: str, address: str) -> None:
        """Forget the failures of this name (from this address and overall); the address count stays."""
        keys = [key for rule, key in self._keys(username, address) if rule.kind != "address"]
        with runtime.db.write() as connection:
            connection.execute(delete(login_failures).where(login_failures.c.key.in_(keys)))
