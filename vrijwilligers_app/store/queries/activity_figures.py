"""The activities' reads behind the figures (Activiteiten → Cijfers, jaarverslag): raw rows of
the activities of a period, narrowed by initiative and wijk, with their attendance, shifts and
participations. services/activities/figures.py aggregates them (domain.activity_figures).
SQLAlchemy Core on the caller's Connection: the jaarverslag runs it without SQLModel.
"""

from dataclasses import dataclass
from datetime import date
from typing import Any

from sqlalchemy import Connection, text

Row = tuple[Any, ...]

# An activity's wijk: its own, else its initiative's when the initiative works in exactly one.
_DISTRICT = ("coalesce(t.district_code, (SELECT min(x.district_code) FROM initiative_district x "
             "WHERE x.initiative_id = t.initiative_id HAVING count(*) = 1))")
_SELECTED = """
SELECT t.id FROM activity t
WHERE substr(t.starts_at, 1, 10) BETWEEN :start AND :end {extra}
"""
_DISTRICT_FILTER = (" AND (t.district_code = :district OR (t.district_code IS NULL AND EXISTS ("
                    "SELECT 1 FROM initiative_district x WHERE x.initiative_id = "
                    "t.initiative_id AND x.district_code = :district)))")


@dataclass(frozen=True)
class FigureFacts:
    visitor_types: list[tuple[str, str]]  # (code, name) in the code list's order
    activities: list[Row]  # id, initiative id and name, wijk code and name, starts_at, cancelled
    attendance: list[Row]  # activity id, visitor type code, visitors
    shifts: list[Row]  # activity id, volunteer id, starts_at, ends_at, status, hours
    participations: list[Row]  # activity id, resident id


def figure_facts(connection: Connection, start: date, end: date, initiative_id: int | None = None,
                 district_code: str | None = None) -> FigureFacts:
    """The rows of the activities starting from `start` to `end` (inclusive)."""
    extra = ""
    params: dict[str, object] = {"start": start.isoformat(), "end": end.isoformat()}
    if initiative_id is not None:
        extra += " AND t.initiative_id = :initiative"
        params["initiative"] = initiative_id
    if district_code:
        extra += _DISTRICT_FILTER
        params["district"] = district_code
    selected = _SELECTED.format(extra=extra)
    types = [(str(r[0]), str(r[1])) for r in connection.execute(text(
        "SELECT code, name FROM visitor_type ORDER BY sort_order, name"))]
    # The plain DB-API cursor: these are the only big reads, and SQLAlchemy's row
    # objects cost more than the SQL (see tests/bench/test_activities_bench.py).
    cursor = connection.connection.cursor()
    try:
        def fetch(sql: str) -> list[Row]:
            cursor.execute(sql, params)
            return list(cursor.fetchall())

        return FigureFacts(
            types,
            fetch(f"SELECT t.id, t.initiative_id, i.name, {_DISTRICT}, d.name, t.starts_at, "
                  "t.cancelled FROM activity t JOIN initiative i ON i.id = t.initiative_id "
                  f"LEFT JOIN district d ON d.code = {_DISTRICT} "
                  f"WHERE t.id IN ({selected})"),
            fetch("SELECT activity_id, visitor_type_code, visitors FROM attendance "
                  f"WHERE activity_id IN ({selected})"),
            fetch("SELECT activity_id, volunteer_id, starts_at, ends_at, status, hours "
                  f"FROM shift WHERE volunteer_id IS NOT NULL AND activity_id IN ({selected})"),
            fetch("SELECT activity_id, resident_id FROM participation "
                  f"WHERE activity_id IN ({selected})"))
    finally:
        cursor.close()
