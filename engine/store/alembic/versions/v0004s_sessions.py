"""Server-side session versions per account and login failures kept in the database (throttling).

Revision ID: 0004s
Revises: 0003
Create Date: 2026-12-01
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

from engine.store.models import UtcDateTime

revision = "0004s"
down_revision = "0003"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        "account_sessions",
        sa.Column("username", sa.String(64)),
        sa.Column("version", sa.Integer, nullable=False),
        sa.Column("disabled", sa.Boolean, nullable=False),
        sa.Column("changed_at", UtcDateTime, nullable=False),
        sa.PrimaryKeyConstraint("username", name="pk_account_sessions"),
    )
    op.create_table(
        "login_failures",
        sa.Column("key", sa.String(80)),
        sa.Column("failures", sa.Integer, nullable=False),
        sa.Column("last_at", UtcDateTime, nullable=False),
        sa.PrimaryKeyConstraint("key", name="pk_login_failures"),
    )
    op.create_index("ix_login_failures_last_at", "login_failures", ["last_at"])


def downgrade() -> None:
    op.drop_index("ix_login_failures_last_at", "login_failures")
    op.drop_table("login_failures")
    op.drop_table("account_sessions")
