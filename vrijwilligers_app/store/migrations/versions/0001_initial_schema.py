"""initial schema

Revision ID: 0001
Revises:
Create Date: 2026-11-23

"""

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

# revision identifiers, used by Alembic.
revision: str = "0001"
down_revision: str | Sequence[str] | None = None
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    """Upgrade schema."""

    op.create_table(
        "contact_kind",
        sa.Column("code", sa.String(length=40), nullable=False),
        sa.Column("name", sa.String(length=120), nullable=False),
        sa.Column("sort_order", sa.Integer(), nullable=False),
        sa.Column("active", sa.Boolean(), nullable=False),
        sa.PrimaryKeyConstraint("code", name=op.f("pk_contact_kind")),
    )
    op.create_table(
        "destination",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("uuid", sa.String(length=36), nullable=False),
        sa.Column("created_at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("updated_at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("code", sa.String(length=40), nullable=False),
        sa.Column("organisation", sa.String(length=120), nullable=False),
        sa.Column("service", sa.String(length=120), nullable=False),
        sa.Column("phone", sa.String(length=20), nullable=False),
        sa.Column("email", sa.String(length=120), nullable=False),
        sa.Column("website", sa.String(length=200), nullable=False),
        sa.Column("agreed_response_days", sa.Integer(), nullable=True),
        sa.Column("active", sa.Boolean(), nullable=False),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_destination")),
        sa.UniqueConstraint("code", name=op.f("uq_destination_code")),
        sa.UniqueConstraint("uuid", name=op.f("uq_destination_uuid")),
    )
    op.create_table(
        "district",
        sa.Column("code", sa.String(length=8), nullable=False),
        sa.Column("name", sa.String(length=80), nullable=False),
        sa.Column("cbs_name", sa.String(length=80), nullable=False),
        sa.Column("inhabitants", sa.Integer(), nullable=True),
        sa.Column("dwellings", sa.Integer(), nullable=True),
        sa.Column("area_ha", sa.Integer(), nullable=True),
        sa.PrimaryKeyConstraint("code", name=op.f("pk_district")),
    )
    op.create_table(
        "duty_role",
        sa.Column("code", sa.String(length=40), nullable=False),
        sa.Column("name", sa.String(length=120), nullable=False),
        sa.Column("sort_order", sa.Integer(), nullable=False),
        sa.Column("active", sa.Boolean(), nullable=False),
        sa.PrimaryKeyConstraint("code", name=op.f("pk_duty_role")),
    )
    op.create_table(
        "initiative_type",
        sa.Column("code", sa.String(length=40), nullable=False),
        sa.Column("name", sa.String(length=120), nullable=False),
        sa.Column("sort_order", sa.Integer(), nullable=False),
        sa.Column("active", sa.Boolean(), nullable=False),
        sa.PrimaryKeyConstraint("code", name=op.f("pk_initiative_type")),
    )
    op.create_table(
        "life_domain",
        sa.Column("code", sa.String(length=40), nullable=False),
        sa.Column("name", sa.String(length=120), nullable=False),
        sa.Column("sort_order", sa.Integer(), nullable=False),
        sa.Column("active", sa.Boolean(), nullable=False),
        sa.Column("group", sa.String(length=20), nullable=False),
        sa.PrimaryKeyConstraint("code", name=op.f("pk_life_domain")),
    )
    op.create_table(
        "match_end_reason",
        sa.Column("code", sa.String(length=40), nullable=False),
        sa.Column("name", sa.String(length=120), nullable=False),
        sa.Column("sort_order", sa.Integer(), nullable=False),
        sa.Column("active", sa.Boolean(), nullable=False),
        sa.PrimaryKeyConstraint("code", name=op.f("pk_match_end_reason")),
    )
    op.create_table(
        "setting",
        sa.Column("key", sa.String(length=60), nullable=False),
        sa.Column("value", sa.String(), nullable=False),
        sa.PrimaryKeyConstraint("key", name=op.f("pk_setting")),
    )
    op.create_table(
        "visitor_type",
        sa.Column("code", sa.String(length=40), nullable=False),
        sa.Column("name", sa.String(length=120), nullable=False),
        sa.Column("sort_order", sa.Integer(), nullable=False),
        sa.Column("active", sa.Boolean(), nullable=False),
        sa.PrimaryKeyConstraint("code", name=op.f("pk_visitor_type")),
    )
    op.create_table(
        "destination_life_domain",
        sa.Column("destination_id", sa.Integer(), nullable=False),
        sa.Column("life_domain_code", sa.String(), nullable=False),
        sa.ForeignKeyConstraint(
            ["destination_id"],
            ["destination.id"],
            name=op.f("fk_destination_life_domain_destination_id_destination"),
            ondelete="CASCADE",
        ),
        sa.ForeignKeyConstraint(
            ["life_domain_code"],
            ["life_domain.code"],
            name=op.f("fk_destination_life_domain_life_domain_code_life_domain"),
        ),
        sa.PrimaryKeyConstraint(
            "destination_id", "life_domain_code", name=op.f("pk_destination_life_domain")
        ),
    )
    op.create_table(
        "initiative",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("uuid", sa.String(length=36), nullable=False),
        sa.Column("created_at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("updated_at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("name", sa.String(length=150), nullable=False),
        sa.Column("type_code", sa.String(), nullable=False),
        sa.Column("description", sa.String(), nullable=False),
        sa.Column("contact_name", sa.String(length=120), nullable=False),
        sa.Column("phone", sa.String(length=20), nullable=False),
        sa.Column("email", sa.String(length=120), nullable=False),
        sa.Column("website", sa.String(length=200), nullable=False),
        sa.Column("address", sa.String(length=150), nullable=False),
        sa.Column("postcode", sa.String(length=7), nullable=False),
        sa.Column("subsidised", sa.Boolean(), nullable=False),
        sa.Column("subsidy_reference", sa.String(length=60), nullable=False),
        sa.Column("subsidy_amount_cents", sa.Integer(), nullable=True),
        sa.Column("subsidy_year", sa.Integer(), nullable=True),
        sa.Column("start_date", sa.Date(), nullable=True),
        sa.Column("end_date", sa.Date(), nullable=True),
        sa.Column("buddy_contact_weeks", sa.Integer(), nullable=True),
        sa.Column("buddy_waiting_weeks", sa.Integer(), nullable=True),
        sa.Column("vog_max_age_years", sa.Integer(), nullable=True),
        sa.Column("archived_at", sa.Date(), nullable=True),
        sa.CheckConstraint(
            "end_date IS NULL OR start_date IS NULL OR end_date >= start_date",
            name=op.f("ck_initiative_period"),
        ),
        sa.CheckConstraint(
            "subsidy_amount_cents IS NULL OR subsidy_amount_cents >= 0",
            name=op.f("ck_initiative_subsidy_amount"),
        ),
        sa.ForeignKeyConstraint(
            ["type_code"],
            ["initiative_type.code"],
            name=op.f("fk_initiative_type_code_initiative_type"),
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_initiative")),
        sa.UniqueConstraint("uuid", name=op.f("uq_initiative_uuid")),
    )
    with op.batch_alter_table("initiative", schema=None) as batch_op:
        batch_op.create_index(batch_op.f("ix_initiative_name"), ["name"], unique=False)
        batch_op.create_index(batch_op.f("ix_initiative_type_code"), ["type_code"], unique=False)

    op.create_table(
        "neighbourhood",
        sa.Column("code", sa.String(length=10), nullable=False),
        sa.Column("name", sa.String(length=80), nullable=False),
        sa.Column("district_code", sa.String(), nullable=False),
        sa.ForeignKeyConstraint(
            ["district_code"],
            ["district.code"],
            name=op.f("fk_neighbourhood_district_code_district"),
        ),
        sa.PrimaryKeyConstraint("code", name=op.f("pk_neighbourhood")),
    )
    with op.batch_alter_table("neighbourhood", schema=None) as batch_op:
        batch_op.create_index(
            batch_op.f("ix_neighbourhood_district_code"), ["district_code"], unique=False
        )

    op.create_table(
        "volunteer",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("uuid", sa.String(length=36), nullable=False),
        sa.Column("created_at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("updated_at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("first_name", sa.String(length=60), nullable=False),
        sa.Column("name_prefix", sa.String(length=20), nullable=False),
        sa.Column("last_name", sa.String(length=80), nullable=False),
        sa.Column("gender", sa.String(length=1), nullable=False),
        sa.Column("birth_year", sa.Integer(), nullable=True),
        sa.Column("phone", sa.String(length=20), nullable=False),
        sa.Column("email", sa.String(length=120), nullable=False),
        sa.Column("street", sa.String(length=120), nullable=False),
        sa.Column("postcode", sa.String(length=7), nullable=False),
        sa.Column("city", sa.String(length=60), nullable=False),
        sa.Column("district_code", sa.String(), nullable=True),
        sa.Column("skills", sa.String(), nullable=False),
        sa.Column("interests", sa.String(), nullable=False),
        sa.Column("languages", sa.String(), nullable=False),
        sa.Column("availability", sa.Integer(), nullable=False),
        sa.Column("vog_date", sa.Date(), nullable=True),
        sa.Column("vog_checked_by", sa.String(length=80), nullable=False),
        sa.Column("start_date", sa.Date(), nullable=True),
        sa.Column("end_date", sa.Date(), nullable=True),
        sa.Column("listed_consent", sa.Boolean(), nullable=False),
        sa.Column("notes", sa.String(), nullable=False),
        sa.Column("archived_at", sa.Date(), nullable=True),
        sa.CheckConstraint(
            "availability >= 0 AND availability < 2097152", name=op.f("ck_volunteer_availability")
        ),
        sa.CheckConstraint(
            "end_date IS NULL OR start_date IS NULL OR end_date >= start_date",
            name=op.f("ck_volunteer_period"),
        ),
        sa.ForeignKeyConstraint(
            ["district_code"], ["district.code"], name=op.f("fk_volunteer_district_code_district")
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_volunteer")),
        sa.UniqueConstraint("uuid", name=op.f("uq_volunteer_uuid")),
    )
    with op.batch_alter_table("volunteer", schema=None) as batch_op:
        batch_op.create_index(
            batch_op.f("ix_volunteer_district_code"), ["district_code"], unique=False
        )
        batch_op.create_index(batch_op.f("ix_volunteer_last_name"), ["last_name"], unique=False)

    op.create_table(
        "activity_series",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("uuid", sa.String(length=36), nullable=False),
        sa.Column("created_at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("updated_at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("initiative_id", sa.Integer(), nullable=False),
        sa.Column("title", sa.String(length=150), nullable=False),
        sa.Column("rule", sa.String(length=200), nullable=False),
        sa.Column("first_on", sa.Date(), nullable=False),
        sa.Column("until_on", sa.Date(), nullable=True),
        sa.ForeignKeyConstraint(
            ["initiative_id"],
            ["initiative.id"],
            name=op.f("fk_activity_series_initiative_id_initiative"),
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_activity_series")),
        sa.UniqueConstraint("uuid", name=op.f("uq_activity_series_uuid")),
    )
    with op.batch_alter_table("activity_series", schema=None) as batch_op:
        batch_op.create_index(
            batch_op.f("ix_activity_series_initiative_id"), ["initiative_id"], unique=False
        )

    op.create_table(
        "initiative_district",
        sa.Column("initiative_id", sa.Integer(), nullable=False),
        sa.Column("district_code", sa.String(), nullable=False),
        sa.ForeignKeyConstraint(
            ["district_code"],
            ["district.code"],
            name=op.f("fk_initiative_district_district_code_district"),
        ),
        sa.ForeignKeyConstraint(
            ["initiative_id"],
            ["initiative.id"],
            name=op.f("fk_initiative_district_initiative_id_initiative"),
            ondelete="CASCADE",
        ),
        sa.PrimaryKeyConstraint(
            "initiative_id", "district_code", name=op.f("pk_initiative_district")
        ),
    )
    op.create_table(
        "initiative_life_domain",
        sa.Column("initiative_id", sa.Integer(), nullable=False),
        sa.Column("life_domain_code", sa.String(), nullable=False),
        sa.ForeignKeyConstraint(
            ["initiative_id"],
            ["initiative.id"],
            name=op.f("fk_initiative_life_domain_initiative_id_initiative"),
            ondelete="CASCADE",
        ),
        sa.ForeignKeyConstraint(
            ["life_domain_code"],
            ["life_domain.code"],
            name=op.f("fk_initiative_life_domain_life_domain_code_life_domain"),
        ),
        sa.PrimaryKeyConstraint(
            "initiative_id", "life_domain_code", name=op.f("pk_initiative_life_domain")
        ),
    )
    op.create_table(
        "resident",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("uuid", sa.String(length=36), nullable=False),
        sa.Column("created_at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("updated_at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("first_name", sa.String(length=60), nullable=False),
        sa.Column("name_prefix", sa.String(length=20), nullable=False),
        sa.Column("last_name", sa.String(length=80), nullable=False),
        sa.Column("gender", sa.String(length=1), nullable=False),
        sa.Column("birth_year", sa.Integer(), nullable=True),
        sa.Column("phone", sa.String(length=20), nullable=False),
        sa.Column("email", sa.String(length=120), nullable=False),
        sa.Column("postcode", sa.String(length=7), nullable=False),
        sa.Column("district_code", sa.String(), nullable=True),
        sa.Column("neighbourhood_code", sa.String(), nullable=True),
        sa.Column("languages", sa.String(), nullable=False),
        sa.Column("consent_recording", sa.Boolean(), nullable=False),
        sa.Column("consent_recording_on", sa.Date(), nullable=True),
        sa.Column("consent_sharing", sa.Boolean(), nullable=False),
        sa.Column("consent_sharing_on", sa.Date(), nullable=True),
        sa.Column("consent_sharing_scope", sa.String(length=200), nullable=False),
        sa.Column("archived_at", sa.Date(), nullable=True),
        sa.CheckConstraint(
            "consent_recording = 0 OR consent_recording_on IS NOT NULL",
            name=op.f("ck_resident_recording_dated"),
        ),
        sa.CheckConstraint(
            "consent_sharing = 0 OR consent_sharing_on IS NOT NULL",
            name=op.f("ck_resident_sharing_dated"),
        ),
        sa.ForeignKeyConstraint(
            ["district_code"], ["district.code"], name=op.f("fk_resident_district_code_district")
        ),
        sa.ForeignKeyConstraint(
            ["neighbourhood_code"],
            ["neighbourhood.code"],
            name=op.f("fk_resident_neighbourhood_code_neighbourhood"),
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_resident")),
        sa.UniqueConstraint("uuid", name=op.f("uq_resident_uuid")),
    )
    with op.batch_alter_table("resident", schema=None) as batch_op:
        batch_op.create_index(batch_op.f("ix_resident_birth_year"), ["birth_year"], unique=False)
        batch_op.create_index(
            batch_op.f("ix_resident_district_code"), ["district_code"], unique=False
        )
        batch_op.create_index(batch_op.f("ix_resident_last_name"), ["last_name"], unique=False)
        batch_op.create_index(batch_op.f("ix_resident_postcode"), ["postcode"], unique=False)

    op.create_table(
        "volunteer_role",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("uuid", sa.String(length=36), nullable=False),
        sa.Column("created_at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("updated_at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("volunteer_id", sa.Integer(), nullable=False),
        sa.Column("initiative_id", sa.Integer(), nullable=False),
        sa.Column("role_code", sa.String(), nullable=False),
        sa.Column("start_date", sa.Date(), nullable=True),
        sa.Column("end_date", sa.Date(), nullable=True),
        sa.CheckConstraint(
            "end_date IS NULL OR start_date IS NULL OR end_date >= start_date",
            name=op.f("ck_volunteer_role_period"),
        ),
        sa.ForeignKeyConstraint(
            ["initiative_id"],
            ["initiative.id"],
            name=op.f("fk_volunteer_role_initiative_id_initiative"),
            ondelete="CASCADE",
        ),
        sa.ForeignKeyConstraint(
            ["role_code"], ["duty_role.code"], name=op.f("fk_volunteer_role_role_code_duty_role")
        ),
        sa.ForeignKeyConstraint(
            ["volunteer_id"],
            ["volunteer.id"],
            name=op.f("fk_volunteer_role_volunteer_id_volunteer"),
            ondelete="CASCADE",
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_volunteer_role")),
        sa.UniqueConstraint("uuid", name=op.f("uq_volunteer_role_uuid")),
    )
    with op.batch_alter_table("volunteer_role", schema=None) as batch_op:
        batch_op.create_index(
            batch_op.f("ix_volunteer_role_initiative_id"), ["initiative_id"], unique=False
        )
        batch_op.create_index(
            batch_op.f("ix_volunteer_role_volunteer_id"), ["volunteer_id"], unique=False
        )

    op.create_table(
        "activity",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("uuid", sa.String(length=36), nullable=False),
        sa.Column("created_at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("updated_at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("initiative_id", sa.Integer(), nullable=False),
        sa.Column("series_id", sa.Integer(), nullable=True),
        sa.Column("title", sa.String(length=150), nullable=False),
        sa.Column("starts_at", sa.DateTime(), nullable=False),
        sa.Column("ends_at", sa.DateTime(), nullable=False),
        sa.Column("location", sa.String(length=150), nullable=False),
        sa.Column("district_code", sa.String(), nullable=True),
        sa.Column("theme", sa.String(length=200), nullable=False),
        sa.Column("speaker", sa.String(length=120), nullable=False),
        sa.Column("notes", sa.String(), nullable=False),
        sa.Column("cancelled", sa.Boolean(), nullable=False),
        sa.Column("named_attendance", sa.Boolean(), nullable=False),
        sa.CheckConstraint("ends_at > starts_at", name=op.f("ck_activity_ends_after_start")),
        sa.ForeignKeyConstraint(
            ["district_code"], ["district.code"], name=op.f("fk_activity_district_code_district")
        ),
        sa.ForeignKeyConstraint(
            ["initiative_id"], ["initiative.id"], name=op.f("fk_activity_initiative_id_initiative")
        ),
        sa.ForeignKeyConstraint(
            ["series_id"],
            ["activity_series.id"],
            name=op.f("fk_activity_series_id_activity_series"),
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_activity")),
        sa.UniqueConstraint("uuid", name=op.f("uq_activity_uuid")),
    )
    with op.batch_alter_table("activity", schema=None) as batch_op:
        batch_op.create_index(
            batch_op.f("ix_activity_initiative_id"), ["initiative_id"], unique=False
        )
        batch_op.create_index(batch_op.f("ix_activity_series_id"), ["series_id"], unique=False)
        batch_op.create_index(batch_op.f("ix_activity_starts_at"), ["starts_at"], unique=False)

    op.create_table(
        "buddy_request",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("uuid", sa.String(length=36), nullable=False),
        sa.Column("created_at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("updated_at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("resident_id", sa.Integer(), nullable=False),
        sa.Column("initiative_id", sa.Integer(), nullable=False),
        sa.Column("status", sa.String(length=20), nullable=False),
        sa.Column("requested_on", sa.Date(), nullable=False),
        sa.Column("intake_on", sa.Date(), nullable=True),
        sa.Column("waiting_since", sa.Date(), nullable=True),
        sa.Column("wish", sa.String(), nullable=False),
        sa.Column("interests", sa.String(), nullable=False),
        sa.Column("languages", sa.String(), nullable=False),
        sa.Column("preferred_gender", sa.String(length=1), nullable=False),
        sa.Column("preferred_availability", sa.Integer(), nullable=False),
        sa.Column("closed_on", sa.Date(), nullable=True),
        sa.Column("close_reason_code", sa.String(), nullable=True),
        sa.CheckConstraint(
            "closed_on IS NULL OR closed_on >= requested_on",
            name=op.f("ck_buddy_request_closed_after"),
        ),
        sa.CheckConstraint(
            "intake_on IS NULL OR intake_on >= requested_on",
            name=op.f("ck_buddy_request_intake_after"),
        ),
        sa.ForeignKeyConstraint(
            ["close_reason_code"],
            ["match_end_reason.code"],
            name=op.f("fk_buddy_request_close_reason_code_match_end_reason"),
        ),
        sa.ForeignKeyConstraint(
            ["initiative_id"],
            ["initiative.id"],
            name=op.f("fk_buddy_request_initiative_id_initiative"),
        ),
        sa.ForeignKeyConstraint(
            ["resident_id"], ["resident.id"], name=op.f("fk_buddy_request_resident_id_resident")
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_buddy_request")),
        sa.UniqueConstraint("uuid", name=op.f("uq_buddy_request_uuid")),
    )
    with op.batch_alter_table("buddy_request", schema=None) as batch_op:
        batch_op.create_index(
            batch_op.f("ix_buddy_request_initiative_id"), ["initiative_id"], unique=False
        )
        batch_op.create_index(
            batch_op.f("ix_buddy_request_resident_id"), ["resident_id"], unique=False
        )
        batch_op.create_index(batch_op.f("ix_buddy_request_status"), ["status"], unique=False)

    op.create_table(
        "referral",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("uuid", sa.String(length=36), nullable=False),
        sa.Column("created_at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("updated_at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("resident_id", sa.Integer(), nullable=True),
        sa.Column("district_code", sa.String(), nullable=True),
        sa.Column("age_band", sa.String(length=10), nullable=False),
        sa.Column("volunteer_id", sa.Integer(), nullable=True),
        sa.Column("initiative_id", sa.Integer(), nullable=True),
        sa.Column("destination_id", sa.Integer(), nullable=False),
        sa.Column("urgency", sa.String(length=10), nullable=False),
        sa.Column("consent_pass_on", sa.Boolean(), nullable=False),
        sa.Column("consent_pass_on_date", sa.Date(), nullable=True),
        sa.Column("question", sa.String(length=1000), nullable=False),
        sa.Column("signalled_on", sa.Date(), nullable=False),
        sa.Column("status", sa.String(length=30), nullable=False),
        sa.Column("follow_up_on", sa.Date(), nullable=True),
        sa.CheckConstraint(
            "urgency IN ('normaal', 'hoog', 'spoed')", name=op.f("ck_referral_urgency")
        ),
        sa.CheckConstraint(
            "consent_pass_on = 0 OR consent_pass_on_date IS NOT NULL",
            name=op.f("ck_referral_consent_dated"),
        ),
        sa.CheckConstraint(
            "resident_id IS NULL OR consent_pass_on = 1", name=op.f("ck_referral_consent")
        ),
        sa.ForeignKeyConstraint(
            ["destination_id"],
            ["destination.id"],
            name=op.f("fk_referral_destination_id_destination"),
        ),
        sa.ForeignKeyConstraint(
            ["district_code"], ["district.code"], name=op.f("fk_referral_district_code_district")
        ),
        sa.ForeignKeyConstraint(
            ["initiative_id"], ["initiative.id"], name=op.f("fk_referral_initiative_id_initiative")
        ),
        sa.ForeignKeyConstraint(
            ["resident_id"], ["resident.id"], name=op.f("fk_referral_resident_id_resident")
        ),
        sa.ForeignKeyConstraint(
            ["volunteer_id"], ["volunteer.id"], name=op.f("fk_referral_volunteer_id_volunteer")
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_referral")),
        sa.UniqueConstraint("uuid", name=op.f("uq_referral_uuid")),
    )
    with op.batch_alter_table("referral", schema=None) as batch_op:
        batch_op.create_index(
            batch_op.f("ix_referral_destination_id"), ["destination_id"], unique=False
        )
        batch_op.create_index(
            batch_op.f("ix_referral_district_code"), ["district_code"], unique=False
        )
        batch_op.create_index(
            batch_op.f("ix_referral_follow_up_on"), ["follow_up_on"], unique=False
        )
        batch_op.create_index(
            batch_op.f("ix_referral_initiative_id"), ["initiative_id"], unique=False
        )
        batch_op.create_index(batch_op.f("ix_referral_resident_id"), ["resident_id"], unique=False)
        batch_op.create_index(
            batch_op.f("ix_referral_signalled_on"), ["signalled_on"], unique=False
        )
        batch_op.create_index(batch_op.f("ix_referral_status"), ["status"], unique=False)
        batch_op.create_index(
            batch_op.f("ix_referral_volunteer_id"), ["volunteer_id"], unique=False
        )

    op.create_table(
        "attendance",
        sa.Column("activity_id", sa.Integer(), nullable=False),
        sa.Column("visitor_type_code", sa.String(), nullable=False),
        sa.Column("visitors", sa.Integer(), nullable=False),
        sa.CheckConstraint("visitors >= 0", name=op.f("ck_attendance_visitors")),
        sa.ForeignKeyConstraint(
            ["activity_id"],
            ["activity.id"],
            name=op.f("fk_attendance_activity_id_activity"),
            ondelete="CASCADE",
        ),
        sa.ForeignKeyConstraint(
            ["visitor_type_code"],
            ["visitor_type.code"],
            name=op.f("fk_attendance_visitor_type_code_visitor_type"),
        ),
        sa.PrimaryKeyConstraint("activity_id", "visitor_type_code", name=op.f("pk_attendance")),
    )
    op.create_table(
        "buddy_match",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("uuid", sa.String(length=36), nullable=False),
        sa.Column("created_at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("updated_at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("request_id", sa.Integer(), nullable=False),
        sa.Column("volunteer_id", sa.Integer(), nullable=False),
        sa.Column("proposed_on", sa.Date(), nullable=False),
        sa.Column("started_on", sa.Date(), nullable=True),
        sa.Column("ended_on", sa.Date(), nullable=True),
        sa.Column("end_reason_code", sa.String(), nullable=True),
        sa.Column("score", sa.Float(), nullable=True),
        sa.Column("notes", sa.String(), nullable=False),
        sa.CheckConstraint(
            "ended_on IS NULL OR started_on IS NULL OR ended_on >= started_on",
            name=op.f("ck_buddy_match_period"),
        ),
        sa.CheckConstraint(
            "started_on IS NULL OR started_on >= proposed_on",
            name=op.f("ck_buddy_match_started_after"),
        ),
        sa.ForeignKeyConstraint(
            ["end_reason_code"],
            ["match_end_reason.code"],
            name=op.f("fk_buddy_match_end_reason_code_match_end_reason"),
        ),
        sa.ForeignKeyConstraint(
            ["request_id"],
            ["buddy_request.id"],
            name=op.f("fk_buddy_match_request_id_buddy_request"),
        ),
        sa.ForeignKeyConstraint(
            ["volunteer_id"], ["volunteer.id"], name=op.f("fk_buddy_match_volunteer_id_volunteer")
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_buddy_match")),
        sa.UniqueConstraint("uuid", name=op.f("uq_buddy_match_uuid")),
    )
    with op.batch_alter_table("buddy_match", schema=None) as batch_op:
        batch_op.create_index(batch_op.f("ix_buddy_match_request_id"), ["request_id"], unique=False)
        batch_op.create_index(
            batch_op.f("ix_buddy_match_volunteer_id"), ["volunteer_id"], unique=False
        )

    op.create_table(
        "participation",
        sa.Column("activity_id", sa.Integer(), nullable=False),
        sa.Column("resident_id", sa.Integer(), nullable=False),
        sa.ForeignKeyConstraint(
            ["activity_id"],
            ["activity.id"],
            name=op.f("fk_participation_activity_id_activity"),
            ondelete="CASCADE",
        ),
        sa.ForeignKeyConstraint(
            ["resident_id"], ["resident.id"], name=op.f("fk_participation_resident_id_resident")
        ),
        sa.PrimaryKeyConstraint("activity_id", "resident_id", name=op.f("pk_participation")),
    )
    with op.batch_alter_table("participation", schema=None) as batch_op:
        batch_op.create_index(
            batch_op.f("ix_participation_resident_id"), ["resident_id"], unique=False
        )

    op.create_table(
        "referral_event",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("uuid", sa.String(length=36), nullable=False),
        sa.Column("created_at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("updated_at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("referral_id", sa.Integer(), nullable=False),
        sa.Column("kind", sa.String(length=30), nullable=False),
        sa.Column("occurred_at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("destination_id", sa.Integer(), nullable=True),
        sa.Column("outcome", sa.String(length=200), nullable=False),
        sa.Column("note", sa.String(length=500), nullable=False),
        sa.Column("source", sa.String(length=10), nullable=False),
        sa.ForeignKeyConstraint(
            ["destination_id"],
            ["destination.id"],
            name=op.f("fk_referral_event_destination_id_destination"),
        ),
        sa.ForeignKeyConstraint(
            ["referral_id"],
            ["referral.id"],
            name=op.f("fk_referral_event_referral_id_referral"),
            ondelete="CASCADE",
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_referral_event")),
        sa.UniqueConstraint("uuid", name=op.f("uq_referral_event_uuid")),
    )
    with op.batch_alter_table("referral_event", schema=None) as batch_op:
        batch_op.create_index(
            batch_op.f("ix_referral_event_occurred_at"), ["occurred_at"], unique=False
        )
        batch_op.create_index(
            batch_op.f("ix_referral_event_referral_id"), ["referral_id"], unique=False
        )

    op.create_table(
        "referral_life_domain",
        sa.Column("referral_id", sa.Integer(), nullable=False),
        sa.Column("life_domain_code", sa.String(), nullable=False),
        sa.ForeignKeyConstraint(
            ["life_domain_code"],
            ["life_domain.code"],
            name=op.f("fk_referral_life_domain_life_domain_code_life_domain"),
        ),
        sa.ForeignKeyConstraint(
            ["referral_id"],
            ["referral.id"],
            name=op.f("fk_referral_life_domain_referral_id_referral"),
            ondelete="CASCADE",
        ),
        sa.PrimaryKeyConstraint(
            "referral_id", "life_domain_code", name=op.f("pk_referral_life_domain")
        ),
    )
    op.create_table(
        "shift",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("uuid", sa.String(length=36), nullable=False),
        sa.Column("created_at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("updated_at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("activity_id", sa.Integer(), nullable=False),
        sa.Column("role_code", sa.String(), nullable=False),
        sa.Column("volunteer_id", sa.Integer(), nullable=True),
        sa.Column("starts_at", sa.DateTime(), nullable=False),
        sa.Column("ends_at", sa.DateTime(), nullable=False),
        sa.Column("status", sa.String(length=10), nullable=False),
        sa.Column("hours", sa.Float(), nullable=True),
        sa.CheckConstraint(
            "status IN ('gepland', 'aanwezig', 'afwezig')", name=op.f("ck_shift_status")
        ),
        sa.CheckConstraint("ends_at > starts_at", name=op.f("ck_shift_ends_after_start")),
        sa.CheckConstraint("hours IS NULL OR hours >= 0", name=op.f("ck_shift_hours")),
        sa.ForeignKeyConstraint(
            ["activity_id"],
            ["activity.id"],
            name=op.f("fk_shift_activity_id_activity"),
            ondelete="CASCADE",
        ),
        sa.ForeignKeyConstraint(
            ["role_code"], ["duty_role.code"], name=op.f("fk_shift_role_code_duty_role")
        ),
        sa.ForeignKeyConstraint(
            ["volunteer_id"], ["volunteer.id"], name=op.f("fk_shift_volunteer_id_volunteer")
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_shift")),
        sa.UniqueConstraint("uuid", name=op.f("uq_shift_uuid")),
    )
    with op.batch_alter_table("shift", schema=None) as batch_op:
        batch_op.create_index(batch_op.f("ix_shift_activity_id"), ["activity_id"], unique=False)
        batch_op.create_index(batch_op.f("ix_shift_volunteer_id"), ["volunteer_id"], unique=False)

    op.create_table(
        "contact_moment",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("uuid", sa.String(length=36), nullable=False),
        sa.Column("created_at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("updated_at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("match_id", sa.Integer(), nullable=False),
        sa.Column("occurred_on", sa.Date(), nullable=False),
        sa.Column("kind_code", sa.String(), nullable=False),
        sa.Column("duration_minutes", sa.Integer(), nullable=False),
        sa.Column("note", sa.String(length=500), nullable=False),
        sa.CheckConstraint("duration_minutes >= 0", name=op.f("ck_contact_moment_duration")),
        sa.ForeignKeyConstraint(
            ["kind_code"],
            ["contact_kind.code"],
            name=op.f("fk_contact_moment_kind_code_contact_kind"),
        ),
        sa.ForeignKeyConstraint(
            ["match_id"],
            ["buddy_match.id"],
            name=op.f("fk_contact_moment_match_id_buddy_match"),
            ondelete="CASCADE",
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_contact_moment")),
        sa.UniqueConstraint("uuid", name=op.f("uq_contact_moment_uuid")),
    )
    with op.batch_alter_table("contact_moment", schema=None) as batch_op:
        batch_op.create_index(batch_op.f("ix_contact_moment_match_id"), ["match_id"], unique=False)

    op.create_table(
        "evaluation",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("uuid", sa.String(length=36), nullable=False),
        sa.Column("created_at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("updated_at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("match_id", sa.Integer(), nullable=False),
        sa.Column("planned_on", sa.Date(), nullable=False),
        sa.Column("held_on", sa.Date(), nullable=True),
        sa.Column("outcome", sa.String(), nullable=False),
        sa.Column("continue_match", sa.Boolean(), nullable=True),
        sa.ForeignKeyConstraint(
            ["match_id"],
            ["buddy_match.id"],
            name=op.f("fk_evaluation_match_id_buddy_match"),
            ondelete="CASCADE",
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_evaluation")),
        sa.UniqueConstraint("uuid", name=op.f("uq_evaluation_uuid")),
    )
    with op.batch_alter_table("evaluation", schema=None) as batch_op:
        batch_op.create_index(batch_op.f("ix_evaluation_match_id"), ["match_id"], unique=False)


def downgrade() -> None:
    """Downgrade schema."""

    with op.batch_alter_table("evaluation", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_evaluation_match_id"))

    op.drop_table("evaluation")
    with op.batch_alter_table("contact_moment", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_contact_moment_match_id"))

    op.drop_table("contact_moment")
    with op.batch_alter_table("shift", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_shift_volunteer_id"))
        batch_op.drop_index(batch_op.f("ix_shift_activity_id"))

    op.drop_table("shift")
    op.drop_table("referral_life_domain")
    with op.batch_alter_table("referral_event", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_referral_event_referral_id"))
        batch_op.drop_index(batch_op.f("ix_referral_event_occurred_at"))

    op.drop_table("referral_event")
    with op.batch_alter_table("participation", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_participation_resident_id"))

    op.drop_table("participation")
    with op.batch_alter_table("buddy_match", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_buddy_match_volunteer_id"))
        batch_op.drop_index(batch_op.f("ix_buddy_match_request_id"))

    op.drop_table("buddy_match")
    op.drop_table("attendance")
    with op.batch_alter_table("referral", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_referral_volunteer_id"))
        batch_op.drop_index(batch_op.f("ix_referral_status"))
        batch_op.drop_index(batch_op.f("ix_referral_signalled_on"))
        batch_op.drop_index(batch_op.f("ix_referral_resident_id"))
        batch_op.drop_index(batch_op.f("ix_referral_initiative_id"))
        batch_op.drop_index(batch_op.f("ix_referral_follow_up_on"))
        batch_op.drop_index(batch_op.f("ix_referral_district_code"))
        batch_op.drop_index(batch_op.f("ix_referral_destination_id"))

    op.drop_table("referral")
    with op.batch_alter_table("buddy_request", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_buddy_request_status"))
        batch_op.drop_index(batch_op.f("ix_buddy_request_resident_id"))
        batch_op.drop_index(batch_op.f("ix_buddy_request_initiative_id"))

    op.drop_table("buddy_request")
    with op.batch_alter_table("activity", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_activity_starts_at"))
        batch_op.drop_index(batch_op.f("ix_activity_series_id"))
        batch_op.drop_index(batch_op.f("ix_activity_initiative_id"))

    op.drop_table("activity")
    with op.batch_alter_table("volunteer_role", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_volunteer_role_volunteer_id"))
        batch_op.drop_index(batch_op.f("ix_volunteer_role_initiative_id"))

    op.drop_table("volunteer_role")
    with op.batch_alter_table("resident", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_resident_postcode"))
        batch_op.drop_index(batch_op.f("ix_resident_last_name"))
        batch_op.drop_index(batch_op.f("ix_resident_district_code"))
        batch_op.drop_index(batch_op.f("ix_resident_birth_year"))

    op.drop_table("resident")
    op.drop_table("initiative_life_domain")
    op.drop_table("initiative_district")
    with op.batch_alter_table("activity_series", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_activity_series_initiative_id"))

    op.drop_table("activity_series")
    with op.batch_alter_table("volunteer", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_volunteer_last_name"))
        batch_op.drop_index(batch_op.f("ix_volunteer_district_code"))

    op.drop_table("volunteer")
    with op.batch_alter_table("neighbourhood", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_neighbourhood_district_code"))

    op.drop_table("neighbourhood")
    with op.batch_alter_table("initiative", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_initiative_type_code"))
        batch_op.drop_index(batch_op.f("ix_initiative_name"))

    op.drop_table("initiative")
    op.drop_table("destination_life_domain")
    op.drop_table("visitor_type")
    op.drop_table("setting")
    op.drop_table("match_end_reason")
    op.drop_table("life_domain")
    op.drop_table("initiative_type")
    op.drop_table("duty_role")
    op.drop_table("district")
    op.drop_table("destination")
    op.drop_table("contact_kind")
