"""Monitoring forms remember the units they were filled for: a unit's auditor reads only its own.

Revision ID: 0008s
Revises: 0009
Create Date: 2026-12-02
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0008s"
down_revision = "0009"
branch_labels = None
depends_on = None


def upgrade() -> None:
    # "" for every unit (the forms saved before: the report then summed every unit).
    op.add_column("monitoring_forms", sa.Column("units", sa.Text, nullable=False, server_default=""))


def downgrade() -> None:
    op.drop_column("monitoring_forms", "units")  # SQLite 3.35+ drops a plain column in place
