"""The read side of attendance entry: visitor counts, named participants, the picker."""

from sqlalchemy import text
from sqlmodel import Session

from vrijwilligers_app.store.queries.names import full_name_sql


def visitor_counts(session: Session, activity_id: int) -> list[tuple[str, str, int | None]]:
    """(code, Dutch name, count or None when not entered) per visitor type in use."""
    return [(str(r[0]), str(r[1]), None if r[2] is None else int(r[2]))
            for r in session.connection().execute(text(
                "SELECT v.code, v.name, a.visitors FROM visitor_type v "
                "LEFT JOIN attendance a ON a.visitor_type_code = v.code "
                "AND a.activity_id = :id WHERE v.active OR a.visitors IS NOT NULL "
                "ORDER BY v.sort_order, v.name"), {"id": activity_id})]


def participants(session: Session, activity_id: int) -> list[tuple[int, str]]:
    """(resident id, full name) of an activity's named participants."""
    return [(int(r[0]), str(r[1])) for r in session.connection().execute(text(
        f"SELECT r.id, trim({full_name_sql('r')}) FROM participation p "
        "JOIN resident r ON r.id = p.resident_id WHERE p.activity_id = :id "
        "ORDER BY r.last_name, r.first_name"), {"id": activity_id})]


def visitor_type_names(session: Session) -> dict[str, str]:
    """Every visitor type, also those no longer offered: code -> Dutch name."""
    return {str(r[0]): str(r[1]) for r in session.connection().execute(
        text("SELECT code, name FROM visitor_type"))}


def consenting_residents(session: Session, text_filter: str, limit: int) -> list[
        tuple[int, str]]:
    """(id, full name) of residents who may be recorded by name, matching a fragment."""
    rows = session.connection().execute(text(
        f"SELECT r.id, trim({full_name_sql('r')}) AS name FROM resident r "
        "WHERE r.consent_recording AND r.archived_at IS NULL "
        f"AND {full_name_sql('r')} LIKE :like "
        "ORDER BY r.last_name, r.first_name LIMIT :limit"),
        {"like": f"%{text_filter.strip()}%", "limit": limit})
    return [(int(r[0]), str(r[1])) for r in rows]
