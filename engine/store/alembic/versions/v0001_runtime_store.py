"""The runtime store: users, jabatan, SOP versions, instances, work items, timers, append-only events.

Revision ID: 0001
Revises:
Create Date: 2026-11-28
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

from engine.store.models import UtcDateTime

revision = "0001"
down_revision = None
branch_labels = None
depends_on = None

_SQLITE_TRIGGERS = [
    "CREATE TRIGGER events_no_update BEFORE UPDATE ON events "
    "BEGIN SELECT RAISE(ABORT, 'events are append-only'); END",
    "CREATE TRIGGER events_no_delete BEFORE DELETE ON events "
    "BEGIN SELECT RAISE(ABORT, 'events are append-only'); END",
]
_POSTGRESQL_TRIGGERS = [
    "CREATE FUNCTION alur_events_append_only() RETURNS trigger LANGUAGE plpgsql AS $$ "
    "BEGIN RAISE EXCEPTION 'events are append-only'; END $$",
    "CREATE TRIGGER events_no_change BEFORE UPDATE OR DELETE ON events "
    "FOR EACH ROW EXECUTE FUNCTION alur_events_append_only()",
    "CREATE TRIGGER events_no_truncate BEFORE TRUNCATE ON events "
    "FOR EACH STATEMENT EXECUTE FUNCTION alur_events_append_only()",
]


def upgrade() -> None:
    op.create_table(
        "users",
        sa.Column("id", sa.Integer, primary_key=True),
        sa.Column("username", sa.String(64), nullable=False),
        sa.Column("nama", sa.String(200), nullable=False),
        sa.Column("nip", sa.String(32), nullable=False),
        sa.Column("created_at", UtcDateTime, nullable=False),
        sa.PrimaryKeyConstraint("id", name="pk_users"),
        sa.UniqueConstraint("username", name="uq_users_username"),
    )
    op.create_table(
        "holdings",
        sa.Column("id", sa.Integer),
        sa.Column("user_id", sa.Integer, nullable=False),
        sa.Column("jabatan", sa.String(200), nullable=False),
        sa.Column("unit", sa.String(200), nullable=False),
        sa.PrimaryKeyConstraint("id", name="pk_holdings"),
        sa.ForeignKeyConstraint(["user_id"], ["users.id"], name="fk_holdings_user_id_users"),
        sa.UniqueConstraint("user_id", "jabatan", "unit", name="uq_holdings_user_id_jabatan_unit"),
    )
    op.create_index("ix_holdings_jabatan_unit", "holdings", ["jabatan", "unit"])
    op.create_table(
        "definitions",
        sa.Column("id", sa.Integer),
        sa.Column("key", sa.String(100), nullable=False),
        sa.Column("process_id", sa.String(200), nullable=False),
        sa.Column("nama", sa.String(300), nullable=False),
        sa.Column("created_at", UtcDateTime, nullable=False),
        sa.PrimaryKeyConstraint("id", name="pk_definitions"),
        sa.UniqueConstraint("key", name="uq_definitions_key"),
    )
    op.create_table(
        "versions",
        sa.Column("id", sa.Integer),
        sa.Column("definition_id", sa.Integer, nullable=False),
        sa.Column("number", sa.Integer, nullable=False),
        sa.Column("draft", sa.Boolean, nullable=False),
        sa.Column("escalation", sa.Boolean, nullable=False),
        sa.Column("has_timers", sa.Boolean, nullable=False),
        sa.Column("bpmn", sa.LargeBinary, nullable=False),
        sa.Column("spec", sa.Text, nullable=False),
        sa.Column("steps", sa.Text, nullable=False),
        sa.Column("sha256", sa.String(64), nullable=False),
        sa.Column("published_at", UtcDateTime, nullable=False),
        sa.Column("published_by", sa.String(64), nullable=False),
        sa.PrimaryKeyConstraint("id", name="pk_versions"),
        sa.ForeignKeyConstraint(["definition_id"], ["definitions.id"], name="fk_versions_definition_id_definitions"),
        sa.UniqueConstraint("definition_id", "number", name="uq_versions_definition_id_number"),
    )
    op.create_table(
        "instances",
        sa.Column("id", sa.Integer),
        sa.Column("version_id", sa.Integer, nullable=False),
        sa.Column("unit", sa.String(200), nullable=False),
        sa.Column("status", sa.String(16), nullable=False),
        sa.Column("trial", sa.Boolean, nullable=False),
        sa.Column("state", sa.Text, nullable=False),
        sa.Column("state_format", sa.Integer, nullable=False),
        sa.Column("revision", sa.Integer, nullable=False),
        sa.Column("started_by", sa.String(64), nullable=False),
        sa.Column("started_at", UtcDateTime, nullable=False),
        sa.Column("ended_at", UtcDateTime),
        sa.Column("reason", sa.Text, nullable=False),
        sa.Column("last_seq", sa.Integer, nullable=False),
        sa.Column("last_hash", sa.String(64), nullable=False),
        sa.PrimaryKeyConstraint("id", name="pk_instances"),
        sa.ForeignKeyConstraint(["version_id"], ["versions.id"], name="fk_instances_version_id_versions"),
    )
    op.create_index("ix_instances_status", "instances", ["status"])
    op.create_index("ix_instances_version_id", "instances", ["version_id"])
    op.create_table(
        "work_items",
        sa.Column("id", sa.Integer),
        sa.Column("instance_id", sa.Integer, nullable=False),
        sa.Column("task_id", sa.String(36), nullable=False),
        sa.Column("sop_key", sa.String(100), nullable=False),
        sa.Column("step_id", sa.String(200), nullable=False),
        sa.Column("name", sa.String(500), nullable=False),
        sa.Column("jabatan", sa.String(200), nullable=False),
        sa.Column("unit", sa.String(200), nullable=False),
        sa.Column("trial", sa.Boolean, nullable=False),
        sa.Column("status", sa.String(12), nullable=False),
        sa.Column("ready_at", UtcDateTime, nullable=False),
        sa.Column("due_at", UtcDateTime, nullable=False),
        sa.Column("claimed_by", sa.String(64)),
        sa.Column("claimed_at", UtcDateTime),
        sa.Column("completed_by", sa.String(64)),
        sa.Column("completed_at", UtcDateTime),
        sa.Column("overdue_at", UtcDateTime),
        sa.PrimaryKeyConstraint("id", name="pk_work_items"),
        sa.ForeignKeyConstraint(["instance_id"], ["instances.id"], name="fk_work_items_instance_id_instances"),
        sa.UniqueConstraint("task_id", name="uq_work_items_task_id"),
    )
    op.create_index("ix_work_items_worklist", "work_items", ["status", "jabatan", "unit", "due_at", "id"])
    op.create_index("ix_work_items_sla", "work_items", ["status", "overdue_at", "due_at"])
    op.create_index("ix_work_items_instance_id_status", "work_items", ["instance_id", "status"])
    op.create_table(
        "timers",
        sa.Column("id", sa.Integer),
        sa.Column("instance_id", sa.Integer, nullable=False),
        sa.Column("task_id", sa.String(36), nullable=False),
        sa.Column("event_id", sa.String(200), nullable=False),
        sa.Column("step_id", sa.String(200), nullable=False),
        sa.Column("escalation", sa.Boolean, nullable=False),
        sa.Column("status", sa.String(12), nullable=False),
        sa.Column("fire_at", UtcDateTime, nullable=False),
        sa.Column("fired_at", UtcDateTime),
        sa.PrimaryKeyConstraint("id", name="pk_timers"),
        sa.ForeignKeyConstraint(["instance_id"], ["instances.id"], name="fk_timers_instance_id_instances"),
        sa.UniqueConstraint("task_id", name="uq_timers_task_id"),
    )
    op.create_index("ix_timers_status_fire_at", "timers", ["status", "fire_at"])
    op.create_index("ix_timers_instance_id_status", "timers", ["instance_id", "status"])
    op.create_table(
        "events",
        sa.Column("id", sa.Integer),
        sa.Column("instance_id", sa.Integer, nullable=False),
        sa.Column("seq", sa.Integer, nullable=False),
        sa.Column("kind", sa.String(32), nullable=False),
        sa.Column("at", UtcDateTime, nullable=False),
        sa.Column("actor", sa.String(64), nullable=False),
        sa.Column("step", sa.String(200), nullable=False),
        sa.Column("item_id", sa.Integer),
        sa.Column("body", sa.Text, nullable=False),
        sa.Column("prev_hash", sa.String(64), nullable=False),
        sa.Column("hash", sa.String(64), nullable=False),
        sa.PrimaryKeyConstraint("id", name="pk_events"),
        sa.ForeignKeyConstraint(["instance_id"], ["instances.id"], name="fk_events_instance_id_instances"),
        sa.UniqueConstraint("instance_id", "seq", name="uq_events_instance_id_seq"),
    )
    triggers = _SQLITE_TRIGGERS if op.get_bind().dialect.name == "sqlite" else _POSTGRESQL_TRIGGERS
    for statement in triggers:
        op.execute(statement)


def downgrade() -> None:
    if op.get_bind().dialect.name != "sqlite":
        op.execute("DROP TRIGGER IF EXISTS events_no_truncate ON events")
    for table in ("events", "timers", "work_items", "instances", "versions", "definitions", "holdings", "users"):
        op.drop_table(table)
    if op.get_bind().dialect.name != "sqlite":
        op.execute("DROP FUNCTION IF EXISTS alur_events_append_only()")
