"""Elapsed time of each kind: work items store their calendar minutes beside their working minutes.

``work_items.calendar_minutes`` is the time on the clock from ready to completed (nights, weekends
and holidays included), for steps whose WAKTU counts calendar days or 24-hour clock time. Items
completed before this revision keep it empty; monitoring then measures them in working minutes.

Revision ID: 0004p
Revises: 0006
Create Date: 2026-12-01
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0004p"
# after the merge of the redesign wave (0005), so the package keeps one head
down_revision = "0006"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.add_column("work_items", sa.Column("calendar_minutes", sa.Float))


def downgrade() -> None:
    op.drop_column("work_items", "calendar_minutes")
