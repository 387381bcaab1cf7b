"""Web accounts (hashed passwords, roles), hashed API tokens and the SOP lifecycle per definition.

Revision ID: 0002w
Revises: 0001
Create Date: 2026-11-28
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

from engine.store.models import UtcDateTime

revision = "0002w"
down_revision = "0001"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        "accounts",
        sa.Column("id", sa.Integer),
        sa.Column("username", sa.String(64), nullable=False),
        sa.Column("password_hash", sa.String(300), nullable=False),
        sa.Column("roles", sa.String(200), nullable=False),
        sa.Column("created_at", UtcDateTime, nullable=False),
        sa.PrimaryKeyConstraint("id", name="pk_accounts"),
        sa.UniqueConstraint("username", name="uq_accounts_username"),
    )
    op.create_table(
        "api_tokens",
        sa.Column("id", sa.Integer),
        sa.Column("username", sa.String(64), nullable=False),
        sa.Column("token_hash", sa.String(64), nullable=False),
        sa.Column("created_at", UtcDateTime, nullable=False),
        sa.PrimaryKeyConstraint("id", name="pk_api_tokens"),
        sa.UniqueConstraint("token_hash", name="uq_api_tokens_token_hash"),
    )
    op.create_table(
        "sop_lifecycle",
        sa.Column("id", sa.Integer),
        sa.Column("key", sa.String(100), nullable=False),
        sa.Column("status", sa.String(16), nullable=False),
        sa.Column("sheet", sa.Text, nullable=False),
        sa.Column("nama", sa.String(300), nullable=False),
        sa.Column("nomor", sa.String(200), nullable=False),
        sa.Column("unit", sa.String(200), nullable=False),
        sa.Column("updated_by", sa.String(64), nullable=False),
        sa.Column("updated_at", UtcDateTime, nullable=False),
        sa.Column("history", sa.Text, nullable=False),
        sa.PrimaryKeyConstraint("id", name="pk_sop_lifecycle"),
        sa.UniqueConstraint("key", name="uq_sop_lifecycle_key"),
    )


def downgrade() -> None:
    op.drop_table("sop_lifecycle")
    op.drop_table("api_tokens")
    op.drop_table("accounts")
