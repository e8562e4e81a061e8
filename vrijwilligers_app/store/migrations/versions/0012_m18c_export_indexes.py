"""Export indexes: the gemeente export reads residents and gemeente consents from small
indexes instead of the wide tables (issue 18: the same cost per row at any register size).

- ix_resident_export (id, uuid, birth_year, age_band, district_code, postcode, archived_at):
  every resident column the export reads, so its joins from requests and referrals (by id,
  in no order of the resident table) and its two passes over the residents never read a
  resident row. 300,000 residents: ~16 MB of index against ~180 MB of table, so it stays in
  the export's page cache and an encrypted page is no longer decrypted again per join.
- ix_consent_gemeente (resident_id) WHERE purpose = 'gemeente' AND withdrawn_on IS NULL:
  the current gemeente consents only, so "does this resident count?" is one lookup in a
  small index instead of a read of the consent row for its withdrawn_on.

No data changes: the indexes are built from the rows. Downgrade drops them.

Revision ID: 0012_m18c
Revises: 0011
Create Date: 2026-12-06
"""

from alembic import op

revision = "0012_m18c"
down_revision = "0011"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.execute("CREATE INDEX ix_resident_export ON resident (id, uuid, birth_year, age_band, "
               "district_code, postcode, archived_at)")
    op.execute("CREATE INDEX ix_consent_gemeente ON consent (resident_id) "
               "WHERE purpose = 'gemeente' AND withdrawn_on IS NULL")


def downgrade() -> None:
    op.execute("DROP INDEX IF EXISTS ix_consent_gemeente")
    op.execute("DROP INDEX IF EXISTS ix_resident_export")
