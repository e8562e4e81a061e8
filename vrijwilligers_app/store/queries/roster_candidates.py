"""The write side's reads for duty rosters (services/activities/roster.py): overlapping
places of volunteers, and who could fill a place. Raw rows on the caller's Session.
"""

from datetime import date, datetime
from typing import Any

from sqlalchemy import text
from sqlmodel import Session

from vrijwilligers_app.store.queries.roster import VOLUNTEER_NAME

Row = tuple[Any, ...]


def _stored(moment: datetime) -> str:
    """As SQLAlchemy stores a naive datetime in SQLite, so text comparison is exact."""
    return moment.strftime("%Y-%m-%d %H:%M:%S.%f")


def booking_rows(session: Session, starts: datetime, ends: datetime,
                 volunteer_id: int | None = None) -> list[Row]:
    """(shift id, volunteer id, starts_at, ends_at, activity title, activity starts_at) of the
    places with a volunteer that overlap [starts, ends) on non-cancelled activities."""
    sql = ("SELECT s.id, s.volunteer_id, s.starts_at, s.ends_at, t.title, t.starts_at "
           "FROM shift s JOIN activity t ON t.id = s.activity_id "
           "WHERE s.volunteer_id IS NOT NULL AND NOT t.cancelled "
           "AND s.starts_at < :ends AND s.ends_at > :starts")
    params: dict[str, object] = {"starts": _stored(starts), "ends": _stored(ends)}
    if volunteer_id is not None:
        sql += " AND s.volunteer_id = :volunteer"
        params["volunteer"] = volunteer_id
    return [tuple(r) for r in session.connection().execute(text(sql), params)]


def roles_in_initiative(session: Session, initiative_id: int, role_code: str, day: date
                        ) -> dict[int, tuple[str, bool]]:
    """volunteer id -> (Dutch names of their current roles here, holds `role_code`)."""
    return {int(r[0]): (str(r[1]), bool(r[2])) for r in session.connection().execute(text(
        "SELECT r.volunteer_id, group_concat(d.name, ', '), max(r.role_code = :role) "
        "FROM volunteer_role r JOIN duty_role d ON d.code = r.role_code "
        "WHERE r.initiative_id = :initiative AND (r.end_date IS NULL OR r.end_date >= :day) "
        "GROUP BY r.volunteer_id"),
        {"initiative": initiative_id, "role": role_code, "day": day.isoformat()})}


def active_volunteers(session: Session, day: date) -> list[Row]:
    """(id, display name, availability mask) of the volunteers active on that day."""
    return [tuple(r) for r in session.connection().execute(text(
        f"SELECT v.id, {VOLUNTEER_NAME}, v.availability FROM volunteer v "
        "WHERE v.archived_at IS NULL AND (v.start_date IS NULL OR v.start_date <= :day) "
        "AND (v.end_date IS NULL OR v.end_date >= :day)"), {"day": day.isoformat()})]
