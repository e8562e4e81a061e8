"""The gemeente store on its own chain (issue 17): sources, packages read, status events,
quarantine, merged initiatives, and one typed table per exported table instead of JSON text.

A register that already holds a gemeente's data (tables exchange_* of the laptop chain, up to
0010) keeps it: every row is copied, the JSON snapshot rows into the typed tables.

Revision ID: g0001
Revises:
Create Date: 2026-12-06
"""

import json
from collections import defaultdict
from datetime import date, datetime
from typing import Any

import sqlalchemy as sa
from alembic import op

# A pure function of the domain (no tables): the same definition the merge uses.
from vrijwilligers_app.domain.referral_dates import referral_dates

revision = "g0001"
down_revision = None
branch_labels = None
depends_on = None

# Frozen copy of the exported tables of schema version 4 ("!" required, ":" type).
COLUMNS: dict[str, tuple[str, ...]] = {
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
KEYS: dict[str, tuple[str, ...]] = {
    "initiatieven": ("id",), "sociale_kaart": ("code",),
    "vrijwilligers_per_initiatief": ("initiatief",),
    "vrijwilligers_vermeld": ("id", "initiatief", "rol"), "inwoners": ("pseudoniem",),
    "inwoners_geteld": ("wijk",), "maatjes_aanvragen": ("id",), "maatjeskoppelingen": ("id",),
    "doorverwijzingen": ("id",), "statusmomenten": ("id",), "activiteiten": ("id",),
    "bezoekers": ("activiteit", "bezoekerstype"),
}


def _spec(spec: str) -> tuple[str, str, bool]:
    name, _, kind = spec.partition(":")
    return name.rstrip("!"), kind or "string", name.endswith("!")


def _type(kind: str) -> Any:
    return {"string": sa.Text(), "integer": sa.BigInteger(), "number": sa.Float(),
            "boolean": sa.Boolean(), "date": sa.Date(),
            "datetime": sa.DateTime(timezone=True)}[kind]


def _create_tables() -> None:
    op.create_table(
        "gemeente_source",
        sa.Column("source_id", sa.String(length=36), nullable=False),
        sa.Column("name", sa.String(length=150), nullable=False),
        sa.Column("public_key", sa.String(length=64), nullable=False),
        sa.Column("pinned_at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("last_sequence", sa.Integer(), nullable=False),
        sa.Column("snapshot_at", sa.DateTime(timezone=True), nullable=True),
        sa.Column("schema_version", sa.Integer(), nullable=True),
        sa.PrimaryKeyConstraint("source_id", name="pk_gemeente_source"))
    op.create_table(
        "gemeente_package",
        sa.Column("package_hash", sa.String(length=64), nullable=False),
        sa.Column("source_id", sa.String(length=36), nullable=False),
        sa.Column("sequence", sa.Integer(), nullable=False),
        sa.Column("file_name", sa.String(length=260), nullable=False),
        sa.Column("read_at", sa.DateTime(timezone=True), nullable=False),
        sa.PrimaryKeyConstraint("package_hash", name="pk_gemeente_package"))
    op.create_index("ix_gemeente_package_source_id", "gemeente_package", ["source_id"])
    op.create_table(
        "gemeente_status_event",
        sa.Column("uuid", sa.String(length=36), nullable=False),
        sa.Column("source_id", sa.String(length=36), nullable=False),
        sa.Column("referral_key", sa.String(length=64), nullable=False),
        sa.Column("kind", sa.String(length=30), nullable=False),
        sa.Column("occurred_at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("destination_code", sa.String(length=40), nullable=False),
        sa.Column("created_at", sa.DateTime(timezone=True), nullable=False),
        sa.ForeignKeyConstraint(["source_id"], ["gemeente_source.source_id"],
                                name="fk_gemeente_status_event_source_id",
                                ondelete="CASCADE"),
        sa.PrimaryKeyConstraint("uuid", name="pk_gemeente_status_event"))
    op.create_index("ix_gemeente_status_event_source_id", "gemeente_status_event",
                    ["source_id"])
    op.create_table(
        "gemeente_quarantine",
        sa.Column("package_hash", sa.String(length=64), nullable=False),
        sa.Column("source_id", sa.String(length=36), nullable=False),
        sa.Column("public_key", sa.String(length=64), nullable=False),
        sa.Column("source_name", sa.String(length=150), nullable=False),
        sa.Column("sequence", sa.Integer(), nullable=False),
        sa.Column("file_path", sa.String(length=1000), nullable=False),
        sa.Column("first_seen", sa.DateTime(timezone=True), nullable=False),
        sa.Column("refused", sa.Boolean(), nullable=False),
        sa.PrimaryKeyConstraint("package_hash", name="pk_gemeente_quarantine"))
    op.create_index("ix_gemeente_quarantine_key", "gemeente_quarantine", ["public_key"])
    op.create_table(
        "gemeente_initiative_alias",
        sa.Column("initiative_id", sa.String(length=36), nullable=False),
        sa.Column("canonical_id", sa.String(length=36), nullable=False),
        sa.Column("merged_at", sa.DateTime(timezone=True), nullable=False),
        sa.PrimaryKeyConstraint("initiative_id", name="pk_gemeente_initiative_alias"))
    op.create_index("ix_gemeente_initiative_alias_canonical_id", "gemeente_initiative_alias",
                    ["canonical_id"])
    for name, specs in COLUMNS.items():
        columns = [sa.Column(n, _type(k), nullable=not r) for n, k, r in map(_spec, specs)]
        op.create_table(
            "gemeente_" + name,
            sa.Column("source_id", sa.String(length=36), nullable=False), *columns,
            sa.ForeignKeyConstraint(["source_id"], ["gemeente_source.source_id"],
                                    name=f"fk_gemeente_{name}_source_id",
                                    ondelete="CASCADE"),
            sa.PrimaryKeyConstraint("source_id", *KEYS[name], name=f"pk_gemeente_{name}"))
    op.create_table(
        "gemeente_referral_dates",
        sa.Column("source_id", sa.String(length=36), nullable=False),
        sa.Column("referral", sa.Text(), nullable=False),
        sa.Column("organisatie", sa.Text(), nullable=False),
        sa.Column("signalled", sa.Date(), nullable=False),
        sa.Column("registered_day", sa.Integer(), nullable=True),
        sa.Column("contact_day", sa.Integer(), nullable=True),
        sa.Column("done_day", sa.Integer(), nullable=True),
        sa.Column("closed_day", sa.Integer(), nullable=True),
        sa.ForeignKeyConstraint(["source_id"], ["gemeente_source.source_id"],
                                name="fk_gemeente_referral_dates_source_id_gemeente_source",
                                ondelete="CASCADE"),
        sa.PrimaryKeyConstraint("source_id", "referral", name="pk_gemeente_referral_dates"))
    op.create_index("ix_gemeente_referral_dates_signalled", "gemeente_referral_dates",
                    ["signalled"])


def _copy(connection: sa.Connection, old: str, new: str, columns: list[str],
          where: Any = None) -> None:
    source = sa.Table(old, sa.MetaData(), autoload_with=connection)
    target = sa.Table(new, sa.MetaData(), autoload_with=connection)
    query = sa.select(*(source.c[c] for c in columns))
    if where is not None:
        query = query.where(where(source))
    connection.execute(target.insert().from_select(columns, query))


def _typed(kind: str, value: Any) -> Any:
    if value is None or value == "":
        return None if kind != "string" else value
    if kind == "date":
        return date.fromisoformat(str(value)[:10])
    if kind == "datetime":
        return datetime.fromisoformat(str(value).replace("Z", "+00:00"))
    return value


def _days(found: Any) -> dict[str, int | None]:
    def number(day: date | None) -> int | None:
        return None if day is None else day.toordinal()

    return {"registered_day": number(found.registered_on),
            "contact_day": number(found.first_contact_on),
            "done_day": number(found.done_on), "closed_day": number(found.closed_on)}


def _copy_records(connection: sa.Connection) -> None:
    """The JSON snapshot rows into the typed tables, a table and a batch at a time; each
    referral's dates derived from its events (domain.referral_dates, as a merge does)."""
    record = sa.Table("exchange_record", sa.MetaData(), autoload_with=connection)
    referrals: list[tuple[str, dict[str, Any]]] = []
    events: dict[tuple[str, str], list[tuple[str, str]]] = defaultdict(list)
    for name, specs in COLUMNS.items():
        target = sa.Table("gemeente_" + name, sa.MetaData(), autoload_with=connection)
        fields = [_spec(s) for s in specs]
        batch: list[dict[str, Any]] = []
        rows = connection.execute(sa.select(record.c.source_id, record.c.data).where(
            record.c.table_name == name).order_by(record.c.row_id))
        for source_id, data in rows:
            row = json.loads(data)
            if name == "doorverwijzingen":
                referrals.append((source_id, row))
            elif name == "statusmomenten":
                events[(source_id, row["doorverwijzing"])].append(
                    (row["soort"], str(row["moment"])))
            batch.append({"source_id": source_id,
                          **{n: _typed(k, row.get(n)) for n, k, _ in fields}})
        for start in range(0, len(batch), 5000):
            connection.execute(target.insert(), batch[start:start + 5000])
    dates = sa.Table("gemeente_referral_dates", sa.MetaData(), autoload_with=connection)
    derived = []
    for source_id, row in referrals:
        found = referral_dates(events[(source_id, row["id"])], None)
        derived.append({
            "source_id": source_id, "referral": row["id"], "organisatie": row["organisatie"],
            "signalled": date.fromisoformat(str(row["gesignaleerd_op"])[:10]),
            **_days(found)})
    if derived:
        connection.execute(dates.insert(), derived)


def upgrade() -> None:
    _create_tables()
    connection = op.get_bind()
    present = set(sa.inspect(connection).get_table_names())
    if "exchange_source" not in present:
        return  # a new store (or PostgreSQL): nothing to take over
    _copy(connection, "exchange_source", "gemeente_source",
          ["source_id", "name", "public_key", "pinned_at", "last_sequence", "snapshot_at"])
    _copy(connection, "exchange_package", "gemeente_package",
          ["package_hash", "source_id", "sequence", "file_name", "read_at"],
          lambda t: t.c.kind == "export")
    _copy(connection, "exchange_status_event", "gemeente_status_event",
          ["uuid", "source_id", "referral_key", "kind", "occurred_at", "destination_code",
           "created_at"])
    if "exchange_quarantine" in present:
        _copy(connection, "exchange_quarantine", "gemeente_quarantine",
              ["package_hash", "source_id", "public_key", "source_name", "sequence",
               "file_path", "first_seen", "refused"])
    if "exchange_initiative_alias" in present:
        _copy(connection, "exchange_initiative_alias", "gemeente_initiative_alias",
              ["initiative_id", "canonical_id", "merged_at"])
    _copy_records(connection)


def downgrade() -> None:
    for name in ["gemeente_referral_dates", *("gemeente_" + n for n in COLUMNS),
                 "gemeente_initiative_alias",
                 "gemeente_quarantine", "gemeente_status_event", "gemeente_package",
                 "gemeente_source"]:
        op.drop_table(name)
