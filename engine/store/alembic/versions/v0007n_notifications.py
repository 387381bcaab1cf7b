"""Notifications: contacts on users (e-mail, phone, language) and the outbox the worker sends from.

Revision ID: 0007n
Revises: 0004p
Create Date: 2026-12-02
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

from engine.store.models import UtcDateTime

revision = "0007n"
down_revision = "0004p"
branch_labels = None
depends_on = None


def upgrade() -> None:
    # Plain ADD COLUMN (no batch copy of the table): holdings and others refer to users.
    op.add_column("users", sa.Column("email", sa.String(254), nullable=False, server_default=""))
    op.add_column("users", sa.Column("phone", sa.String(20), nullable=False, server_default=""))
    op.add_column("users", sa.Column("language", sa.String(2), nullable=False, server_default=""))
    op.create_table(
        "outbox",
        sa.Column("id", sa.Integer),
        sa.Column("dedupe_key", sa.String(200), nullable=False),
        sa.Column("kind", sa.String(12), nullable=False),
        sa.Column("item_id", sa.Integer, nullable=False),
        sa.Column("instance_id", sa.Integer, nullable=False),
        sa.Column("username", sa.String(64), nullable=False),
        sa.Column("channel", sa.String(16), nullable=False),
        sa.Column("address", sa.String(254), nullable=False),
        sa.Column("subject", sa.String(300), nullable=False),
        sa.Column("body", sa.Text, nullable=False),
        sa.Column("facts", sa.Text, nullable=False),
        sa.Column("status", sa.String(8), nullable=False),
        sa.Column("attempts", sa.Integer, nullable=False),
        sa.Column("next_attempt_at", UtcDateTime, nullable=False),
        sa.Column("created_at", UtcDateTime, nullable=False),
        sa.Column("sent_at", UtcDateTime),
        sa.Column("last_error", sa.Text, nullable=False, server_default=""),
        sa.PrimaryKeyConstraint("id", name="pk_outbox"),
        sa.UniqueConstraint("dedupe_key", name="uq_outbox_dedupe_key"),
        sa.ForeignKeyConstraint(["item_id"], ["work_items.id"], name="fk_outbox_item_id_work_items"),
        sa.ForeignKeyConstraint(["instance_id"], ["instances.id"], name="fk_outbox_instance_id_instances"),
    )
    op.create_index("ix_outbox_status_next_attempt_at", "outbox", ["status", "next_attempt_at"])
    op.create_index("ix_outbox_item_id", "outbox", ["item_id"])


def downgrade() -> None:
    op.drop_index("ix_outbox_item_id", "outbox")
    op.drop_index("ix_outbox_status_next_attempt_at", "outbox")
    op.drop_table("outbox")
    for name in ("language", "phone", "email"):  # SQLite 3.35+ drops a plain column in place
        op.drop_column("users", name)
