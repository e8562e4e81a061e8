"""Exchange with the gemeente: the return packages a laptop read, and legacy gemeente tables.

On a laptop `exchange_package` holds the return packages already read. The `Legacy*` tables
held the gemeente's data before it got its own store (store/gemeente, issue 17); its first
migration copies them there. Nothing reads or writes them any more; they stay described here
so that the laptop chain and its models agree until a later revision drops them.
"""

from datetime import datetime

from sqlalchemy import Index
from sqlmodel import Field, SQLModel

from vrijwilligers_app.store.tables.base import utcnow


class ExchangePackage(SQLModel, table=True):
    """Every package read, keyed by the hash of its signed manifest (never by file name:
    sync tools rename copies), so reading it again changes nothing."""

    __tablename__ = "exchange_package"
    package_hash: str = Field(primary_key=True, max_length=64)
    kind: str = Field(max_length=10)  # 'export' (read by the gemeente) or 'return' (laptop)
    source_id: str = Field(max_length=36, index=True)
    sequence: int
    file_name: str = Field(default="", max_length=260)
    read_at: datetime = Field(default_factory=utcnow)


class LegacyExchangeSource(SQLModel, table=True):
    """Gemeente side: a laptop, its key pinned on first contact."""

    __tablename__ = "exchange_source"
    source_id: str = Field(primary_key=True, max_length=36)
    name: str = Field(default="", max_length=150)
    public_key: str = Field(max_length=64)  # Ed25519 verify key, hex
    pinned_at: datetime = Field(default_factory=utcnow)
    last_sequence: int = 0
    snapshot_at: datetime | None = None  # created_at of the snapshot held now


class LegacyExchangeRecord(SQLModel, table=True):
    """Gemeente side: one row of a source's current snapshot (a CSV row as JSON)."""

    __tablename__ = "exchange_record"
    __table_args__ = (Index("ix_exchange_record_source_table", "source_id", "table_name"),)
    # Not called `id`: the demo generator numbers every table with an `id` column, also on
    # registers of older revisions (tests/store/test_search.py) that lack this table.
    row_id: int | None = Field(default=None, primary_key=True)
    source_id: str = Field(foreign_key="exchange_source.source_id", max_length=36,
                           ondelete="CASCADE")
    table_name: str = Field(max_length=40)
    data: str


class LegacyExchangeStatusEvent(SQLModel, table=True):
    """Gemeente side: a status event for a source's referral, sent back in return packages."""

    __tablename__ = "exchange_status_event"
    uuid: str = Field(primary_key=True, max_length=36)
    source_id: str = Field(foreign_key="exchange_source.source_id", max_length=36, index=True,
                           ondelete="CASCADE")
    referral_key: str = Field(max_length=64)
    kind: str = Field(max_length=30)
    occurred_at: datetime
    destination_code: str = Field(default="", max_length=40)
    created_at: datetime = Field(default_factory=utcnow)


class LegacyExchangeQuarantine(SQLModel, table=True):
    """Gemeente side: a package signed by a key nobody accepted yet (issue 17). It waits,
    listed with its key's fingerprint and the name the laptop gave itself, until a gemeente
    user accepts the key (then it is read from `file_path`) or refuses it (`refused`: later
    packages with that key are refused straight away)."""

    __tablename__ = "exchange_quarantine"
    __table_args__ = (Index("ix_exchange_quarantine_key", "public_key"),)
    package_hash: str = Field(primary_key=True, max_length=64)
    source_id: str = Field(max_length=36)
    public_key: str = Field(max_length=64)
    source_name: str = Field(default="", max_length=150)
    sequence: int
    file_path: str = Field(default="", max_length=1000)
    first_seen: datetime = Field(default_factory=utcnow)
    refused: bool = False


class LegacyExchangeInitiativeAlias(SQLModel, table=True):
    """Gemeente side: an initiative entered on several laptops under different ids, merged
    by a gemeente user (issue 17): city-wide it counts once, as `canonical_id`."""

    __tablename__ = "exchange_initiative_alias"
    initiative_id: str = Field(primary_key=True, max_length=36)
    canonical_id: str = Field(max_length=36, index=True)
    merged_at: datetime = Field(default_factory=utcnow)
