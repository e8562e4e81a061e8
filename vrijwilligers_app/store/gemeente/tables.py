"""The gemeente's tables, on their own metadata (not the laptop register's).

Sources (laptops) and their key, the packages read, the status events the gemeente adds,
packages waiting in quarantine, merged initiatives, and one typed table per exported table
holding each source's current snapshot, keyed by (source_id, the export's own key). Only
types both SQLite and PostgreSQL know; no dialect-specific SQL anywhere on these tables.
"""

from datetime import datetime
from typing import Any

from sqlalchemy import (
    BigInteger,
    Boolean,
    Column,
    Date,
    DateTime,
    Float,
    ForeignKey,
    Index,
    Integer,
    String,
    Table,
    Text,
)
from sqlalchemy.orm import registry
from sqlalchemy.types import TypeEngine
from sqlmodel import Field, SQLModel

from vrijwilligers_app.store.tables.base import utcnow

gemeente_registry = registry()
gemeente_metadata = gemeente_registry.metadata
gemeente_metadata.naming_convention = {
    "ix": "ix_%(table_name)s_%(column_0_N_name)s",
    "uq": "uq_%(table_name)s_%(column_0_N_name)s",
    # PostgreSQL cuts names at 63 characters: no referred table name in the FK name.
    "fk": "fk_%(table_name)s_%(column_0_name)s",
    "pk": "pk_%(table_name)s",
}
PREFIX = "gemeente_"


class GemeenteModel(SQLModel, registry=gemeente_registry):
    """Base of the gemeente's ORM tables (its own metadata)."""


class ExchangeSource(GemeenteModel, table=True):
    """A laptop, its key accepted by a gemeente user."""

    __tablename__ = "gemeente_source"
    source_id: str = Field(primary_key=True, max_length=36)
    name: str = Field(default="", max_length=150)
    public_key: str = Field(max_length=64)  # Ed25519 verify key, hex
    pinned_at: datetime = Field(default_factory=utcnow)
    last_sequence: int = 0
    snapshot_at: datetime | None = None  # created_at of the snapshot held now
    schema_version: int | None = None  # of the snapshot held now (None: read before g0001)


class ExchangeImport(GemeenteModel, table=True):
    """Every export package read, keyed by the hash of its signed manifest: two gemeente
    users importing the same folder at once read each package exactly once (the second
    insert of the same hash fails, its transaction rolls back)."""

    __tablename__ = "gemeente_package"
    package_hash: str = Field(primary_key=True, max_length=64)
    source_id: str = Field(max_length=36, index=True)
    sequence: int
    file_name: str = Field(default="", max_length=260)
    read_at: datetime = Field(default_factory=utcnow)


class ExchangeStatusEvent(GemeenteModel, table=True):
    """A status event for a source's referral, sent back in return packages."""

    __tablename__ = "gemeente_status_event"
    uuid: str = Field(primary_key=True, max_length=36)
    source_id: str = Field(foreign_key="gemeente_source.source_id", max_length=36, index=True,
                           ondelete="CASCADE")
    referral_key: str = Field(max_length=64)
    kind: str = Field(max_length=30)
    occurred_at: datetime
    destination_code: str = Field(default="", max_length=40)
    created_at: datetime = Field(default_factory=utcnow)


class ExchangeQuarantine(GemeenteModel, table=True):
    """A package signed by a key nobody accepted yet; it waits until a gemeente user accepts
    the key (then it is read from `file_path`) or refuses it (`refused`)."""

    __tablename__ = "gemeente_quarantine"
    __table_args__ = (Index("ix_gemeente_quarantine_key", "public_key"),)
    package_hash: str = Field(primary_key=True, max_length=64)
    source_id: str = Field(max_length=36)
    public_key: str = Field(max_length=64)
    source_name: str = Field(default="", max_length=150)
    sequence: int
    file_path: str = Field(default="", max_length=1000)
    first_seen: datetime = Field(default_factory=utcnow)
    refused: bool = False


class ExchangeInitiativeAlias(GemeenteModel, table=True):
    """An initiative entered on several laptops under different ids, merged by a gemeente
    user: city-wide it counts once, as `canonical_id`."""

    __tablename__ = "gemeente_initiative_alias"
    initiative_id: str = Field(primary_key=True, max_length=36)
    canonical_id: str = Field(max_length=36, index=True)
    merged_at: datetime = Field(default_factory=utcnow)


# The exported tables (services/exchange/schema.py, newest version; a test holds them equal;
# a column an older version lacks is empty):
# "name!" is required, ":type" a Table Schema type other than string.
SNAPSHOT_COLUMNS: dict[str, tuple[str, ...]] = {
    "initiatieven": (
        "id!", "naam!", "soort!", "beschrijving", "contactpersoon", "telefoon", "email",
        "website", "adres", "postcode", "wijken", "leefdomeinen", "gesubsidieerd!:boolean",
        "subsidiekenmerk", "subsidiebedrag_centen:integer", "subsidiejaar:integer",
        "startdatum:date", "einddatum:date", "gearchiveerd_op:date", "gemeente_id"),
    "sociale_kaart": (
        "code!", "organisatie!", "dienst", "telefoon", "email", "website",
        "reactietermijn_dagen:integer", "actief!:boolean", "leefdomeinen"),
    "vrijwilligers_per_initiatief": (
        "initiatief!", "actief!:integer", "met_vog!:integer", "vermeld!:integer"),
    "vrijwilligers_vermeld": (
        "id!", "voornaam!", "tussenvoegsel", "achternaam!", "initiatief!", "rol!"),
    "inwoners": ("pseudoniem!", "leeftijdsgroep!", "wijk", "pc4"),
    "inwoners_geteld": ("wijk!", "aantal!:integer"),
    "maatjes_aanvragen": (
        "id!", "inwoner", "initiatief!", "status!", "aangemeld_op!:date", "intake_op:date",
        "wachtend_sinds:date", "afgesloten_op:date", "afsluitreden"),
    "maatjeskoppelingen": (
        "id!", "aanvraag!", "voorgesteld_op!:date", "gestart_op:date", "beeindigd_op:date",
        "reden", "contactmomenten!:integer"),
    "doorverwijzingen": (
        "id!", "inwoner", "wijk", "leeftijdsgroep", "pc4", "initiatief", "organisatie!",
        "urgentie!", "gesignaleerd_op!:date", "status!", "leefdomeinen"),
    "statusmomenten": (
        "id!", "doorverwijzing!", "soort!", "moment!:datetime", "organisatie", "bron!"),
    "activiteiten": (
        "id!", "initiatief!", "datum!:date", "wijk", "afgelast!:boolean", "diensten!:integer",
        "diensten_bezet!:integer", "vrijwilligersuren!:number",
        "benoemde_deelnemers!:integer"),
    "bezoekers": ("activiteit!", "bezoekerstype!", "aantal!:integer"),
}
SNAPSHOT_KEYS: dict[str, tuple[str, ...]] = {
    "initiatieven": ("id",), "sociale_kaart": ("code",),
    "vrijwilligers_per_initiatief": ("initiatief",),
    "vrijwilligers_vermeld": ("id", "initiatief", "rol"), "inwoners": ("pseudoniem",),
    "inwoners_geteld": ("wijk",), "maatjes_aanvragen": ("id",), "maatjeskoppelingen": ("id",),
    "doorverwijzingen": ("id",), "statusmomenten": ("id",), "activiteiten": ("id",),
    "bezoekers": ("activiteit", "bezoekerstype"),
}
TYPES: dict[str, type[TypeEngine[Any]]] = {
    "string": Text, "integer": BigInteger, "number": Float, "boolean": Boolean, "date": Date,
    "datetime": DateTime}


def parse_spec(spec: str) -> tuple[str, str, bool]:
    """'moment!:datetime' -> ('moment', 'datetime', True)."""
    name, _, kind = spec.partition(":")
    return name.rstrip("!"), kind or "string", name.endswith("!")


def _snapshot_table(export_name: str) -> Table:
    columns = []
    for spec in SNAPSHOT_COLUMNS[export_name]:
        name, kind, required = parse_spec(spec)
        type_: TypeEngine[Any] = DateTime(timezone=True) if kind == "datetime" \
            else TYPES[kind]()
        columns.append(Column(name, type_, nullable=not required,
                              primary_key=name in SNAPSHOT_KEYS[export_name]))
    return Table(
        PREFIX + export_name, gemeente_metadata,
        Column("source_id", String(36),
               ForeignKey("gemeente_source.source_id", ondelete="CASCADE"),
               primary_key=True),
        *columns)


SNAPSHOT: dict[str, Table] = {name: _snapshot_table(name) for name in SNAPSHOT_COLUMNS}
# Each referral's dates (domain.referral_dates), derived from its events when the package is
# read, in the same transaction: the city figures read these, never the events.
REFERRAL_DATES = Table(
    "gemeente_referral_dates", gemeente_metadata,
    Column("source_id", String(36), ForeignKey("gemeente_source.source_id", ondelete="CASCADE"),
           primary_key=True),
    Column("referral", Text, primary_key=True),
    Column("organisatie", Text, nullable=False),
    Column("signalled", Date, nullable=False),
    # Day numbers (date.toordinal()): the figures subtract them, in any dialect.
    Column("registered_day", Integer), Column("contact_day", Integer),
    Column("done_day", Integer), Column("closed_day", Integer),
    Index("ix_gemeente_referral_dates_signalled", "signalled"),
)
