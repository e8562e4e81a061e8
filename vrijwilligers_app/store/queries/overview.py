"""The read side of the dashboard (aandachtspunten and maatjes reminders): raw rows only.

The services (services/attention.py, services/maatjes/reminders.py) turn these rows into
Dutch items by their rules; every query here runs on the caller's Session, so the whole
dashboard reads one consistent snapshot.
"""

from collections.abc import Sequence
from datetime import date
from typing import Any

from sqlalchemy import text
from sqlmodel import Session

from vrijwilligers_app.store.queries.names import full_name_sql

Rows = list[tuple[Any, ...]]


def _rows(session: Session, sql: str, **params: object) -> Rows:
    return [tuple(r) for r in session.connection().execute(text(sql), params)]


def overdue_referrals(session: Session, today: date, limit: int) -> Rows:
    """(id, organisation, follow_up_on, who, signalled_on) of open referrals past follow-up."""
    return _rows(session, f"""
        SELECT r.id, coalesce(d.organisation, ''), r.follow_up_on,
               CASE WHEN p.id IS NOT NULL THEN {full_name_sql("p")}
                    ELSE 'anoniem (' || coalesce(w.name, '?') || ', ' || r.age_band || ')'
               END, r.signalled_on
        FROM referral r
        JOIN destination d ON d.id = r.destination_id
        LEFT JOIN resident p ON p.id = r.resident_id
        LEFT JOIN district w ON w.code = r.district_code
        WHERE r.follow_up_on < :today
          AND r.status NOT IN ('afgesloten', 'teruggemeld', 'afgewezen')
        ORDER BY r.follow_up_on LIMIT :limit""", today=today, limit=limit)


def volunteers_with_old_vog(session: Session, seen_before: date, limit: int) -> Rows:
    """(id, name, vog_date) of active volunteers in a role whose VOG is missing or older."""
    return _rows(session, f"""
        SELECT v.id, {full_name_sql("v")}, v.vog_date FROM volunteer v
        WHERE v.end_date IS NULL AND v.archived_at IS NULL
          AND (v.vog_date IS NULL OR v.vog_date < :limit)
          AND EXISTS (SELECT 1 FROM volunteer_role r WHERE r.volunteer_id = v.id
                      AND r.end_date IS NULL)
        ORDER BY v.vog_date LIMIT :max""", limit=seen_before, max=limit)


def running_matches_last_contact(session: Session, default_weeks: int) -> Rows:
    """(match, initiative, resident, volunteer, last contact or start, contact weeks)."""
    return _rows(session, f"""
        SELECT m.id, q.initiative_id, {full_name_sql("res")}, {full_name_sql("v")},
               coalesce((SELECT max(c.occurred_on) FROM contact_moment c
                         WHERE c.match_id = m.id), m.started_on),
               coalesce(i.buddy_contact_weeks, :weeks)
        FROM buddy_match m JOIN buddy_request q ON q.id = m.request_id
        JOIN resident res ON res.id = q.resident_id JOIN volunteer v ON v.id = m.volunteer_id
        JOIN initiative i ON i.id = q.initiative_id
        WHERE m.started_on IS NOT NULL AND m.ended_on IS NULL""", weeks=default_weeks)


def due_evaluations(session: Session, today: date) -> Rows:
    """(match, initiative, resident, volunteer, first planned date) of evaluations not held."""
    return _rows(session, f"""
        SELECT m.id, q.initiative_id, {full_name_sql("res")}, {full_name_sql("v")},
               min(e.planned_on)
        FROM evaluation e JOIN buddy_match m ON m.id = e.match_id
        JOIN buddy_request q ON q.id = m.request_id
        JOIN resident res ON res.id = q.resident_id JOIN volunteer v ON v.id = m.volunteer_id
        WHERE e.held_on IS NULL AND e.planned_on <= :today AND m.ended_on IS NULL
        GROUP BY m.id""", today=today.isoformat())


def open_requests_waiting_since(session: Session, default_weeks: int) -> Rows:
    """(request, initiative, resident, project, waiting since, waiting weeks allowed)."""
    return _rows(session, f"""
        SELECT q.id, q.initiative_id, {full_name_sql("res")}, i.name,
               CASE WHEN q.status = 'wachtend' THEN coalesce(q.waiting_since, q.requested_on)
                    ELSE q.requested_on END,
               coalesce(i.buddy_waiting_weeks, :weeks)
        FROM buddy_request q JOIN resident res ON res.id = q.resident_id
        JOIN initiative i ON i.id = q.initiative_id
        WHERE q.status IN ('aanmelding', 'intake', 'wachtend')""", weeks=default_weeks)


def buddy_volunteers_vog(session: Session, today: date, default_years: int,
                         not_buddy_roles: Sequence[str]) -> Rows:
    """(volunteer, name, vog_date, strictest years, an initiative) for volunteers in a buddy
    role of a maatjesproject or in an open match. `not_buddy_roles` are our own codes."""
    roles = ", ".join(f"'{c}'" for c in not_buddy_roles)
    return _rows(session, f"""
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
        GROUP BY v.id""", years=default_years, today=today.isoformat())


def volunteers_vog_ending(session: Session, today: date, default_years: int, limit: int
                          ) -> Rows:
    """(id, name, vog_date, strictest maximum age in years, initiative name) of volunteers
    with a current role and a VOG, oldest VOG first."""
    return _rows(session, f"""
        SELECT v.id, {full_name_sql("v")}, v.vog_date,
               min(coalesce(i.vog_max_age_years, :years)), min(i.name)
        FROM volunteer v JOIN volunteer_role r ON r.volunteer_id = v.id
        JOIN initiative i ON i.id = r.initiative_id
        WHERE v.archived_at IS NULL AND (v.end_date IS NULL OR v.end_date >= :today)
          AND v.vog_date IS NOT NULL
          AND (r.end_date IS NULL OR r.end_date >= :today)
          AND (r.start_date IS NULL OR r.start_date <= :today)
        GROUP BY v.id ORDER BY v.vog_date LIMIT :max""",
                 years=default_years, today=today.isoformat(), max=limit)
