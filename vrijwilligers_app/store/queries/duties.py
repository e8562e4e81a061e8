"""The read side of a volunteer's duties (for the .ics roster export): raw rows only."""

from datetime import date
from typing import Any

from sqlalchemy import text
from sqlmodel import Session

from vrijwilligers_app.store.queries.roster import VOLUNTEER_NAME


def volunteer_name(session: Session, volunteer_id: int) -> str | None:
    """The volunteer's display name, or None when there is no such volunteer."""
    row = session.connection().execute(text(
        f"SELECT {VOLUNTEER_NAME} FROM volunteer v WHERE v.id = :id"),
        {"id": volunteer_id}).first()
    return None if row is None else str(row[0])


def duty_rows(session: Session, volunteer_id: int, start: date) -> list[tuple[Any, ...]]:
    """(uuid, role, title, initiative, shift start, shift end, activity start, activity end,
    location, theme, speaker, cancelled, last change) of places from `start` on, in order."""
    return [tuple(r) for r in session.connection().execute(text(
        "SELECT s.uuid, coalesce(r.name, s.role_code), t.title, i.name, s.starts_at, "
        "s.ends_at, t.starts_at, t.ends_at, t.location, t.theme, t.speaker, t.cancelled, "
        "max(s.updated_at, t.updated_at) "
        "FROM shift s JOIN activity t ON t.id = s.activity_id "
        "JOIN initiative i ON i.id = t.initiative_id "
        "LEFT JOIN duty_role r ON r.code = s.role_code "
        "WHERE s.volunteer_id = :id AND s.status <> 'afwezig' "
        "AND substr(s.starts_at, 1, 10) >= :start ORDER BY s.starts_at, s.id"),
        {"id": volunteer_id, "start": start.isoformat()})]


def rostered_volunteers(session: Session, initiative_id: int | None, start: date) -> list[
        tuple[int, str, int]]:
    """(volunteer id, name, number of duties) of volunteers with duties from `start` on,
    optionally only in one initiative; by name."""
    condition = "" if initiative_id is None else "AND t.initiative_id = :initiative"
    rows = session.connection().execute(text(
        f"SELECT v.id, {VOLUNTEER_NAME}, count(*) FROM shift s "
        "JOIN activity t ON t.id = s.activity_id JOIN volunteer v ON v.id = s.volunteer_id "
        f"WHERE substr(s.starts_at, 1, 10) >= :start AND s.status <> 'afwezig' {condition} "
        "GROUP BY v.id ORDER BY v.last_name, v.first_name, v.id"),
        {"start": start.isoformat(), "initiative": initiative_id}).all()
    return [(int(r[0]), str(r[1]), int(r[2])) for r in rows]
