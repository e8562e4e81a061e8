"""Exchange quarantine: packages from keys no gemeente user accepted yet; initiatives merged by
the gemeente (one initiative entered on two laptops counts once) (issue 17).

Revision ID: 0010
Revises: 0008
Create Date: 2026-12-06
"""

import sqlalchemy as sa
from alembic import op

revision = "0010"
down_revision = "0008"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        "exchange_quarantine",
        sa.Column("package_hash", sa.String(length=64), nullable=False),
        sa.Column("source_id", sa.String(length=36), nullable=False),
        sa.Column("public_key", sa.String(length=64), nullable=False),
        sa.Column("source_name", sa.String(length=150), nullable=False),
        sa.Column("sequence", sa.Integer(), nullable=False),
        sa.Column("file_path", sa.String(length=1000), nullable=False),
        sa.Column("first_seen", sa.DateTime(timezone=True), nullable=False),
        sa.Column("refused", sa.Boolean(), nullable=False),
        sa.PrimaryKeyConstraint("package_hash", name=op.f("pk_exchange_quarantine")),
    )
    op.create_index("ix_exchange_quarantine_key", "exchange_quarantine", ["public_key"])
    op.create_table(
        "exchange_initiative_alias",
        sa.Column("initiative_id", sa.String(length=36), nullable=False),
        sa.Column("canonical_id", sa.String(length=36), nullable=False),
        sa.Column("merged_at", sa.DateTime(timezone=True), nullable=False),
        sa.PrimaryKeyConstraint("initiative_id", name=op.f("pk_exchange_initiative_alias")),
    )
    op.create_index(op.f("ix_exchange_initiative_alias_canonical_id"),
                    "exchange_initiative_alias", ["canonical_id"])


def downgrade() -> None:
    op.drop_index(op.f("ix_exchange_initiative_alias_canonical_id"),
                  table_name="exchange_initiative_alias")
    op.drop_table("exchange_initiative_alias")
    op.drop_index("ix_exchange_quarantine_key", table_name="exchange_quarantine")
    op.drop_table("exchange_quarantine")
