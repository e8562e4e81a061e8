"""Life cycle of a maatjes request and the rules a match must keep. Pure Python.

A request walks aanmelding → intake → wachtend → voorgesteld → gekoppeld → afgesloten. A
proposal that does not work out, or a match that ends early (geen klik, vrijwilliger gestopt),
puts the request back on the waiting list; any open step may be closed (afgesloten), which is
final. Every step has a date that may not lie before the step before it, nor in the future.

Checks return a dict of field key → Dutch message (empty when all is well), the shape the
services raise as FormErrors.
"""

from collections.abc import Iterable
from dataclasses import dataclass
from datetime import date

from vrijwilligers_app.domain.validation import format_date_nl

STATUSES: tuple[str, ...] = ("aanmelding", "intake", "wachtend", "voorgesteld", "gekoppeld",
                             "afgesloten")
STATUS_LABELS = {"aanmelding": "aanmelding", "intake": "intake",
                 "wachtend": "wachtend op een maatje", "voorgesteld": "voorgesteld",
                 "gekoppeld": "gekoppeld", "afgesloten": "afgesloten"}
TRANSITIONS: dict[str, frozenset[str]] = {
    "aanmelding": frozenset({"intake", "afgesloten"}),
    "intake": frozenset({"wachtend", "afgesloten"}),
    "wachtend": frozenset({"voorgesteld", "afgesloten"}),
    "voorgesteld": frozenset({"gekoppeld", "wachtend", "afgesloten"}),
    "gekoppeld": frozenset({"wachtend", "afgesloten"}),
    "afgesloten": frozenset(),
}
# End reasons after which the resident still wants a maatje: back on the waiting list.
BACK_TO_WAITING_REASONS = frozenset({"geen_klik", "vrijwilliger_gestopt"})
MAX_CONTACT_MINUTES = 24 * 60


def can_move(current: str, target: str) -> bool:
    return target in TRANSITIONS.get(current, frozenset())


def transition_error(current: str, target: str) -> str | None:
    """None when the step is allowed, else a Dutch message saying what is possible."""
    if current not in TRANSITIONS:
        return f"De status '{current}' is onbekend."
    if target not in TRANSITIONS:
        return f"De status '{target}' is onbekend."
    if can_move(current, target):
        return None
    if current == "afgesloten":
        return "Deze aanvraag is afgesloten; maak een nieuwe aanmelding als de inwoner opnieuw " \
               "een maatje zoekt."
    allowed = [STATUS_LABELS[s] for s in STATUSES if s in TRANSITIONS[current]]
    return (f"Een aanvraag met status '{STATUS_LABELS[current]}' kan niet naar "
            f"'{STATUS_LABELS[target]}'; wel naar: {', '.join(allowed)}.")


def date_error(on: date | None, after: date | None, after_what: str, today: date,
               what: str = "Deze datum") -> str | None:
    """A step date must be filled in, not before the previous step and not in the future."""
    if on is None:
        return "Vul de datum in (dd-mm-jjjj)."
    if on > today:
        return f"{format_date_nl(on)} ligt in de toekomst; vul de dag in waarop het gebeurde."
    if after is not None and on < after:
        return (f"{what} ({format_date_nl(on)}) ligt vóór {after_what} "
                f"({format_date_nl(after)}).")
    return None


@dataclass(frozen=True)
class Period:
    """A match's period: from proposal (or start) to its end; open when `end` is None."""
    start: date
    end: date | None = None

    def overlaps(self, other: "Period") -> bool:
        return ((self.end is None or other.start <= self.end)
                and (other.end is None or self.start <= other.end))


def match_period(proposed_on: date, started_on: date | None, ended_on: date | None) -> Period:
    return Period(started_on or proposed_on, ended_on)


def check_new_match(request_initiative_id: int, volunteer_initiative_ids: Iterable[int],
                    new: Period, same_pair: Iterable[Period], open_on_request: int = 0,
                    initiative_name: str = "dit project") -> dict[str, str]:
    """A new match: the volunteer has a role in the request's project, the pair has no other
    match in the same period, the request has no other open match, the period is sane."""
    errors: dict[str, str] = {}
    if request_initiative_id not in set(volunteer_initiative_ids):
        errors["volunteer_id"] = (f"Deze vrijwilliger is geen actief maatje bij "
                                  f"{initiative_name}; een koppeling kan alleen binnen "
                                  "hetzelfde project.")
    elif any(new.overlaps(p) for p in same_pair):
        errors["volunteer_id"] = ("Deze vrijwilliger en inwoner hebben al een koppeling in "
                                  "dezelfde periode.")
    if open_on_request:
        errors.setdefault("request_id", "Deze aanvraag heeft al een lopende koppeling of "
                          "voorstel; sluit die eerst af.")
    if new.end is not None and new.end < new.start:
        errors["ended_on"] = end_before_start(new.end, new.start)
    return errors


def end_before_start(end: date, start: date) -> str:
    return (f"{format_date_nl(end)} ligt vóór het begin van de koppeling "
            f"({format_date_nl(start)}); de einddatum moet op of na het begin liggen.")


def check_end(period: Period, ended_on: date | None, today: date,
              last_contact: date | None = None) -> dict[str, str]:
    """Ending a match: a date on or after its start, not in the future, not before a
    contact moment already recorded."""
    if ended_on is None:
        return {"ended_on": "Vul de einddatum in (dd-mm-jjjj)."}
    if period.end is not None:
        return {"ended_on": f"Deze koppeling is al beëindigd op {format_date_nl(period.end)}."}
    if ended_on < period.start:
        return {"ended_on": end_before_start(ended_on, period.start)}
    if ended_on > today:
        return {"ended_on": f"{format_date_nl(ended_on)} ligt in de toekomst; beëindig de "
                "koppeling op of na de laatste dag."}
    if last_contact is not None and last_contact > ended_on:
        return {"ended_on": f"Er is nog contact vastgelegd op {format_date_nl(last_contact)}, "
                "na deze einddatum."}
    return {}


def _within_match(on: date | None, started_on: date | None, ended_on: date | None,
                  today: date, what: str) -> str | None:
    if on is None:
        return f"Vul de datum van {what} in (dd-mm-jjjj)."
    if started_on is None:
        return (f"Deze koppeling is nog niet gestart; leg {what} vast na het "
                "koppelingsgesprek.")
    if on < started_on:
        return (f"{format_date_nl(on)} ligt vóór het begin van de koppeling "
                f"({format_date_nl(started_on)}).")
    if ended_on is not None and on > ended_on:
        return (f"{format_date_nl(on)} ligt na het einde van de koppeling "
                f"({format_date_nl(ended_on)}).")
    if on > today:
        return f"{format_date_nl(on)} ligt in de toekomst; leg {what} vast als het geweest is."
    return None


def check_contact(occurred_on: date | None, started_on: date | None, ended_on: date | None,
                  today: date, minutes: int | None = 0) -> dict[str, str]:
    """A contact moment lies within the match period (start..end, or start..today)."""
    errors: dict[str, str] = {}
    if message := _within_match(occurred_on, started_on, ended_on, today, "het contact"):
        errors["occurred_on"] = message
    if minutes is None or not 0 <= minutes <= MAX_CONTACT_MINUTES:
        errors["duration_minutes"] = (f"Vul een duur in van 0 tot {MAX_CONTACT_MINUTES} "
                                      "minuten.")
    return errors


def check_evaluation_held(held_on: date | None, started_on: date | None,
                          ended_on: date | None, today: date) -> dict[str, str]:
    """An evaluation is held within the match period, like a contact moment."""
    message = _within_match(held_on, started_on, ended_on, today, "het evaluatiegesprek")
    return {"held_on": message} if message else {}


def status_after_end(reason_code: str, back_on_waiting_list: bool | None = None) -> str:
    """Where the request goes when its match ends: back to wachtend or afgesloten."""
    if back_on_waiting_list is None:
        back_on_waiting_list = reason_code in BACK_TO_WAITING_REASONS
    return "wachtend" if back_on_waiting_list else "afgesloten"

