"""Jabatan a Tim membership grants: a holding made by a membership of a Tim penyusun SOP names it, so
ending the membership ends exactly that holding (engine.lifecycle.tim).

Revision ID: 0015t
Revises: 0014v
Create Date: 2026-12-04
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0015t"
down_revision = "0014v"
branch_labels = None
depends_on = None


def upgrade() -> None:
    # Plain ADD COLUMN (no batch copy): other tables refer to holdings' neighbours.
    op.add_column("holdings", sa.Column("tim_member_id", sa.Integer))
    op.create_index("ix_holdings_tim_member_id", "holdings", ["tim_member_id"])


def downgrade() -> None:
    op.drop_index("ix_holdings_tim_member_id", "holdings")
    # SQLite 3.35+ drops a plain column in place
    op.drop_column("holdings", "tim_member_id")
