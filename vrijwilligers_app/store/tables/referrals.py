"""Doorverwijzingen: a referral and its dated status history.

The current status, the follow-up date and the milestone dates are a cache of the events
(kept by the service layer, see services.referrals.refresh_cache); the events are the truth.
Events returned by the gemeente are appended with source='gemeente'.
"""

from datetime import date, datetime

from sqlalchemy import CheckConstraint, Index
from sqlmodel import Field, SQLModel

from vrijwilligers_app.store.tables.base import Record


class Referral(Record, table=True):
    __tablename__ = "referral"
    __table_args__ = (
        # Personal data may only be linked when the resident consented to passing it on.
        CheckConstraint("resident_id IS NULL OR consent_pass_on = 1", name="consent"),
        CheckConstraint("consent_pass_on = 0 OR consent_pass_on_date IS NOT NULL",
                        name="consent_dated"),
        CheckConstraint("urgency IN ('normaal', 'hoog', 'spoed')", name="urgency"),
        # Covering index: the figures read a period's referrals without the wide rows.
        Index("ix_referral_figures", "signalled_on", "registered_on", "first_contact_on",
              "done_on", "closed_on", "destination_id", "urgency", "district_code",
              "life_domain_key"),
    )
    resident_id: int | None = Field(default=None, foreign_key="resident.id", index=True)
    # Anonymous referrals carry only wijk and age band.
    district_code: str | None = Field(default=None, foreign_key="district.code", index=True)
    age_band: str = Field(default="", max_length=10)
    volunteer_id: int | None = Field(default=None, foreign_key="volunteer.id", index=True)
    initiative_id: int | None = Field(default=None, foreign_key="initiative.id", index=True)
    destination_id: int = Field(foreign_key="destination.id", index=True)
    urgency: str = Field(default="normaal", max_length=10)
    consent_pass_on: bool = False
    consent_pass_on_date: date | None = None
    question: str = Field(default="", max_length=1000)
    signalled_on: date = Field(index=True)
    status: str = Field(default="gesignaleerd", max_length=30, index=True)
    follow_up_on: date | None = Field(default=None, index=True)
    # Milestones cached from the events (domain.referral_rules.milestones) for the figures.
    registered_on: date | None = None
    first_contact_on: date | None = None
    done_on: date | None = None
    closed_on: date | None = None
    # The leefdomein codes, sorted and joined by ',' (the link table is the truth; this
    # copy lets the figures group by leefdomein without joining every link row).
    life_domain_key: str = Field(default="", max_length=200)


class ReferralLifeDomain(SQLModel, table=True):
    __tablename__ = "referral_life_domain"
    referral_id: int = Field(foreign_key="referral.id", primary_key=True, ondelete="CASCADE")
    life_domain_code: str = Field(foreign_key="life_domain.code", primary_key=True)


class ReferralEvent(Record, table=True):
    __tablename__ = "referral_event"
    referral_id: int = Field(foreign_key="referral.id", index=True, ondelete="CASCADE")
    kind: str = Field(max_length=30)
    occurred_at: datetime = Field(index=True)
    # For 'doorgestuurd': the new destination.
    destination_id: int | None = Field(default=None, foreign_key="destination.id")
    outcome: str = Field(default="", max_length=200)  # for 'nagebeld'
    note: str = Field(default="", max_length=500)
    source: str = Field(default="laptop", max_length=10)
