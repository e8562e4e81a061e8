"""Volunteers and residents: names, labels and the rules that span several fields."""

from datetime import date

from sqlalchemy import select
from sqlmodel import Session, col

from vrijwilligers_app.domain.names import full_name  # noqa: F401  (re-exported)
from vrijwilligers_app.services.editing.codes import code_names
from vrijwilligers_app.services.editing.rules import (
    Errors,
    Values,
    check_not_future,
    check_period,
    require_date_when_checked,
)
from vrijwilligers_app.store.tables import Neighbourhood

# (box, its date, how the date question ends)
CONSENTS = (
    ("consent_recording", "consent_recording_on", "de toestemming om gegevens vast te leggen "
     "is gegeven"),
    ("consent_sharing", "consent_sharing_on", "de toestemming om gegevens door te geven is "
     "gegeven"),
)
SCOPE_MISSING = "Vul in aan welke organisatie(s) de gegevens doorgegeven mogen worden."
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
    for flag, key, what in CONSENTS:
        if values.get(flag) is False:
            # No consent (or withdrawn): a date would suggest otherwise, so it is not kept.
            values[key] = None
            continue
        require_date_when_checked(values, errors, flag, key, what)
        check_not_future(values, errors, key, today, what)
    if values.get("consent_sharing") is False:
        values["consent_sharing_scope"] = ""
    elif values.get("consent_sharing") and not values.get("consent_sharing_scope"):
        errors.setdefault("consent_sharing_scope", SCOPE_MISSING)
    _check_neighbourhood(session, values, errors)


def _check_neighbourhood(session: Session, values: Values, errors: Errors) -> None:
    """The buurt must lie in the wijk; a buurt without a wijk fills in the wijk."""
    buurt, wijk = values.get("neighbourhood_code"), values.get("district_code")
    if not isinstance(buurt, str) or "district_code" in errors:
        return
    row = session.execute(select(col(Neighbourhood.name), col(Neighbourhood.district_code))
                          .where(col(Neighbourhood.code) == buurt)).one_or_none()
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
