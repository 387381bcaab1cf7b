"""Lifecycle roles: drafting rounds, who-did-what events, return notes, overlap answers, revision requests.

The status history kept as JSON in ``sop_lifecycle.history`` is copied into ``lifecycle_events``
(action ``status``), which is the history from now on.

Revision ID: 0004l
Revises: 0003
Create Date: 2026-12-01
"""

from __future__ import annotations

import datetime as dt
import json

import sqlalchemy as sa
from alembic import op

from engine.store.models import UtcDateTime

revision = "0004l"
down_revision = "0003"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        "lifecycle_rounds",
        sa.Column("id", sa.Integer),
        sa.Column("key", sa.String(100), nullable=False),
        sa.Column("opened_by", sa.String(64), nullable=False),
        sa.Column("opened_at", UtcDateTime, nullable=False),
        sa.Column("verified_by", sa.String(64)),
        sa.Column("verified_at", UtcDateTime),
        sa.Column("approved_by", sa.String(64)),
        sa.Column("approved_at", UtcDateTime),
        sa.Column("version", sa.Integer),
        sa.PrimaryKeyConstraint("id", name="pk_lifecycle_rounds"),
    )
    op.create_index("ix_lifecycle_rounds_key", "lifecycle_rounds", ["key"])
    op.create_table(
        "lifecycle_events",
        sa.Column("id", sa.Integer),
        sa.Column("key", sa.String(100), nullable=False),
        sa.Column("round_id", sa.Integer),
        sa.Column("action", sa.String(20), nullable=False),
        sa.Column("status", sa.String(16), nullable=False),
        sa.Column("username", sa.String(64), nullable=False),
        sa.Column("at", UtcDateTime, nullable=False),
        sa.Column("reason", sa.Text, nullable=False),
        sa.Column("version", sa.Integer),
        sa.PrimaryKeyConstraint("id", name="pk_lifecycle_events"),
        sa.ForeignKeyConstraint(["round_id"], ["lifecycle_rounds.id"],
                                name="fk_lifecycle_events_round_id_lifecycle_rounds"),
    )
    op.create_index("ix_lifecycle_events_key_id", "lifecycle_events", ["key", "id"])
    op.create_table(
        "lifecycle_notes",
        sa.Column("id", sa.Integer),
        sa.Column("event_id", sa.Integer, nullable=False),
        sa.Column("step_id", sa.String(200), nullable=False),
        sa.Column("note", sa.Text, nullable=False),
        sa.PrimaryKeyConstraint("id", name="pk_lifecycle_notes"),
        sa.ForeignKeyConstraint(["event_id"], ["lifecycle_events.id"],
                                name="fk_lifecycle_notes_event_id_lifecycle_events"),
    )
    op.create_index("ix_lifecycle_notes_event_id", "lifecycle_notes", ["event_id"])
    op.create_table(
        "overlap_answers",
        sa.Column("id", sa.Integer),
        sa.Column("round_id", sa.Integer, nullable=False),
        sa.Column("finding", sa.String(500), nullable=False),
        sa.Column("answer", sa.String(12), nullable=False),
        sa.Column("reason", sa.Text, nullable=False),
        sa.Column("answered_by", sa.String(64), nullable=False),
        sa.Column("answered_at", UtcDateTime, nullable=False),
        sa.PrimaryKeyConstraint("id", name="pk_overlap_answers"),
        sa.ForeignKeyConstraint(["round_id"], ["lifecycle_rounds.id"],
                                name="fk_overlap_answers_round_id_lifecycle_rounds"),
        sa.UniqueConstraint("round_id", "finding", name="uq_overlap_answers_finding"),
    )
    op.create_table(
        "revision_requests",
        sa.Column("id", sa.Integer),
        sa.Column("key", sa.String(100), nullable=False),
        sa.Column("evaluation_id", sa.Integer),
        sa.Column("unit", sa.String(200), nullable=False),
        sa.Column("reason", sa.Text, nullable=False),
        sa.Column("requested_by", sa.String(64), nullable=False),
        sa.Column("requested_at", UtcDateTime, nullable=False),
        sa.Column("status", sa.String(16), nullable=False),
        sa.Column("closed_by", sa.String(64)),
        sa.Column("closed_at", UtcDateTime),
        sa.PrimaryKeyConstraint("id", name="pk_revision_requests"),
        sa.ForeignKeyConstraint(["evaluation_id"], ["evaluations.id"],
                                name="fk_revision_requests_evaluation_id_evaluations"),
    )
    op.create_index("ix_revision_requests_key_status", "revision_requests", ["key", "status"])
    _copy_history()


def _copy_history() -> None:
    """Every ``{"status", "by", "at"}`` of ``sop_lifecycle.history`` as a ``status`` event."""
    connection = op.get_bind()
    lifecycle = sa.table("sop_lifecycle", sa.column("key", sa.String), sa.column("history", sa.Text))
    lifecycle_events = sa.table("lifecycle_events", sa.column("key", sa.String), sa.column("action", sa.String),
                      sa.column("status", sa.String), sa.column("username", sa.String),
                      sa.column("at", UtcDateTime), sa.column("reason", sa.Text))
    rows = []
    for key, history in connection.execute(sa.select(lifecycle.c.key, lifecycle.c.history)):
        for entry in json.loads(history or "[]"):
            moment = dt.datetime.fromisoformat(entry["at"])
            if moment.tzinfo is None:
                moment = moment.replace(tzinfo=dt.timezone.utc)
            rows.append({"key": key, "action": "status", "status": entry["status"], "username": entry["by"],
                         "at": moment, "reason": ""})
    if rows:
        connection.execute(sa.insert(lifecycle_events), rows)


def downgrade() -> None:
    op.drop_index("ix_revision_requests_key_status", "revision_requests")
    op.drop_table("revision_requests")
    op.drop_table("overlap_answers")
    op.drop_index("ix_lifecycle_notes_event_id", "lifecycle_notes")
    op.drop_table("lifecycle_notes")
    op.drop_index("ix_lifecycle_events_key_id", "lifecycle_events")
    op.drop_table("lifecycle_events")
    op.drop_index("ix_lifecycle_rounds_key", "lifecycle_rounds")
    op.drop_table("lifecycle_rounds")
