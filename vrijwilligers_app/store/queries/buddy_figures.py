"""The reads behind the maatjes figures (services/maatjes/figures.py): per request and per
started match their group (project or wijk), dates and end reason. SQLAlchemy Core on the
caller's Connection: the Maatjesoverzicht report runs it without loading SQLModel.
"""

from typing import Any

from sqlalchemy import Connection, text

Row = tuple[Any, ...]

UNKNOWN_DISTRICT = "Wijk onbekend"
_GROUP_SQL = {
    "initiative": ("CAST(q.initiative_id AS TEXT)", "i.name"),
    "district": ("coalesce(res.district_code, '')", f"coalesce(d.name, '{UNKNOWN_DISTRICT}')"),
}
_FROM = ("FROM buddy_request q JOIN initiative i ON i.id = q.initiative_id "
         "JOIN resident res ON res.id = q.resident_id "
         "LEFT JOIN district d ON d.code = res.district_code")


def requests_sql(group_by: str) -> str:
    """Per request: group key and label, status, dates, first start of a match."""
    key_sql, label_sql = _GROUP_SQL[group_by]
    return f"""
        SELECT {key_sql}, {label_sql}, q.status, q.requested_on, q.waiting_since,
               (SELECT min(m.started_on) FROM buddy_match m WHERE m.request_id = q.id)
        {_FROM}"""


def matches_sql(group_by: str) -> str:
    """Per started match: group key and label, start, end and end reason."""
    key_sql, label_sql = _GROUP_SQL[group_by]
    return f"""
        SELECT {key_sql}, {label_sql}, m.started_on, m.ended_on, m.end_reason_code
        FROM buddy_match m JOIN buddy_request q ON q.id = m.request_id
        JOIN initiative i ON i.id = q.initiative_id
        JOIN resident res ON res.id = q.resident_id
        LEFT JOIN district d ON d.code = res.district_code
        WHERE m.started_on IS NOT NULL"""


def figure_rows(connection: Connection, group_by: str
                ) -> tuple[list[Row], list[Row], dict[str, str]]:
    """(request rows, started match rows, end reason code -> name) for buddy figures."""
    requests = [tuple(r) for r in connection.execute(text(requests_sql(group_by)))]
    matches = [tuple(r) for r in connection.execute(text(matches_sql(group_by)))]
    reasons = {str(c): str(n) for c, n in connection.execute(
        text("SELECT code, name FROM match_end_reason"))}
    return requests, matches, reasons
