"""Runtime shapes: an instance mode instead of the trial flag, case data apart from the workflow state.

``instances.mode`` is ``real``, ``ujicoba`` (a draft version's trial run) or ``simulasi``; existing
rows get ``ujicoba`` where ``trial`` was true, else ``real``, and ``trial`` goes. ``case_values``
holds the newest process value of each name per instance (see :mod:`engine.runtime.case`); existing
instances keep their values in their state and events only.

Revision ID: 0004r
Revises: 0003
Create Date: 2026-12-01
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

from engine.store.models import UtcDateTime

revision = "0004r"
down_revision = "0003"
branch_labels = None
depends_on = None


def upgrade() -> None:
    # Plain ALTER TABLE on both dialects (SQLite >= 3.35 drops columns itself): a batch copy of
    # ``instances`` would have to drop the table its work items, timers and events reference.
    op.add_column("instances", sa.Column("mode", sa.String(12), nullable=False, server_default="real"))
    op.execute("UPDATE instances SET mode = 'ujicoba' WHERE trial")
    op.drop_column("instances", "trial")
    op.create_table(
        "case_values",
        sa.Column("id", sa.Integer),
        sa.Column("instance_id", sa.Integer, nullable=False),
        sa.Column("name", sa.String(64), nullable=False),
        sa.Column("value", sa.Text, nullable=False),
        sa.Column("step", sa.String(200), nullable=False),
        sa.Column("set_at", UtcDateTime, nullable=False),
        sa.PrimaryKeyConstraint("id", name="pk_case_values"),
        sa.ForeignKeyConstraint(["instance_id"], ["instances.id"], name="fk_case_values_instance_id_instances"),
        sa.UniqueConstraint("instance_id", "name", name="uq_case_values_instance_id_name"),
    )
    op.create_index("ix_case_values_name", "case_values", ["name"])


def downgrade() -> None:
    op.drop_index("ix_case_values_name", "case_values")
    op.drop_table("case_values")
    op.add_column("instances", sa.Column("trial", sa.Boolean, nullable=False, server_default=sa.false()))
    op.execute("UPDATE instances SET trial = (mode <> 'real')")
    op.drop_column("instances", "mode")
