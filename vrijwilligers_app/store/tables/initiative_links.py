"""Laptop side of 'one initiative once' (issue 17): the gemeente's list of initiatives (each
once, under the gemeente's canonical id) as the last return package brought it, and the link
a user confirmed between an initiative of this laptop and one on that list."""

from datetime import datetime

from sqlmodel import Field, SQLModel

from vrijwilligers_app.store.tables.base import utcnow


class CanonicalInitiative(SQLModel, table=True):
    """One entry of the gemeente's list; replaced as a whole by every return package that
    carries the list. Public data (initiatives are public), no people."""

    __tablename__ = "canonical_initiative"
    canonical_id: str = Field(primary_key=True, max_length=36)
    name: str = Field(max_length=150)
    type_code: str = Field(default="", max_length=40)
    address: str = Field(default="", max_length=150)
    postcode: str = Field(default="", max_length=7)
    districts: str = Field(default="", max_length=400)  # CBS codes separated by ;
    received_at: datetime = Field(default_factory=utcnow)


class InitiativeCanonicalLink(SQLModel, table=True):
    """This laptop's initiative is `canonical_id` on the gemeente's list (confirmed by a user;
    kept when a later list no longer names it: the gemeente still knows the id)."""

    __tablename__ = "initiative_canonical_link"
    initiative_id: int = Field(foreign_key="initiative.id", primary_key=True, ondelete="CASCADE")
    canonical_id: str = Field(max_length=36, index=True)
    linked_at: datetime = Field(default_factory=utcnow)
