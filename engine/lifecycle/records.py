"""The lifecycle's records: drafting rounds, who-did-what events, return notes and overlap answers.

A **round** runs from opening a draft (a new SOP or a revisi) to its approval; it says who verified
and who approved the version it became. Every action on an SOP is an **event** of its round (append
only): who, when, why, the status after it. Separation of duties reads the round: its authors are
the people who saved, submitted or opened the draft.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from sqlalchemy import Connection, insert, select, update

from engine.errors import DataError
from engine.lifecycle.roles import refusal
from engine.store.models import lifecycle_events, lifecycle_notes, lifecycle_rounds, overlap_answers

#: Actions that make the actor an author of the round's version.
AUTHORING = ("save", "submit", "revise")
#: Longest reason or note kept.
TEXT_LIMIT = 4000


@dataclass(frozen=True)
class LifecycleEvent:
    """One entry of an SOP's history."""

    id: int
    action: str
    status: str
    by: str
    at: dt.datetime
    reason: str
    version: int | None
    #: ``(step_id, note)`` of a return; step id "" is about the whole SOP.
    notes: tuple[tuple[str, str], ...] = ()


@dataclass(frozen=True)
class Round:
    """The open drafting round of an SOP."""

    id: int
    opened_by: str
    verified_by: str | None
    verified_at: dt.datetime | None


@dataclass(frozen=True)
class OverlapAnswer:
    """The answer given to one overlap finding in a round."""

    finding: str
    answer: str
    reason: str
    by: str
    at: dt.datetime


def checked_text(value: str | None, field: str) -> str:
    """``value`` stripped; :raises DataError: longer than :data:`TEXT_LIMIT`."""
    text = (value or "").strip()
    if len(text) > TEXT_LIMIT:
        raise refusal(DataError, "lifecycle_text_too_long", field, name=field, limit=TEXT_LIMIT)
    return text


def open_round(connection: Connection, key: str) -> Round | None:
    """The round of ``key`` not approved yet, if any."""
    row = connection.execute(select(lifecycle_rounds).where(lifecycle_rounds.c.key == key,
                                                            lifecycle_rounds.c.approved_at.is_(None))
                             .order_by(lifecycle_rounds.c.id.desc()).limit(1)).first()
    return Round(row.id, row.opened_by, row.verified_by, row.verified_at) if row is not None else None


def ensure_round(connection: Connection, key: str, by: str, now: dt.datetime) -> Round:
    """The open round of ``key``, opened by ``by`` now when there is none."""
    found = open_round(connection, key)
    if found is not None:
        return found
    round_id = connection.execute(insert(lifecycle_rounds).returning(lifecycle_rounds.c.id),
                                  {"key": key, "opened_by": by, "opened_at": now}).scalar_one()
    return Round(int(round_id), by, None, None)


def set_verified(connection: Connection, round_id: int, by: str | None, now: dt.datetime | None) -> None:
    """Record (or, with ``None``, clear) the verifikator's acceptance of the round."""
    connection.execute(update(lifecycle_rounds).where(lifecycle_rounds.c.id == round_id)
                       .values(verified_by=by, verified_at=now))


def close_round(connection: Connection, round_id: int, by: str, now: dt.datetime, version: int) -> None:
    """The round became approved version ``version``."""
    connection.execute(update(lifecycle_rounds).where(lifecycle_rounds.c.id == round_id)
                       .values(approved_by=by, approved_at=now, version=version))


def record(connection: Connection, key: str, action: str, status: str, by: str, now: dt.datetime, *,
           round_id: int | None, reason: str = "", version: int | None = None,
           notes: tuple[tuple[str, str], ...] = ()) -> int:
    """Append an event (and its notes); its id."""
    event_id = connection.execute(insert(lifecycle_events).returning(lifecycle_events.c.id), {
        "key": key, "round_id": round_id, "action": action, "status": status, "username": by, "at": now,
        "reason": reason, "version": version}).scalar_one()
    if notes:
        connection.execute(insert(lifecycle_notes), [{"event_id": event_id, "step_id": step_id, "note": note}
                                                     for step_id, note in notes])
    return int(event_id)


def authors(connection: Connection, round_id: int) -> frozenset[str]:
    """Everyone who saved, submitted or opened the draft of the round."""
    rows = connection.execute(select(lifecycle_events.c.username).distinct()
                              .where(lifecycle_events.c.round_id == round_id,
                                     lifecycle_events.c.action.in_(AUTHORING)))
    return frozenset(str(row.username) for row in rows)


def events(connection: Connection, key: str) -> list[LifecycleEvent]:
    """Every event of ``key`` with its notes, oldest first."""
    rows = connection.execute(select(lifecycle_events).where(lifecycle_events.c.key == key)
                              .order_by(lifecycle_events.c.id)).all()
    notes: dict[int, list[tuple[str, str]]] = {}
    if rows:
        for note in connection.execute(
                select(lifecycle_notes).join(lifecycle_events, lifecycle_events.c.id == lifecycle_notes.c.event_id)
                .where(lifecycle_events.c.key == key).order_by(lifecycle_notes.c.id)):
            notes.setdefault(int(note.event_id), []).append((str(note.step_id), str(note.note)))
    return [LifecycleEvent(int(row.id), row.action, row.status, row.username, row.at, row.reason, row.version,
                           tuple(notes.get(int(row.id), ()))) for row in rows]


def latest_return(connection: Connection, key: str) -> LifecycleEvent | None:
    """The newest return (by the verifikator or the pengesah) not followed by a new submission."""
    for event in reversed(events(connection, key)):
        if event.action in ("return", "reject"):
            return event
        if event.action in ("submit", "approve", "publish"):
            return None
    return None


def answers(connection: Connection, round_id: int) -> dict[str, OverlapAnswer]:
    """``finding -> answer`` of the round."""
    rows = connection.execute(select(overlap_answers).where(overlap_answers.c.round_id == round_id))
    return {row.finding: OverlapAnswer(row.finding, row.answer, row.reason, row.answered_by, row.answered_at)
            for row in rows}


def store_answer(connection: Connection, round_id: int, finding: str, answer: str, reason: str, by: str,
                 now: dt.datetime) -> None:
    """Keep the answer to ``finding`` (a later answer replaces an earlier one)."""
    values = {"answer": answer, "reason": reason, "answered_by": by, "answered_at": now}
    found = connection.execute(select(overlap_answers.c.id).where(overlap_answers.c.round_id == round_id,
                                                                  overlap_answers.c.finding == finding)).first()
    if found is None:
        connection.execute(insert(overlap_answers), {"round_id": round_id, "finding": finding, **values})
    else:
        connection.execute(update(overlap_answers).where(overlap_answers.c.id == found.id).values(**values))
