"""Consent rules, pure: purposes, how consent was given, and the checks on its dates.

A resident's consents form a ledger (store.tables.consents). A consent is *current* when it
was given and not withdrawn. The rules of the register:
- a named resident needs a current 'vastleggen' consent; without it the help is recorded
  anonymously (wijk and age band);
- a named referral needs a current 'delen' consent for that very organisation;
- a resident is sent to the gemeente as an (pseudonymous) row only with a current 'gemeente'
  consent; otherwise only counted.
"""

from collections.abc import Iterable
from dataclasses import dataclass
from datetime import date

from vrijwilligers_app.domain.validation import format_date_nl

RECORDING, SHARING, GEMEENTE = "vastleggen", "delen", "gemeente"
PURPOSES: dict[str, str] = {
    RECORDING: "Gegevens vastleggen in dit register",
    SHARING: "Gegevens delen met een organisatie",
    GEMEENTE: "Meetellen in de cijfers voor de gemeente (zonder naam)",
}
HOW: dict[str, str] = {"mondeling": "Mondeling", "schriftelijk": "Schriftelijk"}
HOW_LABELS: dict[str, str] = {**HOW, "onbekend": "Onbekend (overgenomen)"}
EARLIEST = date(1900, 1, 1)


@dataclass(frozen=True)
class Entry:
    """One ledger row, as the rules need it."""
    id: int
    purpose: str
    destination_id: int | None
    given_on: date
    withdrawn_on: date | None

    @property
    def current(self) -> bool:
        return self.withdrawn_on is None


def current_for(entries: Iterable[Entry], purpose: str,
                destination_id: int | None = None) -> Entry | None:
    """The current consent for a purpose (and organisation), the earliest given first."""
    found = [e for e in entries if e.current and e.purpose == purpose
             and (purpose != SHARING or e.destination_id == destination_id)]
    return min(found, key=lambda e: (e.given_on, e.id), default=None)


def given_on_problem(given_on: date | None, today: date, birth_year: int | None) -> str | None:
    """Why a date of giving consent cannot be right (Dutch), or None."""
    if given_on is None:
        return "Vul de datum in waarop de inwoner toestemming gaf (dd-mm-jjjj)."
    if given_on > today:
        return (f"{format_date_nl(given_on)} ligt in de toekomst; toestemming kan alleen "
                "gegeven zijn tot en met vandaag.")
    if birth_year is not None and given_on.year < birth_year:
        return (f"{format_date_nl(given_on)} ligt vóór het geboortejaar van de inwoner "
                f"({birth_year}); controleer de datum.")
    if given_on < EARLIEST:
        return f"{format_date_nl(given_on)} is te lang geleden; controleer de datum."
    return None


def withdrawn_on_problem(withdrawn_on: date | None, given_on: date, today: date) -> str | None:
    """Why a date of withdrawing cannot be right (Dutch), or None."""
    if withdrawn_on is None:
        return "Vul de datum in waarop de inwoner de toestemming introk (dd-mm-jjjj)."
    if withdrawn_on > today:
        return (f"{format_date_nl(withdrawn_on)} ligt in de toekomst; intrekken kan tot en "
                "met vandaag.")
    if withdrawn_on < given_on:
        return (f"{format_date_nl(withdrawn_on)} ligt vóór de datum waarop de toestemming "
                f"werd gegeven ({format_date_nl(given_on)}).")
    return None


SHORT: dict[str, str] = {RECORDING: "Vastleggen in dit register",
                         GEMEENTE: "Meetellen voor de gemeente (zonder naam)"}


def purpose_short(purpose: str, organisation: str | None, legacy_scope: str = "") -> str:
    """For a narrow table: 'Delen met Senzer', 'Vastleggen in dit register'."""
    if purpose == SHARING:
        return f"Delen met {organisation}" if organisation else f"Delen met: {legacy_scope}"
    return SHORT[purpose]


def purpose_text(purpose: str, organisation: str | None, legacy_scope: str = "") -> str:
    """'Delen met Senzer', 'Gegevens vastleggen in dit register', ..."""
    if purpose == SHARING:
        if organisation:
            return f"Gegevens delen met {organisation}"
        return f"Gegevens delen met: {legacy_scope} (oude vrije tekst)"
    return PURPOSES[purpose]
