"""Initiatives of the sociale basis: what they are, where they work, how they are funded."""

from datetime import date

from sqlalchemy import CheckConstraint
from sqlmodel import Field, SQLModel

from vrijwilligers_app.store.tables.base import Record


class Initiative(Record, table=True):
    __tablename__ = "initiative"
    __table_args__ = (
        CheckConstraint("end_date IS NULL OR start_date IS NULL OR end_date >= start_date",
                        name="period"),
        CheckConstraint("subsidy_amount_cents IS NULL OR subsidy_amount_cents >= 0",
                        name="subsidy_amount"),
    )
    name: str = Field(max_length=150, index=True)
    type_code: str = Field(foreign_key="initiative_type.code", index=True)
    description: str = ""
    contact_name: str = Field(default="", max_length=120)
    phone: str = Field(default="", max_length=20)  # E.164
    email: str = Field(default="", max_length=120)
    website: str = Field(default="", max_length=200)
    address: str = Field(default="", max_length=150)
    postcode: str = Field(default="", max_length=7)
    # Subsidy facts for the jaarverslag: the gemeente's reference, amount and year.
    subsidised: bool = False
    subsidy_reference: str = Field(default="", max_length=60)
    subsidy_amount_cents: int | None = None
    subsidy_year: int | None = None
    start_date: date | None = None
    end_date: date | None = None  # set = beëindigd
    # Maatjes rules, per project (used when type is a maatjesproject).
    buddy_contact_weeks: int | None = Field(default=None, ge=1)
    buddy_waiting_weeks: int | None = Field(default=None, ge=1)
    vog_max_age_years: int | None = Field(default=None, ge=1)
    archived_at: date | None = None


class InitiativeDistrict(SQLModel, table=True):
    __tablename__ = "initiative_district"
    initiative_id: int = Field(foreign_key="initiative.id", primary_key=True, ondelete="CASCADE")
    district_code: str = Field(foreign_key="district.code", primary_key=True)


class InitiativeLifeDomain(SQLModel, table=True):
    __tablename__ = "initiative_life_domain"
    initiative_id: int = Field(foreign_key="initiative.id", primary_key=True, ondelete="CASCADE")
    life_domain_code: str = Field(foreign_key="life_domain.code", primary_key=True)
