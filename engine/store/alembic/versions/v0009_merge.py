"""Join the branches of the cases and notifications work: case data (0007c), documents (0007d), notifications (0007n).

Revision ID: 0009
Revises: 0007c, 0007d, 0007n
Create Date: 2026-12-02
"""

from __future__ import annotations

revision = "0009"
down_revision = ("0007c", "0007d", "0007n")
branch_labels = None
depends_on = None


def upgrade() -> None:
    """Nothing to change: the branches touch different tables."""


def downgrade() -> None:
    """Nothing to undo."""
