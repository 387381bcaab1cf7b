"""Routing and governance of running work: working calendars per unit (the head of a unit is 0008o's
``org_jabatan.kepala``), and organisation ids beside the unit and jabatan texts of instances and work items.

Revision ID: 0010r
Revises: 0008o
Create Date: 2026-12-02
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

from engine.store.models import UtcDateTime

revision = "0010r"
down_revision = "0008o"
branch_labels = None
depends_on = None


def upgrade() -> None:
    # Filled by `alur org tautkan` (engine.access.linking): the texts stay what the rows say.
    op.add_column("instances", sa.Column("unit_id", sa.Integer))
    op.add_column("work_items", sa.Column("unit_id", sa.Integer))
    op.add_column("work_items", sa.Column("jabatan_id", sa.Integer))
    op.create_table(
        "work_calendars",
        sa.Column("id", sa.Integer, primary_key=True),
        sa.Column("unit", sa.String(200), nullable=False),
        sa.Column("spec", sa.Text, nullable=False),
        sa.Column("imported_at", UtcDateTime, nullable=False),
        sa.Column("imported_by", sa.String(64), nullable=False),
        sa.PrimaryKeyConstraint("id", name="pk_work_calendars"),
        sa.UniqueConstraint("unit", name="uq_work_calendars_unit"),
    )


def downgrade() -> None:
    op.drop_table("work_calendars")
    # in place (SQLite 3.35+ drops a plain column): a batch copy of instances breaks the foreign keys on it
    op.drop_column("work_items", "jabatan_id")
    op.drop_column("work_items", "unit_id")
    op.drop_column("instances", "unit_id")
