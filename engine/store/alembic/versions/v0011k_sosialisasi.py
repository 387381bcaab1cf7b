"""Sosialisasi and pelatihan (Permendagri 52/2011 stages 6-8): the plan per SOP version, the
distribution to pelaksana with their tanda terima, per-SOP penanggung jawab and pemantau, and
pelatihan sessions with their attendees.

Revision ID: 0011k
Revises: 0010r
Create Date: 2026-12-02
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

from engine.store.models import UtcDateTime

revision = "0011k"
down_revision = "0010r"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        "sosialisasi_plans",
        sa.Column("id", sa.Integer),
        sa.Column("key", sa.String(100), nullable=False),
        sa.Column("version", sa.Integer, nullable=False),
        sa.Column("jadwal_mulai", sa.Date, nullable=False),
        sa.Column("jadwal_selesai", sa.Date),
        sa.Column("tempat", sa.Text, nullable=False),
        sa.Column("pejabat", sa.Text, nullable=False),
        sa.Column("sasaran", sa.Text, nullable=False),
        sa.Column("materi", sa.Text, nullable=False),
        sa.Column("pemantauan", sa.Text, nullable=False),
        sa.Column("saved_by", sa.String(64), nullable=False),
        sa.Column("saved_at", UtcDateTime, nullable=False),
        sa.PrimaryKeyConstraint("id", name="pk_sosialisasi_plans"),
        sa.UniqueConstraint("key", "version", name="uq_sosialisasi_plans_key_version"),
    )
    op.create_table(
        "sop_distributions",
        sa.Column("id", sa.Integer),
        sa.Column("key", sa.String(100), nullable=False),
        sa.Column("version", sa.Integer, nullable=False),
        sa.Column("username", sa.String(64), nullable=False),
        sa.Column("unit", sa.String(200), nullable=False),
        sa.Column("jabatan", sa.String(200), nullable=False),
        sa.Column("distributed_by", sa.String(64), nullable=False),
        sa.Column("distributed_at", UtcDateTime, nullable=False),
        sa.Column("acknowledged_at", UtcDateTime),
        sa.PrimaryKeyConstraint("id", name="pk_sop_distributions"),
        sa.UniqueConstraint("key", "version", "username", name="uq_sop_distributions_key_version_username"),
    )
    op.create_index("ix_sop_distributions_username_acknowledged_at", "sop_distributions",
                    ["username", "acknowledged_at"])
    op.create_table(
        "sop_assignments",
        sa.Column("id", sa.Integer),
        sa.Column("key", sa.String(100), nullable=False),
        sa.Column("username", sa.String(64), nullable=False),
        sa.Column("role", sa.String(20), nullable=False),
        sa.Column("assigned_by", sa.String(64), nullable=False),
        sa.Column("assigned_at", UtcDateTime, nullable=False),
        sa.Column("ended_by", sa.String(64)),
        sa.Column("ended_at", UtcDateTime),
        sa.PrimaryKeyConstraint("id", name="pk_sop_assignments"),
    )
    op.create_index("ix_sop_assignments_username_role", "sop_assignments", ["username", "role"])
    op.create_index("ix_sop_assignments_key", "sop_assignments", ["key"])
    op.create_table(
        "pelatihan_sessions",
        sa.Column("id", sa.Integer),
        sa.Column("key", sa.String(100), nullable=False),
        sa.Column("version", sa.Integer, nullable=False),
        sa.Column("held_on", sa.Date, nullable=False),
        sa.Column("kind", sa.String(16), nullable=False),
        sa.Column("notes", sa.Text, nullable=False),
        sa.Column("recorded_by", sa.String(64), nullable=False),
        sa.Column("recorded_at", UtcDateTime, nullable=False),
        sa.PrimaryKeyConstraint("id", name="pk_pelatihan_sessions"),
    )
    op.create_index("ix_pelatihan_sessions_key", "pelatihan_sessions", ["key"])
    op.create_table(
        "pelatihan_attendees",
        sa.Column("id", sa.Integer),
        sa.Column("session_id", sa.Integer, nullable=False),
        sa.Column("username", sa.String(64), nullable=False),
        sa.PrimaryKeyConstraint("id", name="pk_pelatihan_attendees"),
        sa.ForeignKeyConstraint(["session_id"], ["pelatihan_sessions.id"],
                                name="fk_pelatihan_attendees_session_id_pelatihan_sessions"),
        sa.UniqueConstraint("session_id", "username", name="uq_pelatihan_attendees_session_id_username"),
    )


def downgrade() -> None:
    op.drop_table("pelatihan_attendees")
    op.drop_index("ix_pelatihan_sessions_key", "pelatihan_sessions")
    op.drop_table("pelatihan_sessions")
    op.drop_index("ix_sop_assignments_key", "sop_assignments")
    op.drop_index("ix_sop_assignments_username_role", "sop_assignments")
    op.drop_table("sop_assignments")
    op.drop_index("ix_sop_distributions_username_acknowledged_at", "sop_distributions")
    op.drop_table("sop_distributions")
    op.drop_table("sosialisasi_plans")
