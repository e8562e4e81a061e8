"""Consent ledger: one row per consent (per purpose, per organisation) instead of two boxes
and a free-text "Doorgeven aan" on the resident.

Every existing consent moves with its date (how it was given and by whom were not kept
before: 'onbekend' and ''):
- consent_recording + its date -> a 'vastleggen' consent;
- consent_sharing + its date -> a 'delen' consent per organisation of the sociale kaart
  whose name or code the free text mentions; if it names none, one 'delen' row keeping the
  text (legacy_scope), which allows no named referral until the organisation is chosen;
- every named referral -> a 'delen' consent for its organisation on the referral's consent
  date, unless one for that organisation is already there.
The resident's consent columns stay as a cache of the ledger; only the free text goes.
A trigger refuses a named referral without a current consent for its organisation, so no
code path can forget the rule (the service checks first and says it in Dutch).

Revision ID: 0007
Revises: 0006
Create Date: 2026-12-06
"""

import uuid
from datetime import UTC, datetime

import sqlalchemy as sa
from alembic import op

revision = "0007"
down_revision = "0006"
branch_labels = None
depends_on = None

TRIGGER_MESSAGE = "doorverwijzing met naam zonder toestemming om te delen met deze organisatie"
NEEDS_CONSENT = f"""
WHEN NEW.resident_id IS NOT NULL AND NOT EXISTS (
    SELECT 1 FROM consent c WHERE c.resident_id = NEW.resident_id AND c.purpose = 'delen'
      AND c.destination_id = NEW.destination_id AND c.withdrawn_on IS NULL)
BEGIN SELECT RAISE(ABORT, '{TRIGGER_MESSAGE}'); END"""
TRIGGERS = {
    "referral_named_needs_consent_insert": "BEFORE INSERT ON referral",
    "referral_named_needs_consent_update": "BEFORE UPDATE OF resident_id ON referral",
}
SHARING_MATCHES = """
SELECT r.id, d.id FROM resident r JOIN destination d
  ON instr(lower(r.consent_sharing_scope), lower(d.organisation)) > 0
  OR instr(lower(r.consent_sharing_scope), lower(d.code)) > 0
WHERE r.consent_sharing = 1 AND r.consent_sharing_on IS NOT NULL
"""


def _create_table() -> None:
    op.create_table(
        "consent",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("uuid", sa.String(length=36), nullable=False),
        sa.Column("created_at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("updated_at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("resident_id", sa.Integer(), nullable=False),
        sa.Column("purpose", sa.String(length=12), nullable=False),
        sa.Column("destination_id", sa.Integer(), nullable=True),
        sa.Column("legacy_scope", sa.String(length=200), nullable=False),
        sa.Column("given_on", sa.Date(), nullable=False),
        sa.Column("how", sa.String(length=12), nullable=False),
        sa.Column("recorded_by", sa.String(length=80), nullable=False),
        sa.Column("withdrawn_on", sa.Date(), nullable=True),
        sa.CheckConstraint("purpose IN ('vastleggen', 'delen', 'gemeente')",
                           name=op.f("ck_consent_purpose")),
        sa.CheckConstraint("how IN ('mondeling', 'schriftelijk', 'onbekend')",
                           name=op.f("ck_consent_how")),
        sa.CheckConstraint("purpose = 'delen' OR (destination_id IS NULL AND legacy_scope = '')",
                           name=op.f("ck_consent_destination_only_for_sharing")),
        sa.CheckConstraint(
            "purpose <> 'delen' OR destination_id IS NOT NULL OR legacy_scope <> ''",
            name=op.f("ck_consent_sharing_names_organisation")),
        sa.CheckConstraint("withdrawn_on IS NULL OR withdrawn_on >= given_on",
                           name=op.f("ck_consent_withdrawn")),
        sa.ForeignKeyConstraint(["destination_id"], ["destination.id"],
                                name=op.f("fk_consent_destination_id_destination")),
        sa.ForeignKeyConstraint(["resident_id"], ["resident.id"],
                                name=op.f("fk_consent_resident_id_resident"),
                                ondelete="CASCADE"),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_consent")),
        sa.UniqueConstraint("uuid", name=op.f("uq_consent_uuid")),
    )
    op.create_index("ix_consent_lookup", "consent", ["resident_id", "purpose", "destination_id"])


def _move_consents(bind: sa.Connection) -> None:
    now = datetime.now(UTC).replace(tzinfo=None).isoformat(" ", "microseconds")
    rows: list[dict[str, object]] = []

    def add(resident: int, purpose: str, given_on: str, destination: int | None = None,
            scope: str = "") -> None:
        rows.append({"uuid": str(uuid.uuid4()), "now": now, "resident": resident,
                     "purpose": purpose, "destination": destination, "scope": scope,
                     "given": given_on[:10]})

    for resident, given in bind.exec_driver_sql(
            "SELECT id, consent_recording_on FROM resident WHERE consent_recording = 1 "
            "AND consent_recording_on IS NOT NULL ORDER BY id"):
        add(resident, "vastleggen", given)
    sharing = {resident: (given, scope) for resident, given, scope in bind.exec_driver_sql(
        "SELECT id, consent_sharing_on, consent_sharing_scope FROM resident "
        "WHERE consent_sharing = 1 AND consent_sharing_on IS NOT NULL ORDER BY id")}
    shared: set[tuple[int, int]] = set()
    for resident, destination in bind.exec_driver_sql(SHARING_MATCHES + " ORDER BY r.id, d.id"):
        shared.add((resident, destination))
        add(resident, "delen", sharing[resident][0], destination)
    matched = {resident for resident, _ in shared}
    for resident, (given, scope) in sharing.items():
        if resident not in matched:
            add(resident, "delen", given, scope=(scope or "").strip() or "(niet ingevuld)")
    for resident, destination, given in bind.exec_driver_sql(
            "SELECT resident_id, destination_id, min(consent_pass_on_date) FROM referral "
            "WHERE resident_id IS NOT NULL AND consent_pass_on_date IS NOT NULL "
            "GROUP BY resident_id, destination_id ORDER BY resident_id, destination_id"):
        if (resident, destination) not in shared:
            shared.add((resident, destination))
            add(resident, "delen", given, destination)
    if rows:
        bind.execute(sa.text(
            "INSERT INTO consent (uuid, created_at, updated_at, resident_id, purpose, "
            "destination_id, legacy_scope, given_on, how, recorded_by, withdrawn_on) VALUES "
            "(:uuid, :now, :now, :resident, :purpose, :destination, :scope, :given, "
            "'onbekend', '', NULL)"), rows)
    # The cache: the earliest current sharing consent (a referral may predate the old box).
    bind.exec_driver_sql("""
        UPDATE resident SET consent_sharing_on = (
            SELECT min(given_on) FROM consent c WHERE c.resident_id = resident.id
              AND c.purpose = 'delen' AND c.withdrawn_on IS NULL)
        WHERE id IN (SELECT resident_id FROM consent WHERE purpose = 'delen')""")
    bind.exec_driver_sql(
        "UPDATE resident SET consent_sharing = (consent_sharing_on IS NOT NULL)")


def upgrade() -> None:
    _create_table()
    _move_consents(op.get_bind())
    # Plain ALTER TABLE DROP COLUMN (SQLite >= 3.35): the text is in no index or CHECK.
    op.drop_column("resident", "consent_sharing_scope")
    for name, when in TRIGGERS.items():
        op.execute(f"CREATE TRIGGER {name} {when} {NEEDS_CONSENT}")


def downgrade() -> None:
    for name in TRIGGERS:
        op.execute(f"DROP TRIGGER IF EXISTS {name}")
    op.add_column("resident", sa.Column("consent_sharing_scope", sa.String(length=200),
                                        nullable=False, server_default=""))
    op.execute("""
        UPDATE resident SET consent_sharing_scope = coalesce((
            SELECT substr(group_concat(coalesce(d.organisation, c.legacy_scope), ', '), 1, 200)
            FROM consent c LEFT JOIN destination d ON d.id = c.destination_id
            WHERE c.resident_id = resident.id AND c.purpose = 'delen'
              AND c.withdrawn_on IS NULL), '')""")
    op.drop_index("ix_consent_lookup", table_name="consent")
    op.drop_table("consent")
