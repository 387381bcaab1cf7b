"""The drawing view's layout: the DI a modeler set in bpmn-js, kept beside the working draft.

Revision ID: 0011d
Revises: 0010r
Create Date: 2026-12-02
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0011d"
down_revision = "0010r"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.add_column("sop_lifecycle", sa.Column("layout", sa.Text, nullable=False, server_default=""))


def downgrade() -> None:
    op.drop_column("sop_lifecycle", "layout")
