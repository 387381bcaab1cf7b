"""Documents of a case: ``case_documents`` (one row per document attached to a work item) and ``access_log``.

The files live in the storage folder under their SHA-256; the rows keep the hash, name, media type
and who attached them to which item and requirement. ``access_log`` records each document download;
the case-data migration (0007c) creates the same table, so each creates it only when it is absent.

The steps each stored version keeps (``versions.steps``, JSON) gain ``requirements`` (each
kelengkapan item with its document flag) and ``output_document``, read from the version's own
BPMN, so versions published before this revision offer their documents too.

Revision ID: 0007d
Revises: 0004p
Create Date: 2026-12-02
"""

from __future__ import annotations

import json
from typing import Any

import sqlalchemy as sa
from alembic import op

from engine.store.models import UtcDateTime

revision = "0007d"
down_revision = "0004p"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        "case_documents",
        sa.Column("id", sa.Integer),
        sa.Column("instance_id", sa.Integer, nullable=False),
        sa.Column("item_id", sa.Integer),
        sa.Column("step_id", sa.String(200), nullable=False),
        sa.Column("requirement", sa.Text, nullable=False),
        sa.Column("output", sa.Boolean, nullable=False),
        sa.Column("sha256", sa.String(64), nullable=False),
        sa.Column("name", sa.String(200), nullable=False),
        sa.Column("media_type", sa.String(64), nullable=False),
        sa.Column("size", sa.Integer, nullable=False),
        sa.Column("attached_by", sa.String(64), nullable=False),
        sa.Column("attached_at", UtcDateTime, nullable=False),
        sa.PrimaryKeyConstraint("id", name="pk_case_documents"),
        sa.ForeignKeyConstraint(["instance_id"], ["instances.id"], name="fk_case_documents_instance_id_instances"),
        sa.ForeignKeyConstraint(["item_id"], ["work_items.id"], name="fk_case_documents_item_id_work_items"),
    )
    op.create_index("ix_case_documents_instance_id_sha256", "case_documents", ["instance_id", "sha256"])
    op.create_index("ix_case_documents_item_id", "case_documents", ["item_id"])
    op.create_index("ix_case_documents_sha256", "case_documents", ["sha256"])
    if not sa.inspect(op.get_bind()).has_table("access_log"):
        op.create_table(
            "access_log",
            sa.Column("id", sa.Integer),
            sa.Column("at", UtcDateTime, nullable=False),
            sa.Column("account", sa.String(64), nullable=False),
            sa.Column("action", sa.String(32), nullable=False),
            sa.Column("instance_id", sa.Integer),
            sa.Column("detail", sa.Text, nullable=False),
            sa.PrimaryKeyConstraint("id", name="pk_access_log"),
        )
        op.create_index("ix_access_log_instance_id", "access_log", ["instance_id"])
    _add_documents_to_stored_steps()


def _steps_with_documents(bpmn: bytes, steps: list[dict[str, Any]]) -> list[dict[str, Any]]:
    from engine.bpmn.reader import read_bpmn

    model = {step.id: step for step in read_bpmn(bytes(bpmn)).sop.steps}
    for stored in steps:
        step = model.get(str(stored["id"]))
        marked = set(step.documents) if step is not None else set()
        stored["requirements"] = [{"text": text, "document": text in marked} for text in stored.get("kelengkapan", [])]
        stored["output_document"] = bool(step is not None and step.output_document)
    return steps


def _add_documents_to_stored_steps() -> None:
    bind = op.get_bind()
    table = sa.table("versions", sa.column("id", sa.Integer), sa.column("bpmn", sa.LargeBinary),
                     sa.column("steps", sa.Text))
    for row in bind.execute(sa.select(table.c.id, table.c.bpmn, table.c.steps)).all():
        steps = json.loads(row.steps)
        if all("requirements" in stored for stored in steps):
            continue
        bind.execute(table.update().where(table.c.id == row.id).values(
            steps=json.dumps(_steps_with_documents(row.bpmn, steps), ensure_ascii=False)))


def downgrade() -> None:
    # access_log stays: the case-data migration (0007c) may own it, and the download log is kept.
    op.drop_index("ix_case_documents_sha256", "case_documents")
    op.drop_index("ix_case_documents_item_id", "case_documents")
    op.drop_index("ix_case_documents_instance_id_sha256", "case_documents")
    op.drop_table("case_documents")
