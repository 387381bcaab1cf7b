"""Governance: the unit's head jabatan, dated holdings, acting officials (Plh/Plt) and the admin log.

Revision ID: 0008o
Revises: 0008s
Create Date: 2026-12-02
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

from engine.store.models import UtcDateTime

revision = "0008o"
down_revision = "0008s"
branch_labels = None
depends_on = None


def upgrade() -> None:
    # Plain ADD COLUMN (no batch copy): other tables refer to holdings' neighbours.
    op.add_column("org_jabatan", sa.Column("kepala", sa.Boolean, nullable=False, server_default="0"))
    op.add_column("holdings", sa.Column("starts_at", UtcDateTime))
    op.add_column("holdings", sa.Column("ends_at", UtcDateTime))
    op.create_table(
        "acting_assignments",
        sa.Column("id", sa.Integer),
        sa.Column("user_id", sa.Integer, nullable=False),
        sa.Column("unit_id", sa.Integer, nullable=False),
        sa.Column("jabatan_id", sa.Integer, nullable=False),
        sa.Column("kind", sa.String(3), nullable=False),
        sa.Column("sk_number", sa.String(200), nullable=False),
        sa.Column("starts_at", UtcDateTime, nullable=False),
        sa.Column("ends_at", UtcDateTime),
        sa.Column("created_by", sa.String(64), nullable=False),
        sa.Column("created_at", UtcDateTime, nullable=False),
        sa.PrimaryKeyConstraint("id", name="pk_acting_assignments"),
        sa.ForeignKeyConstraint(["user_id"], ["users.id"], name="fk_acting_assignments_user_id_users"),
        sa.ForeignKeyConstraint(["unit_id"], ["org_units.id"], name="fk_acting_assignments_unit_id_org_units"),
        sa.ForeignKeyConstraint(["jabatan_id"], ["org_jabatan.id"],
                                name="fk_acting_assignments_jabatan_id_org_jabatan"),
    )
    op.create_index("ix_acting_assignments_user_id", "acting_assignments", ["user_id"])
    op.create_index("ix_acting_assignments_unit_id_jabatan_id", "acting_assignments", ["unit_id", "jabatan_id"])
    op.create_table(
        "admin_log",
        sa.Column("id", sa.Integer),
        sa.Column("at", UtcDateTime, nullable=False),
        sa.Column("actor", sa.String(64), nullable=False),
        sa.Column("action", sa.String(20), nullable=False),
        sa.Column("target", sa.String(200), nullable=False),
        sa.Column("detail", sa.Text, nullable=False),
        sa.Column("reason", sa.Text, nullable=False),
        sa.PrimaryKeyConstraint("id", name="pk_admin_log"),
    )
    op.create_index("ix_admin_log_target", "admin_log", ["target"])


def downgrade() -> None:
    op.drop_index("ix_admin_log_target", "admin_log")
    op.drop_table("admin_log")
    op.drop_index("ix_acting_assignments_unit_id_jabatan_id", "acting_assignments")
    op.drop_index("ix_acting_assignments_user_id", "acting_assignments")
    op.drop_table("acting_assignments")
    # SQLite 3.35+ drops a plain column in place
    op.drop_column("holdings", "ends_at")
    op.drop_column("holdings", "starts_at")
    op.drop_column("org_jabatan", "kepala")
