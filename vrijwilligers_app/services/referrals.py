"""Doorverwijzingen: create a referral, add dated events, list overdue follow-ups.

The rules live in `domain.referral_rules`; this module checks input against the register and
writes in one IMMEDIATE transaction, so a refused referral or event leaves nothing behind.
Errors are `FormErrors` (key -> Dutch message), as for the other forms. The status and
follow-up date cached on the referral are recomputed from its events on every write.
Figures: `services.referral_figures`.
"""

from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from datetime import UTC, date, datetime

from sqlalchemy import Engine
from sqlmodel import Session

from vrijwilligers_app.domain import referral_rules as rules
from vrijwilligers_app.domain.validation import (
    ValidationError,
    age_band,
    format_date_nl,
    parse_date_nl,
)
from vrijwilligers_app.services.consents.ledger import sharing_consent
from vrijwilligers_app.services.editing.records import FormErrors
from vrijwilligers_app.services.editing.rules import check_life_domains, check_text
from vrijwilligers_app.store.engine import read_session, write_session
from vrijwilligers_app.store.queries import referrals as queries
from vrijwilligers_app.store.tables import (
    Destination,
    District,
    Initiative,
    Referral,
    ReferralEvent,
    ReferralLifeDomain,
    Resident,
    Volunteer,
)
from vrijwilligers_app.store.tables.base import utcnow

LABELS = {
    "resident_id": "Inwoner", "district_code": "Wijk", "age_band": "Leeftijdsgroep",
    "volunteer_id": "Vrijwilliger", "initiative_id": "Initiatief",
    "destination_id": "Organisatie", "urgency": "Urgentie",
    "consent_pass_on": "Toestemming gegevens door te geven",
    "consent_pass_on_date": "Datum toestemming", "question": "Vraag",
    "signalled_on": "Gesignaleerd op", "life_domains": "Leefdomeinen",
    "kind": "Gebeurtenis", "occurred_at": "Datum", "note": "Notitie", "outcome": "Uitkomst",
}
AGE_BANDS = ("0-17", "18-26", "27-44", "45-64", "65-74", "75-84", "85+")
QUESTION_MAX, NOTE_MAX, OUTCOME_MAX = 1000, 500, 200


class ReferralNotFound(LookupError):
    def __init__(self, referral_id: int) -> None:
        super().__init__(f"Doorverwijzing (nummer {referral_id}) bestaat niet meer; misschien "
                         "is ze intussen verwijderd.")
        self.referral_id = referral_id


def _moment(value: date | datetime) -> datetime:
    """A stored event moment: aware UTC; a date alone becomes 12:00 UTC of that day."""
    if isinstance(value, datetime):
        return value.replace(tzinfo=UTC) if value.tzinfo is None else value.astimezone(UTC)
    return datetime.combine(value, rules.DATE_ONLY_TIME, tzinfo=UTC)


def _check_date(values: Mapping[str, object], errors: dict[str, str], key: str, today: date,
                required: bool) -> date | None:
    value = values.get(key)
    if value is None:
        if required:
            errors[key] = "Vul een datum in (dd-mm-jjjj)."
        return None
    if isinstance(value, str):  # typed text that is no date: say what is wrong with it
        try:
            value = parse_date_nl(value)
        except ValidationError as exc:
            errors[key] = exc.message
            return None
        if value is None:
            if required:
                errors[key] = "Vul een datum in (dd-mm-jjjj)."
            return None
    if not isinstance(value, date) or isinstance(value, datetime):
        errors[key] = "Vul een datum in (dd-mm-jjjj)."
        return None
    if value > today:
        errors[key] = (f"{format_date_nl(value)} ligt in de toekomst; vul een datum tot en "
                       "met vandaag in.")
    return value


def _optional_id(value: object) -> int | None:
    """Ids from the UI arrive as int (or None); checked to exist by _check_people."""
    return None if value is None else int(value)  # type: ignore[call-overload]


def _exists(session: Session, model: type, key: object) -> bool:
    return key is not None and session.get(model, key) is not None


def _check_people(session: Session, values: Mapping[str, object], errors: dict[str, str]
                  ) -> Resident | None:
    resident = None
    resident_id = values.get("resident_id")
    if resident_id is not None:
        resident = session.get(Resident, resident_id)
        if resident is None:
            errors["resident_id"] = "Deze inwoner bestaat niet (meer); kies een andere."
        elif not resident.consent_recording:
            errors["resident_id"] = (
                "Deze inwoner heeft geen geldige toestemming om gegevens vast te leggen; "
                "verwijs anoniem door (alleen wijk en leeftijdsgroep).")
    for key, model, what in (("volunteer_id", Volunteer, "vrijwilliger"),
                             ("initiative_id", Initiative, "dit initiatief")):
        if values.get(key) is not None and not _exists(session, model, values[key]):
            errors[key] = f"Deze {what} bestaat niet (meer); kies uit de lijst."
    district = values.get("district_code") or None
    if district is not None and not _exists(session, District, district):
        errors["district_code"] = f"Wijk '{district}' bestaat niet; kies uit de lijst."
    band = values.get("age_band") or ""
    if band and band not in AGE_BANDS:
        errors["age_band"] = f"Kies een leeftijdsgroep uit de lijst ({', '.join(AGE_BANDS)})."
    if resident_id is None:
        if district is None:
            errors.setdefault("district_code", "Een anonieme doorverwijzing heeft een wijk "
                              "nodig; kies de wijk van de inwoner.")
        if not band:
            errors.setdefault("age_band", "Een anonieme doorverwijzing heeft een "
                              "leeftijdsgroep nodig; een schatting is goed.")
    return resident


def _check_destination(session: Session, destination_id: object, errors: dict[str, str],
                       key: str = "destination_id") -> Destination | None:
    destination = session.get(Destination, destination_id) if destination_id is not None \
        else None
    if destination_id is None:
        errors[key] = "Kies de organisatie waarnaar u doorverwijst."
    elif destination is None:
        errors[key] = "Deze organisatie staat niet op de sociale kaart; kies uit de lijst."
    elif not destination.active:
        errors[key] = (f"{destination.organisation} staat op de sociale kaart als niet meer "
                       "actief; kies een andere organisatie.")
    return destination


def _sharing_consent(session: Session, resident: Resident | None,
                     destination: Destination | None, errors: dict[str, str]) -> date | None:
    """The date of the consent that allows this named referral (None when anonymous)."""
    if resident is None or resident.id is None or destination is None or destination.id is None:
        return None
    consent = sharing_consent(session, resident.id, destination.id)
    if consent is None:
        errors.setdefault("destination_id", (
            "De inwoner heeft geen geldige toestemming om gegevens te delen met "
            f"{destination.organisation}. Leg die toestemming eerst vast (Inwoners, tabblad "
            "Toestemming) of verwijs anoniem door (alleen wijk en leeftijdsgroep)."))
        return None
    return consent.given_on


def create_referral(engine: Engine, values: Mapping[str, object], today: date) -> int:
    """`create_referral_in` in its own write transaction."""
    with write_session(engine) as session:
        return create_referral_in(session, values, today)


def create_referral_in(session: Session, values: Mapping[str, object], today: date) -> int:
    """A new referral with its leefdomeinen and a 'gesignaleerd' event; returns its id.

    Keys: resident_id or (district_code and age_band), volunteer_id, initiative_id,
    destination_id, urgency, question, signalled_on, life_domains (codes). With a resident,
    an empty wijk/leeftijdsgroep is taken from them; a named referral needs the resident's
    current consent to share with that organisation (the consent ledger, services.consents),
    whose date is kept on the referral. Runs on the caller's session (one transaction).
    """
    errors: dict[str, str] = {}
    signalled_on = _check_date(values, errors, "signalled_on", today, True)
    resident = _check_people(session, values, errors)
    destination = _check_destination(session, values.get("destination_id"), errors)
    consent_on = _sharing_consent(session, resident, destination, errors)
    urgency = values.get("urgency") or "normaal"
    if urgency not in rules.URGENCIES:
        errors["urgency"] = "Kies normaal, hoog of spoed."
    question = check_text(values, errors, "question", QUESTION_MAX,
                          "Beschrijf kort de vraag van de inwoner.")
    domains = check_life_domains(session, values, errors, "Kies minstens één leefdomein.")
    if errors:
        raise FormErrors(errors, LABELS)
    assert signalled_on is not None and destination is not None
    assert destination.id is not None
    district = str(values.get("district_code") or "") or None
    band = str(values.get("age_band") or "")
    if resident is not None:
        district = district or resident.district_code
        if not band and resident.birth_year is not None:
            band = age_band(resident.birth_year, signalled_on)
            band = band if band in AGE_BANDS else ""
    signalled_at = _moment(signalled_on)
    event = rules.Event("gesignaleerd", signalled_at)
    referral = Referral(
        resident_id=resident.id if resident else None, district_code=district,
        age_band=band, volunteer_id=_optional_id(values.get("volunteer_id")),
        initiative_id=_optional_id(values.get("initiative_id")),
        destination_id=destination.id, urgency=str(urgency),
        consent_pass_on=consent_on is not None, consent_pass_on_date=consent_on,
        question=question,
        signalled_on=signalled_on, status=rules.current_status([event]),
        life_domain_key=life_domain_key(domains),
        follow_up_on=rules.follow_up_on(signalled_on, [event], str(urgency),
                                         destination.agreed_response_days),
    )
    session.add(referral)
    session.flush()
    assert referral.id is not None
    for code in domains:
        session.add(ReferralLifeDomain(referral_id=referral.id, life_domain_code=code))
    session.add(ReferralEvent(referral_id=referral.id, kind=event.kind,
                              occurred_at=signalled_at))
    return referral.id


def life_domain_key(codes: Sequence[str]) -> str:
    """The cached copy of a referral's leefdomeinen: codes sorted, joined by ','."""
    return ",".join(sorted(set(codes)))


def _history(session: Session, referral_id: int) -> list[ReferralEvent]:
    return queries.events_of(session, referral_id)


def add_event(engine: Engine, referral_id: int, kind: str, occurred_at: date | datetime,
              note: str = "", outcome: str = "", destination_id: int | None = None,
              today: date | None = None) -> int:
    """Add one dated event (a past date is fine); returns its id. Refused with FormErrors,
    nothing saved, when the event does not fit the history (see domain.referral_rules)."""
    with write_session(engine) as session:
        return add_event_in(session, referral_id, kind, occurred_at, note, outcome,
                            destination_id, today)


def add_event_in(session: Session, referral_id: int, kind: str, occurred_at: date | datetime,
                 note: str = "", outcome: str = "", destination_id: int | None = None,
                 today: date | None = None) -> int:
    """`add_event` on the caller's session (one transaction with the caller's other work)."""
    today = today or date.today()
    referral = session.get(Referral, referral_id)
    if referral is None:
        raise ReferralNotFound(referral_id)
    events = _history(session, referral_id)
    errors: dict[str, str] = {}
    if kind not in rules.EVENT_KINDS or kind == "gesignaleerd":
        errors["kind"] = "Kies een gebeurtenis uit de lijst (gesignaleerd staat er al)."
    if not isinstance(occurred_at, date):
        errors["occurred_at"] = "Vul een datum in (dd-mm-jjjj)."
    elif rules.event_day(occurred_at) > today:
        errors["occurred_at"] = (f"{format_date_nl(rules.event_day(occurred_at))} ligt in "
                                 "de toekomst; vul de dag in waarop het gebeurde.")
    fields = {"note": note, "outcome": outcome}
    note = check_text(fields, errors, "note", NOTE_MAX)
    outcome = check_text(fields, errors, "outcome", OUTCOME_MAX,
                         "Schrijf kort op wat het nabellen opleverde."
                         if kind == "nagebeld" else None)
    current = rules.current_destination(referral.destination_id, events)
    if kind == "doorgestuurd":
        target = _check_destination(session, destination_id, errors)
        if target is not None and target.id == current and "destination_id" not in errors:
            errors["destination_id"] = ("De doorverwijzing ligt al bij deze organisatie; "
                                        "kies de organisatie waarnaar ze doorgestuurd is.")
        elif target is not None and referral.resident_id is not None:
            # Forwarding a named referral passes the data on to the new organisation.
            _sharing_consent(session, session.get(Resident, referral.resident_id), target,
                             errors)
    elif destination_id is not None:
        errors["destination_id"] = "Een organisatie hoort alleen bij 'Doorgestuurd'."
    if errors:
        raise FormErrors(errors, LABELS)
    assert isinstance(occurred_at, date)
    new = ReferralEvent(referral_id=referral_id, kind=kind, occurred_at=_moment(occurred_at),
                        destination_id=destination_id, outcome=outcome, note=note)
    after = [*events, new]
    before = set(rules.validate_history(referral.signalled_on, events))
    problems = [p for p in rules.validate_history(referral.signalled_on, after)
                if p not in before]
    if problems:
        raise FormErrors({"occurred_at": " ".join(problems)}, LABELS)
    refresh_cache(session, referral, after)
    session.add(new)
    session.flush()
    assert new.id is not None
    return new.id


def refresh_cache(session: Session, referral: Referral,
                  events: Sequence[ReferralEvent] | None = None) -> None:
    """Recompute what the referral caches from its events (status, follow-up date,
    milestones). Every writer of events calls this in the same transaction: the service
    here and the import of events returned by the gemeente."""
    assert referral.id is not None
    events = _history(session, referral.id) if events is None else events
    destination = session.get(Destination, rules.current_destination(
        referral.destination_id, events))
    referral.status = rules.current_status(events)
    referral.follow_up_on = rules.follow_up_on(
        referral.signalled_on, events, referral.urgency,
        destination.agreed_response_days if destination else None)
    marks = rules.milestones(events)
    referral.registered_on = marks.registered_on
    referral.first_contact_on = marks.first_contact_on
    referral.done_on = marks.done_on
    referral.closed_on = marks.closed_on
    referral.updated_at = utcnow()
    session.add(referral)


@dataclass(frozen=True)
class HistoryLine:
    event_id: int
    kind: str
    label: str
    occurred_at: datetime
    destination_id: int | None
    outcome: str
    note: str
    source: str


def referral_history(engine: Engine, referral_id: int) -> list[HistoryLine]:
    """A referral's events in time order, with Dutch labels."""
    with read_session(engine) as session:
        return referral_history_in(session, referral_id)


def referral_history_in(session: Session, referral_id: int) -> list[HistoryLine]:
    events = rules.in_order(_history(session, referral_id))
    return [HistoryLine(e.id or 0, e.kind, rules.label(e.kind), e.occurred_at,
                        e.destination_id, e.outcome, e.note, e.source) for e in events]


@dataclass(frozen=True)
class OverdueReferral:
    referral_id: int
    destination: str  # where the referral is now (after 'doorgestuurd': the new one)
    urgency: str
    status: str
    follow_up_on: date
    days_late: int


def overdue_referrals(engine: Engine, today: date, limit: int | None = None
                      ) -> Sequence[OverdueReferral]:
    """Open referrals whose follow-up date has passed, latest first (spoed before hoog
    before normaal on the same date)."""
    with read_session(engine) as session:
        return overdue_referrals_in(session, today, limit)


def overdue_referrals_in(session: Session, today: date, limit: int | None = None
                         ) -> list[OverdueReferral]:
    result = []
    for rid, name, urgency, status, follow in queries.overdue_rows(
            session, today, rules.CLOSED_STATES, limit):
        follow_up = date.fromisoformat(follow)
        result.append(OverdueReferral(rid, name, urgency, status, follow_up,
                                      (today - follow_up).days))
    return result
