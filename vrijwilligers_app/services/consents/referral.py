"""What the Nieuwe doorverwijzing form needs to know about consent before saving."""

from dataclasses import dataclass
from datetime import date

from sqlalchemy import Engine

from vrijwilligers_app.domain.person_fields import age_band
from vrijwilligers_app.services.consents.ledger import sharing_consent
from vrijwilligers_app.store.engine import read_session
from vrijwilligers_app.store.tables import Destination, Resident


@dataclass(frozen=True)
class ReferralConsent:
    organisation: str
    recording: bool  # the resident may be recorded by name at all
    sharing_on: date | None  # consent to share with this organisation, given on
    district_code: str | None  # for referring anonymously instead
    age_band: str


def referral_consent(engine: Engine, resident_id: int, destination_id: int,
                     today: date) -> ReferralConsent | None:
    """None when the resident or the organisation is gone."""
    with read_session(engine) as session:
        resident = session.get(Resident, resident_id)
        destination = session.get(Destination, destination_id)
        if resident is None or destination is None:
            return None
        consent = sharing_consent(session, resident_id, destination_id)
        band = age_band(resident.birth_year, today) if resident.birth_year else ""
        return ReferralConsent(destination.organisation, resident.consent_recording,
                               consent.given_on if consent else None, resident.district_code,
                               "" if band == "onbekend" else band)
