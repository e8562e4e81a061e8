"""The reads behind maatjes suggestions and proposals: a request's facts, its candidate
volunteers, a volunteer's buddy projects, and whether a code exists. Raw rows; the scoring
lives in domain.matching, the use cases in services/maatjes.
"""

from collections.abc import Iterable
from datetime import date
from typing import Any

from sqlalchemy import Connection, text
from sqlmodel import Session

Row = tuple[Any, ...]
CODE_TABLES = ("match_end_reason", "contact_kind")

# Driven by the project's roles (indexed by initiative), so a project of 200 among 10,000
# volunteers reads 200 rows; open matches counted per volunteer through its index.
CANDIDATES_SQL = """
    SELECT v.id, v.district_code, v.interests, v.languages, v.gender, v.availability,
           v.vog_date,
           (SELECT count(*) FROM buddy_match b WHERE b.volunteer_id = v.id
              AND b.ended_on IS NULL)
    FROM volunteer v
    WHERE v.archived_at IS NULL
      AND (v.end_date IS NULL OR v.end_date >= :today)
      AND v.id IN (SELECT r.volunteer_id FROM volunteer_role r
                   WHERE r.initiative_id = :initiative
                     AND r.role_code NOT IN ({roles})
                     AND (r.start_date IS NULL OR r.start_date <= :today)
                     AND (r.end_date IS NULL OR r.end_date >= :today))
      AND NOT EXISTS (SELECT 1 FROM buddy_match x
                      WHERE x.request_id = :request AND x.volunteer_id = v.id)
    {only}
"""


def role_list(codes: Iterable[str]) -> str:
    """Role codes as an SQL list; constants of the code, never user input."""
    return ", ".join(f"'{code}'" for code in codes)


def request_facts(connection: Connection, request_id: int) -> Row | None:
    """id, initiative id, initiative name, resident id, status, interests, languages,
    preferred gender, preferred availability, the resident's wijk, the project's VOG rule."""
    row = connection.execute(text("""
        SELECT q.id, q.initiative_id, i.name, q.resident_id, q.status, q.interests,
               q.languages, q.preferred_gender, q.preferred_availability, res.district_code,
               i.vog_max_age_years
        FROM buddy_request q JOIN resident res ON res.id = q.resident_id
        JOIN initiative i ON i.id = q.initiative_id WHERE q.id = :id"""),
        {"id": request_id}).one_or_none()
    return None if row is None else tuple(row)


def candidate_rows(connection: Connection, initiative_id: int, request_id: int, today: date,
                   not_buddy_roles: Iterable[str], volunteer_id: int | None = None
                   ) -> list[Row]:
    """(id, wijk, interests, languages, gender, availability, vog_date, open matches) of the
    project's current volunteers not yet proposed for this request (or just one of them)."""
    sql = CANDIDATES_SQL.format(roles=role_list(not_buddy_roles),
                                only="AND v.id = :volunteer" if volunteer_id else "")
    params: dict[str, object] = {"today": today.isoformat(), "initiative": initiative_id,
                                 "request": request_id}
    if volunteer_id:
        params["volunteer"] = volunteer_id
    return [tuple(r) for r in connection.execute(text(sql), params)]


def buddy_initiatives(session: Session, volunteer_id: int, on: date,
                      not_buddy_roles: Iterable[str]) -> set[int]:
    """The initiatives where the volunteer holds a buddy role on that day."""
    rows = session.connection().execute(text(
        "SELECT initiative_id FROM volunteer_role WHERE volunteer_id = :v "
        f"AND role_code NOT IN ({role_list(not_buddy_roles)}) "
        "AND (start_date IS NULL OR start_date <= :on) "
        "AND (end_date IS NULL OR end_date >= :on)"), {"v": volunteer_id, "on": on.isoformat()})
    return {r[0] for r in rows}


def code_known(session: Session, table: str, code: str | None) -> bool:
    """Whether `code` is in the code list `table` (one of CODE_TABLES)."""
    if table not in CODE_TABLES:
        raise ValueError(f"not a code list: {table}")
    if not code:
        return False
    return session.connection().execute(
        text(f"SELECT 1 FROM {table} WHERE code = :c"), {"c": code}).first() is not None
