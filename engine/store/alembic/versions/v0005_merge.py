"""Join the schema branches of the redesign wave: runtime shapes (0004r), organisation (0004a), sessions and login throttling (0004s).

Revision ID: 0005
Revises: 0004r, 0004a, 0004s
Create Date: 2026-12-01
"""

from __future__ import annotations

revision = "0005"
down_revision = ("0004r", "0004a", "0004s")
branch_labels = None
depends_on = None


def upgrade() -> None:
    """Nothing to change: the branches touch different tables and columns."""


def downgrade() -> None:
    """Nothing to undo."""
