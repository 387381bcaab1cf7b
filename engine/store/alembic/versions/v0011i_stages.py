"""The seed's stages 1-3 as data: the Tim penyusun SOP (SK, members with role and SKPD), its pembekalan,
the daftar inventarisasi (title-only entries, criteria checklist, analysis, numbers) and the Kepala
Daerah's decisions that fix the numbers.

Revision ID: 0011i
Revises: 0010r
Create Date: 2026-12-02
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

from engine.store.models import UtcDateTime

revision = "0011i"
down_revision = "0010r"
branch_labels = None
depends_on = None


def _flag(name: str) -> sa.Column:  # type: ignore[type-arg]
    return sa.Column(name, sa.Boolean, nullable=False, server_default="0")


def upgrade() -> None:
    op.create_table(
        "sop_teams",
        sa.Column("id", sa.Integer, primary_key=True),
        sa.Column("unit_id", sa.Integer, sa.ForeignKey("org_units.id", name="fk_sop_teams_unit_id_org_units"),
                  nullable=False),
        sa.Column("name", sa.String(300), nullable=False),
        sa.Column("sk_number", sa.String(200), nullable=False),
        sa.Column("sk_date", sa.Date, nullable=False),
        sa.Column("created_by", sa.String(64), nullable=False),
        sa.Column("created_at", UtcDateTime, nullable=False),
        sa.PrimaryKeyConstraint("id", name="pk_sop_teams"),
        sa.UniqueConstraint("unit_id", name="uq_sop_teams_unit_id"),
    )
    op.create_table(
        "sop_team_members",
        sa.Column("id", sa.Integer, primary_key=True),
        sa.Column("team_id", sa.Integer,
                  sa.ForeignKey("sop_teams.id", name="fk_sop_team_members_team_id_sop_teams"), nullable=False),
        sa.Column("username", sa.String(64), nullable=False),
        sa.Column("role", sa.String(16), nullable=False),
        sa.Column("unit_id", sa.Integer,
                  sa.ForeignKey("org_units.id", name="fk_sop_team_members_unit_id_org_units"), nullable=False),
        sa.Column("added_by", sa.String(64), nullable=False),
        sa.Column("added_at", UtcDateTime, nullable=False),
        sa.Column("ended_at", UtcDateTime),
        sa.PrimaryKeyConstraint("id", name="pk_sop_team_members"),
    )
    op.create_index("ix_sop_team_members_username", "sop_team_members", ["username"])
    op.create_index("ix_sop_team_members_team_id", "sop_team_members", ["team_id"])
    op.create_table(
        "sop_team_briefings",
        sa.Column("id", sa.Integer, primary_key=True),
        sa.Column("team_id", sa.Integer,
                  sa.ForeignKey("sop_teams.id", name="fk_sop_team_briefings_team_id_sop_teams"), nullable=False),
        sa.Column("held_on", sa.Date, nullable=False),
        sa.Column("topic", sa.Text, nullable=False),
        sa.Column("attendees", sa.Text, nullable=False),
        sa.Column("recorded_by", sa.String(64), nullable=False),
        sa.Column("recorded_at", UtcDateTime, nullable=False),
        sa.PrimaryKeyConstraint("id", name="pk_sop_team_briefings"),
    )
    op.create_index("ix_sop_team_briefings_team_id", "sop_team_briefings", ["team_id"])
    op.create_table(
        "sop_inventory_decisions",
        sa.Column("id", sa.Integer, primary_key=True),
        sa.Column("number", sa.String(200), nullable=False),
        sa.Column("decided_on", sa.Date, nullable=False),
        sa.Column("recorded_by", sa.String(64), nullable=False),
        sa.Column("recorded_at", UtcDateTime, nullable=False),
        sa.PrimaryKeyConstraint("id", name="pk_sop_inventory_decisions"),
    )
    op.create_table(
        "sop_inventory",
        sa.Column("id", sa.Integer, primary_key=True),
        sa.Column("unit_id", sa.Integer,
                  sa.ForeignKey("org_units.id", name="fk_sop_inventory_unit_id_org_units"), nullable=False),
        sa.Column("title", sa.String(300), nullable=False),
        _flag("routine"), _flag("clear_stages"), _flag("clear_output"), _flag("several_parties"),
        sa.Column("analysis", sa.Text, nullable=False, server_default=""),
        sa.Column("number", sa.String(200), nullable=False, server_default=""),
        sa.Column("decision_id", sa.Integer, sa.ForeignKey(
            "sop_inventory_decisions.id", name="fk_sop_inventory_decision_id_sop_inventory_decisions")),
        sa.Column("sop_key", sa.String(100)),
        sa.Column("created_by", sa.String(64), nullable=False),
        sa.Column("created_at", UtcDateTime, nullable=False),
        sa.Column("updated_by", sa.String(64), nullable=False),
        sa.Column("updated_at", UtcDateTime, nullable=False),
        sa.PrimaryKeyConstraint("id", name="pk_sop_inventory"),
        sa.UniqueConstraint("sop_key", name="uq_sop_inventory_sop_key"),
    )
    op.create_index("ix_sop_inventory_unit_id", "sop_inventory", ["unit_id"])


def downgrade() -> None:
    op.drop_table("sop_inventory")
    op.drop_table("sop_inventory_decisions")
    op.drop_table("sop_team_briefings")
    op.drop_table("sop_team_members")
    op.drop_table("sop_teams")
