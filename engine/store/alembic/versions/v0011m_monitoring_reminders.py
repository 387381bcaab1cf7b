"""Monitoring reminders through the outbox: a message about an SOP's six-monthly monitoring
(PermenPANRB 35/2012) is about no work item, so ``outbox.item_id`` and ``outbox.instance_id`` may be
empty (kind ``monitoring``).

Revision ID: 0011m
Revises: 0010r
Create Date: 2026-12-02
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0011m"
down_revision = "0010r"
branch_labels = None
depends_on = None


def upgrade() -> None:
    # SQLite cannot change a column's NOT NULL in place: a batch copy of outbox (no table points at it)
    with op.batch_alter_table("outbox") as batch:
        batch.alter_column("item_id", existing_type=sa.Integer, nullable=True)
        batch.alter_column("instance_id", existing_type=sa.Integer, nullable=True)


def downgrade() -> None:
    op.execute("DELETE FROM outbox WHERE item_id IS NULL OR instance_id IS NULL")
    with op.batch_alter_table("outbox") as batch:
        batch.alter_column("item_id", existing_type=sa.Integer, nullable=False)
        batch.alter_column("instance_id", existing_type=sa.Integer, nullable=False)
