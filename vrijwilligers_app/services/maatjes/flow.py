"""The write side of maatjes: request steps, proposing, starting and ending a match, contact.

Every function validates everything first and raises one FormErrors (key → Dutch message)
inside its IMMEDIATE write transaction, which then rolls back: nothing is saved on any error.
Ending a match sets its end date and reason; no row is ever deleted.
"""

from datetime import date, timedelta

from sqlalchemy import Engine
from sqlmodel import Session, func, select

from vrijwilligers_app.domain import buddy_lifecycle as life
from vrijwilligers_app.domain import matching
from vrijwilligers_app.domain.availability import MAX_MASK
from vrijwilligers_app.domain.validation import BSN_WARNING, format_date_nl, looks_like_bsn
from vrijwilligers_app.services.editing import FormErrors
from vrijwilligers_app.services.maatjes.suggest import (
    NOT_A_BUDDY_ROLES,
    load_request,
    rules_for,
)
from vrijwilligers_app.store.engine import write_session
from vrijwilligers_app.store.queries import buddy_candidates as queries
from vrijwilligers_app.store.tables import (
    BuddyMatch,
    BuddyRequest,
    ContactMoment,
    Evaluation,
    Initiative,
    Resident,
    Volunteer,
)

LABELS = {
    "request_id": "Aanvraag", "volunteer_id": "Vrijwilliger", "match_id": "Koppeling",
    "resident_id": "Inwoner", "initiative_id": "Project", "status": "Status",
    "requested_on": "Aanmelddatum", "on": "Datum", "proposed_on": "Voorgesteld op",
    "started_on": "Gekoppeld op", "ended_on": "Einddatum", "reason_code": "Reden",
    "occurred_on": "Datum contact", "kind_code": "Soort contact",
    "duration_minutes": "Duur (minuten)", "note": "Notitie", "vog": "VOG",
    "preferred_gender": "Voorkeur geslacht", "wish": "Wens",
    "preferred_availability": "Voorkeur dagdelen", "evaluation_id": "Evaluatie",
    "held_on": "Gehouden op", "outcome": "Uitkomst",
}
EVALUATION_DAYS = (42, 91)  # planned at the start: after ~6 weeks and ~3 months
NOTE_MAX = 500
BUDDY_PROJECT_TYPE = "maatjesproject"
STEP_DATES = {"intake": "intake_on", "wachtend": "waiting_since", "afgesloten": "closed_on"}


def _fail(errors: dict[str, str]) -> None:
    if errors:
        raise FormErrors(errors, LABELS)


def _get(session: Session, model, record_id: int, key: str, what: str):  # type: ignore[no-untyped-def]
    record = session.get(model, record_id)
    if record is None:
        _fail({key: f"{what} (nummer {record_id}) bestaat niet meer; misschien is het "
                    "intussen verwijderd."})
    return record


def _code_known(session: Session, table: str, code: str | None) -> bool:
    return queries.code_known(session, table, code)


def create_request(engine: Engine, resident_id: int, initiative_id: int, requested_on: date,
                   today: date, wish: str = "", interests: str = "", languages: str = "nl",
                   preferred_gender: str = "", preferred_availability: int = 0) -> int:
    """A new aanmelding for a resident in a maatjesproject; returns its id."""
    with write_session(engine) as session:
        _get(session, Resident, resident_id, "resident_id", "De inwoner")
        initiative = _get(session, Initiative, initiative_id, "initiative_id", "Het project")
        errors: dict[str, str] = {}
        if initiative.type_code != BUDDY_PROJECT_TYPE:
            errors["initiative_id"] = (f"{initiative.name} is geen maatjesproject; kies een "
                                       "maatjesproject.")
        if message := life.date_error(requested_on, None, "", today):
            errors["requested_on"] = message
        if preferred_gender not in ("", *matching.GENDER_WORDS):
            errors["preferred_gender"] = "Kies vrouw, man, anders of geen voorkeur."
        if not 0 <= preferred_availability <= MAX_MASK:
            errors["preferred_availability"] = "Kies dagdelen uit het rooster."
        if looks_like_bsn(wish):
            errors["wish"] = BSN_WARNING
        _fail(errors)
        request = BuddyRequest(
            resident_id=resident_id, initiative_id=initiative_id, requested_on=requested_on,
            wish=wish.strip(), interests=";".join(matching.tags(interests)),
            languages=";".join(matching.tags(languages)), preferred_gender=preferred_gender,
            preferred_availability=preferred_availability)
        session.add(request)
        session.flush()
        return int(request.id)  # type: ignore[arg-type]


def _previous_step(request: BuddyRequest) -> tuple[date, str]:
    for attr, what in (("waiting_since", "de datum op de wachtlijst"),
                       ("intake_on", "de intake"), ("requested_on", "de aanmelding")):
        if (value := getattr(request, attr)) is not None:
            return value, what
    return request.requested_on, "de aanmelding"


def _open_matches(session: Session, request_id: int) -> list[BuddyMatch]:
    return list(session.exec(select(BuddyMatch).where(
        BuddyMatch.request_id == request_id, BuddyMatch.ended_on.is_(None))))  # type: ignore[union-attr]


def advance_request(engine: Engine, request_id: int, status: str, on: date, today: date,
                    reason_code: str | None = None) -> None:
    """Intake held, put on the waiting list, or closed without a match (with a reason)."""
    with write_session(engine) as session:
        request = _get(session, BuddyRequest, request_id, "request_id", "De aanvraag")
        errors: dict[str, str] = {}
        if status not in STEP_DATES:
            errors["status"] = ("Gebruik hiervoor voorstellen, koppelen of beëindigen van een "
                                "koppeling.")
        elif message := life.transition_error(request.status, status):
            errors["status"] = message
        elif status == "afgesloten" and _open_matches(session, request_id):
            errors["status"] = "Beëindig eerst de lopende koppeling of het voorstel."
        if status == "afgesloten" and not _code_known(session, "match_end_reason", reason_code):
            errors["reason_code"] = "Kies een reden uit de lijst."
        if message := life.date_error(on, *_previous_step(request), today):
            errors["on"] = message
        _fail(errors)
        request.status = status
        setattr(request, STEP_DATES[status], on)
        if status == "afgesloten":
            request.close_reason_code = reason_code
        session.add(request)


def _volunteer_facts(session: Session, volunteer: Volunteer) -> matching.VolunteerFacts:
    open_count = session.exec(select(func.count()).select_from(BuddyMatch).where(
        BuddyMatch.volunteer_id == volunteer.id, BuddyMatch.ended_on.is_(None))).one()  # type: ignore[union-attr]
    return matching.VolunteerFacts(
        volunteer_id=int(volunteer.id), district_code=volunteer.district_code,  # type: ignore[arg-type]
        interests=matching.tags(volunteer.interests),
        languages=matching.tags(volunteer.languages), gender=volunteer.gender,
        availability=volunteer.availability, vog_date=volunteer.vog_date,
        open_matches=int(open_count))


def _buddy_initiatives(session: Session, volunteer_id: int, on: date) -> set[int]:
    return queries.buddy_initiatives(session, volunteer_id, on, NOT_A_BUDDY_ROLES)


def _pair_periods(session: Session, resident_id: int, volunteer_id: int) -> list[life.Period]:
    rows = session.exec(select(BuddyMatch).join(
        BuddyRequest, BuddyRequest.id == BuddyMatch.request_id).where(  # type: ignore[arg-type]
        BuddyRequest.resident_id == resident_id, BuddyMatch.volunteer_id == volunteer_id))
    return [life.match_period(m.proposed_on, m.started_on, m.ended_on) for m in rows]


def propose_match(engine: Engine, request_id: int, volunteer_id: int, today: date,
                  proposed_on: date | None = None, notes: str = "") -> int:
    """Propose a volunteer for a waiting request (accepting a suggestion); returns the match
    id. The score at this moment is stored with the match."""
    proposed_on = proposed_on or today
    with write_session(engine) as session:
        request = _get(session, BuddyRequest, request_id, "request_id", "De aanvraag")
        volunteer = _get(session, Volunteer, volunteer_id, "volunteer_id", "De vrijwilliger")
        context = load_request(session.connection(), request_id)
        errors: dict[str, str] = {}
        if message := life.transition_error(request.status, "voorgesteld"):
            errors["status"] = message
        if volunteer.archived_at is not None or (volunteer.end_date is not None
                                                 and volunteer.end_date < proposed_on):
            errors["volunteer_id"] = "Deze vrijwilliger is gestopt of gearchiveerd."
        errors.update({k: v for k, v in life.check_new_match(
            request.initiative_id, _buddy_initiatives(session, volunteer_id, proposed_on),
            life.Period(proposed_on), _pair_periods(session, request.resident_id, volunteer_id),
            len(_open_matches(session, request_id)), context.initiative_name).items()
            if k not in errors})
        suggestion = matching.score(context.facts, _volunteer_facts(session, volunteer),
                                    rules_for(context, proposed_on))
        blocking = [r.text.removesuffix(" (uitgesloten)") for r in suggestion.reasons
                    if r.excludes]
        if blocking:
            errors.setdefault("vog" if any(r.part == "vog" and r.excludes
                                           for r in suggestion.reasons) else "volunteer_id",
                              f"Deze vrijwilliger kan niet worden voorgesteld: "
                              f"{'; '.join(blocking)}.")
        if message := life.date_error(proposed_on, *_previous_step(request), today):
            errors["proposed_on"] = message
        if looks_like_bsn(notes):
            errors["note"] = BSN_WARNING
        _fail(errors)
        match = BuddyMatch(request_id=request_id, volunteer_id=volunteer_id,
                           proposed_on=proposed_on, score=float(suggestion.total),
                           notes=notes.strip())
        request.status = "voorgesteld"
        session.add_all([match, request])
        session.flush()
        return int(match.id)  # type: ignore[arg-type]


def propose_and_start(engine: Engine, request_id: int, volunteer_id: int, on: date,
                      today: date) -> int:
    """Koppelen in one go: the volunteer is proposed and the koppelingsgesprek held on the
    same day (the coordinator already spoke to both). Returns the match id."""
    match_id = propose_match(engine, request_id, volunteer_id, today, on)
    start_match(engine, match_id, on, today)
    return match_id


def start_match(engine: Engine, match_id: int, started_on: date, today: date) -> None:
    """The koppelingsgesprek was held: the pair is gekoppeld; evaluations get planned."""
    with write_session(engine) as session:
        match = _get(session, BuddyMatch, match_id, "match_id", "De koppeling")
        request = _get(session, BuddyRequest, match.request_id, "request_id", "De aanvraag")
        errors: dict[str, str] = {}
        if match.ended_on is not None:
            errors["match_id"] = "Deze koppeling is al beëindigd."
        elif match.started_on is not None:
            errors["match_id"] = "Deze koppeling is al gestart."
        elif message := life.transition_error(request.status, "gekoppeld"):
            errors["status"] = message
        if message := life.date_error(started_on, match.proposed_on, "het voorstel", today,
                                      "Het koppelingsgesprek"):
            errors["started_on"] = message
        _fail(errors)
        match.started_on = started_on
        request.status = "gekoppeld"
        session.add_all([match, request])
        session.add_all([Evaluation(match_id=match_id,
                                    planned_on=started_on + timedelta(days=days))
                         for days in EVALUATION_DAYS])


def end_match(engine: Engine, match_id: int, ended_on: date, reason_code: str, today: date,
              back_on_waiting_list: bool | None = None, check_only: bool = False) -> str:
    """End a proposal or a match with a reason; the request goes back on the waiting list
    (geen klik, vrijwilliger gestopt, or when asked) or is closed. Returns the request's new
    status. Contacts and evaluations stay. `check_only`: every check (FormErrors), no write,
    so the window can refuse a wrong date before it asks for confirmation."""
    with write_session(engine) as session:
        match = _get(session, BuddyMatch, match_id, "match_id", "De koppeling")
        request = _get(session, BuddyRequest, match.request_id, "request_id", "De aanvraag")
        last_contact = session.exec(select(func.max(ContactMoment.occurred_on)).where(
            ContactMoment.match_id == match_id)).one()
        errors = life.check_end(life.match_period(match.proposed_on, match.started_on,
                                                  match.ended_on),
                                ended_on, today, last_contact)
        if not _code_known(session, "match_end_reason", reason_code):
            errors["reason_code"] = "Kies een reden uit de lijst."
        target = life.status_after_end(reason_code, back_on_waiting_list)
        if not errors and (message := life.transition_error(request.status, target)):
            errors["status"] = message
        _fail(errors)
        if check_only:
            return target
        match.ended_on, match.end_reason_code = ended_on, reason_code
        request.status = target
        if target == "wachtend":
            request.waiting_since = ended_on
        else:
            request.closed_on, request.close_reason_code = ended_on, reason_code
        session.add_all([match, request])
        return target


def add_contact(engine: Engine, match_id: int, occurred_on: date, kind_code: str, minutes: int,
                note: str, today: date) -> int:
    """Record a contact moment within the match period; returns its id."""
    with write_session(engine) as session:
        match = _get(session, BuddyMatch, match_id, "match_id", "De koppeling")
        errors = life.check_contact(occurred_on, match.started_on, match.ended_on, today,
                                    minutes)
        if not _code_known(session, "contact_kind", kind_code):
            errors["kind_code"] = "Kies een soort contact uit de lijst."
        note = (note or "").strip()
        if len(note) > NOTE_MAX:
            errors["note"] = f"Houd de notitie kort: hoogstens {NOTE_MAX} tekens."
        elif looks_like_bsn(note):
            errors["note"] = BSN_WARNING
        _fail(errors)
        contact = ContactMoment(match_id=match_id, occurred_on=occurred_on,
                                kind_code=kind_code, duration_minutes=minutes, note=note)
        session.add(contact)
        session.flush()
        return int(contact.id)  # type: ignore[arg-type]


def hold_evaluation(engine: Engine, evaluation_id: int, held_on: date, outcome: str,
                    continue_match: bool | None, today: date) -> None:
    """Record a planned evaluation as held, with its outcome (whether the pair goes on)."""
    with write_session(engine) as session:
        evaluation = _get(session, Evaluation, evaluation_id, "evaluation_id", "De evaluatie")
        match = _get(session, BuddyMatch, evaluation.match_id, "match_id", "De koppeling")
        errors = life.check_evaluation_held(held_on, match.started_on, match.ended_on, today)
        if evaluation.held_on is not None:
            errors["evaluation_id"] = (f"Deze evaluatie is al gehouden op "
                                       f"{format_date_nl(evaluation.held_on)}.")
        outcome = (outcome or "").strip()
        if looks_like_bsn(outcome):
            errors["outcome"] = BSN_WARNING
        _fail(errors)
        evaluation.held_on, evaluation.outcome = held_on, outcome
        evaluation.continue_match = continue_match
        session.add(evaluation)
