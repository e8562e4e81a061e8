"""Exchange with the gemeente: packages read, pinned sources, merged snapshots, status events.

Revision ID: 0005
Revises: 0004
Create Date: 2026-11-23
"""

import sqlalchemy as sa
from alembic import op

revision = "0005"
down_revision = "0004"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        "exchange_package",
        sa.Column("package_hash", sa.String(length=64), nullable=False),
        sa.Column("kind", sa.String(length=10), nullable=False),
        sa.Column("source_id", sa.String(length=36), nullable=False),
        sa.Column("sequence", sa.Integer(), nullable=False),
        sa.Column("file_name", sa.String(length=260), nullable=False),
        sa.Column("read_at", sa.DateTime(timezone=True), nullable=False),
        sa.PrimaryKeyConstraint("package_hash", name=op.f("pk_exchange_package")),
    )
    op.create_index(op.f("ix_exchange_package_source_id"), "exchange_package", ["source_id"])
    op.create_table(
        "exchange_source",
        sa.Column("source_id", sa.String(length=36), nullable=False),
        sa.Column("name", sa.String(length=150), nullable=False),
        sa.Column("public_key", sa.String(length=64), nullable=False),
        sa.Column("pinned_at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("last_sequence", sa.Integer(), nullable=False),
        sa.Column("snapshot_at", sa.DateTime(timezone=True), nullable=True),
        sa.PrimaryKeyConstraint("source_id", name=op.f("pk_exchange_source")),
    )
    op.create_table(
        "exchange_record",
        sa.Column("row_id", sa.Integer(), nullable=False),
        sa.Column("source_id", sa.String(length=36), nullable=False),
        sa.Column("table_name", sa.String(length=40), nullable=False),
        sa.Column("data", sa.String(), nullable=False),
        sa.ForeignKeyConstraint(["source_id"], ["exchange_source.source_id"],
                                name=op.f("fk_exchange_record_source_id_exchange_source"),
                                ondelete="CASCADE"),
        sa.PrimaryKeyConstraint("row_id", name=op.f("pk_exchange_record")),
    )
    op.create_index("ix_exchange_record_source_table", "exchange_record",
                    ["source_id", "table_name"])
    op.create_table(
        "exchange_status_event",
        sa.Column("uuid", sa.String(length=36), nullable=False),
        sa.Column("source_id", sa.String(length=36), nullable=False),
        sa.Column("referral_key", sa.String(length=64), nullable=False),
        sa.Column("kind", sa.String(length=30), nullable=False),
        sa.Column("occurred_at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("destination_code", sa.String(length=40), nullable=False),
        sa.Column("created_at", sa.DateTime(timezone=True), nullable=False),
        sa.ForeignKeyConstraint(["source_id"], ["exchange_source.source_id"],
                                name=op.f("fk_exchange_status_event_source_id_exchange_source"),
                                ondelete="CASCADE"),
        sa.PrimaryKeyConstraint("uuid", name=op.f("pk_exchange_status_event")),
    )
    op.create_index(op.f("ix_exchange_status_event_source_id"), "exchange_status_event",
                    ["source_id"])


def downgrade() -> None:
    op.drop_index(op.f("ix_exchange_status_event_source_id"), table_name="exchange_status_event")
    op.drop_table("exchange_status_event")
    op.drop_index("ix_exchange_record_source_table", table_name="exchange_record")
    op.drop_table("exchange_record")
    op.drop_table("exchange_source")
    op.drop_index(op.f("ix_exchange_package_source_id"), table_name="exchange_package")
    op.drop_table("exchange_package")
