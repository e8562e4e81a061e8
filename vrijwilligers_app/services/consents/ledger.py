"""Record and withdraw consents, list a resident's ledger, and say what was shared before."""

from collections.abc import Mapping
from dataclasses import dataclass
from datetime import date

from sqlalchemy import Engine
from sqlmodel import Session, col, select

from vrijwilligers_app.domain import consent as rules
from vrijwilligers_app.domain.validation import ValidationError, format_date_nl, parse_date_nl
from vrijwilligers_app.services import audit
from vrijwilligers_app.services.editing.records import FormErrors
from vrijwilligers_app.services.editing.rules import check_text
from vrijwilligers_app.store.consent_cache import refresh_cache
from vrijwilligers_app.store.engine import read_session, write_session
from vrijwilligers_app.store.queries import consents as queries
from vrijwilligers_app.store.tables import Consent, Destination, Resident

LABELS = {"resident_id": "Inwoner", "purpose": "Waarvoor", "destination_id": "Organisatie",
          "given_on": "Gegeven op", "how": "Hoe", "recorded_by": "Vastgelegd door",
          "withdrawn_on": "Ingetrokken op"}
RECORDED_BY_MAX = 80


@dataclass(frozen=True)
class ConsentRow:
    id: int
    purpose: str
    destination_id: int | None
    organisation: str  # '' unless sharing
    what: str  # Dutch: 'Gegevens delen met Senzer'
    short: str  # Dutch, for a narrow table: 'Delen met Senzer'
    given_on: date
    how: str  # Dutch label
    recorded_by: str
    withdrawn_on: date | None


@dataclass(frozen=True)
class SharedReferral:
    referral_id: int
    organisation: str
    signalled_on: date


@dataclass(frozen=True)
class Withdrawal:
    consent_id: int
    shared_before: list[SharedReferral]
    summary: str  # Dutch, for the user


def _date(values: Mapping[str, object], errors: dict[str, str], key: str) -> date | None:
    value = values.get(key)
    if isinstance(value, str):
        try:
            value = parse_date_nl(value, LABELS[key])
        except ValidationError as exc:
            errors[key] = exc.message
            return None
    if value is not None and (not isinstance(value, date)):
        errors[key] = "Vul een datum in (dd-mm-jjjj)."
        return None
    return value


def _resident(session: Session, resident_id: object) -> Resident:
    resident = session.get(Resident, resident_id) if isinstance(resident_id, int) else None
    if resident is None:
        raise FormErrors({"resident_id": "Deze inwoner bestaat niet (meer); misschien is die "
                          "intussen verwijderd."}, LABELS)
    return resident


def _organisation(session: Session, destination_id: int | None) -> str:
    destination = session.get(Destination, destination_id) if destination_id else None
    return destination.organisation if destination else ""


def _current(session: Session, resident_id: int, purpose: str,
             destination_id: int | None) -> Consent | None:
    query = select(Consent).where(col(Consent.resident_id) == resident_id,
                                  col(Consent.purpose) == purpose,
                                  col(Consent.withdrawn_on).is_(None))
    if purpose == rules.SHARING:
        query = query.where(col(Consent.destination_id) == destination_id)
    return session.exec(query.order_by(col(Consent.given_on), col(Consent.id))).first()


def sharing_consent(session: Session, resident_id: int, destination_id: int) -> Consent | None:
    """The current consent to share this resident's data with this organisation, if any."""
    return _current(session, resident_id, rules.SHARING, destination_id)


def record_consent(engine: Engine, resident_id: int, values: Mapping[str, object],
                   today: date) -> int:
    """A new consent; keys purpose, destination_id (for 'delen'), given_on, how,
    recorded_by. Returns its id."""
    with write_session(engine) as session:
        resident = _resident(session, resident_id)
        errors: dict[str, str] = {}
        purpose = values.get("purpose")
        raw_destination = values.get("destination_id")
        destination_id = raw_destination if isinstance(raw_destination, int) else None
        if purpose not in rules.PURPOSES:
            errors["purpose"] = "Kies waarvoor de inwoner toestemming geeft."
        elif purpose == rules.SHARING:
            destination = (session.get(Destination, destination_id)
                           if destination_id is not None else None)
            if destination is None:
                errors["destination_id"] = ("Kies de organisatie van de sociale kaart waarmee "
                                            "gegevens gedeeld mogen worden.")
        elif raw_destination is not None:
            errors["destination_id"] = "Alleen bij delen hoort een organisatie; laat leeg."
        given_on = _date(values, errors, "given_on")
        if "given_on" not in errors:
            problem = rules.given_on_problem(given_on, today, resident.birth_year)
            if problem:
                errors["given_on"] = problem
        how = values.get("how")
        if how not in rules.HOW:
            errors["how"] = "Kies mondeling of schriftelijk."
        by = check_text(values, errors, "recorded_by", RECORDED_BY_MAX,
                        "Vul in wie de toestemming vastlegt (uw naam).", one_line=True)
        if not errors and _current(session, resident_id, str(purpose),
                                   destination_id if purpose == rules.SHARING else None):
            errors["purpose"] = ("Hiervoor is al toestemming vastgelegd die nog geldt; trek "
                                 "die eerst in als er iets veranderd is.")
        if errors:
            raise FormErrors(errors, LABELS)
        assert given_on is not None
        consent = Consent(resident_id=resident_id, purpose=str(purpose), given_on=given_on,
                          destination_id=destination_id if purpose == rules.SHARING else None,
                          how=str(how), recorded_by=by)
        session.add(consent)
        refresh_cache(session, resident_id)
        assert consent.id is not None
        audit.record(session, "consent_changed", "resident", resident_id,
                     detail=_audit_detail(consent, "gegeven"))
        return consent.id


def shared_before(session: Session, resident_id: int,
                  destination_id: int | None) -> list[SharedReferral]:
    """Named referrals of this resident (to this organisation, or to any)."""
    return [SharedReferral(rid, organisation, date.fromisoformat(str(day)[:10]))
            for rid, organisation, day in queries.shared_referral_rows(
                session, resident_id, destination_id)]


def _summary(purpose: str, organisation: str, shared: list[SharedReferral]) -> str:
    if purpose == rules.SHARING:
        who = organisation or "deze organisatie"
        lines = [f"Vanaf nu worden geen gegevens meer gedeeld met {who}."]
        if shared:
            lines.append("Eerder gedeeld (doorverwijzingen met naam):")
            lines += [f"- {format_date_nl(s.signalled_on)}: {s.organisation}" for s in shared]
            lines.append("Laat de organisatie weten dat de toestemming is ingetrokken.")
        else:
            lines.append("Er zijn geen gegevens met naam met deze organisatie gedeeld.")
        return "\n".join(lines)
    if purpose == rules.GEMEENTE:
        return ("Vanaf de volgende export telt de gemeente deze inwoner alleen nog mee in "
                "aantallen. Eerdere exports bevatten de inwoner alleen als pseudoniem, zonder "
                "naam.")
    lines = ["Zonder toestemming om vast te leggen mag niets nieuws met naam worden "
             "vastgelegd. Gebruik 'Vergeten' om de gegevens van de inwoner te wissen (de "
             "cijfers blijven)."]
    if shared:
        lines.append("Eerder gedeeld (doorverwijzingen met naam): " + ", ".join(
            sorted({s.organisation for s in shared})) + ".")
    return "\n".join(lines)


def withdraw_consent(engine: Engine, resident_id: int, purpose: str,
                     destination_id: int | None, withdrawn_on: object, today: date
                     ) -> Withdrawal:
    """Withdraw the current consent for a purpose (and organisation); says what was shared
    before it. A consent never given (or already withdrawn) is an error."""
    with write_session(engine) as session:
        _resident(session, resident_id)
        errors: dict[str, str] = {}
        if purpose not in rules.PURPOSES:
            raise FormErrors({"purpose": "Kies welke toestemming wordt ingetrokken."}, LABELS)
        consent = _current(session, resident_id, purpose, destination_id)
        organisation = _organisation(session, destination_id)
        if consent is None:
            what = rules.purpose_text(purpose, organisation).lower()
            raise FormErrors({"purpose": f"Er is geen geldige toestemming voor '{what}' om in "
                              "te trekken: die is nooit gegeven of al ingetrokken."}, LABELS)
        when = _date({"withdrawn_on": withdrawn_on}, errors, "withdrawn_on")
        if "withdrawn_on" not in errors:
            problem = rules.withdrawn_on_problem(when, consent.given_on, today)
            if problem:
                errors["withdrawn_on"] = problem
        if errors:
            raise FormErrors(errors, LABELS)
        consent.withdrawn_on = when
        session.add(consent)
        refresh_cache(session, resident_id)
        audit.record(session, "consent_changed", "resident", resident_id,
                     detail=_audit_detail(consent, "ingetrokken"))
        shared = shared_before(session, resident_id,
                               destination_id if purpose == rules.SHARING else None)
        assert consent.id is not None
        return Withdrawal(consent.id, shared, _summary(purpose, organisation, shared))


def restore_consent(engine: Engine, consent_id: int) -> None:
    """Undo a withdrawal made by mistake (the same session's Ctrl+Z)."""
    with write_session(engine) as session:
        consent = session.get(Consent, consent_id)
        if consent is not None:
            consent.withdrawn_on = None
            session.add(consent)
            refresh_cache(session, consent.resident_id)
            audit.record(session, "consent_changed", "resident", consent.resident_id,
                         detail=_audit_detail(consent, "intrekking ongedaan gemaakt"))


def remove_consent(engine: Engine, consent_id: int) -> None:
    """Undo a consent just recorded by mistake (the same session's Ctrl+Z)."""
    with write_session(engine) as session:
        consent = session.get(Consent, consent_id)
        if consent is not None:
            resident_id = consent.resident_id
            session.delete(consent)
            refresh_cache(session, resident_id)
            audit.record(session, "consent_changed", "resident", resident_id,
                         detail=_audit_detail(consent, "vastleggen ongedaan gemaakt"))


def _audit_detail(consent: Consent, change: str) -> str:
    """'delen (organisatie 4): gegeven': purpose and organisation id, no names or text."""
    where = f" (organisatie {consent.destination_id})" if consent.destination_id else ""
    return f"{consent.purpose}{where}: {change}"


def ledger(engine: Engine, resident_id: int) -> list[ConsentRow]:
    """Every consent of a resident, current ones first, newest first."""
    with read_session(engine) as session:
        rows = queries.ledger_rows(session, resident_id)
    return [ConsentRow(r.id, r.purpose, r.destination_id, r.org,
                       rules.purpose_text(r.purpose, r.org, r.legacy_scope),
                       rules.purpose_short(r.purpose, r.org, r.legacy_scope),
                       date.fromisoformat(str(r.given_on)[:10]), rules.HOW_LABELS[r.how],
                       r.recorded_by,
                       None if r.withdrawn_on is None
                       else date.fromisoformat(str(r.withdrawn_on)[:10])) for r in rows]
