"""The consent ledger: what a resident agreed to, when, how, noted by whom, and withdrawn when.

One row per consent given; withdrawing sets `withdrawn_on` and never deletes the row, so the
ledger shows what was allowed on any day. Purposes (domain.consent):
- 'vastleggen': recording the resident's personal data in this register at all;
- 'delen': passing data on to ONE organisation of the sociale kaart (`destination_id`);
- 'gemeente': sending the resident as a pseudonymous row in the figures for the gemeente.
A 'delen' row migrated from the old free-text "Doorgeven aan" that named no organisation of
the sociale kaart keeps that text in `legacy_scope` (its date is kept; it allows nothing).
The resident's `consent_*` columns are a cache of this ledger (services.consents).
"""

from datetime import date

from sqlalchemy import CheckConstraint, Index, text
from sqlmodel import Field

from vrijwilligers_app.store.tables.base import Record


class Consent(Record, table=True):
    __tablename__ = "consent"
    __table_args__ = (
        CheckConstraint("purpose IN ('vastleggen', 'delen', 'gemeente')", name="purpose"),
        CheckConstraint("how IN ('mondeling', 'schriftelijk', 'onbekend')", name="how"),
        # Only sharing names an organisation; sharing always names one (or its old text).
        CheckConstraint("purpose = 'delen' OR (destination_id IS NULL AND legacy_scope = '')",
                        name="destination_only_for_sharing"),
        CheckConstraint("purpose <> 'delen' OR destination_id IS NOT NULL OR legacy_scope <> ''",
                        name="sharing_names_organisation"),
        CheckConstraint("withdrawn_on IS NULL OR withdrawn_on >= given_on", name="withdrawn"),
        # The lookup of every rule and of the referral trigger; without it SQLite may take
        # the destination index and scan every consent for that organisation per referral.
        Index("ix_consent_lookup", "resident_id", "purpose", "destination_id"),
        # The current gemeente consents only: the export's "does this resident count?" as
        # one lookup in a small index, not a read of the consent row (0012_m18c).
        Index("ix_consent_gemeente", "resident_id",
              sqlite_where=text("purpose = 'gemeente' AND withdrawn_on IS NULL")),
    )
    resident_id: int = Field(foreign_key="resident.id", ondelete="CASCADE")
    purpose: str = Field(max_length=12)
    # No index of its own: organisations are deactivated, never deleted while referred to,
    # and every lookup goes through ix_consent_lookup (one B-tree less per demo row).
    destination_id: int | None = Field(default=None, foreign_key="destination.id")
    legacy_scope: str = Field(default="", max_length=200)
    given_on: date
    how: str = Field(max_length=12)
    recorded_by: str = Field(default="", max_length=80)
    withdrawn_on: date | None = None
