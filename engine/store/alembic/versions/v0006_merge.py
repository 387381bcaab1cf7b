"""Join the lifecycle roles branch (0004l) with 0005 (runtime shapes, organisation, sessions).

Revision ID: 0006
Revises: 0005, 0004l
Create Date: 2026-12-01
"""

from __future__ import annotations

revision = "0006"
down_revision = ("0005", "0004l")
branch_labels = None
depends_on = None


def upgrade() -> None:
    """Nothing to change: the branches touch different tables."""


def downgrade() -> None:
    """Nothing to undo."""
