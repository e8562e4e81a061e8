"""Volunteers and residents.

Residents (deelnemers) get the minimum: a name, a way to reach them, PC4 or postcode, wijk,
birth year (never a birth date); their consents live in the ledger (tables.consents).
No BSN, no ID numbers, ever.
Lists such as skills and languages are stored as ';'-separated normalised tags; availability is
a bit mask of day parts (see domain.availability).
"""

from datetime import date

from sqlalchemy import CheckConstraint, Index
from sqlmodel import Field

from vrijwilligers_app.store.tables.base import Record


class Volunteer(Record, table=True):
    __tablename__ = "volunteer"
    __table_args__ = (
        CheckConstraint("end_date IS NULL OR start_date IS NULL OR end_date >= start_date",
                        name="period"),
        CheckConstraint("availability >= 0 AND availability < 2097152", name="availability"),
    )
    first_name: str = Field(max_length=60)
    name_prefix: str = Field(default="", max_length=20)  # tussenvoegsel: van, de, van der
    last_name: str = Field(max_length=80, index=True)
    gender: str = Field(default="", max_length=1)  # v, m, x or empty
    birth_year: int | None = Field(default=None, ge=1900, le=2100)
    phone: str = Field(default="", max_length=20)  # E.164
    email: str = Field(default="", max_length=120)
    street: str = Field(default="", max_length=120)
    postcode: str = Field(default="", max_length=7)
    city: str = Field(default="Helmond", max_length=60)
    district_code: str | None = Field(default=None, foreign_key="district.code", index=True)
    skills: str = ""
    interests: str = ""
    languages: str = "nl"
    availability: int = 0
    vog_date: date | None = None  # original VOG seen on this date
    vog_checked_by: str = Field(default="", max_length=80)
    start_date: date | None = None
    end_date: date | None = None
    listed_consent: bool = False  # agreed to be named in exports to the gemeente
    notes: str = ""
    archived_at: date | None = None


class VolunteerRole(Record, table=True):
    __tablename__ = "volunteer_role"
    __table_args__ = (
        CheckConstraint("end_date IS NULL OR start_date IS NULL OR end_date >= start_date",
                        name="period"),
    )
    volunteer_id: int = Field(foreign_key="volunteer.id", index=True, ondelete="CASCADE")
    initiative_id: int = Field(foreign_key="initiative.id", index=True, ondelete="CASCADE")
    role_code: str = Field(foreign_key="duty_role.code")
    start_date: date | None = None
    end_date: date | None = None
    # Uitstroomreden, set when the role ends (migration 0009).
    exit_reason_code: str | None = Field(default=None, foreign_key="volunteer_exit_reason.code")


class Resident(Record, table=True):
    __tablename__ = "resident"
    __table_args__ = (
        CheckConstraint("consent_recording = 0 OR consent_recording_on IS NOT NULL",
                        name="recording_dated"),
        CheckConstraint("consent_sharing = 0 OR consent_sharing_on IS NOT NULL",
                        name="sharing_dated"),
        # Every column the gemeente export reads (store/queries/exchange_export.py), so its
        # joins by id and its passes over the residents never read the wide rows (0012_m18c).
        Index("ix_resident_export", "id", "uuid", "birth_year", "age_band", "district_code",
              "postcode", "archived_at"),
    )
    first_name: str = Field(max_length=60)
    name_prefix: str = Field(default="", max_length=20)
    last_name: str = Field(max_length=80, index=True)
    gender: str = Field(default="", max_length=1)
    birth_year: int | None = Field(default=None, ge=1900, le=2100, index=True)
    phone: str = Field(default="", max_length=20)
    email: str = Field(default="", max_length=120)
    postcode: str = Field(default="", max_length=7, index=True)  # "1234 AB" or PC4 "1234"
    district_code: str | None = Field(default=None, foreign_key="district.code", index=True)
    neighbourhood_code: str | None = Field(default=None, foreign_key="neighbourhood.code")
    languages: str = "nl"
    # A cache of the consent ledger (store.tables.consents; kept by services.consents) so
    # lists of 100,000 residents filter without a subquery: a current 'vastleggen' consent
    # and its date; any current 'delen' consent and the earliest date of those.
    consent_recording: bool = False
    consent_recording_on: date | None = None
    consent_sharing: bool = False
    consent_sharing_on: date | None = None
    archived_at: date | None = None
    # Set by anonymisation (retention or vergeten): names, contacts and free text are gone,
    # the birth year is replaced by the age band it gave on that day (see domain.anonymisation).
    anonymised_on: date | None = None
    age_band: str = Field(default="", max_length=10)
