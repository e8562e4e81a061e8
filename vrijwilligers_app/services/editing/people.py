"""Volunteers and residents: names, labels and the rules that span several fields."""

from datetime import date

from sqlmodel import Session

from vrijwilligers_app.domain import consent as consent_rules
from vrijwilligers_app.domain.names import full_name  # noqa: F401  (re-exported)
from vrijwilligers_app.services.editing.codes import code_names
from vrijwilligers_app.services.editing.rules import (
    Errors,
    Values,
    check_not_future,
    check_period,
)
from vrijwilligers_app.store.consent_cache import refresh_cache
from vrijwilligers_app.store.queries import people as queries
from vrijwilligers_app.store.tables import Consent

RECORDING_MISSING = (
    "Een inwoner met naam kan alleen worden vastgelegd als die toestemming gaf; vul de datum "
    "in. Zonder toestemming legt u de hulp anoniem vast (alleen wijk en leeftijdsgroep).")
HOW_MISSING = "Kies hoe de toestemming gegeven is: mondeling of schriftelijk."
BY_MISSING = "Vul in wie de toestemming vastlegt (uw naam)."
VOG_WHO_MISSING = "Vul in wie de originele VOG heeft gezien."
VOG_DATE_MISSING = "Vul de datum in waarop de originele VOG is gezien (dd-mm-jjjj)."


def check_volunteer(session: Session, values: Values, errors: Errors, today: date) -> None:
    del session
    check_period(values, errors)
    check_not_future(values, errors, "vog_date", today, "de originele VOG is gezien")
    has_date, has_who = values.get("vog_date") is not None, bool(values.get("vog_checked_by"))
    if has_date and not has_who and "vog_date" not in errors:
        errors.setdefault("vog_checked_by", VOG_WHO_MISSING)
    if has_who and not has_date and "vog_checked_by" not in errors:
        errors.setdefault("vog_date", VOG_DATE_MISSING)


def check_resident(session: Session, values: Values, errors: Errors, today: date) -> None:
    """A named resident needs a current consent to be recorded (the ledger's 'vastleggen')."""
    given = values.get("recording_given_on")
    if "recording_given_on" not in errors:
        birth_year = values.get("birth_year")
        problem = (RECORDING_MISSING if given is None else consent_rules.given_on_problem(
            given if isinstance(given, date) else None, today,
            birth_year if isinstance(birth_year, int) else None))
        if problem:
            errors["recording_given_on"] = problem
    if values.get("recording_how") is None and "recording_how" not in errors:
        errors["recording_how"] = HOW_MISSING
    if not values.get("recording_by") and "recording_by" not in errors:
        errors["recording_by"] = BY_MISSING
    _check_neighbourhood(session, values, errors)


def _current_recording(session: Session, resident_id: int) -> Consent | None:
    return queries.current_consent(session, resident_id, consent_rules.RECORDING)


def load_recording_consent(session: Session, resident_id: int) -> dict[str, object]:
    consent = _current_recording(session, resident_id)
    if consent is None:
        return {"recording_given_on": None, "recording_how": None, "recording_by": ""}
    return {"recording_given_on": consent.given_on,
            "recording_how": consent.how if consent.how in consent_rules.HOW else None,
            "recording_by": consent.recorded_by}


def save_recording_consent(session: Session, resident_id: int, values: Values) -> None:
    """The form's consent: a new ledger row, or a correction of the current one."""
    given, how, by = (values["recording_given_on"], values["recording_how"],
                      values["recording_by"])
    assert isinstance(given, date) and isinstance(how, str) and isinstance(by, str)
    consent = _current_recording(session, resident_id) or Consent(
        resident_id=resident_id, purpose=consent_rules.RECORDING, given_on=given, how=how)
    if (consent.given_on, consent.how, consent.recorded_by) != (given, how, by):
        consent.given_on, consent.how, consent.recorded_by = given, how, by
    session.add(consent)
    refresh_cache(session, resident_id)


def _check_neighbourhood(session: Session, values: Values, errors: Errors) -> None:
    """The buurt must lie in the wijk; a buurt without a wijk fills in the wijk."""
    buurt, wijk = values.get("neighbourhood_code"), values.get("district_code")
    if not isinstance(buurt, str) or "district_code" in errors:
        return
    row = queries.neighbourhood(session, buurt)
    if row is None:
        return  # already reported as an unknown code
    name, buurt_wijk = row
    if wijk is None:
        values["district_code"] = buurt_wijk
    elif wijk != buurt_wijk:
        districts = code_names(session, "district")
        errors.setdefault("neighbourhood_code", (
            f"Buurt {name} ligt in wijk {districts.get(buurt_wijk, buurt_wijk)}, niet in "
            f"{districts.get(str(wijk), str(wijk))}; kies een andere buurt of wijk."))
