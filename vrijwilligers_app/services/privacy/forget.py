"""Vergeten (art. 17 AVG): anonymise one resident at once, from their record.

What is still open is closed first, in the same transaction, and the confirmation says so
beforehand (`forget_preview`): an open referral gets an 'afgesloten' event today (the
organisation is NOT informed by the app; the coordinator tells them if needed), a waiting
request is closed and a running match ended with the reason "inwoner wil niet meer". Figures
up to today stay the same; from today these count as closed. The receipt (reports.receipt)
names what kinds of data were erased, when and by whom, never the erased data itself.
"""

from dataclasses import dataclass, field
from datetime import UTC, date, datetime

from sqlalchemy import Engine
from sqlmodel import Session, col, select

from vrijwilligers_app.domain.validation import format_date_nl
from vrijwilligers_app.services.audit import actor_name
from vrijwilligers_app.services.overview import CLOSED_REFERRAL_STATES
from vrijwilligers_app.services.privacy.anonymise import Progress, anonymise_steps
from vrijwilligers_app.services.referrals import refresh_cache
from vrijwilligers_app.store.engine import read_session
from vrijwilligers_app.store.queries import forget as queries
from vrijwilligers_app.store.queries.care_specs import REFERRAL_STATUS
from vrijwilligers_app.store.tables import BuddyMatch, BuddyRequest, Referral, ReferralEvent

END_REASON = "inwoner_gestopt"  # afsluitredenen.csv: "Inwoner wil niet meer"
class ForgetRefused(Exception):
    """str(exc) is Dutch: why nothing was changed."""


@dataclass(frozen=True)
class ForgetPreview:
    resident_id: int
    uuid: str
    name: str
    anonymised_on: date | None
    counts: dict[str, int]
    open_referrals: list[str] = field(default_factory=list)  # Dutch, no personal data
    open_buddy: list[str] = field(default_factory=list)

    @property
    def has_open(self) -> bool:
        return bool(self.open_referrals or self.open_buddy)


def forget_preview(engine: Engine, resident_id: int) -> ForgetPreview:
    with read_session(engine) as session:
        row = queries.resident_row(session, resident_id)
        if row is None:
            raise ForgetRefused(f"Inwoner {resident_id} bestaat niet (meer); er is niets "
                                "veranderd.")
        counts = queries.counts(session, resident_id)
        referrals = [f"doorverwijzing naar {org} (gesignaleerd {format_date_nl(_day(on))}, "
                     f"status {REFERRAL_STATUS.get(status, status).lower()})"
                     for org, on, status in queries.open_referrals(
                         session, resident_id, CLOSED_REFERRAL_STATES)]
        buddy = [f"maatjesaanvraag bij {name} (status {status})"
                 for name, status in queries.open_requests(session, resident_id)]
    name = " ".join(p for p in (row.first_name, row.name_prefix, row.last_name) if p)
    return ForgetPreview(resident_id, row.uuid, name, _day(row.anonymised_on) if
                         row.anonymised_on else None, counts, referrals, buddy)


def _day(value: object) -> date:
    return date.fromisoformat(str(value)[:10])


def _close_open(session: Session, resident_id: int, today: date) -> None:
    moment = datetime.combine(today, datetime.now(UTC).time(), UTC)
    for referral in session.exec(select(Referral).where(
            Referral.resident_id == resident_id,
            col(Referral.status).not_in(CLOSED_REFERRAL_STATES))).all():
        assert referral.id is not None
        session.add(ReferralEvent(referral_id=referral.id, kind="afgesloten",
                                  occurred_at=moment))
        session.flush()
        refresh_cache(session, referral)
    for request in session.exec(select(BuddyRequest).where(
            BuddyRequest.resident_id == resident_id,
            col(BuddyRequest.closed_on).is_(None))).all():
        for match in session.exec(select(BuddyMatch).where(
                BuddyMatch.request_id == request.id, col(BuddyMatch.ended_on).is_(None))):
            match.ended_on = max(today, match.started_on or match.proposed_on)
            match.end_reason_code = END_REASON
            session.add(match)
        request.status = "afgesloten"
        request.closed_on = max(today, request.requested_on)
        request.close_reason_code = END_REASON
        session.add(request)
    session.flush()


def forget_steps(engine: Engine, resident_id: int, today: date,
                 close_open: bool = False) -> Progress:
    """Anonymise one resident now. With something still open, `close_open` must be True
    (the user confirmed the explanation); otherwise ForgetRefused and nothing changes."""
    preview = forget_preview(engine, resident_id)
    if preview.anonymised_on is not None:
        raise ForgetRefused("Deze inwoner is al geanonimiseerd op "
                            f"{format_date_nl(preview.anonymised_on)}; er is niets veranderd.")
    if preview.has_open and not close_open:
        raise ForgetRefused(
            "Deze inwoner heeft nog een open " + "; ".join(
                preview.open_referrals + preview.open_buddy) +
            ". Bevestig eerst dat die wordt afgesloten; er is niets veranderd.")
    return anonymise_steps(engine, [resident_id], today, audit_kind="vergeten",
                           detail="op verzoek van de inwoner (art. 17 AVG)",
                           first=lambda session: _close_open(session, resident_id, today))


def actor(engine: Engine) -> str:
    with read_session(engine) as session:
        return actor_name(session)
