"""Referral milestones: the days the waiting-time figures measure, cached on the referral.

Before, the figures aggregated every event of every referral in the period (667,000 events
for demo groot: ~1 s). The service now keeps these four dates in step with the events
(`domain.referral_rules.milestones`); this migration fills them for existing referrals with
SQL that follows the same rules (frozen here; tests/store/test_migrations.py compares the
two on demo data):

- registered_on: the first 'aangemeld';
- first_contact_on: the first contact / in_behandeling / geholpen;
- done_on: the first geholpen/afgesloten at or after the last 'aangemeld';
- closed_on: the day of the last aangemeld/doorgestuurd/afgesloten/afgewezen when it is
  afgesloten or afgewezen (same moment: the later entered, i.e. the higher id).

Dates are UTC calendar days of the stored moments, as everywhere for referral events.

Revision ID: 0004
Revises: 0003
Create Date: 2026-11-23
"""

import sqlalchemy as sa
from alembic import op

revision = "0004"
down_revision = "0003"
branch_labels = None
depends_on = None

COLUMNS = ("registered_on", "first_contact_on", "done_on", "closed_on")
# Covering index for the figures: a period's referrals are read from the index alone
# instead of from the table's wide rows (question texts): ~2x faster on demo groot.
FIGURES_INDEX = "ix_referral_figures"
FIGURES_COLUMNS = ["signalled_on", *COLUMNS, "destination_id", "urgency", "district_code"]
BACKFILL = """
UPDATE referral SET
    registered_on = (SELECT substr(min(e.occurred_at), 1, 10) FROM referral_event e
                     WHERE e.referral_id = referral.id AND e.kind = 'aangemeld'),
    first_contact_on = (SELECT substr(min(e.occurred_at), 1, 10) FROM referral_event e
                        WHERE e.referral_id = referral.id
                          AND e.kind IN ('contact', 'in_behandeling', 'geholpen')),
    done_on = (SELECT substr(min(e.occurred_at), 1, 10) FROM referral_event e
               WHERE e.referral_id = referral.id AND e.kind IN ('geholpen', 'afgesloten')
                 AND e.occurred_at >= coalesce(
                     (SELECT max(a.occurred_at) FROM referral_event a
                      WHERE a.referral_id = referral.id AND a.kind = 'aangemeld'), '')),
    closed_on = (SELECT CASE WHEN e.kind IN ('afgesloten', 'afgewezen')
                        THEN substr(e.occurred_at, 1, 10) END
                 FROM referral_event e
                 WHERE e.referral_id = referral.id
                   AND e.kind IN ('aangemeld', 'doorgestuurd', 'afgesloten', 'afgewezen')
                 ORDER BY e.occurred_at DESC, e.id DESC LIMIT 1)
"""


def upgrade() -> None:
    # Plain ADD COLUMN (no batch copy of the table): SQLite adds nullable columns in place.
    for name in COLUMNS:
        op.add_column("referral", sa.Column(name, sa.Date(), nullable=True))
    op.execute(BACKFILL)
    op.create_index(FIGURES_INDEX, "referral", FIGURES_COLUMNS)


def downgrade() -> None:
    op.drop_index(FIGURES_INDEX, "referral")
    for name in COLUMNS:
        op.drop_column("referral", name)
