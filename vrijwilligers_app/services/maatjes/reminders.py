"""Maatjes reminders for the dashboard, each by its project's own rule.

- geen_contact: a running match without contact for more than the project's
  buddy_contact_weeks (counted from the last contact, else from the start);
- evaluatie: a planned evaluation of a running match that is due and not held;
- wachtlijst: a request on the waiting list (or still in aanmelding/intake) longer than the
  project's buddy_waiting_weeks (from waiting_since, else from the aanmelding);
- vog: a volunteer with a buddy role in a maatjesproject, or in an open match, whose VOG is
  missing or older than the strictest rule of those projects.
Projects without a rule use the dashboard's defaults (domain/follow_up_rules.py).
"""

from dataclasses import dataclass
from datetime import date, timedelta

from sqlalchemy import Engine
from sqlmodel import Session

from vrijwilligers_app.domain.follow_up_rules import (
    DEFAULT_CONTACT_WEEKS,
    DEFAULT_WAITING_WEEKS,
    VOG_RENEW_YEARS,
)
from vrijwilligers_app.domain.matching import vog_valid_until
from vrijwilligers_app.domain.validation import format_date_nl
from vrijwilligers_app.services.maatjes.suggest import NOT_A_BUDDY_ROLES
from vrijwilligers_app.store.engine import read_session
from vrijwilligers_app.store.queries import overview

KIND_ORDER = {"wachtlijst": 0, "geen_contact": 1, "evaluatie": 2, "vog": 3}


@dataclass(frozen=True)
class BuddyReminder:
    kind: str  # geen_contact, evaluatie, wachtlijst, vog
    page: str  # register page key to open: matches, requests, volunteers
    record_id: int
    initiative_id: int | None
    text: str
    due_on: date
    days_late: int


def _silent_matches(session: Session, today: date) -> list[BuddyReminder]:
    items = []
    rows = overview.running_matches_last_contact(session, DEFAULT_CONTACT_WEEKS)
    for mid, initiative, resident, volunteer, last, weeks in rows:
        due = date.fromisoformat(last) + timedelta(weeks=int(weeks))
        if due < today:
            items.append(BuddyReminder(
                "geen_contact", "matches", mid, initiative,
                f"Maatjes {volunteer} en {resident}: geen contact sinds "
                f"{format_date_nl(date.fromisoformat(last))} (afspraak: elke {weeks} weken)",
                due, (today - due).days))
    return items


def _due_evaluations(session: Session, today: date) -> list[BuddyReminder]:
    items = []
    for mid, initiative, resident, volunteer, planned in overview.due_evaluations(session, today):
        due = date.fromisoformat(planned)
        items.append(BuddyReminder(
            "evaluatie", "matches", mid, initiative,
            f"Evaluatie maatjes {volunteer} en {resident} gepland op {format_date_nl(due)}"
            + (f" ({(today - due).days} dagen te laat)" if today > due else ""),
            due, (today - due).days))
    return items


def _long_waiting(session: Session, today: date) -> list[BuddyReminder]:
    items = []
    rows = overview.open_requests_waiting_since(session, DEFAULT_WAITING_WEEKS)
    for rid, initiative, resident, project, since, weeks in rows:
        start = date.fromisoformat(since)
        due = start + timedelta(weeks=int(weeks))
        if due < today:
            waited = (today - start).days // 7
            items.append(BuddyReminder(
                "wachtlijst", "requests", rid, initiative,
                f"{resident} wacht al {waited} weken op een maatje bij {project} "
                f"(afspraak: hoogstens {weeks} weken)", due, (today - due).days))
    return items


def _vog_problems(session: Session, today: date) -> list[BuddyReminder]:
    items = []
    rows = overview.buddy_volunteers_vog(session, today, VOG_RENEW_YEARS, NOT_A_BUDDY_ROLES)
    for vid, name, vog, years, initiative in rows:
        if vog is None:
            items.append(BuddyReminder("vog", "volunteers", vid, initiative,
                                       f"VOG van maatje {name} ontbreekt", today, 0))
            continue
        until = vog_valid_until(date.fromisoformat(vog), int(years))
        if until is not None and until < today:
            items.append(BuddyReminder(
                "vog", "volunteers", vid, initiative,
                f"VOG van maatje {name} is ouder dan {years} jaar "
                f"(gezien {format_date_nl(date.fromisoformat(vog))})",
                until, (today - until).days))
    return items


def buddy_reminders(engine: Engine, today: date) -> list[BuddyReminder]:
    """All maatjes reminders in one read transaction (see buddy_reminders_in)."""
    with read_session(engine) as session:
        return buddy_reminders_in(session, today)


def buddy_reminders_in(session: Session, today: date) -> list[BuddyReminder]:
    """All maatjes reminders, by kind (waiting residents first), then longest overdue."""
    items = (_long_waiting(session, today) + _silent_matches(session, today)
             + _due_evaluations(session, today) + _vog_problems(session, today))
    items.sort(key=lambda r: (KIND_ORDER[r.kind], -r.days_late, r.record_id))
    return items
