"""Join the branches of the cases and notifications work: the cases (0007w: case data and documents) and notifications (0007n).

Revision ID: 0009
Revises: 0007w, 0007n
Create Date: 2026-12-02
"""

from __future__ import annotations

revision = "0009"
down_revision = ("0007w", "0007n")
branch_labels = None
depends_on = None


def upgrade() -> None:
    """Nothing to change: the branches touch different tables."""


def downgrade() -> None:
    """Nothing to undo."""
