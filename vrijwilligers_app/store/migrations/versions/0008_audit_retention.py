"""Audit log (append-only) and anonymised residents (retention, vergeten).

- `audit_entry`: one row per opened record, printed/saved report with names, export, inzage,
  vergeten, retention run, consent change, unlock. Two triggers refuse UPDATE and DELETE, so
  the log can only grow (the app never needs to change an entry: entries hold ids, not names).
- `resident.anonymised_on` and `resident.age_band`: an anonymised resident keeps its row (so
  every count and figure stays the same) with the birth year replaced by its age band.

Revision ID: 0008
Revises: 0007
Create Date: 2026-12-06
"""

import sqlalchemy as sa
from alembic import op

revision = "0008"
down_revision = "0007"
branch_labels = None
depends_on = None

APPEND_ONLY = ("update", "delete")


def upgrade() -> None:
    op.add_column("resident", sa.Column("anonymised_on", sa.Date(), nullable=True))
    op.add_column("resident", sa.Column("age_band", sa.String(length=10), nullable=False,
                                        server_default=""))
    op.create_table(
        "audit_entry",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("actor", sa.String(length=80), nullable=False),
        sa.Column("kind", sa.String(length=30), nullable=False),
        sa.Column("subject_kind", sa.String(length=20), nullable=False),
        sa.Column("subject_id", sa.Integer(), nullable=True),
        sa.Column("subject_uuid", sa.String(length=36), nullable=False),
        sa.Column("detail", sa.String(length=300), nullable=False),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_audit_entry")),
    )
    op.create_index(op.f("ix_audit_entry_at"), "audit_entry", ["at"])
    op.create_index(op.f("ix_audit_entry_kind"), "audit_entry", ["kind"])
    op.create_index(op.f("ix_audit_entry_subject_id"), "audit_entry", ["subject_id"])
    for event in APPEND_ONLY:
        op.execute(f"CREATE TRIGGER audit_entry_no_{event} BEFORE {event.upper()} ON "
                   "audit_entry BEGIN SELECT RAISE(ABORT, 'audit log is append-only'); END")


def downgrade() -> None:
    for event in APPEND_ONLY:
        op.execute(f"DROP TRIGGER IF EXISTS audit_entry_no_{event}")
    op.drop_table("audit_entry")
    op.drop_column("resident", "age_band")
    op.drop_column("resident", "anonymised_on")
