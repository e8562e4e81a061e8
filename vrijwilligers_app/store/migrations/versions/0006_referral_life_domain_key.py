"""Referral life-domain key: the referral's leefdomein codes, sorted and joined by ',', kept
beside the link table so the figures per leefdomein need not join 115,000 link rows
(demo groot: ~770 ms -> ~340 ms). The covering index for the figures takes it in.

Revision ID: 0006
Revises: 0005
Create Date: 2026-11-23
"""

import sqlalchemy as sa
from alembic import op

revision = "0006"
down_revision = "0005"
branch_labels = None
depends_on = None

OLD_COLUMNS = ["signalled_on", "registered_on", "first_contact_on", "done_on", "closed_on",
               "destination_id", "urgency", "district_code"]
BACKFILL = """
UPDATE referral SET life_domain_key = coalesce(
    (SELECT group_concat(code, ',') FROM (
        SELECT life_domain_code AS code FROM referral_life_domain x
        WHERE x.referral_id = referral.id ORDER BY code)), '')
"""


def upgrade() -> None:
    op.add_column("referral", sa.Column("life_domain_key", sa.String(length=200),
                                        nullable=False, server_default=""))
    op.execute(BACKFILL)
    op.drop_index("ix_referral_figures", "referral")
    op.create_index("ix_referral_figures", "referral", [*OLD_COLUMNS, "life_domain_key"])


def downgrade() -> None:
    op.drop_index("ix_referral_figures", "referral")
    op.create_index("ix_referral_figures", "referral", OLD_COLUMNS)
    op.drop_column("referral", "life_domain_key")
