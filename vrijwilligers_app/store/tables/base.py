"""Shared columns: every record has a surrogate id, a stable UUID and timestamps.

The integer id keeps joins and paged queries fast; the UUID is what crosses the laptop's
border (exchange packages), so it never changes once given.
"""

import uuid as uuid_module
from datetime import UTC, datetime

from sqlmodel import Field, SQLModel

# Stable constraint names make later Alembic batch migrations on SQLite predictable.
SQLModel.metadata.naming_convention = {
    "ix": "ix_%(table_name)s_%(column_0_N_name)s",
    "uq": "uq_%(table_name)s_%(column_0_N_name)s",
    "ck": "ck_%(table_name)s_%(constraint_name)s",
    "fk": "fk_%(table_name)s_%(column_0_name)s_%(referred_table_name)s",
    "pk": "pk_%(table_name)s",
}


def utcnow() -> datetime:
    """Aware UTC; SQLModel's UTCDateTime stores it as UTC and returns it aware."""
    return datetime.now(UTC)


def new_uuid() -> str:
    return str(uuid_module.uuid4())


class Record(SQLModel):
    id: int | None = Field(default=None, primary_key=True)
    uuid: str = Field(default_factory=new_uuid, max_length=36, unique=True)
    created_at: datetime = Field(default_factory=utcnow)
    updated_at: datetime = Field(default_factory=utcnow, sa_column_kwargs={"onupdate": utcnow})
