"""Verification records (issue #12 item 6): stage 5's catatan hasil verifikasi of an SOP draft, written by
a step that declares ``catat: {jenis: verifikasi}``.

Revision ID: 0014v
Revises: 0013w
Create Date: 2026-12-03
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

from engine.store.models import UtcDateTime

revision = "0014v"
down_revision = "0013w"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        "sop_verifications",
        sa.Column("id", sa.Integer),
        sa.Column("key", sa.String(100), nullable=False),
        sa.Column("sop_status", sa.String(16), nullable=False),
        sa.Column("result", sa.String(16), nullable=False),
        sa.Column("notes", sa.Text, nullable=False),
        sa.Column("verified_by", sa.String(64), nullable=False),
        sa.Column("verified_at", UtcDateTime, nullable=False),
        sa.PrimaryKeyConstraint("id", name="pk_sop_verifications"),
    )
    op.create_index("ix_sop_verifications_key", "sop_verifications", ["key"])


def downgrade() -> None:
    op.drop_index("ix_sop_verifications_key", "sop_verifications")
    op.drop_table("sop_verifications")
