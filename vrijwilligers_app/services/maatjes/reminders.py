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
from typing import Any

from sqlalchemy import Engine, text

from vrijwilligers_app.domain.follow_up_rules import (
    DEFAULT_CONTACT_WEEKS,
    DEFAULT_WAITING_WEEKS,
    VOG_RENEW_YEARS,
)
from vrijwilligers_app.domain.matching import vog_valid_until
from vrijwilligers_app.domain.validation import format_date_nl
from vrijwilligers_app.services.maatjes.suggest import NOT_A_BUDDY_ROLES
from vrijwilligers_app.store.queries.names import full_name_sql

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


def _rows(engine: Engine, sql: str, **params: object) -> list[tuple[Any, ...]]:
    with engine.connect() as connection:
        return [tuple(r) for r in connection.execute(text(sql), params)]


def _silent_matches(engine: Engine, today: date) -> list[BuddyReminder]:
    items = []
    for mid, initiative, resident, volunteer, last, weeks in _rows(engine, f"""
            SELECT m.id, q.initiative_id, {full_name_sql("res")}, {full_name_sql("v")},
                   coalesce((SELECT max(c.occurred_on) FROM contact_moment c
                             WHERE c.match_id = m.id), m.started_on),
                   coalesce(i.buddy_contact_weeks, :weeks)
            FROM buddy_match m JOIN buddy_request q ON q.id = m.request_id
            JOIN resident res ON res.id = q.resident_id JOIN volunteer v ON v.id = m.volunteer_id
            JOIN initiative i ON i.id = q.initiative_id
            WHERE m.started_on IS NOT NULL AND m.ended_on IS NULL""",
            weeks=DEFAULT_CONTACT_WEEKS):
        due = date.fromisoformat(last) + timedelta(weeks=int(weeks))
        if due < today:
            items.append(BuddyReminder(
                "geen_contact", "matches", mid, initiative,
                f"Maatjes {volunteer} en {resident}: geen contact sinds "
                f"{format_date_nl(date.fromisoformat(last))} (afspraak: elke {weeks} weken)",
                due, (today - due).days))
    return items


def _due_evaluations(engine: Engine, today: date) -> list[BuddyReminder]:
    items = []
    for mid, initiative, resident, volunteer, planned in _rows(engine, f"""
            SELECT m.id, q.initiative_id, {full_name_sql("res")}, {full_name_sql("v")},
                   min(e.planned_on)
            FROM evaluation e JOIN buddy_match m ON m.id = e.match_id
            JOIN buddy_request q ON q.id = m.request_id
            JOIN resident res ON res.id = q.resident_id JOIN volunteer v ON v.id = m.volunteer_id
            WHERE e.held_on IS NULL AND e.planned_on <= :today AND m.ended_on IS NULL
            GROUP BY m.id""", today=today.isoformat()):
        due = date.fromisoformat(planned)
        items.append(BuddyReminder(
            "evaluatie", "matches", mid, initiative,
            f"Evaluatie maatjes {volunteer} en {resident} gepland op {format_date_nl(due)}"
            + (f" ({(today - due).days} dagen te laat)" if today > due else ""),
            due, (today - due).days))
    return items


def _long_waiting(engine: Engine, today: date) -> list[BuddyReminder]:
    items = []
    for rid, initiative, resident, project, since, weeks in _rows(engine, f"""
            SELECT q.id, q.initiative_id, {full_name_sql("res")}, i.name,
                   CASE WHEN q.status = 'wachtend' THEN coalesce(q.waiting_since, q.requested_on)
                        ELSE q.requested_on END,
                   coalesce(i.buddy_waiting_weeks, :weeks)
            FROM buddy_request q JOIN resident res ON res.id = q.resident_id
            JOIN initiative i ON i.id = q.initiative_id
            WHERE q.status IN ('aanmelding', 'intake', 'wachtend')""",
            weeks=DEFAULT_WAITING_WEEKS):
        start = date.fromisoformat(since)
        due = start + timedelta(weeks=int(weeks))
        if due < today:
            waited = (today - start).days // 7
            items.append(BuddyReminder(
                "wachtlijst", "requests", rid, initiative,
                f"{resident} wacht al {waited} weken op een maatje bij {project} "
                f"(afspraak: hoogstens {weeks} weken)", due, (today - due).days))
    return items


def _vog_problems(engine: Engine, today: date) -> list[BuddyReminder]:
    roles = ", ".join(f"'{c}'" for c in NOT_A_BUDDY_ROLES)
    items = []
    for vid, name, vog, years, initiative in _rows(engine, f"""
            SELECT v.id, {full_name_sql("v")}, v.vog_date,
                   min(coalesce(i.vog_max_age_years, :years)), min(i.id)
            FROM volunteer v
            JOIN volunteer_role r ON r.volunteer_id = v.id
            JOIN initiative i ON i.id = r.initiative_id
            WHERE v.archived_at IS NULL AND (v.end_date IS NULL OR v.end_date >= :today)
              AND ((i.type_code = 'maatjesproject' AND r.role_code NOT IN ({roles})
                    AND (r.end_date IS NULL OR r.end_date >= :today))
                   OR EXISTS (SELECT 1 FROM buddy_match m JOIN buddy_request q
                              ON q.id = m.request_id WHERE m.volunteer_id = v.id
                              AND m.ended_on IS NULL AND q.initiative_id = i.id))
            GROUP BY v.id""", years=VOG_RENEW_YEARS, today=today.isoformat()):
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
    """All maatjes reminders, by kind (waiting residents first), then longest overdue."""
    items = (_long_waiting(engine, today) + _silent_matches(engine, today)
             + _due_evaluations(engine, today) + _vog_problems(engine, today))
    items.sort(key=lambda r: (KIND_ORDER[r.kind], -r.days_late, r.record_id))
    return items
