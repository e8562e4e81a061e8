"""Volunteers in initiatives (volunteer_role): the reads and the roster-place updates of
services/volunteer_roles.py. Raw rows; every function runs on the caller's Session.
"""

from datetime import date, timedelta
from typing import Any

from sqlalchemy import bindparam, text
from sqlmodel import Session

from vrijwilligers_app.store.queries.names import full_name_sql

Row = tuple[Any, ...]

_ROWS = f"""
SELECT r.id, r.volunteer_id, {full_name_sql("v")}, r.initiative_id, i.name, r.role_code,
       coalesce(d.name, r.role_code), r.start_date, r.end_date, r.exit_reason_code,
       coalesce(x.name, '')
FROM volunteer_role r JOIN volunteer v ON v.id = r.volunteer_id
JOIN initiative i ON i.id = r.initiative_id
LEFT JOIN duty_role d ON d.code = r.role_code
LEFT JOIN volunteer_exit_reason x ON x.code = r.exit_reason_code
"""
# Current roles first, then the most recent; within that by name.
_ORDER = " ORDER BY (r.end_date IS NULL) DESC, r.end_date DESC, {0}, r.start_date"
_WHERE = {
    "volunteer": "WHERE r.volunteer_id = :key" + _ORDER.format("i.name"),
    "initiative": "WHERE r.initiative_id = :key" + _ORDER.format("v.last_name, v.first_name"),
    "role": "WHERE r.id = :key",
}


def _rows(session: Session, sql: str, **params: object) -> list[Row]:
    return [tuple(r) for r in session.connection().execute(text(sql), params)]


def role_rows(session: Session, by: str, key: int) -> list[Row]:
    """Roles of a volunteer, in an initiative, or one role (`by`: volunteer, initiative,
    role): id, volunteer id and name, initiative id and name, role code and name, start,
    end, exit reason code and name."""
    return _rows(session, _ROWS + _WHERE[by], key=key)


def future_places(session: Session, volunteer_id: int, initiative_id: int, after: date
                  ) -> list[Row]:
    """(shift id, starts_at, activity title) of planned places after `after`."""
    return _rows(session, """
        SELECT s.id, s.starts_at, a.title FROM shift s JOIN activity a ON a.id = s.activity_id
        WHERE s.volunteer_id = :v AND a.initiative_id = :i AND a.cancelled = 0
          AND s.status = 'gepland' AND s.starts_at >= :after ORDER BY s.starts_at""",
        v=volunteer_id, i=initiative_id, after=(after + timedelta(days=1)).isoformat())


def set_place_volunteer(session: Session, shift_ids: list[int], volunteer_id: int | None
                        ) -> None:
    """Put a volunteer on these places (None: free them)."""
    session.connection().execute(text(
        "UPDATE shift SET volunteer_id = :v WHERE id IN :ids").bindparams(
        bindparam("ids", expanding=True)), {"v": volunteer_id, "ids": list(shift_ids)})


def role_span_rows(session: Session) -> list[Row]:
    """(volunteer id, initiative id, start, end, exit reason name) of every role."""
    return _rows(session, """
        SELECT r.volunteer_id, r.initiative_id, r.start_date, r.end_date, coalesce(x.name, '')
        FROM volunteer_role r
        LEFT JOIN volunteer_exit_reason x ON x.code = r.exit_reason_code""")


def volunteer_name(session: Session, volunteer_id: int) -> str | None:
    name = session.connection().execute(text(
        f"SELECT {full_name_sql('v')} FROM volunteer v WHERE v.id = :v"),
        {"v": volunteer_id}).scalar()
    return None if name is None else str(name)
