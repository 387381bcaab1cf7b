"""Events: the message catch tasks instances wait on, and the deliveries seen (dedupe keys).

Revision ID: 0011e
Revises: 0010r
Create Date: 2026-12-02
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

from engine.store.models import UtcDateTime

revision = "0011e"
down_revision = "0010r"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        "message_waits",
        sa.Column("id", sa.Integer, nullable=False),
        sa.Column("instance_id", sa.Integer, nullable=False),
        sa.Column("task_id", sa.String(36), nullable=False),
        sa.Column("event_id", sa.String(200), nullable=False),
        sa.Column("step_id", sa.String(200), nullable=False),
        sa.Column("message", sa.String(100), nullable=False),
        sa.Column("correlation", sa.String(64), nullable=False),
        sa.Column("status", sa.String(12), nullable=False),
        sa.Column("created_at", UtcDateTime, nullable=False),
        sa.Column("delivered_at", UtcDateTime),
        sa.PrimaryKeyConstraint("id", name="pk_message_waits"),
        sa.ForeignKeyConstraint(["instance_id"], ["instances.id"], name="fk_message_waits_instance_id_instances"),
        sa.UniqueConstraint("task_id", name="uq_message_waits_task_id"),
    )
    op.create_index("ix_message_waits_message_correlation_status", "message_waits",
                    ["message", "correlation", "status"])
    op.create_index("ix_message_waits_instance_id_status", "message_waits", ["instance_id", "status"])
    op.create_table(
        "message_deliveries",
        sa.Column("id", sa.Integer, nullable=False),
        sa.Column("message", sa.String(100), nullable=False),
        sa.Column("dedupe_key", sa.String(64), nullable=False),
        sa.Column("instance_id", sa.Integer, nullable=False),
        sa.Column("delivered_at", UtcDateTime, nullable=False),
        sa.Column("delivered_by", sa.String(64), nullable=False),
        sa.PrimaryKeyConstraint("id", name="pk_message_deliveries"),
        sa.ForeignKeyConstraint(["instance_id"], ["instances.id"],
                                name="fk_message_deliveries_instance_id_instances"),
        sa.UniqueConstraint("message", "dedupe_key", name="uq_message_deliveries_message_dedupe_key"),
    )


def downgrade() -> None:
    op.drop_table("message_deliveries")
    op.drop_index("ix_message_waits_instance_id_status", "message_waits")
    op.drop_index("ix_message_waits_message_correlation_status", "message_waits")
    op.drop_table("message_waits")
