"""Join the two schema branches: accounts and SOP lifecycle (0002w), monitoring (0002m).

Revision ID: 0003
Revises: 0002m, 0002w
Create Date: 2026-11-28
"""

from __future__ import annotations

revision = "0003"
down_revision = ("0002m", "0002w")
branch_labels = None
depends_on = None


def upgrade() -> None:
    """Nothing to change: the two branches touch different tables and columns."""


def downgrade() -> None:
    """Nothing to undo."""
