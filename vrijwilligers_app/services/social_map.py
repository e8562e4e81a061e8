"""De sociale kaart: the organisations residents are referred to, edited on the laptop.

Shipped as a code list (resources/codes/organisaties.csv, loaded at first start) and later
refreshed by the gemeente's return packages. Destinations are never deleted here: referrals
keep pointing at them; one that stopped is set to "niet actief" and is no longer offered for
new referrals. Errors are FormErrors (key -> Dutch message); nothing is half-saved.
"""

import re
from collections.abc import Mapping

from sqlalchemy import Engine
from sqlmodel import Session, col, delete, select

from vrijwilligers_app.domain.slug import ascii_slug
from vrijwilligers_app.domain.validation import ValidationError, normalize_email, normalize_phone
from vrijwilligers_app.services.editing.records import FormErrors
from vrijwilligers_app.services.editing.rules import check_life_domains, check_text
from vrijwilligers_app.store.engine import read_session, write_session
from vrijwilligers_app.store.queries.social_map import DestinationRow as DestinationRow  # re-export
from vrijwilligers_app.store.queries.social_map import destination_rows
from vrijwilligers_app.store.tables import Destination, DestinationLifeDomain
from vrijwilligers_app.store.tables.base import utcnow

LABELS = {
    "organisation": "Organisatie", "service": "Dienst", "phone": "Telefoon",
    "email": "E-mailadres", "website": "Website", "agreed_response_days": "Reactietermijn",
    "life_domains": "Leefdomeinen", "active": "Actief",
}
MAX_RESPONSE_DAYS = 365
_WEBSITE = re.compile(r"(https?://)?[^\s/.]+(\.[^\s/.]+)+(/\S*)?", re.IGNORECASE)


def list_destinations(engine: Engine) -> list[DestinationRow]:
    """All destinations, active first, by organisation and service."""
    with read_session(engine) as session:
        return destination_rows(session)


def _days(value: object, errors: dict[str, str]) -> int | None:
    if value is None or (isinstance(value, str) and not value.strip()):
        return None
    try:
        days = int(str(value).strip())
    except ValueError:
        errors["agreed_response_days"] = (f"'{value}' is geen aantal dagen; vul een heel getal "
                                          "in, of laat het leeg als er geen afspraak is.")
        return None
    if not 0 <= days <= MAX_RESPONSE_DAYS:
        errors["agreed_response_days"] = (f"Vul 0 tot en met {MAX_RESPONSE_DAYS} dagen in, of "
                                          "laat het leeg als er geen afspraak is.")
        return None
    return days


def _new_code(session: Session, organisation: str, service: str) -> str:
    """A readable, unique code from the name: 'ggd_bn_jeugdgezondheidszorg'."""
    base = ascii_slug(f"{organisation} {service}", "_")[:36].strip("_") or "organisatie"
    taken = set(session.exec(select(Destination.code)).all())
    code, number = base, 2
    while code in taken:
        code, number = f"{base}_{number}", number + 1
    return code


def save_destination(engine: Engine, values: Mapping[str, object],
                     destination_id: int | None = None) -> int:
    """save_destination_in in a transaction of its own; returns the destination's id."""
    with write_session(engine) as session:
        return save_destination_in(session, values, destination_id)


def save_destination_in(session: Session, values: Mapping[str, object],
                        destination_id: int | None = None) -> int:
    """Create (destination_id None) or change a destination; returns its id.

    Keys: organisation, service, phone, email, website, agreed_response_days (int, text or
    empty), life_domains (codes), active (bool).
    """
    errors: dict[str, str] = {}
    organisation = check_text(values, errors, "organisation", 120,
                              "Vul de naam van de organisatie in.", one_line=True)
    service = check_text(values, errors, "service", 120, one_line=True)
    phone = email = ""
    try:
        phone = normalize_phone(str(values.get("phone") or ""))
    except ValidationError as exc:
        errors["phone"] = exc.message
    try:
        email = normalize_email(str(values.get("email") or ""))
    except ValidationError as exc:
        errors["email"] = exc.message
    website = check_text(values, errors, "website", 200, one_line=True)
    if website and not _WEBSITE.fullmatch(website):
        errors["website"] = (f"'{website}' is geen webadres; bijvoorbeeld "
                             "https://www.voorbeeld.nl")
    days = _days(values.get("agreed_response_days"), errors)
    wanted = check_life_domains(session, values, errors, "Kies minstens één leefdomein "
                                "waarvoor men hier terecht kan.")
    record = None
    if destination_id is not None:
        record = session.get(Destination, destination_id)
        if record is None:
            raise FormErrors({"organisation": "Deze organisatie bestaat niet meer op de "
                              "sociale kaart; ververs de lijst."}, LABELS)
    if organisation and "organisation" not in errors:
        twin = session.exec(select(Destination).where(
            Destination.organisation == organisation, Destination.service == service,
            Destination.id != destination_id)).first()
        if twin is not None:
            errors["service"] = (f"{organisation}{' – ' + service if service else ''} staat "
                                 "al op de sociale kaart; pas die aan, of vul een andere "
                                 "dienst in.")
    if errors:
        raise FormErrors(errors, LABELS)
    if website and not website.lower().startswith(("http://", "https://")):
        website = f"https://{website}"
    if record is None:
        record = Destination(code=_new_code(session, organisation, service),
                             organisation=organisation)
    record.organisation, record.service = organisation, service
    record.phone, record.email, record.website = phone, email, website
    record.agreed_response_days = days
    record.active = values.get("active", True) is not False
    record.updated_at = utcnow()
    session.add(record)
    session.flush()
    assert record.id is not None
    session.execute(delete(DestinationLifeDomain).where(
        col(DestinationLifeDomain.destination_id) == record.id))
    for code in wanted:
        session.add(DestinationLifeDomain(destination_id=record.id, life_domain_code=code))
    return record.id
