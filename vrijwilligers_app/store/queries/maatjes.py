"""The maatjes aggregate's reads (buddy requests, matches, contacts, evaluations): raw rows.

services/maatjes/views.py turns these into the page's dataclasses, services/maatjes/figures.py
into figures. Every function runs on the caller's Session.
"""

from typing import Any

from sqlalchemy import bindparam, text
from sqlmodel import Session

from vrijwilligers_app.store.queries.names import full_name_sql

Row = tuple[Any, ...]


def _rows(session: Session, sql: str, **params: object) -> list[Row]:
    return [tuple(r) for r in session.connection().execute(text(sql), params)]


def _one(session: Session, sql: str, **params: object) -> Row | None:
    row = session.connection().execute(text(sql), params).one_or_none()
    return None if row is None else tuple(row)


def request_row(session: Session, request_id: int) -> Row | None:
    """id, resident name, wijk, initiative, status, requested_on, intake_on, waiting_since,
    closed_on, close reason, wish, interests, languages, preferred gender and availability."""
    return _one(session, f"""
        SELECT q.id, {full_name_sql("p")}, coalesce(d.name, ''), i.name, q.status,
               q.requested_on, q.intake_on, q.waiting_since, q.closed_on,
               coalesce(r.name, ''), q.wish, q.interests, q.languages,
               q.preferred_gender, q.preferred_availability
        FROM buddy_request q JOIN resident p ON p.id = q.resident_id
        JOIN initiative i ON i.id = q.initiative_id
        LEFT JOIN district d ON d.code = p.district_code
        LEFT JOIN match_end_reason r ON r.code = q.close_reason_code
        WHERE q.id = :id""", id=request_id)


def open_match_of_request(session: Session, request_id: int) -> Row | None:
    """(match id, volunteer name, started) of the request's newest match not ended."""
    return _one(session, f"""
        SELECT m.id, {full_name_sql("v")}, m.started_on IS NOT NULL
        FROM buddy_match m JOIN volunteer v ON v.id = m.volunteer_id
        WHERE m.request_id = :id AND m.ended_on IS NULL ORDER BY m.id DESC LIMIT 1""",
        id=request_id)


def volunteer_names(session: Session, ids: list[int]) -> list[Row]:
    """(id, full name, wijk name) of these volunteers."""
    statement = text(f"""
        SELECT v.id, {full_name_sql("v")}, coalesce(d.name, '') FROM volunteer v
        LEFT JOIN district d ON d.code = v.district_code WHERE v.id IN :ids""").bindparams(
        bindparam("ids", expanding=True))
    return [tuple(r) for r in session.connection().execute(statement, {"ids": ids})]


def match_row(session: Session, match_id: int) -> Row | None:
    """id, request id, resident, volunteer, initiative, proposed_on, started_on, ended_on,
    end reason, score."""
    return _one(session, f"""
        SELECT m.id, m.request_id, {full_name_sql("p")}, {full_name_sql("v")}, i.name,
               m.proposed_on, m.started_on, m.ended_on, coalesce(r.name, ''), m.score
        FROM buddy_match m JOIN buddy_request q ON q.id = m.request_id
        JOIN resident p ON p.id = q.resident_id JOIN volunteer v ON v.id = m.volunteer_id
        JOIN initiative i ON i.id = q.initiative_id
        LEFT JOIN match_end_reason r ON r.code = m.end_reason_code
        WHERE m.id = :id""", id=match_id)


def contacts_of_match(session: Session, match_id: int) -> list[Row]:
    """(id, occurred_on, kind name, minutes, note), newest first."""
    return _rows(session, """
        SELECT c.id, c.occurred_on, coalesce(k.name, c.kind_code), c.duration_minutes,
               c.note
        FROM contact_moment c LEFT JOIN contact_kind k ON k.code = c.kind_code
        WHERE c.match_id = :id ORDER BY c.occurred_on DESC, c.id DESC""", id=match_id)


def evaluations_of_match(session: Session, match_id: int) -> list[Row]:
    """(id, planned_on, held_on, outcome, continue_match) by planned date."""
    return _rows(session, """
        SELECT id, planned_on, held_on, outcome, continue_match FROM evaluation
        WHERE match_id = :id ORDER BY planned_on, id""", id=match_id)


def newest_match_of_request(session: Session, request_id: int) -> int | None:
    """The newest match (open ones first) of a request."""
    found = session.connection().execute(text(
        "SELECT id FROM buddy_match WHERE request_id = :id ORDER BY ended_on IS NULL DESC, "
        "id DESC LIMIT 1"), {"id": request_id}).scalar()
    return int(found) if found is not None else None


def running_buddy_projects(session: Session) -> list[tuple[int, str]]:
    """Running maatjesprojecten (id, name) by name."""
    return [(int(r[0]), str(r[1])) for r in _rows(
        session, "SELECT id, name FROM initiative WHERE type_code = 'maatjesproject' "
        "AND archived_at IS NULL AND end_date IS NULL ORDER BY lower(name), id")]
