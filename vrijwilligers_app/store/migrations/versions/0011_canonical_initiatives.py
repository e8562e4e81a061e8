"""The gemeente's list of initiatives (each once) as return packages bring it, and the link a
laptop user confirmed between an own initiative and one on that list (issue 17).

Revision ID: 0011
Revises: 0009
Create Date: 2026-12-06
"""

import sqlalchemy as sa
from alembic import op

revision = "0011"
down_revision = "0009"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        "canonical_initiative",
        sa.Column("canonical_id", sa.String(length=36), nullable=False),
        sa.Column("name", sa.String(length=150), nullable=False),
        sa.Column("type_code", sa.String(length=40), nullable=False),
        sa.Column("address", sa.String(length=150), nullable=False),
        sa.Column("postcode", sa.String(length=7), nullable=False),
        sa.Column("districts", sa.String(length=400), nullable=False),
        sa.Column("received_at", sa.DateTime(), nullable=False),
        sa.PrimaryKeyConstraint("canonical_id", name=op.f("pk_canonical_initiative")),
    )
    op.create_table(
        "initiative_canonical_link",
        sa.Column("initiative_id", sa.Integer(), nullable=False),
        sa.Column("canonical_id", sa.String(length=36), nullable=False),
        sa.Column("linked_at", sa.DateTime(), nullable=False),
        sa.ForeignKeyConstraint(["initiative_id"], ["initiative.id"],
                                name=op.f("fk_initiative_canonical_link_initiative_id_initiative"),
                                ondelete="CASCADE"),
        sa.PrimaryKeyConstraint("initiative_id", name=op.f("pk_initiative_canonical_link")),
    )
    op.create_index(op.f("ix_initiative_canonical_link_canonical_id"),
                    "initiative_canonical_link", ["canonical_id"])


def downgrade() -> None:
    op.drop_index(op.f("ix_initiative_canonical_link_canonical_id"),
                  table_name="initiative_canonical_link")
    op.drop_table("initiative_canonical_link")
    op.drop_table("canonical_initiative")
