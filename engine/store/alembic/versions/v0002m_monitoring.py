"""Monitoring, ujicoba and evaluation: working time stored at completion, feedback, saved forms.

- ``work_items.working_minutes`` (working time from ready to completed), ``kelengkapan_missing``,
  ``keputusan`` (the clerk's Ya/Tidak) and ``visit`` (1 = first run of the step in its instance,
  2 = first repeat...), filled when an item completes; an index covering the report's per-step pass
  ``(sop_key, trial, status, step_id, working_minutes, ready_at, visit, kelengkapan_missing, keputusan)``;
- ``instances.working_minutes``: the cycle time in working minutes, filled when the instance ends;
- ``ujicoba_feedback``: one row per completed trial work item the clerk rated;
- ``monitoring_forms``: every save of an assessor's form is a new revision;
- ``evaluations``: the seven questions, the outcome and the draft version a "revisi" opened.

Revision ID: 0002m
Revises: 0001
Create Date: 2026-11-28
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

from engine.store.models import UtcDateTime

revision = "0002m"
down_revision = "0001"
branch_labels = None
depends_on = None


def upgrade() -> None:
    with op.batch_alter_table("work_items") as batch:
        batch.add_column(sa.Column("working_minutes", sa.Float))
        batch.add_column(sa.Column("kelengkapan_missing", sa.Boolean))
        batch.add_column(sa.Column("keputusan", sa.String(8)))
        batch.add_column(sa.Column("visit", sa.Integer))
    op.create_index("ix_work_items_monitor", "work_items",
                    ["sop_key", "trial", "status", "step_id", "working_minutes", "ready_at", "visit",
                     "kelengkapan_missing", "keputusan"])
    with op.batch_alter_table("instances") as batch:
        batch.add_column(sa.Column("working_minutes", sa.Float))
    op.create_table(
        "ujicoba_feedback",
        sa.Column("id", sa.Integer),
        sa.Column("item_id", sa.Integer, nullable=False),
        sa.Column("instance_id", sa.Integer, nullable=False),
        sa.Column("version_id", sa.Integer, nullable=False),
        sa.Column("step_id", sa.String(200), nullable=False),
        sa.Column("username", sa.String(64), nullable=False),
        sa.Column("kemudahan", sa.Integer, nullable=False),
        sa.Column("kesesuaian", sa.Integer, nullable=False),
        sa.Column("ketepatan", sa.Integer, nullable=False),
        sa.Column("komentar", sa.Text, nullable=False),
        sa.Column("given_at", UtcDateTime, nullable=False),
        sa.PrimaryKeyConstraint("id", name="pk_ujicoba_feedback"),
        sa.ForeignKeyConstraint(["item_id"], ["work_items.id"], name="fk_ujicoba_feedback_item_id_work_items"),
        sa.ForeignKeyConstraint(["instance_id"], ["instances.id"], name="fk_ujicoba_feedback_instance_id_instances"),
        sa.ForeignKeyConstraint(["version_id"], ["versions.id"], name="fk_ujicoba_feedback_version_id_versions"),
        sa.UniqueConstraint("item_id", name="uq_ujicoba_feedback_item_id"),
    )
    op.create_index("ix_ujicoba_feedback_version_id_step_id", "ujicoba_feedback", ["version_id", "step_id"])
    op.create_table(
        "monitoring_forms",
        sa.Column("id", sa.Integer),
        sa.Column("definition_id", sa.Integer, nullable=False),
        sa.Column("period_start", sa.Date, nullable=False),
        sa.Column("period_end", sa.Date, nullable=False),
        sa.Column("trial", sa.Boolean, nullable=False),
        sa.Column("revision", sa.Integer, nullable=False),
        sa.Column("form", sa.Text, nullable=False),
        sa.Column("saved_by", sa.String(64), nullable=False),
        sa.Column("saved_at", UtcDateTime, nullable=False),
        sa.PrimaryKeyConstraint("id", name="pk_monitoring_forms"),
        sa.ForeignKeyConstraint(["definition_id"], ["definitions.id"],
                                name="fk_monitoring_forms_definition_id_definitions"),
        sa.UniqueConstraint("definition_id", "period_start", "period_end", "trial", "revision",
                            name="uq_monitoring_forms_revision"),
    )
    op.create_table(
        "evaluations",
        sa.Column("id", sa.Integer),
        sa.Column("definition_id", sa.Integer, nullable=False),
        sa.Column("version_id", sa.Integer, nullable=False),
        sa.Column("form", sa.Text, nullable=False),
        sa.Column("outcome", sa.String(12), nullable=False),
        sa.Column("draft_version_id", sa.Integer),
        sa.Column("saved_by", sa.String(64), nullable=False),
        sa.Column("saved_at", UtcDateTime, nullable=False),
        sa.PrimaryKeyConstraint("id", name="pk_evaluations"),
        sa.ForeignKeyConstraint(["definition_id"], ["definitions.id"], name="fk_evaluations_definition_id_definitions"),
        sa.ForeignKeyConstraint(["version_id"], ["versions.id"], name="fk_evaluations_version_id_versions"),
        sa.ForeignKeyConstraint(["draft_version_id"], ["versions.id"],
                                name="fk_evaluations_draft_version_id_versions"),
    )
    op.create_index("ix_evaluations_definition_id", "evaluations", ["definition_id"])


def downgrade() -> None:
    for table in ("evaluations", "monitoring_forms", "ujicoba_feedback"):
        op.drop_table(table)
    op.drop_index("ix_work_items_monitor", "work_items")
    with op.batch_alter_table("instances") as batch:
        batch.drop_column("working_minutes")
    with op.batch_alter_table("work_items") as batch:
        batch.drop_column("visit")
        batch.drop_column("keputusan")
        batch.drop_column("kelengkapan_missing")
        batch.drop_column("working_minutes")
