"""Organisation shape for the access policy: units and jabatan with ids; holdings point at them.

- ``org_units`` (id, code, name, parent_id, kind ``pemda``/``opd``/``unit``): one row per unit text
  found in today's holdings (kind ``unit``, no parent: governance fills the tree later);
- ``org_jabatan`` (id, unit_id, code, name): one row per (jabatan, unit) held today;
- ``holdings.unit_id`` / ``holdings.jabatan_id``, filled from the strings. They stay nullable: a
  holding written by an older code path is linked on first use (:mod:`engine.access.organisation`).

Revision ID: 0004a
Revises: 0003
Create Date: 2026-12-01
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0004a"
down_revision = "0003"
branch_labels = None
depends_on = None


def upgrade() -> None:
    units = op.create_table(
        "org_units",
        sa.Column("id", sa.Integer),
        sa.Column("code", sa.String(200), nullable=False),
        sa.Column("name", sa.String(300), nullable=False),
        sa.Column("parent_id", sa.Integer),
        sa.Column("kind", sa.String(8), nullable=False),
        sa.PrimaryKeyConstraint("id", name="pk_org_units"),
        sa.ForeignKeyConstraint(["parent_id"], ["org_units.id"], name="fk_org_units_parent_id_org_units"),
        sa.UniqueConstraint("code", name="uq_org_units_code"),
    )
    jabatan = op.create_table(
        "org_jabatan",
        sa.Column("id", sa.Integer),
        sa.Column("unit_id", sa.Integer, nullable=False),
        sa.Column("code", sa.String(200), nullable=False),
        sa.Column("name", sa.String(300), nullable=False),
        sa.PrimaryKeyConstraint("id", name="pk_org_jabatan"),
        sa.ForeignKeyConstraint(["unit_id"], ["org_units.id"], name="fk_org_jabatan_unit_id_org_units"),
        sa.UniqueConstraint("unit_id", "code", name="uq_org_jabatan_unit_id_code"),
    )
    with op.batch_alter_table("holdings") as batch:
        batch.add_column(sa.Column("unit_id", sa.Integer))
        batch.add_column(sa.Column("jabatan_id", sa.Integer))
        batch.create_foreign_key("fk_holdings_unit_id_org_units", "org_units", ["unit_id"], ["id"])
        batch.create_foreign_key("fk_holdings_jabatan_id_org_jabatan", "org_jabatan", ["jabatan_id"], ["id"])

    connection = op.get_bind()
    holdings = sa.table("holdings", sa.column("id", sa.Integer), sa.column("jabatan", sa.String),
                        sa.column("unit", sa.String), sa.column("unit_id", sa.Integer),
                        sa.column("jabatan_id", sa.Integer))
    held = connection.execute(sa.select(holdings.c.id, holdings.c.jabatan, holdings.c.unit)
                              .order_by(holdings.c.id)).all()
    unit_ids: dict[str, int] = {}
    jabatan_ids: dict[tuple[int, str], int] = {}
    for row in held:
        if row.unit not in unit_ids:
            unit_ids[row.unit] = connection.execute(
                sa.insert(units).returning(units.c.id),
                {"code": row.unit, "name": row.unit, "parent_id": None, "kind": "unit"}).scalar_one()
        unit_id = unit_ids[row.unit]
        if (unit_id, row.jabatan) not in jabatan_ids:
            jabatan_ids[(unit_id, row.jabatan)] = connection.execute(
                sa.insert(jabatan).returning(jabatan.c.id),
                {"unit_id": unit_id, "code": row.jabatan, "name": row.jabatan}).scalar_one()
        connection.execute(sa.update(holdings).where(holdings.c.id == row.id).values(
            unit_id=unit_id, jabatan_id=jabatan_ids[(unit_id, row.jabatan)]))


def downgrade() -> None:
    with op.batch_alter_table("holdings") as batch:
        batch.drop_constraint("fk_holdings_jabatan_id_org_jabatan", type_="foreignkey")
        batch.drop_constraint("fk_holdings_unit_id_org_units", type_="foreignkey")
        batch.drop_column("jabatan_id")
        batch.drop_column("unit_id")
    op.drop_table("org_jabatan")
    op.drop_table("org_units")
