"""Doorverwijzingen: the status history rules. Pure Python: no Qt, no SQL.

A referral's events are the truth; its status and follow-up date are derived from them.

Episodes. An *aanmelding* ('aangemeld', or 'doorgestuurd' to another organisation) opens an
episode; 'afgesloten' and 'afgewezen' close it. The rules, checked in time order:

- the first event is 'gesignaleerd', and it occurs only once;
- no event lies before the signal date (the referral's `signalled_on`);
- 'contact', 'in_behandeling', 'geholpen' and 'afgewezen' need an open episode: never
  before 'aangemeld', never after 'afgesloten'/'afgewezen' without a new aanmelding;
- 'aangemeld' is refused while the referral is already aangemeld and open; after
  'doorgestuurd' it may confirm the aanmelding at the new organisation, and after
  'afgesloten' or 'afgewezen' it *reopens* the referral (the question came back);
- 'doorgestuurd' needs an open episode or a refusal ('afgewezen') just before: a closed
  referral is reopened with 'aangemeld', not forwarded;
- 'afgesloten' needs an earlier aanmelding and is not repeated (a closed referral is first
  reopened); closing after 'afgewezen' is allowed;
- 'teruggemeld' (the organisation reports the outcome to the volunteer) comes after
  'afgesloten' or 'afgewezen';
- 'nagebeld' (the volunteer's follow-up call) may come at any time after the signal.

Status: the kind of the last event, except that 'nagebeld' after closing keeps the closed
status (a call does not reopen a referral). Closed statuses are 'afgesloten', 'teruggemeld'
and 'afgewezen', as in the register queries and the dashboard.

Events with the same moment keep the order in which they were entered. The service stores an
event entered with a date only at 12:00 UTC of that day.
"""

from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from datetime import date, datetime, time, timedelta
from typing import Protocol, TypeVar

from vrijwilligers_app.domain.validation import format_date_nl

EVENT_KINDS: dict[str, str] = {
    "gesignaleerd": "Gesignaleerd",
    "aangemeld": "Aangemeld bij organisatie",
    "contact": "Contact gehad met inwoner",
    "in_behandeling": "In behandeling",
    "geholpen": "Geholpen",
    "afgesloten": "Afgesloten",
    "teruggemeld": "Teruggemeld aan vrijwilliger",
    "afgewezen": "Afgewezen",
    "doorgestuurd": "Doorgestuurd",
    "nagebeld": "Nagebeld",
}
URGENCIES: dict[str, str] = {"normaal": "Normaal", "hoog": "Hoog", "spoed": "Spoed"}

OPENING = frozenset({"aangemeld", "doorgestuurd"})
CLOSING = frozenset({"afgesloten", "afgewezen"})
NEEDS_OPEN = frozenset({"contact", "in_behandeling", "geholpen", "afgewezen"})
# What counts as the organisation's first contact with the resident (waiting time ends).
FIRST_CONTACT = frozenset({"contact", "in_behandeling", "geholpen"})
# What ends the lead time (doorlooptijd).
DONE = frozenset({"geholpen", "afgesloten"})
CLOSED_STATES = frozenset({"afgesloten", "teruggemeld", "afgewezen"})

# Days until the next follow-up call after the last event. Spoed and hoog have fixed
# intervals; normaal follows the destination's agreed response time when it has one.
FOLLOW_UP_DAYS: dict[str, int] = {"spoed": 2, "hoog": 7}
DEFAULT_FOLLOW_UP_DAYS = 14
# Used for the date-only events the service stores (see the module docstring).
DATE_ONLY_TIME = time(12, 0)


class EventLike(Protocol):
    @property
    def kind(self) -> str: ...

    @property
    def occurred_at(self) -> datetime | date: ...

    @property
    def destination_id(self) -> int | None: ...


E = TypeVar("E", bound=EventLike)


@dataclass(frozen=True)
class Event:
    kind: str
    occurred_at: datetime | date
    destination_id: int | None = None


def event_day(moment: datetime | date) -> date:
    """The calendar day of an event (the day of its own time zone: UTC for stored events)."""
    return moment.date() if isinstance(moment, datetime) else moment


def _sort_key(moment: datetime | date) -> tuple[date, time]:
    if isinstance(moment, datetime):
        return moment.date(), moment.timetz().replace(tzinfo=None)
    return moment, DATE_ONLY_TIME


def in_order(events: Iterable[E]) -> list[E]:
    """Events in time order; equal moments keep the order given (the order of entry)."""
    return sorted(events, key=lambda e: _sort_key(e.occurred_at))


def label(kind: str) -> str:
    return EVENT_KINDS.get(kind, kind)


def _at(event: EventLike) -> str:
    return f"'{label(event.kind)}' op {format_date_nl(event_day(event.occurred_at))}"


@dataclass
class _State:
    registered: bool = False  # an aanmelding at some time
    open: bool = False  # an episode is open
    aangemeld: bool = False  # the open episode has an 'aangemeld' (not only 'doorgestuurd')
    closed_by: str | None = None  # 'afgesloten' / 'afgewezen' while closed


def _problem(state: _State, event: EventLike) -> str | None:
    """What is wrong with `event` after the history that led to `state`; None if allowed."""
    kind, where = event.kind, _at(event)
    if kind == "aangemeld":
        if state.open and state.aangemeld:
            return f"{where}: de inwoner is dan al aangemeld en nog niet afgesloten."
        return None
    if kind in NEEDS_OPEN:
        if not state.registered:
            return f"{where} kan pas na '{label('aangemeld')}'."
        if not state.open:
            return (f"{where} komt na '{label(state.closed_by or 'afgesloten')}'; meld de "
                    "inwoner eerst opnieuw aan.")
        return None
    if kind == "doorgestuurd":
        if not state.open and state.closed_by != "afgewezen":
            if not state.registered:
                return f"{where} kan pas na '{label('aangemeld')}'."
            return (f"{where} komt na '{label('afgesloten')}'; meld de inwoner opnieuw aan "
                    "in plaats van door te sturen.")
        return None
    if kind == "afgesloten":
        if not state.registered:
            return f"{where} kan pas na '{label('aangemeld')}'."
        if state.closed_by == "afgesloten":
            return f"{where}: de doorverwijzing is dan al afgesloten."
        return None
    if kind == "teruggemeld":
        if state.closed_by is None:
            return (f"{where} kan pas na '{label('afgesloten')}' of "
                    f"'{label('afgewezen')}'.")
        return None
    return None  # nagebeld


def _advance(state: _State, kind: str) -> None:
    if kind in OPENING:
        state.registered = state.open = True
        state.aangemeld = kind == "aangemeld"  # after 'doorgestuurd' it may still follow
        state.closed_by = None
    elif kind in CLOSING:
        state.open, state.aangemeld, state.closed_by = False, False, kind


def validate_history(signalled_on: date, events: Iterable[EventLike]) -> list[str]:
    """Every problem in a history, in Dutch, one sentence each; [] when all is well."""
    problems: list[str] = []
    state = _State()
    checked = 0  # events checked for their place (those dated before the signal are not)
    for event in in_order(events):
        if event.kind not in EVENT_KINDS:
            problems.append(f"Onbekende soort gebeurtenis '{event.kind}'.")
            continue
        if event_day(event.occurred_at) < signalled_on:
            problems.append(f"{_at(event)} ligt vóór de signaleringsdatum "
                            f"{format_date_nl(signalled_on)}.")
            continue
        checked += 1
        if event.kind == "gesignaleerd":
            if checked != 1:
                problems.append(f"{_at(event)}: '{label('gesignaleerd')}' kan maar één keer, "
                                "als eerste gebeurtenis.")
            continue
        if checked == 1:
            problems.append(f"De eerste gebeurtenis moet '{label('gesignaleerd')}' zijn, "
                            f"niet {_at(event)}.")
        problem = _problem(state, event)
        if problem:
            problems.append(problem)
        _advance(state, event.kind)
    return problems


def current_status(events: Iterable[EventLike]) -> str:
    """The status a referral with these events has (see the module docstring)."""
    status = "gesignaleerd"
    for event in in_order(events):
        if event.kind == "nagebeld" and status in CLOSED_STATES:
            continue
        status = event.kind
    return status


def is_open(status: str) -> bool:
    return status not in CLOSED_STATES


def follow_up_days(urgency: str, agreed_response_days: int | None) -> int:
    """Spoed 2 days, hoog 7, normaal the agreed response time (at least 1) or else 14."""
    if urgency in FOLLOW_UP_DAYS:
        return FOLLOW_UP_DAYS[urgency]
    if agreed_response_days is not None:
        return max(1, agreed_response_days)
    return DEFAULT_FOLLOW_UP_DAYS


def next_follow_up(last_day: date, urgency: str, agreed_response_days: int | None) -> date:
    """When the volunteer should next ask how things stand: the interval for the urgency
    after the last event (or the signal date when there are no events yet)."""
    return last_day + timedelta(days=follow_up_days(urgency, agreed_response_days))


def follow_up_on(signalled_on: date, events: Sequence[EventLike], urgency: str,
                 agreed_response_days: int | None) -> date | None:
    """The follow-up date to store: None once the referral is closed."""
    if not is_open(current_status(events)):
        return None
    days = [event_day(e.occurred_at) for e in events]
    return next_follow_up(max([signalled_on, *days]), urgency, agreed_response_days)


def current_destination(first_destination_id: int, events: Iterable[EventLike]) -> int:
    """Where the referral is now: the last 'doorgestuurd' target, else the first one."""
    current = first_destination_id
    for event in in_order(events):
        if event.kind == "doorgestuurd" and event.destination_id is not None:
            current = event.destination_id
    return current


@dataclass(frozen=True)
class Milestones:
    """The days the waiting and lead times are measured between, derived from the events and
    cached on the referral (so the figures need not read every event again):

    - `registered_on`: the first 'aangemeld';
    - `first_contact_on`: the first contact, in behandeling or geholpen;
    - `done_on`: the first geholpen/afgesloten after the last 'aangemeld' (a reopened
      referral is done only when its latest aanmelding is);
    - `closed_on`: the day of the last opening or closing event when that event closes the
      referral (afgesloten/afgewezen); None while open.
    """

    registered_on: date | None = None
    first_contact_on: date | None = None
    done_on: date | None = None
    closed_on: date | None = None


def milestones(events: Iterable[EventLike]) -> Milestones:
    ordered = in_order(events)
    registrations = [e for e in ordered if e.kind == "aangemeld"]
    contacts = [e for e in ordered if e.kind in FIRST_CONTACT]
    since = _sort_key(registrations[-1].occurred_at) if registrations else None
    done = [e for e in ordered if e.kind in DONE
            and (since is None or _sort_key(e.occurred_at) >= since)]
    turns = [e for e in ordered if e.kind in OPENING | CLOSING]
    closed = turns[-1] if turns and turns[-1].kind in CLOSING else None

    def day(event: EventLike | None) -> date | None:
        return None if event is None else event_day(event.occurred_at)

    return Milestones(day(registrations[0] if registrations else None),
                      day(contacts[0] if contacts else None), day(done[0] if done else None),
                      day(closed))
