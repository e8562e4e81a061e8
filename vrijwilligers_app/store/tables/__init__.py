"""All tables; importing this package registers them on SQLModel.metadata."""

from sqlmodel import SQLModel

from vrijwilligers_app.store.tables.activities import (
    Activity,
    ActivitySeries,
    Attendance,
    Participation,
    Shift,
)
from vrijwilligers_app.store.tables.audit import AuditEntry
from vrijwilligers_app.store.tables.base import Record
from vrijwilligers_app.store.tables.codes import (
    ContactKind,
    District,
    DutyRole,
    InitiativeType,
    LifeDomain,
    MatchEndReason,
    Neighbourhood,
    VisitorType,
    VolunteerExitReason,
)
from vrijwilligers_app.store.tables.consents import Consent
from vrijwilligers_app.store.tables.destinations import Destination, DestinationLifeDomain
from vrijwilligers_app.store.tables.exchange import (
    ExchangePackage,
    LegacyExchangeInitiativeAlias,
    LegacyExchangeQuarantine,
    LegacyExchangeRecord,
    LegacyExchangeSource,
    LegacyExchangeStatusEvent,
)
from vrijwilligers_app.store.tables.initiative_links import (
    CanonicalInitiative,
    InitiativeCanonicalLink,
)
from vrijwilligers_app.store.tables.initiatives import (
    Initiative,
    InitiativeDistrict,
    InitiativeLifeDomain,
)
from vrijwilligers_app.store.tables.matches import (
    BuddyMatch,
    BuddyRequest,
    ContactMoment,
    Evaluation,
)
from vrijwilligers_app.store.tables.people import Resident, Volunteer, VolunteerRole
from vrijwilligers_app.store.tables.referrals import Referral, ReferralEvent, ReferralLifeDomain
from vrijwilligers_app.store.tables.settings import Setting

metadata = SQLModel.metadata

__all__ = [
    "Activity", "ActivitySeries", "Attendance", "AuditEntry", "BuddyMatch", "BuddyRequest",
    "CanonicalInitiative", "Consent", "InitiativeCanonicalLink",
    "ContactKind",
    "ContactMoment", "Destination", "DestinationLifeDomain", "District", "DutyRole",
    "Evaluation", "ExchangePackage", "Initiative", "InitiativeDistrict", "InitiativeLifeDomain",
    "InitiativeType", "LegacyExchangeInitiativeAlias", "LegacyExchangeQuarantine",
    "LegacyExchangeRecord", "LegacyExchangeSource", "LegacyExchangeStatusEvent",
    "LifeDomain", "MatchEndReason", "Neighbourhood", "Participation", "Record", "Referral",
    "ReferralEvent", "ReferralLifeDomain", "Resident", "Setting", "Shift", "VisitorType",
    "Volunteer", "VolunteerExitReason", "VolunteerRole", "metadata",
]
