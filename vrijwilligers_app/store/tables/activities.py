"""Activities with a duty roster and attendance counts per visitor type."""

from datetime import date

from pydantic import NaiveDatetime
from sqlalchemy import CheckConstraint
from sqlmodel import Field, SQLModel

from vrijwilligers_app.store.tables.base import Record


class ActivitySeries(Record, table=True):
    """A recurring activity; `rule` is an iCalendar RRULE (e.g. FREQ=MONTHLY;BYDAY=3TU)."""

    __tablename__ = "activity_series"
    initiative_id: int = Field(foreign_key="initiative.id", index=True)
    title: str = Field(max_length=150)
    rule: str = Field(max_length=200)
    first_on: date
    until_on: date | None = None


class Activity(Record, table=True):
    __tablename__ = "activity"
    __table_args__ = (CheckConstraint("ends_at > starts_at", name="ends_after_start"),)
    initiative_id: int = Field(foreign_key="initiative.id", index=True)
    series_id: int | None = Field(default=None, foreign_key="activity_series.id", index=True)
    title: str = Field(max_length=150)
    starts_at: NaiveDatetime = Field(index=True)  # local wall-clock time (Europe/Amsterdam)
    ends_at: NaiveDatetime
    location: str = Field(default="", max_length=150)
    district_code: str | None = Field(default=None, foreign_key="district.code")
    theme: str = Field(default="", max_length=200)
    speaker: str = Field(default="", max_length=120)
    notes: str = ""
    cancelled: bool = False
    named_attendance: bool = False


class Attendance(SQLModel, table=True):
    """Visitors counted per type: the Alzheimer café counts, it does not name."""

    __tablename__ = "attendance"
    __table_args__ = (CheckConstraint("visitors >= 0", name="visitors"),)
    activity_id: int = Field(foreign_key="activity.id", primary_key=True, ondelete="CASCADE")
    visitor_type_code: str = Field(foreign_key="visitor_type.code", primary_key=True)
    visitors: int = 0


class Participation(SQLModel, table=True):
    """Named participants, only for activities that need them (and with consent)."""

    __tablename__ = "participation"
    activity_id: int = Field(foreign_key="activity.id", primary_key=True, ondelete="CASCADE")
    resident_id: int = Field(foreign_key="resident.id", primary_key=True, index=True)


class Shift(Record, table=True):
    """A place on the duty roster; volunteer_id empty = a free place still to fill."""

    __tablename__ = "shift"
    __table_args__ = (
        CheckConstraint("ends_at > starts_at", name="ends_after_start"),
        CheckConstraint("hours IS NULL OR hours >= 0", name="hours"),
        CheckConstraint("status IN ('gepland', 'aanwezig', 'afwezig')", name="status"),
    )
    activity_id: int = Field(foreign_key="activity.id", index=True, ondelete="CASCADE")
    role_code: str = Field(foreign_key="duty_role.code")
    volunteer_id: int | None = Field(default=None, foreign_key="volunteer.id", index=True)
    starts_at: NaiveDatetime
    ends_at: NaiveDatetime
    status: str = Field(default="gepland", max_length=10)
    hours: float | None = None  # overrides the hours derived from the shift times
