"""Join the case-data (0007c) and case-documents (0007d) branches, so the web branch runs on both.

0009 then joins this with the notifications branch (0007n).

Revision ID: 0007w
Revises: 0007c, 0007d
Create Date: 2026-12-02
"""

from __future__ import annotations

revision = "0007w"
down_revision = ("0007c", "0007d")
branch_labels = None
depends_on = None


def upgrade() -> None:
    """Nothing to change: both branches create ``access_log`` alike (the second only when it is absent)."""


def downgrade() -> None:
    """Nothing to undo."""
