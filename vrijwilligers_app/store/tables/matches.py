"""Maatjes: a resident's request, the match with a volunteer, its contacts and evaluations.

A request walks aanmelding → intake → wachtend → voorgesteld → gekoppeld → afgesloten; the
dates of each step are kept so waiting times can be computed. Ending a match keeps its history.
"""

from datetime import date

from sqlalchemy import CheckConstraint
from sqlmodel import Field

from vrijwilligers_app.store.tables.base import Record


class BuddyRequest(Record, table=True):
    __tablename__ = "buddy_request"
    __table_args__ = (
        CheckConstraint("closed_on IS NULL OR closed_on >= requested_on", name="closed_after"),
        CheckConstraint("intake_on IS NULL OR intake_on >= requested_on", name="intake_after"),
    )
    resident_id: int = Field(foreign_key="resident.id", index=True)
    initiative_id: int = Field(foreign_key="initiative.id", index=True)
    status: str = Field(default="aanmelding", max_length=20, index=True)
    requested_on: date
    intake_on: date | None = None
    waiting_since: date | None = None
    wish: str = ""  # what the resident hopes for, in their words
    interests: str = ""
    languages: str = "nl"
    preferred_gender: str = Field(default="", max_length=1)
    preferred_availability: int = 0
    closed_on: date | None = None
    close_reason_code: str | None = Field(default=None, foreign_key="match_end_reason.code")


class BuddyMatch(Record, table=True):
    __tablename__ = "buddy_match"
    __table_args__ = (
        CheckConstraint("ended_on IS NULL OR started_on IS NULL OR ended_on >= started_on",
                        name="period"),
        CheckConstraint("started_on IS NULL OR started_on >= proposed_on", name="started_after"),
    )
    request_id: int = Field(foreign_key="buddy_request.id", index=True)
    volunteer_id: int = Field(foreign_key="volunteer.id", index=True)
    proposed_on: date
    started_on: date | None = None  # koppelingsgesprek held: gekoppeld
    ended_on: date | None = None
    end_reason_code: str | None = Field(default=None, foreign_key="match_end_reason.code")
    score: float | None = None  # the suggestion score at the time of proposing
    notes: str = ""


class ContactMoment(Record, table=True):
    __tablename__ = "contact_moment"
    __table_args__ = (CheckConstraint("duration_minutes >= 0", name="duration"),)
    match_id: int = Field(foreign_key="buddy_match.id", index=True, ondelete="CASCADE")
    occurred_on: date
    kind_code: str = Field(foreign_key="contact_kind.code")
    duration_minutes: int = 0
    note: str = Field(default="", max_length=500)


class Evaluation(Record, table=True):
    __tablename__ = "evaluation"
    match_id: int = Field(foreign_key="buddy_match.id", index=True, ondelete="CASCADE")
    planned_on: date
    held_on: date | None = None
    outcome: str = ""
    continue_match: bool | None = None
