"""Volunteer roles get an exit reason (uitstroomreden) from a new code list, so the jaarverslag
can count in-, door- and uitstroom with reasons (issue 16).

Revision ID: 0009
Revises: 0010
Create Date: 2026-12-06
"""

import warnings

import sqlalchemy as sa
from alembic import op

revision = "0009"
down_revision = "0010"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        "volunteer_exit_reason",
        sa.Column("code", sa.String(length=40), nullable=False),
        sa.Column("name", sa.String(length=120), nullable=False),
        sa.Column("sort_order", sa.Integer(), nullable=False),
        sa.Column("active", sa.Boolean(), nullable=False),
        sa.PrimaryKeyConstraint("code", name=op.f("pk_volunteer_exit_reason")),
    )
    # Plain ALTER TABLE (SQLite accepts a REFERENCES clause on an added NULL column): no batch
    # copy of a big table, and no reflection of the expression indexes of its neighbours.
    op.execute("ALTER TABLE volunteer_role ADD COLUMN exit_reason_code VARCHAR "
               "CONSTRAINT fk_volunteer_role_exit_reason_code_volunteer_exit_reason "
               "REFERENCES volunteer_exit_reason (code)")


def downgrade() -> None:
    # SQLite cannot drop a column that references another table: copy the table (batch).
    # Reflecting it warns about the expression indexes SQLAlchemy cannot read; volunteer_role
    # has none of its own, so nothing is lost.
    with warnings.catch_warnings():
        warnings.filterwarnings("ignore", "Skipped unsupported reflection", sa.exc.SAWarning)
        with op.batch_alter_table("volunteer_role") as batch_op:
            batch_op.drop_column("exit_reason_code")
    op.drop_table("volunteer_exit_reason")
