"""Join the branches of the seed's stages and BPMN breadth work: stages 1-3 (0011i), stages 6-8
(0011k), monitoring reminders (0011m), message waits and deliveries (0011e), the drawing layout (0011d),
instance parent links (0011c).

Revision ID: 0012
Revises: 0011i, 0011k, 0011m, 0011e, 0011d, 0011c
Create Date: 2026-12-02
"""

from __future__ import annotations

revision = "0012"
down_revision = ("0011i", "0011k", "0011m", "0011e", "0011d", "0011c")
branch_labels = None
depends_on = None


def upgrade() -> None:
    """Nothing to change: the branches touch different tables."""


def downgrade() -> None:
    """Nothing to undo."""
