"""Case data: registration numbers (counter per SOP and year), personal-data salts, the access log.

``instances`` gain the registration number, the subject and when the retention rule erased the
case values. ``registration_counters`` is incremented inside the start transaction (a row lock on
PostgreSQL, the write lock on SQLite) and ``case_registrations`` keeps every number with a unique
constraint, so two starts can never get the same one. ``case_salts`` holds the random salt of the
digests that events carry instead of personal values; ``access_log`` records every unmasked view
and document download.

Revision ID: 0007c
Revises: 0004p
Create Date: 2026-12-02
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

from engine.store.models import UtcDateTime

revision = "0007c"
down_revision = "0004p"
branch_labels = None
depends_on = None


def upgrade() -> None:
    # Plain ALTER TABLE on both dialects (as 0004r): a batch copy of ``instances`` would have to drop
    # the table its work items, timers and events reference.
    op.add_column("instances", sa.Column("registration", sa.String(200), nullable=False, server_default=""))
    op.add_column("instances", sa.Column("subject", sa.String(200), nullable=False, server_default=""))
    op.add_column("instances", sa.Column("subject_masked", sa.String(200), nullable=False, server_default=""))
    op.add_column("instances", sa.Column("erased_at", UtcDateTime))
    op.create_index("ix_instances_registration", "instances", ["registration"])
    op.create_table(
        "registration_counters",
        sa.Column("definition_id", sa.Integer, sa.ForeignKey("definitions.id",
                                                             name="fk_registration_counters_definition_id_definitions")),
        sa.Column("year", sa.Integer),
        sa.Column("trial", sa.Boolean),
        sa.Column("last", sa.Integer, nullable=False),
        sa.PrimaryKeyConstraint("definition_id", "year", "trial", name="pk_registration_counters"),
    )
    op.create_table(
        "case_registrations",
        sa.Column("instance_id", sa.Integer, sa.ForeignKey("instances.id",
                                                           name="fk_case_registrations_instance_id_instances")),
        sa.Column("definition_id", sa.Integer, sa.ForeignKey(
            "definitions.id", name="fk_case_registrations_definition_id_definitions"), nullable=False),
        sa.Column("year", sa.Integer, nullable=False),
        sa.Column("trial", sa.Boolean, nullable=False),
        sa.Column("seq", sa.Integer, nullable=False),
        sa.Column("number", sa.String(200), nullable=False),
        sa.PrimaryKeyConstraint("instance_id", name="pk_case_registrations"),
        sa.UniqueConstraint("definition_id", "year", "trial", "seq",
                            name="uq_case_registrations_definition_id_year_trial_seq"),
        sa.UniqueConstraint("definition_id", "trial", "number", name="uq_case_registrations_definition_id_trial_number"),
    )
    op.create_table(
        "case_salts",
        sa.Column("instance_id", sa.Integer, sa.ForeignKey("instances.id", name="fk_case_salts_instance_id_instances")),
        sa.Column("salt", sa.String(64), nullable=False),
        sa.PrimaryKeyConstraint("instance_id", name="pk_case_salts"),
    )
    # the documents migration (0007d, a sibling branch) creates the same table when it runs first
    if not sa.inspect(op.get_bind()).has_table("access_log"):
        op.create_table(
            "access_log",
            sa.Column("id", sa.Integer),
            sa.Column("at", UtcDateTime, nullable=False),
            sa.Column("account", sa.String(64), nullable=False),
            sa.Column("action", sa.String(32), nullable=False),
            sa.Column("instance_id", sa.Integer),
            sa.Column("detail", sa.Text, nullable=False, server_default=""),
            sa.PrimaryKeyConstraint("id", name="pk_access_log"),
        )
        op.create_index("ix_access_log_instance_id", "access_log", ["instance_id"])
    if "ix_access_log_at" not in {index["name"] for index in sa.inspect(op.get_bind()).get_indexes("access_log")}:
        op.create_index("ix_access_log_at", "access_log", ["at"])


def downgrade() -> None:
    op.drop_index("ix_access_log_at", "access_log")
    op.drop_index("ix_access_log_instance_id", "access_log")
    op.drop_table("access_log")
    op.drop_table("case_salts")
    op.drop_table("case_registrations")
    op.drop_table("registration_counters")
    op.drop_index("ix_instances_registration", "instances")
    for column in ("erased_at", "subject_masked", "subject", "registration"):
        op.drop_column("instances", column)
