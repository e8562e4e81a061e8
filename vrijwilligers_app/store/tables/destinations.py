"""The sociale kaart: organisations residents are referred to.

Editable on the laptop and later refreshed by the gemeente's return packages, so it carries
a UUID like any other record.
"""

from sqlmodel import Field, SQLModel

from vrijwilligers_app.store.tables.base import Record


class Destination(Record, table=True):
    __tablename__ = "destination"
    code: str = Field(max_length=40, unique=True)
    organisation: str = Field(max_length=120)
    service: str = Field(default="", max_length=120)
    phone: str = Field(default="", max_length=20)
    email: str = Field(default="", max_length=120)
    website: str = Field(default="", max_length=200)
    agreed_response_days: int | None = Field(default=None, ge=0)
    active: bool = True


class DestinationLifeDomain(SQLModel, table=True):
    __tablename__ = "destination_life_domain"
    destination_id: int = Field(foreign_key="destination.id", primary_key=True, ondelete="CASCADE")
    life_domain_code: str = Field(foreign_key="life_domain.code", primary_key=True)
