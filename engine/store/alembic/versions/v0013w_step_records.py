"""Step records (issue #12 item 6): which case and step wrote a stage record (Tim, inventarisasi,
sosialisasi, distribusi, pelatihan) when a step declaring ``catat`` was completed.

Revision ID: 0013w
Revises: 0012
Create Date: 2026-12-02
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

from engine.store.models import UtcDateTime

revision = "0013w"
down_revision = "0012"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        "step_records",
        sa.Column("id", sa.Integer),
        sa.Column("instance_id", sa.Integer, nullable=False),
        sa.Column("registration", sa.String(200), nullable=False),
        sa.Column("step_id", sa.String(200), nullable=False),
        sa.Column("step_name", sa.Text, nullable=False),
        sa.Column("kind", sa.String(32), nullable=False),
        sa.Column("ref", sa.String(200), nullable=False),
        sa.Column("created_by", sa.String(64), nullable=False),
        sa.Column("created_at", UtcDateTime, nullable=False),
        sa.PrimaryKeyConstraint("id", name="pk_step_records"),
        sa.ForeignKeyConstraint(["instance_id"], ["instances.id"], name="fk_step_records_instance_id_instances"),
    )
    op.create_index("ix_step_records_kind_ref", "step_records", ["kind", "ref"])
    op.create_index("ix_step_records_instance_id", "step_records", ["instance_id"])


def downgrade() -> None:
    op.drop_index("ix_step_records_instance_id", "step_records")
    op.drop_index("ix_step_records_kind_ref", "step_records")
    op.drop_table("step_records")
