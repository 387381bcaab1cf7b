"""Parent and child instances: a call to another SOP (engine.sop.structure) starts a child instance.

``instances.parent_id`` is the instance whose call row started this one (NULL for a case started by a
clerk) and ``instances.parent_task`` the SpiffWorkflow task of that row, which the runtime completes
when the child finishes. The events of both carry the link in their envelope (schema version 2).

Revision ID: 0011c
Revises: 0010r
Create Date: 2026-12-02
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0011c"
down_revision = "0010r"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.add_column("instances", sa.Column("parent_id", sa.Integer))
    op.add_column("instances", sa.Column("parent_task", sa.String(64), nullable=False, server_default=""))
    op.create_index("ix_instances_parent_id", "instances", ["parent_id"])


def downgrade() -> None:
    op.drop_index("ix_instances_parent_id", "instances")
    op.drop_column("instances", "parent_task")
    op.drop_column("instances", "parent_id")
