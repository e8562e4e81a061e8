"""Rules across fields shared by several kinds: periods, dates that cannot be future, and
the leefdomeinen a referral or an organisation is about."""

from collections.abc import Mapping
from datetime import date

from sqlmodel import Session, select

from vrijwilligers_app.domain.validation import BSN_WARNING, format_date_nl, looks_like_bsn
from vrijwilligers_app.store.tables import LifeDomain

Values = dict[str, object]
Errors = dict[str, str]

REQUIRED_TEXT = "Dit veld is verplicht; vul het in."
REQUIRED_CHOICE = "Dit veld is verplicht; kies uit de lijst."


def check_period(values: Values, errors: Errors, start_key: str = "start_date",
                 end_key: str = "end_date") -> None:
    start, end = values.get(start_key), values.get(end_key)
    if isinstance(start, date) and isinstance(end, date) and end < start:
        errors.setdefault(end_key, f"{format_date_nl(end)} ligt vóór de startdatum "
                          f"{format_date_nl(start)}; de einddatum moet op of na de "
                          "startdatum liggen.")


def check_not_future(values: Values, errors: Errors, key: str, today: date, what: str) -> None:
    """`what` completes 'vul de dag in waarop ...', e.g. 'de toestemming is gegeven'."""
    value = values.get(key)
    if isinstance(value, date) and value > today:
        errors.setdefault(key, f"{format_date_nl(value)} ligt in de toekomst; vul de dag in "
                          f"waarop {what}.")


def require_date_when_checked(values: Values, errors: Errors, flag: str, key: str,
                              what: str) -> None:
    """A checked box needs its date: 'ja' without a date proves nothing (AVG)."""
    if values.get(flag) is True and values.get(key) is None and key not in errors:
        errors[key] = f"Vul de datum in waarop {what} (dd-mm-jjjj)."


def check_life_domains(session: Session, values: Mapping[str, object], errors: Errors,
                       missing: str, key: str = "life_domains") -> list[str]:
    """The chosen leefdomein codes (each once, in order); unknown codes and an empty choice
    are errors."""
    wanted = list(dict.fromkeys(values.get(key) or []))  # type: ignore[call-overload]
    known = set(session.exec(select(LifeDomain.code)).all())
    unknown = [code for code in wanted if code not in known]
    if unknown:
        errors[key] = f"Onbekend leefdomein: {', '.join(unknown)}; kies uit de lijst."
    elif not wanted:
        errors[key] = missing
    return wanted


def check_text(values: Mapping[str, object], errors: Errors, key: str, limit: int,
               required: str | None = None, one_line: bool = False) -> str:
    """Free text, trimmed (`one_line`: inner runs of spaces and line breaks become one
    space); `required` is the message when it is empty. Too long or a BSN is an error."""
    value = values.get(key) or ""
    if not isinstance(value, str):
        errors[key] = "Vul hier tekst in."
        return ""
    value = " ".join(value.split()) if one_line else value.strip()
    if required and not value:
        errors[key] = required
    elif len(value) > limit:
        errors[key] = f"Maximaal {limit} tekens; nu zijn het er {len(value)}. Maak het korter."
    elif looks_like_bsn(value):
        errors[key] = BSN_WARNING
    return value
